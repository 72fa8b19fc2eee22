"""Shared fixtures: Sphinx test roots under tests/roots/test-*.

Plain helpers (tools, builds, readers of pages) are in :mod:`tests.support`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.tools import ROOTS


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS
