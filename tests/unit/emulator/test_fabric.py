"""Huawei DataArts Fabric: workspaces, models and their versions, endpoints, base models."""

import time

import pytest
import requests

from emulator.testing import HuaweiClient

WORKSPACES = '/v1/workspaces'


def error_of(response, status):
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {'error_code', 'error_msg'}
    assert response.headers['X-Request-Id']
    return body['error_code'], body['error_msg']


def list_workspaces(huawei, **params):
    return huawei.request('GET', WORKSPACES, params=dict({'enterprise_project_id': 'all_granted_eps'}, **params))


def create(huawei, name, **fields):
    response = huawei.request('POST', WORKSPACES, dict(fields, name=name))
    assert response.status_code == 200, response.text
    return response.json()


def test_workspace_lifecycle(huawei):
    workspace = create(huawei, 'ws-alpha', description='first')
    assert set(workspace) == {'id', 'name', 'description', 'create_time', 'create_domain_name', 'create_user_name', 'access_url',
                              'enterprise_project_id'}
    assert workspace['enterprise_project_id'] == '0' and len(workspace['id']) == 36

    code, message = error_of(huawei.request('POST', WORKSPACES, {'name': 'ws-alpha'}), 400)
    assert code == 'common.01000001' and 'already exists' in message
    assert 'name' in error_of(huawei.request('POST', WORKSPACES, {'name': 'a b'}), 400)[1]
    assert 'name' in error_of(huawei.request('POST', WORKSPACES, {'description': 'no name'}), 400)[1]
    assert 'colour' in error_of(huawei.request('POST', WORKSPACES, {'name': 'ws-beta', 'colour': 'red'}), 400)[1]

    path = WORKSPACES + '/' + workspace['id']
    updated = huawei.request('PUT', path, {'description': 'changed', 'metastore_id': 'm' * 32})
    assert updated.status_code == 200
    assert updated.json() == dict(workspace, description='changed', metastore_id='m' * 32)
    assert 'enterprise_project_id' in error_of(huawei.request('PUT', path, {'enterprise_project_id': '1'}), 400)[1]
    create(huawei, 'ws-beta')
    assert 'already exists' in error_of(huawei.request('PUT', path, {'name': 'ws-beta'}), 400)[1]

    deleted = huawei.request('DELETE', path)
    assert deleted.status_code == 200 and deleted.headers['X-Request-Id']
    assert error_of(huawei.request('DELETE', path), 404)[0] == 'common.01000001'
    assert error_of(huawei.request('PUT', path, {'description': 'x'}), 404)[0] == 'common.01000001'
    assert error_of(huawei.request('GET', '/v1/nothing'), 404)[0] == 'APIG.0101'


def test_workspace_paging_with_total(huawei):
    ids = [create(huawei, 'ws-%02d' % number)['id'] for number in range(12)]
    create(huawei, 'other-space', enterprise_project_id='ep-1')

    assert 'enterprise_project_id is required' in error_of(huawei.request('GET', WORKSPACES), 400)[1]
    first = list_workspaces(huawei).json()
    assert first['total'] == 13 and len(first['workspaces']) == 10  # default limit 10, newest first
    seen, offset = [], 0
    while True:
        page = list_workspaces(huawei, offset=offset, limit=5, name='WS-').json()
        assert page['total'] == 12
        seen.extend(item['id'] for item in page['workspaces'])
        offset += len(page['workspaces'])
        if offset >= page['total']:
            break
    assert seen == list(reversed(ids))

    listed = list_workspaces(huawei, id=ids[3]).json()
    assert listed['total'] == 1 and listed['workspaces'][0]['name'] == 'ws-03'
    by_project = huawei.request('GET', WORKSPACES, params={'enterprise_project_id': 'ep-1'}).json()
    assert [item['name'] for item in by_project['workspaces']] == ['other-space']
    assert list_workspaces(huawei).json()['total'] == 13
    for params in ({'limit': 0}, {'limit': 101}, {'limit': 'x'}, {'offset': -1}, {'enterprise_project_id': 'e' * 37},
                   {'enterprise_project_id': 'ep.1'}):
        assert error_of(list_workspaces(huawei, **params), 400)[0] == 'common.01000001'


def test_short_pages_and_no_total_on_demand(huawei, admin):
    for number in range(5):
        create(huawei, 'ws-%02d' % number)
    admin.put('/settings', {'page_size': 2})
    short = list_workspaces(huawei, limit=100).json()
    assert short['total'] == 5 and len(short['workspaces']) == 2
    assert len(list_workspaces(huawei, limit=100, offset=4).json()['workspaces']) == 1
    admin.put('/settings', {'page_size': None, 'omit_total': True})
    full = list_workspaces(huawei, limit=100).json()
    assert set(full) == {'workspaces'} and len(full['workspaces']) == 5
    for bad in ({'page_size': 0}, {'page_size': '2'}, {'omit_total': 'yes'}):
        assert admin.call('PUT', '/settings', bad).status_code == 400


def test_base_model_catalogue(huawei):
    everything = huawei.request('GET', '/v1/base-models', params={'limit': 100}).json()
    assert everything['total'] == len(everything['models']) >= 25
    names = [model['base_model_type'] for model in everything['models']]
    assert {'LLAMA3_8B', 'QWEN2_72B'} <= set(names) and len(set(names)) == len(names)
    assert all(model['max_tokens'] >= 1 and 1 <= model['num_of_mu'] <= 128 for model in everything['models'])
    default_page = huawei.request('GET', '/v1/base-models').json()
    assert default_page['models'] == everything['models'][:10]
    third = huawei.request('GET', '/v1/base-models', params={'offset': 20, 'limit': 10}).json()
    assert third['total'] == everything['total'] and third['models'] == everything['models'][20:30]


# ---- models and their versions --------------------------------------------------------------------------
OBS = 'obs://it-bucket/models/qwen2-7b/'


def workspace_id(huawei, name='ws-models'):
    return create(huawei, name)['id']


def version(name='v1', base='QWEN2_7B', path=OBS, **extra):
    return dict({'name': name, 'config': {'llm_model_config': {'base_model_type': base, 'model_path': path}}}, **extra)


def ok(response, status=200):
    assert response.status_code == status, response.text
    assert response.headers['X-Request-Id']
    return response.json() if response.content else None


def models_of(huawei, ws, **params):
    return ok(huawei.request('GET', '%s/%s/models' % (WORKSPACES, ws), params=params))


def finish_transitions(admin):
    """Run the clock 100000x fast for a moment: pending transitions end."""
    admin.put('/settings', {'time_scale': 100000})
    time.sleep(0.01)
    admin.put('/settings', {'time_scale': 1})


def test_model_create_list_update_and_versions(huawei):
    ws = workspace_id(huawei)
    models = '%s/%s/models' % (WORKSPACES, ws)
    answer = ok(huawei.request('POST', models, {'name': 'LLama3-8b', 'description': 'd', 'type': 'LLM_MODEL',
                                                'version': version(description='first')}))
    assert set(answer) == {'id', 'version_id'} and len(answer['id']) == 36
    listed = models_of(huawei, ws)
    assert listed['total'] == 1
    model = listed['models'][0]
    assert set(model) == {'id', 'name', 'description', 'type', 'visibility', 'create_time', 'update_time',
                          'current_version', 'create_user', 'update_user'}
    assert model['visibility'] == 'PRIVATE' and model['type'] == 'LLM_MODEL'
    current = model['current_version']
    assert current['id'] == answer['version_id'] and current['name'] == 'v1' and current['description'] == 'first'
    assert current['config'] == {'llm_model_config': {'base_model_type': 'QWEN2_7B', 'model_path': OBS}}
    assert set(current['create_user']) == {'domain_name', 'domain_id', 'user_name', 'user_id'}

    code, message = error_of(huawei.request('POST', models, {'name': 'LLama3-8b', 'type': 'LLM_MODEL', 'version': version()}), 400)
    assert code == 'common.01000001' and 'already exists in this workspace' in message
    other_ws = workspace_id(huawei, 'ws-other')
    ok(huawei.request('POST', '%s/%s/models' % (WORKSPACES, other_ws), {'name': 'LLama3-8b', 'type': 'LLM_MODEL', 'version': version()}))

    path = models + '/' + answer['id']
    updated = ok(huawei.request('PUT', path, {'description': 'second', 'version': version('v2', path=OBS + 'v2/')}))
    assert updated['description'] == 'second' and updated['current_version']['name'] == 'v2'  # a new version is current
    versions = ok(huawei.request('GET', path + '/versions'))
    assert versions['total'] == 2 and [v['name'] for v in versions['versions']] == ['v2', 'v1']
    assert 'already has a version named v2' in error_of(huawei.request('PUT', path, {'version': version('v2')}), 400)[1]

    switched = ok(huawei.request('PUT', path, {'current_version_id': answer['version_id']}))
    assert switched['current_version']['name'] == 'v1'
    unknown = '0' * 32
    assert 'not a version' in error_of(huawei.request('PUT', path, {'current_version_id': unknown}), 400)[1]
    both = ok(huawei.request('PUT', path, {'version': version('v3'), 'current_version_id': answer['version_id']}))
    assert both['current_version']['name'] == 'v1'  # an explicit current_version_id wins over the new version
    v3 = ok(huawei.request('GET', path + '/versions', params={'name': 'V3'}))['versions'][0]
    assert ok(huawei.request('GET', path + '/versions', params={'version_id': v3['id']}))['total'] == 1

    refused = error_of(huawei.request('DELETE', '%s/versions/%s' % (path, answer['version_id'])), 400)[1]
    assert 'current version' in refused
    ok(huawei.request('DELETE', '%s/versions/%s' % (path, v3['id'])))
    assert error_of(huawei.request('DELETE', '%s/versions/%s' % (path, v3['id'])), 404)[0] == 'common.01000001'
    assert [v['name'] for v in ok(huawei.request('GET', path + '/versions'))['versions']] == ['v2', 'v1']

    ok(huawei.request('DELETE', path))
    assert models_of(huawei, ws)['total'] == 0
    assert error_of(huawei.request('DELETE', path), 404)[0] == 'common.01000001'
    assert error_of(huawei.request('GET', path + '/versions'), 404)[0] == 'common.01000001'
    assert error_of(huawei.request('GET', '%s/%s/models' % (WORKSPACES, unknown)), 404)[0] == 'common.01000001'


@pytest.mark.parametrize('body, words', [
    ({'type': 'LLM_MODEL', 'version': version()}, 'Field name is required'),
    ({'name': 'bad/name', 'type': 'LLM_MODEL', 'version': version()}, 'name'),
    ({'name': 'm' * 65, 'type': 'LLM_MODEL', 'version': version()}, '1 to 64'),
    ({'name': 'ok', 'type': 'VLM', 'version': version()}, 'type must be one of LLM_MODEL'),
    ({'name': 'ok', 'type': 'LLM_MODEL'}, 'Field version is required'),
    ({'name': 'ok', 'type': 'LLM_MODEL', 'version': version(base='GPT5')}, "base_model_type 'GPT5' is not a base model type"),
    ({'name': 'ok', 'type': 'LLM_MODEL', 'version': version(path='s3://bucket/x')}, 'version.config.llm_model_config.model_path'),
    ({'name': 'ok', 'type': 'LLM_MODEL', 'version': dict(version(), colour='red')}, 'Field version.colour is not accepted'),
    # LlmModelConfig of SDK 3.1.219: model_path required, no local_model_path
    ({'name': 'ok', 'type': 'LLM_MODEL', 'version': {'name': 'v1', 'config': {'llm_model_config': {
        'base_model_type': 'QWEN2_7B', 'model_path': OBS, 'local_model_path': '/opt/models'}}}},
     'Field version.config.llm_model_config.local_model_path is not accepted'),
    ({'name': 'ok', 'type': 'LLM_MODEL', 'version': {'name': 'v1', 'config': {'llm_model_config': {
        'base_model_type': 'QWEN2_7B'}}}}, 'Field version.config.llm_model_config.model_path is required'),
])
def test_model_bodies_are_checked(huawei, body, words):
    ws = workspace_id(huawei)
    code, message = error_of(huawei.request('POST', '%s/%s/models' % (WORKSPACES, ws), body), 400)
    assert code == 'common.01000001' and words in message


def test_model_names_may_hold_chinese_and_spaces(huawei):
    ws = workspace_id(huawei)
    body = {'name': '千问 model_1.5-b', 'type': 'LLM_MODEL', 'version': version('v 1')}
    ok(huawei.request('POST', '%s/%s/models' % (WORKSPACES, ws), body))
    assert models_of(huawei, ws, name='千问')['models'][0]['name'] == '千问 model_1.5-b'


def test_model_list_filters_sorting_and_paging(huawei):
    ws = workspace_id(huawei)
    for name in ('beta', 'alpha', 'gamma'):
        ok(huawei.request('POST', '%s/%s/models' % (WORKSPACES, ws), {'name': name, 'type': 'LLM_MODEL', 'version': version()}))
    assert [m['name'] for m in models_of(huawei, ws)['models']] == ['gamma', 'alpha', 'beta']  # newest first
    assert [m['name'] for m in models_of(huawei, ws, sort_by='NAME', order_by='ASC')['models']] == ['alpha', 'beta', 'gamma']
    assert [m['name'] for m in models_of(huawei, ws, name='AMM')['models']] == ['gamma']
    assert models_of(huawei, ws, visibility='PUBLIC')['total'] == 0 and models_of(huawei, ws, visibility='ALL')['total'] == 3
    second = models_of(huawei, ws, offset=1, limit=1)
    assert second['total'] == 3 and [m['name'] for m in second['models']] == ['alpha']
    for params in ({'sort_by': 'SIZE'}, {'order_by': 'UP'}, {'visibility': 'MINE'}, {'type': 'X'}, {'limit': 101}):
        assert error_of(huawei.request('GET', '%s/%s/models' % (WORKSPACES, ws), params=params), 400)[0] == 'common.01000001'


# ---- endpoints ------------------------------------------------------------------------------------------

MU = {'mu': {'spec_code': 'mu.llm.small', 'min': 1, 'max': 2}}


def model_with_versions(huawei, ws, *names):
    models = '%s/%s/models' % (WORKSPACES, ws)
    answer = ok(huawei.request('POST', models, {'name': 'served', 'type': 'LLM_MODEL', 'version': version(names[0])}))
    ids = [answer['version_id']]
    for name in names[1:]:
        ids.append(ok(huawei.request('PUT', models + '/' + answer['id'], {'version': version(name)}))['current_version']['id'])
    return answer['id'], ids


def endpoint_body(model_id, version_id, **changes):
    return dict({'name': 'serve-qwen', 'type': 'inference', 'description': 'd', 'reserved_resource': MU,
                 'cap': {'cap_id': model_id, 'version_id': version_id}}, **changes)


def test_endpoint_moves_through_its_states(huawei, admin):
    ws = workspace_id(huawei)
    model_id, (v1, v2) = model_with_versions(huawei, ws, 'v1', 'v2')
    endpoints = '%s/%s/endpoints' % (WORKSPACES, ws)
    created = ok(huawei.request('POST', endpoints, endpoint_body(model_id, v1)))
    assert created['status'] == 'CREATING' and created['visibility'] == 'PRIVATE' and created['cap']['version_id'] == v1
    assert {'id', 'name', 'type', 'status', 'create_time', 'update_time', 'owner'} <= set(created)
    assert 'already exists' in error_of(huawei.request('POST', endpoints, endpoint_body(model_id, v1)), 400)[1]
    path = endpoints + '/' + created['id']
    assert 'RUNNING' in error_of(huawei.request('PUT', path, {'description': 'x'}), 400)[1]

    finish_transitions(admin)
    running = ok(huawei.request('GET', path))
    assert running['status'] == 'RUNNING' and running['urls'][0]['name'] == 'ApiInvoke'
    assert running['urls'][0]['token'].startswith('ek-')
    assert 'error_code' not in running
    brief = ok(huawei.request('GET', endpoints))['endpoints'][0]
    assert brief['status'] == 'RUNNING' and 'urls' not in brief and 'runtime_env_type' not in brief
    assert ok(huawei.request('GET', endpoints, params={'model_id': model_id}))['total'] == 1
    assert ok(huawei.request('GET', endpoints, params={'model_id': v1}))['total'] == 0
    assert ok(huawei.request('GET', endpoints, params={'name': 'QWEN', 'type': 'inference'}))['total'] == 1
    assert 'Query parameter colour, size is not accepted' in error_of(huawei.request(
        'GET', endpoints, params={'colour': 'red', 'size': 1}), 400)[1]
    assert 'Query parameter name is not accepted' in error_of(huawei.request('DELETE', path, params={'name': 'x'}), 400)[1]
    for name in ('serve.qwen', 'serve qwen'):  # the create takes them, the list filter does not
        assert 'name' in error_of(huawei.request('GET', endpoints, params={'name': name}), 400)[1]
    assert error_of(huawei.request('GET', path, params={'version': 'PREVIOUS'}), 404)[0] == 'common.01000001'

    updating = ok(huawei.request('PUT', path, {'description': 'second', 'cap': {'cap_id': model_id, 'version_id': v2}}))
    assert updating['status'] == 'UPDATING' and updating['description'] == 'second'
    assert 'not accepted' in error_of(huawei.request('PUT', path, {'type': 'service'}), 400)[1]
    finish_transitions(admin)
    assert ok(huawei.request('GET', path))['status'] == 'RUNNING'
    previous = ok(huawei.request('GET', path, params={'version': 'PREVIOUS'}))
    assert previous['description'] == 'd' and previous['cap']['version_id'] == v1

    deleting = huawei.request('DELETE', path)
    assert deleting.status_code == 202 and deleting.json() == {'id': created['id']}
    assert ok(huawei.request('GET', path))['status'] == 'DELETING'
    assert 'already being deleted' in error_of(huawei.request('DELETE', path), 400)[1]
    finish_transitions(admin)
    assert error_of(huawei.request('GET', path), 404)[0] == 'common.01000001'
    assert ok(huawei.request('GET', endpoints))['total'] == 0


@pytest.mark.parametrize('changes, words', [
    ({'type': 'gpu'}, 'type must be one of service'),
    ({'name': 'a/b'}, 'name'),
    ({'cap': None}, 'needs cap'),
    ({'cap': {'cap_id': '1' * 32, 'version_id': '2' * 32}}, 'is not a model of workspace'),
    ({'cap': {'version_id': '2' * 32}}, 'needs cap.cap_id and cap.version_id'),
    ({'custom_image_id': 'image-1'}, 'custom_image_id must be 32 to 36 characters long'),
    ({'reserved_resource': {'mu': {'spec_code': 'mu', 'min': 3, 'max': 2}}}, 'reserved_resource.mu.min must not be more than max'),
    ({'reserved_resource': {'apu': {'spec_code': 'apu', 'warm_up_num': 2, 'max_num': 1}}}, 'reserved_resource.apu.max_num'),
    ({'reserved_resource': {'mu': {'spec_code': 'mu', 'min': '1', 'max': 2}}}, 'Type mismatch'),
    ({'ray_resource': {'head_node_resource': {'spec_code': 'h'}}}, 'Field ray_resource.work_node_resources is required'),
])
def test_endpoint_bodies_are_checked(huawei, changes, words):
    ws = workspace_id(huawei)
    model_id, (v1,) = model_with_versions(huawei, ws, 'v1')
    body = dict((k, v) for k, v in endpoint_body(model_id, v1, **changes).items() if v is not None)
    code, message = error_of(huawei.request('POST', '%s/%s/endpoints' % (WORKSPACES, ws), body), 400)
    assert code == 'common.01000001' and words in message


def test_ray_resources_are_answered_in_their_response_shape(huawei):
    ws = workspace_id(huawei)
    ray = {'head_node_resource': {'spec_code': 'head.4u'},
           'work_node_resources': [{'name': 'workers', 'resource': {'spec_code': 'work.8u', 'min': 1, 'max': 3}}]}
    created = ok(huawei.request('POST', '%s/%s/endpoints' % (WORKSPACES, ws), {'name': 'ray-1', 'type': 'ray', 'ray_resource': ray,
                                                                               'public_access': True}))
    assert created['ray_resource'] == {'head_group_spec': {'spec_code': 'head.4u'}, 'worker_group_spec': [
        {'name': 'workers', 'spec_code': 'work.8u', 'min_replicas': 1, 'max_replicas': 3}]}
    assert created['visibility'] == 'PUBLIC'


@pytest.mark.parametrize('step, final', [('create', 'CREATE_FAILED'), ('update', 'UPDATE_FAILED'), ('delete', 'DELETE_FAILED')])
def test_next_outcome_fails_the_next_endpoint_step(huawei, admin, step, final):
    ws = workspace_id(huawei)
    model_id, (v1,) = model_with_versions(huawei, ws, 'v1')
    endpoints = '%s/%s/endpoints' % (WORKSPACES, ws)
    if step == 'create':
        admin.put('/settings', {'next_outcome': {'FabricEndpoint': 'FAILED'}})
    endpoint_id = ok(huawei.request('POST', endpoints, endpoint_body(model_id, v1)))['id']
    finish_transitions(admin)
    path = endpoints + '/' + endpoint_id
    admin.put('/settings', {'next_outcome': {'FabricEndpoint': 'FAILED'}})
    if step == 'update':
        ok(huawei.request('PUT', path, {'description': 'new'}))
    elif step == 'delete':
        assert huawei.request('DELETE', path).status_code == 202
    finish_transitions(admin)
    seen = ok(huawei.request('GET', path))
    assert seen['status'] == final and seen['error_code'].startswith('fabric.') and 'injected' in seen['error_msg']
    assert ok(huawei.request('GET', endpoints))['endpoints'][0]['error_code'] == seen['error_code']
    if step == 'create':
        assert admin.get('/settings')['next_outcome'] == {'FabricEndpoint': 'FAILED'}  # set again above, not consumed
    else:
        assert admin.get('/settings')['next_outcome'] == {}
    if step == 'update':  # a failed update can be retried, and clears the error
        admin.put('/settings', {'next_outcome': {'FabricEndpoint': None}})
        assert 'error_code' not in ok(huawei.request('PUT', path, {'description': 'again'}))
        finish_transitions(admin)
        assert ok(huawei.request('GET', path))['status'] == 'RUNNING'


def test_what_is_in_use_cannot_be_deleted(huawei, admin):
    ws = workspace_id(huawei)
    model_id, (v1, v2) = model_with_versions(huawei, ws, 'v1', 'v2')
    endpoints = '%s/%s/endpoints' % (WORKSPACES, ws)
    endpoint_id = ok(huawei.request('POST', endpoints, endpoint_body(model_id, v1)))['id']
    model_path = '%s/%s/models/%s' % (WORKSPACES, ws, model_id)
    message = error_of(huawei.request('DELETE', model_path), 400)[1]
    assert 'serve-qwen (%s)' % endpoint_id in message
    assert 'used by endpoints' in error_of(huawei.request('DELETE', '%s/versions/%s' % (model_path, v1)), 400)[1]
    message = error_of(huawei.request('DELETE', '%s/%s' % (WORKSPACES, ws)), 400)[1]
    assert 'still has endpoints' in message and endpoint_id in message

    assert huawei.request('DELETE', endpoints + '/' + endpoint_id).status_code == 202
    assert 'still has endpoints' in error_of(huawei.request('DELETE', '%s/%s' % (WORKSPACES, ws)), 400)[1]  # DELETING
    finish_transitions(admin)
    ok(huawei.request('PUT', model_path, {'current_version_id': v2}))
    ok(huawei.request('DELETE', '%s/versions/%s' % (model_path, v1)))
    ok(huawei.request('DELETE', '%s/%s' % (WORKSPACES, ws)))
    assert error_of(huawei.request('GET', '%s/%s/models' % (WORKSPACES, ws)), 404)[0] == 'common.01000001'


def test_token_auth_and_wrong_credentials(emulator):
    url = emulator.url + '/v1/base-models'
    good = requests.get(url, headers={'X-Auth-Token': 'test-iam-token', 'X-Project-Id': '0123456789abcdef0123456789abcdef'})
    assert good.status_code == 200 and good.json()['total'] >= 25
    bad = requests.get(url, headers={'X-Auth-Token': 'forged', 'X-Project-Id': '0123456789abcdef0123456789abcdef'})
    assert bad.status_code == 401 and bad.json()['error_code'] == 'APIG.1002'
    wrong = HuaweiClient(emulator.url, sk='wrongSecret').request('GET', '/v1/base-models')
    assert wrong.status_code == 401 and 'signature does not match' in wrong.json()['error_msg']
