# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

import pytest

from ansible_collections.cloudai.control.plugins.module_utils.huawei_client import PAGE_LIMIT, HuaweiClient
from ansible_collections.cloudai.control.plugins.module_utils.spec import Field, Lifecycle, ResourceSpec
from ansible_collections.cloudai.control.plugins.module_utils.transport import ApiError, Transport
from ansible_collections.cloudai.control.tests.unit.plugins.module_utils.fakes import (
    DROP, FakeTransport, Reply, ScriptedServer, response,
)

ENDPOINT = "https://fabric.cn-north-4.myhuaweicloud.com"
WORKSPACE = ResourceSpec(
    kind="workspace", label="workspace", path="/v1/workspaces", name=("name", "name", "name"),
    fields={"description": Field("description")}, lifecycle=Lifecycle(ready=[None], key="status"),
    wire_case="snake", items_key="workspaces", read_by_list=True)
ENDPOINT_SPEC = ResourceSpec(
    kind="endpoint", label="endpoint", path="/v1/workspaces/{workspace_id}/endpoints", name=("name", "name", "name"),
    lifecycle=Lifecycle(ready=["RUNNING"], failed=["FAILED"], key="status"), wire_case="snake", items_key="endpoints")
AMBIGUOUS = ApiError(0, "ConnectionError", "connection reset", method="POST", ambiguous=True)


def client(*answers, **kwargs):
    transport = FakeTransport(answers or [response({})], retries=kwargs.pop("retries", 5))
    return HuaweiClient(transport, ENDPOINT + "/", **kwargs), transport


def page(items, total, key="workspaces"):
    return response({"total": total, key: items})


def items(start, count):
    return [{"id": "w%d" % n, "name": "ws-%d" % n} for n in range(start, start + count)]


# ---------------------------------------------------------------------------------------------------
# paging

def test_paging_by_offset_until_total():
    fabric, transport = client(page(items(0, 100), 250), page(items(100, 100), 250), page(items(200, 50), 250),
                               page(items(900, 5), 250))
    found = list(fabric.search(WORKSPACE, None, None))
    assert [w["id"] for w in found] == ["w%d" % n for n in range(250)]
    assert [r["params"] for r in transport.requests] == [
        [("offset", 0), ("limit", PAGE_LIMIT)], [("offset", 100), ("limit", PAGE_LIMIT)],
        [("offset", 200), ("limit", PAGE_LIMIT)]]
    assert all(r["method"] == "GET" and r["url"] == ENDPOINT + "/v1/workspaces" for r in transport.requests)


def test_paging_stops_at_total_even_after_a_full_page():
    fabric, transport = client(page(items(0, 100), 200), page(items(100, 100), 200), page(items(900, 5), 200))
    assert len(list(fabric.search(WORKSPACE, None, None))) == 200
    assert len(transport.requests) == 2


def test_paging_goes_on_after_a_short_page_until_total():
    # the service does not promise full pages: a short one is not the last
    fabric, transport = client(page(items(0, 40), 103), page(items(40, 3), 103), page(items(43, 60), 103),
                               page(items(900, 5), 103))
    assert [w["id"] for w in fabric.search(WORKSPACE, None, None)] == ["w%d" % n for n in range(103)]
    assert [r["params"][0] for r in transport.requests] == [("offset", 0), ("offset", 40), ("offset", 43)]


def test_paging_without_total_goes_on_until_an_empty_page():
    no_total = [response({"workspaces": batch}) for batch in (items(0, 100), items(100, 7), items(107, 100), [])]
    fabric, transport = client(*no_total)
    assert len(list(fabric.search(WORKSPACE, None, None))) == 207
    assert [r["params"][0] for r in transport.requests] == [("offset", 0), ("offset", 100), ("offset", 107),
                                                            ("offset", 207)]


def test_paging_stops_at_an_empty_page_whatever_total_says():
    fabric, transport = client(page(items(0, 10), 500), page([], 500), page(items(900, 5), 500))
    assert len(list(fabric.search(WORKSPACE, None, None))) == 10
    assert len(transport.requests) == 2


def test_empty_list():
    fabric, transport = client(page([], 0))
    assert list(fabric.search(WORKSPACE, None, "ws-x")) == []
    assert transport.requests[0]["params"] == [("name", "ws-x"), ("offset", 0), ("limit", PAGE_LIMIT)]


def test_search_passes_filters_and_ignores_scope():
    fabric, transport = client(page([], 0, "endpoints"), path_params={"workspace_id": "ws-9"})
    list(fabric.search(ENDPOINT_SPEC, "ignored", "ep", [("type", "INFERENCE")]))
    sent = transport.requests[0]
    assert sent["url"] == ENDPOINT + "/v1/workspaces/ws-9/endpoints"
    assert sent["params"] == [("type", "INFERENCE"), ("name", "ep"), ("offset", 0), ("limit", PAGE_LIMIT)]


# ---------------------------------------------------------------------------------------------------
# read

def test_read_by_list_uses_the_id_filter_and_picks_the_exact_id():
    fabric, transport = client(page([{"id": "w10", "name": "other"}, {"id": "w1", "name": "ws-one"}], 2))
    assert fabric.read(WORKSPACE, "w1") == ({"id": "w1", "name": "ws-one"}, None)
    assert transport.requests[0]["params"] == [("id", "w1"), ("offset", 0), ("limit", PAGE_LIMIT)]
    assert transport.requests[0]["url"] == ENDPOINT + "/v1/workspaces"


def test_read_by_list_without_an_id_filter_reads_the_whole_list():
    policies = ResourceSpec(kind="notification_policy", label="policy", path="/v1/workspaces/{workspace_id}/messages",
                            lifecycle=Lifecycle(ready=[None], key="status"), wire_case="snake", items_key="policies",
                            read_by_list=True, id_query=None, create_envelope="message_notification_policy_list",
                            name=("name_pattern", "name_pattern", "name_pattern"))
    fabric, transport = client(page([{"id": "p2"}, {"id": "p1", "name_pattern": "a*"}], 2, "policies"),
                               response({"id": "p3", "name_pattern": "b*"}), path_params={"workspace_id": "ws-9"})
    assert fabric.read(policies, "p1") == ({"id": "p1", "name_pattern": "a*"}, None)
    assert fabric.create(policies, {"name_pattern": "b*"}) == ({"id": "p3", "name_pattern": "b*"}, None)
    assert [(r["method"], r["params"], r["body"]) for r in transport.requests] == [
        ("GET", [("offset", 0), ("limit", PAGE_LIMIT)], None),
        ("POST", [], {"message_notification_policy_list": [{"name_pattern": "b*"}]})]


def test_a_list_call_that_posts_pages_with_its_own_total_key():
    fabric, transport = client(response({"total_count": 3, "resources": [{"resource_id": "w1"}, {"resource_id": "w2"}]}),
                               response({"total_count": 3, "resources": [{"resource_id": "w3"}]}))
    found = list(fabric.pages("/v1/p/filter", [], "resources", body={"tags": []}, total_key="total_count"))
    assert [w["resource_id"] for w in found] == ["w1", "w2", "w3"]
    assert [(r["method"], r["params"][-2:], r["body"]) for r in transport.requests] == [
        ("POST", [("offset", 0), ("limit", PAGE_LIMIT)], {"tags": []}), ("POST", [("offset", 2), ("limit", PAGE_LIMIT)], {"tags": []})]


def test_read_by_list_of_an_unknown_id_is_none():
    fabric, dummy = client(page([], 0))
    assert fabric.read(WORKSPACE, "w404") == (None, None)


def test_read_by_get():
    fabric, transport = client(response({"id": "e1", "status": "RUNNING"}), path_params={"workspace_id": "ws-9"})
    assert fabric.read(ENDPOINT_SPEC, "e1") == ({"id": "e1", "status": "RUNNING"}, None)
    assert transport.requests[0]["url"] == ENDPOINT + "/v1/workspaces/ws-9/endpoints/e1"


def test_read_by_get_404_is_none_and_other_errors_raise():
    fabric, dummy = client(ApiError(404, "common.01000001", "not found"), path_params={"workspace_id": "ws-9"})
    assert fabric.read(ENDPOINT_SPEC, "e1") == (None, None)
    fabric, dummy = client(ApiError(403, "403", "forbidden"), path_params={"workspace_id": "ws-9"})
    with pytest.raises(ApiError):
        fabric.read(ENDPOINT_SPEC, "e1")


# ---------------------------------------------------------------------------------------------------
# create, update, delete

def test_create_posts_the_body():
    fabric, transport = client(response({"id": "w1", "name": "ws-one"}))
    assert fabric.create(WORKSPACE, {"name": "ws-one"}) == ({"id": "w1", "name": "ws-one"}, None)
    assert [(r["method"], r["url"], r["body"]) for r in transport.requests] == [
        ("POST", ENDPOINT + "/v1/workspaces", {"name": "ws-one"})]


def test_create_after_an_ambiguous_failure_finds_it_by_name_instead_of_creating_twice():
    fabric, transport = client(AMBIGUOUS,
                               page([{"id": "w7", "name": "ws-one-old"}, {"id": "w1", "name": "ws-one"}], 2),
                               response({"id": "twice"}))
    assert fabric.create(WORKSPACE, {"name": "ws-one"}) == ({"id": "w1", "name": "ws-one"}, None)
    assert [r["method"] for r in transport.requests] == ["POST", "GET"]
    assert ("name", "ws-one") in transport.requests[1]["params"]


def test_create_after_an_ambiguous_failure_that_did_not_land_is_sent_again():
    fabric, transport = client(AMBIGUOUS, page([{"id": "w7", "name": "ws-one-old"}], 1), response({"id": "w1"}))
    assert fabric.create(WORKSPACE, {"name": "ws-one"}) == ({"id": "w1"}, None)
    assert [r["method"] for r in transport.requests] == ["POST", "GET", "POST"]


def test_create_gives_up_after_the_transport_retries():
    fabric, transport = client(AMBIGUOUS, page([], 0), AMBIGUOUS, page([], 0), AMBIGUOUS, page([], 0), retries=2)
    with pytest.raises(ApiError):
        fabric.create(WORKSPACE, {"name": "ws-one"})
    assert [r["method"] for r in transport.requests].count("POST") == 3


def test_create_looks_up_the_name_even_on_the_last_attempt():
    fabric, transport = client(AMBIGUOUS, page([{"id": "w1", "name": "ws-one"}], 1), retries=0)
    assert fabric.create(WORKSPACE, {"name": "ws-one"}) == ({"id": "w1", "name": "ws-one"}, None)


def test_create_non_ambiguous_failure_is_raised_at_once():
    error = ApiError(400, "common.01000001", "name is invalid")
    fabric, transport = client(error, page([{"id": "w1", "name": "ws-one"}], 1))
    with pytest.raises(ApiError) as caught:
        fabric.create(WORKSPACE, {"name": "ws-one"})
    assert caught.value is error and len(transport.requests) == 1


def test_update_and_delete():
    fabric, transport = client(response({"id": "w1", "description": "new"}), response(None))
    assert fabric.update(WORKSPACE, {"id": "w1"}, {"description": "new"}, None) == ({"id": "w1", "description": "new"}, None)
    assert fabric.delete(WORKSPACE, {"id": "w1"}, None) is None
    assert [(r["method"], r["url"], r["body"]) for r in transport.requests] == [
        ("PUT", ENDPOINT + "/v1/workspaces/w1", {"description": "new"}),
        ("DELETE", ENDPOINT + "/v1/workspaces/w1", None)]


def test_a_create_or_update_answered_with_ids_only_is_read_back():
    spec = ResourceSpec(kind="job_run", label="job run", path="/v1/workspaces/{workspace_id}/jobs/runs",
                        name=("name", "name", "name"), lifecycle=Lifecycle(ready=["SUCCEEDED"], key="status"),
                        wire_case="snake", items_key="job_runs", answers_ids=True)
    run = {"id": "r1", "name": "first", "status": "PENDING"}
    fabric, transport = client(response({"id": "r1"}), response(run), response({"id": "r1"}), response(run),
                               path_params={"workspace_id": "w1"})
    assert fabric.create(spec, {"name": "first"}) == (run, None)
    assert fabric.update(spec, {"id": "r1"}, {"name": "first"}, None) == (run, None)
    assert [(r["method"], r["url"]) for r in transport.requests] == [
        ("POST", ENDPOINT + "/v1/workspaces/w1/jobs/runs"), ("GET", ENDPOINT + "/v1/workspaces/w1/jobs/runs/r1"),
        ("PUT", ENDPOINT + "/v1/workspaces/w1/jobs/runs/r1"), ("GET", ENDPOINT + "/v1/workspaces/w1/jobs/runs/r1")]


def test_an_action_is_posted_to_the_resource():
    spec = ResourceSpec(kind="job_run", label="job run", path="/v1/jobs/runs", name=("name", "name", "name"),
                        lifecycle=Lifecycle(ready=["SUCCEEDED"], key="status"))
    fabric, transport = client(response(None))
    assert fabric.act(spec, {"id": "r1"}, "cancel", None) is None
    assert [(r["method"], r["url"], r["body"]) for r in transport.requests] == [
        ("POST", ENDPOINT + "/v1/jobs/runs/r1/cancel", None)]


# ---------------------------------------------------------------------------------------------------
# with the real transport

class NoSigner:
    def sign(self, method, url, headers, body):
        headers["x-project-id"] = "0123456789abcdef0123456789abcdef"


@pytest.mark.parametrize("failure", [Reply(500, {"error_code": "common.00000500", "error_msg": "internal"}), DROP],
                         ids=["500", "dropped"])
def test_lost_create_over_http_is_found_not_repeated(failure):
    server = ScriptedServer([failure, Reply(200, {"total": 1, "workspaces": [{"id": "w1", "name": "ws-one"}]})])
    try:
        fabric = HuaweiClient(Transport(NoSigner(), sleep=lambda seconds: None, timeout=5), server.url())
        assert fabric.create(WORKSPACE, {"name": "ws-one"}) == ({"id": "w1", "name": "ws-one"}, None)
    finally:
        server.close()
    assert [(r.method, r.path) for r in server.received] == [
        ("POST", "/v1/workspaces"), ("GET", "/v1/workspaces?name=ws-one&offset=0&limit=100")]
    assert json.loads(server.received[0].body.decode("utf-8")) == {"name": "ws-one"}


# ---------------------------------------------------------------------------------------------------
# paths: ids from answers are checked, every value percent-encoded, only declared placeholders filled

@pytest.mark.parametrize("hostile", ["{sk}", "{0}", "{workspace_id}", "../x", "a?b", "a/b", "..", "w1\n", "", None, 7])
def test_an_id_from_an_answer_that_is_not_a_resource_id_is_refused_before_any_request(hostile):
    fabric, transport = client(page([{"id": hostile, "name": "ws"}], 1),
                               path_params={"workspace_id": "ws1", "sk": "SECRET-SK"})
    listed = next(iter(fabric.search(WORKSPACE, None, "ws")))
    for call in (lambda: fabric.delete(WORKSPACE, listed, None), lambda: fabric.delete(ENDPOINT_SPEC, listed, None),
                 lambda: fabric.update(ENDPOINT_SPEC, listed, {"a": 1}, None)):
        with pytest.raises(ApiError) as caught:
            call()
        assert caught.value.code == "UnexpectedResponse" and "SECRET" not in str(caught.value)
    assert len(transport.requests) == 1 and "SECRET" not in json.dumps(transport.requests)


def test_placeholders_are_filled_from_the_scope_option_encoded_and_the_id():
    fabric, transport = client(response(None), path_params={"workspace_id": "ws/1?{sk}", "sk": "SECRET-SK"})
    fabric.delete(ENDPOINT_SPEC, {"id": "e-1"}, None)
    assert transport.requests[0]["url"] == ENDPOINT + "/v1/workspaces/ws%2F1%3F%7Bsk%7D/endpoints/e-1"
