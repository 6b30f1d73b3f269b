# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Waiting is a predicate plus a clock: poll, classify what was seen, back off up to a cap, stop at a deadline."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import time

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
