# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""OCI settings: from the module's options, then the environment, then the OCI config file, checked; oci_auth.py
builds the signer from them."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import configparser
import os
import re
import socket
import stat

from ansible_collections.cloudai.control.plugins.module_utils.errors import did_you_mean
from ansible_collections.cloudai.control.plugins.module_utils.oci_auth import OciAuthError
from ansible_collections.cloudai.control.plugins.module_utils.oci_regions import (
    REGION_PATTERN, REGION_REALMS, added_region, canonical_region,
)

AUTH_TYPES = ("api_key", "security_token", "instance_principal")
DEFAULT_PROFILE = "DEFAULT"
DEFAULT_CONFIG_FILE = "~/.oci/config"
FALLBACK_CONFIG_FILE = "~/.oraclebmc/config"
FINGERPRINT_PATTERN = re.compile(r"^([0-9a-f]{2}:){15}[0-9a-f]{2}\Z")
OCID_PATTERN = re.compile(r"^([0-9a-zA-Z_-]+[.:])([0-9a-zA-Z_-]*[.:]){3,}([0-9a-zA-Z_-]+)\Z")

# ---------------------------------------------------------------------------------------------------
# Settings: options, then the OCI config file, then the environment

SETTING_NAMES = ("region", "tenancy", "user", "fingerprint", "key_file", "key_content", "pass_phrase")
# the environment variables of each option (those of oracle.oci and of the OCI CLI), for the argument spec and messages
SETTING_ENV = dict(
    auth_type=("OCI_CLI_AUTH",),
    config_file=("OCI_CONFIG_FILE", "OCI_CLI_CONFIG_FILE"),
    config_profile=("OCI_CONFIG_PROFILE", "OCI_CLI_PROFILE"),
    region=("OCI_REGION", "OCI_CLI_REGION"),
    tenancy=("OCI_TENANCY", "OCI_CLI_TENANCY"),
    user=("OCI_USER_ID", "OCI_CLI_USER"),
    fingerprint=("OCI_USER_FINGERPRINT", "OCI_CLI_FINGERPRINT"),
    key_file=("OCI_USER_KEY_FILE", "OCI_CLI_KEY_FILE"),
    key_content=("OCI_USER_KEY_CONTENT", "OCI_CLI_KEY_CONTENT"),
    pass_phrase=("OCI_USER_KEY_PASS_PHRASE",),
)
CONFIG_FILE_KEYS = ("region", "tenancy", "user", "fingerprint", "key_file", "pass_phrase", "security_token_file")


def _config_file_path(given):
    """(path, explicit) per the SDK: the given path, ~/.oci/config, env OCI_CONFIG_FILE, ~/.oraclebmc/config."""
    if given:
        return os.path.expanduser(given), True
    default = os.path.expanduser(DEFAULT_CONFIG_FILE)
    if os.path.isfile(default):
        return default, False
    if os.environ.get("OCI_CONFIG_FILE"):
        return os.path.expanduser(os.environ["OCI_CONFIG_FILE"]), True
    fallback = os.path.expanduser(FALLBACK_CONFIG_FILE)
    if os.path.isfile(fallback):
        return fallback, False
    return default, False


def _read_profile(path, explicit_file, profile, explicit_profile):
    """The profile's keys (``[DEFAULT]`` keys inherited), or {} when an optional file is absent."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        with open(path, encoding="utf-8") as handle:
            parser.read_file(handle)
    except FileNotFoundError:
        if explicit_file:
            raise OciAuthError("config file %s does not exist (option config_file or env OCI_CONFIG_FILE)" % path)
        if explicit_profile and profile != DEFAULT_PROFILE:
            raise OciAuthError("config_profile %s was given but the config file %s does not exist" % (profile, path))
        return {}
    except OSError as exc:
        raise OciAuthError("config file %s cannot be read: %s" % (path, exc.strerror))
    except (configparser.Error, UnicodeDecodeError) as exc:
        # The parser's own message may quote a line of the file (which could hold a pass phrase).
        line = getattr(exc, "lineno", None) or (exc.errors[0][0] if getattr(exc, "errors", None) else None)
        raise OciAuthError("config file %s is not a valid INI file%s"
                           % (path, " (line %s)" % line if line else ""))
    if profile != DEFAULT_PROFILE and not parser.has_section(profile):
        raise OciAuthError("config_profile %s not found in config file %s (profiles: %s)"
                           % (profile, path, ", ".join([DEFAULT_PROFILE] + parser.sections())))
    values = dict(parser[profile])
    if "key_content" in values:
        raise OciAuthError("'key_content' is not allowed in a config file (profile %s of %s); use key_file, "
                           "or the key_content option" % (profile, path))
    return values


def _checked_region(value, source, endpoint):
    """The region id of ``value``: a known region, one that env OCI_REGION_METADATA adds, or any with ``endpoint``."""
    region = canonical_region(value)
    if not REGION_PATTERN.match(region):
        raise OciAuthError("region must be an OCI region id such as us-chicago-1 or a short code such as ord, got %r (%s)"
                           % (value, source))
    if region not in REGION_REALMS and not endpoint and added_region().get("regionIdentifier") != region:
        raise OciAuthError("region %r (%s) is not an OCI region%s. For a region newer than the collection's list, "
                           "describe it in env OCI_REGION_METADATA as the OCI SDK reads it (such as "
                           "{\"regionIdentifier\": \"%s\", \"realmDomainComponent\": \"oraclecloud.com\", ...}), or "
                           "give the service's URL in it with endpoint" % (
                               value, source, did_you_mean(region, REGION_REALMS), region))
    return region


def _missing_message(missing, auth_type, sources, values, profile, path):
    """Every setting that is missing and every place it was looked for; 'no OCI credentials found' when nothing was."""
    found = path if os.path.isfile(path) else "%s (file not found%s)" % (
        path, "" if os.environ.get("OCI_CONFIG_FILE") else "; nor %s, nor env OCI_CONFIG_FILE" % FALLBACK_CONFIG_FILE)
    where = []
    for name in missing:
        places = [] if name == "security_token_file" else ["option %s" % name]
        places += ["env %s" % " or ".join(SETTING_ENV[name])] if name in SETTING_ENV else []
        if name == "key_file":
            places.append("option key_content or env %s" % " or ".join(SETTING_ENV["key_content"]))
        places.append("'%s' in profile %s of the config file" % (name, profile))
        if name == "region":
            places.append("or option endpoint instead")
        where.append("%s (%s)" % (name, ", ".join(places)))
    listed = ", ".join(missing[:-1]) + " and " + missing[-1] if len(missing) > 1 else missing[0]
    return "%s for auth_type %s: %s %s missing, looked for in: %s; config file %s. Credentials are read on the host " \
           "that runs the task (%s), which is not the controller for a task on a remote host without delegate_to: " \
           "localhost" % ("no OCI credentials found" if not sources and not values else "OCI credentials incomplete",
                          auth_type, listed, "is" if len(missing) == 1 else "are", "; ".join(where), found,
                          socket.gethostname())


def _file_mode_warning(path, what):
    mode = stat.S_IMODE(os.stat(path).st_mode)
    if mode & 0o077:
        return "%s %s can be read by group or others (mode %04o); restrict it with chmod 600" % (what, path, mode)
    return None


def resolve_oci_settings(params):
    """Resolve the auth settings from module options, falling back to the OCI config file and env.

    ``params`` holds the common options (``auth_type``, ``config_file``, ``config_profile``, ``region``,
    ``tenancy``, ``user``, ``fingerprint``, ``key_file``, ``key_content``, ``pass_phrase``, ``endpoint``);
    missing or None values are taken from the config file profile. Returns a dict with those settings
    plus ``security_token_file``, ``config_file`` (the file consulted or None), ``config_profile``,
    ``sources`` (where each value came from, for messages) and ``warnings`` (a list of strings).
    ``region`` is a region id (short codes mapped); it is None only with ``endpoint`` set or for
    instance principals (``build_oci_signer`` fills it in). Raises OciAuthError.
    """
    auth_type = params.get("auth_type") or "api_key"
    if auth_type not in AUTH_TYPES:
        raise OciAuthError("auth_type must be one of %s, not %s" % (", ".join(AUTH_TYPES), auth_type))
    settings = {"auth_type": auth_type, "security_token_file": None, "config_file": None, "config_profile": None,
                "sources": {}, "warnings": []}
    sources = settings["sources"]
    for name in SETTING_NAMES:
        value = params.get(name)
        settings[name] = value if value not in (None, "") else None
        if settings[name] is not None:
            sources[name] = "option %s" % name
    if settings["key_file"] and settings["key_content"]:
        raise OciAuthError("options key_file and key_content are mutually exclusive")

    if auth_type == "instance_principal":
        # The instance's identity replaces the config file; the region defaults to the instance's.
        if settings["region"]:
            settings["region"] = _checked_region(settings["region"], sources["region"], params.get("endpoint"))
        return settings

    profile = params.get("config_profile") or DEFAULT_PROFILE
    path, explicit_file = _config_file_path(params.get("config_file"))
    values = _read_profile(path, explicit_file, profile, bool(params.get("config_profile")))
    if values:
        settings["config_file"] = path
        settings["config_profile"] = profile
        warning = _file_mode_warning(path, "config file")  # it may hold pass_phrase
        if warning:
            settings["warnings"].append(warning)
    for key in CONFIG_FILE_KEYS:
        if settings.get(key) is None and values.get(key) and not (key == "key_file" and settings["key_content"]):
            settings[key] = values[key]
            sources[key] = "'%s' in profile %s of %s" % (key, profile, path)
    if settings["region"] is None and os.environ.get("OCI_REGION"):
        settings["region"] = os.environ["OCI_REGION"]
        sources["region"] = "env OCI_REGION"
    if settings["region"]:
        settings["region"] = _checked_region(settings["region"], sources["region"], params.get("endpoint"))

    missing = [name for name in ("region", "tenancy", "user", "fingerprint", "key_file", "security_token_file")
               if not settings[name] and (name != "region" or not params.get("endpoint"))
               and (name not in ("tenancy", "user", "fingerprint") or auth_type == "api_key")
               and (name != "key_file" or not settings["key_content"])
               and (name != "security_token_file" or auth_type == "security_token")]
    if missing:
        raise OciAuthError(_missing_message(missing, auth_type, sources, values, profile, path))
    if settings["fingerprint"] and not FINGERPRINT_PATTERN.match(settings["fingerprint"]):
        raise OciAuthError("fingerprint must be 16 lower-case hex pairs separated by ':' (%s)" % sources["fingerprint"])
    for name in ("tenancy", "user"):
        if settings[name] and not OCID_PATTERN.match(settings[name]):
            raise OciAuthError("%s must be an OCID such as ocid1.%s.oc1..aaaa... (%s)" % (name, name, sources[name]))

    files = ["key_file"] + (["security_token_file"] if auth_type == "security_token" else [])
    for name in files:
        if not settings[name]:
            continue
        settings[name] = os.path.expanduser(settings[name])
        if not os.path.isfile(settings[name]):
            raise OciAuthError("%s %s does not exist or is not a file (%s)" % (name, settings[name], sources[name]))
        warning = _file_mode_warning(settings[name], name)
        if warning:
            settings["warnings"].append(warning)
    return settings
