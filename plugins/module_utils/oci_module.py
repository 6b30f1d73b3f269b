# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""OCI for cloud_module: common options (with the OCI CLI's and oracle.oci's environment variables), OCID
checks, and the signed client."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import CONNECTION_ARGS, Cloud, env
from ansible_collections.cloudai.control.plugins.module_utils.oci_client import OCID
from ansible_collections.cloudai.control.plugins.module_utils.errors import a
from ansible_collections.cloudai.control.plugins.module_utils.oci_config import SETTING_ENV
from ansible_collections.cloudai.control.plugins.module_utils.spec import Filter, Key, Lifecycle, ResourceSpec

# What OCI resources share: (option, wire, query) of the compartment and of the name, tags, list filters.
COMPARTMENT = Key("compartment_id", "compartmentId", "compartmentId")
DISPLAY_NAME = Key("display_name", "displayName", "displayName")
TAGS = {"freeform_tags": "freeformTags", "defined_tags": "definedTags"}
SERVICE_TAG_NAMESPACES = ("Oracle-Tags",)
SORT_ORDER = Filter("sortOrder", choices=["ASC", "DESC"])
# what an OCI resource returns that no option sets (see ResourceSpec.read_only)
READ_ONLY = ("lifecycle_state", "lifecycle_details", "time_created", "time_updated", "system_tags")
DISPLAY_NAME_FILTER = Filter("displayName")


OCI_COMMON_ARGS = dict(
    CONNECTION_ARGS,
    auth_type=dict(type="str", choices=["api_key", "security_token", "instance_principal"],
                   fallback=env(*SETTING_ENV["auth_type"])),
    config_file=dict(type="path", fallback=env(*SETTING_ENV["config_file"])),
    config_profile=dict(type="str", fallback=env(*SETTING_ENV["config_profile"])),
    region=dict(type="str", fallback=env(*SETTING_ENV["region"])),
    tenancy=dict(type="str", fallback=env(*SETTING_ENV["tenancy"])),
    user=dict(type="str", fallback=env(*SETTING_ENV["user"])),
    fingerprint=dict(type="str", fallback=env(*SETTING_ENV["fingerprint"])),
    key_file=dict(type="path", fallback=env(*SETTING_ENV["key_file"])),
    key_content=dict(type="str", no_log=True, fallback=env(*SETTING_ENV["key_content"])),
    pass_phrase=dict(type="str", no_log=True, fallback=env(*SETTING_ENV["pass_phrase"])),
    endpoint=dict(type="str", fallback=env("CLOUDAI_OCI_ENDPOINT")),
)

OCI_TAG_ARGS = dict(
    freeform_tags=dict(type="dict"),
    defined_tags=dict(type="dict"),
    purge_tags=dict(type="bool", default=True),
)


def check_ocid(value, option, spec=None):
    """A message naming the option and the rule when ``value`` is not the right kind of OCID.

    ``spec`` is the resource's spec for its own id, a tuple of OCID types, None for a compartment, or the string ``any``.
    """
    types = (spec.ocid_type,) if hasattr(spec, "ocid_type") else spec if isinstance(spec, tuple) else ("compartment", "tenancy")
    match = OCID.match(value or "")
    if not match:
        return "%s must be an OCID (ocid1.<type>.<realm>.<region>.<unique id>), got %r" % (option, value)
    if spec != "any" and match.group(1) not in types:
        return "%s must be an OCID of type %s, got one of type %s" % (option, " or ".join(types), match.group(1))
    return None


WORK_REQUEST_STATUSES = ["ACCEPTED", "IN_PROGRESS", "WAITING", "FAILED", "SUCCEEDED", "CANCELING", "CANCELED"]


def _work_request_part(spec, part):
    def fetch(client, work_request):
        return part, list(client.children(spec, work_request, part))
    return fetch


def work_request_spec(ocid_type, scope=COMPARTMENT, list_scope_optional=False):
    """A service's work requests, for an info module (get, list with the service's filters, errors and logs) and,
    with ``scope=None``, for a module that waits for one (present) or cancels it (absent: DELETE)."""
    spec = ResourceSpec(
        kind="work_request",
        label="work request",
        path="/workRequests",
        ocid_type=ocid_type,
        scope=scope,
        list_scope_optional=list_scope_optional,
        immutable=True,
        lifecycle=Lifecycle(ready=["SUCCEEDED"], failed=["FAILED"], deleting=["CANCELING"], gone=["CANCELED"],
                            stopped=["SUCCEEDED", "FAILED", "CANCELED"], key="status"),
        replace_hint="its errors say why (include_errors of the work request info module)",
        read_only=("compartment_id", "errors", "logs", "operation_type", "percent_complete", "resources", "status",
                   "time_accepted", "time_started", "time_finished"),
        filters={
            "status": Filter("status", choices=WORK_REQUEST_STATUSES),
            "resource_id": Filter("resourceId", check=lambda value, option: check_ocid(value, option, "any")),
            "sort_order": SORT_ORDER,
        },
    )
    spec.includes = {"include_errors": _work_request_part(spec, "errors"), "include_logs": _work_request_part(spec, "logs")}
    return spec


def check_tags(params):
    """OCI tags are freeform_tags {key: string} and defined_tags {namespace: {key: value}}; anything else is refused
    here rather than by the service."""
    problems = []
    for key, value in (params.get("freeform_tags") or {}).items():
        if not key:
            problems.append("freeform_tags keys must not be empty")
        elif not isinstance(value, str):
            problems.append("freeform_tags.%s must be a string, got %s (quote numbers and booleans)" % (key, _kind(value)))
    for namespace, tags in (params.get("defined_tags") or {}).items():
        if not namespace:
            problems.append("defined_tags namespaces must not be empty")
        elif not isinstance(tags, dict):
            problems.append("defined_tags.%s must be a dict of tag keys to values (namespace -> key -> value), got %s"
                            % (namespace, _kind(tags)))
        else:
            for key, value in tags.items():
                if not key:
                    problems.append("defined_tags.%s keys must not be empty" % namespace)
                elif value is None or isinstance(value, (dict, list)):
                    problems.append("defined_tags.%s.%s must be a string, number or boolean, got %s"
                                    % (namespace, key, _kind(value)))
    return problems


def _kind(value):
    return "null" if value is None else a(type(value).__name__)


def oci_cloud(service):
    """The Cloud for one OCI service (``generativeai``, ``vision``)."""

    def connect(params, transport):
        from ansible_collections.cloudai.control.plugins.module_utils.oci_auth import build_oci_signer
        from ansible_collections.cloudai.control.plugins.module_utils.oci_config import resolve_oci_settings
        from ansible_collections.cloudai.control.plugins.module_utils.oci_client import OciClient

        settings = resolve_oci_settings(params)
        signer = build_oci_signer(settings, transport)
        client = OciClient(transport(signer), service, settings.get("region"), params.get("endpoint"), path_params=params)
        return client, settings.get("warnings", [])

    return Cloud(OCI_COMMON_ARGS, OCI_TAG_ARGS, check_ocid, connect, check_tags, verbatim=("key_content", "pass_phrase"))
