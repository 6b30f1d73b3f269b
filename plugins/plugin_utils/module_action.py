# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The action every module of the collection runs through: ansible.builtin.normal, except that the module's
arguments print as their names only.

ansible-core's debug output (ANSIBLE_DEBUG=1) prints the arguments it sent to a module, and no_log does not apply
there (ansible-core documents that debug output may hold secrets): a key_content, pass_phrase, SK or token given
as an option would appear in it. The arguments are sent to the module unchanged.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible.plugins.action.normal import ActionModule as NormalAction


class QuietArgs(dict):
    """Module arguments that show their option names, never their values, when printed."""

    def __repr__(self):
        return "{%s}" % ", ".join("%r: '<not shown>'" % key for key in self)

    __str__ = __repr__


class ActionModule(NormalAction):

    def _execute_module(self, module_name=None, module_args=None, *args, **kwargs):  # pylint: disable=keyword-arg-before-vararg
        return super(ActionModule, self)._execute_module(
            module_name, QuietArgs(self._task.args if module_args is None else module_args), *args, **kwargs)
