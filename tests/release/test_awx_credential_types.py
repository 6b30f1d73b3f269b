"""docs/awx/*.yml: each custom credential type is one AWX accepts, injects only variables the modules read,
keeps secrets out of the stored job environment, and what it injects authenticates a module run against
the emulator (a wrong secret is refused, so it is the injected credential that authenticates).

The modules run are every info module of the credential's cloud that can list without a parent resource
(found from meta/runtime.yml and the modules' specs). A cloud with no such module yet is checked through
the modules' own option handling and client instead (the same code path below the module)."""

import ast
import importlib
import os
from pathlib import Path

import pytest
import yaml
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jinja2 import Environment, meta

import awx
from release_helpers import (
    COLLECTION, FQCN, TEST_FINGERPRINT, TEST_HUAWEI_AK, TEST_HUAWEI_PROJECT, TEST_HUAWEI_SK, TEST_KEY_FILE,
    TEST_REGION, TEST_TENANCY, TEST_USER, action_groups, clean_env, run_playbook,
)
from emulator import start_emulator
from emulator.config import TEST_COMPARTMENT, oci_fingerprint
from emulator.testing import AdminClient
from ansible_collections.cloudai.control.plugins.module_utils.huawei_auth import (
    build_huawei_signer, resolve_huawei_settings,
)
from ansible_collections.cloudai.control.plugins.module_utils.huawei_client import HuaweiClient
from ansible_collections.cloudai.control.plugins.module_utils.huawei_module import HUAWEI_COMMON_ARGS
from ansible_collections.cloudai.control.plugins.module_utils.oci_module import OCI_COMMON_ARGS
from ansible_collections.cloudai.control.plugins.module_utils.transport import ApiError, Transport

CREDENTIAL_TYPES = sorted((COLLECTION / "docs" / "awx").glob("*.yml"))
COMMON_ARGS = {"oci": OCI_COMMON_ARGS, "huaweicloud": HUAWEI_COMMON_ARGS}  # action group -> the options it shares
PASS_PHRASE = "correct horse battery staple"
SESSION_TOKEN = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhd3gtc2Vzc2lvbiJ9."


def new_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def pem(key, pass_phrase=None):
    encryption = (serialization.BestAvailableEncryption(pass_phrase.encode()) if pass_phrase
                  else serialization.NoEncryption())
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption).decode()


def load_test_key():
    return serialization.load_pem_private_key(Path(TEST_KEY_FILE).read_bytes(), password=None)


SESSION_KEY = new_key()

# What a user enters for each credential type (the emulator's test identities), which inputs are secret,
WRONG_KEY = new_key()  # with its own fingerprint, so that the emulator is asked and refuses it

# a wrong secret the emulator must refuse, and the emulator configuration that trusts the credential.
CASES = {
    "oci_api_key": dict(
        inputs=dict(user=TEST_USER, tenancy=TEST_TENANCY, fingerprint=TEST_FINGERPRINT, region=TEST_REGION,
                    private_key=pem(load_test_key(), PASS_PHRASE), pass_phrase=PASS_PHRASE),
        secrets={"private_key", "pass_phrase"},
        wrong=dict(private_key=pem(WRONG_KEY), pass_phrase="", fingerprint=oci_fingerprint(WRONG_KEY.public_key())),
        emulator_config=None),
    "oci_session_token": dict(
        inputs=dict(region=TEST_REGION, tenancy=TEST_TENANCY, security_token=SESSION_TOKEN, private_key=pem(SESSION_KEY)),
        secrets={"security_token", "private_key"},
        wrong=dict(private_key=pem(new_key())),
        emulator_config={"oci": {"keys": {"ST$" + SESSION_TOKEN: SESSION_KEY.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()}}}),
    "huaweicloud_aksk": dict(
        inputs=dict(ak=TEST_HUAWEI_AK, sk=TEST_HUAWEI_SK, project_id=TEST_HUAWEI_PROJECT, region="cn-north-4"),
        secrets={"ak", "sk", "security_token"},
        wrong=dict(sk="not" + TEST_HUAWEI_SK),
        emulator_config=None),
    "huaweicloud_iam_token": dict(
        inputs=dict(auth_token="test-iam-token", project_id=TEST_HUAWEI_PROJECT, region="cn-north-4"),
        secrets={"auth_token"},
        wrong=dict(auth_token="an-expired-token"),
        emulator_config=None),
}


def load(path):
    return yaml.safe_load(path.read_text())


def fallback_names(argspec):
    """Environment variable -> option, for the options of an argument spec that fall back to the environment."""
    names = {}
    for option, spec in argspec.items():
        for name in (spec.get("fallback") or (None, []))[1]:
            names[name] = option
    return names


def cloud_of(credential_type):
    injected = set(credential_type["injectors"].get("env", {}))
    clouds = [cloud for cloud, argspec in COMMON_ARGS.items() if injected <= set(fallback_names(argspec))]
    assert len(clouds) == 1, "the variables %s are not all read by the modules of one cloud" % sorted(injected)
    return clouds[0]


def referenced_fields(template):
    return meta.find_undeclared_variables(Environment().parse(template)) - {"tower"}


def info_spec(name):
    """The ResourceSpec an info module passes to run_info_module, or None for a module built otherwise."""
    tree = ast.parse((COLLECTION / "plugins" / "modules" / (name + ".py")).read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "run_info_module":
            module = importlib.import_module("ansible_collections.cloudai.control.plugins.modules." + name)
            return getattr(module, node.args[0].id)
    return None


def listing_modules(group):
    """Info modules of the group that list without a parent resource, with the arguments they need."""
    found = []
    for name in action_groups()[group]:
        spec = info_spec(name) if name.endswith("_info") else None
        if spec is None or not spec.listable or "{" in spec.path or (spec.scope and spec.scope.option != "compartment_id"):
            continue
        found.append((name, {"compartment_id": TEST_COMPARTMENT} if spec.scope else {}))
    return found


@pytest.fixture(params=[path.stem for path in CREDENTIAL_TYPES])
def case(request):
    assert request.param in CASES, "docs/awx/%s.yml has no test case in %s" % (request.param, __name__)
    return request.param, load(COLLECTION / "docs" / "awx" / (request.param + ".yml")), CASES[request.param]


def test_every_cloud_has_credential_types():
    assert sorted({cloud_of(load(path)) for path in CREDENTIAL_TYPES}) == sorted(COMMON_ARGS)
    assert {path.stem for path in CREDENTIAL_TYPES} == set(CASES)


def test_awx_accepts_the_credential_type(case):
    assert awx.validate(case[1]) == []


def test_only_variables_the_modules_read_are_injected(case):
    cloud = cloud_of(case[1])
    read = fallback_names(COMMON_ARGS[cloud])
    no_log = {name for name, option in read.items() if COMMON_ARGS[cloud][option].get("no_log")}
    for name, template in case[1]["injectors"].get("env", {}).items():
        if name in no_log:  # an option the modules never log gets only secret fields
            assert referenced_fields(template) <= set(awx.secret_fields(case[1])), name


def test_secrets_are_marked_secret_and_stay_out_of_the_stored_job_environment(case, tmp_path):
    name, credential_type, data = case
    assert set(awx.secret_fields(credential_type)) == data["secrets"]
    env, safe_env, files = awx.inject(credential_type, dict(data["inputs"], endpoint="http://127.0.0.1:1"), tmp_path)
    secret_values = [value for key, value in data["inputs"].items() if key in data["secrets"] and value]
    assert secret_values and not [value for value in secret_values for shown in safe_env.values() if value in shown]
    for path in files.values():
        assert oct(os.stat(path).st_mode & 0o777) == "0o600"
    assert set(env) == set(safe_env) == set(credential_type["injectors"]["env"]), name


def huawei_client_from_env(env):
    """The Huawei modules' option handling (environment fallbacks, checks) and client, without a module."""
    params = {}
    for option, spec in HUAWEI_COMMON_ARGS.items():
        names = (spec.get("fallback") or (None, []))[1]
        params[option] = next((env[name] for name in names if name in env), spec.get("default"))
    settings = resolve_huawei_settings(params)
    return HuaweiClient(Transport(build_huawei_signer(settings), retries=0), settings["endpoint"])


def test_what_the_credential_injects_authenticates_a_module_run(case, tmp_path):
    name, credential_type, data = case
    group = cloud_of(credential_type)
    with start_emulator(delay=1.0, config=data["emulator_config"]) as handle:
        env, _safe, _files = awx.inject(credential_type, dict(data["inputs"], endpoint=handle.url), tmp_path / "job")
        wrong, _safe, _files = awx.inject(credential_type, dict(data["inputs"], endpoint=handle.url, **data["wrong"]),
                                          tmp_path / "wrong-job")
        modules = listing_modules(group)
        if not modules:
            # Nothing to run yet for this cloud: the same option handling and client the modules use.
            assert group == "huaweicloud", "every OCI credential type must be checked with modules"
            assert len(list(huawei_client_from_env(env).pages("/v1/base-models", [], "models"))) > 0
            with pytest.raises(ApiError) as refused:
                list(huawei_client_from_env(wrong).pages("/v1/base-models", [], "models"))
            assert refused.value.status == 401
            return

        tasks = [{"name": module, "%s.%s" % (FQCN, module): args, "ignore_errors": True} for module, args in modules]
        play = [{"hosts": "localhost", "gather_facts": False, "tasks": tasks}]
        AdminClient(handle.url).call("DELETE", "/requests")
        results, _process = run_playbook(tmp_path, play, clean_env(tmp_path, **env))
        for module, _args in modules:
            assert not results[module].get("failed"), (module, results[module].get("msg"))
        log = AdminClient(handle.url).requests_log()
        assert len([r for r in log if r["method"] == "GET" and r["status"] == 200]) >= len(modules)

        results, _process = run_playbook(tmp_path, [dict(play[0], tasks=tasks[:1])], clean_env(tmp_path, **wrong))
        refused = results[modules[0][0]]
        assert refused.get("failed") and "HTTP 401" in refused["msg"], refused
