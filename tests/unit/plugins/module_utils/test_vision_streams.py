# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Stream jobs' running state (behaviours.RunState) and the input rules of the stream specs."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cloudai.control.plugins.module_utils.spec import ResourceError
from ansible_collections.cloudai.control.plugins.module_utils.vision_streams import PRIVATE_ENDPOINT, STREAM_JOB, STREAM_SOURCE
from ansible_collections.cloudai.control.tests.unit.plugins.module_utils.fakes import FakeClient, FakeClock, run_engine as run

C1 = "ocid1.compartment.oc1..aaaaaaaacompartmentone"
SOURCE = "ocid1.aivisionstreamsource.oc1.iad.aaaaaaaasource"
JOB = dict(compartment_id=C1, display_name="gate", stream_source_id=SOURCE,
           features=[dict(feature_type="OBJECT_DETECTION", max_results=5)],
           stream_output_location=dict(output_location_type="OBJECT_STORAGE", namespace_name="ns", bucket_name="b",
                                       prefix="out"))


@pytest.fixture
def clock():
    return FakeClock()


def job_client():
    client = FakeClient(STREAM_JOB, create_states=["INACTIVE"])
    client.action_effects = {"start": {"lifecycleState": "ACTIVE"}, "stop": {"lifecycleState": "INACTIVE"}}
    return client


def test_a_job_created_started_is_started_after_the_create_and_a_rerun_changes_nothing(clock):
    client = job_client()
    result = run(STREAM_JOB, client, clock, diff_mode=True, running_state="started", **JOB)
    job_id = result["stream_job"]["id"]
    assert [m[0] for m in client.mutations()] == ["create", "act"] and client.mutations()[1] == ("act", job_id, "start", None, "retry_token")
    assert "running_state" not in client.mutations()[0][1]
    assert result["changed"] is True and result["stream_job"]["lifecycle_state"] == "ACTIVE"
    assert result["diff"]["after"]["running_state"] == "started" and "running_state" not in result["diff"]["before"]
    client.calls = []
    again = run(STREAM_JOB, client, clock, running_state="started", **JOB)
    assert again["changed"] is False and client.mutations() == []


def test_a_job_created_stopped_needs_no_action_also_in_check_mode(clock):
    client = job_client()
    predicted = run(STREAM_JOB, client, clock, check_mode=True, running_state="stopped", **JOB)
    assert predicted["changed"] is True and client.mutations() == [] and "lifecycle_state" not in predicted["stream_job"]
    done = run(STREAM_JOB, client, clock, running_state="stopped", **JOB)
    assert [m[0] for m in client.mutations()] == ["create"] and done["stream_job"]["lifecycle_state"] == "INACTIVE"


def test_stopping_is_predicted_in_check_mode_then_done_with_the_stop_action(clock):
    client = job_client()
    job_id = client.add(dict(compartmentId=C1, displayName="gate", lifecycleState="ACTIVE"))
    predicted = run(STREAM_JOB, client, clock, check_mode=True, diff_mode=True, id=job_id, running_state="stopped")
    assert client.mutations() == [] and predicted["changed"] is True
    assert predicted["diff"] == {"before": {"running_state": "started"}, "after": {"running_state": "stopped"}}
    assert predicted["stream_job"]["lifecycle_state"] == "INACTIVE"
    done = run(STREAM_JOB, client, clock, diff_mode=True, id=job_id, running_state="stopped")
    assert client.mutations() == [("act", job_id, "stop", None, "retry_token")] and done["diff"] == predicted["diff"]
    assert done["stream_job"]["lifecycle_state"] == "INACTIVE"


def test_without_running_state_the_job_is_left_as_it_runs(clock):
    client = job_client()
    job_id = client.add(dict(compartmentId=C1, displayName="gate", lifecycleState="ACTIVE"))
    assert run(STREAM_JOB, client, clock, id=job_id)["changed"] is False and client.mutations() == []


def test_a_job_not_settled_without_wait_is_not_started(clock):
    client = job_client()
    job_id = client.add(dict(compartmentId=C1, displayName="gate", lifecycleState="CREATING"))
    with pytest.raises(ResourceError, match="stream job .* is CREATING: it can be set started only once it is ACTIVE or INACTIVE"):
        run(STREAM_JOB, client, clock, id=job_id, running_state="started", wait=False)
    assert client.mutations() == []


@pytest.mark.parametrize("url, problem", [
    ("rtsp://admin:secret@10.0.0.5/stream", "must not carry a user name or password"),
    ("http://10.0.0.5/stream", "must be an rtsp:// or rtsps:// URL"),
])
def test_a_camera_url_with_credentials_or_another_scheme_is_refused(url, problem):
    details = dict(source_type="RTSP", camera_url=url,
                   stream_network_access_details=dict(stream_access_type="PRIVATE",
                                                      private_endpoint_id="ocid1.aivisionprivateendpoint.oc1..x"))
    message = STREAM_SOURCE.fields["stream_source_details"].check(details, "stream_source_details")
    assert problem in message and url not in message and "admin" not in message  # the URL is not echoed


@pytest.mark.parametrize("where", ["secret_id", "private_endpoint_id"])
def test_an_empty_id_in_the_source_details_is_refused(where):
    details = dict(source_type="RTSP", camera_url="rtsp://10.0.0.5/stream", secret_id=None,
                   stream_network_access_details=dict(stream_access_type="PRIVATE",
                                                      private_endpoint_id="ocid1.aivisionprivateendpoint.oc1..x"))
    if where == "secret_id":
        details["secret_id"] = ""
    else:
        details["stream_network_access_details"]["private_endpoint_id"] = ""
    assert where in STREAM_SOURCE.fields["stream_source_details"].check(details, "stream_source_details")


def test_an_empty_tracking_model_id_is_refused():
    features = [dict(feature_type="OBJECT_TRACKING", max_results=None, min_confidence=None, should_return_landmarks=None,
                     tracking_types=[dict(objects=["person"], tracking_model_id="", detection_model_id=None)])]
    message = STREAM_JOB.fields["features"].check(features, "features")
    assert "features[0].tracking_types[0].tracking_model_id must be an OCID" in message


class Lister:
    """A client whose list calls answer ``items`` per resource kind, from every compartment."""

    def __init__(self, **items):
        self.items = items
        self.searched = []

    def search(self, spec, scope_value, name, filters=()):
        self.searched.append((spec.kind, scope_value, name))
        return iter(self.items.get(spec.kind, []))


def test_a_private_endpoint_is_in_use_by_the_live_stream_sources_reached_through_it():
    via = dict(streamNetworkAccessDetails=dict(streamAccessType="PRIVATE", privateEndpointId="pe-1"))
    client = Lister(stream_source=[
        dict(id="s-1", displayName="gate", lifecycleState="ACTIVE", streamSourceDetails=via),
        dict(id="s-2", displayName="old", lifecycleState="DELETED", streamSourceDetails=via),
        dict(id="s-3", displayName="other", lifecycleState="ACTIVE", streamSourceDetails=dict(
            streamNetworkAccessDetails=dict(privateEndpointId="pe-2")))])
    assert PRIVATE_ENDPOINT.in_use(client, dict(id="pe-1")) == ["stream source gate (s-1)"]
    assert client.searched == [("stream_source", None, None)]  # in every compartment


def test_a_stream_source_is_in_use_by_its_live_stream_jobs():
    client = Lister(stream_job=[dict(id="j-1", displayName="watch", lifecycleState="INACTIVE", streamSourceId="s-1"),
                                dict(id="j-2", displayName="gone", lifecycleState="DELETING", streamSourceId="s-1")])
    assert STREAM_SOURCE.in_use(client, dict(id="s-1")) == ["stream job watch (j-1)"]
