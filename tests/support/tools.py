"""The tools a test needs: found or the test fails (CI) or skips, and run as a writer runs them."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ROOTS = ROOT / "tests" / "roots"


def require_tool(name: str, what: str) -> str:
    """The path of a tool a test needs; under CI=true a missing tool fails the test."""
    path = shutil.which(name)
    if path is None:
        _missing(f"{what} needs {name!r}, which is not installed (make test installs it on Debian as root)")
    assert path is not None
    return path


def _missing(message: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


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
        _missing(f"EPUBCheck needs {EPUBCHECK_JAR} (Debian package epubcheck; make test installs it)")
    return subprocess.run([java, "-jar", str(EPUBCHECK_JAR), str(epub)], capture_output=True, text=True, check=False)


def epubcheck(epub: Path) -> str:
    """EPUBCheck's report; fails the test unless it has no error and no warning."""
    result = run_epubcheck(epub)
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert re.search(r"Messages: 0 fatals / 0 errors / 0 warnings", report), report
    return report


def require_latex() -> None:
    for tool in ("uplatex", "dvipdfmx", "latexmk", "pdftotext", "pdffonts", "pdfinfo"):
        require_tool(tool, "printing a PDF")


def latexmk(directory: Path, stem: str) -> None:
    """Compile one document as the Makefile does (upLaTeX, then dvipdfmx);
    fail with the end of its log."""
    result = subprocess.run(
        ["latexmk", "-r", "latexmkjarc", "-pdfdvi", "-dvi-", "-ps-", "-silent", "-halt-on-error", f"{stem}.tex"],
        cwd=directory,
        capture_output=True,
        text=True,
        env={**os.environ, "LATEXOPTS": ""},
        check=False,
    )
    if result.returncode != 0:
        log = directory / f"{stem}.log"
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:] if log.exists() else result.stdout[-3000:]
        pytest.fail(f"LaTeX failed for {stem}:\n{tail}")


# dvipdfmx names the Latin fonts' ligature glyphs by their Unicode
# presentation forms (ﬁ U+FB01); a reader sees, and a viewer's search finds, "fi".
LIGATURES = {ord(char): unicodedata.normalize("NFKC", char) for char in "\ufb00\ufb01\ufb02\ufb03\ufb04"}


def pdf_text(pdf: Path) -> str:
    """The text of a PDF in content-stream order: the lines of a table cell
    in a row (the default reading order interleaves the lines of cells side
    by side)."""
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.translate(LIGATURES)


def squeeze(text: str) -> str:
    """Text without white space: pdftotext breaks lines and spaces Latin from Japanese.

    A Latin word hyphenated at the end of a line is joined again.
    """
    return re.sub(r"\s+", "", re.sub(r"(?<=[A-Za-z])-\n(?=[A-Za-z])", "", text))
