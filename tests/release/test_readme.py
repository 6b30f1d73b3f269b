"""The README's examples work as written: every command of its "Ad-hoc use" section runs against the emulator
(with the variables `tools/dev.py emulator` prints), and its module_defaults example names action groups that
exist and options that every module of the group takes. Examples added to the README are picked up here."""

import json
import re
import shlex

import yaml

from release_helpers import (
    BIN, COLLECTION, FQCN, action_groups, assert_ok, clean_env, emulator_env, module_names, run, write_oci_config,
)

README = (COLLECTION / "README.md").read_text()


def section(title):
    match = re.search(r"^## %s\n(.*?)(?=^## |\Z)" % re.escape(title), README, re.M | re.S)
    assert match, "README.md has no section '## %s'" % title
    return match.group(1)


def code_blocks(text, language):
    return re.findall(r"^```%s\n(.*?)^```" % language, text, re.M | re.S)


def adhoc_lines():
    """(exports, commands) of the section's shell blocks: `export NAME=VALUE` lines and `ansible` commands."""
    exports, commands = {}, []
    for block in code_blocks(section("Ad-hoc use"), "sh"):
        for line in block.replace("\\\n", " ").splitlines():
            words = shlex.split(line, comments=True)
            if not words:
                continue
            if words[0] == "export" and len(words) == 2 and "=" in words[1]:
                name, value = words[1].split("=", 1)
                exports[name] = value
            else:
                assert words[0] == "ansible", "the ad-hoc section holds only exports and ansible commands: " + line
                commands.append(line.strip())  # bash reads it as written, comments included
    return exports, commands


def test_every_adhoc_command_of_the_readme_works_against_the_emulator(emulator, tmp_path):
    exports, commands = adhoc_lines()
    assert commands, "README.md shows no ad-hoc command"
    env = clean_env(tmp_path, **dict(emulator_env(emulator.url, write_oci_config(tmp_path)), **exports))
    for command in commands:
        module = re.search(r"-m\s+(\S+)", command).group(1)
        assert module.startswith(FQCN + ".") and module[len(FQCN) + 1:] in module_names(), command
        output = assert_ok(run(["bash", "-c", command], env=env))
        assert re.search(r"^localhost \| (SUCCESS|CHANGED) =>", output, re.M), (command, output[-3000:])


def test_the_module_defaults_example_uses_groups_and_options_that_exist(tmp_path):
    examples = [yaml.safe_load(block) for block in code_blocks(README, "yaml") if "module_defaults" in block]
    assert examples, "README.md shows no module_defaults example"
    groups = action_groups()
    names = ["%s.%s" % (FQCN, module) for modules in groups.values() for module in modules]
    docs = json.loads(assert_ok(run([BIN / "ansible-doc", "--json", "-t", "module"] + names, env=clean_env(tmp_path))))
    for play in (play for example in examples for play in example if "module_defaults" in play):
        for key, defaults in play["module_defaults"].items():
            if not key.startswith("group/"):  # one module's defaults, e.g. an info item given whole
                assert key[len(FQCN) + 1:] in module_names(), key
                continue
            group = key[len("group/%s." % FQCN):]
            assert key.startswith("group/%s." % FQCN) and group in groups, key
            for module in groups[group]:  # a group with no module yet has nothing to check
                options = docs["%s.%s" % (FQCN, module)]["doc"]["options"]
                assert set(defaults) <= set(options), (key, module, set(defaults) - set(options))
