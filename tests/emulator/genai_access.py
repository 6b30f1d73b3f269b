"""OCI Generative AI access and organisation (`/20231130`), per the `oci` SDK's GenerativeAiClient and models:
GenerativeAiPrivateEndpoint, ApiKey (renew and setstate), GenerativeAiProject and its SandboxWarmPools,
RoutingProfile, SemanticStore, and the listings ListModelDiscovery and ListDedicatedAiClustersAllocatableGpus.

Which operations answer with a work request follows the SDK's composite operations (which wait for a work request
or for a lifecycle state): private endpoints and projects change through work requests, semantic stores are created,
moved and deleted through them and updated at once; API keys and routing profiles answer without work requests (their
creates and deletes go through CREATING / DELETING, their updates apply at once).
Emulator assumptions (the SDK does not say): an fqdn is `<dnsPrefix>.generativeai.<region>.oci.oraclecloud.com`;
an API key's secret is `sk-` and 48 characters, answered only by the create and the renewal; setstate takes ACTIVE
or INACTIVE; a capacity reservation holds 4 x BM.GPU.H100.8, which its clusters use 1 GPU per unit per `_X<n>`;
a sandbox warm pool can be created only in a project whose sandboxConfig.isEnabled is true (409 otherwise), its work
requests name it by its name, and the ready capacity a read observes is its desired capacity once ACTIVE.
"""

import copy
import hashlib
import re
import secrets
from urllib.parse import unquote

from .genai_catalogue import BASE_MODELS
from .oci_common import (Field, OciError, check_enum_param, check_etag, etag_of, invalid, json_object, new_ocid,
                         not_found, paginate, require_param, sort_items, validate_body)
from .oci_resources import ResourceKind, Transition
from .oci_work_requests import WorkRequest
from .store import Record
from .wire import Response, json_response, rfc3339

TAG_FIELDS = (Field('freeformTags', 'freeform_tags', updatable=True), Field('definedTags', 'defined_tags', updatable=True))
DESCRIBING = (Field('displayName', updatable=True), Field('description', updatable=True))
STATES = ('ACTIVE', 'CREATING', 'UPDATING', 'DELETING', 'DELETED', 'FAILED')
NAME_SORT = ('displayName', 'timeCreated')
DATABASE_TOOLS = 'DATABASE_TOOLS_CONNECTION'


# ---- private endpoints ----------------------------------------------------------------------------------------

def private_endpoint_view(service, record, view):
    """The service answers the fqdn and the address it made from the dnsPrefix, never the dnsPrefix itself."""
    view['fqdn'] = '%s.generativeai.%s.oci.oraclecloud.com' % (view.pop('dnsPrefix'), service.emulator.config.region)
    digest = hashlib.sha256(record.id.encode('utf-8')).digest()
    view['privateEndpointIp'] = '10.0.%d.%d' % (digest[0], 2 + digest[1] % 250)


def check_private_endpoint(service, fields):
    """An endpoint placed behind a private endpoint: an ACTIVE one of resourceType ENDPOINT (or none given)."""
    private_endpoint_id = fields.get('generativeAiPrivateEndpointId')
    if private_endpoint_id is None:
        return
    found = service.related(('GenerativeAiPrivateEndpoint',), private_endpoint_id, 'generativeAiPrivateEndpointId')
    if found.fields['lifecycleState'] != 'ACTIVE':
        raise invalid('generativeAiPrivateEndpointId %s must be ACTIVE, not %s.' % (found.id, found.fields['lifecycleState']))
    if found.fields.get('resourceType', 'ENDPOINT') != 'ENDPOINT':
        raise invalid('generativeAiPrivateEndpointId %s is for resources of type %s, not endpoints.'
                      % (found.id, found.fields['resourceType']))


# ---- API keys ---------------------------------------------------------------------------------------------------

KEY_DETAILS = (Field('keyName', required=True), Field('timeExpiry', required=True))
SET_STATE = (Field('keyName', required=True), Field('state', required=True, enum=('ACTIVE', 'INACTIVE'))) + TAG_FIELDS
RENEW = (Field('details', 'object', required=True, fields=KEY_DETAILS),) + TAG_FIELDS
RFC3339 = re.compile(r'^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$')


def new_key(service, name, expiry, path):
    if not RFC3339.match(expiry):
        raise invalid('%s.timeExpiry must be an RFC 3339 date-time, not %r.' % (path, expiry))
    secret = 'sk-' + secrets.token_hex(24)
    return {'keyName': name, 'keyMask': secret[:5] + '...' + secret[-4:], 'timeCreated': rfc3339(service.now()),
            'timeExpiry': expiry, 'state': 'ACTIVE', 'timeActivated': rfc3339(service.now()), 'key': secret}


def new_keys(service, fields):
    details = fields.pop('keyDetails')
    names = [item['keyName'] for item in details]
    if len(set(names)) != len(names):
        raise invalid('keyDetails key names must be unique, got %s.' % ', '.join(names))
    fields['keys'] = [new_key(service, item['keyName'], item['timeExpiry'], 'keyDetails[%d]' % index)
                      for index, item in enumerate(details)]


def hide_secrets(service, record, view):
    for item in view['keys']:
        item.pop('key', None)


def reveal_secrets(record, data):
    data['keys'] = [dict(shown, key=item['key']) for shown, item in zip(data['keys'], record.fields['keys'])]


def api_key_action(action, service, request, resource_id):
    """POST /apikeys/{id}/actions/setstate or /renew: 200 with the API key (a renewal with the new secret)."""
    kind = service.kinds['ApiKey']
    record = service.lookup('ApiKey', resource_id)
    if record is None or record.fields['lifecycleState'] == 'DELETED':
        raise not_found('ApiKey %s' % resource_id)
    body = json_object(request)
    replayed = service._replay(request, body)  # pylint: disable=protected-access
    if replayed:
        return replayed
    fields = validate_body(SET_STATE if action == 'setstate' else RENEW, body)
    check_etag(request, service.view(kind, record))
    name = fields['keyName'] if action == 'setstate' else fields['details']['keyName']
    items = [item for item in record.fields['keys'] if item['keyName'] == name]
    if not items:
        raise invalid('keyName %r is not a key of API key %s.' % (name, record.id))
    now = rfc3339(service.now())
    if action == 'setstate':
        items[0]['state'] = fields['state']
        items[0]['timeActivated' if fields['state'] == 'ACTIVE' else 'timeDeactivated'] = now
    else:
        items[0].update(new_key(service, name, fields['details']['timeExpiry'], 'details'), state=items[0]['state'])
    record.fields.update((key, fields[key]) for key in ('freeformTags', 'definedTags') if key in fields)
    record.fields['timeUpdated'] = now
    data = service.view(kind, record)
    headers = {'etag': etag_of(data)}
    if action == 'renew':
        data['keys'] = [dict(shown, key=item['key']) if item['keyName'] == name else shown
                        for shown, item in zip(data['keys'], record.fields['keys'])]
    response = json_response(200, data, headers)
    service._remember(request, body, response)  # pylint: disable=protected-access
    return response


# ---- semantic stores ----------------------------------------------------------------------------------------------

def semantic_store_view(service, record, view):
    """SchemasDetails is what CreateSchemasDetails gave."""
    view.setdefault('refreshSchedule', {'type': 'ON_CREATE'})
    view.setdefault('modelSelection', {'modelSelectionType': 'DEFAULT'})


# ---- listings -----------------------------------------------------------------------------------------------------

def list_model_discovery(service, request):
    """GET /modelDiscovery: the base model catalogue as the discovery listing, in this emulator's one region."""
    require_param(request, 'compartmentId')
    for name, allowed in (('servingMode', ('ON_DEMAND', 'DEDICATED')), ('modelAccess', ('HOSTED', 'PROXY'))):
        for value in request.params(name):
            if value not in allowed:
                raise invalid('Query parameter %s must be one of %s, not %r.' % (name, ', '.join(allowed), value))
    config = service.emulator.config
    entries = []
    for name, vendor, dummy_version, capabilities, dummy_long_term, dummy_released in BASE_MODELS:
        entries.append({
            'modelId': name, 'vendor': vendor, 'capabilities': list(capabilities),
            'apiCapability': ['CHAT'] if 'CHAT' in capabilities else [], 'modelAccess': 'HOSTED',
            'availability': [{'realm': 'oc1', 'region': config.region, 'servingModes': ['ON_DEMAND', 'DEDICATED']}],
        })
    for flag in ('isDeprecated', 'isOnDemandRetired', 'isDedicatedRetired'):
        value = request.param(flag)
        if value not in (None, 'true', 'false'):
            raise invalid('Query parameter %s must be true or false, not %r.' % (flag, value))
        if value == 'true':  # nothing in the catalogue is deprecated or retired
            entries = []

    def matches(entry):
        """Repeated values of a parameter match an entry that has any of them."""
        available = entry['availability'][0]
        have = {'realm': [available['realm']], 'region': [available['region']], 'modelId': [entry['modelId']],
                'servingMode': available['servingModes'], 'apiCapability': entry['apiCapability'],
                'capability': entry['capabilities'], 'modelAccess': [entry['modelAccess']]}
        return all(not request.params(name) or set(request.params(name)) & set(values) for name, values in have.items())

    page, headers = paginate([entry for entry in entries if matches(entry)], request, service.emulator.settings.page_size)
    return json_response(200, {'items': page}, headers)


RESERVATION_SHAPE, RESERVATION_HOSTS, GPUS_PER_HOST = 'BM.GPU.H100.8', 4, 8


def list_allocatable_gpus(service, request):
    """GET /dedicatedAiClusters/allocatableGpus: the reservation's GPUs, those its live clusters use, and what is left."""
    compartment_id = require_param(request, 'compartmentId')
    reservation = require_param(request, 'capacityReservationId')
    used = [0] * RESERVATION_HOSTS
    clusters = [record for record in service.records('DedicatedAiCluster')
                if record.fields.get('capacityReservationId') == reservation and record.fields['compartmentId'] == compartment_id
                and record.fields['lifecycleState'] not in ('DELETED', 'FAILED')]
    for cluster in clusters:
        multiple = re.search(r'_X(\d+)$', cluster.fields['unitShape'])
        per_unit = int(multiple.group(1)) if multiple else 1
        for dummy in range(cluster.fields['unitCount']):
            host = min(range(RESERVATION_HOSTS), key=lambda index: used[index])
            used[host] = min(GPUS_PER_HOST, used[host] + per_unit)
    items = [{'computeShape': RESERVATION_SHAPE, 'totalAvailableGpuUnits': RESERVATION_HOSTS * GPUS_PER_HOST - sum(used),
              'totalUsedGpuUnits': sum(used), 'maxAllocatableGpuUnits': max(GPUS_PER_HOST - u for u in used),
              'gpuAllocations': [{'usedGpus': u, 'availableGpus': GPUS_PER_HOST - u} for u in used]}]
    shape = request.param('computeShape')
    page, headers = paginate([item for item in items if shape in (None, item['computeShape'])], request,
                             service.emulator.settings.page_size)
    return json_response(200, {'items': page}, headers)


# ---- sandbox warm pools (a project's, identified by their name: no OCID) ----------------------------------------------

WARM_POOL = 'SandboxWarmPool'
WARM_POOL_FIELDS = (Field('name', required=True), Field('type', required=True, enum=('MANAGED', 'CUSTOM')),
                    Field('containerImage'), Field('shape', required=True, enum=('SMALL', 'MEDIUM', 'LARGE')),
                    Field('desiredCapacity', 'int', required=True, minimum=0, updatable=True))
WARM_POOL_TYPES, WARM_POOL_SHAPES = ('MANAGED', 'CUSTOM'), ('SMALL', 'MEDIUM', 'LARGE')
DIGEST_PINNED_OCIR = re.compile(r'^[a-z0-9-]+\.ocir\.io/[^@\s]+@sha256:[0-9a-f]{64}$')


def warm_pool(service, project_id, name):
    """The live (not DELETED) pool of that name in the project, settled, or None."""
    return next((record for record in service.records(WARM_POOL) if record.fields['projectId'] == project_id
                 and record.fields['name'] == name and record.fields['lifecycleState'] != 'DELETED'), None)


def warm_pool_view(service, record, observe=False):
    """(the pool as answered, its etag): the etag is of its configuration, never of a runtime observation."""
    data = copy.deepcopy(record.fields)
    etag = etag_of(data)
    if observe:
        active = data['lifecycleState'] == 'ACTIVE'
        data['runtimeStatus'] = {'readyCapacity': data['desiredCapacity'] if active else 0,
                                 'observationStatus': 'OBSERVED', 'timeRead': rfc3339(service.now())}
    return data, etag


def warm_pool_work(service, record, operation, final_state, outcome=None):
    """A work request for the pool's operation; the pool becomes `final_state` (FAILED for that outcome) at its end."""
    project = service.lookup('GenerativeAiProject', record.fields['projectId'])
    error = 'The %s operation failed (outcome injected by the emulator).' % operation.lower() if outcome == 'FAILED' else None
    path = '%s/generativeAiProjects/%s/sandboxWarmPools/%s' % (service.prefix, record.fields['projectId'], record.fields['name'])
    work_request = WorkRequest(new_ocid(service.work_request_ocid_type, service.emulator.config.region),
                               project.fields['compartmentId'], operation, '%s_SANDBOX_WARM_POOL' % operation, WARM_POOL,
                               'sandbox warm pool', path, record.fields['name'], service.now(), service.emulator.settings.delay,
                               'FAILED' if error else final_state, error)
    service.store.add(service.work_request_kind, work_request)
    record.pending = Transition(work_request.finished, 'FAILED' if error else final_state, error)
    return work_request


def load_warm_pool(service, project_id, name):
    record = warm_pool(service, project_id, unquote(name))
    if record is None:
        raise not_found('SandboxWarmPool %s in project %s' % (unquote(name), project_id))
    return record


def create_warm_pool(service, request, project_id):
    """POST /generativeAiProjects/{projectId}/sandboxWarmPools: 200 with the CREATING pool and its work request."""
    project = service.related(('GenerativeAiProject',), project_id, 'projectId')
    body = json_object(request)
    replayed = service._replay(request, body)  # pylint: disable=protected-access
    if replayed:
        return replayed
    fields = validate_body(WARM_POOL_FIELDS, body)
    if fields['type'] == 'CUSTOM' and not DIGEST_PINNED_OCIR.match(fields.get('containerImage') or ''):
        raise invalid('A CUSTOM pool needs containerImage, a digest-pinned OCIR image (<region>.ocir.io/...@sha256:<64 '
                      'lowercase hexadecimal characters>), not %r.' % fields.get('containerImage'))
    if fields['type'] == 'MANAGED' and 'containerImage' in fields:
        raise invalid('A MANAGED pool runs the service runtime: containerImage must be omitted.')
    if not (project.fields.get('sandboxConfig') or {}).get('isEnabled'):
        raise OciError(409, 'IncorrectState', 'Project %s does not have sandboxes enabled.' % project_id)
    if warm_pool(service, project_id, fields['name']) is not None:
        raise OciError(409, 'Conflict', 'Project %s already has a sandbox warm pool named %r.' % (project_id, fields['name']))
    now = service.now()
    fields.update(projectId=project_id, lifecycleState='CREATING', timeCreated=rfc3339(now), timeUpdated=rfc3339(now))
    record = service.store.add(service.table(WARM_POOL), Record(WARM_POOL, new_ocid(
        'generativeaisandboxwarmpool', service.emulator.config.region), fields, now))
    work_request = warm_pool_work(service, record, 'CREATE', 'ACTIVE', service.emulator.settings.take_outcome(WARM_POOL))
    data, etag = warm_pool_view(service, record)
    response = json_response(200, data, {'etag': etag, 'opc-work-request-id': work_request.id})
    service._remember(request, body, response)  # pylint: disable=protected-access
    return response


def get_warm_pool(service, request, project_id, name):
    data, etag = warm_pool_view(service, load_warm_pool(service, project_id, name), observe=True)
    return json_response(200, data, {'etag': etag})


def list_warm_pools(service, request, project_id):
    """Every pool of the project but the DELETED ones, without runtime observations."""
    service.related(('GenerativeAiProject',), project_id, 'projectId')
    wanted = [('name', request.param('name')), ('type', check_enum_param(request, 'type', WARM_POOL_TYPES)),
              ('shape', check_enum_param(request, 'shape', WARM_POOL_SHAPES))]
    selected = [record for record in service.records(WARM_POOL) if record.fields['projectId'] == project_id
                and record.fields['lifecycleState'] != 'DELETED'
                and all(value is None or record.fields[key] == value for key, value in wanted)]
    ordered = sort_items(selected, request, {'timeCreated': lambda record: record.created,
                                             'name': lambda record: record.fields['name']}, 'timeCreated', ('timeCreated',))
    page, headers = paginate(ordered, request, service.emulator.settings.page_size)
    return json_response(200, {'items': [warm_pool_view(service, record)[0] for record in page]}, headers)


def update_warm_pool(service, request, project_id, name):
    """PUT: only desiredCapacity changes (an empty body too), through UPDATING and a work request."""
    record = load_warm_pool(service, project_id, name)
    body = json_object(request)
    if 'desiredCapacity' in body and body['desiredCapacity'] is None:
        raise invalid('desiredCapacity must not be null; omit it to keep the current desired capacity.')
    changes = validate_body(WARM_POOL_FIELDS, body, updating=True)
    check_etag(request, warm_pool_view(service, record)[0])
    if record.fields['lifecycleState'] != 'ACTIVE':
        raise OciError(409, 'IncorrectState', 'Cannot update sandbox warm pool %r while it is %s.'
                       % (record.fields['name'], record.fields['lifecycleState']))
    record.fields.update(changes, lifecycleState='UPDATING', timeUpdated=rfc3339(service.now()))
    work_request = warm_pool_work(service, record, 'UPDATE', 'ACTIVE', service.emulator.settings.take_outcome(WARM_POOL))
    data, etag = warm_pool_view(service, record)
    return json_response(200, data, {'etag': etag, 'opc-work-request-id': work_request.id})


def delete_warm_pool(service, request, project_id, name):
    """DELETE: 202 with a work request; the pool shows DELETING until it is DELETED (a repeated delete meanwhile
    answers the same work request) and then frees its name."""
    record = load_warm_pool(service, project_id, name)
    check_etag(request, warm_pool_view(service, record)[0])
    state = record.fields['lifecycleState']
    if state == 'DELETING':
        return Response(202, b'', {'opc-work-request-id': record.deleting})
    if state not in ('ACTIVE', 'FAILED'):
        raise OciError(409, 'IncorrectState', 'Cannot delete sandbox warm pool %r while it is %s.' % (record.fields['name'], state))
    record.fields.update(lifecycleState='DELETING', timeUpdated=rfc3339(service.now()))
    record.deleting = warm_pool_work(service, record, 'DELETE', 'DELETED').id
    return Response(202, b'', {'opc-work-request-id': record.deleting})


WARM_POOLS = '/generativeAiProjects/{project_id}/sandboxWarmPools'
ROUTES = (
    ('POST', WARM_POOLS, create_warm_pool),
    ('GET', WARM_POOLS, list_warm_pools),
    ('GET', WARM_POOLS + '/{name}', get_warm_pool),
    ('PUT', WARM_POOLS + '/{name}', update_warm_pool),
    ('DELETE', WARM_POOLS + '/{name}', delete_warm_pool),
    ('GET', '/dedicatedAiClusters/allocatableGpus', list_allocatable_gpus),
    ('GET', '/modelDiscovery', list_model_discovery),
    ('POST', '/apikeys/{resource_id}/actions/setstate', lambda service, request, resource_id: api_key_action(
        'setstate', service, request, resource_id)),
    ('POST', '/apikeys/{resource_id}/actions/renew', lambda service, request, resource_id: api_key_action(
        'renew', service, request, resource_id)),
)


KINDS = (
    ResourceKind(
        name='GenerativeAiPrivateEndpoint', label='private endpoint', collection='generativeAiPrivateEndpoints',
        ocid_type='generativeaiprivateendpoint', operation_suffix='PRIVATE_ENDPOINT',
        fields=(Field('compartmentId', required=True), Field('subnetId', required=True),
                Field('dnsPrefix', required=True, updatable=True), Field('nsgIds', 'string_list', updatable=True),
                Field('isAllowOnDemand', 'bool', updatable=True), Field('resourceType', enum=('APPLICATION', 'ENDPOINT')),
                Field('securityAttributes', 'defined_tags', updatable=True)) + DESCRIBING + TAG_FIELDS,
        states=STATES, list_filters=('lifecycleState', 'displayName', 'id', 'resourceType'), sort_by=('timeCreated',),
        default_name_prefix='generativeaiprivateendpoint', transition_fields=('dnsPrefix', 'nsgIds', 'isAllowOnDemand'),
        dependents=(('Endpoint', 'generativeAiPrivateEndpointId'),), decorate=private_endpoint_view, move_work_requests=True),
    ResourceKind(
        name='ApiKey', label='API key', collection='apikeys', ocid_type='generativeaiapikey', operation_suffix='API_KEY',
        fields=(Field('compartmentId', required=True), Field('displayName', required=True, updatable=True),
                Field('description', updatable=True),
                Field('keyDetails', 'object_list', required=True, minimum=1, fields=KEY_DETAILS)) + TAG_FIELDS,
        states=('CREATING', 'ACTIVE', 'INACTIVE', 'UPDATING', 'DELETING', 'DELETED', 'FAILED'),
        list_filters=('lifecycleState', 'displayName', 'id'), sort_by=NAME_SORT, default_name_prefix='apikey',
        work_requests=False, prepare=new_keys, decorate=hide_secrets, create_answer=reveal_secrets),
    ResourceKind(
        name='GenerativeAiProject', label='project', collection='generativeAiProjects', ocid_type='generativeaiproject',
        operation_suffix='PROJECT',
        fields=(Field('compartmentId', required=True),
                Field('conversationConfig', 'object', updatable=True, fields=(
                    Field('responsesRetentionInHours', 'int', minimum=1), Field('conversationsRetentionInHours', 'int', minimum=1))),
                Field('sandboxConfig', 'object', updatable=True, fields=(
                    Field('isEnabled', 'bool', required=True), Field('isPersistenceEnabled', 'bool'),
                    Field('warmPoolConfig', 'object', fields=(Field('smallCount', 'int', minimum=0),
                                                              Field('mediumCount', 'int', minimum=0),
                                                              Field('largeCount', 'int', minimum=0))))),
                ) + DESCRIBING + TAG_FIELDS,
        states=STATES, list_filters=('lifecycleState', 'displayName', 'id'), sort_by=NAME_SORT,
        default_name_prefix='generativeaiproject', transition_fields=('conversationConfig', 'sandboxConfig')),
    ResourceKind(
        name='RoutingProfile', label='routing profile', collection='routingProfiles', ocid_type='generativeairoutingprofile',
        operation_suffix='ROUTING_PROFILE',
        fields=(Field('compartmentId', required=True), Field('displayName', required=True, updatable=True),
                Field('description', updatable=True),
                Field('regionRoutingPolicy', 'object', updatable=True, fields=(Field('allowedRegions', 'string_list'),)),
                Field('modelRoutingPolicy', 'object', updatable=True, fields=(Field('allowedModels', 'string_list'),)),
                ) + TAG_FIELDS,
        states=STATES, list_filters=('lifecycleState', 'displayName', 'id'), sort_by=NAME_SORT,
        default_name_prefix='routingprofile', work_requests=False),
    ResourceKind(
        name='SemanticStore', label='semantic store', collection='semanticStores', ocid_type='generativeaisemanticstore',
        operation_suffix='SEMANTIC_STORE',
        fields=(Field('compartmentId', required=True), Field('displayName', required=True, updatable=True),
                Field('description', updatable=True), Field('isUserDefinedSemanticsEnabled', 'bool', updatable=True),
                Field('dataSource', 'object', required=True, variants=('connectionType', {DATABASE_TOOLS: (
                    Field('queryingConnectionId', required=True), Field('enrichmentConnectionId', required=True))})),
                Field('schemas', 'object', required=True, updatable=True, variants=('connectionType', {DATABASE_TOOLS: (
                    Field('schemas', 'object_list', required=True, fields=(Field('name', required=True),)),)})),
                Field('modelSelection', 'object', updatable=True, variants=('modelSelectionType', {
                    'DEFAULT': (), 'CUSTOM': (Field('modelId', required=True),)})),
                Field('refreshSchedule', 'object', updatable=True, variants=('type', {
                    'INTERVAL': (Field('value', required=True),), 'ON_CREATE': (), 'NONE': ()})),
                ) + TAG_FIELDS,
        states=STATES, list_filters=('lifecycleState', 'displayName', 'id'),
        filter_params={'dataSourceQueryingConnectionId': 'dataSource.queryingConnectionId'},
        sort_by=NAME_SORT, list_compartment_optional=True, default_name_prefix='semanticstore', sync_update=True,
        move_work_requests=True,
        decorate=semantic_store_view),
)
