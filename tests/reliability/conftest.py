"""Fixtures of the reliability suites: a fresh emulator per test with its admin client and the test credentials."""

import os
import sys

import pytest

TESTS_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
if TESTS_DIR not in sys.path:
    sys.path.insert(0, TESTS_DIR)

from emulator import start_emulator  # noqa: E402
from reliability.harness import COUNTS, Credentials, EmulatorAdmin, record  # noqa: E402


def pytest_sessionfinish(session):
    """What this process ran, for the report's traceback count (each xdist worker records its own)."""
    if any(COUNTS.values()):
        record("runs", **COUNTS)


class Emulated:
    """One running emulator: ``handle`` (white-box state), ``url``, ``admin``, ``credentials``."""

    def __init__(self, handle, directory):
        self.handle = handle
        self.url = handle.url
        self.admin = EmulatorAdmin(handle.url)
        self.credentials = Credentials(handle.url, directory)


@pytest.fixture
def emulated(tmp_path):
    """A fresh emulator whose lifecycles settle at once (delay 0)."""
    handle = start_emulator(delay=0)
    try:
        yield Emulated(handle, tmp_path / "credentials")
    finally:
        handle.stop()


@pytest.fixture
def start(tmp_path):
    """Start more emulators (``start(delay=..., config=..., tls_cert=..., tls_key=...)``); all stopped at the end."""
    handles = []

    def starter(**options):
        options.setdefault("delay", 0)
        handle = start_emulator(**options)
        handles.append(handle)
        return Emulated(handle, tmp_path / ("credentials-%d" % len(handles)))

    yield starter
    for handle in handles:
        handle.stop()
