# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The in-controller path can never break a task: an untested ansible-core, a missing internal and a changed
internal each lead to a module run, and -vvv says why."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import sys
import types

import pytest

from ansible.module_utils.ansible_release import __version__ as CORE_VERSION
from ansible_collections.cloudai.control.plugins.plugin_utils import in_controller


def test_the_ansible_core_running_the_tests_is_one_the_runner_loads_for():
    runner, why = in_controller.ControllerRunner.load()
    assert why is None and runner is not None
    assert in_controller.RUNNER is not None


@pytest.mark.parametrize("version", ["2.22.0", "2.15.13", "3.0.0b1", "devel"])
def test_an_untested_ansible_core_runs_modules_as_module_processes(version):
    runner, why = in_controller.ControllerRunner.load(version)
    assert runner is None
    assert "ansible-core %s is not one of the versions the collection was tested with" % version in why
    assert "2.16" in why and "2.21" in why


def test_a_missing_internal_is_reported_not_raised(monkeypatch):
    # A None entry in sys.modules makes every import of that module raise ImportError.
    for name in ("ansible.module_utils.testing", "ansible.vars.clean", "ansible.module_utils.common.json"):
        monkeypatch.setitem(sys.modules, name, None)
    runner, why = in_controller.ControllerRunner.load()
    assert runner is None
    assert why.startswith("ansible-core %s lacks what the in-controller path needs: " % CORE_VERSION)


class FakeConnection:
    transport = "local"
    has_native_async = False

    def __init__(self):
        self._shell = types.SimpleNamespace(tmpdir=None)


class FakeTask:
    action = "cloudai.control.genai_dedicated_ai_cluster_info"
    collections = []
    args = {"compartment_id": "ocid1.compartment.oc1..aaaaaaaafake"}
    async_val = 0
    environment = None
    check_mode = False
    diff = False
    no_log = False


def make_action(parse_returned_data):
    """An ActionModule with just what run() uses, whose module run is recorded instead of executed."""
    action = in_controller.ActionModule.__new__(in_controller.ActionModule)
    action._task = FakeTask()
    action._connection = FakeConnection()
    action._play_context = types.SimpleNamespace(become=False)
    found = types.SimpleNamespace(resolved_fqcn=FakeTask.action)
    action._shared_loader_obj = types.SimpleNamespace(
        module_loader=types.SimpleNamespace(find_plugin_with_context=lambda *args, **kwargs: found))
    action.executed = []
    action._execute_module = lambda **kwargs: action.executed.append(kwargs) or {"changed": False, "ran": "module"}
    action._remove_tmp_path = lambda path: None
    action._parse_returned_data = parse_returned_data
    return action


def test_a_changed_internal_falls_back_to_a_module_run_before_the_module_starts(monkeypatch):
    messages = []
    monkeypatch.setattr(in_controller.display, "vvv", messages.append)
    monkeypatch.setattr(in_controller.ActionBase, "run", lambda self, tmp=None, task_vars=None: {})

    def changed_parse_returned_data(res, *args):  # as if a release returned something new
        return {"stdout_lines": res["stdout"].splitlines()}

    started = []
    monkeypatch.setattr(in_controller.ControllerRunner, "run", lambda *args: started.append(args))
    action = make_action(changed_parse_returned_data)
    result = action.run(task_vars={})

    assert result == {"changed": False, "ran": "module"}
    assert started == [], "the module must not start in the controller when the machinery is broken"
    assert len(action.executed) == 1
    assert action.executed[0]["module_name"] == FakeTask.action
    assert repr(action.executed[0]["module_args"]) == "{'compartment_id': '<not shown>'}"
    assert len(messages) == 1
    # what exactly breaks depends on the release (a dict where 2.21 gives an object, a lost key before)
    assert messages[0].startswith("cloudai.control: %s runs as a module process: the in-controller path failed: "
                                  % FakeTask.action)


def test_the_opt_out_variable_is_read_before_the_runner_is_touched(monkeypatch):
    monkeypatch.setattr(in_controller.ActionBase, "run", lambda self, tmp=None, task_vars=None: {})
    monkeypatch.setattr(in_controller, "RUNNER", None)  # touching it would raise AttributeError
    action = make_action(None)
    assert action.run(task_vars={"cloudai_control_in_controller": False}) == {"changed": False, "ran": "module"}
    assert action.run(task_vars={}) == {"changed": False, "ran": "module"}
