# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Behaviours: what a resource type does beyond plain create / read / update / delete, one small object each.

A ResourceSpec lists its behaviours; the engine calls them at the named points below, in the order the spec lists
them. A hook a behaviour does not define does nothing. See docs/engine.md for how to write one.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import calendar
import hashlib
import json
import os
import re
import time

from ansible_collections.cloudai.control.plugins.module_utils.spec import ResourceError
from ansible_collections.cloudai.control.plugins.module_utils.transport import ApiError


class Behaviour:
    """The named points where the engine calls a behaviour. Overridden hooks are called; the others are not."""

    listable = True  # False: the service cannot list the resource, so it cannot be found by name
    delete_action = None  # the action of the resource (``cancel``) that the client posts to instead of a DELETE
    move_retry_token = True  # False: the client's move sends no opc-retry-token

    def manages(self, resource):
        """False for a resource the module must leave alone (found by id or listed by name)."""
        return True

    def present(self, engine):
        """Take over state=present: (before, after, changed), or None to let the engine find and converge."""
        return None

    def absent(self, engine, resource):
        """Take over state=absent for the resource found (None: none was): (before, after, changed), or None to let
        the engine delete it."""
        return None

    def create_fields(self, params):
        """Wire fields to add to the create body; raise ResourceError to refuse the create before it is sent."""
        return {}

    def recovers(self, engine, resource):
        """True when the resource is in a failed state that an update may be retried from."""
        return False

    def changes(self, engine, current, want, changes):
        """The wire changes to send, given the desired ``want`` and the differences found (``changes``)."""
        return changes

    def move(self, engine, resource, scope_value, etag):
        """Move the resource into the scope the task gives (another compartment): the work request id or None.
        Without a behaviour that defines it, a scope change is refused."""

    def converge(self, engine, resource, created):
        """After the fields converged (or the resource was created): make its own calls (none that mutate in check
        mode; in check mode a resource to be created is the create body) and return (resource, changed,
        before, after), before/after being option -> value for the diff."""
        return resource, False, {}, {}


def hooks(spec, name):
    """The ``name`` hooks of the spec's behaviours that override Behaviour's."""
    return [getattr(b, name) for b in spec.behaviours if getattr(type(b), name) is not getattr(Behaviour, name)]


class Move(Behaviour):
    """The scope can be changed in place (OCI changeCompartment); ``retry_token``: the move takes an
    opc-retry-token (OCI Vision's project and model moves take none). The client reads it from the spec."""

    def __init__(self, retry_token=True):
        self.move_retry_token = retry_token

    def move(self, engine, resource, scope_value, etag):
        return engine.client.move(engine.spec, resource, scope_value, etag)


class LeaveAlone(Behaviour):
    """Listed resources that the module must not manage (OCI Generative AI base models): ``when(resource)``."""

    def __init__(self, when):
        self.when = when

    def manages(self, resource):
        return not self.when(resource)


class RetryFailedUpdate(Behaviour):
    """A resource in one of ``states`` (Huawei UPDATE_FAILED) is updated again instead of refused: with the
    differences, or, when none are left, with every updatable option the task gives."""

    def __init__(self, states):
        self.states = tuple(states)

    def recovers(self, engine, resource):
        return engine.spec.lifecycle.state(resource) in self.states

    def changes(self, engine, current, want, changes):
        if changes or not self.recovers(engine, current):
            return changes
        return dict((wire, value) for wire, value in want.items()
                    if wire != engine.spec.name.wire and getattr(engine.spec.field_for(wire), "updatable", True))


class RunState(Behaviour):
    """The option ``option`` is a running state reached by an action of the resource, never by an update (OCI Vision
    stream jobs: started / stopped). ``states``: option value -> (action, the lifecycle state that shows it);
    ``initial``: the value of a resource just created."""

    def __init__(self, option, states, initial):
        self.option = option
        self.states = states
        self.initial = initial

    def converge(self, engine, resource, created):
        wanted = engine.params.get(self.option)
        if wanted is None:
            return resource, False, {}, {}
        lifecycle = engine.spec.lifecycle
        if created and engine.check_mode:
            have = self.initial
        else:
            if lifecycle.state(resource) not in lifecycle.ready and not engine.check_mode:
                resource = engine.settle(resource, None)  # a create or update still in flight
            have = next((value for value, (dummy, state) in self.states.items() if state == lifecycle.state(resource)), None)
        if have == wanted:
            return resource, False, {}, {}
        action, state = self.states[wanted]
        before, after = {self.option: have}, {self.option: wanted}
        if engine.check_mode:
            return dict(resource, **{lifecycle.key: state}), True, before, after
        if lifecycle.state(resource) not in lifecycle.ready:
            raise ResourceError("the %s %s is %s: it can be set %s only once it is %s (leave wait on)" % (
                engine.spec.label, resource["id"], lifecycle.state(resource), wanted, " or ".join(lifecycle.ready)),
                id=resource["id"], lifecycle_state=lifecycle.state(resource))
        dummy, work_request_id = engine.client.act_answer(engine.spec, resource, action, None)
        engine.mutated = True
        return engine.settle(dict(resource, **{lifecycle.key: state}), work_request_id), True, before, after


class DeleteByAction(Behaviour):
    """state=absent posts to an action of the resource (OCI Vision jobs: ``cancel``) instead of DELETE: the client's
    delete reads it from the spec."""

    def __init__(self, action):
        self.delete_action = action


# a resource the service accepted at most this many seconds before the whole second of its answer's Date header was
# started by this request; an older one is a replay of an earlier run's start
FRESH_START_WINDOW = 2.0
MAX_GENERATIONS = 100


def start_token(spec, scope_value, name, generation):
    """The retry token of the ``generation``-th start of the resource called ``name`` in the scope."""
    seed = "cloudai.control|%s|%s|%s|%d" % (spec.kind, scope_value, name, generation)
    return hashlib.sha256(seed.encode("utf-8")).hexdigest()[:40]


class StartOnce(Behaviour):
    """Start a resource the service cannot list (a batch job) at most once per name and scope.

    The create carries start_token(generation 0). A service that has seen the token answers with the resource
    that the first request made, even after that request's task has ended; a resource accepted just now (its
    ``accepted_key``) was started by this call. A replayed one that failed or was cancelled does not count: the
    next generation's token is tried. Check mode cannot tell (asking would start it), so it predicts a start.
    Without a list call, state=absent needs the id. The engine's ``starts`` (a StartRecord) tells a replay of this
    host's earlier start from a fresh one when the service's clock cannot. ``scope_option``: the option that scopes
    the name when it is not the spec's scope (a file sync's connector).
    """

    listable = False

    def __init__(self, accepted_key, scope_option=None):
        self.accepted_key = accepted_key
        self.scope_option = scope_option

    def present(self, engine):
        if engine.params.get("id"):
            return None
        spec, params, client = engine.spec, engine.params, engine.client
        body = engine.create_body()
        name, scope_value = params[spec.name.option], params[self.scope_option or spec.scope.option]
        if engine.check_mode:
            engine.warnings.append("check mode cannot tell whether the %s %r was already started in %s (the service "
                                   "has no way to look it up without starting it): it predicts a start; give id to "
                                   "check a known %s" % (spec.label, name, scope_value, spec.label))
            return None, body, True
        for generation in range(MAX_GENERATIONS):
            token = start_token(spec, scope_value, name, generation)
            try:
                resource, answered = client.start(spec, body, token)
                engine.mutated = True  # a replay changes nothing, but then the task ends without an error
            except ApiError as error:
                if error.status != 409:
                    raise
                raise ResourceError(
                    "the %s named %r was already started in %s with other options, and %ss cannot be changed; choose "
                    "another display_name to start one with these options (%s)" % (
                        spec.label, name, scope_value, spec.label, error), error=error.to_dict())
            accepted = rfc3339_seconds(resource.get(self.accepted_key))
            replayed = engine.starts is not None and engine.starts.started(token) == resource["id"]
            if not replayed and (answered is None or accepted is None or accepted >= answered - FRESH_START_WINDOW):
                if engine.starts is not None:
                    engine.starts.add(token, resource["id"])
                return None, engine.settle(resource, None), True
            current, etag = client.read(spec, resource["id"])
            lifecycle = spec.lifecycle
            if current is not None and lifecycle.is_live(current) and lifecycle.state(current) not in lifecycle.failed:
                return engine.converge(current, etag)
        raise ResourceError("%d %ss named %r failed or were cancelled in %s; choose another display_name" % (
            MAX_GENERATIONS, spec.label, name, scope_value))


class StartRecord:
    """The starts this host made (StartOnce): retry token -> id of the resource it started, kept in a JSON file for
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


def rfc3339_seconds(text):
    """'2026-11-23T10:00:00.123Z' (or +00:00) -> epoch seconds, or None."""
    match = re.match(r"^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)$", text or "")
    if not match:
        return None
    seconds = calendar.timegm(tuple(int(part) for part in match.groups()[:6]))
    zone = match.group(8)
    offset = 0 if zone == "Z" else (1 if zone[0] == "+" else -1) * (int(zone[1:3]) * 3600 + int(zone[4:6]) * 60)
    return seconds + float(match.group(7) or 0) - offset
