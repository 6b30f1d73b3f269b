# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""_facts aliases run through the action plugin of the module they redirect to (that every module has the
collection's action plugin is checked in tests/reliability/test_secrets.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os

import yaml

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))


def test_facts_aliases_reach_the_action_plugin_of_the_module_they_redirect_to():
    with open(os.path.join(ROOT, "meta", "runtime.yml")) as handle:
        routing = yaml.safe_load(handle)["plugin_routing"]
    module_redirects = dict((name, entry["redirect"]) for name, entry in routing["modules"].items() if "redirect" in entry)
    action_redirects = dict((name, entry["redirect"]) for name, entry in routing.get("action", {}).items())
    assert action_redirects == module_redirects
