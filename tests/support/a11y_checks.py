"""Browser and validator checks over a built HTML site.

Shared by the browser tests and by ``theme_trial.py`` (the theme
comparison), so both measure the same thing:

* axe-core, injected into each page, with the WCAG 2.0/2.1 A and AA rules;
* the Nu Html Checker (``vnu.jar``), run once over every page;
* sideways scrolling at phone width.

Nothing here imports pytest.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

# Re-exported: the browser tests use them through this module.
from .localsite import CHROMIUM_ARGS, launch, serve  # noqa: F401
from .tools import ROOT

# Installed by `make test` from tests/browser/package-lock.json.
NODE_MODULES = ROOT / "tests" / "browser" / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}

# Directories of a Sphinx HTML output that hold no pages.
NOT_PAGES = {"_static", "_sources", "_images", "_downloads", ".doctrees"}


def html_pages(root: Path) -> list[Path]:
    """Every HTML page under ``root`` (all editions), relative to it; not in hidden directories."""
    pages = []
    for path in sorted(root.rglob("*.html")):
        relative = path.relative_to(root)
        if NOT_PAGES.isdisjoint(relative.parts) and not any(part.startswith(".") for part in relative.parts):
            pages.append(relative)
    return pages


def chromium_path() -> str | None:
    return shutil.which("chromium")


_AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary, html: n.html.slice(0, 200)}))
  }));
}"""


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """WCAG 2.0/2.1 A+AA violations of the page loaded in ``page``."""
    page.add_script_tag(path=str(AXE_JS))
    return list(page.evaluate(_AXE_RUN, AXE_TAGS))


def format_violations(violations: list[dict[str, Any]], limit: int = 3) -> str:
    lines = []
    for violation in violations:
        lines.append(f"  {violation['id']} ({violation['impact']}): {violation['help']} — {len(violation['nodes'])} node(s)")
        for node in violation["nodes"][:limit]:
            lines.append(f"    {node['target']}: {node['html']}")
    return "\n".join(lines)


def vnu_messages(root: Path, pages: list[Path], java: str = "java") -> dict[str, list[str]]:
    """Nu Html Checker errors per page (relative path), for every page at once."""
    files = [str(root / page) for page in pages]
    completed = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--exit-zero-always", *files],
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"vnu.jar failed ({completed.returncode}): {completed.stderr[-2000:]}")
    output = completed.stderr or completed.stdout
    start = output.find('{"')  # the JVM may say something first (JAVA_TOOL_OPTIONS …)
    if start < 0:
        raise RuntimeError(f"vnu.jar printed no report: {output[-2000:]}")
    report = json.loads(output[start:])
    errors: dict[str, list[str]] = {}
    resolved_root = root.resolve()
    for message in report.get("messages", []):
        if message.get("type") not in ("error", "non-document-error"):
            continue
        url = message.get("url", "")
        path = url.removeprefix("file:")
        try:
            name = str(Path(path).resolve().relative_to(resolved_root))
        except ValueError:
            name = url
        where = f"line {message.get('lastLine', '?')}"
        extract = (message.get("extract") or "").strip().replace("\n", " ")[:160]
        errors.setdefault(name, []).append(f"{where}: {message.get('message')} [{extract}]")
    return errors


_OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const scrolls = document.documentElement.scrollWidth > width || document.body.scrollWidth > width;
  const inScroller = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (['auto', 'scroll'].includes(s.overflowX) || s.overflowX === 'hidden') return true;
    }
    return false;
  };
  const culprits = [];
  if (scrolls) {
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 1 && !inScroller(el) && getComputedStyle(el).visibility !== 'hidden') {
        culprits.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${[...el.classList].join('.')} right=${Math.round(r.right)}`);
        if (culprits.length >= 5) break;
      }
    }
  }
  return {scrolls, width, scrollWidth: document.documentElement.scrollWidth, culprits};
}"""


def sideways_overflow(page: Any) -> dict[str, Any]:
    """Whether the page itself scrolls sideways, with the elements that stick out."""
    return dict(page.evaluate(_OVERFLOW))
