"""Waiting: how many polls a wait takes and how late it sees a transition, for transitions of 5 s, 60 s and
20 min.

The poll schedule is the waiter's own (plugins/module_utils/waiter.py) run on a simulated clock against a
resource that settles after the transition time, through the engine's path (follow the work request, then
read the resource once). A real create through the module against the emulator checks the short ones end
to end (the module's clock cannot be sped up, so 20 minutes are only simulated).
Target: latency <= max(10% of the transition, the poll cap); polls <= 40 for 20 minutes.
"""

import calendar
import os
import sys
import tempfile
import time

from common import SMOKE, ansible_env, clear_requests, emulator_requests, play, run_playbook, settings, table, write
from scenarios import COMPARTMENT

sys.path.insert(0, os.environ.get("ANSIBLE_COLLECTIONS_PATH", ""))
from ansible_collections.cloudai.control.plugins.module_utils import waiter  # noqa: E402 pylint: disable=wrong-import-position

TRANSITIONS = (5, 60, 1200)
REAL_TRANSITIONS = (2,) if SMOKE else (5, 60)


def simulate(transition):
    """(polls, latency) of waiting for a work request that succeeds after `transition` seconds, then one read."""
    clock = {"now": 0.0}
    polls = []

    def fetch():
        polls.append(clock["now"])
        return {"status": "SUCCEEDED" if clock["now"] >= transition else "IN_PROGRESS"}

    def sleep(seconds):
        clock["now"] += seconds

    waiter.wait_for(fetch, waiter.work_request_classifier, 3600, clock=lambda: clock["now"], sleep=sleep)
    return len(polls) + 1, clock["now"] - transition


def measure(directory, env, transition):
    """A real create that waits for an emulator transition of `transition` seconds: (polls, latency)."""
    settings(delay=transition, time_scale=1)
    clear_requests()
    name = "bench-wait-%d-%d" % (transition, time.time())
    task = {"cloudai.control.genai_dedicated_ai_cluster": {
        "compartment_id": COMPARTMENT, "display_name": name, "type": "HOSTING", "unit_shape": "SMALL_COHERE_V2",
        "unit_count": 1, "wait_timeout": transition * 3 + 60}, "register": "created"}
    out = os.path.join(directory, "finished")
    done = {"ansible.builtin.copy": {"content": "{{ created.work_request.time_finished }}", "dest": out}}
    run_playbook(write(directory, "wait", play([task, done])), env)
    returned = time.time()
    with open(out) as handle:
        finished = handle.read().strip()
    finished_at = calendar.timegm(time.strptime(finished[:19], "%Y-%m-%dT%H:%M:%S")) + float("0" + finished[19:-1])
    polls = len([e for e in emulator_requests() if e["method"] == "GET"]) - 1  # less the lookup by name
    return polls, returned - finished_at


def run():
    rows, problems = [], []
    for transition in TRANSITIONS:
        polls, latency = simulate(transition)
        allowed = max(0.1 * transition, waiter.MAX_DELAY)
        rows.append(("%d s" % transition, "simulated", polls, "%.1f" % latency, "%.0f" % allowed))
        if latency > allowed or (transition >= 1200 and polls > 40):
            problems.append("%d s: %d polls, %.1f s late" % (transition, polls, latency))
    with tempfile.TemporaryDirectory() as directory:
        env = ansible_env(directory)
        try:
            for transition in REAL_TRANSITIONS:
                polls, latency = measure(directory, env, transition)
                allowed = max(0.1 * transition, waiter.MAX_DELAY)
                rows.append(("%d s" % transition, "module against the emulator", polls, "%.1f" % latency, "%.0f" % allowed))
                if latency > allowed:
                    problems.append("%d s real: %.1f s late" % (transition, latency))
        finally:
            settings(delay=1, time_scale=1)
    return {
        "title": "Waiting",
        "summary": "Polls back off from %.0f s, doubling up to %.0f s. Latency is from the state change to the task "
                   "returning (real runs include the playbook's own exit). %s" % (
                       waiter.MIN_DELAY, waiter.MAX_DELAY, "All targets met." if not problems else "Not met: " + "; ".join(problems)),
        "table": table(("transition", "how", "polls", "latency s", "allowed s"), rows),
        "figures": {"problems": problems},
    }


if __name__ == "__main__":
    figures = run()
    print(figures["summary"] + "\n" + figures["table"])
