# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The engine's hooks for resources that do not fit create/update/delete: batch jobs the service cannot list
(start once by a deterministic retry token, cancel instead of delete, nothing can change), work requests to wait
for or cancel, updates answered without a body; and the input checks they use."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import check_variant
from ansible_collections.cloudai.control.plugins.module_utils.oci_client import OciClient, http_date_seconds
from ansible_collections.cloudai.control.plugins.module_utils.behaviours import (
    FRESH_START_WINDOW, StartRecord, rfc3339_seconds, start_token,
)
from ansible_collections.cloudai.control.plugins.module_utils.engine import Engine
from ansible_collections.cloudai.control.plugins.module_utils.spec import ResourceError
from ansible_collections.cloudai.control.plugins.module_utils.vision import (
    IMAGE_JOB, PROJECT, VIDEO_JOB, WORK_REQUEST_TO_WAIT_FOR,
)
from ansible_collections.cloudai.control.tests.unit.plugins.module_utils.fakes import (
    FakeClient, FakeClock, FakeTransport, response, run_engine as run,
)

C1 = "ocid1.compartment.oc1..aaaaaaaacompartmentone"
NS = "mynamespace"
JOB = dict(
    compartment_id=C1,
    display_name="shelf-photos",
    input_location=dict(source_type="OBJECT_LIST_INLINE_INPUT_LOCATION",
                        object_locations=[dict(namespace_name=NS, bucket_name="photos", object_name="a.jpg")]),
    features=[dict(feature_type="IMAGE_CLASSIFICATION", max_results=3, model_id=None, language=None,
                   should_return_landmarks=None)],
    output_location=dict(namespace_name=NS, bucket_name="results", prefix="shelf"),
)
RUNNING = ["ACCEPTED", "IN_PROGRESS", "SUCCEEDED"]


@pytest.fixture
def clock():
    return FakeClock()


def jobs_client(**kwargs):
    """A new job is ACCEPTED, then goes through the rest of create_states as it is read."""
    kwargs.setdefault("create_states", RUNNING)
    return FakeClient(IMAGE_JOB, **kwargs)


# ---------------------------------------------------------------------------------------------------
# start once

def test_first_run_starts_the_job_with_the_generation_zero_token_and_waits_until_it_finished(clock):
    client = jobs_client()
    result = run(IMAGE_JOB, client, clock, **JOB)
    token = start_token(IMAGE_JOB, C1, "shelf-photos", 0)
    assert [call[0] for call in client.calls] == ["start", "read", "read"]
    assert client.calls[0][2] == token and len(token) == 40
    body = client.calls[0][1]
    assert body["displayName"] == "shelf-photos" and body["compartmentId"] == C1
    assert body["features"] == [{"featureType": "IMAGE_CLASSIFICATION", "maxResults": 3}]
    assert body["inputLocation"]["objectLocations"] == [{"namespaceName": NS, "bucketName": "photos", "objectName": "a.jpg"}]
    assert result["changed"] is True and result["image_job"]["lifecycle_state"] == "SUCCEEDED"
    assert result["image_job"]["output_location"] == {"namespace_name": NS, "bucket_name": "results", "prefix": "shelf"}


def test_a_second_run_gets_the_same_job_back_and_changes_nothing(clock):
    client = jobs_client()
    first = run(IMAGE_JOB, client, clock, **JOB)
    client.calls = []
    client.service_time += 60
    second = run(IMAGE_JOB, client, clock, **JOB)
    assert [call[0] for call in client.calls] == ["start", "read"]
    assert client.calls[0][2] == start_token(IMAGE_JOB, C1, "shelf-photos", 0)
    assert second["changed"] is False and second["image_job"]["id"] == first["image_job"]["id"]
    assert len(client.resources) == 1


def test_a_second_run_while_the_job_runs_waits_for_it(clock):
    client = jobs_client(create_states=["ACCEPTED", "IN_PROGRESS", "IN_PROGRESS", "SUCCEEDED"])
    run(IMAGE_JOB, client, clock, wait=False, **JOB)
    client.service_time += 30
    result = run(IMAGE_JOB, client, clock, **JOB)
    assert result["changed"] is False and result["image_job"]["lifecycle_state"] == "SUCCEEDED"
    assert len(client.resources) == 1


def test_within_the_fresh_window_a_replay_counts_as_started_but_no_second_job_is_made(clock):
    client = jobs_client(create_states=["ACCEPTED"])
    run(IMAGE_JOB, client, clock, wait=False, **JOB)
    client.service_time += FRESH_START_WINDOW - 0.5
    result = run(IMAGE_JOB, client, clock, wait=False, **JOB)
    assert result["changed"] is True and len(client.resources) == 1


def test_the_start_record_of_this_host_tells_a_replay_within_the_fresh_window(clock, tmp_path):
    client = jobs_client(create_states=["ACCEPTED"])
    starts = StartRecord(str(tmp_path / "cache" / "starts.json"))

    def run_with_record():
        params = dict(JOB, state="present", wait=False, wait_timeout=60)
        return Engine(IMAGE_JOB, client, params, clock=clock, sleep=clock.sleep, starts=starts).run()
    first = run_with_record()
    client.service_time += 0.3  # the same task again at once
    second = run_with_record()
    assert first["changed"] is True and second["changed"] is False and len(client.resources) == 1
    assert starts.started(start_token(IMAGE_JOB, C1, "shelf-photos", 0)) == first["image_job"]["id"]


def test_the_start_record_forgets_after_a_day_and_ignores_a_broken_file(tmp_path):
    now = [1000000.0]
    starts = StartRecord(str(tmp_path / "starts.json"), now=lambda: now[0])
    starts.add("token-1", "job-1")
    assert starts.started("token-1") == "job-1" and starts.started("token-2") is None
    now[0] += StartRecord.LIFETIME + 1
    assert starts.started("token-1") is None
    (tmp_path / "starts.json").write_text("not json")
    assert starts.started("token-1") is None
    starts.add("token-2", "job-2")
    assert starts.started("token-2") == "job-2"
    assert StartRecord(str(tmp_path / "starts.json" / "under a file")).started("x") is None
    StartRecord(str(tmp_path / "starts.json" / "under a file")).add("x", "y")  # cannot be written: ignored


@pytest.mark.parametrize("ending", ["FAILED", "CANCELED"])
def test_a_job_that_failed_or_was_cancelled_is_started_anew_with_the_next_generation(clock, ending):
    client = jobs_client(create_states=["ACCEPTED", ending])
    first = run(IMAGE_JOB, client, clock, wait=False, **JOB)
    client.create_states = RUNNING
    client.calls = []
    client.service_time += 60
    second = run(IMAGE_JOB, client, clock, **JOB)
    tokens = [call[2] for call in client.calls if call[0] == "start"]
    assert tokens == [start_token(IMAGE_JOB, C1, "shelf-photos", n) for n in (0, 1)]
    assert second["changed"] is True and second["image_job"]["id"] != first["image_job"]["id"]
    assert second["image_job"]["lifecycle_state"] == "SUCCEEDED" and len(client.resources) == 2
    client.calls = []
    client.service_time += 60
    third = run(IMAGE_JOB, client, clock, **JOB)
    assert third["changed"] is False and third["image_job"]["id"] == second["image_job"]["id"]
    assert [call[0] for call in client.calls] == ["start", "read", "start", "read"]


def test_the_same_name_with_other_options_is_refused_naming_the_name(clock):
    client = jobs_client(create_states=["ACCEPTED"])
    run(IMAGE_JOB, client, clock, wait=False, **JOB)
    client.service_time += 60
    other = dict(JOB)
    other["output_location"] = dict(namespace_name=NS, bucket_name="results", prefix="elsewhere")
    with pytest.raises(ResourceError) as caught:
        run(IMAGE_JOB, client, clock, **other)
    assert "'shelf-photos' was already started" in str(caught.value) and "other options" in str(caught.value)
    assert caught.value.details["error"]["status"] == 409 and len(client.resources) == 1


def test_the_token_depends_on_kind_scope_name_and_generation():
    tokens = {start_token(IMAGE_JOB, C1, "a", 0), start_token(IMAGE_JOB, C1, "a", 1), start_token(IMAGE_JOB, C1, "b", 0),
              start_token(VIDEO_JOB, C1, "a", 0), start_token(IMAGE_JOB, "ocid1.compartment.oc1..other", "a", 0)}
    assert len(tokens) == 5 and start_token(IMAGE_JOB, C1, "a", 0) == start_token(IMAGE_JOB, C1, "a", 0)


def test_check_mode_without_id_predicts_a_start_warns_and_sends_nothing(clock):
    client = jobs_client()
    result = run(IMAGE_JOB, client, clock, check_mode=True, diff_mode=True, **JOB)
    assert client.calls == []
    assert result["changed"] is True and "id" not in result["image_job"]
    assert result["image_job"]["display_name"] == "shelf-photos"
    assert "check mode cannot tell" in result["warnings"][0]
    assert result["diff"]["before"] == {} and result["diff"]["after"]["features"][0]["feature_type"] == "IMAGE_CLASSIFICATION"


def test_missing_start_options_are_named_before_any_request(clock):
    client = jobs_client()
    with pytest.raises(ResourceError) as caught:
        run(IMAGE_JOB, client, clock, compartment_id=C1, display_name="x")
    assert "features" in str(caught.value) and "input_location" in str(caught.value) and client.calls == []


# ---------------------------------------------------------------------------------------------------
# by id: read, wait, nothing can change, cancel

def test_by_id_a_finished_job_is_one_read(clock):
    client = jobs_client()
    job_id = client.add(dict(JOB_WIRE, lifecycleState="SUCCEEDED"))
    result = run(IMAGE_JOB, client, clock, id=job_id)
    assert client.ops() == ["read"] and result["changed"] is False


@pytest.mark.parametrize("change", [dict(display_name="renamed"), dict(output_location=dict(
    namespace_name=NS, bucket_name="results", prefix="other"))])
def test_by_id_every_change_is_refused_naming_the_option(clock, change):
    client = jobs_client()
    job_id = client.add(dict(JOB_WIRE, lifecycleState="SUCCEEDED"))
    with pytest.raises(ResourceError) as caught:
        run(IMAGE_JOB, client, clock, id=job_id, **change)
    assert "%s cannot be changed" % list(change)[0] in str(caught.value)
    assert client.mutations() == []


def test_by_id_a_failed_job_says_how_to_start_a_new_one(clock):
    client = jobs_client()
    job_id = client.add(dict(JOB_WIRE, lifecycleState="FAILED", lifecycleDetails="PARTIALLY_SUCCEEDED"))
    with pytest.raises(ResourceError) as caught:
        run(IMAGE_JOB, client, clock, id=job_id)
    assert "FAILED (PARTIALLY_SUCCEEDED)" in str(caught.value) and "leave out id" in str(caught.value)


def test_waiting_ends_with_the_failure_and_the_job_id(clock):
    client = jobs_client(create_states=["ACCEPTED", "IN_PROGRESS", "FAILED"])
    with pytest.raises(ResourceError) as caught:
        run(IMAGE_JOB, client, clock, **JOB)
    assert caught.value.details["lifecycle_state"] == "FAILED" and caught.value.details["id"] in client.resources


def test_absent_cancels_a_running_job_and_waits_until_it_stopped(clock):
    client = jobs_client(delete_states=["CANCELING", "CANCELING", "CANCELED"])
    job_id = client.add(dict(JOB_WIRE, lifecycleState="IN_PROGRESS"))
    result = run(IMAGE_JOB, client, clock, id=job_id, state="absent")
    assert client.ops() == ["read", "delete", "read", "read"]
    assert client.calls[1] == ("delete", job_id, client.etags[job_id])
    assert result["changed"] is True and client.resources[job_id]["lifecycleState"] == "CANCELED"


@pytest.mark.parametrize("state", ["SUCCEEDED", "FAILED", "CANCELED"])
def test_absent_leaves_a_finished_job_alone(clock, state):
    client = jobs_client()
    job_id = client.add(dict(JOB_WIRE, lifecycleState=state))
    result = run(IMAGE_JOB, client, clock, id=job_id, state="absent")
    assert client.ops() == ["read"] and result["changed"] is False


def test_absent_while_canceling_waits_and_changes_nothing(clock):
    client = jobs_client()
    job_id = client.add(dict(JOB_WIRE, lifecycleState="CANCELING"), script=["CANCELING", "CANCELED"])
    result = run(IMAGE_JOB, client, clock, id=job_id, state="absent")
    assert client.mutations() == [] and result["changed"] is False


def test_absent_in_check_mode_predicts_the_cancel(clock):
    client = jobs_client()
    job_id = client.add(dict(JOB_WIRE, lifecycleState="ACCEPTED"))
    result = run(IMAGE_JOB, client, clock, check_mode=True, id=job_id, state="absent")
    assert client.mutations() == [] and result["changed"] is True


def test_absent_by_name_is_refused_without_a_request(clock):
    client = jobs_client()
    with pytest.raises(ResourceError) as caught:
        run(IMAGE_JOB, client, clock, state="absent", **JOB)
    assert "id is required" in str(caught.value) and client.calls == []


JOB_WIRE = {"compartmentId": C1, "displayName": "shelf-photos", "timeAccepted": "2026-11-23T10:00:00.000Z",
            "features": [{"featureType": "IMAGE_CLASSIFICATION", "maxResults": 3}],
            "inputLocation": {"sourceType": "OBJECT_LIST_INLINE_INPUT_LOCATION",
                              "objectLocations": [{"namespaceName": NS, "bucketName": "photos", "objectName": "a.jpg"}]},
            "outputLocation": {"namespaceName": NS, "bucketName": "results", "prefix": "shelf"}}


# ---------------------------------------------------------------------------------------------------
# work requests

def test_present_waits_for_a_work_request_to_succeed(clock):
    client = FakeClient(WORK_REQUEST_TO_WAIT_FOR)
    work_request_id = client.add({"status": "ACCEPTED"}, script=["IN_PROGRESS", "IN_PROGRESS", "SUCCEEDED"])
    result = run(WORK_REQUEST_TO_WAIT_FOR, client, clock, id=work_request_id)
    assert result["changed"] is False and result["work_request"]["status"] == "SUCCEEDED" and client.mutations() == []


def test_present_of_a_failed_work_request_is_an_error(clock):
    client = FakeClient(WORK_REQUEST_TO_WAIT_FOR)
    work_request_id = client.add({"status": "IN_PROGRESS"}, script=["IN_PROGRESS", "FAILED"])
    with pytest.raises(ResourceError) as caught:
        run(WORK_REQUEST_TO_WAIT_FOR, client, clock, id=work_request_id)
    assert "FAILED" in str(caught.value) and caught.value.details["id"] == work_request_id


def test_absent_cancels_an_accepted_work_request(clock):
    client = FakeClient(WORK_REQUEST_TO_WAIT_FOR, delete_states=["CANCELING", "CANCELED"])
    work_request_id = client.add({"status": "ACCEPTED"})
    result = run(WORK_REQUEST_TO_WAIT_FOR, client, clock, id=work_request_id, state="absent")
    assert [call[0] for call in client.mutations()] == ["delete"] and result["changed"] is True
    assert client.resources[work_request_id]["status"] == "CANCELED"


@pytest.mark.parametrize("status", ["SUCCEEDED", "FAILED", "CANCELED"])
def test_absent_leaves_a_finished_work_request_alone(clock, status):
    client = FakeClient(WORK_REQUEST_TO_WAIT_FOR)
    work_request_id = client.add({"status": status})
    assert run(WORK_REQUEST_TO_WAIT_FOR, client, clock, id=work_request_id, state="absent")["changed"] is False
    assert client.mutations() == []


# ---------------------------------------------------------------------------------------------------
# an update answered without a body (Vision)

class NoBodyUpdates(FakeClient):
    def update(self, spec, resource, changes, etag):
        dummy, work_request_id = super(NoBodyUpdates, self).update(spec, resource, changes, etag)
        return None, work_request_id


def test_update_without_a_body_and_without_waiting_returns_the_expected_resource(clock):
    client = NoBodyUpdates(PROJECT, work_requests=True)
    project_id = client.add({"compartmentId": C1, "displayName": "p", "description": "old", "lifecycleState": "ACTIVE"})
    result = run(PROJECT, client, clock, id=project_id, description="new", wait=False)
    assert result["changed"] is True and result["project"]["description"] == "new"
    assert client.ops() == ["read", "update"]


def test_update_without_a_body_waits_for_its_work_request_and_rereads(clock):
    client = NoBodyUpdates(PROJECT, work_requests=True)
    project_id = client.add({"compartmentId": C1, "displayName": "p", "description": "old", "lifecycleState": "ACTIVE"})
    result = run(PROJECT, client, clock, id=project_id, description="new")
    assert client.ops() == ["read", "update", "get_work_request", "get_work_request", "read"]
    assert result["project"]["description"] == "new" and result["work_request"]["status"] == "SUCCEEDED"


# ---------------------------------------------------------------------------------------------------
# helpers

def test_check_variant_names_missing_and_foreign_suboptions_in_dicts_and_lists():
    check = check_variant("kind", {"A": (("x",), ("y",)), "B": ((), ())})
    assert check({"kind": "A", "x": 1, "y": None}, "opt") is None
    assert check({"kind": "A", "y": 2}, "opt") == "opt with kind A needs x"
    assert check({"kind": "B", "y": 2}, "opt") == "opt with kind B does not take y"
    assert check([{"kind": "B"}, {"kind": "A", "x": ""}], "opt") == "opt[1] with kind A needs x"


@pytest.mark.parametrize("text, seconds", [
    ("2026-11-23T10:00:00.000Z", 1795428000.0), ("2026-11-23T10:00:00.5Z", 1795428000.5),
    ("2026-11-23T12:00:00+02:00", 1795428000.0), ("2026-11-23T10:00:00Z", 1795428000.0), ("yesterday", None), (None, None),
])
def test_rfc3339_seconds(text, seconds):
    assert rfc3339_seconds(text) == seconds


@pytest.mark.parametrize("text, seconds", [
    ("Mon, 23 Nov 2026 10:00:00 GMT", 1795428000.0), ("nonsense", None), (None, None), ("", None),
])
def test_http_date_seconds(text, seconds):
    assert http_date_seconds(text) == seconds


# ---------------------------------------------------------------------------------------------------
# the OCI client calls behind them

def vision_client(*answers):
    transport = FakeTransport(list(answers))
    return OciClient(transport, "vision", "us-ashburn-1"), transport


def test_start_sends_the_given_retry_token_and_reads_the_service_clock():
    oci, transport = vision_client(response({"id": "job"}, date="Mon, 23 Nov 2026 10:00:00 GMT"))
    resource, answered = oci.start(IMAGE_JOB, {"displayName": "x"}, "t" * 40)
    assert resource == {"id": "job"} and answered == 1795428000.0
    sent = transport.requests[0]
    assert sent["method"] == "POST" and sent["url"].endswith("/20220125/imageJobs")
    assert sent["headers"]["opc-retry-token"] == "t" * 40


def test_cancel_posts_to_the_action_with_the_etag():
    oci, transport = vision_client(response(None, status=202))
    job_id = "ocid1.aivisionimagejob.oc1.iad.amaaaaaajob"
    assert oci.delete(IMAGE_JOB, {"id": job_id}, "etag-1") is None
    sent = transport.requests[0]
    assert sent["method"] == "POST" and sent["body"] is None
    assert sent["url"] == "https://vision.aiservice.us-ashburn-1.oci.oraclecloud.com/20220125/imageJobs/%s/actions/cancel" % job_id
    assert sent["headers"]["if-match"] == "etag-1"


def test_cancelling_a_work_request_is_a_delete():
    oci, transport = vision_client(response(None, status=202))
    oci.delete(WORK_REQUEST_TO_WAIT_FOR, {"id": "ocid1.aivisionworkrequest.oc1.iad.amaaaaaawr"}, "etag-2")
    sent = transport.requests[0]
    assert sent["method"] == "DELETE" and sent["url"].endswith("/workRequests/ocid1.aivisionworkrequest.oc1.iad.amaaaaaawr")


def test_a_refused_tag_change_shows_the_tag_keys_as_stored(clock):
    client = FakeClient(VIDEO_JOB)
    job_id = client.add(dict(JOB_WIRE, lifecycleState="SUCCEEDED", freeformTags={"CamelCase-Key": "v"}))
    with pytest.raises(ResourceError) as caught:
        run(VIDEO_JOB, client, clock, id=job_id, freeform_tags={"Other-Key": "w"})
    assert "freeform_tags is {'CamelCase-Key': 'v'}, requested {'Other-Key': 'w'}" in str(caught.value)
