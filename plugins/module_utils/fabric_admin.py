# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""DataArts Fabric administration: a workspace's message notification policies (a resource type for the engine),
the specs and features catalogues, and the account-wide settings that have no id (the agency and its policy types,
the signed agreements, the health check), run as cloud_module.Action calls."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import Action
from ansible_collections.cloudai.control.plugins.module_utils.fabric import NO_STATUS, WORKSPACE_SCOPE, name_rule
from ansible_collections.cloudai.control.plugins.module_utils.spec import Field, Filter, Key, ResourceError, ResourceSpec
from ansible_collections.cloudai.control.plugins.module_utils.transport import ApiError

NOTIFY_TYPES = ["SUCCESS", "FAILED"]
MESSAGE_TYPES = ["job"]
POLICY_TYPES = ["FABRIC_COMMON_POLICY", "FABRIC_SMN_POLICY", "FABRIC_LAKEFORMATION_POLICY", "FABRIC_AOM_POLICY"]
COMMON_POLICY = "FABRIC_COMMON_POLICY"
SPEC_TYPES = ["APU", "DPU", "MU", "RESOURCE_USAGE_UNIT", "TOKENS_USAGE_UNIT"]
TOPIC_URN = re.compile(r"^urn:smn:[a-z0-9-]+:[A-Za-z0-9]+:[A-Za-z0-9_-]{1,255}$")
AGREEMENT_NAME = name_rule(1, 64, "letters, digits, '_' and '-'", r"A-Za-z0-9_\-")
AGREEMENT_VERSION = name_rule(1, 32, "letters and digits", "A-Za-z0-9")


def _check_topic_urn(value, option):
    if not TOPIC_URN.match(value):
        return "%s must be an SMN topic URN urn:smn:<region>:<project id>:<topic name>, got %r" % (option, value)
    return None


def _check_notification_types(value, option):
    if not value or len(set(value)) != len(value):
        return "%s must hold SUCCESS, FAILED or both, each once, got %r" % (option, value)
    return None


NOTIFICATION_POLICY = ResourceSpec(
    kind="notification_policy",
    plural="notification_policies",
    label="notification policy",
    path="/v1/workspaces/{workspace_id}/messages",
    scope=WORKSPACE_SCOPE,
    name=Key("name_pattern", "name_pattern", "name_pattern"),
    checks={"name_pattern": name_rule(1, 128, "letters, digits, '_', '-', '.' and '*'", r"\w\-.*")},
    fields={
        "message_type": Field("message_type", choices=MESSAGE_TYPES, default="job"),
        "notification_types": Field("notification_types", type="list", elements="str", choices=NOTIFY_TYPES,
                                    unordered=True, required_for_create=True, check=_check_notification_types),
        "topic_urn": Field("topic_urn", required_for_create=True, check=_check_topic_urn),
    },
    lifecycle=NO_STATUS,
    immutable=True,  # the service has no update call
    change_hint="delete it (state=absent) and create it again",
    wire_case="snake",
    items_key="policies",
    read_by_list=True,
    id_query=None,  # the list call has no id filter
    create_envelope="message_notification_policy_list",
    filters={
        "name_pattern": Filter("name_pattern"),
        "message_type": Filter("message_type", choices=MESSAGE_TYPES),
        "notify_type": Filter("notify_type", choices=NOTIFY_TYPES),
    },
)

SPEC = ResourceSpec(
    kind="spec",
    label="spec",
    path="/v1/specs",
    lifecycle=NO_STATUS,
    wire_case="snake",
    items_key="spec_codes",
    has_id=False,
    filters={
        "spec_code": Filter("spec_code"),
        "spec_types": Filter("spec_types", type="list", elements="str", choices=SPEC_TYPES),
        "scenario": Filter("scenario", choices=["COMPUTE", "ENDPOINT"]),
    },
)

FEATURE = ResourceSpec(
    kind="feature",
    label="feature",
    path="/v1/features",
    lifecycle=NO_STATUS,
    wire_case="snake",
    items_key="configs",
    has_id=False,
    filters={"feature": Filter(wire="key")},  # the service has no filter: matched here
)


# ---------------------------------------------------------------------------------------------------------
# account-wide settings without an id: the agency, the agreements, the health check

def _health(client, params, check_mode):
    try:
        client.call("GET", "/healthcheck")
    except ApiError as error:
        if error.status and error.status < 500:
            raise  # refused (credentials, project): not an answer about the service's health
        return {"health": {"healthy": False, "error": error.to_dict()}}
    return {"health": {"healthy": True}}


HEALTH = Action({}, _health, reads="GET", answer_fields=False)


def _agency(client, policy_type=None):
    """The agency as the service shows it, with ``policy_types``: the enabled ones, in the order of POLICY_TYPES."""
    response = client.call("GET", "/v1/agency", params=[("policy_type", policy_type)] if policy_type else None)
    policies = response.items("agency_policies")
    enabled = [p["policy_type"] for p in policies if p.get("is_enable") is True and p.get("policy_type") in POLICY_TYPES]
    return dict(response.body, policy_types=[p for p in POLICY_TYPES if p in enabled])


def _run_agency(client, params, check_mode):
    agency = _agency(client)
    enabled, wanted = agency["policy_types"], params.get("policy_types")
    if params["state"] == "present":
        add = [p for p in POLICY_TYPES if p in (wanted or []) + [COMMON_POLICY] and p not in enabled]
        after = [p for p in POLICY_TYPES if p in enabled + add]
        if add and not check_mode:
            client.call("POST", "/v1/agency", body={"policy_types": add}, idempotent=True)  # enabling twice is harmless
    else:
        remove = [p for p in enabled if wanted is None or p in wanted]
        if COMMON_POLICY in remove and any(p not in remove for p in enabled):
            raise ResourceError("policy_types: %s cannot be removed while %s stay enabled; remove them too, or leave "
                                "policy_types out to delete the agency" % (
                                    COMMON_POLICY, ", ".join(p for p in enabled if p not in remove)))
        after = [p for p in enabled if p not in remove]
        if remove and not check_mode:
            if not after:
                client.call("DELETE", "/v1/agency")
            else:
                for policy_type in remove:
                    client.call("DELETE", "/v1/agency", params=[("policy_type", policy_type)])
    changed = after != enabled
    if changed:
        agency = _agency(client) if not check_mode else dict(agency, policy_types=after)
    return dict(changed=changed, agency=agency, diff=dict(before=dict(policy_types=enabled), after=dict(policy_types=after)))


AGENCY = Action(dict(
    policy_types=dict(type="list", elements="str", choices=POLICY_TYPES),
    state=dict(type="str", default="present", choices=["present", "absent"]),
), _run_agency, reads="GET")

AGENCY_INFO = Action(dict(policy_type=dict(type="str", choices=POLICY_TYPES)),
                     lambda client, params, check_mode: dict(agency=_agency(client, params.get("policy_type"))), reads="GET")


def _agreement(client):
    """The service's answer (what it adds passed on) with ``signed``: its agreements as the module's options."""
    response = client.call("GET", "/v1/agreement")
    signed = [dict(name=a.get("agreement_name"), version=a.get("agreement_version")) for a in response.items("agreements")]
    return dict(((key, value) for key, value in response.body.items() if key != "agreements"), signed=signed)


def _rules(client):
    return client.call("GET", "/v1/agreement-rule").items("agreement_rules")


def _check_agreements(value, option):
    problems = []
    for index, agreement in enumerate(value):
        where = "%s[%d]." % (option, index)
        problems += [AGREEMENT_NAME(agreement["name"], where + "name"), AGREEMENT_VERSION(agreement["version"], where + "version")]
    return "; ".join(p for p in problems if p) or None


def _run_agreement(client, params, check_mode):
    if params["state"] == "absent" and params.get("agreements") is not None:
        raise ResourceError("agreements: state=absent withdraws every agreement of the account (the service has no "
                            "call to withdraw one): give no agreements with it")
    agreement = _agreement(client)
    signed = agreement["signed"]
    if params["state"] == "absent":
        after = []
        if signed and not check_mode:
            client.call("DELETE", "/v1/agreement")
    else:
        wanted = params.get("agreements")
        if wanted is None:  # the agreements the service asks for now
            wanted = [dict(name=r.get("agreement_name"), version=r.get("agreement_version")) for r in _rules(client)]
        missing = [a for a in wanted if a not in signed]
        after = signed + missing
        if missing and not check_mode:
            client.call("POST", "/v1/agreement", idempotent=True, body={"agreements": [
                dict(agreement_name=a["name"], agreement_version=a["version"]) for a in missing]})
    changed = after != signed
    if changed:
        agreement = _agreement(client) if not check_mode else dict(agreement, signed=after)
    return dict(changed=changed, agreement=agreement,
                diff=dict(before=dict(agreements=signed), after=dict(agreements=agreement["signed"])))


AGREEMENT = Action(dict(
    agreements=dict(type="list", elements="dict", options=dict(
        name=dict(type="str", required=True),
        version=dict(type="str", required=True),
    )),
    state=dict(type="str", default="present", choices=["present", "absent"]),
), _run_agreement, checks={"agreements": _check_agreements}, reads="GET")

AGREEMENT_INFO = Action({}, lambda client, params, check_mode: dict(agreement=dict(_agreement(client), rules=_rules(client))),
                        reads="GET")
