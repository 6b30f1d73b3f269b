# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The account-wide Fabric settings (fabric_admin): what the agency and agreement calls send, and what they refuse."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cloudai.control.plugins.module_utils import fabric_admin
from ansible_collections.cloudai.control.plugins.module_utils.huawei_client import HuaweiClient
from ansible_collections.cloudai.control.plugins.module_utils.spec import ResourceError
from ansible_collections.cloudai.control.plugins.module_utils.transport import ApiError
from ansible_collections.cloudai.control.tests.unit.plugins.module_utils.fakes import FakeTransport, response


def agency(*enabled):
    return response({"agency_name": "trust", "authorized": True, "agency_policies": [
        {"policy_type": p, "is_enable": p in enabled} for p in fabric_admin.POLICY_TYPES]})


def client(*answers):
    transport = FakeTransport(list(answers))
    return HuaweiClient(transport, "https://fabric.example.com"), transport


def sent(transport):
    return [(r["method"], r["url"].split("/", 3)[3], r["params"][:1], r["body"]) for r in transport.requests]


def test_agency_enables_the_missing_policy_types_with_the_common_one():
    fabric, transport = client(agency(), response(None), agency("FABRIC_COMMON_POLICY", "FABRIC_SMN_POLICY"))
    result = fabric_admin.AGENCY.run(fabric, dict(state="present", policy_types=["FABRIC_SMN_POLICY"]), False)
    assert result["changed"] and result["agency"]["policy_types"] == ["FABRIC_COMMON_POLICY", "FABRIC_SMN_POLICY"]
    assert sent(transport)[1] == ("POST", "v1/agency", [], {"policy_types": ["FABRIC_COMMON_POLICY", "FABRIC_SMN_POLICY"]})


def test_agency_in_check_mode_predicts_and_sends_only_the_read():
    fabric, transport = client(agency("FABRIC_COMMON_POLICY"))
    result = fabric_admin.AGENCY.run(fabric, dict(state="absent", policy_types=None), True)
    assert result["changed"] and result["agency"]["policy_types"] == [] and len(transport.requests) == 1


def test_agency_keeps_the_common_policy_type_while_others_are_enabled():
    fabric, transport = client(agency("FABRIC_COMMON_POLICY", "FABRIC_AOM_POLICY"))
    with pytest.raises(ResourceError, match="FABRIC_COMMON_POLICY cannot be removed while FABRIC_AOM_POLICY stay"):
        fabric_admin.AGENCY.run(fabric, dict(state="absent", policy_types=["FABRIC_COMMON_POLICY"]), False)
    assert len(transport.requests) == 1


def test_agency_removes_one_policy_type_by_its_query():
    fabric, transport = client(agency("FABRIC_COMMON_POLICY", "FABRIC_AOM_POLICY"), response(None), agency("FABRIC_COMMON_POLICY"))
    result = fabric_admin.AGENCY.run(fabric, dict(state="absent", policy_types=["FABRIC_AOM_POLICY"]), False)
    assert result["diff"] == {"before": {"policy_types": ["FABRIC_COMMON_POLICY", "FABRIC_AOM_POLICY"]},
                              "after": {"policy_types": ["FABRIC_COMMON_POLICY"]}}
    assert sent(transport)[1] == ("DELETE", "v1/agency", [("policy_type", "FABRIC_AOM_POLICY")], None)


def test_agreements_sign_what_the_rule_asks_and_refuse_a_partial_withdrawal():
    rule = response({"agreement_rules": [{"agreement_name": "sa", "agreement_version": "v2"}]})
    fabric, transport = client(response({"agreements": [{"agreement_name": "sa", "agreement_version": "v1"}]}), rule,
                               response(None), response({"agreements": [{"agreement_name": "sa", "agreement_version": "v2"}]}))
    result = fabric_admin.AGREEMENT.run(fabric, dict(state="present", agreements=None), False)
    assert result["changed"] and result["agreement"]["signed"] == [{"name": "sa", "version": "v2"}]
    assert sent(transport)[2] == ("POST", "v1/agreement", [], {"agreements": [{"agreement_name": "sa", "agreement_version": "v2"}]})
    with pytest.raises(ResourceError, match="state=absent withdraws every agreement"):
        fabric_admin.AGREEMENT.run(fabric, dict(state="absent", agreements=[{"name": "sa", "version": "v2"}]), False)
    problem = fabric_admin.AGREEMENT.checks["agreements"]([{"name": "a b", "version": "v.1"}], "agreements")
    assert "agreements[0].name must be 1-64 characters" in problem and "agreements[0].version must be 1-32" in problem


def test_health_is_false_on_a_server_error_and_a_refusal_fails():
    fabric, dummy = client(ApiError(503, "common.00000503", "down", method="GET"))
    assert fabric_admin.HEALTH.run(fabric, {}, True)["health"]["healthy"] is False
    fabric, dummy = client(ApiError(401, "APIG.1002", "bad token", method="GET"))
    with pytest.raises(ApiError):
        fabric_admin.HEALTH.run(fabric, {}, True)
    fabric, dummy = client(response(None))
    assert fabric_admin.HEALTH.run(fabric, {}, True) == {"health": {"healthy": True}}
