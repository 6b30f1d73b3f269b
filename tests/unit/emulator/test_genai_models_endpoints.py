"""OCI Generative AI: base/custom models, imported models, endpoints and their work requests, on the wire."""

import json
import time

import pytest

from emulator.config import TEST_COMPARTMENT, TEST_TENANCY
from emulator.genai_catalogue import BASE_MODELS
from emulator.oci_common import stable_ocid

API = '/20231130'
CLUSTERS = API + '/dedicatedAiClusters'
ENDPOINTS = API + '/endpoints'
MODELS = API + '/models'
IMPORTED = API + '/importedModels'
WORK_REQUESTS = API + '/workRequests'
OTHER_COMPARTMENT = 'ocid1.compartment.oc1..aaaaaaaaothercompartment'
HF_TOKEN = 'hf_SecretAccessToken0123456789'


def base_model_id(name):
    return stable_ocid('generativeaimodel', 'us-chicago-1', name)


def error_of(response, status):
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {'code', 'message'} and response.headers['opc-request-id']
    return body['code'], body['message']


def created(response):
    assert response.status_code == 200, response.text
    return response.json()


def finish_transitions(admin):
    """Run the clock 100000x fast for a moment: pending transitions (delay up to 1000 s) end."""
    admin.put('/settings', {'time_scale': 100000})
    time.sleep(0.01)
    admin.put('/settings', {'time_scale': 1})


def listed(oci, path, **params):
    response = oci.get(path, params=dict({'compartmentId': TEST_COMPARTMENT}, **params))
    assert response.status_code == 200, response.text
    return response.json()['items']


def cluster(oci, admin, cluster_type='HOSTING', name='cluster'):
    body = {'compartmentId': TEST_COMPARTMENT, 'type': cluster_type, 'unitShape': 'LARGE_COHERE', 'unitCount': 1, 'displayName': name}
    cluster_id = created(oci.post(CLUSTERS, body))['id']
    finish_transitions(admin)
    return cluster_id


def fine_tune_body(cluster_id, **changes):
    body = {'compartmentId': TEST_COMPARTMENT, 'baseModelId': base_model_id('cohere.command-r-08-2024'), 'displayName': 'tuned',
            'fineTuneDetails': {'dedicatedAiClusterId': cluster_id,
                                'trainingDataset': {'datasetType': 'OBJECT_STORAGE', 'namespaceName': 'ns', 'bucketName': 'b',
                                                    'objectName': 'train.jsonl'},
                                'trainingConfig': {'trainingConfigType': 'LORA_TRAINING_CONFIG', 'totalTrainingEpochs': 3,
                                                   'learningRate': 0.0002, 'loraR': 8, 'loraAlpha': 16, 'loraDropout': 0.1}}}
    body.update(changes)
    return body


def endpoint_body(cluster_id, model_id, **changes):
    body = {'compartmentId': TEST_COMPARTMENT, 'dedicatedAiClusterId': cluster_id, 'modelId': model_id, 'displayName': 'ep',
            'contentModerationConfig': {'isEnabled': True, 'mode': 'BLOCK'}}
    body.update(changes)
    return body


def imported_body(**changes):
    body = {'compartmentId': TEST_COMPARTMENT, 'displayName': 'imported', 'vendor': 'meta', 'capabilities': ['TEXT_TO_TEXT'],
            'dataSource': {'sourceType': 'HUGGING_FACE_MODEL', 'modelId': 'meta-llama/Llama-3.1-8B', 'accessToken': HF_TOKEN,
                           'branch': 'main'}}
    body.update(changes)
    return body


def work_request(oci, response):
    return oci.get(WORK_REQUESTS + '/' + response.headers['opc-work-request-id']).json()


# ---- base models -----------------------------------------------------------------------------

def test_base_models_are_listed_in_every_compartment(oci):
    for compartment in (TEST_COMPARTMENT, OTHER_COMPARTMENT):
        items = oci.get(MODELS, params={'compartmentId': compartment}).json()['items']
        assert sorted(item['displayName'] for item in items) == sorted(entry[0] for entry in BASE_MODELS)
    command_r = oci.get(MODELS + '/' + base_model_id('cohere.command-r-08-2024'))
    assert command_r.status_code == 200 and command_r.headers['etag']
    model = command_r.json()
    assert model['id'].startswith('ocid1.generativeaimodel.oc1.us-chicago-1.amaaaaaa') and len(model['id'].split('.')[-1]) == 60
    assert {key: model[key] for key in ('type', 'vendor', 'capabilities', 'lifecycleState', 'compartmentId')} == {
        'type': 'BASE', 'vendor': 'cohere', 'capabilities': ['CHAT', 'FINE_TUNE'], 'lifecycleState': 'ACTIVE',
        'compartmentId': TEST_TENANCY}
    assert model['isLongTermSupported'] is True and model['version'] and model['timeCreated'].endswith('Z')
    assert 'baseModelId' not in model and 'fineTuneDetails' not in model
    summary = listed(oci, MODELS, displayName='cohere.rerank.3-5')
    assert [item['capabilities'] for item in summary] == [['TEXT_RERANK']]


def test_base_models_are_read_only(oci):
    model_path = MODELS + '/' + base_model_id('meta.llama-3.3-70b-instruct')
    for response in (oci.put(model_path, {'displayName': 'mine'}), oci.delete(model_path),
                     oci.post(model_path + '/actions/changeCompartment', {'compartmentId': OTHER_COMPARTMENT})):
        code, message = error_of(response, 400)
        assert code == 'InvalidParameter' and 'read-only' in message
    assert oci.get(model_path).json()['displayName'] == 'meta.llama-3.3-70b-instruct'


def test_list_models_filters_sorting_and_paging(oci):
    def names(**params):
        return [item['displayName'] for item in listed(oci, MODELS, **params)]

    assert names(vendor='meta', sortBy='displayName') == ['meta.llama-3.1-70b-instruct', 'meta.llama-3.2-90b-vision-instruct',
                                                          'meta.llama-3.3-70b-instruct']
    assert sorted(names(capability='FINE_TUNE')) == ['cohere.command-r-08-2024', 'meta.llama-3.1-70b-instruct']
    # repeated values: a model matches when it has any of them
    response = oci.request('GET', MODELS + '?compartmentId=%s&capability=TEXT_EMBEDDINGS&capability=TEXT_RERANK&sortBy=displayName'
                           % TEST_COMPARTMENT)
    assert [item['displayName'] for item in response.json()['items']] == [
        'cohere.embed-english-v3.0', 'cohere.embed-multilingual-v3.0', 'cohere.rerank.3-5']
    assert names(capability='TEXT_TO_IMAGE') == []
    assert names(displayName='cohere.command-a-03-2025') == ['cohere.command-a-03-2025']
    assert names(id=base_model_id('cohere.rerank.3-5')) == ['cohere.rerank.3-5']
    assert names(lifecycleState='DELETED') == []
    assert names(sortBy='displayName', sortOrder='DESC')[0] == 'meta.llama-3.3-70b-instruct'
    assert names()[0] == 'cohere.command-a-03-2025'  # timeCreated, newest first
    code, message = error_of(oci.get(MODELS, params={'compartmentId': TEST_COMPARTMENT, 'capability': 'TEXT_TO_TEXT'}), 400)
    assert code == 'InvalidParameter' and 'capability' in message
    assert error_of(oci.get(MODELS, params={'compartmentId': TEST_COMPARTMENT, 'lifecycleState': 'UPDATING'}), 400)[0] == 'InvalidParameter'
    assert error_of(oci.get(MODELS, params={'compartmentId': TEST_COMPARTMENT, 'sortBy': 'vendor'}), 400)[0] == 'InvalidParameter'

    pages, token = [], None
    while True:
        response = oci.get(MODELS, params=dict({'compartmentId': TEST_COMPARTMENT, 'limit': 4}, **({'page': token} if token else {})))
        pages.append(len(response.json()['items']))
        token = response.headers.get('opc-next-page')
        if not token:
            break
    assert pages == [4, 4, 1]


# ---- custom models (fine-tuning) ---------------------------------------------------------------

def test_fine_tuning_lifecycle_and_synchronous_update(oci, admin):
    cluster_id = cluster(oci, admin, 'FINE_TUNING')
    response = oci.post(MODELS, fine_tune_body(cluster_id, description='first try', freeformTags={'team': 'ml'}))
    model = created(response)
    assert model['id'].startswith('ocid1.generativeaimodel.oc1.us-chicago-1.') and model['lifecycleState'] == 'CREATING'
    assert model['type'] == 'CUSTOM' and model['capabilities'] == ['CHAT']
    assert model['baseModelId'] == base_model_id('cohere.command-r-08-2024') and 'modelMetrics' not in model
    assert model['fineTuneDetails']['trainingConfig'] == {'trainingConfigType': 'LORA_TRAINING_CONFIG', 'totalTrainingEpochs': 3,
                                                          'learningRate': 0.0002, 'loraR': 8, 'loraAlpha': 16, 'loraDropout': 0.1}
    assert work_request(oci, response)['operationType'] == 'CREATE_MODEL'
    path = MODELS + '/' + model['id']

    finish_transitions(admin)
    active = oci.get(path)
    assert active.json()['lifecycleState'] == 'ACTIVE'
    metrics = active.json()['modelMetrics']
    assert metrics['modelMetricsType'] == 'CHAT_MODEL_METRICS' and 0 < metrics['finalAccuracy'] < 1 and metrics['finalLoss'] > 0
    assert [item['id'] for item in listed(oci, MODELS, displayName='tuned')] == [model['id']]
    assert listed(oci, MODELS, id=model['id'])[0].keys() >= {'modelMetrics', 'fineTuneDetails', 'baseModelId'}
    assert 'description' not in listed(oci, MODELS, id=model['id'])[0]  # ModelSummary has no description
    assert oci.get(MODELS, params={'compartmentId': OTHER_COMPARTMENT, 'id': model['id']}).json()['items'] == []

    assert error_of(oci.put(path, {'displayName': 'x'}, headers={'if-match': 'stale'}), 412)[0] == 'NoEtagMatch'
    updated = oci.put(path, {'displayName': 'tuned-v2', 'vendor': 'acme', 'version': '2'}, headers={'if-match': active.headers['etag']})
    assert updated.status_code == 200 and 'opc-work-request-id' not in updated.headers
    assert updated.json()['lifecycleState'] == 'ACTIVE' and updated.json()['displayName'] == 'tuned-v2' and updated.json()['timeUpdated']
    assert updated.headers['etag'] != active.headers['etag']
    assert oci.get(path).json()['vendor'] == 'acme'
    for immutable in ({'baseModelId': base_model_id('meta.llama-3.1-70b-instruct')}, {'fineTuneDetails': {}}, {'type': 'BASE'}):
        assert error_of(oci.put(path, immutable), 400)[0] == 'InvalidParameter'
    assert not [wr for wr in listed(oci, WORK_REQUESTS, resourceId=model['id']) if wr['operationType'] != 'CREATE_MODEL']

    moved = oci.post(path + '/actions/changeCompartment', {'compartmentId': OTHER_COMPARTMENT})
    assert moved.status_code == 204 and oci.get(path).json()['compartmentId'] == OTHER_COMPARTMENT
    deleted = oci.delete(path)
    assert deleted.status_code == 202 and work_request(oci, deleted)['operationType'] == 'DELETE_MODEL'
    assert oci.get(path).json()['lifecycleState'] == 'DELETING'
    finish_transitions(admin)
    assert oci.get(path).json()['lifecycleState'] == 'DELETED'


def test_fine_tuning_training_configs(oci, admin):
    cluster_id = cluster(oci, admin, 'FINE_TUNING')
    details = fine_tune_body(cluster_id)['fineTuneDetails']
    for config in ({'trainingConfigType': 'TFEW_TRAINING_CONFIG', 'earlyStoppingPatience': 2, 'earlyStoppingThreshold': 0.01},
                   {'trainingConfigType': 'VANILLA_TRAINING_CONFIG', 'numOfLastLayers': 4, 'logModelMetricsIntervalInSteps': 0}):
        body = fine_tune_body(cluster_id, fineTuneDetails=dict(details, trainingConfig=config))
        assert created(oci.post(MODELS, body))['fineTuneDetails']['trainingConfig'] == config
    without_config = {key: value for key, value in details.items() if key != 'trainingConfig'}
    assert 'trainingConfig' not in created(oci.post(MODELS, fine_tune_body(cluster_id, fineTuneDetails=without_config)))['fineTuneDetails']


@pytest.mark.parametrize('change, status, code, named', [
    ({'trainingConfig': {'trainingConfigType': 'TFEW_TRAINING_CONFIG', 'loraR': 8}}, 400, 'InvalidParameter',
     'fineTuneDetails.trainingConfig.loraR'),
    ({'trainingConfig': {'trainingConfigType': 'LORA_TRAINING_CONFIG', 'numOfLastLayers': 2}}, 400, 'InvalidParameter',
     'fineTuneDetails.trainingConfig.numOfLastLayers'),
    ({'trainingConfig': {'totalTrainingEpochs': 2}}, 400, 'MissingParameter', 'fineTuneDetails.trainingConfig.trainingConfigType'),
    ({'trainingConfig': {'trainingConfigType': 'QLORA_TRAINING_CONFIG'}}, 400, 'InvalidParameter', 'trainingConfigType'),
    ({'trainingConfig': {'trainingConfigType': 'LORA_TRAINING_CONFIG', 'learningRate': 'fast'}}, 400, 'InvalidParameter', 'learningRate'),
    ({'trainingConfig': {'trainingConfigType': 'LORA_TRAINING_CONFIG', 'loraR': 8.5}}, 400, 'InvalidParameter', 'loraR'),
    ({'trainingDataset': {'datasetType': 'OBJECT_STORAGE', 'namespaceName': 'ns', 'objectName': 'o'}}, 400, 'MissingParameter',
     'fineTuneDetails.trainingDataset.bucketName'),
    ({'trainingDataset': {'datasetType': 'HUGGING_FACE', 'namespaceName': 'ns'}}, 400, 'InvalidParameter', 'datasetType'),
    ({'trainingDataset': None}, 400, 'MissingParameter', 'fineTuneDetails.trainingDataset'),
    ({'dedicatedAiClusterId': 'ocid1.generativeaidedicatedaicluster.oc1.us-chicago-1.nope'}, 404, 'NotAuthorizedOrNotFound',
     'dedicatedAiClusterId'),
])
def test_fine_tuning_details_are_checked(oci, admin, change, status, code, named):
    cluster_id = cluster(oci, admin, 'FINE_TUNING')
    details = dict(fine_tune_body(cluster_id)['fineTuneDetails'], **change)
    got_code, message = error_of(oci.post(MODELS, fine_tune_body(cluster_id, fineTuneDetails={k: v for k, v in details.items() if v is not None})),
                                 status)
    assert got_code == code and named in message
    assert not [item for item in listed(oci, MODELS) if item['type'] == 'CUSTOM']


def test_fine_tuning_needs_a_tunable_base_model_and_an_active_fine_tuning_cluster(oci, admin):
    fine_tuning = cluster(oci, admin, 'FINE_TUNING')
    hosting = cluster(oci, admin, 'HOSTING')
    code, message = error_of(oci.post(MODELS, fine_tune_body(fine_tuning, baseModelId=base_model_id('cohere.command-r-plus-08-2024'))), 400)
    assert code == 'InvalidParameter' and 'baseModelId' in message and 'FINE_TUNE' in message
    code, message = error_of(oci.post(MODELS, fine_tune_body(fine_tuning, baseModelId='ocid1.generativeaimodel.oc1.us-chicago-1.nope')), 404)
    assert code == 'NotAuthorizedOrNotFound' and 'baseModelId' in message
    code, message = error_of(oci.post(MODELS, fine_tune_body(hosting)), 400)
    assert 'fineTuneDetails.dedicatedAiClusterId' in message and 'FINE_TUNING' in message
    busy = created(oci.post(CLUSTERS, {'compartmentId': TEST_COMPARTMENT, 'type': 'FINE_TUNING', 'unitShape': 'SMALL_COHERE',
                                       'unitCount': 1}))['id']
    code, message = error_of(oci.post(MODELS, fine_tune_body(busy)), 400)
    assert 'fineTuneDetails.dedicatedAiClusterId' in message and 'CREATING' in message
    custom = created(oci.post(MODELS, fine_tune_body(fine_tuning)))['id']
    finish_transitions(admin)
    code, message = error_of(oci.post(MODELS, fine_tune_body(fine_tuning, baseModelId=custom)), 400)
    assert 'baseModelId' in message
    body = fine_tune_body(fine_tuning)
    del body['baseModelId']
    assert error_of(oci.post(MODELS, body), 400) == ('MissingParameter', 'Missing required field baseModelId.')
    assert error_of(oci.post(MODELS, fine_tune_body(fine_tuning, type='CUSTOM')), 400)[0] == 'InvalidParameter'


# ---- endpoints --------------------------------------------------------------------------------

def test_endpoint_lifecycle(oci, admin):
    cluster_id = cluster(oci, admin)
    model_id = base_model_id('meta.llama-3.3-70b-instruct')
    response = oci.post(ENDPOINTS, endpoint_body(cluster_id, model_id, piiDetectionConfig={'isEnabled': False}),
                        headers={'opc-retry-token': 'endpoint-1'})
    endpoint = created(response)
    assert endpoint['id'].startswith('ocid1.generativeaiendpoint.oc1.us-chicago-1.') and endpoint['lifecycleState'] == 'CREATING'
    assert endpoint['contentModerationConfig'] == {'isEnabled': True, 'mode': 'BLOCK'}
    assert endpoint['piiDetectionConfig'] == {'isEnabled': False} and 'promptInjectionConfig' not in endpoint
    assert response.headers['etag'] and work_request(oci, response)['operationType'] == 'CREATE_ENDPOINT'
    replay = oci.post(ENDPOINTS, endpoint_body(cluster_id, model_id, piiDetectionConfig={'isEnabled': False}),
                      headers={'opc-retry-token': 'endpoint-1'})
    assert replay.json()['id'] == endpoint['id'] and len(listed(oci, ENDPOINTS)) == 1
    assert oci.get(CLUSTERS + '/' + cluster_id).json()['capacity']['usedEndpointCapacity'] == 1

    path = ENDPOINTS + '/' + endpoint['id']
    assert error_of(oci.put(path, {'displayName': 'too-early'}), 409)[0] == 'IncorrectState'
    finish_transitions(admin)
    current = oci.get(path)
    assert current.json()['lifecycleState'] == 'ACTIVE' and 'lifecycleDetails' not in current.json()

    assert error_of(oci.put(path, {'displayName': 'x'}, headers={'if-match': 'stale'}), 412)[0] == 'NoEtagMatch'
    for immutable in ({'modelId': base_model_id('cohere.command-a-03-2025')}, {'dedicatedAiClusterId': cluster_id},
                      {'compartmentId': OTHER_COMPARTMENT}):
        code, message = error_of(oci.put(path, immutable), 400)
        assert code == 'InvalidParameter' and list(immutable)[0] in message
    unknown = oci.put(path, {'generativeAiPrivateEndpointId': 'ocid1.generativeaiprivateendpoint.oc1..pe'})
    assert error_of(unknown, 404)[0] == 'NotAuthorizedOrNotFound' and 'generativeAiPrivateEndpointId' in unknown.text
    private_endpoint = created(oci.post(API + '/generativeAiPrivateEndpoints', {
        'compartmentId': TEST_COMPARTMENT, 'subnetId': 'ocid1.subnet.oc1..s', 'dnsPrefix': 'pe', 'resourceType': 'ENDPOINT'}))['id']
    finish_transitions(admin)
    updated = oci.put(path, {'displayName': 'ep-2', 'contentModerationConfig': {'isEnabled': True, 'mode': 'INFORM'},
                             'generativeAiPrivateEndpointId': private_endpoint},
                      headers={'if-match': current.headers['etag']})
    assert updated.status_code == 200 and updated.json()['lifecycleState'] == 'UPDATING'
    assert updated.json()['previousState']['displayName'] == 'ep' and updated.json()['contentModerationConfig']['mode'] == 'INFORM'
    assert work_request(oci, updated)['operationType'] == 'UPDATE_ENDPOINT'
    summary = listed(oci, ENDPOINTS)[0]
    assert summary['lifecycleState'] == 'UPDATING' and 'previousState' not in summary
    finish_transitions(admin)
    after = oci.get(path).json()
    assert after['lifecycleState'] == 'ACTIVE' and 'previousState' not in after and after['displayName'] == 'ep-2'

    moved = oci.post(path + '/actions/changeCompartment', {'compartmentId': OTHER_COMPARTMENT})
    assert moved.status_code == 204 and 'opc-work-request-id' not in moved.headers
    assert listed(oci, ENDPOINTS) == [] and oci.get(path).json()['compartmentId'] == OTHER_COMPARTMENT
    deleted = oci.delete(path)
    assert deleted.status_code == 202 and work_request(oci, deleted)['operationType'] == 'DELETE_ENDPOINT'
    assert oci.get(path).json()['lifecycleState'] == 'DELETING'
    assert oci.get(CLUSTERS + '/' + cluster_id).json()['capacity']['usedEndpointCapacity'] == 1
    finish_transitions(admin)
    assert oci.get(path).json()['lifecycleState'] == 'DELETED'
    assert oci.get(CLUSTERS + '/' + cluster_id).json()['capacity']['usedEndpointCapacity'] == 0


def test_endpoint_references_are_checked(oci, admin):
    hosting = cluster(oci, admin)
    fine_tuning = cluster(oci, admin, 'FINE_TUNING')
    model_id = base_model_id('cohere.command-r-08-2024')
    missing_cluster = 'ocid1.generativeaidedicatedaicluster.oc1.us-chicago-1.nope'
    code, message = error_of(oci.post(ENDPOINTS, endpoint_body(missing_cluster, model_id)), 404)
    assert code == 'NotAuthorizedOrNotFound' and 'dedicatedAiClusterId' in message and missing_cluster in message
    code, message = error_of(oci.post(ENDPOINTS, endpoint_body(fine_tuning, model_id)), 400)
    assert code == 'InvalidParameter' and 'dedicatedAiClusterId' in message and 'HOSTING' in message
    code, message = error_of(oci.post(ENDPOINTS, endpoint_body(hosting, 'ocid1.generativeaimodel.oc1.us-chicago-1.nope')), 404)
    assert code == 'NotAuthorizedOrNotFound' and 'modelId' in message
    training = created(oci.post(MODELS, fine_tune_body(fine_tuning)))['id']
    code, message = error_of(oci.post(ENDPOINTS, endpoint_body(hosting, training)), 400)
    assert 'modelId' in message and 'CREATING' in message
    finish_transitions(admin)
    assert created(oci.post(ENDPOINTS, endpoint_body(hosting, training)))['modelId'] == training

    deleting = cluster(oci, admin, name='deleting')
    oci.delete(CLUSTERS + '/' + deleting)
    code, message = error_of(oci.post(ENDPOINTS, endpoint_body(deleting, model_id)), 400)
    assert 'dedicatedAiClusterId' in message and 'DELETING' in message
    finish_transitions(admin)
    assert error_of(oci.post(ENDPOINTS, endpoint_body(deleting, model_id)), 404)[0] == 'NotAuthorizedOrNotFound'


@pytest.mark.parametrize('change, code, named', [
    ({'contentModerationConfig': {'isEnabled': True, 'mode': 'WARN'}}, 'InvalidParameter', 'contentModerationConfig.mode'),
    ({'contentModerationConfig': {'mode': 'BLOCK'}}, 'MissingParameter', 'contentModerationConfig.isEnabled'),
    ({'contentModerationConfig': {'isEnabled': 'yes'}}, 'InvalidParameter', 'contentModerationConfig.isEnabled'),
    ({'promptInjectionConfig': {'isEnabled': True, 'threshold': 3}}, 'InvalidParameter', 'promptInjectionConfig.threshold'),
    ({'piiDetectionConfig': 'on'}, 'InvalidParameter', 'piiDetectionConfig'),
    ({'modelId': None}, 'MissingParameter', 'modelId'),
    ({'unitCount': 2}, 'InvalidParameter', 'unitCount'),
])
def test_endpoint_body_is_checked(oci, admin, change, code, named):
    body = {key: value for key, value in endpoint_body(cluster(oci, admin), base_model_id('cohere.command-a-03-2025'), **change).items()
            if value is not None}
    got_code, message = error_of(oci.post(ENDPOINTS, body), 400)
    assert got_code == code and named in message


def test_guardrail_modes_other_than_content_moderation_are_free_strings(oci, admin):
    body = endpoint_body(cluster(oci, admin), base_model_id('cohere.command-a-03-2025'),
                         promptInjectionConfig={'isEnabled': True, 'mode': 'ANYTHING', 'modelId': 'guard'})
    assert created(oci.post(ENDPOINTS, body))['promptInjectionConfig']['mode'] == 'ANYTHING'


def test_hosting_cluster_capacity_is_fifty_endpoints(oci, admin):
    cluster_id = cluster(oci, admin)
    model_id = base_model_id('cohere.command-a-03-2025')
    for number in range(50):
        created(oci.post(ENDPOINTS, endpoint_body(cluster_id, model_id, displayName='ep-%02d' % number)))
    code, message = error_of(oci.post(ENDPOINTS, endpoint_body(cluster_id, model_id)), 400)
    assert code == 'LimitExceeded' and cluster_id in message
    assert oci.get(CLUSTERS + '/' + cluster_id).json()['capacity']['usedEndpointCapacity'] == 50


def test_list_endpoints_filters_sorting_and_paging(oci, admin):
    cluster_id = cluster(oci, admin)
    model_id = base_model_id('cohere.command-a-03-2025')
    private_endpoint = created(oci.post(API + '/generativeAiPrivateEndpoints', {
        'compartmentId': TEST_COMPARTMENT, 'subnetId': 'ocid1.subnet.oc1..s', 'dnsPrefix': 'pe', 'resourceType': 'ENDPOINT'}))['id']
    finish_transitions(admin)
    first = created(oci.post(ENDPOINTS, endpoint_body(cluster_id, model_id, displayName='b-ep',
                                                      generativeAiPrivateEndpointId=private_endpoint)))
    finish_transitions(admin)
    second = created(oci.post(ENDPOINTS, endpoint_body(cluster_id, model_id, displayName='a-ep')))
    third = created(oci.post(ENDPOINTS, endpoint_body(cluster_id, model_id, displayName='c-ep', compartmentId=OTHER_COMPARTMENT)))

    def ids(**params):
        return [item['id'] for item in listed(oci, ENDPOINTS, **params)]

    assert ids() == [second['id'], first['id']]
    assert ids(sortBy='displayName') == [second['id'], first['id']]
    assert ids(sortBy='displayName', sortOrder='DESC') == [first['id'], second['id']]
    assert ids(lifecycleState='ACTIVE') == [first['id']] and ids(lifecycleState='CREATING') == [second['id']]
    assert ids(displayName='a-ep') == [second['id']] and ids(id=first['id']) == [first['id']]
    assert ids(generativeAiPrivateEndpointId=private_endpoint) == [first['id']]
    assert [item['id'] for item in oci.get(ENDPOINTS, params={'compartmentId': OTHER_COMPARTMENT}).json()['items']] == [third['id']]
    assert error_of(oci.get(ENDPOINTS, params={'compartmentId': TEST_COMPARTMENT, 'sortBy': 'lifecycleState'}), 400)[0] == 'InvalidParameter'
    assert error_of(oci.get(ENDPOINTS, params={'compartmentId': TEST_COMPARTMENT, 'lifecycleState': 'NEEDS_ATTENTION'}), 400)[0] == \
        'InvalidParameter'
    page = oci.get(ENDPOINTS, params={'compartmentId': TEST_COMPARTMENT, 'limit': 1})
    assert len(page.json()['items']) == 1 and page.headers['opc-next-page']
    rest = oci.get(ENDPOINTS, params={'compartmentId': TEST_COMPARTMENT, 'limit': 1, 'page': page.headers['opc-next-page']})
    assert [item['id'] for item in rest.json()['items']] == [first['id']] and 'opc-next-page' not in rest.headers


# ---- resources in use -------------------------------------------------------------------------

def test_deletes_are_refused_while_something_uses_the_resource(oci, admin):
    hosting = cluster(oci, admin, name='hosting')
    fine_tuning = cluster(oci, admin, 'FINE_TUNING', name='tuning')
    custom = created(oci.post(MODELS, fine_tune_body(fine_tuning, displayName='my-custom')))
    imported = created(oci.post(IMPORTED, imported_body()))
    finish_transitions(admin)
    on_custom = created(oci.post(ENDPOINTS, endpoint_body(hosting, custom['id'], displayName='serves-custom')))
    on_imported = created(oci.post(ENDPOINTS, endpoint_body(hosting, imported['id'], displayName='serves-imported')))

    code, message = error_of(oci.delete(MODELS + '/' + custom['id']), 409)
    assert code == 'IncorrectState' and on_custom['id'] in message and 'serves-custom' in message and on_imported['id'] not in message
    code, message = error_of(oci.delete(IMPORTED + '/' + imported['id']), 409)
    assert code == 'IncorrectState' and on_imported['id'] in message and 'serves-imported' in message
    code, message = error_of(oci.delete(CLUSTERS + '/' + hosting), 409)
    assert all(text in message for text in (on_custom['id'], 'serves-custom', on_imported['id'], 'serves-imported'))
    code, message = error_of(oci.delete(CLUSTERS + '/' + fine_tuning), 409)
    assert code == 'IncorrectState' and custom['id'] in message and 'my-custom' in message

    finish_transitions(admin)
    assert oci.delete(ENDPOINTS + '/' + on_custom['id']).status_code == 202
    assert error_of(oci.delete(MODELS + '/' + custom['id']), 409)[0] == 'IncorrectState'  # still DELETING
    finish_transitions(admin)
    assert oci.delete(MODELS + '/' + custom['id']).status_code == 202
    assert error_of(oci.delete(CLUSTERS + '/' + fine_tuning), 409)[0] == 'IncorrectState'
    finish_transitions(admin)
    assert oci.delete(CLUSTERS + '/' + fine_tuning).status_code == 202
    assert oci.delete(ENDPOINTS + '/' + on_imported['id']).status_code == 202
    finish_transitions(admin)
    assert oci.delete(IMPORTED + '/' + imported['id']).status_code == 202
    assert oci.delete(CLUSTERS + '/' + hosting).status_code == 202


# ---- imported models --------------------------------------------------------------------------

def test_imported_model_lifecycle_never_echoes_the_access_token(oci, admin):
    response = oci.post(IMPORTED, imported_body(), headers={'opc-retry-token': 'import-1'})
    model = created(response)
    assert model['id'].startswith('ocid1.generativeaiimportedmodel.oc1.us-chicago-1.') and model['lifecycleState'] == 'CREATING'
    assert model['dataSource'] == {'sourceType': 'HUGGING_FACE_MODEL', 'modelId': 'meta-llama/Llama-3.1-8B', 'branch': 'main'}
    assert model['capabilities'] == ['TEXT_TO_TEXT'] and model['vendor'] == 'meta'
    assert work_request(oci, response)['operationType'] == 'CREATE_IMPORTED_MODEL'
    replay = oci.post(IMPORTED, imported_body(), headers={'opc-retry-token': 'import-1'})
    assert replay.content == response.content
    path = IMPORTED + '/' + model['id']
    finish_transitions(admin)
    current = oci.get(path)
    assert current.json()['lifecycleState'] == 'ACTIVE'

    updated = oci.put(path, {'displayName': 'renamed', 'version': '3.1'}, headers={'if-match': current.headers['etag']})
    assert updated.json()['lifecycleState'] == 'UPDATING' and updated.json()['previousState']['displayName'] == 'imported'
    assert work_request(oci, updated)['operationType'] == 'UPDATE_IMPORTED_MODEL'
    code, message = error_of(oci.put(path, {'dataSource': {'sourceType': 'HUGGING_FACE_MODEL', 'modelId': 'x/y'}}), 400)
    assert 'dataSource' in message
    finish_transitions(admin)
    assert oci.get(path).json()['version'] == '3.1'
    assert oci.post(path + '/actions/changeCompartment', {'compartmentId': OTHER_COMPARTMENT}).status_code == 204
    assert listed(oci, IMPORTED) == [] and len(oci.get(IMPORTED, params={'compartmentId': OTHER_COMPARTMENT}).json()['items']) == 1
    deleted = oci.delete(path)
    assert deleted.status_code == 202 and work_request(oci, deleted)['operationType'] == 'DELETE_IMPORTED_MODEL'
    finish_transitions(admin)
    assert oci.get(path).json()['lifecycleState'] == 'DELETED'

    everything = [oci.get(path).text, json.dumps(admin.requests_log()), json.dumps(listed(oci, WORK_REQUESTS, resourceId=model['id']))]
    everything += [oci.get(WORK_REQUESTS + '/' + wr['id'] + '/logs').text for wr in listed(oci, WORK_REQUESTS, resourceId=model['id'])]
    assert all(HF_TOKEN not in text and 'accessToken' not in text for text in everything)


def test_imported_model_from_object_storage_and_list_filters(oci):
    source = {'sourceType': 'OBJECT_STORAGE_OBJECT', 'namespaceName': 'ns', 'bucketName': 'models', 'prefixName': 'llama/',
              'region': 'us-ashburn-1'}
    storage = created(oci.post(IMPORTED, imported_body(dataSource=source, displayName='b-storage', vendor='acme',
                                                       capabilities=['EMBEDDING'])))
    assert storage['dataSource'] == source
    hugging = created(oci.post(IMPORTED, imported_body(displayName='a-hf', capabilities=['TEXT_TO_TEXT', 'IMAGE_TEXT_TO_TEXT'])))
    bare = created(oci.post(IMPORTED, {'compartmentId': TEST_COMPARTMENT, 'dataSource': dict(source, prefixName='p/')}))
    assert 'capabilities' not in bare and bare['displayName'].startswith('importedmodel')

    def ids(query):
        response = oci.request('GET', IMPORTED + '?compartmentId=' + TEST_COMPARTMENT + query)
        assert response.status_code == 200, response.text
        return [item['id'] for item in response.json()['items']]

    assert ids('') == [bare['id'], hugging['id'], storage['id']]
    assert ids('&vendor=acme') == [storage['id']]
    assert ids('&capability=EMBEDDING&capability=IMAGE_TEXT_TO_TEXT&sortBy=displayName') == [hugging['id'], storage['id']]
    assert ids('&capability=RERANK') == []
    assert ids('&displayName=a-hf') == [hugging['id']] and ids('&id=' + storage['id']) == [storage['id']]
    assert ids('&lifecycleState=CREATING&sortBy=lifecycleState&limit=2') == [storage['id'], hugging['id']]  # ties: creation order
    assert error_of(oci.get(IMPORTED, params={'compartmentId': TEST_COMPARTMENT, 'capability': 'CHAT'}), 400)[0] == 'InvalidParameter'


@pytest.mark.parametrize('source, code, named', [
    ({'modelId': 'org/name'}, 'MissingParameter', 'dataSource.sourceType'),
    ({'sourceType': 'GIT_REPOSITORY', 'modelId': 'org/name'}, 'InvalidParameter', 'dataSource.sourceType'),
    ({'sourceType': 'HUGGING_FACE_MODEL', 'accessToken': HF_TOKEN}, 'MissingParameter', 'dataSource.modelId'),
    ({'sourceType': 'HUGGING_FACE_MODEL', 'modelId': 'org/name', 'accessToken': HF_TOKEN, 'prefixName': 'p'}, 'InvalidParameter',
     'dataSource.prefixName'),
    ({'sourceType': 'HUGGING_FACE_MODEL', 'modelId': 'org/name', 'accessToken': 12345}, 'InvalidParameter', 'dataSource.accessToken'),
    ({'sourceType': 'OBJECT_STORAGE_OBJECT', 'namespaceName': 'ns', 'bucketName': 'b'}, 'MissingParameter', 'dataSource.prefixName'),
])
def test_imported_model_data_source_is_checked(oci, source, code, named):
    got_code, message = error_of(oci.post(IMPORTED, imported_body(dataSource=source)), 400)
    assert got_code == code and named in message and HF_TOKEN not in message and '12345' not in message


def test_imported_model_capabilities_are_checked(oci):
    code, message = error_of(oci.post(IMPORTED, imported_body(capabilities=['CHAT'])), 400)
    assert code == 'InvalidParameter' and 'capabilities' in message and 'CHAT' in message
    assert error_of(oci.post(IMPORTED, imported_body(capabilities='TEXT_TO_TEXT')), 400)[0] == 'InvalidParameter'


# ---- work requests ----------------------------------------------------------------------------

def test_work_request_logs_tell_the_story_newest_first(oci, admin):
    cluster_id = cluster(oci, admin)
    admin.put('/settings', {'delay': 100})  # 100 emulated seconds: 10 s of real time before the work request starts
    response = oci.post(ENDPOINTS, endpoint_body(cluster_id, base_model_id('cohere.command-a-03-2025')))
    endpoint_id = response.json()['id']
    logs_path = WORK_REQUESTS + '/' + response.headers['opc-work-request-id'] + '/logs'
    assert [entry['message'] for entry in oci.get(logs_path).json()['items']] == ['CREATE_ENDPOINT accepted.']
    finish_transitions(admin)
    messages = [entry['message'] for entry in oci.get(logs_path, params={'sortOrder': 'ASC'}).json()['items']]
    assert messages == ['CREATE_ENDPOINT accepted.', 'Creating endpoint %s.' % endpoint_id,
                        'Creating endpoint %s: 50%% complete.' % endpoint_id,
                        'Endpoint %s is ACTIVE. CREATE_ENDPOINT succeeded.' % endpoint_id]
    newest_first = oci.get(logs_path).json()['items']
    assert [entry['message'] for entry in newest_first] == list(reversed(messages))
    assert all(set(entry) == {'message', 'timestamp'} for entry in newest_first)

    first_page = oci.get(logs_path, params={'limit': 3})
    assert len(first_page.json()['items']) == 3
    second_page = oci.get(logs_path, params={'limit': 3, 'page': first_page.headers['opc-next-page']})
    assert [entry['message'] for entry in second_page.json()['items']] == ['CREATE_ENDPOINT accepted.']
    assert 'opc-next-page' not in second_page.headers
    assert error_of(oci.get(logs_path, params={'sortBy': 'message'}), 400)[0] == 'InvalidParameter'
    assert oci.get(logs_path.replace('/logs', '/errors')).json() == {'items': []}

    deleted = oci.delete(ENDPOINTS + '/' + endpoint_id)
    finish_transitions(admin)
    delete_logs = oci.get(WORK_REQUESTS + '/' + deleted.headers['opc-work-request-id'] + '/logs').json()['items']
    assert delete_logs[0]['message'] == 'Endpoint %s is DELETED. DELETE_ENDPOINT succeeded.' % endpoint_id

    by_status = listed(oci, WORK_REQUESTS, status='SUCCEEDED', resourceId=endpoint_id, sortOrder='ASC')
    assert [wr['operationType'] for wr in by_status] == ['CREATE_ENDPOINT', 'DELETE_ENDPOINT']
    assert by_status[0]['resources'][0]['entityType'] == 'Endpoint' and by_status[0]['resources'][0]['entityUri'] == ENDPOINTS + '/' + endpoint_id
    assert listed(oci, WORK_REQUESTS, workRequestId=deleted.headers['opc-work-request-id'])[0]['operationType'] == 'DELETE_ENDPOINT'
    assert error_of(oci.get(WORK_REQUESTS, params={'compartmentId': TEST_COMPARTMENT, 'sortBy': 'timeFinished'}), 400)[0] == 'InvalidParameter'


@pytest.mark.parametrize('kind', ['Endpoint', 'Model', 'ImportedModel'])
def test_next_outcome_fails_the_next_create_of_each_kind(oci, admin, kind):
    hosting = cluster(oci, admin)
    fine_tuning = cluster(oci, admin, 'FINE_TUNING')
    path, body = {
        'Endpoint': (ENDPOINTS, endpoint_body(hosting, base_model_id('cohere.command-a-03-2025'))),
        'Model': (MODELS, fine_tune_body(fine_tuning)),
        'ImportedModel': (IMPORTED, imported_body()),
    }[kind]
    admin.put('/settings', {'next_outcome': {kind: 'FAILED'}})
    failed = oci.post(path, body)
    normal = oci.post(path, body)
    assert admin.get('/settings')['next_outcome'] == {}
    finish_transitions(admin)

    failed_resource = oci.get(path + '/' + failed.json()['id']).json()
    assert failed_resource['lifecycleState'] == 'FAILED' and failed_resource['lifecycleDetails']
    assert 'modelMetrics' not in failed_resource
    assert oci.get(path + '/' + normal.json()['id']).json()['lifecycleState'] == 'ACTIVE'
    wr_path = WORK_REQUESTS + '/' + failed.headers['opc-work-request-id']
    assert oci.get(wr_path).json()['status'] == 'FAILED' and oci.get(wr_path).json()['resources'][0]['actionType'] == 'FAILED'
    errors = oci.get(wr_path + '/errors').json()['items']
    assert len(errors) == 1 and set(errors[0]) == {'code', 'message', 'timestamp'}
    assert oci.get(wr_path + '/logs').json()['items'][0]['message'].startswith('CREATE_%s failed: ' % {
        'Endpoint': 'ENDPOINT', 'Model': 'MODEL', 'ImportedModel': 'IMPORTED_MODEL'}[kind])
    assert oci.delete(path + '/' + failed.json()['id']).status_code == 202


def test_needs_attention_is_only_for_clusters(admin):
    for kind in ('Endpoint', 'Model', 'ImportedModel'):
        response = admin.call('PUT', '/settings', {'next_outcome': {kind: 'NEEDS_ATTENTION'}})
        assert response.status_code == 400 and 'DedicatedAiCluster: FAILED|NEEDS_ATTENTION' in response.json()['error']
    assert admin.call('PUT', '/settings', {'next_outcome': {'WorkRequest': 'FAILED'}}).status_code == 400
    assert admin.put('/settings', {'next_outcome': {'ImportedModel': 'FAILED', 'Model': None}})['next_outcome'] == {'ImportedModel': 'FAILED'}


def test_next_outcome_fails_an_endpoint_update(oci, admin):
    endpoint = created(oci.post(ENDPOINTS, endpoint_body(cluster(oci, admin), base_model_id('cohere.command-a-03-2025'))))
    finish_transitions(admin)
    admin.put('/settings', {'next_outcome': {'Endpoint': 'FAILED'}})
    assert oci.put(ENDPOINTS + '/' + endpoint['id'], {'description': 'd'}).json()['lifecycleState'] == 'UPDATING'
    finish_transitions(admin)
    assert oci.get(ENDPOINTS + '/' + endpoint['id']).json()['lifecycleState'] == 'FAILED'
