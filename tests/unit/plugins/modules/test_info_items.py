# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Every key an _info module documents for its items is an option of the resource module or one of the read-only
keys it accepts and ignores (ResourceSpec.read_only), and every read-only key is one the info module documents.
The integration target round_trip runs each item through its module."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import importlib
import os
import re

import pytest
import yaml

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import resource_argument_spec

MODULES = os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "plugins", "modules")
PACKAGE = "ansible_collections.cloudai.control.plugins.modules."


def resource_modules():
    """(module name, spec, cloud) of every module that runs a resource spec and has an _info module."""
    found = []
    for filename in sorted(os.listdir(MODULES)):
        name = filename[:-3]
        with open(os.path.join(MODULES, filename)) as source:
            match = re.search(r"run_resource_module\((\w+), (\w+)\)", source.read())
        if match and os.path.exists(os.path.join(MODULES, name + "_info.py")):
            module = importlib.import_module(PACKAGE + name)
            found.append((name, getattr(module, match.group(1)), getattr(module, match.group(2))))
    return found


def test_every_resource_module_is_found():
    assert len(resource_modules()) == 33


@pytest.mark.parametrize("name, spec, cloud", resource_modules(), ids=lambda value: value if isinstance(value, str) else "")
def test_info_items_are_module_arguments(name, spec, cloud):
    info = importlib.import_module(PACKAGE + name + "_info")
    returned = yaml.safe_load(info.RETURN)
    item_keys = set(returned[spec.plural]["contains"])
    options = set(resource_argument_spec(spec, cloud))
    assert sorted(item_keys - options - set(spec.read_only)) == []
    assert sorted(set(spec.read_only) - item_keys) == []
    assert sorted(set(spec.read_only) & options) == []
    docs = importlib.import_module(PACKAGE + name).DOCUMENTATION
    assert "cloudai.control.info_items" in docs
