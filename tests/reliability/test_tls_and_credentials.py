"""TLS and credentials, per cloud, at module level against the emulator.

TLS: with the emulator on HTTPS behind a self-signed certificate made here, modules refuse it by default, accept
it with ``ca_bundle``, refuse another CA's bundle, and warn when ``validate_certs`` is false.
Credentials: a key file readable by others gives a warning; a wrong pass phrase, a fingerprint that is not the
key's, a key whose private numbers do not match its public key and an expired session token are refused before any
request; an unknown key, a token the service expired and a revoked or wrong AK/SK give the service's 401 with its code
and request id. Settings in the shapes a secret takes when read with its line end or pasted with spaces are refused by
name, never shown; a plain http:// endpoint to a host other than loopback needs allow_http, and both messages say where
the endpoint came from."""

import json
import time
import uuid

import pytest

from reliability import catalogue
from reliability.harness import SYSLOG_NUL, Probe, has_traceback, mode, record, run_module, shapes, written_forms
from reliability.keys import encrypted_copy, fingerprint, inconsistent_copy, new_key, self_signed, session_token

CLOUDS = ["oci", "huaweicloud"]


@pytest.mark.parametrize("cloud", CLOUDS)
def test_tls_self_signed_refused_by_default_trusted_with_ca_bundle_warned_without_checks(cloud, start, tmp_path):
    cert, key = self_signed(tmp_path)
    other_ca, dummy = self_signed(tmp_path, "other-ca")
    emulated = start(tls_cert=str(cert), tls_key=str(key))
    assert emulated.url.startswith("https://127.0.0.1:")
    probe = Probe(cloud)
    args = dict(emulated.credentials.args(cloud), retries=0)

    refused = probe.run(args)
    assert not has_traceback(refused) and refused.get("failed") is True, refused
    assert "TLS verification failed" in refused["msg"] and "ca_bundle" in refused["msg"], refused["msg"]
    other = probe.run(dict(args, ca_bundle=str(other_ca)))
    assert other.get("failed") is True and "TLS verification failed" in other["msg"], other
    assert emulated.handle.emulator.log.since(0) == []  # nothing got past the handshake

    trusted = probe.run(dict(args, ca_bundle=str(cert)))
    assert not trusted.get("failed"), trusted.get("msg")
    assert "validate_certs" not in warnings_of(trusted)
    unchecked = probe.run(dict(args, validate_certs=False))
    assert not unchecked.get("failed"), unchecked.get("msg")
    assert "validate_certs is false: the service's TLS certificate is not verified" in warnings_of(unchecked), unchecked
    record("tls", cloud=cloud, module=probe.name, refused=2, trusted=1, warned=1)


def warnings_of(result):
    """The module's warnings as one text (in a module's own output they are structured, not plain strings)."""
    return json.dumps(result.get("warnings", []))


def failure(result, *phrases):
    assert not has_traceback(result), result
    assert result.get("failed") is True, result
    for phrase in phrases:
        assert phrase in result["msg"], (phrase, result["msg"])
    return result


def test_oci_key_files_pass_phrases_fingerprints_and_session_tokens(start, tmp_path):
    emulated = start()
    probe = Probe("oci")
    credentials = emulated.credentials
    base = dict(probe.args, endpoint=emulated.url, retries=0)
    checks = 0

    readable = credentials.directory / "readable.pem"
    readable.write_bytes(credentials.key_file.read_bytes())
    readable.chmod(0o644)
    warned = probe.run(dict(base, config_file=str(credentials.oci_config(readable, "readable"))))
    assert not warned.get("failed"), warned.get("msg")
    assert "key_file %s can be read by group or others (mode 0644)" % readable in warnings_of(warned), warned
    quiet = probe.run(dict(base, config_file=str(credentials.config_file)))
    assert not quiet.get("failed") and "can be read" not in warnings_of(quiet), quiet
    checks += 2

    pass_phrase = "reliability pass phrase %s" % uuid.uuid4().hex
    encrypted = encrypted_copy(credentials.directory / "encrypted.pem", pass_phrase)
    config = str(credentials.oci_config(encrypted, "encrypted"))
    assert not probe.run(dict(base, config_file=config, pass_phrase=pass_phrase)).get("failed")
    since = emulated.admin.last_seq()
    wrong = failure(probe.run(dict(base, config_file=config, pass_phrase="not the pass phrase")),
                    "could not be decrypted: wrong pass_phrase")
    assert "not the pass phrase" not in json.dumps(wrong) and pass_phrase not in json.dumps(wrong)
    failure(probe.run(dict(base, config_file=config)), "is encrypted: set pass_phrase")
    assert emulated.admin.requests_log(since) == []
    checks += 3

    other_key, dummy = new_key(credentials.directory / "other.pem")
    since = emulated.admin.last_seq()
    failure(probe.run(dict(base, config_file=str(credentials.oci_config(credentials.directory / "other.pem", "other")))),
            "does not match key_file", "whose fingerprint is")
    assert emulated.admin.requests_log(since) == []
    unknown = failure(probe.run(dict(base, config_file=str(credentials.oci_config(
        credentials.directory / "other.pem", "unknown", fingerprint=fingerprint(other_key))))), "HTTP 401 NotAuthenticated",
        "no key is registered")
    assert unknown["error"]["request_id"] and unknown["error"]["status"] == 401
    checks += 2

    since = emulated.admin.last_seq()  # the user's key skips OpenSSL's check, not ours (oci_auth.check_rsa_numbers)
    failure(probe.run(dict(base, config_file=str(credentials.oci_config(
        inconsistent_copy(credentials.directory / "inconsistent.pem"), "inconsistent")))),
        "is not a consistent RSA key: its private numbers do not match its public key")
    assert emulated.admin.requests_log(since) == []
    checks += 1

    session_key, dummy = new_key(credentials.directory / "session.pem")
    for name, expires in (("expired", time.time() - 600), ("revoked", time.time() + 3600)):
        token, token_file = session_token(expires), credentials.directory / (name + ".token")
        token_file.write_text(token)
        token_file.chmod(0o600)
        with emulated.handle.emulator.lock:  # a token the emulator issued, expired on its side
            emulated.handle.emulator.store.session_keys[token] = (session_key.public_key(), time.time() - 1)
        config = str(credentials.oci_config(credentials.directory / "session.pem", name, user=None, fingerprint=None,
                                            security_token_file=str(token_file)))
        since = emulated.admin.last_seq()
        result = probe.run(dict(base, config_file=config, auth_type="security_token"))
        if name == "expired":  # the token says so itself: refused before any request
            failure(result, "the session token in security_token_file", "expired at", "oci session refresh")
            assert emulated.admin.requests_log(since) == []
        else:
            failure(result, "HTTP 401 NotAuthenticated", "the session token has expired")
        assert token not in json.dumps(result)
        checks += 1
    record("credentials", cloud="oci", module=probe.name, checks=checks)


def test_huawei_revoked_and_wrong_credentials(start):
    access_key, secret_key, token = "RELIABILITYAK0000001", "reliability-secret-%s" % uuid.uuid4().hex, uuid.uuid4().hex
    emulated = start(config={"huawei": {"credentials": {access_key: secret_key}, "tokens": ["test-iam-token", token]}})
    probe = Probe("huaweicloud")
    base = dict(emulated.credentials.args("huaweicloud"), retries=0)
    assert not probe.run(dict(base, ak=access_key, sk=secret_key)).get("failed")
    assert not probe.run(dict(base, ak=None, sk=None, auth_token=token)).get("failed")

    wrong = failure(probe.run(dict(base, ak=access_key, sk="not-the-secret-key")), "HTTP 401 APIG.1002",
                    "signature does not match")
    assert wrong["error"]["request_id"] and "not-the-secret-key" not in json.dumps(wrong)
    failure(probe.run(dict(base, ak=None, sk=None, auth_token="not-a-token")), "HTTP 401 APIG.1002", "Incorrect token")
    with emulated.handle.emulator.lock:  # the AK is revoked
        del emulated.handle.emulator.config.huawei_credentials[access_key]
    revoked = failure(probe.run(dict(base, ak=access_key, sk=secret_key)), "HTTP 401 APIG.1002",
                      "unknown access key")  # the AK itself is masked: ak is no_log
    assert revoked["error"]["request_id"] and secret_key not in json.dumps(revoked)
    failure(probe.run(dict(base, ak=access_key, sk=None)), "sk is required together with ak")
    record("credentials", cloud="huaweicloud", module=probe.name, checks=4)


SETTINGS = {  # option -> (a good value's core, secret); the options every module of the cloud takes
    "huaweicloud": {"ak": ("RELIABILITYAK0000003", True), "sk": ("reliability-secret-%s" % uuid.uuid4().hex, True),
                    "security_token": ("security-token-%s" % uuid.uuid4().hex, True),
                    "auth_token": ("iam-token-%s" % uuid.uuid4().hex, True), "project_id": ("0123456789abcdef" * 2, False),
                    "region": ("cn-north-4", False)},
    "oci": {"tenancy": ("ocid1.tenancy.oc1..aaaaaaaatesttenancy", False), "user": ("ocid1.user.oc1..aaaaaaaauser", False),
            "fingerprint": ("d6:2a:52:5a:cc:41:13:d0:62:00:29:42:8a:e9:cd:1e", False), "region": ("us-chicago-1", False),
            "config_profile": ("DEFAULT", False)},
}
ENDPOINT_VARIABLES = {"oci": "CLOUDAI_OCI_ENDPOINT", "huaweicloud": "CLOUDAI_HUAWEICLOUD_ENDPOINT"}


def settings_modules(cloud):
    modules = [module for module in catalogue.modules() if module.cloud == cloud]
    return mode([Probe(cloud).name], [module.name for module in modules])


@pytest.mark.parametrize("cloud", CLOUDS)
def test_settings_with_line_ends_spaces_or_control_characters_are_refused_by_name_and_never_shown(
        cloud, emulated, monkeypatch):
    """Each setting in each shape, as an option and (Huawei credentials) as the SDK's environment variable: refused
    naming the option, before any request, with no written form of a secret anywhere in the result."""
    base = dict(emulated.credentials.args(cloud), retries=0)
    refused = 0
    for name in settings_modules(cloud):
        module = catalogue.by_name(name)
        args = dict(base, **catalogue.render(catalogue.option_sets(module)[0] if not module.resource
                                             else catalogue.step_args(catalogue.subject(module)),
                                             lambda label: "probe-%s" % label, lambda label: "unused", "settings"))
        for option, (core, secret) in SETTINGS[cloud].items():
            for shape, value in shapes(core).items():
                given = dict(args, **{option: value})
                if option in ("security_token", "auth_token"):
                    given.update(ak=None if option == "auth_token" else given.get("ak"),
                                 sk=None if option == "auth_token" else given.get("sk"))
                since = emulated.admin.last_seq()
                results = [run_module(name, given)]
                variable = "HUAWEICLOUD_SDK_" + option.upper()
                if cloud == "huaweicloud" and secret and "\x00" not in value:  # no NUL in an environment
                    with monkeypatch.context() as patched:
                        patched.setenv(variable, value)
                        results.append(run_module(name, dict((k, v) for k, v in given.items() if k != option)))
                for result in results:
                    # ansible-core 2.21 fails a module whose (logged) options hold a NUL before the module checks them
                    refusal = SYSLOG_NUL if SYSLOG_NUL in result.get("msg", "") and "\x00" in value else (
                        "%s must not start or end with spaces or hold control characters" % option)
                    failure(result, refusal)
                    if secret:
                        shown = json.dumps(result)
                        assert not [form for form in written_forms(value) if form in shown], (name, option, shape)
                    refused += 1
                assert emulated.admin.requests_log(since) == [], (name, option, shape)
    record("secret_shapes", cloud=cloud, modules=len(settings_modules(cloud)), options=len(SETTINGS[cloud]),
           shapes=len(shapes("x")), runs=refused, refused=refused)


@pytest.mark.parametrize("cloud", CLOUDS)
def test_plain_http_to_a_host_other_than_loopback_needs_allow_http_and_names_where_it_came_from(
        cloud, emulated, monkeypatch):
    probe = Probe(cloud)
    base = dict(emulated.credentials.args(cloud), retries=0, timeout=1)
    remote = "http://192.0.2.1:9"  # TEST-NET-1: never answers
    loopback = probe.run(base)
    assert not loopback.get("failed") and "plain http" not in warnings_of(loopback), loopback
    since = emulated.admin.last_seq()
    failure(probe.run(dict(base, endpoint=remote)), "endpoint %s (from option endpoint) is plain http://" % remote,
            "allow_http")
    monkeypatch.setenv(ENDPOINT_VARIABLES[cloud], remote)
    del base["endpoint"]
    failure(probe.run(base), "endpoint %s (from env %s) is plain http://" % (remote, ENDPOINT_VARIABLES[cloud]),
            "allow_http")
    allowed = failure(probe.run(dict(base, allow_http=True)), "ConnectionError")
    assert "endpoint %s (from env %s) is plain http://" % (remote, ENDPOINT_VARIABLES[cloud]) in warnings_of(allowed)
    assert emulated.admin.requests_log(since) == []
    record("plain_http", cloud=cloud, module=probe.name, refused=2, warned=1)
