"""DataArts Fabric beyond workspaces, models and endpoints, per api/huawei-dataarts-fabric.md §2 and SDK 3.1.219:
message notification policies, the account's agency and agreements (and the agreement rule), specs, features, the
health check, workspace tags (batch create / delete, list, filter and count by tag), the metrics setting and the
subscription to a public endpoint. `register(service)` adds these routes to the FabricService.

The SDK's models mark none of these bodies' fields required; the rules below are those of the API reference's field
descriptions (enums, lengths), refused like the other Fabric calls refuse bad input.
"""

import copy
import uuid

from . import fabric
from .fabric_schema import BAD_INPUT, Arr, Bool, FabricError, Obj, Str, bad_input
from .store import Record
from .wire import Response, json_response

MESSAGE_TYPES = ('job',)
NOTIFY_TYPES = ('SUCCESS', 'FAILED')
POLICY_TYPES = ('FABRIC_COMMON_POLICY', 'FABRIC_SMN_POLICY', 'FABRIC_LAKEFORMATION_POLICY', 'FABRIC_AOM_POLICY')
AGENCY_NAME = 'fabric_admin_trust'
AGREEMENT_RULES = (
    ('fabric_service_agreement', 'DataArts Fabric Service Agreement', 'v20240901',
     'https://www.huaweicloud.com/declaration/sa_fabric.html'),
    ('fabric_privacy_statement', 'DataArts Fabric Privacy Statement', 'v20240901',
     'https://www.huaweicloud.com/declaration/sa_prp_fabric.html'),
)
# spec_code, spec_type, resource_type, stride, unit, min_stride_num, max_stride_num, scenario
SPECS = (
    ('mu.s1.1', 'MU', 'mu', 1, 'MU', 1, 128, 'ENDPOINT'),
    ('apu.s1.1', 'APU', 'apu', 1, 'APU', 1, 64, 'ENDPOINT'),
    ('dpu.s1.1', 'DPU', 'dpu', 1, 'DPU', 1, 64, 'ENDPOINT'),
    ('ray.c8m32', 'RESOURCE_USAGE_UNIT', 'ray_node', 8, 'vCPU', 1, 100, 'COMPUTE'),
    ('tokens.1k', 'TOKENS_USAGE_UNIT', 'tokens', 1000, 'token', 1, 1000000, 'ENDPOINT'),
)
FEATURES = (('fabric.endpoint.public_access', 'true'), ('fabric.job.max_concurrent_runs', '10'),
            ('fabric.workspace.quota', '20'), ('fabric.notification.smn', 'true'))
SYS_TAG_KEY = '_sys_enterprise_project_id'

TOPIC_URN = r'^urn:smn:[a-z0-9-]+:[A-Za-z0-9]+:[A-Za-z0-9_-]{1,255}$'
MESSAGE_POLICY = Obj(
    message_type=Str(required=True, choices=MESSAGE_TYPES),
    name_pattern=Str(required=True, min_length=1, max_length=128, pattern=r'^[\w\-.*]+$', rule='letters, digits, _ - . and *'),
    notification_types=Arr(Str(choices=NOTIFY_TYPES), required=True, max_items=2),
    topic_urn=Str(required=True, max_length=512, pattern=TOPIC_URN, rule='an SMN topic URN urn:smn:<region>:<project>:<topic>'),
)
# the response model holds one policy, so the emulator takes one per request
MESSAGE_POLICIES = Obj(message_notification_policy_list=Arr(MESSAGE_POLICY, required=True, max_items=1))
AGENCY = Obj(policy_types=Arr(Str(choices=POLICY_TYPES), required=True, max_items=len(POLICY_TYPES)))
AGREEMENTS = Obj(agreements=Arr(Obj(
    agreement_name=Str(required=True, min_length=1, max_length=64, pattern=r'^[A-Za-z0-9_-]+$', rule='letters, digits, _ and -'),
    agreement_version=Str(required=True, min_length=1, max_length=32, pattern=r'^[A-Za-z0-9]+$', rule='letters and digits'),
), required=True, max_items=10))
TAG = Obj(key=Str(required=True, min_length=1, max_length=128, pattern=r'^[^=*<>\\,|/]+$', rule='no = * < > \\ , | /'),
          value=Str(max_length=255, pattern=r'^[^=*<>\\,|/]*$', rule='no = * < > \\ , | /'))
TAGS_CREATE = Obj(tags=Arr(Obj(required=True, **TAG.fields), max_items=20), sys_tags=Arr(TAG, max_items=1))
TAGS_DELETE = Obj(tags=Arr(TAG, max_items=20), sys_tags=Arr(TAG, max_items=1))
TAG_FILTER = Obj(
    without_any_tag=Bool(),
    tags=Arr(Obj(key=Str(required=True, min_length=1, max_length=128), values=Arr(Str(max_length=255), required=True, max_items=10)), max_items=50),
    matches=Arr(Obj(key=Str(required=True, choices=('resource_name',)), value=Str(required=True, max_length=255))),
    sys_tags=Arr(Obj(key=Str(required=True, choices=(SYS_TAG_KEY,)), values=Arr(Str(max_length=64), required=True, max_items=1)), max_items=1),
)
METRICS = Obj(enable=Bool(required=True))

QUERY_PARAMETERS = {
    'list_message_policies': ('offset', 'limit', 'message_type', 'name_pattern', 'notify_type'),
    'list_agency': ('policy_type',),
    'delete_agency': ('policy_type',),
    'list_specs': ('offset', 'limit', 'spec_code', 'spec_types', 'scenario'),
    'list_features': ('offset', 'limit'),
    'list_workspace_tags': ('offset', 'limit'),
    'list_project_tags': ('offset', 'limit', 'use_predefine_tags'),
    'filter_tagged_workspaces': ('offset', 'limit'),
}


def register(service):
    handlers = AdminHandlers(service)
    add = service.router.add
    add('POST', '/v1/workspaces/{workspace_id}/messages', handlers.create_message_policy)
    add('GET', '/v1/workspaces/{workspace_id}/messages', handlers.list_message_policies)
    add('DELETE', '/v1/workspaces/{workspace_id}/messages/{message_policy_id}', handlers.delete_message_policy)
    add('POST', '/v1/agency', handlers.create_agency)
    add('GET', '/v1/agency', handlers.list_agency)
    add('DELETE', '/v1/agency', handlers.delete_agency)
    add('POST', '/v1/agreement', handlers.create_agreement)
    add('GET', '/v1/agreement', handlers.show_agreement)
    add('DELETE', '/v1/agreement', handlers.delete_agreement)
    add('GET', '/v1/agreement-rule', handlers.show_agreement_rule)
    add('GET', '/v1/specs', handlers.list_specs)
    add('GET', '/v1/features', handlers.list_features)
    add('GET', '/healthcheck', handlers.health_check)
    add('PUT', '/v1/workspaces/{workspace_id}/metrics', handlers.update_metrics)
    add('POST', '/v1/workspaces/{workspace_id}/endpoints/{endpoint_id}/subscribe', handlers.subscribe_endpoint)
    add('POST', '/v1/{project_id}/fabric-workspace/{workspace_id}/tags/create', handlers.create_tags)
    add('POST', '/v1/{project_id}/fabric-workspace/{workspace_id}/tags/delete', handlers.delete_tags)
    add('GET', '/v1/{project_id}/fabric-workspace/{workspace_id}/tags', handlers.list_workspace_tags)
    add('GET', '/v1/{project_id}/fabric-workspace/tags', handlers.list_project_tags)
    add('POST', '/v1/{project_id}/fabric-workspace/resource-instances/filter', handlers.filter_tagged_workspaces)
    add('POST', '/v1/{project_id}/fabric-workspace/resource-instances/count', handlers.count_tagged_workspaces)
    return handlers


class AdminHandlers:

    def __init__(self, service):
        self.service = service

    @property
    def store(self):
        return self.service.store

    def _account(self):
        """The account-wide agency and agreements, kept in the store so that a reset forgets them."""
        record = self.store.get('FabricAccount', 'account')
        if record is None:
            record = self.store.add('FabricAccount', Record('FabricAccount', 'account',
                                                            {'policies': [], 'agreements': [], 'subscriptions': []}, 0))
        return record.fields

    def _project(self, project_id):
        if project_id != self.service.emulator.config.huawei_project_id:
            raise FabricError(403, 'APIG.0302', 'Project %s in the path is not the project of the request.' % project_id)

    # ---- message notification policies --------------------------------------------------------

    def _policies(self, workspace_id):
        self.service._workspace(workspace_id)
        return [r for r in self.store.all('FabricMessagePolicy') if r.workspace_id == workspace_id]

    def create_message_policy(self, request, workspace_id):
        self.service._workspace(workspace_id)
        body = MESSAGE_POLICIES.check(self.service._json(request))
        if not body['message_notification_policy_list']:
            raise bad_input('message_notification_policy_list must hold a policy.')
        fields = body['message_notification_policy_list'][0]
        if not fields['notification_types'] or len(set(fields['notification_types'])) != len(fields['notification_types']):
            raise bad_input('notification_types must hold SUCCESS, FAILED or both, each once.')
        record = self.store.add('FabricMessagePolicy', Record('FabricMessagePolicy', str(uuid.uuid4()), fields, self.service.now()))
        record.workspace_id = workspace_id
        fields['id'] = record.id
        return json_response(200, dict(fields))

    def list_message_policies(self, request, workspace_id):
        message_type = fabric.choice_param(request, 'message_type', MESSAGE_TYPES)
        notify_type = fabric.choice_param(request, 'notify_type', NOTIFY_TYPES)
        pattern = request.param('name_pattern')  # a case-sensitive fuzzy match
        selected = [r for r in self._policies(workspace_id)
                    if message_type in (None, r.fields['message_type']) and (not pattern or pattern in r.fields['name_pattern'])
                    and (notify_type is None or notify_type in r.fields['notification_types'])]
        selected.sort(key=lambda r: r.seq, reverse=True)
        return self.service._page('policies', selected, request, lambda r: copy.deepcopy(r.fields))

    def delete_message_policy(self, request, workspace_id, message_policy_id):
        if not any(r.id == message_policy_id for r in self._policies(workspace_id)):
            raise FabricError(404, BAD_INPUT, 'Message notification policy %s does not exist in workspace %s.' % (
                message_policy_id, workspace_id))
        self.store.remove('FabricMessagePolicy', message_policy_id)
        return Response(200)

    # ---- agency and agreements -----------------------------------------------------------------

    def create_agency(self, request):
        wanted = AGENCY.check(self.service._json(request))['policy_types']
        account = self._account()
        enabled = set(account['policies']) | set(wanted)
        if not wanted:
            raise bad_input('policy_types must name at least one policy type.')
        if 'FABRIC_COMMON_POLICY' not in enabled:
            raise bad_input('FABRIC_COMMON_POLICY is required: the agency needs it before any other policy type.')
        account['policies'] = [p for p in POLICY_TYPES if p in enabled]
        return Response(200)

    def list_agency(self, request):
        policy_type = fabric.choice_param(request, 'policy_type', POLICY_TYPES)
        enabled = self._account()['policies']
        policies = [{'policy_type': p, 'is_required': p == 'FABRIC_COMMON_POLICY', 'is_enable': p in enabled,
                     'actions': ['%s:*:*' % p.split('_')[1].lower()], 'description': 'permissions of %s' % p}
                    for p in POLICY_TYPES if policy_type in (None, p)]
        return json_response(200, {'agency_name': AGENCY_NAME if enabled else None, 'authorized': 'FABRIC_COMMON_POLICY' in enabled,
                                   'agency_policies': policies})

    def delete_agency(self, request):
        policy_type = fabric.choice_param(request, 'policy_type', POLICY_TYPES)
        account = self._account()
        if policy_type is None:
            account['policies'] = []
        elif policy_type == 'FABRIC_COMMON_POLICY' and len(account['policies']) > 1:
            raise bad_input('FABRIC_COMMON_POLICY cannot be removed while other policy types are enabled.')
        else:
            account['policies'] = [p for p in account['policies'] if p != policy_type]
        return Response(200)

    def create_agreement(self, request):
        agreements = AGREEMENTS.check(self.service._json(request))['agreements']
        rules = dict((name, version) for name, _display, version, _url in AGREEMENT_RULES)
        for item in agreements:
            if rules.get(item['agreement_name']) != item['agreement_version']:
                raise bad_input('Agreement %s version %s is not one of the agreement rule (GET /v1/agreement-rule).' % (
                    item['agreement_name'], item['agreement_version']))
        account = self._account()
        signed = dict((a['agreement_name'], a) for a in account['agreements'])
        signed.update((a['agreement_name'], a) for a in agreements)
        account['agreements'] = list(signed.values())
        return Response(200)

    def show_agreement(self, request):
        return json_response(200, {'agreements': copy.deepcopy(self._account()['agreements'])})

    def delete_agreement(self, request):
        self._account()['agreements'] = []
        return Response(200)

    def show_agreement_rule(self, request):
        return json_response(200, {'agreement_rules': [
            {'agreement_name': name, 'agreement_display_name': display, 'agreement_version': version, 'agreement_url': url}
            for name, display, version, url in AGREEMENT_RULES]})

    # ---- catalogues and health -----------------------------------------------------------------

    def list_specs(self, request):
        spec_code = request.param('spec_code')
        types = [value for name, value in request.query if name == 'spec_types']
        for value in types:
            if value not in ('APU', 'DPU', 'MU', 'RESOURCE_USAGE_UNIT', 'TOKENS_USAGE_UNIT'):
                raise bad_input('spec_types %r is not a spec type.' % value)
        scenario = fabric.choice_param(request, 'scenario', ('COMPUTE', 'ENDPOINT'))
        specs = [{'spec_code': code, 'spec_type': kind, 'resource_type': resource, 'stride': stride, 'unit': unit,
                  'min_stride_num': low, 'max_stride_num': high, 'usage_measure_id': 4, 'usage_factor': '1',
                  'stride_num_whitelist': []}
                 for code, kind, resource, stride, unit, low, high, used_in in SPECS
                 if spec_code in (None, code) and (not types or kind in types) and scenario in (None, used_in)]
        return self.service._page('spec_codes', specs, request)

    def list_features(self, request):
        return self.service._page('configs', [{'key': key, 'value': value} for key, value in FEATURES], request)

    def health_check(self, request):
        return Response(200)

    # ---- workspace settings ----------------------------------------------------------------------

    def update_metrics(self, request, workspace_id):
        record = self.service._workspace(workspace_id)
        record.metrics = METRICS.check(self.service._json(request))['enable']
        return Response(200)

    def subscribe_endpoint(self, request, workspace_id, endpoint_id):
        self.service._workspace(workspace_id)
        record = self.store.get('FabricEndpoint', endpoint_id)
        if record is None or self.service._settle(record):
            raise FabricError(404, BAD_INPUT, 'Endpoint %s does not exist.' % endpoint_id)
        if record.fields.get('visibility') != 'PUBLIC':
            raise bad_input('Endpoint %s is not public: only public endpoints can be subscribed to.' % endpoint_id)
        subscriptions = self._account()['subscriptions']
        if (workspace_id, endpoint_id) not in subscriptions:
            subscriptions.append((workspace_id, endpoint_id))
        return Response(200)

    # ---- workspace tags --------------------------------------------------------------------------

    def _tagged(self, project_id, workspace_id):
        self._project(project_id)
        record = self.service._workspace(workspace_id)
        if not hasattr(record, 'tags'):
            record.tags = []
        return record

    def create_tags(self, request, project_id, workspace_id):
        record = self._tagged(project_id, workspace_id)
        body = TAGS_CREATE.check(self.service._json(request))
        if body.get('sys_tags'):
            raise bad_input('sys_tags are set by the service from the enterprise project.')
        given = dict((tag['key'], tag.get('value', '')) for tag in body.get('tags', []))
        if len(given) != len(body.get('tags', [])):
            raise bad_input('tags holds a key more than once.')
        tags = dict((tag['key'], tag['value']) for tag in record.tags)
        tags.update(given)
        if len(tags) > 20:
            raise bad_input('A workspace can have at most 20 tags.')
        record.tags = [{'key': key, 'value': value} for key, value in tags.items()]
        return Response(204)

    def delete_tags(self, request, project_id, workspace_id):
        record = self._tagged(project_id, workspace_id)
        body = TAGS_DELETE.check(self.service._json(request))
        if body.get('sys_tags'):
            raise bad_input('sys_tags are set by the service from the enterprise project.')
        doomed = body.get('tags', [])
        record.tags = [tag for tag in record.tags
                       if not any(d['key'] == tag['key'] and d.get('value') in (None, tag['value']) for d in doomed)]
        return Response(204)

    def _sys_tags(self, record):
        return [{'key': SYS_TAG_KEY, 'value': record.fields['enterprise_project_id']}]

    def list_workspace_tags(self, request, project_id, workspace_id):
        record = self._tagged(project_id, workspace_id)
        offset = fabric.int_param(request, 'offset', 0, 0, 1000000000)
        limit = fabric.int_param(request, 'limit', 1000, 1, 1000)
        return json_response(200, {'tags': copy.deepcopy(record.tags[offset:offset + limit]),
                                   'sys_tags': self._sys_tags(record) if offset == 0 else []})

    def list_project_tags(self, request, project_id):
        self._project(project_id)
        if request.param('use_predefine_tags') not in (None, 'true', 'false'):
            raise bad_input('use_predefine_tags must be true or false.')
        values = {}
        for record in self.store.all('FabricWorkspace'):
            for tag in getattr(record, 'tags', []):
                values.setdefault(tag['key'], []).append(tag['value'])
        offset = fabric.int_param(request, 'offset', 0, 0, 1000000000)
        limit = fabric.int_param(request, 'limit', 1000, 1, 1000)
        tags = [{'key': key, 'values': sorted(set(v))} for key, v in sorted(values.items())]
        return json_response(200, {'tags': tags[offset:offset + limit]})

    def _matching(self, request, project_id):
        self._project(project_id)
        body = TAG_FILTER.check(self.service._json(request))
        selected = []
        for record in sorted(self.store.all('FabricWorkspace'), key=lambda r: r.seq, reverse=True):
            tags = dict((tag['key'], tag['value']) for tag in getattr(record, 'tags', []))
            if body.get('without_any_tag'):
                wanted = not tags
            else:
                wanted = all(t['key'] in tags and (not t['values'] or tags[t['key']] in t['values']) for t in body.get('tags', []))
            wanted = wanted and all(m['value'] in record.fields['name'] for m in body.get('matches', []))
            wanted = wanted and all(record.fields['enterprise_project_id'] in s['values'] for s in body.get('sys_tags', []))
            if wanted:
                selected.append(record)
        return selected

    def filter_tagged_workspaces(self, request, project_id):
        selected = self._matching(request, project_id)
        offset = fabric.int_param(request, 'offset', 0, 0, 1000000000)
        limit = fabric.int_param(request, 'limit', 10, 1, 100)
        page = selected[offset:offset + min(limit, self.service.emulator.settings.page_size or limit)]
        return json_response(200, {'total_count': len(selected), 'resources': [
            {'resource_id': r.id, 'resource_name': r.fields['name'], 'resource_detail': {},
             'tags': copy.deepcopy(getattr(r, 'tags', [])), 'sys_tags': self._sys_tags(r)} for r in page]})

    def count_tagged_workspaces(self, request, project_id):
        return json_response(200, {'total_count': len(self._matching(request, project_id))})
