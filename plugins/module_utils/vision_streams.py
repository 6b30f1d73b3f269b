# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""OCI Vision stream analysis, described as data for the resource engine: private endpoints, stream sources, stream
groups and stream jobs (started and stopped by actions of their own)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cloudai.control.plugins.module_utils.behaviours import Move, RunState
from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import check_variant
from ansible_collections.cloudai.control.plugins.module_utils.oci_module import (
    COMPARTMENT, DISPLAY_NAME, DISPLAY_NAME_FILTER, READ_ONLY, SERVICE_TAG_NAMESPACES, SORT_ORDER, TAGS, check_ocid,
)
from ansible_collections.cloudai.control.plugins.module_utils.spec import Field, Filter, Lifecycle, ResourceSpec
from ansible_collections.cloudai.control.plugins.module_utils.vision import LIFECYCLE, SORT_BY, STATES, _features_check

JOB_STATES = STATES + ["INACTIVE", "NEEDS_ATTENTION"]
NO_DETAILS = tuple(key for key in READ_ONLY if key != "lifecycle_details")  # stream sources and groups have none


def _ocid_of(*types):
    return lambda value, option: check_ocid(value, option, types)


def _ocids_of(*types):
    def check(value, option):
        return "; ".join(p for p in (check_ocid(item, "%s[%d]" % (option, index), types)
                                     for index, item in enumerate(value)) if p) or None
    return check


def _users(spec, wanted):
    """in_use: the live resources of ``spec`` (listed in every compartment) for which ``wanted(item, resource)``."""
    def in_use(client, resource):
        return ["%s %s (%s)" % (spec.label, item.get("displayName"), item["id"]) for item in client.search(spec, None, None)
                if spec.lifecycle.is_live(item) and wanted(item, resource)]
    return in_use


def _common(kind, label, path, ocid_type, fields, filters, lifecycle=LIFECYCLE, behaviours=(), read_only=READ_ONLY):
    return ResourceSpec(
        kind=kind,
        label=label,
        path=path,
        ocid_type=ocid_type,
        scope=COMPARTMENT,
        name=DISPLAY_NAME,
        behaviours=[Move()] + list(behaviours),
        list_scope_optional=True,  # the four list calls take compartmentId as an optional filter
        fields=fields,
        tags=TAGS,
        protected_tag_namespaces=SERVICE_TAG_NAMESPACES,
        lifecycle=lifecycle,
        read_only=tuple(read_only),
        filters=dict(filters, display_name=DISPLAY_NAME_FILTER, sort_by=SORT_BY, sort_order=SORT_ORDER),
    )


PRIVATE_ENDPOINT = _common(
    "vision_private_endpoint", "Vision private endpoint", "/visionPrivateEndpoints", "aivisionprivateendpoint",
    fields={
        "subnet_id": Field("subnetId", updatable=False, required_for_create=True, check=_ocid_of("subnet")),
        "description": Field("description"),
    },
    filters={"lifecycle_state": Filter("lifecycleState", choices=STATES)},
)


def _camera_url(value, option):
    """An RTSP URL without credentials: they belong in the Vault secret (secret_id), never in an option in clear."""
    scheme, sep, rest = value.partition("://")
    if not sep or scheme.lower() not in ("rtsp", "rtsps") or not rest:
        return "%s must be an rtsp:// or rtsps:// URL" % option
    if "@" in rest.split("/", 1)[0]:
        return ("%s must not carry a user name or password (user:password@host); put the camera's credentials in a "
                "Vault secret and give its OCID as secret_id" % option)
    return None


_stream_source_variant = check_variant("source_type", {"RTSP": (("camera_url", "stream_network_access_details"), ("secret_id",))})
_network_access_variant = check_variant("stream_access_type", {"PRIVATE": (("private_endpoint_id",), ())})


def _stream_source_details(value, option):
    network = value.get("stream_network_access_details") or {}
    problems = [_stream_source_variant(value, option),
                network and _network_access_variant(network, option + ".stream_network_access_details"),
                value.get("camera_url") is not None and _camera_url(value["camera_url"], option + ".camera_url"),
                value.get("secret_id") is not None and check_ocid(value["secret_id"], option + ".secret_id", ("vaultsecret",)),
                network.get("private_endpoint_id") is not None and check_ocid(
                    network["private_endpoint_id"], option + ".stream_network_access_details.private_endpoint_id",
                    PRIVATE_ENDPOINT)]
    return "; ".join(p for p in problems if p) or None


STREAM_SOURCE = _common(
    "stream_source", "stream source", "/streamSources", "aivisionstreamsource",
    fields={"stream_source_details": Field(
        "streamSourceDetails", type="dict", required_for_create=True, check=_stream_source_details, options=dict(
            source_type=dict(type="str", default="RTSP", choices=["RTSP"]),
            camera_url=dict(type="str"),
            secret_id=dict(type="str"),
            stream_network_access_details=dict(type="dict", options=dict(
                stream_access_type=dict(type="str", default="PRIVATE", choices=["PRIVATE"]),
                private_endpoint_id=dict(type="str"),
            )),
        ))},
    filters={"lifecycle_state": Filter("lifecycleState", choices=STATES)},
    read_only=NO_DETAILS,
)


def _overlaps(value, option):
    check = _ocids_of(STREAM_SOURCE.ocid_type)
    problems = [check(item["overlapping_streams"], "%s[%d].overlapping_streams" % (option, index))
                for index, item in enumerate(value)]
    return "; ".join(p for p in problems if p) or None


STREAM_GROUP = _common(
    "stream_group", "stream group", "/streamGroups", "aivisionstreamgroup",
    fields={
        "is_enabled": Field("isEnabled", type="bool"),
        "stream_source_ids": Field("streamSourceIds", type="list", elements="str", unordered=True,
                                   check=_ocids_of(STREAM_SOURCE.ocid_type)),
        "stream_overlaps": Field("streamOverlaps", type="list", elements="dict", check=_overlaps, options=dict(
            overlapping_streams=dict(type="list", elements="str", required=True),
        )),
    },
    filters={},  # ListStreamGroups has no lifecycleState filter
    read_only=NO_DETAILS,
)

# featureType -> (required, optional) suboptions (oci.ai_vision.models.VideoStream*Feature)
STREAM_FEATURES = {
    "OBJECT_TRACKING": (("tracking_types",), ()),
    "FACE_DETECTION": ((), ("max_results", "should_return_landmarks", "min_confidence")),
    "OBJECT_DETECTION": ((), ("max_results", "min_confidence")),
}
_feature_rules = _features_check(STREAM_FEATURES)  # the rules of the batch jobs' features (types once, ranges)


def _stream_features(value, option):
    problems = [_feature_rules(value, option)]
    for index, feature in enumerate(value):
        for number, tracking in enumerate(feature.get("tracking_types") or ()):
            where = "%s[%d].tracking_types[%d]" % (option, index, number)
            if not tracking["objects"]:
                problems.append("%s.objects must name at least one object" % where)
            if tracking.get("max_results") is not None and tracking["max_results"] < 1:
                problems.append("%s.max_results must be at least 1, got %s" % (where, tracking["max_results"]))
            for key in ("detection_model_id", "tracking_model_id"):
                if tracking.get(key) is not None:
                    problems.append(check_ocid(tracking[key], "%s.%s" % (where, key), ("aivisionmodel",)))
    return "; ".join(p for p in problems if p) or None


STREAM_JOB = _common(
    "stream_job", "stream job", "/streamJobs", "aivisionstreamjob",
    fields={
        "stream_source_id": Field("streamSourceId", required_for_create=True, check=_ocid_of(STREAM_SOURCE.ocid_type)),
        "features": Field("features", type="list", elements="dict", required_for_create=True, check=_stream_features,
                          options=dict(
                              feature_type=dict(type="str", required=True, choices=sorted(STREAM_FEATURES)),
                              tracking_types=dict(type="list", elements="dict", options=dict(
                                  objects=dict(type="list", elements="str", required=True),
                                  detection_model_id=dict(type="str"),
                                  tracking_model_id=dict(type="str"),
                                  max_results=dict(type="int"),
                                  should_return_landmarks=dict(type="bool"),
                              )),
                              max_results=dict(type="int"),
                              should_return_landmarks=dict(type="bool"),
                              min_confidence=dict(type="float"),
                          )),
        "stream_output_location": Field("streamOutputLocation", type="dict", required_for_create=True, options=dict(
            output_location_type=dict(type="str", default="OBJECT_STORAGE", choices=["OBJECT_STORAGE"]),
            namespace_name=dict(type="str", required=True),
            bucket_name=dict(type="str", required=True),
            prefix=dict(type="str", required=True),
        )),
        "running_state": Field(None, choices=["started", "stopped"]),
    },
    filters={"lifecycle_state": Filter("lifecycleState", choices=JOB_STATES)},
    # a stream job is INACTIVE when created or stopped, ACTIVE while it runs
    lifecycle=Lifecycle(ready=["ACTIVE", "INACTIVE"], failed=["FAILED", "NEEDS_ATTENTION"], deleting=["DELETING"],
                        gone=["DELETED"]),
    behaviours=[RunState("running_state", {"started": ("start", "ACTIVE"), "stopped": ("stop", "INACTIVE")}, "stopped")],
    read_only=READ_ONLY + ("agent_participant_id",),
)

# What keeps a private endpoint or a stream source from being deleted; the list calls have no filter for it.
PRIVATE_ENDPOINT.in_use = _users(STREAM_SOURCE, lambda source, endpoint: ((source.get("streamSourceDetails") or {}).get(
    "streamNetworkAccessDetails") or {}).get("privateEndpointId") == endpoint["id"])
STREAM_SOURCE.in_use = _users(STREAM_JOB, lambda job, source: job.get("streamSourceId") == source["id"])
