# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The transport against a real HTTP(S) server on 127.0.0.1 that answers from a script."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import datetime
import ipaddress
import json
import socket
import ssl

from urllib.parse import unquote, urlsplit

import hypothesis
import pytest

from ansible_collections.cloudai.control.plugins.module_utils import transport as transport_module
from ansible_collections.cloudai.control.plugins.module_utils.transport import (
    MAX_RETRY_AFTER, ApiError, Transport, encode_query, fill_path,
)
from ansible_collections.cloudai.control.tests.unit.plugins.module_utils.fakes import DROP, Reply, ScriptedServer

SECRET_SIGNATURE = 'Signature keyId="ocid1.tenancy/user/fp",signature="c2VjcmV0LXNpZ25hdHVyZS12YWx1ZQ=="'
OCI_503 = Reply(503, {"code": "ServiceUnavailable", "message": "try later"}, {"opc-request-id": "req-oci-1"})


class RecordingSigner:
    """Records what it was asked to sign and marks each request so the server shows which signing it carries."""

    def __init__(self):
        self.signed = []

    def sign(self, method, url, headers, body):
        self.signed.append(dict(method=method, url=url, headers=dict(headers), body=body))
        headers["authorization"] = SECRET_SIGNATURE
        headers["x-signed"] = str(len(self.signed))


class RefreshingSigner(RecordingSigner):
    def __init__(self):
        super(RefreshingSigner, self).__init__()
        self.generation = 1
        self.refreshes = 0

    def refresh(self):
        self.refreshes += 1
        self.generation += 1

    def sign(self, method, url, headers, body):
        super(RefreshingSigner, self).sign(method, url, headers, body)
        headers["x-credentials"] = "generation-%d" % self.generation


@pytest.fixture
def serve():
    servers = []

    def start(*replies, **kwargs):
        server = ScriptedServer(replies, **kwargs)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()


@pytest.fixture
def sleeps():
    return []


@pytest.fixture
def make_transport(sleeps):
    def make(signer=None, **kwargs):
        kwargs.setdefault("retries", 3)
        kwargs.setdefault("timeout", 5)
        return Transport(signer or RecordingSigner(), sleep=sleeps.append, **kwargs)
    return make


def closed_port():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


# ---------------------------------------------------------------------------------------------------
# query and body encoding

@pytest.mark.parametrize("params, expected", [
    ([("displayName", "my cluster")], "displayName=my%20cluster"),
    ([("capability", ["CHAT", "TEXT_EMBEDDINGS"])], "capability=CHAT&capability=TEXT_EMBEDDINGS"),
    ([("tag", "a"), ("tag", "b")], "tag=a&tag=b"),
    ([("flag", True), ("other", False)], "flag=true&other=false"),
    ([("page", None), ("limit", 10), ("ids", ["x", None])], "limit=10&ids=x"),
    ([("offset", 0)], "offset=0"),
    ({"name": "a/b&c=d+e~f_g.h-i", "n": 1}, "name=a%2Fb%26c%3Dd%2Be~f_g.h-i&n=1"),
    ([("name", u"caf\u00e9 \u4e2d")], "name=caf%C3%A9%20%E4%B8%AD"),
    ([("sort by", "time")], "sort%20by=time"),
])
def test_encode_query(params, expected):
    assert encode_query(params) == expected


def test_query_reaches_the_server_as_encoded(serve, make_transport):
    server = serve(Reply(200, {}))
    make_transport().request("get", server.url("/20231130/models"),
                             params=[("displayName", "my model"), ("capability", ["CHAT", "RERANK"]),
                                     ("isActive", True), ("page", None)])
    assert server.received[0].method == "GET"
    assert server.received[0].path == "/20231130/models?displayName=my%20model&capability=CHAT&capability=RERANK&isActive=true"


def test_dict_body_is_sent_as_compact_utf8_json(serve, make_transport):
    server = serve(Reply(200, {"id": "x"}))
    body = {"displayName": u"caf\u00e9 one", "unitCount": 2, "freeformTags": {"with space": "v"}}
    resp = make_transport().request("POST", server.url("/c"), body=body)
    sent = server.received[0]
    assert sent.body == u'{"displayName":"caf\u00e9 one","unitCount":2,"freeformTags":{"with space":"v"}}'.encode("utf-8")
    assert sent.headers["content-type"] == "application/json"
    assert sent.headers["accept"] == "application/json"
    assert sent.headers["content-length"] == str(len(sent.body))
    assert resp.status == 200 and resp.body == {"id": "x"}


def test_string_and_bytes_bodies_are_sent_unchanged(serve, make_transport):
    server = serve(Reply(200), Reply(200))
    transport = make_transport()
    transport.request("PUT", server.url("/a"), body=u'{"a":"\u00e9"}')
    transport.request("PUT", server.url("/b"), body=b"\x00raw")
    assert server.received[0].body == u'{"a":"\u00e9"}'.encode("utf-8")
    assert server.received[1].body == b"\x00raw"


def test_get_without_body_sends_none_and_empty_response_is_none(serve, make_transport):
    server = serve(Reply(204))
    signer = RecordingSigner()
    resp = make_transport(signer).request("DELETE", server.url("/x/1"))
    assert signer.signed[0]["body"] is None
    assert server.received[0].body == b""
    assert resp.status == 204 and resp.body is None


def test_caller_headers_are_lower_cased_and_sent(serve, make_transport):
    server = serve(Reply(200, {}))
    make_transport(user_agent="ua/1").request("GET", server.url("/x"), headers={"If-Match": "etag-1", "X-Project-Id": "p"})
    headers = server.received[0].headers
    assert headers["if-match"] == "etag-1"
    assert headers["x-project-id"] == "p"
    assert headers["user-agent"] == "ua/1"


def test_response_headers_are_case_insensitive(serve, make_transport):
    server = serve(Reply(200, {}, {"OPC-Next-Page": "p2", "ETag": "e1"}))
    resp = make_transport().request("GET", server.url("/x"))
    assert resp.header("opc-next-page") == "p2"
    assert resp.header("etag") == "e1"


# ---------------------------------------------------------------------------------------------------
# signing

def test_signer_signs_every_attempt_with_exactly_what_is_sent(serve, make_transport):
    server = serve(OCI_503, Reply(502, "bad gateway"), Reply(200, {"ok": True}))
    signer = RecordingSigner()
    make_transport(signer).request("PUT", server.url("/20231130/x/1"), params=[("a", "b c")], body={"k": "v"})
    assert len(signer.signed) == 3 == len(server.received)
    for number, (signed, sent) in enumerate(zip(signer.signed, server.received), 1):
        assert signed["method"] == sent.method == "PUT"
        assert signed["url"] == server.url(sent.path) == server.url("/20231130/x/1?a=b%20c")
        assert signed["body"] == sent.body == b'{"k":"v"}'
        assert sent.headers["x-signed"] == str(number)  # signed right before this attempt
        assert "authorization" not in signed["headers"]  # each attempt starts from unsigned headers
        assert signed["headers"]["content-type"] == "application/json"


# ---------------------------------------------------------------------------------------------------
# retries

def test_429_honours_retry_after(serve, make_transport, sleeps):
    server = serve(Reply(429, {"code": "TooManyRequests", "message": "slow"}, {"Retry-After": "3"}),
                   Reply(429, "", {"Retry-After": "0.5"}),
                   Reply(200, {"ok": 1}))
    assert make_transport().request("GET", server.url("/x")).body == {"ok": 1}
    assert sleeps == [3.0, 0.5]
    assert len(server.received) == 3


def test_429s_that_say_when_to_come_back_cost_no_retry_up_to_a_total_wait(serve, make_transport, sleeps):
    server = serve(*([Reply(429, "", {"Retry-After": "1"})] * 6 + [Reply(200, {"ok": 1})]))
    assert make_transport(retries=2).request("GET", server.url("/x")).body == {"ok": 1}
    assert sleeps == [1.0] * 6 and len(server.received) == 7

    del sleeps[:]
    server = serve(*([Reply(429, "", {"Retry-After": "60"})] * 8))
    with pytest.raises(ApiError) as caught:
        make_transport(retries=2).request("GET", server.url("/x"))
    assert caught.value.status == 429 and caught.value.attempts == 8
    assert sleeps == [60.0] * 7  # five waits within MAX_THROTTLED_WAIT (300 s), then the two retries


def test_429s_without_retry_after_cost_a_retry_each(serve, make_transport, sleeps):
    server = serve(Reply(429), Reply(429), Reply(429), Reply(200, {}))
    with pytest.raises(ApiError) as caught:
        make_transport(retries=2).request("GET", server.url("/x"))
    assert caught.value.status == 429 and len(server.received) == 3


def test_retry_after_is_capped(serve, make_transport, sleeps):
    server = serve(Reply(503, "", {"Retry-After": "100000"}), Reply(200, {}))
    make_transport().request("GET", server.url("/x"))
    assert sleeps == [MAX_RETRY_AFTER]


def test_backoff_without_retry_after_grows_within_bounds(serve, make_transport, sleeps):
    server = serve(Reply(500), Reply(500), Reply(500), Reply(200, {}))
    make_transport(backoff_base=0.5, backoff_cap=1.5).request("GET", server.url("/x"))
    assert len(sleeps) == 3
    for attempt, delay in enumerate(sleeps, 1):
        assert 0 <= delay <= min(1.5, 0.5 * 2 ** attempt)


@pytest.mark.parametrize("status", [500, 502, 503, 504])
@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
def test_idempotent_requests_are_retried_on_5xx(serve, make_transport, sleeps, status, method):
    server = serve(Reply(status, "oops"), Reply(200, {"done": True}))
    assert make_transport().request(method, server.url("/x")).body == {"done": True}
    assert len(server.received) == 2 and len(sleeps) == 1


@pytest.mark.parametrize("status", [400, 404, 409, 412, 501])
def test_other_errors_are_not_retried(serve, make_transport, sleeps, status):
    server = serve(Reply(status, {"code": "C%d" % status, "message": "m"}))
    with pytest.raises(ApiError) as caught:
        make_transport().request("GET", server.url("/x"))
    assert caught.value.status == status and caught.value.attempts == 1
    assert len(server.received) == 1 and sleeps == []


def test_retries_run_out_into_api_error_with_everything(serve, make_transport, sleeps):
    server = serve(OCI_503, OCI_503, OCI_503, OCI_503)
    with pytest.raises(ApiError) as caught:
        make_transport(retries=2).request("GET", server.url("/20231130/x"))
    error = caught.value
    assert (error.status, error.code, error.message, error.request_id) == (503, "ServiceUnavailable", "try later", "req-oci-1")
    assert error.attempts == 3 and len(server.received) == 3 and len(sleeps) == 2
    assert error.method == "GET" and error.url == server.url("/20231130/x")
    assert error.ambiguous is False  # a GET changes nothing


def test_huawei_request_id_header(serve, make_transport):
    server = serve(Reply(400, {"error_code": "common.01000001", "error_msg": "bad input"}, {"X-Request-Id": "hw-req-9"}))
    with pytest.raises(ApiError) as caught:
        make_transport().request("GET", server.url("/v1/workspaces"))
    assert caught.value.request_id == "hw-req-9"


def test_dropped_connections_are_retried_for_idempotent_requests(serve, make_transport, sleeps):
    server = serve(DROP, DROP, Reply(200, {"ok": 1}))
    assert make_transport().request("GET", server.url("/x")).body == {"ok": 1}
    assert len(server.received) == 3 and len(sleeps) == 2


def test_dropped_connections_run_out(serve, make_transport):
    server = serve(DROP, DROP)
    with pytest.raises(ApiError) as caught:
        make_transport(retries=1).request("GET", server.url("/x"))
    assert caught.value.status == 0 and caught.value.code == "ConnectionError"
    assert caught.value.attempts == 2 and len(server.received) == 2


def test_refused_connection_is_retried_even_for_post(make_transport, sleeps):
    signer = RecordingSigner()
    with pytest.raises(ApiError) as caught:
        make_transport(signer, retries=2).request("POST", "http://127.0.0.1:%d/x" % closed_port(), body={"a": 1})
    assert len(signer.signed) == 3 and len(sleeps) == 2
    assert caught.value.status == 0 and caught.value.attempts == 3
    assert caught.value.ambiguous is False  # nothing ever reached a server


def test_post_retries_keep_the_same_retry_token(serve, make_transport):
    server = serve(OCI_503, DROP, Reply(429), Reply(200, {"id": "new"}))
    resp = make_transport().request("POST", server.url("/20231130/models"), body={"a": 1},
                                    headers={"opc-retry-token": "Tok0123456789abcdefghijABCDEFGH"})
    assert resp.body == {"id": "new"}
    assert [r.headers["opc-retry-token"] for r in server.received] == ["Tok0123456789abcdefghijABCDEFGH"] * 4


@pytest.mark.parametrize("reply", [Reply(500, "x"), Reply(502, "x"), Reply(503, "x"), Reply(504, "x"), DROP],
                         ids=["500", "502", "503", "504", "dropped"])
def test_post_without_retry_token_is_not_repeated_when_it_may_have_landed(serve, make_transport, sleeps, reply):
    server = serve(reply, Reply(200, {"created": "twice"}))
    with pytest.raises(ApiError) as caught:
        make_transport().request("POST", server.url("/v1/workspaces"), body={"name": "ws"})
    assert len(server.received) == 1 and sleeps == []
    assert caught.value.ambiguous is True and caught.value.attempts == 1


def test_post_without_retry_token_is_retried_on_429(serve, make_transport):
    server = serve(Reply(429, "", {"Retry-After": "1"}), Reply(200, {"id": "w1"}))
    assert make_transport().request("POST", server.url("/v1/workspaces"), body={"name": "ws"}).body == {"id": "w1"}
    assert len(server.received) == 2


def test_read_timeout_on_post_is_ambiguous(serve, make_transport):
    server = serve(Reply(200, {"late": True}, delay=1.0))
    with pytest.raises(ApiError) as caught:
        make_transport(timeout=0.2).request("POST", server.url("/v1/workspaces"), body={"name": "ws"})
    assert caught.value.status == 0 and caught.value.ambiguous is True and caught.value.attempts == 1


def test_read_timeout_on_get_is_retried(serve, make_transport):
    server = serve(Reply(200, {"late": True}, delay=1.0), Reply(200, {"ok": 1}))
    assert make_transport(timeout=0.3).request("GET", server.url("/x")).body == {"ok": 1}


def test_body_cut_off_mid_transfer_is_a_connection_error(serve, make_transport):
    server = serve(Reply(200, '{"items": [', short_by=50), Reply(200, {"items": []}))
    assert make_transport().request("GET", server.url("/x")).body == {"items": []}


def test_post_body_cut_off_mid_transfer_is_ambiguous(serve, make_transport):
    server = serve(Reply(200, '{"id": "w', short_by=50))
    with pytest.raises(ApiError) as caught:
        make_transport().request("POST", server.url("/v1/workspaces"), body={"name": "ws"})
    assert caught.value.ambiguous is True


# ---------------------------------------------------------------------------------------------------
# error bodies

def error_of(serve, make_transport, reply, method="GET"):
    server = serve(reply)
    with pytest.raises(ApiError) as caught:
        make_transport(retries=0).request(method, server.url("/x"))
    return caught.value


def test_oci_error_body(serve, make_transport):
    error = error_of(serve, make_transport, Reply(
        404, {"code": "NotAuthorizedOrNotFound", "message": "Authorization failed or requested resource not found."},
        {"opc-request-id": "ABC/DEF"}))
    assert (error.status, error.code, error.request_id) == (404, "NotAuthorizedOrNotFound", "ABC/DEF")
    assert error.message == "Authorization failed or requested resource not found."


def test_huawei_error_body_with_solution(serve, make_transport):
    error = error_of(serve, make_transport, Reply(
        400, {"error_code": "common.01000001", "error_msg": "name is invalid", "solution_msg": "use 4-32 letters"}))
    assert error.code == "common.01000001"
    assert error.message == "name is invalid (use 4-32 letters)"


def test_huawei_gateway_403_nested_form(serve, make_transport):
    error = error_of(serve, make_transport, Reply(403, {
        "error": {"code": "403", "message": "Forbidden by policy", "title": "Forbidden"},
        "error_code": 403, "error_msg": "Forbidden by policy", "title": "Forbidden"}))
    assert (error.status, error.code, error.message) == (403, "403", "Forbidden by policy")


def test_error_fields_found_in_a_nested_object(serve, make_transport):
    error = error_of(serve, make_transport, Reply(401, {"error": {"code": "APIG.1002", "message": "Incorrect token"}}))
    assert (error.code, error.message) == ("APIG.1002", "Incorrect token")


def test_html_error_page_is_reduced_to_text(serve, make_transport):
    page = ("<html><head><title>502 Bad Gateway</title></head>\n<body><center><h1>502 Bad Gateway</h1></center>"
            "<hr><center>nginx</center></body></html>")
    error = error_of(serve, make_transport, Reply(502, page, {"Content-Type": "text/html"}))
    assert error.status == 502 and error.code is None
    assert "<" not in error.message and ">" not in error.message
    assert "502 Bad Gateway" in error.message and "nginx" in error.message


def test_html_page_on_success_is_a_malformed_response_saying_html(serve, make_transport):
    error = error_of(serve, make_transport, Reply(200, "<html><body><h1>Sign in to the proxy</h1></body></html>",
                                                  {"Content-Type": "text/html"}))
    assert (error.status, error.code) == (200, "MalformedResponse")
    assert "HTML page instead of JSON" in error.message and "Sign in to the proxy" in error.message


def test_html_error_page_message_says_html(serve, make_transport):
    error = error_of(serve, make_transport, Reply(503, "<html><title>503 Service Unavailable</title></html>",
                                                  {"Content-Type": "text/html"}))
    assert error.message.startswith("the service answered with an HTML page, not JSON: 503 Service Unavailable")


@pytest.mark.parametrize("method,ambiguous", [("GET", False), ("POST", True), ("PUT", True), ("DELETE", True)])
def test_unreadable_success_of_a_mutating_request_is_ambiguous(serve, make_transport, method, ambiguous):
    error = error_of(serve, make_transport, Reply(200, '{"id": "ocid1.x", "lifecycle'), method=method)
    assert error.code == "MalformedResponse" and error.ambiguous is ambiguous


def test_long_error_text_is_cut(serve, make_transport):
    error = error_of(serve, make_transport, Reply(400, "x" * 5000))
    assert 0 < len(error.message) <= 310 and error.message.endswith("...")


def test_empty_error_body(serve, make_transport):
    error = error_of(serve, make_transport, Reply(409, ""))
    assert error.status == 409 and error.message == "no message"


def test_truncated_json_on_success_is_malformed_response(serve, make_transport):
    error = error_of(serve, make_transport, Reply(200, '{"id": "ocid1.x", "displayName": "ab'))
    assert error.status == 200 and error.code == "MalformedResponse"
    assert "not valid JSON" in error.message and '"displayName": "ab' in error.message


# ---------------------------------------------------------------------------------------------------
# 401 and credential refresh

def test_401_refreshes_once_and_retries_once(serve, make_transport):
    server = serve(Reply(401, {"code": "NotAuthenticated", "message": "expired"}), Reply(200, {"ok": 1}))
    signer = RefreshingSigner()
    assert make_transport(signer).request("GET", server.url("/x")).body == {"ok": 1}
    assert signer.refreshes == 1
    assert [r.headers["x-credentials"] for r in server.received] == ["generation-1", "generation-2"]


def test_second_401_is_raised(serve, make_transport, sleeps):
    server = serve(Reply(401, {"code": "NotAuthenticated", "message": "expired"}),
                   Reply(401, {"code": "NotAuthenticated", "message": "still"}), Reply(200, {}))
    signer = RefreshingSigner()
    with pytest.raises(ApiError) as caught:
        make_transport(signer).request("GET", server.url("/x"))
    assert caught.value.status == 401 and caught.value.message == "still"
    assert signer.refreshes == 1 and len(server.received) == 2 and sleeps == []


def test_401_without_refresh_is_raised_at_once(serve, make_transport):
    server = serve(Reply(401, {"code": "NotAuthenticated", "message": "bad signature"}), Reply(200, {}))
    with pytest.raises(ApiError) as caught:
        make_transport().request("GET", server.url("/x"))
    assert caught.value.status == 401 and len(server.received) == 1


# ---------------------------------------------------------------------------------------------------
# TLS

@pytest.mark.parametrize("validate_certs, ca_bundle, verify", [
    (True, None, True),
    (False, None, False),
    (True, "/etc/ca.pem", "/etc/ca.pem"),
    (False, "/etc/ca.pem", False),
])
def test_tls_options_map_to_requests_verify(validate_certs, ca_bundle, verify, monkeypatch):
    transport = Transport(RecordingSigner(), validate_certs=validate_certs, ca_bundle=ca_bundle)
    seen = {}

    class Answer:
        status_code = 200
        headers = {}

        def iter_content(self, size):
            return iter([b"{}"])

    def fake_request(method, url, **kwargs):
        seen.update(kwargs)
        return Answer()

    monkeypatch.setattr(transport.session, "request", fake_request)
    transport.request("GET", "https://127.0.0.1:1/x")
    assert seen["verify"] == verify
    assert seen["timeout"] == 60


@pytest.fixture(scope="module")
def tls_files(tmp_path_factory):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, u"127.0.0.1")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(u"127.0.0.1"))]), False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
            .sign(key, hashes.SHA256()))
    directory = tmp_path_factory.mktemp("tls")
    cert_file, key_file = directory / "cert.pem", directory / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return str(cert_file), str(key_file)


@pytest.fixture
def tls_server(serve, tls_files):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*tls_files)
    return serve(Reply(200, {"tls": True}), ssl_context=context)


def test_untrusted_certificate_is_a_tls_error_that_names_ca_bundle(tls_server, make_transport, sleeps):
    with pytest.raises(ApiError) as caught:
        make_transport().request("GET", tls_server.url("/x", scheme="https"))
    assert caught.value.code == "TLSError" and caught.value.status == 0
    assert "ca_bundle" in caught.value.message and "certificate verify failed" in caught.value.message
    assert sleeps == []  # retrying cannot fix trust


def test_ca_bundle_makes_the_certificate_trusted(tls_server, tls_files, make_transport):
    resp = make_transport(ca_bundle=tls_files[0]).request("GET", tls_server.url("/x", scheme="https"))
    assert resp.body == {"tls": True}


@pytest.mark.filterwarnings("ignore::urllib3.exceptions.InsecureRequestWarning")
def test_validate_certs_false_accepts_any_certificate(tls_server, make_transport):
    resp = make_transport(validate_certs=False).request("GET", tls_server.url("/x", scheme="https"))
    assert resp.body == {"tls": True}


# ---------------------------------------------------------------------------------------------------
# ApiError

def test_api_error_text_has_the_facts_and_no_secret(serve, make_transport):
    server = serve(Reply(409, {"code": "IncorrectState", "message": "cluster is busy"}, {"opc-request-id": "rid-77"}))
    with pytest.raises(ApiError) as caught:
        make_transport().request("DELETE", server.url("/20231130/dedicatedAiClusters/c1"))
    error = caught.value
    text = str(error)
    for fact in ("409", "IncorrectState", "cluster is busy", "rid-77", "DELETE", "/dedicatedAiClusters/c1"):
        assert fact in text
    everything = text + repr(error) + json.dumps(error.to_dict()) + repr(error.args)
    assert "c2VjcmV0LXNpZ25hdHVyZS12YWx1ZQ" not in everything and "Signature keyId" not in everything
    assert error.to_dict() == {"status": 409, "code": "IncorrectState", "message": "cluster is busy",
                               "request_id": "rid-77", "method": "DELETE",
                               "url": server.url("/20231130/dedicatedAiClusters/c1")}


def test_connection_error_text_has_no_secret(make_transport):
    with pytest.raises(ApiError) as caught:
        make_transport(retries=0).request("GET", "http://127.0.0.1:%d/x" % closed_port())
    assert "no response" in str(caught.value) and "ConnectionError" in str(caught.value)
    assert "Signature" not in str(caught.value) + repr(caught.value.args)


class HeaderSigner:
    """Puts a value the HTTP library refuses (a token read with its trailing newline) into a header."""

    def __init__(self, value):
        self.value = value

    def sign(self, method, url, headers, body):
        headers["x-auth-token"] = self.value


@pytest.mark.parametrize("value", ["tok-SECRET-1234\n", " tok-SECRET-1234", "tok-SECRET\r\n1234", "tok-SECRET\u20191234"])
def test_a_header_the_http_library_refuses_is_an_api_error_without_its_value(serve, make_transport, value):
    server = serve(Reply(200, {}))
    with pytest.raises(ApiError) as caught:
        make_transport(signer=HeaderSigner(value)).request("GET", server.url("/x"))
    error = caught.value
    assert error.code == "RequestError" and error.status == 0 and not server.received
    everything = str(error) + repr(error.args) + json.dumps(error.to_dict())
    assert "SECRET" not in everything and "1234" not in everything


def test_an_answer_larger_than_the_cap_is_refused_unread(serve, make_transport, monkeypatch):
    monkeypatch.setattr(transport_module, "MAX_BODY", 1000)
    server = serve(Reply(200, {"id": "x" * 2000}, {"opc-request-id": "rid-big"}), Reply(200, {"id": "x" * 900}))
    with pytest.raises(ApiError) as caught:
        make_transport().request("GET", server.url("/x"))
    assert caught.value.code == "ResponseTooLarge" and caught.value.request_id == "rid-big"
    assert make_transport().request("GET", server.url("/x")).body == {"id": "x" * 900}


HOSTILE_IDS = ["{sk}", "{0}", "../x", "a?b", "a/b", "..", ".", "a#b", "%2F", "a b", "{workspace_id}", "\u00e9/\n"]


@pytest.mark.parametrize("value", HOSTILE_IDS)
def test_fill_path_makes_each_value_exactly_one_segment(value):
    path = fill_path("/v1/workspaces/{workspace_id}/models/{id}", {"workspace_id": value, "id": value, "sk": "SECRET"})
    segments = urlsplit("https://host" + path).path.split("/")
    assert segments[:3] == ["", "v1", "workspaces"] and segments[4] == "models" and len(segments) == 6
    assert unquote(segments[3]) == value and unquote(segments[5]) == value
    assert segments[5] not in (".", "..") and "SECRET" not in path


def test_fill_path_takes_no_other_placeholder_or_format_syntax():
    with pytest.raises(KeyError):
        fill_path("/v1/{missing}", {"id": "x"})
    assert fill_path("/v1/{id}/x", {"id": "{0.__class__}"}) == "/v1/%7B0.__class__%7D/x"


@pytest.mark.parametrize("value", HOSTILE_IDS)
def test_a_filled_path_reaches_the_server_as_one_segment(serve, make_transport, value):
    server = serve(Reply(200, {}))
    make_transport().request("GET", server.url(fill_path("/v1/models/{id}", {"id": value})))
    segments = server.received[0].path.split("?")[0].split("/")
    assert len(segments) == 4 and unquote(segments[3]) == value


@hypothesis.given(hypothesis.strategies.text(min_size=1))
def test_fill_path_property_the_decoded_segment_is_the_value(value):
    segments = urlsplit("https://host" + fill_path("/a/{id}/b", {"id": value})).path.split("/")
    assert len(segments) == 4 and unquote(segments[2]) == value and segments[2] not in (".", "..")
