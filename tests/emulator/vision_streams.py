"""OCI Vision stream analysis (`/20220125`), per the `oci` SDK's AIServiceVisionClient and models: private endpoints,
stream sources (RTSP cameras reached through a private endpoint), stream groups and stream jobs.

They run on the generic OCI engine (oci_resources) like projects and models: creates, updates and deletes are work
requests (a create of a source or group is `ADD_STREAM_SOURCE` / `ADD_STREAM_GROUP`), updates answer 202 without a
body; unlike projects and models, their moves take an `opc-retry-token`. A stream job is INACTIVE when created;
`actions/start` makes it ACTIVE and `actions/stop` INACTIVE again, each through a work request (`START_STREAM_JOB`,
`STOP_STREAM_JOB`).
"""

import copy
from functools import partial

from .oci_common import Field, OciError, check_etag, invalid, not_found
from .oci_resources import ResourceKind
from .wire import Response

STATES = ('CREATING', 'UPDATING', 'ACTIVE', 'DELETING', 'DELETED', 'FAILED')
JOB_STATES = STATES + ('INACTIVE', 'NEEDS_ATTENTION')
TAG_FIELDS = (Field('freeformTags', 'freeform_tags', updatable=True), Field('definedTags', 'defined_tags', updatable=True))
SORT_BY = ('timeCreated', 'displayName')
PRIVATE_ENDPOINT_PATH = 'streamSourceDetails.streamNetworkAccessDetails.privateEndpointId'


def live(service, kind_name, resource_id, field_name):
    record = service.related((kind_name,), resource_id, field_name)
    if record.fields['lifecycleState'] != 'ACTIVE':
        raise invalid('%s %s must be ACTIVE, not %s.' % (field_name, resource_id, record.fields['lifecycleState']))
    return record


def check_source(service, fields):
    details = fields['streamSourceDetails']
    live(service, 'VisionPrivateEndpoint', details['streamNetworkAccessDetails']['privateEndpointId'],
         'streamSourceDetails.streamNetworkAccessDetails.privateEndpointId')


def check_group(service, fields):
    sources = fields.get('streamSourceIds') or []
    for index, source_id in enumerate(sources):
        live(service, 'StreamSource', source_id, 'streamSourceIds[%d]' % index)
    for index, overlap in enumerate(fields.get('streamOverlaps') or []):
        strangers = [source for source in overlap.get('overlappingStreams') or [] if source not in sources]
        if strangers:
            raise invalid('streamOverlaps[%d].overlappingStreams names %s, not in streamSourceIds.' % (index, ', '.join(strangers)))


def check_job(service, fields):
    live(service, 'StreamSource', fields['streamSourceId'], 'streamSourceId')
    types = [feature['featureType'] for feature in fields['features']]
    if len(set(types)) != len(types):
        raise invalid('features lists a featureType more than once.')


STREAM_SOURCE_DETAILS = Field('streamSourceDetails', 'object', required=True, updatable=True, variants=('sourceType', {
    'RTSP': (Field('cameraUrl', required=True), Field('secretId'),
             Field('streamNetworkAccessDetails', 'object', required=True, variants=('streamAccessType', {
                 'PRIVATE': (Field('privateEndpointId', required=True),)}))),
}))
TRACKING_TYPE = (Field('objects', 'string_list', required=True), Field('detectionModelId'), Field('trackingModelId'),
                 Field('maxResults', 'int', minimum=1), Field('shouldReturnLandmarks', 'bool'))
STREAM_FEATURES = Field('features', 'object_list', required=True, updatable=True, minimum=1, variants=('featureType', {
    'OBJECT_TRACKING': (Field('trackingTypes', 'object_list', required=True, fields=TRACKING_TYPE),),
    'FACE_DETECTION': (Field('maxResults', 'int', minimum=1), Field('shouldReturnLandmarks', 'bool'), Field('minConfidence', 'number')),
    'OBJECT_DETECTION': (Field('minConfidence', 'number'), Field('maxResults', 'int', minimum=1)),
}))
STREAM_OUTPUT_LOCATION = Field('streamOutputLocation', 'object', required=True, updatable=True, variants=('outputLocationType', {
    'OBJECT_STORAGE': (Field('namespaceName', required=True), Field('bucketName', required=True), Field('prefix', required=True)),
}))
NAMING = (Field('compartmentId', required=True), Field('displayName', updatable=True))


def kind(name, label, collection, ocid_type, suffix, fields, **options):
    options.setdefault('states', STATES)
    options.setdefault('list_filters', ('lifecycleState', 'displayName', 'id'))
    return ResourceKind(name=name, label=label, collection=collection, ocid_type=ocid_type, operation_suffix=suffix,
                        fields=NAMING + fields + TAG_FIELDS, sort_by=SORT_BY, default_name_prefix=label.replace(' ', ''),
                        move_retry_tokens=True,
                        transition_fields=tuple(f.name for f in NAMING[1:] + fields + TAG_FIELDS if f.updatable),
                        update_returns_body=False, **options)


PRIVATE_ENDPOINT = kind('VisionPrivateEndpoint', 'vision private endpoint', 'visionPrivateEndpoints', 'aivisionprivateendpoint',
                        'VISION_PRIVATE_ENDPOINT', (Field('subnetId', required=True), Field('description', updatable=True)),
                        summary_omit=('previousState', 'description'),
                        dependents=(('StreamSource', PRIVATE_ENDPOINT_PATH),))
STREAM_SOURCE = kind('StreamSource', 'stream source', 'streamSources', 'aivisionstreamsource', 'STREAM_SOURCE',
                     (STREAM_SOURCE_DETAILS,), prepare=check_source, operation_types={'CREATE': 'ADD_STREAM_SOURCE'},
                     dependents=(('StreamJob', 'streamSourceId'),))
STREAM_GROUP = kind('StreamGroup', 'stream group', 'streamGroups', 'aivisionstreamgroup', 'STREAM_GROUP',
                    (Field('isEnabled', 'bool', updatable=True), Field('streamSourceIds', 'string_list', updatable=True),
                     Field('streamOverlaps', 'object_list', updatable=True,
                           fields=(Field('overlappingStreams', 'string_list'),))),
                    list_filters=('displayName', 'id'), prepare=check_group, operation_types={'CREATE': 'ADD_STREAM_GROUP'})
STREAM_JOB = kind('StreamJob', 'stream job', 'streamJobs', 'aivisionstreamjob', 'STREAM_JOB',
                  (Field('streamSourceId', required=True, updatable=True), STREAM_FEATURES, STREAM_OUTPUT_LOCATION),
                  states=JOB_STATES, prepare=check_job, created_state='INACTIVE', idle_states=('INACTIVE',),
                  summary_omit=('previousState', 'agentParticipantId'))
KINDS = (PRIVATE_ENDPOINT, STREAM_SOURCE, STREAM_GROUP, STREAM_JOB)
# action -> (the states it starts from, the state it ends in)
RUN_ACTIONS = {'START': (('INACTIVE',), 'ACTIVE'), 'STOP': (('ACTIVE', 'NEEDS_ATTENTION'), 'INACTIVE')}


def run_action(service, operation, request, resource_id):
    """StartStreamJob / StopStreamJob: no body, an optional retry token and if-match; 202 with a work request."""
    if request.body:
        raise OciError(400, 'InvalidParameter', 'This action takes no body.')
    replayed = service._replay(request, {})
    if replayed:
        return replayed
    record = service.lookup(STREAM_JOB.name, resource_id)
    if record is None or record.fields['lifecycleState'] == 'DELETED':
        raise not_found('StreamJob %s' % resource_id)
    check_etag(request, service.view(STREAM_JOB, record))
    sources, final_state = RUN_ACTIONS[operation]
    if record.fields['lifecycleState'] not in sources:
        raise OciError(409, 'IncorrectState', 'Cannot %s StreamJob %s while it is %s.' % (
            operation.lower(), resource_id, record.fields['lifecycleState']))
    undo = copy.deepcopy(record.fields)
    record.fields['lifecycleState'] = 'UPDATING'
    work_request = service._start_work(STREAM_JOB, record, operation, final_state, service.emulator.settings.take_outcome('StreamJob'),
                                       transition=True, undo=undo)
    response = Response(202, b'', {'opc-work-request-id': work_request.id})
    service._remember(request, {}, response)
    return response


def add_routes(service):
    for operation in RUN_ACTIONS:
        service.router.add('POST', '/streamJobs/{resource_id}/actions/' + operation.lower(), partial(run_action, service, operation))
