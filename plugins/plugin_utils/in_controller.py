# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Run the collection's modules inside the controller's task worker when the task runs on the controller.

Every module of this collection only talks to a cloud API, so on the controller (``connection: local``)
there is nothing to gain from shipping it as an AnsiballZ payload to a new Python process. The action
plugin of every module (plugins/action/<module>.py) is this one: it imports the module and runs its
``main()`` in the worker, with exactly the arguments and the JSON
result handling of a normal module run: the same AnsibleModule argument checks, no_log masking, check mode,
diff, warnings and result. The controller imports this file when it looks the action plugin up (and with it the collection's module_utils,
requests and cryptography) once, before it forks a worker per task, so a task pays neither a Python
start-up nor those imports.

Anything else runs as a normal module: another connection, ``become``, ``async``, a task ``environment``,
a controller without requests / cryptography, or ``cloudai_control_in_controller: false``. Then the module's
arguments print as their names only: ansible-core's debug output (ANSIBLE_DEBUG=1) prints the arguments it sends
to a module, and no_log does not apply there (ansible-core documents that debug output may hold secrets), so a
key_content, pass_phrase, SK or token given as an option would appear in it.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import contextlib
import importlib
import io
import json

from ansible.module_utils import basic
from ansible.module_utils.parsing.convert_bool import boolean
from ansible.plugins.action import ActionBase
from ansible.utils.vars import merge_hash
from ansible.vars.clean import remove_internal_keys

try:
    from ansible.module_utils.common.json import Direction, get_module_encoder
except ImportError:  # ansible-core before 2.19 has no serialization profiles: run as a normal module there
    get_module_encoder = None

try:
    # Loaded here so that they are in memory before the controller forks its workers.
    import requests  # noqa: F401 pylint: disable=unused-import
    from cryptography.hazmat.primitives import hashes, serialization  # noqa: F401 pylint: disable=unused-import
    from cryptography.hazmat.primitives.asymmetric import padding, rsa  # noqa: F401 pylint: disable=unused-import
    from ansible_collections.cloudai.control.plugins.module_utils import (  # noqa: F401 pylint: disable=unused-import
        cloud_module, huawei_auth, huawei_client, oci_auth, oci_client,
    )
    HAS_DEPENDENCIES = True
except ImportError:
    HAS_DEPENDENCIES = False

IN_CONTROLLER_VAR = "cloudai_control_in_controller"
PROFILE = "legacy"
COLLECTION = "cloudai.control."


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
            return merge_hash(result, self.run_in_controller(module.resolved_fqcn, task_vars))
        wrap_async = self._task.async_val and not self._connection.has_native_async
        result = merge_hash(result, self._execute_module(module_name=module.resolved_fqcn, module_args=QuietArgs(self._task.args),
                                                         task_vars=task_vars, wrap_async=wrap_async))
        if not wrap_async:
            self._remove_tmp_path(self._connection._shell.tmpdir)
        return result

    def runs_in_controller(self, fqcn, task_vars):
        return (HAS_DEPENDENCIES and get_module_encoder is not None and fqcn.startswith(COLLECTION)
                and boolean(task_vars.get(IN_CONTROLLER_VAR, True), strict=False)
                and self._connection.transport == "local"
                and not self._play_context.become
                and not self._task.async_val
                and not any(self._task.environment or ()))

    def run_in_controller(self, fqcn, task_vars):
        """Run the module's main() here, with the arguments a module run would get; return its parsed result."""
        args = dict(self._task.args)
        self._update_module_args(fqcn, args, task_vars)
        namespace, collection, name = fqcn.split(".")
        module = importlib.import_module("ansible_collections.%s.%s.plugins.modules.%s" % (namespace, collection, name))
        encoder = get_module_encoder(PROFILE, Direction.CONTROLLER_TO_MODULE)
        output = io.StringIO()
        # The worker is a process of its own for this one task, so the module's globals are ours to set.
        basic._ANSIBLE_ARGS = json.dumps({"ANSIBLE_MODULE_ARGS": args}, cls=encoder).encode()
        basic._ANSIBLE_PROFILE = PROFILE
        with contextlib.redirect_stdout(output):
            try:
                module.main()
            except SystemExit:
                pass
        data = self._parse_returned_data({"stdout": output.getvalue(), "stderr": "", "rc": 0}, PROFILE)
        remove_internal_keys(data)
        return data
