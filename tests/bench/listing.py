"""Listing at scale: an info module over 1,000 and 10,000 resources: pages fetched (at the largest page size
the service allows, counted in the emulator's log of a playbook run that checks every resource came back), and
the time and peak memory of the module's work: its main() run in this process, which is what a task on the
controller does in its worker (a playbook's own start-up, about as long as listing 1,000 resources, would hide
the growth). Wall time includes the emulator serving the pages; CPU time is the module's own (the emulator runs in
a process of its own). Target: time grows linearly, 10k/1k <= 11."""

import concurrent.futures
import contextlib
import importlib
import io
import os
import sys
import tempfile
import time
import tracemalloc

from common import EMULATOR_URL, SMOKE, ansible_env, clear_requests, emulator_requests, median, play, run_playbook, table, write
from emulator.testing import HuaweiClient, OciClient

sys.path.insert(0, os.environ.get("ANSIBLE_COLLECTIONS_PATH", ""))
from ansible.module_utils.testing import patch_module_args  # noqa: E402 pylint: disable=wrong-import-position

SIZES = (100, 300) if SMOKE else (1000, 10000)
ROUNDS = 1 if SMOKE else 5


def seed_clusters(count):
    """`count` clusters in a compartment of their own; the info module's arguments that list them."""
    compartment = "ocid1.compartment.oc1..aaaaaaaabenchlist%d" % count
    client = OciClient(EMULATOR_URL)
    body = {"compartmentId": compartment, "type": "HOSTING", "unitShape": "SMALL_COHERE_V2", "unitCount": 1}
    create(lambda number: client.post("/20231130/dedicatedAiClusters", dict(body, displayName="bench-list-%05d" % number)),
           range(count))
    return {"compartment_id": compartment}


def seed_workspaces(count):
    """Workspaces up to `count` in all (a project has one list of them); the info module's arguments."""
    client = HuaweiClient(EMULATOR_URL)
    have = client.request("GET", "/v1/workspaces", params={"limit": 1, "enterprise_project_id": "all_granted_eps"}).json()["total"]
    create(lambda number: client.request("POST", "/v1/workspaces", {"name": "bench-list-%05d" % number}),
           range(have, count))
    return {}


def create(send, numbers):
    def one(number):
        send(number).raise_for_status()

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        list(pool.map(one, numbers))


# module, what it returns, how to make resources for it and the arguments that list them, page size
CASES = (
    ("genai_dedicated_ai_cluster_info", "dedicated_ai_clusters", seed_clusters, 1000),
    ("fabric_workspace_info", "workspaces", seed_workspaces, 100),
)


def run_main(module_name, args):
    """(wall seconds, CPU seconds of this process) the module's main() takes here."""
    module = importlib.import_module("ansible_collections.cloudai.control.plugins.modules." + module_name)
    started, cpu = time.perf_counter(), time.process_time()
    with patch_module_args(args), contextlib.redirect_stdout(io.StringIO()):
        try:
            module.main()
        except SystemExit:
            pass
    return time.perf_counter() - started, time.process_time() - cpu


def peak_memory(module_name, args):
    """Peak bytes allocated while the module's main() runs here."""
    tracemalloc.start()
    run_main(module_name, args)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def run():
    rows, ratios = [], {}
    with tempfile.TemporaryDirectory() as directory:
        env = ansible_env(directory)
        for module, returned, seed, page_size in CASES:
            seconds = {}
            for count in SIZES:
                args = seed(count)
                task = {"cloudai.control." + module: args, "register": "listed"}
                check = {"ansible.builtin.assert": {"that": ["listed.%s | length == %d" % (returned, count)]}}
                clear_requests()
                run_playbook(write(directory, "list%d" % count, play([task, check])), env)
                pages = len([e for e in emulator_requests() if e["method"] == "GET"])
                run_main(module, args)  # warm-up
                runs = [run_main(module, args) for dummy in range(ROUNDS)]
                seconds[count] = (median([wall for wall, cpu in runs]), median([cpu for wall, cpu in runs]))
                rows.append((module, count, "%d (of %d)" % (pages, page_size), "%.2f" % seconds[count][0],
                             "%.2f" % seconds[count][1],
                             "%.1f" % (peak_memory(module, args) / 1048576.0)))
            ratios[module] = tuple(seconds[SIZES[1]][k] / seconds[SIZES[0]][k] for k in (0, 1))
    return {
        "title": "Listing at scale",
        "summary": "Pages at the largest size each service allows; median of %d runs. Ratio for 10x the resources, "
                   "module CPU time (target <= 11) and wall time: %s. Where wall time grows faster, it is the emulator: "
                   "it filters and sorts every resource for each page it serves (a service with an index does not), "
                   "so serving n resources in pages costs it n^2/page." % (
                       ROUNDS, ", ".join("%s %.1f and %.1f" % (name, cpu, wall) for name, (wall, cpu) in sorted(ratios.items()))),
        "table": table(("module", "resources", "pages fetched (page size)", "wall s", "module CPU s",
                        "peak MiB (module work)"), rows),
        "figures": {"ratios": ratios},
    }


if __name__ == "__main__":
    figures = run()
    print(figures["summary"] + "\n" + figures["table"])
