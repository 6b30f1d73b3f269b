# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The DataArts Fabric specs (fabric.py) run by the engine against the emulator: requests sent, versions,
endpoint states, what is refused before anything is sent."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import time

import pytest

from ansible_collections.cloudai.control.plugins.module_utils import fabric
from ansible_collections.cloudai.control.plugins.module_utils.fabric import BASE_MODEL, ENDPOINT, MODEL, WORKSPACE
from ansible_collections.cloudai.control.plugins.module_utils.huawei_auth import AkSkSigner
from ansible_collections.cloudai.control.plugins.module_utils.huawei_client import HuaweiClient
from ansible_collections.cloudai.control.plugins.module_utils.engine import Engine, list_resources
from ansible_collections.cloudai.control.plugins.module_utils.spec import ResourceError
from ansible_collections.cloudai.control.plugins.module_utils.transport import Transport
from emulator.config import TEST_HUAWEI_AK, TEST_HUAWEI_PROJECT, TEST_HUAWEI_SK
from emulator.testing import AdminClient

OBS = "obs://it-bucket/qwen2-7b/"


def version(name, path=OBS, **extra):
    return dict(dict(name=name, description=None, state="present",
                     config=dict(llm_model_config=dict(base_model_type="QWEN2_7B", model_path=path))),
                **extra)


@pytest.fixture
def cloud(emulator):
    emulator.emulator.settings.delay = 0.2
    return Cloud(emulator.url)


class Cloud:
    """Runs the engine with module-like parameters and tells which requests reached the emulator."""

    def __init__(self, url):
        self.url = url
        self.admin = AdminClient(url)

    def client(self, params):
        signer = AkSkSigner(TEST_HUAWEI_AK, TEST_HUAWEI_SK, TEST_HUAWEI_PROJECT)
        return HuaweiClient(Transport(signer, sleep=lambda seconds: None), self.url, path_params=params)

    def run(self, spec, check_mode=False, **params):
        full = dict(state="present", wait=True, wait_timeout=30)
        full.update((option, field.argspec.get("default")) for option, field in spec.fields.items())  # as the argspec would
        full.update(params)
        self.admin.call("DELETE", "/requests")
        engine = Engine(spec, self.client(full), full, check_mode=check_mode, diff_mode=True,
                        sleep=lambda seconds: time.sleep(0.05))
        return engine.run()

    def fails(self, spec, **params):
        with pytest.raises(ResourceError) as caught:
            self.run(spec, **params)
        return caught.value

    def sent(self):
        """(method, path suffix, query) of the requests since the last run began."""
        return [(r["method"], r["path"].rsplit("/v1/", 1)[-1], r["query"]) for r in self.admin.requests_log()]

    def mutations(self):
        return [entry[:2] for entry in self.sent() if entry[0] != "GET"]


def workspace(cloud, name="ws-models"):
    return cloud.run(WORKSPACE, name=name)["workspace"]["id"]


def test_model_versions_are_added_switched_and_removed_only_when_asked(cloud):
    ws = workspace(cloud)
    model = dict(workspace_id=ws, name="qwen", description="first", version=version("v1"))
    created = cloud.run(MODEL, **model)
    model_id = created["model"]["id"]
    assert created["changed"] and created["model"]["current_version"]["name"] == "v1"
    assert [s[0] for s in cloud.sent()] == ["GET", "POST", "GET"]  # look up the name, create, read it
    assert created["diff"] == {"before": {}, "after": {"name": "qwen", "description": "first", "type": "LLM_MODEL",
                                                       "current_version": "v1", "versions": ["v1"]}}

    again = cloud.run(MODEL, **model)
    assert again["changed"] is False and len(cloud.sent()) == 1  # the current version is in the model itself
    by_id = cloud.run(MODEL, workspace_id=ws, id=model_id, version=version("v1"), current_version="v1")
    assert by_id["changed"] is False and [s[2] for s in cloud.sent()] == ["id=%s&offset=0&limit=100" % model_id]

    second = dict(model, version=version("v2", OBS + "v2/"))
    predicted = cloud.run(MODEL, check_mode=True, **second)
    assert cloud.mutations() == [] and predicted["model"]["current_version"]["name"] == "v2"
    added = cloud.run(MODEL, **second)
    assert cloud.mutations() == [("PUT", "workspaces/%s/models/%s" % (ws, model_id))]
    assert added["model"]["current_version"]["name"] == "v2" and added["diff"] == predicted["diff"]
    same = {"name": "qwen", "description": "first", "type": "LLM_MODEL"}
    assert added["diff"] == {"before": dict(same, current_version="v1", versions=["v1"]),
                             "after": dict(same, current_version="v2", versions=["v1", "v2"])}

    back = dict(second, current_version="v1")
    switched = cloud.run(MODEL, **back)
    assert switched["model"]["current_version"]["name"] == "v1" and len(cloud.mutations()) == 1
    assert cloud.run(MODEL, **back)["changed"] is False and len(cloud.sent()) == 2  # model + its versions

    third = cloud.run(MODEL, **dict(back, version=version("v3")))
    assert third["model"]["current_version"]["name"] == "v1" and len(cloud.mutations()) == 1  # one PUT for both
    names = [v["name"] for v in list_resources(MODEL, cloud.client({"workspace_id": ws}), dict(
        workspace_id=ws, id=model_id, include_versions=True))[0]["versions"]]
    assert names == ["v3", "v2", "v1"]

    purge = dict(back, purge_versions=True)
    predicted = cloud.run(MODEL, check_mode=True, **purge)
    assert cloud.mutations() == [] and predicted["changed"]
    purged = cloud.run(MODEL, **purge)
    assert purged["diff"] == predicted["diff"] == {"before": dict(same, current_version="v1", versions=["v1", "v2", "v3"]),
                                                   "after": dict(same, current_version="v1", versions=["v1", "v2"])}
    assert [m[0] for m in cloud.mutations()] == ["DELETE"] and cloud.run(MODEL, **purge)["changed"] is False

    refused = cloud.fails(MODEL, workspace_id=ws, id=model_id, version=dict(version("v1"), state="absent", config=None))
    assert "current version" in str(refused) and "set current_version to another version first" in str(refused)
    assert cloud.mutations() == []
    removed = cloud.run(MODEL, workspace_id=ws, id=model_id, current_version="v2",
                        version=dict(version("v1"), state="absent", config=None))
    assert removed["model"]["current_version"]["name"] == "v2"
    assert [m[0] for m in cloud.mutations()] == ["PUT", "DELETE"]

    gone = cloud.run(MODEL, workspace_id=ws, name="qwen", state="absent")
    assert gone["changed"] and gone["model"] is None and cloud.mutations() == [("DELETE", "workspaces/%s/models/%s" % (ws, model_id))]
    assert cloud.run(MODEL, workspace_id=ws, name="qwen", state="absent")["changed"] is False


def test_a_version_cannot_change_and_a_current_version_must_exist(cloud):
    ws = workspace(cloud)
    model_id = cloud.run(MODEL, workspace_id=ws, name="m", version=version("v1"))["model"]["id"]
    changed = cloud.fails(MODEL, workspace_id=ws, id=model_id, version=version("v1", "obs://it-bucket/other/"))
    assert "already exists with other content" in str(changed) and "new version name" in str(changed)
    missing = cloud.fails(MODEL, workspace_id=ws, id=model_id, current_version="v9")
    assert "current_version 'v9' is not a version" in str(missing) and "v1" in str(missing)
    on_create = cloud.fails(MODEL, workspace_id=ws, name="new", version=version("v1"), current_version="v2")
    assert "not a version of the model to be created" in str(on_create)
    absent_on_create = cloud.fails(MODEL, workspace_id=ws, name="new", version=dict(version("v1"), state="absent"))
    assert "no model 'new'" in str(absent_on_create)
    assert cloud.fails(MODEL, workspace_id=ws, name="new").args[0] == "option is required to create a model: version"
    assert cloud.mutations() == []


def test_endpoint_waits_until_running_and_reports_a_failure(cloud):
    ws = workspace(cloud)
    model = cloud.run(MODEL, workspace_id=ws, name="m", version=version("v1"))["model"]
    cap = dict(cap_id=model["id"], version_id=model["current_version"]["id"])
    endpoint = dict(workspace_id=ws, name="serve", type="inference", cap=cap,
                    reserved_resource=dict(mu=dict(spec_code="mu.small", min=1, max=2)))
    created = cloud.run(ENDPOINT, **endpoint)
    assert created["endpoint"]["status"] == "RUNNING" and created["endpoint"]["urls"][0]["name"] == "ApiInvoke"
    assert "token" not in created["endpoint"]["urls"][0] and "ek-" not in repr(created)  # the invoke token is a secret
    assert cloud.run(ENDPOINT, **endpoint)["changed"] is False and len(cloud.sent()) == 1

    updated = cloud.run(ENDPOINT, workspace_id=ws, id=created["endpoint"]["id"], description="new")
    assert updated["endpoint"]["status"] == "RUNNING" and updated["endpoint"]["description"] == "new"
    assert updated["diff"] == {"before": {"description": ""}, "after": {"description": "new"}}

    in_use = cloud.fails(MODEL, workspace_id=ws, id=model["id"], state="absent")
    assert "in use by endpoint serve (%s)" % created["endpoint"]["id"] in str(in_use)

    cloud.admin.put("/settings", {"next_outcome": {"FabricEndpoint": "FAILED"}})
    failed = cloud.fails(ENDPOINT, **dict(endpoint, name="serve-2"))
    assert "CREATE_FAILED (fabric.03000101: The endpoint could not be started" in str(failed)
    assert failed.details["id"] and failed.details["endpoint"]["error_code"] == "fabric.03000101"
    assert cloud.run(ENDPOINT, workspace_id=ws, id=failed.details["id"], state="absent")["changed"]
    assert cloud.run(ENDPOINT, workspace_id=ws, name="serve", state="absent")["changed"]
    assert cloud.run(ENDPOINT, workspace_id=ws, name="serve", state="absent")["changed"] is False
    assert cloud.run(WORKSPACE, id=ws, state="absent")["changed"]


def test_workspaces_are_listed_with_the_required_enterprise_project_id(cloud):
    ws = workspace(cloud, "ws-listed")
    assert cloud.sent()[0] == ("GET", "workspaces", "enterprise_project_id=all_granted_eps&name=ws-listed&offset=0&limit=100")
    assert cloud.run(WORKSPACE, id=ws, description="d")["changed"]
    assert cloud.sent()[0] == ("GET", "workspaces", "id=%s&enterprise_project_id=all_granted_eps&offset=0&limit=100" % ws)
    client = cloud.client({})
    assert [w["id"] for w in list_resources(WORKSPACE, client, {"name": "ws-listed"})] == [ws]
    assert list_resources(WORKSPACE, client, {"enterprise_project_id": "ep-1"}) == []
    assert [r["query"] for r in cloud.admin.requests_log()][-1] == "enterprise_project_id=ep-1&offset=0&limit=100"


def test_ray_resource_cache_list_and_public_access(cloud):
    ws = workspace(cloud, "ws-ray")
    ray = dict(head_node_resource=dict(spec_code="head.4u"),
               work_node_resources=[dict(name="workers", resource=dict(spec_code="work.8u", min=1, max=2))])
    endpoint = dict(workspace_id=ws, name="ray-1", type="ray", ray_resource=ray, public_access=True,
                    cache_list=[dict(mnt_path="/cache", cache_ins_id="cache-1")])
    created = cloud.run(ENDPOINT, **endpoint)["endpoint"]
    assert created["visibility"] == "PUBLIC" and created["ray_resource"]["worker_group_spec"][0]["max_replicas"] == 2
    # the endpoint shows ray_resource in another shape and public_access as its visibility: nothing differs
    assert cloud.run(ENDPOINT, **endpoint)["changed"] is False
    assert cloud.mutations() == []
    bigger = dict(ray, work_node_resources=[dict(name="workers", resource=dict(spec_code="work.8u", min=1, max=4))])
    updated = cloud.run(ENDPOINT, **dict(endpoint, ray_resource=bigger))
    assert updated["changed"] and updated["endpoint"]["ray_resource"]["worker_group_spec"][0]["max_replicas"] == 4
    assert cloud.mutations() == [("PUT", "workspaces/%s/endpoints/%s" % (ws, created["id"]))]
    refused = cloud.fails(ENDPOINT, **dict(endpoint, public_access=False))
    assert "public_access cannot be changed after the endpoint is created" in str(refused)


def test_base_models_and_workspace_in_use(cloud):
    base = list_resources(BASE_MODEL, cloud.client({}), {})
    assert len(base) >= 25 and all(set(m) == {"base_model_type", "max_tokens", "num_of_mu"} for m in base)
    assert list_resources(BASE_MODEL, cloud.client({}), {"base_model_type": "QWEN2_7B"}) == [
        dict(base_model_type="QWEN2_7B", max_tokens=32768, num_of_mu=4)]

    ws = workspace(cloud, "ws-busy")
    cloud.run(ENDPOINT, workspace_id=ws, name="ray-1", type="ray", wait=False)
    busy = cloud.fails(WORKSPACE, id=ws, state="absent")
    assert "in use by endpoint ray-1" in str(busy)
    with pytest.raises(ResourceError) as predicted:  # check mode tells the same, sending nothing that changes
        cloud.run(WORKSPACE, check_mode=True, id=ws, state="absent")
    assert str(predicted.value) == str(busy).split(" (DELETE ", maxsplit=1)[0] and cloud.mutations() == []


def test_teardown_after_the_workspace_is_gone_is_ok(cloud):
    ws = workspace(cloud, "ws-gone")
    model = cloud.run(MODEL, workspace_id=ws, name="m", version=version("v1"))["model"]
    cloud.run(ENDPOINT, workspace_id=ws, name="e", type="ray", wait=False)
    cloud.run(ENDPOINT, workspace_id=ws, name="e", state="absent")
    cloud.run(WORKSPACE, id=ws, state="absent")
    for spec, params in ((MODEL, dict(name="m")), (MODEL, dict(id=model["id"])), (ENDPOINT, dict(name="e"))):
        for check_mode in (True, False):
            result = cloud.run(spec, check_mode=check_mode, workspace_id=ws, state="absent", **params)
            assert result["changed"] is False and cloud.mutations() == []


@pytest.mark.parametrize("check, value, words", [
    (fabric.WORKSPACE_NAME, "ws", "4-32 characters of letters, digits and '-'"),
    (fabric.WORKSPACE_NAME, "ws_under", "got 'ws_under'"),
    (fabric.MODEL_NAME, "m" * 65, "1-64 characters"),
    (fabric.MODEL_NAME, "a/b", "letters, digits, '-', '_', '.' and spaces"),
    (fabric.check_model_path, "s3://bucket/x", "obs://<bucket>/<path>"),
    (fabric.check_model_path, "obs://Bucket/x", "obs://<bucket>/<path>"),
    (fabric.check_model_path, "obs://bucket", "obs://<bucket>/<path>"),
    # the list call's name filter takes no '.' nor space: such an endpoint could not be found again by name
    (fabric.ENDPOINT_NAME, "serve.qwen", "letters (Chinese too), digits, '_' and '-'"),
    (fabric.ENDPOINT_NAME, "serve qwen", "letters (Chinese too), digits, '_' and '-'"),
    (fabric.ENTERPRISE_PROJECT_ID, "e" * 37, "1-36 characters of letters, digits, '_' and '-'"),
    (fabric.ENTERPRISE_PROJECT_ID, "ep.1", "1-36 characters"),
    (fabric.ENDPOINT.fields["custom_image_id"].check, "image-1", "32-36 characters"),
])
def test_names_and_paths_are_checked_naming_the_option_and_the_rule(check, value, words):
    problem = check(value, "the_option")
    assert problem.startswith("the_option must") and words in problem


@pytest.mark.parametrize("check, value", [
    (fabric.WORKSPACE_NAME, "ws-01"), (fabric.MODEL_NAME, "千问 model_1.5-b"), (fabric.check_model_path, OBS),
    (fabric.ENDPOINT_NAME, "e" * 128), (fabric.ENDPOINT_NAME, "千问_serve-1"),
    (fabric.ENTERPRISE_PROJECT_ID, "all_granted_eps"), (fabric.ENDPOINT.fields["custom_image_id"].check, "c" * 32),
])
def test_good_names_and_paths_pass(check, value):
    assert check(value, "option") is None


@pytest.mark.parametrize("tags, words", [
    ({"a=b": "x"}, "key 'a=b' must be 1-128 characters"),
    ({"k": 1}, "value of 'k' must be a string"),
    ({"k": "a/b"}, "value of 'k' must be a string of 0-255 characters"),
    (dict(("k%d" % n, "v") for n in range(21)), "at most 20 tags"),
])
def test_workspace_tags_are_checked(tags, words):
    assert words in fabric.WORKSPACE.fields["tags"].check(tags, "tags")
    assert fabric.WORKSPACE.fields["tags"].check({"team": "ml", "empty": ""}, "tags") is None


def test_version_and_resource_checks_name_nested_options():
    problem = fabric.MODEL.fields["version"].check(version("bad/name", "s3://x/y"), "version")
    assert "version.name must be" in problem and "version.config.llm_model_config.model_path must be" in problem
    problem = fabric.ENDPOINT.fields["reserved_resource"].check(
        dict(mu=dict(spec_code="m", min=3, max=2), apu=dict(spec_code="a", warm_up_num=2, max_num=1)), "reserved_resource")
    assert "reserved_resource.mu needs 0 <= min <= max" in problem and "reserved_resource.apu.max_num" in problem
    problem = fabric.ENDPOINT.fields["cap"].check(dict(cap_id="a b", version_id="ok-1"), "cap")
    assert problem.startswith("cap.cap_id must be") and "cap.version_id must be 32-36 characters" in problem
    assert fabric.ENDPOINT.fields["cap"].check(dict(cap_id="c" * 32, version_id=None), "cap") is None  # CapRef: optional
    problem = fabric.ENDPOINT.fields["ray_resource"].check(dict(head_node_resource=dict(spec_code="h"), work_node_resources=[
        dict(name="w", resource=dict(spec_code="w", min=3, max=2))]), "ray_resource")
    assert problem == "ray_resource.work_node_resources[0].resource needs 0 <= min <= max, got min=3 max=2"


def test_a_new_version_is_switched_to_when_the_service_does_not_make_it_current(cloud, monkeypatch):
    from emulator.fabric import FabricService
    add_version = FabricService._new_version

    def keeping_the_current_version(self, model, new):
        current = getattr(model, "current_version_id", None)
        added = add_version(self, model, new)
        model.current_version_id = current or added["id"]
        return added

    monkeypatch.setattr(FabricService, "_new_version", keeping_the_current_version)
    ws = workspace(cloud)
    model_id = cloud.run(MODEL, workspace_id=ws, name="m", version=version("v1"))["model"]["id"]
    result = cloud.run(MODEL, workspace_id=ws, id=model_id, version=version("v2"), current_version="v2")
    assert result["model"]["current_version"]["name"] == "v2"
    assert [m[0] for m in cloud.mutations()] == ["PUT", "PUT"]
    unswitched = cloud.run(MODEL, workspace_id=ws, id=model_id, version=version("v3"))
    assert unswitched["changed"] and unswitched["model"]["current_version"]["name"] == "v2"


def test_a_version_added_or_removed_whose_answer_was_lost_is_not_sent_again(cloud):
    """Adding a version is not idempotent (the service refuses a second version of that name): after a lost answer
    the versions are listed before the update is sent again; a removal retried after a lost answer finds it gone."""
    ws = workspace(cloud, "ws-lost-answers")
    model = dict(workspace_id=ws, name="qwen-lost", version=version("v1"))
    model_id = cloud.run(MODEL, **model)["model"]["id"]
    cloud.admin.put("/faults", {"faults": [{"kind": "drop_after", "methods": ["PUT"], "count": 1}]})
    added = cloud.run(MODEL, **dict(model, version=version("v2", OBS + "v2/"), current_version="v2"))
    assert added["changed"] and added["model"]["current_version"]["name"] == "v2"
    assert cloud.mutations() == [("PUT", "workspaces/%s/models/%s" % (ws, model_id))]
    assert added["diff"]["after"]["versions"] == ["v1", "v2"]

    cloud.admin.put("/faults", {"faults": [{"kind": "drop_after", "methods": ["DELETE"], "count": 1}]})
    purged = cloud.run(MODEL, **dict(model, id=model_id, current_version="v2", version=None, purge_versions=True))
    assert purged["changed"] and purged["diff"]["after"]["versions"] == ["v2"]
    assert [m[0] for m in cloud.mutations()] == ["DELETE", "DELETE"]  # the removal, then its retry answered 404
    assert cloud.run(MODEL, **dict(model, id=model_id, current_version="v2", version=None, purge_versions=True))[
        "changed"] is False
