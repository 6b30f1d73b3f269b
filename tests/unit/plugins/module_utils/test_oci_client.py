# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

import pytest

from ansible_collections.cloudai.control.plugins.module_utils.genai import DEDICATED_AI_CLUSTER as DAC
from ansible_collections.cloudai.control.plugins.module_utils.oci_client import PAGE_LIMIT, OciClient
from ansible_collections.cloudai.control.plugins.module_utils.vision import IMAGE_JOB, MODEL as VISION_MODEL, PROJECT as VISION_PROJECT
from ansible_collections.cloudai.control.plugins.module_utils.vision_streams import STREAM_JOB
from ansible_collections.cloudai.control.plugins.module_utils.transport import ApiError, Transport
from ansible_collections.cloudai.control.tests.unit.plugins.module_utils.fakes import (
    FakeTransport, Reply, ScriptedServer, response,
)

C1 = "ocid1.compartment.oc1..aaaaaaaacompartmentone"
C2 = "ocid1.compartment.oc1..aaaaaaaacompartmenttwo"
CHICAGO_ID = "ocid1.generativeaidedicatedaicluster.oc1.us-chicago-1.amaaaaaachicago"
CHICAGO = "https://generativeai.us-chicago-1.oci.oraclecloud.com/20231130"
TOKEN = re.compile(r"^[A-Za-z0-9]{30}$")
WR_ID = "ocid1.generativeaiworkrequest.oc1.us-chicago-1.amaaaaaawr"


def client(*answers, **kwargs):
    kwargs.setdefault("region", "us-chicago-1")
    transport = FakeTransport(answers or [response({"id": CHICAGO_ID, "items": []})])
    return OciClient(transport, kwargs.pop("service", "generativeai"), **kwargs), transport


# ---------------------------------------------------------------------------------------------------
# base URL

def test_base_url_from_region():
    oci, transport = client()
    list(oci.search(DAC, C1, "dac-1"))
    assert transport.requests[0]["url"] == CHICAGO + "/dedicatedAiClusters"


def test_base_url_for_vision():
    oci, dummy = client(service="vision", region="us-ashburn-1")
    assert oci.base_url() == "https://vision.aiservice.us-ashburn-1.oci.oraclecloud.com/20220125"


@pytest.mark.parametrize("resource_id, url", [
    (CHICAGO_ID, CHICAGO),
    ("ocid1.generativeaidedicatedaicluster.oc1.iad.amaaaaaaashburn",
     "https://generativeai.us-ashburn-1.oci.oraclecloud.com/20231130"),
    ("ocid1.generativeaidedicatedaicluster.oc19.eu-frankfurt-2.amaaaaaasovereign",
     "https://generativeai.eu-frankfurt-2.oci.oraclecloud.eu/20231130"),
    ("ocid1.generativeaidedicatedaicluster.oc4.uk-gov-london-1.amaaaaaagov",
     "https://generativeai.uk-gov-london-1.oci.oraclegovcloud.uk/20231130"),
    ("ocid1.generativeaidedicatedaicluster.oc8.ap-chiyoda-1.amaaaaaaoc8",
     "https://generativeai.ap-chiyoda-1.oci.oraclecloud8.com/20231130"),
])
def test_base_url_from_the_ocid_region(resource_id, url):
    oci, transport = client(response({"id": resource_id}))
    oci.read(DAC, resource_id)
    assert transport.requests[0]["url"] == "%s/dedicatedAiClusters/%s" % (url, resource_id)


def test_global_ocid_uses_the_configured_region():
    oci, dummy = client()
    assert oci.base_url("ocid1.tenancy.oc1..aaaaaaaatenancy") == CHICAGO


def test_endpoint_override_wins():
    oci, transport = client(response({"id": CHICAGO_ID}), endpoint="http://127.0.0.1:8443/")
    oci.read(DAC, "ocid1.generativeaidedicatedaicluster.oc19.eu-frankfurt-2.amaaaaaasovereign")
    assert transport.requests[0]["url"] == (
        "http://127.0.0.1:8443/20231130/dedicatedAiClusters/"
        "ocid1.generativeaidedicatedaicluster.oc19.eu-frankfurt-2.amaaaaaasovereign")


def test_work_request_url_follows_its_region():
    oci, transport = client(response({"id": "wr", "status": "SUCCEEDED"}))
    work_request_id = "ocid1.generativeaiworkrequest.oc19.eu-madrid-2.amaaaaaawr"
    assert oci.get_work_request(work_request_id) == {"id": "wr", "status": "SUCCEEDED"}
    assert transport.requests[0]["method"] == "GET"
    assert transport.requests[0]["url"] == \
        "https://generativeai.eu-madrid-2.oci.oraclecloud.eu/20231130/workRequests/" + work_request_id


@pytest.mark.parametrize("hostile", [
    "ocid1.x.oc1.x@2130706433:8080/#.aaa", "ocid1.x.oc1.evil.com/x.aaa", "ocid1.x.oc1.x.aaa/../../x", "{sk}", "{0}",
    "../x", "a?b", "a/b", "ocid1.x.oc1.us-chicago-1.aaa?x=1", "ocid1.x.oc1.us-chicago-1.aaa\n", "", 7,
])
def test_an_id_from_an_answer_that_is_not_an_ocid_is_refused_before_any_request(hostile):
    oci, transport = client(response({"id": hostile}, opc_work_request_id=hostile))
    for call in (lambda: oci.read(DAC, hostile), lambda: oci.update(DAC, {"id": hostile}, {"a": 1}, None),
                 lambda: oci.delete(DAC, {"id": hostile}, None), lambda: oci.get_work_request(hostile),
                 lambda: oci.move(DAC, {"id": hostile}, C2, None)):
        with pytest.raises(ApiError) as caught:
            call()
        assert caught.value.code == "UnexpectedResponse" and "not an OCID" in caught.value.message
    assert transport.requests == []


def test_a_work_request_id_from_a_header_chooses_no_other_host():
    hostile = "ocid1.x.oc1.x@2130706433:8080/#.aaa"
    oci, transport = client(response({"id": CHICAGO_ID}, opc_work_request_id=hostile))
    assert oci.create(DAC, {"compartmentId": C1})[1] == hostile
    with pytest.raises(ApiError):
        oci.get_work_request(hostile)
    assert [r["url"] for r in transport.requests] == [CHICAGO + "/dedicatedAiClusters"]


def test_an_ocid_whose_region_segment_is_no_region_uses_the_configured_region():
    assert client()[0].base_url("ocid1.x.oc1.localhost.aaa") == CHICAGO


# ---------------------------------------------------------------------------------------------------
# paging

def test_paging_follows_opc_next_page_and_stops_without_it():
    oci, transport = client(response({"items": [{"id": "a"}, {"id": "b"}]}, opc_next_page="page-2"),
                            response({"items": [{"id": "c"}]}, opc_next_page="page-3"),
                            response({"items": []}),
                            response({"items": [{"id": "never"}]}))
    found = list(oci.search(DAC, C1, "dac-1", [("lifecycleState", "ACTIVE")]))
    assert [item["id"] for item in found] == ["a", "b", "c"]
    assert len(transport.requests) == 3
    base = [("compartmentId", C1), ("displayName", "dac-1"), ("lifecycleState", "ACTIVE"), ("limit", PAGE_LIMIT)]
    assert [r["params"] for r in transport.requests] == [base, base + [("page", "page-2")], base + [("page", "page-3")]]
    assert all(r["method"] == "GET" and r["url"] == CHICAGO + "/dedicatedAiClusters" for r in transport.requests)


def test_search_without_name():
    oci, transport = client(response({"items": [{"id": "a"}]}))
    assert list(oci.search(DAC, C1, None)) == [{"id": "a"}]
    assert transport.requests[0]["params"] == [("compartmentId", C1), ("limit", PAGE_LIMIT)]


def test_empty_list_page():
    oci, transport = client(response({"items": []}))
    assert list(oci.search(DAC, C1, None)) == []


@pytest.mark.parametrize("body", [None, {}, {"items": None}, {"items": {"id": "x"}}, {"items": ["x"]}, ["x"]],
                         ids=["empty", "no-items", "null-items", "items-object", "items-of-strings", "list"])
def test_list_answer_of_the_wrong_shape_is_an_error_not_an_empty_list(body):
    oci, transport = client(response(body))
    with pytest.raises(ApiError) as caught:
        list(oci.search(DAC, C1, "dac-1"))
    assert caught.value.code == "UnexpectedResponse" and "'items'" in caught.value.message


@pytest.mark.parametrize("body", [None, {}, {"id": ""}, {"unexpected": {"id": CHICAGO_ID}}, [CHICAGO_ID]],
                         ids=["empty", "no-id", "empty-id", "wrapped", "list"])
def test_resource_answer_without_an_id_is_an_error(body):
    oci, transport = client(response(body))
    with pytest.raises(ApiError) as caught:
        oci.read(DAC, CHICAGO_ID)
    assert caught.value.code == "UnexpectedResponse" and "'id'" in caught.value.message


@pytest.mark.parametrize("body", [None, {}, {"unexpectedWrapper": {"id": CHICAGO_ID}}, [CHICAGO_ID]],
                         ids=["empty", "no-id", "wrapped", "list"])
def test_start_answer_without_an_id_is_an_error(body):
    oci, transport = client(response(body))
    with pytest.raises(ApiError) as caught:
        oci.start(IMAGE_JOB, {"displayName": "job"}, "token-0")
    assert caught.value.code == "UnexpectedResponse" and "'id'" in caught.value.message


# ---------------------------------------------------------------------------------------------------
# resource calls

def test_read_returns_resource_and_etag():
    oci, transport = client(response({"id": CHICAGO_ID}, etag="etag-7"))
    assert oci.read(DAC, CHICAGO_ID) == ({"id": CHICAGO_ID}, "etag-7")
    assert transport.requests[0]["method"] == "GET" and transport.requests[0]["headers"] == {}


def test_read_of_an_unknown_id_is_none():
    oci, dummy = client(ApiError(404, "NotAuthorizedOrNotFound", "not found", "r1"))
    assert oci.read(DAC, CHICAGO_ID) == (None, None)


@pytest.mark.parametrize("status", [401, 409, 500])
def test_read_raises_other_errors(status):
    oci, dummy = client(ApiError(status, "Code", "message", "r1"))
    with pytest.raises(ApiError):
        oci.read(DAC, CHICAGO_ID)


def test_create_sends_a_fresh_retry_token_each_time():
    oci, transport = client(response({"id": CHICAGO_ID}, opc_work_request_id="wr-1"))
    body = {"compartmentId": C1, "displayName": "dac-1"}
    assert oci.create(DAC, body) == ({"id": CHICAGO_ID}, "wr-1")
    oci.create(DAC, body)
    first, second = transport.requests
    assert first["method"] == "POST" and first["url"] == CHICAGO + "/dedicatedAiClusters" and first["body"] == body
    tokens = [r["headers"]["opc-retry-token"] for r in transport.requests]
    assert all(TOKEN.match(token) for token in tokens) and tokens[0] != tokens[1]
    assert "if-match" not in first["headers"]


def test_update_sends_if_match():
    oci, transport = client(response({"id": CHICAGO_ID, "unitCount": 2}, opc_work_request_id="wr-2"))
    result = oci.update(DAC, {"id": CHICAGO_ID}, {"unitCount": 2}, "etag-7")
    assert result == ({"id": CHICAGO_ID, "unitCount": 2}, "wr-2")
    sent = transport.requests[0]
    assert (sent["method"], sent["url"], sent["body"]) == (
        "PUT", CHICAGO + "/dedicatedAiClusters/" + CHICAGO_ID, {"unitCount": 2})
    assert sent["headers"] == {"if-match": "etag-7"}


def test_delete_sends_if_match_and_returns_the_work_request():
    oci, transport = client(response(None, status=202, opc_work_request_id="wr-3"))
    assert oci.delete(DAC, {"id": CHICAGO_ID}, "etag-7") == "wr-3"
    sent = transport.requests[0]
    assert (sent["method"], sent["url"]) == ("DELETE", CHICAGO + "/dedicatedAiClusters/" + CHICAGO_ID)
    assert sent["headers"] == {"if-match": "etag-7"}


def test_delete_without_etag_sends_no_if_match():
    oci, transport = client(response(None, status=202))
    assert oci.delete(DAC, {"id": CHICAGO_ID}, None) is None
    assert transport.requests[0]["headers"] == {}


def test_move_is_change_compartment_with_etag_and_retry_token():
    oci, transport = client(response(None, status=204))
    oci.move(DAC, {"id": CHICAGO_ID}, C2, "etag-7")
    sent = transport.requests[0]
    assert (sent["method"], sent["url"], sent["body"]) == (
        "POST", CHICAGO + "/dedicatedAiClusters/%s/actions/changeCompartment" % CHICAGO_ID, {"compartmentId": C2})
    assert sent["headers"]["if-match"] == "etag-7" and TOKEN.match(sent["headers"]["opc-retry-token"])


@pytest.mark.parametrize("spec", [VISION_PROJECT, VISION_MODEL])
def test_vision_moves_send_no_retry_token(spec):
    # the SDK's change_project_compartment and change_model_compartment take if-match but no opc-retry-token
    oci, transport = client(response(None, status=202))
    oci.move(spec, {"id": "ocid1.aivisionproject.oc1.us-chicago-1.amaaaaaamoved"}, C2, "etag-7")
    assert transport.requests[0]["headers"] == {"if-match": "etag-7"}


def test_work_request_errors_as_a_sentence():
    oci, transport = client(response({"items": [{"code": "QuotaExceeded", "message": "no capacity"},
                                                {"code": "InternalError", "message": "retry later"}]}))
    assert oci.work_request_errors(WR_ID) == "; errors: QuotaExceeded: no capacity; InternalError: retry later"
    assert transport.requests[0]["url"] == CHICAGO + "/workRequests/%s/errors" % WR_ID


def test_work_request_errors_when_there_are_none_or_they_cannot_be_read():
    assert client(response({"items": []}))[0].work_request_errors("wr-1") == ""
    assert client(ApiError(404, "NotFound", "gone"))[0].work_request_errors("wr-1") == ""


# ---------------------------------------------------------------------------------------------------
# with the real transport

class NoSigner:
    def sign(self, method, url, headers, body):
        headers["authorization"] = "test"


def test_create_keeps_its_retry_token_across_transport_retries():
    server = ScriptedServer([Reply(503, {"code": "ServiceUnavailable", "message": "later"}),
                             Reply(200, {"id": CHICAGO_ID}, {"opc-work-request-id": "wr-9"})])
    try:
        transport = Transport(NoSigner(), sleep=lambda seconds: None, timeout=5)
        oci = OciClient(transport, "generativeai", "us-chicago-1", endpoint=server.url())
        assert oci.create(DAC, {"displayName": "dac-1"}) == ({"id": CHICAGO_ID}, "wr-9")
    finally:
        server.close()
    first, second = server.received
    assert first.path == second.path == "/20231130/dedicatedAiClusters"
    assert TOKEN.match(first.headers["opc-retry-token"])
    assert first.headers["opc-retry-token"] == second.headers["opc-retry-token"]
    assert first.body == second.body == b'{"displayName":"dac-1"}'


def test_a_stream_job_start_whose_answer_was_lost_is_sent_again_with_its_retry_token():
    job_id = "ocid1.aivisionstreamjob.oc1.us-chicago-1.amaaaaaajob"
    server = ScriptedServer([Reply(504, {"code": "GatewayTimeout", "message": "lost"}),
                             Reply(202, None, {"opc-work-request-id": "wr-3"})])
    try:
        transport = Transport(NoSigner(), sleep=lambda seconds: None, timeout=5)
        oci = OciClient(transport, "vision", "us-chicago-1", endpoint=server.url())
        assert oci.act_answer(STREAM_JOB, {"id": job_id}, "start", None) == (None, "wr-3")
    finally:
        server.close()
    first, second = server.received
    assert first.path == second.path == "/20220125/streamJobs/%s/actions/start" % job_id
    assert TOKEN.match(first.headers["opc-retry-token"])
    assert first.headers["opc-retry-token"] == second.headers["opc-retry-token"]
