# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Run the collection's modules inside the controller's task worker when the task runs on the controller.

Every module of this collection only talks to a cloud API, so on the controller (``connection: local``)
there is nothing to gain from shipping it as an AnsiballZ payload to a new Python process. The action
plugin of every module (plugins/action/<module>.py) is this one: it imports the module and runs its
``main()`` in the worker, with exactly the arguments and the JSON result handling of a normal module run: the
same AnsibleModule argument checks, no_log masking, check mode, diff, warnings and result. The controller
imports this file when it looks the action plugin up (and with it the collection's module_utils, requests and
cryptography) once, before it forks a worker per task, so a task pays neither a Python start-up nor those
imports.

This path is an optimisation, never a dependency. Everything specific to one ansible-core release is reached
in ``ControllerRunner.load()`` only, and only on the minors that the collection's test matrix covers
(``TESTED_MINORS``); if anything there is missing or has changed, or the machinery fails before the module
starts, the task runs as a normal module and ``-vvv`` says why. Anything else also runs as a normal module:
another connection, ``become``, ``async``, a task ``environment``, a controller without requests /
cryptography, or ``cloudai_control_in_controller: false``. Then the module's arguments print as their names
only: ansible-core's debug output (ANSIBLE_DEBUG=1) prints the arguments it sends to a module, and no_log
does not apply there (ansible-core documents that debug output may hold secrets), so a key_content,
pass_phrase, SK or token given as an option would appear in it.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import contextlib
import importlib
import io
import json

from ansible.module_utils.ansible_release import __version__ as ANSIBLE_CORE_VERSION
from ansible.module_utils.parsing.convert_bool import boolean
from ansible.plugins.action import ActionBase
from ansible.utils.display import Display
from ansible.utils.vars import merge_hash

try:
    # Loaded here so that they are in memory before the controller forks its workers.
    import requests  # noqa: F401 pylint: disable=unused-import
    from cryptography.hazmat.primitives import hashes, serialization  # noqa: F401 pylint: disable=unused-import
    from cryptography.hazmat.primitives.asymmetric import padding, rsa  # noqa: F401 pylint: disable=unused-import
    from ansible_collections.cloudai.control.plugins.module_utils import (  # noqa: F401 pylint: disable=unused-import
        cloud_module, fabric, fabric_admin, fabric_jobs, genai, genai_access, genai_apps, huawei_auth, huawei_client,
        oci_auth, oci_client, vision, vision_streams,
    )
    HAS_DEPENDENCIES = True
except ImportError:
    HAS_DEPENDENCIES = False

display = Display()

IN_CONTROLLER_VAR = "cloudai_control_in_controller"
COLLECTION = "cloudai.control."
# The ansible-core minors whose internals this file was tested against (tools/dev.py's version matrix).
TESTED_MINORS = ((2, 16), (2, 17), (2, 18), (2, 19), (2, 20), (2, 21))
PROFILE = "legacy"  # the module serialization profile of ansible-core 2.19 and later (AnsibleModule's default)


def core_minor(version=ANSIBLE_CORE_VERSION):
    try:
        return tuple(int(part) for part in version.split(".")[:2])
    except ValueError:
        return None


class ControllerRunner:
    """What running a module in the worker needs from ansible-core: its argument encoding and result parsing.

    load() is the one place that reaches ansible-core internals. It returns None with the reason when this
    ansible-core is not one of TESTED_MINORS or when anything it needs is missing or has changed; before a
    module runs, check() feeds a canned result through the parsing so that a changed internal is found
    before the module sends any request, not after.
    """

    def __init__(self, module_args, parse):
        self.module_args = module_args  # context manager: exposes a dict as the module's arguments
        self.parse = parse  # (action, stdout) -> the result dict of a module run

    @classmethod
    def load(cls, version=ANSIBLE_CORE_VERSION):
        """Return (runner, None), or (None, why the tasks of this collection run as module processes)."""
        minor = core_minor(version)
        if minor not in TESTED_MINORS:
            return None, ("ansible-core %s is not one of the versions the collection was tested with (%s)"
                          % (version, ", ".join("%d.%d" % tested for tested in TESTED_MINORS)))
        try:
            return cls(cls._module_args_context(minor), cls._parser(minor)), None
        except (ImportError, AttributeError, TypeError) as error:
            return None, "ansible-core %s lacks what the in-controller path needs: %s" % (version, error)

    @staticmethod
    def _module_args_context(minor):
        if minor >= (2, 19):
            from ansible.module_utils.testing import patch_module_args
            return patch_module_args

        from ansible.module_utils import basic
        from ansible.module_utils.common.json import AnsibleJSONEncoder

        @contextlib.contextmanager
        def module_args(args):
            # What patch_module_args does from 2.19 on, with the encoder that older module payloads use.
            saved = basic._ANSIBLE_ARGS
            basic._ANSIBLE_ARGS = json.dumps({"ANSIBLE_MODULE_ARGS": args}, cls=AnsibleJSONEncoder,
                                             vault_to_text=True).encode()
            try:
                yield
            finally:
                basic._ANSIBLE_ARGS = saved

        return module_args

    @staticmethod
    def _parser(minor):
        if minor >= (2, 21):
            # _parse_returned_data returns a UnifiedTaskResult, which cleans itself.
            def parse(action, stdout):
                result = action._parse_returned_data({"stdout": stdout, "stderr": "", "rc": 0}, PROFILE)
                result.remove_internal_keys()
                return result.as_result_dict(for_round_trip=True)
            return parse

        from ansible.vars.clean import remove_internal_keys
        profile_args = (PROFILE,) if minor >= (2, 19) else ()

        def parse(action, stdout):
            result = action._parse_returned_data({"stdout": stdout, "stderr": "", "rc": 0}, *profile_args)
            remove_internal_keys(result)
            return result
        return parse

    def check(self, action):
        """Raise if the result parsing does not give back what a module printed."""
        result = self.parse(action, json.dumps({"changed": False, "probe": "cloudai.control"}))
        if result.get("probe") != "cloudai.control":
            raise ValueError("a module result did not survive ansible-core's result parsing: %r" % (result,))

    def run(self, action, module, args):
        """Run module.main() with args as a module run would get them; return its parsed result."""
        from ansible.module_utils import basic

        output = io.StringIO()
        with self.module_args(args), contextlib.redirect_stdout(output):
            # The worker is a process of its own for this one task, so the module's globals are ours to set.
            basic._ANSIBLE_PROFILE = PROFILE
            try:
                module.main()
            except SystemExit:
                pass
        return self.parse(action, output.getvalue())


RUNNER, NOT_IN_CONTROLLER = ControllerRunner.load() if HAS_DEPENDENCIES else (
    None, "requests or cryptography cannot be imported by the controller's Python")
if NOT_IN_CONTROLLER:
    display.vvv("cloudai.control: tasks run as module processes: %s" % NOT_IN_CONTROLLER)


class QuietArgs(dict):
    """Module arguments that show their option names, never their values, when printed."""

    def __repr__(self):
        return "{%s}" % ", ".join("%r: '<not shown>'" % key for key in self)

    __str__ = __repr__


class ActionModule(ActionBase):

    _supports_check_mode = True
    _supports_async = True

    def run(self, tmp=None, task_vars=None):
        result = super(ActionModule, self).run(tmp, task_vars)
        del tmp
        task_vars = task_vars or {}
        module = self._shared_loader_obj.module_loader.find_plugin_with_context(
            self._task.action, collection_list=self._task.collections)
        if self.runs_in_controller(module.resolved_fqcn, task_vars):
            prepared = self.prepare_in_controller(module.resolved_fqcn, task_vars)
            if prepared:
                return merge_hash(result, RUNNER.run(self, *prepared))
        wrap_async = self._task.async_val and not self._connection.has_native_async
        result = merge_hash(result, self._execute_module(module_name=module.resolved_fqcn, module_args=QuietArgs(self._task.args),
                                                         task_vars=task_vars, wrap_async=wrap_async))
        if not wrap_async:
            self._remove_tmp_path(self._connection._shell.tmpdir)
        return result

    def runs_in_controller(self, fqcn, task_vars):
        # The opt-out and the runner's availability come before anything specific to the task.
        return (boolean(task_vars.get(IN_CONTROLLER_VAR, True), strict=False)
                and RUNNER is not None
                and fqcn.startswith(COLLECTION)
                and self._connection.transport == "local"
                and not self._play_context.become
                and not self._task.async_val
                and not any(self._task.environment or ()))

    def prepare_in_controller(self, fqcn, task_vars):
        """Return (module, args) to run here, or None (said at -vvv) when the machinery fails before the module runs."""
        try:
            RUNNER.check(self)
            args = dict(self._task.args)
            self._update_module_args(fqcn, args, task_vars)
            namespace, collection, name = fqcn.split(".")
            module = importlib.import_module("ansible_collections.%s.%s.plugins.modules.%s" % (namespace, collection, name))
            return module, args
        except Exception as error:  # pylint: disable=broad-except
            display.vvv("cloudai.control: %s runs as a module process: the in-controller path failed: %s: %s"
                        % (fqcn, type(error).__name__, error))
            return None
