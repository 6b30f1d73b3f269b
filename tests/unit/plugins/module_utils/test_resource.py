# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The generic engine over an in-memory service: an OCI spec (genai) and a Huawei-style spec, no special cases."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

import pytest

from ansible_collections.cloudai.control.plugins.module_utils.genai import DEDICATED_AI_CLUSTER as DAC
from ansible_collections.cloudai.control.plugins.module_utils.genai import IMPORTED_MODEL, MODEL
from ansible_collections.cloudai.control.plugins.module_utils.behaviours import Behaviour, RetryFailedUpdate
from ansible_collections.cloudai.control.plugins.module_utils.engine import list_resources
from ansible_collections.cloudai.control.plugins.module_utils.spec import (
    Field, Lifecycle, ResourceError, ResourceSpec, camel_to_snake, differs, snake_to_camel, to_result, to_wire,
)
from ansible_collections.cloudai.control.plugins.module_utils.transport import ApiError
from ansible_collections.cloudai.control.tests.unit.plugins.module_utils.fakes import GONE, FakeClient, FakeClock, run_engine as run

C1 = "ocid1.compartment.oc1..aaaaaaaacompartmentone"
C2 = "ocid1.compartment.oc1..aaaaaaaacompartmenttwo"
ORACLE_TAGS = {"Oracle-Tags": {"CreatedBy": "user@example.com", "CreatedOn": "2026-11-23T10:00:00.000Z"}}

WORKSPACE = ResourceSpec(
    kind="workspace",
    label="workspace",
    path="/v1/workspaces",
    name=("name", "name", "name"),
    fields={
        "description": Field("description"),
        "metastore_id": Field("metastore_id"),
        "enterprise_project_id": Field("enterprise_project_id", updatable=False),
    },
    lifecycle=Lifecycle(ready=[None], key="status"),  # workspaces have no status field
    wire_case="snake",
    items_key="workspaces",
    read_by_list=True,
)

CREATE = dict(compartment_id=C1, display_name="dac-1", type="HOSTING", unit_shape="LARGE_COHERE_V2", unit_count=1)


def create_with(**changes):
    """CREATE with some options changed."""
    params = dict(CREATE)
    params.update(changes)
    return params


def cluster(**changes):
    resource = {
        "compartmentId": C1,
        "displayName": "dac-1",
        "type": "HOSTING",
        "unitShape": "LARGE_COHERE_V2",
        "unitCount": 1,
        "description": "serving",
        "lifecycleState": "ACTIVE",
        "lifecycleDetails": None,
        "timeCreated": "2026-11-23T10:00:00.000Z",
        "capacity": {"capacityType": "HOSTING_CAPACITY", "totalEndpointCapacity": 50, "usedEndpointCapacity": 0},
        "freeformTags": {"CamelCase-Key": "v", "with space": "x"},
        "definedTags": dict(ORACLE_TAGS, Ops={"env": "dev", "owner": "ml"}),
        "systemTags": {},
    }
    resource.update(changes)
    return resource


def workspace(**changes):
    resource = {"name": "ws-one", "description": "first", "metastore_id": None, "enterprise_project_id": "0",
                "create_time": "2026-11-23T10:00:00Z", "access_url": "https://ws-one.example"}
    resource.update(changes)
    return resource


@pytest.fixture
def clock():
    return FakeClock()


def error_of(spec, client, clock, **params):
    with pytest.raises(ResourceError) as caught:
        run(spec, client, clock, **params)
    return caught.value


# ---------------------------------------------------------------------------------------------------
# create

def test_create_without_required_options_names_them_before_any_change(clock):
    client = FakeClient(DAC)
    error = error_of(DAC, client, clock, compartment_id=C1, display_name="dac-1", unit_count=2)
    assert "type" in str(error) and "unit_shape" in str(error) and "unit_count" not in str(error)
    assert client.ops() == ["search"]  # only the lookup that showed it must be created


def test_create_sends_the_body_follows_the_work_request_and_waits(clock):
    client = FakeClient(DAC, work_requests=True, create_states=["CREATING", "CREATING", "ACTIVE"])
    result = run(DAC, client, clock, freeform_tags={"CamelCase-Key": "v"}, description=None, **CREATE)
    assert client.mutations() == [("create", {
        "displayName": "dac-1", "type": "HOSTING", "unitShape": "LARGE_COHERE_V2", "unitCount": 1,
        "compartmentId": C1, "freeformTags": {"CamelCase-Key": "v"}})]
    assert client.ops() == ["search", "create", "get_work_request", "get_work_request", "read", "read"]
    assert result["changed"] is True
    created = result["dedicated_ai_cluster"]
    assert created["lifecycle_state"] == "ACTIVE" and created["id"] in client.resources
    assert created["freeform_tags"] == {"CamelCase-Key": "v"}
    assert result["work_request"]["status"] == "SUCCEEDED" and result["work_request"]["percent_complete"] == 100
    assert "diff" not in result


def test_wait_false_returns_right_after_the_create(clock):
    client = FakeClient(DAC, work_requests=True, create_states=["CREATING", "ACTIVE"])
    result = run(DAC, client, clock, wait=False, **CREATE)
    assert client.ops() == ["search", "create"]
    assert result["changed"] is True and result["dedicated_ai_cluster"]["lifecycle_state"] == "CREATING"
    assert clock.sleeps == []


def test_id_that_does_not_exist_is_an_error_not_a_create(clock):
    client = FakeClient(DAC)
    error = error_of(DAC, client, clock, id="ocid1.generativeaidedicatedaicluster.oc1.us-chicago-1.missing", **CREATE)
    assert "no dedicated AI cluster with id" in str(error)
    assert client.mutations() == []


def test_neither_id_nor_name_is_an_error(clock):
    client = FakeClient(DAC)
    error = error_of(DAC, client, clock, compartment_id=C1)
    assert "id" in str(error) and "display_name" in str(error)
    assert client.calls == []


# ---------------------------------------------------------------------------------------------------
# idempotence

def test_rerun_by_id_is_one_read_and_no_change(clock):
    client = FakeClient(DAC)
    cluster_id = client.add(cluster())
    result = run(DAC, client, clock, id=cluster_id, description="serving", freeform_tags={"CamelCase-Key": "v", "with space": "x"},
                 defined_tags={"Ops": {"env": "dev", "owner": "ml"}}, **CREATE)
    assert client.calls == [("read", cluster_id)]
    assert result["changed"] is False and result["dedicated_ai_cluster"]["id"] == cluster_id


def test_rerun_by_name_is_one_search_and_no_change(clock):
    client = FakeClient(DAC)
    cluster_id = client.add(cluster())
    client.add(cluster(displayName="dac-10"))  # the service's name filter may be loose; the engine is exact
    result = run(DAC, client, clock, **CREATE)
    assert client.ops() == ["search"]
    assert result["changed"] is False and result["dedicated_ai_cluster"]["id"] == cluster_id


class SummaryClient(FakeClient):
    """Lists summaries without some fields, as ListModels leaves out a model's description."""

    def __init__(self, spec, hidden, **kwargs):
        super(SummaryClient, self).__init__(spec, **kwargs)
        self.hidden = hidden

    def search(self, spec, scope_value, name, filters=()):
        return iter([dict((k, v) for k, v in r.items() if k not in self.hidden)
                     for r in super(SummaryClient, self).search(spec, scope_value, name, filters)])


def test_rerun_by_name_reads_the_resource_when_the_summary_lacks_a_managed_field(clock):
    client = SummaryClient(DAC, hidden=("description",))
    cluster_id = client.add(cluster())
    result = run(DAC, client, clock, description="serving", **CREATE)
    assert client.ops() == ["search", "read"]
    assert result["changed"] is False and result["dedicated_ai_cluster"]["description"] == "serving"


def test_rerun_by_name_does_not_read_for_a_field_it_does_not_manage(clock):
    client = SummaryClient(DAC, hidden=("description",))
    client.add(cluster())
    result = run(DAC, client, clock, **CREATE)
    assert client.ops() == ["search"] and result["changed"] is False


def test_deleted_namesake_is_ignored_and_a_new_one_created(clock):
    client = FakeClient(DAC)
    old_id = client.add(cluster(lifecycleState="DELETED"))
    result = run(DAC, client, clock, **CREATE)
    assert result["changed"] is True and result["dedicated_ai_cluster"]["id"] != old_id
    assert [call[0] for call in client.mutations()] == ["create"]


# ---------------------------------------------------------------------------------------------------
# update, move, immutable fields

def test_update_by_id_sends_only_the_changed_field_with_the_etag_from_read(clock):
    client = FakeClient(DAC)
    cluster_id = client.add(cluster())
    etag = client.etags[cluster_id]
    result = run(DAC, client, clock, id=cluster_id, description="serving", **create_with(unit_count=3))
    assert client.mutations() == [("update", cluster_id, {"unitCount": 3}, etag)]
    assert result["changed"] is True and result["dedicated_ai_cluster"]["unit_count"] == 3


def test_update_by_name_reads_for_the_etag(clock):
    client = FakeClient(DAC, work_requests=True, update_states=["UPDATING", "ACTIVE"])
    cluster_id = client.add(cluster())
    etag = client.etags[cluster_id]
    result = run(DAC, client, clock, description="new words", **CREATE)
    assert client.ops()[:3] == ["search", "read", "update"]
    assert client.mutations() == [("update", cluster_id, {"description": "new words"}, etag)]
    assert result["dedicated_ai_cluster"]["description"] == "new words"
    assert result["dedicated_ai_cluster"]["lifecycle_state"] == "ACTIVE"
    assert result["work_request"]["status"] == "SUCCEEDED"


@pytest.mark.parametrize("option, value", [
    ("type", "FINE_TUNING"),
    ("unit_shape", "SMALL_COHERE"),
    ("capacity_reservation_id", "ocid1.capacityreservation.oc1..x"),
])
def test_change_of_a_create_only_field_is_refused_naming_the_option(clock, option, value):
    client = FakeClient(DAC)
    cluster_id = client.add(cluster())
    error = error_of(DAC, client, clock, id=cluster_id, **create_with(**{option: value}))
    assert option in str(error) and "delete and recreate" in str(error)
    assert error.details["id"] == cluster_id
    assert client.mutations() == []


def test_compartment_change_is_a_move(clock):
    client = FakeClient(DAC)
    cluster_id = client.add(cluster())
    etag = client.etags[cluster_id]
    result = run(DAC, client, clock, id=cluster_id, **create_with(compartment_id=C2))
    assert client.mutations() == [("move", cluster_id, C2, etag)]
    assert result["changed"] is True and result["dedicated_ai_cluster"]["compartment_id"] == C2


def test_move_and_update_use_a_fresh_etag_for_the_update(clock):
    client = FakeClient(DAC)
    cluster_id = client.add(cluster())
    result = run(DAC, client, clock, id=cluster_id, **create_with(compartment_id=C2, unit_count=2))
    move, update = client.mutations()  # the fake refuses a stale etag with 412
    assert (move[0], update[0]) == ("move", "update")
    assert update[2] == {"unitCount": 2} and update[3] not in (None, move[3])
    assert result["dedicated_ai_cluster"]["compartment_id"] == C2
    assert result["dedicated_ai_cluster"]["unit_count"] == 2


def test_scope_change_of_an_unmovable_resource_is_refused(clock):
    spec = copy.copy(DAC)
    spec.behaviours = ()  # no Move
    client = FakeClient(spec)
    cluster_id = client.add(cluster())
    error = error_of(spec, client, clock, id=cluster_id, **create_with(compartment_id=C2))
    assert "compartment_id" in str(error) and client.mutations() == []


# ---------------------------------------------------------------------------------------------------
# tags

def test_purge_tags_sets_the_exact_tags_but_keeps_oracle_tags(clock):
    client = FakeClient(DAC)
    cluster_id = client.add(cluster())
    result = run(DAC, client, clock, id=cluster_id, freeform_tags={"team": "a"}, defined_tags={"Ops": {"env": "prod"}})
    (update,) = client.mutations()
    assert update[2] == {"freeformTags": {"team": "a"}, "definedTags": dict(ORACLE_TAGS, Ops={"env": "prod"})}
    assert result["dedicated_ai_cluster"]["freeform_tags"] == {"team": "a"}


def test_purge_tags_false_merges(clock):
    client = FakeClient(DAC)
    cluster_id = client.add(cluster())
    run(DAC, client, clock, id=cluster_id, purge_tags=False, freeform_tags={"team": "a"},
        defined_tags={"Ops": {"env": "prod"}, "Cost": {"center": "42"}})
    (update,) = client.mutations()
    assert update[2] == {
        "freeformTags": {"CamelCase-Key": "v", "with space": "x", "team": "a"},
        "definedTags": dict(ORACLE_TAGS, Ops={"env": "prod", "owner": "ml"}, Cost={"center": "42"}),
    }


def test_purge_tags_false_with_tags_already_there_changes_nothing(clock):
    client = FakeClient(DAC)
    cluster_id = client.add(cluster())
    result = run(DAC, client, clock, id=cluster_id, purge_tags=False, freeform_tags={"with space": "x"},
                 defined_tags={"Ops": {"env": "dev"}})
    assert result["changed"] is False and client.mutations() == []


def test_empty_tags_with_purge_remove_all_but_oracle_tags(clock):
    client = FakeClient(DAC)
    cluster_id = client.add(cluster())
    run(DAC, client, clock, id=cluster_id, freeform_tags={}, defined_tags={})
    (update,) = client.mutations()
    assert update[2] == {"freeformTags": {}, "definedTags": ORACLE_TAGS}


def test_tag_keys_are_never_rewritten_in_results(clock):
    client = FakeClient(DAC)
    cluster_id = client.add(cluster(systemTags={"orcl-cloud": {"free-tier-retained": "true"}}))
    found = run(DAC, client, clock, id=cluster_id)["dedicated_ai_cluster"]
    assert found["freeform_tags"] == {"CamelCase-Key": "v", "with space": "x"}
    assert found["defined_tags"] == dict(ORACLE_TAGS, Ops={"env": "dev", "owner": "ml"})
    assert found["system_tags"] == {"orcl-cloud": {"free-tier-retained": "true"}}


def test_result_keys_are_snake_case(clock):
    client = FakeClient(DAC)
    cluster_id = client.add(cluster())
    found = run(DAC, client, clock, id=cluster_id)["dedicated_ai_cluster"]
    assert sorted(found) == sorted([
        "id", "compartment_id", "display_name", "type", "unit_shape", "unit_count", "description", "lifecycle_state",
        "lifecycle_details", "time_created", "capacity", "freeform_tags", "defined_tags", "system_tags"])
    assert found["capacity"] == {"capacity_type": "HOSTING_CAPACITY", "total_endpoint_capacity": 50,
                                 "used_endpoint_capacity": 0}


# ---------------------------------------------------------------------------------------------------
# check mode and diff mode

def scenario_create(client):
    return dict(CREATE, freeform_tags={"CamelCase-Key": "v"})


def scenario_no_change(client):
    return dict(CREATE, id=client.add(cluster()))


def scenario_update(client):
    return dict(CREATE, id=client.add(cluster()), unit_count=4, description="more")


def scenario_purge_tags(client):
    client.add(cluster())
    return dict(CREATE, freeform_tags={"team": "a"}, defined_tags={"Ops": {"env": "prod"}})


def scenario_merge_tags(client):
    client.add(cluster())
    return dict(CREATE, purge_tags=False, freeform_tags={"team": "a"}, defined_tags={"Ops": {"env": "prod"}})


def scenario_move(client):
    return dict(CREATE, id=client.add(cluster()), compartment_id=C2, unit_count=2)


def scenario_delete(client):
    client.add(cluster())
    return dict(CREATE, state="absent")


def scenario_absent_already(client):
    return dict(CREATE, state="absent")


def scenario_deleting(client):
    return dict(id=client.add(cluster(lifecycleState="DELETING"), script=["DELETING", GONE]), state="absent")


@pytest.mark.parametrize("scenario", [
    scenario_create, scenario_no_change, scenario_update, scenario_purge_tags, scenario_merge_tags, scenario_move,
    scenario_delete, scenario_absent_already, scenario_deleting,
])
def test_check_mode_predicts_what_the_real_run_does(clock, scenario):
    checked_client, real_client = FakeClient(DAC), FakeClient(DAC)
    params = scenario(checked_client)
    assert scenario(real_client) == params
    predicted = run(DAC, checked_client, clock, check_mode=True, diff_mode=True, **params)
    assert checked_client.mutations() == [] and clock.sleeps == []
    assert "get_work_request" not in checked_client.ops()

    real = run(DAC, real_client, clock, diff_mode=True, **params)
    assert predicted["changed"] == real["changed"]
    assert predicted["diff"] == real["diff"]
    if real["dedicated_ai_cluster"] is None:
        assert predicted["dedicated_ai_cluster"] is None
    else:
        guess, outcome = predicted["dedicated_ai_cluster"], real["dedicated_ai_cluster"]
        assert dict((k, outcome.get(k)) for k in guess) == guess


def test_check_mode_update_result_is_the_updated_resource(clock):
    client = FakeClient(DAC)
    cluster_id = client.add(cluster())
    result = run(DAC, client, clock, check_mode=True, id=cluster_id, unit_count=5)
    assert result["changed"] is True and result["dedicated_ai_cluster"]["unit_count"] == 5
    assert client.resources[cluster_id]["unitCount"] == 1


def test_diff_holds_the_options_the_task_sets(clock):
    client = FakeClient(DAC)
    cluster_id = client.add(cluster())
    diff = run(DAC, client, clock, diff_mode=True, id=cluster_id, unit_count=2, display_name="dac-1",
               freeform_tags={"CamelCase-Key": "v", "with space": "x"})["diff"]
    assert diff == {
        "before": {"display_name": "dac-1", "unit_count": 1, "freeform_tags": {"CamelCase-Key": "v", "with space": "x"}},
        "after": {"display_name": "dac-1", "unit_count": 2, "freeform_tags": {"CamelCase-Key": "v", "with space": "x"}},
    }


def test_diff_of_create_and_delete(clock):
    client = FakeClient(DAC)
    created = run(DAC, client, clock, diff_mode=True, **CREATE)["diff"]
    assert created["before"] == {}
    assert created["after"] == CREATE
    deleted = run(DAC, client, clock, diff_mode=True, state="absent", **CREATE)["diff"]
    assert deleted["before"] == CREATE and deleted["after"] == {}


# ---------------------------------------------------------------------------------------------------
# absent

def test_delete_waits_until_gone_and_absent_again_changes_nothing(clock):
    client = FakeClient(DAC, work_requests=True, delete_states=["DELETING", "DELETING", "DELETED"])
    cluster_id = client.add(cluster())
    etag = client.etags[cluster_id]
    result = run(DAC, client, clock, state="absent", id=cluster_id)
    assert client.mutations() == [("delete", cluster_id, etag)]
    assert "get_work_request" in client.ops()
    assert client.resources[cluster_id]["lifecycleState"] == "DELETED"
    assert result["changed"] is True and result["dedicated_ai_cluster"] is None

    client.calls = []
    assert run(DAC, client, clock, state="absent", id=cluster_id)["changed"] is False
    assert run(DAC, client, clock, state="absent", **CREATE)["changed"] is False
    assert client.mutations() == []


def test_absent_of_nothing_is_one_search(clock):
    client = FakeClient(DAC)
    result = run(DAC, client, clock, state="absent", compartment_id=C1, display_name="nothing")
    assert client.ops() == ["search"] and result["changed"] is False


def test_absent_by_id_while_deleting_waits_until_gone(clock):
    client = FakeClient(DAC)
    cluster_id = client.add(cluster(lifecycleState="DELETING"), script=["DELETING", "DELETING", GONE])
    result = run(DAC, client, clock, state="absent", id=cluster_id)
    assert cluster_id not in client.resources
    assert client.mutations() == [] and result["changed"] is False
    assert client.ops() == ["read"] * 3 and len(clock.sleeps) == 1


def test_absent_by_name_while_deleting_waits_until_gone(clock):
    client = FakeClient(DAC)
    cluster_id = client.add(cluster(lifecycleState="DELETING"), script=["DELETING", "DELETING", GONE])
    run(DAC, client, clock, state="absent", **CREATE)
    assert cluster_id not in client.resources


def test_absent_with_wait_false_does_not_poll(clock):
    client = FakeClient(DAC, work_requests=True)
    cluster_id = client.add(cluster())
    result = run(DAC, client, clock, state="absent", wait=False, id=cluster_id)
    assert client.ops() == ["read", "delete"] and result["changed"] is True


def test_delete_whose_response_was_lost_is_accepted_when_the_resource_is_going(clock):
    client = FakeClient(DAC)
    cluster_id = client.add(cluster())
    client.fail("delete", ApiError(0, "ConnectionError", "connection reset", ambiguous=True), applied=True)
    result = run(DAC, client, clock, state="absent", id=cluster_id)
    assert result["changed"] is True and cluster_id not in client.resources


def test_delete_that_failed_for_real_is_raised(clock):
    client = FakeClient(DAC)
    cluster_id = client.add(cluster())
    client.fail("delete", ApiError(409, "IncorrectState", "endpoints still attached", "r1"))
    with pytest.raises(ApiError):
        run(DAC, client, clock, state="absent", id=cluster_id)


STALE = ApiError(412, "NoEtagMatch", "The if-match value does not match the current etag", "r-412", "PUT", "u")


@pytest.mark.parametrize("params", [dict(unit_count=2), dict(state="absent")], ids=["update", "delete"])
def test_stale_etag_is_a_conflict_naming_the_resource_not_a_retry(clock, params):
    client = FakeClient(DAC)
    cluster_id = client.add(cluster())
    client.fail("delete" if params.get("state") else "update", STALE)
    error = error_of(DAC, client, clock, id=cluster_id, **params)
    assert "changed by someone else after this task read it" in str(error) and cluster_id in str(error)
    assert "HTTP 412 NoEtagMatch" in str(error) and "nothing was overwritten" in str(error)
    assert error.details["id"] == cluster_id and error.details["error"]["request_id"] == "r-412"
    assert len(client.mutations()) == 1 and client.resources[cluster_id]["unitCount"] == 1


def test_stale_etag_on_a_retry_that_did_not_land_is_a_conflict(clock):
    client = FakeClient(DAC)
    cluster_id = client.add(cluster())
    client.fail("update", ApiError(412, "NoEtagMatch", "etag changed", attempts=2))
    error = error_of(DAC, client, clock, id=cluster_id, unit_count=2)
    assert "changed by someone else" in str(error)
    assert client.ops()[-1] == "read"  # it looked before calling it a conflict


# ---------------------------------------------------------------------------------------------------
# duplicates and broken resources

def test_duplicate_names_are_an_error_listing_the_ids(clock):
    client = FakeClient(DAC)
    first, second = client.add(cluster()), client.add(cluster(lifecycleState="UPDATING"))
    deleted, other = client.add(cluster(lifecycleState="DELETED")), client.add(cluster(displayName="dac-1-b"))
    for state in ("present", "absent"):
        error = error_of(DAC, client, clock, **create_with(state=state))
        assert first in str(error) and second in str(error)
        assert deleted not in str(error) and other not in str(error)
    assert client.mutations() == []


@pytest.mark.parametrize("state", ["FAILED", "NEEDS_ATTENTION"])
@pytest.mark.parametrize("check_mode", [False, True])
def test_a_broken_resource_is_an_error_naming_its_state(clock, state, check_mode):
    client = FakeClient(DAC)
    cluster_id = client.add(cluster(lifecycleState=state, lifecycleDetails="out of capacity"))
    with pytest.raises(ResourceError) as caught:
        run(DAC, client, clock, check_mode=check_mode, **CREATE)
    assert state in str(caught.value) and cluster_id in str(caught.value) and "out of capacity" in str(caught.value)
    assert caught.value.details == {"id": cluster_id, "lifecycle_state": state}
    assert client.mutations() == []


def test_a_resource_still_creating_is_waited_for_before_it_is_updated(clock):
    client = FakeClient(DAC)
    cluster_id = client.add(cluster(lifecycleState="CREATING"), script=["CREATING", "ACTIVE"])
    result = run(DAC, client, clock, id=cluster_id, unit_count=2)
    assert client.ops().index("update") > 2  # read, wait until ACTIVE, read for the etag, then update
    assert result["dedicated_ai_cluster"]["unit_count"] == 2


# ---------------------------------------------------------------------------------------------------
# waiting

def test_failed_work_request_names_the_resource_and_the_errors(clock):
    client = FakeClient(DAC, work_requests=True, work_request_statuses=["ACCEPTED", "IN_PROGRESS", "FAILED"],
                        create_states=["CREATING", "FAILED"],
                        work_request_errors=[{"code": "QuotaExceeded", "message": "no capacity for LARGE_COHERE_V2"}])
    error = error_of(DAC, client, clock, **CREATE)
    [created_id] = list(client.resources)
    assert created_id in str(error)
    assert "QuotaExceeded" in str(error) and "no capacity for LARGE_COHERE_V2" in str(error)
    assert error.details["id"] == created_id and error.details["work_request"]["status"] == "FAILED"
    # the state it ended in (read again), not the one it was created in; and the create did change something
    assert error.details["lifecycle_state"] == "FAILED" and error.details["dedicated_ai_cluster"]["lifecycle_state"] == "FAILED"
    assert error.details["changed"] is True


def test_lifecycle_timeout_reports_id_and_state(clock):
    client = FakeClient(DAC, create_states=["CREATING"])
    start = clock()
    error = error_of(DAC, client, clock, wait_timeout=600, **CREATE)
    [created_id] = list(client.resources)
    assert error.details["id"] == created_id and error.details["lifecycle_state"] == "CREATING"
    assert error.details["dedicated_ai_cluster"]["id"] == created_id and error.details["changed"] is True
    assert "timed out" in str(error) and created_id in str(error)
    assert clock() - start == pytest.approx(600)


def test_one_deadline_covers_the_work_request_and_the_lifecycle(clock):
    client = FakeClient(DAC, work_requests=True, create_states=["CREATING"],
                        work_request_statuses=["IN_PROGRESS"] * 8 + ["SUCCEEDED"])
    start = clock()
    error_of(DAC, client, clock, wait_timeout=300, **CREATE)
    assert clock() - start == pytest.approx(300)


def test_timeout_message_names_the_wait_timeout(clock):
    client = FakeClient(DAC, work_requests=True, create_states=["CREATING"],
                        work_request_statuses=["IN_PROGRESS"] * 8 + ["SUCCEEDED"])
    error = error_of(DAC, client, clock, wait_timeout=300, **CREATE)
    assert "300" in str(error)


def test_work_request_timeout_reports_id_and_state(clock):
    client = FakeClient(DAC, work_requests=True, create_states=["CREATING"], work_request_statuses=["IN_PROGRESS"])
    error = error_of(DAC, client, clock, wait_timeout=600, **CREATE)
    [created_id] = list(client.resources)
    assert error.details["id"] == created_id
    assert error.details["lifecycle_state"] == "CREATING"


def test_create_that_ends_failed_is_reported(clock):
    client = FakeClient(DAC, create_states=["CREATING", "FAILED"])
    error = error_of(DAC, client, clock, **CREATE)
    assert error.details["lifecycle_state"] == "FAILED" and "FAILED" in str(error) and error.details["changed"] is True


def test_a_failure_before_anything_changed_is_not_changed(clock):
    client = FakeClient(DAC)
    client.fail("create", ApiError(400, "InvalidParameter", "no", "req-1", "POST", "u"))
    with pytest.raises(ApiError):
        run(DAC, client, clock, **CREATE)
    cluster_id = client.add(cluster(lifecycleState="FAILED"))
    assert "changed" not in error_of(DAC, client, clock, id=cluster_id, unit_count=3).details


def test_an_api_error_after_a_change_reports_changed(clock):
    client = FakeClient(DAC, create_states=["CREATING"])
    reads = []

    def read(spec, resource_id):
        reads.append(resource_id)
        raise ApiError(500, "InternalError", "read failed", "req-2", "GET", "u")
    client.read = read
    error = error_of(DAC, client, clock, **CREATE)
    assert error.details["changed"] is True and error.details["error"]["status"] == 500 and reads


# ---------------------------------------------------------------------------------------------------
# lost responses

@pytest.mark.parametrize("error", [
    ApiError(0, "ConnectionError", "connection reset", ambiguous=True),
    ApiError(502, None, "bad gateway", attempts=6, ambiguous=True),
    ApiError(412, "NoEtagMatch", "etag changed", attempts=2),
], ids=["ambiguous", "5xx-after-retries", "412-on-retry"])
def test_update_whose_response_was_lost_is_accepted_after_a_reread(clock, error):
    client = FakeClient(DAC)
    cluster_id = client.add(cluster())
    client.fail("update", error, applied=True)
    result = run(DAC, client, clock, id=cluster_id, unit_count=2)
    assert [call[0] for call in client.mutations()] == ["update"]
    assert client.ops()[client.ops().index("update") + 1] == "read"
    assert result["changed"] is True and result["dedicated_ai_cluster"]["unit_count"] == 2


def test_update_that_may_have_been_lost_but_did_not_land_is_raised(clock):
    client = FakeClient(DAC)
    cluster_id = client.add(cluster())
    client.fail("update", ApiError(0, "ConnectionError", "connection reset", ambiguous=True), applied=False)
    with pytest.raises(ApiError):
        run(DAC, client, clock, id=cluster_id, unit_count=2)


def test_update_that_failed_for_sure_is_raised_without_a_reread(clock):
    client = FakeClient(DAC)
    cluster_id = client.add(cluster())
    client.fail("update", ApiError(400, "InvalidParameter", "unitCount too large", "r1"))
    with pytest.raises(ApiError):
        run(DAC, client, clock, id=cluster_id, unit_count=2000)
    assert client.ops() == ["read", "update"]


def test_move_whose_response_was_lost_is_accepted(clock):
    client = FakeClient(DAC)
    cluster_id = client.add(cluster())
    client.fail("move", ApiError(0, "ConnectionError", "reset", ambiguous=True), applied=True)
    result = run(DAC, client, clock, id=cluster_id, compartment_id=C2)
    assert result["dedicated_ai_cluster"]["compartment_id"] == C2


# ---------------------------------------------------------------------------------------------------
# the same engine on a Huawei-style resource

WS_CREATE = dict(name="ws-one", description="first", enterprise_project_id="0")


def test_huawei_create_and_rerun(clock):
    client = FakeClient(WORKSPACE)
    client.add(workspace(name="ws-one-b"))
    result = run(WORKSPACE, client, clock, **WS_CREATE)
    assert client.mutations() == [("create", {"name": "ws-one", "description": "first", "enterprise_project_id": "0"})]
    created = result["workspace"]
    assert result["changed"] is True and created["name"] == "ws-one" and created["enterprise_project_id"] == "0"

    client.calls = []
    again = run(WORKSPACE, client, clock, **WS_CREATE)
    assert client.calls == [("search", None, "ws-one", [])]
    assert again["changed"] is False and again["workspace"]["id"] == created["id"]

    client.calls = []
    assert run(WORKSPACE, client, clock, id=created["id"], **WS_CREATE)["changed"] is False
    assert client.calls == [("read", created["id"])]


def test_huawei_update_delete_and_immutable_field(clock):
    client = FakeClient(WORKSPACE)
    ws_id = client.add(workspace())
    result = run(WORKSPACE, client, clock, diff_mode=True, name="ws-one", description="second")
    assert client.mutations() == [("update", ws_id, {"description": "second"}, None)]
    assert result["diff"] == {"before": {"name": "ws-one", "description": "first"},
                              "after": {"name": "ws-one", "description": "second"}}
    assert sorted(result["workspace"]) == sorted(["id", "name", "description", "metastore_id",
                                                  "enterprise_project_id", "create_time", "access_url"])

    error = error_of(WORKSPACE, client, clock, name="ws-one", enterprise_project_id="other")
    assert "enterprise_project_id" in str(error)

    client.calls = []
    assert run(WORKSPACE, client, clock, state="absent", name="ws-one")["changed"] is True
    assert ws_id not in client.resources and client.mutations() == [("delete", ws_id, None)]


# ---------------------------------------------------------------------------------------------------
# info listing

def test_list_by_id_and_by_filters(clock):
    client = FakeClient(DAC)
    first = client.add(cluster())
    client.add(cluster(displayName="other", lifecycleState="CREATING"))
    client.add(cluster(compartmentId=C2))
    assert [r["id"] for r in list_resources(DAC, client, {"id": first})] == [first]
    assert list_resources(DAC, client, {"id": "ocid1.unknown"}) == []

    client.calls = []
    found = list_resources(DAC, client, {"compartment_id": C1, "display_name": "dac-1", "lifecycle_state": "ACTIVE",
                                         "sort_by": None})
    assert client.calls == [("search", C1, None, [("displayName", "dac-1"), ("lifecycleState", "ACTIVE")])]
    assert [r["id"] for r in found] == [first]
    assert found[0]["freeform_tags"] == {"CamelCase-Key": "v", "with space": "x"}
    assert "lifecycle_state" in found[0] and "lifecycleState" not in found[0]


def test_list_huawei_keeps_keys():
    client = FakeClient(WORKSPACE)
    ws_id = client.add(workspace())
    assert list_resources(WORKSPACE, client, {"id": ws_id}) == [dict(workspace(), id=ws_id)]


# ---------------------------------------------------------------------------------------------------
# conversions

@pytest.mark.parametrize("wire, option", [
    ("lifecycleState", "lifecycle_state"), ("unitShape", "unit_shape"), ("id", "id"),
    ("totalEndpointCapacity", "total_endpoint_capacity"), ("isHTTPSEnabled", "is_https_enabled"),
    ("ocpuCount2", "ocpu_count2"),
])
def test_camel_to_snake(wire, option):
    assert camel_to_snake(wire) == option


@pytest.mark.parametrize("option, wire", [("unit_count", "unitCount"), ("id", "id"), ("a_b_c", "aBC")])
def test_snake_to_camel(option, wire):
    assert snake_to_camel(option) == wire


def test_to_wire_and_to_result_round_trip_with_tags_untouched():
    assert to_wire({"content_moderation_config": {"is_enabled": True, "mode": None}}) == \
        {"contentModerationConfig": {"isEnabled": True}}
    wire = {"contentModerationConfig": {"isEnabled": True}, "freeformTags": {"Camel-Key": "1"},
            "items": [{"modelId": "m"}]}
    assert to_result(wire) == {"content_moderation_config": {"is_enabled": True}, "freeform_tags": {"Camel-Key": "1"},
                               "items": [{"model_id": "m"}]}


def test_security_attributes_keep_their_namespaces_and_keys_as_tags_do():
    wire = {"securityAttributes": {"oracle-zpr": {"MaxEgressCount": {"value": "42", "mode": "enforce"}}}}
    assert to_result(wire) == {"security_attributes": {"oracle-zpr": {"MaxEgressCount": {"value": "42", "mode": "enforce"}}}}


@pytest.mark.parametrize("want, have, unordered, result", [
    ({"a": 1}, {"a": 1, "b": 2}, False, False),
    ({"a": 1}, {"a": 2}, False, True),
    ({"a": 1}, None, False, True),
    ([1, 2], [2, 1], False, True),
    ([1, 2], [2, 1], True, False),
    ([1, 2], [1, 2, 3], True, True),
    ("x", "x", False, False),
    (1, None, False, True),
])
def test_differs(want, have, unordered, result):
    assert differs(want, have, unordered) is result


# ---------------------------------------------------------------------------------------------------
# write-only secrets, read-only resources, what blocks a delete, info filters and details

HF_SOURCE = dict(source_type="HUGGING_FACE_MODEL", model_id="meta-llama/Llama-3.1-8B", access_token="hf_secret_1")


def test_write_only_secret_is_sent_but_never_returned_nor_compared(clock):
    client = FakeClient(IMPORTED_MODEL)
    params = dict(compartment_id=C1, display_name="llama", data_source=HF_SOURCE)
    predicted = run(IMPORTED_MODEL, client, clock, check_mode=True, diff_mode=True, **params)
    assert "hf_secret_1" not in repr(predicted)
    created = run(IMPORTED_MODEL, client, clock, diff_mode=True, **params)
    assert client.mutations()[0][1]["dataSource"]["accessToken"] == "hf_secret_1"
    assert "hf_secret_1" not in repr(created) and created["imported_model"]["data_source"]["model_id"] == HF_SOURCE["model_id"]
    # the fake, like the service, keeps the token; the engine must not compare or return it either way
    params["data_source"] = dict(HF_SOURCE, access_token="hf_other")
    rerun = run(IMPORTED_MODEL, client, clock, **params)
    assert rerun["changed"] is False and "hf_" + "secret_1" not in repr(rerun) and "hf_other" not in repr(rerun)


def test_base_models_are_neither_found_by_name_nor_managed_by_id(clock):
    client = FakeClient(MODEL)
    base_id = client.add({"compartmentId": C1, "displayName": "tuned", "type": "BASE", "lifecycleState": "ACTIVE"})
    error = error_of(MODEL, client, clock, id=base_id, description="x")
    assert "read-only" in str(error) and client.mutations() == []
    result = run(MODEL, client, clock, compartment_id=C1, display_name="tuned", base_model_id=base_id,
                 fine_tune_details={"dedicated_ai_cluster_id": "dac", "training_dataset": {
                     "dataset_type": "OBJECT_STORAGE", "namespace_name": "ns", "bucket_name": "b", "object_name": "o"}})
    assert result["changed"] is True and result["model"]["id"] != base_id


def test_delete_refused_with_409_names_what_is_in_the_way(clock):
    spec = copy.copy(DAC)
    spec.in_use = lambda client, resource: ["endpoint serving (ocid1.generativeaiendpoint.oc1.x.1)"]
    client = FakeClient(spec)
    cluster_id = client.add(cluster())
    client.fail("delete", ApiError(409, "IncorrectState", "cluster has attached resources", "req-409", "DELETE", "u"))
    error = error_of(spec, client, clock, state="absent", id=cluster_id)
    assert "in use by endpoint serving (ocid1.generativeaiendpoint.oc1.x.1)" in str(error)
    assert error.details["id"] == cluster_id and error.details["error"]["status"] == 409


@pytest.mark.parametrize("check_mode", [False, True])
def test_renaming_into_the_name_of_another_live_resource_is_refused(clock, check_mode):
    client = FakeClient(DAC)
    first = client.add(cluster(displayName="dac-1"))
    second = client.add(cluster(displayName="dac-2"))
    client.add(cluster(displayName="dac-3", lifecycleState="DELETED"))
    client.add(cluster(displayName="dac-4", compartmentId="ocid1.compartment.oc1..other"))
    error = error_of(DAC, client, clock, check_mode=check_mode, id=second, display_name="dac-1")
    assert "display_name 'dac-1' is already the display_name of dedicated AI cluster %s" % first in str(error)
    assert client.mutations() == []
    for free in ("dac-3", "dac-4"):  # a deleted one's name, a name used in another compartment
        assert run(DAC, client, clock, check_mode=check_mode, id=second, display_name=free)["changed"] is True


def test_check_mode_refuses_a_delete_of_something_in_use_as_the_service_would(clock):
    spec = copy.copy(DAC)
    spec.in_use = lambda client, resource: ["endpoint serving (ocid1.generativeaiendpoint.oc1.x.1)"]
    client = FakeClient(spec)
    cluster_id = client.add(cluster())
    with pytest.raises(ResourceError) as caught:
        run(spec, client, clock, check_mode=True, state="absent", id=cluster_id)
    assert "cannot delete the dedicated AI cluster %s: it is in use by endpoint serving" % cluster_id in str(caught.value)
    assert client.mutations() == []
    spec.in_use = lambda client, resource: []
    assert run(spec, client, clock, check_mode=True, state="absent", id=cluster_id)["changed"] is True


def test_info_filters_go_to_the_service_or_are_matched_locally_and_details_are_added(clock):
    client = FakeClient(MODEL)
    client.add({"compartmentId": C1, "displayName": "base", "type": "BASE", "vendor": "cohere", "lifecycleState": "ACTIVE"})
    client.add({"compartmentId": C1, "displayName": "mine", "type": "CUSTOM", "vendor": "cohere", "lifecycleState": "ACTIVE"})
    spec = copy.copy(MODEL)
    spec.includes = {"include_owner": lambda client, model: ("owner", "team-" + model["displayName"])}
    found = list_resources(spec, client, dict(compartment_id=C1, vendor="cohere", type="CUSTOM", include_owner=True))
    assert [(m["display_name"], m["owner"]) for m in found] == [("mine", "team-mine")]
    assert client.calls == [("search", C1, None, [("vendor", "cohere")])]


def test_refused_change_of_a_create_only_secret_field_does_not_echo_the_secret(clock):
    client = FakeClient(IMPORTED_MODEL)
    model_id = client.add({"compartmentId": C1, "displayName": "llama", "lifecycleState": "ACTIVE",
                           "dataSource": {"sourceType": "HUGGING_FACE_MODEL", "modelId": "meta-llama/Llama-3.1-8B"}})
    error = error_of(IMPORTED_MODEL, client, clock, id=model_id,
                     data_source=dict(HF_SOURCE, model_id="meta-llama/Llama-3.3-70B", access_token="hf_secret_2"))
    assert "data_source cannot be changed" in str(error) and "Llama-3.3-70B" in str(error)
    assert "hf_secret_2" not in str(error) and "model_id" in str(error)


# ---------------------------------------------------------------------------------------------------
# Huawei-style scopes in the path, options of a spec part, service details of a state

class Notes(Behaviour):
    """A toy behaviour: ``note`` is sent on create, then kept in the resource's ``notes`` list by its own update."""

    def __init__(self):
        self.calls = []

    def create_fields(self, params):
        if params.get("note") == "refused":
            raise ResourceError("note 'refused' cannot be given on create")
        return {"notes": [params["note"]]}

    def converge(self, engine, resource, created):
        self.calls.append((resource.get("id"), created, engine.check_mode))
        notes = resource.get("notes") or []
        note = engine.params.get("note")
        if created or note is None or note in notes:
            return resource, False, {"notes": notes}, {"notes": notes}
        after = dict(resource, notes=notes + [note])
        if not engine.check_mode:
            after = engine.client.update(engine.spec, resource, {"notes": notes + [note]}, None)[0]
        return after, True, {"notes": notes}, {"notes": after["notes"]}


def noted_spec():
    return ResourceSpec(
        kind="thing", label="thing", path="/v1/workspaces/{workspace_id}/things", scope=("workspace_id", None, None),
        name=("name", "name", "name"), fields={"description": Field("description"), "note": Field(None)},
        lifecycle=Lifecycle(ready=["RUNNING"], failed=["CREATE_FAILED"], deleting=["DELETING"], key="status",
                            details=("error_code", "error_msg")),
        wire_case="snake", items_key="things", behaviours=[Notes()])


def test_a_path_scope_is_neither_sent_nor_compared_and_a_part_option_is_left_to_the_part(clock):
    spec = noted_spec()
    client = FakeClient(spec)
    result = run(spec, client, clock, diff_mode=True, workspace_id="ws-1", name="t", description="d", note="first")
    assert client.mutations() == [("create", {"name": "t", "description": "d", "notes": ["first"]})]
    assert result["changed"] is True and result["thing"]["notes"] == ["first"]
    assert result["diff"] == {"before": {}, "after": {"name": "t", "description": "d", "notes": ["first"]}}
    assert spec.behaviours[0].calls == [(result["thing"]["id"], True, False)]

    client.calls = []
    again = run(spec, client, clock, workspace_id="ws-1", name="t", description="d", note="first")
    assert again["changed"] is False and client.ops() == ["search"]  # no move, no re-read for the path scope


def test_a_part_changes_after_the_fields_and_predicts_in_check_mode(clock):
    spec = noted_spec()
    client = FakeClient(spec)
    thing_id = client.add({"name": "t", "description": "d", "status": "RUNNING", "notes": ["first"]})
    predicted = run(spec, client, clock, check_mode=True, diff_mode=True, workspace_id="ws", id=thing_id,
                    description="e", note="second")
    assert client.mutations() == [] and predicted["changed"] is True
    assert predicted["thing"]["notes"] == ["first", "second"] and predicted["thing"]["description"] == "e"
    client.calls = []
    done = run(spec, client, clock, diff_mode=True, workspace_id="ws", id=thing_id, description="e", note="second")
    assert [m[:3] for m in client.mutations()] == [("update", thing_id, {"description": "e"}),
                                                   ("update", thing_id, {"notes": ["first", "second"]})]
    assert done["diff"] == predicted["diff"] == {"before": {"description": "d", "notes": ["first"]},
                                                 "after": {"description": "e", "notes": ["first", "second"]}}
    assert client.ops() == ["read", "update", "update"]  # the update answered with the settled resource: no re-read


def test_a_part_may_refuse_a_create_before_it_is_sent(clock):
    spec = noted_spec()
    client = FakeClient(spec)
    error = error_of(spec, client, clock, workspace_id="ws", name="t", note="refused")
    assert "cannot be given on create" in str(error) and client.mutations() == []


def test_failed_state_reports_the_service_error_code_and_message(clock):
    spec = noted_spec()
    client = FakeClient(spec, create_states=["CREATING", "CREATE_FAILED"])
    error = error_of(spec, client, clock, workspace_id="ws", name="t", note="n")
    assert "CREATE_FAILED" in str(error) and error.details["lifecycle_state"] == "CREATE_FAILED"
    thing_id = error.details["id"]
    client.resources[thing_id].update(error_code="fabric.0001", error_msg="no capacity")
    again = error_of(spec, client, clock, workspace_id="ws", id=thing_id)
    assert "CREATE_FAILED (fabric.0001: no capacity)" in str(again)


def test_a_refusal_with_400_also_asks_what_is_in_the_way(clock):
    spec = copy.copy(WORKSPACE)
    spec.in_use = lambda client, resource: ["endpoint e1 (ep-1)"]
    client = FakeClient(spec)
    ws_id = client.add(workspace())
    client.fail("delete", ApiError(400, "common.01000001", "workspace still has endpoints", "req-1", "DELETE", "u"))
    error = error_of(spec, client, clock, state="absent", id=ws_id)
    assert "in use by endpoint e1 (ep-1)" in str(error) and error.details["error"]["status"] == 400


def test_a_failed_update_is_retried_by_sending_the_options_again(clock):
    spec = noted_spec()
    spec.behaviours += (RetryFailedUpdate(["UPDATE_FAILED"]),)
    spec.lifecycle.failed += ("UPDATE_FAILED",)
    client = FakeClient(spec, update_states=["UPDATING", "RUNNING"])
    thing_id = client.add({"name": "t", "description": "d", "status": "UPDATE_FAILED", "error_code": "E1"})
    nothing = error_of(spec, client, clock, workspace_id="ws", id=thing_id)
    assert "UPDATE_FAILED (E1); give the options to update it with again" in str(nothing) and client.mutations() == []
    result = run(spec, client, clock, workspace_id="ws", id=thing_id, name="t", description="d")
    assert result["changed"] and result["thing"]["status"] == "RUNNING"
    assert [m[:3] for m in client.mutations()] == [("update", thing_id, {"description": "d"})]
    client.resources[thing_id]["status"] = "CREATE_FAILED"
    assert "delete it and create it again" in str(error_of(spec, client, clock, workspace_id="ws", id=thing_id, description="e"))


def test_secrets_the_service_returns_are_kept_out_of_results_and_failures(clock):
    spec = noted_spec()
    spec.secrets = {"urls": ("token",)}
    client = FakeClient(spec, create_states=["CREATING"])
    error = error_of(spec, client, clock, workspace_id="ws", name="t", note="n", wait_timeout=5)
    thing_id = error.details["id"]
    client.resources[thing_id]["urls"] = [{"name": "ApiInvoke", "token": "secret-1"}]
    error = error_of(spec, client, clock, workspace_id="ws", id=thing_id, wait_timeout=5)
    assert error.details["thing"]["urls"] == [{"name": "ApiInvoke"}] and "secret-1" not in repr(error.details)
    client.resources[thing_id]["status"] = "RUNNING"
    assert run(spec, client, clock, workspace_id="ws", id=thing_id)["thing"]["urls"] == [{"name": "ApiInvoke"}]
    assert list_resources(spec, client, {"id": thing_id})[0]["urls"] == [{"name": "ApiInvoke"}]
