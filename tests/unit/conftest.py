"""Shared by every unit test: `tests/` on sys.path so `import emulator` works, and a running emulator."""

import os
import sys

import pytest

TESTS_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
if TESTS_DIR not in sys.path:
    sys.path.insert(0, TESTS_DIR)

from emulator import start_emulator  # noqa: E402


@pytest.fixture
def emulator():
    handle = start_emulator(delay=1.0)
    yield handle
    handle.stop()
