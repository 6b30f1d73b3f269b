# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""What every OCI module shares: common options, input checks, client wiring, result and error reporting."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re
import traceback

from ansible.module_utils.basic import AnsibleModule, env_fallback, missing_required_lib

from ansible_collections.cloudai.control.plugins.module_utils.resource import (
    ResourceError, list_resources, run_resource,
)
from ansible_collections.cloudai.control.plugins.module_utils.transport import HAS_REQUESTS, ApiError, Transport

OCID = re.compile(r"^ocid1\.([a-z0-9]+)\.([a-z0-9]+)\.([a-z0-9-]*)(\.[a-z0-9-]+)?\.[A-Za-z0-9_-]+$")


def _env(*names):
    return (env_fallback, list(names))


OCI_COMMON_ARGS = dict(
    auth_type=dict(type="str", choices=["api_key", "security_token", "instance_principal"], fallback=_env("OCI_CLI_AUTH")),
    config_file=dict(type="path", fallback=_env("OCI_CONFIG_FILE", "OCI_CLI_CONFIG_FILE")),
    config_profile=dict(type="str", fallback=_env("OCI_CONFIG_PROFILE", "OCI_CLI_PROFILE")),
    region=dict(type="str", fallback=_env("OCI_REGION", "OCI_CLI_REGION")),
    tenancy=dict(type="str", fallback=_env("OCI_TENANCY", "OCI_CLI_TENANCY")),
    user=dict(type="str", fallback=_env("OCI_USER_ID", "OCI_CLI_USER")),
    fingerprint=dict(type="str", fallback=_env("OCI_USER_FINGERPRINT", "OCI_CLI_FINGERPRINT")),
    key_file=dict(type="path", fallback=_env("OCI_USER_KEY_FILE", "OCI_CLI_KEY_FILE")),
    key_content=dict(type="str", no_log=True, fallback=_env("OCI_USER_KEY_CONTENT", "OCI_CLI_KEY_CONTENT")),
    pass_phrase=dict(type="str", no_log=True, fallback=_env("OCI_USER_KEY_PASS_PHRASE")),
    endpoint=dict(type="str", fallback=_env("CLOUDAI_OCI_ENDPOINT")),
    validate_certs=dict(type="bool", default=True),
    ca_bundle=dict(type="path"),
    timeout=dict(type="int", default=60),
    retries=dict(type="int", default=5),
)

WAIT_ARGS = dict(
    wait=dict(type="bool", default=True),
    wait_timeout=dict(type="int", default=1200),
)

TAG_ARGS = dict(
    freeform_tags=dict(type="dict"),
    defined_tags=dict(type="dict"),
    purge_tags=dict(type="bool", default=True),
)


def resource_argument_spec(spec):
    argspec = dict(OCI_COMMON_ARGS, **WAIT_ARGS)
    argspec["state"] = dict(type="str", default="present", choices=["present", "absent"])
    argspec["id"] = dict(type="str", aliases=[spec.kind + "_id"])
    argspec[spec.scope[0]] = dict(type="str")
    argspec[spec.name[0]] = dict(type="str")
    for option, field in spec.fields.items():
        argspec[option] = dict(field.argspec)
    if spec.tags:
        argspec.update(TAG_ARGS)
    return argspec


def info_argument_spec(spec, filter_args):
    argspec = dict(OCI_COMMON_ARGS)
    argspec["id"] = dict(type="str", aliases=[spec.kind + "_id"])
    argspec[spec.scope[0]] = dict(type="str")
    argspec.update(filter_args)
    return argspec


def check_ocid(value, option, types):
    """A message naming the option and the rule when ``value`` is not an OCID of one of ``types``."""
    match = OCID.match(value or "")
    if not match:
        return "%s must be an OCID (ocid1.<type>.<realm>.<region>.<unique id>), got %r" % (option, value)
    if match.group(1) not in types:
        return "%s must be the OCID of a %s, got one of a %s" % (option, " or ".join(types), match.group(1))
    return None


def check_params(module, spec):
    params = module.params
    problems = []
    if params.get("id"):
        problems.append(check_ocid(params["id"], "id", (spec.ocid_type,)))
    if params.get(spec.scope[0]):
        problems.append(check_ocid(params[spec.scope[0]], spec.scope[0], ("compartment", "tenancy")))
    for option, field in spec.fields.items():
        if field.check and params.get(option) is not None:
            problems.append(field.check(params[option], option))
    for key in ("timeout", "retries", "wait_timeout"):
        if params.get(key) is not None and params[key] < 0:
            problems.append("%s must be zero or more, got %s" % (key, params[key]))
    if params.get("timeout") == 0:
        problems.append("timeout must be at least 1 second")
    problems = [p for p in problems if p]
    if problems:
        module.fail_json(msg="; ".join(problems))


def oci_client(module, service):
    """The signed client for ``service`` built from the module's common options."""
    from ansible_collections.cloudai.control.plugins.module_utils.oci_auth import (
        OciAuthError, build_oci_signer, resolve_oci_settings,
    )
    from ansible_collections.cloudai.control.plugins.module_utils.oci_client import OciClient

    if not HAS_REQUESTS:
        module.fail_json(msg=missing_required_lib("requests"))
    params = module.params
    try:
        settings = resolve_oci_settings(params)
        signer = build_oci_signer(settings)
    except OciAuthError as error:
        module.fail_json(msg=str(error))
    for warning in settings.get("warnings", []):
        module.warn(warning)
    if not params["validate_certs"]:
        module.warn("validate_certs is false: the service's TLS certificate is not verified")
    transport = Transport(signer, timeout=params["timeout"], validate_certs=params["validate_certs"],
                          ca_bundle=params.get("ca_bundle"), retries=params["retries"])
    return OciClient(transport, service, settings.get("region"), params.get("endpoint"))


def _run(module, work):
    from ansible_collections.cloudai.control.plugins.module_utils.oci_auth import OciAuthError

    try:
        return work()
    except ResourceError as error:
        module.fail_json(msg=str(error), **error.details)
    except ApiError as error:
        module.fail_json(msg=str(error), error=error.to_dict())
    except OciAuthError as error:
        module.fail_json(msg=str(error))
    except Exception as error:  # pylint: disable=broad-except
        module.fail_json(msg="unexpected error: %s" % error, exception=traceback.format_exc())


def run_resource_module(spec, service):
    module = AnsibleModule(argument_spec=resource_argument_spec(spec), supports_check_mode=True,
                           required_one_of=[("id", spec.name[0])])
    check_params(module, spec)
    client = oci_client(module, service)
    module.exit_json(**_run(module, lambda: run_resource(spec, client, module.params, module.check_mode, module._diff)))


def run_info_module(spec, service, filter_args):
    module = AnsibleModule(argument_spec=info_argument_spec(spec, filter_args), supports_check_mode=True,
                           required_one_of=[("id", spec.scope[0])])
    check_params(module, spec)
    client = oci_client(module, service)
    module.exit_json(changed=False, **{spec.plural: _run(module, lambda: list_resources(spec, client, module.params))})
