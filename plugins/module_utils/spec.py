# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""What a module declares about its resource type (ResourceSpec and its Fields, Filters, Lifecycle), and the
conversions between wire JSON and results that the engine and the clients share. See docs/engine.md."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy
import re
from collections import namedtuple

# the option, the wire key and the list call's query parameter of a resource's scope (compartment, workspace) or name
Key = namedtuple("Key", "option wire query")
TAG_WIRE_KEYS = frozenset(("freeformTags", "definedTags", "systemTags", "freeform_tags", "defined_tags", "system_tags"))
# dicts whose keys are data, not field names, kept as the service sent them: tags, security attributes (namespace ->
# key -> value, as defined tags) and counts by file type ("PDF")
VERBATIM_WIRE_KEYS = TAG_WIRE_KEYS | frozenset(("securityAttributes", "security_attributes", "syncStatsByFileType",
                                                "sync_stats_by_file_type"))


class ResourceError(Exception):
    """A failure the module reports with fail_json; ``details`` go into the result (id, state, api error)."""

    def __init__(self, message, **details):
        super(ResourceError, self).__init__(message)
        self.details = details


class Field:
    """One managed option: its wire name, argument spec and whether the service can change it in place.

    ``wire`` None: an option only a behaviour uses (see ResourceSpec.behaviours): the engine neither sends nor compares it.
    ``compare(want, resource)`` -> True when they differ, for a field the service answers in another shape or
    under another key (or not at all) than it takes; ``view(resource)`` -> its wire value as the diff shows it, from
    either shape (a check-mode prediction holds what was sent, a read what the service answers).
    """

    def __init__(self, wire, type="str", updatable=True, required_for_create=False, choices=None,
                 elements=None, options=None, unordered=False, no_log=None, check=None, aliases=None,
                 write_only=(), default=None, compare=None, view=None):
        self.wire = wire
        self.compare = compare
        self.view = view
        self.updatable = updatable
        self.required_for_create = required_for_create
        self.unordered = unordered
        self.check = check
        self.write_only = tuple(write_only)  # wire keys inside this dict the service never returns (secrets)
        self.argspec = dict(type=type)
        for key, value in (("choices", choices), ("elements", elements), ("options", options),
                           ("no_log", no_log), ("aliases", aliases), ("default", default)):
            if value is not None:
                self.argspec[key] = value


class Filter:
    """One info-module filter option: sent as the list call's ``query`` parameter, or, when the service has
    none, matched here against the listed resources' ``wire`` field, or ``select(client, value)``: the ids of the
    resources another call of the service selects (Fabric workspaces by tag)."""

    def __init__(self, query=None, wire=None, type="str", choices=None, elements=None, check=None, select=None):
        self.query = query
        self.wire = wire
        self.check = check
        self.select = select
        self.argspec = dict(type=type)
        if choices is not None:
            self.argspec["choices"] = choices
        if elements is not None:
            self.argspec["elements"] = elements


class Lifecycle:
    """Which lifecycle states mean what. ``gone`` states count as 'not there'; ``stopped`` states leave
    ``state=absent`` nothing to do (by default the gone ones; a batch job that finished is stopped too)."""

    def __init__(self, ready, failed=(), deleting=(), gone=(), key="lifecycleState",
                 details=("lifecycleDetails", "lifecycle_details"), stopped=None):
        self.ready = tuple(ready)
        self.failed = tuple(failed)
        self.deleting = tuple(deleting)
        self.gone = tuple(gone)
        self.key = key
        self.details_keys = tuple(details)  # what the service says about the state (Huawei: error_code, error_msg)
        self.stopped = self.gone if stopped is None else tuple(stopped)

    def state(self, resource):
        return (resource or {}).get(self.key)

    def is_live(self, resource):
        return self.state(resource) not in self.gone + self.deleting

    def details(self, resource):
        """' (what the service says)' about the resource's state, or ''."""
        said = [str(resource[key]) for key in self.details_keys if (resource or {}).get(key)]
        return " (%s)" % ": ".join(said) if said else ""


class ResourceSpec:
    """A declarative description of one resource type.

    kind          result key and snake_case name (``dedicated_ai_cluster``)
    label         words for messages (``dedicated AI cluster``)
    path          collection path below the API base (``/dedicatedAiClusters``); ``{option}`` placeholders are
                  filled from the module's options by the client (Huawei ``/v1/workspaces/{workspace_id}/models``)
    scope         Key(option, wire, query) of the container (compartment / workspace), or None; wire and query None
                  when the scope is only a path placeholder: then it is always required, never sent nor moved
    name          Key(option, wire, query) of the name used to find it, or None (plain tuples are taken too)
    fields        option -> Field for everything else the module manages
    checks        option -> check(value, option) for options that are not fields (the name), before any request,
                  in the resource module and in the info module (its filter of that name)
    tags          option -> wire for tag dicts that honour purge_tags
    list_scope_optional  the list call takes the scope as an optional filter (OCI Vision lists): the info module
                  then needs neither it nor the id
    filters       info-module option -> Filter
    in_use        (client, resource) -> descriptions of what keeps it from being deleted, asked after a 409
    includes      info-module bool option -> (client, resource) -> (key, value) to add to each listed resource
    items_key     key of the item array in list responses (Huawei: ``workspaces``, ``models``, ...)
    read_by_list  there is no GET call: read one resource with the list call's id filter (Huawei)
    secrets       wire key -> keys of that dict (or of each dict in that list) never returned: secrets the service
                  sends (Fabric endpoint ``urls`` carry invoke ``token``s)
    has_id        False for listed things without an id (Huawei base models): the info module takes no id; nor does
                  the resource module of a resource that its name identifies (id_key)
    id_key        the wire key that identifies a resource in the paths of its calls: ``id``, or the name's wire key for a
                  resource whose name is its identity in its scope (OCI sandbox warm pools of a project)
    behaviours    what plain create / read / update / delete does not cover (moves, sub-resources such as versions, jobs
                  started once, deletes that are actions, recoverable failures, resources to leave alone): Behaviour
                  objects (behaviours.py) that the engine calls at named points. Options only a behaviour uses are
                  Fields with wire None
    immutable     there is no update call: every difference is refused like a create-only option
    list_params   (query, value) pairs every list call sends unless a filter gives that query (Huawei
                  ListWorkspaces requires ``enterprise_project_id``)
    replace_hint  what to do with a resource in a failed state
    change_hint   what to do instead of changing an option that cannot change
    answers_ids   a create or an update answers with ids only (Fabric jobs, job runs, service instances): the client
                  reads the resource after it
    renamable     False when the update call cannot change the name (OCI hosted deployments): a new name is refused
    name_listed   False when list items lack the name (OCI HostedDeploymentSummary): an item the list call returned for a
                  name filter is taken to have that name
    renamed       wire key -> result key where the snake_case one will not do (an API key's ``keys``, a dict method in
                  Jinja)
    read_only     result keys of the resource that are not options (``lifecycle_state``, ``time_created``, ...): the
                  resource module accepts and ignores them, so that an item of the info module is valid arguments
    id_query      the list call's query parameter that selects one id (read_by_list), or None when it has none: then
                  the list is read whole and the id picked from it (Fabric notification policies)
    create_envelope  the create body is ``{create_envelope: [body]}`` (Fabric notification policies are created in a list)
    plural        the info module's result key, when it is not kind + 's'
    """

    def __init__(self, kind, label, path, lifecycle, scope=None, name=None, fields=None, tags=None,
                 protected_tag_namespaces=(), ocid_type=None, filters=None, wire_case="camel",
                 items_key="items", read_by_list=False, in_use=None, includes=None, checks=None,
                 has_id=True, behaviours=(), secrets=None, immutable=False, replace_hint="delete it and create it again",
                 change_hint="delete and recreate it instead", list_params=(),
                 list_scope_optional=False, read_only=(), id_query="id", create_envelope=None, plural=None,
                 answers_ids=False, renamable=True, name_listed=True, renamed=None, id_key="id"):
        self.kind = kind
        self.label = label
        self.path = path
        self.lifecycle = lifecycle
        self.scope = Key(*scope) if scope else None
        self.name = Key(*name) if name else None
        self.fields = fields or {}
        self.tags = tags or {}
        self.protected_tag_namespaces = tuple(protected_tag_namespaces)
        self.ocid_type = ocid_type
        self.filters = filters or {}
        self.wire_case = wire_case
        self.items_key = items_key
        self.read_by_list = read_by_list
        self.in_use = in_use
        self.includes = includes or {}
        self.checks = checks or {}
        self.has_id = has_id
        self.secrets = secrets or {}
        self.behaviours = tuple(behaviours)
        self.immutable = immutable
        self.replace_hint = replace_hint
        self.change_hint = change_hint
        self.list_params = tuple(list_params)
        self.list_scope_optional = list_scope_optional
        self.read_only = tuple(read_only)
        self.id_query = id_query
        self.create_envelope = create_envelope
        self.plural = plural or kind + "s"
        self.answers_ids = answers_ids
        self.renamable = renamable
        self.name_listed = name_listed
        self.renamed = renamed or {}
        self.id_key = id_key

    @property
    def scope_in_path(self):
        return bool(self.scope) and self.scope.wire is None

    def id_of(self, resource):
        return (resource or {}).get(self.id_key)

    def given_id(self, params):
        """The identifier the task gives: its id, or its name when the name is the identifier (id_key)."""
        if self.name and self.id_key == self.name.wire:
            return params.get(self.name.option)
        return params.get("id")

    @property
    def listable(self):
        """There is a list call to find the resource by name (not for jobs that are started once)."""
        return all(behaviour.listable for behaviour in self.behaviours)

    @property
    def move_retry_token(self):
        """The move (behaviours.Move) takes an opc-retry-token."""
        return all(behaviour.move_retry_token for behaviour in self.behaviours)

    @property
    def delete_action(self):
        """The action of the resource that a delete posts to instead of DELETE (``cancel``), or None."""
        return next((b.delete_action for b in self.behaviours if b.delete_action), None)

    def manageable(self, resource):
        """False for a listed resource the module must leave alone (base models)."""
        return all(behaviour.manages(resource) for behaviour in self.behaviours)

    def wire_name(self, name):
        """An option's (sub-option's) name as the service spells it."""
        return snake_to_camel(name) if self.wire_case == "camel" else name

    def result_name(self, name):
        """A wire key as results spell it."""
        if name in self.renamed:
            return self.renamed[name]
        return camel_to_snake(name) if self.wire_case == "camel" else name

    def named(self, resource, name):
        """True when a resource that a list call by ``name`` returned has that name."""
        return resource.get(self.name.wire, None if self.name_listed else name) == name

    def field_for(self, wire):
        return next((f for f in self.fields.values() if f.wire == wire), None)

    def desired_fields(self, params):
        """wire -> value for every field option the user gave (scope excluded)."""
        want = {}
        if self.name and params.get(self.name.option) is not None:
            want[self.name.wire] = params[self.name.option]
        for option, field in self.fields.items():
            if field.wire and params.get(option) is not None:
                want[field.wire] = to_wire(params[option], self.wire_name)
        return want

    def field_differs(self, wire, value, resource):
        """True when the resource does not already have the desired wire value."""
        if wire in self.tags.values():
            return value != (resource.get(wire) or {})
        field = self.field_for(wire)
        if field is not None and field.compare is not None:
            return field.compare(value, resource)
        if field is not None and field.write_only and isinstance(value, dict):
            value = dict((k, v) for k, v in value.items() if k not in field.write_only)
        return differs(value, resource.get(wire), field is not None and field.unordered)

    def result_value(self, wire, value):
        """One wire value as results show it (the keys of a tag dict untouched)."""
        return to_result({wire: value}, self.result_name).popitem()[1]

    def managed_view(self, resource, params):
        """The managed options of a resource, for diffs: those the task sets, or all of them on delete."""
        if not resource:
            return {}
        deleting = params.get("state") == "absent"
        view = {}
        for option, wire in self.managed():
            field = self.fields.get(option)
            shown = field.view(resource) if field is not None and field.view else resource.get(wire)
            if (wire in resource or shown is not None) and (deleting or params.get(option) is not None):
                view[option] = shown if wire in TAG_WIRE_KEYS else to_result(shown, self.result_name)
        return view

    def desired_tags(self, params, current):
        """wire -> tag dict for each tag option given, honouring purge_tags and service-owned namespaces."""
        want = {}
        purge = params.get("purge_tags", True)
        for option, wire in self.tags.items():
            given = params.get(option)
            if given is None:
                continue
            have = (current or {}).get(wire) or {}
            if purge:
                tags = copy.deepcopy(given)
                for namespace in self.protected_tag_namespaces:
                    if namespace in have:
                        tags[namespace] = have[namespace]
            else:
                tags = copy.deepcopy(have)
                for key, value in given.items():
                    if isinstance(value, dict) and isinstance(tags.get(key), dict):
                        tags[key].update(value)
                    else:
                        tags[key] = value
            want[wire] = tags
        return want

    def managed(self):
        """option -> wire for every managed option the resource carries, scope and name first."""
        pairs = []
        if self.scope and not self.scope_in_path:
            pairs.append((self.scope.option, self.scope.wire))
        if self.name:
            pairs.append((self.name.option, self.name.wire))
        pairs.extend((option, field.wire) for option, field in self.fields.items() if field.wire)
        pairs.extend(self.tags.items())
        return pairs


# ---------------------------------------------------------------------------------------------------------
# wire <-> result conversion

def camel_to_snake(name):
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    return re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name).lower()


def snake_to_camel(name):
    head, dummy, rest = name.partition("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest.split("_")) if rest else head


def to_result(value, convert=camel_to_snake):
    """Wire JSON -> result JSON: keys converted, tag dictionaries (VERBATIM_WIRE_KEYS) left exactly as the service sent them."""
    if isinstance(value, dict):
        return dict((convert(k), v if k in VERBATIM_WIRE_KEYS else to_result(v, convert)) for k, v in value.items())
    if isinstance(value, list):
        return [to_result(item, convert) for item in value]
    return value


def to_wire(value, convert=snake_to_camel):
    """Option value -> wire JSON: None dropped, nested keys converted."""
    if isinstance(value, dict):
        return dict((convert(k), to_wire(v, convert)) for k, v in value.items() if v is not None)
    if isinstance(value, list):
        return [to_wire(item, convert) for item in value]
    return value


def differs(want, have, unordered=False):
    """True when the desired value is not already satisfied: dicts compare as 'want is a subset of have'."""
    if isinstance(want, dict):
        return not isinstance(have, dict) or any(differs(v, have.get(k)) for k, v in want.items())
    if isinstance(want, list):
        if not isinstance(have, list) or len(want) != len(have):
            return True
        if unordered:
            return sorted(want, key=repr) != sorted(have, key=repr)
        return any(differs(w, h) for w, h in zip(want, have))
    return want != have


def without_secrets(spec, resource):
    """A copy of the resource without write-only values (a check-mode prediction is built from the request,
    and a service might echo a secret one day) and without the secrets the service returns (``secrets``)."""
    if not resource:
        return resource
    clean = dict(resource)
    hidden = [(field.wire, field.write_only) for field in spec.fields.values() if field.write_only]
    for wire, keys in hidden + list(spec.secrets.items()):
        value = clean.get(wire)
        if isinstance(value, dict):
            clean[wire] = dict((k, v) for k, v in value.items() if k not in keys)
        elif isinstance(value, list):
            clean[wire] = [dict((k, v) for k, v in item.items() if k not in keys) if isinstance(item, dict) else item
                           for item in value]
    return clean
