"""The official SDKs drive the emulator: if they are happy, the emulator speaks the real wire format.

OCI: `oci.generative_ai.GenerativeAiClient` (API key and instance principal), pagination helper, waiters,
composite `*_and_wait_for_state` operations, work requests, error mapping. Huawei: `DataArtsFabricClient`
with AK/SK credentials: base models and workspaces.
"""

import os
import sys

import pytest

TESTS_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
if TESTS_DIR not in sys.path:
    sys.path.insert(0, TESTS_DIR)

from emulator import start_emulator  # noqa: E402
from emulator.config import (TEST_COMPARTMENT, TEST_HUAWEI_AK, TEST_HUAWEI_PROJECT, TEST_HUAWEI_SK,  # noqa: E402
                             TEST_REGION, TEST_TENANCY)
from emulator.testing import OCI_SDK_CONFIG, AdminClient  # noqa: E402

OTHER_COMPARTMENT = 'ocid1.compartment.oc1..aaaaaaaaothercompartment'


@pytest.fixture
def emulator():
    # transitions take 1 emulated second at 10x speed: 0.1 s of real time
    handle = start_emulator(delay=1.0, time_scale=10)
    yield handle
    handle.stop()


@pytest.fixture
def genai(emulator):
    oci = pytest.importorskip('oci')
    return oci.generative_ai.GenerativeAiClient(OCI_SDK_CONFIG, service_endpoint=emulator.url)


def cluster_details(oci, name, cluster_type='HOSTING'):
    return oci.generative_ai.models.CreateDedicatedAiClusterDetails(
        compartment_id=TEST_COMPARTMENT, type=cluster_type, unit_shape='LARGE_COHERE', unit_count=1, display_name=name,
        freeform_tags={'suite': 'oracle'})


def test_oci_sdk_dedicated_ai_cluster_round_trip(emulator, genai):
    import oci

    models = oci.generative_ai.models
    composite = oci.generative_ai.GenerativeAiClientCompositeOperations(genai)
    admin = AdminClient(emulator.url)

    created = composite.create_dedicated_ai_cluster_and_wait_for_state(
        cluster_details(oci, 'oracle-0'), wait_for_states=['SUCCEEDED', 'FAILED'],
        waiter_kwargs={'max_interval_seconds': 1, 'max_wait_seconds': 30})
    work_request = created.data
    assert work_request.status == 'SUCCEEDED' and work_request.operation_type == 'CREATE_DEDICATED_AI_CLUSTER'
    cluster_id = work_request.resources[0].identifier
    cluster = genai.get_dedicated_ai_cluster(cluster_id)
    assert cluster.data.lifecycle_state == 'ACTIVE' and cluster.data.freeform_tags == {'suite': 'oracle'}
    assert cluster.data.capacity.total_endpoint_capacity == 50 and cluster.headers['etag']

    for number in range(1, 5):
        genai.create_dedicated_ai_cluster(cluster_details(oci, 'oracle-%d' % number, 'FINE_TUNING'))
    admin.call('DELETE', '/requests')
    everything = oci.pagination.list_call_get_all_results(genai.list_dedicated_ai_clusters, compartment_id=TEST_COMPARTMENT, limit=2)
    assert sorted(item.display_name for item in everything.data) == ['oracle-%d' % number for number in range(5)]
    assert len([entry for entry in admin.requests_log() if entry['path'].endswith('/dedicatedAiClusters')]) == 3
    filtered = genai.list_dedicated_ai_clusters(compartment_id=TEST_COMPARTMENT, display_name='oracle-3', sort_by='displayName')
    assert [item.display_name for item in filtered.data.items] == ['oracle-3']

    with pytest.raises(oci.exceptions.ServiceError) as stale:
        genai.update_dedicated_ai_cluster(cluster_id, models.UpdateDedicatedAiClusterDetails(unit_count=2), if_match='stale')
    assert stale.value.status == 412 and stale.value.code == 'NoEtagMatch' and stale.value.request_endpoint

    updated = composite.update_dedicated_ai_cluster_and_wait_for_state(
        cluster_id, models.UpdateDedicatedAiClusterDetails(unit_count=2), wait_for_states=['SUCCEEDED'],
        operation_kwargs={'if_match': cluster.headers['etag']}, waiter_kwargs={'max_interval_seconds': 1, 'max_wait_seconds': 30})
    assert updated.data.operation_type == 'UPDATE_DEDICATED_AI_CLUSTER'
    active = oci.wait_until(genai, genai.get_dedicated_ai_cluster(cluster_id), 'lifecycle_state', 'ACTIVE',
                            max_interval_seconds=1, max_wait_seconds=30)
    assert active.data.unit_count == 2 and active.data.previous_state is None

    moved = genai.change_dedicated_ai_cluster_compartment(
        cluster_id, models.ChangeDedicatedAiClusterCompartmentDetails(compartment_id=OTHER_COMPARTMENT))
    assert moved.status == 204
    genai.change_dedicated_ai_cluster_compartment(
        cluster_id, models.ChangeDedicatedAiClusterCompartmentDetails(compartment_id=TEST_COMPARTMENT))

    work_requests = oci.pagination.list_call_get_all_results(genai.list_work_requests, compartment_id=TEST_COMPARTMENT,
                                                             resource_id=cluster_id, limit=1)
    assert sorted(item.operation_type for item in work_requests.data) == ['CREATE_DEDICATED_AI_CLUSTER', 'UPDATE_DEDICATED_AI_CLUSTER']
    logs = genai.list_work_request_logs(work_request.id).data.items
    assert logs and all(entry.message and entry.timestamp for entry in logs)
    assert genai.list_work_request_errors(work_request.id).data.items == []

    deleted = composite.delete_dedicated_ai_cluster_and_wait_for_state(
        cluster_id, wait_for_states=['SUCCEEDED'], waiter_kwargs={'max_interval_seconds': 1, 'max_wait_seconds': 30})
    assert deleted.data.resources[0].action_type == 'DELETED'
    gone = oci.wait_until(genai, genai.get_dedicated_ai_cluster(cluster_id), 'lifecycle_state', 'DELETED',
                          succeed_on_not_found=True, max_interval_seconds=1, max_wait_seconds=30)
    assert gone.data.lifecycle_state == 'DELETED'

    with pytest.raises(oci.exceptions.ServiceError) as missing:
        genai.get_dedicated_ai_cluster('ocid1.generativeaidedicatedaicluster.oc1.us-chicago-1.nope')
    assert missing.value.status == 404 and missing.value.code == 'NotAuthorizedOrNotFound' and missing.value.request_id


def test_oci_sdk_failed_work_request(emulator, genai):
    import oci

    AdminClient(emulator.url).put('/settings', {'next_outcome': {'DedicatedAiCluster': 'FAILED'}})
    composite = oci.generative_ai.GenerativeAiClientCompositeOperations(genai)
    result = composite.create_dedicated_ai_cluster_and_wait_for_state(
        cluster_details(oci, 'doomed'), wait_for_states=['SUCCEEDED', 'FAILED'],
        waiter_kwargs={'max_interval_seconds': 1, 'max_wait_seconds': 30})
    assert result.data.status == 'FAILED'
    errors = genai.list_work_request_errors(result.data.id).data.items
    assert len(errors) == 1 and errors[0].code and errors[0].message
    assert genai.get_dedicated_ai_cluster(result.data.resources[0].identifier).data.lifecycle_state == 'FAILED'


def test_oci_sdk_instance_principal(emulator, monkeypatch):
    oci = pytest.importorskip('oci')
    monkeypatch.setenv('OCI_METADATA_BASE_URL', emulator.url + '/opc/v2')
    signer = oci.auth.signers.InstancePrincipalsSecurityTokenSigner(federation_endpoint=emulator.url + '/v1/x509')
    assert signer.tenancy_id == TEST_TENANCY and signer.region == TEST_REGION
    client = oci.generative_ai.GenerativeAiClient({}, signer=signer, service_endpoint=emulator.url)
    assert client.list_dedicated_ai_clusters(compartment_id=TEST_COMPARTMENT).data.items == []
    services = {entry['service'] for entry in AdminClient(emulator.url).requests_log()}
    assert services == {'imds', 'federation', 'genai'}


def test_huawei_sdk_workspaces_and_base_models(emulator):
    pytest.importorskip('huaweicloudsdkdataartsfabric')
    from huaweicloudsdkcore.auth.credentials import BasicCredentials
    from huaweicloudsdkcore.exceptions.exceptions import ClientRequestException
    from huaweicloudsdkdataartsfabric.v1 import (CreateWorkspaceRequest, CreateWorkspaceRequestInput, DataArtsFabricClient,
                                                 DeleteWorkspaceRequest, ListBaseModelsRequest, ListWorkspacesRequest,
                                                 UpdateWorkspaceRequest, UpdateWorkspaceRequestInput)

    client = (DataArtsFabricClient.new_builder()
              .with_credentials(BasicCredentials(TEST_HUAWEI_AK, TEST_HUAWEI_SK, TEST_HUAWEI_PROJECT))
              .with_endpoints([emulator.url]).build())

    first = client.list_base_models(ListBaseModelsRequest())
    assert len(first.models) == 10 and first.total >= 25 and first.x_request_id
    models, offset = [], 0
    while offset < first.total:
        page = client.list_base_models(ListBaseModelsRequest(offset=offset, limit=7))
        models.extend(page.models)
        offset += len(page.models)
    assert len({model.base_model_type for model in models}) == first.total
    assert any(model.base_model_type == 'QWEN2_72B' for model in models)

    created = client.create_workspace(CreateWorkspaceRequest(body=CreateWorkspaceRequestInput(name='oracle-ws', description='d')))
    assert created.id and created.name == 'oracle-ws' and created.create_time is not None
    with pytest.raises(ClientRequestException) as duplicate:
        client.create_workspace(CreateWorkspaceRequest(body=CreateWorkspaceRequestInput(name='oracle-ws')))
    assert duplicate.value.status_code == 400 and duplicate.value.error_code == 'common.01000001' and duplicate.value.request_id

    listed = client.list_workspaces(ListWorkspacesRequest(enterprise_project_id='all_granted_eps', name='oracle'))
    assert listed.total == 1 and listed.workspaces[0].id == created.id
    updated = client.update_workspace(UpdateWorkspaceRequest(workspace_id=created.id, body=UpdateWorkspaceRequestInput(description='new')))
    assert updated.description == 'new' and updated.name == 'oracle-ws'
    client.delete_workspace(DeleteWorkspaceRequest(workspace_id=created.id))
    assert client.list_workspaces(ListWorkspacesRequest(enterprise_project_id='all_granted_eps')).total == 0
    with pytest.raises(ClientRequestException) as missing:
        client.delete_workspace(DeleteWorkspaceRequest(workspace_id=created.id))
    assert missing.value.status_code == 404
