# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Tests for oci_auth: SDK test vectors, header rules, keys, config file resolution, instance principals."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import base64
import datetime
import email.utils
import hashlib
import json
import os
import re
import subprocess
import sys
import threading
import time

from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import NameOID

from ansible_collections.cloudai.control.plugins.module_utils import oci_auth
from ansible_collections.cloudai.control.plugins.module_utils.oci_auth import (
    ApiKeySigner,
    InstancePrincipalSigner,
    OciAuthError,
    SecurityTokenSigner,
    build_oci_signer,
    key_fingerprint,
    signed_header_names,
    signing_string,
    tenancy_from_certificate,
)
from ansible_collections.cloudai.control.plugins.module_utils.oci_config import resolve_oci_settings
from ansible_collections.cloudai.control.plugins.module_utils.oci_regions import (
    REGION_SHORT_CODES,
    canonical_region,
    realm_domain,
    region_from_ocid,
)

TESTDATA = os.path.join(os.path.dirname(__file__), "testdata")
with open(os.path.join(TESTDATA, "signing_vectors.json")) as _handle:
    OCI = json.load(_handle)["oci"]
with open(os.path.join(TESTDATA, "oci_test_key.pem"), "rb") as _handle:
    TEST_KEY_PEM = _handle.read()
VECTORS = dict((vector["name"], vector) for vector in OCI["vectors"])
TENANCY = OCI["tenancy"]
USER = OCI["user"]
FINGERPRINT = OCI["fingerprint"]
AUTH_PATTERN = re.compile(r'^Signature algorithm="rsa-sha256",headers="([^"]+)",keyId="([^"]+)",'
                          r'signature="([^"]+)",version="1"$')


def _body_bytes(vector):
    return vector["body"].encode("utf-8") if vector["body"] is not None else None


def _vector_signer(vector, pem=TEST_KEY_PEM):
    if vector["key_id"].startswith("ST$"):
        return SecurityTokenSigner(OCI["session_token"], pem)
    return ApiKeySigner(vector["key_id"], pem)


def _lower(headers):
    return dict((key.lower(), value) for key, value in headers.items())


def verify_request(method, target, headers, body, public_key):
    """Independent check of an OCI signature as a server would do it. Returns the keyId."""
    headers = _lower(headers)
    match = AUTH_PATTERN.match(headers["authorization"])
    assert match, headers["authorization"]
    names, key_id, signature = match.group(1).split(" "), match.group(2), match.group(3)
    lines = []
    for name in names:
        value = "%s %s" % (method.lower(), target) if name == "(request-target)" else headers[name]
        lines.append("%s: %s" % (name, value))
    public_key.verify(base64.b64decode(signature), "\n".join(lines).encode("ascii"),
                      padding.PKCS1v15(), hashes.SHA256())
    if "x-content-sha256" in names:
        assert headers["x-content-sha256"] == base64.b64encode(hashlib.sha256(body or b"").digest()).decode()
        assert headers["content-length"] == str(len(body or b""))
    return key_id


@pytest.fixture(autouse=True)
def clean_env(monkeypatch, tmp_path):
    for name in ("OCI_CONFIG_FILE", "OCI_REGION", "OCI_DEFAULT_REALM", "OCI_METADATA_BASE_URL",
                 "OCI_FEDERATION_ENDPOINT", "OCI_REGION_METADATA"):
        monkeypatch.delenv(name, raising=False)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    return home


@pytest.fixture(scope="module")
def rsa_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


# ---------------------------------------------------------------------------------------------------
# SDK test vectors


@pytest.mark.parametrize("name", sorted(VECTORS))
def test_vector_signing_string(name):
    vector = VECTORS[name]
    assert list(signed_header_names(vector["method"])) == vector["signed_headers"]
    assert signing_string(vector["method"], vector["url"], vector["headers"], vector["signed_headers"]) == \
        vector["signing_string"]


@pytest.mark.parametrize("name", sorted(VECTORS))
def test_vector_authorization_with_recorded_headers(name):
    vector = VECTORS[name]
    headers = dict((key, value) for key, value in vector["headers"].items() if key != "authorization")
    _vector_signer(vector).sign(vector["method"], vector["url"], headers, _body_bytes(vector))
    assert headers["authorization"] == vector["authorization"]
    recorded = _lower(vector["headers"])
    for header_name in vector["signed_headers"]:
        if header_name != "(request-target)":
            assert _lower(headers)[header_name] == recorded[header_name]


@pytest.mark.parametrize("name", sorted(VECTORS))
def test_vector_authorization_from_date_only(name):
    """The signer derives host, content-length, content-type and x-content-sha256 itself."""
    vector = VECTORS[name]
    headers = {"date": OCI["date"]}
    _vector_signer(vector).sign(vector["method"], vector["url"], headers, _body_bytes(vector))
    assert headers["authorization"] == vector["authorization"]


def test_vector_with_pkcs1_key():
    key = serialization.load_pem_private_key(TEST_KEY_PEM, None)
    pkcs1 = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                              serialization.NoEncryption())
    assert b"BEGIN RSA PRIVATE KEY" in pkcs1
    vector = VECTORS["oci_post_create_dedicated_ai_cluster"]
    headers = {"date": OCI["date"]}
    ApiKeySigner(vector["key_id"], pkcs1).sign(vector["method"], vector["url"], headers, _body_bytes(vector))
    assert headers["authorization"] == vector["authorization"]


def test_vector_body_as_text_equals_bytes():
    vector = VECTORS["oci_post_create_dedicated_ai_cluster"]
    headers = {"date": OCI["date"]}
    _vector_signer(vector).sign("post", vector["url"], headers, vector["body"])
    assert headers["authorization"] == vector["authorization"]


# ---------------------------------------------------------------------------------------------------
# Header rules


def _public_key():
    return serialization.load_pem_private_key(TEST_KEY_PEM, None).public_key()


def test_date_is_added_in_imf_fixdate_when_absent():
    headers = {}
    ApiKeySigner("k", TEST_KEY_PEM).sign("GET", "https://h.example/p", headers, None)
    assert re.match(r"^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$", headers["date"])
    sent = email.utils.parsedate_to_datetime(headers["date"])
    assert abs((datetime.datetime.now(datetime.timezone.utc) - sent).total_seconds()) < 60


def test_caller_date_in_any_case_is_kept():
    headers = {"Date": "Mon, 06 Jan 2025 12:00:00 GMT"}
    ApiKeySigner("k", TEST_KEY_PEM).sign("GET", "https://h.example/p", headers, None)
    assert headers == {"Date": "Mon, 06 Jan 2025 12:00:00 GMT", "host": "h.example",
                       "authorization": headers["authorization"]}
    assert "date: Mon, 06 Jan 2025 12:00:00 GMT" in signing_string("GET", "https://h/", headers, ["date"])


def test_host_is_netloc_verbatim_and_replaces_caller_host():
    headers = {"Host": "wrong.example"}
    ApiKeySigner("k", TEST_KEY_PEM).sign("DELETE", "https://127.0.0.1:8443/a/b?x=1", headers, None)
    assert headers["host"] == "127.0.0.1:8443"
    assert "Host" not in headers
    verify_request("DELETE", "/a/b?x=1", headers, None, _public_key())


def test_body_headers_only_for_post_put_patch():
    for method in ("GET", "HEAD", "DELETE"):
        headers = {"Transfer-Encoding": "chunked"}
        ApiKeySigner("k", TEST_KEY_PEM).sign(method, "https://h.example/p", headers, b"{}")
        assert set(headers) == {"date", "host", "authorization"}, method
        assert 'headers="date (request-target) host"' in headers["authorization"]
    for method in ("POST", "PUT", "PATCH"):
        headers = {}
        ApiKeySigner("k", TEST_KEY_PEM).sign(method, "https://h.example/p", headers, b'{"a":1}')
        assert headers["content-length"] == "7"
        assert headers["content-type"] == "application/json"
        assert 'headers="date (request-target) host content-length content-type x-content-sha256"' in \
            headers["authorization"]
        verify_request(method, "/p", headers, b'{"a":1}', _public_key())


def test_empty_post_body_hash_and_length():
    headers = {}
    ApiKeySigner("k", TEST_KEY_PEM).sign("POST", "https://h.example/p/actions/cancel", headers, None)
    assert headers["content-length"] == "0"
    assert headers["x-content-sha256"] == "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="


def test_caller_content_type_and_sha256_are_kept_and_length_is_recomputed():
    headers = {"Content-Type": "application/octet-stream", "X-Content-SHA256": "preset=", "Content-Length": "99"}
    ApiKeySigner("k", TEST_KEY_PEM).sign("PUT", "https://h.example/o", headers, b"abc")
    assert headers["Content-Type"] == "application/octet-stream"
    assert headers["X-Content-SHA256"] == "preset="
    assert headers["content-length"] == "3" and "Content-Length" not in headers
    text = signing_string("PUT", "https://h.example/o", headers, signed_header_names("PUT"))
    assert text.endswith("content-length: 3\ncontent-type: application/octet-stream\nx-content-sha256: preset=")


def test_request_target_keeps_encoding_and_defaults_path():
    assert signing_string("GET", "https://h.example?a=%2F+b", {}, ["(request-target)"]) == \
        "(request-target): get /?a=%2F+b"
    assert signing_string("GET", "https://h.example/x%20y/?b=2&a=1", {}, ["(request-target)"]) == \
        "(request-target): get /x%20y/?b=2&a=1"


def test_missing_signed_header_is_reported():
    with pytest.raises(OciAuthError, match="header host is missing"):
        signing_string("GET", "https://h/", {"date": "d"}, ["date", "host"])


def test_non_ascii_url_is_refused():
    with pytest.raises(OciAuthError, match="ASCII"):
        ApiKeySigner("k", TEST_KEY_PEM).sign("GET", "https://h.example/\u00e9", {}, None)


def test_session_token_key_id_is_stripped_token():
    headers = {}
    signer = SecurityTokenSigner("  tok.en.sig\n", TEST_KEY_PEM)
    signer.sign("GET", "https://h.example/p", headers, None)
    assert verify_request("GET", "/p", headers, None, _public_key()) == "ST$tok.en.sig"
    assert "tok.en" not in repr(signer)


def test_key_is_loaded_once(monkeypatch):
    calls = []
    real = oci_auth.load_private_key

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(oci_auth, "load_private_key", counting)
    signer = ApiKeySigner("k", TEST_KEY_PEM)
    assert calls == []
    for attempt in range(3):
        signer.sign("GET", "https://h.example/p/%d" % attempt, {}, None)
    assert calls == [1]


# ---------------------------------------------------------------------------------------------------
# Keys


def _pem(key, fmt, pass_phrase=None):
    encryption = serialization.BestAvailableEncryption(pass_phrase) if pass_phrase else \
        serialization.NoEncryption()
    return key.private_bytes(serialization.Encoding.PEM, fmt, encryption)


@pytest.mark.parametrize("fmt", [serialization.PrivateFormat.PKCS8, serialization.PrivateFormat.TraditionalOpenSSL])
def test_encrypted_key_right_and_wrong_pass_phrase(rsa_key, fmt):
    pem = _pem(rsa_key, fmt, b"s3cret-phrase")
    headers = {}
    ApiKeySigner("k", pem, "s3cret-phrase").sign("GET", "https://h.example/p", headers, None)
    verify_request("GET", "/p", headers, None, rsa_key.public_key())

    with pytest.raises(OciAuthError) as error:
        ApiKeySigner("k", pem, "wrong-phrase", key_source="key_file /k.pem").sign("GET", "https://h/", {}, None)
    assert str(error.value) == "key_file /k.pem could not be decrypted: wrong pass_phrase"

    with pytest.raises(OciAuthError, match="is encrypted: set pass_phrase"):
        ApiKeySigner("k", pem).sign("GET", "https://h/", {}, None)


def test_pass_phrase_for_unencrypted_key_is_ignored():
    headers = {}
    ApiKeySigner("k", TEST_KEY_PEM, "unused").sign("GET", "https://h.example/p", headers, None)
    verify_request("GET", "/p", headers, None, _public_key())


@pytest.mark.parametrize("pass_phrase", [None, "phrase"])
@pytest.mark.parametrize("pem", [b"not a key", b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"])
def test_malformed_key(pem, pass_phrase):
    with pytest.raises(OciAuthError) as error:
        ApiKeySigner("k", pem, pass_phrase).sign("GET", "https://h/", {}, None)
    assert "is not a valid PEM private key" in str(error.value)
    assert "AAAA" not in str(error.value)


def test_non_rsa_key():
    pem = _pem(ec.generate_private_key(ec.SECP256R1()), serialization.PrivateFormat.PKCS8)
    with pytest.raises(OciAuthError, match="not an RSA key"):
        ApiKeySigner("k", pem).sign("GET", "https://h/", {}, None)


def _validations(monkeypatch):
    """Whether each key load asks cryptography for OpenSSL's validation (True) or skips it (False)."""
    real, seen = serialization.load_pem_private_key, []

    def spy(*args, **kwargs):
        seen.append(not kwargs.get("unsafe_skip_rsa_key_validation", False))
        return real(*args, **kwargs)

    monkeypatch.setattr(serialization, "load_pem_private_key", spy)
    return seen


def test_users_own_keys_skip_openssl_validation_a_services_key_does_not(monkeypatch):
    seen = _validations(monkeypatch)
    for signer in (ApiKeySigner("k", TEST_KEY_PEM), SecurityTokenSigner("token", TEST_KEY_PEM),
                   oci_auth._X509FederationSigner("k", TEST_KEY_PEM)):
        signer.sign("GET", "https://h.example/p", {}, None)
    assert seen == [False, False, True]


def test_before_cryptography_39_every_key_is_validated(monkeypatch):
    import cryptography

    monkeypatch.setattr(cryptography, "__version__", "38.0.4")
    seen = _validations(monkeypatch)
    ApiKeySigner("k", TEST_KEY_PEM).sign("GET", "https://h.example/p", {}, None)
    assert seen == [True]


def _unsafe_pem(p, q, d, e=65537):
    numbers = rsa.RSAPrivateNumbers(p, q, d, d % (p - 1), d % (q - 1), pow(q, -1, p), rsa.RSAPublicNumbers(e, p * q))
    return _pem(numbers.private_key(unsafe_skip_rsa_key_validation=True), serialization.PrivateFormat.PKCS8)


def test_a_key_whose_private_numbers_do_not_match_is_refused_before_signing(rsa_key):
    numbers = rsa_key.private_numbers()
    pem = _unsafe_pem(numbers.p, numbers.q, numbers.d + 2)
    headers = {}
    with pytest.raises(OciAuthError) as error:
        ApiKeySigner("k", pem, key_source="key_file /k.pem").sign("GET", "https://h/", headers, None)
    assert str(error.value) == ("key_file /k.pem is not a consistent RSA key: its private numbers do not match its "
                                "public key")
    assert "authorization" not in headers


def test_a_key_with_a_factor_that_is_not_prime_is_refused_before_sending(rsa_key):
    # The numbers are consistent as far as arithmetic goes, but q is composite: signatures come out wrong.
    p = rsa_key.private_numbers().p
    q = 1000003 * 1000033 * 999983 * 1000037 * 999979 * 1000039 * 999961 * 1000081
    lam = (p - 1) * (q - 1)
    pem = _unsafe_pem(p, q, pow(65537, -1, lam))
    headers = {}
    with pytest.raises(OciAuthError, match=r"^the private key makes signatures that its own public key does not verify"):
        ApiKeySigner("k", pem).sign("GET", "https://h/", headers, None)
    assert "authorization" not in headers


# ---------------------------------------------------------------------------------------------------
# Regions and OCIDs


def test_region_table_shape():
    assert len(REGION_SHORT_CODES) == 85
    assert canonical_region("ORD") == "us-chicago-1"
    assert canonical_region("us-chicago-1") == "us-chicago-1"
    assert canonical_region("xx-new-1") == "xx-new-1"


@pytest.mark.parametrize("region, domain", [
    ("us-ashburn-1", "oraclecloud.com"),
    ("iad", "oraclecloud.com"),
    ("us-luke-1", "oraclegovcloud.com"),
    ("us-gov-phoenix-1", "oraclegovcloud.com"),
    ("uk-gov-london-1", "oraclegovcloud.uk"),
    ("eu-frankfurt-2", "oraclecloud.eu"),
    ("ap-chiyoda-1", "oraclecloud8.com"),
    ("ap-dcc-canberra-1", "oraclecloud10.com"),
    ("sa-riodejaneiro-1", "oraclecloud52.com"),
    ("xx-unknown-1", "oraclecloud.com"),
])
def test_realm_domain(region, domain):
    assert realm_domain(region) == domain


def test_realm_domain_unknown_region_uses_default_realm_env(monkeypatch):
    monkeypatch.setenv("OCI_DEFAULT_REALM", "example-cloud.test")
    assert realm_domain("xx-unknown-1") == "example-cloud.test"
    assert realm_domain("us-chicago-1") == "oraclecloud.com"


@pytest.mark.parametrize("ocid, region", [
    ("ocid1.generativeaimodel.oc1.us-chicago-1.amaaaaaa", "us-chicago-1"),
    ("ocid1.aivisionproject.oc1.iad.amaaaaaatestproject", "us-ashburn-1"),
    ("ocid1.instance.oc1.phx.futureuse.anaaaaaa", "us-phoenix-1"),
    (TENANCY, None),
    ("ocid1.compartment.oc1..aaaa", None),
    ("not-an-ocid", None),
    ("", None),
    (None, None),
])
def test_region_from_ocid(ocid, region):
    assert region_from_ocid(ocid) == region


# ---------------------------------------------------------------------------------------------------
# Settings resolution


def params(**values):
    result = dict.fromkeys(("auth_type", "config_file", "config_profile", "region", "tenancy", "user",
                            "fingerprint", "key_file", "key_content", "pass_phrase", "endpoint"))
    result.update(values)
    return result


API_KEY_OPTIONS = dict(region="ord", tenancy=TENANCY, user=USER, fingerprint=FINGERPRINT)


def write_key(path, pem=TEST_KEY_PEM, mode=0o600):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pem)
    os.chmod(str(path), mode)
    return path


def write_config(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def profile_text(name="DEFAULT", **values):
    defaults = {"user": USER, "fingerprint": FINGERPRINT, "tenancy": TENANCY, "region": "us-chicago-1"}
    defaults.update(values)
    lines = ["[%s]" % name] + ["%s=%s" % (key, value) for key, value in defaults.items() if value is not None]
    return "\n".join(lines) + "\n"


def test_options_alone_need_no_config_file(clean_env, tmp_path):
    key = write_key(tmp_path / "k.pem")
    settings = resolve_oci_settings(params(region="ord", tenancy=TENANCY, user=USER, fingerprint=FINGERPRINT,
                                           key_file=str(key)))
    assert settings["region"] == "us-chicago-1"
    assert settings["config_file"] is None
    assert settings["warnings"] == []
    headers = {"date": OCI["date"]}
    build_oci_signer(settings).sign("GET", VECTORS["oci_get_list_models_with_query"]["url"], headers, None)
    assert headers["authorization"] == VECTORS["oci_get_list_models_with_query"]["authorization"]


def test_default_config_file_profiles_and_default_inheritance(clean_env):
    write_key(clean_env / ".oci" / "key.pem")
    write_config(clean_env / ".oci" / "config",
                 profile_text(key_file="~/.oci/key.pem")
                 + "[OTHER]\nuser=ocid1.user.oc1..aaaaaaaaother\nregion=fra\n")
    settings = resolve_oci_settings(params(config_profile="OTHER"))
    assert settings["user"] == "ocid1.user.oc1..aaaaaaaaother"
    assert settings["fingerprint"] == FINGERPRINT
    assert settings["tenancy"] == TENANCY
    assert settings["region"] == "eu-frankfurt-1"
    assert settings["key_file"] == str(clean_env / ".oci" / "key.pem")
    assert settings["config_file"] == str(clean_env / ".oci" / "config")
    assert settings["sources"]["fingerprint"] == "'fingerprint' in profile OTHER of %s" % settings["config_file"]

    default = resolve_oci_settings(params())
    assert (default["user"], default["region"], default["config_profile"]) == (USER, "us-chicago-1", "DEFAULT")


def test_option_values_win_over_config_file(clean_env, tmp_path):
    write_key(clean_env / "file.pem")
    option_key = write_key(tmp_path / "option.pem")
    config = write_config(tmp_path / "cfg", profile_text(key_file=str(clean_env / "file.pem"), pass_phrase="x"))
    settings = resolve_oci_settings(params(config_file=str(config), region="iad", user="ocid1.user.oc1..aaaaopt",
                                           key_file=str(option_key)))
    assert settings["region"] == "us-ashburn-1"
    assert settings["user"] == "ocid1.user.oc1..aaaaopt"
    assert settings["key_file"] == str(option_key)
    assert settings["tenancy"] == TENANCY
    assert settings["pass_phrase"] == "x"
    assert settings["sources"]["user"] == "option user"


def test_key_content_option_wins_over_key_file_in_profile(clean_env, tmp_path):
    config = write_config(tmp_path / "cfg", profile_text(key_file="/nonexistent/key.pem"))
    settings = resolve_oci_settings(params(config_file=str(config), key_content=TEST_KEY_PEM.decode()))
    assert settings["key_file"] is None
    vector = VECTORS["oci_delete_vision_project"]
    headers = {"date": OCI["date"]}
    build_oci_signer(settings).sign("DELETE", vector["url"], headers, None)
    assert headers["authorization"] == vector["authorization"]


def test_oci_config_file_env_is_used_when_default_file_is_absent(clean_env, tmp_path, monkeypatch):
    key = write_key(tmp_path / "k.pem")
    config = write_config(tmp_path / "envcfg", profile_text(key_file=str(key), region="phx"))
    monkeypatch.setenv("OCI_CONFIG_FILE", str(config))
    assert resolve_oci_settings(params())["region"] == "us-phoenix-1"
    # ~/.oci/config comes first when it exists.
    write_config(clean_env / ".oci" / "config", profile_text(key_file=str(key), region="lhr"))
    assert resolve_oci_settings(params())["region"] == "uk-london-1"


def test_region_from_env_when_nowhere_else(clean_env, tmp_path, monkeypatch):
    key = write_key(tmp_path / "k.pem")
    monkeypatch.setenv("OCI_REGION", "nrt")
    base = dict(tenancy=TENANCY, user=USER, fingerprint=FINGERPRINT, key_file=str(key))
    settings = resolve_oci_settings(params(**base))
    assert (settings["region"], settings["sources"]["region"]) == ("ap-tokyo-1", "env OCI_REGION")
    assert resolve_oci_settings(params(region="us-chicago-1", **base))["region"] == "us-chicago-1"


def test_region_is_required_unless_endpoint_is_set(clean_env, tmp_path):
    key = write_key(tmp_path / "k.pem")
    base = dict(tenancy=TENANCY, user=USER, fingerprint=FINGERPRINT, key_file=str(key))
    assert resolve_oci_settings(params(endpoint="http://127.0.0.1:1", **base))["region"] is None
    with pytest.raises(OciAuthError) as error:
        resolve_oci_settings(params(**base))
    assert str(error.value).startswith(
        "OCI credentials incomplete for auth_type api_key: region is missing, looked for in: region (option region, "
        "env OCI_REGION or OCI_CLI_REGION, 'region' in profile DEFAULT of the config file, or option endpoint "
        "instead); config file %s (file not found; nor ~/.oraclebmc/config, nor env OCI_CONFIG_FILE). Credentials "
        "are read on the host that runs the task (" % (clean_env / ".oci" / "config"))


def test_no_credentials_at_all_names_everything_missing_and_every_place(clean_env):
    with pytest.raises(OciAuthError) as error:
        resolve_oci_settings(params())
    message = str(error.value)
    assert message.startswith("no OCI credentials found for auth_type api_key: region, tenancy, user, fingerprint "
                              "and key_file are missing, looked for in: region (option region, env OCI_REGION")
    for place in ("env OCI_TENANCY or OCI_CLI_TENANCY", "env OCI_USER_ID", "env OCI_USER_FINGERPRINT",
                  "option key_content", "'key_file' in profile DEFAULT", str(clean_env / ".oci" / "config"),
                  "~/.oraclebmc/config", "on the host that runs the task", "delegate_to: localhost"):
        assert place in message


@pytest.mark.parametrize("region, suggestion", [("us-chicgo-1", " (did you mean us-chicago-1?)"), ("xx-new-1", "")])
def test_an_unknown_region_is_refused_unless_described_or_given_an_endpoint(
        clean_env, tmp_path, monkeypatch, region, suggestion):
    key = write_key(tmp_path / "k.pem")
    base = dict(tenancy=TENANCY, user=USER, fingerprint=FINGERPRINT, key_file=str(key), region=region)
    with pytest.raises(OciAuthError) as error:
        resolve_oci_settings(params(**base))
    assert str(error.value).startswith("region %r (option region) is not an OCI region%s. For a region newer than the "
                                       "collection's list, describe it in env OCI_REGION_METADATA" % (region, suggestion))
    assert resolve_oci_settings(params(endpoint="https://generativeai.example", **base))["region"] == region
    monkeypatch.setenv("OCI_REGION_METADATA", '{"realmKey": "oc99", "realmDomainComponent": "example-cloud.com", '
                                              '"regionKey": "NEW", "regionIdentifier": "%s"}' % region)
    assert resolve_oci_settings(params(**base))["region"] == region
    assert realm_domain(region) == "example-cloud.com" and realm_domain("us-chicago-1") == "oraclecloud.com"


def test_missing_named_profile(clean_env):
    config = write_config(clean_env / ".oci" / "config", profile_text() + "[dev]\nregion=iad\n")
    with pytest.raises(OciAuthError) as error:
        resolve_oci_settings(params(config_profile="prod"))
    assert str(error.value) == "config_profile prod not found in config file %s (profiles: DEFAULT, dev)" % config


def test_named_profile_without_config_file(clean_env):
    with pytest.raises(OciAuthError, match="config_profile prod was given but the config file .* does not exist"):
        resolve_oci_settings(params(config_profile="prod"))


def test_explicit_missing_config_file(tmp_path):
    with pytest.raises(OciAuthError, match="config file .*/nope does not exist"):
        resolve_oci_settings(params(config_file=str(tmp_path / "nope")))


def test_missing_value_names_option_and_profile(clean_env):
    with pytest.raises(OciAuthError) as error:
        resolve_oci_settings(params(region="ord", tenancy=TENANCY, fingerprint=FINGERPRINT, key_content="x"))
    assert str(error.value).startswith("OCI credentials incomplete for auth_type api_key: user is missing, looked for in: "
                                       "user (option user, env OCI_USER_ID or OCI_CLI_USER, 'user' in profile DEFAULT "
                                       "of the config file); config file %s (file not found"
                                       % (clean_env / ".oci" / "config"))


def test_missing_key_is_reported(tmp_path):
    config = write_config(tmp_path / "cfg", profile_text())
    with pytest.raises(OciAuthError, match=r"^OCI credentials incomplete for auth_type api_key: key_file is missing, "
                                           r"looked for in: key_file \(option key_file, .*, option key_content .*, "
                                           r"'key_file' in profile DEFAULT of the config file\); config file .*/cfg\. "):
        resolve_oci_settings(params(config_file=str(config)))


def test_bad_fingerprint_names_its_source(tmp_path):
    key = write_key(tmp_path / "k.pem")
    config = write_config(tmp_path / "cfg", profile_text(key_file=str(key), fingerprint="D6:2A:52"))
    with pytest.raises(OciAuthError) as error:
        resolve_oci_settings(params(config_file=str(config)))
    assert str(error.value) == ("fingerprint must be 16 lower-case hex pairs separated by ':' "
                                "('fingerprint' in profile DEFAULT of %s)" % config)
    with pytest.raises(OciAuthError, match=r"separated by ':' \(option fingerprint\)$"):
        resolve_oci_settings(params(config_file=str(config), fingerprint=FINGERPRINT.upper()))


def test_bad_ocid(tmp_path):
    key = write_key(tmp_path / "k.pem")
    with pytest.raises(OciAuthError, match=r"tenancy must be an OCID .*\(option tenancy\)"):
        resolve_oci_settings(dict(params(key_file=str(key), **API_KEY_OPTIONS), tenancy="my tenancy"))


def test_key_file_that_does_not_exist(tmp_path):
    config = write_config(tmp_path / "cfg", profile_text(key_file="~/missing.pem"))
    with pytest.raises(OciAuthError, match=r"key_file .*/home/missing.pem does not exist or is not a file "
                                           r"\('key_file' in profile DEFAULT of .*/cfg\)"):
        resolve_oci_settings(params(config_file=str(config)))


def test_key_content_in_config_file_is_refused(tmp_path):
    config = write_config(tmp_path / "cfg", profile_text(key_content="-----BEGIN PRIVATE KEY-----secret"))
    with pytest.raises(OciAuthError) as error:
        resolve_oci_settings(params(config_file=str(config)))
    assert "'key_content' is not allowed in a config file" in str(error.value)
    assert "secret" not in str(error.value)


def test_invalid_ini_does_not_echo_the_file(tmp_path):
    config = write_config(tmp_path / "cfg", "pass_phrase=hunter2\n")
    with pytest.raises(OciAuthError) as error:
        resolve_oci_settings(params(config_file=str(config)))
    assert str(error.value) == "config file %s is not a valid INI file (line 1)" % config
    config.write_text("[DEFAULT]\nuser=a\nthis line has no separator hunter2\n")
    with pytest.raises(OciAuthError) as error:
        resolve_oci_settings(params(config_file=str(config)))
    assert "hunter2" not in str(error.value) and "(line 3)" in str(error.value)


def test_unknown_auth_type():
    with pytest.raises(OciAuthError, match="auth_type must be one of api_key, security_token, instance_principal"):
        resolve_oci_settings(params(auth_type="password"))


@pytest.mark.parametrize("mode, warned", [(0o600, False), (0o400, False), (0o640, True), (0o604, True)])
def test_config_file_permission_warning(tmp_path, mode, warned):
    key = write_key(tmp_path / "k.pem")
    config = write_config(tmp_path / "config", profile_text(key_file=str(key), pass_phrase="secret-phrase"))
    os.chmod(str(config), mode)
    settings = resolve_oci_settings(params(config_file=str(config)))
    expected = ["config file %s can be read by group or others (mode %04o); restrict it with chmod 600" % (config, mode)]
    assert settings["warnings"] == (expected if warned else [])


def test_instance_principal_federation_call_goes_through_the_modules_transport(fake_oci, monkeypatch):
    """The module's transport factory carries validate_certs and ca_bundle: the call to the auth service uses it."""
    from ansible_collections.cloudai.control.plugins.module_utils.oci_module import oci_cloud
    from ansible_collections.cloudai.control.plugins.module_utils.transport import Transport

    monkeypatch.setenv("OCI_METADATA_BASE_URL", fake_oci.base + "/opc/v2")
    monkeypatch.setenv("OCI_FEDERATION_ENDPOINT", fake_oci.base + "/v1/x509")
    made = []

    def transport(signer):
        made.append(Transport(signer, timeout=5, validate_certs=True, ca_bundle="/etc/the-modules-ca.pem"))
        return made[-1]

    oci_cloud("generativeai").connect(params(auth_type="instance_principal"), transport)
    assert [type(t.signer).__name__ for t in made] == ["_X509FederationSigner", "InstancePrincipalSigner"]
    assert made[0].verify == "/etc/the-modules-ca.pem"


def test_key_options_are_exclusive(tmp_path):
    with pytest.raises(OciAuthError, match="mutually exclusive"):
        resolve_oci_settings(params(key_file="a", key_content="b"))


@pytest.mark.parametrize("mode, warned", [(0o600, False), (0o400, False), (0o640, True), (0o604, True)])
def test_key_file_permission_warning(tmp_path, mode, warned):
    key = write_key(tmp_path / "k.pem", mode=mode)
    settings = resolve_oci_settings(params(key_file=str(key), **API_KEY_OPTIONS))
    if warned:
        assert settings["warnings"] == ["key_file %s can be read by group or others (mode %04o); restrict it with "
                                        "chmod 600" % (key, mode)]
    else:
        assert settings["warnings"] == []


def test_encrypted_key_file_with_pass_phrase_from_profile(rsa_key, tmp_path):
    key = write_key(tmp_path / "enc.pem", _pem(rsa_key, serialization.PrivateFormat.PKCS8, b"pa55 phrase"))
    fingerprint = key_fingerprint(rsa_key)
    config = write_config(tmp_path / "cfg", profile_text(key_file=str(key), pass_phrase="pa55 phrase",
                                                         fingerprint=fingerprint))
    headers = {}
    build_oci_signer(resolve_oci_settings(params(config_file=str(config)))).sign("GET", "https://h/x", headers, None)
    key_id = verify_request("GET", "/x", headers, None, rsa_key.public_key())
    assert key_id == "%s/%s/%s" % (TENANCY, USER, fingerprint)

    signer = build_oci_signer(resolve_oci_settings(params(config_file=str(config), pass_phrase="wrong-pa55")))
    with pytest.raises(OciAuthError) as error:
        signer.sign("GET", "https://h/x", {}, None)
    assert "wrong-pa55" not in str(error.value) and "pa55 phrase" not in str(error.value)
    assert str(error.value) == "key_file %s ('key_file' in profile DEFAULT of %s) could not be decrypted: " \
        "wrong pass_phrase" % (key, config)


def test_security_token_profile(clean_env):
    oci_dir = clean_env / ".oci"
    write_key(oci_dir / "sessions" / "dev" / "oci_api_key.pem")
    (oci_dir / "sessions" / "dev" / "token").write_text(OCI["session_token"] + "\n")
    os.chmod(str(oci_dir / "sessions" / "dev" / "token"), 0o600)
    write_config(oci_dir / "config", profile_text() + profile_text(
        "dev", user=None, key_file="~/.oci/sessions/dev/oci_api_key.pem",
        security_token_file="~/.oci/sessions/dev/token"))
    settings = resolve_oci_settings(params(auth_type="security_token", config_profile="dev"))
    assert settings["security_token_file"] == str(oci_dir / "sessions" / "dev" / "token")
    vector = VECTORS["oci_get_session_token_auth"]
    headers = {"date": OCI["date"]}
    signer = build_oci_signer(settings)
    assert isinstance(signer, SecurityTokenSigner)
    signer.sign(vector["method"], vector["url"], headers, _body_bytes(vector))
    assert headers["authorization"] == vector["authorization"]


def _jwt(claims):
    def part(data):
        return base64.urlsafe_b64encode(json.dumps(data).encode("utf-8")).decode("ascii").rstrip("=")
    return "%s.%s.c2ln" % (part({"alg": "RS256"}), part(claims))


def test_expired_session_token_is_refused_before_any_request(tmp_path):
    key = write_key(tmp_path / "k.pem")
    token = tmp_path / "token"
    token.write_text(_jwt({"sub": "user", "exp": 1700000000}))
    os.chmod(str(token), 0o600)
    config = write_config(tmp_path / "cfg", profile_text(key_file=str(key), security_token_file=str(token)))
    settings = resolve_oci_settings(params(auth_type="security_token", config_file=str(config)))
    with pytest.raises(OciAuthError) as error:
        build_oci_signer(settings)
    assert str(error.value) == ("the session token in security_token_file %s expired at 2023-11-14 22:13:20 UTC; refresh "
                                "it with 'oci session refresh' or 'oci session authenticate'" % token)


def test_session_token_file_with_several_lines_is_refused(tmp_path):
    key = write_key(tmp_path / "k.pem")
    token = tmp_path / "token"
    token.write_text("[DEFAULT]\nuser=someone\n")
    os.chmod(str(token), 0o600)
    config = write_config(tmp_path / "cfg", profile_text(key_file=str(key), security_token_file=str(token)))
    with pytest.raises(OciAuthError, match=r"does not hold one session token \(it has spaces or several lines\)$"):
        build_oci_signer(resolve_oci_settings(params(auth_type="security_token", config_file=str(config))))


def test_fingerprint_that_is_not_the_keys_is_refused_naming_both(tmp_path, rsa_key):
    key = write_key(tmp_path / "other.pem", _pem(rsa_key, serialization.PrivateFormat.PKCS8))
    config = write_config(tmp_path / "cfg", profile_text(key_file=str(key)))
    signer = build_oci_signer(resolve_oci_settings(params(config_file=str(config))))
    with pytest.raises(OciAuthError) as error:
        signer.sign("GET", "https://h/x", {}, None)
    assert str(error.value).startswith("fingerprint %s does not match key_file %s" % (FINGERPRINT, key))
    assert "whose fingerprint is %s" % key_fingerprint(rsa_key) in str(error.value)


@pytest.mark.parametrize("region", ["chicago", "us_chicago_1", "us-chicago", "cn north 4", "xyz"])
def test_region_that_is_no_region_id_is_refused_naming_its_source(tmp_path, region):
    key = write_key(tmp_path / "k.pem")
    config = write_config(tmp_path / "cfg", profile_text(key_file=str(key), region=region))
    with pytest.raises(OciAuthError, match=r"^region must be an OCI region id such as us-chicago-1 .* \('region' in profile"):
        resolve_oci_settings(params(config_file=str(config)))
    with pytest.raises(OciAuthError, match=r"^region must be .*, got %r \(option region\)$" % region):
        resolve_oci_settings(params(config_file=str(config), region=region))


def test_security_token_needs_token_file(tmp_path):
    key = write_key(tmp_path / "k.pem")
    config = write_config(tmp_path / "cfg", profile_text(key_file=str(key)))
    with pytest.raises(OciAuthError, match=r"^OCI credentials incomplete for auth_type security_token: "
                                           r"security_token_file is missing, looked for in: security_token_file "
                                           r"\('security_token_file' in profile DEFAULT of the config file\); "
                                           r"config file .*/cfg\. "):
        resolve_oci_settings(params(auth_type="security_token", config_file=str(config)))


def test_instance_principal_ignores_config_file():
    settings = resolve_oci_settings(params(auth_type="instance_principal", config_profile="absent", region="ord"))
    assert (settings["auth_type"], settings["region"], settings["config_file"]) == \
        ("instance_principal", "us-chicago-1", None)


def test_unreadable_key_file_error_at_build(tmp_path):
    key = write_key(tmp_path / "k.pem")
    settings = resolve_oci_settings(params(key_file=str(key), **API_KEY_OPTIONS))
    os.remove(str(key))
    with pytest.raises(OciAuthError, match=r"key_file .*k.pem cannot be read: No such file or directory "
                                           r"\(option key_file\)"):
        build_oci_signer(settings)


def test_resolving_settings_does_not_import_cryptography(tmp_path):
    key = write_key(tmp_path / "k.pem")
    code = (
        "import sys\n"
        "from ansible_collections.cloudai.control.plugins.module_utils.oci_config import resolve_oci_settings\n"
        "resolve_oci_settings(dict(region='ord', tenancy=%r, user=%r, fingerprint=%r, key_file=%r))\n"
        "assert 'cryptography' not in sys.modules, 'cryptography imported'\n"
        "assert 'requests' not in sys.modules, 'requests imported'\n"
    ) % (TENANCY, USER, FINGERPRINT, str(key))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


# ---------------------------------------------------------------------------------------------------
# Instance principals against a fake metadata service + auth service on 127.0.0.1


def _name(*attributes):
    return x509.Name([x509.NameAttribute(oid, value) for oid, value in attributes])


def make_certificate(subject, issuer, public_key, signing_key, ca=False):
    now = datetime.datetime.now(datetime.timezone.utc)
    builder = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer).public_key(public_key)
               .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(hours=1))
               .not_valid_after(now + datetime.timedelta(hours=1))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    return builder.sign(signing_key, hashes.SHA256())


def _b64url(data):
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


class FakeOci:
    """IMDS v2 + auth service (/v1/x509) + one signed service path (/20231130/ping)."""

    def __init__(self, leaf_key, intermediate_key):
        self.leaf_key = leaf_key
        intermediate_name = _name((NameOID.COMMON_NAME, "PKISVC intermediate"))
        self.intermediate = make_certificate(intermediate_name, intermediate_name, intermediate_key.public_key(),
                                             intermediate_key, ca=True)
        self.leaf = make_certificate(
            _name((NameOID.COMMON_NAME, "ocid1.instance.oc1.ord.aaaatestinstance"),
                  (NameOID.ORGANIZATIONAL_UNIT_NAME, "opc-certtype:instance"),
                  (NameOID.ORGANIZATIONAL_UNIT_NAME, "opc-compartment:ocid1.compartment.oc1..aaaatest"),
                  (NameOID.ORGANIZATIONAL_UNIT_NAME, "opc-tenant:" + TENANCY)),
            intermediate_name, leaf_key.public_key(), intermediate_key)
        self.region = "ord"
        self.token_lifetime = 3600
        self.tokens = []          # (token, session public key), newest last
        self.revoked = set()
        self.federation_requests = []
        self.service_calls = []
        self.errors = []

    def pem(self, cert):
        return cert.public_bytes(serialization.Encoding.PEM).decode()

    def stripped(self, cert):
        return "".join(self.pem(cert).splitlines()[1:-1])

    def handle(self, handler, method):
        length = int(handler.headers.get("content-length") or 0)
        body = handler.rfile.read(length) if length else b""
        try:
            status, payload = self.route(method, handler.path, handler.headers, body)
        except AssertionError as exc:  # recorded so the test fails with the reason
            self.errors.append("%s %s: %s" % (method, handler.path, exc))
            status, payload = 401, {"code": "NotAuthenticated", "message": str(exc)}
        data = payload.encode() if isinstance(payload, str) else json.dumps(payload).encode()
        handler.send_response(status)
        handler.send_header("content-length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)

    def route(self, method, path, headers, body):
        if path.startswith("/opc/v2/"):
            assert headers.get("Authorization") == "Bearer Oracle", "IMDS needs Authorization: Bearer Oracle"
            documents = {
                "/opc/v2/instance/region": self.region + "\n",
                "/opc/v2/identity/cert.pem": self.pem(self.leaf),
                "/opc/v2/identity/key.pem": _pem(self.leaf_key, serialization.PrivateFormat.TraditionalOpenSSL)
                .decode(),
                "/opc/v2/identity/intermediate.pem": self.pem(self.intermediate),
            }
            return (200, documents[path]) if path in documents else (404, "not found")
        if method == "POST" and path == "/v1/x509":
            return self.federate(headers, body)
        if path == "/20231130/ping":
            return self.service(method, path, headers, body)
        return 404, {"code": "NotFound", "message": path}

    def federate(self, headers, body):
        fingerprint = ":".join("%02X" % b for b in self.leaf.fingerprint(hashes.SHA1()))
        assert 'headers="date (request-target) content-length content-type x-content-sha256"' in \
            headers["authorization"], headers["authorization"]
        key_id = verify_request("POST", "/v1/x509", dict(headers.items()), body, self.leaf_key.public_key())
        assert key_id == "%s/fed-x509/%s" % (TENANCY, fingerprint), key_id
        request = json.loads(body)
        assert request["certificate"] == self.stripped(self.leaf)
        assert request["intermediateCertificates"] == [self.stripped(self.intermediate)]
        session_public = serialization.load_der_public_key(base64.b64decode(request["publicKey"]))
        assert session_public.key_size == 2048
        self.federation_requests.append(request)
        token = "%s.%s.sig" % (_b64url({"alg": "RS256"}), _b64url({"exp": int(time.time()) + self.token_lifetime,
                                                                   "n": len(self.tokens) + 1}))
        self.tokens.append((token, session_public))
        return 200, {"token": token}

    def service(self, method, path, headers, body):
        match = AUTH_PATTERN.match(headers.get("authorization", ""))
        assert match, "no OCI signature"
        token = match.group(2)[len("ST$"):]
        keys = dict(self.tokens)
        assert token in keys and token not in self.revoked, "unknown or revoked token"
        verify_request(method, path, dict(headers.items()), body, keys[token])
        self.service_calls.append(token)
        return 200, {"ok": True}


@pytest.fixture(scope="module")
def fake_keys():
    return (rsa.generate_private_key(public_exponent=65537, key_size=2048),
            rsa.generate_private_key(public_exponent=65537, key_size=2048))


@pytest.fixture
def fake_oci(fake_keys):
    fake = FakeOci(*fake_keys)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            fake.handle(self, "GET")

        def do_POST(self):
            fake.handle(self, "POST")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    fake.base = "http://127.0.0.1:%d" % server.server_address[1]
    yield fake
    server.shutdown()
    server.server_close()
    assert fake.errors == []


def _signer(fake):
    return InstancePrincipalSigner(metadata_url=fake.base + "/opc/v2", federation_url=fake.base + "/v1/x509",
                                   timeout=5)


def _call(fake, signer):
    url = fake.base + "/20231130/ping"
    headers = {}
    signer.sign("GET", url, headers, None)
    return requests.get(url, headers=headers, timeout=5)


def test_instance_principal_flow(fake_oci):
    signer = _signer(fake_oci)
    assert signer.region == "us-chicago-1"
    assert signer.tenancy == TENANCY
    assert len(fake_oci.tokens) == 1
    response = _call(fake_oci, signer)
    assert response.status_code == 200, response.text
    assert fake_oci.service_calls == [fake_oci.tokens[0][0]]
    assert fake_oci.tokens[0][0] not in repr(signer)


def test_instance_principal_refresh_gets_new_token_and_session_key(fake_oci):
    signer = _signer(fake_oci)
    signer.refresh()
    assert len(fake_oci.tokens) == 2
    first, second = fake_oci.federation_requests
    assert first["publicKey"] != second["publicKey"]
    fake_oci.revoked.add(fake_oci.tokens[0][0])
    assert _call(fake_oci, signer).status_code == 200
    assert fake_oci.service_calls == [fake_oci.tokens[1][0]]


def test_instance_principal_refreshes_when_token_is_about_to_expire(fake_oci):
    fake_oci.token_lifetime = 30  # inside the refresh margin
    signer = _signer(fake_oci)
    assert len(fake_oci.tokens) == 1
    assert _call(fake_oci, signer).status_code == 200
    assert len(fake_oci.tokens) == 2
    fake_oci.token_lifetime = 3600
    assert _call(fake_oci, signer).status_code == 200
    assert _call(fake_oci, signer).status_code == 200
    assert len(fake_oci.tokens) == 3


def test_instance_principal_refresh_on_401_through_transport(fake_oci):
    from ansible_collections.cloudai.control.plugins.module_utils.transport import Transport

    signer = _signer(fake_oci)
    fake_oci.revoked.add(fake_oci.tokens[0][0])
    response = Transport(signer, timeout=5, retries=0).request("GET", fake_oci.base + "/20231130/ping")
    assert response.status == 200
    assert len(fake_oci.tokens) == 2
    fake_oci.errors = [error for error in fake_oci.errors if "revoked" not in error]  # the expected 401


def test_instance_principal_from_env_and_build(fake_oci, monkeypatch):
    monkeypatch.setenv("OCI_METADATA_BASE_URL", fake_oci.base + "/opc/v2")
    monkeypatch.setenv("OCI_FEDERATION_ENDPOINT", fake_oci.base + "/v1/x509")
    fake_oci.region = "us-ashburn-1"
    settings = resolve_oci_settings(params(auth_type="instance_principal"))
    signer = build_oci_signer(settings)
    assert isinstance(signer, InstancePrincipalSigner)
    assert (settings["region"], settings["tenancy"]) == ("us-ashburn-1", TENANCY)
    assert _call(fake_oci, signer).status_code == 200


def test_instance_principal_federation_failure(fake_oci):
    with pytest.raises(OciAuthError, match="the auth service did not issue a token: .*HTTP 404"):
        InstancePrincipalSigner(metadata_url=fake_oci.base + "/opc/v2", federation_url=fake_oci.base + "/v1/nope",
                                timeout=5)


def test_instance_principal_without_metadata_service():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(OciAuthError, match="cannot reach the instance metadata service at "
                                           "http://127.0.0.1:%d/opc/v2/instance/region" % port):
        InstancePrincipalSigner(metadata_url="http://127.0.0.1:%d/opc/v2" % port, timeout=2)


def test_tenancy_from_certificate_variants(fake_keys):
    key = fake_keys[0]
    identity = make_certificate(_name((NameOID.ORGANIZATION_NAME, "opc-identity:ocid1.tenancy.oc1..aaaaid")),
                                _name((NameOID.COMMON_NAME, "ca")), key.public_key(), key)
    assert tenancy_from_certificate(identity) == "ocid1.tenancy.oc1..aaaaid"
    plain = make_certificate(_name((NameOID.COMMON_NAME, "x")), _name((NameOID.COMMON_NAME, "ca")),
                             key.public_key(), key)
    with pytest.raises(OciAuthError, match="no opc-tenant or opc-identity"):
        tenancy_from_certificate(plain)


def test_jwt_expiry():
    assert oci_auth.jwt_expiry("a.%s.c" % _b64url({"exp": 1700000000})) == 1700000000.0
    assert oci_auth.jwt_expiry("not-a-jwt") is None
    assert oci_auth.jwt_expiry(OCI["session_token"]) is None
