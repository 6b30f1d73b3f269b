# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""OCI Vision resources, described as data for the resource engine, and its synchronous analysis calls."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import base64
import os
import stat

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import Action, check_variant
from ansible_collections.cloudai.control.plugins.module_utils.errors import ConfigError
from ansible_collections.cloudai.control.plugins.module_utils.oci_module import (
    COMPARTMENT, DISPLAY_NAME, DISPLAY_NAME_FILTER, READ_ONLY, SERVICE_TAG_NAMESPACES, SORT_ORDER, TAGS, check_ocid,
    oci_cloud, work_request_spec,
)
from ansible_collections.cloudai.control.plugins.module_utils.behaviours import DeleteByAction, Move, StartOnce
from ansible_collections.cloudai.control.plugins.module_utils.spec import (
    Field, Filter, Lifecycle, ResourceSpec, snake_to_camel, to_result, to_wire,
)

VISION = oci_cloud("vision")
STATES = ["CREATING", "UPDATING", "ACTIVE", "DELETING", "DELETED", "FAILED"]
LIFECYCLE = Lifecycle(ready=["ACTIVE"], failed=["FAILED"], deleting=["DELETING"], gone=["DELETED"])
SORT_BY = Filter("sortBy", choices=["timeCreated", "displayName"])
MODEL_TYPES = ["IMAGE_CLASSIFICATION", "OBJECT_DETECTION"]
LANGUAGES = ["ENG", "CES", "DAN", "NLD", "FIN", "FRA", "DEU", "ELL", "HUN", "ITA", "NOR", "POL", "POR", "RON", "RUS", "SLK",
             "SPA", "SWE", "TUR", "ARA", "CHI_SIM", "HIN", "JPN", "KOR", "OTHERS"]
DOCUMENT_TYPES = ["INVOICE", "RECEIPT", "RESUME", "TAX_FORM", "DRIVER_LICENSE", "PASSPORT", "BANK_STATEMENT", "CHECK",
                  "PAYSLIP", "OTHERS"]
INLINE_LIMIT = 5 * 1024 * 1024  # the service takes at most 5 MB per image or document in a single request


def _positive(value, option):
    return None if value > 0 else "%s must be more than 0, got %s" % (option, value)


def _models_in_project(client, project):
    found = client.search(MODEL, None, None, [("projectId", project["id"])])
    return ["model %s (%s)" % (m.get("displayName"), m["id"]) for m in found if MODEL.lifecycle.is_live(m)]


PROJECT = ResourceSpec(
    kind="project",
    label="Vision project",
    path="/projects",
    ocid_type="aivisionproject",
    scope=COMPARTMENT,
    name=DISPLAY_NAME,
    behaviours=[Move(retry_token=False)],  # ChangeProjectCompartment / ChangeModelCompartment take none
    list_scope_optional=True,  # ListProjects / ListModels: compartmentId is optional (models by projectId alone)
    fields={"description": Field("description")},
    tags=TAGS,
    protected_tag_namespaces=SERVICE_TAG_NAMESPACES,
    lifecycle=LIFECYCLE,
    read_only=READ_ONLY,
    in_use=_models_in_project,
    filters={
        "display_name": DISPLAY_NAME_FILTER,
        "lifecycle_state": Filter("lifecycleState", choices=STATES),
        "sort_by": SORT_BY,
        "sort_order": SORT_ORDER,
    },
)

OBJECT_OPTIONS = dict(
    namespace_name=dict(type="str", required=True),
    bucket_name=dict(type="str", required=True),
    object_name=dict(type="str", required=True),
)
DATASET_OPTIONS = dict(
    dataset_type=dict(type="str", default="OBJECT_STORAGE", choices=["OBJECT_STORAGE", "DATA_SCIENCE_LABELING"]),
    dataset_id=dict(type="str"),
    namespace_name=dict(type="str"),
    bucket_name=dict(type="str"),
    object_name=dict(type="str"),
)
_dataset_variant = check_variant("dataset_type", {
    "OBJECT_STORAGE": (("namespace_name", "bucket_name", "object_name"), ()),
    "DATA_SCIENCE_LABELING": (("dataset_id",), ()),
})


def _dataset(value, option):
    problems = [_dataset_variant(value, option)]
    if value.get("dataset_id"):  # a Data Labeling dataset's OCID
        problems.append(check_ocid(value["dataset_id"], option + ".dataset_id", "any"))
    return "; ".join(p for p in problems if p) or None


def _project_id(value, option):
    return check_ocid(value, option, PROJECT)


def _dataset_field(wire, required=False):
    return Field(wire, type="dict", updatable=False, required_for_create=required, options=DATASET_OPTIONS, check=_dataset)


MODEL = ResourceSpec(
    kind="model",
    label="Vision model",
    path="/models",
    ocid_type="aivisionmodel",
    scope=COMPARTMENT,
    name=DISPLAY_NAME,
    behaviours=[Move(retry_token=False)],  # ChangeProjectCompartment / ChangeModelCompartment take none
    list_scope_optional=True,  # ListProjects / ListModels: compartmentId is optional (models by projectId alone)
    fields={
        "project_id": Field("projectId", updatable=False, required_for_create=True, check=_project_id),
        "model_type": Field("modelType", updatable=False, required_for_create=True, choices=MODEL_TYPES),
        "training_dataset": _dataset_field("trainingDataset", required=True),
        "testing_dataset": _dataset_field("testingDataset"),
        "validation_dataset": _dataset_field("validationDataset"),
        "is_quick_mode": Field("isQuickMode", type="bool", updatable=False),
        "max_training_duration_in_hours": Field("maxTrainingDurationInHours", type="float", updatable=False,
                                                check=_positive),
        "model_version": Field("modelVersion", updatable=False),
        "description": Field("description"),
    },
    tags=TAGS,
    protected_tag_namespaces=SERVICE_TAG_NAMESPACES,
    lifecycle=LIFECYCLE,
    read_only=READ_ONLY + ("average_precision", "confidence_threshold", "metrics", "precision", "recall",
                           "test_image_count", "total_image_count", "trained_duration_in_hours"),
    filters={
        "display_name": DISPLAY_NAME_FILTER,
        "project_id": Filter("projectId", check=_project_id),
        "lifecycle_state": Filter("lifecycleState", choices=STATES),
        "sort_by": SORT_BY,
        "sort_order": SORT_ORDER,
    },
)

# featureType -> (required, optional) suboptions, per kind of input
IMAGE_FEATURES = {
    "IMAGE_CLASSIFICATION": ((), ("max_results", "model_id")),
    "OBJECT_DETECTION": ((), ("max_results", "model_id")),
    "TEXT_DETECTION": ((), ("language",)),
    "FACE_DETECTION": ((), ("max_results", "should_return_landmarks")),
    "FACE_EMBEDDING": ((), ("max_results", "should_return_landmarks")),
}
DOCUMENT_FEATURES = {
    "LANGUAGE_CLASSIFICATION": ((), ("max_results",)),
    "TEXT_DETECTION": ((), ("generate_searchable_pdf",)),
    "TABLE_DETECTION": ((), ()),
    "KEY_VALUE_DETECTION": ((), ()),
    "DOCUMENT_CLASSIFICATION": ((), ("max_results", "model_id")),
}
VIDEO_FEATURES = {
    "LABEL_DETECTION": ((), ("min_confidence", "max_results", "model_id")),
    "OBJECT_DETECTION": ((), ("min_confidence", "max_results", "model_id")),
    "TEXT_DETECTION": ((), ("min_confidence",)),
    "FACE_DETECTION": ((), ("max_results", "is_landmark_required", "min_confidence")),
    "OBJECT_TRACKING": ((), ("min_confidence", "max_results", "model_id")),
}
FOREIGN_MODEL_FEATURES = ("DOCUMENT_CLASSIFICATION",)  # its custom models are not Vision models
FEATURE_SUBOPTIONS = dict(
    max_results=dict(type="int"),
    model_id=dict(type="str"),
    language=dict(type="str", choices=LANGUAGES),
    should_return_landmarks=dict(type="bool"),
    generate_searchable_pdf=dict(type="bool"),
    min_confidence=dict(type="float"),
    is_landmark_required=dict(type="bool"),
)


def _features_argspec(table):
    used = sorted(set(key for required, optional in table.values() for key in required + optional))
    options = dict(feature_type=dict(type="str", required=True, choices=sorted(table)))
    options.update((key, FEATURE_SUBOPTIONS[key]) for key in used)
    return dict(type="list", elements="dict", options=options)


def _features_check(table):
    per_feature = check_variant("feature_type", table)

    def check(value, option):
        types = [feature["feature_type"] for feature in value]
        problems = [per_feature(value, option)]
        if not value:
            problems.append("%s must list at least one feature" % option)
        problems.extend("%s lists %s more than once" % (option, kind) for kind in sorted(set(types)) if types.count(kind) > 1)
        for index, feature in enumerate(value):
            if feature.get("model_id") is not None:
                own = feature["feature_type"] not in FOREIGN_MODEL_FEATURES
                problems.append(check_ocid(feature["model_id"], "%s[%d].model_id" % (option, index), MODEL if own else "any"))
            if feature.get("max_results") is not None and feature["max_results"] < 1:
                problems.append("%s[%d].max_results must be at least 1, got %s" % (option, index, feature["max_results"]))
            if feature.get("min_confidence") is not None and not 0 <= feature["min_confidence"] <= 1:
                problems.append("%s[%d].min_confidence must be from 0 to 1, got %s" % (option, index, feature["min_confidence"]))
        return "; ".join(p for p in problems if p) or None

    return check


def _features_field(table):
    argspec = _features_argspec(table)
    return Field("features", type="list", elements="dict", updatable=False, required_for_create=True,
                 options=argspec["options"], check=_features_check(table))


JOB_LIFECYCLE = Lifecycle(ready=["SUCCEEDED"], failed=["FAILED"], deleting=["CANCELING"], gone=["CANCELED"],
                          stopped=["SUCCEEDED", "FAILED", "CANCELED"])
INPUT_LOCATION = Field("inputLocation", type="dict", updatable=False, required_for_create=True, options=dict(
    source_type=dict(type="str", default="OBJECT_LIST_INLINE_INPUT_LOCATION", choices=["OBJECT_LIST_INLINE_INPUT_LOCATION"]),
    object_locations=dict(type="list", elements="dict", required=True, options=OBJECT_OPTIONS),
))
OUTPUT_LOCATION = Field("outputLocation", type="dict", updatable=False, required_for_create=True, options=dict(
    namespace_name=dict(type="str", required=True),
    bucket_name=dict(type="str", required=True),
    prefix=dict(type="str", required=True),
))


def _job(kind, label, path, ocid_type, features, extra_fields=None, tags=None):
    fields = {"input_location": INPUT_LOCATION, "output_location": OUTPUT_LOCATION, "features": _features_field(features)}
    fields.update(extra_fields or {})
    return ResourceSpec(
        kind=kind,
        label=label,
        path=path,
        ocid_type=ocid_type,
        scope=COMPARTMENT,
        name=DISPLAY_NAME,
        fields=fields,
        tags=tags,
        protected_tag_namespaces=SERVICE_TAG_NAMESPACES,
        lifecycle=JOB_LIFECYCLE,
        behaviours=[StartOnce(accepted_key="timeAccepted"), DeleteByAction("cancel")],
        immutable=True,
        replace_hint="a job cannot run again: leave out id to start a new one (a display_name whose last job failed "
                     "or was cancelled starts a new job)",
        change_hint="a job cannot be changed: start a new one under another display_name instead",
        read_only=("lifecycle_state", "lifecycle_details", "percent_complete", "time_accepted", "time_started",
                   "time_finished") + (("system_tags",) if tags else ()),
    )


ZIP_OUTPUT = Field("isZipOutputEnabled", type="bool", updatable=False)
IMAGE_JOB = _job("image_job", "image job", "/imageJobs", "aivisionimagejob", IMAGE_FEATURES,
                 {"is_zip_output_enabled": ZIP_OUTPUT})
DOCUMENT_JOB = _job("document_job", "document job", "/documentJobs", "aivisiondocumentjob", DOCUMENT_FEATURES, {
    "is_zip_output_enabled": ZIP_OUTPUT,
    "language": Field("language", updatable=False, choices=LANGUAGES),
    "document_type": Field("documentType", updatable=False, choices=DOCUMENT_TYPES),
})
VIDEO_JOB = _job("video_job", "video job", "/videoJobs", "aivisionvideojob", VIDEO_FEATURES, tags=TAGS)

WORK_REQUEST = work_request_spec("aivisionworkrequest", list_scope_optional=True)
WORK_REQUEST_TO_WAIT_FOR = work_request_spec("aivisionworkrequest", scope=None)


# ---------------------------------------------------------------------------------------------------------
# synchronous analysis

def _local_file(value, option):
    """The file must be a regular file, not empty (what /proc shows as empty may be the process's environment) and
    small enough to go inline."""
    try:
        info = os.stat(value)
    except OSError:
        info = None
    if info is None or not stat.S_ISREG(info.st_mode):
        return "%s %s is not a regular file" % (option, value)
    if info.st_size == 0:
        return "%s %s is empty" % (option, value)
    if info.st_size > INLINE_LIMIT:
        return ("%s %s is %d bytes; the service takes at most %d bytes (5 MB) inline: put it in Object Storage and use "
                "object_location instead" % (option, value, info.st_size, INLINE_LIMIT))
    return None


def _read_inline(path):
    """The file's bytes, read no further than the limit; a file that is not what its checks saw is refused."""
    with open(path, "rb") as source:
        info = os.fstat(source.fileno())
        data = source.read(INLINE_LIMIT + 1)
    if not stat.S_ISREG(info.st_mode) or len(data) != info.st_size or len(data) > INLINE_LIMIT:
        raise ConfigError("src %s changed while it was read, or is not a regular file of at most %d bytes"
                          % (path, INLINE_LIMIT))
    return data


def _source(params):
    if params.get("src"):
        return {"source": "INLINE", "data": base64.b64encode(_read_inline(params["src"])).decode("ascii")}
    return dict(to_wire(params["object_location"]), source="OBJECT_STORAGE")


def _analysis(path, media, fields, extra_options=(), skipped_in_check_mode=()):
    """An Action that posts the features and the image/document (inline or in Object Storage) to ``path``.
    ``fields``: (wire fields of the answer, those of them it must have); an answer with none of them is not one."""
    known, required = fields

    def answer(response):
        body = response.body
        if isinstance(body, dict) and any(key in body for key in known) and all(key in body for key in required):
            return body
        raise response.unexpected("an analysis result (an object with %s of %s)" % (
            "all" if required else "some", ", ".join(required or known)))

    def run(client, params, check_mode):
        body = {"features": to_wire(params["features"]), media: _source(params)}
        if check_mode and params.get("src"):
            return {"analysis": {}}  # the file was read and checked; it is not uploaded
        for option in ("compartment_id",) + tuple(extra_options):
            if params.get(option) is not None and not (check_mode and option in skipped_in_check_mode):
                body[snake_to_camel(option)] = to_wire(params[option])
        # an analysis changes nothing (a document's output object is written again with the same content), so it is
        # sent again after a 5xx or a lost connection, as the SDK's default retry strategy does for these two calls
        return {"analysis": to_result(answer(client.call("POST", path, body=body, idempotent=True)))}

    return run


def _action(path, media, features, fields, extra_options=None, skipped_in_check_mode=()):
    options = dict(
        compartment_id=dict(type="str"),
        features=dict(_features_argspec(features), required=True),
        src=dict(type="path"),
        object_location=dict(type="dict", options=OBJECT_OPTIONS),
    )
    options.update(extra_options or {})
    return Action(
        options=options,
        run=_analysis(path, media, fields, tuple(extra_options or ()), skipped_in_check_mode),
        checks={"features": _features_check(features), "src": _local_file, "compartment_id": check_ocid},
        mutually_exclusive=[("src", "object_location")],
        required_one_of=[("src", "object_location")],
    )


# the answers' fields (api/oci-vision.md section 6): every one optional in an image's, two required in a document's
IMAGE_RESULT = (("labels", "ontologyClasses", "imageObjects", "imageText", "detectedFaces", "imageClassificationModelVersion",
                 "objectDetectionModelVersion", "textDetectionModelVersion", "faceDetectionModelVersion", "errors"), ())
DOCUMENT_RESULT = (("documentMetadata", "pages"), ("documentMetadata", "pages"))
ANALYZE_IMAGE = _action("/actions/analyzeImage", "image", IMAGE_FEATURES, IMAGE_RESULT)
ANALYZE_DOCUMENT = _action("/actions/analyzeDocument", "document", DOCUMENT_FEATURES, DOCUMENT_RESULT, dict(
    language=dict(type="str", choices=LANGUAGES),
    document_type=dict(type="str", choices=DOCUMENT_TYPES),
    output_location=dict(type="dict", options=OUTPUT_LOCATION.argspec["options"]),
), skipped_in_check_mode=("output_location",))
