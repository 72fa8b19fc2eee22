"""Compare HTML themes on the checks the browser tests make.

Builds the site once per theme (each theme installed in its own scratch
virtual environment, so the project's .venv keeps only the chosen one)
and reports, per theme and page: axe-core WCAG 2.0/2.1 A+AA violations,
Nu Html Checker errors and sideways scrolling at 375 px.

    python -m tests.browser.theme_trial --out DIR \\
        furo=/path/to/venv-furo/bin/sphinx-build alabaster=.venv/bin/sphinx-build ...

The numbers are written into source/about/theme.md by hand.
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.support import a11y_checks as checks

ROOT = Path(__file__).resolve().parents[2]


def build(theme: str, sphinx_build: str, source: Path, out: Path) -> int:
    """Build the site with ``theme``; returns the number of warnings."""
    completed = subprocess.run(
        [sphinx_build, "-q", "-n", "-E", "-c", str(ROOT / "conf"), "-D", f"html_theme={theme}", "-b", "html", str(source), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(completed.stderr)
    return completed.stderr.count("WARNING")


# Body text size, font and line length (in characters of 1em) of the first paragraph.
_TYPOGRAPHY = """() => {
  const p = document.querySelector('main p, [role=main] p, .body p, article p');
  const s = getComputedStyle(p);
  const size = parseFloat(s.fontSize);
  return {fontSize: s.fontSize, lineHeight: s.lineHeight, fontFamily: s.fontFamily.slice(0, 80),
          lineChars: Math.round(p.getBoundingClientRect().width / size)};
}"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--source", type=Path, default=ROOT / "source", help="a copy of source/ with extra sample pages, say")
    parser.add_argument("themes", nargs="+", help="theme=path/to/sphinx-build")
    arguments = parser.parse_args()
    chromium = checks.chromium_path()
    if chromium is None:
        raise SystemExit("chromium is not installed")
    summary = {}
    with sync_playwright() as playwright:
        browser = checks.launch(playwright, chromium)
        for spec in arguments.themes:
            theme, sphinx_build = spec.split("=", 1)
            out = arguments.out / theme
            warnings = build(theme, sphinx_build, arguments.source, out)
            pages = checks.html_pages(out)
            vnu = checks.vnu_messages(out, pages)
            axe: collections.Counter[str] = collections.Counter()
            axe_nodes = 0
            sideways = []
            with checks.serve(out) as base:
                for viewport, measure in ((checks.DESKTOP, "axe"), (checks.PHONE, "phone")):
                    context = browser.new_context(viewport=viewport)
                    page = context.new_page()
                    for name in pages:
                        page.goto(base + name.as_posix(), wait_until="load")
                        if measure == "axe":
                            if name.as_posix() == "results/index.html":
                                page.screenshot(path=str(arguments.out / f"{theme}-1280.png"), full_page=False)
                                typography = page.evaluate(_TYPOGRAPHY)
                            for violation in checks.axe_violations(page):
                                axe[violation["id"]] += 1
                                axe_nodes += len(violation["nodes"])
                        else:
                            if name.as_posix() == "results/index.html":
                                page.screenshot(path=str(arguments.out / f"{theme}-375.png"), full_page=False)
                            result = checks.sideways_overflow(page)
                            if result["scrolls"]:
                                sideways.append(f"{name} ({result['scrollWidth']}px: {', '.join(result['culprits'][:2])})")
                    context.close()
            vnu_kinds: collections.Counter[str] = collections.Counter()
            for messages in vnu.values():
                for message in messages:
                    vnu_kinds[message.split(": ", 1)[1].split(" [", 1)[0][:90]] += 1
            summary[theme] = {
                "pages": len(pages),
                "warnings": warnings,
                "axe_rules_by_page": dict(axe),
                "axe_nodes": axe_nodes,
                "vnu_errors": sum(len(m) for m in vnu.values()),
                "vnu_kinds": dict(vnu_kinds),
                "sideways_at_375": sideways,
                "typography": typography,
            }
            print(json.dumps({theme: summary[theme]}, ensure_ascii=False, indent=1), flush=True)
        browser.close()
    (arguments.out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
