# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The generic resource engine: find, compare, create / update / move / delete, wait, check mode, diff.

A module describes its resource as data (ResourceSpec); a service client (oci_client, huawei_client)
offers the same small set of resource calls for its cloud. The engine takes parameters in and gives a
result dict out: no AnsibleModule, no global state, so it can also run in a controller-side worker.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import calendar
import copy
import hashlib
import json
import os
import re
import time

from ansible_collections.cloudai.control.plugins.module_utils.errors import a
from ansible_collections.cloudai.control.plugins.module_utils.transport import ApiError
from ansible_collections.cloudai.control.plugins.module_utils.waiter import (
    DONE, FAILED, PENDING, WaitError, describe_work_request, lifecycle_classifier, wait_for, work_request_classifier,
)

TAG_WIRE_KEYS = frozenset(("freeformTags", "definedTags", "systemTags", "freeform_tags", "defined_tags", "system_tags"))


class ResourceError(Exception):
    """A failure the module reports with fail_json; ``details`` go into the result (id, state, api error)."""

    def __init__(self, message, **details):
        super(ResourceError, self).__init__(message)
        self.details = details


class Field:
    """One managed option: its wire name, argument spec and whether the service can change it in place.

    ``wire`` None: an option of the spec's ``part`` (see ResourceSpec), which the engine neither sends nor compares.
    ``compare(want, resource)`` -> True when they differ, for a field the service answers in another shape or
    under another key (or not at all) than it takes.
    """

    def __init__(self, wire, type="str", updatable=True, required_for_create=False, choices=None,
                 elements=None, options=None, unordered=False, no_log=None, check=None, aliases=None,
                 write_only=(), default=None, compare=None):
        self.wire = wire
        self.compare = compare
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
    none, matched here against the listed resources' ``wire`` field."""

    def __init__(self, query=None, wire=None, type="str", choices=None, elements=None, check=None):
        self.query = query
        self.wire = wire
        self.check = check
        self.argspec = dict(type=type)
        if choices is not None:
            self.argspec["choices"] = choices
        if elements is not None:
            self.argspec["elements"] = elements


class Lifecycle:
    """Which lifecycle states mean what. ``gone`` states count as 'not there'; ``stopped`` states leave
    ``state=absent`` nothing to do (by default the gone ones; a batch job that finished is stopped too)."""

    def __init__(self, ready, failed=(), deleting=(), gone=(), key="lifecycleState",
                 details=("lifecycleDetails", "lifecycle_details"), recoverable=(), stopped=None):
        self.ready = tuple(ready)
        self.failed = tuple(failed)
        self.recoverable = tuple(recoverable)  # failed states an update may be retried from (Huawei UPDATE_FAILED)
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
    scope         (option, wire, query) of the container (compartment / workspace), or None; wire and query None
                  when the scope is only a path placeholder: then it is always required, never sent nor moved
    name          (option, wire, query) of the name used to find it, or None
    fields        option -> Field for everything else the module manages
    checks        option -> check(value, option) for options that are not fields (the name), before any request,
                  in the resource module and in the info module (its filter of that name)
    tags          option -> wire for tag dicts that honour purge_tags
    movable       the scope can be changed in place (OCI changeCompartment)
    move_retry_token  the move takes an opc-retry-token (OCI Vision's project and model moves take none)
    list_scope_optional  the list call takes the scope as an optional filter (OCI Vision lists): the info module
                  then needs neither it nor the id
    filters       info-module option -> Filter
    manageable    resource -> bool: False for listed resources the module must leave alone (base models)
    in_use        (client, resource) -> descriptions of what keeps it from being deleted, asked after a 409
    includes      info-module bool option -> (client, resource) -> (key, value) to add to each listed resource
    items_key     key of the item array in list responses (Huawei: ``workspaces``, ``models``, ...)
    read_by_list  there is no GET call: read one resource with the list call's id filter (Huawei)
    secrets       wire key -> keys of that dict (or of each dict in that list) never returned: secrets the service
                  sends (Fabric endpoint ``urls`` carry invoke ``token``s)
    has_id        False for listed things without an id (Huawei base models): the info module takes no id
    part          what the plain field comparison cannot carry (Fabric model versions), or None. Its options are
                  Fields with wire None; the engine calls ``part.create_fields(params)`` -> wire fields for the
                  create body (raise ResourceError to refuse the create before it is sent), and after creating or
                  converging the fields ``part.converge(engine, resource, created)`` -> (resource, changed, before,
                  after) with its own calls (none that mutate in check mode; in check mode a resource to be created
                  is the create body); before/after are option -> value for the diff.
    listable      there is a list call. Without one (OCI Vision jobs) a create carries a retry token made from the
                  scope, the name and a generation, so that a re-run gets the same resource back (start_once);
                  ``accepted_key`` is the wire key of when the service accepted it, which tells a start from a replay;
                  ``state=absent`` then needs the id
    immutable     there is no update call: every difference is refused like a create-only option
    list_params   (query, value) pairs every list call sends unless a filter gives that query (Huawei
                  ListWorkspaces requires ``enterprise_project_id``)
    delete_action ``state=absent`` posts to this action of the resource (``/actions/cancel``) instead of DELETE
    replace_hint  what to do with a resource in a failed state
    change_hint   what to do instead of changing an option that cannot change
    read_only     result keys of the resource that are not options (``lifecycle_state``, ``time_created``, ...): the
                  resource module accepts and ignores them, so that an item of the info module is valid arguments
    """

    def __init__(self, kind, label, path, lifecycle, scope=None, name=None, fields=None, tags=None,
                 movable=False, protected_tag_namespaces=(), ocid_type=None, filters=None, wire_case="camel",
                 items_key="items", read_by_list=False, manageable=None, in_use=None, includes=None, checks=None,
                 has_id=True, part=None, secrets=None, listable=True, accepted_key=None, immutable=False,
                 delete_action=None, replace_hint="delete it and create it again",
                 change_hint="delete and recreate it instead", list_params=(), move_retry_token=True,
                 list_scope_optional=False, read_only=()):
        self.kind = kind
        self.label = label
        self.path = path
        self.lifecycle = lifecycle
        self.scope = scope
        self.name = name
        self.fields = fields or {}
        self.tags = tags or {}
        self.movable = movable
        self.protected_tag_namespaces = tuple(protected_tag_namespaces)
        self.ocid_type = ocid_type
        self.filters = filters or {}
        self.wire_case = wire_case
        self.items_key = items_key
        self.read_by_list = read_by_list
        self.manageable = manageable or (lambda resource: True)
        self.in_use = in_use
        self.includes = includes or {}
        self.checks = checks or {}
        self.has_id = has_id
        self.secrets = secrets or {}
        self.part = part
        self.listable = listable
        self.accepted_key = accepted_key
        self.immutable = immutable
        self.delete_action = delete_action
        self.replace_hint = replace_hint
        self.change_hint = change_hint
        self.list_params = tuple(list_params)
        self.move_retry_token = move_retry_token
        self.list_scope_optional = list_scope_optional
        self.read_only = tuple(read_only)

    @property
    def plural(self):
        return self.kind + "s"

    @property
    def scope_in_path(self):
        return bool(self.scope) and self.scope[1] is None

    def managed(self):
        """option -> wire for every managed option the resource carries, scope and name first."""
        pairs = []
        if self.scope and not self.scope_in_path:
            pairs.append((self.scope[0], self.scope[1]))
        if self.name:
            pairs.append((self.name[0], self.name[1]))
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
    """Wire JSON -> result JSON: keys converted, tag dictionaries left exactly as the service sent them."""
    if isinstance(value, dict):
        return dict((convert(k), v if k in TAG_WIRE_KEYS else to_result(v, convert)) for k, v in value.items())
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


def rfc3339_seconds(text):
    """'2026-11-23T10:00:00.123Z' (or +00:00) -> epoch seconds, or None."""
    match = re.match(r"^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)$", text or "")
    if not match:
        return None
    seconds = calendar.timegm(tuple(int(part) for part in match.groups()[:6]))
    zone = match.group(8)
    offset = 0 if zone == "Z" else (1 if zone[0] == "+" else -1) * (int(zone[1:3]) * 3600 + int(zone[4:6]) * 60)
    return seconds + float(match.group(7) or 0) - offset


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


# ---------------------------------------------------------------------------------------------------------
# the engine

# start_once: a resource the service accepted at most this many seconds before the whole second of its answer's
# Date header was started by this request; an older one is a replay of an earlier run's start
FRESH_START_WINDOW = 2.0
MAX_GENERATIONS = 100


def start_token(spec, scope_value, name, generation):
    """The retry token of the ``generation``-th start of the resource called ``name`` in the scope."""
    seed = "cloudai.control|%s|%s|%s|%d" % (spec.kind, scope_value, name, generation)
    return hashlib.sha256(seed.encode("utf-8")).hexdigest()[:40]


class StartRecord:
    """The starts this host made (start_once): retry token -> id of the resource it started, kept in a JSON file for
    the 24 hours a service remembers a token. It tells a replay of a start made by an earlier run from a fresh start
    when the service's clock cannot (the two less than FRESH_START_WINDOW apart). A file that cannot be read or
    written is ignored: the clock then decides alone."""

    LIFETIME = 24 * 3600

    def __init__(self, path, now=time.time):
        self.path = path
        self.now = now

    def load(self):
        try:
            with open(self.path) as handle:
                entries = json.load(handle)
            return dict((token, entry) for token, entry in entries.items()
                        if isinstance(entry, list) and len(entry) == 2 and entry[1] > self.now() - self.LIFETIME)
        except (OSError, ValueError, AttributeError, TypeError):
            return {}

    def started(self, token):
        entry = self.load().get(token)
        return entry[0] if entry else None

    def add(self, token, resource_id):
        entries = self.load()
        entries[token] = [resource_id, self.now()]
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            temporary = "%s.%d" % (self.path, os.getpid())
            with open(temporary, "w") as handle:
                json.dump(entries, handle)
            os.replace(temporary, self.path)
        except OSError:
            pass


def default_start_record():
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return StartRecord(os.path.join(cache, "cloudai.control", "starts.json"))


class Engine:
    """Converge one resource. ``client`` offers read / search / create / update / move / delete (see oci_client)
    and says whether its reads give ``etags`` to send with changes. ``starts``: the StartRecord of start_once."""

    def __init__(self, spec, client, params, check_mode=False, diff_mode=False, clock=time.monotonic, sleep=time.sleep,
                 starts=None):
        self.spec = spec
        self.client = client
        self.params = params
        self.check_mode = check_mode
        self.diff_mode = diff_mode
        self.clock = clock
        self.sleep = sleep
        self.starts = starts
        self.deadline = None
        self.work_request = None
        self.part_diff = ({}, {})
        self.warnings = []
        self.mutated = False  # a mutating call succeeded: a failure after it still changed something
        if spec.wire_case == "camel":
            self.wire_name, self.result_name = snake_to_camel, camel_to_snake
        else:
            self.wire_name = self.result_name = lambda name: name

    # -- public ---------------------------------------------------------------------------------------
    def run(self):
        self.deadline = self.clock() + (self.params.get("wait_timeout") or 0)
        try:
            if self.params.get("state", "present") == "absent":
                before, after, changed = self.absent()
            else:
                before, after, changed = self.present()
        except ResourceError as error:
            if self.mutated:
                error.details["changed"] = True
            raise
        except ApiError as error:
            if self.mutated:
                raise ResourceError(str(error), error=error.to_dict(), changed=True)
            raise
        before, after = self.without_secrets(before), self.without_secrets(after)
        result = dict(changed=changed)
        result[self.spec.kind] = to_result(after, self.result_name) if after else None
        if self.work_request:
            result["work_request"] = to_result(self.work_request, self.result_name)
        if self.diff_mode:
            result["diff"] = dict(before=dict(self.managed_view(before), **self.part_diff[0]),
                                  after=dict(self.managed_view(after), **self.part_diff[1]))
        if self.warnings:
            result["warnings"] = self.warnings
        return result

    # -- finding ----------------------------------------------------------------------------------------
    def find(self):
        """The live resource the parameters point at, with its etag, or (None, None)."""
        spec, params = self.spec, self.params
        if params.get("id"):
            resource, etag = self.client.read(spec, params["id"])
            if resource is not None and not spec.manageable(resource):
                raise ResourceError("%s %s is not one this module can manage (it is read-only)" % (spec.label, params["id"]),
                                    id=params["id"])
            return resource, etag
        if not spec.name or not spec.listable:
            raise ResourceError("id is required to find the %s" % spec.label)
        name_option = spec.name[0]
        if not params.get(name_option) or (spec.scope and not params.get(spec.scope[0])):
            needed = " and ".join(o for o in ((spec.scope[0],) if spec.scope else ()) + (name_option,))
            raise ResourceError("either id or %s is required to find the %s" % (needed, spec.label))
        scope_value = params.get(spec.scope[0]) if spec.scope else None
        matches = [r for r in self.client.search(spec, scope_value, params[name_option])
                   if r.get(spec.name[1]) == params[name_option] and spec.lifecycle.state(r) not in spec.lifecycle.gone
                   and spec.manageable(r)]
        live = [r for r in matches if spec.lifecycle.is_live(r)]
        if len(live) > 1:
            raise ResourceError("%s %r matches %d live %ss (%s); use id to choose one" % (
                name_option, params[name_option], len(live), spec.label, ", ".join(r["id"] for r in live)))
        # a live match wins; else one still being deleted (present creates anew, absent waits for it)
        return ((live or matches or [None])[0]), None

    # -- desired state ----------------------------------------------------------------------------------
    def desired_fields(self):
        """wire -> value for every field option the user gave (scope excluded)."""
        want = {}
        if self.spec.name and self.params.get(self.spec.name[0]) is not None:
            want[self.spec.name[1]] = self.params[self.spec.name[0]]
        for option, field in self.spec.fields.items():
            if field.wire and self.params.get(option) is not None:
                want[field.wire] = to_wire(self.params[option], self.wire_name)
        return want

    def desired_tags(self, current):
        """wire -> tag dict for each tag option given, honouring purge_tags and service-owned namespaces."""
        want = {}
        purge = self.params.get("purge_tags", True)
        for option, wire in self.spec.tags.items():
            given = self.params.get(option)
            if given is None:
                continue
            have = (current or {}).get(wire) or {}
            if purge:
                tags = copy.deepcopy(given)
                for namespace in self.spec.protected_tag_namespaces:
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

    # -- present ----------------------------------------------------------------------------------------
    def present(self):
        if not self.spec.listable and not self.params.get("id"):
            return self.start_once()
        current, etag = self.find()
        if current is not None and not self.spec.lifecycle.is_live(current):
            if self.params.get("id"):
                raise ResourceError("%s %s is %s and cannot be managed%s" % (
                    self.spec.label, current.get("id"), self.spec.lifecycle.state(current),
                    "; remove id to create a new one" if self.spec.name else ""),
                    id=current.get("id"), lifecycle_state=self.spec.lifecycle.state(current))
            current = None
        if current is None:
            if self.params.get("id"):
                raise ResourceError("no %s with id %s" % (self.spec.label, self.params["id"]))
            before, after, changed = None, self.create(), True
        else:
            before, after, changed = self.converge(current, etag)
        if self.spec.part is not None:
            after, part_changed, before_view, after_view = self.spec.part.converge(self, after, before is None)
            changed = changed or part_changed
            self.part_diff = (before_view if before is not None else {}, after_view)
        return before, after, changed

    def create_body(self):
        spec, params = self.spec, self.params
        missing = [option for option, field in spec.fields.items()
                   if field.required_for_create and params.get(option) is None]
        if missing:
            raise ResourceError("%s required to create %s: %s" % (
                "option is" if len(missing) == 1 else "options are", a(spec.label), ", ".join(missing)))
        body = self.desired_fields()
        body.update(self.desired_tags(None))
        if spec.part is not None:
            body.update(spec.part.create_fields(params))
        if spec.scope and not spec.scope_in_path:
            body[spec.scope[1]] = params[spec.scope[0]]
        return body

    def create(self):
        body = self.create_body()
        if self.check_mode:
            return body
        resource, work_request_id = self.client.create(self.spec, body)
        self.mutated = True
        return self.settle(resource, work_request_id)

    def start_once(self):
        """Start a resource the service cannot list (a batch job) at most once per name and scope.

        The create carries start_token(generation 0). A service that has seen the token answers with the resource
        that the first request made, even after that request's task has ended; a resource accepted just now was
        started by this call. A replayed one that failed or was cancelled does not count: the next generation's
        token is tried. Check mode cannot tell (asking would start it), so it predicts a start.
        """
        spec, params = self.spec, self.params
        body = self.create_body()
        name, scope_value = params[spec.name[0]], params[spec.scope[0]]
        if self.check_mode:
            self.warnings.append("check mode cannot tell whether the %s %r was already started in %s (the service "
                                 "has no way to look it up without starting it): it predicts a start; give id to "
                                 "check a known %s" % (spec.label, name, scope_value, spec.label))
            return None, body, True
        for generation in range(MAX_GENERATIONS):
            token = start_token(spec, scope_value, name, generation)
            try:
                resource, answered = self.client.start(spec, body, token)
                self.mutated = True  # a replay changes nothing, but then the task ends without an error
            except ApiError as error:
                if error.status != 409:
                    raise
                raise ResourceError(
                    "the %s named %r was already started in %s with other options, and %ss cannot be changed; choose "
                    "another display_name to start one with these options (%s)" % (
                        spec.label, name, scope_value, spec.label, error), error=error.to_dict())
            accepted = rfc3339_seconds(resource.get(spec.accepted_key))
            replayed = self.starts is not None and self.starts.started(token) == resource["id"]
            if not replayed and (answered is None or accepted is None or accepted >= answered - FRESH_START_WINDOW):
                if self.starts is not None:
                    self.starts.add(token, resource["id"])
                return None, self.settle(resource, None), True
            current, etag = self.client.read(spec, resource["id"])
            lifecycle = spec.lifecycle
            if current is not None and lifecycle.is_live(current) and lifecycle.state(current) not in lifecycle.failed:
                return self.converge(current, etag)
        raise ResourceError("%d %ss named %r failed or were cancelled in %s; choose another display_name" % (
            MAX_GENERATIONS, spec.label, name, scope_value))

    def converge(self, current, etag):
        spec, params = self.spec, self.params
        state = spec.lifecycle.state(current)
        recovering = state in spec.lifecycle.recoverable
        broken = ResourceError("%s %s is in state %s%s; %s" % (
            spec.label, current["id"], state, spec.lifecycle.details(current),
            "give the options to update it with again" if recovering else spec.replace_hint),
            id=current["id"], lifecycle_state=state)
        if state in spec.lifecycle.failed and not recovering:
            raise broken
        want = self.desired_fields()
        if etag is None and not spec.read_by_list and any(wire not in current for wire in want):
            # found by name: the list summary lacks a managed field (e.g. a model's description), so read it all
            # (where reading is the list call, it would show nothing more)
            current, etag = self.client.read(spec, current["id"])
        want.update(self.desired_tags(current))
        changes = dict((wire, value) for wire, value in want.items() if self.field_differs(wire, value, current))
        if recovering and not changes:
            changes = dict((wire, value) for wire, value in want.items()  # send the update again
                           if wire != spec.name[1] and getattr(self.field_for(wire), "updatable", True))
            if not changes:
                raise broken
        if spec.immutable:
            frozen = [(option, wire) for option, wire in spec.managed() if wire in changes]
        else:
            frozen = [(option, field.wire) for option, field in spec.fields.items()
                      if not field.updatable and field.wire in changes]
        if frozen:
            requested = self.without_secrets(changes)
            raise ResourceError("%s cannot be changed after the %s is created (%s); %s" % (
                ", ".join(option for option, wire in frozen), spec.label,
                "; ".join("%s is %r, requested %r" % (option, self.result_value(wire, current.get(wire)),
                                                      self.result_value(wire, requested[wire]))
                          for option, wire in frozen), spec.change_hint),
                id=current["id"])
        new_scope = params.get(spec.scope[0]) if spec.scope and not spec.scope_in_path else None
        move = new_scope is not None and new_scope != current.get(spec.scope[1])
        if move and not spec.movable:
            raise ResourceError("%s cannot be changed after the %s is created" % (spec.scope[0], spec.label),
                                id=current["id"])
        if spec.name and spec.listable and (spec.name[1] in changes or move):
            self.refuse_duplicate_name(current, want.get(spec.name[1], current.get(spec.name[1])),
                                       new_scope if move else None)
        if not changes and not move:
            if self.check_mode or spec.lifecycle.state(current) in spec.lifecycle.ready:
                return current, current, False
            return current, self.settle(current, None), False

        after = copy.deepcopy(current)
        after.update(changes)
        if move:
            after[spec.scope[1]] = new_scope
        if self.check_mode:
            return current, after, True

        if state not in spec.lifecycle.ready and not recovering:
            current = self.settle(current, None)  # the service refuses changes while work is in flight
            etag = None
        if etag is None and self.client.etags:  # found by name or waited for: read for the etag to send
            current, etag = self.client.read(spec, current["id"])
        before = current
        if move:
            self.mutate(current["id"], lambda: self.client.move(spec, current, new_scope, etag),
                        lambda seen: seen.get(spec.scope[1]) == new_scope)
            if changes:
                current, etag = self.client.read(spec, current["id"])
        resource, work_request_id = None, None
        if changes:
            resource, work_request_id = self.mutate(
                current["id"], lambda: self.client.update(spec, current, changes, etag),
                lambda seen: not any(self.field_differs(w, v, seen) for w, v in changes.items()))
        if resource is not None and work_request_id is None and spec.lifecycle.state(resource) in spec.lifecycle.ready:
            return before, resource, True  # the service answered with the updated resource, already settled
        # an update answered without a body (OCI Vision): what it will be once the work request is done
        resource = resource or dict(current, **changes)
        return before, self.settle(resource, work_request_id), True

    def refuse_duplicate_name(self, current, name, new_scope):
        """A rename (or move) must not give the resource the name of another live one in its scope: every later task
        that finds it by name would fail on the two."""
        spec = self.spec
        scope_value = new_scope or (self.params.get(spec.scope[0]) if spec.scope and spec.scope_in_path else
                                    current.get(spec.scope[1]) if spec.scope else None)
        others = [r["id"] for r in self.client.search(spec, scope_value, name)
                  if r.get(spec.name[1]) == name and r.get("id") != current["id"] and spec.lifecycle.is_live(r)
                  and spec.manageable(r)]
        if others:
            raise ResourceError("%s %r is already the %s of %s %s%s; renaming %s to it would make %s find two %ss" % (
                spec.name[0], name, spec.name[0], spec.label, ", ".join(others),
                " in %s" % scope_value if scope_value else "", current["id"], spec.name[0], spec.label),
                id=current["id"])

    def field_differs(self, wire, value, resource):
        if wire in self.spec.tags.values():
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

    def field_for(self, wire):
        return next((f for f in self.spec.fields.values() if f.wire == wire), None)

    def without_secrets(self, resource):
        return without_secrets(self.spec, resource)

    def mutate(self, resource_id, call, converged):
        """Run a mutating call. When it failed after being sent more than once, or its response was lost,
        the first try may have landed: re-read, and accept the outcome if the resource already shows it."""
        try:
            answer = call()
            self.mutated = True
            return answer
        except ApiError as error:
            if error.attempts > 1 or error.ambiguous:
                seen, dummy = self.client.read(self.spec, resource_id)
                if seen is not None and converged(seen):
                    self.mutated = True  # the first try landed
                    return seen, None
            raise self.conflict(resource_id, error) if error.status == 412 else error

    def conflict(self, resource_id, error):
        """A stale etag (412): someone changed the resource after this task read it. Say so; never retry blindly."""
        return ResourceError("the %s %s was changed by someone else after this task read it (HTTP 412%s: its etag no "
                             "longer matches); nothing was overwritten. Run the task again to apply its options to the "
                             "current %s" % (self.spec.label, resource_id, " " + error.code if error.code else "",
                                             self.spec.label),
                             id=resource_id, error=error.to_dict())

    # -- absent -----------------------------------------------------------------------------------------
    def absent(self):
        spec = self.spec
        try:
            current, etag = self.find()
        except ApiError as error:
            if error.status == 404 and spec.scope_in_path:  # its container (a Fabric workspace) is gone, and it with it
                return None, None, False
            raise
        if current is None or spec.lifecycle.state(current) in spec.lifecycle.stopped:
            return current, None, False
        if spec.lifecycle.state(current) in spec.lifecycle.deleting:
            if self.check_mode:
                return current, None, False
            self.settle(current, None, gone=True)
            return current, None, False
        if self.check_mode:
            self.refuse_in_use(current)  # as the service would: check mode must not predict a delete it refuses
            return current, None, True
        try:
            work_request_id = self.client.delete(spec, current, etag)
            self.mutated = True
        except ApiError as error:
            if error.status in (400, 409):  # OCI says 409; Huawei documents no 409, refuses with 400
                self.refuse_in_use(current, error)
            seen = self.client.read(spec, current["id"])[0] if error.attempts > 1 or error.ambiguous else current
            if seen is not None and spec.lifecycle.is_live(seen):
                raise self.conflict(current["id"], error) if error.status == 412 else error
            work_request_id = None
        self.settle(current, work_request_id, gone=True)
        return current, None, True

    def refuse_in_use(self, current, error=None):
        """Raise when something keeps the resource from being deleted (spec.in_use); ``error``: the service's refusal."""
        blockers = self.spec.in_use(self.client, current) if self.spec.in_use else []
        if blockers:
            raise ResourceError("cannot delete the %s %s: it is in use by %s; delete or change them first%s" % (
                self.spec.label, current["id"], ", ".join(blockers), " (%s)" % error if error else ""),
                id=current["id"], **(dict(error=error.to_dict()) if error else {}))

    # -- waiting ----------------------------------------------------------------------------------------
    def remaining(self):
        return max(0.0, self.deadline - self.clock())

    def settle(self, resource, work_request_id, gone=False):
        """Wait (when asked) for the work request, then for the resource's lifecycle to settle."""
        spec = self.spec
        if not self.params.get("wait", True):
            return resource
        resource_id = (resource or {}).get("id")
        if work_request_id:
            try:
                self.work_request = wait_for(lambda: self.client.get_work_request(work_request_id),
                                             work_request_classifier, self.remaining(),
                                             describe=describe_work_request, clock=self.clock, sleep=self.sleep)
            except WaitError as error:
                self.work_request = error.last_seen
                reason = str(error)
                if not error.timed_out:
                    reason += self.client.work_request_errors(work_request_id)
                seen = self.read_quietly(resource_id) or resource  # the state it is in now, not the one when it began
                raise ResourceError("the %s %s did not finish%s: %s" % (
                    spec.label, resource_id, self.within(error), reason),
                    id=resource_id, lifecycle_state=spec.lifecycle.state(seen),
                    work_request=to_result(error.last_seen, self.result_name),
                    **{spec.kind: to_result(self.without_secrets(seen), self.result_name) if seen else None})

        lifecycle = spec.lifecycle
        if gone:
            classify = _gone_classifier(lifecycle)
        else:
            classify = lifecycle_classifier(lifecycle.ready, lifecycle.failed + lifecycle.gone, lifecycle.key)
        try:
            return wait_for(lambda: self.client.read(spec, resource_id)[0], classify, self.remaining(),
                            describe=lambda seen: _describe_state(lifecycle, seen), clock=self.clock, sleep=self.sleep)
        except WaitError as error:
            raise ResourceError("the %s %s did not %s%s: %s" % (
                spec.label, resource_id, "go away" if gone else "become " + "/".join(str(s) for s in lifecycle.ready),
                self.within(error), error),
                id=resource_id, lifecycle_state=lifecycle.state(error.last_seen),
                **{spec.kind: to_result(self.without_secrets(error.last_seen), self.result_name) if error.last_seen else None})

    def read_quietly(self, resource_id):
        """The resource as it is now, or None when it cannot be read (the failure being reported matters more)."""
        if not resource_id:
            return None
        try:
            return self.client.read(self.spec, resource_id)[0]
        except ApiError:
            return None

    def within(self, error):
        return " within wait_timeout=%ss" % self.params.get("wait_timeout") if error.timed_out else ""

    # -- diff -------------------------------------------------------------------------------------------
    def managed_view(self, resource):
        """The managed options of a resource, for diffs: those the task sets, or all of them on delete."""
        if not resource:
            return {}
        deleting = self.params.get("state") == "absent"
        view = {}
        for option, wire in self.spec.managed():
            if wire in resource and (deleting or self.params.get(option) is not None):
                value = resource[wire]
                view[option] = value if wire in TAG_WIRE_KEYS else to_result(value, self.result_name)
        return view


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


def _gone_classifier(lifecycle):
    def classify(resource):
        state = lifecycle.state(resource)
        if resource is None or state in lifecycle.stopped:
            return DONE
        if state in lifecycle.failed:
            return FAILED
        return PENDING
    return classify


def _describe_state(lifecycle, resource):
    if resource is None:
        return "no resource (not found)"
    return "state %s%s" % (lifecycle.state(resource), lifecycle.details(resource))


def run_resource(spec, client, params, check_mode=False, diff_mode=False):
    return Engine(spec, client, params, check_mode, diff_mode,
                  starts=default_start_record() if not spec.listable else None).run()


def list_resources(spec, client, params):
    """Info modules: one resource by id (as a list), or every match of the filters across all pages."""
    if params.get("id"):
        resource, dummy = client.read(spec, params["id"])
        found = [resource] if resource is not None else []
    else:
        given = [(f, params[option]) for option, f in spec.filters.items() if params.get(option) is not None]
        query = [(f.query, value) for f, value in given if f.query]
        local = [(f.wire, value) for f, value in given if not f.query]
        found = [r for r in client.search(spec, params.get(spec.scope[0]) if spec.scope else None, None, query)
                 if all(r.get(wire) == value for wire, value in local)]
    if spec.scope_in_path:  # as the resource module's option, so that each item is valid arguments of that module
        for resource in found:
            resource[spec.scope[0]] = params.get(spec.scope[0])
    for option, fetch in spec.includes.items():
        if params.get(option):
            for resource in found:
                key, value = fetch(client, resource)
                resource[key] = value
    convert = camel_to_snake if spec.wire_case == "camel" else (lambda name: name)
    return to_result([without_secrets(spec, r) for r in found], convert)
