"""A stand-in Huawei Cloud module for the suites that need one per cloud while the collection has no huaweicloud
module yet: the cloud's common options (ak, sk, security_token, auth_token, project_id, region, endpoint, TLS)
through the shared plumbing (cloud_module, huawei_module), listing the emulator's DataArts Fabric workspaces.
Once a huaweicloud module exists, the suites use it instead (see probe())."""

from reliability import catalogue
from reliability.harness import run_module
from reliability.scenarios import Service

NAME = "reliability_huawei_workspace_info"
SOURCE = '''#!/usr/bin/python
"""Stand-in huaweicloud module of the reliability suites (written at test time, never shipped)."""
from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_info_module
from ansible_collections.cloudai.control.plugins.module_utils.huawei_module import HUAWEI
from ansible_collections.cloudai.control.plugins.module_utils.resource import Lifecycle, ResourceSpec

SPEC = ResourceSpec(kind="workspace", label="workspace", path="/v1/workspaces", wire_case="snake",
                    name=("name", "name", "name"), items_key="workspaces", read_by_list=True,
                    lifecycle=Lifecycle(ready=[None]))


def main():
    run_info_module(SPEC, HUAWEI)


if __name__ == "__main__":
    main()
'''


ACTION = '''"""Runs the stand-in through the collection's action, as every module of the collection does."""
from ansible_collections.cloudai.control.plugins.plugin_utils.in_controller import ActionModule  # noqa: F401
'''


def write(directory):
    """Put the stand-in module in ``directory``/library and its action in ``directory``/action (for
    ANSIBLE_LIBRARY and ANSIBLE_ACTION_PLUGINS); return (library, action) directories."""
    library, action = directory / "library", directory / "action"
    for path, text in ((library, SOURCE), (action, ACTION)):
        path.mkdir(exist_ok=True)
        (path / (NAME + ".py")).write_text(text)
    return library, action


def main():
    namespace = {}
    exec(compile(SOURCE, NAME, "exec"), namespace)  # pylint: disable=exec-used
    namespace["main"]()


def run(args, check=False):
    """The stand-in's result, run in this process like harness.run_module."""
    return run_module(NAME, args, check=check, main=main)


# its scenario data: it only lists, with the connection options alone
SERVICE = Service("fabric", cloud="huaweicloud", steps=[], info={NAME: [{}]}, store_kinds={}, etags=False)


def module_info():
    """The stand-in as the suites see a module (its argument spec captured from its main())."""
    info = catalogue.ModuleInfo(NAME, *catalogue.capture(NAME, main))
    info.fqcn, info.service = NAME, SERVICE
    return info


def standins():
    """[the stand-in's ModuleInfo] while the collection has no huaweicloud module, else []."""
    return [] if any(module.cloud == "huaweicloud" for module in catalogue.modules()) else [module_info()]


class Probe:
    """One module per cloud to try connection options with: ``name`` (for playbooks), ``run(args)`` (in this
    process), ``args`` (its own options), ``standin`` (True while the cloud has no module of its own)."""

    def __init__(self, cloud):
        modules = [module for module in catalogue.info_modules() if module.cloud == cloud]
        self.standin = not modules
        if self.standin:
            if cloud != "huaweicloud":
                raise AssertionError("no %s info module to try connection options with" % cloud)
            self.name, self.fqcn, self.args, self.plural = NAME, NAME, {}, "workspaces"
            return
        module = modules[0]
        service = catalogue.service_of(module)
        plain = [args for args in service.info.get(module.name, []) if not catalogue.refs_in(args)]
        if not plain:
            raise AssertionError("%s: the suites need an info option set without Ref() in scenarios.py" % module.name)
        self.name, self.fqcn, self.plural = module.name, module.fqcn, module.plural
        self.args = catalogue.render(plain[0], lambda label: "probe-" + label, None)

    def run(self, args, check=False):
        if self.standin:
            return run(dict(self.args, **args), check=check)
        return run_module(self.name, dict(self.args, **args), check=check)
