"""Concurrency under throttling: resources converged by several forks while the emulator lets only a fixed
number of requests a second through (429 with Retry-After for the rest). All must succeed with no
duplicates, and the run should take no more than 1.5x (requests that got through / allowed rate)."""

import collections
import os
import tempfile
import time

from common import EMULATOR_URL, SMOKE, admin, ansible_env, clear_requests, emulator_requests, run_playbook, table, write
from emulator.testing import OciClient

HOSTS = 5 if SMOKE else 10
PER_HOST = 2 if SMOKE else 5
PER_SECOND = 5
COMPARTMENT = "ocid1.compartment.oc1..aaaaaaaabenchthrottle"


def live_names(compartment):
    client = OciClient(EMULATOR_URL)
    names, page = [], None
    while True:
        params = {"compartmentId": compartment, "limit": 1000}
        if page:
            params["page"] = page
        response = client.get("/20231130/dedicatedAiClusters", params=params)
        response.raise_for_status()
        names.extend(item["displayName"] for item in response.json()["items"] if item["lifecycleState"] != "DELETED")
        page = response.headers.get("opc-next-page")
        if not page:
            return names


def run():
    expected = HOSTS * PER_HOST
    with tempfile.TemporaryDirectory() as directory:
        env = ansible_env(directory)
        inventory = os.path.join(directory, "inventory")
        with open(inventory, "w") as handle:
            handle.write("[bench]\n" + "".join("bench-%d ansible_connection=local\n" % n for n in range(HOSTS)))
        playbook = write(directory, "throttled", {
            "name": "converge under throttling", "hosts": "bench", "gather_facts": False, "tasks": [{
                "cloudai.control.genai_dedicated_ai_cluster": {
                    "compartment_id": COMPARTMENT, "display_name": "bench-throttle-{{ inventory_hostname }}-{{ item }}",
                    "type": "HOSTING", "unit_shape": "SMALL_COHERE_V2", "unit_count": 1},
                "loop": "{{ range(%d) | list }}" % PER_HOST}]})
        clear_requests()
        admin().put("/faults", {"faults": [{"kind": "rate_limit", "per_second": PER_SECOND, "service": "genai"}]})
        try:
            started = time.monotonic()
            run_playbook(playbook, env, "-i", inventory, "--forks", str(HOSTS))
            seconds = time.monotonic() - started
            injected = admin().get("/faults")["faults"][0]["injected"]
        finally:
            admin().call("DELETE", "/faults")
        log = emulator_requests()
    passed = len([e for e in log if e["status"] != 429])
    names = live_names(COMPARTMENT)
    duplicates = sum(count - 1 for count in collections.Counter(names).values() if count > 1)
    floor = passed / float(PER_SECOND)
    return {
        "title": "Concurrency under throttling",
        "summary": "%d resources, %d forks, the emulator allowing %d requests a second. %d requests got through, %d were "
                   "throttled; the run took %.1f s against a floor of %.1f s (%.2fx, target <= 1.5x). Found %d of %d, "
                   "%d duplicates." % (expected, HOSTS, PER_SECOND, passed, injected, seconds, floor,
                                       seconds / floor, len(set(names)), expected, duplicates),
        "table": table(("resources", "forks", "allowed req/s", "requests through", "throttled (429)", "seconds",
                        "x floor", "found", "duplicates"),
                       [(expected, HOSTS, PER_SECOND, passed, injected, "%.1f" % seconds, "%.2f" % (seconds / floor),
                         len(set(names)), duplicates)]),
        "figures": {"ratio": seconds / floor, "duplicates": duplicates, "found": len(set(names)), "expected": expected},
    }


if __name__ == "__main__":
    figures = run()
    print(figures["summary"] + "\n" + figures["table"])
