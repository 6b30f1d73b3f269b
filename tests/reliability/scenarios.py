"""What the reliability suites converge, change and ask, per service: the one place to extend for a new service.

A service's ``steps`` are what one host converges, in order. Each step is a ``Resource`` (a resource module, the
options that create it, and what the update phase changes: options, or ABSENT to delete it) or a ``Lookup`` (an
info module whose answer gives an id, such as a base model's, or an analysis whose answer is kept). Option values
may hold ``Name()`` (a name unique to the step and the host; ``Name("label")`` is another step's) and
``Ref("label")`` (the id that step produced). ``info`` gives each info module the option sets it is called with.

Every suite takes the modules from plugins/modules and their options from the modules' own argument specs; this
file only says what to do with them. A module no service lists fails the suites with a message saying what to
add here. A new service is one more ``Service`` in SERVICES.
"""

import base64

COMPARTMENT = "ocid1.compartment.oc1..aaaaaaaareliabilitycompartment"
# Secrets given as module options (the suites grep every output for them); the Hugging Face token is the one a
# GenAI module takes; OCI keys, pass phrases and tokens and the Huawei SK / tokens are made per test run.
HUGGING_FACE_TOKEN = "hf_reliabilitySuiteSecretToken7f3a9c1e5b"
VECTOR_STORE = "ocid1.generativeaivectorstore.oc1.us-chicago-1.amaaaaaareliabilityvectorstore"
ABSENT = "absent"
SUBNET = "ocid1.subnet.oc1.us-chicago-1.aaaaaaaareliabilitysubnet"
CONNECTION = "ocid1.databasetoolsconnection.oc1.us-chicago-1.aaaaaaaareliabilityconnection"


class Ref:
    """The id the step ``label`` produced (a resource's id, or what a Lookup picked)."""

    def __init__(self, label):
        self.label = label

    def __repr__(self):
        return "Ref(%r)" % self.label


class Name:
    """The name of the step ``label`` (None: the step this option belongs to), unique per host."""

    def __init__(self, label=None):
        self.label = label

    def __repr__(self):
        return "Name(%r)" % self.label


class Resource:
    def __init__(self, label, module, create, update=None):
        self.label = label
        self.module = module
        self.create = create
        self.update = update  # options changed by the update phase, ABSENT to delete, None to leave alone


class Lookup:
    """An info-module call whose answer gives an id: ``pick`` is the path to it in the result."""

    def __init__(self, label, module, args, pick):
        self.label = label
        self.module = module
        self.args = args
        self.pick = pick


class Service:
    """One emulated service.

    cloud        ``oci`` or ``huaweicloud`` (the connection options the suites give)
    store_kinds  resource module -> the emulator's store table of its records, to count what exists (None for a
                 module that makes nothing of its own: it follows a work request)
    name_field   the wire field holding the name the steps set; name_fields: module -> another one for that module
    gone_states  lifecycle states of records that count as gone (others count as existing)
    etags        the service offers etags (updates and deletes send if-match)
    not_ids      module -> nested options named ``*_id`` that are not ids of the cloud (free text)
    bad_values   module -> option -> values the module must refuse that its argument spec does not show
    objects      what the emulated Object Storage holds before any step runs (what jobs, trainings and analyses
                 read): dicts of namespace, bucket, name and data (base64) or text, as the emulator's admin API takes
    """

    def __init__(self, name, cloud, steps, info, store_kinds, name_field="displayName", gone_states=("DELETED",),
                 etags=True, not_ids=None, bad_values=None, objects=(), name_fields=None):
        self.name = name
        self.cloud = cloud
        self.steps = steps
        self.info = info
        self.store_kinds = store_kinds
        self.name_field = name_field
        self.name_fields = name_fields or {}
        self.gone_states = gone_states
        self.etags = etags
        self.not_ids = not_ids or {}
        self.bad_values = bad_values or {}
        self.objects = list(objects)

    def name_field_of(self, module):
        return self.name_fields.get(module, self.name_field)

    def modules(self):
        """Every module the service's scenario data covers."""
        return set(self.store_kinds) | set(self.info) | set(one_step.module for one_step in self.steps)


def described(**changes):
    return dict(description="changed by the reliability suite", **changes)


GENAI = Service(
    "genai",
    cloud="oci",
    steps=[
        Lookup("chat_base", "genai_model_info", dict(compartment_id=COMPARTMENT, display_name="cohere.command-r-08-2024"),
               pick=("models", 0, "id")),
        Resource("hosting", "genai_dedicated_ai_cluster",
                 dict(compartment_id=COMPARTMENT, display_name=Name(), type="HOSTING", unit_shape="LARGE_COHERE_V2",
                      unit_count=1, freeform_tags={"suite": "reliability"}),
                 update=described(unit_count=2)),
        Resource("tuning", "genai_dedicated_ai_cluster",
                 dict(compartment_id=COMPARTMENT, display_name=Name(), type="FINE_TUNING", unit_shape="SMALL_COHERE_V2",
                      unit_count=2),
                 update=described(defined_tags={"Operations": {"CostCenter": "42"}})),
        Resource("custom", "genai_model",
                 dict(compartment_id=COMPARTMENT, display_name=Name(), base_model_id=Ref("chat_base"),
                      fine_tune_details=dict(
                          dedicated_ai_cluster_id=Ref("tuning"),
                          training_dataset=dict(namespace_name="reliability", bucket_name="datasets", object_name="train.jsonl"),
                          training_config=dict(training_config_type="LORA_TRAINING_CONFIG", total_training_epochs=3, lora_r=8))),
                 update=described(version="2")),
        Resource("hugging_face", "genai_imported_model",
                 dict(compartment_id=COMPARTMENT, display_name=Name(), vendor="meta", capabilities=["TEXT_TO_TEXT"],
                      data_source=dict(source_type="HUGGING_FACE_MODEL", model_id="meta-llama/Llama-3.2-3B-Instruct",
                                       access_token=HUGGING_FACE_TOKEN)),
                 update=described(freeform_tags={"stage": "updated"})),
        Resource("object_storage", "genai_imported_model",
                 dict(compartment_id=COMPARTMENT, display_name=Name(),
                      data_source=dict(source_type="OBJECT_STORAGE_OBJECT", namespace_name="reliability", bucket_name="models",
                                       prefix_name="llama/")),
                 update=ABSENT),
        Resource("serving_base", "genai_endpoint",
                 dict(compartment_id=COMPARTMENT, display_name=Name(), model_id=Ref("chat_base"),
                      dedicated_ai_cluster_id=Ref("hosting")),
                 update=described(content_moderation_config=dict(is_enabled=True, mode="BLOCK"))),
        Resource("serving_custom", "genai_endpoint",
                 dict(compartment_id=COMPARTMENT, display_name=Name(), model_id=Ref("custom"),
                      dedicated_ai_cluster_id=Ref("hosting")),
                 update=described()),
        Resource("serving_imported", "genai_endpoint",
                 dict(compartment_id=COMPARTMENT, display_name=Name(), model_id=Ref("hugging_face"),
                      dedicated_ai_cluster_id=Ref("hosting")),
                 update=ABSENT),
        Resource("private", "genai_private_endpoint",
                 dict(compartment_id=COMPARTMENT, display_name=Name(), subnet_id=SUBNET, dns_prefix="reliability",
                      resource_type="ENDPOINT"),
                 update=described(is_allow_on_demand=True)),
        Resource("serving_private", "genai_endpoint",
                 dict(compartment_id=COMPARTMENT, display_name=Name(), model_id=Ref("chat_base"),
                      dedicated_ai_cluster_id=Ref("hosting"), generative_ai_private_endpoint_id=Ref("private")),
                 update=ABSENT),
        Resource("api_key", "genai_api_key",
                 dict(compartment_id=COMPARTMENT, display_name=Name(), key_details=[
                     dict(key_name="primary", time_expiry="2027-01-01T00:00:00Z"),
                     dict(key_name="secondary", time_expiry="2027-06-01T00:00:00Z")]),
                 update=described(key_states=dict(secondary="INACTIVE"))),
        Resource("project", "genai_project",
                 dict(compartment_id=COMPARTMENT, display_name=Name(), conversation_config=dict(responses_retention_in_hours=24),
                      sandbox_config=dict(is_enabled=True)),
                 update=described(sandbox_config=dict(is_enabled=True, is_persistence_enabled=True))),
        Resource("warm_pool", "genai_sandbox_warm_pool",
                 dict(project_id=Ref("project"), name=Name(), type="MANAGED", shape="SMALL", desired_capacity=1),
                 update=dict(desired_capacity=2)),
        Resource("routing", "genai_routing_profile",
                 dict(compartment_id=COMPARTMENT, display_name=Name(),
                      region_routing_policy=dict(allowed_regions=["us-chicago-1"])),
                 update=described(model_routing_policy=dict(allowed_models=["cohere.command-r-08-2024"]))),
        Resource("semantic", "genai_semantic_store",
                 dict(compartment_id=COMPARTMENT, display_name=Name(),
                      data_source=dict(querying_connection_id=CONNECTION, enrichment_connection_id=CONNECTION),
                      schemas=dict(schemas=[dict(name="SALES")])),
                 update=described(refresh_schedule=dict(type="INTERVAL", value="PT1H"))),
        Resource("app_cache", "genai_hosted_application_storage",
                 dict(compartment_id=COMPARTMENT, display_name=Name(), storage_type="CACHE")),  # no update call
        Resource("hosted_app", "genai_hosted_application",
                 dict(compartment_id=COMPARTMENT, display_name=Name(),
                      inbound_auth_config=dict(inbound_auth_config_type="NO_AUTH_CONFIG"),
                      storage_configs=[dict(environment_variable_key="CACHE_URL", storage_id=Ref("app_cache"))]),
                 update=described(scaling_config=dict(scaling_type="CPU", max_replica=3))),
        Resource("iam_app", "genai_hosted_application_iam", dict(compartment_id=COMPARTMENT, display_name=Name()),
                 update=described(environment_variables=[dict(name="MODE", type="PLAINTEXT", value="updated")])),
        Resource("deployment", "genai_hosted_deployment",
                 dict(compartment_id=COMPARTMENT, display_name=Name(), hosted_application_id=Ref("hosted_app"),
                      active_artifact=dict(container_uri="iad.ocir.io/reliability/app", tag="1")),
                 update=dict(active_artifact=dict(container_uri="iad.ocir.io/reliability/app", tag="2"),
                             purge_artifacts=True)),
        Resource("connector", "genai_vector_store_connector",
                 dict(compartment_id=COMPARTMENT, display_name=Name(), vector_store_id=VECTOR_STORE,
                      configuration=dict(storage_config_list=[dict(namespace="reliability", bucket_name="kb")])),
                 update=described(schedule_config=dict(config_type="INTERVAL", frequency="DAILY", interval=1))),
        Resource("file_sync", "genai_vector_store_connector_file_sync",
                 dict(vector_store_connector_id=Ref("connector"), display_name=Name())),
    ],
    info={
        "genai_hosted_application_info": [dict(compartment_id=COMPARTMENT, display_name=Name("hosted_app")),
                                          dict(id=Ref("hosted_app"))],
        "genai_hosted_application_iam_info": [dict(compartment_id=COMPARTMENT), dict(id=Ref("iam_app"))],
        "genai_hosted_application_storage_info": [dict(compartment_id=COMPARTMENT, storage_type="CACHE"),
                                                  dict(id=Ref("app_cache"))],
        "genai_hosted_deployment_info": [dict(compartment_id=COMPARTMENT, hosted_application_id=Ref("hosted_app")),
                                         dict(id=Ref("deployment"))],
        "genai_vector_store_connector_info": [dict(compartment_id=COMPARTMENT, display_name=Name("connector")),
                                              dict(id=Ref("connector"), include_stats=True, include_ingestion_logs=True)],
        "genai_vector_store_connector_file_sync_info": [
            dict(compartment_id=COMPARTMENT, vector_store_connector_id=Ref("connector")),
            dict(id=Ref("file_sync"), include_ingestion_logs=True)],
        "genai_dedicated_ai_cluster_info": [dict(compartment_id=COMPARTMENT, display_name=Name("hosting")),
                                            dict(id=Ref("tuning"))],
        "genai_endpoint_info": [dict(compartment_id=COMPARTMENT, lifecycle_state="ACTIVE"), dict(id=Ref("serving_base"))],
        "genai_model_info": [dict(compartment_id=COMPARTMENT, capability=["CHAT"]), dict(id=Ref("custom"))],
        "genai_imported_model_info": [dict(compartment_id=COMPARTMENT, display_name=Name("hugging_face")),
                                      dict(id=Ref("hugging_face"))],
        "genai_work_request_info": [dict(compartment_id=COMPARTMENT, resource_id=Ref("hosting"), include_errors=True,
                                         include_logs=True)],
        "genai_private_endpoint_info": [dict(compartment_id=COMPARTMENT, resource_type="ENDPOINT"), dict(id=Ref("private"))],
        "genai_api_key_info": [dict(compartment_id=COMPARTMENT, display_name=Name("api_key")), dict(id=Ref("api_key"))],
        "genai_project_info": [dict(compartment_id=COMPARTMENT, lifecycle_state="ACTIVE"), dict(id=Ref("project"))],
        "genai_sandbox_warm_pool_info": [dict(project_id=Ref("project"), shape="SMALL"),
                                         dict(project_id=Ref("project"), name=Ref("warm_pool"))],
        "genai_routing_profile_info": [dict(compartment_id=COMPARTMENT), dict(id=Ref("routing"))],
        "genai_semantic_store_info": [dict(data_source_querying_connection_id=CONNECTION), dict(id=Ref("semantic"))],
        "genai_model_discovery_info": [dict(compartment_id=COMPARTMENT, capability=["CHAT"], serving_mode=["DEDICATED"])],
    },
    store_kinds={
        "genai_dedicated_ai_cluster": "genai:DedicatedAiCluster",
        "genai_model": "genai:Model",
        "genai_imported_model": "genai:ImportedModel",
        "genai_endpoint": "genai:Endpoint",
        "genai_private_endpoint": "genai:GenerativeAiPrivateEndpoint",
        "genai_api_key": "genai:ApiKey",
        "genai_project": "genai:GenerativeAiProject",
        "genai_sandbox_warm_pool": "genai:SandboxWarmPool",
        "genai_routing_profile": "genai:RoutingProfile",
        "genai_semantic_store": "genai:SemanticStore",
        "genai_hosted_application": "genai:HostedApplication",
        "genai_hosted_application_iam": "genai:HostedApplicationIam",
        "genai_hosted_application_storage": "genai:HostedApplicationStorage",
        "genai_hosted_deployment": "genai:HostedDeployment",
        "genai_vector_store_connector": "genai:VectorStoreConnector",
        "genai_vector_store_connector_file_sync": "genai:VectorStoreConnectorFileSync",
    },
    objects=[dict(namespace="reliability", bucket="kb", name="faq.txt", text="questions and answers")],
    name_fields={"genai_sandbox_warm_pool": "name"},
    not_ids={"genai_imported_model": ["data_source.model_id"],  # a Hugging Face repository, not an OCID
             "genai_model_discovery_info": ["model_id"],  # a model's name
             "genai_hosted_application": ["inbound_auth_config.idcs_config.client_id"]},  # an identity domain's client
    bad_values={"genai_dedicated_ai_cluster": {"unit_shape": ["LARGE_COHERE_V9", "large_cohere_v2", "", "H100_X3"]}},
)

# what OCI Vision's jobs, trainings and analyses read: a PNG, a PDF, an MP4 and a labelled dataset
VISION_NAMESPACE = "reliability"
VISION_SUBNET = "ocid1.subnet.oc1.us-chicago-1.aaaaaaaareliabilitysubnet"
CAMERA_SECRET = "ocid1.vaultsecret.oc1.us-chicago-1.aaaaaaaareliabilitycamera"
PNG = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")
PDF = base64.b64encode(b"%PDF-1.4\n1 0 obj << /Type /Pages /Count 1 >> endobj\n2 0 obj << /Type /Page >> endobj\n%%EOF\n")
MP4 = "AAAAGGZ0eXBtcDQyAAAAAG1wNDJpc29tAAAACGZyZWU="
VISION_OBJECTS = [
    dict(namespace=VISION_NAMESPACE, bucket="inputs", name="shelf.png", data=PNG),
    dict(namespace=VISION_NAMESPACE, bucket="inputs", name="aisle.png", data=PNG),
    dict(namespace=VISION_NAMESPACE, bucket="inputs", name="invoice.pdf", data=PDF.decode("ascii")),
    dict(namespace=VISION_NAMESPACE, bucket="inputs", name="clip.mp4", data=MP4),
    dict(namespace=VISION_NAMESPACE, bucket="datasets", name="labels.jsonl", text="{}"),
]


def located(name, bucket="inputs"):
    return dict(namespace_name=VISION_NAMESPACE, bucket_name=bucket, object_name=name)


def job(*objects, **options):
    """A batch job's options: its input objects, an output prefix of its own, and ``options``."""
    return dict(compartment_id=COMPARTMENT, display_name=Name(), input_location=dict(object_locations=[
        located(name) for name in objects]), output_location=dict(namespace_name=VISION_NAMESPACE, bucket_name="results",
                                                                  prefix=Name()), **options)


VISION = Service(
    "vision",
    cloud="oci",
    steps=[
        Resource("project", "vision_project",
                 dict(compartment_id=COMPARTMENT, display_name=Name(), description="reliability",
                      freeform_tags={"suite": "reliability"}),
                 update=described(freeform_tags={"stage": "updated"})),
        Resource("spare_project", "vision_project", dict(compartment_id=COMPARTMENT, display_name=Name()), update=ABSENT),
        Resource("detector", "vision_model",
                 dict(compartment_id=COMPARTMENT, display_name=Name(), project_id=Ref("project"),
                      model_type="OBJECT_DETECTION", max_training_duration_in_hours=2.5,
                      training_dataset=dict(dataset_type="DATA_SCIENCE_LABELING",
                                            dataset_id="ocid1.datalabelingdataset.oc1.us-chicago-1.amaaaaaareliability")),
                 update=ABSENT),
        Resource("classifier", "vision_model",
                 dict(compartment_id=COMPARTMENT, display_name=Name(), project_id=Ref("project"),
                      model_type="IMAGE_CLASSIFICATION", is_quick_mode=True,
                      training_dataset=dict(dataset_type="OBJECT_STORAGE", **located("labels.jsonl", "datasets"))),
                 update=described()),
        Lookup("training", "vision_work_request_info",
               dict(compartment_id=COMPARTMENT, resource_id=Ref("classifier"), sort_order="ASC"),
               pick=("work_requests", 0, "id")),
        Resource("training_done", "vision_work_request", dict(id=Ref("training"))),
        Resource("image_job", "vision_image_job",
                 job("shelf.png", "aisle.png", is_zip_output_enabled=True, features=[
                     dict(feature_type="IMAGE_CLASSIFICATION", model_id=Ref("classifier"), max_results=3),
                     dict(feature_type="TEXT_DETECTION", language="ENG")])),
        Resource("faces_job", "vision_image_job",
                 job("shelf.png", features=[dict(feature_type="FACE_DETECTION", should_return_landmarks=True, max_results=5),
                                            dict(feature_type="OBJECT_DETECTION")])),
        Resource("document_job", "vision_document_job",
                 job("invoice.pdf", language="ENG", document_type="INVOICE", features=[
                     dict(feature_type="TEXT_DETECTION", generate_searchable_pdf=True),
                     dict(feature_type="TABLE_DETECTION"), dict(feature_type="KEY_VALUE_DETECTION")])),
        Resource("video_job", "vision_video_job",
                 job("clip.mp4", freeform_tags={"suite": "reliability"}, features=[
                     dict(feature_type="LABEL_DETECTION", model_id=Ref("classifier"), min_confidence=0.5),
                     dict(feature_type="OBJECT_TRACKING")])),
        Resource("private_endpoint", "vision_private_endpoint",
                 dict(compartment_id=COMPARTMENT, display_name=Name(), subnet_id=VISION_SUBNET, description="reliability"),
                 update=described()),
        Resource("stream_source", "vision_stream_source",
                 dict(compartment_id=COMPARTMENT, display_name=Name(), stream_source_details=dict(
                     camera_url="rtsp://10.0.0.5:554/reliability", secret_id=CAMERA_SECRET,
                     stream_network_access_details=dict(private_endpoint_id=Ref("private_endpoint")))),
                 update=dict(freeform_tags={"stage": "updated"})),
        Resource("stream_group", "vision_stream_group",
                 dict(compartment_id=COMPARTMENT, display_name=Name(), is_enabled=True, stream_source_ids=[Ref("stream_source")],
                      stream_overlaps=[dict(overlapping_streams=[Ref("stream_source")])]),
                 update=dict(is_enabled=False)),
        Resource("stream_job", "vision_stream_job",
                 dict(compartment_id=COMPARTMENT, display_name=Name(), stream_source_id=Ref("stream_source"),
                      features=[dict(feature_type="OBJECT_TRACKING", tracking_types=[dict(objects=["person"], max_results=5)]),
                                dict(feature_type="FACE_DETECTION", min_confidence=0.5)],
                      stream_output_location=dict(namespace_name=VISION_NAMESPACE, bucket_name="results", prefix=Name())),
                 update=dict(running_state="started", freeform_tags={"stage": "updated"})),
        Lookup("image_analysis", "vision_analyze_image",
               dict(compartment_id=COMPARTMENT, object_location=located("shelf.png"), features=[
                   dict(feature_type="IMAGE_CLASSIFICATION", model_id=Ref("classifier")),
                   dict(feature_type="FACE_DETECTION", should_return_landmarks=True)]),
               pick=("analysis", "image_classification_model_version")),
        Lookup("document_analysis", "vision_analyze_document",
               dict(compartment_id=COMPARTMENT, object_location=located("invoice.pdf"), document_type="INVOICE",
                    features=[dict(feature_type="TEXT_DETECTION"), dict(feature_type="KEY_VALUE_DETECTION")],
                    output_location=dict(namespace_name=VISION_NAMESPACE, bucket_name="results", prefix="analyses")),
               pick=("analysis", "document_metadata")),
    ],
    info={
        "vision_project_info": [dict(compartment_id=COMPARTMENT, display_name=Name("project")), dict(id=Ref("project"))],
        "vision_model_info": [dict(project_id=Ref("project"), lifecycle_state="ACTIVE"),  # compartmentId is optional
                              dict(id=Ref("classifier"))],
        "vision_work_request_info": [dict(compartment_id=COMPARTMENT, resource_id=Ref("classifier"), include_errors=True,
                                          include_logs=True), dict(id=Ref("training"))],
        "vision_image_job_info": [dict(id=Ref("image_job"))],
        "vision_document_job_info": [dict(id=Ref("document_job"))],
        "vision_video_job_info": [dict(id=Ref("video_job"))],
        "vision_private_endpoint_info": [dict(compartment_id=COMPARTMENT, display_name=Name("private_endpoint")),
                                         dict(id=Ref("private_endpoint"))],
        "vision_stream_source_info": [dict(compartment_id=COMPARTMENT, lifecycle_state="ACTIVE"), dict(id=Ref("stream_source"))],
        "vision_stream_group_info": [dict(compartment_id=COMPARTMENT, sort_by="displayName"), dict(id=Ref("stream_group"))],
        "vision_stream_job_info": [dict(compartment_id=COMPARTMENT, display_name=Name("stream_job")), dict(id=Ref("stream_job"))],
    },
    store_kinds={
        "vision_project": "vision:Project",
        "vision_model": "vision:Model",
        "vision_image_job": "vision:ImageJob",
        "vision_document_job": "vision:DocumentJob",
        "vision_video_job": "vision:VideoJob",
        "vision_work_request": None,
        "vision_private_endpoint": "vision:VisionPrivateEndpoint",
        "vision_stream_source": "vision:StreamSource",
        "vision_stream_group": "vision:StreamGroup",
        "vision_stream_job": "vision:StreamJob",
    },
    bad_values={
        "vision_model": {"max_training_duration_in_hours": [0, -1, -0.25], "project_id": [COMPARTMENT]},
    },
    objects=VISION_OBJECTS,
)


def fabric_version(name, path):
    return dict(name=name, config=dict(llm_model_config=dict(base_model_type=Ref("base"),
                                                             model_path="obs://reliability-models/%s/" % path)))


def mu(low, high):
    return dict(mu=dict(spec_code="mu.llm.small", min=low, max=high))


def job_version(name, spec):
    return dict(name=name, config=dict(python_job_config=dict(resource_spec=spec, main_file_name="main.py",
                                                              working_dir="obs://reliability-jobs/eval/")))


def model_service(low, high):
    return dict(model_instance_config=dict(resource=dict(spec_code="mu.llm.small", min=low, max=high)))


FABRIC = Service(
    "fabric",
    cloud="huaweicloud",
    steps=[
        Lookup("base", "fabric_base_model_info", dict(base_model_type="QWEN2_7B"), pick=("base_models", 0, "base_model_type")),
        Resource("workspace", "fabric_workspace", dict(name=Name(), description="reliability", tags=dict(suite="reliability")),
                 update=described(tags=dict(suite="reliability", phase="update"))),
        Resource("spare_workspace", "fabric_workspace", dict(name=Name(), enterprise_project_id="0"), update=ABSENT),
        Resource("versioned_model", "fabric_model",
                 dict(workspace_id=Ref("workspace"), name=Name(), version=fabric_version("v1", "qwen2-7b")),
                 update=described(version=fabric_version("v2", "qwen2-7b-tuned"), current_version="v2")),
        Resource("model", "fabric_model",
                 dict(workspace_id=Ref("workspace"), name=Name(), description="served", version=fabric_version("v1", "served")),
                 update=described()),
        Resource("spare_model", "fabric_model",
                 dict(workspace_id=Ref("workspace"), name=Name(), version=fabric_version("v1", "spare")), update=ABSENT),
        Lookup("served_version", "fabric_model_info", dict(workspace_id=Ref("workspace"), id=Ref("model")),
               pick=("models", 0, "current_version", "id")),
        Resource("endpoint", "fabric_endpoint",
                 dict(workspace_id=Ref("workspace"), name=Name(), type="inference", reserved_resource=mu(1, 1),
                      cap=dict(cap_id=Ref("model"), version_id=Ref("served_version"))),
                 update=described(reserved_resource=mu(1, 2))),
        Resource("second_endpoint", "fabric_endpoint",
                 dict(workspace_id=Ref("workspace"), name=Name(), type="inference", description="second",
                      reserved_resource=mu(0, 1), cap=dict(cap_id=Ref("model"), version_id=Ref("served_version"))),
                 update=described()),
        Resource("spare_endpoint", "fabric_endpoint",
                 dict(workspace_id=Ref("workspace"), name=Name(), type="service",
                      reserved_resource=dict(dpu=dict(spec_code="dpu.small", warm_up_num=0, max_num=1))),
                 update=ABSENT),
        Resource("notification_policy", "fabric_notification_policy",
                 dict(workspace_id=Ref("workspace"), name_pattern=Name(), notification_types=["FAILED"],
                      topic_urn="urn:smn:cn-north-4:0123456789abcdef0123456789abcdef:reliability")),
        Resource("spare_notification_policy", "fabric_notification_policy",
                 dict(workspace_id=Ref("workspace"), name_pattern=Name(), notification_types=["SUCCESS", "FAILED"],
                      topic_urn="urn:smn:cn-north-4:0123456789abcdef0123456789abcdef:reliability"), update=ABSENT),
        # account-wide settings without an id: calls that find nothing to change (the integration target changes them)
        Lookup("agency", "fabric_agency", dict(policy_types=["FABRIC_AOM_POLICY"], state="absent"),
               pick=("agency", "policy_types")),
        Lookup("agency_info", "fabric_agency_info", dict(policy_type="FABRIC_SMN_POLICY"), pick=("agency", "agency_policies")),
        Lookup("agreement", "fabric_agreement", dict(state="absent"), pick=("agreement", "signed")),
        Lookup("agreement_info", "fabric_agreement_info", {}, pick=("agreement", "rules")),
        Lookup("health", "fabric_health_info", {}, pick=("health", "healthy")),
        Resource("job", "fabric_job",
                 dict(workspace_id=Ref("workspace"), name=Name(), type="PYTHON_JOB", version=job_version("v1", "cpu.2u8g"),
                      current_endpoint_id=Ref("endpoint")),
                 # v1 stays current: the run below runs the version that job_version picks, in every phase
                 update=described(version=job_version("v2", "cpu.4u16g"), current_version="v1")),
        Lookup("job_version", "fabric_job_info", dict(workspace_id=Ref("workspace"), id=Ref("job")),
               pick=("jobs", 0, "current_version", "id")),
        Resource("job_run", "fabric_job_run",
                 dict(workspace_id=Ref("workspace"), name=Name(), job=dict(id=Ref("job"), version_id=Ref("job_version")),
                      endpoint_id=Ref("endpoint"))),
        Resource("service_instance", "fabric_service_instance",
                 dict(workspace_id=Ref("workspace"), name=Name(), endpoint_id=Ref("endpoint"),
                      source=dict(id=Ref("model"), version_id=Ref("served_version")), config=model_service(1, 1)),
                 update=described(config=model_service(1, 2))),
        Resource("spare_service_instance", "fabric_service_instance",
                 dict(workspace_id=Ref("workspace"), name=Name(), endpoint_id=Ref("second_endpoint"),
                      source=dict(id=Ref("model")), config=model_service(0, 1)),
                 update=ABSENT),
    ],
    info={
        "fabric_base_model_info": [dict(base_model_type="QWEN2_7B"), {}],
        "fabric_workspace_info": [dict(name=Name("workspace")), dict(id=Ref("workspace"))],
        "fabric_model_info": [dict(workspace_id=Ref("workspace"), name=Name("model"), include_versions=True),
                              dict(workspace_id=Ref("workspace"), id=Ref("versioned_model"))],
        "fabric_endpoint_info": [dict(workspace_id=Ref("workspace"), type="inference"),
                                 dict(workspace_id=Ref("workspace"), id=Ref("endpoint"), include_previous=True)],
        "fabric_notification_policy_info": [dict(workspace_id=Ref("workspace"), notify_type="FAILED"),
                                            dict(workspace_id=Ref("workspace"), id=Ref("notification_policy"))],
        "fabric_spec_info": [dict(spec_types=["MU", "APU"], scenario="ENDPOINT"), {}],
        "fabric_feature_info": [{}],
        "fabric_job_info": [dict(workspace_id=Ref("workspace"), name=Name("job"), include_versions=True),
                            dict(workspace_id=Ref("workspace"), id=Ref("job"))],
        "fabric_job_run_info": [dict(workspace_id=Ref("workspace"), job_id=Ref("job"), status="SUCCEEDED"),
                                dict(workspace_id=Ref("workspace"), id=Ref("job_run"))],
        "fabric_service_instance_info": [dict(workspace_id=Ref("workspace"), endpoint_id=Ref("endpoint")),
                                         dict(workspace_id=Ref("workspace"), id=Ref("service_instance"))],
    },
    store_kinds={
        "fabric_workspace": "FabricWorkspace",
        "fabric_model": "FabricModel",
        "fabric_endpoint": "FabricEndpoint",
        "fabric_notification_policy": "FabricMessagePolicy",
        "fabric_job": "FabricJob",
        "fabric_job_run": "FabricJobRun",
        "fabric_service_instance": "FabricServiceInstance",
    },
    name_field="name",
    name_fields={"fabric_notification_policy": "name_pattern"},
    gone_states=(),
    etags=False,
    not_ids={"fabric_endpoint": ["cache_list.cache_ins_id"],  # a distributed cache's id: no format documented
             "fabric_workspace_info": ["enterprise_project_id"],  # a filter: an id, or all_granted_eps
             # Ray's own submission id, and LakeFormation's ids (no format documented)
             "fabric_job": ["version.config.ray_job_config.submission_id", "version.config.spark_job_config.metastore_id",
                            "version.config.spark_job_config.metastore_catalog_id"]},
    bad_values={
        "fabric_workspace": {"name": ["abc", "has space", "under_score", "x" * 33], "description": ["x" * 256],
                             "metastore_id": ["too-short", "x" * 37]},
        "fabric_model": {"name": ["x" * 65, "a/b"], "version.name": ["x" * 65, "a/b"], "current_version": ["a/b"],
                         "version.config.llm_model_config.model_path": ["s3://bucket/model", "obs://B/x", "obs://bucket"]},
        "fabric_notification_policy": {"name_pattern": ["a b", "x" * 129], "topic_urn": ["urn:smn:x", "topic"],
                                       "notification_types": [[], ["FAILED", "FAILED"]]},
        "fabric_endpoint": {"name": ["x" * 129, "a/b", "a.b", "a b"], "reserved_resource.mu.min": [-1, 5],
                            "reserved_resource.apu.warm_up_num": [-1], "custom_image_id": ["image-1", "x" * 37]},
        "fabric_job": {"name": ["x" * 65, "a/b"], "version.name": ["x" * 65, "a/b"], "current_version": ["a/b"],
                       "current_endpoint_id": ["endpoint-1", "x" * 37], "version.config.timeout_seconds": [-1]},
        "fabric_job_run": {"name": ["x" * 65, "a/b"], "job.version_id": ["v1", "x" * 37]},
        "fabric_workspace_info": {"enterprise_project_id": ["a b", "a/b", "eps.1", "x" * 37]},
        "fabric_service_instance": {"name": ["x" * 65, "a/b"], "config.model_instance_config.resource.min": [-1, 5],
                                    "config.model_instance_config.resource.max": [0, 1001],
                                    "config.pgsql_instance_config.coordinator_port": [0, 65536]},
    },
)

SERVICES = [GENAI, VISION, FABRIC]
