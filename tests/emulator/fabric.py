"""Huawei Cloud DataArts Fabric (`/v1/...`), per api/huawei-dataarts-fabric.md.

This round: workspaces and the base-model catalogue. Auth is an AK/SK signature or an `X-Auth-Token`;
`X-Project-Id` must name the configured project. Errors are `{"error_code", "error_msg"}`; every
answer carries `X-Request-Id`.
"""

import re
import time
import uuid

from . import huawei_signature
from .fabric_catalogue import BASE_MODELS
from .router import Router
from .store import Record
from .wire import Response, json_response, parse_json, rfc3339

BAD_INPUT = 'common.01000001'
DOMAIN_NAME = 'emulator-domain'
USER_NAME = 'emulator-user'
REGION = 'cn-north-4'


class FabricError(Exception):

    def __init__(self, status, code, message):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message

    def response(self):
        return json_response(self.status, {'error_code': self.code, 'error_msg': self.message})


def bad_input(message):
    return FabricError(400, BAD_INPUT, message)


class TextField:
    """A string body field with the length / character rules of the API reference."""

    def __init__(self, name, required=False, updatable=True, pattern=None, min_length=0, max_length=None):
        self.name = name
        self.required = required
        self.updatable = updatable
        self.pattern = re.compile(pattern) if pattern else None
        self.min_length = min_length
        self.max_length = max_length

    def check(self, value):
        if not isinstance(value, str):
            raise bad_input('%s must be a string.' % self.name)
        if len(value) < self.min_length or (self.max_length is not None and len(value) > self.max_length):
            raise bad_input('%s must be %d to %s characters long.' % (self.name, self.min_length, self.max_length))
        if self.pattern and not self.pattern.match(value):
            raise bad_input('%s %r has characters that are not allowed (%s).' % (self.name, value, self.pattern.pattern))


WORKSPACE_FIELDS = (
    TextField('name', required=True, pattern=r'^[A-Za-z0-9-]+$', min_length=4, max_length=32),
    TextField('description', max_length=255),
    TextField('metastore_id', min_length=32, max_length=36),
    TextField('enterprise_project_id', updatable=False, min_length=1, max_length=64),
)


def validate_body(fields, body, updating=False):
    if not isinstance(body, dict):
        raise bad_input('The request body must be a JSON object.')
    by_name = {field.name: field for field in fields}
    for name in sorted(body):
        if name not in by_name or (updating and not by_name[name].updatable):
            raise bad_input('Field %s is not accepted here.' % name)
    accepted = {}
    for field in fields:
        value = body.get(field.name)
        if value is None:
            if field.required and not updating:
                raise bad_input('Field %s is required.' % field.name)
            continue
        field.check(value)
        accepted[field.name] = value
    return accepted


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


def page(items, request):
    offset = int_param(request, 'offset', 0, 0, 1000000000)
    limit = int_param(request, 'limit', 10, 1, 100)
    return items[offset:offset + limit]


class FabricService:

    def __init__(self, emulator):
        self.emulator = emulator
        self.router = Router()
        self.router.add('POST', '/v1/workspaces', self.create_workspace)
        self.router.add('GET', '/v1/workspaces', self.list_workspaces)
        self.router.add('PUT', '/v1/workspaces/{workspace_id}', self.update_workspace)
        self.router.add('DELETE', '/v1/workspaces/{workspace_id}', self.delete_workspace)
        self.router.add('GET', '/v1/base-models', self.list_base_models)

    @property
    def store(self):
        return self.emulator.store

    def handle(self, request):
        try:
            self._authenticate(request)
            handler, params = self.router.match(request.method, request.path)
            if handler is None:
                raise FabricError(404, 'APIG.0101', 'The API does not exist or has not been published in the environment')
            response = handler(request, **params)
        except FabricError as err:
            response = err.response()
        response.headers['X-Request-Id'] = uuid.uuid4().hex
        return response

    def fault_response(self, request, status, retry_after=None):
        if status == 429:
            response = FabricError(429, 'APIG.0308', 'The request is throttled (fault injected by the emulator).').response()
            response.headers['Retry-After'] = str(retry_after)
        else:
            response = FabricError(status, 'common.00000%d' % status, 'internal error (fault injected by the emulator)').response()
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

    # ---- workspaces ------------------------------------------------------------------------

    def _workspace(self, workspace_id):
        record = self.store.get('FabricWorkspace', workspace_id)
        if record is None:
            raise FabricError(404, BAD_INPUT, 'Workspace %s does not exist.' % workspace_id)
        return record

    def _check_unique_name(self, name, own_id=None):
        for record in self.store.all('FabricWorkspace'):
            if record.fields['name'] == name and record.id != own_id:
                raise bad_input('A workspace named %s already exists.' % name)

    def create_workspace(self, request):
        fields = validate_body(WORKSPACE_FIELDS, self._json(request))
        self._check_unique_name(fields['name'])
        now = self.emulator.clock.now()
        workspace_id = str(uuid.uuid4())
        fields.setdefault('description', '')
        fields.setdefault('enterprise_project_id', '0')
        fields.update({'id': workspace_id, 'create_time': rfc3339(now), 'create_domain_name': DOMAIN_NAME,
                       'create_user_name': USER_NAME,
                       'access_url': 'https://%s.fabric.%s.myhuaweicloud.com' % (workspace_id, REGION)})
        record = self.store.add('FabricWorkspace', Record('FabricWorkspace', workspace_id, fields, now))
        return json_response(200, dict(record.fields))

    def list_workspaces(self, request):
        name = request.param('name')
        workspace_id = request.param('id')
        project = request.param('enterprise_project_id')
        selected = [record for record in self.store.all('FabricWorkspace')
                    if (not name or name.lower() in record.fields['name'].lower())
                    and workspace_id in (None, record.id)
                    and project in (None, 'all_granted_eps', record.fields['enterprise_project_id'])]
        selected.sort(key=lambda record: record.seq, reverse=True)
        return json_response(200, {'total': len(selected), 'workspaces': [dict(record.fields) for record in page(selected, request)]})

    def update_workspace(self, request, workspace_id):
        record = self._workspace(workspace_id)
        changes = validate_body(WORKSPACE_FIELDS, self._json(request), updating=True)
        if 'name' in changes:
            self._check_unique_name(changes['name'], own_id=record.id)
        record.fields.update(changes)
        return json_response(200, dict(record.fields))

    def delete_workspace(self, request, workspace_id):
        self._workspace(workspace_id)
        self.store.remove('FabricWorkspace', workspace_id)
        return Response(200)

    # ---- base models -----------------------------------------------------------------------

    def list_base_models(self, request):
        models = [{'base_model_type': name, 'max_tokens': max_tokens, 'num_of_mu': num_of_mu}
                  for name, max_tokens, num_of_mu in BASE_MODELS]
        return json_response(200, {'total': len(models), 'models': page(models, request)})
