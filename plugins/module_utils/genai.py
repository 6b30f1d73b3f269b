# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""OCI Generative AI resources, described as data for the resource engine."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import check_variant
from ansible_collections.cloudai.control.plugins.module_utils.oci_module import (
    COMPARTMENT, DISPLAY_NAME, DISPLAY_NAME_FILTER, READ_ONLY, SERVICE_TAG_NAMESPACES, SORT_ORDER, TAGS, check_ocid,
    oci_cloud, work_request_spec,
)
from ansible_collections.cloudai.control.plugins.module_utils.behaviours import LeaveAlone, Move
from ansible_collections.cloudai.control.plugins.module_utils.spec import Field, Filter, Lifecycle, ResourceSpec

GENAI = oci_cloud("generativeai")


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


MODEL_CAPABILITIES = [
    "TEXT_GENERATION", "TEXT_SUMMARIZATION", "TEXT_EMBEDDINGS", "FINE_TUNE", "CHAT", "TEXT_RERANK", "TEXT_TO_IMAGE",
    "IMAGE_TEXT_TO_IMAGE", "IMAGE_TEXT_TO_TEXT", "IMAGE_TEXT_TO_VIDEO", "IMAGE_TO_IMAGE", "REALTIME", "AUDIO_TO_AUDIO",
    "AUDIO_TO_TEXT", "TEXT_TO_AUDIO", "TEXT_TO_VIDEO", "AUDIO_TEXT_TO_TEXT", "AUDIO_TRANSLATION", "VIDEO_TEXT_TO_TEXT",
]
IMPORTED_MODEL_CAPABILITIES = [
    "TEXT_TO_TEXT", "IMAGE_TEXT_TO_TEXT", "EMBEDDING", "RERANK", "TEXT_TO_IMAGE", "IMAGE_TEXT_TO_IMAGE",
    "IMAGE_TEXT_TO_VIDEO", "IMAGE_TO_IMAGE", "REALTIME", "AUDIO_TO_AUDIO", "AUDIO_TO_TEXT", "TEXT_TO_AUDIO",
    "TEXT_TO_VIDEO", "AUDIO_TEXT_TO_TEXT", "AUDIO_TRANSLATION", "VIDEO_TEXT_TO_TEXT",
]
ENDPOINT_STATES = ["ACTIVE", "CREATING", "UPDATING", "DELETING", "DELETED", "FAILED"]
MODEL_STATES = ["ACTIVE", "CREATING", "DELETING", "DELETED", "FAILED"]


def _users_of(client, resource, spec, matches):
    """'name (ocid)' of the live resources of ``spec`` in the resource's compartment for which ``matches``."""
    found = client.search(spec, resource["compartmentId"], None)
    return ["%s (%s)" % (r.get("displayName"), r["id"]) for r in found if spec.lifecycle.is_live(r) and matches(r)]


def _endpoints_using(field):
    def in_use(client, resource):
        return ["endpoint " + text for text in _users_of(client, resource, ENDPOINT, lambda e: e.get(field) == resource["id"])]
    return in_use


def _cluster_in_use(client, resource):
    if resource.get("type") == "FINE_TUNING":
        trained = _users_of(client, resource, MODEL, lambda m: (m.get("fineTuneDetails") or {}).get("dedicatedAiClusterId") == resource["id"])
        return ["custom model " + text for text in trained]
    return _endpoints_using("dedicatedAiClusterId")(client, resource)


ALLOCATABLE_GPUS = ResourceSpec(kind="allocatable_gpu", label="allocatable GPUs", path="/dedicatedAiClusters/allocatableGpus",
                                scope=COMPARTMENT, lifecycle=Lifecycle(ready=()), has_id=False)


def _allocatable_gpus(client, cluster):
    """The GPUs of the cluster's capacity reservation that new clusters can still take (none without one)."""
    reservation = cluster.get("capacityReservationId")
    if not reservation:
        return "allocatableGpus", []
    return "allocatableGpus", list(client.search(ALLOCATABLE_GPUS, cluster["compartmentId"], None,
                                                 [("capacityReservationId", reservation)]))


DEDICATED_AI_CLUSTER = ResourceSpec(
    kind="dedicated_ai_cluster",
    label="dedicated AI cluster",
    path="/dedicatedAiClusters",
    ocid_type="generativeaidedicatedaicluster",
    scope=COMPARTMENT,
    name=DISPLAY_NAME,
    behaviours=[Move()],
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
    read_only=READ_ONLY + ("capacity", "allocatable_gpus"),
    in_use=_cluster_in_use,
    includes={"include_allocatable_gpus": _allocatable_gpus},
    filters={
        "display_name": DISPLAY_NAME_FILTER,
        "lifecycle_state": Filter("lifecycleState", choices=["CREATING", "ACTIVE", "UPDATING", "DELETING", "DELETED",
                                                             "FAILED", "NEEDS_ATTENTION"]),
        "capacity_reservation_id": Filter("capacityReservationId"),
        "sort_by": Filter("sortBy", choices=["timeCreated", "displayName", "lifecycleState"]),
        "sort_order": SORT_ORDER,
    },
)

GUARDRAIL_OPTIONS = dict(
    is_enabled=dict(type="bool", required=True),
    mode=dict(type="str"),
    model_id=dict(type="str"),
)


def _guardrail(modes=None):
    def check(value, option):
        mode = value.get("mode")
        problems = [check_ocid(value["model_id"], option + ".model_id", "any") if value.get("model_id") is not None else None]
        if modes and mode is not None and mode not in modes:
            problems.append("%s.mode must be %s, got %r" % (option, " or ".join(modes), mode))
        return "; ".join(p for p in problems if p) or None
    return check


ENDPOINT = ResourceSpec(
    kind="endpoint",
    label="endpoint",
    path="/endpoints",
    ocid_type="generativeaiendpoint",
    scope=COMPARTMENT,
    name=DISPLAY_NAME,
    behaviours=[Move()],
    fields={
        "model_id": Field("modelId", updatable=False, required_for_create=True,
                          check=lambda value, option: check_ocid(value, option, (MODEL.ocid_type, IMPORTED_MODEL.ocid_type))),
        "dedicated_ai_cluster_id": Field("dedicatedAiClusterId", updatable=False, required_for_create=True,
                                         check=lambda value, option: check_ocid(value, option, DEDICATED_AI_CLUSTER)),
        "description": Field("description"),
        "generative_ai_private_endpoint_id": Field("generativeAiPrivateEndpointId", check=lambda value, option: check_ocid(
            value, option, ("generativeaiprivateendpoint",))),
        "content_moderation_config": Field("contentModerationConfig", type="dict", options=GUARDRAIL_OPTIONS,
                                           check=_guardrail(("INFORM", "BLOCK"))),
        "prompt_injection_config": Field("promptInjectionConfig", type="dict", options=GUARDRAIL_OPTIONS,
                                         check=_guardrail()),
        "pii_detection_config": Field("piiDetectionConfig", type="dict", options=GUARDRAIL_OPTIONS, check=_guardrail()),
    },
    tags=TAGS,
    protected_tag_namespaces=SERVICE_TAG_NAMESPACES,
    lifecycle=Lifecycle(ready=["ACTIVE"], failed=["FAILED"], deleting=["DELETING"], gone=["DELETED"]),
    read_only=READ_ONLY,
    filters={
        "display_name": DISPLAY_NAME_FILTER,
        "lifecycle_state": Filter("lifecycleState", choices=ENDPOINT_STATES),
        "generative_ai_private_endpoint_id": Filter("generativeAiPrivateEndpointId"),
        "sort_by": Filter("sortBy", choices=["displayName", "timeCreated"]),
        "sort_order": SORT_ORDER,
    },
)

TRAINING_CONFIG_TYPES = {
    "TFEW_TRAINING_CONFIG": (),
    "VANILLA_TRAINING_CONFIG": ("num_of_last_layers",),
    "LORA_TRAINING_CONFIG": ("lora_r", "lora_alpha", "lora_dropout"),
}


def _fine_tune_details(value, option):
    config = value.get("training_config") or {}
    kind = config.get("training_config_type")
    problems = [check_ocid(value["dedicated_ai_cluster_id"], option + ".dedicated_ai_cluster_id", DEDICATED_AI_CLUSTER)]
    problems += ["%s.training_config.%s applies to %s only, not %s" % (option, key, owner, kind)
                 for owner, keys in sorted(TRAINING_CONFIG_TYPES.items()) if owner != kind
                 for key in keys if config.get(key) is not None]
    return "; ".join(p for p in problems if p) or None


MODEL = ResourceSpec(
    kind="model",
    label="custom model",
    path="/models",
    ocid_type="generativeaimodel",
    scope=COMPARTMENT,
    name=DISPLAY_NAME,
    fields={
        "base_model_id": Field("baseModelId", updatable=False, required_for_create=True,
                               check=lambda value, option: check_ocid(value, option, MODEL)),
        "fine_tune_details": Field("fineTuneDetails", type="dict", updatable=False, required_for_create=True,
                                   check=_fine_tune_details, options=dict(
                                       dedicated_ai_cluster_id=dict(type="str", required=True),
                                       training_dataset=dict(type="dict", required=True, options=dict(
                                           dataset_type=dict(type="str", default="OBJECT_STORAGE", choices=["OBJECT_STORAGE"]),
                                           namespace_name=dict(type="str", required=True),
                                           bucket_name=dict(type="str", required=True),
                                           object_name=dict(type="str", required=True),
                                       )),
                                       training_config=dict(type="dict", options=dict(
                                           training_config_type=dict(type="str", required=True, choices=sorted(TRAINING_CONFIG_TYPES)),
                                           total_training_epochs=dict(type="int"),
                                           learning_rate=dict(type="float"),
                                           training_batch_size=dict(type="int"),
                                           early_stopping_patience=dict(type="int"),
                                           early_stopping_threshold=dict(type="float"),
                                           log_model_metrics_interval_in_steps=dict(type="int"),
                                           num_of_last_layers=dict(type="int"),
                                           lora_r=dict(type="int"),
                                           lora_alpha=dict(type="int"),
                                           lora_dropout=dict(type="float"),
                                       )),
                                   )),
        "description": Field("description"),
        "vendor": Field("vendor"),
        "version": Field("version"),
    },
    tags=TAGS,
    protected_tag_namespaces=SERVICE_TAG_NAMESPACES,
    lifecycle=Lifecycle(ready=["ACTIVE"], failed=["FAILED"], deleting=["DELETING"], gone=["DELETED"]),
    read_only=READ_ONLY + ("capabilities", "is_long_term_supported", "model_metrics", "time_dedicated_retired",
                           "time_deprecated", "time_on_demand_retired", "type"),
    behaviours=[Move(), LeaveAlone(lambda model: model.get("type") == "BASE")],
    in_use=_endpoints_using("modelId"),
    filters={
        "display_name": DISPLAY_NAME_FILTER,
        "type": Filter(wire="type", choices=["BASE", "CUSTOM"]),
        "vendor": Filter("vendor"),
        "capability": Filter("capability", type="list", elements="str", choices=MODEL_CAPABILITIES),
        "lifecycle_state": Filter("lifecycleState", choices=MODEL_STATES),
        "sort_by": Filter("sortBy", choices=["displayName", "lifecycleState", "timeCreated"]),
        "sort_order": SORT_ORDER,
    },
)

DATA_SOURCE_FIELDS = {
    "OBJECT_STORAGE_OBJECT": (("namespace_name", "bucket_name", "prefix_name"), ("region",)),
    "HUGGING_FACE_MODEL": (("model_id",), ("access_token", "branch", "commit")),
}


IMPORTED_MODEL = ResourceSpec(
    kind="imported_model",
    label="imported model",
    path="/importedModels",
    ocid_type="generativeaiimportedmodel",
    scope=COMPARTMENT,
    name=DISPLAY_NAME,
    behaviours=[Move()],
    fields={
        "data_source": Field("dataSource", type="dict", updatable=False, required_for_create=True,
                             check=check_variant("source_type", DATA_SOURCE_FIELDS), write_only=("accessToken",), options=dict(
                                 source_type=dict(type="str", required=True, choices=sorted(DATA_SOURCE_FIELDS)),
                                 namespace_name=dict(type="str"),
                                 bucket_name=dict(type="str"),
                                 prefix_name=dict(type="str"),
                                 region=dict(type="str"),
                                 model_id=dict(type="str"),
                                 access_token=dict(type="str", no_log=True),
                                 branch=dict(type="str"),
                                 commit=dict(type="str"),
                             )),
        "capabilities": Field("capabilities", type="list", elements="str", updatable=False, unordered=True,
                              choices=IMPORTED_MODEL_CAPABILITIES),
        "description": Field("description"),
        "vendor": Field("vendor"),
        "version": Field("version"),
    },
    tags=TAGS,
    protected_tag_namespaces=SERVICE_TAG_NAMESPACES,
    lifecycle=Lifecycle(ready=["ACTIVE"], failed=["FAILED"], deleting=["DELETING"], gone=["DELETED"]),
    read_only=READ_ONLY,
    in_use=_endpoints_using("modelId"),
    filters={
        "display_name": DISPLAY_NAME_FILTER,
        "vendor": Filter("vendor"),
        "capability": Filter("capability", type="list", elements="str", choices=IMPORTED_MODEL_CAPABILITIES),
        "lifecycle_state": Filter("lifecycleState", choices=ENDPOINT_STATES),
        "sort_by": Filter("sortBy", choices=["displayName", "lifecycleState", "timeCreated"]),
        "sort_order": SORT_ORDER,
    },
)


WORK_REQUEST = work_request_spec("generativeaiworkrequest")
