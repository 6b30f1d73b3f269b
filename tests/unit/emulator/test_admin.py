"""Admin API: request log, fault injection, settings, reset."""

import json
import time

import pytest
import requests

from emulator.config import TEST_COMPARTMENT, TEST_HUAWEI_SK
from emulator.testing import HuaweiClient

CLUSTERS = '/20231130/dedicatedAiClusters'
CLUSTER_BODY = {'compartmentId': TEST_COMPARTMENT, 'type': 'FINE_TUNING', 'unitShape': 'SMALL_COHERE', 'unitCount': 1}


def cluster_count(oci):
    return len(oci.get(CLUSTERS, params={'compartmentId': TEST_COMPARTMENT}).json()['items'])


def test_rate_limit_lets_the_allowed_rate_through_and_throttles_the_rest(oci, admin):
    admin.put('/faults', {'faults': [{'kind': 'rate_limit', 'per_second': 3, 'service': 'genai'}]})
    statuses = [oci.get(CLUSTERS, params={'compartmentId': TEST_COMPARTMENT}) for dummy in range(5)]
    assert [response.status_code for response in statuses] == [200, 200, 200, 429, 429]
    assert statuses[3].headers['Retry-After'] == '1' and statuses[3].json()['code'] == 'TooManyRequests'
    time.sleep(0.4)  # one more token (3 a second)
    assert oci.get(CLUSTERS, params={'compartmentId': TEST_COMPARTMENT}).status_code == 200
    assert admin.get('/faults')['faults'][0]['injected'] == 2
    assert admin.call('PUT', '/faults', {'faults': [{'kind': 'rate_limit'}]}).status_code == 400


def test_health_and_unknown_paths(emulator, admin):
    assert admin.get('/health')['status'] == 'ok'
    assert admin.call('GET', '/nothing').status_code == 404
    assert requests.get(emulator.url + '/20990101/projects').status_code == 404
    assert admin.requests_log()[-1]['service'] is None
    assert requests.get(emulator.url + '/20220125/projects').status_code == 401  # OCI Vision, unsigned
    assert admin.requests_log()[-1]['service'] == 'vision'


def test_throttle_gives_429_with_retry_after(oci, huawei, admin):
    admin.put('/faults', {'seed': 1, 'faults': [{'kind': 'throttle', 'retry_after': 3, 'methods': ['get'], 'path': 'dedicatedAiClusters$',
                                                 'count': 1}, {'kind': 'throttle', 'service': 'fabric'}]})
    throttled = oci.get(CLUSTERS, params={'compartmentId': TEST_COMPARTMENT}, headers={'opc-request-id': 'rid-1'})
    assert throttled.status_code == 429 and throttled.headers['Retry-After'] == '3'
    assert throttled.json()['code'] == 'TooManyRequests' and throttled.headers['opc-request-id'] == 'rid-1'
    assert oci.get(CLUSTERS, params={'compartmentId': TEST_COMPARTMENT}).status_code == 200
    fabric = huawei.request('GET', '/v1/base-models')
    assert fabric.status_code == 429 and fabric.headers['Retry-After'] == '1' and fabric.json()['error_code'] == 'APIG.0308'
    assert fabric.headers['X-Request-Id']
    assert [rule['injected'] for rule in admin.get('/faults')['faults']] == [1, 1]
    entries = admin.requests_log()
    assert [(entry['status'], entry['fault']) for entry in entries] == [(429, 'throttle'), (200, None), (429, 'throttle')]


def test_error_faults_by_service_and_status(oci, huawei, admin):
    admin.put('/faults', {'seed': 1, 'faults': [{'kind': 'error', 'status': 503, 'service': 'genai', 'methods': ['POST']}]})
    failed = oci.post(CLUSTERS, CLUSTER_BODY)
    assert failed.status_code == 503 and failed.json()['code'] == 'ServiceUnavailable'
    assert huawei.request('GET', '/v1/base-models').status_code == 200
    assert cluster_count(oci) == 0
    assert admin.call('GET', '/health').status_code == 200  # never on admin paths


def test_drop_after_commits_and_drop_before_does_not(oci, admin):
    admin.put('/faults', {'seed': 1, 'faults': [{'kind': 'drop_after', 'methods': ['POST'], 'count': 1}]})
    with pytest.raises(requests.ConnectionError):
        oci.post(CLUSTERS, CLUSTER_BODY)
    assert cluster_count(oci) == 1
    admin.put('/faults', {'seed': 1, 'faults': [{'kind': 'drop_before', 'methods': ['POST'], 'count': 1}]})
    with pytest.raises(requests.ConnectionError):
        oci.post(CLUSTERS, CLUSTER_BODY)
    assert cluster_count(oci) == 1
    log = [entry for entry in admin.requests_log() if entry['method'] == 'POST']
    assert [(entry['status'], entry['fault'], entry['mutating']) for entry in log] == [(200, 'drop_after', True), (None, 'drop_before', True)]


def test_html_fault_answers_a_proxy_page_without_processing(oci, admin):
    admin.put('/faults', {'seed': 1, 'faults': [{'kind': 'html', 'methods': ['POST'], 'count': 1}]})
    page = oci.post(CLUSTERS, CLUSTER_BODY)
    assert page.status_code == 502 and page.headers['Content-Type'] == 'text/html'
    assert '<title>502 Bad Gateway</title>' in page.text
    assert cluster_count(oci) == 0


@pytest.mark.parametrize('kind', ['malformed', 'truncated'])
def test_unreadable_body_faults_process_the_request(oci, admin, kind):
    admin.put('/faults', {'seed': 1, 'faults': [{'kind': kind, 'methods': ['POST'], 'count': 1}]})
    answer = oci.post(CLUSTERS, CLUSTER_BODY)
    assert answer.status_code == 200 and answer.headers['Content-Type'] == 'application/json'
    with pytest.raises(ValueError):
        json.loads(answer.text)
    if kind == 'truncated':
        assert answer.text.startswith('{"')
    assert cluster_count(oci) == 1


def test_unexpected_and_extra_fields(oci, admin):
    created = oci.post(CLUSTERS, CLUSTER_BODY).json()
    admin.put('/faults', {'seed': 1, 'faults': [{'kind': 'unexpected_fields', 'methods': ['GET'], 'path': '/dedicatedAiClusters/',
                                                 'count': 1}, {'kind': 'extra_fields', 'methods': ['GET']}]})
    wrapped = oci.get(CLUSTERS + '/' + created['id']).json()
    assert list(wrapped) == ['unexpectedWrapper'] and wrapped['unexpectedWrapper']['id'] == created['id']
    listed = oci.get(CLUSTERS, params={'compartmentId': TEST_COMPARTMENT}).json()
    assert listed['unexpectedField'] and [item['unexpectedField'] for item in listed['items']] == ['added by the emulator']
    assert [entry['fault'] for entry in admin.requests_log()[-2:]] == ['unexpected_fields', 'extra_fields']


def test_body_faults_leave_empty_answers_alone(oci, admin):
    admin.put('/settings', {'delay': 0})
    created = oci.post(CLUSTERS, CLUSTER_BODY).json()
    admin.put('/faults', {'seed': 1, 'faults': [{'kind': 'malformed', 'path': 'changeCompartment'}]})
    moved = oci.post(CLUSTERS + '/' + created['id'] + '/actions/changeCompartment', {'compartmentId': TEST_COMPARTMENT})
    assert moved.status_code == 204 and moved.content == b''


def test_rate_is_repeatable_with_the_same_seed(oci, admin):
    def pattern():
        admin.put('/faults', {'seed': 42, 'faults': [{'kind': 'error', 'rate': 0.5}]})
        return [oci.get(CLUSTERS, params={'compartmentId': TEST_COMPARTMENT}).status_code for _attempt in range(16)]

    first = pattern()
    assert first == pattern()
    assert 0 < first.count(500) < 16
    assert admin.get('/faults')['faults'][0]['injected'] == first.count(500)


def test_bad_fault_rules_are_refused(admin):
    admin.put('/faults', {'seed': 1, 'faults': [{'kind': 'throttle'}]})
    for rule in ({'kind': 'explode'}, {'kind': 'error', 'status': 404}, {'kind': 'html', 'status': 404}, {'kind': 'error', 'path': '('},
                 {'kind': 'error', 'rate': 2},
                 {'kind': 'error', 'service': 'nope'}, {'kind': 'error', 'colour': 'red'}):
        response = admin.call('PUT', '/faults', {'seed': 1, 'faults': [rule]})
        assert response.status_code == 400 and response.json()['error']
    assert [rule['kind'] for rule in admin.get('/faults')['faults']] == ['throttle']
    assert admin.call('DELETE', '/faults').status_code == 204
    assert admin.get('/faults')['faults'] == []


def test_a_replayed_retry_token_is_logged_as_changing_nothing(oci, admin):
    first = oci.post(CLUSTERS, CLUSTER_BODY, headers={'opc-retry-token': 'token-replayed'})
    again = oci.post(CLUSTERS, CLUSTER_BODY, headers={'opc-retry-token': 'token-replayed'})
    assert first.status_code == again.status_code == 200 and first.json()['id'] == again.json()['id']
    assert [(entry['mutating'], entry['replayed']) for entry in admin.requests_log()] == [(True, False), (False, True)]


def test_request_log_never_holds_secrets(emulator, oci, huawei, admin):
    oci.get(CLUSTERS, params={'compartmentId': TEST_COMPARTMENT})
    oci.post(CLUSTERS, CLUSTER_BODY, headers={'opc-retry-token': 'retry-secret'})
    huawei.request('POST', '/v1/workspaces', {'name': 'ws-log'})
    requests.get(emulator.url + '/v1/base-models', headers={'X-Auth-Token': 'test-iam-token', 'X-Project-Id': 'p'})
    HuaweiClient(emulator.url, sk='wrong-secret').request('GET', '/v1/base-models')

    entries = admin.requests_log()
    assert len(entries) == 5
    assert set(entries[0]) == {'seq', 'time', 'service', 'method', 'path', 'query', 'status', 'mutating', 'replayed',
                               'request_id', 'fault'}
    assert entries[0]['query'] == 'compartmentId=' + TEST_COMPARTMENT
    assert [entry['service'] for entry in entries] == ['genai', 'genai', 'fabric', 'fabric', 'fabric']
    assert [entry['mutating'] for entry in entries] == [False, True, True, False, False]
    text = json.dumps(entries)
    for secret in ('Signature', 'SDK-HMAC', 'signature', TEST_HUAWEI_SK, 'wrong-secret', 'test-iam-token', 'retry-secret', 'BEGIN'):
        assert secret not in text

    assert [entry['seq'] for entry in admin.requests_log(since=entries[2]['seq'])] == [entries[3]['seq'], entries[4]['seq']]
    assert admin.call('DELETE', '/requests').status_code == 204
    assert admin.requests_log() == []
    oci.get(CLUSTERS, params={'compartmentId': TEST_COMPARTMENT})
    assert admin.requests_log()[0]['seq'] == entries[-1]['seq'] + 1


def test_settings_and_reset(oci, admin):
    assert admin.get('/settings') == {'delay': 1.0, 'time_scale': 1.0, 'next_outcome': {}, 'session_token_ttl': 3600,
                                      'page_size': None, 'omit_total': False}
    for bad in ({'delay': -1}, {'time_scale': 0}, {'next_outcome': {'DedicatedAiCluster': 'EXPLODED'}}, {'speed': 2}):
        assert admin.call('PUT', '/settings', bad).status_code == 400
    admin.put('/settings', {'delay': 5, 'time_scale': 2, 'next_outcome': {'DedicatedAiCluster': 'FAILED'}, 'page_size': 3,
                            'omit_total': True})
    admin.put('/faults', {'seed': 3, 'faults': [{'kind': 'throttle', 'path': 'never-matches'}]})
    oci.post(CLUSTERS, CLUSTER_BODY)

    assert admin.call('POST', '/reset').status_code == 204
    assert cluster_count(oci) == 0
    assert admin.get('/settings')['delay'] == 1.0 and admin.get('/settings')['next_outcome'] == {}
    assert admin.get('/settings')['page_size'] is None and admin.get('/settings')['omit_total'] is False
    assert admin.get('/faults')['faults'] == []
    assert len(admin.requests_log()) == 1  # only the list call made after the reset
