"""The generic OCI control-plane engine: resources declared as data, CRUD + work requests on top.

A service (GenAI, Vision) is an `OciService` built from `ResourceKind` declarations; resource-specific
behaviour is a small hook or flag on the kind (`prepare`, `decorate`, `catalogue`, `dependents`,
`sync_update`, ...), and the few ways the services differ are options of the service.
"""

import copy
import hashlib
import json
import time
from datetime import datetime, timezone
from functools import partial

from . import oci_signature
from .oci_common import (OciError, check_enum_param, check_etag, etag_of, json_object, new_ocid, not_found, paginate,
                         require_param, sort_items, validate_body)
from .oci_work_requests import STATUSES as WORK_REQUEST_STATUSES, WorkRequest
from .router import Router
from .store import Record
from .wire import Response, json_response, new_request_id, rfc3339

RETRY_TOKEN_LIFETIME = 24 * 3600


class ResourceKind:
    """Declarative description of one OCI resource type.

    label: how messages and work-request logs name it ("endpoint");
    fields: `Field`s of the create body (`updatable` ones make the update body);
    states: every lifecycleState value (list filter check);
    list_filters: exact-match query filters besides compartmentId;
    any_of_filters: (query parameter, list field, allowed values): repeated values match a record whose
        list holds any of them (`capability=CHAT&capability=FINE_TUNE`);
    sort_by: accepted `sortBy` values (timeCreated is the default, DESC);
    summary_omit: fields of the full resource that its Summary (list item) lacks;
    transition_fields: updates changing one of these go through UPDATING (others apply in place);
    sync_update: updates apply at once and answer without a work request (UpdateModel);
    dependents: (kind name, dotted field path) pairs whose non-DELETED records block deletion (409);
    prepare: hook(service, fields) at create, after the body checks: checks related resources, may add fields, and may
        return the reason why the create will end FAILED (a training dataset that is not there);
    on_created: hook(record) -> fields the resource gains when its create succeeds (fine-tuning metrics);
    catalogue: hook(service) -> read-only records listed in every compartment (base models);
    decorate: hook(service, record, view) adding computed fields to the response;
    update_returns_body: asynchronous updates answer 200 with the resource (GenAI) or 202 without a body (Vision);
    outcome_name: the `next_outcome` key of the kind (default: its name; Vision's `VisionModel` is not GenAI's `Model`);
    create_duration: hook(delay, fields) -> emulated seconds the create takes (model training), default `delay`;
    operation_types: operation -> the work request's operationType where it is not `<operation>_<suffix>`
        (Vision's `ADD_STREAM_SOURCE`);
    created_state: the state a create ends in (a Vision stream job is INACTIVE until started);
    idle_states: states besides ACTIVE that a settled resource may be in (INACTIVE): it may then be updated, moved or
        deleted, and an update brings it back to the state it was in;
    move_retry_tokens: whether its changeCompartment honours `opc-retry-token`, where it differs from the service's
        (Vision's stream resources take one, its projects and models none);
    filter_params: list query parameters named otherwise than the field they match ({'applicationId': 'hostedApplicationId'}),
        a dotted path for a nested one ('dataSource.queryingConnectionId');
    prepare_update: hook(service, record, changes) at update, after the body checks: may check and complete the changes;
    movable / updatable: False for a kind without changeCompartment / without an update call.
    work_requests: False: the answers carry no opc-work-request-id (API keys, routing profiles: the SDK's composite
        operations wait for their lifecycle state instead), and updates apply at once;
    create_answer: hook(record, data) adding to the create's answer what no read shows (an API key's secrets);
    list_compartment_optional: the list call takes compartmentId as an optional filter (ListSemanticStores);
    move_work_requests: a move answers 202 with a work request (the SDK's composite operation waits for one), which
        ends after the emulator's delay; the compartment changes at once.
    """

    def __init__(self, name, label, collection, ocid_type, operation_suffix, fields, states, list_filters, sort_by,
                 default_name_prefix, any_of_filters=(), summary_omit=('previousState',), transition_fields=(),
                 sync_update=False, dependents=(), prepare=None, on_created=None, catalogue=None, decorate=None,
                 update_returns_body=True, outcome_name=None, create_duration=None, operation_types=None,
                 created_state='ACTIVE', idle_states=(), move_retry_tokens=None, filter_params=None,
                 prepare_update=None, movable=True, updatable=True, work_requests=True, create_answer=None,
                 list_compartment_optional=False, move_work_requests=False):
        self.name = name
        self.label = label
        self.collection = collection
        self.ocid_type = ocid_type
        self.operation_suffix = operation_suffix
        self.fields = fields
        self.states = states
        self.list_filters = list_filters
        self.any_of_filters = any_of_filters
        self.sort_by = sort_by
        self.summary_omit = summary_omit
        self.default_name_prefix = default_name_prefix
        self.transition_fields = transition_fields
        self.dependents = dependents
        self.prepare = prepare
        self.on_created = on_created
        self.catalogue = catalogue
        self.decorate = decorate
        self.update_returns_body = update_returns_body
        self.outcome_name = outcome_name or name
        self.create_duration = create_duration
        self.work_requests = work_requests
        self.sync_update = sync_update or not work_requests
        self.create_answer = create_answer
        self.list_compartment_optional = list_compartment_optional
        self.move_work_requests = move_work_requests
        self.filter_params = filter_params or {}
        self.prepare_update = prepare_update
        self.movable = movable
        self.updatable = updatable
        self.operation_types = operation_types or {}
        self.created_state = created_state
        self.idle_states = tuple(idle_states)
        self.move_retry_tokens = move_retry_tokens

    def operation_type(self, operation):
        return self.operation_types.get(operation, '%s_%s' % (operation, self.operation_suffix))


class Transition:
    """An in-flight lifecycle change: at `ends` the resource becomes `final_state` and gains `changes`.

    `undo` is the resource's fields from before the change (None for a create), for a cancelled work request."""

    def __init__(self, ends, final_state, details=None, changes=None, undo=None):
        self.ends = ends
        self.final_state = final_state
        self.details = details
        self.changes = changes or {}
        self.undo = undo


def settle(record, now):
    """Finish the record's transition if its time has come (called on every access)."""
    pending = record.pending
    if pending is None or now < pending.ends:
        return
    record.fields.update(pending.changes)
    record.fields['lifecycleState'] = pending.final_state
    record.fields['timeUpdated'] = rfc3339(pending.ends)
    record.fields.pop('previousState', None)
    if pending.details:
        record.fields['lifecycleDetails'] = pending.details
    else:
        record.fields.pop('lifecycleDetails', None)
    record.pending = None


def field_at(fields, dotted_path):
    value = fields
    for part in dotted_path.split('.'):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _body_digest(body):
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode('utf-8')).hexdigest()


class OciService:
    """One OCI service. Its options say how it differs from the others:

    list_needs_compartment: ListX without `compartmentId` is 400 (GenAI) or lists every compartment (Vision);
    move_retry_tokens: changeCompartment honours `opc-retry-token` (GenAI) or takes none (Vision);
    entry_sort_by: the `sortBy` of work-request errors and logs (`timestamp` in GenAI, `timeAccepted` in Vision);
    cancel_work_requests: `DELETE /workRequests/{id}` cancels a work request that has not started (Vision).
    """

    def __init__(self, emulator, name, api_version, kinds, work_request_ocid_type, list_needs_compartment=True,
                 move_retry_tokens=True, entry_sort_by='timestamp', cancel_work_requests=False, routes=()):
        self.emulator = emulator
        self.name = name
        self.prefix = '/' + api_version
        self.kinds = {kind.name: kind for kind in kinds}
        self.work_request_kind = name + ':WorkRequest'
        self.work_request_ocid_type = work_request_ocid_type
        self.list_needs_compartment = list_needs_compartment
        self.move_retry_tokens = move_retry_tokens
        self.entry_sort_by = entry_sort_by
        self.catalogues = {}
        for kind in kinds:
            if kind.catalogue:
                self.catalogues[kind.name] = {record.id: record for record in kind.catalogue(self)}
        self.router = Router()
        for method, template, handler in routes:  # before the kinds' routes: `/dedicatedAiClusters/allocatableGpus`
            self.router.add(method, template, partial(handler, self))
        for kind in kinds:
            collection = '/' + kind.collection
            item = collection + '/{resource_id}'
            self.router.add('POST', collection, partial(self.create_resource, kind))
            self.router.add('GET', collection, partial(self.list_resources, kind))
            self.router.add('GET', item, partial(self.get_resource, kind))
            if kind.updatable:
                self.router.add('PUT', item, partial(self.update_resource, kind))
            self.router.add('DELETE', item, partial(self.delete_resource, kind))
            if kind.movable:
                self.router.add('POST', item + '/actions/changeCompartment', partial(self.change_compartment, kind))
        self.router.add('GET', '/workRequests', self.list_work_requests)
        self.router.add('GET', '/workRequests/{wr_id}', self.get_work_request)
        self.router.add('GET', '/workRequests/{wr_id}/errors', partial(self.list_work_request_entries, 'errors'))
        self.router.add('GET', '/workRequests/{wr_id}/logs', partial(self.list_work_request_entries, 'logs'))
        if cancel_work_requests:
            self.router.add('DELETE', '/workRequests/{wr_id}', self.cancel_work_request)

    # ---- plumbing -------------------------------------------------------------------------

    @property
    def store(self):
        return self.emulator.store

    def now(self):
        return self.emulator.clock.now()

    def handle(self, request):
        request_id = request.header('opc-request-id') or new_request_id()
        try:
            try:
                oci_signature.verify(request, self.emulator.identity.lookup_service_key, time.time())
            except oci_signature.SignatureError as err:
                raise OciError(401, 'NotAuthenticated', 'The required information to complete authentication was not provided '
                                                        'or was incorrect: %s.' % err)
            handler, params = self.router.match(request.method, request.path[len(self.prefix):])
            if handler is None:
                raise OciError(404, 'NotAuthorizedOrNotFound', 'No operation %s %s in this emulator.' % (request.method, request.path))
            response = handler(request, **params)
        except OciError as err:
            response = err.response()
        response.headers['opc-request-id'] = request_id
        return response

    def fault_response(self, request, status, retry_after=None):
        codes = {429: 'TooManyRequests', 500: 'InternalServerError', 502: 'BadGateway', 503: 'ServiceUnavailable', 504: 'GatewayTimeout'}
        headers = {'opc-request-id': request.header('opc-request-id') or new_request_id()}
        if retry_after is not None:
            headers['Retry-After'] = str(retry_after)
        return OciError(status, codes[status], 'Injected fault (emulator).').response(headers)

    # ---- records and views -----------------------------------------------------------------

    def table(self, kind_name):
        """The store table of a kind: kinds of different services may share a name (GenAI and Vision `Model`)."""
        return '%s:%s' % (self.name, kind_name)

    def records(self, kind_name):
        """Every record of a kind, catalogue entries first, transitions settled."""
        now = self.now()
        found = list(self.catalogues.get(kind_name, {}).values()) + self.store.all(self.table(kind_name))
        for record in found:
            settle(record, now)
        return found

    def lookup(self, kind_name, resource_id):
        """The record (settled) with this id, or None."""
        record = self.catalogues.get(kind_name, {}).get(resource_id) or self.store.get(self.table(kind_name), resource_id)
        if record is not None:
            settle(record, self.now())
        return record

    def related(self, kind_names, resource_id, field_name):
        """The live record `field_name` refers to (one of `kind_names`), or 404 naming the field."""
        for kind_name in kind_names:
            record = self.lookup(kind_name, resource_id)
            if record is not None and record.fields['lifecycleState'] != 'DELETED':
                return record
        raise OciError(404, 'NotAuthorizedOrNotFound', 'Authorization failed or requested resource not found: %s %s.'
                       % (field_name, resource_id))

    def view(self, kind, record):
        data = copy.deepcopy(record.fields)
        if kind.decorate:
            kind.decorate(self, record, data)
        return data

    def attached(self, kind_name, dotted_path, target_id):
        """Records of `kind_name` (not DELETED) whose field at `dotted_path` is `target_id`."""
        return [record for record in self.records(kind_name)
                if record.fields.get('lifecycleState') != 'DELETED' and field_at(record.fields, dotted_path) == target_id]

    def _load(self, kind, resource_id):
        record = self.lookup(kind.name, resource_id)
        if record is None:
            raise not_found('%s %s' % (kind.name, resource_id))
        return record

    def _load_writable(self, kind, resource_id):
        record = self._load(kind, resource_id)
        if record.read_only:
            raise OciError(400, 'InvalidParameter', '%s %s is provided by the service and is read-only: it cannot be updated, '
                                                    'moved or deleted.' % (kind.name, resource_id))
        return record

    def _require_state(self, kind, record, operation, allowed):
        state = record.fields['lifecycleState']
        if state == 'DELETED':
            raise not_found('%s %s (deleted)' % (kind.name, record.id))
        if state not in allowed + kind.idle_states:
            raise OciError(409, 'IncorrectState', 'Cannot %s %s %s while it is %s.' % (operation, kind.name, record.id, state))

    def _start_work(self, kind, record, operation, final_state, outcome, transition, changes=None, duration=None, undo=None,
                    reason=None):
        """Record a work request for `operation`; with `transition`, the resource reaches `final_state` when it ends."""
        now = self.now()
        error = details = None
        if outcome == 'FAILED':
            final_state = 'FAILED'
            error = details = reason or 'The %s operation failed (outcome injected by the emulator).' % operation.lower()
            changes = None
        elif outcome == 'NEEDS_ATTENTION':
            final_state = 'NEEDS_ATTENTION'
            details = 'The resource needs attention (outcome injected by the emulator).'
        work_request = WorkRequest(
            new_ocid(self.work_request_ocid_type, self.emulator.config.region), record.fields['compartmentId'],
            operation, kind.operation_type(operation), kind.name, kind.label, '%s/%s/%s' % (self.prefix, kind.collection, record.id),
            record.id, now, self.emulator.settings.delay if duration is None else duration,
            final_state if transition else record.fields['lifecycleState'], error)
        self.store.add(self.work_request_kind, work_request)
        if transition:
            record.pending = Transition(work_request.finished, final_state, details, changes, undo)
        return work_request

    def _resource_response(self, kind, record, work_request=None, reveal=None):
        data = self.view(kind, record)
        headers = {'etag': etag_of(data)}
        if reveal:
            reveal(record, data)
        if work_request:
            headers['opc-work-request-id'] = work_request.id
        return json_response(200, data, headers)

    # ---- retry tokens ----------------------------------------------------------------------

    def _replay(self, request, body):
        """The stored answer for a repeated `opc-retry-token`, or None."""
        token = request.header('opc-retry-token')
        if not token:
            return None
        stored = self.store.retry_tokens.get((request.method, request.path, token))
        if stored is None or self.now() - stored[0] > RETRY_TOKEN_LIFETIME:
            return None
        if stored[1] != _body_digest(body):
            raise OciError(409, 'IdempotencyConflict', 'The opc-retry-token was already used with a different request body.')
        replay = stored[2].copy()
        replay.replayed = True
        return replay

    def _remember(self, request, body, response):
        token = request.header('opc-retry-token')
        if token:
            self.store.retry_tokens[(request.method, request.path, token)] = (self.now(), _body_digest(body), response.copy())

    # ---- resource operations ---------------------------------------------------------------

    def create_resource(self, kind, request):
        body = json_object(request)
        replayed = self._replay(request, body)
        if replayed:
            return replayed
        fields = validate_body(kind.fields, body)
        failure = kind.prepare(self, fields) if kind.prepare else None
        now = self.now()
        record_id = new_ocid(kind.ocid_type, self.emulator.config.region)
        fields.setdefault('displayName', kind.default_name_prefix + datetime.fromtimestamp(now, timezone.utc).strftime('%Y%m%d%H%M%S'))
        fields.setdefault('freeformTags', {})
        fields.setdefault('definedTags', {})
        fields.update({'id': record_id, 'lifecycleState': 'CREATING', 'timeCreated': rfc3339(now), 'systemTags': {}})
        record = self.store.add(self.table(kind.name), Record(kind.name, record_id, fields, now))
        outcome = self.emulator.settings.take_outcome(kind.outcome_name)
        if failure:
            outcome = 'FAILED'
        changes = kind.on_created(record) if kind.on_created else None
        duration = kind.create_duration(self.emulator.settings.delay, fields) if kind.create_duration else None
        work_request = self._start_work(kind, record, 'CREATE', kind.created_state, outcome, transition=True, changes=changes,
                                        duration=duration, reason=failure)
        response = self._resource_response(kind, record, work_request if kind.work_requests else None, kind.create_answer)
        self._remember(request, body, response)
        return response

    def get_resource(self, kind, request, resource_id):
        return self._resource_response(kind, self._load(kind, resource_id))

    def list_resources(self, kind, request):
        compartment_id = request.param('compartmentId') if kind.list_compartment_optional else self._list_compartment(request)
        check_enum_param(request, 'lifecycleState', kind.states)
        filters = [(kind.filter_params.get(name, name), request.param(name))
                   for name in kind.list_filters + tuple(kind.filter_params) if request.param(name) is not None]
        any_of = []
        for param, list_field, allowed in kind.any_of_filters:
            wanted = request.params(param)
            for value in wanted:
                if value not in allowed:
                    raise OciError(400, 'InvalidParameter', 'Query parameter %s %r is not valid; expected one of %s.'
                                   % (param, value, ', '.join(allowed)))
            if wanted:
                any_of.append((list_field, set(wanted)))
        selected = [record for record in self.records(kind.name)
                    if (record.read_only or compartment_id in (None, record.fields['compartmentId']))
                    and all(field_at(record.fields, path) == value for path, value in filters)
                    and all(wanted.intersection(record.fields.get(list_field) or ()) for list_field, wanted in any_of)]
        sort_keys = {name: (lambda record, name=name: record.fields.get(name) or '') for name in kind.sort_by}
        sort_keys['timeCreated'] = lambda record: record.created
        ordered = sort_items(selected, request, sort_keys, 'timeCreated', ('timeCreated',))
        page, headers = paginate(ordered, request, self.emulator.settings.page_size)
        items = []
        for record in page:
            data = self.view(kind, record)
            for name in kind.summary_omit:
                data.pop(name, None)
            items.append(data)
        return json_response(200, {'items': items}, headers)

    def update_resource(self, kind, request, resource_id):
        record = self._load_writable(kind, resource_id)
        changes = validate_body(kind.fields, json_object(request), updating=True)
        check_etag(request, self.view(kind, record))
        self._require_state(kind, record, 'update', ('ACTIVE', 'NEEDS_ATTENTION'))
        if kind.prepare_update:
            kind.prepare_update(self, record, changes)
        settled = record.fields['lifecycleState'] if record.fields['lifecycleState'] in kind.idle_states else 'ACTIVE'
        if kind.sync_update:
            record.fields.update(changes)
            record.fields['timeUpdated'] = rfc3339(self.now())
            return self._resource_response(kind, record)
        outcome = self.emulator.settings.take_outcome(kind.outcome_name)
        transition = outcome is not None or any(
            name in changes and changes[name] != record.fields.get(name) for name in kind.transition_fields)
        undo = copy.deepcopy(record.fields)
        if transition:
            previous = self.view(kind, record)
            record.fields.update(changes)
            record.fields['lifecycleState'] = 'UPDATING'
            record.fields['previousState'] = previous
        else:
            record.fields.update(changes)
        record.fields['timeUpdated'] = rfc3339(self.now())
        work_request = self._start_work(kind, record, 'UPDATE', settled, outcome, transition, undo=undo)
        if not kind.update_returns_body:
            return Response(202, b'', {'opc-work-request-id': work_request.id})
        return self._resource_response(kind, record, work_request)

    def delete_resource(self, kind, request, resource_id):
        record = self._load_writable(kind, resource_id)
        check_etag(request, self.view(kind, record))
        self._require_state(kind, record, 'delete', ('ACTIVE', 'FAILED', 'NEEDS_ATTENTION'))
        blocking = []
        for dependent_kind, dotted_path in kind.dependents:
            blocking.extend('%s %s (%s)' % (dependent_kind, other.id, other.fields.get('displayName'))
                            for other in self.attached(dependent_kind, dotted_path, record.id))
        if blocking:
            raise OciError(409, 'IncorrectState', 'Cannot delete %s %s while these resources use it: %s. Delete them first.'
                           % (kind.name, record.id, ', '.join(blocking)))
        undo = copy.deepcopy(record.fields)
        record.fields['timeUpdated'] = rfc3339(self.now())
        record.fields['lifecycleState'] = 'DELETING'
        work_request = self._start_work(kind, record, 'DELETE', 'DELETED', None, transition=True, undo=undo)
        return Response(202, b'', {'opc-work-request-id': work_request.id} if kind.work_requests else {})

    def change_compartment(self, kind, request, resource_id):
        record = self._load_writable(kind, resource_id)
        body = json_object(request)
        tokens = self.move_retry_tokens if kind.move_retry_tokens is None else kind.move_retry_tokens
        replayed = self._replay(request, body) if tokens else None
        if replayed:
            return replayed
        if set(body) != {'compartmentId'} or not isinstance(body['compartmentId'], str) or not body['compartmentId']:
            raise OciError(400, 'InvalidParameter', 'The body must be {"compartmentId": "<target compartment OCID>"}.')
        check_etag(request, self.view(kind, record))
        self._require_state(kind, record, 'move', ('ACTIVE', 'FAILED', 'NEEDS_ATTENTION'))
        record.fields['compartmentId'] = body['compartmentId']
        record.fields['timeUpdated'] = rfc3339(self.now())
        response = Response(204)
        if kind.move_work_requests:
            work_request = self._start_work(kind, record, 'MOVE', 'ACTIVE', None, transition=False)
            response = Response(202, b'', {'opc-work-request-id': work_request.id})
        if tokens:
            self._remember(request, body, response)
        return response

    # ---- work requests ---------------------------------------------------------------------

    def _work_request(self, wr_id):
        work_request = self.store.get(self.work_request_kind, wr_id)
        if work_request is None:
            raise not_found('WorkRequest %s' % wr_id)
        return work_request

    def get_work_request(self, request, wr_id):
        data = self._work_request(wr_id).view(self.now())
        return json_response(200, data, {'retry-after': '1', 'etag': etag_of(data)})

    def _list_compartment(self, request):
        if self.list_needs_compartment:
            return require_param(request, 'compartmentId')
        return request.param('compartmentId')

    def list_work_requests(self, request):
        compartment_id = self._list_compartment(request)
        status = check_enum_param(request, 'status', WORK_REQUEST_STATUSES)
        wr_id = request.param('workRequestId')
        resource_id = request.param('resourceId')
        now = self.now()
        selected = [wr for wr in self.store.all(self.work_request_kind)
                    if compartment_id in (None, wr.compartment_id) and wr_id in (None, wr.id)
                    and resource_id in (None, wr.resource_id) and status in (None, wr.status(now))]
        ordered = sort_items(selected, request, {'timeAccepted': lambda wr: wr.accepted}, 'timeAccepted', ('timeAccepted',))
        page, headers = paginate(ordered, request, self.emulator.settings.page_size)
        return json_response(200, {'items': [wr.view(now) for wr in page]}, headers)

    def list_work_request_entries(self, which, request, wr_id):
        """Errors or logs of a work request, newest first unless `sortOrder=ASC` (as the SDK documents)."""
        work_request = self._work_request(wr_id)
        entries = getattr(work_request, which)(self.now())
        by = self.entry_sort_by
        ordered = sort_items(entries, request, {by: lambda entry: entry['timestamp']}, by, (by,))
        page, headers = paginate(ordered, request, self.emulator.settings.page_size)
        return json_response(200, {'items': page}, headers)

    def cancel_work_request(self, request, wr_id):
        """Only a work request that has not started can be cancelled; its operation then never happens: a
        create leaves the resource FAILED, an update or delete leaves it as it was."""
        work_request = self._work_request(wr_id)
        now = self.now()
        check_etag(request, work_request.view(now))
        status = work_request.status(now)
        if status != 'ACCEPTED':
            raise OciError(409, 'IncorrectState', 'Cannot cancel work request %s while it is %s; only an ACCEPTED work '
                                                  'request can be cancelled.' % (wr_id, status))
        work_request.cancel(now)
        record = self.lookup(work_request.entity_type, work_request.resource_id)
        pending = record.pending if record is not None else None
        if pending is not None and pending.undo is None:
            record.pending = Transition(work_request.finished, 'FAILED', 'The creation was cancelled before it started.')
        elif pending is not None:
            record.fields = pending.undo
            record.pending = None
        return Response(202, b'')
