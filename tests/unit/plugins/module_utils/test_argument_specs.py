# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A resource's own options never replace the options that say where and how to connect."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

import pytest

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import info_argument_spec, resource_argument_spec
from ansible_collections.cloudai.control.plugins.module_utils.genai import GENAI
from ansible_collections.cloudai.control.plugins.module_utils.genai_access import MODEL_DISCOVERY
from ansible_collections.cloudai.control.plugins.module_utils.spec import Field, Filter
from ansible_collections.cloudai.control.plugins.module_utils.vision import VISION
from ansible_collections.cloudai.control.plugins.module_utils.vision_streams import STREAM_JOB


def test_model_discovery_filters_by_available_region_and_connects_to_region():
    argspec = info_argument_spec(MODEL_DISCOVERY, GENAI)
    assert argspec["region"] == GENAI.common_args["region"]
    assert argspec["available_region"]["type"] == argspec["available_realm"]["type"] == "list"
    assert MODEL_DISCOVERY.filters["available_region"].query == "region"


def test_a_filter_named_like_a_connection_option_is_refused():
    spec = copy.copy(MODEL_DISCOVERY)
    spec.filters = dict(MODEL_DISCOVERY.filters, region=Filter("region", type="list", elements="str"))
    with pytest.raises(ValueError, match="options region shadow connection options"):
        info_argument_spec(spec, GENAI)


def test_a_field_named_like_a_connection_option_is_refused():
    spec = copy.copy(STREAM_JOB)
    spec.fields = dict(STREAM_JOB.fields, endpoint=Field("endpoint"))
    with pytest.raises(ValueError, match="options endpoint shadow connection options"):
        resource_argument_spec(spec, VISION)
