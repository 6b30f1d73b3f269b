# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""OCI Generative AI access and organisation: private endpoints, API keys, projects and their sandbox warm pools,
routing profiles, semantic stores and the model discovery listing, described as data for the resource engine."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.cloudai.control.plugins.module_utils.behaviours import Behaviour, Move
from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import check_variant
from ansible_collections.cloudai.control.plugins.module_utils.genai import MODEL_CAPABILITIES, _endpoints_using
from ansible_collections.cloudai.control.plugins.module_utils.oci_module import (
    COMPARTMENT, DISPLAY_NAME, DISPLAY_NAME_FILTER, READ_ONLY, SERVICE_TAG_NAMESPACES, SORT_ORDER, TAGS, check_ocid,
)
from ansible_collections.cloudai.control.plugins.module_utils.spec import Field, Filter, Key, Lifecycle, ResourceError, ResourceSpec

STATES = ["ACTIVE", "CREATING", "UPDATING", "DELETING", "DELETED", "FAILED"]
LIFECYCLE = Lifecycle(ready=["ACTIVE"], failed=["FAILED"], deleting=["DELETING"], gone=["DELETED"])
NAME_SORT = Filter("sortBy", choices=["displayName", "timeCreated"])


def _common_filters(states=None, sort_by=NAME_SORT, **more):
    filters = dict(display_name=DISPLAY_NAME_FILTER, lifecycle_state=Filter("lifecycleState", choices=states or STATES),
                   sort_by=sort_by, sort_order=SORT_ORDER)
    filters.update(more)
    return filters


def _spec(kind, label, path, ocid_type, fields, read_only=(), behaviours=(), **more):
    """A Generative AI resource of a compartment, found by display name, with tags, that moves."""
    return ResourceSpec(kind=kind, label=label, path=path, ocid_type=ocid_type, scope=COMPARTMENT, name=DISPLAY_NAME,
                        fields=dict(fields, description=Field("description")), tags=TAGS,
                        protected_tag_namespaces=SERVICE_TAG_NAMESPACES, lifecycle=more.pop("lifecycle", LIFECYCLE),
                        read_only=READ_ONLY + tuple(read_only), behaviours=[Move()] + list(behaviours), **more)


def _ocids(kind):
    def check(value, option):
        return "; ".join(p for p in (check_ocid(v, "%s[%d]" % (option, i), kind) for i, v in enumerate(value)) if p) or None
    return check


def _dns_prefix(resource):
    """The service answers the fully qualified name (fqdn), never the dnsPrefix it was given."""
    return resource.get("dnsPrefix") or (resource.get("fqdn") or "").split(".", 1)[0] or None


PRIVATE_ENDPOINT = _spec(
    "private_endpoint", "Generative AI private endpoint", "/generativeAiPrivateEndpoints", "generativeaiprivateendpoint",
    fields={
        "subnet_id": Field("subnetId", updatable=False, required_for_create=True,
                           check=lambda value, option: check_ocid(value, option, ("subnet",))),
        "dns_prefix": Field("dnsPrefix", required_for_create=True, compare=lambda want, resource: _dns_prefix(resource) != want,
                            view=_dns_prefix),
        "nsg_ids": Field("nsgIds", type="list", elements="str", unordered=True, check=_ocids(("networksecuritygroup",))),
        "is_allow_on_demand": Field("isAllowOnDemand", type="bool"),
        "resource_type": Field("resourceType", updatable=False, choices=["APPLICATION", "ENDPOINT"]),
    },
    read_only=("fqdn", "private_endpoint_ip", "previous_state", "security_attributes"),
    in_use=_endpoints_using("generativeAiPrivateEndpointId"),
    filters=_common_filters(sort_by=Filter("sortBy", choices=["timeCreated"]),
                            resource_type=Filter("resourceType", choices=["APPLICATION", "ENDPOINT"])),
)

PROJECT = _spec(
    "project", "Generative AI project", "/generativeAiProjects", "generativeaiproject",
    fields={
        "conversation_config": Field("conversationConfig", type="dict", options=dict(
            responses_retention_in_hours=dict(type="int"),
            conversations_retention_in_hours=dict(type="int"),
        )),
        "sandbox_config": Field("sandboxConfig", type="dict", options=dict(
            is_enabled=dict(type="bool", required=True),
            is_persistence_enabled=dict(type="bool"),
            warm_pool_config=dict(type="dict", options=dict(
                small_count=dict(type="int"), medium_count=dict(type="int"), large_count=dict(type="int"))),
        )),
    },
    read_only=("long_term_memory_config", "short_term_memory_optimization_config"),
    filters=_common_filters(),
)

ROUTING_PROFILE = _spec(
    "routing_profile", "routing profile", "/routingProfiles", "generativeairoutingprofile",
    fields={
        "region_routing_policy": Field("regionRoutingPolicy", type="dict", options=dict(
            allowed_regions=dict(type="list", elements="str", required=True))),
        "model_routing_policy": Field("modelRoutingPolicy", type="dict", options=dict(
            allowed_models=dict(type="list", elements="str", required=True))),
    },
    read_only=("previous_state",),
    filters=_common_filters(),
)

MODEL_SELECTION_FIELDS = {"DEFAULT": ((), ()), "CUSTOM": (("model_id",), ())}
REFRESH_FIELDS = {"INTERVAL": (("value",), ()), "ON_CREATE": ((), ()), "NONE": ((), ())}
DATABASE_TOOLS = "DATABASE_TOOLS_CONNECTION"


def _model_selection(value, option):
    problems = [check_variant("model_selection_type", MODEL_SELECTION_FIELDS)(value, option)]
    if value.get("model_id") is not None:
        problems.append(check_ocid(value["model_id"], option + ".model_id", "any"))
    return "; ".join(p for p in problems if p) or None


SEMANTIC_STORE = _spec(
    "semantic_store", "semantic store", "/semanticStores", "generativeaisemanticstore",
    fields={
        "data_source": Field("dataSource", type="dict", updatable=False, required_for_create=True, options=dict(
            connection_type=dict(type="str", default=DATABASE_TOOLS, choices=[DATABASE_TOOLS]),
            querying_connection_id=dict(type="str", required=True),
            enrichment_connection_id=dict(type="str", required=True),
        ), check=lambda value, option: "; ".join(p for p in (
            check_ocid(value[key], "%s.%s" % (option, key), ("databasetoolsconnection",))
            for key in ("querying_connection_id", "enrichment_connection_id")) if p) or None),
        "schemas": Field("schemas", type="dict", required_for_create=True, options=dict(
            connection_type=dict(type="str", default=DATABASE_TOOLS, choices=[DATABASE_TOOLS]),
            schemas=dict(type="list", elements="dict", required=True, options=dict(name=dict(type="str", required=True))),
        )),
        "is_user_defined_semantics_enabled": Field("isUserDefinedSemanticsEnabled", type="bool"),
        "model_selection": Field("modelSelection", type="dict", check=_model_selection,
                                 options=dict(model_selection_type=dict(type="str", required=True, choices=sorted(MODEL_SELECTION_FIELDS)),
                                              model_id=dict(type="str"))),
        "refresh_schedule": Field("refreshSchedule", type="dict", check=check_variant("type", REFRESH_FIELDS), options=dict(
            type=dict(type="str", required=True, choices=sorted(REFRESH_FIELDS)),
            value=dict(type="str"),
        )),
    },
    list_scope_optional=True,
    filters=_common_filters(data_source_querying_connection_id=Filter("dataSourceQueryingConnectionId")),
)


KEY_STATES = ["ACTIVE", "INACTIVE"]


def _key_details(resource):
    """The keys are given as keyDetails and answered as keys."""
    if "keyDetails" in resource:
        return resource["keyDetails"]
    return [dict(keyName=k.get("keyName"), timeExpiry=k.get("timeExpiry")) for k in resource.get("keys") or []] or None


def _key_names_differ(want, resource):
    """The same key names, whatever their expiry now is (a renewal changes it)."""
    return sorted(k["keyName"] for k in want) != sorted(k["keyName"] for k in _key_details(resource) or [])


def _key_states(value, option):
    wrong = ["%s.%s must be %s, got %r" % (option, name, " or ".join(KEY_STATES), state)
             for name, state in sorted(value.items()) if state not in KEY_STATES]
    return "; ".join(wrong) or None


class ApiKeyItems(Behaviour):
    """The keys of an API key: each one switched on or off with the ``setstate`` action (``key_states``), renewed
    with the ``renew`` action when the task asks (``renew``, an action, so never on the task that creates the key).
    The secrets that the create or the renewal answered go into the result once (``engine.revealed``); the spec's
    ``secrets`` keep them out of the resource, the diff and the info module."""

    def converge(self, engine, resource, created):
        params, spec = engine.params, engine.spec
        if created and engine.check_mode:  # the create body: every new key starts ACTIVE
            resource = dict(resource, keys=[dict(keyName=k["keyName"], timeExpiry=k["timeExpiry"], state="ACTIVE")
                                            for k in resource["keyDetails"]])
        elif created:
            engine.revealed["api_key_secrets"] = _secrets(engine.created, None)
        keys = dict((item.get("keyName"), item) for item in resource.get("keys") or [])
        wanted = params.get("key_states") or {}
        unknown = sorted(set(wanted) - set(keys))
        if unknown:
            raise ResourceError("key_states names %s, which the API key %s does not have (its keys: %s)" % (
                ", ".join(unknown), resource.get("id"), ", ".join(sorted(keys))), id=resource.get("id"))
        before, after = {}, {}
        for name in sorted(wanted):
            have = keys[name].get("state")
            if have == wanted[name]:
                continue
            before.setdefault("key_states", {})[name], after.setdefault("key_states", {})[name] = have, wanted[name]
            resource = self._act(engine, resource, "setstate", dict(keyName=name, state=wanted[name]),
                                 lambda r, name=name: _set_state(r, name, wanted[name]))
        renew = params.get("renew")
        if renew and not created:
            if renew["key_name"] not in keys:
                raise ResourceError("renew.key_name %s is not a key of the API key %s (its keys: %s)" % (
                    renew["key_name"], resource.get("id"), ", ".join(sorted(keys))), id=resource.get("id"))
            after["renewed"] = renew["key_name"]
            resource = self._act(engine, resource, "renew", dict(details=dict(keyName=renew["key_name"], timeExpiry=renew["time_expiry"])),
                                 lambda r: r)
            if not engine.check_mode:
                engine.revealed["api_key_secrets"] = _secrets(resource, renew["key_name"])
        return resource, bool(after), before, after

    @staticmethod
    def _act(engine, resource, action, body, predict):
        if engine.check_mode:
            return predict(resource)
        answer, dummy = engine.client.act_answer(engine.spec, resource, action, None, body)
        engine.mutated = True
        return answer or engine.client.read(engine.spec, resource["id"])[0]


def _set_state(resource, name, state):
    return dict(resource, keys=[dict(k, state=state) if k.get("keyName") == name else k for k in resource["keys"]])


def _secrets(resource, name):
    """[{key_name, key, time_expiry}] of the keys (or the key ``name``) whose secret the answer holds."""
    return [dict(key_name=k.get("keyName"), key=k["key"], time_expiry=k.get("timeExpiry"))
            for k in (resource or {}).get("keys") or [] if k.get("key") and name in (None, k.get("keyName"))]


API_KEY = _spec(
    "api_key", "API key", "/apikeys", "generativeaiapikey",
    fields={
        "key_details": Field("keyDetails", type="list", elements="dict", updatable=False, required_for_create=True, no_log=False,
                             compare=_key_names_differ, view=_key_details, options=dict(
                                 key_name=dict(type="str", required=True, no_log=False),
                                 time_expiry=dict(type="str", required=True),
                             )),
        "key_states": Field(None, type="dict", check=_key_states, no_log=False),
        "renew": Field(None, type="dict", options=dict(
            key_name=dict(type="str", required=True, no_log=False),
            time_expiry=dict(type="str", required=True),
        )),
    },
    secrets={"keys": ("key",)},
    renamed={"keys": "key_items"},  # `keys` cannot be read with dot notation in Jinja (it is the dict method)
    read_only=("key_items",),
    behaviours=[ApiKeyItems()],
    lifecycle=Lifecycle(ready=["ACTIVE", "INACTIVE"], failed=["FAILED"], deleting=["DELETING"], gone=["DELETED"]),
    filters=_common_filters(states=["ACTIVE", "CREATING", "INACTIVE", "UPDATING", "DELETING", "DELETED", "FAILED"]),
)

MODEL_DISCOVERY = ResourceSpec(
    kind="model",  # the result: models
    label="discovered model",
    path="/modelDiscovery",
    scope=COMPARTMENT,
    lifecycle=Lifecycle(ready=()),
    has_id=False,
    filters={
        # not realm and region: the options that say where to connect
        "available_realm": Filter("realm", type="list", elements="str"),
        "available_region": Filter("region", type="list", elements="str"),
        "model_id": Filter("modelId", check=lambda value, option: None),  # a name (cohere.command-r-08-2024), not an OCID
        "serving_mode": Filter("servingMode", type="list", elements="str", choices=["ON_DEMAND", "DEDICATED"]),
        "api_capability": Filter("apiCapability", type="list", elements="str"),
        "capability": Filter("capability", type="list", elements="str", choices=MODEL_CAPABILITIES),
        "model_access": Filter("modelAccess", type="list", elements="str", choices=["HOSTED", "PROXY"]),
        "is_deprecated": Filter("isDeprecated", type="bool"),
        "is_on_demand_retired": Filter("isOnDemandRetired", type="bool"),
        "is_dedicated_retired": Filter("isDedicatedRetired", type="bool"),
    },
)

WARM_POOL_TYPES = ["MANAGED", "CUSTOM"]
WARM_POOL_SHAPES = ["SMALL", "MEDIUM", "LARGE"]
DIGEST_PINNED = re.compile(r"@sha256:[0-9a-f]{64}\Z")


def _container_image(value, option):
    if not DIGEST_PINNED.search(value):
        return "%s must be pinned by its digest (<image>@sha256:<64 lowercase hexadecimal characters>), got %r" % (option, value)
    return None


class WarmPoolImage(Behaviour):
    """A CUSTOM pool runs its container_image; a MANAGED one the service's runtime, and takes no image."""

    def create_fields(self, params):
        if (params.get("type") == "CUSTOM") != (params.get("container_image") is not None):
            raise ResourceError("to create a sandbox warm pool, type CUSTOM needs container_image and type MANAGED takes "
                                "none (it runs the service's runtime); got type %s %s container_image" % (
                                    params.get("type"), "with" if params.get("container_image") else "without"))
        return {}


SANDBOX_WARM_POOL = ResourceSpec(
    kind="sandbox_warm_pool",
    label="sandbox warm pool",
    path="/generativeAiProjects/{project_id}/sandboxWarmPools",
    scope=Key("project_id", None, None),
    name=Key("name", "name", "name"),
    id_key="name",  # no OCID: the name identifies the pool in its project
    has_id=False,
    renamable=False,
    checks={"project_id": lambda value, option: check_ocid(value, option, ("generativeaiproject",))},
    fields={
        "type": Field("type", updatable=False, required_for_create=True, choices=WARM_POOL_TYPES),
        "container_image": Field("containerImage", updatable=False, check=_container_image),
        "shape": Field("shape", updatable=False, required_for_create=True, choices=WARM_POOL_SHAPES),
        "desired_capacity": Field("desiredCapacity", type="int", required_for_create=True,
                                  check=lambda value, option: "%s must be zero or more, got %d" % (option, value) if value < 0 else None),
    },
    lifecycle=LIFECYCLE,
    behaviours=[WarmPoolImage()],
    read_only=("lifecycle_state", "lifecycle_details", "time_created", "time_updated", "runtime_status"),
    filters={
        "name": Filter("name"),
        "type": Filter("type", choices=WARM_POOL_TYPES),
        "shape": Filter("shape", choices=WARM_POOL_SHAPES),
        "sort_by": Filter("sortBy", choices=["timeCreated", "name"]),
        "sort_order": SORT_ORDER,
    },
)
