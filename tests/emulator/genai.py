"""OCI Generative AI management API (`/20231130`), per api/oci-generative-ai.md.

This round: DedicatedAiCluster and work requests. Endpoint and Model kinds attach to clusters through
`DEDICATED_AI_CLUSTER.dependents`; declaring them here later makes the delete check and the hosting
capacity count them without further changes.
"""

import itertools
import re

from .oci_common import Field
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

TAG_FIELDS = (Field('freeformTags', 'freeform_tags', updatable=True), Field('definedTags', 'defined_tags', updatable=True))


def hosting_capacity(service, record, view):
    """HOSTING clusters report how many endpoints they serve."""
    if record.fields['type'] != 'HOSTING':
        return
    used = len(service.attached('Endpoint', 'dedicatedAiClusterId', record.id))
    view['capacity'] = {'capacityType': 'HOSTING_CAPACITY', 'totalEndpointCapacity': HOSTING_ENDPOINT_CAPACITY,
                        'usedEndpointCapacity': used}


DEDICATED_AI_CLUSTER = ResourceKind(
    name='DedicatedAiCluster',
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


def make_genai_service(emulator):
    return OciService(emulator, 'genai', API_VERSION, (DEDICATED_AI_CLUSTER,), 'generativeaiworkrequest')
