"""module_defaults: a default set for an action group of meta/runtime.yml reaches every module of that group.

The default is ``timeout: 0``, which every module refuses before sending any request with a message naming
the option; the same tasks without the default are refused for other reasons only. Every module file must
be in exactly one action group, so modules added later are covered without editing this test."""

from release_helpers import FQCN, action_groups, clean_env, module_documentation, module_names, run_playbook

TIMEOUT_RULE = "timeout must be at least 1 second, got 0"
DUMMY = {"str": "x", "int": 1, "bool": False, "list": [], "dict": {}, "path": "/nonexistent", "raw": "x"}


def minimal_args(name):
    """``id`` (which every module takes) plus a placeholder for each option the documentation marks required."""
    args = {"id": "x"}
    for option, doc in (module_documentation(name).get("options") or {}).items():
        if doc.get("required"):
            args[option] = doc["choices"][0] if doc.get("choices") else DUMMY[doc.get("type", "str")]
    return args


def test_every_module_is_in_exactly_one_action_group_that_its_documentation_names():
    groups = action_groups()
    for name in module_names():
        member_of = [group for group, modules in groups.items() if name in modules]
        assert len(member_of) == 1, "%s is in the action groups %s" % (name, member_of)
        fragments = module_documentation(name).get("extends_documentation_fragment") or []
        assert "%s.%s.group" % (FQCN, member_of[0]) in fragments, name
    assert sorted(module for modules in groups.values() for module in modules) == module_names()


def test_a_group_default_reaches_every_module_of_the_group(tmp_path):
    groups = {group: modules for group, modules in action_groups().items() if modules}
    assert "oci" in groups
    plays = []
    for group, modules in sorted(groups.items()):
        tasks = [{"name": "%s %s" % (label, module), "%s.%s" % (FQCN, module): minimal_args(module)}
                 for module in modules for label in ("default", "control")]
        plays.append({"name": "group default", "hosts": "localhost", "gather_facts": False,
                      "module_defaults": {"group/%s.%s" % (FQCN, group): {"timeout": 0}},
                      "tasks": [task for task in tasks if task["name"].startswith("default ")]})
        plays.append({"name": "no default", "hosts": "localhost", "gather_facts": False,
                      "tasks": [task for task in tasks if task["name"].startswith("control ")]})
    results, process = run_playbook(tmp_path, plays, clean_env(tmp_path))
    for group, modules in groups.items():
        for module in modules:
            with_default, without = results["default " + module], results["control " + module]
            assert with_default.get("failed") and TIMEOUT_RULE in with_default["msg"], (module, with_default)
            assert TIMEOUT_RULE not in without.get("msg", ""), (module, without)
    assert process.returncode == 0, process.stdout[-3000:]
