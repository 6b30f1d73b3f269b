"""changelogs/: antsibull-changelog's lints pass, the release of galaxy.yml's version has an entry, every module
and role is listed in the release of its version_added with its own short description, and CHANGELOG.rst is
what antsibull-changelog makes of changelog.yaml. After adding fragments or modules, `tools/dev.py changelog`
brings the release entry and CHANGELOG.rst up to date."""

import yaml

from release_helpers import (
    BIN, COLLECTION, assert_ok, clean_env, module_documentation, module_names, role_names, role_short_description,
    run,
)

CHANGELOG = COLLECTION / "changelogs" / "changelog.yaml"
HINT = "; run python3 tools/dev.py changelog"


def releases():
    return yaml.safe_load(CHANGELOG.read_text())["releases"]


def unescape(description):
    return description.replace("\\", "")  # antsibull-changelog escapes RST characters (Fine\-tune)


def test_antsibull_changelog_lints_pass(tmp_path):
    env = clean_env(tmp_path)
    assert_ok(run([BIN / "antsibull-changelog", "lint"], env=env, cwd=COLLECTION))
    assert_ok(run([BIN / "antsibull-changelog", "lint-changelog-yaml", CHANGELOG], env=env, cwd=COLLECTION))


def test_the_release_of_galaxy_version_has_an_entry_with_a_summary():
    version = str(yaml.safe_load((COLLECTION / "galaxy.yml").read_text())["version"])
    assert version in releases(), "changelog.yaml has no release %s%s" % (version, HINT)
    assert releases()[version]["changes"]["release_summary"].strip()


def test_every_module_and_role_is_listed_in_the_release_of_its_version_added():
    all_releases = releases()
    for kind, names, describe, version_of in (
            ("modules", module_names(), lambda name: module_documentation(name)["short_description"],
             lambda name: module_documentation(name)["version_added"]),
            ("role", role_names(), role_short_description, lambda name: yaml.safe_load(
                (COLLECTION / "roles" / name / "meta" / "argument_specs.yml").read_text())
             ["argument_specs"]["main"]["version_added"])):
        for name in names:
            release = all_releases.get(str(version_of(name)), {})
            listed = release.get(kind) if kind == "modules" else (release.get("objects") or {}).get(kind)
            entry = [item for item in listed or [] if item["name"] == name]
            assert entry, "%s is not in the changelog of %s%s" % (name, version_of(name), HINT)
            assert unescape(entry[0]["description"]) == describe(name), "%s's description changed%s" % (name, HINT)


def test_changelog_rst_is_generated_from_changelog_yaml(tmp_path):
    output = tmp_path / "CHANGELOG.rst"
    assert_ok(run([BIN / "antsibull-changelog", "generate", "--output", output, "--output-format", "rst"],
                  env=clean_env(tmp_path), cwd=COLLECTION))
    assert output.read_text() == (COLLECTION / "CHANGELOG.rst").read_text(), "CHANGELOG.rst is out of date" + HINT
