# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Every module runs through the in-controller action plugin, also under its _facts name."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import importlib
import os

import pytest
import yaml

from ansible_collections.cloudai.control.plugins.plugin_utils.in_controller import ActionModule

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
MODULES = sorted(name[:-3] for name in os.listdir(os.path.join(ROOT, "plugins", "modules")) if name.endswith(".py"))


@pytest.mark.parametrize("name", MODULES)
def test_every_module_has_the_in_controller_action_plugin(name):
    action = importlib.import_module("ansible_collections.cloudai.control.plugins.action." + name)
    assert action.ActionModule is ActionModule


def test_facts_aliases_reach_the_action_plugin_of_the_module_they_redirect_to():
    with open(os.path.join(ROOT, "meta", "runtime.yml")) as handle:
        routing = yaml.safe_load(handle)["plugin_routing"]
    module_redirects = dict((name, entry["redirect"]) for name, entry in routing["modules"].items() if "redirect" in entry)
    action_redirects = dict((name, entry["redirect"]) for name, entry in routing.get("action", {}).items())
    assert action_redirects == module_redirects
