# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Our AK/SK signer against the official huaweicloudsdkcore signer, on seeded random requests.

The SDK signs an SdkRequest (resource path + query pairs) and sends ``resource_path?canonical query``;
we build that URL with canonical_query(), sign it with AkSkSigner and must get the same headers.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import random
import time

import pytest

try:
    from urllib.parse import quote
except ImportError:  # pragma: no cover
    from urllib import quote

pytest.importorskip("huaweicloudsdkcore")

from huaweicloudsdkcore.auth.credentials import BasicCredentials  # noqa: E402
from huaweicloudsdkcore.sdk_request import SdkRequest  # noqa: E402

from ansible_collections.cloudai.control.plugins.module_utils.huawei_auth import (  # noqa: E402
    AkSkSigner,
    canonical_query,
)

AK = "TESTAK0123456789ABCD"
SK = "testSecretKey0123456789abcdefghijklmnopqr"
PROJECT_ID = "0123456789abcdef0123456789abcdef"
SEED = 20250106
CASES = 400

HOSTS = [
    ("https", "fabric.cn-north-4.myhuaweicloud.com"),
    ("https", "fabric.ap-southeast-1.myhuaweicloud.com:443"),
    ("https", "localhost:8443"),
    ("http", "127.0.0.1:9000"),
]
CONTENT_TYPES = [None, "application/json", "application/json;charset=UTF-8", "application/bson",
                 "application/octet-stream", "text/plain", "multipart/form-data; boundary=x"]
# characters that need escaping in paths and queries, plus the unreserved ones that must not be escaped
TEXT_CHARS = u"abcXYZ019-_.~ +/&=%?#:@!$'()*,;é模😀"


def random_text(rng, min_len=0, max_len=8):
    return u"".join(rng.choice(TEXT_CHARS) for dummy in range(rng.randint(min_len, max_len)))


def random_query(rng):
    """Distinct keys, each with one kind of value, so the SDK can sort the pairs (it compares raw values)."""
    keys = set(random_text(rng, 1, 6) for dummy in range(rng.randint(0, 5)))
    pairs = []
    for key in sorted(keys):
        kind = rng.choice(["str", "repeated", "bool", "int", "list", "empty"])
        if kind == "str":
            pairs.append((key, random_text(rng)))
        elif kind == "repeated":
            pairs.extend((key, random_text(rng)) for dummy in range(rng.randint(2, 3)))
        elif kind == "bool":
            pairs.append((key, rng.choice([True, False])))
        elif kind == "int":
            pairs.append((key, rng.randint(0, 1000)))
        elif kind == "list":
            pairs.append((key, [random_text(rng) for dummy in range(rng.randint(1, 3))]))
        else:
            pairs.append((key, ""))
    rng.shuffle(pairs)
    return pairs


def random_body(rng, method):
    choice = rng.choice(["none", "empty", "json", "bytes"] if method in ("POST", "PUT", "PATCH") else ["none", "empty"])
    if choice == "none":
        return None
    if choice == "empty":
        return b""
    if choice == "json":
        return json.dumps({"name": random_text(rng, 1), "n": rng.randint(0, 9)}, ensure_ascii=False).encode("utf-8")
    return bytes(bytearray(rng.randint(0, 255) for dummy in range(rng.randint(1, 64))))


def random_case(rng):
    method = rng.choice(["GET", "POST", "PUT", "DELETE", "PATCH"])
    schema, host = rng.choice(HOSTS)
    segments = ["v1", "workspaces"] + [quote(random_text(rng, 1).encode("utf-8"), safe="")
                                       for dummy in range(rng.randint(1, 3))]
    resource_path = "/" + "/".join(segments) + rng.choice(["", "/"])
    headers = {
        "X-Sdk-Date": time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(rng.randint(1500000000, 1900000000))),
        "User-Agent": "huaweicloud-usdk-python/3.0; oracle",
    }
    content_type = rng.choice(CONTENT_TYPES)
    if content_type:
        headers["Content-Type"] = content_type
    if rng.random() < 0.3:
        headers["Host"] = host
    if rng.random() < 0.3:
        headers["X-Custom-Note"] = "  padded value\t"
    if rng.random() < 0.3:
        headers["x_not_signed"] = "underscore"
    return {
        "method": method,
        "schema": schema,
        "host": host,
        "resource_path": resource_path,
        "query": random_query(rng),
        "headers": headers,
        "body": random_body(rng, method),
        "project_id": rng.choice([PROJECT_ID, None]),
        "security_token": rng.choice([None, "tmpToken-" + str(rng.randint(0, 10 ** 9))]),
    }


def generate_cases():
    rng = random.Random(SEED)
    return [random_case(rng) for dummy in range(CASES)]


CASE_LIST = generate_cases()


def copy_query(pairs):
    return [(key, list(value) if isinstance(value, list) else value) for key, value in pairs]


def sdk_sign(case):
    credentials = BasicCredentials(AK, SK, case["project_id"])
    if case["security_token"]:
        credentials = credentials.with_security_token(case["security_token"])
    request = SdkRequest(method=case["method"], schema=case["schema"], host=case["host"],
                         resource_path=case["resource_path"], query_params=copy_query(case["query"]),
                         header_params=dict(case["headers"]), body=case["body"])
    return credentials.sign_request(request)


def stripped(headers):
    return dict((name.lower(), str(value).strip()) for name, value in headers.items())


def test_cases_cover_what_matters():
    cases = CASE_LIST
    assert set(c["method"] for c in cases) == {"GET", "POST", "PUT", "DELETE", "PATCH"}
    assert any(c["security_token"] for c in cases) and any(not c["security_token"] for c in cases)
    assert any(c["body"] for c in cases) and any(not c["body"] for c in cases)
    query_text = u"".join(u"%s=%s" % pair for c in cases for pair in c["query"])
    for char in u" +/&=é模":
        assert char in query_text
    assert any(len(set(k for k, dummy in c["query"])) < len(c["query"]) for c in cases)  # repeated keys
    assert any(c["body"] and c["headers"].get("Content-Type") in ("application/octet-stream", "text/plain")
               for c in cases)  # UNSIGNED-PAYLOAD
    assert any(c["host"].endswith(":8443") for c in cases)


@pytest.mark.parametrize("index", range(CASES))
def test_signature_matches_sdk(index):
    case = CASE_LIST[index]
    sdk_request = sdk_sign(case)

    query = canonical_query(case["query"])
    url = "%s://%s%s" % (case["schema"], case["host"], case["resource_path"]) + ("?" + query if query else "")
    assert url == sdk_request.url  # what the SDK sends is what our client sends

    headers = dict(case["headers"])
    AkSkSigner(AK, SK, case["project_id"], case["security_token"]).sign(case["method"], url, headers, case["body"])
    assert stripped(headers) == stripped(sdk_request.header_params)


@pytest.mark.parametrize("index", range(0, CASES, 7))
def test_signature_independent_of_query_order_in_url(index):
    """A URL with the pairs in the caller's order (not canonical) still signs like the SDK."""
    case = CASE_LIST[index]
    sdk_request = sdk_sign(case)
    pairs = []
    for key, value in case["query"]:
        for item in (value if isinstance(value, list) else [value]):
            item = ("true" if item else "false") if isinstance(item, bool) else str(item)
            pairs.append("%s=%s" % (quote(key.encode("utf-8"), safe=""), quote(item.encode("utf-8"), safe="")))
    url = "%s://%s%s" % (case["schema"], case["host"], case["resource_path"]) + ("?" + "&".join(pairs) if pairs else "")
    headers = dict(case["headers"])
    AkSkSigner(AK, SK, case["project_id"], case["security_token"]).sign(case["method"], url, headers, case["body"])
    assert headers["authorization"] == sdk_request.header_params["Authorization"]
