# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Huawei Cloud DataArts Fabric jobs (with their versions), job runs and service instances, described as data for the
resource engine. Job runs and service instances are calls of the companion client (DataArtsFabricEpClient)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

from ansible_collections.cloudai.control.plugins.module_utils.behaviours import Behaviour
from ansible_collections.cloudai.control.plugins.module_utils.fabric import (
    FABRIC, MODEL_NAME, NAME, NO_STATUS, VISIBILITY, WORKSPACE_SCOPE, _check_current_version, id_rule, length_rule,
)
from ansible_collections.cloudai.control.plugins.module_utils.fabric_versions import ModelVersions, list_versions
from ansible_collections.cloudai.control.plugins.module_utils.huawei_module import FABRIC_EP
from ansible_collections.cloudai.control.plugins.module_utils.spec import (
    Field, Filter, Lifecycle, ResourceError, ResourceSpec,
)
from ansible_collections.cloudai.control.plugins.module_utils.transport import ApiError

__all__ = ["FABRIC", "FABRIC_EP", "JOB", "JOB_RUN", "SERVICE_INSTANCE"]

JOB_TYPES = ["RAY_JOB", "PYTHON_JOB", "SPARK_JOB"]
STATUSES = ["PENDING", "CREATING", "RUNNING", "UPDATING", "SUCCEEDED", "FAILED", "STOPPING", "STOPPED", "DELETING",
            "DELETED"]
ORDER = Filter("order_by", choices=["ASC", "DESC"])
RESOURCE_ID = id_rule(36, 32)  # ids of jobs, versions, endpoints and models: 32-36 letters, digits and '-'


def _check_id(value, option):
    return RESOURCE_ID(value, option)


def _check_ref(value, option):
    """A job (JobRef) or source (SourceRef): an id and an optional version id."""
    problems = [_check_id(value[key], "%s.%s" % (option, key)) for key in ("id", "version_id") if value.get(key) is not None]
    return "; ".join(p for p in problems if p) or None


# ---------------------------------------------------------------------------------------------------------
# jobs and their versions

JOB_CONFIG_OPTIONS = dict(
    ray_job_config=dict(type="dict", options=dict(
        entrypoint=dict(type="str", required=True),
        metadata=dict(type="dict"),
        entrypoint_num_cpus=dict(type="float"),
        entrypoint_num_gpus=dict(type="float"),
        entrypoint_memory=dict(type="int"),
        entrypoint_resources=dict(type="dict"),
        submission_id=dict(type="str"),
        runtime_env=dict(type="dict", options=dict(
            working_dir=dict(type="str"),
            py_modules=dict(type="list", elements="str"),
            pip=dict(type="list", elements="str"),
            conda=dict(type="dict"),
            env_vars=dict(type="dict"),
            container=dict(type="dict"),
            worker_process_setup_hook=dict(type="str"),
            nsight=dict(type="str"),
            config=dict(type="str"),
        )),
    )),
    python_job_config=dict(type="dict", options=dict(
        resource_spec=dict(type="str", required=True),
        main_file_name=dict(type="str"),
        main_arguments=dict(type="list", elements="str"),
        python_packages=dict(type="list", elements="str"),
        working_dir=dict(type="str"),
        user_log_path=dict(type="str"),
    )),
    spark_job_config=dict(type="dict", options=dict(
        driver_resource_spec=dict(type="str", required=True),
        executor_resource_spec=dict(type="str", required=True),
        main_file_path=dict(type="str"),
        main_class=dict(type="str"),
        main_arguments=dict(type="list", elements="str"),
        spark_conf=dict(type="str"),
        num_executors=dict(type="int"),
        enable_dynamic_allocation=dict(type="bool"),
        min_num_executors=dict(type="int"),
        max_num_executors=dict(type="int"),
        user_log_path=dict(type="str"),
        metastore_id=dict(type="str"),
        metastore_catalog_id=dict(type="str"),
    )),
    timeout_seconds=dict(type="int"),
    max_retries=dict(type="int"),
    queue=dict(type="bool"),
    max_concurrent_runs=dict(type="int"),
)
JOB_KIND_CONFIGS = ("ray_job_config", "python_job_config", "spark_job_config")
CONFIG_OF_TYPE = dict(zip(JOB_TYPES, JOB_KIND_CONFIGS))

JOB_VERSION_OPTIONS = dict(
    name=dict(type="str", required=True),
    description=dict(type="str"),
    cap_white_list=dict(type="list", elements="str"),
    dependence_framework=dict(type="list", elements="dict", options=dict(
        name=dict(type="str", required=True),
        version_name=dict(type="str"),
    )),
    config=dict(type="dict", options=JOB_CONFIG_OPTIONS),
    state=dict(type="str", default="present", choices=["present", "absent"]),
)


def _check_job_version(value, option):
    problems = [MODEL_NAME(value["name"], option + ".name")]
    if value.get("description") is not None:
        problems.append(length_rule(1024)(value["description"], option + ".description"))
    if value.get("state") == "absent":
        if any(value.get(key) is not None for key in ("description", "config", "cap_white_list", "dependence_framework")):
            problems.append("%s with state=absent takes only the name of the version to remove" % option)
    else:
        config = value.get("config") or {}
        given = [key for key in JOB_KIND_CONFIGS if config.get(key) is not None]
        if len(given) != 1:
            problems.append("%s.config needs exactly one of %s (the one of the job's type), got %s" % (
                option, ", ".join(JOB_KIND_CONFIGS), ", ".join(given) or "none"))
        for key in ("timeout_seconds", "max_retries", "max_concurrent_runs"):
            if config.get(key) is not None and config[key] < 0:
                problems.append("%s.config.%s must be zero or more, got %s" % (option, key, config[key]))
    return "; ".join(p for p in problems if p) or None


class JobKind(Behaviour):
    """The first version of a job holds the configuration of the job's type: checked before the create is sent."""

    def create_fields(self, params):
        config = params["version"].get("config") or {}
        given = [key for key in JOB_KIND_CONFIGS if config.get(key) is not None]
        wanted = CONFIG_OF_TYPE[params["type"]]
        if given and given != [wanted]:
            raise ResourceError("version.config of a %s job needs %s, got %s" % (params["type"], wanted, ", ".join(given)))
        return {}


def _job_versions(client, job):
    return "versions", list_versions(client, JOB, job)


JOB = ResourceSpec(
    kind="job",
    label="job",
    path="/v1/workspaces/{workspace_id}/jobs",
    scope=WORKSPACE_SCOPE,
    name=NAME,
    checks={"name": MODEL_NAME},
    fields={
        "type": Field("type", updatable=False, required_for_create=True, choices=JOB_TYPES),
        "description": Field("description", check=length_rule(1024)),
        "current_endpoint_id": Field("current_endpoint_id", check=_check_id),
        "version": Field(None, type="dict", required_for_create=True, options=JOB_VERSION_OPTIONS,
                         check=_check_job_version),
        "current_version": Field(None, type="raw", check=_check_current_version),
        "purge_versions": Field(None, type="bool", default=False),
    },
    lifecycle=NO_STATUS,
    read_only=("create_time", "create_user", "update_time", "update_user", "versions", "visibility"),
    wire_case="snake",
    items_key="jobs",
    read_by_list=True,
    answers_ids=True,
    behaviours=[JobKind(), ModelVersions("job")],
    filters={
        "name": Filter("name"),
        "type": Filter("type", choices=JOB_TYPES),
        "endpoint_id": Filter("endpoint_id", check=_check_id),
        "create_by_me": Filter("create_by_me", type="bool"),
        "sort_by": Filter("sort_by", choices=["CREATE_TIME", "UPDATE_TIME", "NAME"]),
        "order_by": ORDER,
    },
    includes={"include_versions": _job_versions},
)


# ---------------------------------------------------------------------------------------------------------
# job runs (DataArtsFabricEpClient)

class CancelRun(Behaviour):
    """state=absent cancels a run that has not ended (its action ``cancel``) and waits until it has stopped; with
    ``purge`` it then deletes the run, its status and log paths with it, so that its name can start a new run."""

    def absent(self, engine, resource):
        run, spec, lifecycle, purge = resource, engine.spec, engine.spec.lifecycle, engine.params.get("purge")
        state = lifecycle.state(run)
        if run is None or state in lifecycle.gone or (state in lifecycle.stopped and not purge):
            return run, None, False
        ended, cancelling = state in lifecycle.stopped, state in lifecycle.deleting
        if cancelling and not purge:  # as the engine treats a resource being deleted
            if not engine.check_mode:
                engine.settle(run, None, gone=True)
            return run, None, False
        if purge and not ended and not engine.params.get("wait", True):
            raise ResourceError("the job run %s has not ended (%s): purge deletes it once it has stopped, which needs "
                                "wait=true" % (run["id"], state), id=run["id"])
        if engine.check_mode:
            return run, None, True
        if not ended:
            if not cancelling:
                engine.client.act(spec, run, "cancel", None)
                engine.mutated = True
            engine.settle(run, None, gone=True)
        if purge:
            try:
                engine.client.delete(spec, run, None)
            except ApiError as error:
                if not (error.status == 404 and error.attempts > 1):  # a retry after the delete's answer was lost
                    raise
            engine.mutated = True
        return run, None, True


JOB_RUN = ResourceSpec(
    kind="job_run",
    label="job run",
    path="/v1/workspaces/{workspace_id}/jobs/runs",
    scope=WORKSPACE_SCOPE,
    name=NAME,
    checks={"name": MODEL_NAME},
    fields={
        "job": Field("job", type="dict", required_for_create=True, options=dict(
            id=dict(type="str", required=True),
            version_id=dict(type="str", required=True),  # SDK 3.1.219's JobRef requires both
        ), check=_check_ref),
        "endpoint_id": Field("endpoint_id", required_for_create=True, check=_check_id),
        "purge": Field(None, type="bool", default=False),
    },
    lifecycle=Lifecycle(ready=["SUCCEEDED"], failed=["FAILED", "STOPPED"], deleting=["STOPPING", "DELETING"],
                        gone=["DELETED"], stopped=["SUCCEEDED", "FAILED", "STOPPED", "DELETED"], key="status",
                        details=("error_code", "error_msg")),
    behaviours=[CancelRun()],
    immutable=True,
    replace_hint="a run cannot run again: give another name to run the job again",
    change_hint="a run cannot be changed: give another name to run the job with these options",
    read_only=("create_time", "create_user", "duration", "error_code", "error_msg", "log_path", "status", "type",
               "update_time"),
    wire_case="snake",
    items_key="job_runs",
    answers_ids=True,
    filters={
        "name": Filter("name"),
        "job_id": Filter("job_id", check=_check_id),
        "version_id": Filter("version_id", check=_check_id),
        "endpoint_id": Filter("endpoint_id", check=_check_id),
        "status": Filter("status", choices=STATUSES),
        "type": Filter("type", choices=JOB_TYPES),
        "sort_by": Filter("sort_by", choices=["CREATE_TIME", "DURATION"]),
        "order_by": ORDER,
    },
)


# ---------------------------------------------------------------------------------------------------------
# service instances (DataArtsFabricEpClient)

SERVICE_TYPES = ["PGSQL_SERVICE", "LLM_MODEL"]
RESOURCE_DEMAND_OPTIONS = dict(
    spec_code=dict(type="str", required=True),
    min=dict(type="int", required=True),
    max=dict(type="int", required=True),
)
SERVICE_CONFIG_OPTIONS = dict(
    model_instance_config=dict(type="dict", options=dict(
        resource=dict(type="dict", required=True, options=RESOURCE_DEMAND_OPTIONS),
    )),
    pgsql_instance_config=dict(type="dict", options=dict(
        # SDK 3.1.219's PGSQLInstanceConfig requires all six
        coordinator_resource_spec=dict(type="str", required=True),
        worker_resource_spec=dict(type="str", required=True),
        coordinator_port=dict(type="int", required=True),
        coordinator_pod_label=dict(type="str", required=True),
        worker_pod_label=dict(type="str", required=True),
        runtime_param=dict(type="str", required=True),
    )),
)


def _check_service_config(value, option):
    given = [key for key in SERVICE_CONFIG_OPTIONS if value.get(key) is not None]
    problems = [] if len(given) == 1 else ["%s needs exactly one of %s, got %s" % (
        option, ", ".join(SERVICE_CONFIG_OPTIONS), ", ".join(given) or "none")]
    resource = (value.get("model_instance_config") or {}).get("resource")
    if resource and not (0 <= resource["min"] <= resource["max"] and 1 <= resource["max"] <= 1000):
        problems.append("%s.model_instance_config.resource needs 0 <= min <= max and 1 <= max <= 1000, got min=%s "
                        "max=%s" % (option, resource["min"], resource["max"]))
    port = (value.get("pgsql_instance_config") or {}).get("coordinator_port")
    if port is not None and not 1 <= port <= 65535:
        problems.append("%s.pgsql_instance_config.coordinator_port must be 1-65535, got %s" % (option, port))
    return "; ".join(problems) or None


class FixedSpecCode(Behaviour):
    """An update of a service instance's model resources takes ``min`` and ``max`` only (BaseDemand): its
    ``spec_code`` is sent on create and cannot change."""

    def changes(self, engine, current, want, changes):
        resource = ((changes.get("config") or {}).get("model_instance_config") or {}).get("resource")
        if not resource:
            return changes
        have = ((current.get("config") or {}).get("model_instance_config") or {}).get("resource") or {}
        if resource["spec_code"] != have.get("spec_code"):
            raise ResourceError("config.model_instance_config.resource.spec_code cannot be changed after the service "
                                "instance is created (it is %r, requested %r); delete and recreate it instead" % (
                                    have.get("spec_code"), resource["spec_code"]), id=current["id"])
        changes = dict(changes)
        changes["config"] = dict(changes["config"], model_instance_config={"resource": dict(
            (key, value) for key, value in resource.items() if key != "spec_code")})
        return changes

    def converge(self, engine, resource, created):
        # check mode predicts the update from the changes sent, which leave out the spec_code that stays
        resource_demand = ((resource.get("config") or {}).get("model_instance_config") or {}).get("resource")
        if engine.check_mode and not created and resource_demand is not None and "spec_code" not in resource_demand:
            resource = copy.deepcopy(resource)
            resource["config"]["model_instance_config"]["resource"]["spec_code"] = \
                engine.params["config"]["model_instance_config"]["resource"]["spec_code"]
        return resource, False, {}, {}


SERVICE_INSTANCE = ResourceSpec(
    kind="service_instance",
    label="service instance",
    path="/v1/workspaces/{workspace_id}/services/instances",
    scope=WORKSPACE_SCOPE,
    name=NAME,
    checks={"name": MODEL_NAME},
    fields={
        "description": Field("description", check=length_rule(1024)),
        "endpoint_id": Field("endpoint_id", updatable=False, required_for_create=True, check=_check_id),
        "source": Field("source", type="dict", required_for_create=True, check=_check_ref, options=dict(
            id=dict(type="str", required=True),
            version_id=dict(type="str"),
        )),
        "config": Field("config", type="dict", options=SERVICE_CONFIG_OPTIONS, check=_check_service_config),
    },
    lifecycle=Lifecycle(ready=["RUNNING"], failed=["FAILED", "STOPPED"], deleting=["DELETING"], gone=["DELETED"],
                        key="status", details=("error_code", "error_msg")),
    behaviours=[FixedSpecCode()],
    read_only=("create_time", "create_user", "duration", "error_code", "error_msg", "status", "type", "update_time",
               "update_user", "url", "visibility"),
    wire_case="snake",
    items_key="service_instances",
    answers_ids=True,
    filters={
        "name": Filter("name"),
        "endpoint_id": Filter("endpoint_id", check=_check_id),
        "source_id": Filter("source_id", check=_check_id),
        "version_id": Filter("version_id", check=_check_id),
        "type": Filter("type", choices=SERVICE_TYPES),
        "visibility": Filter("visibility", choices=VISIBILITY[:2]),
        "sort_by": Filter("sort_by", choices=["CREATE_TIME", "DURATION"]),
        "order_by": ORDER,
    },
)
