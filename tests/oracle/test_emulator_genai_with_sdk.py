"""The official `oci.generative_ai.GenerativeAiClient` drives every Endpoint, Model, ImportedModel and work-request
operation of the emulator and parses the answers into its own model classes (the cluster operations are in
test_emulator_with_sdk.py).
"""

import json
import os
import sys

import pytest

TESTS_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
if TESTS_DIR not in sys.path:
    sys.path.insert(0, TESTS_DIR)

from emulator import start_emulator  # noqa: E402
from emulator.config import TEST_COMPARTMENT  # noqa: E402
from emulator.testing import OCI_SDK_CONFIG, AdminClient  # noqa: E402

OTHER_COMPARTMENT = 'ocid1.compartment.oc1..aaaaaaaaothercompartment'
HF_TOKEN = 'hf_OracleTestAccessToken0123456789'
WAIT = {'max_interval_seconds': 1, 'max_wait_seconds': 30}


@pytest.fixture
def emulator():
    # transitions take 1 emulated second at 10x speed: 0.1 s of real time
    handle = start_emulator(delay=1.0, time_scale=10)
    yield handle
    handle.stop()


@pytest.fixture
def oci():
    return pytest.importorskip('oci')


@pytest.fixture
def genai(emulator, oci):
    return oci.generative_ai.GenerativeAiClient(OCI_SDK_CONFIG, service_endpoint=emulator.url)


@pytest.fixture
def composite(oci, genai):
    return oci.generative_ai.GenerativeAiClientCompositeOperations(genai)


def active_cluster(oci, composite, cluster_type, name):
    details = oci.generative_ai.models.CreateDedicatedAiClusterDetails(
        compartment_id=TEST_COMPARTMENT, type=cluster_type, unit_shape='LARGE_COHERE', unit_count=1, display_name=name)
    done = composite.create_dedicated_ai_cluster_and_wait_for_state(details, wait_for_states=['SUCCEEDED'], waiter_kwargs=WAIT)
    return done.data.resources[0].identifier


def base_model(oci, genai, name):
    models = oci.pagination.list_call_get_all_results(genai.list_models, compartment_id=TEST_COMPARTMENT, display_name=name).data
    assert len(models) == 1
    return models[0]


def test_models_catalogue_fine_tuning_and_custom_model_operations(emulator, oci, genai, composite):
    models = oci.generative_ai.models
    everything = oci.pagination.list_call_get_all_results(genai.list_models, compartment_id=TEST_COMPARTMENT, limit=2).data
    assert all(isinstance(item, models.ModelSummary) for item in everything)
    assert {item.type for item in everything} == {'BASE'} and len(everything) >= 6
    tunable = genai.list_models(compartment_id=TEST_COMPARTMENT, capability=['FINE_TUNE'], vendor='cohere', sort_by='displayName').data.items
    assert [item.display_name for item in tunable] == ['cohere.command-r-08-2024']
    either = genai.list_models(compartment_id=OTHER_COMPARTMENT, capability=['TEXT_EMBEDDINGS', 'TEXT_RERANK']).data.items
    assert {item.display_name for item in either} >= {'cohere.embed-english-v3.0', 'cohere.rerank.3-5'}
    base = genai.get_model(tunable[0].id).data
    assert isinstance(base, models.Model) and base.capabilities == ['CHAT', 'FINE_TUNE'] and base.is_long_term_supported is True

    cluster_id = active_cluster(oci, composite, 'FINE_TUNING', 'oracle-ft')
    details = models.CreateModelDetails(
        compartment_id=TEST_COMPARTMENT, base_model_id=base.id, display_name='oracle-custom', vendor='cohere', version='1',
        fine_tune_details=models.FineTuneDetails(
            dedicated_ai_cluster_id=cluster_id,
            training_dataset=models.ObjectStorageDataset(namespace_name='ns', bucket_name='b', object_name='train.jsonl'),
            training_config=models.LoraTrainingConfig(total_training_epochs=3, learning_rate=0.0002, lora_r=8, lora_alpha=16,
                                                      lora_dropout=0.1)))
    done = composite.create_model_and_wait_for_state(details, wait_for_states=['SUCCEEDED', 'FAILED'], waiter_kwargs=WAIT)
    assert done.data.status == 'SUCCEEDED' and done.data.operation_type == 'CREATE_MODEL'
    model_id = done.data.resources[0].identifier
    custom = genai.get_model(model_id)
    assert custom.data.type == 'CUSTOM' and custom.data.lifecycle_state == 'ACTIVE' and custom.data.base_model_id == base.id
    assert isinstance(custom.data.fine_tune_details.training_config, models.LoraTrainingConfig)
    assert custom.data.fine_tune_details.training_config.lora_r == 8
    assert isinstance(custom.data.fine_tune_details.training_dataset, models.ObjectStorageDataset)
    assert isinstance(custom.data.model_metrics, models.ChatModelMetrics) and custom.data.model_metrics.final_accuracy > 0

    for config in (models.TFewTrainingConfig(total_training_epochs=1), models.VanillaTrainingConfig(num_of_last_layers=2)):
        details.fine_tune_details.training_config = config
        details.display_name = 'oracle-' + config.training_config_type
        other = genai.create_model(details).data
        assert type(other.fine_tune_details.training_config) is type(config)

    updated = genai.update_model(model_id, models.UpdateModelDetails(display_name='oracle-custom-2', description='d'),
                                 if_match=custom.headers['etag'])
    assert updated.data.display_name == 'oracle-custom-2' and updated.data.lifecycle_state == 'ACTIVE'
    assert 'opc-work-request-id' not in updated.headers
    with pytest.raises(oci.exceptions.ServiceError) as read_only:
        genai.update_model(base.id, models.UpdateModelDetails(display_name='mine'))
    assert read_only.value.status == 400

    mine = genai.list_models(compartment_id=TEST_COMPARTMENT, id=model_id).data.items
    assert [item.display_name for item in mine] == ['oracle-custom-2'] and mine[0].fine_tune_details.dedicated_ai_cluster_id == cluster_id
    moved = genai.change_model_compartment(model_id, models.ChangeModelCompartmentDetails(compartment_id=OTHER_COMPARTMENT))
    assert moved.status == 204 and genai.get_model(model_id).data.compartment_id == OTHER_COMPARTMENT

    with pytest.raises(oci.exceptions.ServiceError) as busy:
        genai.delete_dedicated_ai_cluster(cluster_id, retry_strategy=oci.retry.NoneRetryStrategy())  # the SDK retries 409s
    assert busy.value.status == 409 and model_id in busy.value.message
    deleted = composite.delete_model_and_wait_for_state(model_id, wait_for_states=['SUCCEEDED'], waiter_kwargs=WAIT)
    assert deleted.data.operation_type == 'DELETE_MODEL' and deleted.data.resources[0].action_type == 'DELETED'
    assert genai.get_model(model_id).data.lifecycle_state == 'DELETED'


def test_endpoint_operations(emulator, oci, genai, composite):
    models = oci.generative_ai.models
    cluster_id = active_cluster(oci, composite, 'HOSTING', 'oracle-hosting')
    model_id = base_model(oci, genai, 'meta.llama-3.3-70b-instruct').id
    details = models.CreateEndpointDetails(
        compartment_id=TEST_COMPARTMENT, dedicated_ai_cluster_id=cluster_id, model_id=model_id, display_name='oracle-ep',
        content_moderation_config=models.ContentModerationConfig(is_enabled=True, mode='BLOCK'),
        prompt_injection_config=models.PromptInjectionConfig(is_enabled=False),
        pii_detection_config=models.PiiDetectionConfig(is_enabled=True, mode='REDACT'))
    created = composite.create_endpoint_and_wait_for_state(details, wait_for_states=['SUCCEEDED', 'FAILED'], waiter_kwargs=WAIT)
    assert created.data.status == 'SUCCEEDED' and created.data.operation_type == 'CREATE_ENDPOINT'
    endpoint_id = created.data.resources[0].identifier
    endpoint = genai.get_endpoint(endpoint_id)
    assert isinstance(endpoint.data, models.Endpoint) and endpoint.data.lifecycle_state == 'ACTIVE'
    assert endpoint.data.content_moderation_config.mode == 'BLOCK' and endpoint.data.pii_detection_config.mode == 'REDACT'
    assert endpoint.data.prompt_injection_config.is_enabled is False
    assert genai.get_dedicated_ai_cluster(cluster_id).data.capacity.used_endpoint_capacity == 1

    for number in range(3):
        details.display_name = 'oracle-ep-%d' % number
        genai.create_endpoint(details)
    everything = oci.pagination.list_call_get_all_results(genai.list_endpoints, compartment_id=TEST_COMPARTMENT, limit=2,
                                                          sort_by='displayName', sort_order='ASC').data
    assert [item.display_name for item in everything] == ['oracle-ep', 'oracle-ep-0', 'oracle-ep-1', 'oracle-ep-2']
    assert all(isinstance(item, models.EndpointSummary) for item in everything)
    assert [item.id for item in genai.list_endpoints(compartment_id=TEST_COMPARTMENT, lifecycle_state='ACTIVE', id=endpoint_id).data.items] \
        == [endpoint_id]

    with pytest.raises(oci.exceptions.ServiceError) as stale:
        genai.update_endpoint(endpoint_id, models.UpdateEndpointDetails(display_name='x'), if_match='stale')
    assert stale.value.status == 412
    update = models.UpdateEndpointDetails(display_name='oracle-ep-renamed',
                                          content_moderation_config=models.ContentModerationConfig(is_enabled=True, mode='INFORM'))
    updating = genai.update_endpoint(endpoint_id, update, if_match=endpoint.headers['etag'])
    assert updating.data.lifecycle_state == 'UPDATING' and updating.data.previous_state.display_name == 'oracle-ep'
    done = oci.wait_until(genai, genai.get_work_request(updating.headers['opc-work-request-id']), 'status', 'SUCCEEDED', **WAIT)
    assert done.data.operation_type == 'UPDATE_ENDPOINT'
    assert genai.get_endpoint(endpoint_id).data.content_moderation_config.mode == 'INFORM'

    moved = genai.change_endpoint_compartment(endpoint_id, models.ChangeEndpointCompartmentDetails(compartment_id=OTHER_COMPARTMENT))
    assert moved.status == 204
    with pytest.raises(oci.exceptions.ServiceError) as busy:
        genai.delete_dedicated_ai_cluster(cluster_id, retry_strategy=oci.retry.NoneRetryStrategy())  # the SDK retries 409s
    assert busy.value.status == 409 and busy.value.code == 'IncorrectState' and endpoint_id in busy.value.message
    deleted = composite.delete_endpoint_and_wait_for_state(endpoint_id, wait_for_states=['SUCCEEDED'], waiter_kwargs=WAIT)
    assert deleted.data.operation_type == 'DELETE_ENDPOINT'
    assert genai.get_endpoint(endpoint_id).data.lifecycle_state == 'DELETED'

    with pytest.raises(oci.exceptions.ServiceError) as wrong_cluster:
        details.dedicated_ai_cluster_id = 'ocid1.generativeaidedicatedaicluster.oc1.us-chicago-1.nope'
        genai.create_endpoint(details)
    assert wrong_cluster.value.status == 404 and 'dedicatedAiClusterId' in wrong_cluster.value.message


def test_imported_model_operations_and_work_requests(emulator, oci, genai, composite):
    models = oci.generative_ai.models
    hugging_face = models.CreateImportedModelDetails(
        compartment_id=TEST_COMPARTMENT, display_name='oracle-hf', vendor='meta', capabilities=['TEXT_TO_TEXT'],
        data_source=models.HuggingFaceModel(model_id='meta-llama/Llama-3.1-8B', access_token=HF_TOKEN, branch='main'))
    created = composite.create_imported_model_and_wait_for_state(hugging_face, wait_for_states=['SUCCEEDED', 'FAILED'],
                                                                 waiter_kwargs=WAIT)
    assert created.data.status == 'SUCCEEDED' and created.data.operation_type == 'CREATE_IMPORTED_MODEL'
    imported_id = created.data.resources[0].identifier
    imported = genai.get_imported_model(imported_id)
    assert isinstance(imported.data.data_source, models.HuggingFaceModel) and imported.data.data_source.access_token is None
    assert imported.data.data_source.model_id == 'meta-llama/Llama-3.1-8B' and imported.data.capabilities == ['TEXT_TO_TEXT']
    storage = genai.create_imported_model(models.CreateImportedModelDetails(
        compartment_id=TEST_COMPARTMENT, display_name='oracle-os', capabilities=['EMBEDDING'],
        data_source=models.ObjectStorageObject(namespace_name='ns', bucket_name='b', prefix_name='models/', region='us-ashburn-1'))).data
    assert isinstance(storage.data_source, models.ObjectStorageObject) and storage.data_source.prefix_name == 'models/'

    everything = oci.pagination.list_call_get_all_results(genai.list_imported_models, compartment_id=TEST_COMPARTMENT, limit=1).data
    assert sorted(item.display_name for item in everything) == ['oracle-hf', 'oracle-os']
    assert all(isinstance(item, models.ImportedModelSummary) for item in everything)
    embedding = genai.list_imported_models(compartment_id=TEST_COMPARTMENT, capability=['EMBEDDING', 'RERANK']).data.items
    assert [item.id for item in embedding] == [storage.id]
    assert [item.id for item in genai.list_imported_models(compartment_id=TEST_COMPARTMENT, vendor='meta').data.items] == [imported_id]

    updated = composite.update_imported_model_and_wait_for_state(
        imported_id, models.UpdateImportedModelDetails(display_name='oracle-hf-2', version='2'), wait_for_states=['SUCCEEDED'],
        operation_kwargs={'if_match': imported.headers['etag']}, waiter_kwargs=WAIT)
    assert updated.data.operation_type == 'UPDATE_IMPORTED_MODEL'
    assert genai.get_imported_model(imported_id).data.version == '2'
    moved = genai.change_imported_model_compartment(imported_id, models.ChangeImportedModelCompartmentDetails(compartment_id=OTHER_COMPARTMENT))
    assert moved.status == 204 and genai.get_imported_model(imported_id).data.compartment_id == OTHER_COMPARTMENT

    deleted = composite.delete_imported_model_and_wait_for_state(imported_id, wait_for_states=['SUCCEEDED'], waiter_kwargs=WAIT)
    assert deleted.data.operation_type == 'DELETE_IMPORTED_MODEL'

    work_requests = oci.pagination.list_call_get_all_results(genai.list_work_requests, compartment_id=TEST_COMPARTMENT,
                                                             resource_id=imported_id, limit=1).data
    assert [item.operation_type for item in work_requests] == ['UPDATE_IMPORTED_MODEL', 'CREATE_IMPORTED_MODEL']
    assert all(isinstance(item, models.WorkRequestSummary) for item in work_requests)
    after_the_move = genai.list_work_requests(compartment_id=OTHER_COMPARTMENT, resource_id=imported_id).data.items
    assert [item.operation_type for item in after_the_move] == ['DELETE_IMPORTED_MODEL']
    succeeded = genai.list_work_requests(compartment_id=TEST_COMPARTMENT, status='SUCCEEDED', work_request_id=created.data.id).data.items
    assert [item.id for item in succeeded] == [created.data.id]
    work_request = genai.get_work_request(created.data.id)
    assert isinstance(work_request.data, models.WorkRequest) and work_request.headers['retry-after']
    logs = oci.pagination.list_call_get_all_results(genai.list_work_request_logs, created.data.id, limit=1, sort_by='timestamp',
                                                    sort_order='ASC').data
    assert [entry.message for entry in logs][0] == 'CREATE_IMPORTED_MODEL accepted.'
    assert logs[-1].message.endswith('is ACTIVE. CREATE_IMPORTED_MODEL succeeded.') and len(logs) == 4
    assert oci.pagination.list_call_get_all_results(genai.list_work_request_errors, created.data.id).data == []

    admin = AdminClient(emulator.url)
    text = json.dumps(admin.requests_log()) + genai.get_imported_model(imported_id).data.__repr__()
    assert HF_TOKEN not in text


@pytest.mark.parametrize('kind', ['Endpoint', 'Model', 'ImportedModel'])
def test_failed_work_requests_have_errors(emulator, oci, genai, composite, kind):
    models = oci.generative_ai.models
    if kind == 'Endpoint':
        cluster_id = active_cluster(oci, composite, 'HOSTING', 'oracle-hosting')
        model_id = base_model(oci, genai, 'cohere.command-a-03-2025').id
        create = composite.create_endpoint_and_wait_for_state
        details = models.CreateEndpointDetails(compartment_id=TEST_COMPARTMENT, dedicated_ai_cluster_id=cluster_id, model_id=model_id)
    elif kind == 'Model':
        cluster_id = active_cluster(oci, composite, 'FINE_TUNING', 'oracle-ft')
        create = composite.create_model_and_wait_for_state
        details = models.CreateModelDetails(
            compartment_id=TEST_COMPARTMENT, base_model_id=base_model(oci, genai, 'meta.llama-3.1-70b-instruct').id,
            fine_tune_details=models.FineTuneDetails(
                dedicated_ai_cluster_id=cluster_id,
                training_dataset=models.ObjectStorageDataset(namespace_name='ns', bucket_name='b', object_name='o')))
    else:
        create = composite.create_imported_model_and_wait_for_state
        details = models.CreateImportedModelDetails(compartment_id=TEST_COMPARTMENT, data_source=models.HuggingFaceModel(model_id='a/b'))
    AdminClient(emulator.url).put('/settings', {'next_outcome': {kind: 'FAILED'}})
    result = create(details, wait_for_states=['SUCCEEDED', 'FAILED'], waiter_kwargs=WAIT)
    assert result.data.status == 'FAILED' and result.data.resources[0].action_type == 'FAILED'
    errors = genai.list_work_request_errors(result.data.id).data.items
    assert len(errors) == 1 and isinstance(errors[0], models.WorkRequestError) and errors[0].code and errors[0].message
