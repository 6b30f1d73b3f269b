# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""OCI Generative AI hosted applications (with their storages and deployments) and vector store connectors (with
their file syncs), described as data for the resource engine."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

from ansible_collections.cloudai.control.plugins.module_utils.behaviours import Behaviour, Move, StartOnce
from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import check_variant
from ansible_collections.cloudai.control.plugins.module_utils.oci_module import (
    COMPARTMENT, DISPLAY_NAME, DISPLAY_NAME_FILTER, READ_ONLY, SERVICE_TAG_NAMESPACES, SORT_ORDER, TAGS, check_ocid,
)
from ansible_collections.cloudai.control.plugins.module_utils.spec import Field, Filter, Lifecycle, ResourceSpec, camel_to_snake, to_wire

APP_STATES = ["CREATING", "ACTIVE", "UPDATING", "DELETING", "DELETED", "FAILED"]
DEPLOYMENT_STATES = ["CREATING", "NEEDS_ATTENTION", "ACTIVE", "INACTIVE", "UPDATING", "DELETING", "DELETED", "FAILED"]
SYNC_STATES = ["ACCEPTED", "IN_PROGRESS", "FAILED", "SUCCEEDED", "CANCELING", "CANCELED"]
LIFECYCLE = Lifecycle(ready=["ACTIVE"], failed=["FAILED"], deleting=["DELETING"], gone=["DELETED"])
APP_FILTERS = {
    "display_name": DISPLAY_NAME_FILTER,
    "lifecycle_state": Filter("lifecycleState", choices=APP_STATES),
    "sort_by": Filter("sortBy", choices=["timeCreated", "displayName", "lifecycleState"]),
    "sort_order": SORT_ORDER,
}


def _ocid_of(*types):
    return lambda value, option: check_ocid(value, option, types)


def _ocids_at(paths):
    """A check of the OCIDs at dotted ``paths`` (-> their OCID types) inside a dict option, or each dict of a list."""
    def check(value, option):
        items = [(item, "%s[%d]" % (option, index)) for index, item in enumerate(value)] if isinstance(value, list) \
            else [(value, option)]
        problems = []
        for item, where in items:
            for path, types in sorted(paths.items()):
                found = item
                for part in path.split("."):
                    found = found.get(part) if isinstance(found, dict) else None
                problems += [check_ocid(one, "%s.%s" % (where, path), types)
                             for one in (found if isinstance(found, list) else [found]) if one is not None]
        return "; ".join(p for p in problems if p) or None
    return check


def _replicas(value, option):
    low, high = value.get("min_replica"), value.get("max_replica")
    if low is not None and high is not None and low > high:
        return "%s.min_replica (%s) must not be more than %s.max_replica (%s)" % (option, low, option, high)
    return None


SCALING_CONFIG = Field("scalingConfig", type="dict", check=_replicas, options=dict(
    scaling_type=dict(type="str", required=True, choices=["CPU", "MEMORY", "CONCURRENCY", "REQUESTS_PER_SECOND"]),
    min_replica=dict(type="int"),
    max_replica=dict(type="int"),
    target_cpu_threshold=dict(type="int"),
    target_memory_threshold=dict(type="int"),
    target_concurrency_threshold=dict(type="int"),
    target_rps_threshold=dict(type="int"),
))
NETWORKING_CONFIG = Field("networkingConfig", type="dict", updatable=False, check=_ocids_at({
    "inbound_networking_config.private_endpoint_id": ("generativeaiprivateendpoint",),
    "outbound_networking_config.custom_subnet_id": ("subnet",),
    "outbound_networking_config.nsg_ids": ("networksecuritygroup",),
}), options=dict(
    inbound_networking_config=dict(type="dict", required=True, options=dict(
        endpoint_mode=dict(type="str", required=True, choices=["PUBLIC", "PRIVATE"]),
        private_endpoint_id=dict(type="str"),
    )),
    outbound_networking_config=dict(type="dict", required=True, options=dict(
        network_mode=dict(type="str", required=True, choices=["MANAGED", "CUSTOM"]),
        custom_subnet_id=dict(type="str"),
        nsg_ids=dict(type="list", elements="str"),
    )),
))
STORAGE_CONFIGS = Field("storageConfigs", type="list", elements="dict", updatable=False, check=_ocids_at({
    "storage_id": ("generativeaihostedapplicationstorage",)}), options=dict(
    environment_variable_key=dict(type="str", required=True, no_log=False),  # the name of a variable, not a secret
    storage_id=dict(type="str", required=True),
))
ENVIRONMENT_VARIABLES = Field("environmentVariables", type="list", elements="dict", options=dict(
    name=dict(type="str", required=True),
    type=dict(type="str", required=True, choices=["PLAINTEXT", "VAULT"]),
    value=dict(type="str", required=True),
))


def _application(kind, label, path, ocid_type, read_only=READ_ONLY, **extra_fields):
    """A hosted application (or an IAM one): what they share, and the fields only one of them has."""
    fields = {
        "description": Field("description"),
        "scaling_config": SCALING_CONFIG,
        "networking_config": NETWORKING_CONFIG,
        "storage_configs": STORAGE_CONFIGS,
        "environment_variables": ENVIRONMENT_VARIABLES,
    }
    fields.update(extra_fields)
    return ResourceSpec(kind=kind, label=label, path=path, ocid_type=ocid_type, scope=COMPARTMENT, name=DISPLAY_NAME,
                        behaviours=[Move()], fields=fields, tags=TAGS, protected_tag_namespaces=SERVICE_TAG_NAMESPACES,
                        lifecycle=LIFECYCLE, read_only=read_only, filters=APP_FILTERS)


def _inbound_auth(value, option):
    wrong_id = _ocids_at({"idcs_config.client_secret_vault_id": ("vaultsecret",)})(value, option)
    if wrong_id:
        return wrong_id
    if value["inbound_auth_config_type"] == "NO_AUTH_CONFIG" and value.get("idcs_config"):
        return "%s.idcs_config does not apply to inbound_auth_config_type NO_AUTH_CONFIG" % option
    if value["inbound_auth_config_type"] != "NO_AUTH_CONFIG" and not value.get("idcs_config"):
        return "%s.idcs_config is required with inbound_auth_config_type %s" % (option, value["inbound_auth_config_type"])
    return None


HOSTED_APPLICATION = _application(
    "hosted_application", "hosted application", "/hostedApplications", "generativeaihostedapplication",
    read_only=READ_ONLY + ("application_endpoint",),
    inbound_auth_config=Field("inboundAuthConfig", type="dict", required_for_create=True, check=_inbound_auth, options=dict(
        inbound_auth_config_type=dict(type="str", required=True,
                                      choices=["IDCS_AUTH_CONFIG", "IDCS_SESSION_AUTH_CONFIG", "NO_AUTH_CONFIG"]),
        idcs_config=dict(type="dict", options=dict(
            domain_url=dict(type="str", required=True),
            scope=dict(type="str", required=True),
            audience=dict(type="str"),
            client_id=dict(type="str"),
            client_secret_vault_id=dict(type="str"),
        )),
    )),
    public_access_path_patterns=Field("publicAccessPathPatterns", type="list", elements="str"),
)
HOSTED_APPLICATION_IAM = _application(
    "hosted_application_iam", "IAM hosted application", "/hostedApplicationsIam", "generativeaihostedapplicationiam")

HOSTED_APPLICATION_STORAGE = ResourceSpec(
    kind="hosted_application_storage",
    label="hosted application storage",
    path="/hostedApplicationStorages",
    ocid_type="generativeaihostedapplicationstorage",
    scope=COMPARTMENT,
    name=DISPLAY_NAME,
    behaviours=[Move()],
    fields={
        "storage_type": Field("storageType", updatable=False, required_for_create=True, choices=["CACHE", "POSTGRESQL", "ADB"]),
        "description": Field("description", updatable=False),
    },
    tags=TAGS,
    protected_tag_namespaces=SERVICE_TAG_NAMESPACES,
    lifecycle=LIFECYCLE,
    immutable=True,
    change_hint="the service has no update call for a storage: create another one instead",
    read_only=READ_ONLY + ("application_ids",),
    filters=dict(APP_FILTERS, storage_type=Filter("hostedApplicationStorageType", choices=["CACHE", "POSTGRESQL", "ADB"])),
)

ARTIFACT_KEYS = ("artifactType", "containerUri", "tag")


def _same_artifact(artifact, want):
    return all((artifact or {}).get(key) == want.get(key) for key in ARTIFACT_KEYS)


def _artifact_view(artifact):
    """An artifact as diffs show it: the image it runs."""
    return dict((camel_to_snake(key), artifact[key]) for key in ARTIFACT_KEYS if key in (artifact or {}))


class ActiveArtifact(Behaviour):
    """A hosted deployment serves one of its artifacts: the option ``active_artifact`` is added to the deployment's
    artifacts (add artifact) when none is the same image, then made the active one (update); ``purge_artifacts``
    deletes the others (delete artifact)."""

    @staticmethod
    def wanted(params):
        given = params.get("active_artifact")
        if not given:
            return None
        keys = ("artifact_type", "container_uri", "tag", "is_vulnerability_scan_required")
        return to_wire(dict((key, given.get(key)) for key in keys))

    def create_fields(self, params):
        want = self.wanted(params)
        return {"activeArtifact": want} if want else {}

    def converge(self, engine, resource, created):
        want, purge = self.wanted(engine.params), engine.params.get("purge_artifacts")
        spec, client = engine.spec, engine.client
        changed, before, after = False, {}, {}
        artifacts = resource.get("artifacts") or []
        if want and not created and not _same_artifact(resource.get("activeArtifact"), want):
            changed = True
            before["active_artifact"], after["active_artifact"] = _artifact_view(resource.get("activeArtifact")), _artifact_view(want)
            if engine.check_mode:
                added = [] if any(_same_artifact(a, want) for a in artifacts) else [want]
                resource = dict(resource, activeArtifact=want, artifacts=artifacts + added)
            else:
                resource = self.activate(engine, resource, want)
        active = resource.get("activeArtifact")
        stale = [a for a in resource.get("artifacts") or [] if purge and not _same_artifact(a, active)]
        if not stale:
            return resource, changed, before, after
        kept = [a for a in resource["artifacts"] if a not in stale]
        before["artifacts"], after["artifacts"] = [_artifact_view(a) for a in artifacts], [_artifact_view(a) for a in kept]
        if engine.check_mode:
            return dict(resource, artifacts=kept), True, before, after
        for artifact in stale:
            client.remove_child(spec, resource, "artifacts", artifact["id"])
            engine.mutated = True
        return engine.settle(client.read(spec, resource["id"])[0], None), True, before, after

    @staticmethod
    def activate(engine, resource, want):
        """Add the artifact unless the deployment has that image, then make it the active one (sending the etag)."""
        spec, client = engine.spec, engine.client
        if not any(_same_artifact(a, want) for a in resource.get("artifacts") or []):
            work_request_id = client.add_child(spec, resource, "artifacts", {"artifact": want})
            engine.mutated = True
            engine.settle(resource, work_request_id)
        resource, etag = client.read(spec, resource["id"])
        match = next((a for a in resource.get("artifacts") or [] if _same_artifact(a, want)), want)
        chosen = dict((key, value) for key, value in match.items() if key in ARTIFACT_KEYS + ("id", "isVulnerabilityScanRequired"))
        answer, work_request_id = engine.mutate(resource["id"], lambda: client.update(spec, resource, {"activeArtifact": chosen}, etag),
                                                lambda seen: _same_artifact(seen.get("activeArtifact"), want))
        return engine.settle(answer or dict(resource, activeArtifact=chosen), work_request_id)


ARTIFACT_OPTIONS = dict(
    artifact_type=dict(type="str", default="SIMPLE_DOCKER_ARTIFACT", choices=["SIMPLE_DOCKER_ARTIFACT"]),
    container_uri=dict(type="str", required=True),
    tag=dict(type="str", required=True),
    is_vulnerability_scan_required=dict(type="bool"),
    # what the info module returns about an artifact: accepted and ignored
    id=dict(type="str"),
    status=dict(type="str"),
    time_created=dict(type="str"),
    hosted_deployment_id=dict(type="str"),
)

HOSTED_DEPLOYMENT = ResourceSpec(
    kind="hosted_deployment",
    label="hosted deployment",
    path="/hostedDeployments",
    ocid_type="generativeaihosteddeployment",
    scope=COMPARTMENT,
    name=DISPLAY_NAME,
    behaviours=[ActiveArtifact()],
    fields={
        "hosted_application_id": Field("hostedApplicationId", updatable=False, required_for_create=True,
                                       check=_ocid_of(HOSTED_APPLICATION.ocid_type, HOSTED_APPLICATION_IAM.ocid_type)),
        "active_artifact": Field(None, type="dict", required_for_create=True, options=ARTIFACT_OPTIONS, check=_ocids_at({
            "id": "any", "hosted_deployment_id": ("generativeaihosteddeployment",)})),
        "purge_artifacts": Field(None, type="bool", default=False),
    },
    tags=TAGS,
    protected_tag_namespaces=SERVICE_TAG_NAMESPACES,
    lifecycle=Lifecycle(ready=["ACTIVE", "INACTIVE"], failed=["FAILED", "NEEDS_ATTENTION"], deleting=["DELETING"],
                        gone=["DELETED"]),
    read_only=READ_ONLY + ("artifacts",),
    renamable=False,  # UpdateHostedDeploymentDetails has no displayName
    name_listed=False,
    filters={
        "display_name": DISPLAY_NAME_FILTER,
        "hosted_application_id": Filter("applicationId",
                                        check=_ocid_of(HOSTED_APPLICATION.ocid_type, HOSTED_APPLICATION_IAM.ocid_type)),
        "lifecycle_state": Filter("lifecycleState", choices=DEPLOYMENT_STATES),
        "sort_by": Filter("sortBy", choices=["timeCreated", "displayName", "lifecycleState"]),
        "sort_order": SORT_ORDER,
    },
)

SCHEDULE_VARIANTS = {
    "INTERVAL": (("frequency", "interval"), ("state", "time_start", "time_end")),
    "CRON": (("cron_expression",), ("state", "time_start", "time_end")),
}


def _part(part, key):
    def fetch(client, resource):
        return key, client.part(VECTOR_STORE_CONNECTOR, resource, part)
    return fetch


def _children(spec, part):
    def fetch(client, resource):
        return part, list(client.children(spec, resource, part))
    return fetch


VECTOR_STORE_CONNECTOR = ResourceSpec(
    kind="vector_store_connector",
    label="vector store connector",
    path="/vectorStoreConnectors",
    ocid_type="generativeaivectorstoreconnector",
    scope=COMPARTMENT,
    name=DISPLAY_NAME,
    fields={
        "vector_store_id": Field("vectorStoreId", updatable=False, required_for_create=True,
                                 check=lambda value, option: check_ocid(value, option, "any")),
        "description": Field("description"),
        "configuration": Field("configuration", type="dict", required_for_create=True, options=dict(
            type=dict(type="str", default="OBJECT_STORAGE_FILES", choices=["OBJECT_STORAGE_FILES"]),
            storage_config_list=dict(type="list", elements="dict", required=True, options=dict(
                namespace=dict(type="str", required=True),
                bucket_name=dict(type="str", required=True),
                prefix_list=dict(type="list", elements="str"),
            )),
        )),
        "schedule_config": Field("scheduleConfig", type="dict", check=check_variant("config_type", SCHEDULE_VARIANTS), options=dict(
            config_type=dict(type="str", required=True, choices=sorted(SCHEDULE_VARIANTS)),
            state=dict(type="str", choices=["ENABLED", "DISABLED"]),
            time_start=dict(type="str"),
            time_end=dict(type="str"),
            frequency=dict(type="str", choices=["HOURLY", "DAILY"]),
            interval=dict(type="int"),
            cron_expression=dict(type="str"),
        )),
        "vault_secret_id": Field("vaultSecretId", updatable=False,
                                 check=lambda value, option: check_ocid(value, option, ("vaultsecret",))),
    },
    tags=TAGS,
    protected_tag_namespaces=SERVICE_TAG_NAMESPACES,
    lifecycle=LIFECYCLE,
    read_only=READ_ONLY + ("tenant_id", "stats", "ingestion_logs"),
    filters={
        "display_name": DISPLAY_NAME_FILTER,
        "vector_store_id": Filter("vectorStoreId", check=lambda value, option: check_ocid(value, option, "any")),
        "lifecycle_state": Filter("lifecycleState", choices=["ACTIVE", "CREATING", "UPDATING", "DELETING", "DELETED",
                                                             "FAILED"]),
        "sort_by": Filter("sortBy", choices=["name", "timeCreated"]),
        "sort_order": SORT_ORDER,
    },
)
VECTOR_STORE_CONNECTOR.includes = {
    "include_stats": _part("stats", "stats"),
    "include_ingestion_logs": _children(VECTOR_STORE_CONNECTOR, "ingestionLogs"),
}

# A file sync is started once per connector and name (StartOnce, the scope of its retry token being the connector):
# its create body takes no compartment, so its compartment is no option of the resource module.
VECTOR_STORE_CONNECTOR_FILE_SYNC = ResourceSpec(
    kind="vector_store_connector_file_sync",
    label="vector store connector file sync",
    path="/vectorStoreConnectorFileSyncs",
    ocid_type="generativeaivectorstoreconnectorfilesync",
    name=DISPLAY_NAME,
    fields={
        "vector_store_connector_id": Field("vectorStoreConnectorId", updatable=False, required_for_create=True,
                                           check=_ocid_of(VECTOR_STORE_CONNECTOR.ocid_type)),
    },
    tags=TAGS,
    protected_tag_namespaces=SERVICE_TAG_NAMESPACES,
    lifecycle=Lifecycle(ready=["SUCCEEDED"], failed=["FAILED"], deleting=["CANCELING"], gone=["CANCELED"],
                        stopped=["SUCCEEDED", "FAILED", "CANCELED"]),
    behaviours=[StartOnce(accepted_key="timeCreated", scope_option="vector_store_connector_id")],
    immutable=True,
    replace_hint="a file sync cannot run again: leave out id to start a new one (a display_name whose last file sync "
                 "failed or was cancelled starts a new one)",
    change_hint="a file sync cannot be changed: start a new one under another display_name instead",
    read_only=("lifecycle_state", "lifecycle_details", "time_created", "system_tags", "compartment_id", "tenant_id",
               "time_started", "time_ended", "duration_in_seconds", "trigger_type", "stats", "ingestion_logs"),
)

# the info module lists a compartment's file syncs (the list call requires compartmentId)
VECTOR_STORE_CONNECTOR_FILE_SYNC_LISTING = copy.copy(VECTOR_STORE_CONNECTOR_FILE_SYNC)
VECTOR_STORE_CONNECTOR_FILE_SYNC_LISTING.scope = COMPARTMENT
VECTOR_STORE_CONNECTOR_FILE_SYNC_LISTING.behaviours = ()
VECTOR_STORE_CONNECTOR_FILE_SYNC_LISTING.filters = {
    "display_name": DISPLAY_NAME_FILTER,
    "vector_store_connector_id": Filter("vectorStoreConnectorId", check=_ocid_of(VECTOR_STORE_CONNECTOR.ocid_type)),
    "lifecycle_state": Filter("lifecycleState", choices=SYNC_STATES),
    "sort_by": Filter("sortBy", choices=["displayName", "timeCreated"]),
    "sort_order": SORT_ORDER,
}
VECTOR_STORE_CONNECTOR_FILE_SYNC_LISTING.includes = {
    "include_ingestion_logs": _children(VECTOR_STORE_CONNECTOR_FILE_SYNC, "ingestionLogs"),
}
