# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Both cloud clients keep the whole contract of client.CloudClient, and the engine and the behaviours call
nothing else on a client."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import ast
import inspect
import os

import pytest

from ansible_collections.cloudai.control.plugins.module_utils import client as contract
from ansible_collections.cloudai.control.plugins.module_utils.client import CloudClient
from ansible_collections.cloudai.control.plugins.module_utils.fabric import MODEL, WORKSPACE
from ansible_collections.cloudai.control.plugins.module_utils.huawei_client import HuaweiClient
from ansible_collections.cloudai.control.plugins.module_utils.oci_client import OciClient
from ansible_collections.cloudai.control.plugins.module_utils.oci_module import work_request_spec
from ansible_collections.cloudai.control.plugins.module_utils.spec import ResourceError
from ansible_collections.cloudai.control.tests.unit.plugins.module_utils.fakes import FakeTransport, response

CONTRACT = sorted(name for name, member in vars(CloudClient).items() if inspect.isfunction(member))
MODULE_UTILS = os.path.dirname(contract.__file__)


@pytest.mark.parametrize("cloud_client", [OciClient, HuaweiClient])
def test_each_client_implements_every_call_of_the_contract(cloud_client):
    assert issubclass(cloud_client, CloudClient)
    missing = [name for name in CONTRACT if getattr(cloud_client, name) is getattr(CloudClient, name)]
    assert missing == []
    for name in CONTRACT:  # same arguments as the contract
        assert inspect.signature(getattr(cloud_client, name)) == inspect.signature(getattr(CloudClient, name)), name


@pytest.mark.parametrize("source", ["engine.py", "behaviours.py", "fabric_versions.py", "fabric_jobs.py"])
def test_the_engine_and_the_behaviours_call_only_the_contract(source):
    with open(os.path.join(MODULE_UTILS, source)) as handle:
        tree = ast.parse(handle.read())
    called = set(node.func.attr for node in ast.walk(tree)
                 if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                 and isinstance(node.func.value, ast.Attribute) and node.func.value.attr == "client")
    called |= set(node.func.attr for node in ast.walk(tree)
                  if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                  and isinstance(node.func.value, ast.Name) and node.func.value.id == "client")
    assert called and called <= set(CONTRACT)


def huawei(*answers):
    transport = FakeTransport(list(answers) or [response({})])
    return HuaweiClient(transport, "https://fabric.example.com", {"workspace_id": "ws-1"}), transport


def test_huawei_posts_actions_and_puts_settings():
    fabric, transport = huawei(response(None), response(None))
    assert fabric.act(WORKSPACE, {"id": "w1"}, "tags/create", None, {"tags": [{"key": "k", "value": "v"}]}) is None
    fabric.set_part(WORKSPACE, {"id": "w1"}, "metrics", {"enable": True})
    assert [(r["method"], r["url"].split("?")[0], r.get("body")) for r in transport.requests] == [
        ("POST", "https://fabric.example.com/v1/workspaces/w1/tags/create", {"tags": [{"key": "k", "value": "v"}]}),
        ("PUT", "https://fabric.example.com/v1/workspaces/w1/metrics", {"enable": True})]


def test_huawei_lists_and_removes_the_parts_of_a_resource():
    fabric, transport = huawei(response({"total": 1, "versions": [{"id": "v1", "name": "one"}]}), response(None))
    assert list(fabric.children(MODEL, {"id": "m1"}, "versions", "versions")) == [{"id": "v1", "name": "one"}]
    fabric.remove_child(MODEL, {"id": "m1"}, "versions", "v1")
    assert [(r["method"], r["url"].split("?")[0]) for r in transport.requests] == [
        ("GET", "https://fabric.example.com/v1/workspaces/ws-1/models/m1/versions"),
        ("DELETE", "https://fabric.example.com/v1/workspaces/ws-1/models/m1/versions/v1")]


@pytest.mark.parametrize("call", [
    lambda c: c.start(WORKSPACE, {}, "token"),
    lambda c: c.move(WORKSPACE, {"id": "w1"}, "elsewhere", None),
    lambda c: c.get_work_request("wr-1"),
    lambda c: c.work_request_errors("wr-1"),
], ids=["start", "move", "get_work_request", "work_request_errors"])
def test_huawei_refuses_what_its_api_does_not_have_without_a_request(call):
    fabric, transport = huawei()
    with pytest.raises(ResourceError, match="the Huawei Cloud API has no "):
        call(fabric)
    assert transport.requests == []


def test_oci_lists_the_parts_of_a_resource_and_posts_actions():
    transport = FakeTransport([response({"items": [{"code": "E1"}]}), response(None, opc_work_request_id="wr-2")])
    oci = OciClient(transport, "vision", "us-ashburn-1")
    spec = work_request_spec("aivisionworkrequest")
    assert list(oci.children(spec, {"id": "ocid1.aivisionworkrequest.oc1.iad.wr"}, "errors")) == [{"code": "E1"}]
    assert oci.act(spec, {"id": "ocid1.aivisionworkrequest.oc1.iad.wr"}, "cancel", "etag-1") == "wr-2"
    assert [(r["method"], r["url"].split("?")[0], r["headers"].get("if-match")) for r in transport.requests] == [
        ("GET", "https://vision.aiservice.us-ashburn-1.oci.oraclecloud.com/20220125/workRequests/"
                "ocid1.aivisionworkrequest.oc1.iad.wr/errors", None),
        ("POST", "https://vision.aiservice.us-ashburn-1.oci.oraclecloud.com/20220125/workRequests/"
                 "ocid1.aivisionworkrequest.oc1.iad.wr/actions/cancel", "etag-1")]
