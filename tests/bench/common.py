"""What the benchmarks share: playbooks written as JSON, timed ansible-playbook runs, the emulator's admin API.

The benchmarks run under `python3 tools/dev.py bench`, which starts the emulator, exports the variables that
point the modules at it (CLOUDAI_OCI_ENDPOINT, OCI_CONFIG_FILE, HUAWEICLOUD_SDK_*), and puts tests/ on
PYTHONPATH. With BENCH_SMOKE=1 every benchmark runs with tiny sizes, only to show that it still works.

Playbooks run with the ansible-playbook next to the Python that runs the benchmarks (the venv's), or with the one
BENCH_ANSIBLE_PLAYBOOK names: another ansible-core, installed in a venv of its own with requests and cryptography,
e.g. `BENCH_ANSIBLE_PLAYBOOK=/venvs/core-2.16/bin/ansible-playbook python3 tools/dev.py bench task_cost`.
"""

import json
import os
import statistics
import re
import subprocess
import sys
import time

from emulator.testing import AdminClient

SMOKE = os.environ.get("BENCH_SMOKE") == "1"
EMULATOR_URL = os.environ.get("CLOUDAI_OCI_ENDPOINT", "")
ANSIBLE_PLAYBOOK = os.environ.get("BENCH_ANSIBLE_PLAYBOOK") or os.path.join(os.path.dirname(sys.executable),
                                                                            "ansible-playbook")


def size(full, smoke):
    return smoke if SMOKE else full


def ansible_env(directory, **extra):
    env = dict(os.environ, ANSIBLE_PIPELINING="False", ANSIBLE_LOCALHOST_WARNING="false",
               ANSIBLE_INVENTORY_UNPARSED_WARNING="false", ANSIBLE_DEPRECATION_WARNINGS="false")
    env["ANSIBLE_LOCAL_TEMP"] = env["ANSIBLE_REMOTE_TEMP"] = os.path.join(directory, "tmp")
    env.update((key, str(value)) for key, value in extra.items())
    return env


def play(tasks, hosts="localhost", **variables):
    return {"name": "bench", "hosts": hosts, "connection": "local", "gather_facts": False, "vars": variables,
            "tasks": tasks}


def write(directory, name, plays):
    path = os.path.join(directory, name + ".yml")
    with open(path, "w") as handle:
        json.dump(plays if isinstance(plays, list) else [plays], handle)  # JSON is YAML
    return path


def run_playbook(path, env, *args, check=True):
    """Run ansible-playbook; return (seconds, stdout)."""
    started = time.monotonic()
    done = subprocess.run([ANSIBLE_PLAYBOOK, path] + list(args), env=env, check=False, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, universal_newlines=True)
    seconds = time.monotonic() - started
    if check and done.returncode != 0:
        raise RuntimeError("%s failed (exit %d):\n%s" % (path, done.returncode, done.stdout[-3000:]))
    return seconds, done.stdout


def ansible_playbook_version():
    """(ansible-core version, Python version) of the ansible-playbook the benchmarks run; fails when that Python
    lacks requests or cryptography (the modules would then run as module processes, not in the controller)."""
    text = subprocess.run([ANSIBLE_PLAYBOOK, "--version"], check=True, stdout=subprocess.PIPE,
                          universal_newlines=True).stdout
    python = re.search(r"python version = (\S+) .*\((\S+)\)$", text, re.M)
    if subprocess.run([python.group(2), "-c", "import requests, cryptography"], check=False).returncode != 0:
        raise RuntimeError("%s runs %s, which cannot import requests and cryptography: pip install them there"
                           % (ANSIBLE_PLAYBOOK, python.group(2)))
    return re.search(r"\[core ([^\]]+)\]", text).group(1), python.group(1)


def median(values):
    return statistics.median(values) if values else float("nan")


def admin():
    return AdminClient(EMULATOR_URL)


def emulator_requests():
    """The emulator's request log since the last clear."""
    return admin().requests_log()


def clear_requests():
    admin().call("DELETE", "/requests")


def settings(**changes):
    return admin().put("/settings", changes)


def table(header, rows):
    """A Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for dummy in header) + "|"]
    lines.extend("| " + " | ".join(str(cell) for cell in row) + " |" for row in rows)
    return "\n".join(lines)
