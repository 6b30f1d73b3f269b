"""The official clients drive the DataArts Fabric jobs and their versions (`DataArtsFabricClient`), job runs and
service instances (the companion `DataArtsFabricEpClient`, signed the same way) against the emulator, and parse the
answers into their own model classes: every operation of fabric_job, fabric_job_run and fabric_service_instance."""

import os
import sys
import time

import pytest

TESTS_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
if TESTS_DIR not in sys.path:
    sys.path.insert(0, TESTS_DIR)

from emulator import start_emulator  # noqa: E402
from emulator.config import TEST_HUAWEI_AK, TEST_HUAWEI_PROJECT, TEST_HUAWEI_SK  # noqa: E402
from emulator.testing import AdminClient  # noqa: E402

pytest.importorskip('huaweicloudsdkdataartsfabric')
pytest.importorskip('huaweicloudsdkdataartsfabricep')

from huaweicloudsdkcore.auth.credentials import BasicCredentials  # noqa: E402
from huaweicloudsdkcore.exceptions.exceptions import ClientRequestException  # noqa: E402
from huaweicloudsdkdataartsfabric.v1 import (  # noqa: E402
    CapRef, CreateEndpointRequest, CreateJobInput, CreateJobRequest, CreateModelDefinitionRequest, CreateModelInput,
    CreateWorkspaceRequest, CreateWorkspaceRequestInput, DataArtsFabricClient, DeleteJobRequest, DeleteJobVersionRequest,
    EndpointInput, JobConfig, JobVersionInput, ListJobsRequest, ListJobVersionsRequest, LlmModelConfig, ModelConfig,
    ModelVersionInput, PythonJobConfig, ReservedResource, ResourceDemand, SparkJobConfig, UpdateJobInput,
    UpdateJobRequest,
)
from huaweicloudsdkdataartsfabric.v1.model.job_info import JobInfo  # noqa: E402
from huaweicloudsdkdataartsfabricep.v1 import (  # noqa: E402
    CancelJobRunRequest, ClearJobRunRequest, DataArtsFabricEpClient, DeleteJobRunRequest, DeleteServiceInstanceRequest,
    DeployServiceInstanceRequest, JobRef, ListJobRunsRequest, ListServicesInstancesRequest, ModelServiceInstanceConfig,
    RunJobInput, RunJobRequest, ServiceInstanceConfig, ServiceInstanceInput, ShowJobRunDetailRequest,
    ShowServiceInstanceDetailRequest, SourceRef, UpdateModelServiceInstanceConfig, UpdateServiceInstanceConfig,
    UpdateServiceInstanceInput, UpdateServiceInstanceRequest,
)
from huaweicloudsdkdataartsfabricep.v1 import BaseDemand, ResourceDemand as EpResourceDemand  # noqa: E402
from huaweicloudsdkdataartsfabricep.v1.model.job_run_brief_info import JobRunBriefInfo  # noqa: E402
from huaweicloudsdkdataartsfabricep.v1.model.service_instance_brief_info import ServiceInstanceBriefInfo  # noqa: E402


@pytest.fixture
def emulator():
    handle = start_emulator(delay=1.0, time_scale=20)  # a transition takes 0.05 s of real time
    yield handle
    handle.stop()


def build(client_class, emulator):
    return (client_class.new_builder()
            .with_credentials(BasicCredentials(TEST_HUAWEI_AK, TEST_HUAWEI_SK, TEST_HUAWEI_PROJECT))
            .with_endpoints([emulator.url]).build())


@pytest.fixture
def fabric(emulator):
    return build(DataArtsFabricClient, emulator)


@pytest.fixture
def ep(emulator):
    return build(DataArtsFabricEpClient, emulator)


def python_version(name, spec='fabric.cpu.2u8g'):
    return JobVersionInput(name=name, description='version ' + name, config=JobConfig(
        python_job_config=PythonJobConfig(resource_spec=spec, main_file_name='main.py', working_dir='obs://b/jobs/'),
        timeout_seconds=600, max_concurrent_runs=1))


def workspace_with_endpoint(fabric, name):
    ws = fabric.create_workspace(CreateWorkspaceRequest(body=CreateWorkspaceRequestInput(name=name))).id
    model = fabric.create_model_definition(CreateModelDefinitionRequest(workspace_id=ws, body=CreateModelInput(
        name='qwen', type='LLM_MODEL', version=ModelVersionInput(name='v1', config=ModelConfig(
            llm_model_config=LlmModelConfig(base_model_type='QWEN2_7B', model_path='obs://oracle-bucket/qwen/'))))))
    endpoint = fabric.create_endpoint(CreateEndpointRequest(workspace_id=ws, body=EndpointInput(
        name='serving', type='inference', cap=CapRef(cap_id=model.id, version_id=model.version_id),
        reserved_resource=ReservedResource(mu=ResourceDemand(spec_code='mu.small', min=1, max=1)))))
    return ws, model, endpoint.id


def wait_for(show, wanted):
    deadline = time.monotonic() + 10
    while True:
        seen = show()
        if seen.status == wanted or time.monotonic() > deadline:
            return seen
        time.sleep(0.02)


def test_sdk_jobs_and_versions(fabric):
    ws, _model, endpoint_id = workspace_with_endpoint(fabric, 'oracle-jobs')
    created = fabric.create_job(CreateJobRequest(workspace_id=ws, body=CreateJobInput(
        name='eval', type='PYTHON_JOB', description='nightly', version=python_version('v1'), current_endpoint_id=endpoint_id)))
    assert created.id and created.version_id and created.x_request_id
    with pytest.raises(ClientRequestException) as duplicate:
        fabric.create_job(CreateJobRequest(workspace_id=ws, body=CreateJobInput(name='eval', type='PYTHON_JOB', version=python_version('v1'))))
    assert duplicate.value.status_code == 400 and 'already exists' in duplicate.value.error_msg
    with pytest.raises(ClientRequestException) as wrong_kind:  # a Python job's version holds a python_job_config
        fabric.create_job(CreateJobRequest(workspace_id=ws, body=CreateJobInput(name='other', type='PYTHON_JOB', version=JobVersionInput(
            name='v1', config=JobConfig(spark_job_config=SparkJobConfig(driver_resource_spec='s', executor_resource_spec='s'))))))
    assert 'python_job_config' in wrong_kind.value.error_msg

    listed = fabric.list_jobs(ListJobsRequest(workspace_id=ws, name='ev', id=created.id, type='PYTHON_JOB', endpoint_id=endpoint_id,
                                              sort_by='NAME', order_by='ASC', create_by_me=True, offset=0, limit=10))
    assert listed.total == 1 and isinstance(listed.jobs[0], JobInfo)
    job = listed.jobs[0]
    assert job.workspace_id == ws and job.current_version.id == created.version_id and job.current_endpoint_id == endpoint_id
    assert job.current_version.config.python_job_config.resource_spec == 'fabric.cpu.2u8g' and job.create_user.user_name

    updated = fabric.update_job(UpdateJobRequest(workspace_id=ws, job_id=created.id, body=UpdateJobInput(
        description='new', version=python_version('v2', 'fabric.cpu.4u16g'))))
    assert updated.id == created.id and updated.version_id != created.version_id
    switched = fabric.update_job(UpdateJobRequest(workspace_id=ws, job_id=created.id, body=UpdateJobInput(
        current_version_id=created.version_id)))
    assert switched.version_id == created.version_id
    versions = fabric.list_job_versions(ListJobVersionsRequest(workspace_id=ws, job_id=created.id, name='v', offset=0, limit=10))
    assert [v.name for v in versions.versions] == ['v2', 'v1'] and versions.total == 2
    fabric.delete_job_version(DeleteJobVersionRequest(workspace_id=ws, job_id=created.id, version_id=updated.version_id))
    with pytest.raises(ClientRequestException) as current:
        fabric.delete_job_version(DeleteJobVersionRequest(workspace_id=ws, job_id=created.id, version_id=created.version_id))
    assert current.value.status_code == 400 and 'current version' in current.value.error_msg
    fabric.delete_job(DeleteJobRequest(workspace_id=ws, job_id=created.id))
    assert fabric.list_jobs(ListJobsRequest(workspace_id=ws)).total == 0


def test_sdk_job_runs(emulator, fabric, ep):
    ws, _model, endpoint_id = workspace_with_endpoint(fabric, 'oracle-runs')
    job = fabric.create_job(CreateJobRequest(workspace_id=ws, body=CreateJobInput(
        name='eval', type='PYTHON_JOB', version=python_version('v1'))))
    run = ep.run_job(RunJobRequest(workspace_id=ws, body=RunJobInput(job=JobRef(id=job.id, version_id=job.version_id), name='first', endpoint_id=endpoint_id)))
    assert run.id
    done = wait_for(lambda: ep.show_job_run_detail(ShowJobRunDetailRequest(workspace_id=ws, run_id=run.id)), 'SUCCEEDED')
    assert done.status == 'SUCCEEDED' and done.job.version_id == job.version_id and done.type == 'PYTHON_JOB'
    assert done.log_path[0].path.startswith('obs://') and done.x_request_id and done.create_user.user_name

    AdminClient(emulator.url).put('/settings', {'next_outcome': {'FabricJobRun': 'FAILED'}})
    failing = ep.run_job(RunJobRequest(workspace_id=ws, body=RunJobInput(
        job=JobRef(id=job.id, version_id=job.version_id), name='second', endpoint_id=endpoint_id)))
    failed = wait_for(lambda: ep.show_job_run_detail(ShowJobRunDetailRequest(workspace_id=ws, run_id=failing.id)), 'FAILED')
    assert failed.error_code and failed.error_msg

    AdminClient(emulator.url).put('/settings', {'delay': 1000})  # a run that stays PENDING until cancelled
    long = ep.run_job(RunJobRequest(workspace_id=ws, body=RunJobInput(job=JobRef(id=job.id, version_id=job.version_id), name='long', endpoint_id=endpoint_id)))
    with pytest.raises(ClientRequestException) as running:
        ep.delete_job_run(DeleteJobRunRequest(workspace_id=ws, run_id=long.id))
    assert running.value.status_code == 400
    AdminClient(emulator.url).put('/settings', {'delay': 1.0})
    ep.cancel_job_run(CancelJobRunRequest(workspace_id=ws, run_id=long.id))
    assert wait_for(lambda: ep.show_job_run_detail(ShowJobRunDetailRequest(workspace_id=ws, run_id=long.id)), 'STOPPED').status == 'STOPPED'

    succeeded = ep.list_job_runs(ListJobRunsRequest(workspace_id=ws, name='fir', job_id=job.id, endpoint_id=endpoint_id,
                                                    version_id=job.version_id, status='SUCCEEDED', type='PYTHON_JOB',
                                                    sort_by='DURATION', order_by='DESC', offset=0, limit=10))
    assert [r.id for r in succeeded.job_runs] == [run.id] and isinstance(succeeded.job_runs[0], JobRunBriefInfo)
    assert succeeded.total == 1 and succeeded.job_runs[0].job.version_id == job.version_id
    assert ep.list_job_runs(ListJobRunsRequest(workspace_id=ws, id=failing.id)).job_runs[0].status == 'FAILED'
    ep.delete_job_run(DeleteJobRunRequest(workspace_id=ws, run_id=run.id))
    ep.clear_job_run(ClearJobRunRequest(workspace_id=ws, endpoint_id=endpoint_id))
    assert ep.list_job_runs(ListJobRunsRequest(workspace_id=ws)).total == 0
    with pytest.raises(ClientRequestException) as gone:
        ep.show_job_run_detail(ShowJobRunDetailRequest(workspace_id=ws, run_id=run.id))
    assert gone.value.status_code == 404


def test_sdk_service_instances(emulator, fabric, ep):
    ws, model, endpoint_id = workspace_with_endpoint(fabric, 'oracle-instances')
    deployed = ep.deploy_service_instance(DeployServiceInstanceRequest(workspace_id=ws, body=ServiceInstanceInput(
        source=SourceRef(id=model.id, version_id=model.version_id), name='qwen-service', description='d', endpoint_id=endpoint_id,
        config=ServiceInstanceConfig(model_instance_config=ModelServiceInstanceConfig(
            resource=EpResourceDemand(min=1, max=2, spec_code='mu.small'))))))
    assert deployed.id

    def show():
        return ep.show_service_instance_detail(ShowServiceInstanceDetailRequest(workspace_id=ws, instance_id=deployed.id))

    running = wait_for(show, 'RUNNING')
    assert running.status == 'RUNNING' and running.type == 'LLM_MODEL' and running.url.address and running.update_user.user_name
    assert running.config.model_instance_config.resource.spec_code == 'mu.small'

    updated = ep.update_service_instance(UpdateServiceInstanceRequest(workspace_id=ws, instance_id=deployed.id, body=UpdateServiceInstanceInput(
        description='scaled', config=UpdateServiceInstanceConfig(model_instance_config=UpdateModelServiceInstanceConfig(
            resource=BaseDemand(min=2, max=4))))))
    assert updated.id == deployed.id
    assert show().status == 'UPDATING'
    scaled = wait_for(show, 'RUNNING')
    assert scaled.description == 'scaled' and scaled.config.model_instance_config.resource.to_dict() == {
        'min': 2, 'max': 4, 'spec_code': 'mu.small'}

    listed = ep.list_services_instances(ListServicesInstancesRequest(
        workspace_id=ws, name='qwen', id=deployed.id, endpoint_id=endpoint_id, source_id=model.id, version_id=model.version_id,
        type='LLM_MODEL', visibility='PRIVATE', sort_by='CREATE_TIME', order_by='ASC', offset=0, limit=10))
    assert listed.total == 1 and isinstance(listed.service_instances[0], ServiceInstanceBriefInfo)
    with pytest.raises(ClientRequestException) as bad_source:
        ep.deploy_service_instance(DeployServiceInstanceRequest(workspace_id=ws, body=ServiceInstanceInput(
            source=SourceRef(id='0' * 32), name='other', endpoint_id=endpoint_id)))
    assert bad_source.value.status_code == 400 and 'source.id' in bad_source.value.error_msg

    AdminClient(emulator.url).put('/settings', {'next_outcome': {'FabricServiceInstance': 'FAILED'}})
    failing = ep.deploy_service_instance(DeployServiceInstanceRequest(workspace_id=ws, body=ServiceInstanceInput(
        source=SourceRef(id=model.id), name='failing', endpoint_id=endpoint_id)))
    failed = wait_for(lambda: ep.show_service_instance_detail(ShowServiceInstanceDetailRequest(workspace_id=ws, instance_id=failing.id)), 'FAILED')
    assert failed.error_code and failed.error_msg

    for instance_id in (deployed.id, failing.id):
        ep.delete_service_instance(DeleteServiceInstanceRequest(workspace_id=ws, instance_id=instance_id))
    time.sleep(0.2)
    assert ep.list_services_instances(ListServicesInstancesRequest(workspace_id=ws)).total == 0
