"""The official `huaweicloudsdkdataartsfabric` client drives the DataArts Fabric operations of fabric_admin
(notification policies, agency, agreements and their rule, specs, features, health check, workspace tags and metrics,
endpoint subscription and previous version) against the emulator and parses the answers into its model classes."""

import os
import sys

import pytest

TESTS_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
if TESTS_DIR not in sys.path:
    sys.path.insert(0, TESTS_DIR)

from emulator import start_emulator  # noqa: E402
from emulator.config import TEST_HUAWEI_AK, TEST_HUAWEI_PROJECT, TEST_HUAWEI_SK  # noqa: E402

pytest.importorskip('huaweicloudsdkdataartsfabric')

from huaweicloudsdkcore.auth.credentials import BasicCredentials  # noqa: E402
from huaweicloudsdkcore.exceptions.exceptions import ClientRequestException  # noqa: E402
from huaweicloudsdkdataartsfabric.v1 import DataArtsFabricClient  # noqa: E402
from huaweicloudsdkdataartsfabric.v1 import model as models  # noqa: E402

TOPIC = 'urn:smn:cn-north-4:%s:fabric-jobs' % TEST_HUAWEI_PROJECT


@pytest.fixture
def emulator():
    handle = start_emulator(delay=1.0, time_scale=20)
    yield handle
    handle.stop()


@pytest.fixture
def fabric(emulator):
    return (DataArtsFabricClient.new_builder()
            .with_credentials(BasicCredentials(TEST_HUAWEI_AK, TEST_HUAWEI_SK, TEST_HUAWEI_PROJECT))
            .with_endpoints([emulator.url]).build())


@pytest.fixture
def workspace(fabric):
    return fabric.create_workspace(models.CreateWorkspaceRequest(body=models.CreateWorkspaceRequestInput(
        name='admin-ws', enterprise_project_id='0'))).id


def test_sdk_message_notification_policies(emulator, fabric, workspace):
    made = fabric.create_message_notification_policy(models.CreateMessageNotificationPolicyRequest(
        workspace_id=workspace, body=models.CreateMessageNotificationPolicyRequestBody(message_notification_policy_list=[
            models.CreateMessageNotificationPolicy(message_type='job', name_pattern='ray_job*',
                                                   notification_types=['FAILED'], topic_urn=TOPIC)])))
    assert made.id and made.name_pattern == 'ray_job*' and made.notification_types == ['FAILED']
    listed = fabric.list_message_notification_policy(models.ListMessageNotificationPolicyRequest(
        workspace_id=workspace, name_pattern='ray_', notify_type='FAILED', message_type='job'))
    assert listed.total == 1 and isinstance(listed.policies[0], models.MessageNotificationPolicy)
    assert listed.policies[0].topic_urn == TOPIC
    assert fabric.list_message_notification_policy(models.ListMessageNotificationPolicyRequest(
        workspace_id=workspace, notify_type='SUCCESS')).total == 0
    with pytest.raises(ClientRequestException) as bad:
        fabric.create_message_notification_policy(models.CreateMessageNotificationPolicyRequest(
            workspace_id=workspace, body=models.CreateMessageNotificationPolicyRequestBody(message_notification_policy_list=[
                models.CreateMessageNotificationPolicy(message_type='job', name_pattern='x', notification_types=['MAYBE'],
                                                       topic_urn=TOPIC)])))
    assert bad.value.status_code == 400 and 'notification_types' in bad.value.error_msg
    fabric.delete_message_notification_policy(models.DeleteMessageNotificationPolicyRequest(
        workspace_id=workspace, message_policy_id=made.id))
    with pytest.raises(ClientRequestException) as gone:
        fabric.delete_message_notification_policy(models.DeleteMessageNotificationPolicyRequest(
            workspace_id=workspace, message_policy_id=made.id))
    assert gone.value.status_code == 404
    fabric.create_message_notification_policy(models.CreateMessageNotificationPolicyRequest(
        workspace_id=workspace, body=models.CreateMessageNotificationPolicyRequestBody(message_notification_policy_list=[
            models.CreateMessageNotificationPolicy(message_type='job', name_pattern='*', notification_types=['SUCCESS'],
                                                   topic_urn=TOPIC)])))
    fabric.delete_workspace(models.DeleteWorkspaceRequest(workspace_id=workspace))
    with pytest.raises(ClientRequestException) as no_workspace:  # its policies went with it
        fabric.list_message_notification_policy(models.ListMessageNotificationPolicyRequest(workspace_id=workspace))
    assert no_workspace.value.status_code == 404 and emulator.emulator.store.all('FabricMessagePolicy') == []


def test_sdk_agency(fabric):
    before = fabric.list_agency(models.ListAgencyRequest())
    assert before.authorized is False and len(before.agency_policies) == 4
    with pytest.raises(ClientRequestException) as bad:
        fabric.create_agency(models.CreateAgencyRequest(body=models.AgencyTypeBody(policy_types=['FABRIC_SMN_POLICY'])))
    assert bad.value.status_code == 400 and 'FABRIC_COMMON_POLICY' in bad.value.error_msg
    fabric.create_agency(models.CreateAgencyRequest(body=models.AgencyTypeBody(
        policy_types=['FABRIC_COMMON_POLICY', 'FABRIC_SMN_POLICY'])))
    smn = fabric.list_agency(models.ListAgencyRequest(policy_type='FABRIC_SMN_POLICY'))
    assert smn.authorized and smn.agency_name and [p.is_enable for p in smn.agency_policies] == [True]
    assert isinstance(smn.agency_policies[0], models.AgencyPolicy)
    fabric.delete_agency(models.DeleteAgencyRequest(policy_type='FABRIC_SMN_POLICY'))
    fabric.delete_agency(models.DeleteAgencyRequest())
    assert not fabric.list_agency(models.ListAgencyRequest()).authorized


def test_sdk_agreements_and_rule(fabric):
    rules = fabric.show_agreement_rule(models.ShowAgreementRuleRequest()).agreement_rules
    assert rules and isinstance(rules[0], models.AgreementRule) and rules[0].agreement_url
    signed = [models.TenantAgreement(agreement_name=r.agreement_name, agreement_version=r.agreement_version) for r in rules]
    fabric.create_agreement(models.CreateAgreementRequest(body=models.TenantAgreementBody(agreements=signed)))
    shown = fabric.show_agreement(models.ShowAgreementRequest()).agreements
    assert sorted(a.agreement_name for a in shown) == sorted(r.agreement_name for r in rules)
    with pytest.raises(ClientRequestException) as bad:
        fabric.create_agreement(models.CreateAgreementRequest(body=models.TenantAgreementBody(agreements=[
            models.TenantAgreement(agreement_name=rules[0].agreement_name, agreement_version='v1')])))
    assert bad.value.status_code == 400
    fabric.delete_agreement(models.DeleteAgreementRequest())
    assert fabric.show_agreement(models.ShowAgreementRequest()).agreements == []


def test_sdk_specs_features_health(fabric):
    specs = fabric.list_specs(models.ListSpecsRequest(spec_types=['MU', 'APU'], scenario='ENDPOINT', limit=100))
    assert specs.total == 2 and sorted(s.spec_type for s in specs.spec_codes) == ['APU', 'MU']
    assert fabric.list_specs(models.ListSpecsRequest(spec_code='ray.c8m32')).spec_codes[0].spec_type == 'RESOURCE_USAGE_UNIT'
    features = fabric.list_features(models.ListFeaturesRequest(offset=1, limit=2))
    assert features.total == 4 and len(features.configs) == 2 and isinstance(features.configs[0], models.Feature)
    fabric.show_admin_health_check(models.ShowAdminHealthCheckRequest())


def test_sdk_workspace_tags_metrics_and_filters(fabric, workspace):
    fabric.batch_create_fabric_workspace_tags(models.BatchCreateFabricWorkspaceTagsRequest(
        workspace_id=workspace, body=models.BatchCreateTagsRequestBody(tags=[
            models.ResourceTag(key='team', value='ml'), models.ResourceTag(key='env', value='dev')])))
    tags = fabric.list_fabric_workspace_tags(models.ListFabricWorkspaceTagsRequest(workspace_id=workspace))
    assert sorted((t.key, t.value) for t in tags.tags) == [('env', 'dev'), ('team', 'ml')] and tags.sys_tags[0].value == '0'
    fabric.batch_delete_fabric_workspace_tags(models.BatchDeleteFabricWorkspaceTagsRequest(
        workspace_id=workspace, body=models.BatchDeleteTagsRequestBody(tags=[models.DeleteResourceTag(key='env')])))
    project = fabric.list_fabric_project_tags(models.ListFabricProjectTagsRequest(use_predefine_tags=False))
    assert [(t.key, t.values) for t in project.tags] == [('team', ['ml'])]
    body = models.ListTagWorkspacesRequestBody(tags=[models.ResourceTagParam(key='team', values=['ml'])],
                                               matches=[models.TagMatch(key='resource_name', value='admin')])
    found = fabric.list_tag_fabric_workspaces(models.ListTagFabricWorkspacesRequest(body=body))
    assert found.total_count == 1 and found.resources[0].resource_id == workspace
    assert fabric.count_tag_fabric_workspaces(models.CountTagFabricWorkspacesRequest(body=models.ListTagWorkspacesRequestBody(
        without_any_tag=True))).total_count == 0
    fabric.update_metrics_config(models.UpdateMetricsConfigRequest(workspace_id=workspace,
                                                                   body=models.UpdateMetricsConfigInput(enable=True)))
    with pytest.raises(ClientRequestException) as bad:
        fabric.update_metrics_config(models.UpdateMetricsConfigRequest(workspace_id=workspace, body=models.UpdateMetricsConfigInput()))
    assert bad.value.status_code == 400 and 'enable' in bad.value.error_msg


def test_sdk_subscribe_public_endpoint(emulator, fabric, workspace):
    public = fabric.create_endpoint(models.CreateEndpointRequest(workspace_id=workspace, body=models.EndpointInput(
        name='shared', type='service', public_access=True)))
    private = fabric.create_endpoint(models.CreateEndpointRequest(workspace_id=workspace, body=models.EndpointInput(
        name='mine', type='service')))
    fabric.subscribe_endpoint(models.SubscribeEndpointRequest(workspace_id=workspace, endpoint_id=public.id))
    with pytest.raises(ClientRequestException) as bad:
        fabric.subscribe_endpoint(models.SubscribeEndpointRequest(workspace_id=workspace, endpoint_id=private.id))
    assert bad.value.status_code == 400 and 'public' in bad.value.error_msg
