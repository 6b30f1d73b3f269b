# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The DataArts Fabric job, job run and service instance specs (fabric_jobs.py) run by the engine against the
emulator: what is sent, job versions, a run started once and cancelled, a service instance's fixed spec_code."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cloudai.control.plugins.module_utils.fabric import ENDPOINT, MODEL
from ansible_collections.cloudai.control.plugins.module_utils.fabric_jobs import (
    JOB, JOB_RUN, SERVICE_INSTANCE, _check_job_version, _check_service_config,
)
from ansible_collections.cloudai.control.tests.unit.plugins.module_utils.test_fabric_specs import (  # noqa: F401 pylint: disable=unused-import
    cloud, version, workspace,
)


def job_version(name, spec="cpu.2u8g"):
    return dict(name=name, description=None, state="present", cap_white_list=None, dependence_framework=None,
                config=dict(python_job_config=dict(resource_spec=spec, main_file_name="main.py")))


def serving(cloud, ws):
    model = cloud.run(MODEL, workspace_id=ws, name="served", version=version("v1"))["model"]
    endpoint = cloud.run(ENDPOINT, workspace_id=ws, name="runner", type="inference",
                         cap=dict(cap_id=model["id"], version_id=model["current_version"]["id"]),
                         reserved_resource=dict(mu=dict(spec_code="mu.small", min=1, max=1)))["endpoint"]
    return model, endpoint["id"]


def test_job_versions_as_model_versions_and_updates_read_back(cloud):
    ws = workspace(cloud, "ws-jobs")
    job = dict(workspace_id=ws, name="eval", type="PYTHON_JOB", description="first", version=job_version("v1"))
    created = cloud.run(JOB, **job)
    job_id = created["job"]["id"]
    # look up the name, create (the answer is ids only), read it back, then the wait's read
    assert [s[0] for s in cloud.sent()] == ["GET", "POST", "GET", "GET"] and created["job"]["current_version"]["name"] == "v1"
    assert cloud.run(JOB, **job)["changed"] is False and len(cloud.sent()) == 1

    added = cloud.run(JOB, **dict(job, description="second", version=job_version("v2", "cpu.4u16g")))
    assert added["job"]["description"] == "second" and added["job"]["current_version"]["name"] == "v2"
    assert cloud.mutations() == [("PUT", "workspaces/%s/jobs/%s" % (ws, job_id))] * 2  # the fields, then the version

    purged = cloud.run(JOB, workspace_id=ws, id=job_id, current_version="v1", purge_versions=True)
    assert purged["job"]["current_version"]["name"] == "v1" and purged["diff"]["after"]["versions"] == ["v1"]
    assert [m[0] for m in cloud.mutations()] == ["PUT", "DELETE"]
    refused = cloud.fails(JOB, workspace_id=ws, name="other", type="PYTHON_JOB",
                          version=dict(job_version("v1"), state="absent", config=None))
    assert "there is no job 'other' to remove version 'v1' from" in str(refused) and cloud.mutations() == []
    config = dict(ray_job_config=None, spark_job_config=None, python_job_config=dict(resource_spec="cpu"))
    as_the_argspec_gives = dict(job_version("v1"), config=config)
    spark = cloud.fails(JOB, workspace_id=ws, name="other", type="SPARK_JOB", version=as_the_argspec_gives)
    assert "version.config of a SPARK_JOB job needs spark_job_config, got python_job_config" in str(spark)
    assert cloud.mutations() == []


def test_a_job_run_starts_once_waits_and_is_cancelled(cloud):
    ws = workspace(cloud, "ws-runs")
    _model, endpoint_id = serving(cloud, ws)
    job = cloud.run(JOB, workspace_id=ws, name="eval", type="PYTHON_JOB", version=job_version("v1"))["job"]
    run = dict(workspace_id=ws, name="first", endpoint_id=endpoint_id,
               job=dict(id=job["id"], version_id=job["current_version"]["id"]))
    predicted = cloud.run(JOB_RUN, check_mode=True, **run)
    assert predicted["changed"] and cloud.mutations() == []
    started = cloud.run(JOB_RUN, **run)
    assert started["job_run"]["status"] == "SUCCEEDED" and cloud.mutations() == [("POST", "workspaces/%s/jobs/runs" % ws)]
    again = cloud.run(JOB_RUN, **run)
    assert again["changed"] is False and again["job_run"]["id"] == started["job_run"]["id"] and cloud.mutations() == []
    assert "cannot be changed" in str(cloud.fails(JOB_RUN, **dict(run, endpoint_id=job["id"])))

    cloud.admin.put("/settings", {"delay": 1000})
    pending = cloud.run(JOB_RUN, wait=False, **dict(run, name="second"))["job_run"]
    assert pending["status"] == "PENDING"  # the start answers with the id only: it was read back
    cloud.admin.put("/settings", {"delay": 0.2})
    cancelled = cloud.run(JOB_RUN, workspace_id=ws, name="second", state="absent")
    assert cancelled["changed"] and cloud.mutations() == [("POST", "workspaces/%s/jobs/runs/%s/cancel" % (ws, pending["id"]))]
    assert cloud.run(JOB_RUN, workspace_id=ws, name="second", state="absent")["changed"] is False
    assert cloud.run(JOB_RUN, workspace_id=ws, name="first", state="absent")["changed"] is False  # it has ended
    assert "give another name" in str(cloud.fails(JOB_RUN, **dict(run, name="second")))  # a stopped run stays stopped

    runs = "workspaces/%s/jobs/runs/" % ws
    purged = cloud.run(JOB_RUN, workspace_id=ws, name="second", state="absent", purge=True)
    assert purged["changed"] and cloud.mutations() == [("DELETE", runs + pending["id"])]
    assert cloud.run(JOB_RUN, **dict(run, name="second"))["job_run"]["status"] == "SUCCEEDED"  # the name runs again
    cloud.admin.put("/settings", {"delay": 1000})
    third = cloud.run(JOB_RUN, wait=False, **dict(run, name="third"))["job_run"]
    assert "needs wait=true" in str(cloud.fails(JOB_RUN, workspace_id=ws, name="third", state="absent", purge=True, wait=False))
    assert cloud.run(JOB_RUN, check_mode=True, workspace_id=ws, name="third", state="absent", purge=True)["changed"]
    assert cloud.mutations() == []
    cloud.admin.put("/settings", {"delay": 0.2})
    # pending until cancelled: the cancel, its wait until STOPPED, the delete
    assert cloud.run(JOB_RUN, workspace_id=ws, name="third", state="absent", purge=True)["changed"]
    assert cloud.mutations() == [("POST", runs + third["id"] + "/cancel"), ("DELETE", runs + third["id"])]


def test_a_service_instance_scales_in_place_but_keeps_its_spec_code(cloud):
    ws = workspace(cloud, "ws-instances")
    model, endpoint_id = serving(cloud, ws)
    resource = dict(spec_code="mu.small", min=1, max=1)
    instance = dict(workspace_id=ws, name="svc", endpoint_id=endpoint_id, source=dict(id=model["id"], version_id=None),
                    config=dict(model_instance_config=dict(resource=resource)))
    created = cloud.run(SERVICE_INSTANCE, **instance)
    assert created["service_instance"]["status"] == "RUNNING"
    scaled = dict(instance, config=dict(model_instance_config=dict(resource=dict(resource, max=3))))
    predicted = cloud.run(SERVICE_INSTANCE, check_mode=True, **scaled)
    assert cloud.mutations() == []
    done = cloud.run(SERVICE_INSTANCE, **scaled)
    instance_path = "workspaces/%s/services/instances/%s" % (ws, created["service_instance"]["id"])
    assert cloud.mutations() == [("PUT", instance_path)]  # without spec_code, which the emulator's BaseDemand refuses
    assert done["service_instance"]["config"]["model_instance_config"]["resource"] == dict(resource, max=3)
    assert predicted["diff"] == done["diff"]
    respec = cloud.fails(SERVICE_INSTANCE, **dict(instance, config=dict(model_instance_config=dict(
        resource=dict(resource, spec_code="mu.large")))))
    assert "spec_code cannot be changed" in str(respec) and cloud.mutations() == []
    assert cloud.run(SERVICE_INSTANCE, workspace_id=ws, name="svc", state="absent")["changed"]
    assert cloud.mutations() == [("DELETE", instance_path)]


def test_input_rules():
    assert "exactly one of" in _check_job_version(dict(job_version("v1"), config=dict(
        python_job_config={}, spark_job_config={})), "version")
    assert "exactly one of" in _check_job_version(dict(job_version("v1"), config=None), "version")
    assert "takes only the name" in _check_job_version(dict(job_version("v1"), state="absent"), "version")
    assert _check_job_version(dict(job_version("v1"), config=None, state="absent"), "version") is None
    assert "min <= max" in _check_service_config(dict(model_instance_config=dict(resource=dict(min=3, max=2))), "config")
    assert "1-65535" in _check_service_config(dict(pgsql_instance_config=dict(coordinator_port=0)), "config")
    assert "exactly one of" in _check_service_config({}, "config")
