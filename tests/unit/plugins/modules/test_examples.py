# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The base models that the modules' examples look up by name exist in the emulator's catalogue with the capabilities
the examples ask for, so that each example works against the emulator as written."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import importlib
import os

import pytest
import yaml

from emulator.genai_catalogue import BASE_MODELS

MODULES = os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "plugins", "modules")
CATALOGUE = dict((name, set(capabilities)) for name, _vendor, _version, capabilities, _lts, _released in BASE_MODELS)


def base_model_lookups():
    found = []
    for filename in sorted(os.listdir(MODULES)):
        module = importlib.import_module("ansible_collections.cloudai.control.plugins.modules." + filename[:-3])
        for task in yaml.safe_load(module.EXAMPLES):
            args = task.get("cloudai.control.genai_model_info") or {}
            if args.get("type") == "BASE" and args.get("display_name"):
                found.append((filename, args["display_name"], args.get("capability") or []))
    return found


def test_some_examples_look_up_base_models():
    assert len(base_model_lookups()) >= 1


@pytest.mark.parametrize("filename, name, capabilities", base_model_lookups())
def test_the_base_model_of_each_example_is_in_the_emulator(filename, name, capabilities):
    assert name in CATALOGUE and set(capabilities) <= CATALOGUE[name], (filename, name, capabilities)
