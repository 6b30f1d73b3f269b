# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Huawei Cloud DataArts Fabric resources, described as data for the resource engine: workspaces, models and
their versions, base models, endpoints."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.cloudai.control.plugins.module_utils.huawei_module import HUAWEI, check_resource_id
from ansible_collections.cloudai.control.plugins.module_utils.behaviours import Behaviour, RetryFailedUpdate
from ansible_collections.cloudai.control.plugins.module_utils.fabric_versions import (
    ModelVersions, current_version_name, list_versions,
)
from ansible_collections.cloudai.control.plugins.module_utils.spec import (
    Field, Filter, Key, Lifecycle, ResourceSpec, differs, without_secrets,
)
from ansible_collections.cloudai.control.plugins.module_utils.transport import ApiError

FABRIC = HUAWEI
NAME = Key("name", "name", "name")
WORKSPACE_SCOPE = Key("workspace_id", None, None)  # a path placeholder, not a field of the resource
NO_STATUS = Lifecycle(ready=[None], key="status")  # workspaces and models have no status field
VISIBILITY = ["PRIVATE", "PUBLIC", "ALL"]
MODEL_TYPES = ["LLM_MODEL"]
ENDPOINT_TYPES = ["service", "ray", "inference", "job", "ray_service", "sql", "container_job", "notebook"]
OBS_PATH = re.compile(r"^obs://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]/[^\x00-\x1f]+$")


def name_rule(low, high, words, characters):
    """A check for a name of ``low``-``high`` characters from the ``characters`` regex class."""
    pattern = re.compile(r"^[%s]{%d,%d}$" % (characters, low, high))

    def check(value, option):
        if not pattern.match(value):
            return "%s must be %d-%d characters of %s, got %r" % (option, low, high, words, value)
        return None
    return check


def length_rule(high, low=0):
    def check(value, option):
        if not low <= len(value) <= high:
            return "%s must be %d-%d characters long, got %d" % (option, low, high, len(value))
        return None
    return check


def id_rule(high, low=1):
    """An id of the cloud (letters, digits and '-') of ``low``-``high`` characters."""
    length = length_rule(high, low)

    def check(value, option):
        return check_resource_id(value, option, None) or length(value, option)
    return check


WORKSPACE_NAME = name_rule(4, 32, "letters, digits and '-'", "A-Za-z0-9-")
MODEL_NAME = name_rule(1, 64, "letters, digits, '-', '_', '.' and spaces", r"\w\-. ")  # \w: letters of any script
# the create takes '.' and spaces too, but the list call's name filter does not: such a name could not be found again
ENDPOINT_NAME = name_rule(1, 128, "letters (Chinese too), digits, '_' and '-'", r"\w\-")
# ListWorkspaces requires it; all_granted_eps (every enterprise project the caller may see) is its documented default
ENTERPRISE_PROJECT_ID = name_rule(1, 36, "letters, digits, '_' and '-'", r"A-Za-z0-9_\-")


def _check_current_version(value, option):
    name = current_version_name(value)
    if not isinstance(name, str):
        return "%s must be a version name, or a dict with the name of one as fabric_model_info returns it, got %r" % (
            option, value)
    return MODEL_NAME(name, option)


def check_model_path(value, option):
    if not OBS_PATH.match(value):
        return "%s must be an OBS path obs://<bucket>/<path> (bucket of 3-63 lower-case letters, digits, '-' and " \
               "'.'), got %r" % (option, value)
    return None


# ---------------------------------------------------------------------------------------------------------
# workspaces, their tags and their metrics setting

# the tag calls sit under the project, not under /v1/workspaces
WORKSPACE_TAGS = ResourceSpec(kind="tag", label="workspace tags", path="/v1/{project_id}/fabric-workspace",
                              lifecycle=Lifecycle(ready=[None], key="status"))
TAG_TEXT = re.compile(r"^[^=*<>\\,|/\x00-\x1f]*$")


def _check_tags(value, option):
    problems = []
    for key, tag_value in value.items():
        if not 1 <= len(key) <= 128 or not TAG_TEXT.match(key):
            problems.append("%s key %r must be 1-128 characters without = * < > \\ , | / or control characters" % (option, key))
        if not isinstance(tag_value, str) or len(tag_value) > 255 or not TAG_TEXT.match(tag_value):
            problems.append("%s value of %r must be a string of 0-255 characters without = * < > \\ , | / or control "
                            "characters, got %r" % (option, key, tag_value))
    if len(value) > 20:
        problems.append("%s may hold at most 20 tags, got %d" % (option, len(value)))
    return "; ".join(problems) or None


def workspace_tags(client, workspace):
    return dict((tag.get("key"), tag.get("value", "")) for tag in client.children(WORKSPACE_TAGS, workspace, "tags", "tags"))


class WorkspaceTags(Behaviour):
    """``tags`` (key -> value) are set and removed with the service's tag calls, never by an update: with
    ``purge_tags`` the given tags are the exact set, else they are added to the others."""

    def converge(self, engine, resource, created):
        wanted = engine.params.get("tags")
        if wanted is None:
            return resource, False, {}, {}
        have = {} if created else workspace_tags(engine.client, resource)
        purge = engine.params.get("purge_tags")
        unset = [{"key": key, "value": value} for key, value in have.items() if purge and key not in wanted]
        add = [{"key": key, "value": value} for key, value in wanted.items() if have.get(key) != value]
        after = dict((key, value) for key, value in have.items() if not purge or key in wanted)
        after.update(wanted)
        if (unset or add) and not engine.check_mode:
            if unset:
                engine.client.act(WORKSPACE_TAGS, resource, "tags/delete", None, {"tags": unset})
                engine.mutated = True
            if add:
                engine.client.act(WORKSPACE_TAGS, resource, "tags/create", None, {"tags": add})
                engine.mutated = True
        return dict(resource, tags=after), bool(unset or add), {"tags": have}, {"tags": after}


class WorkspaceMetrics(Behaviour):
    """``metrics_enabled`` switches the collection of the workspace's metrics to AOM. The service has no call that reads
    the setting: it is sent on every run that gives it, and reported as a change."""

    def converge(self, engine, resource, created):
        wanted = engine.params.get("metrics_enabled")
        if wanted is None:
            return resource, False, {}, {}
        if not engine.check_mode:
            engine.client.set_part(engine.spec, resource, "metrics", {"enable": wanted})
            engine.mutated = True
        return dict(resource, metrics_enabled=wanted), True, {}, {"metrics_enabled": wanted}


def _tagged_workspaces(client, tags):
    """The ids of the workspaces that carry every given tag (a value of '' or None: any value of that key)."""
    body = {"tags": [{"key": key, "values": [value] if value else []} for key, value in tags.items()]}
    return [w.get("resource_id") for w in client.pages(WORKSPACE_TAGS.path + "/resource-instances/filter", [],
                                                       "resources", body=body, total_key="total_count")]


def _workspace_in_use(client, workspace):
    endpoints = client.children(WORKSPACE, workspace, "endpoints", "endpoints")
    return ["endpoint %s (%s)" % (e.get("name"), e["id"]) for e in endpoints if e.get("status") != "DELETED"]


WORKSPACE = ResourceSpec(
    kind="workspace",
    label="workspace",
    path="/v1/workspaces",
    name=NAME,
    checks={"name": WORKSPACE_NAME},
    fields={
        "description": Field("description", check=length_rule(255)),
        "metastore_id": Field("metastore_id", check=id_rule(36, 32)),
        "enterprise_project_id": Field("enterprise_project_id", updatable=False, check=id_rule(64)),
        "tags": Field(None, type="dict", check=_check_tags),
        "purge_tags": Field(None, type="bool", default=True),
        "metrics_enabled": Field(None, type="bool"),
    },
    behaviours=[WorkspaceTags(), WorkspaceMetrics()],
    includes={"include_tags": lambda client, workspace: ("tags", workspace_tags(client, workspace))},
    lifecycle=NO_STATUS,
    read_only=("access_url", "create_domain_name", "create_time", "create_user_name"),
    wire_case="snake",
    items_key="workspaces",
    read_by_list=True,
    in_use=_workspace_in_use,
    filters={
        "name": Filter("name"),
        "enterprise_project_id": Filter("enterprise_project_id", check=ENTERPRISE_PROJECT_ID),
        "tags": Filter(type="dict", check=_check_tags, select=_tagged_workspaces),
    },
    list_params=[("enterprise_project_id", "all_granted_eps")],
)


# ---------------------------------------------------------------------------------------------------------
# models and their versions

VERSION_OPTIONS = dict(
    name=dict(type="str", required=True),
    description=dict(type="str"),
    config=dict(type="dict", options=dict(
        llm_model_config=dict(type="dict", required=True, options=dict(
            base_model_type=dict(type="str", required=True),
            model_path=dict(type="str", required=True),  # SDK 3.1.219 LlmModelConfig: both required, no local path
        )),
    )),
    state=dict(type="str", default="present", choices=["present", "absent"]),
)


def _check_version(value, option):
    problems = [MODEL_NAME(value["name"], option + ".name")]
    if value.get("description") is not None:
        problems.append(length_rule(1024)(value["description"], option + ".description"))
    llm = (value.get("config") or {}).get("llm_model_config") or {}
    prefix = option + ".config.llm_model_config."
    if llm.get("model_path") is not None:
        problems.append(check_model_path(llm["model_path"], prefix + "model_path"))
    if value.get("state") == "absent" and (value.get("config") or value.get("description") is not None):
        problems.append("%s with state=absent takes only the name of the version to remove" % option)
    return "; ".join(p for p in problems if p) or None


def _versions_of(client, model):
    return "versions", list_versions(client, MODEL, model)


def _endpoints_using_model(client, model):
    endpoints = client.search(ENDPOINT, None, None, [("model_id", model["id"])])
    return ["endpoint %s (%s)" % (e.get("name"), e["id"]) for e in endpoints]


MODEL = ResourceSpec(
    kind="model",
    label="model",
    path="/v1/workspaces/{workspace_id}/models",
    scope=WORKSPACE_SCOPE,
    name=NAME,
    checks={"name": MODEL_NAME},
    fields={
        "type": Field("type", updatable=False, choices=MODEL_TYPES, default="LLM_MODEL"),
        "description": Field("description", check=length_rule(1024)),
        "version": Field(None, type="dict", required_for_create=True, options=VERSION_OPTIONS, check=_check_version),
        "current_version": Field(None, type="raw", check=_check_current_version),
        "purge_versions": Field(None, type="bool", default=False),
    },
    lifecycle=NO_STATUS,
    read_only=("create_time", "create_user", "update_time", "update_user", "versions", "visibility"),
    wire_case="snake",
    items_key="models",
    read_by_list=True,
    behaviours=[ModelVersions()],
    in_use=_endpoints_using_model,
    filters={
        "name": Filter("name"),
        "type": Filter("type", choices=MODEL_TYPES),
        "visibility": Filter("visibility", choices=VISIBILITY),
        "sort_by": Filter("sort_by", choices=["CREATE_TIME", "UPDATE_TIME", "NAME"]),
        "order_by": Filter("order_by", choices=["ASC", "DESC"]),
    },
    includes={"include_versions": _versions_of},
)


# ---------------------------------------------------------------------------------------------------------
# base models

BASE_MODEL = ResourceSpec(
    kind="base_model",
    label="base model",
    path="/v1/base-models",
    lifecycle=NO_STATUS,
    wire_case="snake",
    items_key="models",
    has_id=False,
    filters={"base_model_type": Filter(wire="base_model_type")},
)


# ---------------------------------------------------------------------------------------------------------
# endpoints

RESOURCE_DEF = dict(
    spec_code=dict(type="str", required=True),
    warm_up_num=dict(type="int", required=True),
    max_num=dict(type="int"),
)
RESOURCE_DEMAND = dict(
    spec_code=dict(type="str", required=True),
    min=dict(type="int", required=True),
    max=dict(type="int", required=True),
)
RESERVED_RESOURCE_OPTIONS = dict(
    apu=dict(type="dict", options=RESOURCE_DEF),
    dpu=dict(type="dict", options=RESOURCE_DEF),
    mu=dict(type="dict", options=RESOURCE_DEMAND),
)


def _check_demand(demand, option):
    if not 0 <= demand["min"] <= demand["max"]:
        return "%s needs 0 <= min <= max, got min=%s max=%s" % (option, demand["min"], demand["max"])
    return None


def _check_reserved_resource(value, option):
    problems = []
    for unit in ("apu", "dpu"):
        given = value.get(unit)
        if not given:
            continue
        if given["warm_up_num"] < 0:
            problems.append("%s.%s.warm_up_num must be zero or more, got %s" % (option, unit, given["warm_up_num"]))
        if given.get("max_num") is not None and given["max_num"] < given["warm_up_num"]:
            problems.append("%s.%s.max_num must be at least warm_up_num (%s), got %s" % (
                option, unit, given["warm_up_num"], given["max_num"]))
    if value.get("mu"):
        problems.append(_check_demand(value["mu"], option + ".mu"))
    if not any(value.get(unit) for unit in ("apu", "dpu", "mu")):
        problems.append("%s needs at least one of apu, dpu and mu" % option)
    return "; ".join(p for p in problems if p) or None


RAY_RESOURCE_OPTIONS = dict(
    head_node_resource=dict(type="dict", required=True, options=dict(spec_code=dict(type="str", required=True))),
    work_node_resources=dict(type="list", elements="dict", required=True, options=dict(
        name=dict(type="str", required=True),
        resource=dict(type="dict", required=True, options=RESOURCE_DEMAND),
    )),
)


def _check_cap(value, option):
    problems = [id_rule(36, 32)(value[key], "%s.%s" % (option, key)) for key in ("cap_id", "version_id")
                if value.get(key) is not None]
    return "; ".join(p for p in problems if p) or None


def _check_ray_resource(value, option):
    problems = [_check_demand(node["resource"], "%s.work_node_resources[%d].resource" % (option, index))
                for index, node in enumerate(value["work_node_resources"])]
    return "; ".join(p for p in problems if p) or None


def ray_resource_info(ray):
    """A ray_resource as endpoints show it: RayResourceInfo has another shape than the RayResourceInput sent."""
    return {"head_group_spec": {"spec_code": ray["head_node_resource"]["spec_code"]},
            "worker_group_spec": [{"name": node["name"], "spec_code": node["resource"]["spec_code"],
                                   "min_replicas": node["resource"]["min"], "max_replicas": node["resource"]["max"]}
                                  for node in ray["work_node_resources"]]}


class Subscribe(Behaviour):
    """``subscribe: true`` subscribes the workspace to the (public) endpoint. The service has no call that shows a
    subscription: it is sent on every run that asks for it, and reported as a change."""

    def converge(self, engine, resource, created):
        if not engine.params.get("subscribe"):
            return resource, False, {}, {}
        if not engine.check_mode:
            engine.client.act(engine.spec, resource, "subscribe", None)
            engine.mutated = True
        return resource, True, {}, {"subscribe": True}


def _check_subscribe(value, option):
    return None if value else "%s can only be true: the service has no call that ends a subscription" % option


def _previous_version(client, endpoint):
    """The endpoint's configuration before its last update, or None when it was never updated."""
    try:
        previous = client.call("GET", ENDPOINT.path + "/{id}", params=[("version", "PREVIOUS")], ids={"id": endpoint["id"]})
    except ApiError as error:
        if error.status == 404:
            return "previous", None
        raise
    return "previous", without_secrets(ENDPOINT, previous.resource())


def _public_access_differs(want, endpoint):
    # the endpoint shows it as its visibility
    return endpoint.get("visibility") is not None and (endpoint["visibility"] == "PUBLIC") != want


ENDPOINT = ResourceSpec(
    kind="endpoint",
    label="endpoint",
    path="/v1/workspaces/{workspace_id}/endpoints",
    scope=WORKSPACE_SCOPE,
    name=NAME,
    checks={"name": ENDPOINT_NAME},
    fields={
        "type": Field("type", updatable=False, required_for_create=True, choices=ENDPOINT_TYPES),
        "description": Field("description", check=length_rule(1024)),
        "reserved_resource": Field("reserved_resource", type="dict", options=RESERVED_RESOURCE_OPTIONS,
                                   check=_check_reserved_resource),
        "ray_resource": Field("ray_resource", type="dict", options=RAY_RESOURCE_OPTIONS, check=_check_ray_resource,
                              compare=lambda want, endpoint: differs(ray_resource_info(want), endpoint.get("ray_resource"))),
        "cap": Field("cap", type="dict", check=_check_cap, options=dict(
            cap_id=dict(type="str"),
            version_id=dict(type="str"),
        )),
        "config": Field("config", type="dict", updatable=False, options=dict(
            ray_service_config=dict(type="dict", required=True),
        )),
        # the service does not show an endpoint's caches: sent on create, never compared
        "cache_list": Field("cache_list", type="list", elements="dict", updatable=False,
                            compare=lambda want, endpoint: False, options=dict(
                                mnt_path=dict(type="str", required=True),
                                cache_ins_id=dict(type="str", required=True),
                            )),
        "public_access": Field("public_access", type="bool", updatable=False, compare=_public_access_differs),
        "custom_image_id": Field("custom_image_id", updatable=False, check=id_rule(36, 32)),
        "subscribe": Field(None, type="bool", check=_check_subscribe),
    },
    lifecycle=Lifecycle(ready=["RUNNING"], failed=["CREATE_FAILED", "UPDATE_FAILED", "DELETE_FAILED", "FROZEN", "INACTIVE"],
                        deleting=["DELETING"], gone=["DELETED"], key="status", details=("error_code", "error_msg")),
    behaviours=[RetryFailedUpdate(["UPDATE_FAILED"]), Subscribe()],
    read_only=("business_engine_instance_ids", "create_time", "error_code", "error_msg", "owner", "previous",
               "runtime_env_type", "status", "tokens_quota", "update_time", "urls", "visibility"),
    includes={"include_previous": _previous_version},
    wire_case="snake",
    items_key="endpoints",
    secrets={"urls": ("token",)},
    filters={
        "name": Filter("name"),
        "model_id": Filter("model_id", check=lambda value, option: check_resource_id(value, option, None)),
        "type": Filter("type", choices=ENDPOINT_TYPES),
        "visibility": Filter("visibility", choices=VISIBILITY),
    },
)
