# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A local ``src`` of an analysis: a regular, non-empty file within the inline limit, read no further than it."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os

import pytest

from ansible_collections.cloudai.control.plugins.module_utils import vision
from ansible_collections.cloudai.control.plugins.module_utils.errors import ConfigError


def test_a_regular_file_within_the_limit_is_read_whole(tmp_path):
    image = tmp_path / "shelf.png"
    image.write_bytes(b"\x89PNG" + b"x" * 100)
    assert vision._local_file(str(image), "src") is None
    assert vision._read_inline(str(image)) == b"\x89PNG" + b"x" * 100


@pytest.mark.parametrize("path, problem", [
    ("/proc/self/environ", "is empty"), ("/dev/zero", "is not a regular file"), (".", "is not a regular file"),
])
def test_what_is_not_a_regular_file_with_content_is_refused(path, problem):
    assert problem in vision._local_file(path, "src")


def test_a_file_whose_size_is_not_what_it_holds_is_refused_after_reading_no_more_than_the_limit(monkeypatch):
    monkeypatch.setattr(vision, "INLINE_LIMIT", 10)
    with pytest.raises(ConfigError, match="src /proc/self/environ changed while it was read, or is not a regular file"):
        vision._read_inline("/proc/self/environ")  # its size says 0


def test_a_file_that_grew_past_the_limit_is_refused(tmp_path, monkeypatch):
    image = tmp_path / "growing.png"
    image.write_bytes(b"x" * 8)
    assert vision._local_file(str(image), "src") is None
    monkeypatch.setattr(vision, "INLINE_LIMIT", 10)
    with open(str(image), "ab") as handle:
        handle.write(b"x" * 100)
    with pytest.raises(ConfigError, match="at most 10 bytes"):
        vision._read_inline(str(image))
    assert os.path.getsize(str(image)) == 108
