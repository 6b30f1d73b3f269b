"""The resources the benchmarks stand up once, and for every module of the collection the task that is
measured on them: an idempotent `state: present` run by id for resource modules, a get or list for info
modules. A module missing here fails the benchmarks (no module goes unmeasured)."""

import base64
import json
import os

from common import SMOKE, admin, play, run_playbook, write

COMPARTMENT = "ocid1.compartment.oc1..aaaaaaaabenchcompartment"
BASE_MODEL = "cohere.command-r-08-2024"
C = "cloudai.control."
FABRIC_VERSION = {"name": "v1", "config": {"llm_model_config": {"base_model_type": "QWEN2_7B",
                                                                "model_path": "obs://bench-bucket/models/qwen2-7b/"}}}

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")
PDF = b"%PDF-1.4\n1 0 obj << /Type /Pages /Count 1 >> endobj\n2 0 obj << /Type /Page >> endobj\n%%EOF\n"
MP4 = base64.b64decode("AAAAGGZ0eXBtcDQyAAAAAG1wNDJpc29tAAAACGZyZWU=")
NAMESPACE = "bench"
# what the Vision jobs and analyses read from the emulated Object Storage
OBJECTS = {"photo.png": PNG, "invoice.pdf": PDF, "clip.mp4": MP4}


def located(name):
    return {"namespace_name": NAMESPACE, "bucket_name": "inputs", "object_name": name}


def job(kind, name, features):
    return task("vision_%s_job" % kind, kind + "_job", compartment_id=COMPARTMENT, display_name="bench-%s-job" % kind,
                input_location={"object_locations": [located(name)]},
                output_location={"namespace_name": NAMESPACE, "bucket_name": "results", "prefix": kind},
                features=features)


def task(module, register, **args):
    return {C + module: args, "register": register}


# Tasks that create what the measured tasks work on; each registers a result that `ids` reads.
SETUP = [
    task("genai_dedicated_ai_cluster", "hosting", compartment_id=COMPARTMENT, display_name="bench-hosting",
         type="HOSTING", unit_shape="LARGE_COHERE_V2", unit_count=1),
    task("genai_dedicated_ai_cluster", "training", compartment_id=COMPARTMENT, display_name="bench-training",
         type="FINE_TUNING", unit_shape="SMALL_COHERE_4", unit_count=2),
    task("genai_model_info", "base", compartment_id=COMPARTMENT, display_name=BASE_MODEL),
    task("genai_model", "custom", compartment_id=COMPARTMENT, display_name="bench-custom",
         base_model_id="{{ base.models[0].id }}", fine_tune_details={
             "dedicated_ai_cluster_id": "{{ training.dedicated_ai_cluster.id }}",
             "training_dataset": {"namespace_name": "bench", "bucket_name": "data", "object_name": "train.jsonl"}}),
    task("genai_imported_model", "imported", compartment_id=COMPARTMENT, display_name="bench-imported",
         data_source={"source_type": "HUGGING_FACE_MODEL", "model_id": "meta-llama/Llama-3.1-8B-Instruct"}),
    task("genai_endpoint", "endpoint", compartment_id=COMPARTMENT, display_name="bench-endpoint",
         model_id="{{ base.models[0].id }}", dedicated_ai_cluster_id="{{ hosting.dedicated_ai_cluster.id }}"),
    task("genai_work_request_info", "work_requests", compartment_id=COMPARTMENT,
         resource_id="{{ endpoint.endpoint.id }}"),
    task("genai_hosted_application_storage", "app_storage", compartment_id=COMPARTMENT, display_name="bench-cache",
         storage_type="CACHE"),
    task("genai_hosted_application", "hosted_app", compartment_id=COMPARTMENT, display_name="bench-app",
         inbound_auth_config={"inbound_auth_config_type": "NO_AUTH_CONFIG"}),
    task("genai_hosted_application_iam", "iam_app", compartment_id=COMPARTMENT, display_name="bench-iam-app"),
    task("genai_hosted_deployment", "deployment", compartment_id=COMPARTMENT, display_name="bench-deployment",
         hosted_application_id="{{ hosted_app.hosted_application.id }}",
         active_artifact={"container_uri": "iad.ocir.io/bench/app", "tag": "1"}),
    task("genai_vector_store_connector", "connector", compartment_id=COMPARTMENT, display_name="bench-connector",
         vector_store_id="ocid1.generativeaivectorstore.oc1..bench",
         configuration={"storage_config_list": [{"namespace": NAMESPACE, "bucket_name": "inputs"}]}),
    task("genai_vector_store_connector_file_sync", "file_sync", vector_store_connector_id="{{ connector.vector_store_connector.id }}",
         display_name="bench-sync"),
    task("genai_private_endpoint", "genai_private_endpoint", compartment_id=COMPARTMENT, display_name="bench-private",
         subnet_id="ocid1.subnet.oc1.us-chicago-1.bench", dns_prefix="bench", resource_type="ENDPOINT"),
    task("genai_api_key", "api_key", compartment_id=COMPARTMENT, display_name="bench-key",
         key_details=[{"key_name": "primary", "time_expiry": "2027-01-01T00:00:00Z"}]),
    task("genai_project", "genai_project", compartment_id=COMPARTMENT, display_name="bench-genai-project",
         sandbox_config={"is_enabled": True}),
    task("genai_sandbox_warm_pool", "warm_pool", project_id="{{ genai_project.project.id }}", name="bench-pool",
         type="MANAGED", shape="SMALL", desired_capacity=1),
    task("genai_routing_profile", "routing_profile", compartment_id=COMPARTMENT, display_name="bench-routing",
         region_routing_policy={"allowed_regions": ["us-chicago-1"]}),
    task("genai_semantic_store", "semantic_store", compartment_id=COMPARTMENT, display_name="bench-store",
         data_source={"querying_connection_id": "ocid1.databasetoolsconnection.oc1.us-chicago-1.bench",
                      "enrichment_connection_id": "ocid1.databasetoolsconnection.oc1.us-chicago-1.bench"},
         schemas={"schemas": [{"name": "SALES"}]}),
    task("fabric_workspace", "workspace", name="bench-workspace"),
    task("fabric_model", "fabric_model", workspace_id="{{ workspace.workspace.id }}", name="bench-model",
         version=FABRIC_VERSION),
    task("fabric_endpoint", "fabric_endpoint", workspace_id="{{ workspace.workspace.id }}", name="bench-endpoint",
         type="inference", reserved_resource={"mu": {"spec_code": "mu.llm.small", "min": 1, "max": 1}},
         cap={"cap_id": "{{ fabric_model.model.id }}", "version_id": "{{ fabric_model.model.current_version.id }}"}),
    task("fabric_notification_policy", "notification_policy", workspace_id="{{ workspace.workspace.id }}",
         name_pattern="bench_job*", notification_types=["FAILED"],
         topic_urn="urn:smn:cn-north-4:0123456789abcdef0123456789abcdef:bench"),
    task("fabric_job", "fabric_job", workspace_id="{{ workspace.workspace.id }}", name="bench-job", type="PYTHON_JOB",
         version={"name": "v1", "config": {"python_job_config": {"resource_spec": "fabric.cpu.2u8g"}}}),
    task("fabric_job_run", "fabric_job_run", workspace_id="{{ workspace.workspace.id }}", name="bench-run",
         job={"id": "{{ fabric_job.job.id }}", "version_id": "{{ fabric_job.job.current_version.id }}"},
         endpoint_id="{{ fabric_endpoint.endpoint.id }}"),
    task("fabric_service_instance", "fabric_service_instance", workspace_id="{{ workspace.workspace.id }}",
         name="bench-service", endpoint_id="{{ fabric_endpoint.endpoint.id }}",
         source={"id": "{{ fabric_model.model.id }}", "version_id": "{{ fabric_model.model.current_version.id }}"},
         config={"model_instance_config": {"resource": {"spec_code": "mu.llm.small", "min": 1, "max": 1}}}),
    task("vision_project", "project", compartment_id=COMPARTMENT, display_name="bench-project"),
    task("vision_model", "vision_model", compartment_id=COMPARTMENT, display_name="bench-vision-model",
         project_id="{{ project.project.id }}", model_type="IMAGE_CLASSIFICATION", is_quick_mode=True,
         training_dataset={"dataset_type": "DATA_SCIENCE_LABELING", "dataset_id": "ocid1.datalabelingdataset.oc1..bench"}),
    job("image", "photo.png", [{"feature_type": "IMAGE_CLASSIFICATION"}]),
    job("document", "invoice.pdf", [{"feature_type": "TEXT_DETECTION"}]),
    job("video", "clip.mp4", [{"feature_type": "LABEL_DETECTION"}]),
    task("vision_work_request_info", "vision_work_requests", compartment_id=COMPARTMENT,
         resource_id="{{ project.project.id }}"),
    task("vision_private_endpoint", "private_endpoint", compartment_id=COMPARTMENT, display_name="bench-endpoint",
         subnet_id="ocid1.subnet.oc1..bench"),
    task("vision_stream_source", "stream_source", compartment_id=COMPARTMENT, display_name="bench-source",
         stream_source_details={"camera_url": "rtsp://10.0.0.5/bench", "stream_network_access_details": {
             "private_endpoint_id": "{{ private_endpoint.vision_private_endpoint.id }}"}}),
    task("vision_stream_group", "stream_group", compartment_id=COMPARTMENT, display_name="bench-group",
         stream_source_ids=["{{ stream_source.stream_source.id }}"]),
    task("vision_stream_job", "stream_job", compartment_id=COMPARTMENT, display_name="bench-stream-job",
         stream_source_id="{{ stream_source.stream_source.id }}", features=[{"feature_type": "OBJECT_DETECTION"}],
         stream_output_location={"namespace_name": NAMESPACE, "bucket_name": "outputs", "prefix": "bench"},
         running_state="started"),
]
# name -> expression over the registered results
# the arguments of each setup task, by what it registers
SETUP_BY_REGISTER = dict((task["register"], next(v for k, v in task.items() if k.startswith(C))) for task in SETUP)
IDS = {
    "hosting": "hosting.dedicated_ai_cluster.id",
    "custom": "custom.model.id",
    "imported": "imported.imported_model.id",
    "endpoint": "endpoint.endpoint.id",
    "work_request": "work_requests.work_requests[0].id",
    "genai_private_endpoint": "genai_private_endpoint.private_endpoint.id",
    "api_key": "api_key.api_key.id",
    "genai_project": "genai_project.project.id",
    "warm_pool": "warm_pool.sandbox_warm_pool.name",
    "routing_profile": "routing_profile.routing_profile.id",
    "semantic_store": "semantic_store.semantic_store.id",
    "workspace": "workspace.workspace.id",
    "app_storage": "app_storage.hosted_application_storage.id",
    "hosted_app": "hosted_app.hosted_application.id",
    "iam_app": "iam_app.hosted_application_iam.id",
    "deployment": "deployment.hosted_deployment.id",
    "connector": "connector.vector_store_connector.id",
    "file_sync": "file_sync.vector_store_connector_file_sync.id",
    "fabric_model": "fabric_model.model.id",
    "fabric_endpoint": "fabric_endpoint.endpoint.id",
    "notification_policy": "notification_policy.notification_policy.id",
    "fabric_job": "fabric_job.job.id",
    "fabric_job_run": "fabric_job_run.job_run.id",
    "fabric_service_instance": "fabric_service_instance.service_instance.id",
    "project": "project.project.id",
    "vision_model": "vision_model.model.id",
    "image_job": "image_job.image_job.id",
    "document_job": "document_job.document_job.id",
    "video_job": "video_job.video_job.id",
    "vision_work_request": "vision_work_requests.work_requests[0].id",
    "private_endpoint": "private_endpoint.vision_private_endpoint.id",
    "stream_source": "stream_source.stream_source.id",
    "stream_group": "stream_group.stream_group.id",
    "stream_job": "stream_job.stream_job.id",
}

# module -> function of the ids -> the arguments of the measured task
TASKS = {
    "genai_dedicated_ai_cluster": lambda ids: {"id": ids["hosting"], "unit_count": 1},
    "genai_dedicated_ai_cluster_info": lambda ids: {"id": ids["hosting"]},
    "genai_endpoint": lambda ids: {"id": ids["endpoint"], "display_name": "bench-endpoint"},
    "genai_endpoint_info": lambda ids: {"id": ids["endpoint"]},
    "genai_model": lambda ids: {"id": ids["custom"], "display_name": "bench-custom"},
    "genai_model_info": lambda ids: {"id": ids["custom"]},
    "genai_imported_model": lambda ids: {"id": ids["imported"], "display_name": "bench-imported"},
    "genai_imported_model_info": lambda ids: {"id": ids["imported"]},
    "genai_work_request_info": lambda ids: {"id": ids["work_request"]},
    "genai_hosted_application": lambda ids: {"id": ids["hosted_app"], "display_name": "bench-app"},
    "genai_hosted_application_info": lambda ids: {"id": ids["hosted_app"]},
    "genai_hosted_application_iam": lambda ids: {"id": ids["iam_app"], "display_name": "bench-iam-app"},
    "genai_hosted_application_iam_info": lambda ids: {"id": ids["iam_app"]},
    "genai_hosted_application_storage": lambda ids: {"id": ids["app_storage"], "display_name": "bench-cache"},
    "genai_hosted_application_storage_info": lambda ids: {"id": ids["app_storage"]},
    "genai_hosted_deployment": lambda ids: {"id": ids["deployment"], "active_artifact": {
        "container_uri": "iad.ocir.io/bench/app", "tag": "1"}},
    "genai_hosted_deployment_info": lambda ids: {"id": ids["deployment"]},
    "genai_vector_store_connector": lambda ids: {"id": ids["connector"], "display_name": "bench-connector"},
    "genai_vector_store_connector_info": lambda ids: {"id": ids["connector"]},
    "genai_vector_store_connector_file_sync": lambda ids: {"id": ids["file_sync"]},
    "genai_vector_store_connector_file_sync_info": lambda ids: {"id": ids["file_sync"]},
    "genai_private_endpoint": lambda ids: {"id": ids["genai_private_endpoint"], "display_name": "bench-private"},
    "genai_private_endpoint_info": lambda ids: {"id": ids["genai_private_endpoint"]},
    "genai_api_key": lambda ids: {"id": ids["api_key"], "key_states": {"primary": "ACTIVE"}},
    "genai_api_key_info": lambda ids: {"id": ids["api_key"]},
    "genai_project": lambda ids: {"id": ids["genai_project"], "display_name": "bench-genai-project"},
    "genai_project_info": lambda ids: {"id": ids["genai_project"]},
    "genai_sandbox_warm_pool": lambda ids: {"project_id": ids["genai_project"], "name": ids["warm_pool"]},
    "genai_sandbox_warm_pool_info": lambda ids: {"project_id": ids["genai_project"], "name": ids["warm_pool"]},
    "genai_routing_profile": lambda ids: {"id": ids["routing_profile"], "display_name": "bench-routing"},
    "genai_routing_profile_info": lambda ids: {"id": ids["routing_profile"]},
    "genai_semantic_store": lambda ids: {"id": ids["semantic_store"], "display_name": "bench-store"},
    "genai_semantic_store_info": lambda ids: {"id": ids["semantic_store"]},
    "genai_model_discovery_info": lambda ids: {"compartment_id": COMPARTMENT, "capability": ["CHAT"]},
    "fabric_workspace": lambda ids: {"id": ids["workspace"], "name": "bench-workspace"},
    "fabric_workspace_info": lambda ids: {"id": ids["workspace"]},
    "fabric_model": lambda ids: {"workspace_id": ids["workspace"], "id": ids["fabric_model"], "name": "bench-model"},
    "fabric_model_info": lambda ids: {"workspace_id": ids["workspace"], "id": ids["fabric_model"]},
    "fabric_base_model_info": lambda ids: {"base_model_type": "QWEN2_7B"},
    "fabric_endpoint": lambda ids: {"workspace_id": ids["workspace"], "id": ids["fabric_endpoint"], "name": "bench-endpoint"},
    "fabric_endpoint_info": lambda ids: {"workspace_id": ids["workspace"], "id": ids["fabric_endpoint"]},
    "fabric_notification_policy": lambda ids: {"workspace_id": ids["workspace"], "id": ids["notification_policy"],
                                               "name_pattern": "bench_job*"},
    "fabric_notification_policy_info": lambda ids: {"workspace_id": ids["workspace"], "id": ids["notification_policy"]},
    "fabric_spec_info": lambda ids: {"spec_types": ["MU"]},
    "fabric_feature_info": lambda ids: {},
    "fabric_health_info": lambda ids: {},
    "fabric_agency": lambda ids: {"policy_types": ["FABRIC_AOM_POLICY"], "state": "absent"},
    "fabric_agency_info": lambda ids: {},
    "fabric_agreement": lambda ids: {"state": "absent"},
    "fabric_agreement_info": lambda ids: {},
    "fabric_job": lambda ids: {"workspace_id": ids["workspace"], "id": ids["fabric_job"], "name": "bench-job"},
    "fabric_job_info": lambda ids: {"workspace_id": ids["workspace"], "id": ids["fabric_job"]},
    "fabric_job_run": lambda ids: {"workspace_id": ids["workspace"], "id": ids["fabric_job_run"]},
    "fabric_job_run_info": lambda ids: {"workspace_id": ids["workspace"], "id": ids["fabric_job_run"]},
    "fabric_service_instance": lambda ids: {"workspace_id": ids["workspace"], "id": ids["fabric_service_instance"],
                                            "name": "bench-service"},
    "fabric_service_instance_info": lambda ids: {"workspace_id": ids["workspace"], "id": ids["fabric_service_instance"]},
    "vision_project": lambda ids: {"id": ids["project"], "display_name": "bench-project"},
    "vision_project_info": lambda ids: {"id": ids["project"]},
    "vision_model": lambda ids: {"id": ids["vision_model"], "display_name": "bench-vision-model"},
    "vision_model_info": lambda ids: {"id": ids["vision_model"]},
    "vision_image_job": lambda ids: {"id": ids["image_job"]},
    "vision_image_job_info": lambda ids: {"id": ids["image_job"]},
    "vision_document_job": lambda ids: {"id": ids["document_job"]},
    "vision_document_job_info": lambda ids: {"id": ids["document_job"]},
    "vision_video_job": lambda ids: {"id": ids["video_job"]},
    "vision_video_job_info": lambda ids: {"id": ids["video_job"]},
    "vision_analyze_image": lambda ids: {"object_location": located("photo.png"),
                                         "features": [{"feature_type": "IMAGE_CLASSIFICATION"}]},
    "vision_analyze_document": lambda ids: {"object_location": located("invoice.pdf"),
                                            "features": [{"feature_type": "TEXT_DETECTION"}]},
    "vision_work_request": lambda ids: {"id": ids["vision_work_request"]},
    "vision_work_request_info": lambda ids: {"id": ids["vision_work_request"]},
    "vision_private_endpoint": lambda ids: {"id": ids["private_endpoint"], "display_name": "bench-endpoint"},
    "vision_private_endpoint_info": lambda ids: {"id": ids["private_endpoint"]},
    "vision_stream_source": lambda ids: {"id": ids["stream_source"], "display_name": "bench-source"},
    "vision_stream_source_info": lambda ids: {"id": ids["stream_source"]},
    "vision_stream_group": lambda ids: {"id": ids["stream_group"], "display_name": "bench-group"},
    "vision_stream_group_info": lambda ids: {"id": ids["stream_group"]},
    "vision_stream_job": lambda ids: {"id": ids["stream_job"], "running_state": "started"},
    "vision_stream_job_info": lambda ids: {"id": ids["stream_job"]},
}

# For the request counts: module -> function of the ids -> arguments naming an existing resource without its id
BY_NAME = {
    "genai_dedicated_ai_cluster": lambda ids: {"compartment_id": COMPARTMENT, "display_name": "bench-hosting"},
    "genai_endpoint": lambda ids: {"compartment_id": COMPARTMENT, "display_name": "bench-endpoint"},
    "genai_model": lambda ids: {"compartment_id": COMPARTMENT, "display_name": "bench-custom"},
    "genai_imported_model": lambda ids: {"compartment_id": COMPARTMENT, "display_name": "bench-imported"},
    "genai_hosted_deployment": lambda ids: {"compartment_id": COMPARTMENT, "display_name": "bench-deployment"},
    "genai_private_endpoint": lambda ids: {"compartment_id": COMPARTMENT, "display_name": "bench-private"},
    "genai_api_key": lambda ids: {"compartment_id": COMPARTMENT, "display_name": "bench-key"},
    "fabric_workspace": lambda ids: {"name": "bench-workspace"},
    "fabric_model": lambda ids: {"workspace_id": ids["workspace"], "name": "bench-model"},
    "fabric_notification_policy": lambda ids: {"workspace_id": ids["workspace"], "name_pattern": "bench_job*"},
    "fabric_job": lambda ids: {"workspace_id": ids["workspace"], "name": "bench-job"},
    "fabric_job_run": lambda ids: {"workspace_id": ids["workspace"], "name": "bench-run"},
    "vision_project": lambda ids: {"compartment_id": COMPARTMENT, "display_name": "bench-project"},
    "vision_model": lambda ids: {"compartment_id": COMPARTMENT, "display_name": "bench-vision-model"},
    "vision_image_job": lambda ids: dict(SETUP_BY_REGISTER["image_job"]),
    "vision_stream_job": lambda ids: {"compartment_id": COMPARTMENT, "display_name": "bench-stream-job"},
}


# At smoke size (the test command) the per-module benchmarks measure these only: a resource and an info module of
# each service, and the two whose time the per-task breakdown splits.
SMOKE_MODULES = ("fabric_workspace", "fabric_workspace_info", "genai_dedicated_ai_cluster",
                 "genai_dedicated_ai_cluster_info", "vision_project", "vision_project_info", "vision_analyze_image")


def modules(root):
    """Every module of the collection (at smoke size, SMOKE_MODULES of them); fails when one has no measured task."""
    names = sorted(name[:-3] for name in os.listdir(os.path.join(root, "plugins", "modules")) if name.endswith(".py"))
    missing = [name for name in names if name not in TASKS]
    if missing:
        raise RuntimeError("tests/bench/scenarios.py has no measured task for: %s" % ", ".join(missing))
    return [name for name in names if name in SMOKE_MODULES] if SMOKE else names


def stand_up(directory, env):
    """Create the resources (once); return their ids."""
    admin().put("/objects", {"objects": [{"namespace": NAMESPACE, "bucket": "inputs", "name": name,
                                          "data": base64.b64encode(data).decode()} for name, data in OBJECTS.items()]})
    out = os.path.join(directory, "ids.json")
    content = "{{ {%s} | to_json }}" % ", ".join("'%s': %s" % item for item in sorted(IDS.items()))
    tasks = SETUP + [{"ansible.builtin.copy": {"content": content, "dest": out}}]
    run_playbook(write(directory, "setup", play(tasks)), env)
    with open(out) as handle:
        return json.load(handle)


# For the request counts of a create that waits: module -> function of the ids -> arguments of a new resource
CREATE = {
    "genai_dedicated_ai_cluster": lambda ids: {"compartment_id": COMPARTMENT, "display_name": "bench-new-cluster",
                                               "type": "HOSTING", "unit_shape": "SMALL_COHERE_V2", "unit_count": 1},
    "genai_endpoint": lambda ids: {"compartment_id": COMPARTMENT, "display_name": "bench-new-endpoint",
                                   "model_id": ids["custom"], "dedicated_ai_cluster_id": ids["hosting"]},
    "genai_imported_model": lambda ids: {"compartment_id": COMPARTMENT, "display_name": "bench-new-imported",
                                         "data_source": {"source_type": "HUGGING_FACE_MODEL",
                                                         "model_id": "Qwen/Qwen2.5-7B-Instruct"}},
    "fabric_workspace": lambda ids: {"name": "bench-new-workspace"},
    "vision_project": lambda ids: {"compartment_id": COMPARTMENT, "display_name": "bench-new-project"},
}
