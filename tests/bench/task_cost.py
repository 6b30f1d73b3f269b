"""Per-task cost of every module next to ansible.builtin.debug and ansible.builtin.ping, measured side by side in one
run, and where an OCI task's time goes.

For each kind of task it times a playbook of N such tasks, interleaved with the other kinds and with an empty
playbook over several rounds; a task's cost is (median playbook time - median empty playbook time) / N.
ansible.builtin.debug runs no module at all: it is Ansible's own cost of a task, the floor. Every module is measured
as it runs by default on the controller (in the task worker, see plugins/plugin_utils/in_controller.py); one resource
and one info module of each cloud also as a module process (cloudai_control_in_controller=false), the way it runs on
other hosts. The playbooks run with the ansible-playbook common.ANSIBLE_PLAYBOOK names (BENCH_ANSIBLE_PLAYBOOK for
another ansible-core).

The breakdown runs an OCI and a Fabric module's main() here, as the task worker does, and times its parts: loading
the private key, signing, the request (sent and answered), the rest of the module; the rest of the task is
Ansible's (the task's cost in the table minus the module's).
"""

import os
import random
import sys
import tempfile
import time

from common import ansible_env, ansible_playbook_version, median, play, run_playbook, size, table, write
from listing import run_main
from scenarios import TASKS, modules, stand_up

from ansible_collections.cloudai.control.plugins.module_utils import huawei_auth, oci_auth, oci_config

import ansible
import requests

TASKS_PER_PLAYBOOK = size(20, 2)
ROUNDS = int(os.environ.get("BENCH_ROUNDS") or size(5, 1))  # BENCH_ROUNDS: fewer rounds for a quicker refresh
CALLS = size(20, 2)
AS_MODULE = ("genai_dedicated_ai_cluster", "genai_dedicated_ai_cluster_info", "fabric_workspace", "fabric_workspace_info",
             "vision_analyze_image")
BREAKDOWN = ("vision_project_info", "fabric_workspace_info")
TARGET_DEBUG = 3.0
TARGET_PING = 1.15
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def run(with_breakdown=True):
    core, python = ansible_playbook_version()
    with tempfile.TemporaryDirectory() as directory:
        env = ansible_env(directory)
        ids = stand_up(directory, env)
        kinds = {
            "(empty playbook)": write(directory, "empty", play([])),
            "ansible.builtin.debug": write(directory, "debug", play([{"ansible.builtin.debug": {"msg": "bench"}}]
                                                                    * TASKS_PER_PLAYBOOK)),
            "ansible.builtin.ping": write(directory, "ping", play([{"ansible.builtin.ping": {}}] * TASKS_PER_PLAYBOOK)),
        }
        for name in modules(ROOT):
            task = {"cloudai.control." + name: TASKS[name](ids)}
            kinds[name] = write(directory, name, play([task] * TASKS_PER_PLAYBOOK))
            if name in AS_MODULE:
                kinds[name + " (as a module)"] = write(directory, name + "_module", play(
                    [task] * TASKS_PER_PLAYBOOK, cloudai_control_in_controller=False))
        times = dict((kind, []) for kind in kinds)
        order = list(kinds)
        for dummy in range(ROUNDS):
            random.shuffle(order)
            for kind in order:
                times[kind].append(run_playbook(kinds[kind], env)[0])
        parts = dict((name, breakdown(name, TASKS[name](ids))) for name in BREAKDOWN) if with_breakdown else {}
    key_checked = full_key_check_ms() if with_breakdown else None

    empty = median(times.pop("(empty playbook)"))
    per_task = dict((kind, (median(values) - empty) / TASKS_PER_PLAYBOOK) for kind, values in times.items())
    debug, ping = per_task["ansible.builtin.debug"], per_task["ansible.builtin.ping"]
    rows = [(kind, "%.0f" % (cost * 1000), "%.2f" % (cost / debug), "%.2f" % (cost / ping))
            for kind, cost in per_task.items()]
    in_controller = [cost for kind, cost in per_task.items() if not kind.startswith("ansible.") and "module)" not in kind]
    worst_debug, worst_ping = max(in_controller) / debug, max(in_controller) / ping
    worst_module = max(cost / ping for kind, cost in per_task.items() if "module)" in kind)

    def verdict(ratio, target):
        return "met" if ratio <= target else "not met"

    figures = {
        "title": "Per-task cost",
        "summary": "ansible-playbook of ansible-core %s on Python %s. %d tasks per playbook, median of %d interleaved "
                   "rounds; an empty playbook (%.2f s) is subtracted. `ansible.builtin.debug` runs no module: it is "
                   "Ansible's own cost of a task, the floor. Targets in the default mode on the controller (the API "
                   "work in the task worker, no module process): every module <= %gx debug, worst %.2fx, %s; <= %gx "
                   "ping, worst %.2fx, %s. Run as a module process, as on other hosts: up to %.2fx ping; the gap is "
                   "the module's Python importing requests and cryptography and its API call (see the start-up "
                   "weight), which no module process avoids."
                   % (core, python, TASKS_PER_PLAYBOOK, ROUNDS, empty, TARGET_DEBUG, worst_debug,
                      verdict(worst_debug, TARGET_DEBUG), TARGET_PING, worst_ping, verdict(worst_ping, TARGET_PING),
                      worst_module),
        "table": table(("task", "ms per task", "x debug", "x ping"), rows),
        "figures": {"per_task_ms": dict((kind, cost * 1000) for kind, cost in per_task.items()),
                    "worst_debug_ratio": worst_debug, "worst_ratio": worst_ping, "worst_module_ratio": worst_module},
    }
    if not with_breakdown:
        return figures
    part_rows = []
    for label, part in (("key: load and check the private key", "key"), ("signing", "signing"),
                        ("request: sent to the emulator and answered", "request"),
                        ("the rest of the module: options, settings, result", "rest")):
        part_rows.append((label,) + tuple("%.1f" % parts[name][part] for name in BREAKDOWN))
    part_rows.append(("the rest of the task: Ansible's (the task's cost above minus the module's)",)
                     + tuple("%.1f" % (per_task[name] * 1000 - parts[name]["module"]) for name in BREAKDOWN))
    part_rows.append(("the task in the controller (the table above)",)
                     + tuple("%.1f" % (per_task[name] * 1000) for name in BREAKDOWN))
    part_rows.append(("ansible.builtin.debug, for comparison",) + ("%.1f" % (debug * 1000),) * len(BREAKDOWN))
    figures["table"] += (
        "\n\nWhere a task's time goes, in ms per task: the module's main() run %d times in the benchmark's "
        "process (ansible-core %s, Python %s), as the task worker runs it, with its parts timed. For comparison, loading "
        "the same OCI key with OpenSSL's full check (primality tests of p and q), as every OCI task did before: %.1f ms."
        "\n\n" % (CALLS, ansible.__version__, sys.version.split()[0], key_checked)) + table(("part",) + BREAKDOWN, part_rows)
    figures["figures"].update(breakdown_ms=parts, full_key_check_ms=key_checked)
    return figures


class Timed:
    """Replaces obj.name with a wrapper that adds the time of each call to seconds, while in a with block."""

    def __init__(self, obj, name):
        self.obj, self.name, self.real, self.seconds = obj, name, getattr(obj, name), 0.0

    def __enter__(self):
        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return self.real(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - started

        setattr(self.obj, self.name, timed)
        return self

    def __exit__(self, *exc):
        setattr(self.obj, self.name, self.real)


def breakdown(name, args):
    """Milliseconds per call of the module's main() and of its parts."""
    run_main(name, args)  # warm-up: imports
    with Timed(oci_auth, "load_private_key") as key, Timed(oci_auth._RsaSha256Signer, "sign") as oci_sign, \
            Timed(huawei_auth.AkSkSigner, "sign") as huawei_sign, Timed(requests.Session, "request") as request:
        module = sum(run_main(name, args)[0] for dummy in range(CALLS))
    parts = {"key": key.seconds, "signing": oci_sign.seconds + huawei_sign.seconds - key.seconds,
             "request": request.seconds, "module": module}
    parts["rest"] = module - parts["key"] - parts["signing"] - parts["request"]
    return dict((part, seconds * 1000 / CALLS) for part, seconds in parts.items())


def full_key_check_ms():
    """Milliseconds to load the benchmark's OCI key with OpenSSL's full check, as keys from a service are loaded."""
    settings = oci_config.resolve_oci_settings({"endpoint": "http://127.0.0.1"})
    with open(settings["key_file"], "rb") as handle:
        pem = handle.read()
    started = time.perf_counter()
    for dummy in range(CALLS):
        oci_auth.load_private_key(pem)
    return (time.perf_counter() - started) * 1000 / CALLS


if __name__ == "__main__":
    figures = run()
    print(figures["summary"] + "\n" + figures["table"])
    sys.exit(0)
