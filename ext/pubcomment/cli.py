"""Command-line tools for writers.

``pubcomment check FILE…`` validates consultation data without building:
the messages are the build's warnings, with the same ``file:line`` and
subtypes.  Exit status 1 when anything was found.

``pubcomment pages FILE --consultation KEY --out DIR`` writes one page per
opinion table for a large consultation: each topic's opinions split by
``--per-page`` with ``pc-opinions :numbers:`` (see core/pages.py), and
prints the toctree entries.  Pages it wrote before and no longer needs
are removed; others in DIR are left alone.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .core import loader, wareki
from .core.labels import DEFAULT_LABELS
from .core.pages import OpinionPage, plan_pages
from .core.textfiles import DataFileError

# The first line of every page ``pubcomment pages`` writes (a MyST comment).
GENERATED = "% pubcomment pages: 見出しは書き換えてかまいません。御意見の範囲は pubcomment pages で作り直します。"


def _root(path: str, root: str | None) -> Path:
    """The directory a data file and the files it names must be inside: ``--root``,
    else the current directory, or the file's own when it lies outside that."""
    if root is not None:
        return Path(root)
    here = Path.cwd().resolve()
    return here if Path(path).resolve().is_relative_to(here) else Path(path).resolve().parent


def _load(path: str, root: str | None) -> loader.Loaded | None:
    try:
        return loader.load_file(path, root=_root(path, root))
    except DataFileError as error:
        where = f"{error.path}:{error.problem.line}" if error.path and error.problem.line else path
        print(f"{where}: {error.problem.message} [pubcomment.{error.problem.subtype.value}]", file=sys.stderr)
        return None


def check(paths: Sequence[str], root: str | None = None) -> int:
    found = 0
    for path in paths:
        loaded = _load(path, root)
        if loaded is None:
            found += 1
            continue
        for problem in loaded.problems:
            where = f"{problem.origin or path}:{problem.line or 1}"
            print(f"{where}: {problem.message} [pubcomment.{problem.subtype.value}]", file=sys.stderr)
        found += len(loaded.problems)
        consultation = loaded.consultation
        style = wareki.PeriodStyle.from_mapping({k: v for k, v in consultation.style.items() if k != "digits"})
        period = wareki.format_period(consultation.start, consultation.end, style) if consultation.start and consultation.end else "—"
        labels = {**DEFAULT_LABELS, **consultation.labels}
        submissions = consultation.submission_count
        counts = "" if submissions is None else f"{submissions:,}{labels['submissions_unit']}"
        counts += f"{consultation.opinion_count:,}{labels['opinions_unit']}"
        print(f"{path}: {consultation.title} / {period} / {counts} / {len(loaded.problems)} problem(s)")
    return 1 if found else 0


def page_text(page: OpinionPage, key: str) -> str:
    options = [f":consultation: {key}"]
    if page.topic:
        options.append(f":topic: {page.topic}")
    if page.numbers:
        options.append(f":numbers: {page.numbers}")
    return "\n".join([GENERATED, "", f"# {page.heading}", "", "```{pc-opinions}", *options, "```", ""])


def pages(path: str, key: str, out: str, per_page: int) -> int:
    loaded = _load(path, None)
    if loaded is None:
        return 1
    if loaded.problems:
        print(f"{path}: {len(loaded.problems)} problem(s); run 'pubcomment check {path}' and fix them first", file=sys.stderr)
        return 1
    try:
        planned = plan_pages(loaded.consultation, per_page)
    except ValueError as error:
        print(f"{path}: {error}", file=sys.stderr)
        return 1
    directory = Path(out)
    directory.mkdir(parents=True, exist_ok=True)
    written = set()
    for page in planned:
        target = directory / f"{page.name}.md"
        text = page_text(page, key)
        written.add(target.name)
        # An unchanged page keeps its modification time: Sphinx need not read it again.
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
    for stale in sorted(directory.glob("*.md")):
        if stale.name not in written and stale.read_text(encoding="utf-8").startswith(GENERATED):
            stale.unlink()
            print(f"removed {stale} (no longer needed)", file=sys.stderr)
    print(f"{len(planned)} page(s) in {directory}; toctree entries:")
    for page in planned:
        print(f"{directory.name}/{page.name}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pubcomment", description="Public-comment data tools.")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate consultation data files (YAML or JSON)")
    check_parser.add_argument("paths", nargs="+", metavar="FILE")
    check_parser.add_argument("--root", metavar="DIR", help="the source directory data files must be inside "
                              "(default: the current directory)")
    pages_parser = commands.add_parser("pages", help="write the pages of a consultation's opinion tables, split by number")
    pages_parser.add_argument("path", metavar="FILE", help="the consultation file (YAML or JSON)")
    pages_parser.add_argument("--consultation", required=True, metavar="KEY",
                              help="its name: the :name: of pc-consultation, or the document that declares it (results/index)")
    pages_parser.add_argument("--out", required=True, metavar="DIR", help="the directory of the pages, under the source directory")
    pages_parser.add_argument("--per-page", type=int, default=250, metavar="N", help="opinions per page (default 250)")
    arguments = parser.parse_args(argv)
    if arguments.command == "pages":
        if arguments.per_page < 1:
            parser.error("--per-page must be at least 1")
        return pages(arguments.path, arguments.consultation, arguments.out, arguments.per_page)
    return check(arguments.paths, arguments.root)


if __name__ == "__main__":
    sys.exit(main())
