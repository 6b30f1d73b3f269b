# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""genai_access: an API key's secrets are shown once, by the task that created or renewed the key; its key states
converge through the set-state action; and the specs' option checks."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy
import json

import pytest

from ansible_collections.cloudai.control.plugins.module_utils.genai_access import (
    API_KEY, MODEL_DISCOVERY, PRIVATE_ENDPOINT, SANDBOX_WARM_POOL,
)
from ansible_collections.cloudai.control.plugins.module_utils.spec import ResourceError
from ansible_collections.cloudai.control.tests.unit.plugins.module_utils.fakes import FakeClient, FakeClock, run_engine as run

C1 = "ocid1.compartment.oc1..aaaaaaaacompartmentone"
KEYS = [dict(key_name="primary", time_expiry="2027-01-01T00:00:00Z"), dict(key_name="secondary", time_expiry="2027-06-01T00:00:00Z")]
KEY = dict(compartment_id=C1, display_name="chat", key_details=KEYS)


class ApiKeyService(FakeClient):
    """API keys as the service keeps them: the create and a renewal answer the secrets, reads never do (unless
    ``leaky``, a service that one day echoes them)."""

    def __init__(self, leaky=False):
        super(ApiKeyService, self).__init__(API_KEY)
        self.leaky = leaky
        self.secrets = {}
        self.serial = 0

    def _secret(self, name):
        self.serial += 1
        self.secrets[name] = "sk-secret-%d-%s" % (self.serial, name)
        return self.secrets[name]

    def _answer(self, resource_id, shown):
        answer = copy.deepcopy(self.resources[resource_id])
        for item in answer["keys"]:
            if item["keyName"] in shown:
                item["key"] = self.secrets[item["keyName"]]
        return answer

    def create(self, spec, body):
        body = dict(body)
        keys = [dict(keyName=k["keyName"], timeExpiry=k["timeExpiry"], state="ACTIVE", keyMask="sk-...")
                for k in body.pop("keyDetails")]
        resource, work_request_id = super(ApiKeyService, self).create(spec, dict(body, keys=keys))
        for item in keys:
            self._secret(item["keyName"])
        return self._answer(resource["id"], self.secrets), work_request_id

    def read(self, spec, resource_id):
        resource, etag = super(ApiKeyService, self).read(spec, resource_id)
        if resource is not None and self.leaky:
            resource = self._answer(resource_id, self.secrets)
        return resource, etag

    def act_answer(self, spec, resource, action, etag, body=None):
        self.calls.append(("act", resource["id"], action, copy.deepcopy(body)))
        items = self.resources[resource["id"]]["keys"]
        if action == "setstate":
            next(k for k in items if k["keyName"] == body["keyName"])["state"] = body["state"]
            return self._answer(resource["id"], ()), None
        name = body["details"]["keyName"]
        next(k for k in items if k["keyName"] == name)["timeExpiry"] = body["details"]["timeExpiry"]
        self._secret(name)
        return self._answer(resource["id"], (name,)), None


@pytest.fixture
def clock():
    return FakeClock()


def test_the_secrets_of_a_created_key_are_returned_once_and_nowhere_else(clock):
    service = ApiKeyService(leaky=True)
    created = run(API_KEY, service, clock, diff_mode=True, **KEY)
    assert created["changed"] is True
    assert created["api_key_secrets"] == [
        dict(key_name="primary", key="sk-secret-1-primary", time_expiry="2027-01-01T00:00:00Z"),
        dict(key_name="secondary", key="sk-secret-2-secondary", time_expiry="2027-06-01T00:00:00Z")]
    shown_elsewhere = json.dumps(dict(created, api_key_secrets=None))
    assert "sk-secret" not in shown_elsewhere  # not in the key (the leaky reads), not in the diff
    assert [m[0] for m in service.mutations()] == ["create"]

    again = run(API_KEY, service, clock, diff_mode=True, **KEY)
    assert again["changed"] is False and "api_key_secrets" not in again and "sk-secret" not in json.dumps(again)


def test_key_states_converge_through_the_set_state_action_and_check_mode_only_predicts(clock):
    service = ApiKeyService()
    key_id = run(API_KEY, service, clock, **KEY)["api_key"]["id"]
    del service.calls[:]
    predicted = run(API_KEY, service, clock, check_mode=True, diff_mode=True, id=key_id, key_states=dict(secondary="INACTIVE"))
    assert predicted["changed"] is True and service.mutations() == []
    assert predicted["diff"]["before"] == {"key_states": {"secondary": "ACTIVE"}}
    assert predicted["diff"]["after"] == {"key_states": {"secondary": "INACTIVE"}}
    assert [k["state"] for k in predicted["api_key"]["key_items"]] == ["ACTIVE", "INACTIVE"]

    switched = run(API_KEY, service, clock, id=key_id, key_states=dict(secondary="INACTIVE", primary="ACTIVE"))
    assert switched["changed"] is True and "api_key_secrets" not in switched
    assert [m[2:] for m in service.mutations()] == [("setstate", {"keyName": "secondary", "state": "INACTIVE"})]
    assert run(API_KEY, service, clock, id=key_id, key_states=dict(secondary="INACTIVE"))["changed"] is False

    with pytest.raises(ResourceError) as unknown:
        run(API_KEY, service, clock, id=key_id, key_states=dict(third="ACTIVE"))
    assert "key_states names third, which the API key %s does not have (its keys: primary, secondary)" % key_id in str(unknown.value)


def test_a_key_created_switched_off_predicts_its_new_keys_in_check_mode(clock):
    service = ApiKeyService()
    predicted = run(API_KEY, service, clock, check_mode=True, key_states=dict(primary="INACTIVE"), **KEY)
    assert predicted["changed"] is True and service.mutations() == [] and "api_key_secrets" not in predicted
    assert [(k["key_name"], k["state"]) for k in predicted["api_key"]["key_items"]] == [("primary", "INACTIVE"), ("secondary", "ACTIVE")]


def test_renew_is_an_action_every_run_but_not_on_the_run_that_creates_the_key(clock):
    service = ApiKeyService()
    renew = dict(key_name="primary", time_expiry="2028-01-01T00:00:00Z")
    created = run(API_KEY, service, clock, renew=renew, **KEY)
    assert [m[0] for m in service.mutations()] == ["create"]
    assert [s["key_name"] for s in created["api_key_secrets"]] == ["primary", "secondary"]

    predicted = run(API_KEY, service, clock, check_mode=True, diff_mode=True, renew=renew, **KEY)
    assert predicted["changed"] is True and predicted["diff"]["after"]["renewed"] == "primary"
    assert "api_key_secrets" not in predicted and [m[0] for m in service.mutations()] == ["create"]

    for number in (3, 4):
        renewed = run(API_KEY, service, clock, renew=renew, **KEY)
        assert renewed["changed"] is True
        assert renewed["api_key_secrets"] == [dict(key_name="primary", key="sk-secret-%d-primary" % number,
                                                   time_expiry="2028-01-01T00:00:00Z")]
        assert "sk-secret" not in json.dumps(renewed["api_key"])

    with pytest.raises(ResourceError) as unknown:
        run(API_KEY, service, clock, renew=dict(renew, key_name="third"), **KEY)
    assert "renew.key_name third is not a key of the API key" in str(unknown.value)


def test_other_key_names_are_refused_as_keys_cannot_be_added_after_creation(clock):
    service = ApiKeyService()
    key_id = run(API_KEY, service, clock, **KEY)["api_key"]["id"]
    renamed = [dict(KEYS[0], time_expiry="2030-01-01T00:00:00Z"), KEYS[1]]
    assert run(API_KEY, service, clock, id=key_id, key_details=renamed)["changed"] is False  # the expiry is not compared
    with pytest.raises(ResourceError) as refused:
        run(API_KEY, service, clock, id=key_id, key_details=KEYS[:1])
    assert "key_details cannot be changed after the API key is created" in str(refused.value)


def test_a_private_endpoint_compares_its_dns_prefix_with_the_fqdn(clock):
    service = FakeClient(PRIVATE_ENDPOINT)
    endpoint_id = service.add(dict(compartmentId=C1, displayName="pe", subnetId="s", lifecycleState="ACTIVE",
                                   fqdn="private.generativeai.us-chicago-1.oci.oraclecloud.com"))
    assert run(PRIVATE_ENDPOINT, service, clock, id=endpoint_id, dns_prefix="private")["changed"] is False
    changed = run(PRIVATE_ENDPOINT, service, clock, id=endpoint_id, dns_prefix="other")
    assert changed["changed"] is True and service.mutations()[-1][2] == {"dnsPrefix": "other"}


class MovingByWorkRequest(FakeClient):
    """A service whose moves run as work requests (OCI Generative AI private endpoints and semantic stores)."""

    def move(self, spec, resource, scope_value, etag):
        super(MovingByWorkRequest, self).move(spec, resource, scope_value, etag)
        return self._work_request()


def test_a_move_answered_with_a_work_request_is_waited_for_before_the_update(clock):
    service = MovingByWorkRequest(PRIVATE_ENDPOINT, work_requests=True, work_request_statuses=("IN_PROGRESS", "SUCCEEDED"))
    endpoint_id = service.add(dict(compartmentId=C1, displayName="pe", subnetId="s", lifecycleState="ACTIVE",
                                   fqdn="private.generativeai.us-chicago-1.oci.oraclecloud.com"))
    other = "ocid1.compartment.oc1..aaaaaaaacompartmenttwo"
    result = run(PRIVATE_ENDPOINT, service, clock, id=endpoint_id, compartment_id=other, description="moved")
    assert result["changed"] is True and result["private_endpoint"]["compartment_id"] == other
    ops = service.ops()
    moved, updated = ops.index("move"), ops.index("update")
    assert ops[moved + 1:updated].count("get_work_request") == 2  # IN_PROGRESS, then SUCCEEDED, before the update


def test_model_discovery_checks_its_filters():
    assert MODEL_DISCOVERY.filters["model_id"].check("cohere.command-r-08-2024", "model_id") is None
    assert MODEL_DISCOVERY.plural == "models" and not MODEL_DISCOVERY.has_id


def test_a_sandbox_warm_pool_is_named_in_its_project_and_its_image_pinned_by_digest():
    assert SANDBOX_WARM_POOL.id_key == "name" and not SANDBOX_WARM_POOL.has_id and SANDBOX_WARM_POOL.scope_in_path
    assert SANDBOX_WARM_POOL.given_id(dict(name="small", id="ignored")) == "small" and API_KEY.given_id(dict(id="k")) == "k"
    image = SANDBOX_WARM_POOL.fields["container_image"].check
    assert image("iad.ocir.io/t/tools@sha256:" + "0f" * 32, "container_image") is None
    assert "pinned by its digest" in image("iad.ocir.io/t/tools:latest", "container_image")
    assert "generativeaiproject" in SANDBOX_WARM_POOL.checks["project_id"](C1, "project_id")
    create_fields = SANDBOX_WARM_POOL.behaviours[0].create_fields
    assert create_fields(dict(type="MANAGED", container_image=None)) == {}
    for wrong in (dict(type="CUSTOM", container_image=None), dict(type="MANAGED", container_image="x@sha256:" + "0" * 64)):
        with pytest.raises(ResourceError, match="type CUSTOM needs container_image"):
            create_fields(wrong)
