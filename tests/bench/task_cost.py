"""Per-task cost of the collection's modules next to ansible.builtin.ping, measured side by side in one run.

Run it with `python3 tools/dev.py bench` (which starts the emulator and exports its variables). For each
kind of task it times a playbook of N such tasks, interleaved with the other kinds and with an empty
playbook over several rounds; a task's cost is (median playbook time - median empty playbook time) / N.
Prints figures; asserts nothing about speed.
"""

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

TASKS = int(os.environ.get("BENCH_TASKS", "20"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
COMPARTMENT = "ocid1.compartment.oc1..aaaaaaaabenchcompartment"

CREATE = {
    "compartment_id": COMPARTMENT, "display_name": "bench-cluster", "type": "HOSTING",
    "unit_shape": "LARGE_COHERE_V2", "unit_count": 1,
}


def playbook(tasks, variables):
    return [{"name": "bench", "hosts": "localhost", "connection": "local", "gather_facts": False, "vars": variables,
             "tasks": tasks}]


def write(directory, name, tasks, **variables):
    path = os.path.join(directory, name + ".yml")
    with open(path, "w") as handle:
        json.dump(playbook(tasks, variables), handle)  # JSON is YAML
    return path


def run_playbook(path, env):
    started = time.monotonic()
    subprocess.run(["ansible-playbook", path], env=env, check=True, stdout=subprocess.DEVNULL)
    return time.monotonic() - started


def main():
    env = dict(os.environ, ANSIBLE_PIPELINING="False", ANSIBLE_LOCALHOST_WARNING="false",
               ANSIBLE_INVENTORY_UNPARSED_WARNING="false")
    with tempfile.TemporaryDirectory() as directory:
        env["ANSIBLE_LOCAL_TEMP"] = env["ANSIBLE_REMOTE_TEMP"] = os.path.join(directory, "tmp")
        setup = write(directory, "setup", [{"cloudai.control.genai_dedicated_ai_cluster": CREATE, "register": "c"},
                                           {"ansible.builtin.copy": {"content": "{{ c.dedicated_ai_cluster.id }}",
                                                                     "dest": os.path.join(directory, "id")}}])
        subprocess.run(["ansible-playbook", setup], env=env, check=True, stdout=subprocess.DEVNULL)
        with open(os.path.join(directory, "id")) as handle:
            cluster_id = handle.read().strip()

        kinds = {
            "empty playbook": write(directory, "empty", []),
            "ansible.builtin.ping": write(directory, "ping", [{"ansible.builtin.ping": {}}] * TASKS),
            "genai_dedicated_ai_cluster (idempotent, by id)": write(directory, "dac_id", [
                {"cloudai.control.genai_dedicated_ai_cluster": {"id": cluster_id, "unit_count": 1}}] * TASKS),
            "genai_dedicated_ai_cluster (idempotent, by id, as a module)": write(directory, "dac_id_module", [
                {"cloudai.control.genai_dedicated_ai_cluster": {"id": cluster_id, "unit_count": 1}}] * TASKS,
                cloudai_control_in_controller=False),
            "genai_dedicated_ai_cluster (idempotent, by name)": write(directory, "dac_name", [
                {"cloudai.control.genai_dedicated_ai_cluster": CREATE}] * TASKS),
            "genai_dedicated_ai_cluster_info (by id)": write(directory, "dac_info", [
                {"cloudai.control.genai_dedicated_ai_cluster_info": {"id": cluster_id}}] * TASKS),
        }
        times = dict((kind, []) for kind in kinds)
        order = list(kinds)
        for dummy in range(ROUNDS):
            random.shuffle(order)
            for kind in order:
                times[kind].append(run_playbook(kinds[kind], env))

    base = statistics.median(times["empty playbook"])
    per_task = dict((kind, (statistics.median(values) - base) / TASKS) for kind, values in times.items() if kind != "empty playbook")
    ping = per_task["ansible.builtin.ping"]
    print("per-task cost, %d tasks per playbook, median of %d interleaved rounds (empty playbook %.2f s)" % (TASKS, ROUNDS, base))
    for kind, cost in per_task.items():
        print("  %-52s %6.0f ms   %.2fx ping" % (kind, cost * 1000, cost / ping))
    return 0


if __name__ == "__main__":
    sys.exit(main())
