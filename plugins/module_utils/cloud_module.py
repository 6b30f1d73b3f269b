# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""What every module shares, whatever the cloud: argument specs from a ResourceSpec, input checks before any
request, running the engine, and reporting results and errors. A Cloud (oci_module.OCI,
huawei_module.HUAWEI) supplies the common options, its id checks and how to build its client."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import traceback

from ansible.module_utils.basic import AnsibleModule, env_fallback, missing_required_lib

from ansible_collections.cloudai.control.plugins.module_utils.resource import (
    ResourceError, list_resources, run_resource,
)
from ansible_collections.cloudai.control.plugins.module_utils.errors import ConfigError
from ansible_collections.cloudai.control.plugins.module_utils.transport import HAS_REQUESTS, ApiError, Transport


def env(*names):
    """Argument-spec fallback to the first of these environment variables that is set."""
    return (env_fallback, list(names))


WAIT_ARGS = dict(
    wait=dict(type="bool", default=True),
    wait_timeout=dict(type="int", default=1200),
)

CONNECTION_ARGS = dict(
    validate_certs=dict(type="bool", default=True),
    ca_bundle=dict(type="path"),
    timeout=dict(type="int", default=60),
    retries=dict(type="int", default=5),
)


class Cloud:
    """common_args: options every module of the cloud takes; tag_args: tag options for specs with tags;
    check_id(value, option, spec_or_types) -> problem or None; connect(params, transport_factory) -> (client, warnings).
    """

    def __init__(self, common_args, tag_args, check_id, connect):
        self.common_args = common_args
        self.tag_args = tag_args
        self.check_id = check_id
        self.connect = connect


def resource_argument_spec(spec, cloud):
    argspec = dict(cloud.common_args, **WAIT_ARGS)
    argspec["state"] = dict(type="str", default="present", choices=["present", "absent"])
    argspec["id"] = dict(type="str", aliases=[spec.kind + "_id"], required=not spec.name)
    if spec.scope:
        argspec[spec.scope[0]] = dict(type="str", required=spec.scope_in_path)
    if spec.name:
        argspec[spec.name[0]] = dict(type="str")
    for option, field in spec.fields.items():
        argspec[option] = dict(field.argspec)
    if spec.tags:
        argspec.update(cloud.tag_args)
    return argspec


def info_argument_spec(spec, cloud):
    argspec = dict(cloud.common_args)
    if spec.has_id:
        argspec["id"] = dict(type="str", aliases=[spec.kind + "_id"], required=not spec.listable)
    if spec.scope and (spec.listable or spec.scope_in_path):
        argspec[spec.scope[0]] = dict(type="str", required=spec.scope_in_path)
    argspec.update((option, dict(f.argspec)) for option, f in spec.filters.items())
    argspec.update((option, dict(type="bool", default=False)) for option in spec.includes)
    return argspec


def check_variant(discriminator, table):
    """A Field/Filter check for a dict option that takes different suboptions per ``discriminator`` value:
    ``table`` maps each value to (required suboptions, optional suboptions). Works on one dict or a list of them."""

    def check(value, option):
        if isinstance(value, list):
            return "; ".join(p for p in (check(item, "%s[%d]" % (option, index)) for index, item in enumerate(value)) if p) or None
        kind = value.get(discriminator)
        required, optional = table[kind]
        missing = [key for key in required if value.get(key) in (None, "")]
        foreign = sorted(key for key, v in value.items()
                         if v is not None and key != discriminator and key not in tuple(required) + tuple(optional))
        problems = []
        if missing:
            problems.append("%s with %s %s needs %s" % (option, discriminator, kind, ", ".join(missing)))
        if foreign:
            problems.append("%s with %s %s does not take %s" % (option, discriminator, kind, ", ".join(foreign)))
        return "; ".join(problems) or None

    return check


def check_params(module, spec, cloud, options):
    """Fail with every problem in the options, each naming the option and the rule, before any request.

    ``options``: the spec's fields (resource modules) or filters (info modules); ``spec.checks`` apply to both."""
    params = module.params
    problems = []
    if params.get("id"):
        problems.append(cloud.check_id(params["id"], "id", spec))
    if spec.scope and params.get(spec.scope[0]):
        problems.append(cloud.check_id(params[spec.scope[0]], spec.scope[0], None))
    checks = dict((option, f.check) for option, f in options.items() if f.check)
    checks.update(spec.checks)
    for option, check in checks.items():
        if params.get(option) is not None:
            problems.append(check(params[option], option))
    if not spec.listable and params.get("state") == "absent" and not params.get("id"):
        problems.append("state=absent needs id: the service has no way to look a %s up by %s" % (
            spec.label, spec.name[0]))
    fail_on(module, problems + common_problems(params))


def common_problems(params):
    problems = []
    for key in ("retries", "wait_timeout"):
        if params.get(key) is not None and params[key] < 0:
            problems.append("%s must be zero or more, got %s" % (key, params[key]))
    if params.get("timeout") is not None and params["timeout"] < 1:
        problems.append("timeout must be at least 1 second, got %s" % params["timeout"])
    return problems


def fail_on(module, problems):
    """fail_json with every problem once (an option can be a field and a filter of the same spec)."""
    problems = [p for index, p in enumerate(problems) if p and p not in problems[:index]]
    if problems:
        module.fail_json(msg="; ".join(problems))


def connect(module, cloud):
    if not HAS_REQUESTS:
        module.fail_json(msg=missing_required_lib("requests"))
    params = module.params

    def transport(signer):
        return Transport(signer, timeout=params["timeout"], validate_certs=params["validate_certs"],
                         ca_bundle=params.get("ca_bundle"), retries=params["retries"])

    try:
        client, warnings = cloud.connect(params, transport)
    except ConfigError as error:
        module.fail_json(msg=str(error))
    for warning in warnings:
        module.warn(warning)
    if not params["validate_certs"]:
        module.warn("validate_certs is false: the service's TLS certificate is not verified")
    return client


def run_module(module, work):
    """Run ``work()`` and turn every failure into fail_json with its details; never a bare traceback."""
    try:
        return work()
    except ResourceError as error:
        module.fail_json(msg=str(error), **error.details)
    except ApiError as error:
        module.fail_json(msg=str(error), error=error.to_dict())
    except ConfigError as error:
        module.fail_json(msg=str(error))
    except Exception as error:  # pylint: disable=broad-except
        module.fail_json(msg="unexpected error: %s" % error, exception=traceback.format_exc())


def run_resource_module(spec, cloud):
    module = AnsibleModule(argument_spec=resource_argument_spec(spec, cloud), supports_check_mode=True,
                           required_one_of=[("id", spec.name[0])] if spec.name else [])
    check_params(module, spec, cloud, spec.fields)
    client = connect(module, cloud)
    result = run_module(module, lambda: run_resource(spec, client, module.params, module.check_mode, module._diff))
    for warning in result.pop("warnings", ()):
        module.warn(warning)
    module.exit_json(**result)


class Action:
    """A call that computes an answer and changes nothing (OCI Vision's synchronous analysis).

    options: argument spec of the call's own options; checks: option -> check(value, option) (problem or None);
    run(client, params, check_mode) -> result dict; the AnsibleModule keywords (mutually_exclusive, ...) as given.
    """

    def __init__(self, options, run, checks=None, **module_kwargs):
        self.options = options
        self.run = run
        self.checks = checks or {}
        self.module_kwargs = module_kwargs


def run_action_module(action, cloud):
    """Never changed, runs in check mode (the action decides what check mode leaves out)."""
    module = AnsibleModule(argument_spec=dict(cloud.common_args, **action.options), supports_check_mode=True,
                           **action.module_kwargs)
    params = module.params
    fail_on(module, [check(params[option], option) for option, check in action.checks.items() if params.get(option) is not None]
            + common_problems(params))
    client = connect(module, cloud)
    module.exit_json(changed=False, **run_module(module, lambda: action.run(client, params, module.check_mode)))


def run_info_module(spec, cloud):
    required = [("id", spec.scope[0])] if spec.scope and spec.has_id and spec.listable and not spec.scope_in_path else []
    module = AnsibleModule(argument_spec=info_argument_spec(spec, cloud), supports_check_mode=True,
                           required_one_of=required)
    check_params(module, spec, cloud, spec.filters)
    client = connect(module, cloud)
    module.exit_json(changed=False, **{spec.plural: run_module(module, lambda: list_resources(spec, client, module.params))})
