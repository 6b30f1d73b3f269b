# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Huawei Cloud authentication: AK/SK ``SDK-HMAC-SHA256`` request signing, IAM token, option checks.

Behaves like ``huaweicloudsdkcore`` 3.1.219 (``signer/signer.py``, ``BasicCredentials``); the rules are
written down in the project's ``api/auth-and-signing.md`` part B.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import hashlib
import hmac
import os
import re
import time

from urllib.parse import quote, unquote, urlsplit

from ansible_collections.cloudai.control.plugins.module_utils.errors import ConfigError, did_you_mean

ALGORITHM = "SDK-HMAC-SHA256"
EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD"
DATE_FORMAT = "%Y%m%dT%H%M%SZ"
# the SDK's environment variable prefix and default URL of each client (DataArtsFabricClient, DataArtsFabricEpClient)
FABRIC_SERVICE = ("HUAWEICLOUD_SDK_REGION_DATAARTSFABRIC_", "https://fabric.{region}.myhuaweicloud.com")
FABRIC_EP_SERVICE = ("HUAWEICLOUD_SDK_REGION_DATAARTSFABRICEP_", "https://fabric-ep.{region}.myhuaweicloud.com")

REGION_PATTERN = re.compile(r"^[a-z]{2}(-[a-z]+)+-[0-9]+\Z")
# Huawei Cloud's regions (huaweicloudsdkcore 3.1.219, auth/endpoint.py)
REGIONS = frozenset("""
af-south-1 ae-ad-1 ap-southeast-1 ap-southeast-2 ap-southeast-3 ap-southeast-4 cn-east-2 cn-east-3 cn-east-4 cn-east-5
cn-north-1 cn-north-2 cn-north-4 cn-north-9 cn-north-12 cn-south-1 cn-south-2 cn-southwest-2 eu-west-0 la-north-2
la-south-2 me-east-1 my-kualalumpur-1 na-mexico-1 ru-moscow-1 sa-brazil-1 tr-west-1
""".split())
PROJECT_ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,64}\Z")


class HuaweiAuthError(ConfigError):
    """Invalid or incomplete Huawei Cloud settings. The message never contains a secret."""


def _encode(text):
    # Only the RFC 3986 unreserved characters A-Za-z0-9-_.~ stay as they are (space -> %20, never +).
    return quote(text, safe="~")


def _query_value(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def canonical_query(params):
    """Canonical query string for a dict or a list of (key, value) pairs.

    Pairs are sorted by key, then value (both before encoding, as the SDK does); a list value gives one
    pair per item; booleans are ``true``/``false``; ``None`` values are left out. Send this string as
    the URL query so that what is sent is what is signed.
    """
    items = params.items() if isinstance(params, dict) else params
    pairs = []
    for key, value in items:
        values = value if isinstance(value, (list, tuple)) else [value]
        pairs.extend((str(key), _query_value(item)) for item in values if item is not None)
    return "&".join("%s=%s" % (_encode(key), _encode(value)) for key, value in sorted(pairs))


def parse_query(query):
    """(key, value) pairs of an encoded URL query. ``+`` is a literal plus (RFC 3986), not a space."""
    pairs = []
    for part in query.split("&"):
        if part:
            key, _sep, value = part.partition("=")
            pairs.append((unquote(key), unquote(value)))
    return pairs


def canonical_uri(path):
    """Decoded path, each segment re-encoded, always ending with ``/`` (the request is sent without it)."""
    uri = "/".join(_encode(segment) for segment in unquote(path).split("/"))
    return uri if uri.endswith("/") else uri + "/"


def signed_header_names(headers):
    """Lower-case names of the headers to sign: all of them except names with ``_`` and ``authorization``."""
    return sorted(name.lower() for name in headers if "_" not in name and name.lower() != "authorization")


def _find_header(headers, name):
    """The key under which ``name`` (lower-case) is in ``headers``, whatever its case, or None."""
    for key in headers:
        if key.lower() == name:
            return key
    return None


def _header_value(headers, name):
    key = _find_header(headers, name)
    return None if key is None else headers[key]


def _set_header(headers, name, value):
    """Set ``name`` (lower-case), replacing the value of a caller's header of that name in any case."""
    headers[_find_header(headers, name) or name] = value


def _body_hash(headers, body):
    if not body:
        return EMPTY_BODY_SHA256
    # UNSIGNED-PAYLOAD for non-JSON content (or whatever the caller put there)
    return _header_value(headers, "x-sdk-content-sha256") or hashlib.sha256(body).hexdigest()


def canonical_request(method, url, headers, body):
    """The SDK-HMAC-SHA256 canonical request for a request sent exactly as given (pure function)."""
    parts = urlsplit(url)
    if isinstance(body, str):
        body = body.encode("utf-8")
    values = dict((name.lower(), str(value).strip()) for name, value in headers.items())
    names = signed_header_names(headers)
    return "\n".join([
        method.upper(),
        canonical_uri(parts.path),
        canonical_query(parse_query(parts.query)),
        "".join("%s:%s\n" % (name, values[name]) for name in names),
        ";".join(names),
        _body_hash(headers, body),
    ])


def string_to_sign(canonical, sdk_date):
    return "%s\n%s\n%s" % (ALGORITHM, sdk_date, hashlib.sha256(canonical.encode("utf-8")).hexdigest())


class AkSkSigner:
    """Signs requests with an access key / secret key (optionally temporary, with a security token)."""

    def __init__(self, ak, sk, project_id=None, security_token=None):
        self.ak = ak
        self._sk = sk
        self.project_id = project_id
        self._security_token = security_token

    def sign(self, method, url, headers, body):
        if _find_header(headers, "x-sdk-date") is None:
            headers["x-sdk-date"] = time.strftime(DATE_FORMAT, time.gmtime())
        if _find_header(headers, "host") is None:
            headers["host"] = urlsplit(url).netloc
        if self.project_id:
            _set_header(headers, "x-project-id", self.project_id)
        if self._security_token:
            _set_header(headers, "x-security-token", self._security_token)
        content_type = _header_value(headers, "content-type")
        if content_type and not content_type.startswith(("application/json", "application/bson")):
            _set_header(headers, "x-sdk-content-sha256", UNSIGNED_PAYLOAD)
        # a header left from an earlier attempt must be replaced, not signed
        headers.pop(_find_header(headers, "authorization"), None)

        canonical = canonical_request(method, url, headers, body)
        to_sign = string_to_sign(canonical, _header_value(headers, "x-sdk-date").strip())
        signature = hmac.new(self._sk.encode("utf-8"), to_sign.encode("utf-8"), hashlib.sha256).hexdigest()
        headers["authorization"] = "%s Access=%s, SignedHeaders=%s, Signature=%s" % (
            ALGORITHM, self.ak, ";".join(signed_header_names(headers)), signature)


class TokenSigner:
    """Authenticates with an IAM token (``X-Auth-Token``) instead of a signature."""

    def __init__(self, auth_token, project_id=None):
        self._auth_token = auth_token
        self.project_id = project_id

    def sign(self, method, url, headers, body):
        headers["x-auth-token"] = self._auth_token
        if self.project_id:
            headers["x-project-id"] = self.project_id


class HuaweiCredentials:
    """Either ak + sk (+ security_token) or auth_token. Deliberately no __repr__ showing the values."""

    def __init__(self, ak=None, sk=None, security_token=None, auth_token=None):
        self.ak = ak
        self.sk = sk
        self.security_token = security_token
        self.auth_token = auth_token


def _endpoint_from_env(prefix, region):
    value = os.environ.get(prefix + region.upper().replace("-", "_"), "")
    return value.split(",")[0].strip() or None


def _check_credentials(params):
    ak, sk = params.get("ak"), params.get("sk")
    auth_token, security_token = params.get("auth_token"), params.get("security_token")
    if auth_token:
        if ak or sk or security_token:
            raise HuaweiAuthError("Use either auth_token or ak/sk (with optional security_token), not both.")
        return HuaweiCredentials(auth_token=auth_token)
    if ak and sk:
        return HuaweiCredentials(ak=ak, sk=sk, security_token=security_token)
    if ak:
        raise HuaweiAuthError("Option sk is required together with ak (or set HUAWEICLOUD_SDK_SK).")
    if sk:
        raise HuaweiAuthError("Option ak is required together with sk (or set HUAWEICLOUD_SDK_AK).")
    raise HuaweiAuthError("No Huawei Cloud credentials: set ak and sk (HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK) "
                          "or auth_token.")


def resolve_huawei_settings(params, service=FABRIC_SERVICE):
    """Check the common Huawei options (already merged with environment variables by the argspec).

    Returns ``{"endpoint", "region", "project_id", "credentials"}``; pass it to build_huawei_signer(). ``service``: the
    environment variable prefix and default URL of the service's endpoint in a region.
    Raises HuaweiAuthError with a message naming the offending option.
    """
    credentials = _check_credentials(params)

    project_id = params.get("project_id")
    if not project_id:
        raise HuaweiAuthError("Option project_id is required (or set HUAWEICLOUD_SDK_PROJECT_ID).")
    if not PROJECT_ID_PATTERN.match(project_id):
        raise HuaweiAuthError("Option project_id must be 1-64 characters from A-Z a-z 0-9 _ - "
                              "(usually 32 hexadecimal characters), got %r." % project_id)

    region = params.get("region") or None
    endpoint = params.get("endpoint") or None
    if region is None and endpoint is None:
        raise HuaweiAuthError("Option region is required unless endpoint is given.")
    if region is not None and not REGION_PATTERN.match(region):
        raise HuaweiAuthError("Option region must be a Huawei Cloud region id such as cn-north-4 or "
                              "ap-southeast-1, got %r." % region)

    if endpoint is None:
        env_prefix, default_endpoint = service
        endpoint = _endpoint_from_env(env_prefix, region)
        if endpoint is None and region not in REGIONS:
            raise HuaweiAuthError("Option region %r is not a Huawei Cloud region%s. For a region newer than the "
                                  "collection's list, give the service's URL in it with endpoint (or %s%s)." % (
                                      region, did_you_mean(region, REGIONS), env_prefix,
                                      region.upper().replace("-", "_")))
        endpoint = endpoint or default_endpoint.format(region=region)
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise HuaweiAuthError("Option endpoint must be an http:// or https:// URL, got %r." % endpoint)

    return {
        "endpoint": endpoint.rstrip("/"),
        "region": region,
        "project_id": project_id,
        "credentials": credentials,
    }


def build_huawei_signer(settings):
    """The signer for settings returned by resolve_huawei_settings()."""
    credentials = settings["credentials"]
    if credentials.auth_token:
        return TokenSigner(credentials.auth_token, settings["project_id"])
    return AkSkSigner(credentials.ak, credentials.sk, settings["project_id"], credentials.security_token)
