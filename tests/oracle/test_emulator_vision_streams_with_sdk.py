"""The official `oci.ai_vision.AIServiceVisionClient` drives every operation of Vision's stream analysis against the
emulator and parses each answer into its own models: private endpoints, stream sources, stream groups and stream jobs
(create, get, list with paging, update, change compartment, start, stop, delete), each followed by its work request.
"""

import os
import sys

import pytest

TESTS_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
if TESTS_DIR not in sys.path:
    sys.path.insert(0, TESTS_DIR)

from emulator import start_emulator  # noqa: E402
from emulator.config import TEST_COMPARTMENT  # noqa: E402
from emulator.testing import OCI_SDK_CONFIG  # noqa: E402

OTHER_COMPARTMENT = 'ocid1.compartment.oc1..aaaaaaaaothercompartment'
SUBNET = 'ocid1.subnet.oc1.us-chicago-1.aaaaaaaasubnet'
SECRET = 'ocid1.vaultsecret.oc1.us-chicago-1.aaaaaaaacamerasecret'
WAIT = {'max_interval_seconds': 1, 'max_wait_seconds': 30}


@pytest.fixture
def oci():
    return pytest.importorskip('oci')


@pytest.fixture
def vision(oci):
    handle = start_emulator(delay=1.0, time_scale=1000)  # a work request is done before the SDK's waiter first looks
    yield oci.ai_vision.AIServiceVisionClient(OCI_SDK_CONFIG, service_endpoint=handle.url)
    handle.stop()


@pytest.fixture
def composite(oci, vision):
    return oci.ai_vision.AIServiceVisionClientCompositeOperations(vision)


def succeeded(done, operation_type):
    assert done.data.status == 'SUCCEEDED' and done.data.operation_type == operation_type, done.data
    return done.data.resources[0].identifier


def source_details(models, endpoint_id, camera='rtsp://10.0.0.5/gate'):
    return models.RtspSourceDetails(camera_url=camera, secret_id=SECRET, stream_network_access_details=(
        models.PrivateStreamNetworkAccessDetails(private_endpoint_id=endpoint_id)))


def stream_source(oci, composite, endpoint_id, name='gate'):
    models = oci.ai_vision.models
    return succeeded(composite.create_stream_source_and_wait_for_state(models.CreateStreamSourceDetails(
        compartment_id=TEST_COMPARTMENT, display_name=name, stream_source_details=source_details(models, endpoint_id)),
        wait_for_states=['SUCCEEDED', 'FAILED'], waiter_kwargs=WAIT), 'ADD_STREAM_SOURCE')


def private_endpoint(oci, composite):
    details = oci.ai_vision.models.CreateVisionPrivateEndpointDetails(compartment_id=TEST_COMPARTMENT, subnet_id=SUBNET,
                                                                      display_name='pe', description='d')
    return succeeded(composite.create_vision_private_endpoint_and_wait_for_state(
        details, wait_for_states=['SUCCEEDED', 'FAILED'], waiter_kwargs=WAIT), 'CREATE_VISION_PRIVATE_ENDPOINT')


def test_private_endpoint_and_stream_source_operations(oci, vision, composite):
    models = oci.ai_vision.models
    endpoint_id = private_endpoint(oci, composite)
    endpoint = vision.get_vision_private_endpoint(endpoint_id)
    assert isinstance(endpoint.data, models.VisionPrivateEndpoint) and endpoint.data.subnet_id == SUBNET
    updated = composite.update_vision_private_endpoint_and_wait_for_state(
        endpoint_id, models.UpdateVisionPrivateEndpointDetails(description='camera network'), wait_for_states=['SUCCEEDED'],
        operation_kwargs={'if_match': endpoint.headers['etag']}, waiter_kwargs=WAIT)
    assert updated.data.operation_type == 'UPDATE_VISION_PRIVATE_ENDPOINT'
    listed = vision.list_vision_private_endpoints(compartment_id=TEST_COMPARTMENT, lifecycle_state='ACTIVE').data
    assert isinstance(listed, models.VisionPrivateEndpointCollection) and 'description' not in listed.items[0].attribute_map
    assert isinstance(listed.items[0], models.VisionPrivateEndpointSummary) and listed.items[0].id == endpoint_id

    source_ids = [stream_source(oci, composite, endpoint_id, 'cam-%d' % number) for number in range(3)]
    source = vision.get_stream_source(source_ids[0])
    assert isinstance(source.data.stream_source_details, models.RtspSourceDetails)
    assert isinstance(source.data.stream_source_details.stream_network_access_details, models.PrivateStreamNetworkAccessDetails)
    everything = oci.pagination.list_call_get_all_results(vision.list_stream_sources, compartment_id=TEST_COMPARTMENT, limit=2,
                                                          sort_by='displayName', sort_order='ASC').data
    assert [item.display_name for item in everything] == ['cam-0', 'cam-1', 'cam-2']
    assert all(isinstance(item, models.StreamSourceSummary) for item in everything)
    composite.update_stream_source_and_wait_for_state(source_ids[0], models.UpdateStreamSourceDetails(
        stream_source_details=source_details(models, endpoint_id, 'rtsp://10.0.0.6/gate')), wait_for_states=['SUCCEEDED'],
        operation_kwargs={'if_match': source.headers['etag']}, waiter_kwargs=WAIT)
    assert vision.get_stream_source(source_ids[0]).data.stream_source_details.camera_url == 'rtsp://10.0.0.6/gate'

    with pytest.raises(oci.exceptions.ServiceError) as in_use:
        vision.delete_vision_private_endpoint(endpoint_id, retry_strategy=oci.retry.NoneRetryStrategy())
    assert in_use.value.status == 409
    with pytest.raises(oci.exceptions.ServiceError) as unknown_endpoint:
        vision.create_stream_source(models.CreateStreamSourceDetails(compartment_id=TEST_COMPARTMENT, stream_source_details=(
            source_details(models, 'ocid1.aivisionprivateendpoint.oc1..missing'))))
    assert unknown_endpoint.value.status == 404

    for move, resource_id, details in (
            (vision.change_vision_private_endpoint_compartment, endpoint_id, models.ChangeVisionPrivateEndpointCompartmentDetails),
            (vision.change_stream_source_compartment, source_ids[2], models.ChangeStreamSourceCompartmentDetails)):
        assert move(resource_id, details(compartment_id=OTHER_COMPARTMENT), opc_retry_token='move-1').status == 204
        with pytest.raises(oci.exceptions.ServiceError) as reused:  # the same token with another body
            move(resource_id, details(compartment_id=TEST_COMPARTMENT), opc_retry_token='move-1',
                 retry_strategy=oci.retry.NoneRetryStrategy())
        assert reused.value.status == 409 and reused.value.code == 'IdempotencyConflict'
    assert vision.get_vision_private_endpoint(endpoint_id).data.compartment_id == OTHER_COMPARTMENT
    for source_id in source_ids:
        succeeded(composite.delete_stream_source_and_wait_for_state(source_id, wait_for_states=['SUCCEEDED'], waiter_kwargs=WAIT),
                  'DELETE_STREAM_SOURCE')
    succeeded(composite.delete_vision_private_endpoint_and_wait_for_state(endpoint_id, wait_for_states=['SUCCEEDED'],
                                                                          waiter_kwargs=WAIT), 'DELETE_VISION_PRIVATE_ENDPOINT')
    assert vision.get_vision_private_endpoint(endpoint_id).data.lifecycle_state == 'DELETED'


def test_stream_group_and_stream_job_operations(oci, vision, composite):
    models = oci.ai_vision.models
    endpoint_id = private_endpoint(oci, composite)
    first, second = stream_source(oci, composite, endpoint_id, 'a'), stream_source(oci, composite, endpoint_id, 'b')

    group_id = succeeded(composite.create_stream_group_and_wait_for_state(models.CreateStreamGroupDetails(
        compartment_id=TEST_COMPARTMENT, display_name='lobby', is_enabled=True, stream_source_ids=[first, second],
        stream_overlaps=[models.StreamGroupOverlap(overlapping_streams=[first, second])]),
        wait_for_states=['SUCCEEDED', 'FAILED'], waiter_kwargs=WAIT), 'ADD_STREAM_GROUP')
    group = vision.get_stream_group(group_id)
    assert isinstance(group.data, models.StreamGroup) and group.data.stream_overlaps[0].overlapping_streams == [first, second]
    composite.update_stream_group_and_wait_for_state(group_id, models.UpdateStreamGroupDetails(is_enabled=False),
                                                     wait_for_states=['SUCCEEDED'], waiter_kwargs=WAIT)
    assert vision.list_stream_groups(display_name='lobby').data.items[0].is_enabled is False
    with pytest.raises(oci.exceptions.ServiceError) as stranger:
        vision.create_stream_group(models.CreateStreamGroupDetails(compartment_id=TEST_COMPARTMENT, stream_source_ids=[first],
                                                                   stream_overlaps=[models.StreamGroupOverlap(
                                                                       overlapping_streams=[first, second])]))
    assert stranger.value.status == 400

    job_details = models.CreateStreamJobDetails(
        compartment_id=TEST_COMPARTMENT, display_name='gate-watch', stream_source_id=first,
        features=[models.VideoStreamObjectTrackingFeature(tracking_types=[models.TrackingType(objects=['face'], max_results=5)]),
                  models.VideoStreamObjectDetectionFeature(min_confidence=0.5)],
        stream_output_location=models.ObjectStorageOutputLocation(namespace_name='ns', bucket_name='out', prefix='gate'))
    job_id = succeeded(composite.create_stream_job_and_wait_for_state(job_details, wait_for_states=['SUCCEEDED', 'FAILED'],
                                                                      waiter_kwargs=WAIT), 'CREATE_STREAM_JOB')
    job = vision.get_stream_job(job_id)
    assert isinstance(job.data, models.StreamJob) and job.data.lifecycle_state == 'INACTIVE'
    assert isinstance(job.data.features[0], models.VideoStreamObjectTrackingFeature)
    assert isinstance(job.data.stream_output_location, models.ObjectStorageOutputLocation)
    with pytest.raises(oci.exceptions.ServiceError) as not_running:
        vision.stop_stream_job(job_id, retry_strategy=oci.retry.NoneRetryStrategy())  # the default retries a 409
    assert not_running.value.status == 409
    succeeded(composite.start_stream_job_and_wait_for_state(job_id, wait_for_states=['SUCCEEDED', 'FAILED'],
                                                            operation_kwargs={'if_match': job.headers['etag']},
                                                            waiter_kwargs=WAIT), 'START_STREAM_JOB')
    assert vision.get_stream_job(job_id).data.lifecycle_state == 'ACTIVE'
    assert [item.id for item in vision.list_stream_jobs(lifecycle_state='ACTIVE').data.items] == [job_id]
    assert isinstance(vision.list_stream_jobs(compartment_id=TEST_COMPARTMENT).data.items[0], models.StreamJobSummary)
    composite.update_stream_job_and_wait_for_state(models.UpdateStreamJobDetails(display_name='gate-watch-2'), job_id,
                                                   wait_for_states=['SUCCEEDED'], waiter_kwargs=WAIT)
    assert vision.get_stream_job(job_id).data.lifecycle_state == 'ACTIVE'
    succeeded(composite.stop_stream_job_and_wait_for_state(job_id, wait_for_states=['SUCCEEDED', 'FAILED'], waiter_kwargs=WAIT),
              'STOP_STREAM_JOB')
    assert vision.get_stream_job(job_id).data.lifecycle_state == 'INACTIVE'
    for move, resource_id, details in (
            (vision.change_stream_group_compartment, group_id, models.ChangeStreamGroupCompartmentDetails),
            (vision.change_stream_job_compartment, job_id, models.ChangeStreamJobCompartmentDetails)):
        assert move(resource_id, details(compartment_id=OTHER_COMPARTMENT)).status in (200, 202, 204)
    assert vision.get_stream_job(job_id).data.compartment_id == OTHER_COMPARTMENT

    with pytest.raises(oci.exceptions.ServiceError) as feature_twice:
        vision.create_stream_job(models.CreateStreamJobDetails(
            compartment_id=TEST_COMPARTMENT, stream_source_id=first, stream_output_location=job_details.stream_output_location,
            features=[models.VideoStreamObjectDetectionFeature(), models.VideoStreamObjectDetectionFeature()]))
    assert feature_twice.value.status == 400
    succeeded(composite.delete_stream_job_and_wait_for_state(job_id, wait_for_states=['SUCCEEDED'], waiter_kwargs=WAIT),
              'DELETE_STREAM_JOB')
    succeeded(composite.delete_stream_group_and_wait_for_state(group_id, wait_for_states=['SUCCEEDED'], waiter_kwargs=WAIT),
              'DELETE_STREAM_GROUP')
    assert vision.get_stream_group(group_id).data.lifecycle_state == 'DELETED'
