"""Huawei Cloud DataArts Fabric (`/v1/...`), per api/huawei-dataarts-fabric.md.

Workspaces, models with their versions, the base-model catalogue and endpoints. Auth is an AK/SK signature or an
`X-Auth-Token`; `X-Project-Id` must name the configured project. Errors are `{"error_code", "error_msg"}`; every
answer carries `X-Request-Id`. Endpoints move through their states on the emulator's clock (`delay` emulated
seconds per transition) and fail when told to (`next_outcome: {"FabricEndpoint": "FAILED"}`).
"""

import copy
import time
import uuid

from . import fabric_admin, huawei_signature
from .fabric_catalogue import BASE_MODELS
from .fabric_schema import BAD_INPUT, Any, Arr, Bool, FabricError, Int, Obj, Str, bad_input
from .router import Router
from .store import Record
from .wire import Response, json_response, parse_json, rfc3339

DOMAIN_NAME = 'emulator-domain'
DOMAIN_ID = 'd0000000000000000000000000000001'
USER_NAME = 'emulator-user'
USER_ID = 'u0000000000000000000000000000001'
USER = {'domain_name': DOMAIN_NAME, 'domain_id': DOMAIN_ID, 'user_name': USER_NAME, 'user_id': USER_ID}
REGION = 'cn-north-4'
OUTCOME_KIND = 'FabricEndpoint'

NAME_CHARACTERS = r'^[\w\-. ]+$'  # letters (any script, so Chinese too), digits, _ - . and space
RESOURCE_ID = dict(min_length=32, max_length=36, pattern=r'^[A-Za-z0-9-]+$', rule='letters, digits and -')
BASE_MODEL_TYPES = tuple(name for name, _tokens, _mu in BASE_MODELS)
ENDPOINT_TYPES = ('service', 'ray', 'inference', 'job', 'ray_service', 'sql', 'container_job', 'notebook')
VISIBILITIES = ('PRIVATE', 'PUBLIC', 'ALL')
# what an endpoint of the Endpoint shape has beyond EndpointBriefInfo (list items)
ENDPOINT_DETAIL_ONLY = ('urls', 'business_engine_instance_ids', 'tokens_quota', 'runtime_env_type', 'config')
FAILURES = {  # final status -> (error_code, error_msg) of an injected failure
    'CREATE_FAILED': ('fabric.03000101', 'The endpoint could not be started: no capacity for the requested resource '
                                         'specification (outcome injected by the emulator).'),
    'UPDATE_FAILED': ('fabric.03000102', 'The endpoint could not be updated: the new configuration did not start '
                                         '(outcome injected by the emulator).'),
    'DELETE_FAILED': ('fabric.03000103', 'The endpoint could not be deleted: its instances did not stop '
                                         '(outcome injected by the emulator).'),
}


def _check_base_model_type(llm, path):
    if llm['base_model_type'] not in BASE_MODEL_TYPES:
        raise bad_input('%s.base_model_type %r is not a base model type; ListBaseModels lists them.' % (path, llm['base_model_type']))


def _check_resource_def(resource, path):
    if resource.get('max_num') is not None and resource['max_num'] < resource['warm_up_num']:
        raise bad_input('%s.max_num must be at least warm_up_num.' % path)


def _check_resource_demand(resource, path):
    if resource['min'] > resource['max']:
        raise bad_input('%s.min must not be more than max.' % path)


WORKSPACE_CREATE = Obj(
    name=Str(required=True, min_length=4, max_length=32, pattern=r'^[A-Za-z0-9-]+$', rule='letters, digits and -'),
    description=Str(max_length=255),
    metastore_id=Str(min_length=32, max_length=36),
    enterprise_project_id=Str(min_length=1, max_length=64),
    # tags: in the current API docs, not in SDK 3.1.219; not accepted here
)
WORKSPACE_UPDATE = WORKSPACE_CREATE.optional('name', 'description', 'metastore_id')

NAME = Str(required=True, min_length=1, max_length=64, pattern=NAME_CHARACTERS, rule='letters, digits, _ - . and space')
VERSION_INPUT = Obj(
    name=NAME,
    description=Str(max_length=1024),
    config=Obj(llm_model_config=Obj(
        rule=_check_base_model_type,
        base_model_type=Str(required=True),
        # both required by SDK 3.1.219's LlmModelConfig, which has no local_model_path (the seed doc's page has it)
        model_path=Str(required=True, max_length=1024, pattern=r'^obs://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]/\S.*$',
                       rule='an OBS path obs://<bucket>/<path>'),
    )),
)
MODEL_CREATE = Obj(
    name=NAME,
    description=Str(max_length=1024),
    type=Str(required=True, choices=('LLM_MODEL',)),
    version=Obj(required=True, **VERSION_INPUT.fields),
)
MODEL_UPDATE = Obj(
    name=Str(min_length=1, max_length=64, pattern=NAME_CHARACTERS, rule='letters, digits, _ - . and space'),
    description=Str(max_length=1024),
    current_version_id=Str(**RESOURCE_ID),
    version=VERSION_INPUT,
)

RESOURCE_DEF = Obj(rule=_check_resource_def, spec_code=Str(required=True, min_length=1, max_length=64),
                   warm_up_num=Int(required=True, minimum=0, maximum=10000), max_num=Int(minimum=0, maximum=10000))
RESOURCE_DEMAND = Obj(rule=_check_resource_demand, spec_code=Str(required=True, min_length=1, max_length=64),
                      min=Int(required=True, minimum=0, maximum=10000), max=Int(required=True, minimum=0, maximum=10000))
ENDPOINT_CREATE = Obj(
    name=Str(required=True, min_length=1, max_length=128, pattern=NAME_CHARACTERS, rule='letters, digits, _ - . and space'),
    description=Str(max_length=1024),
    type=Str(required=True, choices=ENDPOINT_TYPES),
    reserved_resource=Obj(apu=RESOURCE_DEF, dpu=RESOURCE_DEF, mu=RESOURCE_DEMAND),
    ray_resource=Obj(
        head_node_resource=Obj(required=True, spec_code=Str(required=True, min_length=1, max_length=64)),
        work_node_resources=Arr(Obj(name=Str(required=True, min_length=1, max_length=64),
                                    resource=Obj(required=True, rule=_check_resource_demand, **RESOURCE_DEMAND.fields)), required=True, max_items=16),
    ),
    cap=Obj(cap_id=Str(**RESOURCE_ID), version_id=Str(**RESOURCE_ID)),  # CapRef: both optional
    config=Obj(ray_service_config=Any()),
    cache_list=Arr(Obj(mnt_path=Str(required=True, min_length=1), cache_ins_id=Str(required=True, min_length=1))),
    public_access=Bool(),
    custom_image_id=Str(**RESOURCE_ID),
)
ENDPOINT_UPDATE = ENDPOINT_CREATE.optional('name', 'description', 'reserved_resource', 'ray_resource', 'cap')


# the query parameters of each operation (SDK 3.1.219); the others take none, and an unknown one is refused
PAGING = ('offset', 'limit')
QUERY_PARAMETERS = {
    'list_workspaces': PAGING + ('name', 'id', 'enterprise_project_id'),
    'list_models': PAGING + ('name', 'id', 'type', 'visibility', 'sort_by', 'order_by'),
    'list_model_versions': PAGING + ('version_id', 'name'),
    'list_endpoints': PAGING + ('model_id', 'name', 'endpoint_id', 'type', 'visibility'),
    'show_endpoint': ('version',),
    'list_base_models': PAGING,
}
QUERY_PARAMETERS.update(fabric_admin.QUERY_PARAMETERS)
# query filters: ListWorkspaces requires enterprise_project_id (all_granted_eps: every project the caller may see);
# ListEndpoints' name filter takes no '.' nor space, unlike the names the create accepts
ENTERPRISE_PROJECT_FILTER = Str(min_length=1, max_length=36, pattern=r'^[A-Za-z0-9_-]+$', rule='letters, digits, _ and -')
ENDPOINT_NAME_FILTER = Str(min_length=1, max_length=128, pattern=r'^[\w-]+$', rule='letters (Chinese too), digits, _ and -')


def int_param(request, name, default, low, high):
    raw = request.param(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise bad_input('failed to read http request, please check your input, code: 400, reason: Type mismatch (%s=%r).' % (name, raw))
    if not low <= value <= high:
        raise bad_input('%s must be between %d and %d.' % (name, low, high))
    return value


def choice_param(request, name, choices):
    value = request.param(name)
    if value is not None and value not in choices:
        raise bad_input('%s must be one of %s, not %r.' % (name, ', '.join(choices), value))
    return value


def fuzzy(wanted, value):
    return not wanted or wanted.lower() in (value or '').lower()


def ray_resource_info(ray):
    """The response shape of a ray_resource input (RayResourceInfo differs from RayResourceInput)."""
    return {'head_group_spec': {'spec_code': ray['head_node_resource']['spec_code']},
            'worker_group_spec': [{'name': node['name'], 'spec_code': node['resource']['spec_code'],
                                   'min_replicas': node['resource']['min'], 'max_replicas': node['resource']['max']}
                                  for node in ray['work_node_resources']]}


class FabricService:

    def __init__(self, emulator):
        self.emulator = emulator
        self.router = Router()
        add = self.router.add
        add('POST', '/v1/workspaces', self.create_workspace)
        add('GET', '/v1/workspaces', self.list_workspaces)
        add('PUT', '/v1/workspaces/{workspace_id}', self.update_workspace)
        add('DELETE', '/v1/workspaces/{workspace_id}', self.delete_workspace)
        add('POST', '/v1/workspaces/{workspace_id}/models', self.create_model)
        add('GET', '/v1/workspaces/{workspace_id}/models', self.list_models)
        add('PUT', '/v1/workspaces/{workspace_id}/models/{model_id}', self.update_model)
        add('DELETE', '/v1/workspaces/{workspace_id}/models/{model_id}', self.cleanup_model)
        add('GET', '/v1/workspaces/{workspace_id}/models/{model_id}/versions', self.list_model_versions)
        add('DELETE', '/v1/workspaces/{workspace_id}/models/{model_id}/versions/{version_id}', self.delete_model_version)
        add('POST', '/v1/workspaces/{workspace_id}/endpoints', self.create_endpoint)
        add('GET', '/v1/workspaces/{workspace_id}/endpoints', self.list_endpoints)
        add('GET', '/v1/workspaces/{workspace_id}/endpoints/{endpoint_id}', self.show_endpoint)
        add('PUT', '/v1/workspaces/{workspace_id}/endpoints/{endpoint_id}', self.update_endpoint)
        add('DELETE', '/v1/workspaces/{workspace_id}/endpoints/{endpoint_id}', self.delete_endpoint)
        add('GET', '/v1/base-models', self.list_base_models)
        fabric_admin.register(self)
        from .fabric_jobs import register  # jobs, job runs and service instances; it imports this module
        register(self)

    @property
    def store(self):
        return self.emulator.store

    def now(self):
        return self.emulator.clock.now()

    def handle(self, request):
        try:
            self._authenticate(request)
            handler, params = self.router.match(request.method, request.path)
            if handler is None:
                raise FabricError(404, 'APIG.0101', 'The API does not exist or has not been published in the environment')
            unknown = sorted(set(name for name, _value in request.query) - set(QUERY_PARAMETERS.get(handler.__name__, ())))
            if unknown:
                raise bad_input('Query parameter %s is not accepted here.' % ', '.join(unknown))
            response = handler(request, **params)
        except FabricError as err:
            response = json_response(err.status, {'error_code': err.code, 'error_msg': err.message})
        response.headers['X-Request-Id'] = uuid.uuid4().hex
        return response

    def fault_response(self, request, status, retry_after=None):
        if status == 429:
            response = json_response(429, {'error_code': 'APIG.0308', 'error_msg': 'The request is throttled (fault injected by the emulator).'})
            response.headers['Retry-After'] = str(retry_after)
        else:
            response = json_response(status, {'error_code': 'common.00000%d' % status, 'error_msg': 'internal error (fault injected by the emulator)'})
        response.headers['X-Request-Id'] = uuid.uuid4().hex
        return response

    def _authenticate(self, request):
        config = self.emulator.config
        token = request.header('x-auth-token')
        if token is not None:
            if token not in config.huawei_tokens:
                raise FabricError(401, 'APIG.1002', 'Incorrect token or token resolution failed')
        elif request.header('authorization') is None:
            raise FabricError(401, 'APIG.1002', 'The request has neither an AK/SK Authorization header nor an X-Auth-Token.')
        else:
            try:
                huawei_signature.verify(request, config.huawei_credentials, time.time())
            except huawei_signature.SignatureError as err:
                raise FabricError(401, 'APIG.1002', 'Incorrect IAM authentication information: %s' % err)
        project_id = request.header('x-project-id')
        if not project_id:
            raise bad_input('The X-Project-Id header is required.')
        if project_id != config.huawei_project_id:
            raise FabricError(401, 'APIG.1002', 'X-Project-Id %s is not the project these credentials are scoped to.' % project_id)

    def _json(self, request):
        try:
            return parse_json(request.body)
        except ValueError as err:
            raise bad_input(str(err))

    def _new_record(self, kind, fields):
        now = self.now()
        record_id = str(uuid.uuid4())
        fields.update({'id': record_id, 'create_time': rfc3339(now)})
        return self.store.add(kind, Record(kind, record_id, fields, now))

    def _page(self, key, items, request, view=dict):
        """One list answer: `limit` items from `offset` (fewer when the `page_size` setting caps them), with `total`
        unless the `omit_total` setting leaves it out (the SDK's response models have it optional)."""
        offset = int_param(request, 'offset', 0, 0, 1000000000)
        limit = int_param(request, 'limit', 10, 1, 100)
        settings = self.emulator.settings
        answer = {key: [view(item) for item in items[offset:offset + min(limit, settings.page_size or limit)]]}
        if not settings.omit_total:
            answer['total'] = len(items)
        return json_response(200, answer)

    # ---- workspaces ------------------------------------------------------------------------

    def _workspace(self, workspace_id):
        record = self.store.get('FabricWorkspace', workspace_id)
        if record is None:
            raise FabricError(404, BAD_INPUT, 'Workspace %s does not exist.' % workspace_id)
        return record

    def _check_unique_name(self, kind, label, name, own_id=None, workspace_id=None):
        for record in self.store.all(kind):
            if record.fields['name'] == name and record.id != own_id and getattr(record, 'workspace_id', None) == workspace_id:
                raise bad_input('A %s named %s already exists%s.' % (label, name, ' in this workspace' if workspace_id else ''))

    def create_workspace(self, request):
        fields = WORKSPACE_CREATE.check(self._json(request))
        self._check_unique_name('FabricWorkspace', 'workspace', fields['name'])
        fields.setdefault('description', '')
        fields.setdefault('enterprise_project_id', '0')
        fields.update({'create_domain_name': DOMAIN_NAME, 'create_user_name': USER_NAME})
        record = self._new_record('FabricWorkspace', fields)
        record.workspace_id = None
        fields['access_url'] = 'https://%s.fabric.%s.myhuaweicloud.com' % (record.id, REGION)
        return json_response(200, dict(record.fields))

    def list_workspaces(self, request):
        name = request.param('name')
        workspace_id = request.param('id')
        project = request.param('enterprise_project_id')
        if project is None:
            raise bad_input('The query parameter enterprise_project_id is required (all_granted_eps: every enterprise project).')
        ENTERPRISE_PROJECT_FILTER.check(project, 'enterprise_project_id')
        selected = [record for record in self.store.all('FabricWorkspace')
                    if fuzzy(name, record.fields['name'])
                    and workspace_id in (None, record.id)
                    and project in (None, 'all_granted_eps', record.fields['enterprise_project_id'])]
        selected.sort(key=lambda record: record.seq, reverse=True)
        return self._page('workspaces', selected, request, lambda record: dict(record.fields))

    def update_workspace(self, request, workspace_id):
        record = self._workspace(workspace_id)
        changes = WORKSPACE_UPDATE.check(self._json(request))
        if 'name' in changes:
            self._check_unique_name('FabricWorkspace', 'workspace', changes['name'], own_id=record.id)
        record.fields.update(changes)
        return json_response(200, dict(record.fields))

    def delete_workspace(self, request, workspace_id):
        self._workspace(workspace_id)
        endpoints = self._endpoints(workspace_id)
        if endpoints:
            raise bad_input('Workspace %s still has endpoints (%s); delete them first.' % (
                workspace_id, ', '.join('%s %s' % (e.fields['name'], e.id) for e in endpoints)))
        for kind in ('FabricModel', 'FabricJob', 'FabricJobRun', 'FabricServiceInstance',
                     'FabricMessagePolicy'):  # what it holds goes with it
            for record in self.store.all(kind):
                if record.workspace_id == workspace_id:
                    self.store.remove(kind, record.id)
        self.store.remove('FabricWorkspace', workspace_id)
        return Response(200)

    # ---- models and versions ---------------------------------------------------------------

    def _models(self, workspace_id):
        return [record for record in self.store.all('FabricModel') if record.workspace_id == workspace_id]

    def _model(self, workspace_id, model_id):
        self._workspace(workspace_id)
        record = self.store.get('FabricModel', model_id)
        if record is None or record.workspace_id != workspace_id:
            raise FabricError(404, BAD_INPUT, 'Model %s does not exist in workspace %s.' % (model_id, workspace_id))
        return record

    def _new_version(self, model, version):
        if any(existing['name'] == version['name'] for existing in model.versions):
            raise bad_input('Model %s already has a version named %s.' % (model.id, version['name']))
        version = dict(version, id=str(uuid.uuid4()), cap_white_list=[], create_time=rfc3339(self.now()), create_user=dict(USER))
        version.setdefault('description', '')
        version.setdefault('config', {})
        model.versions.append(version)
        model.current_version_id = version['id']
        return version

    def _model_view(self, model):
        view = copy.deepcopy(model.fields)
        view['current_version'] = copy.deepcopy(next(v for v in model.versions if v['id'] == model.current_version_id))
        return view

    def _users_of(self, model, version_id=None):
        """The endpoints of the model's workspace that serve the model (or that version of it)."""
        return [e for e in self._endpoints(model.workspace_id)
                if (e.fields.get('cap') or {}).get('cap_id') == model.id
                and version_id in (None, e.fields['cap'].get('version_id'))]

    def create_model(self, request, workspace_id):
        self._workspace(workspace_id)
        fields = MODEL_CREATE.check(self._json(request))
        self._check_unique_name('FabricModel', 'model', fields['name'], workspace_id=workspace_id)
        version = fields.pop('version')
        fields.setdefault('description', '')
        fields.update({'visibility': 'PRIVATE', 'create_user': dict(USER), 'update_user': dict(USER)})
        record = self._new_record('FabricModel', fields)
        fields['update_time'] = fields['create_time']
        record.workspace_id = workspace_id
        record.versions = []
        version = self._new_version(record, version)
        return json_response(200, {'id': record.id, 'version_id': version['id']})

    def list_models(self, request, workspace_id):
        self._workspace(workspace_id)
        name, model_id = request.param('name'), request.param('id')
        model_type = choice_param(request, 'type', ('LLM_MODEL',))
        visibility = choice_param(request, 'visibility', VISIBILITIES)
        sort_by = choice_param(request, 'sort_by', ('CREATE_TIME', 'UPDATE_TIME', 'NAME')) or 'CREATE_TIME'
        order_by = choice_param(request, 'order_by', ('ASC', 'DESC')) or 'DESC'
        selected = [record for record in self._models(workspace_id)
                    if fuzzy(name, record.fields['name']) and model_id in (None, record.id)
                    and model_type in (None, record.fields['type'])
                    # every model here is the caller's own and PRIVATE: PUBLIC lists other users' public ones (none)
                    and visibility != 'PUBLIC']
        key = {'CREATE_TIME': lambda r: (r.created, r.seq), 'UPDATE_TIME': lambda r: (r.fields['update_time'], r.seq),
               'NAME': lambda r: (r.fields['name'], r.seq)}[sort_by]
        selected.sort(key=key, reverse=order_by == 'DESC')
        return self._page('models', selected, request, self._model_view)

    def update_model(self, request, workspace_id, model_id):
        record = self._model(workspace_id, model_id)
        changes = MODEL_UPDATE.check(self._json(request))
        if 'name' in changes:
            self._check_unique_name('FabricModel', 'model', changes['name'], own_id=record.id, workspace_id=workspace_id)
        current = changes.pop('current_version_id', None)
        if current is not None and not any(v['id'] == current for v in record.versions):
            raise bad_input('current_version_id %s is not a version of model %s.' % (current, record.id))
        if 'version' in changes:
            self._new_version(record, changes.pop('version'))  # a new version becomes the current one (assumption)
        if current is not None:
            record.current_version_id = current
        record.fields.update(changes)
        record.fields['update_time'] = rfc3339(self.now())
        return json_response(200, self._model_view(record))

    def cleanup_model(self, request, workspace_id, model_id):
        record = self._model(workspace_id, model_id)
        users = self._users_of(record)
        if users:
            raise bad_input('Model %s is used by endpoints %s; delete them first.' % (
                record.id, ', '.join('%s (%s)' % (e.fields['name'], e.id) for e in users)))
        self.store.remove('FabricModel', record.id)
        return Response(200)

    def list_model_versions(self, request, workspace_id, model_id):
        record = self._model(workspace_id, model_id)
        name, version_id = request.param('name'), request.param('version_id')
        selected = [v for v in reversed(record.versions) if fuzzy(name, v['name']) and version_id in (None, v['id'])]
        return self._page('versions', selected, request, copy.deepcopy)

    def delete_model_version(self, request, workspace_id, model_id, version_id):
        record = self._model(workspace_id, model_id)
        version = next((v for v in record.versions if v['id'] == version_id), None)
        if version is None:
            raise FabricError(404, BAD_INPUT, 'Model %s has no version %s.' % (record.id, version_id))
        if version_id == record.current_version_id:
            raise bad_input('Version %s (%s) is the current version of model %s; switch current_version_id first.' % (
                version_id, version['name'], record.id))
        users = self._users_of(record, version_id)
        if users:
            raise bad_input('Version %s of model %s is used by endpoints %s; delete them first.' % (
                version_id, record.id, ', '.join('%s (%s)' % (e.fields['name'], e.id) for e in users)))
        record.versions.remove(version)
        return Response(200)

    # ---- endpoints -------------------------------------------------------------------------

    def _settle(self, record):
        """Finish the endpoint's transition if its time has come; True when the endpoint is gone."""
        pending = record.pending
        if pending is not None and self.now() >= pending['ends']:
            record.pending = None
            record.fields['update_time'] = rfc3339(pending['ends'])
            if pending['status'] == 'DELETED':
                self.store.remove('FabricEndpoint', record.id)
                return True
            record.fields['status'] = pending['status']
            if pending['status'] in FAILURES:
                record.fields['error_code'], record.fields['error_msg'] = FAILURES[pending['status']]
            if pending['status'] == 'RUNNING':
                record.fields['urls'] = [{'name': 'ApiInvoke', 'type': 'PRIVATE', 'token': 'ek-' + uuid.uuid4().hex,
                                          'address': 'https://%s.infer.fabric.%s.myhuaweicloud.com/v1/chat/completions'
                                                     % (record.id, REGION)}]
        return False

    def _endpoints(self, workspace_id):
        return [record for record in self.store.all('FabricEndpoint')
                if record.workspace_id == workspace_id and not self._settle(record)]

    def _endpoint(self, workspace_id, endpoint_id):
        self._workspace(workspace_id)
        record = self.store.get('FabricEndpoint', endpoint_id)
        if record is None or record.workspace_id != workspace_id or self._settle(record):
            raise FabricError(404, BAD_INPUT, 'Endpoint %s does not exist in workspace %s.' % (endpoint_id, workspace_id))
        return record

    def _start(self, record, status, final_status, failure):
        """Move the endpoint to `status` now and to `final_status` (or `failure`, when told to) after `delay`."""
        failed = self.emulator.settings.take_outcome(OUTCOME_KIND) == 'FAILED'
        for key in ('error_code', 'error_msg'):
            record.fields.pop(key, None)
        record.fields['status'] = status
        record.fields['update_time'] = rfc3339(self.now())
        record.pending = {'ends': self.now() + self.emulator.settings.delay, 'status': failure if failed else final_status}

    def _check_cap(self, workspace_id, fields):
        cap = fields.get('cap')
        if cap is None:
            if fields.get('type') == 'inference':
                raise bad_input('An inference endpoint needs cap (the model and version it serves).')
            return
        if fields.get('type') == 'inference' and not (cap.get('cap_id') and cap.get('version_id')):
            raise bad_input('An inference endpoint needs cap.cap_id and cap.version_id (the model version it serves).')
        if 'cap_id' not in cap:
            return
        model = self.store.get('FabricModel', cap['cap_id'])
        if model is None or model.workspace_id != workspace_id:
            raise bad_input('cap.cap_id %s is not a model of workspace %s.' % (cap['cap_id'], workspace_id))
        if 'version_id' in cap and not any(v['id'] == cap['version_id'] for v in model.versions):
            raise bad_input('cap.version_id %s is not a version of model %s.' % (cap['version_id'], model.id))

    def _endpoint_view(self, record, brief=False):
        view = copy.deepcopy(record.fields)
        if 'ray_resource' in view:
            view['ray_resource'] = ray_resource_info(view['ray_resource'])
        for key in ENDPOINT_DETAIL_ONLY if brief else ():
            view.pop(key, None)
        return view

    def create_endpoint(self, request, workspace_id):
        self._workspace(workspace_id)
        fields = ENDPOINT_CREATE.check(self._json(request))
        self._check_unique_name('FabricEndpoint', 'endpoint', fields['name'], workspace_id=workspace_id)
        self._check_cap(workspace_id, fields)
        public = fields.pop('public_access', False)
        fields.pop('cache_list', None)  # accepted; not part of the Endpoint shape
        fields.setdefault('description', '')
        fields.update({'visibility': 'PUBLIC' if public else 'PRIVATE', 'owner': dict(USER),
                       'business_engine_instance_ids': [], 'runtime_env_type': 'RELEASE'})
        record = self._new_record('FabricEndpoint', fields)
        record.workspace_id = workspace_id
        record.previous = None
        self._start(record, 'CREATING', 'RUNNING', 'CREATE_FAILED')
        return json_response(200, self._endpoint_view(record))

    def list_endpoints(self, request, workspace_id):
        self._workspace(workspace_id)
        name, endpoint_id, model_id = request.param('name'), request.param('endpoint_id'), request.param('model_id')
        if name is not None:
            ENDPOINT_NAME_FILTER.check(name, 'name')
        endpoint_type = choice_param(request, 'type', ENDPOINT_TYPES)
        visibility = choice_param(request, 'visibility', VISIBILITIES)
        selected = [record for record in self._endpoints(workspace_id)
                    if fuzzy(name, record.fields['name']) and endpoint_id in (None, record.id)
                    and model_id in (None, (record.fields.get('cap') or {}).get('cap_id'))
                    and endpoint_type in (None, record.fields['type'])
                    and visibility in (None, 'ALL', record.fields['visibility'])]
        selected.sort(key=lambda record: record.seq, reverse=True)
        return self._page('endpoints', selected, request, lambda record: self._endpoint_view(record, brief=True))

    def show_endpoint(self, request, workspace_id, endpoint_id):
        record = self._endpoint(workspace_id, endpoint_id)
        if choice_param(request, 'version', ('CURRENT', 'PREVIOUS')) == 'PREVIOUS':
            if record.previous is None:
                raise FabricError(404, BAD_INPUT, 'Endpoint %s has not been updated: there is no previous configuration.' % record.id)
            return json_response(200, self._endpoint_view(record.previous))
        return json_response(200, self._endpoint_view(record))

    def update_endpoint(self, request, workspace_id, endpoint_id):
        record = self._endpoint(workspace_id, endpoint_id)
        changes = ENDPOINT_UPDATE.check(self._json(request))
        if record.fields['status'] not in ('RUNNING', 'UPDATE_FAILED'):
            raise bad_input('Endpoint %s is %s; it can be updated when it is RUNNING.' % (record.id, record.fields['status']))
        if 'name' in changes:
            self._check_unique_name('FabricEndpoint', 'endpoint', changes['name'], own_id=record.id, workspace_id=workspace_id)
        self._check_cap(workspace_id, dict(record.fields, **changes))
        record.previous = Record('FabricEndpoint', record.id, copy.deepcopy(record.fields), record.created)
        record.fields.update(changes)
        self._start(record, 'UPDATING', 'RUNNING', 'UPDATE_FAILED')
        return json_response(200, self._endpoint_view(record))

    def delete_endpoint(self, request, workspace_id, endpoint_id):
        record = self._endpoint(workspace_id, endpoint_id)
        if record.fields['status'] == 'DELETING':
            raise bad_input('Endpoint %s is already being deleted.' % record.id)
        self._start(record, 'DELETING', 'DELETED', 'DELETE_FAILED')
        return json_response(202, {'id': record.id})

    # ---- base models -----------------------------------------------------------------------

    def list_base_models(self, request):
        models = [{'base_model_type': name, 'max_tokens': max_tokens, 'num_of_mu': num_of_mu}
                  for name, max_tokens, num_of_mu in BASE_MODELS]
        return self._page('models', models, request)
