# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""What the hosted applications and vector store connectors need beyond the engine's plain calls: a resource's part
read as one object (a connector's stats), an item added to a part (a deployment's artifacts), list items without
their name (hosted deployment summaries), counts by file type kept as the service sent them, file syncs started
once per connector, and the deployment's active artifact."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

import pytest

from ansible_collections.cloudai.control.plugins.module_utils.behaviours import start_token
from ansible_collections.cloudai.control.plugins.module_utils.genai_apps import (
    HOSTED_DEPLOYMENT, VECTOR_STORE_CONNECTOR, VECTOR_STORE_CONNECTOR_FILE_SYNC,
)
from ansible_collections.cloudai.control.plugins.module_utils.huawei_client import HuaweiClient
from ansible_collections.cloudai.control.plugins.module_utils.oci_client import OciClient
from ansible_collections.cloudai.control.plugins.module_utils.fabric import MODEL
from ansible_collections.cloudai.control.plugins.module_utils.spec import ResourceError, to_result
from ansible_collections.cloudai.control.plugins.module_utils.transport import ApiError
from ansible_collections.cloudai.control.tests.unit.plugins.module_utils.fakes import (
    FakeClient, FakeClock, FakeTransport, response, run_engine as run,
)

C1 = "ocid1.compartment.oc1..aaaaaaaacompartmentone"
APP = "ocid1.generativeaihostedapplication.oc1.us-chicago-1.amaaaaaaapp"
CONNECTOR = "ocid1.generativeaivectorstoreconnector.oc1.us-chicago-1.amaaaaaaconnector"
DEPLOYMENT = "ocid1.generativeaihosteddeployment.oc1.us-chicago-1.amaaaaaadeployment"
IMAGE = "iad.ocir.io/ns/app"


def artifact(tag, artifact_id, status="ACTIVE"):
    return {"id": artifact_id, "artifactType": "SIMPLE_DOCKER_ARTIFACT", "containerUri": IMAGE, "tag": tag, "status": status}


def deployment_args(tag, **more):
    args = dict(compartment_id=C1, display_name="web", hosted_application_id=APP, purge_artifacts=False,
                active_artifact=dict(artifact_type="SIMPLE_DOCKER_ARTIFACT", container_uri=IMAGE, tag=tag))
    args.update(more)
    return args


class Deployments(FakeClient):
    """Hosted deployments as the service shows them: summaries without a name; artifacts added and removed as parts;
    an update of activeArtifact with an id activates that artifact."""

    def search(self, spec, scope_value, name, filters=()):
        found = list(super(Deployments, self).search(spec, scope_value, name, filters))
        return iter([dict((k, v) for k, v in item.items() if k not in ("displayName", "compartmentId")) for item in found])

    def add_child(self, spec, resource, part, body):
        self.calls.append(("add_child", resource["id"], part, copy.deepcopy(body)))
        self.resources[resource["id"]]["artifacts"].append(dict(body["artifact"], id="artifact-new", status="INACTIVE"))

    def remove_child(self, spec, resource, part, child_id):
        self.calls.append(("remove_child", resource["id"], part, child_id))
        kept = [a for a in self.resources[resource["id"]]["artifacts"] if a["id"] != child_id]
        self.resources[resource["id"]]["artifacts"] = kept

    def update(self, spec, resource, changes, etag):
        answer = super(Deployments, self).update(spec, resource, changes, etag)
        chosen = changes["activeArtifact"]["id"]
        for item in self.resources[resource["id"]]["artifacts"]:
            item["status"] = "ACTIVE" if item["id"] == chosen else "INACTIVE"
        return answer


@pytest.fixture
def deployments():
    client = Deployments(HOSTED_DEPLOYMENT)
    client.add(dict(id=DEPLOYMENT, compartmentId=C1, displayName="web", hostedApplicationId=APP, lifecycleState="ACTIVE",
                    activeArtifact=artifact("1", "artifact-1"), artifacts=[artifact("1", "artifact-1")]))
    return client


def test_a_deployment_is_found_by_name_although_its_summary_has_no_name(deployments):
    result = run(HOSTED_DEPLOYMENT, deployments, FakeClock(), **deployment_args("1"))
    assert result["changed"] is False and result["hosted_deployment"]["id"] == DEPLOYMENT
    assert deployments.ops() == ["search", "read"]  # the summary lacks the name: read it whole, create nothing


def test_a_new_active_artifact_is_added_then_activated_and_the_old_one_kept(deployments):
    result = run(HOSTED_DEPLOYMENT, deployments, FakeClock(), diff_mode=True, **deployment_args("2", id=DEPLOYMENT))
    assert result["changed"] is True
    assert [c[0] for c in deployments.mutations()] == ["update"]
    added = [c for c in deployments.calls if c[0] == "add_child"]
    assert added == [("add_child", DEPLOYMENT, "artifacts", {"artifact": {
        "artifactType": "SIMPLE_DOCKER_ARTIFACT", "containerUri": IMAGE, "tag": "2"}})]
    assert deployments.mutations()[0][2] == {"activeArtifact": {
        "id": "artifact-new", "artifactType": "SIMPLE_DOCKER_ARTIFACT", "containerUri": IMAGE, "tag": "2"}}
    assert result["diff"]["before"]["active_artifact"]["tag"] == "1" and result["diff"]["after"]["active_artifact"]["tag"] == "2"
    assert [a["tag"] for a in result["hosted_deployment"]["artifacts"]] == ["1", "2"]


def test_check_mode_predicts_the_rollout_and_the_purge_and_sends_nothing(deployments):
    deployments.resources[DEPLOYMENT]["artifacts"].append(artifact("0", "artifact-0", "INACTIVE"))
    result = run(HOSTED_DEPLOYMENT, deployments, FakeClock(), check_mode=True, diff_mode=True,
                 **deployment_args("1", id=DEPLOYMENT, purge_artifacts=True))
    assert result["changed"] is True and deployments.ops() == ["read"]
    assert [a["tag"] for a in result["diff"]["before"]["artifacts"]] == ["1", "0"]
    assert [a["tag"] for a in result["diff"]["after"]["artifacts"]] == ["1"]


def test_purge_deletes_the_inactive_artifacts_and_then_changes_nothing(deployments):
    deployments.resources[DEPLOYMENT]["artifacts"].append(artifact("0", "artifact-0", "INACTIVE"))
    result = run(HOSTED_DEPLOYMENT, deployments, FakeClock(), **deployment_args("1", id=DEPLOYMENT, purge_artifacts=True))
    assert result["changed"] is True and [c for c in deployments.calls if c[0] == "remove_child"] == [
        ("remove_child", DEPLOYMENT, "artifacts", "artifact-0")]
    again = run(HOSTED_DEPLOYMENT, deployments, FakeClock(), **deployment_args("1", id=DEPLOYMENT, purge_artifacts=True))
    assert again["changed"] is False


def test_a_new_name_is_refused_in_check_mode_as_in_the_real_run(deployments):
    for check_mode in (True, False):
        with pytest.raises(ResourceError, match="^display_name cannot be changed after the hosted deployment is created"):
            run(HOSTED_DEPLOYMENT, deployments, FakeClock(), check_mode=check_mode,
                **deployment_args("1", id=DEPLOYMENT, display_name="web-2"))
        assert deployments.mutations() == []


def test_the_create_body_carries_the_active_artifact():
    client = Deployments(HOSTED_DEPLOYMENT)
    result = run(HOSTED_DEPLOYMENT, client, FakeClock(), check_mode=True, **deployment_args("1"))
    assert result["hosted_deployment"]["active_artifact"] == {
        "artifact_type": "SIMPLE_DOCKER_ARTIFACT", "container_uri": IMAGE, "tag": "1"}


def test_a_file_sync_is_started_once_per_connector_and_name():
    client = FakeClient(VECTOR_STORE_CONNECTOR_FILE_SYNC, create_states=["ACCEPTED", "SUCCEEDED"])
    args = dict(vector_store_connector_id=CONNECTOR, display_name="release-1")
    first = run(VECTOR_STORE_CONNECTOR_FILE_SYNC, client, FakeClock(), **args)
    assert first["changed"] is True
    body, token = client.calls[0][1], client.calls[0][2]
    assert body == {"vectorStoreConnectorId": CONNECTOR, "displayName": "release-1"}  # no compartmentId: the model has none
    assert token == start_token(VECTOR_STORE_CONNECTOR_FILE_SYNC, CONNECTOR, "release-1", 0)
    client.service_time += 60
    again = run(VECTOR_STORE_CONNECTOR_FILE_SYNC, client, FakeClock(), **args)
    assert again["changed"] is False and again["vector_store_connector_file_sync"]["id"] == first["vector_store_connector_file_sync"]["id"]


def test_counts_by_file_type_keep_their_keys():
    stats = {"created": {"totalFilesSynced": 2, "syncStatsByFileType": {"PDF": 1, "TXT": 1}}}
    assert to_result(stats) == {"created": {"total_files_synced": 2, "sync_stats_by_file_type": {"PDF": 1, "TXT": 1}}}


def test_oci_reads_a_part_and_adds_an_item_with_a_retry_token():
    transport = FakeTransport([response({"timeGenerated": "2026-12-07T00:00:00Z"}), response(None, opc_work_request_id="wr-1")])
    oci = OciClient(transport, "generativeai", "us-chicago-1")
    assert oci.part(VECTOR_STORE_CONNECTOR, {"id": CONNECTOR}, "stats") == {"timeGenerated": "2026-12-07T00:00:00Z"}
    assert oci.add_child(HOSTED_DEPLOYMENT, {"id": DEPLOYMENT}, "artifacts", {"artifact": {"tag": "2"}}) == "wr-1"
    base = "https://generativeai.us-chicago-1.oci.oraclecloud.com/20231130"
    assert [(r["method"], r["url"], r["body"]) for r in transport.requests] == [
        ("GET", base + "/vectorStoreConnectors/" + CONNECTOR + "/stats", None),
        ("POST", base + "/hostedDeployments/" + DEPLOYMENT + "/artifacts", {"artifact": {"tag": "2"}})]
    assert len(transport.requests[1]["headers"]["opc-retry-token"]) == 30


@pytest.mark.parametrize("attempts, removed", [(2, True), (1, False)])
def test_an_item_found_gone_by_a_retried_removal_was_removed(attempts, removed):
    # the first attempt's answer was lost after the service removed the artifact: the retry gets 404
    gone = ApiError(404, "NotAuthorizedOrNotFound", "not found", attempts=attempts)
    for client, spec, resource_id, part in (
            (OciClient(FakeTransport([gone]), "generativeai", "us-chicago-1"), HOSTED_DEPLOYMENT, DEPLOYMENT, "artifacts"),
            (HuaweiClient(FakeTransport([gone]), "https://fabric.example.com", {"workspace_id": "ws-1"}), MODEL, "model-1",
             "versions")):
        if removed:
            client.remove_child(spec, {"id": resource_id}, part, "item-1")
        else:
            with pytest.raises(ApiError):
                client.remove_child(spec, {"id": resource_id}, part, "item-1")


def test_a_part_that_is_not_an_object_is_an_unexpected_answer():
    oci = OciClient(FakeTransport([response([1, 2])]), "generativeai", "us-chicago-1")
    with pytest.raises(ApiError, match="not an object"):
        oci.part(VECTOR_STORE_CONNECTOR, {"id": CONNECTOR}, "stats")


def test_huawei_reads_a_part_and_adds_an_item():
    transport = FakeTransport([response({"count": 1}), response(None)])
    fabric = HuaweiClient(transport, "https://fabric.example.com", {"workspace_id": "ws-1"})
    assert fabric.part(MODEL, {"id": "m1"}, "stats") == {"count": 1}
    assert fabric.add_child(MODEL, {"id": "m1"}, "versions", {"name": "v2"}) is None
    assert [(r["method"], r["url"]) for r in transport.requests] == [
        ("GET", "https://fabric.example.com/v1/workspaces/ws-1/models/m1/stats"),
        ("POST", "https://fabric.example.com/v1/workspaces/ws-1/models/m1/versions")]
