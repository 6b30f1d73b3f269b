"""The collection's modules as the suites see them: found under plugins/modules, each with the argument spec it
builds (captured by stopping AnsibleModule.__init__ in the module's own main()), and matched with its scenario
data (scenarios.py). Nothing here lists a module by name."""

import functools
import importlib
from pathlib import Path
from unittest import mock

from ansible.module_utils import basic
from ansible.module_utils.testing import patch_module_args

from reliability.scenarios import SERVICES, Lookup, Name, Ref, Resource

PACKAGE = "ansible_collections.cloudai.control.plugins.modules"


class ModuleInfo:
    """name, fqcn, argspec, cloud (``oci`` / ``huaweicloud``), resource (has ``state``), kind (result key of one
    resource), plural (info result key), service (its Service from scenarios.py, or None)."""

    def __init__(self, name, argspec, options):
        self.name = name
        self.fqcn = "cloudai.control." + name
        self.argspec = argspec
        self.options = options  # the other AnsibleModule arguments (supports_check_mode, required_one_of, ...)
        if "config_file" in argspec:
            self.cloud = "oci"
        elif "ak" in argspec:
            self.cloud = "huaweicloud"
        else:
            raise AssertionError("%s: cannot tell its cloud from its options (no config_file, no ak)" % name)
        self.resource = "state" in argspec
        # a resource module requires one of its id and its name (the option it is found by)
        self.name_option = options["required_one_of"][0][1] if self.resource else None
        aliases = argspec.get("id", {}).get("aliases") or []
        if not aliases or not aliases[0].endswith("_id"):
            raise AssertionError("%s: its id option has no <kind>_id alias to name its result" % name)
        self.kind = aliases[0][:-3]
        self.plural = self.kind + "s"
        self.service = next((s for s in SERVICES if self.name in s.store_kinds or self.name in s.info), None)

    def __repr__(self):
        return self.name


def modules_dir():
    return Path(list(importlib.import_module(PACKAGE).__path__)[0])


def module_names():
    return sorted(path.stem for path in modules_dir().glob("*.py") if path.stem != "__init__")


class Captured(Exception):
    pass


def capture(name, main=None):
    """Run the module's main() until it builds its AnsibleModule; return (argument_spec, other arguments)."""
    main = main or importlib.import_module("%s.%s" % (PACKAGE, name)).main
    seen = {}

    def stop(self, argument_spec, **options):
        seen.update(argument_spec=argument_spec, options=options)
        raise Captured()

    with patch_module_args({}), mock.patch.object(basic.AnsibleModule, "__init__", stop):
        try:
            main()
        except Captured:
            pass
    if not seen:
        raise AssertionError("%s: main() did not build an AnsibleModule" % name)
    return seen["argument_spec"], seen["options"]


@functools.lru_cache(maxsize=None)
def modules():
    return tuple(ModuleInfo(name, *capture(name)) for name in module_names())


def by_name(name):
    return next(module for module in modules() if module.name == name)


def resource_modules():
    return [module for module in modules() if module.resource]


def info_modules():
    return [module for module in modules() if not module.resource]


def service_of(module):
    """The module's Service, or a failure saying what scenarios.py lacks."""
    if module.service is None:
        raise AssertionError(
            "%s has no scenario data: add %s to a Service in tests/reliability/scenarios.py (%s)" % (
                module.name, "a Resource step and its store_kinds entry" if module.resource else "an info entry",
                "the suites need what to create, change and ask for every module"))
    if module.service.cloud != module.cloud:
        raise AssertionError("%s is an %s module but its scenario service %s is %s"
                             % (module.name, module.cloud, module.service.name, module.service.cloud))
    return module.service


def step(service, label):
    return next(s for s in service.steps if s.label == label)


def subject(module):
    """The first Resource step of a resource module in its service's steps."""
    service = service_of(module)
    found = [s for s in service.steps if isinstance(s, Resource) and s.module == module.name]
    if not found:
        raise AssertionError("%s is in store_kinds of service %s but no Resource step uses it (scenarios.py)"
                             % (module.name, service.name))
    return found[0]


def refs_in(value):
    if isinstance(value, Ref):
        return [value.label]
    if isinstance(value, dict):
        return [label for item in value.values() for label in refs_in(item)]
    if isinstance(value, list):
        return [label for item in value for label in refs_in(item)]
    return []


def step_args(one_step):
    return one_step.args if isinstance(one_step, Lookup) else one_step.create


def prerequisites(service, labels):
    """The steps (in slice order) that the given labels' options refer to, directly or not, themselves excluded."""
    wanted, todo = set(), list(labels)
    while todo:
        for label in refs_in(step_args(step(service, todo.pop()))):
            if label not in wanted:
                wanted.add(label)
                todo.append(label)
    return [s for s in service.steps if s.label in wanted and s.label not in labels]


def render(value, name_of, id_of, own=None):
    """Options with Name and Ref replaced: ``name_of(label)`` and ``id_of(label)`` give the values."""
    if isinstance(value, Ref):
        return id_of(value.label)
    if isinstance(value, Name):
        return name_of(value.label or own)
    if isinstance(value, dict):
        return dict((key, render(item, name_of, id_of, own)) for key, item in value.items())
    if isinstance(value, list):
        return [render(item, name_of, id_of, own) for item in value]
    return value


def pick(result, path):
    for key in path:
        result = result[key]
    return result
