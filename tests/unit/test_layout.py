"""The package's layout: imports run one way, core ← render ← env ← glue ← outputs.

Read from the source (ast), not by importing: a function-level import
counts as much as one at the top, so a circle cannot hide in a function.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "ext" / "pubcomment"

# Layer of each part of the package (a package, or a module at its top); a module
# may import its own part, and parts of the layers below.
LAYERS = {
    "core": 0,  # the data format, without docutils or Sphinx
    "config": 1,
    "nodes": 1,
    "warnings_": 1,
    "compat": 1,
    "render": 2,  # docutils nodes from the data
    "env": 3,  # the domain: what the build keeps across documents and builds
    "directives": 4,  # the Sphinx glue: reads documents ...
    "transforms": 4,  # ... rewrites doctrees ...
    "checks": 4,  # ... and checks what was read
    "html": 5,
    "latex": 5,
    "epub": 5,
    "extension": 6,
    "defaults": 6,
    "preview": 7,  # pubcomment preview: builds with the extension, as sphinx-build does
}
# Parts that stand beside each other: none imports another of its layer.
SIDE_BY_SIDE = {4, 5}
# The rest of the top, checked by their own tests below: the package's __init__, the
# command line and its scaffold, site (for conf.py) and the search_ja re-export.
UNLAYERED = {"", "cli", "scaffold", "site", "search_ja"}
# Modules directly in ext/pubcomment: more than this and the top is a list to search again.
MOST_AT_TOP = 11


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported(path: Path) -> set[str]:
    """The pubcomment modules a file imports, anywhere in it."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("pubcomment"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("pubcomment"):
                continue
            for alias in node.names:  # `from . import x` names a module
                candidate = f"{target}.{alias.name}"
                is_module = (PACKAGE.parent / Path(*candidate.split("."))).with_suffix(".py").exists() or (
                    PACKAGE.parent / Path(*candidate.split(".")) / "__init__.py"
                ).exists()
                found.add(candidate if is_module else target)
    return found


def part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


MODULES = {module_name(path): imported(path) for path in sorted(PACKAGE.rglob("*.py"))}


def test_imports_run_one_way() -> None:
    wrong = []
    for module, targets in MODULES.items():
        own = part(module)
        if own not in LAYERS:
            continue  # __init__, cli and the search_ja re-export are checked below
        for target in targets:
            other = part(target)
            if other not in LAYERS or other == own:
                continue
            if LAYERS[other] > LAYERS[own] or (LAYERS[own] in SIDE_BY_SIDE and LAYERS[other] == LAYERS[own]):
                wrong.append(f"{module} imports {target}")
    assert not wrong, "\n".join(wrong)


def test_every_part_has_its_place() -> None:
    # A new module or package at the top must be given a layer (or a test of its own).
    assert {part(module) for module in MODULES} == set(LAYERS) | UNLAYERED


def test_the_top_of_the_package_stays_short() -> None:
    at_top = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert len(at_top) <= MOST_AT_TOP, f"{len(at_top)} modules at the top of ext/pubcomment: {at_top}"


def test_the_command_line_and_the_package_import_only_the_core() -> None:
    # scaffold (``pubcomment new``) and site (what conf/documents.py imports) import nothing of the package;
    # preview (``pubcomment preview``, a Sphinx build) is imported when that command runs, not with the CLI
    # (test_the_data_core_imports_without_sphinx_or_docutils).
    assert {part(t) for t in MODULES["pubcomment.cli"]} <= {"core", "scaffold", "preview"}
    assert MODULES["pubcomment.scaffold"] == set() and MODULES["pubcomment.site"] == set()
    # The package's __init__ imports the Sphinx side only inside setup().
    assert MODULES["pubcomment"] == {"pubcomment.extension"}


def test_no_import_circle() -> None:
    def visit(module: str, path: list[str]) -> None:
        if module in path:
            pytest.fail("import circle: " + " → ".join([*path[path.index(module) :], module]))
        for target in MODULES.get(module, ()):
            if target != module and target in MODULES and target not in done:
                visit(target, [*path, module])
        done.add(module)

    done: set[str] = set()
    for module in MODULES:
        visit(module, [])


def test_the_data_core_imports_without_sphinx_or_docutils() -> None:
    code = (
        "import sys, pubcomment.core.loader, pubcomment.cli, pubcomment.site; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sphinx', 'docutils')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_writers_import_paths_keep_working() -> None:
    from pubcomment.latex import latex_settings
    from pubcomment.search_ja import BigramSplitter

    assert latex_settings()["latex_engine"] == "uplatex"
    assert BigramSplitter.__module__ == "pubcomment.html.search"
