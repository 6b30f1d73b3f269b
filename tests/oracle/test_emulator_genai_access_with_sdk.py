"""The official `oci.generative_ai.GenerativeAiClient` drives every private endpoint, API key, project, sandbox warm
pool, routing profile and semantic store operation of the emulator, and its model discovery and allocatable GPU listings, and
parses the answers into its own model classes."""

import os
import sys

import pytest

TESTS_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
if TESTS_DIR not in sys.path:
    sys.path.insert(0, TESTS_DIR)

from emulator import start_emulator  # noqa: E402
from emulator.config import TEST_COMPARTMENT  # noqa: E402
from emulator.testing import OCI_SDK_CONFIG  # noqa: E402

OTHER_COMPARTMENT = 'ocid1.compartment.oc1..aaaaaaaaothercompartment'
SUBNET = 'ocid1.subnet.oc1.us-chicago-1.aaaaaaaasubnet'
CONNECTION = 'ocid1.databasetoolsconnection.oc1.us-chicago-1.aaaaaaaaconnection'
RESERVATION = 'ocid1.capacityreservation.oc1.us-chicago-1.aaaaaaaareservation'
WAIT = {'max_interval_seconds': 1, 'max_wait_seconds': 30}
NO_RETRY = {}


@pytest.fixture
def emulator():
    handle = start_emulator(delay=1.0, time_scale=10)
    yield handle
    handle.stop()


@pytest.fixture
def oci():
    return pytest.importorskip('oci')


@pytest.fixture
def genai(emulator, oci):
    NO_RETRY['retry_strategy'] = oci.retry.NoneRetryStrategy()
    return oci.generative_ai.GenerativeAiClient(OCI_SDK_CONFIG, service_endpoint=emulator.url)


@pytest.fixture
def composite(oci, genai):
    return oci.generative_ai.GenerativeAiClientCompositeOperations(genai)


def test_private_endpoint_operations_and_an_endpoint_behind_one(oci, genai, composite):
    models = oci.generative_ai.models
    details = models.CreateGenerativeAiPrivateEndpointDetails(
        compartment_id=TEST_COMPARTMENT, subnet_id=SUBNET, dns_prefix='oracle', display_name='oracle-pe', resource_type='ENDPOINT',
        nsg_ids=['ocid1.networksecuritygroup.oc1.us-chicago-1.aaaaaaaansg'], is_allow_on_demand=True)
    done = composite.create_generative_ai_private_endpoint_and_wait_for_state(details, wait_for_states=['SUCCEEDED'], waiter_kwargs=WAIT)
    assert done.data.operation_type == 'CREATE_PRIVATE_ENDPOINT'
    pe_id = done.data.resources[0].identifier
    pe = genai.get_generative_ai_private_endpoint(pe_id)
    assert isinstance(pe.data, models.GenerativeAiPrivateEndpoint) and pe.data.lifecycle_state == 'ACTIVE'
    assert pe.data.fqdn.startswith('oracle.') and pe.data.private_endpoint_ip and pe.data.subnet_id == SUBNET
    listed = genai.list_generative_ai_private_endpoints(compartment_id=TEST_COMPARTMENT, resource_type='ENDPOINT',
                                                        display_name='oracle-pe', sort_by='timeCreated').data.items
    assert [item.id for item in listed] == [pe_id] and isinstance(listed[0], models.GenerativeAiPrivateEndpointSummary)
    updated = composite.update_generative_ai_private_endpoint_and_wait_for_state(
        pe_id, models.UpdateGenerativeAiPrivateEndpointDetails(dns_prefix='renamed', description='d'), wait_for_states=['SUCCEEDED'],
        operation_kwargs={'if_match': pe.headers['etag']}, waiter_kwargs=WAIT)
    assert updated.data.operation_type == 'UPDATE_PRIVATE_ENDPOINT'
    assert genai.get_generative_ai_private_endpoint(pe_id).data.fqdn.startswith('renamed.')

    cluster = composite.create_dedicated_ai_cluster_and_wait_for_state(models.CreateDedicatedAiClusterDetails(
        compartment_id=TEST_COMPARTMENT, type='HOSTING', unit_shape='LARGE_COHERE', unit_count=1), wait_for_states=['SUCCEEDED'],
        waiter_kwargs=WAIT).data.resources[0].identifier
    base = genai.list_models(compartment_id=TEST_COMPARTMENT, display_name='meta.llama-3.3-70b-instruct').data.items[0]
    endpoint = models.CreateEndpointDetails(compartment_id=TEST_COMPARTMENT, dedicated_ai_cluster_id=cluster, model_id=base.id,
                                            generative_ai_private_endpoint_id=pe_id)
    endpoint_id = genai.create_endpoint(endpoint).data.id
    assert [e.id for e in genai.list_endpoints(compartment_id=TEST_COMPARTMENT, generative_ai_private_endpoint_id=pe_id).data.items] \
        == [endpoint_id]
    with pytest.raises(oci.exceptions.ServiceError) as busy:
        genai.delete_generative_ai_private_endpoint(pe_id, **NO_RETRY)
    assert busy.value.status == 409 and endpoint_id in busy.value.message
    endpoint.generative_ai_private_endpoint_id = 'ocid1.generativeaiprivateendpoint.oc1.us-chicago-1.nope'
    with pytest.raises(oci.exceptions.ServiceError) as missing:
        genai.create_endpoint(endpoint)
    assert missing.value.status == 404 and 'generativeAiPrivateEndpointId' in missing.value.message

    moved = composite.change_generative_ai_private_endpoint_compartment_and_wait_for_state(
        pe_id, models.ChangeGenerativeAiPrivateEndpointCompartmentDetails(compartment_id=OTHER_COMPARTMENT),
        wait_for_states=['SUCCEEDED'], waiter_kwargs=WAIT)
    assert moved.data.operation_type == 'MOVE_PRIVATE_ENDPOINT'
    assert genai.get_generative_ai_private_endpoint(pe_id).data.compartment_id == OTHER_COMPARTMENT
    composite.delete_endpoint_and_wait_for_state(endpoint_id, wait_for_states=['SUCCEEDED'], waiter_kwargs=WAIT)
    deleted = composite.delete_generative_ai_private_endpoint_and_wait_for_state(pe_id, wait_for_states=['SUCCEEDED'], waiter_kwargs=WAIT)
    assert deleted.data.operation_type == 'DELETE_PRIVATE_ENDPOINT'


def test_api_key_secrets_are_answered_by_the_create_and_the_renewal_only(oci, genai):
    models = oci.generative_ai.models
    created = genai.create_api_key(models.CreateApiKeyDetails(
        compartment_id=TEST_COMPARTMENT, display_name='oracle-key', key_details=[
            models.KeyDetails(key_name='one', time_expiry='2027-01-01T00:00:00Z'),
            models.KeyDetails(key_name='two', time_expiry='2027-06-01T00:00:00Z')]))
    key = created.data
    assert isinstance(key, models.ApiKey) and key.lifecycle_state == 'CREATING' and 'opc-work-request-id' not in created.headers
    oci.wait_until(genai, genai.get_api_key(key.id), 'lifecycle_state', 'ACTIVE', **WAIT)
    assert [(item.key_name, item.state) for item in key.keys] == [('one', 'ACTIVE'), ('two', 'ACTIVE')]
    first_secret = key.keys[0].key
    assert first_secret and first_secret not in key.keys[0].key_mask
    read = genai.get_api_key(key.id)
    assert all(item.key is None for item in read.data.keys) and first_secret not in str(read.headers)
    listed = genai.list_api_keys(compartment_id=TEST_COMPARTMENT, display_name='oracle-key').data.items
    assert [item.id for item in listed] == [key.id] and all(item.key is None for item in listed[0].keys)

    inactive = genai.set_api_key_state(key.id, models.SetApiKeyStateDetails(key_name='two', state='INACTIVE'),
                                       if_match=read.headers['etag']).data
    assert [(item.key_name, item.state) for item in inactive.keys] == [('one', 'ACTIVE'), ('two', 'INACTIVE')]
    assert all(item.key is None for item in inactive.keys)
    renewed = genai.renew_api_key(key.id, models.RenewApiKeyDetails(details=models.KeyDetails(
        key_name='one', time_expiry='2028-01-01T00:00:00Z'))).data
    assert renewed.keys[0].key and renewed.keys[0].key != first_secret and renewed.keys[1].key is None
    assert genai.get_api_key(key.id).data.keys[0].key is None
    with pytest.raises(oci.exceptions.ServiceError) as unknown:
        genai.set_api_key_state(key.id, models.SetApiKeyStateDetails(key_name='three', state='ACTIVE'), **NO_RETRY)
    assert unknown.value.status == 400

    updated = genai.update_api_key(key.id, models.UpdateApiKeyDetails(description='d', freeform_tags={'a': 'b'})).data
    assert updated.description == 'd' and updated.lifecycle_state == 'ACTIVE'
    assert genai.change_api_key_compartment(key.id, models.ChangeApiKeyCompartmentDetails(
        compartment_id=OTHER_COMPARTMENT)).status == 204
    deleted = genai.delete_api_key(key.id)
    assert deleted.status == 202 and 'opc-work-request-id' not in deleted.headers
    oci.wait_until(genai, genai.get_api_key(key.id), 'lifecycle_state', 'DELETED', **WAIT)


def test_project_and_routing_profile_change_at_once(oci, genai):
    models = oci.generative_ai.models
    composite = oci.generative_ai.GenerativeAiClientCompositeOperations(genai)
    done = composite.create_generative_ai_project_and_wait_for_state(models.CreateGenerativeAiProjectDetails(
        compartment_id=TEST_COMPARTMENT, display_name='oracle-project',
        conversation_config=models.ConversationConfig(responses_retention_in_hours=24, conversations_retention_in_hours=48),
        sandbox_config=models.SandboxConfig(is_enabled=True, warm_pool_config=models.SandboxWarmPoolConfig(small_count=1))),
        wait_for_states=['SUCCEEDED'], waiter_kwargs=WAIT)
    project = genai.get_generative_ai_project(done.data.resources[0].identifier)
    assert isinstance(project.data, models.GenerativeAiProject) and project.data.lifecycle_state == 'ACTIVE'
    assert project.data.sandbox_config.warm_pool_config.small_count == 1
    composite.update_generative_ai_project_and_wait_for_state(project.data.id, models.UpdateGenerativeAiProjectDetails(
        conversation_config=models.ConversationConfig(responses_retention_in_hours=12)), wait_for_states=['SUCCEEDED'],
        operation_kwargs={'if_match': project.headers['etag']}, waiter_kwargs=WAIT)
    assert genai.get_generative_ai_project(project.data.id).data.conversation_config.responses_retention_in_hours == 12
    assert [p.id for p in genai.list_generative_ai_projects(compartment_id=TEST_COMPARTMENT, sort_by='displayName').data.items] \
        == [project.data.id]
    assert genai.change_generative_ai_project_compartment(project.data.id, models.ChangeGenerativeAiProjectCompartmentDetails(
        compartment_id=OTHER_COMPARTMENT)).status == 204
    composite.delete_generative_ai_project_and_wait_for_state(project.data.id, wait_for_states=['SUCCEEDED'], waiter_kwargs=WAIT)

    profile = composite.create_routing_profile_and_wait_for_state(models.CreateRoutingProfileDetails(
        compartment_id=TEST_COMPARTMENT, display_name='oracle-routing',
        region_routing_policy=models.RegionRoutingPolicy(allowed_regions=['us-chicago-1']),
        model_routing_policy=models.ModelRoutingPolicy(allowed_models=['cohere.command-r-08-2024'])),
        wait_for_states=['ACTIVE'], waiter_kwargs=WAIT).data
    assert isinstance(profile, models.RoutingProfile) and profile.region_routing_policy.allowed_regions == ['us-chicago-1']
    changed = genai.update_routing_profile(profile.id, models.UpdateRoutingProfileDetails(
        model_routing_policy=models.ModelRoutingPolicy(allowed_models=[]))).data
    assert changed.model_routing_policy.allowed_models == []
    assert [p.id for p in genai.list_routing_profiles(compartment_id=TEST_COMPARTMENT, lifecycle_state='ACTIVE').data.items] == [profile.id]
    assert genai.change_routing_profile_compartment(profile.id, models.ChangeRoutingProfileCompartmentDetails(
        compartment_id=OTHER_COMPARTMENT)).status == 204
    composite.delete_routing_profile_and_wait_for_state(profile.id, wait_for_states=['DELETED'], waiter_kwargs=WAIT)
    with pytest.raises(oci.exceptions.ServiceError) as nameless:
        genai.create_routing_profile(models.CreateRoutingProfileDetails(compartment_id=TEST_COMPARTMENT), **NO_RETRY)
    assert nameless.value.status == 400 and 'displayName' in nameless.value.message


IMAGE = 'us-chicago-1.ocir.io/tenancy/tools@sha256:' + '4f' * 32


def test_sandbox_warm_pools_are_named_in_their_project(oci, genai, composite):
    models = oci.generative_ai.models
    project_id = composite.create_generative_ai_project_and_wait_for_state(models.CreateGenerativeAiProjectDetails(
        compartment_id=TEST_COMPARTMENT, display_name='oracle-sandboxes', sandbox_config=models.SandboxConfig(is_enabled=True)),
        wait_for_states=['SUCCEEDED'], waiter_kwargs=WAIT).data.resources[0].identifier
    done = composite.create_sandbox_warm_pool_and_wait_for_state(project_id, models.CreateSandboxWarmPoolDetails(
        name='python small', type='MANAGED', shape='SMALL', desired_capacity=2), wait_for_states=['SUCCEEDED'], waiter_kwargs=WAIT)
    assert done.data.operation_type == 'CREATE_SANDBOX_WARM_POOL' and done.data.compartment_id == TEST_COMPARTMENT
    pool = genai.get_sandbox_warm_pool(project_id, 'python small')
    assert isinstance(pool.data, models.SandboxWarmPool) and pool.data.lifecycle_state == 'ACTIVE'
    assert pool.data.project_id == project_id and pool.data.runtime_status.observation_status == 'OBSERVED'
    assert genai.get_sandbox_warm_pool(project_id, 'python small').headers['etag'] == pool.headers['etag']  # not of the runtime
    genai.create_sandbox_warm_pool(project_id, models.CreateSandboxWarmPoolDetails(
        name='tools', type='CUSTOM', container_image=IMAGE, shape='MEDIUM', desired_capacity=0))
    listed = genai.list_sandbox_warm_pools(project_id, shape='SMALL', sort_by='name').data.items
    assert [item.name for item in listed] == ['python small'] and isinstance(listed[0], models.SandboxWarmPoolSummary)
    assert [item.name for item in genai.list_sandbox_warm_pools(project_id, type='CUSTOM').data.items] == ['tools']
    updated = composite.update_sandbox_warm_pool_and_wait_for_state(
        project_id, 'python small', models.UpdateSandboxWarmPoolDetails(desired_capacity=0), wait_for_states=['SUCCEEDED'],
        operation_kwargs={'if_match': pool.headers['etag']}, waiter_kwargs=WAIT)
    assert updated.data.operation_type == 'UPDATE_SANDBOX_WARM_POOL'
    assert genai.get_sandbox_warm_pool(project_id, 'python small').data.desired_capacity == 0
    with pytest.raises(oci.exceptions.ServiceError) as stale:
        genai.update_sandbox_warm_pool(project_id, 'python small', models.UpdateSandboxWarmPoolDetails(desired_capacity=1),
                                       if_match=pool.headers['etag'], **NO_RETRY)
    assert stale.value.status == 412
    for wrong, message in ((dict(type='MANAGED', container_image=IMAGE), 'containerImage'),
                           (dict(type='CUSTOM', container_image='tools:latest'), 'digest'),
                           (dict(type='MANAGED', name='tools'), 'already')):
        details = dict(dict(name='other', shape='LARGE', desired_capacity=1), **wrong)
        with pytest.raises(oci.exceptions.ServiceError) as refused:
            genai.create_sandbox_warm_pool(project_id, models.CreateSandboxWarmPoolDetails(**details), **NO_RETRY)
        assert refused.value.status in (400, 409) and message in refused.value.message
    deleted = composite.delete_sandbox_warm_pool_and_wait_for_state(
        project_id, 'python small', wait_for_states=['SUCCEEDED'], waiter_kwargs=WAIT)
    assert deleted.data.operation_type == 'DELETE_SANDBOX_WARM_POOL'
    with pytest.raises(oci.exceptions.ServiceError) as gone:
        genai.get_sandbox_warm_pool(project_id, 'python small', **NO_RETRY)
    assert gone.value.status == 404


def test_semantic_store_operations(oci, genai, composite):
    models = oci.generative_ai.models
    details = models.CreateSemanticStoreDetails(
        compartment_id=TEST_COMPARTMENT, display_name='oracle-store',
        data_source=models.CreateDataSourceDatabaseToolsConnectionDetails(querying_connection_id=CONNECTION,
                                                                          enrichment_connection_id=CONNECTION),
        schemas=models.CreateSchemasDatabaseToolsConnectionDetails(schemas=[models.SchemaItem(name='SALES')]),
        refresh_schedule=models.RefreshScheduleIntervalDetails(value='PT6H'),
        model_selection=models.CustomSemanticStoreModelSelection(model_id='ocid1.generativeaimodel.oc1.us-chicago-1.m'))
    done = composite.create_semantic_store_and_wait_for_state(details, wait_for_states=['SUCCEEDED'], waiter_kwargs=WAIT)
    assert done.data.operation_type == 'CREATE_SEMANTIC_STORE'
    store_id = done.data.resources[0].identifier
    store = genai.get_semantic_store(store_id)
    assert isinstance(store.data.data_source, models.DataSourceDatabaseToolsConnectionDetails)
    assert isinstance(store.data.refresh_schedule, models.RefreshScheduleIntervalDetails) and store.data.refresh_schedule.value == 'PT6H'
    assert isinstance(store.data.model_selection, models.CustomSemanticStoreModelSelection)
    assert [s.name for s in store.data.schemas.schemas] == ['SALES']
    listed = genai.list_semantic_stores(data_source_querying_connection_id=CONNECTION).data.items
    assert [s.id for s in listed] == [store_id] and isinstance(listed[0], models.SemanticStoreSummary)
    updated = genai.update_semantic_store(store_id, models.UpdateSemanticStoreDetails(
        refresh_schedule=models.RefreshScheduleNoneDetails()), if_match=store.headers['etag'])
    assert 'opc-work-request-id' not in updated.headers and isinstance(updated.data.refresh_schedule, models.RefreshScheduleNoneDetails)
    moved = composite.change_semantic_store_compartment_and_wait_for_state(
        store_id, models.ChangeSemanticStoreCompartmentDetails(compartment_id=OTHER_COMPARTMENT), wait_for_states=['SUCCEEDED'],
        waiter_kwargs=WAIT)
    assert moved.data.operation_type == 'MOVE_SEMANTIC_STORE'
    composite.delete_semantic_store_and_wait_for_state(store_id, wait_for_states=['SUCCEEDED'], waiter_kwargs=WAIT)
    details.data_source = models.CreateDataSourceDatabaseToolsConnectionDetails(querying_connection_id=CONNECTION)
    with pytest.raises(oci.exceptions.ServiceError) as incomplete:
        genai.create_semantic_store(details, **NO_RETRY)
    assert incomplete.value.status == 400 and 'enrichmentConnectionId' in incomplete.value.message


def test_model_discovery_and_allocatable_gpus(oci, genai, composite):
    models = oci.generative_ai.models
    found = oci.pagination.list_call_get_all_results(genai.list_model_discovery, compartment_id=TEST_COMPARTMENT, limit=2).data
    assert all(isinstance(item, models.ModelDiscovery) for item in found) and len(found) >= 6
    tunable = genai.list_model_discovery(compartment_id=TEST_COMPARTMENT, capability=['FINE_TUNE'], serving_mode=['DEDICATED', 'ON_DEMAND']).data.items
    assert sorted(item.model_id for item in tunable) == ['cohere.command-r-08-2024', 'meta.llama-3.1-70b-instruct']
    assert genai.list_model_discovery(compartment_id=TEST_COMPARTMENT, is_deprecated=True).data.items == []

    composite.create_dedicated_ai_cluster_and_wait_for_state(models.CreateDedicatedAiClusterDetails(
        compartment_id=TEST_COMPARTMENT, type='HOSTING', unit_shape='H100_X2', unit_count=2, capacity_reservation_id=RESERVATION),
        wait_for_states=['SUCCEEDED'], waiter_kwargs=WAIT)
    gpus = genai.list_dedicated_ai_clusters_allocatable_gpus(TEST_COMPARTMENT, RESERVATION).data.items
    assert len(gpus) == 1 and isinstance(gpus[0], models.AllocatableGpuSummary)
    assert gpus[0].total_used_gpu_units == 4 and gpus[0].total_available_gpu_units == 28
    assert isinstance(gpus[0].gpu_allocations[0], models.GpuAllocation)
    assert genai.list_dedicated_ai_clusters_allocatable_gpus(TEST_COMPARTMENT, RESERVATION, compute_shape='BM.GPU.A10.4').data.items == []
