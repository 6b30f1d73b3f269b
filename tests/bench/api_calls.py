"""API requests per task, counted from the emulator's request log, for every module:
an idempotent run with the id known, one with only the name, a create that waits, and bad arguments."""

import re
import tempfile

from common import ansible_env, clear_requests, emulator_requests, play, run_playbook, table, write
from scenarios import BY_NAME, CREATE, TASKS, modules, stand_up
from task_cost import ROOT


def requests_of(directory, env, name, args, expect_failure=False):
    """The emulator requests one task sent."""
    clear_requests()
    task = {"cloudai.control." + name: args, "ignore_errors": expect_failure}
    run_playbook(write(directory, "calls", play([task])), env)
    return emulator_requests()


ID_SEGMENT = re.compile(r"/(ocid1\.[^/]+|[0-9a-f-]{16,})")


def describe(entries):
    """The requests as 'GET /dedicatedAiClusters/{id}': ids replaced, API version left out."""
    return ", ".join("%s %s" % (e["method"], ID_SEGMENT.sub("/{id}", e["path"].split("/", 2)[-1])) for e in entries) or "none"


def run():
    rows, problems = [], []
    with tempfile.TemporaryDirectory() as directory:
        env = ansible_env(directory)
        ids = stand_up(directory, env)
        for name in modules(ROOT):
            by_id = requests_of(directory, env, name, TASKS[name](ids))
            label = "get one" if name.endswith("_info") else "one analysis" if "_analyze_" in name else "by id, nothing to change"
            rows.append((name, label, len(by_id), describe(by_id)))
            if len(by_id) != 1:
                problems.append("%s by id: %d requests" % (name, len(by_id)))
            if name in BY_NAME:
                by_name = requests_of(directory, env, name, BY_NAME[name](ids))
                rows.append((name, "by name, nothing to change", len(by_name), describe(by_name)))
                # a job cannot be listed: its start is replayed (same retry token) and, as the replay is old, read
                replayed = name.endswith("_job") and [e["method"] for e in by_name] == ["POST", "GET"]
                if not replayed and (len(by_name) > 2 or by_name[0]["method"] != "GET"):
                    problems.append("%s by name: %d requests" % (name, len(by_name)))
            if name in CREATE:
                created = requests_of(directory, env, name, CREATE[name](ids))
                mutating = [e for e in created if e["mutating"]]
                rows.append((name, "create and wait", len(created), "1 lookup, %d create, %d polls" % (
                    len(mutating), len(created) - len(mutating) - 1)))
                if len(mutating) != 1:
                    problems.append("%s create: %d mutating requests" % (name, len(mutating)))
            bad = requests_of(directory, env, name, dict(TASKS[name](ids), id="not an id"), expect_failure=True)
            rows.append((name, "bad argument (id)", len(bad), describe(bad)))
            if bad:
                problems.append("%s sent %d requests for a bad argument" % (name, len(bad)))
    return {
        "title": "API requests per task",
        "summary": "Targets: 1 request for an idempotent run by id, 1 list request by name (2 where the list summary "
                   "lacks a managed field and the resource must be read; a Vision job, which the service cannot list, "
                   "is found by replaying its start with the same retry token and reading it: 2), 1 create plus the "
                   "polls, none for bad arguments. %s" % ("All met." if not problems else "Not met: " + "; ".join(problems)),
        "table": table(("module", "task", "requests", "which"), rows),
        "figures": {"problems": problems},
    }


if __name__ == "__main__":
    figures = run()
    print(figures["summary"] + "\n" + figures["table"])
