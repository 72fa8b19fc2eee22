"""Shared fixtures: Sphinx test roots under tests/roots/test-*."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ROOTS = Path(__file__).resolve().parent / "roots"


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


def require_tool(name: str, what: str) -> str:
    """The path of a tool a test needs; under CI=true a missing tool fails the test."""
    path = shutil.which(name)
    if path is None:
        message = f"{what} needs {name!r}, which is not installed (make test installs it on Debian as root)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


def sphinx_build(*args: str) -> None:
    """sphinx-build in its own process: in-process builds share docutils' global
    registries with the sphinx.testing apps of other tests."""
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-nW", "--keep-going", "-q", *args], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"sphinx-build {' '.join(args)} failed or warned:\n{result.stderr}"


EPUBCHECK_JAR = Path(os.environ.get("EPUBCHECK_JAR", "/usr/share/java/epubcheck.jar"))


def run_epubcheck(epub: Path) -> subprocess.CompletedProcess[str]:
    """EPUBCheck run on ``epub``; under CI=true a missing EPUBCheck fails the test."""
    java = require_tool("java", "EPUBCheck")
    if not EPUBCHECK_JAR.exists():
        message = f"EPUBCheck needs {EPUBCHECK_JAR} (Debian package epubcheck; make test installs it)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return subprocess.run([java, "-jar", str(EPUBCHECK_JAR), str(epub)], capture_output=True, text=True, check=False)
