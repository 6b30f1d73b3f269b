"""OCI Generative AI: dedicated AI clusters and work requests, as seen on the wire."""

import time

from emulator.config import TEST_COMPARTMENT

BASE = '/20231130/dedicatedAiClusters'
OTHER_COMPARTMENT = 'ocid1.compartment.oc1..aaaaaaaaothercompartment'


def cluster_body(**changes):
    body = {'compartmentId': TEST_COMPARTMENT, 'type': 'HOSTING', 'unitShape': 'LARGE_COHERE', 'unitCount': 1,
            'displayName': 'dac-one', 'freeformTags': {'env': 'test'}}
    body.update(changes)
    return body


def create(oci, **changes):
    response = oci.post(BASE, cluster_body(**changes))
    assert response.status_code == 200, response.text
    return response


def error_of(response, status):
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {'code', 'message'}
    assert response.headers['opc-request-id']
    return body['code'], body['message']


def settle_quickly(admin):
    """Make transitions take 100 emulated seconds at 200x speed: half a real second."""
    admin.put('/settings', {'delay': 100, 'time_scale': 200})


def finish_transitions(admin):
    """Run the clock fast for a moment: pending transitions (delay 1 s) end."""
    admin.put('/settings', {'time_scale': 1000})
    time.sleep(0.01)
    admin.put('/settings', {'time_scale': 1})


def test_create_get_list_shapes(oci):
    created = create(oci, capacityReservationId='ocid1.capacityreservation.oc1..r1')
    cluster = created.json()
    assert cluster['lifecycleState'] == 'CREATING'
    assert cluster['id'].startswith('ocid1.generativeaidedicatedaicluster.oc1.us-chicago-1.')
    assert cluster['capacity'] == {'capacityType': 'HOSTING_CAPACITY', 'totalEndpointCapacity': 50, 'usedEndpointCapacity': 0}
    assert cluster['timeCreated'].endswith('Z') and 'previousState' not in cluster
    assert created.headers['etag'] and created.headers['opc-work-request-id'].startswith('ocid1.generativeaiworkrequest.')

    fetched = oci.get(BASE + '/' + cluster['id'], headers={'opc-request-id': 'caller-chosen'})
    assert fetched.status_code == 200 and fetched.json() == cluster
    assert fetched.headers['etag'] == created.headers['etag']
    assert fetched.headers['opc-request-id'] == 'caller-chosen'
    assert 'opc-work-request-id' not in fetched.headers

    listed = oci.get(BASE, params={'compartmentId': TEST_COMPARTMENT})
    assert listed.status_code == 200 and 'etag' not in listed.headers and 'opc-next-page' not in listed.headers
    assert [item['id'] for item in listed.json()['items']] == [cluster['id']]

    fine_tuning = create(oci, type='FINE_TUNING', unitShape='SMALL_COHERE', displayName='ft').json()
    assert 'capacity' not in fine_tuning


def test_create_validation_names_the_field(oci):
    body = cluster_body()
    del body['compartmentId']
    assert error_of(oci.post(BASE, body), 400) == ('MissingParameter', 'Missing required field compartmentId.')
    code, message = error_of(oci.post(BASE, cluster_body(type='SERVING')), 400)
    assert code == 'InvalidParameter' and 'type' in message and 'HOSTING' in message
    code, message = error_of(oci.post(BASE, cluster_body(unitShape='HUGE')), 400)
    assert code == 'InvalidParameter' and 'unitShape' in message
    code, message = error_of(oci.post(BASE, cluster_body(unitCount='2')), 400)
    assert code == 'InvalidParameter' and 'unitCount' in message
    code, message = error_of(oci.post(BASE, cluster_body(unitCount=0)), 400)
    assert 'unitCount' in message
    code, message = error_of(oci.post(BASE, cluster_body(colour='blue')), 400)
    assert code == 'InvalidParameter' and 'colour' in message
    assert error_of(oci.request('POST', BASE, raw_body=b'{"compartmentId": '), 400)[0] == 'CannotParseRequest'
    assert error_of(oci.request('POST', BASE, raw_body=b'[]'), 400)[0] == 'CannotParseRequest'
    assert oci.get(BASE, params={'compartmentId': TEST_COMPARTMENT}).json() == {'items': []}


def test_list_parameters(oci):
    assert error_of(oci.get(BASE), 400)[0] == 'MissingParameter'
    for limit in ('0', '1001', 'ten'):
        code, message = error_of(oci.get(BASE, params={'compartmentId': TEST_COMPARTMENT, 'limit': limit}), 400)
        assert code == 'InvalidParameter' and 'limit' in message
    assert error_of(oci.get(BASE, params={'compartmentId': TEST_COMPARTMENT, 'sortBy': 'unitCount'}), 400)[0] == 'InvalidParameter'
    assert error_of(oci.get(BASE, params={'compartmentId': TEST_COMPARTMENT, 'lifecycleState': 'RUNNING'}), 400)[0] == 'InvalidParameter'
    assert error_of(oci.get(BASE, params={'compartmentId': TEST_COMPARTMENT, 'page': 'garbage'}), 400)[0] == 'InvalidParameter'

    first = create(oci, displayName='b-cluster', capacityReservationId='ocid1.capacityreservation.oc1..r1').json()
    second = create(oci, displayName='a-cluster').json()
    create(oci, displayName='elsewhere', compartmentId=OTHER_COMPARTMENT)

    def ids(**params):
        response = oci.get(BASE, params=dict(params, compartmentId=TEST_COMPARTMENT))
        assert response.status_code == 200, response.text
        return [item['id'] for item in response.json()['items']]

    assert ids() == [second['id'], first['id']]  # timeCreated, newest first
    assert ids(sortOrder='ASC') == [first['id'], second['id']]
    assert ids(sortBy='displayName') == [second['id'], first['id']]
    assert ids(displayName='b-cluster') == [first['id']]
    assert ids(displayName='b-clust') == []
    assert ids(id=second['id']) == [second['id']]
    assert ids(capacityReservationId='ocid1.capacityreservation.oc1..r1') == [first['id']]
    assert ids(lifecycleState='CREATING') == [second['id'], first['id']]
    assert ids(lifecycleState='ACTIVE') == []


def test_paging_limit_two_over_five(oci):
    created = [create(oci, displayName='dac-%d' % number).json()['id'] for number in range(5)]
    pages, page_token = [], None
    while True:
        params = {'compartmentId': TEST_COMPARTMENT, 'limit': 2}
        if page_token:
            params['page'] = page_token
        response = oci.get(BASE, params=params)
        assert response.status_code == 200
        items = response.json()['items']
        assert all('previousState' not in item for item in items)
        pages.append([item['id'] for item in items])
        page_token = response.headers.get('opc-next-page')
        if not page_token:
            break
    assert [len(page) for page in pages] == [2, 2, 1]
    assert sum(pages, []) == list(reversed(created))


def test_retry_token_replays_the_original_response(emulator, oci):
    headers = {'opc-retry-token': 'token-0001'}
    first = oci.post(BASE, cluster_body(), headers=headers)
    second = oci.post(BASE, cluster_body(), headers=dict(headers, **{'opc-request-id': 'second-call'}))
    assert second.status_code == first.status_code == 200
    assert second.content == first.content
    for name in ('etag', 'opc-work-request-id', 'content-type'):
        assert second.headers[name] == first.headers[name]
    assert second.headers['opc-request-id'] == 'second-call' != first.headers['opc-request-id']
    assert len(oci.get(BASE, params={'compartmentId': TEST_COMPARTMENT}).json()['items']) == 1

    code, message = error_of(oci.post(BASE, cluster_body(unitCount=3), headers=headers), 409)
    assert code == 'IdempotencyConflict'
    other_path = oci.post(BASE, cluster_body(), headers={'opc-retry-token': 'token-0002'})
    assert other_path.json()['id'] != first.json()['id']


def test_etag_and_if_match(oci, admin):
    cluster = create(oci)
    cluster_id = cluster.json()['id']
    path = BASE + '/' + cluster_id
    assert error_of(oci.put(path, {'displayName': 'x'}), 409)[0] == 'IncorrectState'  # still CREATING

    finish_transitions(admin)
    current = oci.get(path)
    assert current.json()['lifecycleState'] == 'ACTIVE'
    assert current.headers['etag'] != cluster.headers['etag']  # the state change is a change

    code, _message = error_of(oci.put(path, {'displayName': 'renamed'}, headers={'if-match': 'stale'}), 412)
    assert code == 'NoEtagMatch'
    assert error_of(oci.delete(path, headers={'if-match': 'stale'}), 412)[0] == 'NoEtagMatch'
    updated = oci.put(path, {'displayName': 'renamed'}, headers={'if-match': current.headers['etag']})
    assert updated.status_code == 200 and updated.json()['displayName'] == 'renamed'
    assert updated.headers['etag'] != current.headers['etag']
    assert updated.headers['opc-work-request-id']
    assert oci.get(path).headers['etag'] == updated.headers['etag']

    code, message = error_of(oci.put(path, {'unitShape': 'SMALL_COHERE'}), 400)
    assert code == 'InvalidParameter' and 'unitShape' in message
    code, message = error_of(oci.put(path, {'type': 'FINE_TUNING'}), 400)
    assert 'type' in message


def test_lifecycle_moves_with_the_clock(oci, admin):
    settle_quickly(admin)
    created = create(oci)
    cluster_id = created.json()['id']
    wr_path = '/20231130/workRequests/' + created.headers['opc-work-request-id']
    work_request = oci.get(wr_path)
    assert work_request.headers['retry-after']
    assert work_request.json()['status'] == 'ACCEPTED' and work_request.json()['percentComplete'] == 0
    assert work_request.json()['resources'][0]['actionType'] == 'IN_PROGRESS'

    time.sleep(0.2)
    progress = oci.get(wr_path).json()
    assert progress['status'] == 'IN_PROGRESS' and 0 < progress['percentComplete'] < 100 and 'timeStarted' in progress
    assert oci.get(BASE + '/' + cluster_id).json()['lifecycleState'] == 'CREATING'

    time.sleep(0.35)
    done = oci.get(wr_path).json()
    assert done['status'] == 'SUCCEEDED' and done['percentComplete'] == 100 and 'timeFinished' in done
    assert done['resources'][0] == {'entityType': 'DedicatedAiCluster', 'actionType': 'CREATED', 'identifier': cluster_id,
                                    'entityUri': BASE + '/' + cluster_id}
    assert oci.get(BASE + '/' + cluster_id).json()['lifecycleState'] == 'ACTIVE'
    assert [entry['message'] for entry in oci.get(wr_path + '/logs').json()['items']][0].endswith('succeeded.')  # newest first
    assert oci.get(wr_path + '/errors').json() == {'items': []}

    scaled = oci.put(BASE + '/' + cluster_id, {'unitCount': 2})
    assert scaled.json()['lifecycleState'] == 'UPDATING'
    assert scaled.json()['unitCount'] == 2 and scaled.json()['previousState']['unitCount'] == 1
    listed = oci.get(BASE, params={'compartmentId': TEST_COMPARTMENT}).json()['items'][0]
    assert listed['lifecycleState'] == 'UPDATING' and 'previousState' not in listed
    time.sleep(0.55)
    after = oci.get(BASE + '/' + cluster_id).json()
    assert after['lifecycleState'] == 'ACTIVE' and 'previousState' not in after and after['timeUpdated']
    update_wr = oci.get('/20231130/workRequests/' + scaled.headers['opc-work-request-id']).json()
    assert update_wr['operationType'] == 'UPDATE_DEDICATED_AI_CLUSTER' and update_wr['resources'][0]['actionType'] == 'UPDATED'

    renamed = oci.put(BASE + '/' + cluster_id, {'displayName': 'new-name', 'freeformTags': {}})
    assert renamed.json()['lifecycleState'] == 'ACTIVE' and renamed.json()['freeformTags'] == {}

    deleted = oci.delete(BASE + '/' + cluster_id)
    assert deleted.status_code == 202 and deleted.content == b'' and deleted.headers['opc-work-request-id']
    assert 'etag' not in deleted.headers
    assert oci.get(BASE + '/' + cluster_id).json()['lifecycleState'] == 'DELETING'
    assert error_of(oci.delete(BASE + '/' + cluster_id), 409)[0] == 'IncorrectState'
    time.sleep(0.55)
    assert oci.get(BASE + '/' + cluster_id).json()['lifecycleState'] == 'DELETED'
    assert oci.get(BASE, params={'compartmentId': TEST_COMPARTMENT}).json()['items'][0]['lifecycleState'] == 'DELETED'
    assert error_of(oci.delete(BASE + '/' + cluster_id), 404)[0] == 'NotAuthorizedOrNotFound'


def test_injected_outcomes(oci, admin):
    admin.put('/settings', {'next_outcome': {'DedicatedAiCluster': 'FAILED'}})
    failed = create(oci)
    admin.put('/settings', {'next_outcome': {'DedicatedAiCluster': 'NEEDS_ATTENTION'}})
    attention = create(oci)
    normal = create(oci)
    assert admin.get('/settings')['next_outcome'] == {}
    finish_transitions(admin)

    state = {response.json()['id']: oci.get(BASE + '/' + response.json()['id']).json() for response in (failed, attention, normal)}
    assert state[failed.json()['id']]['lifecycleState'] == 'FAILED' and state[failed.json()['id']]['lifecycleDetails']
    assert state[attention.json()['id']]['lifecycleState'] == 'NEEDS_ATTENTION'
    assert state[normal.json()['id']]['lifecycleState'] == 'ACTIVE'

    wr_path = '/20231130/workRequests/' + failed.headers['opc-work-request-id']
    work_request = oci.get(wr_path).json()
    assert work_request['status'] == 'FAILED' and work_request['resources'][0]['actionType'] == 'FAILED'
    errors = oci.get(wr_path + '/errors').json()['items']
    assert len(errors) == 1 and set(errors[0]) == {'code', 'message', 'timestamp'}
    assert oci.get('/20231130/workRequests/' + attention.headers['opc-work-request-id']).json()['status'] == 'SUCCEEDED'

    admin.put('/settings', {'next_outcome': {'DedicatedAiCluster': 'FAILED'}})
    update = oci.put(BASE + '/' + normal.json()['id'], {'displayName': 'will-fail'})
    assert update.json()['lifecycleState'] == 'UPDATING'
    finish_transitions(admin)
    assert oci.get(BASE + '/' + normal.json()['id']).json()['lifecycleState'] == 'FAILED'
    assert oci.delete(BASE + '/' + failed.json()['id']).status_code == 202


def test_change_compartment(oci, admin):
    cluster_id = create(oci).json()['id']
    path = BASE + '/' + cluster_id + '/actions/changeCompartment'
    assert error_of(oci.post(path, {'compartmentId': OTHER_COMPARTMENT}), 409)[0] == 'IncorrectState'
    finish_transitions(admin)
    assert error_of(oci.post(path, {}), 400)[0] == 'InvalidParameter'
    moved = oci.post(path, {'compartmentId': OTHER_COMPARTMENT}, headers={'opc-retry-token': 'move-1'})
    assert moved.status_code == 204 and 'etag' not in moved.headers and 'opc-work-request-id' not in moved.headers
    assert oci.get(BASE + '/' + cluster_id).json()['compartmentId'] == OTHER_COMPARTMENT
    assert oci.get(BASE, params={'compartmentId': TEST_COMPARTMENT}).json()['items'] == []
    assert oci.post(path, {'compartmentId': OTHER_COMPARTMENT}, headers={'opc-retry-token': 'move-1'}).status_code == 204


def test_work_request_listing_and_unknown_ids(oci):
    first = create(oci)
    second = create(oci, displayName='two')
    wr_base = '/20231130/workRequests'
    assert error_of(oci.get(wr_base), 400)[0] == 'MissingParameter'
    listed = oci.get(wr_base, params={'compartmentId': TEST_COMPARTMENT}).json()['items']
    assert [item['id'] for item in listed] == [second.headers['opc-work-request-id'], first.headers['opc-work-request-id']]
    by_resource = oci.get(wr_base, params={'compartmentId': TEST_COMPARTMENT, 'resourceId': first.json()['id']}).json()['items']
    assert [item['id'] for item in by_resource] == [first.headers['opc-work-request-id']]
    assert oci.get(wr_base, params={'compartmentId': TEST_COMPARTMENT, 'status': 'SUCCEEDED'}).json()['items'] == []
    paged = oci.get(wr_base, params={'compartmentId': TEST_COMPARTMENT, 'limit': 1})
    assert len(paged.json()['items']) == 1 and paged.headers['opc-next-page']

    assert error_of(oci.get(wr_base + '/ocid1.generativeaiworkrequest.oc1..nope'), 404)[0] == 'NotAuthorizedOrNotFound'
    assert error_of(oci.get(wr_base + '/ocid1.generativeaiworkrequest.oc1..nope/logs'), 404)[0] == 'NotAuthorizedOrNotFound'
    assert error_of(oci.get(BASE + '/ocid1.generativeaidedicatedaicluster.oc1..nope'), 404)[0] == 'NotAuthorizedOrNotFound'
    assert error_of(oci.put(BASE + '/ocid1.generativeaidedicatedaicluster.oc1..nope', {}), 404)[0] == 'NotAuthorizedOrNotFound'
    assert error_of(oci.get('/20231130/nothingHere'), 404)[0] == 'NotAuthorizedOrNotFound'
