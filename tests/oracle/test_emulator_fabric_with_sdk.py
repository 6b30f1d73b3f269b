"""The official `huaweicloudsdkdataartsfabric` client drives every DataArts Fabric operation the collection's modules
use (workspaces, models and versions, base models, endpoints) against the emulator and parses the answers into its
own model classes. Workspace and base-model basics are also in test_emulator_with_sdk.py.
"""

import os
import sys
import time

import pytest

TESTS_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
if TESTS_DIR not in sys.path:
    sys.path.insert(0, TESTS_DIR)

from emulator import start_emulator  # noqa: E402
from emulator.config import TEST_HUAWEI_AK, TEST_HUAWEI_PROJECT, TEST_HUAWEI_SK  # noqa: E402
from emulator.testing import AdminClient  # noqa: E402

pytest.importorskip('huaweicloudsdkdataartsfabric')

from huaweicloudsdkcore.auth.credentials import BasicCredentials  # noqa: E402
from huaweicloudsdkcore.exceptions.exceptions import ClientRequestException  # noqa: E402
from huaweicloudsdkdataartsfabric.v1 import (  # noqa: E402
    CapRef, CleanupModelRequest, CreateEndpointRequest, CreateModelDefinitionRequest, CreateModelInput,
    CreateWorkspaceRequest, CreateWorkspaceRequestInput, DataArtsFabricClient, DeleteEndpointRequest,
    DeleteModelVersionRequest, DeleteWorkspaceRequest, EndpointInput, ListBaseModelsRequest, ListEndpointsRequest,
    ListModelsRequest, ListModelVersionsRequest, ListWorkspacesRequest, LlmModelConfig, ModelConfig, ModelVersionInput,
    ReservedResource, ResourceDemand, ShowEndpointRequest, UpdateEndpointRequest, UpdateEndpointRequestBody,
    UpdateModelDefinitionRequest, UpdateModelInput, UpdateWorkspaceRequest, UpdateWorkspaceRequestInput,
)
from huaweicloudsdkdataartsfabric.v1.model.model_info import ModelInfo  # noqa: E402
from huaweicloudsdkdataartsfabric.v1.model.model_version_info import ModelVersionInfo  # noqa: E402
from huaweicloudsdkdataartsfabric.v1.model.endpoint_brief_info import EndpointBriefInfo  # noqa: E402

OBS = 'obs://oracle-bucket/models/qwen2-7b/'


@pytest.fixture
def emulator():
    # transitions take 1 emulated second at 20x speed: 0.05 s of real time
    handle = start_emulator(delay=1.0, time_scale=20)
    yield handle
    handle.stop()


@pytest.fixture
def fabric(emulator):
    return (DataArtsFabricClient.new_builder()
            .with_credentials(BasicCredentials(TEST_HUAWEI_AK, TEST_HUAWEI_SK, TEST_HUAWEI_PROJECT))
            .with_endpoints([emulator.url]).build())


def version_input(name, path=OBS):
    return ModelVersionInput(name=name, description='version ' + name, config=ModelConfig(
        llm_model_config=LlmModelConfig(base_model_type='QWEN2_7B', model_path=path)))


def wait_for_status(fabric, ws, endpoint_id, wanted):
    deadline = time.monotonic() + 10
    while True:
        seen = fabric.show_endpoint(ShowEndpointRequest(workspace_id=ws, endpoint_id=endpoint_id))
        if seen.status == wanted or time.monotonic() > deadline:
            return seen
        time.sleep(0.02)


def test_sdk_workspace_update_and_filters(fabric):
    created = fabric.create_workspace(CreateWorkspaceRequest(body=CreateWorkspaceRequestInput(
        name='oracle-ws', description='d', enterprise_project_id='0')))
    by_id = fabric.list_workspaces(ListWorkspacesRequest(enterprise_project_id='all_granted_eps', id=created.id))
    assert by_id.total == 1 and by_id.workspaces[0].access_url and by_id.workspaces[0].create_domain_name
    renamed = fabric.update_workspace(UpdateWorkspaceRequest(workspace_id=created.id, body=UpdateWorkspaceRequestInput(
        name='oracle-ws-2', metastore_id='m' * 32)))
    assert renamed.name == 'oracle-ws-2' and renamed.metastore_id == 'm' * 32 and renamed.x_request_id
    with pytest.raises(ClientRequestException) as bad:
        fabric.create_workspace(CreateWorkspaceRequest(body=CreateWorkspaceRequestInput(name='no')))
    assert bad.value.status_code == 400 and bad.value.error_code == 'common.01000001' and 'name' in bad.value.error_msg


def test_sdk_models_and_versions(fabric):
    ws = fabric.create_workspace(CreateWorkspaceRequest(body=CreateWorkspaceRequestInput(name='oracle-models'))).id
    created = fabric.create_model_definition(CreateModelDefinitionRequest(workspace_id=ws, body=CreateModelInput(
        name='LLama3-8b', description='description', type='LLM_MODEL', version=version_input('v1'))))
    assert created.id and created.version_id and created.x_request_id
    with pytest.raises(ClientRequestException) as duplicate:
        fabric.create_model_definition(CreateModelDefinitionRequest(workspace_id=ws, body=CreateModelInput(
            name='LLama3-8b', type='LLM_MODEL', version=version_input('v1'))))
    assert duplicate.value.status_code == 400 and 'already exists' in duplicate.value.error_msg

    listed = fabric.list_models(ListModelsRequest(workspace_id=ws, name='llama', id=created.id, type='LLM_MODEL',
                                                  visibility='ALL', sort_by='NAME', order_by='ASC', offset=0, limit=10))
    assert listed.total == 1
    model = listed.models[0]
    assert isinstance(model, ModelInfo) and isinstance(model.current_version, ModelVersionInfo)
    assert model.current_version.id == created.version_id and model.current_version.name == 'v1'
    assert model.current_version.config.llm_model_config.model_path == OBS
    assert model.create_user.user_name and model.visibility == 'PRIVATE' and model.create_time is not None

    updated = fabric.update_model_definition(UpdateModelDefinitionRequest(workspace_id=ws, model_id=created.id,
                                                                          body=UpdateModelInput(description='new', version=version_input('v2', OBS + 'v2/'))))
    assert updated.description == 'new' and updated.current_version.name == 'v2'
    switched = fabric.update_model_definition(UpdateModelDefinitionRequest(workspace_id=ws, model_id=created.id,
                                                                           body=UpdateModelInput(current_version_id=created.version_id)))
    assert switched.current_version.id == created.version_id

    versions = fabric.list_model_versions(ListModelVersionsRequest(workspace_id=ws, model_id=created.id, offset=0, limit=100))
    assert versions.total == 2 and [v.name for v in versions.versions] == ['v2', 'v1']
    assert all(isinstance(v, ModelVersionInfo) and v.create_time is not None for v in versions.versions)
    v2 = fabric.list_model_versions(ListModelVersionsRequest(workspace_id=ws, model_id=created.id, name='v2')).versions[0]
    fabric.delete_model_version(DeleteModelVersionRequest(workspace_id=ws, model_id=created.id, version_id=v2.id))
    with pytest.raises(ClientRequestException) as current:
        fabric.delete_model_version(DeleteModelVersionRequest(workspace_id=ws, model_id=created.id, version_id=created.version_id))
    assert current.value.status_code == 400 and 'current version' in current.value.error_msg

    fabric.cleanup_model(CleanupModelRequest(workspace_id=ws, model_id=created.id))
    assert fabric.list_models(ListModelsRequest(workspace_id=ws)).total == 0
    with pytest.raises(ClientRequestException) as missing:
        fabric.cleanup_model(CleanupModelRequest(workspace_id=ws, model_id=created.id))
    assert missing.value.status_code == 404


def test_sdk_endpoint_lifecycle_and_failure(emulator, fabric):
    ws = fabric.create_workspace(CreateWorkspaceRequest(body=CreateWorkspaceRequestInput(name='oracle-serving'))).id
    model = fabric.create_model_definition(CreateModelDefinitionRequest(workspace_id=ws, body=CreateModelInput(
        name='served', type='LLM_MODEL', version=version_input('v1'))))
    body = EndpointInput(name='oracle-endpoint', type='inference', description='d',
                         reserved_resource=ReservedResource(mu=ResourceDemand(spec_code='mu.small', min=1, max=2)),
                         cap=CapRef(cap_id=model.id, version_id=model.version_id))
    created = fabric.create_endpoint(CreateEndpointRequest(workspace_id=ws, body=body))
    assert created.id and created.status == 'CREATING' and created.cap.cap_id == model.id and created.owner.user_id
    assert created.reserved_resource.mu.max == 2 and created.create_time is not None

    running = wait_for_status(fabric, ws, created.id, 'RUNNING')
    assert running.status == 'RUNNING' and running.urls[0].name == 'ApiInvoke' and running.urls[0].address
    listed = fabric.list_endpoints(ListEndpointsRequest(workspace_id=ws, model_id=model.id, name='oracle', type='inference',
                                                        visibility='ALL', offset=0, limit=100))
    assert listed.total == 1 and isinstance(listed.endpoints[0], EndpointBriefInfo)
    assert listed.endpoints[0].id == created.id and listed.endpoints[0].status == 'RUNNING'

    updating = fabric.update_endpoint(UpdateEndpointRequest(workspace_id=ws, endpoint_id=created.id, body=UpdateEndpointRequestBody(
        description='scaled', reserved_resource=ReservedResource(mu=ResourceDemand(spec_code='mu.small', min=2, max=4)))))
    assert updating.status == 'UPDATING' and updating.description == 'scaled'
    assert wait_for_status(fabric, ws, created.id, 'RUNNING').reserved_resource.mu.min == 2
    previous = fabric.show_endpoint(ShowEndpointRequest(workspace_id=ws, endpoint_id=created.id, version='PREVIOUS'))
    assert previous.description == 'd'

    with pytest.raises(ClientRequestException) as in_use:
        fabric.cleanup_model(CleanupModelRequest(workspace_id=ws, model_id=model.id))
    assert in_use.value.status_code == 400 and created.id in in_use.value.error_msg

    AdminClient(emulator.url).put('/settings', {'next_outcome': {'FabricEndpoint': 'FAILED'}})
    body.name = 'oracle-failing'
    failing = fabric.create_endpoint(CreateEndpointRequest(workspace_id=ws, body=body))
    failed = wait_for_status(fabric, ws, failing.id, 'CREATE_FAILED')
    assert failed.status == 'CREATE_FAILED' and failed.error_code and 'injected' in failed.error_msg

    for endpoint_id in (created.id, failing.id):
        deleted = fabric.delete_endpoint(DeleteEndpointRequest(workspace_id=ws, endpoint_id=endpoint_id))
        assert deleted.id == endpoint_id
    deadline = time.monotonic() + 10
    while fabric.list_endpoints(ListEndpointsRequest(workspace_id=ws)).total and time.monotonic() < deadline:
        time.sleep(0.02)
    with pytest.raises(ClientRequestException) as gone:
        fabric.show_endpoint(ShowEndpointRequest(workspace_id=ws, endpoint_id=created.id))
    assert gone.value.status_code == 404
    fabric.cleanup_model(CleanupModelRequest(workspace_id=ws, model_id=model.id))
    fabric.delete_workspace(DeleteWorkspaceRequest(workspace_id=ws))


def test_sdk_base_models_pages_through_total(fabric):
    first = fabric.list_base_models(ListBaseModelsRequest())
    assert len(first.models) == 10 and first.total > 20  # several pages at the default limit
    models, offset = [], 0
    while offset < first.total:
        page = fabric.list_base_models(ListBaseModelsRequest(offset=offset, limit=10))
        models.extend(page.models)
        offset += len(page.models)
    assert len(models) == first.total and all(m.max_tokens >= 1 and 1 <= m.num_of_mu <= 128 for m in models)
