"""Listing at scale: an info module over 1,000 and 10,000 resources: pages fetched (at the largest page size
the service allows), wall time of the task, and peak memory of the module's own work (tracemalloc, the
module's main() run in this process, which is what the in-controller mode does).
Target: time grows linearly, 10k/1k <= 11."""

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
from emulator.testing import OciClient

sys.path.insert(0, os.environ.get("ANSIBLE_COLLECTIONS_PATH", ""))
from ansible.module_utils.testing import patch_module_args  # noqa: E402 pylint: disable=wrong-import-position

SIZES = (100, 1000) if SMOKE else (1000, 10000)
ROUNDS = 1 if SMOKE else 3
CLUSTERS = "/20231130/dedicatedAiClusters"


def seed(compartment, count):
    client = OciClient(EMULATOR_URL)
    body = {"compartmentId": compartment, "type": "HOSTING", "unitShape": "SMALL_COHERE_V2", "unitCount": 1}

    def create(number):
        response = client.post(CLUSTERS, dict(body, displayName="bench-list-%05d" % number))
        response.raise_for_status()

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        list(pool.map(create, range(count)))


def peak_memory(module_name, args):
    """Peak bytes allocated while the module's main() runs here."""
    module = importlib.import_module("ansible_collections.cloudai.control.plugins.modules." + module_name)
    tracemalloc.start()
    with patch_module_args(args), contextlib.redirect_stdout(io.StringIO()):
        try:
            module.main()
        except SystemExit:
            pass
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def run():
    rows, seconds = [], {}
    with tempfile.TemporaryDirectory() as directory:
        env = ansible_env(directory)
        # the same task over an empty compartment: what the task costs whatever the size (start-up, one request)
        nothing = write(directory, "nothing", play([{"cloudai.control.genai_dedicated_ai_cluster_info": {
            "compartment_id": "ocid1.compartment.oc1..aaaaaaaabenchlistempty"}}]))
        empty = median([run_playbook(nothing, env)[0] for dummy in range(ROUNDS)])
        for count in SIZES:
            compartment = "ocid1.compartment.oc1..aaaaaaaabenchlist%d" % count
            seed(compartment, count)
            args = {"compartment_id": compartment}
            task = {"cloudai.control.genai_dedicated_ai_cluster_info": args, "register": "listed"}
            check = {"ansible.builtin.assert": {"that": ["listed.dedicated_ai_clusters | length == %d" % count]}}
            path = write(directory, "list%d" % count, play([task, check]))
            clear_requests()
            times = [run_playbook(path, env)[0] - empty for dummy in range(ROUNDS)]
            pages = len([e for e in emulator_requests() if e["method"] == "GET"]) // ROUNDS
            seconds[count] = median(times)
            memory = peak_memory("genai_dedicated_ai_cluster_info", args)
            rows.append(("genai_dedicated_ai_cluster_info", count, pages, "%.2f" % seconds[count],
                         "%.1f" % (memory / 1048576.0)))
    small, large = SIZES
    ratio = seconds[large] / seconds[small]
    return {
        "title": "Listing at scale",
        "summary": "Pages of 1000 (the largest the service allows). Seconds: the playbook's time less that of the same "
                   "task over an empty compartment, median of %d. %d/%d time ratio: %.1f (target <= 11 for 10x the "
                   "resources)." % (ROUNDS, large, small, ratio),
        "table": table(("module", "resources", "pages fetched", "seconds", "peak MiB (module work)"), rows),
        "figures": {"ratio": ratio},
    }


if __name__ == "__main__":
    figures = run()
    print(figures["summary"] + "\n" + figures["table"])
