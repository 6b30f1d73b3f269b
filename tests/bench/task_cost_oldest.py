"""The per-task table of task_cost.py on the oldest ansible-core the collection supports, so that
docs/performance.md shows both ends of the range side by side with the same method. `tools/dev.py bench` names
that ansible-core's ansible-playbook (its venv of the version matrix) in BENCH_OLDEST_ANSIBLE_PLAYBOOK.
"""

import os

import common
import task_cost


def run():
    playbook = os.environ.get("BENCH_OLDEST_ANSIBLE_PLAYBOOK")
    if not playbook:
        raise RuntimeError("BENCH_OLDEST_ANSIBLE_PLAYBOOK is not set: run this benchmark with tools/dev.py bench")
    default, common.ANSIBLE_PLAYBOOK = common.ANSIBLE_PLAYBOOK, playbook
    try:
        figures = task_cost.run(with_breakdown=False)
    finally:
        common.ANSIBLE_PLAYBOOK = default
    figures["title"] = "Per-task cost on the oldest supported ansible-core"
    return figures
