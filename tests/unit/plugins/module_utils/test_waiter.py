# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.cloudai.control.plugins.module_utils.waiter import (
    DONE, FAILED, MAX_DELAY, MIN_DELAY, PENDING, WaitError, describe_work_request, lifecycle_classifier, wait_for,
    work_request_classifier,
)
from ansible_collections.cloudai.control.tests.unit.plugins.module_utils.fakes import FakeClock


class Service:
    """A resource whose state changes at given clock times: [(time offset, state), ...]."""

    def __init__(self, clock, timeline):
        self.clock = clock
        self.start = clock()
        self.timeline = timeline
        self.polls = 0

    def fetch(self):
        self.polls += 1
        state = None
        for offset, value in self.timeline:
            if self.clock() - self.start >= offset:
                state = value
        return {"id": "r1", "lifecycleState": state}


CLASSIFY = lifecycle_classifier(ready=("ACTIVE",), failed=("FAILED",))


def wait(clock, service, timeout, **kwargs):
    return wait_for(service.fetch, CLASSIFY, timeout, clock=clock, sleep=clock.sleep, **kwargs)


def test_done_returns_the_observation_without_sleeping():
    clock = FakeClock()
    service = Service(clock, [(0, "ACTIVE")])
    assert wait(clock, service, 60) == {"id": "r1", "lifecycleState": "ACTIVE"}
    assert service.polls == 1 and clock.sleeps == []


def test_done_after_pending():
    clock = FakeClock()
    service = Service(clock, [(0, "CREATING"), (5, "ACTIVE")])
    assert wait(clock, service, 60)["lifecycleState"] == "ACTIVE"
    assert clock.sleeps == [1.0, 2.0, 4.0]  # seen at t=7, within 2 s of the change


def test_failed_raises_with_last_seen():
    clock = FakeClock()
    service = Service(clock, [(0, "CREATING"), (2, "FAILED")])
    with pytest.raises(WaitError) as caught:
        wait(clock, service, 60, describe=lambda seen: "state %s" % seen["lifecycleState"])
    assert caught.value.last_seen == {"id": "r1", "lifecycleState": "FAILED"}
    assert caught.value.timed_out is False
    assert "state FAILED" in str(caught.value)


def test_timeout_raises_with_last_seen_and_never_sleeps_past_the_deadline():
    clock = FakeClock()
    service = Service(clock, [(0, "CREATING")])
    start = clock()
    with pytest.raises(WaitError) as caught:
        wait(clock, service, 100, describe=lambda seen: "state %s" % seen["lifecycleState"])
    assert caught.value.timed_out is True
    assert caught.value.last_seen == {"id": "r1", "lifecycleState": "CREATING"}
    assert "timed out" in str(caught.value) and "state CREATING" in str(caught.value)
    assert clock() - start == pytest.approx(100)  # the last sleep is cut to the time left
    assert clock.sleeps == [1, 2, 4, 8, 16, 32, 37]
    assert service.polls == len(clock.sleeps) + 1  # one last look at the deadline


def test_zero_timeout_looks_once():
    clock = FakeClock()
    service = Service(clock, [(0, "CREATING")])
    with pytest.raises(WaitError) as caught:
        wait(clock, service, 0)
    assert caught.value.timed_out and service.polls == 1 and clock.sleeps == []


def test_delays_double_from_one_second_to_the_cap():
    clock = FakeClock()
    service = Service(clock, [(0, "CREATING")])
    with pytest.raises(WaitError):
        wait(clock, service, 1000)
    assert (MIN_DELAY, MAX_DELAY) == (1.0, 45.0)
    assert clock.sleeps[:8] == [1, 2, 4, 8, 16, 32, 45, 45]
    assert max(clock.sleeps) == 45


def test_a_twenty_minute_transition_takes_at_most_forty_polls():
    clock = FakeClock()
    service = Service(clock, [(0, "CREATING"), (20 * 60, "ACTIVE")])
    wait(clock, service, 3600)
    assert service.polls <= 40
    assert clock() - service.start <= 20 * 60 + MAX_DELAY  # noticed within one capped delay


def test_fetch_errors_propagate():
    clock = FakeClock()

    def fetch():
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        wait_for(fetch, CLASSIFY, 10, clock=clock, sleep=clock.sleep)


@pytest.mark.parametrize("resource, verdict", [
    ({"lifecycleState": "ACTIVE"}, DONE),
    ({"lifecycleState": "CREATING"}, PENDING),
    ({"lifecycleState": "FAILED"}, FAILED),
    ({"lifecycleState": "SOMETHING_NEW"}, PENDING),
    ({}, PENDING),
    (None, PENDING),
])
def test_lifecycle_classifier(resource, verdict):
    assert CLASSIFY(resource) == verdict


def test_lifecycle_classifier_other_state_key():
    classify = lifecycle_classifier(ready=("RUNNING",), failed=("ERROR",), state_key="status")
    assert classify({"status": "RUNNING", "lifecycleState": "FAILED"}) == DONE
    assert classify({"status": "ERROR"}) == FAILED
    assert classify({"lifecycleState": "RUNNING"}) == PENDING


@pytest.mark.parametrize("status, verdict", [
    ("ACCEPTED", PENDING), ("IN_PROGRESS", PENDING), ("CANCELING", PENDING), ("WAITING", PENDING),
    ("SUCCEEDED", DONE), ("FAILED", FAILED), ("CANCELED", FAILED), (None, PENDING),
])
def test_work_request_classifier(status, verdict):
    assert work_request_classifier({"id": "wr1", "status": status}) == verdict


def test_describe_work_request():
    text = describe_work_request({"id": "wr1", "status": "FAILED", "percentComplete": 35.0})
    assert "wr1" in text and "FAILED" in text and "35" in text
