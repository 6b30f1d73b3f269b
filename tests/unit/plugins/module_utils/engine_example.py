# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The worked example of docs/engine.md (the guide shows this file): an API key that is switched on and off by
actions of its own. test_engine_example.py runs it."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cloudai.control.plugins.module_utils.behaviours import Behaviour, Move
from ansible_collections.cloudai.control.plugins.module_utils.oci_module import (
    COMPARTMENT, DISPLAY_NAME, SERVICE_TAG_NAMESPACES, TAGS,
)
from ansible_collections.cloudai.control.plugins.module_utils.spec import Field, Lifecycle, ResourceSpec


class Switch(Behaviour):
    """The option ``option`` (a bool) switches the resource on or off with the actions ``enable`` / ``disable``,
    never with an update; the service shows it as the wire field ``wire``."""

    def __init__(self, option, wire):
        self.option = option
        self.wire = wire

    def converge(self, engine, resource, created):
        wanted, have = engine.params.get(self.option), resource.get(self.wire)
        if wanted is None or wanted == have:
            return resource, False, {}, {}
        before, after = {self.option: have}, {self.option: wanted}
        if engine.check_mode:  # predict, send nothing
            return dict(resource, **{self.wire: wanted}), True, before, after
        work_request_id = engine.client.act(engine.spec, resource, "enable" if wanted else "disable", None)
        return engine.settle(resource, work_request_id), True, before, after


API_KEY = ResourceSpec(
    kind="api_key",
    label="API key",
    path="/apiKeys",
    ocid_type="generativeaiapikey",
    scope=COMPARTMENT,
    name=DISPLAY_NAME,
    fields={
        "description": Field("description"),
        "enabled": Field(None, type="bool"),  # wire None: the engine leaves it to the Switch behaviour
    },
    tags=TAGS,
    protected_tag_namespaces=SERVICE_TAG_NAMESPACES,
    lifecycle=Lifecycle(ready=["ACTIVE"], failed=["FAILED"], deleting=["DELETING"], gone=["DELETED"]),
    behaviours=[Move(), Switch("enabled", "isEnabled")],
)
