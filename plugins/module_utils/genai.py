# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""OCI Generative AI resources, described as data for the resource engine."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cloudai.control.plugins.module_utils.oci_module import oci_cloud
from ansible_collections.cloudai.control.plugins.module_utils.resource import Field, Lifecycle, ResourceSpec

GENAI = oci_cloud("generativeai")
COMPARTMENT = ("compartment_id", "compartmentId", "compartmentId")
DISPLAY_NAME = ("display_name", "displayName", "displayName")
TAGS = {"freeform_tags": "freeformTags", "defined_tags": "definedTags"}
SERVICE_TAG_NAMESPACES = ("Oracle-Tags",)


def _brace(pattern):
    """Expand one level of {a,b} groups: 'A_X{1,2}' -> ['A_X1', 'A_X2']."""
    head, dummy, rest = pattern.partition("{")
    if not rest:
        return [pattern]
    group, dummy, tail = rest.partition("}")
    return [value for choice in group.split(",") for value in _brace(head + choice + tail)]


UNIT_SHAPES = sorted(set(shape for pattern in """
LARGE_COHERE LARGE_COHERE_V2 SMALL_COHERE SMALL_COHERE_V2 SMALL_COHERE_4 EMBED_COHERE LLAMA2_70 LARGE_GENERIC
LARGE_COHERE_V2_2 LARGE_GENERIC_4 SMALL_GENERIC_V2 LARGE_GENERIC_2 LARGE_GENERIC_V2 LARGE_GENERIC_V3 LARGE_GENERIC_V4
LARGE_GENERIC_V5 LARGE_COHERE_V3 RERANK_COHERE SMALL_GENERIC_V1 MEDIUM_GENERIC_V1 LARGE_GENERIC_V1
COHERE_{H100,H200,B200}_X{1,2,4,8} COHERE_A100_{40G,80G}_X{1,2,4,8} COHERE_A10_X1 COHERE_B300_X1
META_{A100_40G,A100_80G,H100,H200,B200}_X{1,2,4,8} META_B300_X1 OAI_B300_X1
A10_X{1,2,4} A100_40G_X{1,2,4,8} A100_80G_X{1,2,4,8} H100_X{1,2,4,8,16,32} H200_X{1,2,4,8}
B200_X{1,2,4,8,16,32} B300_X{1,2,4,8,16,32} L40S_X{1,2,4,8,16,32} MI300X_X{1,2,4,8,16,32} SB_B200_X1
OAI_H100_X{1,2,4} OAI_A10_X2 OAI_H200_X1 OAI_A100_80G_X{1,2} OAI_A100_40G_X{1,4} OAI_B200_X{1,2,4,8}
""".split() for shape in _brace(pattern)))


def _unit_shape(value, option):
    if value not in UNIT_SHAPES:
        return "%s must be one of the service's unit shapes (e.g. LARGE_COHERE_V2, SMALL_GENERIC_V2, H100_X1), got %r" % (
            option, value)
    return None


def _positive(value, option):
    return None if value >= 1 else "%s must be at least 1, got %s" % (option, value)


DEDICATED_AI_CLUSTER = ResourceSpec(
    kind="dedicated_ai_cluster",
    label="dedicated AI cluster",
    path="/dedicatedAiClusters",
    ocid_type="generativeaidedicatedaicluster",
    scope=COMPARTMENT,
    name=DISPLAY_NAME,
    movable=True,
    fields={
        "type": Field("type", updatable=False, required_for_create=True, choices=["HOSTING", "FINE_TUNING"]),
        "unit_shape": Field("unitShape", updatable=False, required_for_create=True, check=_unit_shape),
        "unit_count": Field("unitCount", type="int", required_for_create=True, check=_positive),
        "description": Field("description"),
        "capacity_reservation_id": Field("capacityReservationId", updatable=False),
    },
    tags=TAGS,
    protected_tag_namespaces=SERVICE_TAG_NAMESPACES,
    lifecycle=Lifecycle(ready=["ACTIVE"], failed=["FAILED", "NEEDS_ATTENTION"], deleting=["DELETING"], gone=["DELETED"]),
    filters={
        "display_name": "displayName",
        "lifecycle_state": "lifecycleState",
        "capacity_reservation_id": "capacityReservationId",
        "sort_by": "sortBy",
        "sort_order": "sortOrder",
    },
)
