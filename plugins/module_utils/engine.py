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

import copy
import time

from ansible_collections.cloudai.control.plugins.module_utils.behaviours import default_start_record, hooks
from ansible_collections.cloudai.control.plugins.module_utils.errors import a
from ansible_collections.cloudai.control.plugins.module_utils.spec import ResourceError, to_result, without_secrets
from ansible_collections.cloudai.control.plugins.module_utils.transport import ApiError
from ansible_collections.cloudai.control.plugins.module_utils.waiter import Settling


class Engine(Settling):
    """Converge one resource through a client that keeps the contract of client.CloudClient, calling the spec's
    behaviours at their named points."""

    def __init__(self, spec, client, params, check_mode=False, diff_mode=False, clock=time.monotonic, sleep=time.sleep,
                 starts=None):
        self.spec = spec
        self.client = client
        self.params = params
        self.check_mode = check_mode
        self.diff_mode = diff_mode
        self.clock = clock
        self.sleep = sleep
        self.starts = starts  # the StartRecord of behaviours.StartOnce
        self.deadline = None
        self.work_request = None
        self.behaviour_diff = ({}, {})
        self.warnings = []
        self.mutated = False  # a mutating call succeeded: a failure after it still changed something
        self.created = None  # the create's answer, before any wait: it may hold what no read shows (an API key's secret)
        self.revealed = {}  # result key -> value a behaviour shows once (the secrets a create or renewal answered)
        self.result_name = spec.result_name

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
            result["diff"] = dict(before=dict(self.spec.managed_view(before, self.params), **self.behaviour_diff[0]),
                                  after=dict(self.spec.managed_view(after, self.params), **self.behaviour_diff[1]))
        if self.warnings:
            result["warnings"] = self.warnings
        result.update(self.revealed)
        return result

    # -- finding ----------------------------------------------------------------------------------------
    def find(self):
        """The live resource the parameters point at, with its etag, or (None, None)."""
        spec, params = self.spec, self.params
        resource_id = spec.given_id(params)
        if resource_id:
            resource, etag = self.client.read(spec, resource_id)
            if resource is not None and not spec.manageable(resource):
                raise ResourceError("%s %s is not one this module can manage (it is read-only)" % (spec.label, resource_id),
                                    id=resource_id)
            return resource, etag
        if not spec.name or not spec.listable:
            raise ResourceError("id is required to find the %s" % spec.label)
        name_option = spec.name.option
        if not params.get(name_option) or (spec.scope and not params.get(spec.scope.option)):
            needed = " and ".join(o for o in ((spec.scope.option,) if spec.scope else ()) + (name_option,))
            raise ResourceError("either id or %s is required to find the %s" % (needed, spec.label))
        scope_value = params.get(spec.scope.option) if spec.scope else None
        matches = [r for r in self.client.search(spec, scope_value, params[name_option])
                   if spec.named(r, params[name_option]) and spec.lifecycle.state(r) not in spec.lifecycle.gone
                   and spec.manageable(r)]
        live = [r for r in matches if spec.lifecycle.is_live(r)]
        if len(live) > 1:
            raise ResourceError("%s %r matches %d live %ss (%s); use id to choose one" % (
                name_option, params[name_option], len(live), spec.label, ", ".join(spec.id_of(r) for r in live)))
        # a live match wins; else one still being deleted (present creates anew, absent waits for it)
        return ((live or matches or [None])[0]), None

    # -- desired state ----------------------------------------------------------------------------------
    # -- present ----------------------------------------------------------------------------------------
    def present(self):
        for take_over in hooks(self.spec, "present"):
            result = take_over(self)
            if result is not None:
                return result
        current, etag = self.find()
        if current is not None and not self.spec.lifecycle.is_live(current):
            if self.params.get("id"):
                raise ResourceError("%s %s is %s and cannot be managed%s" % (
                    self.spec.label, self.spec.id_of(current), self.spec.lifecycle.state(current),
                    "; remove id to create a new one" if self.spec.name else ""),
                    id=self.spec.id_of(current), lifecycle_state=self.spec.lifecycle.state(current))
            if self.spec.id_key != "id" and not self.check_mode:  # its name is taken until it is gone
                self.settle(current, None, gone=True)
            current = None
        if current is None:
            if self.params.get("id"):
                raise ResourceError("no %s with id %s" % (self.spec.label, self.params["id"]))
            before, after, changed = None, self.create(), True
        else:
            before, after, changed = self.converge(current, etag)
        for converge in hooks(self.spec, "converge"):
            after, also_changed, before_view, after_view = converge(self, after, before is None)
            changed = changed or also_changed
            self.behaviour_diff = (dict(self.behaviour_diff[0], **(before_view if before is not None else {})),
                                   dict(self.behaviour_diff[1], **after_view))
        return before, after, changed

    def create_body(self):
        spec, params = self.spec, self.params
        missing = [option for option, field in spec.fields.items()
                   if field.required_for_create and params.get(option) is None]
        if missing:
            raise ResourceError("%s required to create %s: %s" % (
                "option is" if len(missing) == 1 else "options are", a(spec.label), ", ".join(missing)))
        body = self.spec.desired_fields(self.params)
        body.update(self.spec.desired_tags(self.params, None))
        for create_fields in hooks(spec, "create_fields"):
            body.update(create_fields(params))
        if spec.scope and not spec.scope_in_path:
            body[spec.scope.wire] = params[spec.scope.option]
        return body

    def create(self):
        body = self.create_body()
        if self.check_mode:
            return body
        resource, work_request_id = self.client.create(self.spec, body)
        self.mutated = True
        self.created = resource
        return self.settle(resource, work_request_id)

    def converge(self, current, etag):
        """Bring a found resource to the task's options: (before, after, changed)."""
        spec = self.spec
        state = spec.lifecycle.state(current)
        recovering = any(recovers(self, current) for recovers in hooks(spec, "recovers"))
        broken = ResourceError("%s %s is in state %s%s; %s" % (
            spec.label, self.spec.id_of(current), state, spec.lifecycle.details(current),
            "give the options to update it with again" if recovering else spec.replace_hint),
            id=self.spec.id_of(current), lifecycle_state=state)
        if state in spec.lifecycle.failed and not recovering:
            raise broken
        want = self.spec.desired_fields(self.params)
        if etag is None and not spec.read_by_list and any(wire not in current for wire in want):
            # found by name: the list summary lacks a managed field (e.g. a model's description), so read it all
            # (where reading is the list call, it would show nothing more)
            current, etag = self.client.read(spec, self.spec.id_of(current))
        want.update(self.spec.desired_tags(self.params, current))
        changes = dict((wire, value) for wire, value in want.items() if self.spec.field_differs(wire, value, current))
        for behaviour_changes in hooks(spec, "changes"):
            changes = behaviour_changes(self, current, want, changes)
        if recovering and not changes:
            raise broken
        self.refuse_frozen(current, changes)
        new_scope = self.new_scope(current)
        if spec.name and spec.listable and (spec.name.wire in changes or new_scope is not None):
            self.refuse_duplicate_name(current, want.get(spec.name.wire, current.get(spec.name.wire)), new_scope)
        if not changes and new_scope is None:
            if self.check_mode or spec.lifecycle.state(current) in spec.lifecycle.ready:
                return current, current, False
            return current, self.settle(current, None), False

        after = copy.deepcopy(current)
        after.update(changes)
        if new_scope is not None:
            after[spec.scope.wire] = new_scope
        if self.check_mode:
            return current, after, True
        if state not in spec.lifecycle.ready and not recovering:
            current = self.settle(current, None)  # the service refuses changes while work is in flight
            etag = None
        return self.change(current, etag, changes, new_scope)

    def refuse_frozen(self, current, changes):
        """Refuse changes to options that cannot change (all of them for an immutable resource)."""
        spec = self.spec
        if spec.immutable:
            frozen = [(option, wire) for option, wire in spec.managed() if wire in changes]
        else:
            frozen = [(option, field.wire) for option, field in spec.fields.items()
                      if not field.updatable and field.wire in changes]
        if spec.name and not spec.renamable and spec.name.wire in changes:
            frozen.insert(0, (spec.name.option, spec.name.wire))
        if frozen:
            requested = self.without_secrets(changes)
            raise ResourceError("%s cannot be changed after the %s is created (%s); %s" % (
                ", ".join(option for option, wire in frozen), spec.label,
                "; ".join("%s is %r, requested %r" % (option, self.spec.result_value(wire, current.get(wire)),
                                                      self.spec.result_value(wire, requested[wire]))
                          for option, wire in frozen), spec.change_hint),
                id=self.spec.id_of(current))

    def new_scope(self, current):
        """The scope the task moves the resource into, or None; refused without a behaviour that moves it."""
        spec = self.spec
        new_scope = self.params.get(spec.scope.option) if spec.scope and not spec.scope_in_path else None
        if new_scope is None or new_scope == current.get(spec.scope.wire):
            return None
        if not hooks(spec, "move"):
            raise ResourceError("%s cannot be changed after the %s is created" % (spec.scope.option, spec.label),
                                id=self.spec.id_of(current))
        return new_scope

    def refuse_duplicate_name(self, current, name, new_scope):
        """A rename (or move) must not give the resource the name of another live one in its scope: every later task
        that finds it by name would fail on the two."""
        spec = self.spec
        scope_value = new_scope or (self.params.get(spec.scope.option) if spec.scope and spec.scope_in_path else
                                    current.get(spec.scope.wire) if spec.scope else None)
        others = [spec.id_of(r) for r in self.client.search(spec, scope_value, name)
                  if spec.named(r, name) and spec.id_of(r) != spec.id_of(current) and spec.lifecycle.is_live(r)
                  and spec.manageable(r)]
        if others:
            raise ResourceError("%s %r is already the %s of %s %s%s; renaming %s to it would make %s find two %ss" % (
                spec.name.option, name, spec.name.option, spec.label, ", ".join(others),
                " in %s" % scope_value if scope_value else "", self.spec.id_of(current), spec.name.option, spec.label),
                id=self.spec.id_of(current))

    def change(self, current, etag, changes, new_scope):
        """Move and update a settled resource, then wait: (before, after, True)."""
        spec = self.spec
        if etag is None and self.client.etags:  # found by name or waited for: read for the etag to send
            current, etag = self.client.read(spec, self.spec.id_of(current))
        before = current
        if new_scope is not None:
            move = hooks(spec, "move")[0]
            dummy, moving = self.mutate(self.spec.id_of(current), lambda: (None, move(self, current, new_scope, etag)),
                                        lambda seen: seen.get(spec.scope.wire) == new_scope)
            if moving:  # the move runs as a work request (OCI Generative AI private endpoints, semantic stores)
                current = self.settle(current, moving)
            if changes:
                current, etag = self.client.read(spec, self.spec.id_of(current))
        resource, work_request_id = None, None
        if changes:
            resource, work_request_id = self.mutate(
                self.spec.id_of(current), lambda: self.client.update(spec, current, changes, etag),
                lambda seen: not any(self.spec.field_differs(w, v, seen) for w, v in changes.items()))
        if resource is not None and work_request_id is None and spec.lifecycle.state(resource) in spec.lifecycle.ready:
            return before, resource, True  # the service answered with the updated resource, already settled
        # an update answered without a body (OCI Vision): what it will be once the work request is done
        resource = resource or dict(current, **changes)
        return before, self.settle(resource, work_request_id), True

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
        for take_over in hooks(spec, "absent"):
            result = take_over(self, current)
            if result is not None:
                return result
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
            seen = self.client.read(spec, self.spec.id_of(current))[0] if error.attempts > 1 or error.ambiguous else current
            if seen is not None and spec.lifecycle.is_live(seen):
                raise self.conflict(self.spec.id_of(current), error) if error.status == 412 else error
            work_request_id = None
        self.settle(current, work_request_id, gone=True)
        return current, None, True

    def refuse_in_use(self, current, error=None):
        """Raise when something keeps the resource from being deleted (spec.in_use); ``error``: the service's refusal."""
        blockers = self.spec.in_use(self.client, current) if self.spec.in_use else []
        if blockers:
            raise ResourceError("cannot delete the %s %s: it is in use by %s; delete or change them first%s" % (
                self.spec.label, self.spec.id_of(current), ", ".join(blockers), " (%s)" % error if error else ""),
                id=self.spec.id_of(current), **(dict(error=error.to_dict()) if error else {}))


def run_resource(spec, client, params, check_mode=False, diff_mode=False):
    return Engine(spec, client, params, check_mode, diff_mode,
                  starts=default_start_record() if not spec.listable else None).run()


def list_resources(spec, client, params):
    """Info modules: one resource by id (as a list), or every match of the filters across all pages."""
    if spec.given_id(params):
        resource, dummy = client.read(spec, spec.given_id(params))
        found = [resource] if resource is not None else []
    else:
        given = [(f, params[option]) for option, f in spec.filters.items() if params.get(option) is not None]
        query = [(f.query, value) for f, value in given if f.query]
        local = [(f.wire, value) for f, value in given if f.wire]
        selected = [set(f.select(client, value)) for f, value in given if f.select]
        found = [r for r in client.search(spec, params.get(spec.scope.option) if spec.scope else None, None, query)
                 if all(r.get(wire) == value for wire, value in local) and all(r.get("id") in ids for ids in selected)]
    if spec.scope_in_path:  # as the resource module's option, so that each item is valid arguments of that module
        for resource in found:
            resource[spec.scope.option] = params.get(spec.scope.option)
    for option, fetch in spec.includes.items():
        if params.get(option):
            for resource in found:
                key, value = fetch(client, resource)
                resource[key] = value
    return to_result([without_secrets(spec, r) for r in found], spec.result_name)
