"""Helpers of the release tests: the collection's modules, roles and action groups as its files declare them,
the built and installed collection, and a clean environment for ansible commands (fixtures are in conftest.py).

Everything is discovered from plugins/modules, roles/ and meta/runtime.yml, so modules added later are
covered without editing these tests.
"""

import ast
import fcntl
import json
import os
import subprocess
import sys
from pathlib import Path

import yaml


def _collection_path():
    """Where ansible_collections.cloudai.control is imported from (tools/dev.py puts it on PYTHONPATH: a copy of
    the repository, or a link to it), else this checkout when it sits in an ansible_collections tree."""
    try:
        import ansible_collections.cloudai.control as package  # pylint: disable=import-outside-toplevel
        return Path(list(package.__path__)[0])
    except ImportError:
        path = Path(__file__).resolve().parents[2]
        if path.parents[1].name != "ansible_collections":
            raise RuntimeError("run these tests with tools/dev.py, or with the collection on PYTHONPATH")
        return path


COLLECTION = _collection_path()  # .../ansible_collections/cloudai/control
COLLECTIONS_ROOT = COLLECTION.parents[2]  # the directory that holds ansible_collections
FQCN = "cloudai.control"
BIN = Path(sys.executable).parent  # the dev venv that runs pytest also holds ansible, antsibull-docs, ...

TESTS_DIR = str(COLLECTION / "tests")
if TESTS_DIR not in sys.path:
    sys.path.insert(0, TESTS_DIR)

from emulator.config import (  # noqa: E402  pylint: disable=wrong-import-position
    TEST_FINGERPRINT, TEST_HUAWEI_AK, TEST_HUAWEI_PROJECT, TEST_HUAWEI_SK, TEST_KEY_FILE, TEST_TENANCY, TEST_USER,
)

TEST_REGION = "us-chicago-1"
# Variables that would let a module find credentials or an endpoint the test did not give it.
AMBIENT_PREFIXES = ("OCI_", "HUAWEICLOUD_", "CLOUDAI_", "ANSIBLE_")


def module_names(collection=COLLECTION):
    return sorted(path.stem for path in (collection / "plugins" / "modules").glob("*.py") if path.stem != "__init__")


def role_names(collection=COLLECTION):
    return sorted(path.name for path in (collection / "roles").iterdir() if (path / "tasks").is_dir())


def support_matrix(collection=COLLECTION):
    """tools/dev.py's MATRIX ({minor: (newest patch, controller Pythons)}) and DEFAULT_CORE, read, not imported."""
    found = {}
    for node in ast.parse((collection / "tools" / "dev.py").read_text()).body:
        if isinstance(node, ast.Assign) and node.targets[0].id in ("MATRIX", "DEFAULT_CORE"):
            found[node.targets[0].id] = ast.literal_eval(node.value)
    return found["MATRIX"], found["DEFAULT_CORE"]


def runtime(collection=COLLECTION):
    return yaml.safe_load((collection / "meta" / "runtime.yml").read_text())


def action_groups(collection=COLLECTION):
    """group -> short module names, for every action group of meta/runtime.yml."""
    groups = {}
    for group, entries in (runtime(collection).get("action_groups") or {}).items():
        names = [entry for entry in entries or [] if isinstance(entry, str)]  # skip `metadata` entries
        groups[group] = [name[len(FQCN) + 1:] if name.startswith(FQCN + ".") else name for name in names]
    return groups


def module_documentation(name, collection=COLLECTION):
    """The parsed DOCUMENTATION of a module file (read with ast, not imported)."""
    tree = ast.parse((collection / "plugins" / "modules" / (name + ".py")).read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] == ["DOCUMENTATION"]:
            return yaml.safe_load(node.value.value)
    raise AssertionError("plugins/modules/%s.py has no DOCUMENTATION" % name)


def role_short_description(name, collection=COLLECTION):
    specs = yaml.safe_load((collection / "roles" / name / "meta" / "argument_specs.yml").read_text())
    return specs["argument_specs"]["main"]["short_description"]


def requirement_lines(path):
    return [line.strip() for line in Path(path).read_text().splitlines() if line.strip() and not line.startswith("#")]


def clean_env(tmp_path, collections_root=COLLECTIONS_ROOT, **extra):
    """An environment for ansible commands that holds no credentials or endpoints but those in ``extra``."""
    home = Path(tmp_path) / "home"  # no ~/.oci/config, no ~/.ansible.cfg
    home.mkdir(exist_ok=True)
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(AMBIENT_PREFIXES) and key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(
        PATH=str(BIN) + os.pathsep + os.environ.get("PATH", ""),
        HOME=str(home),
        ANSIBLE_COLLECTIONS_PATH=str(collections_root),
        ANSIBLE_LOCAL_TEMP=str(Path(tmp_path) / "ansible-local"),
        ANSIBLE_REMOTE_TEMP=str(Path(tmp_path) / "ansible-remote"),
        ANSIBLE_LOCALHOST_WARNING="false",
        ANSIBLE_INVENTORY_UNPARSED_WARNING="false",
        ANSIBLE_NOCOLOR="1",
        ANSIBLE_PYTHON_INTERPRETER=sys.executable,
    )
    env.update({key: str(value) for key, value in extra.items()})
    return env


def run(cmd, env=None, cwd=None, timeout=600):
    """Run a command, capturing its output; the caller checks the result (see ``assert_ok``)."""
    return subprocess.run([str(part) for part in cmd], env=env, cwd=str(cwd) if cwd else None, timeout=timeout,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=False)


def assert_ok(process):
    assert process.returncode == 0, "%s exited with %d:\n%s" % (
        " ".join(process.args[:3]), process.returncode, process.stdout[-6000:])
    return process.stdout


def run_playbook(tmp_path, plays, env):
    """Run plays, every task with ignore_errors; return {task name: result} and the process.

    Each play ends with a task that writes its tasks' registered results to a JSON file."""
    tmp_path = Path(tmp_path)
    number = len(list(tmp_path.glob("playbook-*.yml")))
    results_file = tmp_path / ("results-%d.json" % number)
    plays = [dict(play) for play in plays]
    for index, play in enumerate(plays):
        tasks = [dict(task, register="task_result_%d" % position, ignore_errors=True)
                 for position, task in enumerate(play["tasks"])]
        pairs = ", ".join("%s: task_result_%d" % (json.dumps(task["name"]), position)
                          for position, task in enumerate(tasks))
        tasks.append({"name": "Write the results", "ansible.builtin.copy": {
            "content": "{{ {%s} | to_json }}" % pairs, "dest": "%s.%d" % (results_file, index), "mode": "0600"}})
        play["tasks"] = tasks
    playbook = tmp_path / ("playbook-%d.yml" % number)
    playbook.write_text(yaml.safe_dump(plays, sort_keys=False))
    process = run([BIN / "ansible-playbook", "-i", "localhost,", "-c", "local", playbook], env=env)
    results = {}
    for index in range(len(plays)):
        path = Path("%s.%d" % (results_file, index))
        assert path.exists(), "ansible-playbook did not finish its plays:\n" + process.stdout[-6000:]
        results.update(json.loads(path.read_text()))
    return results, process


def write_oci_config(directory, key_file=TEST_KEY_FILE, region=TEST_REGION):
    """An OCI config file (profile DEFAULT) for the emulator's test user, with a private copy of the key."""
    directory = Path(directory)
    key = directory / "oci_api_key.pem"
    key.write_bytes(Path(key_file).read_bytes())
    key.chmod(0o600)
    config = directory / "oci_config"
    config.write_text("[DEFAULT]\nuser=%s\nfingerprint=%s\ntenancy=%s\nregion=%s\nkey_file=%s\n"
                      % (TEST_USER, TEST_FINGERPRINT, TEST_TENANCY, region, key))
    config.chmod(0o600)
    return config


def emulator_env(url, config):
    """What `tools/dev.py emulator` tells a user to export: the emulator as endpoint, test credentials."""
    return {
        "OCI_CONFIG_FILE": str(config),
        "CLOUDAI_OCI_ENDPOINT": url,
        "HUAWEICLOUD_SDK_AK": TEST_HUAWEI_AK,
        "HUAWEICLOUD_SDK_SK": TEST_HUAWEI_SK,
        "HUAWEICLOUD_SDK_PROJECT_ID": TEST_HUAWEI_PROJECT,
        "CLOUDAI_HUAWEICLOUD_ENDPOINT": url,
    }


def shared_once(tmp_path_factory, name, make):
    """A directory that ``make(directory)`` fills once per test run, however many pytest-xdist workers ask."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the run's directory, above each worker's own
    directory = shared / name
    with open(str(directory) + ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (shared / (name + ".done")).exists():
            make(directory)
            (shared / (name + ".done")).write_text("")
    return directory


def build_and_install(out):
    out.mkdir(parents=True, exist_ok=True)
    assert_ok(run([BIN / "ansible-galaxy", "collection", "build", COLLECTION, "--output-path", out],
                  env=clean_env(out)))
    installed = out / "installed"
    assert_ok(run([BIN / "ansible-galaxy", "collection", "install"] + list(out.glob("cloudai-control-*.tar.gz"))
                  + ["-p", installed], env=clean_env(out, collections_root=installed)))
