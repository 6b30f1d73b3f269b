"""meta/execution-environment.yml: `ansible-builder create` makes a build context from it, and an execution
environment that installs the collection gets exactly requirements.txt (requests, cryptography) from it.
Building the image needs podman or docker, which these tests do not use."""

import ast
import re
import sys

import yaml
from packaging.requirements import Requirement

from release_helpers import BIN, COLLECTION, assert_ok, clean_env, requirement_lines, run

EE_FILE = COLLECTION / "meta" / "execution-environment.yml"


def requirement_names(lines):
    return sorted(Requirement(line.split("#")[0]).name for line in lines)


def test_meta_copy_of_the_requirements_equals_the_root_one():
    # ansible-builder reads paths relative to the collection root when it includes the collection in an
    # execution environment, and relative to meta/ when `create` runs on the file itself.
    assert yaml.safe_load(EE_FILE.read_text())["dependencies"]["python"] == "requirements.txt"
    assert requirement_lines(COLLECTION / "meta" / "requirements.txt") == requirement_lines(COLLECTION / "requirements.txt")
    assert requirement_names(requirement_lines(COLLECTION / "requirements.txt")) == ["cryptography", "requests"]


# The last release of each requirement with a published vulnerability that matters to the collection, and why.
VULNERABLE = {
    "requests": ("2.32.3", "CVE-2024-35195 (verify=False sticks to a session's connections), "
                           "CVE-2024-47081 (.netrc credentials sent to another host)"),
    "cryptography": ("44.0.0", "CVE-2023-50782 (RSA decryption timing), CVE-2024-26130 (PKCS#12 crash), "
                               "CVE-2024-12797 (bundled OpenSSL: RPK authentication)"),
}


def test_requirement_floors_exclude_the_vulnerable_releases():
    for line in requirement_lines(COLLECTION / "requirements.txt"):
        requirement = Requirement(line.split("#")[0])
        last_vulnerable, why = VULNERABLE[requirement.name]
        assert not requirement.specifier.contains(last_vulnerable, prereleases=True), "%s admits %s: %s" % (
            line, last_vulnerable, why)


def test_ansible_builder_create_makes_a_build_context(tmp_path):
    context = tmp_path / "context"
    assert_ok(run([BIN / "ansible-builder", "create", "--file", EE_FILE, "--context", context,
                   "--output-filename", "Containerfile"], env=clean_env(tmp_path)))
    containerfile = (context / "Containerfile").read_text()
    definition = yaml.safe_load(EE_FILE.read_text())
    assert 'ARG EE_BASE_IMAGE="%s"' % definition["images"]["base_image"]["name"] in containerfile
    assert "introspect --user-pip=requirements.txt" in containerfile
    assert requirement_lines(context / "_build" / "requirements.txt") == requirement_lines(COLLECTION / "requirements.txt")
    galaxy = yaml.safe_load((context / "_build" / "requirements.yml").read_text())
    assert [entry["name"] for entry in galaxy["collections"]] == ["cloudai.control"]
    # the core it installs is the one meta/runtime.yml asks for
    runtime = yaml.safe_load((COLLECTION / "meta" / "runtime.yml").read_text())
    assert definition["dependencies"]["ansible_core"]["package_pip"] == "ansible-core" + runtime["requires_ansible"]


def test_an_execution_environment_with_the_installed_collection_gets_only_requests_and_cryptography(built_collection):
    """`ansible-builder introspect` is what the image build runs over the installed collections."""
    output = assert_ok(run([BIN / "ansible-builder", "introspect", "--sanitize", built_collection[1]]))
    found = yaml.safe_load(output[output.index("---"):])
    assert requirement_names(found["python"]) == ["cryptography", "requests"]
    assert all(line.endswith("# from collection cloudai.control") for line in found["python"])
    assert found["system"] == []


def test_plugins_import_nothing_at_run_time_but_requirements_txt():
    """Every third-party import of the plugins is declared in requirements.txt, and nothing more is declared."""
    declared = {name.replace("-", "_") for name in requirement_names(requirement_lines(COLLECTION / "requirements.txt"))}
    imported = set()
    for path in (COLLECTION / "plugins").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                imported.add(node.module.split(".")[0])
    third_party = {name for name in imported
                   if name not in sys.stdlib_module_names and name not in ("ansible", "ansible_collections")}
    assert third_party == declared
    assert not re.search(r"^\s*system\s*:", EE_FILE.read_text(), re.M), "no system packages are needed"
