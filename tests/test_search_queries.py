"""Japanese search on the sample site: every query of search_queries.txt, typed in a browser.

The queries are words and phrases of the Kawasaki results (single words,
compounds, phrases with particles, several words, full-width letters).
Each is typed into the search box of search.html in headless Chromium and
must bring up its page.  bench/search.py runs the same queries against
other splitters (bench/README.md has the comparison).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from bench.search import load_queries, run_queries

from tests.support.tools import ROOT, require_tool

pytestmark = pytest.mark.browser


def test_every_query_finds_its_page(tmp_path: Path) -> None:
    chromium = require_tool("chromium", "the search query test")
    site = tmp_path / "html"
    # In its own process: in-process builds share docutils' global registries.
    build = [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-c", str(ROOT / "conf"), str(ROOT / "source"), str(site)]
    result = subprocess.run(build, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    queries = load_queries()
    assert len(queries) >= 30
    missed = [
        f"{query!r} found {found}, not {expected}"
        for query, expected, found in run_queries(site, queries, chromium)
        if expected not in found
    ]
    assert not missed, "\n".join(missed)
