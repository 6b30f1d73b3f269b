"""The official `oci.generative_ai.GenerativeAiClient` drives every hosted application, hosted application storage,
hosted deployment (with add and delete artifact), vector store connector (with its stats and ingestion logs) and file
sync (with cancel and ingestion logs) operation of the emulator, and parses the answers into its own model classes.
"""

import os
import sys

import pytest

TESTS_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
if TESTS_DIR not in sys.path:
    sys.path.insert(0, TESTS_DIR)

from emulator.config import TEST_COMPARTMENT  # noqa: E402
from emulator.testing import AdminClient  # noqa: E402
from oracle.test_emulator_genai_with_sdk import OTHER_COMPARTMENT, emulator, genai, oci  # noqa: E402,F401 pylint: disable=unused-import

VECTOR_STORE = 'ocid1.generativeaivectorstore.oc1.us-chicago-1.amaaaaaavectorstore'


def wait_for(oci, genai, get, resource_id, states):
    return oci.wait_until(genai, get(resource_id), evaluate_response=lambda r: r.data.lifecycle_state in states,
                          max_interval_seconds=1, max_wait_seconds=30).data


def test_hosted_applications_storages_and_their_moves(oci, genai):
    models = oci.generative_ai.models
    storage = genai.create_hosted_application_storage(models.CreateHostedApplicationStorageDetails(
        compartment_id=TEST_COMPARTMENT, display_name='oracle-cache', storage_type='CACHE')).data
    assert isinstance(storage, models.HostedApplicationStorage) and storage.lifecycle_state == 'CREATING'
    wait_for(oci, genai, genai.get_hosted_application_storage, storage.id, ['ACTIVE'])
    app = genai.create_hosted_application(models.CreateHostedApplicationDetails(
        compartment_id=TEST_COMPARTMENT, display_name='oracle-app',
        inbound_auth_config=models.InboundAuthConfig(inbound_auth_config_type='NO_AUTH_CONFIG'),
        scaling_config=models.ScalingConfig(scaling_type='CPU', min_replica=1, max_replica=2, target_cpu_threshold=70),
        networking_config=models.NetworkingConfig(
            inbound_networking_config=models.InboundNetworkingConfig(endpoint_mode='PUBLIC'),
            outbound_networking_config=models.OutboundNetworkingConfig(network_mode='MANAGED')),
        storage_configs=[models.StorageConfig(environment_variable_key='CACHE_URL', storage_id=storage.id)],
        environment_variables=[models.EnvironmentVariable(name='MODE', type='PLAINTEXT', value='demo')],
        public_access_path_patterns=['/health'])).data
    assert isinstance(app, models.HostedApplication) and app.storage_configs[0].storage_id == storage.id
    app = wait_for(oci, genai, genai.get_hosted_application, app.id, ['ACTIVE'])
    assert app.application_endpoint.startswith('https://') and app.inbound_auth_config.inbound_auth_config_type == 'NO_AUTH_CONFIG'
    assert genai.get_hosted_application_storage(storage.id).data.application_ids == [app.id]

    update = genai.update_hosted_application(app.id, models.UpdateHostedApplicationDetails(
        scaling_config=models.ScalingConfig(scaling_type='CPU', min_replica=1, max_replica=4)))
    assert update.status == 202 and update.headers['opc-work-request-id']
    assert wait_for(oci, genai, genai.get_hosted_application, app.id, ['ACTIVE']).scaling_config.max_replica == 4
    listed = genai.list_hosted_applications(compartment_id=TEST_COMPARTMENT, display_name='oracle-app').data
    assert isinstance(listed, models.HostedApplicationCollection) and [a.id for a in listed.items] == [app.id]
    genai.change_hosted_application_compartment(app.id, models.ChangeHostedApplicationCompartmentDetails(
        compartment_id=OTHER_COMPARTMENT))
    assert genai.get_hosted_application(app.id).data.compartment_id == OTHER_COMPARTMENT

    iam = genai.create_hosted_application_iam(models.CreateHostedApplicationIamDetails(
        compartment_id=TEST_COMPARTMENT, display_name='oracle-iam-app')).data
    assert isinstance(iam, models.HostedApplicationIam)
    wait_for(oci, genai, genai.get_hosted_application_iam, iam.id, ['ACTIVE'])
    genai.update_hosted_application_iam(iam.id, models.UpdateHostedApplicationIamDetails(description='iam'))
    assert [a.id for a in genai.list_hosted_applications_iam(compartment_id=TEST_COMPARTMENT).data.items] == [iam.id]
    genai.change_hosted_application_iam_compartment(iam.id, models.ChangeHostedApplicationCompartmentDetails(
        compartment_id=OTHER_COMPARTMENT))
    genai.change_hosted_application_storage_compartment(storage.id, models.ChangeHostedApplicationStorageCompartmentDetails(
        compartment_id=OTHER_COMPARTMENT))
    found = genai.list_hosted_application_storages(compartment_id=OTHER_COMPARTMENT, hosted_application_storage_type='CACHE').data
    assert isinstance(found.items[0], models.HostedApplicationStorageSummary) and found.items[0].id == storage.id
    assert genai.list_hosted_application_storages(compartment_id=OTHER_COMPARTMENT, hosted_application_storage_type='ADB').data.items == []
    for delete, resource_id in ((genai.delete_hosted_application, app.id), (genai.delete_hosted_application_iam, iam.id),
                                (genai.delete_hosted_application_storage, storage.id)):
        assert delete(resource_id).status == 202
    with pytest.raises(oci.exceptions.ServiceError) as refused:
        genai.base_client.call_api(resource_path='/hostedApplicationStorages/' + storage.id, method='PUT',
                                   body={'description': 'x'}, header_params={'content-type': 'application/json'})
    assert refused.value.status == 404  # the service has no update call for a storage


def test_hosted_deployment_artifacts(oci, genai):
    models = oci.generative_ai.models
    app = genai.create_hosted_application_iam(models.CreateHostedApplicationIamDetails(
        compartment_id=TEST_COMPARTMENT, display_name='oracle-app')).data
    wait_for(oci, genai, genai.get_hosted_application_iam, app.id, ['ACTIVE'])
    deployment = genai.create_hosted_deployment(models.CreateHostedDeploymentDetails(
        display_name='oracle-deployment', hosted_application_id=app.id,
        active_artifact=models.SingleDockerArtifact(container_uri='iad.ocir.io/ns/app', tag='1.0'))).data
    assert isinstance(deployment, models.HostedDeployment) and deployment.compartment_id == TEST_COMPARTMENT
    assert isinstance(deployment.active_artifact, models.SingleDockerArtifact) and deployment.active_artifact.status == 'ACTIVE'
    first = deployment.active_artifact.id
    wait_for(oci, genai, genai.get_hosted_deployment, deployment.id, ['ACTIVE'])
    added = genai.add_artifact(models.AddArtifactDetails(artifact=models.CreateSingleDockerArtifactDetails(
        container_uri='iad.ocir.io/ns/app', tag='2.0')), deployment.id)
    assert added.headers['opc-work-request-id']
    artifacts = genai.get_hosted_deployment(deployment.id).data.artifacts
    second = [a for a in artifacts if a.tag == '2.0'][0]
    assert second.status == 'INACTIVE' and second.hosted_deployment_id == deployment.id
    updated = genai.update_hosted_deployment(deployment.id, models.UpdateHostedDeploymentDetails(
        active_artifact=models.SingleDockerArtifact(id=second.id, artifact_type='SIMPLE_DOCKER_ARTIFACT',
                                                    container_uri='iad.ocir.io/ns/app', tag='2.0'))).data
    assert updated.active_artifact.id == second.id
    wait_for(oci, genai, genai.get_hosted_deployment, deployment.id, ['ACTIVE'])
    with pytest.raises(oci.exceptions.ServiceError) as refused:
        genai.delete_hosted_deployment_artifact(deployment.id, second.id, retry_strategy=oci.retry.NoneRetryStrategy())
    assert refused.value.status == 409
    genai.delete_hosted_deployment_artifact(deployment.id, first)
    assert [a.id for a in genai.get_hosted_deployment(deployment.id).data.artifacts] == [second.id]
    listed = genai.list_hosted_deployments(compartment_id=TEST_COMPARTMENT, application_id=app.id).data
    assert isinstance(listed.items[0], models.HostedDeploymentSummary) and listed.items[0].id == deployment.id
    assert genai.list_hosted_deployments(compartment_id=TEST_COMPARTMENT, display_name='other').data.items == []
    assert genai.delete_hosted_deployment(deployment.id).status == 202


def test_vector_store_connectors_and_file_syncs(emulator, oci, genai):
    models = oci.generative_ai.models
    AdminClient(emulator.url).put('/objects', {'objects': [
        {'namespace': 'ns', 'bucket': 'docs', 'name': 'kb/a.pdf', 'text': 'a' * 5000},
        {'namespace': 'ns', 'bucket': 'docs', 'name': 'kb/b.txt', 'text': 'b'},
        {'namespace': 'ns', 'bucket': 'docs', 'name': 'other/c.txt', 'text': 'c'}]})
    connector = genai.create_vector_store_connector(models.CreateVectorStoreConnectorDetails(
        compartment_id=TEST_COMPARTMENT, vector_store_id=VECTOR_STORE, display_name='oracle-connector',
        configuration=models.OciObjectStorageConfiguration(storage_config_list=[
            models.ObjectStorageConfig(namespace='ns', bucket_name='docs', prefix_list=['kb/'])]),
        schedule_config=models.ScheduleIntervalConfig(frequency='DAILY', interval=1, state='ENABLED'))).data
    assert isinstance(connector, models.VectorStoreConnector) and isinstance(connector.configuration, models.OciObjectStorageConfiguration)
    assert isinstance(connector.schedule_config, models.ScheduleIntervalConfig)
    wait_for(oci, genai, genai.get_vector_store_connector, connector.id, ['ACTIVE'])
    updated = genai.update_vector_store_connector(connector.id, models.UpdateVectorStoreConnectorDetails(
        schedule_config=models.ScheduleCronConfig(cron_expression='0 2 * * *'))).data
    assert isinstance(updated.schedule_config, models.ScheduleCronConfig)
    wait_for(oci, genai, genai.get_vector_store_connector, connector.id, ['ACTIVE'])
    listed = genai.list_vector_store_connectors(compartment_id=TEST_COMPARTMENT, vector_store_id=VECTOR_STORE).data
    assert isinstance(listed.items[0], models.VectorStoreConnectorSummary) and listed.items[0].id == connector.id

    sync = genai.create_vector_store_connector_file_sync(models.CreateVectorStoreConnectorFileSyncDetails(
        vector_store_connector_id=connector.id, display_name='oracle-sync'), opc_retry_token='oracle-sync-token').data
    assert isinstance(sync, models.VectorStoreConnectorFileSync) and sync.lifecycle_state == 'ACCEPTED'
    assert sync.compartment_id == TEST_COMPARTMENT and sync.trigger_type == 'MANUAL'
    again = genai.create_vector_store_connector_file_sync(models.CreateVectorStoreConnectorFileSyncDetails(
        vector_store_connector_id=connector.id, display_name='oracle-sync'), opc_retry_token='oracle-sync-token').data
    assert again.id == sync.id
    done = wait_for(oci, genai, genai.get_vector_store_connector_file_sync, sync.id, ['SUCCEEDED'])
    assert isinstance(done.stats, models.VectorStoreConnectorStats) and done.stats.created.total_files_synced == 2
    logs = genai.list_vector_store_connector_file_sync_ingestion_logs(sync.id, sort_by='filePath').data
    assert isinstance(logs, models.FileSyncIngestionLogsCollection)
    assert [(entry.file_path, entry.status, entry.total_chunks_created) for entry in logs.items] == [
        ('oci://docs@ns/kb/a.pdf', 'COMPLETED', 2), ('oci://docs@ns/kb/b.txt', 'COMPLETED', 1)]
    connector_logs = genai.list_vector_store_connector_ingestion_logs(connector.id, status='COMPLETED').data.items
    assert {entry.vector_store_connector_file_sync_id for entry in connector_logs} == {sync.id}
    stats = genai.get_vector_store_connector_stats(connector.id).data
    assert isinstance(stats, models.VectorStoreConnectorStats) and stats.created.sync_stats_by_file_type == {'PDF': 1, 'TXT': 1}
    with pytest.raises(oci.exceptions.ServiceError) as refused:
        genai.cancel_vector_store_connector_file_sync(sync.id, retry_strategy=oci.retry.NoneRetryStrategy())
    assert refused.value.status == 409

    running = genai.create_vector_store_connector_file_sync(models.CreateVectorStoreConnectorFileSyncDetails(
        vector_store_connector_id=connector.id, display_name='oracle-cancelled')).data
    assert genai.cancel_vector_store_connector_file_sync(running.id).status == 202
    assert wait_for(oci, genai, genai.get_vector_store_connector_file_sync, running.id, ['CANCELED']).time_ended
    syncs = oci.pagination.list_call_get_all_results(genai.list_vector_store_connector_file_syncs, compartment_id=TEST_COMPARTMENT,
                                                     vector_store_connector_id=connector.id, sort_by='displayName', limit=1).data
    assert [(s.display_name, s.lifecycle_state) for s in syncs] == [('oracle-cancelled', 'CANCELED'), ('oracle-sync', 'SUCCEEDED')]
    assert isinstance(syncs[0], models.VectorStoreConnectorFileSyncSummary)
    assert genai.delete_vector_store_connector(connector.id).status == 202


def test_the_emulator_refuses_what_the_models_refuse(oci, genai):
    call = genai.base_client.call_api
    for path, body in (
            ('/hostedApplications', {'compartmentId': TEST_COMPARTMENT, 'displayName': 'x'}),  # inboundAuthConfig is required
            ('/hostedApplicationStorages', {'compartmentId': TEST_COMPARTMENT, 'displayName': 'x', 'storageType': 'DISK'}),
            ('/vectorStoreConnectorFileSyncs', {'vectorStoreConnectorId': 'x', 'compartmentId': TEST_COMPARTMENT}),
            ('/vectorStoreConnectors', {'compartmentId': TEST_COMPARTMENT, 'vectorStoreId': VECTOR_STORE, 'displayName': 'x',
                                        'configuration': {'type': 'OBJECT_STORAGE_FILES', 'storageConfigList': []}})):
        with pytest.raises(oci.exceptions.ServiceError) as refused:
            call(resource_path=path, method='POST', body=body, header_params={'content-type': 'application/json'})
        assert refused.value.status == 400, path
