"""Fixtures of the release tests: a running emulator, and the collection built and installed once per run."""

import pytest

from release_helpers import build_and_install, shared_once  # also puts tests/ on sys.path for the emulator
from emulator import start_emulator


@pytest.fixture
def emulator():
    handle = start_emulator(delay=1.0)
    yield handle
    handle.stop()


@pytest.fixture(scope="session")
def built_collection(tmp_path_factory):
    """The tarball `ansible-galaxy collection build` makes, and a fresh path it was installed into."""
    out = shared_once(tmp_path_factory, "collection-build", build_and_install)
    tarballs = list(out.glob("cloudai-control-*.tar.gz"))
    assert len(tarballs) == 1, tarballs
    return tarballs[0], out / "installed"
