"""DataArts Fabric jobs with their versions (DataArtsFabricClient), job runs and service instances (the companion
DataArtsFabricEpClient, same signing), per the SDK 3.1.219 models and api/huawei-dataarts-fabric.md section 7.

Job runs go PENDING -> RUNNING -> SUCCEEDED on the emulator's clock (`delay` emulated seconds per transition), or
FAILED when told to (`next_outcome: {"FabricJobRun": "FAILED"}`); a cancel takes a run that has not ended through
STOPPING to STOPPED. Service instances go CREATING / UPDATING -> RUNNING, or FAILED when told to
(`"FabricServiceInstance": "FAILED"`), and DELETING -> gone. Creates and updates answer with ids only, as the SDK's
response models have it.
"""

import copy
import uuid

from . import fabric
from .fabric_schema import BAD_INPUT, Any, Arr, Bool, FabricError, Int, Obj, Str, bad_input
from .wire import Response, json_response, rfc3339

JOB_TYPES = ('RAY_JOB', 'PYTHON_JOB', 'SPARK_JOB')
STATUSES = ('PENDING', 'CREATING', 'RUNNING', 'UPDATING', 'SUCCEEDED', 'FAILED', 'STOPPING', 'STOPPED', 'DELETING', 'DELETED')
RUN_ENDED = ('SUCCEEDED', 'FAILED', 'STOPPED')
CONFIG_OF_TYPE = {'RAY_JOB': 'ray_job_config', 'PYTHON_JOB': 'python_job_config', 'SPARK_JOB': 'spark_job_config'}
RUN_FAILURE = ('fabric.05000101', 'The job run failed: its main program exited with status 1 (outcome injected by the emulator).')
INSTANCE_FAILURE = ('fabric.06000101', 'The service instance could not be started: no capacity for the requested '
                                       'resource specification (outcome injected by the emulator).')
PAGING = ('offset', 'limit')
QUERY_PARAMETERS = {
    'list_jobs': PAGING + ('name', 'id', 'type', 'endpoint_id', 'sort_by', 'order_by', 'create_by_me'),
    'list_job_versions': PAGING + ('version_id', 'name'),
    'list_job_runs': PAGING + ('id', 'name', 'job_id', 'endpoint_id', 'version_id', 'status', 'type', 'sort_by', 'order_by'),
    'list_services_instances': PAGING + ('id', 'name', 'endpoint_id', 'source_id', 'version_id', 'type', 'visibility',
                                         'sort_by', 'order_by'),
}

NAME_CHARACTERS = r'^[\w\-. ]+$'
NAME = dict(min_length=1, max_length=64, pattern=NAME_CHARACTERS, rule='letters, digits, _ - . and space')
RESOURCE_ID = dict(min_length=32, max_length=36, pattern=r'^[A-Za-z0-9-]+$', rule='letters, digits and -')
STRINGS = Arr(Str())


class Number:
    """A JSON number (the SDK's float)."""

    def __init__(self, required=False, minimum=0):
        self.required = required
        self.minimum = minimum

    def check(self, value, path):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise bad_input('%s must be a number.' % path)
        if value < self.minimum:
            raise bad_input('%s must be at least %s.' % (path, self.minimum))
        return value


JOB_CONFIG = Obj(
    ray_job_config=Obj(
        entrypoint=Str(required=True, min_length=1),
        metadata=Any(),
        entrypoint_num_cpus=Number(),
        entrypoint_num_gpus=Number(),
        entrypoint_memory=Int(minimum=0),
        entrypoint_resources=Any(),
        submission_id=Str(max_length=128),
        runtime_env=Obj(working_dir=Str(), py_modules=STRINGS, pip=STRINGS, conda=Any(), env_vars=Any(), container=Any(),
                        worker_process_setup_hook=Str(), nsight=Str(), config=Str()),
    ),
    python_job_config=Obj(resource_spec=Str(required=True, min_length=1), main_file_name=Str(), main_arguments=STRINGS,
                          python_packages=STRINGS, working_dir=Str(), user_log_path=Str()),
    spark_job_config=Obj(driver_resource_spec=Str(required=True, min_length=1), executor_resource_spec=Str(required=True, min_length=1),
                         main_file_path=Str(), main_class=Str(), main_arguments=STRINGS, spark_conf=Str(),
                         num_executors=Int(minimum=0), enable_dynamic_allocation=Bool(), min_num_executors=Int(minimum=0),
                         max_num_executors=Int(minimum=0), user_log_path=Str(), metastore_id=Str(), metastore_catalog_id=Str()),
    timeout_seconds=Int(minimum=0),
    max_retries=Int(minimum=0),
    queue=Bool(),
    max_concurrent_runs=Int(minimum=1),
)


JOB_VERSION = Obj(
    name=Str(required=True, **NAME),
    description=Str(max_length=1024),
    cap_white_list=STRINGS,
    config=Obj(required=True, **JOB_CONFIG.fields),
    dependence_framework=Arr(Obj(name=Str(), version_name=Str())),
)
JOB_CREATE = Obj(
    name=Str(required=True, **NAME),
    description=Str(max_length=1024),
    type=Str(required=True, choices=JOB_TYPES),
    version=Obj(required=True, **JOB_VERSION.fields),
    current_endpoint_id=Str(**RESOURCE_ID),
)
JOB_UPDATE = Obj(
    name=Str(**NAME),
    description=Str(max_length=1024),
    current_version_id=Str(**RESOURCE_ID),
    current_endpoint_id=Str(**RESOURCE_ID),
    version=Obj(**JOB_VERSION.fields),
)

REF = dict(id=Str(required=True, **RESOURCE_ID), version_id=Str(**RESOURCE_ID))  # SourceRef
JOB_REF = dict(id=REF['id'], version_id=Str(required=True, **RESOURCE_ID))  # JobRef requires both
RUN_CREATE = Obj(job=Obj(required=True, **JOB_REF), name=Str(required=True, **NAME), endpoint_id=Str(required=True, **RESOURCE_ID))

SPEC = Str(required=True, min_length=1, max_length=64)
PGSQL_CONFIG = Obj(coordinator_resource_spec=SPEC, worker_resource_spec=SPEC, coordinator_port=Int(required=True, minimum=1, maximum=65535),
                   coordinator_pod_label=Str(required=True), worker_pod_label=Str(required=True), runtime_param=Str(required=True))


def _check_demand(resource, path):
    if resource['min'] > resource['max']:
        raise bad_input('%s.min must not be more than max.' % path)


INSTANCE_CREATE = Obj(
    source=Obj(required=True, **REF),
    name=Str(required=True, **NAME),
    description=Str(max_length=1024),
    endpoint_id=Str(required=True, **RESOURCE_ID),
    config=Obj(pgsql_instance_config=PGSQL_CONFIG, model_instance_config=Obj(resource=Obj(
        required=True, rule=_check_demand, spec_code=SPEC, min=Int(required=True, minimum=0, maximum=1000),
        max=Int(required=True, minimum=1, maximum=1000)))),
)
INSTANCE_UPDATE = Obj(
    source=Obj(**REF),
    name=Str(**NAME),
    description=Str(max_length=1024),
    config=Obj(pgsql_instance_config=PGSQL_CONFIG, model_instance_config=Obj(resource=Obj(
        required=True, rule=_check_demand, min=Int(required=True, minimum=0, maximum=1000), max=Int(required=True, minimum=1, maximum=1000)))),
)
# what a service instance shows beyond ServiceInstanceBriefInfo (list items); a run beyond JobRunBriefInfo
INSTANCE_DETAIL_ONLY = ('update_user', 'url', 'config', 'error_code', 'error_msg')
RUN_DETAIL_ONLY = ('log_path', 'error_code', 'error_msg')


def register(service):
    """Add the jobs', job runs' and service instances' routes to the FabricService `service`."""
    handlers = FabricJobs(service)
    fabric.QUERY_PARAMETERS.update(QUERY_PARAMETERS)
    add = service.router.add
    add('POST', '/v1/workspaces/{workspace_id}/jobs/runs', handlers.run_job)
    add('GET', '/v1/workspaces/{workspace_id}/jobs/runs', handlers.list_job_runs)
    add('GET', '/v1/workspaces/{workspace_id}/jobs/runs/{run_id}', handlers.show_job_run_detail)
    add('DELETE', '/v1/workspaces/{workspace_id}/jobs/runs/{run_id}', handlers.delete_job_run)
    add('POST', '/v1/workspaces/{workspace_id}/jobs/runs/{run_id}/cancel', handlers.cancel_job_run)
    add('DELETE', '/v1/workspaces/{workspace_id}/endpoints/{endpoint_id}/jobs/runs', handlers.clear_job_run)
    add('POST', '/v1/workspaces/{workspace_id}/jobs', handlers.create_job)
    add('GET', '/v1/workspaces/{workspace_id}/jobs', handlers.list_jobs)
    add('PUT', '/v1/workspaces/{workspace_id}/jobs/{job_id}', handlers.update_job)
    add('DELETE', '/v1/workspaces/{workspace_id}/jobs/{job_id}', handlers.delete_job)
    add('GET', '/v1/workspaces/{workspace_id}/jobs/{job_id}/versions', handlers.list_job_versions)
    add('DELETE', '/v1/workspaces/{workspace_id}/jobs/{job_id}/versions/{version_id}', handlers.delete_job_version)
    add('POST', '/v1/workspaces/{workspace_id}/services/instances', handlers.deploy_service_instance)
    add('GET', '/v1/workspaces/{workspace_id}/services/instances', handlers.list_services_instances)
    add('GET', '/v1/workspaces/{workspace_id}/services/instances/{instance_id}', handlers.show_service_instance_detail)
    add('PUT', '/v1/workspaces/{workspace_id}/services/instances/{instance_id}', handlers.update_service_instance)
    add('DELETE', '/v1/workspaces/{workspace_id}/services/instances/{instance_id}', handlers.delete_service_instance)


def _sorted(records, request, keys):
    sort_by = fabric.choice_param(request, 'sort_by', tuple(keys)) or 'CREATE_TIME'
    order_by = fabric.choice_param(request, 'order_by', ('ASC', 'DESC')) or 'DESC'
    return sorted(records, key=lambda r: (keys[sort_by](r), r.seq), reverse=order_by == 'DESC')


def _brief(record, detail_only):
    view = copy.deepcopy(record.fields)
    for key in detail_only:
        view.pop(key, None)
    return view


class FabricJobs:

    def __init__(self, service):
        self.service = service

    @property
    def store(self):
        return self.service.store

    def now(self):
        return self.service.now()

    def _in_workspace(self, kind, label, workspace_id, record_id, status=404):
        self.service._workspace(workspace_id)
        record = self.store.get(kind, record_id)
        if record is None or record.workspace_id != workspace_id or self._settle(record):
            raise FabricError(status, BAD_INPUT, '%s %s does not exist in workspace %s.' % (label, record_id, workspace_id))
        return record

    def _new(self, kind, workspace_id, fields):
        record = self.service._new_record(kind, fields)
        record.workspace_id = workspace_id
        fields['update_time'] = fields['create_time']
        return record

    def _settle(self, record):
        """Finish the transition of a run or an instance whose time has come; True when it is gone."""
        pending = record.pending
        if pending is None or self.now() < pending['ends']:
            return False
        record.pending = None
        record.fields['update_time'] = rfc3339(pending['ends'])
        if pending['status'] == 'DELETED':
            self.store.remove(record.kind, record.id)
            return True
        record.fields['status'] = pending['status']
        if record.kind == 'FabricJobRun' and pending['status'] in RUN_ENDED:
            record.fields['duration'] = int(pending['ends'] - record.created)
        if pending['status'] == 'FAILED':
            record.fields['error_code'], record.fields['error_msg'] = (
                RUN_FAILURE if record.kind == 'FabricJobRun' else INSTANCE_FAILURE)
        elif pending.get('then'):
            record.pending = {'ends': pending['ends'] + self.service.emulator.settings.delay, 'status': pending['then']}
            return self._settle(record)
        return False

    def _start(self, record, status, final, then=None):
        """Move to `status` now, to `final` after `delay` (FAILED when told to), then to `then` after another delay."""
        failed = self.service.emulator.settings.take_outcome(record.kind) == 'FAILED'
        for key in ('error_code', 'error_msg'):
            record.fields.pop(key, None)
        record.fields['status'] = status
        record.fields['update_time'] = rfc3339(self.now())
        record.pending = {'ends': self.now() + self.service.emulator.settings.delay,
                          'status': 'FAILED' if failed and final != 'DELETED' else final, 'then': None if failed else then}

    # ---- jobs and versions -----------------------------------------------------------------

    def _jobs(self, workspace_id):
        return [record for record in self.store.all('FabricJob') if record.workspace_id == workspace_id]

    def _job(self, workspace_id, job_id):
        return self._in_workspace('FabricJob', 'Job', workspace_id, job_id)

    def _check_endpoint(self, workspace_id, endpoint_id, field):
        endpoint = self.store.get('FabricEndpoint', endpoint_id)
        if endpoint is None or endpoint.workspace_id != workspace_id:
            raise bad_input('%s %s is not an endpoint of workspace %s.' % (field, endpoint_id, workspace_id))

    def _new_version(self, job, version):
        if any(existing['name'] == version['name'] for existing in job.versions):
            raise bad_input('Job %s already has a version named %s.' % (job.id, version['name']))
        kinds = [key for key in CONFIG_OF_TYPE.values() if key in version['config']]
        if kinds != [CONFIG_OF_TYPE[job.fields['type']]]:
            raise bad_input('version.config of a %s needs %s and no other job configuration, got %s.' % (
                job.fields['type'], CONFIG_OF_TYPE[job.fields['type']], ', '.join(kinds) or 'none'))
        version = dict(version, id=str(uuid.uuid4()), create_time=rfc3339(self.now()), create_user=dict(self.user()))
        version.setdefault('description', '')
        version.setdefault('cap_white_list', [])
        version.setdefault('dependence_framework', [])
        job.versions.append(version)
        job.current_version_id = version['id']
        return version

    @staticmethod
    def user():
        return {'domain_name': fabric.DOMAIN_NAME, 'user_name': fabric.USER_NAME}  # the SDK's User has these two

    def _job_view(self, job):
        view = copy.deepcopy(job.fields)
        view['current_version'] = copy.deepcopy(next(v for v in job.versions if v['id'] == job.current_version_id))
        return view

    def create_job(self, request, workspace_id):
        self.service._workspace(workspace_id)
        fields = JOB_CREATE.check(self.service._json(request))
        self.service._check_unique_name('FabricJob', 'job', fields['name'], workspace_id=workspace_id)
        if 'current_endpoint_id' in fields:
            self._check_endpoint(workspace_id, fields['current_endpoint_id'], 'current_endpoint_id')
        version = fields.pop('version')
        fields.setdefault('description', '')
        fields.update({'visibility': 'PRIVATE', 'workspace_id': workspace_id, 'create_user': self.user(),
                       'update_user': self.user()})
        record = self._new('FabricJob', workspace_id, fields)
        record.versions, record.current_version_id = [], None
        try:
            version_id = self._new_version(record, version)['id']
        except FabricError:
            self.store.remove('FabricJob', record.id)
            raise
        return json_response(200, {'id': record.id, 'version_id': version_id})

    def list_jobs(self, request, workspace_id):
        self.service._workspace(workspace_id)
        name, job_id, endpoint_id = request.param('name'), request.param('id'), request.param('endpoint_id')
        job_type = fabric.choice_param(request, 'type', JOB_TYPES)
        fabric.choice_param(request, 'create_by_me', ('true', 'false'))  # every job here is the caller's
        selected = [record for record in self._jobs(workspace_id)
                    if fabric.fuzzy(name, record.fields['name']) and job_id in (None, record.id)
                    and job_type in (None, record.fields['type'])
                    and endpoint_id in (None, record.fields.get('current_endpoint_id'))]
        selected = _sorted(selected, request, {'CREATE_TIME': lambda r: r.created, 'UPDATE_TIME': lambda r: r.fields['update_time'],
                                               'NAME': lambda r: r.fields['name']})
        return self.service._page('jobs', selected, request, self._job_view)

    def update_job(self, request, workspace_id, job_id):
        record = self._job(workspace_id, job_id)
        changes = JOB_UPDATE.check(self.service._json(request))
        if 'name' in changes:
            self.service._check_unique_name('FabricJob', 'job', changes['name'], own_id=record.id, workspace_id=workspace_id)
        if 'current_endpoint_id' in changes:
            self._check_endpoint(workspace_id, changes['current_endpoint_id'], 'current_endpoint_id')
        current = changes.pop('current_version_id', None)
        if current is not None and not any(v['id'] == current for v in record.versions):
            raise bad_input('current_version_id %s is not a version of job %s.' % (current, record.id))
        version_id = self._new_version(record, changes.pop('version'))['id'] if 'version' in changes else None
        if current is not None:
            record.current_version_id = current
        record.fields.update(changes)
        record.fields['update_time'] = rfc3339(self.now())
        return json_response(200, {'id': record.id, 'version_id': version_id or record.current_version_id})

    def delete_job(self, request, workspace_id, job_id):
        record = self._job(workspace_id, job_id)
        self.store.remove('FabricJob', record.id)
        return Response(200)

    def list_job_versions(self, request, workspace_id, job_id):
        record = self._job(workspace_id, job_id)
        name, version_id = request.param('name'), request.param('version_id')
        selected = [v for v in reversed(record.versions) if fabric.fuzzy(name, v['name']) and version_id in (None, v['id'])]
        return self.service._page('versions', selected, request, copy.deepcopy)

    def delete_job_version(self, request, workspace_id, job_id, version_id):
        record = self._job(workspace_id, job_id)
        version = next((v for v in record.versions if v['id'] == version_id), None)
        if version is None:
            raise FabricError(404, BAD_INPUT, 'Job %s has no version %s.' % (record.id, version_id))
        if version_id == record.current_version_id:
            raise bad_input('Version %s (%s) is the current version of job %s; switch current_version_id first.' % (
                version_id, version['name'], record.id))
        record.versions.remove(version)
        return Response(200)

    # ---- job runs --------------------------------------------------------------------------

    def _runs(self, workspace_id):
        return [record for record in self.store.all('FabricJobRun')
                if record.workspace_id == workspace_id and not self._settle(record)]

    def _run(self, workspace_id, run_id):
        return self._in_workspace('FabricJobRun', 'Job run', workspace_id, run_id)

    def run_job(self, request, workspace_id):
        self.service._workspace(workspace_id)
        fields = RUN_CREATE.check(self.service._json(request))
        job = self.store.get('FabricJob', fields['job']['id'])
        if job is None or job.workspace_id != workspace_id:
            raise bad_input('job.id %s is not a job of workspace %s.' % (fields['job']['id'], workspace_id))
        if not any(v['id'] == fields['job']['version_id'] for v in job.versions):
            raise bad_input('job.version_id %s is not a version of job %s.' % (fields['job']['version_id'], job.id))
        self._check_endpoint(workspace_id, fields['endpoint_id'], 'endpoint_id')
        fields.update({'type': job.fields['type'], 'duration': 0, 'create_user': self.user()})
        record = self._new('FabricJobRun', workspace_id, fields)
        fields['log_path'] = [{'type': 'OBS', 'path': 'obs://fabric-logs-%s/jobs/runs/%s/' % (workspace_id[:8], record.id)}]
        self._start(record, 'PENDING', 'RUNNING', then='SUCCEEDED')
        return json_response(200, {'id': record.id})

    def list_job_runs(self, request, workspace_id):
        self.service._workspace(workspace_id)
        query = dict((name, request.param(name)) for name in ('id', 'name', 'job_id', 'endpoint_id', 'version_id'))
        status, run_type = fabric.choice_param(request, 'status', STATUSES), fabric.choice_param(request, 'type', JOB_TYPES)
        selected = [record for record in self._runs(workspace_id)
                    if fabric.fuzzy(query['name'], record.fields['name']) and query['id'] in (None, record.id)
                    and query['job_id'] in (None, record.fields['job']['id'])
                    and query['version_id'] in (None, record.fields['job']['version_id'])
                    and query['endpoint_id'] in (None, record.fields['endpoint_id'])
                    and status in (None, record.fields['status']) and run_type in (None, record.fields['type'])]
        selected = _sorted(selected, request, {'CREATE_TIME': lambda r: r.created, 'DURATION': lambda r: r.fields['duration']})
        return self.service._page('job_runs', selected, request, lambda r: _brief(r, RUN_DETAIL_ONLY))

    def show_job_run_detail(self, request, workspace_id, run_id):
        return json_response(200, copy.deepcopy(self._run(workspace_id, run_id).fields))

    def cancel_job_run(self, request, workspace_id, run_id):
        record = self._run(workspace_id, run_id)
        status = record.fields['status']
        if status in RUN_ENDED:
            raise bad_input('Job run %s has already ended (%s).' % (record.id, status))
        if status != 'STOPPING':
            record.fields['status'] = 'STOPPING'
            record.fields['update_time'] = rfc3339(self.now())
            record.pending = {'ends': self.now() + self.service.emulator.settings.delay, 'status': 'STOPPED'}
        return Response(200)

    def delete_job_run(self, request, workspace_id, run_id):
        record = self._run(workspace_id, run_id)
        if record.fields['status'] not in RUN_ENDED:
            raise bad_input('Job run %s is %s; cancel it first.' % (record.id, record.fields['status']))
        self.store.remove('FabricJobRun', record.id)
        return Response(200)

    def clear_job_run(self, request, workspace_id, endpoint_id):
        self.service._endpoint(workspace_id, endpoint_id)
        runs = [r for r in self._runs(workspace_id) if r.fields['endpoint_id'] == endpoint_id]
        running = [r for r in runs if r.fields['status'] not in RUN_ENDED]
        if running:
            raise bad_input('Endpoint %s has runs that have not ended (%s); cancel them first.' % (
                endpoint_id, ', '.join(r.id for r in running)))
        for record in runs:
            self.store.remove('FabricJobRun', record.id)
        return Response(200)

    # ---- service instances -----------------------------------------------------------------

    def _instances(self, workspace_id):
        return [record for record in self.store.all('FabricServiceInstance')
                if record.workspace_id == workspace_id and not self._settle(record)]

    def _instance(self, workspace_id, instance_id):
        return self._in_workspace('FabricServiceInstance', 'Service instance', workspace_id, instance_id)

    def _check_source(self, workspace_id, fields):
        if 'pgsql_instance_config' in (fields.get('config') or {}):
            return  # a DWS pay-by-query service: its source is not a model of the workspace
        source = fields['source']
        model = self.store.get('FabricModel', source['id'])
        if model is None or model.workspace_id != workspace_id:
            raise bad_input('source.id %s is not a model of workspace %s.' % (source['id'], workspace_id))
        if 'version_id' in source and not any(v['id'] == source['version_id'] for v in model.versions):
            raise bad_input('source.version_id %s is not a version of model %s.' % (source['version_id'], model.id))

    def deploy_service_instance(self, request, workspace_id):
        self.service._workspace(workspace_id)
        fields = INSTANCE_CREATE.check(self.service._json(request))
        self.service._check_unique_name('FabricServiceInstance', 'service instance', fields['name'], workspace_id=workspace_id)
        self._check_endpoint(workspace_id, fields['endpoint_id'], 'endpoint_id')
        config = fields.get('config') or {}
        if len(config) > 1:
            raise bad_input('config takes one of pgsql_instance_config and model_instance_config.')
        self._check_source(workspace_id, fields)
        fields.setdefault('description', '')
        fields.update({'visibility': 'PRIVATE', 'duration': 0, 'create_user': self.user(), 'update_user': self.user(),
                       'type': 'PGSQL_SERVICE' if 'pgsql_instance_config' in config else 'LLM_MODEL', 'config': config})
        record = self._new('FabricServiceInstance', workspace_id, fields)
        fields['url'] = {'name': 'ApiInvoke', 'type': 'PRIVATE',
                         'address': 'https://%s.service.fabric.%s.myhuaweicloud.com' % (record.id, fabric.REGION)}
        self._start(record, 'CREATING', 'RUNNING')
        return json_response(200, {'id': record.id})

    def list_services_instances(self, request, workspace_id):
        self.service._workspace(workspace_id)
        query = dict((name, request.param(name)) for name in ('id', 'name', 'endpoint_id', 'source_id', 'version_id'))
        kind = fabric.choice_param(request, 'type', ('PGSQL_SERVICE', 'LLM_MODEL'))
        visibility = fabric.choice_param(request, 'visibility', ('PRIVATE', 'PUBLIC'))
        selected = [record for record in self._instances(workspace_id)
                    if fabric.fuzzy(query['name'], record.fields['name']) and query['id'] in (None, record.id)
                    and query['endpoint_id'] in (None, record.fields['endpoint_id'])
                    and query['source_id'] in (None, record.fields['source']['id'])
                    and query['version_id'] in (None, record.fields['source'].get('version_id'))
                    and kind in (None, record.fields['type']) and visibility in (None, record.fields['visibility'])]
        selected = _sorted(selected, request, {'CREATE_TIME': lambda r: r.created, 'DURATION': lambda r: r.fields['duration']})
        return self.service._page('service_instances', selected, request, lambda r: _brief(r, INSTANCE_DETAIL_ONLY))

    def show_service_instance_detail(self, request, workspace_id, instance_id):
        return json_response(200, copy.deepcopy(self._instance(workspace_id, instance_id).fields))

    def update_service_instance(self, request, workspace_id, instance_id):
        record = self._instance(workspace_id, instance_id)
        changes = INSTANCE_UPDATE.check(self.service._json(request))
        if record.fields['status'] not in ('RUNNING', 'FAILED'):
            raise bad_input('Service instance %s is %s; it can be updated when it is RUNNING.' % (record.id, record.fields['status']))
        if changes.get('name'):
            self.service._check_unique_name('FabricServiceInstance', 'service instance', changes['name'], own_id=record.id,
                                            workspace_id=workspace_id)
        config = changes.pop('config', {})
        if len(config) > 1 or (config and list(config) != list(record.fields['config'] or config)):
            raise bad_input('config must change the %s of the service instance.' % ', '.join(record.fields['config']) or 'config')
        if 'source' in changes:
            self._check_source(workspace_id, dict(record.fields, **changes))
        record.fields.update(changes)
        if 'model_instance_config' in config:
            record.fields['config']['model_instance_config']['resource'].update(config['model_instance_config']['resource'])
        elif config:
            record.fields['config'] = config
        record.fields['update_user'] = self.user()
        self._start(record, 'UPDATING', 'RUNNING')
        return json_response(200, {'id': record.id})

    def delete_service_instance(self, request, workspace_id, instance_id):
        record = self._instance(workspace_id, instance_id)
        if record.fields['status'] == 'DELETING':
            raise bad_input('Service instance %s is already being deleted.' % record.id)
        self._start(record, 'DELETING', 'DELETED')
        return Response(200)
