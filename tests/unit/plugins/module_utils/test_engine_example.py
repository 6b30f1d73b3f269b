# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The worked example of docs/engine.md: the guide shows engine_example.py as it is, and it works."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os

import pytest

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import resource_argument_spec
from ansible_collections.cloudai.control.plugins.module_utils.genai import GENAI
from ansible_collections.cloudai.control.tests.unit.plugins.module_utils.engine_example import API_KEY
from ansible_collections.cloudai.control.tests.unit.plugins.module_utils.fakes import FakeClient, FakeClock, run_engine as run

HERE = os.path.dirname(os.path.abspath(__file__))
GUIDE = os.path.join(HERE, "..", "..", "..", "..", "docs", "engine.md")
C1 = "ocid1.compartment.oc1..aaaaaaaacompartmentone"
KEY = dict(compartment_id=C1, display_name="key-1", description="for the chat app")


@pytest.fixture
def clock():
    return FakeClock()


def switching_client():
    client = FakeClient(API_KEY)
    client.action_effects = {"enable": {"isEnabled": True}, "disable": {"isEnabled": False}}
    return client


def test_the_guide_shows_the_example_as_it_is():
    with open(os.path.join(HERE, "engine_example.py")) as handle:
        code = handle.read()
    with open(GUIDE) as handle:
        guide = handle.read()
    start = code.index("class Switch(Behaviour):")
    assert code[start:].strip() in guide


def test_the_behaviour_option_is_in_the_module_argument_spec():
    argspec = resource_argument_spec(API_KEY, GENAI)
    assert argspec["enabled"] == {"type": "bool"} and argspec["id"]["aliases"] == ["api_key_id"]


def test_a_key_created_switched_off_is_disabled_after_the_create_and_a_rerun_changes_nothing(clock):
    client = switching_client()
    result = run(API_KEY, client, clock, diff_mode=True, enabled=False, **KEY)
    key_id = result["api_key"]["id"]
    assert [m[:3] for m in client.mutations()] == [
        ("create", {"compartmentId": C1, "displayName": "key-1", "description": "for the chat app"}),
        ("act", key_id, "disable")]
    assert result["changed"] is True and result["api_key"]["is_enabled"] is False
    assert result["diff"]["after"] == {"compartment_id": C1, "display_name": "key-1", "description": "for the chat app",
                                       "enabled": False}

    client.calls = []
    again = run(API_KEY, client, clock, enabled=False, **KEY)
    assert again["changed"] is False and client.mutations() == []


def test_switching_on_is_predicted_in_check_mode_and_then_done_with_the_action(clock):
    client = switching_client()
    key_id = client.add(dict(compartmentId=C1, displayName="key-1", lifecycleState="ACTIVE", isEnabled=False))
    predicted = run(API_KEY, client, clock, check_mode=True, diff_mode=True, id=key_id, enabled=True)
    assert predicted["changed"] is True and client.mutations() == []
    assert predicted["diff"] == {"before": {"enabled": False}, "after": {"enabled": True}}
    done = run(API_KEY, client, clock, diff_mode=True, id=key_id, enabled=True)
    assert [m[:3] for m in client.mutations()] == [("act", key_id, "enable")]
    assert done["diff"] == predicted["diff"] and done["api_key"]["is_enabled"] is True


def test_a_key_moves_with_the_move_behaviour(clock):
    client = switching_client()
    key_id = client.add(dict(compartmentId=C1, displayName="key-1", lifecycleState="ACTIVE", isEnabled=True))
    other = "ocid1.compartment.oc1..aaaaaaaacompartmenttwo"
    result = run(API_KEY, client, clock, id=key_id, compartment_id=other, enabled=True)
    assert [m[:3] for m in client.mutations()] == [("move", key_id, other)] and result["changed"] is True
