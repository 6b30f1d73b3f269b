"""The collection's own signers, transport and clients against the emulator: every auth mode authenticates,
paging walks every page, and faults are survived without duplicates."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from ansible_collections.cloudai.control.plugins.module_utils.fabric import WORKSPACE
from ansible_collections.cloudai.control.plugins.module_utils.genai import DEDICATED_AI_CLUSTER
from ansible_collections.cloudai.control.plugins.module_utils.huawei_auth import AkSkSigner, TokenSigner
from ansible_collections.cloudai.control.plugins.module_utils.huawei_client import HuaweiClient
from ansible_collections.cloudai.control.plugins.module_utils.oci_auth import (
    ApiKeySigner, InstancePrincipalSigner, SecurityTokenSigner, build_oci_signer,
)
from ansible_collections.cloudai.control.plugins.module_utils.oci_config import resolve_oci_settings
from ansible_collections.cloudai.control.plugins.module_utils.oci_client import OciClient
from ansible_collections.cloudai.control.plugins.module_utils.engine import run_resource
from ansible_collections.cloudai.control.plugins.module_utils.transport import ApiError, Transport
from emulator import start_emulator
from emulator.config import (
    TEST_COMPARTMENT, TEST_HUAWEI_AK, TEST_HUAWEI_PROJECT, TEST_HUAWEI_SK, TEST_KEY_FILE as KEY_FILE,
)
from emulator.testing import TEST_KEY_ID, AdminClient

CLUSTER = {"compartmentId": TEST_COMPARTMENT, "type": "HOSTING", "unitShape": "LARGE_COHERE_V2", "unitCount": 1}


def no_sleep(seconds):
    pass


def transport(signer, **options):
    return Transport(signer, sleep=no_sleep, **options)


def key_pem():
    with open(KEY_FILE, "rb") as handle:
        return handle.read()


def oci_client(url, signer, **options):
    return OciClient(transport(signer, **options), "generativeai", "us-chicago-1", url)


def create_cluster(client, name):
    body = dict(CLUSTER, displayName=name)
    return client.create(DEDICATED_AI_CLUSTER, body)[0]


def test_api_key_settings_from_a_config_file_authenticate(emulator, tmp_path):
    config = tmp_path / "config"
    config.write_text("[DEFAULT]\nuser=%s\nfingerprint=%s\ntenancy=%s\nkey_file=%s\nregion=ord\n" % (
        TEST_KEY_ID.split("/")[1], TEST_KEY_ID.split("/")[2], TEST_KEY_ID.split("/")[0], KEY_FILE))
    settings = resolve_oci_settings({"config_file": str(config), "endpoint": emulator.url})
    client = oci_client(emulator.url, build_oci_signer(settings))
    created = create_cluster(client, "from-config")
    assert settings["region"] == "us-chicago-1"
    assert client.read(DEDICATED_AI_CLUSTER, created["id"])[0]["displayName"] == "from-config"


def test_a_wrong_key_is_refused_with_status_code_and_request_id(emulator):
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    client = oci_client(emulator.url, ApiKeySigner(TEST_KEY_ID, other))
    with pytest.raises(ApiError) as caught:
        list(client.search(DEDICATED_AI_CLUSTER, TEST_COMPARTMENT, None))
    assert (caught.value.status, caught.value.code) == (401, "NotAuthenticated")
    assert caught.value.request_id


def test_session_token_signer_authenticates(tmp_path):
    session_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public_pem = session_key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    token = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJzZXNzaW9uIn0."
    with start_emulator(config={"oci": {"keys": {"ST$" + token: public_pem}}}) as handle:
        private_pem = session_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                serialization.NoEncryption())
        client = oci_client(handle.url, SecurityTokenSigner(token + "\n", private_pem))
        assert create_cluster(client, "via-session")["lifecycleState"] == "CREATING"


def test_instance_principal_signer_gets_a_token_and_refreshes_it(emulator):
    signer = InstancePrincipalSigner(metadata_url=emulator.url + "/opc/v2", federation_url=emulator.url + "/v1/x509")
    client = oci_client(emulator.url, signer)
    create_cluster(client, "via-instance")
    AdminClient(emulator.url).put("/settings", {"session_token_ttl": 0})
    signer.refresh()  # a fresh token that expires at once: the next call gets 401, refreshes, and retries
    AdminClient(emulator.url).put("/settings", {"session_token_ttl": 3600})
    assert len(list(client.search(DEDICATED_AI_CLUSTER, TEST_COMPARTMENT, None))) == 1
    federation = [r for r in AdminClient(emulator.url).requests_log() if r["service"] == "federation"]
    assert len(federation) == 3


def test_oci_paging_walks_every_page(emulator, monkeypatch):
    monkeypatch.setattr("ansible_collections.cloudai.control.plugins.module_utils.oci_client.PAGE_LIMIT", 2)
    client = oci_client(emulator.url, ApiKeySigner(TEST_KEY_ID, key_pem()))
    for index in range(5):
        create_cluster(client, "paged-%d" % index)
    found = list(client.search(DEDICATED_AI_CLUSTER, TEST_COMPARTMENT, None))
    assert sorted(c["displayName"] for c in found) == ["paged-%d" % i for i in range(5)]
    pages = [r for r in AdminClient(emulator.url).requests_log() if r["method"] == "GET"]
    assert len(pages) == 3


def test_oci_paging_follows_short_pages(emulator):
    client = oci_client(emulator.url, ApiKeySigner(TEST_KEY_ID, key_pem()))
    for index in range(3):
        create_cluster(client, "short-%d" % index)
    AdminClient(emulator.url).put("/settings", {"page_size": 1})
    found = list(client.search(DEDICATED_AI_CLUSTER, TEST_COMPARTMENT, None))
    assert sorted(c["displayName"] for c in found) == ["short-%d" % i for i in range(3)]
    assert len([r for r in AdminClient(emulator.url).requests_log() if r["method"] == "GET"]) == 3


def test_lost_create_responses_and_throttling_leave_exactly_one_cluster(emulator):
    admin = AdminClient(emulator.url)
    admin.put("/faults", {"seed": 7, "faults": [
        {"kind": "drop_after", "methods": ["POST"], "count": 2},
        {"kind": "throttle", "retry_after": 0, "methods": ["GET"], "count": 2},
        {"kind": "error", "status": 503, "methods": ["GET"], "count": 1},
    ]})
    client = oci_client(emulator.url, ApiKeySigner(TEST_KEY_ID, key_pem()))
    params = dict(state="present", compartment_id=TEST_COMPARTMENT, display_name="survivor", type="HOSTING",
                  unit_shape="LARGE_COHERE_V2", unit_count=1, wait=False, wait_timeout=0, purge_tags=True)
    result = run_resource(DEDICATED_AI_CLUSTER, client, params)
    found = list(client.search(DEDICATED_AI_CLUSTER, TEST_COMPARTMENT, "survivor"))
    assert result["changed"] and [c["id"] for c in found] == [result["dedicated_ai_cluster"]["id"]]
    assert sum(rule["injected"] for rule in admin.get("/faults")["faults"]) == 5


def test_huawei_aksk_and_token_auth_page_through_base_models(emulator):
    for signer in (AkSkSigner(TEST_HUAWEI_AK, TEST_HUAWEI_SK, TEST_HUAWEI_PROJECT),
                   TokenSigner("test-iam-token", TEST_HUAWEI_PROJECT)):
        client = HuaweiClient(transport(signer), emulator.url)
        models = list(client.pages("/v1/base-models", [], "models"))
        assert len(models) > 25 and len({m["base_model_type"] for m in models}) == len(models)


@pytest.mark.parametrize("settings", [{"page_size": 7}, {"omit_total": True}, {"page_size": 7, "omit_total": True}])
def test_huawei_paging_survives_short_pages_and_no_total(emulator, settings):
    AdminClient(emulator.url).put("/settings", settings)
    client = HuaweiClient(transport(AkSkSigner(TEST_HUAWEI_AK, TEST_HUAWEI_SK, TEST_HUAWEI_PROJECT)), emulator.url)
    models = list(client.pages("/v1/base-models", [], "models"))
    assert len(models) > 25 and len({m["base_model_type"] for m in models}) == len(models)


def test_huawei_lost_create_response_is_found_by_name(emulator):
    AdminClient(emulator.url).put("/faults", {"faults": [{"kind": "drop_after", "methods": ["POST"], "count": 1}]})
    client = HuaweiClient(transport(AkSkSigner(TEST_HUAWEI_AK, TEST_HUAWEI_SK, TEST_HUAWEI_PROJECT)), emulator.url)
    created, dummy = client.create(WORKSPACE, {"name": "ws-lost-reply"})
    listed = [w for w in client.search(WORKSPACE, None, "ws-lost-reply") if w["name"] == "ws-lost-reply"]
    assert [w["id"] for w in listed] == [created["id"]]
    assert client.read(WORKSPACE, created["id"])[0]["name"] == "ws-lost-reply"


def test_a_sandbox_warm_pool_is_identified_by_its_name_in_its_project():
    """No OCID: the engine reads, updates and deletes the pool by its name (spec.id_key), and the client puts the
    project from the task's options into the path; a name is one path segment, whatever it holds."""
    from ansible_collections.cloudai.control.plugins.module_utils.genai_access import PROJECT, SANDBOX_WARM_POOL
    from ansible_collections.cloudai.control.plugins.module_utils.spec import ResourceError

    handle = start_emulator(delay=1.0, time_scale=20)
    try:
        signer = ApiKeySigner(TEST_KEY_ID, key_pem())
        project = oci_client(handle.url, signer).create(PROJECT, {"compartmentId": TEST_COMPARTMENT, "sandboxConfig": {
            "isEnabled": True}})[0]
        params = dict(state="present", project_id=project["id"], name="python/small ..", type="MANAGED", shape="SMALL",
                      desired_capacity=2, wait=True, wait_timeout=60)
        client = OciClient(transport(signer), "generativeai", "us-chicago-1", handle.url, path_params=params)
        created = run_resource(SANDBOX_WARM_POOL, client, params)
        pool = created["sandbox_warm_pool"]
        assert created["changed"] and created["work_request"]["operation_type"] == "CREATE_SANDBOX_WARM_POOL"
        assert pool["name"] == "python/small .." and pool["lifecycle_state"] == "ACTIVE" and "id" not in pool
        assert run_resource(SANDBOX_WARM_POOL, client, params)["changed"] is False
        params["desired_capacity"] = 0
        resized = run_resource(SANDBOX_WARM_POOL, client, params, diff_mode=True)
        assert resized["diff"] == dict(before=dict(name="python/small ..", type="MANAGED", shape="SMALL", desired_capacity=2),
                                       after=dict(name="python/small ..", type="MANAGED", shape="SMALL", desired_capacity=0))
        assert client.read(SANDBOX_WARM_POOL, "python/small ..")[0]["runtimeStatus"]["readyCapacity"] == 0
        with pytest.raises(ResourceError, match="shape cannot be changed"):
            run_resource(SANDBOX_WARM_POOL, client, dict(params, shape="LARGE"))
        params["state"] = "absent"
        assert run_resource(SANDBOX_WARM_POOL, client, params, check_mode=True)["changed"] is True
        assert run_resource(SANDBOX_WARM_POOL, client, dict(params, wait=False))["changed"] is True
        params["state"] = "present"  # its name is taken until it is gone: the create waits for that
        assert run_resource(SANDBOX_WARM_POOL, client, params)["sandbox_warm_pool"]["lifecycle_state"] == "ACTIVE"
        params["state"] = "absent"
        assert run_resource(SANDBOX_WARM_POOL, client, params)["changed"] is True
        assert client.read(SANDBOX_WARM_POOL, "python/small ..") == (None, None)
        with pytest.raises(ApiError, match="not the one asked for"):
            client.delete(SANDBOX_WARM_POOL, {"name": ["../x"]}, None)
    finally:
        handle.stop()
