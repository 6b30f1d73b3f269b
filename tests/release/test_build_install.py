"""`ansible-galaxy collection build` makes a tarball without development files, the installed copy documents
every module and runs the demo playbook against an emulator started from that copy, and galaxy.yml and
meta/runtime.yml carry the metadata Galaxy shows."""

import fnmatch
import json
import re
import subprocess
import tarfile
import time

import yaml
from ansible.release import __version__ as ANSIBLE_CORE_VERSION
from packaging.specifiers import SpecifierSet

from release_helpers import (
    BIN, COLLECTION, FQCN, assert_ok, clean_env, module_names, role_names, run, runtime, support_matrix,
    write_oci_config,
)

# The development suites, which galaxy.yml's build_ignore must keep out of the tarball.
DEVELOPMENT_SUITES = ("tools", "tests/unit", "tests/oracle", "tests/bench", "tests/integration", "tests/release",
                      "tests/reliability", "tests/output")


def build_ignore():
    return yaml.safe_load((COLLECTION / "galaxy.yml").read_text())["build_ignore"]


# What users of the installed collection need, besides the modules and roles.
SHIPPED = (
    "README.md", "CHANGELOG.rst", "requirements.txt", "meta/runtime.yml", "meta/execution-environment.yml",
    "meta/requirements.txt", "changelogs/changelog.yaml", "docs/docsite/extra-docs.yml", "playbooks/demo.yml",
    "tests/emulator/__main__.py", "tests/emulator/README.md",
)


def members(tarball):
    with tarfile.open(str(tarball)) as archive:
        return [name[2:] if name.startswith("./") else name for name in archive.getnames()]


def test_build_ignore_names_every_development_suite():
    assert sorted(set(DEVELOPMENT_SUITES) - set(build_ignore())) == []


def test_tarball_has_nothing_build_ignore_leaves_out(built_collection):
    """The same list as the build: each entry of build_ignore (a path or a pattern) matches no member."""
    names = members(built_collection[0])
    dev_files = [name for name in names  # a member or any directory above it matching an entry
                 if any(fnmatch.fnmatch("/".join(name.split("/")[:depth]), pattern)
                        for pattern in build_ignore() for depth in range(1, name.count("/") + 2))
                 or "__pycache__" in name.split("/") or name.endswith(".pyc")]
    assert dev_files == []


def test_tarball_holds_no_private_key(built_collection):
    with tarfile.open(str(built_collection[0])) as archive:
        keys = [member.name for member in archive.getmembers()
                if member.isfile() and b"PRIVATE KEY-----" in archive.extractfile(member).read()]
    assert keys == []


def test_tarball_has_what_users_need(built_collection):
    names = set(members(built_collection[0]))
    wanted = set(SHIPPED) | {"plugins/modules/%s.py" % name for name in module_names()}
    wanted |= {"roles/%s/meta/argument_specs.yml" % name for name in role_names()}
    wanted |= {path.relative_to(COLLECTION).as_posix() for path in (COLLECTION / "docs" / "awx").glob("*.yml")}
    wanted |= {path.relative_to(COLLECTION).as_posix() for path in (COLLECTION / "plugins").rglob("*.py")
               if "__pycache__" not in path.parts}
    assert sorted(wanted - names) == []
    manifest = json.loads(tarfile.open(str(built_collection[0])).extractfile("MANIFEST.json").read())
    assert manifest["collection_info"]["version"] == yaml.safe_load((COLLECTION / "galaxy.yml").read_text())["version"]


def test_installed_copy_documents_every_module(built_collection, tmp_path):
    env = clean_env(tmp_path, collections_root=built_collection[1])
    listed = json.loads(assert_ok(run([BIN / "ansible-doc", "--list", "--json", "-t", "module", FQCN], env=env)))
    assert sorted(name[len(FQCN) + 1:] for name in listed) == module_names()
    docs = json.loads(assert_ok(run([BIN / "ansible-doc", "--json", "-t", "module"]
                                    + ["%s.%s" % (FQCN, name) for name in module_names()], env=env)))
    installed = str(built_collection[1])
    assert all(doc["doc"]["filename"].startswith(installed) for doc in docs.values())


def start_installed_emulator(installed, directory):
    """The emulator from the installed copy's tests/emulator, as the docs tell playbook CI to run it."""
    port_file = directory / "emulator.port"
    tests = installed / "ansible_collections" / "cloudai" / "control" / "tests"
    process = subprocess.Popen(
        [str(BIN / "python"), "-m", "emulator", "--port", "0", "--port-file", str(port_file), "--delay", "1"],
        cwd=str(tests), env=clean_env(directory), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while not (port_file.exists() and port_file.read_text().strip().isdigit()):
        assert process.poll() is None and time.monotonic() < deadline, "the installed emulator did not start"
        time.sleep(0.05)
    return process, "http://127.0.0.1:%s" % port_file.read_text().strip()


def test_installed_copy_runs_the_demo_playbook(built_collection, tmp_path):
    installed = built_collection[1]
    process, url = start_installed_emulator(installed, tmp_path)
    try:
        config = write_oci_config(tmp_path)
        env = clean_env(tmp_path, collections_root=installed, OCI_CONFIG_FILE=config, CLOUDAI_OCI_ENDPOINT=url)
        output = assert_ok(run([BIN / "ansible-playbook", "%s.demo" % FQCN], env=env, cwd=tmp_path))
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert re.search(r"localhost\s*: ok=\d+\s+changed=2\s+unreachable=0\s+failed=0", output), output
    assert "second run: changed=False" in output


def test_galaxy_metadata():
    galaxy = yaml.safe_load((COLLECTION / "galaxy.yml").read_text())
    for key in ("description", "repository", "documentation", "issues", "license", "authors", "readme"):
        assert galaxy.get(key), "galaxy.yml has no %s" % key
    for key in ("repository", "documentation", "issues"):
        assert re.match(r"^https://[^\s/]+/\S+$", galaxy[key]), "%s is not an https URL" % key
    assert 1 <= len(galaxy["tags"]) <= 20 and all(re.match(r"^[a-z0-9_]+$", tag) for tag in galaxy["tags"])
    assert not galaxy.get("dependencies"), "the collection needs nothing beyond ansible-core"


def test_requires_ansible_is_exactly_the_tested_range():
    """meta/runtime.yml admits every ansible-core of the test matrix and nothing before or after it; the README's
    table lists each version with its Pythons, and the suites run on the default one."""
    matrix, default = support_matrix()
    requires = SpecifierSet(runtime()["requires_ansible"])
    minors = sorted(matrix, key=lambda minor: tuple(map(int, minor.split("."))))
    for minor, (newest, _pythons) in matrix.items():
        assert minor + ".0" in requires and newest in requires, minor
    oldest, latest = minors[0].split("."), minors[-1].split(".")
    assert "%s.%d.99" % (oldest[0], int(oldest[1]) - 1) not in requires
    assert "%s.%d.0" % (latest[0], int(latest[1]) + 1) not in requires
    assert "%s.%d.0rc1" % (latest[0], int(latest[1]) + 1) not in requires
    assert ANSIBLE_CORE_VERSION == matrix[default][0]
    readme = (COLLECTION / "README.md").read_text()
    for minor, (newest, pythons) in matrix.items():
        assert re.search(r"^\| %s \| %s \| %s \|" % (re.escape(minor), re.escape(newest), re.escape(", ".join(pythons))),
                         readme, re.M), "README.md has no row for ansible-core %s" % minor
