"""Compare Japanese search splitters: index time and queries typed in a browser.

For each splitter of bench/splitters.py that is installed:

1. index time: the splitter over every text of a 1,000-opinion synthetic
   consultation (about 730,000 characters), as Sphinx feeds it;
2. the sample site built with it, and every query of
   tests/search_queries.txt typed into the search box of the built site in
   headless Chromium: does the expected page come up, and how many pages
   come up that do not contain the query's words (false hits).

    python -m bench.search [--out bench/work/search] [--only bigram]

Splitters whose packages are missing are listed as such; install them
into any directory and put it on PYTHONPATH to include them.
"""

from __future__ import annotations

import argparse
import html
import importlib
import os
import re
import shutil
import subprocess
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.support.localsite import CHROMIUM_ARGS, serve

from bench import generate
from bench.splitters import CANDIDATES

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


QUERIES = REPO / "tests" / "search_queries.txt"


def load_queries(path: Path = QUERIES) -> list[tuple[str, str]]:
    queries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            query, expected = line.split("\t")
            queries.append((query, expected))
    return queries


def type_query(page: Any, base: str, query: str) -> list[str]:
    """Type ``query`` into the search page's box, press Enter; the docnames found."""
    page.goto(base + "search.html")
    box = page.locator('input[name="q"]').first
    box.fill(query)
    box.press("Enter")
    page.wait_for_url(re.compile(r"search\.html\?q="))
    # searchtools.js stops its pulse when the last result is shown.
    page.wait_for_function("() => document.querySelector('#search-results h2') !== null && Search._pulse_status === -1", timeout=30_000)
    hrefs = page.eval_on_selector_all("#search-results ul.search li > a", "links => links.map(a => a.getAttribute('href'))")
    found = []
    for href in hrefs:
        name = href.split("#")[0].split("?")[0]
        name = name[:-5] if name.endswith(".html") else name.rstrip("/") + "/index"
        if name not in found:
            found.append(name)
    return found


def run_queries(site: Path, queries: list[tuple[str, str]], chromium: str = "/usr/bin/chromium") -> list[tuple[str, str, list[str]]]:
    from playwright.sync_api import sync_playwright

    results = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            for query, expected in queries:
                results.append((query, expected, type_query(page, base, query)))
        finally:
            browser.close()
    return results


def page_text(site: Path, docname: str) -> str:
    raw = (site / f"{docname}.html").read_text(encoding="utf-8")
    body = raw.split('role="main"', 1)[-1]
    text = html.unescape(re.sub(r"<[^>]+>", "", body))
    # Japanese is written with or without spaces around Latin words (DX 推進, DX推進).
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).lower())


def false_hits(site: Path, query: str, found: list[str]) -> list[str]:
    """Pages found that do not hold every word of the query (spaces aside)."""
    words = unicodedata.normalize("NFKC", query).lower().split()
    return [doc for doc in found if not (site / f"{doc}.html").exists() or not all(w in page_text(site, doc) for w in words)]


@dataclass
class Outcome:
    name: str
    packages: str
    missing: str = ""
    split_seconds: float = 0.0
    build_seconds: float = 0.0
    passed: int = 0
    total: int = 0
    false: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def splitter_class(dotted: str | None) -> Any:
    if dotted is None:
        from sphinx.search.ja import DefaultSplitter

        return DefaultSplitter
    module, _, name = dotted.rpartition(".")
    return getattr(importlib.import_module(module), name)


def corpus() -> list[str]:
    model = generate.build_model(1000, seed=1)
    return [p for o in model.opinions for p in (*o.summary, *o.response, *o.summary_notes, *o.response_notes)]


def measure(name: str, dotted: str | None, packages: str, out: Path, texts: list[str], queries: list[tuple[str, str]]) -> Outcome:
    outcome = Outcome(name, packages)
    try:
        splitter = splitter_class(dotted)({})
    except Exception as error:
        outcome.missing = f"{type(error).__name__}: {error}"
        return outcome
    start = time.perf_counter()
    for text in texts:
        splitter.split(text)
    outcome.split_seconds = time.perf_counter() - start
    site = out / re.sub(r"\W+", "-", name.lower()).strip("-")
    shutil.rmtree(site, ignore_errors=True)
    command = [
        str(Path(sys.executable).with_name("sphinx-build")),
        "-q",
        "-b",
        "html",
        "-c",
        str(REPO / "conf"),
        "-D",
        f"html_search_options.type={dotted or 'sphinx.search.ja.DefaultSplitter'}",
        str(REPO / "source"),
        str(site),
    ]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])])}
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env, capture_output=True)
    outcome.build_seconds = time.perf_counter() - start
    for query, expected, found in run_queries(site, queries):
        outcome.total += 1
        if expected in found:
            outcome.passed += 1
        else:
            outcome.failures.append(query)
        outcome.false += [f"{query} → {doc}" for doc in false_hits(site, query, found)]
    return outcome


def table(outcomes: list[Outcome], chars: int) -> str:
    lines = [
        f"| splitter | packages | index time (split {chars:,} chars) | sample site build | queries found | false hits |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for o in outcomes:
        if o.missing:
            lines.append(f"| {o.name} | {o.packages} | not installed | | | |")
            continue
        cells = [o.name, o.packages, f"{o.split_seconds:.2f} s", f"{o.build_seconds:.1f} s", f"{o.passed}/{o.total}", str(len(o.false))]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=HERE / "work" / "search")
    parser.add_argument("--only", default="", help="measure only splitters whose name contains this")
    parser.add_argument("--write-readme", action="store_true", help="write the comparison into bench/README.md")
    args = parser.parse_args()
    started = time.strftime("%Y-%m-%d %H:%M", time.gmtime())
    args.out.mkdir(parents=True, exist_ok=True)
    texts = corpus()
    queries = load_queries()
    outcomes = []
    for name, (dotted, packages) in CANDIDATES.items():
        if args.only.lower() not in name.lower():
            continue
        outcome = measure(name, dotted, packages, args.out, texts, queries)
        summary = outcome.missing or f"{outcome.passed}/{outcome.total} found, split {outcome.split_seconds:.2f} s"
        print(f"{name}: {summary}", file=sys.stderr)
        if outcome.failures:
            print("  not found: " + " / ".join(outcome.failures), file=sys.stderr)
        outcomes.append(outcome)
    lines = [
        f"Run of {started} UTC, `python -m bench.search`, {len(queries)} queries of tests/search_queries.txt.",
        "",
        table(outcomes, sum(map(len, texts))),
    ]
    for o in outcomes:
        if o.failures:
            lines += ["", f"{o.name} did not find: {' / '.join(o.failures)}"]
        if o.false:
            lines += ["", f"{o.name}, pages found without every word of the query: {' / '.join(o.false)}"]
    report = "\n".join(lines) + "\n"
    print(report)
    if args.write_readme:
        from run import write_readme

        write_readme(report, section="search")


if __name__ == "__main__":
    main()
