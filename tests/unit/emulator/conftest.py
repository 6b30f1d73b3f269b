"""Fixtures for the emulator's own tests: signing clients bound to the running emulator (tests/unit/conftest.py)."""

import pytest

from emulator.config import TEST_COMPARTMENT
from emulator.testing import AdminClient, HuaweiClient, OciClient


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
