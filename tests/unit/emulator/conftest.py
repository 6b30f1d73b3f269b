"""Fixtures for the emulator's own tests: a running emulator and signing clients bound to it.

`tests/` goes on sys.path so that `import emulator` works under plain pytest and ansible-test units.
"""

import os
import sys

import pytest

TESTS_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
if TESTS_DIR not in sys.path:
    sys.path.insert(0, TESTS_DIR)

from emulator import start_emulator  # noqa: E402
from emulator.config import TEST_COMPARTMENT  # noqa: E402
from emulator.testing import AdminClient, HuaweiClient, OciClient  # noqa: E402


@pytest.fixture
def emulator():
    handle = start_emulator(delay=1.0)
    yield handle
    handle.stop()


@pytest.fixture
def oci(emulator):
    return OciClient(emulator.url)


@pytest.fixture
def huawei(emulator):
    return HuaweiClient(emulator.url)


@pytest.fixture
def admin(emulator):
    return AdminClient(emulator.url)


@pytest.fixture
def compartment():
    return TEST_COMPARTMENT
