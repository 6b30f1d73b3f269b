"""The official `oci.ai_vision.AIServiceVisionClient` drives every OCI Vision operation the collection's modules use
against the emulator, and parses each answer into its own model classes: projects, model training, image/document/video
jobs with cancel, the synchronous analysis calls, and work requests with cancel.
"""

import base64
import os
import sys

import pytest

TESTS_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
if TESTS_DIR not in sys.path:
    sys.path.insert(0, TESTS_DIR)

from emulator import start_emulator  # noqa: E402
from emulator.config import TEST_COMPARTMENT, TEST_TENANCY  # noqa: E402
from emulator.testing import OCI_SDK_CONFIG, AdminClient  # noqa: E402

OTHER_COMPARTMENT = 'ocid1.compartment.oc1..aaaaaaaaothercompartment'
WAIT = {'max_interval_seconds': 1, 'max_wait_seconds': 30}
PNG = base64.b64decode('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==')
PDF = b'%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n%%EOF\n'
MP4 = b'\x00\x00\x00\x18ftypmp42' + b'\x00' * 32


@pytest.fixture
def emulator():
    # transitions take 1 emulated second at 10x speed: 0.1 s of real time (training: 0.4 s)
    handle = start_emulator(delay=1.0, time_scale=10)
    AdminClient(handle.url).put('/objects', {'objects': [
        {'namespace': 'ns', 'bucket': 'data', 'name': name, 'data': base64.b64encode(data).decode()}
        for name, data in (('train.jsonl', b'{}'), ('a.png', PNG), ('doc.pdf', PDF), ('clip.mp4', MP4))]})
    yield handle
    handle.stop()


@pytest.fixture
def oci():
    return pytest.importorskip('oci')


@pytest.fixture
def vision(emulator, oci):
    return oci.ai_vision.AIServiceVisionClient(OCI_SDK_CONFIG, service_endpoint=emulator.url)


@pytest.fixture
def composite(oci, vision):
    return oci.ai_vision.AIServiceVisionClientCompositeOperations(vision)


def active_project(oci, composite, name='oracle-project'):
    details = oci.ai_vision.models.CreateProjectDetails(compartment_id=TEST_COMPARTMENT, display_name=name, description='d')
    done = composite.create_project_and_wait_for_state(details, wait_for_states=['SUCCEEDED'], waiter_kwargs=WAIT)
    return done.data.resources[0].identifier


def trained_model(oci, composite, project_id, model_type='IMAGE_CLASSIFICATION', name='oracle-model'):
    models = oci.ai_vision.models
    details = models.CreateModelDetails(
        compartment_id=TEST_COMPARTMENT, project_id=project_id, model_type=model_type, display_name=name, is_quick_mode=True,
        training_dataset=models.ObjectStorageDataset(namespace_name='ns', bucket_name='data', object_name='train.jsonl'))
    done = composite.create_model_and_wait_for_state(details, wait_for_states=['SUCCEEDED', 'FAILED'], waiter_kwargs=WAIT)
    assert done.data.status == 'SUCCEEDED'
    return done.data.resources[0].identifier


def objects(models, *names):
    return models.ObjectListInlineInputLocation(object_locations=[
        models.ObjectLocation(namespace_name='ns', bucket_name='data', object_name=name) for name in names])


def output(models):
    return models.OutputLocation(namespace_name='ns', bucket_name='results', prefix='oracle')


def test_project_operations(oci, vision, composite):
    models = oci.ai_vision.models
    project_id = active_project(oci, composite)
    got = vision.get_project(project_id)
    assert isinstance(got.data, models.Project) and got.data.lifecycle_state == 'ACTIVE' and got.data.description == 'd'
    for number in range(3):
        vision.create_project(models.CreateProjectDetails(compartment_id=TEST_COMPARTMENT, display_name='oracle-%d' % number))
    everything = oci.pagination.list_call_get_all_results(vision.list_projects, compartment_id=TEST_COMPARTMENT, limit=2,
                                                          sort_by='displayName', sort_order='ASC').data
    assert [item.display_name for item in everything] == ['oracle-0', 'oracle-1', 'oracle-2', 'oracle-project']
    assert all(isinstance(item, models.ProjectSummary) for item in everything)
    assert [item.id for item in vision.list_projects(compartment_id=TEST_COMPARTMENT, display_name='oracle-project').data.items] \
        == [project_id]

    with pytest.raises(oci.exceptions.ServiceError) as stale:
        vision.update_project(project_id, models.UpdateProjectDetails(description='x'), if_match='stale')
    assert stale.value.status == 412
    updated = composite.update_project_and_wait_for_state(
        project_id, models.UpdateProjectDetails(description='renamed', freeform_tags={'CamelCase': 'v'}),
        wait_for_states=['SUCCEEDED'], operation_kwargs={'if_match': got.headers['etag']}, waiter_kwargs=WAIT)
    assert updated.data.operation_type == 'UPDATE_PROJECT'
    assert vision.get_project(project_id).data.freeform_tags == {'CamelCase': 'v'}
    moved = vision.change_project_compartment(project_id, models.ChangeProjectCompartmentDetails(compartment_id=OTHER_COMPARTMENT))
    assert moved.status == 204 and vision.get_project(project_id).data.compartment_id == OTHER_COMPARTMENT
    deleted = composite.delete_project_and_wait_for_state(project_id, wait_for_states=['SUCCEEDED'], waiter_kwargs=WAIT)
    assert deleted.data.operation_type == 'DELETE_PROJECT' and vision.get_project(project_id).data.lifecycle_state == 'DELETED'


def test_model_training_and_operations(oci, vision, composite):
    models = oci.ai_vision.models
    project_id = active_project(oci, composite)
    model_id = trained_model(oci, composite, project_id, 'OBJECT_DETECTION')
    model = vision.get_model(model_id)
    assert isinstance(model.data, models.Model) and model.data.lifecycle_state == 'ACTIVE' and model.data.is_quick_mode is True
    assert isinstance(model.data.training_dataset, models.ObjectStorageDataset) and model.data.average_precision > 0
    assert model.data.model_version == '1.0' and model.data.trained_duration_in_hours == 0.5
    labeled = vision.create_model(models.CreateModelDetails(
        compartment_id=TEST_COMPARTMENT, project_id=project_id, model_type='IMAGE_CLASSIFICATION', display_name='labeled',
        training_dataset=models.DataScienceLabelingDataset(dataset_id='ocid1.datalabelingdataset.oc1..d'),
        validation_dataset=models.DataScienceLabelingDataset(dataset_id='ocid1.datalabelingdataset.oc1..v'))).data
    assert isinstance(labeled.validation_dataset, models.DataScienceLabelingDataset)
    listed = oci.pagination.list_call_get_all_results(vision.list_models, project_id=project_id, limit=1).data
    assert sorted(item.display_name for item in listed) == ['labeled', 'oracle-model']
    assert all(isinstance(item, models.ModelSummary) for item in listed)

    with pytest.raises(oci.exceptions.ServiceError) as busy:
        vision.delete_project(project_id)
    assert busy.value.status == 409 and model_id in busy.value.message
    updated = vision.update_model(model_id, models.UpdateModelDetails(description='scratches'), if_match=model.headers['etag'])
    assert updated.status == 202 and updated.data is None and updated.headers['opc-work-request-id']
    oci.wait_until(vision, vision.get_work_request(updated.headers['opc-work-request-id']), 'status', 'SUCCEEDED', **WAIT)
    assert vision.get_model(model_id).data.description == 'scratches'
    moved = vision.change_model_compartment(model_id, models.ChangeModelCompartmentDetails(compartment_id=OTHER_COMPARTMENT))
    assert moved.status == 204
    deleted = composite.delete_model_and_wait_for_state(model_id, wait_for_states=['SUCCEEDED'], waiter_kwargs=WAIT)
    assert deleted.data.operation_type == 'DELETE_MODEL' and deleted.data.resources[0].action_type == 'DELETED'


def test_image_job_runs_and_is_cancelled(oci, vision, composite, emulator):
    models = oci.ai_vision.models
    model_id = trained_model(oci, composite, active_project(oci, composite))
    details = models.CreateImageJobDetails(
        compartment_id=TEST_COMPARTMENT, display_name='oracle-images', input_location=objects(models, 'a.png'), output_location=output(models),
        features=[models.ImageClassificationFeature(model_id=model_id, max_results=2), models.ImageObjectDetectionFeature(),
                  models.ImageTextDetectionFeature(language='ENG'), models.FaceDetectionFeature(should_return_landmarks=True),
                  models.FaceEmbeddingFeature()], is_zip_output_enabled=True)
    done = composite.create_image_job_and_wait_for_state(details, wait_for_states=['SUCCEEDED', 'FAILED'], waiter_kwargs=WAIT)
    assert isinstance(done.data, models.ImageJob) and done.data.lifecycle_state == 'SUCCEEDED' and done.data.percent_complete == 100
    assert isinstance(done.data.features[0], models.ImageClassificationFeature) and done.data.features[0].model_id == model_id
    assert isinstance(done.data.input_location, models.ObjectListInlineInputLocation)
    assert done.data.output_location.prefix == 'oracle' and done.data.time_finished

    AdminClient(emulator.url).put('/settings', {'delay': 1000})
    running = vision.create_image_job(details, opc_retry_token='oracle-token')
    assert vision.create_image_job(details, opc_retry_token='oracle-token').data.id == running.data.id
    current = vision.get_image_job(running.data.id)
    cancelled = vision.cancel_image_job(running.data.id, if_match=current.headers['etag'])
    assert cancelled.status == 202 and cancelled.data is None
    assert vision.get_image_job(running.data.id).data.lifecycle_state == 'CANCELING'
    stopped = oci.wait_until(vision, vision.get_image_job(running.data.id), 'lifecycle_state', 'CANCELED',
                             max_interval_seconds=1, max_wait_seconds=60)
    assert stopped.data.time_finished
    with pytest.raises(oci.exceptions.ServiceError) as finished:
        vision.cancel_image_job(running.data.id)
    assert finished.value.status == 409


def test_document_and_video_jobs(oci, vision, composite):
    models = oci.ai_vision.models
    document = composite.create_document_job_and_wait_for_state(models.CreateDocumentJobDetails(
        compartment_id=TEST_COMPARTMENT, input_location=objects(models, 'doc.pdf'), output_location=output(models), language='ENG',
        document_type='RECEIPT', features=[models.DocumentKeyValueDetectionFeature(), models.DocumentTableDetectionFeature(),
                                           models.DocumentTextDetectionFeature(generate_searchable_pdf=True),
                                           models.DocumentLanguageClassificationFeature(max_results=1),
                                           models.DocumentClassificationFeature(max_results=2)]),
        wait_for_states=['SUCCEEDED', 'FAILED'], waiter_kwargs=WAIT)
    assert isinstance(document.data, models.DocumentJob) and document.data.lifecycle_state == 'SUCCEEDED'
    assert document.data.document_type == 'RECEIPT' and isinstance(document.data.features[2], models.DocumentTextDetectionFeature)
    video = composite.create_video_job_and_wait_for_state(models.CreateVideoJobDetails(
        compartment_id=TEST_COMPARTMENT, input_location=objects(models, 'clip.mp4'), output_location=output(models), freeform_tags={'k': 'v'},
        features=[models.VideoLabelDetectionFeature(min_confidence=0.5), models.VideoObjectDetectionFeature(max_results=2),
                  models.VideoTextDetectionFeature(), models.VideoFaceDetectionFeature(is_landmark_required=True),
                  models.VideoObjectTrackingFeature()]), wait_for_states=['SUCCEEDED', 'FAILED'], waiter_kwargs=WAIT)
    assert isinstance(video.data, models.VideoJob) and video.data.lifecycle_state == 'SUCCEEDED' and video.data.freeform_tags == {'k': 'v'}
    assert isinstance(video.data.features[4], models.VideoObjectTrackingFeature)
    for cancel, create, details in ((vision.cancel_document_job, vision.create_document_job, models.CreateDocumentJobDetails(
            input_location=objects(models, 'doc.pdf'), output_location=output(models), features=[models.DocumentTableDetectionFeature()])),
            (vision.cancel_video_job, vision.create_video_job, models.CreateVideoJobDetails(
                input_location=objects(models, 'clip.mp4'), output_location=output(models), features=[models.VideoTextDetectionFeature()]))):
        job = create(details).data
        assert job.compartment_id == TEST_TENANCY and cancel(job.id).status == 202


def test_synchronous_analysis(oci, vision, composite):
    models = oci.ai_vision.models
    image = vision.analyze_image(models.AnalyzeImageDetails(
        image=models.InlineImageDetails(data=base64.b64encode(PNG).decode()),
        features=[models.ImageClassificationFeature(max_results=3), models.ImageObjectDetectionFeature(),
                  models.ImageTextDetectionFeature(), models.FaceDetectionFeature(should_return_landmarks=True),
                  models.FaceEmbeddingFeature()]))
    result = image.data
    assert isinstance(result, models.AnalyzeImageResult) and len(result.labels) == 3 and isinstance(result.labels[0], models.Label)
    assert isinstance(result.image_objects[0].bounding_polygon.normalized_vertices[0], models.NormalizedVertex)
    assert isinstance(result.image_text.lines[0], models.Line) and result.detected_faces[0].landmarks[0].type == 'LEFT_EYE'
    assert result.text_detection_model_version and result.errors == []
    stored = vision.analyze_image(models.AnalyzeImageDetails(
        image=models.ObjectStorageImageDetails(namespace_name='ns', bucket_name='data', object_name='a.png'),
        features=[models.ImageClassificationFeature(model_id=trained_model(oci, composite, active_project(oci, composite)))]))
    assert stored.data.labels[0].name.startswith('oracle-model-class-')

    document = vision.analyze_document(models.AnalyzeDocumentDetails(
        document=models.ObjectStorageDocumentDetails(namespace_name='ns', bucket_name='data', object_name='doc.pdf'),
        features=[models.DocumentKeyValueDetectionFeature(), models.DocumentTableDetectionFeature(),
                  models.DocumentTextDetectionFeature(generate_searchable_pdf=True), models.DocumentClassificationFeature(),
                  models.DocumentLanguageClassificationFeature()], document_type='INVOICE',
        output_location=output(models))).data
    assert isinstance(document, models.AnalyzeDocumentResult) and document.document_metadata.page_count == 1
    page = document.pages[0]
    assert isinstance(page.tables[0], models.Table) and isinstance(page.tables[0].header_rows[0].cells[0], models.Cell)
    assert isinstance(page.document_fields[0].field_value, models.ValueString) and page.document_fields[0].field_value.value
    assert document.detected_document_types[0].document_type == 'INVOICE' and document.searchable_pdf
    with pytest.raises(oci.exceptions.ServiceError) as too_big:
        vision.analyze_image(models.AnalyzeImageDetails(image=models.InlineImageDetails(
            data=base64.b64encode(PNG + b'\x00' * 5 * 1024 * 1024).decode()), features=[models.ImageTextDetectionFeature()]),
            retry_strategy=oci.retry.NoneRetryStrategy())
    assert too_big.value.status == 400 and '5 MB' in too_big.value.message


def test_work_requests_and_their_cancel(oci, vision, composite, emulator):
    models = oci.ai_vision.models
    project_id = active_project(oci, composite)
    work_requests = oci.pagination.list_call_get_all_results(vision.list_work_requests, compartment_id=TEST_COMPARTMENT,
                                                             resource_id=project_id, limit=1).data
    assert [item.operation_type for item in work_requests] == ['CREATE_PROJECT']
    assert all(isinstance(item, models.WorkRequestSummary) for item in work_requests)
    assert vision.list_work_requests(status='SUCCEEDED').data.items[0].id == work_requests[0].id  # no compartment needed
    logs = oci.pagination.list_call_get_all_results(vision.list_work_request_logs, work_requests[0].id, limit=1,
                                                    sort_by='timeAccepted', sort_order='ASC').data
    assert logs[0].message == 'CREATE_PROJECT accepted.' and isinstance(logs[0], models.WorkRequestLogEntry) and len(logs) == 4
    assert vision.list_work_request_errors(work_requests[0].id).data.items == []

    AdminClient(emulator.url).put('/settings', {'delay': 1000})
    pending = vision.create_project(models.CreateProjectDetails(compartment_id=TEST_COMPARTMENT, display_name='cancelled'))
    work_request = vision.get_work_request(pending.headers['opc-work-request-id'])
    assert isinstance(work_request.data, models.WorkRequest) and work_request.data.status == 'ACCEPTED'
    cancelled = vision.cancel_work_request(work_request.data.id, if_match=work_request.headers['etag'])
    assert cancelled.status == 202
    done = oci.wait_until(vision, vision.get_work_request(work_request.data.id), 'status', 'CANCELED',
                          max_interval_seconds=1, max_wait_seconds=60)
    assert done.data.time_finished and vision.get_project(pending.data.id).data.lifecycle_state == 'FAILED'
    with pytest.raises(oci.exceptions.ServiceError) as finished:
        vision.cancel_work_request(work_request.data.id)
    assert finished.value.status == 409

    AdminClient(emulator.url).put('/settings', {'delay': 1, 'next_outcome': {'VisionProject': 'FAILED'}})
    failed = composite.create_project_and_wait_for_state(models.CreateProjectDetails(compartment_id=TEST_COMPARTMENT),
                                                         wait_for_states=['SUCCEEDED', 'FAILED'], waiter_kwargs=WAIT)
    assert failed.data.status == 'FAILED'
    errors = vision.list_work_request_errors(failed.data.id).data.items
    assert len(errors) == 1 and isinstance(errors[0], models.WorkRequestError) and errors[0].code and errors[0].message
