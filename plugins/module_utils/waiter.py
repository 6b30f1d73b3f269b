# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Waiting is a predicate plus a clock: poll, classify what was seen, back off up to a cap, stop at a deadline."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import time

from ansible_collections.cloudai.control.plugins.module_utils.spec import ResourceError, to_result, without_secrets
from ansible_collections.cloudai.control.plugins.module_utils.transport import ApiError

DONE = "done"
PENDING = "pending"
FAILED = "failed"

# Doubling from 1 s to a 45 s cap: a 5 s transition is seen within 2 s, a 20 min one in about 30 polls.
MIN_DELAY = 1.0
MAX_DELAY = 45.0

WORK_REQUEST_DONE = ("SUCCEEDED",)
WORK_REQUEST_FAILED = ("FAILED", "CANCELED")


class WaitError(Exception):
    """The wait ended without success. ``last_seen`` is the last observation (None if nothing was seen)."""

    def __init__(self, message, last_seen=None, timed_out=False):
        super(WaitError, self).__init__(message)
        self.last_seen = last_seen
        self.timed_out = timed_out


def wait_for(fetch, classify, timeout, describe=str, clock=time.monotonic, sleep=time.sleep,
             min_delay=MIN_DELAY, max_delay=MAX_DELAY):
    """Call ``fetch()`` until ``classify(observation)`` says DONE (return the observation) or FAILED.

    Raises WaitError with the last observation on FAILED or when ``timeout`` seconds have passed.
    ``describe(observation)`` turns an observation into words for the error message.
    """
    deadline = clock() + timeout
    delay = min_delay
    while True:
        seen = fetch()
        verdict = classify(seen)
        if verdict == DONE:
            return seen
        if verdict == FAILED:
            raise WaitError("ended in %s" % describe(seen), seen)
        remaining = deadline - clock()
        if remaining <= 0:
            raise WaitError("timed out, last seen %s" % describe(seen), seen, timed_out=True)
        sleep(min(delay, remaining))
        delay = min(delay * 2, max_delay)


def lifecycle_classifier(ready, failed, state_key="lifecycleState"):
    """Classify a resource dict (or None for 'not found') by its lifecycle state."""

    def classify(resource):
        state = (resource or {}).get(state_key)
        if resource is not None and state in ready:
            return DONE
        if state in failed:
            return FAILED
        return PENDING

    return classify


def work_request_classifier(work_request):
    status = work_request.get("status")
    if status in WORK_REQUEST_DONE:
        return DONE
    if status in WORK_REQUEST_FAILED:
        return FAILED
    return PENDING


def describe_work_request(work_request):
    return "work request %s status %s (%s%% complete)" % (
        work_request.get("id"), work_request.get("status"), work_request.get("percentComplete", 0))


def gone_classifier(lifecycle):
    """Done once the resource is gone or stopped (a Lifecycle's ``stopped`` states), failed in a failed state."""
    def classify(resource):
        state = lifecycle.state(resource)
        if resource is None or state in lifecycle.stopped:
            return DONE
        if state in lifecycle.failed:
            return FAILED
        return PENDING
    return classify


def describe_state(lifecycle, resource):
    if resource is None:
        return "no resource (not found)"
    return "state %s%s" % (lifecycle.state(resource), lifecycle.details(resource))


class Settling:
    """The engine's waits (engine.Engine is one): for a work request, then for the resource's lifecycle, within the
    task's wait_timeout. Uses the engine's spec, client, params, clock, sleep, deadline and result_name; keeps the
    last work request seen in ``work_request``."""

    def remaining(self):
        return max(0.0, self.deadline - self.clock())

    def settle(self, resource, work_request_id, gone=False):
        """Wait (when asked) for the work request, then for the resource's lifecycle to settle."""
        spec = self.spec
        if not self.params.get("wait", True):
            return resource
        resource_id = spec.id_of(resource)
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
                    **{spec.kind: to_result(without_secrets(spec, seen), self.result_name) if seen else None})

        lifecycle = spec.lifecycle
        if gone:
            classify = gone_classifier(lifecycle)
        else:
            classify = lifecycle_classifier(lifecycle.ready, lifecycle.failed + lifecycle.gone, lifecycle.key)
        try:
            return wait_for(lambda: self.client.read(spec, resource_id)[0], classify, self.remaining(),
                            describe=lambda seen: describe_state(lifecycle, seen), clock=self.clock, sleep=self.sleep)
        except WaitError as error:
            raise ResourceError("the %s %s did not %s%s: %s" % (
                spec.label, resource_id, "go away" if gone else "become " + "/".join(str(s) for s in lifecycle.ready),
                self.within(error), error),
                id=resource_id, lifecycle_state=lifecycle.state(error.last_seen),
                **{spec.kind: to_result(without_secrets(spec, error.last_seen), self.result_name) if error.last_seen else None})

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
