"""The collection's modules as the suites see them: found under plugins/modules, each with the argument spec it
builds and the description it hands to its runner (both captured by running the module's own main() until it
builds its AnsibleModule), and matched with its scenario data (scenarios.py). Nothing here lists a module by
name."""

import functools
import importlib
from pathlib import Path
from unittest import mock

import yaml
from ansible.module_utils import basic
from ansible.module_utils.testing import patch_module_args

from ansible_collections.cloudai.control.plugins.module_utils.spec import ResourceSpec
from reliability.scenarios import SERVICES, Lookup, Name, Ref, Resource

PACKAGE = "ansible_collections.cloudai.control.plugins.modules"


class ModuleInfo:
    """name, fqcn, argspec, cloud (``oci`` / ``huaweicloud``), described (the ResourceSpec, or the Action of a module
    that computes an answer, that the module hands to its runner), service (its Service from scenarios.py, or None)
    and what the suites branch on:

    resource         a resource module (it has ``state`` and a ResourceSpec)
    action           it computes an answer (OCI Vision's analysis) or sets an account-wide setting without an id
                     (Fabric's agency); neither resource nor info
    kind             result key of one resource (an action's answer key); plural: the info module's result key
    id_key           the result key of a resource's identifier: ``id``, or its name when the name identifies it (a
                     sandbox warm pool, which has no id option)
    name_option      the option a resource module finds and creates its resource by; None for one that only follows
                     a resource given by id (a work request): it creates nothing
    finds_by_name    the service can list, so a task without id finds its resource by name (else, as for batch jobs,
                     by a retry token when starting it; later tasks give the id the start returned)
    changeable       the resource can be updated in place (batch jobs and work requests cannot)
    done_when_ready  once ready the resource is finished work (a job that succeeded): only work still in flight can be
                     cancelled (state=absent)
    waits            the resource has a lifecycle to wait for (a Fabric workspace or model is ready when created)
    """

    def __init__(self, name, argspec, options, described, returns=()):
        self.name = name
        self.fqcn = "cloudai.control." + name
        self.argspec = argspec
        self.options = options  # the other AnsibleModule arguments (supports_check_mode, required_one_of, ...)
        self.described = described
        if "config_file" in argspec:
            self.cloud = "oci"
        elif "ak" in argspec:
            self.cloud = "huaweicloud"
        else:
            raise AssertionError("%s: cannot tell its cloud from its options (no config_file, no ak)" % name)
        self.action = not isinstance(described, ResourceSpec)
        self.resource = "state" in argspec and not self.action
        required = options.get("required_one_of") or []
        # a resource module that creates requires one of its id and its name (the option it is found by)
        self.name_option = required[0][1] if self.resource and required else None
        if self.resource and "id" not in argspec:  # its name identifies it (ResourceSpec.id_key): it takes no id
            self.name_option = described.name.option
        self.id_key = "id" if self.action else described.id_key
        if self.action:
            if self.resource or len(returns) != 1:
                raise AssertionError("%s: a module that is not a resource's returns one answer (RETURN has %s)"
                                     % (name, ", ".join(returns) or "nothing"))
            self.kind = returns[0]
        else:
            self.kind = described.kind
            aliases = (argspec["id"].get("aliases") or []) if "id" in argspec else [self.kind + "_id"]
            if aliases[:1] != [self.kind + "_id"]:
                raise AssertionError("%s: its id option has no %s_id alias to name its result" % (name, self.kind))
        self.plural = self.kind + "s" if self.action else described.plural
        # result keys that show once the secrets a create or a renewal answered (an API key's): the playbook stores
        # them, with no_log on the task, as the module documents
        self.reveals = [key for key in returns if key.endswith("_secrets")]
        result_key = self.kind if self.resource or self.action else self.plural
        if result_key not in returns:
            raise AssertionError("%s: its result key %s is not in its RETURN documentation" % (name, result_key))
        spec = None if self.action else described
        self.finds_by_name = bool(spec and spec.listable and self.name_option)
        self.changeable = bool(spec and not spec.immutable)
        self.done_when_ready = bool(spec and set(spec.lifecycle.ready) <= set(spec.lifecycle.stopped))
        self.waits = bool(spec and spec.lifecycle.ready != (None,))
        self.service = next((s for s in SERVICES if self.name in s.modules()), None)

    def __repr__(self):
        return self.name


def modules_dir():
    return Path(list(importlib.import_module(PACKAGE).__path__)[0])


def module_names():
    return sorted(path.stem for path in modules_dir().glob("*.py") if path.stem != "__init__")


class Captured(Exception):
    pass


def capture(name):
    """Run the module's main() until it builds its AnsibleModule; return (argument_spec, other arguments, what the
    module handed to its runner, the keys its RETURN documents). The runners are the module's run_*_module
    functions, wrapped here to see their first argument."""
    module = importlib.import_module("%s.%s" % (PACKAGE, name))
    seen = {}

    def stop(self, argument_spec, **options):
        seen.update(argument_spec=argument_spec, options=options)
        raise Captured()

    def watched(runner):
        def run(described, *args, **kwargs):
            seen["described"] = described
            return runner(described, *args, **kwargs)
        return run

    runners = [attr for attr, value in vars(module).items()
               if attr.startswith("run_") and attr.endswith("_module") and callable(value)]
    patches = [mock.patch.object(module, attr, watched(getattr(module, attr))) for attr in runners]
    with patch_module_args({}), mock.patch.object(basic.AnsibleModule, "__init__", stop):
        for patch in patches:
            patch.start()
        try:
            module.main()
        except Captured:
            pass
        finally:
            for patch in patches:
                patch.stop()
    if "argument_spec" not in seen or "described" not in seen:
        raise AssertionError("%s: main() did not build an AnsibleModule through a run_*_module runner" % name)
    returns = sorted(yaml.safe_load(module.RETURN) or {})
    return seen["argument_spec"], seen["options"], seen["described"], returns


@functools.lru_cache(maxsize=None)
def modules():
    return tuple(ModuleInfo(name, *capture(name)) for name in module_names())


def by_name(name):
    return next(module for module in modules() if module.name == name)


def resource_modules():
    return [module for module in modules() if module.resource]


def info_modules():
    return [module for module in modules() if not module.resource and not module.action]


def action_modules():
    return [module for module in modules() if module.action]


def service_of(module):
    """The module's Service, or a failure saying what scenarios.py lacks."""
    if module.service is None:
        raise AssertionError(
            "%s has no scenario data: add %s to a Service in tests/reliability/scenarios.py (%s)" % (
                module.name, "a Resource step and its store_kinds entry" if module.resource else
                "a Lookup step with the options it is called with" if module.action else "an info entry",
                "the suites need what to create, change and ask for every module"))
    if module.service.cloud != module.cloud:
        raise AssertionError("%s is an %s module but its scenario service %s is %s"
                             % (module.name, module.cloud, module.service.name, module.service.cloud))
    return module.service


def step(service, label):
    return next(s for s in service.steps if s.label == label)


def option_sets(module):
    """What a module that is not a resource's is called with: its info option sets or, for an action, the options of
    its Lookup steps."""
    service = service_of(module)
    found = service.info.get(module.name) or [s.args for s in service.steps
                                              if isinstance(s, Lookup) and s.module == module.name]
    if not found:
        raise AssertionError("%s: no option sets in scenarios.py (%s)" % (
            module.name, "a Lookup step" if module.action else "its service's info"))
    return found


def subject(module):
    """The first Resource step of a resource module in its service's steps."""
    service = service_of(module)
    found = [s for s in service.steps if isinstance(s, Resource) and s.module == module.name]
    if not found:
        raise AssertionError("%s is in store_kinds of service %s but no Resource step uses it (scenarios.py)"
                             % (module.name, service.name))
    return found[0]


def update_step(module):
    """The first step of the module whose update phase changes options (not ABSENT); for a module whose resource
    cannot change, its first step."""
    service = service_of(module)
    found = [s for s in service.steps if isinstance(s, Resource) and s.module == module.name and isinstance(s.update, dict)]
    if not module.changeable:
        assert not found, "%s cannot change its resource, but scenarios.py gives it update options" % module.name
        return subject(module)
    if not found:
        raise AssertionError("%s: no Resource step in scenarios.py has update options (a dict) to check updates with"
                             % module.name)
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


def needed(service, labels):
    """The steps of these labels and everything they refer to, in slice order."""
    wanted = set(labels) | set(s.label for s in prerequisites(service, labels))
    return [s for s in service.steps if s.label in wanted]


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
