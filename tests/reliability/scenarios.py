"""What the reliability suites converge, change and ask, per service: the one place to extend for a new service.

A service's ``steps`` are what one host converges, in order. Each step is a ``Resource`` (a resource module, the
options that create it, and what the update phase changes: options, or ABSENT to delete it) or a ``Lookup`` (an
info module whose answer gives an id, such as a base model's). Option values may hold ``Name()`` (a name unique
to the step and the host; ``Name("label")`` is another step's) and ``Ref("label")`` (the id that step produced).
``info`` gives each info module the option sets it is called with.

Every suite takes the modules from plugins/modules and their options from the modules' own argument specs; this
file only says what to do with them. A module no service lists fails the suites with a message saying what to
add here. Adding OCI Vision or DataArts Fabric is one more ``Service`` in SERVICES:

    Service("vision", cloud="oci", steps=[Resource("project", "vision_project", dict(compartment_id=COMPARTMENT,
            display_name=Name()), update=dict(description="changed")), ...], info={"vision_project_info":
            [dict(compartment_id=COMPARTMENT)]}, store_kinds={"vision_project": "Project"})
"""

COMPARTMENT = "ocid1.compartment.oc1..aaaaaaaareliabilitycompartment"
# Secrets given as module options (the suites grep every output for them); the Hugging Face token is the one a
# GenAI module takes; OCI keys, pass phrases and tokens and the Huawei SK / tokens are made per test run.
HUGGING_FACE_TOKEN = "hf_reliabilitySuiteSecretToken7f3a9c1e5b"
ABSENT = "absent"


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
    store_kinds  resource module -> the emulator's record kind, to count what exists
    name_field   the wire field holding the name the steps set
    gone_states  lifecycle states of records that count as gone (others count as existing)
    etags        the service offers etags (updates and deletes send if-match)
    not_ids      module -> nested options named ``*_id`` that are not ids of the cloud (free text)
    bad_values   module -> option -> values the module must refuse that its argument spec does not show
    """

    def __init__(self, name, cloud, steps, info, store_kinds, name_field="displayName", gone_states=("DELETED",),
                 etags=True, not_ids=None, bad_values=None):
        self.name = name
        self.cloud = cloud
        self.steps = steps
        self.info = info
        self.store_kinds = store_kinds
        self.name_field = name_field
        self.gone_states = gone_states
        self.etags = etags
        self.not_ids = not_ids or {}
        self.bad_values = bad_values or {}


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
    ],
    info={
        "genai_dedicated_ai_cluster_info": [dict(compartment_id=COMPARTMENT, display_name=Name("hosting")),
                                            dict(id=Ref("tuning"))],
        "genai_endpoint_info": [dict(compartment_id=COMPARTMENT, lifecycle_state="ACTIVE"), dict(id=Ref("serving_base"))],
        "genai_model_info": [dict(compartment_id=COMPARTMENT, capability=["CHAT"]), dict(id=Ref("custom"))],
        "genai_imported_model_info": [dict(compartment_id=COMPARTMENT, display_name=Name("hugging_face")),
                                      dict(id=Ref("hugging_face"))],
        "genai_work_request_info": [dict(compartment_id=COMPARTMENT, resource_id=Ref("hosting"), include_errors=True,
                                         include_logs=True)],
    },
    store_kinds={
        "genai_dedicated_ai_cluster": "DedicatedAiCluster",
        "genai_model": "Model",
        "genai_imported_model": "ImportedModel",
        "genai_endpoint": "Endpoint",
    },
    not_ids={"genai_imported_model": ["data_source.model_id"]},  # a Hugging Face repository, not an OCID
    bad_values={"genai_dedicated_ai_cluster": {"unit_shape": ["LARGE_COHERE_V9", "large_cohere_v2", "", "H100_X3"]}},
)

SERVICES = [GENAI]
