"""Start-up weight of every module: the AnsiballZ payload a module run ships, and the import time of the
module's whole import chain (`python -X importtime` over the payload, re-run with the same arguments), next to
ansible.builtin.ping's: ansible-core's own share of every payload (basic.py and what it needs) is ping's
payload, so the collection's share is the difference.

Also the one-time cost of the in-controller mode: importing the action plugin (and with it requests,
cryptography and the collection's module_utils) in the controller before it forks its workers.
"""

import glob
import os
import re
import subprocess
import sys
import tempfile

from common import ansible_env, median, play, run_playbook, size, table, write
from scenarios import TASKS, modules, stand_up
from task_cost import ROOT

PAYLOAD_LIMIT_KB = 64
REPEATS = size(5, 1)
IMPORT_LINE = re.compile(r"^import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)")


def import_profile(command, env):
    """(total import microseconds, set of top-level packages) of one run of command under -X importtime."""
    done = subprocess.run([sys.executable, "-X", "importtime"] + command, env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, universal_newlines=True, check=False)
    total, packages = 0, set()
    for line in done.stderr.splitlines():
        match = IMPORT_LINE.match(line)
        if match:
            total += int(match.group(1))
            packages.add(match.group(4).split(".")[0])
    return total, packages


def run():
    rows, worst_kb, crypto_misuse = [], 0.0, []
    with tempfile.TemporaryDirectory() as directory:
        env = ansible_env(directory, ANSIBLE_KEEP_REMOTE_FILES="1")
        ids = stand_up(directory, ansible_env(directory))
        names = modules(ROOT)
        tasks = [{"ansible.builtin.ping": {}}] + [{"cloudai.control." + name: TASKS[name](ids)} for name in names]
        run_playbook(write(directory, "payloads", play(tasks, cloudai_control_in_controller=False)), env)
        payloads = dict((re.sub(r"^AnsiballZ_|\.py$", "", os.path.basename(path)), path)
                        for path in glob.glob(os.path.join(directory, "tmp", "*", "AnsiballZ_*.py")))
        run_env = dict(env, PYTHONPATH="")
        ping_kb = os.path.getsize(payloads["ping"]) / 1024.0
        for name in ["ping"] + names:
            path = payloads[name]
            kilobytes = os.path.getsize(path) / 1024.0
            profiles = [import_profile([path], run_env) for dummy in range(REPEATS)]
            packages = profiles[0][1]
            if name != "ping":
                worst_kb = max(worst_kb, kilobytes - ping_kb)
                if ("cryptography" in packages) != name.startswith(("genai_", "vision_")):  # OCI signs with RSA
                    crypto_misuse.append(name)
            rows.append(("ansible.builtin.ping" if name == "ping" else name, "%.1f" % kilobytes,
                         "%.1f" % (kilobytes - ping_kb), "%.0f" % (median([p[0] for p in profiles]) / 1000.0),
                         "yes" if "requests" in packages else "no", "yes" if "cryptography" in packages else "no"))
        controller_env = dict(env, PYTHONPATH=env["ANSIBLE_COLLECTIONS_PATH"])
        base = "import ansible.plugins.action, ansible.executor.task_executor"  # loaded in the controller anyway
        full = base + "; import ansible_collections.cloudai.control.plugins.plugin_utils.in_controller"
        in_controller = [import_profile(["-c", full], controller_env)[0] - import_profile(["-c", base], controller_env)[0]
                         for dummy in range(REPEATS)]
    return {
        "title": "Start-up weight",
        "summary": "Payload target <= %d KB for what the collection adds to ansible-core's own %.0f KB (ping's payload, "
                   "the floor for any module on this ansible-core): largest addition %.1f KB. cryptography is imported by exactly the modules that sign "
                   "with RSA (OCI)%s. The in-controller mode imports its whole chain once per playbook run, in the "
                   "controller, before the workers fork: %.0f ms more than the controller imports anyway (median of %d)." % (
                       PAYLOAD_LIMIT_KB, ping_kb, worst_kb,
                       "" if not crypto_misuse else " except: " + ", ".join(crypto_misuse),
                       median(in_controller) / 1000.0, REPEATS),
        "table": table(("module", "AnsiballZ payload KB", "added to ping's KB", "import ms (whole chain, module run)", "requests",
                        "cryptography"), rows),
        "figures": {"largest_added_payload_kb": worst_kb, "ping_payload_kb": ping_kb, "cryptography_misuse": crypto_misuse},
    }


if __name__ == "__main__":
    figures = run()
    print(figures["summary"] + "\n" + figures["table"])
