"""OCI Vision on the wire: projects, model training, work requests (with cancel), batch jobs that read and write
the emulated Object Storage, and the synchronous analysis calls."""

import base64
import email.utils
import io
import json
import zipfile

import pytest

from emulator.config import TEST_COMPARTMENT, TEST_TENANCY

API = '/20220125'
PROJECTS = API + '/projects'
MODELS = API + '/models'
WORK_REQUESTS = API + '/workRequests'
IMAGE_JOBS = API + '/imageJobs'
DOCUMENT_JOBS = API + '/documentJobs'
VIDEO_JOBS = API + '/videoJobs'
OTHER_COMPARTMENT = 'ocid1.compartment.oc1..aaaaaaaaothercompartment'
PNG = base64.b64decode('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==')
PDF = b'%PDF-1.4\n1 0 obj << /Type /Pages /Count 2 >> endobj\n2 0 obj << /Type /Page >> endobj\n3 0 obj << /Type /Page >> endobj\n%%EOF\n'
MP4 = b'\x00\x00\x00\x18ftypmp42' + b'\x00' * 32
TRAINING = {'datasetType': 'OBJECT_STORAGE', 'namespaceName': 'ns', 'bucketName': 'data', 'objectName': 'train.jsonl'}


def error_of(response, status):
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {'code', 'message'} and response.headers['opc-request-id']
    return body['code'], body['message']


def ok(response, status=200):
    assert response.status_code == status, response.text
    return response.json() if response.content else None


def advance(emulator, seconds):
    emulator.emulator.clock.advance(seconds)


def put_objects(admin, **objects):
    """name -> bytes, in namespace ns, bucket data."""
    admin.put('/objects', {'objects': [{'namespace': 'ns', 'bucket': 'data', 'name': name, 'data': base64.b64encode(data).decode()}
                                       for name, data in objects.items()]})


def project(oci, emulator, name='project', compartment=TEST_COMPARTMENT):
    created = ok(oci.post(PROJECTS, {'compartmentId': compartment, 'displayName': name, 'description': 'd'}))
    advance(emulator, 2)
    return created['id']


def model_body(project_id, **changes):
    body = {'compartmentId': TEST_COMPARTMENT, 'projectId': project_id, 'modelType': 'IMAGE_CLASSIFICATION', 'displayName': 'model',
            'trainingDataset': dict(TRAINING)}
    body.update(changes)
    return body


def trained_model(oci, emulator, admin, project_id, **changes):
    put_objects(admin, **{'train.jsonl': b'{}'})
    model = ok(oci.post(MODELS, model_body(project_id, **changes)))
    advance(emulator, 10)
    return model['id']


def job_body(*names, features=None, **changes):
    body = {'compartmentId': TEST_COMPARTMENT, 'displayName': 'job',
            'inputLocation': {'sourceType': 'OBJECT_LIST_INLINE_INPUT_LOCATION',
                              'objectLocations': [{'namespaceName': 'ns', 'bucketName': 'data', 'objectName': name} for name in names]},
            'features': [{'featureType': 'IMAGE_CLASSIFICATION', 'maxResults': 2}] if features is None else features,
            'outputLocation': {'namespaceName': 'ns', 'bucketName': 'results', 'prefix': 'out'}}
    body.update(changes)
    return body


# ---- projects ---------------------------------------------------------------------------------------------

def test_project_lifecycle_updates_without_a_body_and_lists(oci, emulator):
    created = oci.post(PROJECTS, {'compartmentId': TEST_COMPARTMENT, 'displayName': 'p1', 'description': 'first'})
    project_data = ok(created)
    assert project_data['id'].startswith('ocid1.aivisionproject.oc1.us-chicago-1.') and project_data['lifecycleState'] == 'CREATING'
    assert created.headers['etag'] and created.headers['opc-work-request-id'].startswith('ocid1.aivisionworkrequest.')
    advance(emulator, 2)
    fetched = oci.get(PROJECTS + '/' + project_data['id'])
    assert ok(fetched)['lifecycleState'] == 'ACTIVE'

    updated = oci.put(PROJECTS + '/' + project_data['id'], {'description': 'second'}, headers={'if-match': fetched.headers['etag']})
    assert updated.status_code == 202 and updated.content == b'' and 'etag' not in updated.headers
    assert ok(oci.get(PROJECTS + '/' + project_data['id']))['lifecycleState'] == 'UPDATING'
    work_request = ok(oci.get(WORK_REQUESTS + '/' + updated.headers['opc-work-request-id']))
    assert work_request['operationType'] == 'UPDATE_PROJECT' and 'metadata' not in work_request['resources'][0]
    advance(emulator, 2)
    assert ok(oci.get(PROJECTS + '/' + project_data['id']))['description'] == 'second'

    project(oci, emulator, 'p2', OTHER_COMPARTMENT)
    summaries = ok(oci.get(PROJECTS, params={'compartmentId': TEST_COMPARTMENT}))['items']
    assert [item['displayName'] for item in summaries] == ['p1'] and 'description' not in summaries[0]
    everywhere = ok(oci.get(PROJECTS, params={'sortBy': 'displayName'}))['items']
    assert [item['displayName'] for item in everywhere] == ['p1', 'p2']
    assert error_of(oci.get(PROJECTS, params={'sortBy': 'lifecycleState'}), 400)[0] == 'InvalidParameter'


def test_project_move_takes_no_retry_token_and_delete_is_refused_while_it_holds_models(oci, emulator, admin):
    project_id = project(oci, emulator)
    token = {'opc-retry-token': 'same-token'}
    moved = oci.post(PROJECTS + '/' + project_id + '/actions/changeCompartment', {'compartmentId': OTHER_COMPARTMENT}, headers=token)
    assert moved.status_code == 204 and 'opc-work-request-id' not in moved.headers
    back = oci.post(PROJECTS + '/' + project_id + '/actions/changeCompartment', {'compartmentId': TEST_COMPARTMENT}, headers=token)
    assert back.status_code == 204 and ok(oci.get(PROJECTS + '/' + project_id))['compartmentId'] == TEST_COMPARTMENT

    model_id = trained_model(oci, emulator, admin, project_id)
    code, message = error_of(oci.delete(PROJECTS + '/' + project_id), 409)
    assert code == 'IncorrectState' and model_id in message
    deleted = oci.delete(MODELS + '/' + model_id)
    assert deleted.status_code == 202 and deleted.headers['opc-work-request-id']
    advance(emulator, 2)
    assert oci.delete(PROJECTS + '/' + project_id).status_code == 202
    advance(emulator, 2)
    assert ok(oci.get(PROJECTS + '/' + project_id))['lifecycleState'] == 'DELETED'


# ---- models -----------------------------------------------------------------------------------------------

def test_model_training_takes_time_and_ends_with_metrics(oci, emulator, admin):
    project_id = project(oci, emulator)
    put_objects(admin, **{'train.jsonl': b'{}'})
    created = ok(oci.post(MODELS, model_body(project_id, maxTrainingDurationInHours=1.5, modelVersion='2.1',
                                             testingDataset={'datasetType': 'DATA_SCIENCE_LABELING',
                                                             'datasetId': 'ocid1.datalabelingdataset.oc1..d'})))
    assert created['id'].startswith('ocid1.aivisionmodel.') and created['lifecycleState'] == 'CREATING'
    assert created['modelVersion'] == '2.1' and 'precision' not in created
    advance(emulator, 2)  # delay 1: training takes 4
    assert ok(oci.get(MODELS + '/' + created['id']))['lifecycleState'] == 'CREATING'
    advance(emulator, 3)
    model = ok(oci.get(MODELS + '/' + created['id']))
    assert model['lifecycleState'] == 'ACTIVE' and 0 < model['precision'] <= 1 and model['trainedDurationInHours'] == 1.5
    assert model['totalImageCount'] > model['testImageCount'] > 0
    labels = [entry['label'] for entry in json.loads(model['metrics'])['labelMetricsReport']]
    assert labels == ['model-class-1', 'model-class-2', 'model-class-3']
    summary = ok(oci.get(MODELS, params={'projectId': project_id}))['items'][0]
    assert summary['precision'] == model['precision'] and 'metrics' not in summary and 'isQuickMode' not in summary
    assert summary['testingDataset']['datasetType'] == 'DATA_SCIENCE_LABELING'
    assert ok(oci.get(MODELS, params={'projectId': 'ocid1.aivisionproject.oc1..other'}))['items'] == []

    quick = ok(oci.post(MODELS, model_body(project_id, isQuickMode=True, displayName='quick')))
    assert quick['modelVersion'] == '1.0'
    advance(emulator, 2.5)
    assert ok(oci.get(MODELS + '/' + quick['id']))['lifecycleState'] == 'ACTIVE'


def test_model_checks_its_project_and_datasets(oci, emulator):
    project_id = project(oci, emulator)
    assert 'projectId' in error_of(oci.post(MODELS, model_body('ocid1.aivisionproject.oc1..missing')), 404)[1]
    assert 'modelType' in error_of(oci.post(MODELS, model_body(project_id, modelType='SEGMENTATION')), 400)[1]
    assert 'trainingDataset.datasetId' in error_of(oci.post(MODELS, model_body(project_id, trainingDataset={
        'datasetType': 'DATA_SCIENCE_LABELING'})), 400)[1]
    assert 'trainingDataset.datasetId' in error_of(oci.post(MODELS, model_body(project_id, trainingDataset=dict(
        TRAINING, datasetId='x'))), 400)[1]
    assert 'maxTrainingDurationInHours' in error_of(oci.post(MODELS, model_body(project_id, maxTrainingDurationInHours=0)), 400)[1]
    creating = ok(oci.post(PROJECTS, {'compartmentId': TEST_COMPARTMENT}))
    assert 'CREATING' in error_of(oci.post(MODELS, model_body(creating['id'])), 400)[1]


def test_a_training_dataset_that_is_not_there_fails_the_training(oci, emulator):
    project_id = project(oci, emulator)
    created = oci.post(MODELS, model_body(project_id))
    advance(emulator, 5)
    assert ok(oci.get(MODELS + '/' + ok(created)['id']))['lifecycleState'] == 'FAILED'
    work_request_id = created.headers['opc-work-request-id']
    assert ok(oci.get(WORK_REQUESTS + '/' + work_request_id))['status'] == 'FAILED'
    errors = ok(oci.get(WORK_REQUESTS + '/' + work_request_id + '/errors'))['items']
    assert 'ns/data/train.jsonl was not found' in errors[0]['message']


# ---- work requests ----------------------------------------------------------------------------------------

def test_work_requests_list_without_compartment_and_sort_entries_by_time_accepted(oci, emulator):
    project_id = project(oci, emulator)
    items = ok(oci.get(WORK_REQUESTS))['items']
    assert [item['operationType'] for item in items] == ['CREATE_PROJECT'] and items[0]['resources'][0]['identifier'] == project_id
    logs = WORK_REQUESTS + '/' + items[0]['id'] + '/logs'
    entries = ok(oci.get(logs, params={'sortBy': 'timeAccepted', 'sortOrder': 'ASC'}))['items']
    assert entries[0]['message'] == 'CREATE_PROJECT accepted.' and entries[-1]['message'].endswith('CREATE_PROJECT succeeded.')
    assert error_of(oci.get(logs, params={'sortBy': 'timestamp'}), 400)[0] == 'InvalidParameter'
    fetched = oci.get(WORK_REQUESTS + '/' + items[0]['id'])
    assert fetched.headers['etag'] and fetched.headers['retry-after']


def test_cancelling_work_requests_before_they_start(oci, emulator, admin):
    admin.put('/settings', {'delay': 100})
    created = oci.post(PROJECTS, {'compartmentId': TEST_COMPARTMENT, 'displayName': 'never'})
    work_request = WORK_REQUESTS + '/' + created.headers['opc-work-request-id']
    assert error_of(oci.delete(work_request, headers={'if-match': 'stale'}), 412)[0] == 'NoEtagMatch'
    cancelled = oci.delete(work_request, headers={'if-match': oci.get(work_request).headers['etag']})
    assert cancelled.status_code == 202
    assert ok(oci.get(work_request))['status'] == 'CANCELING'
    advance(emulator, 20)
    seen = ok(oci.get(work_request))
    assert seen['status'] == 'CANCELED' and 'timeStarted' not in seen and seen['resources'][0]['actionType'] == 'RELATED'
    assert ok(oci.get(PROJECTS + '/' + ok(created)['id']))['lifecycleState'] == 'FAILED'
    assert code_of_cancel(oci, work_request) == 'IncorrectState'

    admin.put('/settings', {'delay': 1})
    project_id = project(oci, emulator)
    admin.put('/settings', {'delay': 100})
    deleting = oci.delete(PROJECTS + '/' + project_id)
    oci.delete(WORK_REQUESTS + '/' + deleting.headers['opc-work-request-id'])
    assert ok(oci.get(PROJECTS + '/' + project_id))['lifecycleState'] == 'ACTIVE'
    updating = oci.put(PROJECTS + '/' + project_id, {'description': 'never applied'})
    oci.delete(WORK_REQUESTS + '/' + updating.headers['opc-work-request-id'])
    assert ok(oci.get(PROJECTS + '/' + project_id))['description'] == 'd'

    started = oci.put(PROJECTS + '/' + project_id, {'description': 'applied'})
    advance(emulator, 50)
    code, message = error_of(oci.delete(WORK_REQUESTS + '/' + started.headers['opc-work-request-id']), 409)
    assert 'IN_PROGRESS' in message


def code_of_cancel(oci, work_request):
    return oci.delete(work_request).json()['code']


def test_generative_ai_work_requests_cannot_be_cancelled(oci):
    assert oci.delete('/20231130/workRequests/ocid1.generativeaiworkrequest.oc1..x').status_code == 404


# ---- batch jobs -------------------------------------------------------------------------------------------

def test_image_job_runs_and_writes_one_result_per_image(oci, emulator, admin):
    put_objects(admin, **{'a.png': PNG, 'b.png': PNG[:-1] + b'\x83'})
    created = oci.post(IMAGE_JOBS, job_body('a.png', 'b.png', features=[
        {'featureType': 'IMAGE_CLASSIFICATION', 'maxResults': 2}, {'featureType': 'FACE_DETECTION', 'shouldReturnLandmarks': True},
        {'featureType': 'TEXT_DETECTION', 'language': 'ENG'}], isZipOutputEnabled=True))
    job = ok(created)
    assert job['id'].startswith('ocid1.aivisionimagejob.') and job['lifecycleState'] == 'ACCEPTED'
    assert job['percentComplete'] == 0 and 'timeStarted' not in job and created.headers['etag']
    assert 'opc-work-request-id' not in created.headers
    advance(emulator, 0.5)
    running = ok(oci.get(IMAGE_JOBS + '/' + job['id']))
    assert running['lifecycleState'] == 'IN_PROGRESS' and 0 < running['percentComplete'] < 100 and running['timeStarted']
    advance(emulator, 1)
    done = ok(oci.get(IMAGE_JOBS + '/' + job['id']))
    assert done['lifecycleState'] == 'SUCCEEDED' and done['percentComplete'] == 100 and done['timeFinished']
    written = admin.get('/objects?bucket=results&prefix=out/%s/' % job['id'])['objects']
    names = [entry['name'] for entry in written]
    assert names == ['out/%s/%s' % (job['id'], name) for name in ('ns_data_a.png.json', 'ns_data_b.png.json', job['id'] + '.zip')]
    result = json.loads(base64.b64decode(written[0]['data']))
    assert len(result['labels']) == 2 and result['detectedFaces'][0]['landmarks'] and result['imageText']['words']
    with zipfile.ZipFile(io.BytesIO(base64.b64decode(written[2]['data']))) as bundle:
        assert bundle.namelist() == ['ns_data_a.png.json', 'ns_data_b.png.json']
    assert oci.get(IMAGE_JOBS).status_code == 404  # there is no list call


@pytest.mark.parametrize('inputs, outcome', [(('a.png', 'missing.png'), 'PARTIALLY_SUCCEEDED'),
                                             (('missing.png', 'not-an-image.png'), 'COMPLETELY_FAILED')])
def test_image_job_with_unreadable_inputs_fails(oci, emulator, admin, inputs, outcome):
    put_objects(admin, **{'a.png': PNG, 'not-an-image.png': b'hello'})
    job = ok(oci.post(IMAGE_JOBS, job_body(*inputs)))
    advance(emulator, 2)
    done = ok(oci.get(IMAGE_JOBS + '/' + job['id']))
    assert done['lifecycleState'] == 'FAILED' and done['lifecycleDetails'] == outcome
    written = admin.get('/objects?bucket=results')['objects']
    assert len(written) == (1 if outcome == 'PARTIALLY_SUCCEEDED' else 0)


def test_injected_job_failure(oci, emulator, admin):
    put_objects(admin, **{'a.png': PNG})
    admin.put('/settings', {'next_outcome': {'ImageJob': 'FAILED'}})
    job = ok(oci.post(IMAGE_JOBS, job_body('a.png')))
    advance(emulator, 2)
    assert ok(oci.get(IMAGE_JOBS + '/' + job['id']))['lifecycleDetails'] == 'COMPLETELY_FAILED'


def test_cancelling_a_job(oci, emulator, admin):
    admin.put('/settings', {'delay': 100})
    put_objects(admin, **{'a.png': PNG})
    job = ok(oci.post(IMAGE_JOBS, job_body('a.png')))
    path = IMAGE_JOBS + '/' + job['id']
    advance(emulator, 20)
    fetched = oci.get(path)
    assert ok(fetched)['lifecycleState'] == 'IN_PROGRESS'
    advance(emulator, 5)  # progress moves on; the etag only follows the state
    assert oci.get(path).headers['etag'] == fetched.headers['etag']
    assert error_of(oci.post(path + '/actions/cancel', headers={'if-match': 'stale'}, raw_body=b''), 412)[0] == 'NoEtagMatch'
    cancelled = oci.request('POST', path + '/actions/cancel', headers={'if-match': fetched.headers['etag']}, raw_body=b'')
    assert cancelled.status_code == 202 and cancelled.content == b''
    assert ok(oci.get(path))['lifecycleState'] == 'CANCELING'
    advance(emulator, 20)
    seen = ok(oci.get(path))
    assert seen['lifecycleState'] == 'CANCELED' and seen['timeFinished'] and seen['percentComplete'] < 100
    code, message = error_of(oci.request('POST', path + '/actions/cancel', raw_body=b''), 409)
    assert code == 'IncorrectState' and 'CANCELED' in message
    assert admin.get('/objects?bucket=results')['objects'] == []


def test_job_retry_token_replays_the_first_answer(oci, emulator, admin):
    put_objects(admin, **{'a.png': PNG})
    token = {'opc-retry-token': 'job-token'}
    first = oci.post(IMAGE_JOBS, job_body('a.png'), headers=token)
    advance(emulator, 5)
    again = oci.post(IMAGE_JOBS, job_body('a.png'), headers=token)
    assert ok(again) == ok(first)  # the answer of the first request, as it was then
    assert ok(oci.get(IMAGE_JOBS + '/' + ok(first)['id']))['lifecycleState'] == 'SUCCEEDED'
    assert error_of(oci.post(IMAGE_JOBS, job_body('a.png', displayName='other'), headers=token), 409)[0] == 'IdempotencyConflict'
    accepted = email.utils.parsedate_to_datetime(again.headers['Date']).timestamp()
    assert accepted >= emulator.emulator.clock.now() - 2  # the Date header follows the emulated clock


def test_job_body_checks(oci, emulator, admin):
    project_id = project(oci, emulator)
    model_id = trained_model(oci, emulator, admin, project_id, modelType='OBJECT_DETECTION')
    checks = [
        (job_body('a.png', features=[]), 'features'),
        (job_body('a.png', features=[{'featureType': 'TEXT_DETECTION'}, {'featureType': 'TEXT_DETECTION'}]), 'more than once'),
        (job_body('a.png', features=[{'featureType': 'TEXT_DETECTION', 'maxResults': 2}]), 'features[0].maxResults'),
        (job_body('a.png', features=[{'featureType': 'LABEL_DETECTION'}]), 'features[0].featureType'),
        (job_body('a.png', features=[{'featureType': 'IMAGE_CLASSIFICATION', 'modelId': model_id}]), 'OBJECT_DETECTION model'),
        (job_body('a.png', features=[{'featureType': 'OBJECT_DETECTION', 'modelId': 'ocid1.aivisionmodel.oc1..gone'}]),
         'features[0].modelId'),
        (job_body(), 'inputLocation.objectLocations'),
        (job_body('a.png', outputLocation={'namespaceName': 'ns', 'bucketName': 'b'}), 'outputLocation.prefix'),
        (job_body('a.png', language='ENG'), 'language'),
        (job_body('a.png', freeformTags={'a': 'b'}), 'freeformTags'),
        (job_body(*['x%d.png' % n for n in range(2001)]), 'at most 2000'),
    ]
    for body, named in checks:
        answer = oci.post(IMAGE_JOBS, body)
        assert answer.status_code == (404 if 'gone' in json.dumps(body) else 400), named
        assert named in error_of(answer, answer.status_code)[1], named
    assert ok(oci.post(IMAGE_JOBS, job_body('a.png', features=[{'featureType': 'OBJECT_DETECTION', 'modelId': model_id}])))


def test_document_and_video_jobs(oci, emulator, admin):
    put_objects(admin, **{'invoice.pdf': PDF, 'clip.mp4': MP4})
    document = ok(oci.post(DOCUMENT_JOBS, job_body('invoice.pdf', language='ENG', documentType='INVOICE', features=[
        {'featureType': 'KEY_VALUE_DETECTION'}, {'featureType': 'TABLE_DETECTION'}, {'featureType': 'DOCUMENT_CLASSIFICATION'},
        {'featureType': 'TEXT_DETECTION', 'generateSearchablePdf': True}])))
    assert document['id'].startswith('ocid1.aivisiondocumentjob.') and document['documentType'] == 'INVOICE'
    video = ok(oci.post(VIDEO_JOBS, job_body('clip.mp4', freeformTags={'CamelCase': 'kept'}, features=[
        {'featureType': 'OBJECT_TRACKING', 'minConfidence': 0.8}, {'featureType': 'FACE_DETECTION', 'isLandmarkRequired': True}])))
    assert video['id'].startswith('ocid1.aivisionvideojob.') and video['freeformTags'] == {'CamelCase': 'kept'}
    assert video['systemTags'] == {} and video['compartmentId'] == TEST_COMPARTMENT
    advance(emulator, 2)
    assert ok(oci.get(DOCUMENT_JOBS + '/' + document['id']))['lifecycleState'] == 'SUCCEEDED'
    assert ok(oci.get(VIDEO_JOBS + '/' + video['id']))['lifecycleState'] == 'SUCCEEDED'
    results = {entry['name'].rsplit('/', 1)[1]: json.loads(base64.b64decode(entry['data']))
               for entry in admin.get('/objects?bucket=results')['objects']}
    pages = results['ns_data_invoice.pdf.json']['pages']
    assert len(pages) == 2 and pages[0]['tables'][0]['rowCount'] == 3 and pages[0]['documentFields'][0]['fieldValue']['valueType'] == 'STRING'
    assert results['ns_data_invoice.pdf.json']['detectedDocumentTypes'][0]['documentType'] == 'INVOICE'
    tracked = results['ns_data_clip.mp4.json']
    assert tracked['videoMetadata']['frameRate'] == 30.0 and tracked['videoFaces'][0]['segments'][0]['frames'][0]['landmarks']
    assert all(segment['confidence'] >= 0.8 for item in tracked['videoTrackedObjects'] for segment in item['segments'])
    assert 'videoLabels' not in tracked
    untargeted = ok(oci.post(VIDEO_JOBS, job_body('clip.mp4', compartmentId=None, features=[{'featureType': 'TEXT_DETECTION'}])))
    assert untargeted['compartmentId'] == TEST_TENANCY


# ---- synchronous analysis ---------------------------------------------------------------------------------

def analyze_image_body(features, **image):
    return {'features': features, 'image': image or {'source': 'INLINE', 'data': base64.b64encode(PNG).decode()}}


def test_analyze_image_answers_the_requested_features_and_is_not_mutating(oci, admin, emulator):
    answer = oci.post(API + '/actions/analyzeImage', analyze_image_body([{'featureType': 'OBJECT_DETECTION', 'maxResults': 2},
                                                                        {'featureType': 'FACE_EMBEDDING'}]))
    result = ok(answer)
    assert answer.headers['etag'] and set(result) == {'imageObjects', 'objectDetectionModelVersion', 'detectedFaces',
                                                      'faceDetectionModelVersion', 'errors'}
    assert len(result['imageObjects']) == 2 and len(result['detectedFaces'][0]['embeddings']) == 16
    vertices = result['imageObjects'][0]['boundingPolygon']['normalizedVertices']
    assert len(vertices) == 4 and all(0 <= point['x'] <= 1 and 0 <= point['y'] <= 1 for point in vertices)
    assert ok(oci.post(API + '/actions/analyzeImage', analyze_image_body([{'featureType': 'OBJECT_DETECTION', 'maxResults': 2},
                                                                          {'featureType': 'FACE_EMBEDDING'}]))) == result
    assert admin.requests_log()[-1]['mutating'] is False

    put_objects(admin, **{'a.png': PNG})
    stored = ok(oci.post(API + '/actions/analyzeImage', analyze_image_body(
        [{'featureType': 'IMAGE_CLASSIFICATION'}], source='OBJECT_STORAGE', namespaceName='ns', bucketName='data', objectName='a.png')))
    assert stored['labels'] and stored['ontologyClasses'][0]['name'] == stored['labels'][0]['name']
    project_id = project(oci, emulator)
    model_id = trained_model(oci, emulator, admin, project_id, displayName='shelf')
    custom = ok(oci.post(API + '/actions/analyzeImage', analyze_image_body([{'featureType': 'IMAGE_CLASSIFICATION', 'modelId': model_id}])))
    assert custom['labels'][0]['name'].startswith('shelf-class-') and custom['imageClassificationModelVersion'] == '1.0'


def test_analyze_image_refusals(oci):
    path = API + '/actions/analyzeImage'
    big = base64.b64encode(PNG + b'\x00' * (5 * 1024 * 1024)).decode()
    assert '5 MB' in error_of(oci.post(path, analyze_image_body([{'featureType': 'TEXT_DETECTION'}], source='INLINE', data=big)), 400)[1]
    assert 'base64' in error_of(oci.post(path, analyze_image_body([{'featureType': 'TEXT_DETECTION'}], source='INLINE', data='%%%')), 400)[1]
    pdf = base64.b64encode(PDF).decode()
    assert 'JPEG or PNG' in error_of(oci.post(path, analyze_image_body([{'featureType': 'TEXT_DETECTION'}], source='INLINE', data=pdf)), 400)[1]
    missing = analyze_image_body([{'featureType': 'TEXT_DETECTION'}], source='OBJECT_STORAGE', namespaceName='ns', bucketName='b',
                                 objectName='none.png')
    assert 'ns/b/none.png' in error_of(oci.post(path, missing), 404)[1]
    assert 'image.source' in error_of(oci.post(path, analyze_image_body([{'featureType': 'TEXT_DETECTION'}], source='URL')), 400)[1]


def test_analyze_document(oci, admin):
    path = API + '/actions/analyzeDocument'
    body = {'features': [{'featureType': 'LANGUAGE_CLASSIFICATION', 'maxResults': 2}, {'featureType': 'TEXT_DETECTION'}],
            'document': {'source': 'INLINE', 'data': base64.b64encode(PDF).decode()}, 'language': 'DEU',
            'outputLocation': {'namespaceName': 'ns', 'bucketName': 'results', 'prefix': 'sync'}}
    result = ok(oci.post(path, body))
    assert result['documentMetadata'] == {'pageCount': 2, 'mimeType': 'application/pdf'}
    assert [page['pageNumber'] for page in result['pages']] == [1, 2] and result['pages'][0]['words']
    assert [entry['languageCode'] for entry in result['detectedLanguages']] == ['DEU', 'ENG']
    assert 'tables' not in result['pages'][0] and 'searchablePdf' not in result
    written = admin.get('/objects?bucket=results&prefix=sync/')['objects']
    assert len(written) == 1 and json.loads(base64.b64decode(written[0]['data'])) == result
    six_pages = PDF.replace(b'%%EOF', b'<< /Type /Page >> ' * 4 + b'%%EOF')
    body.update(document={'source': 'INLINE', 'data': base64.b64encode(six_pages).decode()})
    assert 'at most 5' in error_of(oci.post(path, body), 400)[1]


def test_admin_objects_api(admin):
    bad = admin.call('PUT', '/objects', {'objects': [{'namespace': 'ns', 'name': 'x'}]})
    assert bad.status_code == 400 and 'bucket' in bad.json()['error']
    assert admin.call('PUT', '/objects', {'objects': [{'namespace': 'ns', 'bucket': 'b', 'name': 'x', 'data': '%%'}]}).status_code == 400
    admin.put('/objects', {'objects': [{'namespace': 'ns', 'bucket': 'b', 'name': 'dir/x.txt', 'text': 'hello'}]})
    listed = admin.get('/objects?namespace=ns&bucket=b&prefix=dir/')['objects']
    assert listed == [{'namespace': 'ns', 'bucket': 'b', 'name': 'dir/x.txt', 'size': 5, 'data': base64.b64encode(b'hello').decode()}]
    assert admin.get('/objects?bucket=other')['objects'] == []
    admin.call('POST', '/reset')
    assert admin.get('/objects')['objects'] == []
