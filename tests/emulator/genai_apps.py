"""OCI Generative AI hosted applications and vector store connectors (`/20231130`), per the `oci` SDK's models
(GenerativeAiClient 2.189.0): HostedApplication, HostedApplicationIam, HostedApplicationStorage, HostedDeployment
(with its artifacts), VectorStoreConnector (with its stats and ingestion logs) and VectorStoreConnectorFileSync
(started, listed, cancelled with DELETE, with its ingestion logs).

A file sync reads the emulated Object Storage: every object under the connector's buckets and prefixes becomes one
ingested file when the sync finishes.
"""

import copy
import posixpath
from datetime import datetime, timezone
from functools import partial

from .oci_common import (Field, OciError, check_enum_param, check_etag, etag_of, invalid, json_object, new_ocid, not_found,
                         paginate, require_param, sort_items, validate_body)
from .oci_resources import ResourceKind
from .store import Record
from .vision import JobRun
from .wire import Response, json_response, rfc3339

APP_STATES = ('CREATING', 'ACTIVE', 'UPDATING', 'DELETING', 'DELETED', 'FAILED')
APP_SORT = ('timeCreated', 'displayName', 'lifecycleState')
TAGS = (Field('freeformTags', 'freeform_tags', updatable=True), Field('definedTags', 'defined_tags', updatable=True))
FIXED_TAGS = (Field('freeformTags', 'freeform_tags'), Field('definedTags', 'defined_tags'))  # no update call
SCALING = Field('scalingConfig', 'object', updatable=True, fields=(
    Field('scalingType', required=True, enum=('CPU', 'MEMORY', 'CONCURRENCY', 'REQUESTS_PER_SECOND')),
    Field('minReplica', 'int'), Field('maxReplica', 'int'), Field('targetCpuThreshold', 'int'),
    Field('targetMemoryThreshold', 'int'), Field('targetConcurrencyThreshold', 'int'), Field('targetRpsThreshold', 'int')))
NETWORKING = Field('networkingConfig', 'object', fields=(
    Field('inboundNetworkingConfig', 'object', required=True, fields=(
        Field('endpointMode', required=True, enum=('PUBLIC', 'PRIVATE')), Field('privateEndpointId'))),
    Field('outboundNetworkingConfig', 'object', required=True, fields=(
        Field('networkMode', required=True, enum=('MANAGED', 'CUSTOM')), Field('customSubnetId'), Field('nsgIds', 'string_list'))),
))
STORAGE_CONFIGS = Field('storageConfigs', 'object_list', fields=(
    Field('environmentVariableKey', required=True), Field('storageId', required=True)))
ENVIRONMENT = Field('environmentVariables', 'object_list', updatable=True, fields=(
    Field('name', required=True), Field('type', required=True, enum=('PLAINTEXT', 'VAULT')), Field('value', required=True)))
INBOUND_AUTH = Field('inboundAuthConfig', 'object', required=True, updatable=True, fields=(
    Field('inboundAuthConfigType', required=True, enum=('IDCS_AUTH_CONFIG', 'IDCS_SESSION_AUTH_CONFIG', 'NO_AUTH_CONFIG')),
    Field('idcsConfig', 'object', fields=(
        Field('domainUrl', required=True), Field('scope', required=True), Field('audience'), Field('clientId'),
        Field('clientSecretVaultId'))),
))
APP_COMMON = (Field('compartmentId', required=True), Field('displayName', required=True, updatable=True),
              Field('description', updatable=True), SCALING, NETWORKING, STORAGE_CONFIGS, ENVIRONMENT) + TAGS
APP_DETAILS = ('lifecycleDetails', 'scalingConfig', 'storageConfigs', 'networkingConfig', 'environmentVariables')


def link_storages(service, fields):
    """Each storageConfigs entry names an ACTIVE hosted application storage."""
    for index, config in enumerate(fields.get('storageConfigs') or ()):
        storage = service.related(('HostedApplicationStorage',), config['storageId'], 'storageConfigs[%d].storageId' % index)
        if storage.fields['lifecycleState'] != 'ACTIVE':
            raise invalid('storageConfigs[%d].storageId %s must be ACTIVE.' % (index, storage.id))


def application_endpoint(service, record, view):
    view['applicationEndpoint'] = 'https://%s.apps.generativeai.%s.oci.oraclecloud.com' % (
        record.id.rsplit('.', 1)[-1][-12:], service.emulator.config.region)


def storage_users(service, record, view):
    view['applicationIds'] = sorted(
        other.id for name in ('HostedApplication', 'HostedApplicationIam') for other in service.records(name)
        if other.fields['lifecycleState'] != 'DELETED'
        and any(config['storageId'] == record.id for config in other.fields.get('storageConfigs') or ()))


HOSTED_APPLICATION = ResourceKind(
    name='HostedApplication', label='hosted application', collection='hostedApplications',
    ocid_type='generativeaihostedapplication', operation_suffix='HOSTED_APPLICATION',
    fields=APP_COMMON + (INBOUND_AUTH, Field('publicAccessPathPatterns', 'string_list', updatable=True)),
    states=APP_STATES, list_filters=('lifecycleState', 'displayName', 'id'), sort_by=APP_SORT,
    summary_omit=('previousState', 'inboundAuthConfig', 'applicationEndpoint', 'publicAccessPathPatterns') + APP_DETAILS,
    default_name_prefix='hostedapplication', transition_fields=('scalingConfig', 'environmentVariables', 'inboundAuthConfig'),
    update_returns_body=False, prepare=link_storages, decorate=application_endpoint,
)
HOSTED_APPLICATION_IAM = ResourceKind(
    name='HostedApplicationIam', label='IAM hosted application', collection='hostedApplicationsIam',
    ocid_type='generativeaihostedapplicationiam', operation_suffix='HOSTED_APPLICATION_IAM', fields=APP_COMMON,
    states=APP_STATES, list_filters=('lifecycleState', 'displayName', 'id'), sort_by=APP_SORT,
    summary_omit=('previousState',) + APP_DETAILS, default_name_prefix='hostedapplicationiam',
    transition_fields=('scalingConfig', 'environmentVariables'), update_returns_body=False, prepare=link_storages,
)
HOSTED_APPLICATION_STORAGE = ResourceKind(
    name='HostedApplicationStorage', label='hosted application storage', collection='hostedApplicationStorages',
    ocid_type='generativeaihostedapplicationstorage', operation_suffix='HOSTED_APPLICATION_STORAGE',
    fields=(Field('compartmentId', required=True), Field('displayName', required=True), Field('description'),
            Field('storageType', required=True, enum=('CACHE', 'POSTGRESQL', 'ADB'))) + FIXED_TAGS,
    states=APP_STATES, list_filters=('lifecycleState', 'displayName', 'id'), sort_by=APP_SORT,
    filter_params={'hostedApplicationStorageType': 'storageType'},
    summary_omit=('previousState', 'lifecycleDetails', 'applicationIds'), default_name_prefix='hostedapplicationstorage',
    decorate=storage_users, updatable=False,
)

# ---- hosted deployments and their artifacts -------------------------------------------------------------------

DOCKER_ARTIFACT = (Field('containerUri', required=True), Field('tag', required=True), Field('isVulnerabilityScanRequired', 'bool'))
# the create and update bodies take the Artifact model, whose read-only fields are accepted and ignored
ARTIFACT_READ_ONLY = (Field('id'), Field('timeCreated'), Field('hostedDeploymentId'), Field('status'))
ARTIFACT = Field('activeArtifact', 'object', required=True, updatable=True,
                 variants=('artifactType', {'SIMPLE_DOCKER_ARTIFACT': DOCKER_ARTIFACT + ARTIFACT_READ_ONLY}))
NEW_ARTIFACT = Field('artifact', 'object', required=True, variants=('artifactType', {'SIMPLE_DOCKER_ARTIFACT': DOCKER_ARTIFACT}))


def new_artifact(service, given, status):
    artifact = dict((key, given[key]) for key in ('artifactType', 'containerUri', 'tag', 'isVulnerabilityScanRequired')
                    if key in given)
    artifact.update({'id': new_ocid('generativeaiartifact', service.emulator.config.region), 'status': status,
                     'timeCreated': rfc3339(service.now())})
    return artifact


def same_image(artifact, given):
    return all(artifact.get(key) == given.get(key) for key in ('artifactType', 'containerUri', 'tag'))


def prepare_deployment(service, fields):
    """The deployment belongs to a live hosted application (its compartment by default) and runs its artifact."""
    if not fields.get('hostedApplicationId'):
        raise OciError(400, 'MissingParameter', 'Missing required field hostedApplicationId.')
    application = service.related(('HostedApplication', 'HostedApplicationIam'), fields['hostedApplicationId'],
                                  'hostedApplicationId')
    fields.setdefault('compartmentId', application.fields['compartmentId'])
    active = new_artifact(service, fields['activeArtifact'], 'ACTIVE')
    fields['activeArtifact'], fields['artifacts'] = active, [active]


def activate_artifact(service, record, changes):
    """An update's activeArtifact: one of the deployment's artifacts (by id, else by image), or a new one."""
    given = changes.get('activeArtifact')
    if given is None:
        return
    artifacts = copy.deepcopy(record.fields['artifacts'])
    if given.get('id'):
        chosen = next((a for a in artifacts if a['id'] == given['id']), None)
        if chosen is None:
            raise not_found('artifact %s of HostedDeployment %s' % (given['id'], record.id))
    else:
        chosen = next((a for a in artifacts if same_image(a, given)), None)
        if chosen is None:
            chosen = new_artifact(service, given, 'ACTIVE')
            artifacts.append(chosen)
    for artifact in artifacts:
        artifact['status'] = 'ACTIVE' if artifact['id'] == chosen['id'] else 'INACTIVE'
    changes['activeArtifact'], changes['artifacts'] = dict(chosen), artifacts


def deployment_view(service, record, view):
    for artifact in [view.get('activeArtifact')] + list(view.get('artifacts') or ()):
        if artifact:
            artifact['hostedDeploymentId'] = record.id


HOSTED_DEPLOYMENT = ResourceKind(
    name='HostedDeployment', label='hosted deployment', collection='hostedDeployments',
    ocid_type='generativeaihosteddeployment', operation_suffix='HOSTED_DEPLOYMENT',
    fields=(Field('compartmentId'), Field('displayName'), Field('hostedApplicationId'), ARTIFACT) + TAGS,
    states=('CREATING', 'NEEDS_ATTENTION', 'ACTIVE', 'INACTIVE', 'UPDATING', 'DELETING', 'DELETED', 'FAILED'),
    list_filters=('lifecycleState', 'displayName', 'id'), filter_params={'applicationId': 'hostedApplicationId'},
    sort_by=APP_SORT, summary_omit=('previousState', 'displayName', 'compartmentId'), default_name_prefix='hosteddeployment',
    transition_fields=('activeArtifact',), prepare=prepare_deployment, prepare_update=activate_artifact,
    decorate=deployment_view, movable=False,
)


def add_artifact(service, request, resource_id):
    kind = HOSTED_DEPLOYMENT
    record = service._load_writable(kind, resource_id)
    body = json_object(request)
    replayed = service._replay(request, body)
    if replayed:
        return replayed
    fields = validate_body((NEW_ARTIFACT,) + TAGS, body)
    check_etag(request, service.view(kind, record))
    service._require_state(kind, record, 'add an artifact to', ('ACTIVE', 'INACTIVE', 'NEEDS_ATTENTION'))
    if any(same_image(artifact, fields['artifact']) for artifact in record.fields['artifacts']):
        raise OciError(409, 'Conflict', 'HostedDeployment %s already has an artifact %s:%s.' % (
            record.id, fields['artifact']['containerUri'], fields['artifact']['tag']))
    record.fields['artifacts'].append(new_artifact(service, fields['artifact'], 'INACTIVE'))
    record.fields['timeUpdated'] = rfc3339(service.now())
    work_request = service._start_work(kind, record, 'UPDATE', 'ACTIVE', None, transition=False)
    response = Response(202, b'', {'opc-work-request-id': work_request.id})
    service._remember(request, body, response)
    return response


def delete_artifact(service, request, resource_id, artifact_id):
    kind = HOSTED_DEPLOYMENT
    record = service._load_writable(kind, resource_id)
    check_etag(request, service.view(kind, record))
    service._require_state(kind, record, 'delete an artifact of', ('ACTIVE', 'INACTIVE', 'NEEDS_ATTENTION', 'FAILED'))
    artifact = next((a for a in record.fields['artifacts'] if a['id'] == artifact_id), None)
    if artifact is None:
        raise not_found('artifact %s of HostedDeployment %s' % (artifact_id, record.id))
    if artifact['id'] == record.fields['activeArtifact']['id']:
        raise OciError(409, 'IncorrectState', 'Artifact %s is the active artifact of HostedDeployment %s; activate another '
                                              'one first.' % (artifact_id, record.id))
    record.fields['artifacts'].remove(artifact)
    record.fields['timeUpdated'] = rfc3339(service.now())
    return Response(204)


# ---- vector store connectors and their file syncs -------------------------------------------------------------

SCHEDULE_COMMON = (Field('state', enum=('ENABLED', 'DISABLED')), Field('timeStart'), Field('timeEnd'))
SCHEDULE = Field('scheduleConfig', 'object', updatable=True, variants=('configType', {
    'INTERVAL': SCHEDULE_COMMON + (Field('frequency', required=True, enum=('HOURLY', 'DAILY')), Field('interval', 'int', required=True, minimum=1)),
    'CRON': SCHEDULE_COMMON + (Field('cronExpression', required=True),),
}))
CONFIGURATION = Field('configuration', 'object', required=True, updatable=True, variants=('type', {
    'OBJECT_STORAGE_FILES': (Field('storageConfigList', 'object_list', required=True, minimum=1, fields=(
        Field('namespace', required=True), Field('bucketName', required=True), Field('prefixList', 'string_list'))),),
}))


def connector_tenant(service, fields):
    fields['tenantId'] = service.emulator.config.tenancy


VECTOR_STORE_CONNECTOR = ResourceKind(
    name='VectorStoreConnector', label='vector store connector', collection='vectorStoreConnectors',
    ocid_type='generativeaivectorstoreconnector', operation_suffix='VECTOR_STORE_CONNECTOR',
    fields=(Field('compartmentId', required=True), Field('vectorStoreId', required=True),
            Field('displayName', required=True, updatable=True), Field('description', updatable=True), SCHEDULE,
            CONFIGURATION, Field('vaultSecretId')) + TAGS,
    states=('ACTIVE', 'CREATING', 'UPDATING', 'DELETING', 'DELETED', 'FAILED'),
    list_filters=('vectorStoreId', 'lifecycleState', 'displayName', 'id'), sort_by=('name', 'timeCreated'),
    summary_omit=('previousState', 'vaultSecretId'), default_name_prefix='vectorstoreconnector',
    transition_fields=('configuration', 'scheduleConfig'), prepare=connector_tenant, movable=False,
)

SYNC_STATES = ('ACCEPTED', 'IN_PROGRESS', 'FAILED', 'SUCCEEDED', 'CANCELING', 'CANCELED')
LOG_STATUSES = ('COMPLETED', 'CANCELLED', 'FAILED', 'QUEUED', 'IN_PROGRESS')
STAT_KEYS = ('created', 'updated', 'deleted', 'metadataUpdated', 'ignored', 'unsupported', 'inProgress', 'failed')
CHUNK_BYTES = 4000


class FileSyncs:
    """The file syncs of the GenAI service: a kind of their own (they run like batch jobs), stored as records
    with a JobRun. Registered on the service by `register`."""

    kind_name = 'VectorStoreConnectorFileSync'
    fields = (Field('vectorStoreConnectorId', required=True), Field('displayName')) + FIXED_TAGS

    def __init__(self, service):
        self.service = service
        collection = '/vectorStoreConnectorFileSyncs'
        router = service.router
        router.add('POST', collection, self.create)
        router.add('GET', collection, self.list)
        router.add('GET', collection + '/{sync_id}', self.get)
        router.add('DELETE', collection + '/{sync_id}', self.cancel)
        router.add('GET', collection + '/{sync_id}/ingestionLogs', self.sync_logs)
        router.add('GET', '/vectorStoreConnectors/{resource_id}/stats', self.connector_stats)
        router.add('GET', '/vectorStoreConnectors/{resource_id}/ingestionLogs', self.connector_logs)

    @property
    def table(self):
        return self.service.table(self.kind_name)

    def create(self, request):
        service = self.service
        body = json_object(request)
        replayed = service._replay(request, body)
        if replayed:
            return replayed
        fields = validate_body(self.fields, body)
        connector = service.related(('VectorStoreConnector',), fields['vectorStoreConnectorId'], 'vectorStoreConnectorId')
        if connector.fields['lifecycleState'] != 'ACTIVE':
            raise invalid('vectorStoreConnectorId %s must be ACTIVE, not %s.' % (connector.id, connector.fields['lifecycleState']))
        now = service.now()
        sync_id = new_ocid('generativeaivectorstoreconnectorfilesync', service.emulator.config.region)
        fields.setdefault('displayName', 'filesync' + datetime.fromtimestamp(now, timezone.utc).strftime('%Y%m%d%H%M%S'))
        fields.setdefault('freeformTags', {})
        fields.setdefault('definedTags', {})
        fields.update({'id': sync_id, 'compartmentId': connector.fields['compartmentId'], 'tenantId': connector.fields['tenantId'],
                       'timeCreated': rfc3339(now), 'triggerType': 'MANUAL', 'systemTags': {}})
        record = service.store.add(self.table, Record(self.kind_name, sync_id, fields, now))
        record.run = JobRun(now, service.emulator.settings.delay, service.emulator.settings.take_outcome(self.kind_name) == 'FAILED')
        record.view = partial(self.view, record)  # how the record reads now (the reliability suites count with it)
        response = self.response(record)
        service._remember(request, body, response)
        return response

    def load(self, sync_id):
        record = self.service.store.get(self.table, sync_id)
        if record is None:
            raise not_found('%s %s' % (self.kind_name, sync_id))
        return record

    def files(self, record):
        """The objects under the connector's buckets and prefixes: (path, size)."""
        connector = self.service.lookup('VectorStoreConnector', record.fields['vectorStoreConnectorId'])
        configs = ((connector.fields.get('configuration') or {}).get('storageConfigList') or ()) if connector else ()
        found = []
        for config in configs:
            prefixes = config.get('prefixList') or ['']
            for (namespace, bucket, name), data in sorted(self.service.store.objects.items()):
                if namespace == config['namespace'] and bucket == config['bucketName'] and any(name.startswith(p) for p in prefixes):
                    found.append(('oci://%s@%s/%s' % (bucket, namespace, name), len(data)))
        return found

    def view(self, record):
        run, now = record.run, self.service.now()
        state = run.state(now)
        if state == 'FINISHED' and run.outcome is None:
            run.outcome = ('FAILED', 'The file sync failed (outcome injected by the emulator).') if run.injected_failure \
                else ('SUCCEEDED', None)
            run.files = self.files(record)
        data = copy.deepcopy(record.fields)
        data['lifecycleState'] = run.outcome[0] if state == 'FINISHED' else state
        if state == 'FINISHED' and run.outcome[1]:
            data['lifecycleDetails'] = run.outcome[1]
        if now >= run.started and (run.cancelled is None or run.cancelled >= run.started):
            data['timeStarted'] = rfc3339(run.started)
        if state in ('FINISHED', 'CANCELED'):
            data['timeEnded'] = rfc3339(run.finished)
            data['durationInSeconds'] = int(run.finished - run.started)
        if data['lifecycleState'] == 'SUCCEEDED':
            data['stats'] = stats(run.files, now)
        return data

    def response(self, record):
        data = self.view(record)
        return json_response(200, data, {'etag': etag_of(data)})

    def get(self, request, sync_id):
        return self.response(self.load(sync_id))

    def list(self, request):
        compartment_id = require_param(request, 'compartmentId')
        check_enum_param(request, 'lifecycleState', SYNC_STATES)
        wanted = [(name, request.param(name)) for name in ('lifecycleState', 'id', 'vectorStoreConnectorId', 'displayName')
                  if request.param(name) is not None]
        views = [self.view(record) for record in self.service.store.all(self.table)]
        selected = [v for v in views if v['compartmentId'] == compartment_id and all(v.get(k) == value for k, value in wanted)]
        ordered = sort_items(selected, request, {'displayName': lambda v: v['displayName'], 'timeCreated': lambda v: v['timeCreated']},
                             'timeCreated', ('timeCreated',))
        page, headers = paginate(ordered, request, self.service.emulator.settings.page_size)
        return json_response(200, {'items': page}, headers)

    def cancel(self, request, sync_id):
        record = self.load(sync_id)
        view = self.view(record)
        check_etag(request, view)
        if view['lifecycleState'] not in ('ACCEPTED', 'IN_PROGRESS'):
            raise OciError(409, 'IncorrectState', 'Cannot cancel %s %s while it is %s.' % (self.kind_name, sync_id, view['lifecycleState']))
        record.run.cancel(self.service.now())
        return Response(202, b'')

    def logs(self, record):
        """One entry per file of a finished sync."""
        self.view(record)
        if record.run.outcome is None:
            return []
        status = 'COMPLETED' if record.run.outcome[0] == 'SUCCEEDED' else 'FAILED'
        return [{'fileId': 'file-%d' % index, 'vectorStoreConnectorFileSyncId': record.id, 'filePath': path,
                 'fileSizeInBytes': size, 'totalChunksCreated': 1 + size // CHUNK_BYTES if status == 'COMPLETED' else 0,
                 'durationInSeconds': 1, 'status': status, 'freeformTags': {}, 'definedTags': {}, 'systemTags': {}}
                for index, (path, size) in enumerate(record.run.files)]

    def page_of_logs(self, request, entries, status_param):
        status = check_enum_param(request, status_param, LOG_STATUSES if status_param == 'status' else SYNC_STATES)
        selected = [entry for entry in entries if status in (None, entry['status'])]
        ordered = sort_items(selected, request, {'status': lambda e: e['status'], 'fileSize': lambda e: e['fileSizeInBytes'],
                                                 'filePath': lambda e: e['filePath']}, 'filePath', ())
        page, headers = paginate(ordered, request, self.service.emulator.settings.page_size)
        return json_response(200, {'items': page}, headers)

    def sync_logs(self, request, sync_id):
        entries = self.logs(self.load(sync_id))
        for entry in entries:
            del entry['vectorStoreConnectorFileSyncId']  # FileSyncIngestionLogs has no such field
        return self.page_of_logs(request, entries, 'lifecycleState')

    def connector_syncs(self, connector_id):
        self.service._load(VECTOR_STORE_CONNECTOR, connector_id)
        return sorted((r for r in self.service.store.all(self.table) if r.fields['vectorStoreConnectorId'] == connector_id),
                      key=lambda r: r.seq)

    def connector_logs(self, request, resource_id):
        entries = [entry for record in self.connector_syncs(resource_id) for entry in self.logs(record)]
        return self.page_of_logs(request, entries, 'status')

    def connector_stats(self, request, resource_id):
        files = []
        for record in self.connector_syncs(resource_id):
            if self.view(record)['lifecycleState'] == 'SUCCEEDED':
                files.extend(record.run.files)
        data = stats(sorted(set(files)), self.service.now())
        return json_response(200, data, {'etag': etag_of(data)})


def stats(files, now):
    """VectorStoreConnectorStats: every file counted as created, by file type."""
    by_type = {}
    for path, _size in files:
        extension = posixpath.splitext(path)[1].lstrip('.').upper() or 'NONE'
        by_type[extension] = by_type.get(extension, 0) + 1
    data = {key: {'totalFilesSynced': 0, 'syncStatsByFileType': {}} for key in STAT_KEYS}
    data['created'] = {'totalFilesSynced': len(files), 'syncStatsByFileType': by_type}
    data.update({'timeGenerated': rfc3339(now), 'freeformTags': {}, 'definedTags': {}, 'systemTags': {}})
    return data


KINDS = (HOSTED_APPLICATION, HOSTED_APPLICATION_IAM, HOSTED_APPLICATION_STORAGE, HOSTED_DEPLOYMENT, VECTOR_STORE_CONNECTOR)


def register(service):
    """The routes these kinds have beyond create / list / get / update / delete / changeCompartment."""
    service.router.add('POST', '/hostedDeployments/{resource_id}/artifacts', partial(add_artifact, service))
    service.router.add('DELETE', '/hostedDeployments/{resource_id}/artifacts/{artifact_id}', partial(delete_artifact, service))
    FileSyncs(service)
