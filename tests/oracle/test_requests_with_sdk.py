"""Every request the integration run sent, checked against the official SDKs: its method and path are those of a
client operation, every query parameter, header parameter and body field (recursively, through the models and
their subtypes) is one the SDK knows, and every required one is there.

`tools/dev.py test` runs the integration step's emulator with `--request-log FILE` and gives FILE to this test in
CLOUDAI_REQUEST_LOG. Without it (a plain `tools/dev.py units`), the log test is skipped, saying so; the tests of the
checker itself below always run.
"""

import json
import os
import sys

import pytest

TESTS_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
if TESTS_DIR not in sys.path:
    sys.path.insert(0, TESTS_DIR)

pytest.importorskip('oci')
pytest.importorskip('huaweicloudsdkdataartsfabric')
pytest.importorskip('huaweicloudsdkdataartsfabricep')

from emulator import start_emulator  # noqa: E402
from emulator.testing import AdminClient, HuaweiClient, OciClient  # noqa: E402
from oracle.sdk_contract import Contract  # noqa: E402

SERVICES = ('genai', 'vision', 'fabric')
REQUEST_LOG = os.environ.get('CLOUDAI_REQUEST_LOG')
OBS = 'obs://oracle-bucket/models/qwen2-7b/'


@pytest.fixture(scope='module')
def contracts():
    return {service: Contract(service) for service in SERVICES}


def read_log(path):
    with open(path, encoding='utf-8') as log:
        return [json.loads(line) for line in log if line.strip()]


@pytest.mark.skipif(not REQUEST_LOG, reason='CLOUDAI_REQUEST_LOG is not set: no integration run to check '
                                            '(tools/dev.py test sets it after its integration step)')
def test_every_request_of_the_integration_run_is_one_the_sdks_know(contracts):
    requests = [request for request in read_log(REQUEST_LOG) if request['service'] in SERVICES]
    assert {request['service'] for request in requests} == set(SERVICES), 'the integration run reached every service'
    problems = sorted(set(problem for request in requests for problem in contracts[request['service']].check(request)))
    assert not problems, '%d requests; what the SDKs do not accept:\n%s' % (len(requests), '\n'.join(problems))


# ---- the checker itself -------------------------------------------------------------------------------------

def request(method, path, query=(), body=None, headers=()):
    return {'method': method, 'path': path, 'query': [list(pair) for pair in query], 'body': body, 'headers': list(headers)}


LLM = {'base_model_type': 'QWEN2_7B', 'model_path': OBS}


@pytest.mark.parametrize('service, sent', [
    ('fabric', request('GET', '/v1/workspaces', [('enterprise_project_id', 'all_granted_eps'), ('offset', '0'), ('limit', '100')])),
    ('fabric', request('POST', '/v1/workspaces/w1/models', body={
        'name': 'm', 'type': 'LLM_MODEL', 'version': {'name': 'v1', 'config': {'llm_model_config': LLM}}})),
    ('fabric', request('POST', '/v1/workspaces/w1/endpoints', body={
        'name': 'e', 'type': 'ray', 'public_access': True, 'cache_list': [{'mnt_path': '/c', 'cache_ins_id': 'c1'}],
        'ray_resource': {'head_node_resource': {'spec_code': 'h'},
                         'work_node_resources': [{'name': 'w', 'resource': {'spec_code': 's', 'min': 1, 'max': 2}}]}})),
    ('genai', request('POST', '/20231130/models', body={
        'compartmentId': 'c', 'baseModelId': 'b', 'fineTuneDetails': {
            'dedicatedAiClusterId': 'd', 'trainingDataset': {
                'datasetType': 'OBJECT_STORAGE', 'namespaceName': 'n', 'bucketName': 'b', 'objectName': 'o'},
            'trainingConfig': {'trainingConfigType': 'LORA_TRAINING_CONFIG', 'loraR': 8}}}, headers=['opc-retry-token'])),
    ('genai', request('POST', '/20231130/dedicatedAiClusters/ocid1.x/actions/changeCompartment', body={'compartmentId': 'c'},
                      headers=['opc-retry-token', 'if-match'])),
    ('vision', request('GET', '/20220125/models', [('projectId', 'p'), ('limit', '1000')])),
    ('fabric', request('POST', '/v1/workspaces/w1/jobs/runs', body={'job': {'id': 'j1', 'version_id': 'v1'}, 'name': 'r', 'endpoint_id': 'e1'})),
    ('fabric', request('PUT', '/v1/workspaces/w1/services/instances/i1', body={
        'config': {'model_instance_config': {'resource': {'min': 1, 'max': 2}}}})),
    ('genai', request('POST', '/20231130/apikeys/ocid1.x/actions/renew', body={'details': {'keyName': 'k', 'timeExpiry': 't'}},
                      headers=['opc-retry-token'])),
    ('genai', request('GET', '/20231130/dedicatedAiClusters/allocatableGpus', [('compartmentId', 'c'), ('capacityReservationId', 'r')])),
    # a name with an encoded '/' is one path parameter, as the client sent it
    ('genai', request('PUT', '/20231130/generativeAiProjects/ocid1.x/sandboxWarmPools/python%2Fsmall', body={'desiredCapacity': 0},
                      headers=['if-match'])),
])
def test_what_the_sdks_take_passes(contracts, service, sent):
    assert contracts[service].check(sent) == []


@pytest.mark.parametrize('service, sent, words', [
    ('fabric', request('GET', '/v1/workspaces', [('name', 'ws-1')]),
     'query parameter enterprise_project_id: required by list_workspaces, missing'),
    ('fabric', request('POST', '/v1/workspaces/w1/models', body={
        'name': 'm', 'type': 'LLM_MODEL', 'version': {'name': 'v1', 'config': {'llm_model_config': {
            'base_model_type': 'QWEN2_7B', 'local_model_path': '/opt/m'}}}}),
     'body.version.config.llm_model_config.local_model_path: not a field of LlmModelConfig'),
    ('fabric', request('POST', '/v1/workspaces/w1/models', body={'name': 'm', 'type': 'LLM_MODEL', 'version': {
        'name': 'v1', 'config': {'llm_model_config': {'base_model_type': 'QWEN2_7B'}}}}),
     'body.version.config.llm_model_config.model_path: required by LlmModelConfig, missing'),
    ('fabric', request('POST', '/v1/workspaces/w1/models', body={'name': 'm', 'type': 'LLM', 'version': {'name': 'v1'}}),
     "body.type: one of LLM_MODEL expected, got 'LLM'"),
    ('fabric', request('PUT', '/v1/workspaces/w1/endpoints/e1', body={'public_access': True}),
     'body.public_access: not a field of UpdateEndpointRequestBody'),
    ('fabric', request('GET', '/v1/workspaces/w1/endpoints', [('colour', 'red')]), 'query parameter colour: not a parameter'),
    ('fabric', request('PATCH', '/v1/workspaces/w1', body={}), 'no fabric operation serves PATCH /v1/workspaces/w1'),
    ('fabric', request('POST', '/v1/workspaces/w1/jobs/runs', body={'job': {'version_id': 'v1'}, 'name': 'r'}),
     'body.endpoint_id: required by RunJobInput, missing'),
    ('fabric', request('PUT', '/v1/workspaces/w1/services/instances/i1', body={
        'config': {'model_instance_config': {'resource': {'min': 1, 'spec_code': 's'}}}}),
     'body.config.model_instance_config.resource.spec_code: not a field of BaseDemand'),
    ('fabric', request('GET', '/v1/workspaces/w1/jobs/runs', [('status', 'x'), ('job_name', 'j')]),
     'query parameter job_name: not a parameter of list_job_runs'),
    ('vision', request('POST', '/20220125/projects/ocid1.x/actions/changeCompartment', body={'compartmentId': 'c'},
                       headers=['opc-retry-token']),
     'header opc-retry-token: not a parameter of change_project_compartment'),
    ('genai', request('POST', '/20231130/models', body={
        'compartmentId': 'c', 'baseModelId': 'b', 'fineTuneDetails': {
            'dedicatedAiClusterId': 'd', 'trainingDataset': {
                'datasetType': 'OBJECT_STORAGE', 'namespaceName': 'n', 'bucketName': 'b', 'objectName': 'o'},
            'trainingConfig': {'trainingConfigType': 'LORA_TRAINING_CONFIG', 'loraRank': 8}}}),
     'body.fineTuneDetails.trainingConfig.loraRank: not a field of LoraTrainingConfig'),
    ('genai', request('GET', '/20231130/dedicatedAiClusters', [('displayName', 'x')]),
     'query parameter compartmentId: required by list_dedicated_ai_clusters, missing'),
    ('genai', request('POST', '/20231130/dedicatedAiClusters', body={'compartmentId': 'c', 'type': 'HOSTING'}),
     'body.unitCount: required by CreateDedicatedAiClusterDetails, missing'),
    ('genai', request('GET', '/20231130/endpoints/ocid1.x', body={'x': 1}), 'get_endpoint takes no body'),
    ('genai', request('PUT', '/20231130/generativeAiProjects/ocid1.x/sandboxWarmPools/p', body={'shape': 'LARGE'}),
     'body.shape: not a field of UpdateSandboxWarmPoolDetails'),
])
def test_what_the_sdks_do_not_take_is_named(contracts, service, sent, words):
    problems = contracts[service].check(sent)
    assert any(words in problem for problem in problems), problems


def test_the_emulator_writes_every_request_to_its_log_file(tmp_path):
    path = tmp_path / 'requests.jsonl'
    handle = start_emulator(request_log=str(path))
    try:
        HuaweiClient(handle.url).request('GET', '/v1/workspaces', params={'enterprise_project_id': 'all_granted_eps'})
        AdminClient(handle.url).call('POST', '/reset')  # a reset keeps writing to the same file
        OciClient(handle.url).request('POST', '/20220125/projects', {'compartmentId': 'c'},
                                      headers={'opc-retry-token': 'token-1'})
    finally:
        handle.stop()
    logged = read_log(path)
    assert [(entry['service'], entry['method'], entry['path'], entry['query']) for entry in logged] == [
        ('fabric', 'GET', '/v1/workspaces', [['enterprise_project_id', 'all_granted_eps']]),
        ('vision', 'POST', '/20220125/projects', [])]
    assert logged[0]['body'] is None and logged[1]['body'] == {'compartmentId': 'c'}
    assert logged[1]['headers'] == ['opc-retry-token'] and 'token-1' not in path.read_text()
