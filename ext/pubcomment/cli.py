"""``pubcomment check FILE…``: validate consultation data without building.

Writers can check a data file (and the CSV it names) before a build; the
messages are the same, with the same ``file:line`` and subtypes, as the
build's warnings.  Exit status 1 when anything was found.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .core import loader, wareki


def check(paths: Sequence[str]) -> int:
    found = 0
    for path in paths:
        try:
            loaded = loader.load_file(path)
        except FileNotFoundError as error:
            print(f"{path}: {error} [pubcomment.file]", file=sys.stderr)
            found += 1
            continue
        for problem in loaded.problems:
            where = f"{problem.origin or path}:{problem.line}" if problem.line else (problem.origin or path)
            print(f"{where}: {problem.message} [pubcomment.{problem.subtype.value}]", file=sys.stderr)
        found += len(loaded.problems)
        consultation = loaded.consultation
        period = wareki.format_period(consultation.start, consultation.end) if consultation.start and consultation.end else "—"
        submissions = consultation.submission_count
        print(f"{path}: {consultation.title} / {period} / "
              f"{'' if submissions is None else f'{submissions}通'}{consultation.opinion_count}件 / {len(loaded.problems)} problem(s)")
    return 1 if found else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pubcomment", description="Public-comment data tools.")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate consultation data files (YAML or JSON)")
    check_parser.add_argument("paths", nargs="+", metavar="FILE")
    arguments = parser.parse_args(argv)
    return check(arguments.paths)


if __name__ == "__main__":
    sys.exit(main())
