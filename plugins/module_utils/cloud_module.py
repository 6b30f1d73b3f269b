# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""What every module shares, whatever the cloud: argument specs from a ResourceSpec, input checks before any
request, running the engine, and reporting results and errors. A Cloud (oci_module.OCI,
huawei_module.HUAWEI) supplies the common options, its id checks and how to build its client.

Input rules every module gets (each message names the option and the rule): an option named ``id`` or ending
in ``_id`` is an id of the cloud (``Cloud.check_id``) unless its Field has its own check; the resource's name is
not empty; the cloud's settings (credentials, region, endpoint, ...) hold no control character and no surrounding
spaces; ``endpoint`` is an http(s) URL (plain http only to a loopback host or with ``allow_http``); ``ca_bundle``
is a file; a dict or list given for a string option and a boolean given for a number are refused (Ansible would
quietly turn them into ``"{'a': 1}"`` and ``1``)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import decimal
import ipaddress
import os
import traceback
import unicodedata

from urllib.parse import urlsplit

from ansible.module_utils.basic import AnsibleModule, _load_params, env_fallback, missing_required_lib
from ansible.module_utils.errors import NoLogError, UnsupportedError

from ansible_collections.cloudai.control.plugins.module_utils.engine import list_resources, run_resource
from ansible_collections.cloudai.control.plugins.module_utils.errors import ConfigError, a
from ansible_collections.cloudai.control.plugins.module_utils.spec import ResourceError
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
    allow_http=dict(type="bool", default=False),
    timeout=dict(type="int", default=60),
    retries=dict(type="int", default=5),
)


class Cloud:
    """common_args: options every module of the cloud takes; tag_args: tag options for specs with tags;
    check_id(value, option, spec_or_types) -> problem or None; connect(params, transport_factory) -> (client, warnings);
    check_options(params) -> problems in the cloud's own options (tags, ...); verbatim: string options of
    common_args taken as given (a PEM key, a pass phrase), which the check of settings leaves alone.
    """

    def __init__(self, common_args, tag_args, check_id, connect, check_options=None, verbatim=()):
        self.common_args = common_args
        self.tag_args = tag_args
        self.check_id = check_id
        self.connect = connect
        self.check_options = check_options or (lambda params: [])
        self.verbatim = verbatim


class CloudModule(AnsibleModule):
    """AnsibleModule whose argument errors name their option and never end in a traceback.

    ansible-core (2.19) raises from its argument checks when a dict option with sub-options is given a number, a
    boolean or a list of non-dicts (TypeError), and when a number option is given an infinite number or one of
    thousands of digits (OverflowError, ValueError): such options are left to check_params(), which refuses them
    naming the option. For a dict option given a string, Ansible's first error comes from its no_log scan
    ('dictionary requested, could not parse JSON or key=value') and names no option; the type error that follows
    it does. ``declared_spec`` is the argument spec as the module declared it. ``read_only``: keys that are accepted
    and dropped before Ansible checks the options (a resource's read-only keys, see ResourceSpec).
    """

    def __init__(self, argument_spec, read_only=(), **kwargs):
        given = _load_params()
        self.declared_spec = argument_spec
        self.read_only = [key for key in read_only if key not in argument_spec]
        super(CloudModule, self).__init__(argument_spec=checkable(argument_spec, given if isinstance(given, dict) else {}),
                                          **kwargs)

    def _load_params(self):
        super(CloudModule, self)._load_params()
        for key in self.read_only:
            self.params.pop(key, None)

    def fail_json(self, msg, **kwargs):  # pylint: disable=arguments-differ
        result = getattr(self, "validation_result", None)
        errors = result.errors.errors if result is not None else []
        if errors and isinstance(errors[0], NoLogError) and msg == errors[0].msg:
            named = [error for error in errors if not isinstance(error, NoLogError)]
            if named and not isinstance(named[0], UnsupportedError):
                msg = named[0].msg
        super(CloudModule, self).fail_json(msg=msg, **kwargs)


def checkable(argspec, given):
    """``argspec`` without the sub-options of dict options whose given value Ansible cannot check against them."""
    checked = {}
    for option, option_spec in argspec.items():
        name = next((n for n in [option] + list(option_spec.get("aliases") or []) if n in given), None)
        value = given[name] if name else None
        if option_spec.get("options") and value is not None:
            if isinstance(value, dict):
                option_spec = dict(option_spec, options=checkable(option_spec["options"], value))
            elif isinstance(value, list) and all(isinstance(item, dict) for item in value):
                options = option_spec["options"]
                for item in value:  # a list of dicts: what any of them cannot be checked against is left out for all
                    options = checkable(options, item)
                option_spec = dict(option_spec, options=options)
            elif not isinstance(value, (str, list)) or any(not isinstance(item, dict) for item in value if isinstance(value, list)):
                option_spec = dict((key, spec_value) for key, spec_value in option_spec.items() if key != "options")
        elif option_spec.get("type") in ("int", "float") and unusable_number(value):
            option_spec = dict(option_spec, type="raw")
        checked[option] = option_spec
    return checked


def _refuse_shadowing(spec, cloud, options):
    """A resource's own option named like a connection option would replace it (a ``region`` filter, say)."""
    shadowing = sorted(set(options) & set(cloud.common_args))
    if shadowing:
        raise ValueError("the %s spec's options %s shadow connection options" % (spec.label, ", ".join(shadowing)))


def resource_argument_spec(spec, cloud):
    _refuse_shadowing(spec, cloud, spec.fields)
    argspec = dict(cloud.common_args, **WAIT_ARGS)
    argspec["state"] = dict(type="str", default="present", choices=["present", "absent"])
    if spec.has_id:
        argspec["id"] = dict(type="str", aliases=[spec.kind + "_id"], required=not spec.name)
    if spec.scope:
        argspec[spec.scope.option] = dict(type="str", required=spec.scope_in_path)
    if spec.name:
        argspec[spec.name.option] = dict(type="str", required=not spec.has_id)
    for option, field in spec.fields.items():
        argspec[option] = dict(field.argspec)
    if spec.tags:
        argspec.update(cloud.tag_args)
    return argspec


def info_argument_spec(spec, cloud):
    _refuse_shadowing(spec, cloud, list(spec.filters) + list(spec.includes))
    argspec = dict(cloud.common_args)
    if spec.has_id:
        argspec["id"] = dict(type="str", aliases=[spec.kind + "_id"], required=not spec.listable)
    if spec.scope and (spec.listable or spec.scope_in_path):
        # without an id to get, a list call that needs its scope needs the option
        argspec[spec.scope.option] = dict(type="str", required=spec.scope_in_path or not (spec.has_id or spec.list_scope_optional))
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


def check_types(module):
    """Fail on values of the wrong type that Ansible would quietly convert; the other rules take types for granted."""
    given = _load_params()
    fail_on(module, type_problems(given if isinstance(given, dict) else {}, getattr(module, "declared_spec", module.argument_spec)))


def check_params(module, spec, cloud, options):
    """Fail with every problem in the options, each naming the option and the rule, before any request.

    ``options``: the spec's fields (resource modules) or filters (info modules); ``spec.checks`` apply to both.
    An option ending in ``_id`` without a check of its own must be an id of the cloud."""
    check_types(module)
    params = module.params
    problems = []
    if params.get("id") is not None:
        problems.append(cloud.check_id(params["id"], "id", spec))
    if spec.scope and params.get(spec.scope.option) is not None and spec.scope.option not in spec.checks:
        problems.append(cloud.check_id(params[spec.scope.option], spec.scope.option, None))
    checks = dict((option, f.check) for option, f in options.items() if f.check)
    checks.update(spec.checks)
    for option in list(options) + [option for option in spec.checks if option not in options]:
        value = params.get(option)
        if value is None:
            continue
        if option in checks:
            problems.append(checks[option](value, option))
        elif option.endswith("_id") and isinstance(value, str):
            problems.append(cloud.check_id(value, option, "any"))
    if spec.name and params.get(spec.name.option) == "":
        problems.append("%s must not be empty" % spec.name.option)
    if not spec.listable and params.get("state") == "absent" and not params.get("id"):
        problems.append("state=absent needs id: the service has no way to look %s up by %s" % (
            a(spec.label), spec.name.option))
    fail_on(module, problems + common_problems(params, cloud))


def common_problems(params, cloud):
    """Problems in the options every module of the cloud takes."""
    problems = []
    for key in ("retries", "wait_timeout"):
        if params.get(key) is not None and params[key] < 0:
            problems.append("%s must be zero or more, got %s" % (key, params[key]))
    if params.get("timeout") is not None and params["timeout"] < 1:
        problems.append("timeout must be at least 1 second, got %s" % params["timeout"])
    for option, option_spec in cloud.common_args.items():
        value = params.get(option)
        if option_spec.get("type", "str") == "str" and option not in cloud.verbatim and isinstance(value, str) \
                and (value != value.strip() or any(unicodedata.category(c) == "Cc" for c in value)):
            # such a value (a YAML block's or a file's final newline) would break a header and be quoted in the error
            problems.append("%s must not start or end with spaces or hold control characters such as a final newline "
                            "(the value is not shown)" % option)
    if params.get("endpoint") and params["endpoint"] == params["endpoint"].strip():  # else refused just above
        problems.append(url_problem(params["endpoint"], "endpoint"))
    if params.get("ca_bundle") and not os.path.isfile(params["ca_bundle"]):
        problems.append("ca_bundle %s does not exist or is not a file (it must be a PEM file of CA certificates)"
                        % params["ca_bundle"])
    problems.extend(cloud.check_options(params))
    return problems


def fail_on(module, problems):
    """fail_json with every problem once (an option can be a field and a filter of the same spec)."""
    problems = [p for index, p in enumerate(problems) if p and p not in problems[:index]]
    if problems:
        module.fail_json(msg="; ".join(problems))


def type_problems(given, argspec, prefix=""):
    """Values of the wrong type that Ansible would convert instead of refusing: a dict or list for a string option,
    a boolean for a number. ``given`` are the options as the task gave them (before conversion)."""
    problems = []
    for option, option_spec in argspec.items():
        name = next((n for n in [option] + list(option_spec.get("aliases") or []) if n in given), None)
        value = given.get(name) if name else None
        if value is None:
            continue
        kind, label = option_spec.get("type", "str"), prefix + option
        elements = value if kind == "list" and isinstance(value, list) else [value]
        kind = option_spec.get("elements", "str") if kind == "list" else kind
        for item in elements:
            if kind == "str" and isinstance(item, (dict, list)):
                problems.append("%s must be a string, got %s" % (label, a(type(item).__name__)))
            elif kind in ("int", "float") and isinstance(item, bool):
                problems.append("%s must be a number, got the boolean %s" % (label, item))
            elif kind in ("int", "float") and unusable_number(item):
                problems.append("%s must be a finite number of at most 18 digits, got %s" % (label, brief(item)))
            elif kind == "dict" and option_spec.get("options") and isinstance(item, dict):
                problems.extend(type_problems(item, option_spec["options"], label + "."))
    return problems


def unusable_number(value):
    """An infinite number, or one of more than 18 digits, given for a number option (Ansible's conversions fail on
    them with exceptions instead of messages)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return False
    try:
        number = decimal.Decimal(value.strip() if isinstance(value, str) else value)
    except (decimal.DecimalException, ValueError):
        return False  # not a number at all: Ansible refuses it with a message
    return not number.is_finite() or number.adjusted() >= 18


def brief(value):
    """A short repr, also of an integer too long to print (Python refuses to write one of over 4300 digits)."""
    if isinstance(value, int) and value.bit_length() > 60:
        return "an integer of about %d digits" % int(value.bit_length() * 0.30103)
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def url_problem(value, option):
    """A message when ``value`` is not an http(s) URL of a service (scheme and host, no query or fragment)."""
    try:
        parts = urlsplit(value)
        port_ok = parts.port is None or parts.port > 0
    except ValueError:
        parts, port_ok = None, False
    if not parts or parts.scheme not in ("http", "https") or not parts.hostname or not port_ok or parts.query \
            or parts.fragment or any(c.isspace() for c in value):
        return "%s must be an http:// or https:// URL such as https://host:port, got %r" % (option, value)
    return None


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
    warnings = list(warnings) + http_endpoint_warnings(module, cloud, client.endpoint)
    for warning in warnings:
        module.warn(warning)
    if not params["validate_certs"]:
        module.warn("validate_certs is false: the service's TLS certificate is not verified")
    return client


def http_endpoint_warnings(module, cloud, endpoint):
    """Fail on a plain http:// endpoint to a host other than loopback (credentials and data would travel in clear,
    and a leftover variable would quietly send them elsewhere) unless allow_http is true, then warn. Both name where
    the endpoint came from."""
    parts = urlsplit(endpoint or "")
    if parts.scheme != "http" or is_loopback(parts.hostname):
        return []
    given = _load_params()
    if isinstance(given, dict) and given.get("endpoint"):
        source = "option endpoint"
    elif module.params.get("endpoint"):
        source = "env %s" % cloud.common_args["endpoint"]["fallback"][1][0]
    else:
        source = "the region's endpoint variable"
    if not module.params.get("allow_http"):
        module.fail_json(msg="endpoint %s (from %s) is plain http:// to a host that is not loopback: credentials and "
                             "data would travel unencrypted; use https://, or set allow_http to true" % (endpoint, source))
    return ["endpoint %s (from %s) is plain http://: credentials and data travel unencrypted" % (endpoint, source)]


def is_loopback(host):
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host or "").is_loopback
    except ValueError:
        return False


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
    module = CloudModule(argument_spec=resource_argument_spec(spec, cloud), supports_check_mode=True,
                         read_only=spec.read_only,
                         required_one_of=[("id", spec.name.option)] if spec.name and spec.has_id else [])
    check_params(module, spec, cloud, spec.fields)
    client = connect(module, cloud)
    result = run_module(module, lambda: run_resource(spec, client, module.params, module.check_mode, module._diff))
    for warning in result.pop("warnings", ()):
        module.warn(warning)
    module.exit_json(**result)


class Action:
    """A call that computes an answer and changes nothing (OCI Vision's synchronous analysis), or sets an account-wide
    setting that has no id (DataArts Fabric's agency and agreements): then its result has ``changed`` and ``diff``.

    options: argument spec of the call's own options; checks: option -> check(value, option) (problem or None);
    run(client, params, check_mode) -> result dict; reads: the HTTP method it asks with; answer_fields: False when
    the service's answer has no fields (any answer it gives means the same); the AnsibleModule keywords
    (mutually_exclusive, ...) as given.
    """

    def __init__(self, options, run, checks=None, reads="POST", answer_fields=True, **module_kwargs):
        self.options = options
        self.run = run
        self.checks = checks or {}
        self.reads = reads
        self.answer_fields = answer_fields
        self.module_kwargs = module_kwargs


def run_action_module(action, cloud):
    """Not changed unless the result says so; runs in check mode (the action decides what check mode leaves out)."""
    module = CloudModule(argument_spec=dict(cloud.common_args, **action.options), supports_check_mode=True,
                         **action.module_kwargs)
    check_types(module)
    params = module.params
    fail_on(module, [check(params[option], option) for option, check in action.checks.items() if params.get(option) is not None]
            + common_problems(params, cloud))
    client = connect(module, cloud)
    result = dict(dict(changed=False), **run_module(module, lambda: action.run(client, params, module.check_mode)))
    if not module._diff:
        result.pop("diff", None)
    module.exit_json(**result)


def run_info_module(spec, cloud):
    required = [("id", spec.scope.option)] if (spec.scope and spec.has_id and spec.listable and not spec.scope_in_path
                                               and not spec.list_scope_optional) else []
    module = CloudModule(argument_spec=info_argument_spec(spec, cloud), supports_check_mode=True,
                         required_one_of=required)
    check_params(module, spec, cloud, spec.filters)
    client = connect(module, cloud)
    module.exit_json(changed=False, **{spec.plural: run_module(module, lambda: list_resources(spec, client, module.params))})
