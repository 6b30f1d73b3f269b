# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Our OCI signers and tables against the official ``oci`` SDK (a test-only dependency; skipped without it).

Each request is prepared with ``requests``, signed by the SDK with a pinned ``date`` header, and signed by
our signer from the same method, URL (as prepared, i.e. as sent) and body; the Authorization headers must
be identical byte for byte.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import itertools
import json

import pytest
import requests

oci = pytest.importorskip("oci")

from cryptography.hazmat.primitives import serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import rsa  # noqa: E402
from oci.auth.federation_client import AuthTokenRequestSigner  # noqa: E402
from oci.auth.signers import SecurityTokenSigner as SdkSecurityTokenSigner  # noqa: E402

from ansible_collections.cloudai.control.plugins.module_utils import oci_auth  # noqa: E402
from ansible_collections.cloudai.control.plugins.module_utils.oci_auth import (  # noqa: E402
    ApiKeySigner,
    SecurityTokenSigner,
)
from ansible_collections.cloudai.control.plugins.module_utils import oci_regions  # noqa: E402
from ansible_collections.cloudai.control.plugins.module_utils.oci_config import resolve_oci_settings  # noqa: E402

DATE = "Tue, 07 Jan 2025 08:09:10 GMT"
TENANCY = "ocid1.tenancy.oc1..aaaaaaaaoracletenancy"
USER = "ocid1.user.oc1..aaaaaaaaoracleuser"
FINGERPRINT = "01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef"
TOKEN = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJvcmFjbGUifQ.c2ln"

METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"]
# (url, params for requests to encode)
TARGETS = [
    ("https://generativeai.us-chicago-1.oci.oraclecloud.com/20231130/models", None),
    ("https://generativeai.us-chicago-1.oci.oraclecloud.com/20231130/models",
     [("capability", "CHAT"), ("capability", "TEXT_EMBEDDINGS"), ("displayName", "my model/v1 \u00fcber"),
      ("q", "a&b=c+d%e?f#g"), ("empty", ""), ("limit", 10)]),
    ("https://localhost:8443/20220125/projects/ocid1.aivisionproject.oc1.iad.amaaaaaa", None),
    ("http://127.0.0.1:8080/20231130/models?already=%2Fencoded+value&x=%C3%BC", None),
    ("https://vision.aiservice.us-ashburn-1.oci.oraclecloud.com:443/20220125/projects", [("a b", "c~d*e'(f)")]),
    ("https://h.example/20231130/endpoints/ocid1.x%2Fy/actions/changeCompartment", None),
    ("https://h.example", [("only", "query")]),
]
BODIES = [
    None,
    b"",
    json.dumps({"compartmentId": "ocid1.compartment.oc1..aaaa", "unitCount": 1}).encode("utf-8"),
    json.dumps({"displayName": "\u00fcn\u00efc\u00f6d\u00e9 \u2713 \U0001f600"}, ensure_ascii=False).encode("utf-8"),
]
CASES = list(itertools.product(METHODS, range(len(TARGETS)), range(len(BODIES))))


@pytest.fixture(scope="module")
def key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def signers(key):
    """(sdk, ours) pairs built once: key loading is the slow part."""
    key_id = "%s/%s/%s" % (TENANCY, USER, FINGERPRINT)
    return {
        "api_key": (oci.signer.Signer(TENANCY, USER, FINGERPRINT, None, private_key_content=_pem(key)),
                    ApiKeySigner(key_id, _pem(key))),
        "security_token": (SdkSecurityTokenSigner(TOKEN, key), SecurityTokenSigner(TOKEN + "\n", _pem(key))),
    }


def _pem(key, pass_phrase=None):
    encryption = serialization.BestAvailableEncryption(pass_phrase.encode()) if pass_phrase else \
        serialization.NoEncryption()
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)


def _prepare(method, target, body):
    url, params = TARGETS[target]
    return requests.Request(method, url, params=params, data=BODIES[body], headers={"date": DATE}).prepare()


def _ours(signer, prepared):
    headers = {"date": DATE}
    body = prepared.body.encode("utf-8") if isinstance(prepared.body, str) else prepared.body
    signer.sign(prepared.method, prepared.url, headers, body)
    return headers


@pytest.mark.parametrize("kind", ["api_key", "security_token"])
@pytest.mark.parametrize("method, target, body", CASES)
def test_signer_matches_sdk(signers, kind, method, target, body):
    sdk, ours = signers[kind]
    prepared = _prepare(method, target, body)
    sdk(prepared)
    headers = _ours(ours, prepared)
    assert headers["authorization"] == prepared.headers["authorization"]
    for name in ("host", "content-length", "x-content-sha256"):
        if name in headers:
            assert headers[name] == prepared.headers[name]


def test_encrypted_key_matches_sdk(key):
    pem = _pem(key, "pass phrase 1")
    prepared = _prepare("PUT", 1, 3)
    oci.signer.Signer(TENANCY, USER, FINGERPRINT, None, pass_phrase="pass phrase 1", private_key_content=pem)(
        prepared)
    ours = _ours(ApiKeySigner("%s/%s/%s" % (TENANCY, USER, FINGERPRINT), pem, "pass phrase 1"), prepared)
    assert ours["authorization"] == prepared.headers["authorization"]


def test_text_body_as_the_sdk_clients_send_it(key):
    text = json.dumps({"displayName": "caf\u00e9"}, ensure_ascii=False)
    prepared = requests.Request("POST", "https://h.example/20231130/models", data=text,
                                headers={"date": DATE}).prepare()
    oci.signer.Signer(TENANCY, USER, FINGERPRINT, None, private_key_content=_pem(key))(prepared)
    headers = {"date": DATE}
    ApiKeySigner("%s/%s/%s" % (TENANCY, USER, FINGERPRINT), _pem(key)).sign("POST", prepared.url, headers, text)
    assert headers["authorization"] == prepared.headers["authorization"]


class _Retriever:
    def __init__(self, key):
        self.key = key

    def get_private_key(self):
        return self.key


@pytest.mark.parametrize("body", [b'{"certificate":"MIIB","publicKey":"MIIB","intermediateCertificates":[]}', None])
def test_federation_request_signer_matches_sdk(key, body):
    fingerprint = ":".join("%02X" % b for b in key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)[:20])
    prepared = requests.Request("POST", "https://auth.us-chicago-1.oraclecloud.com/v1/x509", data=body,
                                headers={"date": DATE}).prepare()
    AuthTokenRequestSigner(TENANCY, fingerprint, _Retriever(key))(prepared)
    ours = _ours(oci_auth._X509FederationSigner("%s/fed-x509/%s" % (TENANCY, fingerprint), _pem(key)), prepared)
    assert ours["authorization"] == prepared.headers["authorization"]


def test_region_tables_match_sdk():
    assert oci_regions.REGION_SHORT_CODES == oci.regions.REGIONS_SHORT_NAMES
    assert oci_regions.REGION_REALMS == oci.regions.REGION_REALMS
    for region, realm in oci.regions.REGION_REALMS.items():
        assert oci_regions.realm_domain(region) == oci.regions.REALMS[realm], region


def test_config_file_resolution_matches_sdk(tmp_path, key):
    key_file = tmp_path / "key.pem"
    key_file.write_bytes(_pem(key))
    key_file.chmod(0o600)
    config = tmp_path / "config"
    config.write_text(
        "[DEFAULT]\nuser=%s\nfingerprint=%s\nkey_file=%s\ntenancy=%s\nregion=us-chicago-1\n"
        "[OTHER]\nuser=ocid1.user.oc1..aaaaaaaaother\nregion=us-ashburn-1\npass_phrase=unused\n"
        % (USER, oci_auth.key_fingerprint(key), key_file, TENANCY))
    for profile in ("DEFAULT", "OTHER"):
        sdk = oci.config.from_file(str(config), profile)
        ours = resolve_oci_settings({"config_file": str(config), "config_profile": profile})
        for name in ("user", "fingerprint", "key_file", "tenancy", "region", "pass_phrase"):
            assert ours[name] == sdk[name], (profile, name)

        prepared = requests.Request("GET", "https://h.example/p", headers={"date": DATE}).prepare()
        oci.signer.Signer.from_config(sdk)(prepared)
        assert _ours(oci_auth.build_oci_signer(ours), prepared)["authorization"] == prepared.headers["authorization"]
