"""OCI Generative AI management API (`/20231130`), per api/oci-generative-ai.md.

DedicatedAiCluster, Endpoint, Model (read-only BASE catalogue + fine-tuned CUSTOM models), ImportedModel,
and the work requests of their asynchronous operations.
"""

import hashlib
import itertools
import re

from . import genai_apps
from .genai_access import KINDS as ACCESS_KINDS, ROUTES as ACCESS_ROUTES, check_private_endpoint
from .genai_catalogue import base_model_records
from .oci_common import Field, OciError, invalid
from .oci_resources import OciService, ResourceKind

API_VERSION = '20231130'
HOSTING_ENDPOINT_CAPACITY = 50  # endpoints one hosting cluster can serve (assumption: OCI documents 50 per cluster)


def expand_braces(pattern):
    """`A_{X,Y}_{1,2}` -> A_X_1, A_X_2, A_Y_1, A_Y_2 (the notation used in the API reference)."""
    parts = re.split(r'\{([^}]*)\}', pattern)
    choices = [[part] if index % 2 == 0 else part.split(',') for index, part in enumerate(parts)]
    return [''.join(combination) for combination in itertools.product(*choices)]


UNIT_SHAPE_PATTERNS = '''
LARGE_COHERE LARGE_COHERE_V2 SMALL_COHERE SMALL_COHERE_V2 SMALL_COHERE_4 EMBED_COHERE LLAMA2_70 LARGE_GENERIC
LARGE_COHERE_V2_2 LARGE_GENERIC_4 SMALL_GENERIC_V2 LARGE_GENERIC_2 LARGE_GENERIC_V2 LARGE_GENERIC_V3 LARGE_GENERIC_V4
LARGE_GENERIC_V5 LARGE_COHERE_V3 RERANK_COHERE SMALL_GENERIC_V1 MEDIUM_GENERIC_V1 LARGE_GENERIC_V1
COHERE_{H100,H200,B200}_X{1,2,4,8} COHERE_A100_{40G,80G}_X{1,2,4,8} COHERE_A10_X1 COHERE_B300_X1
META_{A100_40G,A100_80G,H100,H200,B200}_X{1,2,4,8} META_B300_X1 OAI_B300_X1
A10_X{1,2,4} A100_40G_X{1,2,4,8} A100_80G_X{1,2,4,8} H100_X{1,2,4,8,16,32} H200_X{1,2,4,8}
B200_X{1,2,4,8,16,32} B300_X{1,2,4,8,16,32} L40S_X{1,2,4,8,16,32} MI300X_X{1,2,4,8,16,32} SB_B200_X1
OAI_H100_X{1,2,4} OAI_A10_X2 OAI_H200_X1 OAI_A100_80G_X{1,2} OAI_A100_40G_X{1,4} OAI_B200_X{1,2,4,8}
'''
UNIT_SHAPES = tuple(shape for pattern in UNIT_SHAPE_PATTERNS.split() for shape in expand_braces(pattern))

MODEL_CAPABILITIES = (
    'TEXT_GENERATION', 'TEXT_SUMMARIZATION', 'TEXT_EMBEDDINGS', 'FINE_TUNE', 'CHAT', 'TEXT_RERANK', 'TEXT_TO_IMAGE',
    'IMAGE_TEXT_TO_IMAGE', 'IMAGE_TEXT_TO_TEXT', 'IMAGE_TEXT_TO_VIDEO', 'IMAGE_TO_IMAGE', 'REALTIME', 'AUDIO_TO_AUDIO',
    'AUDIO_TO_TEXT', 'TEXT_TO_AUDIO', 'TEXT_TO_VIDEO', 'AUDIO_TEXT_TO_TEXT', 'AUDIO_TRANSLATION', 'VIDEO_TEXT_TO_TEXT')
IMPORTED_MODEL_CAPABILITIES = (
    'TEXT_TO_TEXT', 'IMAGE_TEXT_TO_TEXT', 'EMBEDDING', 'RERANK', 'TEXT_TO_IMAGE', 'IMAGE_TEXT_TO_IMAGE', 'IMAGE_TEXT_TO_VIDEO',
    'IMAGE_TO_IMAGE', 'REALTIME', 'AUDIO_TO_AUDIO', 'AUDIO_TO_TEXT', 'TEXT_TO_AUDIO', 'TEXT_TO_VIDEO', 'AUDIO_TEXT_TO_TEXT',
    'AUDIO_TRANSLATION', 'VIDEO_TEXT_TO_TEXT')
ENDPOINT_STATES = ('ACTIVE', 'CREATING', 'UPDATING', 'DELETING', 'DELETED', 'FAILED')
MODEL_STATES = ('ACTIVE', 'CREATING', 'DELETING', 'DELETED', 'FAILED')

TAG_FIELDS = (Field('freeformTags', 'freeform_tags', updatable=True), Field('definedTags', 'defined_tags', updatable=True))
DESCRIBING_FIELDS = (Field('displayName', updatable=True), Field('description', updatable=True))
VENDOR_FIELDS = (Field('vendor', updatable=True), Field('version', updatable=True))


def guardrail(name, modes=None):
    return Field(name, 'object', updatable=True, fields=(
        Field('isEnabled', 'bool', required=True), Field('mode', enum=modes), Field('modelId')))


TRAINING_COMMON = (
    Field('totalTrainingEpochs', 'int'), Field('learningRate', 'number'), Field('trainingBatchSize', 'int'),
    Field('earlyStoppingPatience', 'int'), Field('earlyStoppingThreshold', 'number'), Field('logModelMetricsIntervalInSteps', 'int'))
TRAINING_CONFIG = Field('trainingConfig', 'object', variants=('trainingConfigType', {
    'TFEW_TRAINING_CONFIG': TRAINING_COMMON,
    'VANILLA_TRAINING_CONFIG': TRAINING_COMMON + (Field('numOfLastLayers', 'int'),),
    'LORA_TRAINING_CONFIG': TRAINING_COMMON + (Field('loraR', 'int'), Field('loraAlpha', 'int'), Field('loraDropout', 'number')),
}))
FINE_TUNE_DETAILS = Field('fineTuneDetails', 'object', required=True, fields=(
    Field('trainingDataset', 'object', required=True, variants=('datasetType', {
        'OBJECT_STORAGE': (Field('namespaceName', required=True), Field('bucketName', required=True), Field('objectName', required=True)),
    })),
    Field('dedicatedAiClusterId', required=True),
    TRAINING_CONFIG,
))
DATA_SOURCE = Field('dataSource', 'object', required=True, variants=('sourceType', {
    'OBJECT_STORAGE_OBJECT': (Field('namespaceName', required=True), Field('bucketName', required=True),
                              Field('prefixName', required=True), Field('region')),
    # the access token is for the download only: checked, never stored, so it is never echoed
    'HUGGING_FACE_MODEL': (Field('modelId', required=True), Field('accessToken', write_only=True), Field('branch'), Field('commit')),
}))


def require_active(record, field_name):
    state = record.fields['lifecycleState']
    if state != 'ACTIVE':
        raise invalid('%s %s must be ACTIVE, not %s.' % (field_name, record.id, state))


def require_cluster(service, cluster_id, field_name, cluster_type):
    cluster = service.related(('DedicatedAiCluster',), cluster_id, field_name)
    if cluster.fields['type'] != cluster_type:
        raise invalid('%s %s is a %s dedicated AI cluster; a %s cluster is required.' % (field_name, cluster_id, cluster.fields['type'], cluster_type))
    require_active(cluster, field_name)
    return cluster


def check_endpoint_references(service, fields):
    """The cluster is an ACTIVE HOSTING cluster with room for one more endpoint; the model is ACTIVE."""
    cluster = require_cluster(service, fields['dedicatedAiClusterId'], 'dedicatedAiClusterId', 'HOSTING')
    if len(service.attached('Endpoint', 'dedicatedAiClusterId', cluster.id)) >= HOSTING_ENDPOINT_CAPACITY:
        raise OciError(400, 'LimitExceeded', 'dedicatedAiClusterId %s already hosts %d endpoints, its capacity.'
                       % (cluster.id, HOSTING_ENDPOINT_CAPACITY))
    require_active(service.related(('Model', 'ImportedModel'), fields['modelId'], 'modelId'), 'modelId')
    check_private_endpoint(service, fields)


def check_fine_tuning_references(service, fields):
    """A BASE model that can be fine-tuned, on an ACTIVE FINE_TUNING cluster; the result is a CUSTOM model."""
    base = service.related(('Model',), fields['baseModelId'], 'baseModelId')
    if base.fields['type'] != 'BASE' or 'FINE_TUNE' not in base.fields['capabilities']:
        raise invalid('baseModelId %s (%s) cannot be fine-tuned: it must be a BASE model with the FINE_TUNE capability.'
                      % (base.id, base.fields.get('displayName')))
    require_cluster(service, fields['fineTuneDetails']['dedicatedAiClusterId'], 'fineTuneDetails.dedicatedAiClusterId', 'FINE_TUNING')
    fields['type'] = 'CUSTOM'
    fields['capabilities'] = [capability for capability in base.fields['capabilities'] if capability != 'FINE_TUNE']


def fine_tuning_metrics(record):
    """What a finished fine-tuning reports: accuracy and loss, repeatable per model id."""
    digest = hashlib.sha256(record.id.encode('utf-8')).digest()
    metrics_type = 'CHAT_MODEL_METRICS' if 'CHAT' in record.fields['capabilities'] else 'TEXT_GENERATION_MODEL_METRICS'
    return {'modelMetrics': {'modelMetricsType': metrics_type, 'finalAccuracy': round(0.8 + digest[0] / 255.0 * 0.15, 4),
                             'finalLoss': round(0.1 + digest[1] / 255.0 * 0.5, 4)}}


def base_models(service):
    config = service.emulator.config
    return base_model_records(config.region, config.tenancy)


def hosting_capacity(service, record, view):
    """HOSTING clusters report how many endpoints they serve."""
    if record.fields['type'] != 'HOSTING':
        return
    used = len(service.attached('Endpoint', 'dedicatedAiClusterId', record.id))
    view['capacity'] = {'capacityType': 'HOSTING_CAPACITY', 'totalEndpointCapacity': HOSTING_ENDPOINT_CAPACITY,
                        'usedEndpointCapacity': used}


DEDICATED_AI_CLUSTER = ResourceKind(
    name='DedicatedAiCluster',
    label='dedicated AI cluster',
    collection='dedicatedAiClusters',
    ocid_type='generativeaidedicatedaicluster',
    operation_suffix='DEDICATED_AI_CLUSTER',
    fields=(
        Field('compartmentId', required=True),
        Field('type', required=True, enum=('HOSTING', 'FINE_TUNING')),
        Field('unitShape', required=True, enum=UNIT_SHAPES),
        Field('unitCount', 'int', required=True, updatable=True, minimum=1),
        Field('displayName', updatable=True),
        Field('description', updatable=True),
        Field('capacityReservationId'),
    ) + TAG_FIELDS,
    states=('CREATING', 'ACTIVE', 'UPDATING', 'DELETING', 'DELETED', 'FAILED', 'NEEDS_ATTENTION'),
    list_filters=('lifecycleState', 'displayName', 'id', 'capacityReservationId'),
    sort_by=('timeCreated', 'displayName', 'lifecycleState'),
    default_name_prefix='dedicatedaicluster',
    transition_fields=('unitCount',),
    dependents=(('Endpoint', 'dedicatedAiClusterId'), ('Model', 'fineTuneDetails.dedicatedAiClusterId')),
    decorate=hosting_capacity,
)


ENDPOINT = ResourceKind(
    name='Endpoint',
    label='endpoint',
    collection='endpoints',
    ocid_type='generativeaiendpoint',
    operation_suffix='ENDPOINT',
    fields=(
        Field('compartmentId', required=True),
        Field('modelId', required=True),
        Field('dedicatedAiClusterId', required=True),
        Field('generativeAiPrivateEndpointId', updatable=True),
        guardrail('contentModerationConfig', ('INFORM', 'BLOCK')),
        guardrail('promptInjectionConfig'),
        guardrail('piiDetectionConfig'),
    ) + DESCRIBING_FIELDS + TAG_FIELDS,
    states=ENDPOINT_STATES,
    list_filters=('lifecycleState', 'displayName', 'id', 'generativeAiPrivateEndpointId'),
    sort_by=('displayName', 'timeCreated'),
    default_name_prefix='generativeaiendpoint',
    transition_fields=('displayName', 'description', 'generativeAiPrivateEndpointId', 'contentModerationConfig',
                       'promptInjectionConfig', 'piiDetectionConfig', 'freeformTags', 'definedTags'),
    prepare=check_endpoint_references,
    prepare_update=lambda service, record, changes: check_private_endpoint(service, changes),
)

MODEL = ResourceKind(
    name='Model',
    label='model',
    collection='models',
    ocid_type='generativeaimodel',
    operation_suffix='MODEL',
    fields=(Field('compartmentId', required=True), Field('baseModelId', required=True), FINE_TUNE_DETAILS)
    + DESCRIBING_FIELDS + VENDOR_FIELDS + TAG_FIELDS,
    states=MODEL_STATES,
    list_filters=('lifecycleState', 'displayName', 'id', 'vendor'),
    any_of_filters=(('capability', 'capabilities', MODEL_CAPABILITIES),),
    sort_by=('displayName', 'lifecycleState', 'timeCreated'),
    summary_omit=('previousState', 'description', 'timeUpdated'),
    default_name_prefix='model',
    sync_update=True,
    dependents=(('Endpoint', 'modelId'),),
    prepare=check_fine_tuning_references,
    on_created=fine_tuning_metrics,
    catalogue=base_models,
)

IMPORTED_MODEL = ResourceKind(
    name='ImportedModel',
    label='imported model',
    collection='importedModels',
    ocid_type='generativeaiimportedmodel',
    operation_suffix='IMPORTED_MODEL',
    fields=(Field('compartmentId', required=True), DATA_SOURCE, Field('capabilities', 'string_list', enum=IMPORTED_MODEL_CAPABILITIES))
    + DESCRIBING_FIELDS + VENDOR_FIELDS + TAG_FIELDS,
    states=ENDPOINT_STATES,
    list_filters=('lifecycleState', 'displayName', 'id', 'vendor'),
    any_of_filters=(('capability', 'capabilities', IMPORTED_MODEL_CAPABILITIES),),
    sort_by=('displayName', 'lifecycleState', 'timeCreated'),
    default_name_prefix='importedmodel',
    transition_fields=('displayName', 'description', 'vendor', 'version', 'freeformTags', 'definedTags'),
    dependents=(('Endpoint', 'modelId'),),
)


def make_genai_service(emulator):
    service = OciService(emulator, 'genai', API_VERSION, (DEDICATED_AI_CLUSTER, ENDPOINT, MODEL, IMPORTED_MODEL)
                         + genai_apps.KINDS + ACCESS_KINDS, 'generativeaiworkrequest', routes=ACCESS_ROUTES)
    genai_apps.register(service)
    return service
