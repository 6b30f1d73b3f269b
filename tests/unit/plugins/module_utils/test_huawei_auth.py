# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import hashlib
import json
import os
import time

import pytest

from ansible_collections.cloudai.control.plugins.module_utils.huawei_auth import (
    FABRIC_EP_SERVICE,
    AkSkSigner,
    HuaweiAuthError,
    TokenSigner,
    build_huawei_signer,
    canonical_query,
    canonical_request,
    canonical_uri,
    parse_query,
    resolve_huawei_settings,
    string_to_sign,
)

with open(os.path.join(os.path.dirname(__file__), "testdata", "huawei_vectors.json")) as vectors_file:
    VECTORS = json.load(vectors_file)

AK = VECTORS["ak"]
SK = VECTORS["sk"]
PROJECT_ID = VECTORS["project_id"]
DATE = VECTORS["x_sdk_date"]
SECURITY_TOKEN = "temporaryTokenValue-0123456789"
AUTH_TOKEN = "MIIauthTokenValue-abcdef"
URL = "https://fabric.cn-north-4.myhuaweicloud.com/v1/workspaces/ws1/models"


def unsigned_headers(vector):
    return dict((k, v) for k, v in vector["headers"].items() if k.lower() != "authorization")


def lower_keys(headers):
    return dict((k.lower(), v) for k, v in headers.items())


def fields_of(authorization):
    algorithm, rest = authorization.split(" ", 1)
    fields = dict(part.split("=", 1) for part in rest.split(", "))
    fields["algorithm"] = algorithm
    return fields


# --- official SDK vectors -------------------------------------------------------------------------

@pytest.mark.parametrize("vector", VECTORS["vectors"], ids=lambda v: v["name"])
def test_vector_canonical_request_and_string_to_sign(vector):
    canonical = canonical_request(vector["method"], vector["url"], unsigned_headers(vector), vector["body"])
    assert canonical == vector["canonical_request"]
    assert string_to_sign(canonical, DATE) == vector["string_to_sign"]


@pytest.mark.parametrize("vector", VECTORS["vectors"], ids=lambda v: v["name"])
def test_vector_authorization(vector):
    headers = unsigned_headers(vector)
    body = vector["body"].encode("utf-8") or None
    AkSkSigner(AK, SK, PROJECT_ID).sign(vector["method"], vector["url"], headers, body)
    assert headers["authorization"] == vector["authorization"]
    assert lower_keys(headers) == lower_keys(vector["headers"])


@pytest.mark.parametrize("vector", VECTORS["vectors"], ids=lambda v: v["name"])
def test_vector_signed_from_minimal_headers(vector):
    """Host and X-Project-Id added by the signer give the same signature as the SDK's own headers."""
    headers = {
        "content-type": "application/json",
        "user-agent": vector["headers"]["User-Agent"],
        "x-sdk-date": DATE,
    }
    AkSkSigner(AK, SK, PROJECT_ID).sign(vector["method"], vector["url"], headers, vector["body"].encode("utf-8"))
    assert headers["authorization"] == vector["authorization"]


# --- canonical query ------------------------------------------------------------------------------

@pytest.mark.parametrize("params, expected", [
    ([("name", "my model")], "name=my%20model"),
    ([("name", "a+b")], "name=a%2Bb"),
    ([("path", "obs://bucket/a b/")], "path=obs%3A%2F%2Fbucket%2Fa%20b%2F"),
    ([("q", "x&y=z")], "q=x%26y%3Dz"),
    ([("q", "100%")], "q=100%25"),
    ([("safe", "A-Z_a.z~09")], "safe=A-Z_a.z~09"),
    ([("name", u"模型é")], "name=%E6%A8%A1%E5%9E%8B%C3%A9"),
    ([(u"ключ", "v")], "%D0%BA%D0%BB%D1%8E%D1%87=v"),
    ([("offset", 0), ("limit", 10)], "limit=10&offset=0"),
    ([("b", "2"), ("a", "z"), ("a", "y")], "a=y&a=z&b=2"),
    ({"spec_types": ["MU", "APU"], "limit": 5}, "limit=5&spec_types=APU&spec_types=MU"),
    ({"create_by_me": True, "is_delete_app_instance": False}, "create_by_me=true&is_delete_app_instance=false"),
    ({"name": None, "limit": 1}, "limit=1"),
    ({"empty": ""}, "empty="),
    ([], ""),
    # sorted on the values before encoding, as the SDK does: "." (0x2E) < "/" (0x2F) but "%2F" < "."
    ([("k", "a/"), ("k", "a.")], "k=a.&k=a%2F"),
    ([("k", u"é"), ("k", "~")], "k=~&k=%C3%A9"),
])
def test_canonical_query(params, expected):
    assert canonical_query(params) == expected


def test_canonical_query_round_trips_through_url():
    params = [("name", u"my model+v1/é"), ("tags", ["b", "a b"]), ("flag", True), ("q", "x&y=z%")]
    query = canonical_query(params)
    assert canonical_query(parse_query(query)) == query


def test_parse_query_keeps_plus_and_blank_values():
    assert parse_query("a=1+2&b=&c&d=x%20y%2Bz&&e=f=g") == [
        ("a", "1+2"), ("b", ""), ("c", ""), ("d", "x y+z"), ("e", "f=g")]


def test_signature_does_not_depend_on_query_order_or_encoding_in_url():
    def authorization(url):
        headers = {"x-sdk-date": DATE}
        AkSkSigner(AK, SK, PROJECT_ID).sign("GET", url, headers, None)
        return headers["authorization"]

    sorted_url = URL + "?limit=10&name=my%20model&offset=0"
    assert authorization(URL + "?offset=0&name=my%20model&limit=10") == authorization(sorted_url)
    assert authorization(URL + "?offset=0&name=my%20mod%65l&limit=10") == authorization(sorted_url)
    assert authorization(URL + "?offset=0&name=my%2Bmodel&limit=10") != authorization(sorted_url)


# --- canonical URI --------------------------------------------------------------------------------

@pytest.mark.parametrize("path, expected", [
    ("/v1/workspaces/ws1/models", "/v1/workspaces/ws1/models/"),
    ("/v1/workspaces/ws1/models/", "/v1/workspaces/ws1/models/"),
    ("", "/"),
    ("/", "/"),
    ("/v1/models/my%20model", "/v1/models/my%20model/"),
    ("/v1/models/my model", "/v1/models/my%20model/"),
    ("/v1/models/%e6%a8%a1", "/v1/models/%E6%A8%A1/"),
    (u"/v1/models/模", "/v1/models/%E6%A8%A1/"),
    ("/v1/models/a%7Eb~c", "/v1/models/a~b~c/"),
    ("/v1/models/a:b@c+d", "/v1/models/a%3Ab%40c%2Bd/"),
    ("/v1/models/a%2Fb", "/v1/models/a/b/"),
])
def test_canonical_uri(path, expected):
    assert canonical_uri(path) == expected


def test_canonical_request_escapes_path():
    canonical = canonical_request("get", "http://127.0.0.1:8080/v1/w s/m%3Ax", {"host": "127.0.0.1:8080"}, None)
    assert canonical.split("\n")[:3] == ["GET", "/v1/w%20s/m%3Ax/", ""]


# --- AkSkSigner -----------------------------------------------------------------------------------

def test_sign_adds_date_host_project_and_authorization():
    headers = {"content-type": "application/json"}
    before = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    AkSkSigner(AK, SK, PROJECT_ID).sign("GET", "http://127.0.0.1:8443/v1/workspaces", headers, None)
    after = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    assert before <= headers["x-sdk-date"] <= after
    assert headers["host"] == "127.0.0.1:8443"
    assert headers["x-project-id"] == PROJECT_ID
    fields = fields_of(headers["authorization"])
    assert fields["algorithm"] == "SDK-HMAC-SHA256"
    assert fields["Access"] == AK
    assert fields["SignedHeaders"] == "content-type;host;x-project-id;x-sdk-date"
    assert len(fields["Signature"]) == 64


def test_sign_keeps_caller_date_and_host_whatever_their_case():
    headers = {"X-SDK-DATE": DATE, "Host": "example.test"}
    AkSkSigner(AK, SK).sign("GET", URL, headers, None)
    assert set(headers) == {"X-SDK-DATE", "Host", "authorization"}
    assert headers["X-SDK-DATE"] == DATE
    assert headers["Host"] == "example.test"
    assert fields_of(headers["authorization"])["SignedHeaders"] == "host;x-sdk-date"


def test_sign_without_project_id_adds_no_project_header():
    headers = {"x-sdk-date": DATE}
    AkSkSigner(AK, SK).sign("GET", URL, headers, None)
    assert "x-project-id" not in headers


def test_security_token_is_sent_and_signed():
    plain, temporary = {"x-sdk-date": DATE}, {"x-sdk-date": DATE}
    AkSkSigner(AK, SK, PROJECT_ID).sign("GET", URL, plain, None)
    AkSkSigner(AK, SK, PROJECT_ID, security_token=SECURITY_TOKEN).sign("GET", URL, temporary, None)
    assert temporary["x-security-token"] == SECURITY_TOKEN
    assert fields_of(temporary["authorization"])["SignedHeaders"] == "host;x-project-id;x-sdk-date;x-security-token"
    assert fields_of(temporary["authorization"])["Signature"] != fields_of(plain["authorization"])["Signature"]
    assert SECURITY_TOKEN not in temporary["authorization"]


def test_header_names_with_underscore_are_sent_but_not_signed():
    headers = {"x-sdk-date": DATE, "x_trace_id": "abc", "X-Custom": "  padded  "}
    AkSkSigner(AK, SK).sign("GET", URL, headers, None)
    assert headers["x_trace_id"] == "abc"
    assert fields_of(headers["authorization"])["SignedHeaders"] == "host;x-custom;x-sdk-date"
    assert "\nx-custom:padded\n" in canonical_request("GET", URL, headers, None)


def test_stale_authorization_is_replaced_not_signed():
    fresh, stale = {"x-sdk-date": DATE}, {"x-sdk-date": DATE, "Authorization": "SDK-HMAC-SHA256 old"}
    AkSkSigner(AK, SK).sign("GET", URL, fresh, None)
    AkSkSigner(AK, SK).sign("GET", URL, stale, None)
    assert stale == fresh


def test_body_hash_for_json_body_and_str_body():
    body = b'{"name":"m1"}'
    by_bytes = {"x-sdk-date": DATE, "content-type": "application/json;charset=UTF-8"}
    by_str = dict(by_bytes)
    AkSkSigner(AK, SK).sign("POST", URL, by_bytes, body)
    AkSkSigner(AK, SK).sign("POST", URL, by_str, body.decode("utf-8"))
    assert by_bytes == by_str
    assert "x-sdk-content-sha256" not in by_bytes
    canonical = canonical_request("POST", URL, by_bytes, body)
    assert canonical.endswith("\n" + hashlib.sha256(body).hexdigest())


@pytest.mark.parametrize("body, payload_hash", [
    (b"binary\x00data", "UNSIGNED-PAYLOAD"),
    (None, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    (b"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
])
def test_non_json_content_is_unsigned_payload(body, payload_hash):
    headers = {"x-sdk-date": DATE, "content-type": "application/octet-stream"}
    AkSkSigner(AK, SK).sign("PUT", URL, headers, body)
    assert headers["x-sdk-content-sha256"] == "UNSIGNED-PAYLOAD"
    assert "x-sdk-content-sha256" in fields_of(headers["authorization"])["SignedHeaders"].split(";")
    assert canonical_request("PUT", URL, headers, body).endswith("\n" + payload_hash)


def test_signature_changes_with_every_signed_input():
    def signature(method="GET", url=URL, sk=SK, body=None, extra=None):
        headers = {"x-sdk-date": DATE}
        headers.update(extra or {})
        AkSkSigner(AK, sk).sign(method, url, headers, body)
        return fields_of(headers["authorization"])["Signature"]

    base = signature()
    variants = [
        signature(method="DELETE"),
        signature(url=URL + "/"),  # trailing slash: the same canonical URI ...
        signature(url=URL + "?a=1"),
        signature(url=URL.replace("models", "model")),
        signature(sk=SK + "x"),
        signature(method="POST", body=b"{}"),
        signature(extra={"x-sdk-date": "20250106T120001Z"}),
    ]
    assert variants[1] == base  # ... so the same signature, as the SDK computes it
    others = [variants[0]] + variants[2:]
    assert base not in others
    assert len(set(others)) == len(others)


# --- TokenSigner ----------------------------------------------------------------------------------

def test_token_signer():
    headers = {"content-type": "application/json"}
    TokenSigner(AUTH_TOKEN, PROJECT_ID).sign("GET", URL, headers, None)
    assert headers == {"content-type": "application/json", "x-auth-token": AUTH_TOKEN, "x-project-id": PROJECT_ID}
    headers = {}
    TokenSigner(AUTH_TOKEN).sign("GET", URL, headers, None)
    assert headers == {"x-auth-token": AUTH_TOKEN}


# --- settings -------------------------------------------------------------------------------------

def settings_params(**overrides):
    params = {"region": "cn-north-4", "project_id": PROJECT_ID, "ak": AK, "sk": SK,
              "security_token": None, "auth_token": None, "endpoint": None}
    params.update(overrides)
    return params


@pytest.fixture(autouse=True)
def no_endpoint_env(monkeypatch):
    for name in list(os.environ):
        if name.startswith("HUAWEICLOUD_SDK_REGION_"):
            monkeypatch.delenv(name)


@pytest.mark.parametrize("overrides, words", [
    ({"sk": None}, ["sk", "ak"]),
    ({"ak": None}, ["ak", "sk"]),
    ({"ak": None, "sk": None}, ["ak", "sk", "auth_token"]),
    ({"auth_token": AUTH_TOKEN}, ["auth_token", "ak"]),
    ({"ak": None, "sk": None, "auth_token": AUTH_TOKEN, "security_token": SECURITY_TOKEN}, ["auth_token"]),
    ({"project_id": None}, ["project_id", "required"]),
    ({"project_id": ""}, ["project_id", "required"]),
    ({"project_id": "abc/def"}, ["project_id", "1-64"]),
    ({"project_id": "a" * 65}, ["project_id", "1-64"]),
    ({"region": None}, ["region", "endpoint"]),
    ({"region": "CN-NORTH-4"}, ["region", "cn-north-4"]),
    ({"region": "cn-north"}, ["region"]),
    ({"region": "cnnorth4"}, ["region"]),
    ({"region": "cn-north-4/evil"}, ["region"]),
    ({"endpoint": "ftp://127.0.0.1"}, ["endpoint"]),
    ({"endpoint": "127.0.0.1:8080"}, ["endpoint"]),
])
def test_settings_errors_name_the_option(overrides, words):
    with pytest.raises(HuaweiAuthError) as excinfo:
        resolve_huawei_settings(settings_params(**overrides))
    message = str(excinfo.value)
    for word in words:
        assert word in message
    for secret in (SK, SECURITY_TOKEN, AUTH_TOKEN):
        assert secret not in message


def test_settings_default_endpoint_and_aksk_signer():
    settings = resolve_huawei_settings(settings_params(security_token=SECURITY_TOKEN))
    assert settings["endpoint"] == "https://fabric.cn-north-4.myhuaweicloud.com"
    assert settings["region"] == "cn-north-4"
    assert settings["project_id"] == PROJECT_ID
    assert SK not in repr(settings) and SECURITY_TOKEN not in repr(settings)
    signer = build_huawei_signer(settings)
    assert isinstance(signer, AkSkSigner)
    headers = {"x-sdk-date": DATE}
    signer.sign("GET", URL, headers, None)
    assert headers["x-project-id"] == PROJECT_ID and headers["x-security-token"] == SECURITY_TOKEN
    assert SK not in repr(signer)


@pytest.mark.parametrize("region, suggestion", [("cn-nort-4", " (did you mean cn-north-4?)"), ("xx-new-1", "")])
def test_an_unknown_region_is_refused_unless_its_endpoint_is_given(monkeypatch, region, suggestion):
    with pytest.raises(HuaweiAuthError) as error:
        resolve_huawei_settings(settings_params(region=region))
    assert str(error.value) == (
        "Option region %r is not a Huawei Cloud region%s. For a region newer than the collection's list, give the "
        "service's URL in it with endpoint (or HUAWEICLOUD_SDK_REGION_DATAARTSFABRIC_%s)."
        % (region, suggestion, region.upper().replace("-", "_")))
    given = resolve_huawei_settings(settings_params(region=region, endpoint="https://fabric.example"))
    assert given["endpoint"] == "https://fabric.example"
    monkeypatch.setenv("HUAWEICLOUD_SDK_REGION_DATAARTSFABRIC_" + region.upper().replace("-", "_"), "https://f.example")
    assert resolve_huawei_settings(settings_params(region=region))["endpoint"] == "https://f.example"


def test_settings_token_signer():
    settings = resolve_huawei_settings(settings_params(ak="", sk="", auth_token=AUTH_TOKEN, region="ap-southeast-1"))
    assert settings["endpoint"] == "https://fabric.ap-southeast-1.myhuaweicloud.com"
    signer = build_huawei_signer(settings)
    assert isinstance(signer, TokenSigner)
    headers = {}
    signer.sign("GET", URL, headers, None)
    assert headers == {"x-auth-token": AUTH_TOKEN, "x-project-id": PROJECT_ID}
    assert AUTH_TOKEN not in repr(settings) and AUTH_TOKEN not in repr(signer)


def test_settings_endpoint_from_environment(monkeypatch):
    monkeypatch.setenv("HUAWEICLOUD_SDK_REGION_DATAARTSFABRIC_CN_SOUTHWEST_2",
                       " http://127.0.0.1:8080/ ,https://fabric.other.example")
    settings = resolve_huawei_settings(settings_params(region="cn-southwest-2"))
    assert settings["endpoint"] == "http://127.0.0.1:8080"
    other_region = resolve_huawei_settings(settings_params(region="cn-north-4"))
    assert other_region["endpoint"] == "https://fabric.cn-north-4.myhuaweicloud.com"


def test_settings_of_the_companion_service(monkeypatch):
    settings = resolve_huawei_settings(settings_params(region="cn-north-4"), FABRIC_EP_SERVICE)
    assert settings["endpoint"] == "https://fabric-ep.cn-north-4.myhuaweicloud.com"
    monkeypatch.setenv("HUAWEICLOUD_SDK_REGION_DATAARTSFABRICEP_CN_NORTH_4", "http://127.0.0.1:8081")
    monkeypatch.setenv("HUAWEICLOUD_SDK_REGION_DATAARTSFABRIC_CN_NORTH_4", "http://127.0.0.1:8080")
    assert resolve_huawei_settings(settings_params(region="cn-north-4"), FABRIC_EP_SERVICE)["endpoint"] == "http://127.0.0.1:8081"
    assert resolve_huawei_settings(settings_params(region="cn-north-4"))["endpoint"] == "http://127.0.0.1:8080"


def test_settings_endpoint_option_beats_environment(monkeypatch):
    monkeypatch.setenv("HUAWEICLOUD_SDK_REGION_DATAARTSFABRIC_CN_NORTH_4", "http://127.0.0.1:8080")
    settings = resolve_huawei_settings(settings_params(endpoint="http://127.0.0.1:9090/"))
    assert settings["endpoint"] == "http://127.0.0.1:9090"


def test_settings_endpoint_without_region():
    settings = resolve_huawei_settings(settings_params(region=None, endpoint="https://127.0.0.1:8443"))
    assert settings == dict(settings, endpoint="https://127.0.0.1:8443", region=None, project_id=PROJECT_ID)
