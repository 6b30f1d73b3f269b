"""Huawei DataArts Fabric: workspaces and base models."""

WORKSPACES = '/v1/workspaces'


def error_of(response, status):
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {'error_code', 'error_msg'}
    assert response.headers['X-Request-Id']
    return body['error_code'], body['error_msg']


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

    first = huawei.request('GET', WORKSPACES).json()
    assert first['total'] == 13 and len(first['workspaces']) == 10  # default limit 10, newest first
    seen, offset = [], 0
    while True:
        page = huawei.request('GET', WORKSPACES, params={'offset': offset, 'limit': 5, 'name': 'WS-'}).json()
        assert page['total'] == 12
        seen.extend(item['id'] for item in page['workspaces'])
        offset += len(page['workspaces'])
        if offset >= page['total']:
            break
    assert seen == list(reversed(ids))

    listed = huawei.request('GET', WORKSPACES, params={'id': ids[3]}).json()
    assert listed['total'] == 1 and listed['workspaces'][0]['name'] == 'ws-03'
    by_project = huawei.request('GET', WORKSPACES, params={'enterprise_project_id': 'ep-1'}).json()
    assert [item['name'] for item in by_project['workspaces']] == ['other-space']
    assert huawei.request('GET', WORKSPACES, params={'enterprise_project_id': 'all_granted_eps'}).json()['total'] == 13
    for params in ({'limit': 0}, {'limit': 101}, {'limit': 'x'}, {'offset': -1}):
        assert error_of(huawei.request('GET', WORKSPACES, params=params), 400)[0] == 'common.01000001'


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
