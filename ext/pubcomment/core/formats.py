"""Data files parsed by what their name says they are.

A consultation file is YAML or JSON; an opinions file named in it may also
be CSV or a workbook (.xlsx, .xlsm, .ods), whose bytes are read as they
are.  Both the loader and the schema (for the opinions file) parse
through here, so neither needs the other.
"""

from __future__ import annotations

from .csvdata import Columns, parse_opinion_csv
from .located import Located, parse_yaml
from .problems import Problem
from .sheets import is_workbook, parse_opinion_sheet


def parse_by_suffix(
    name: str, data: str | bytes, *, sheet: str | None = None, columns: Columns | None = None, source: str | None = None
) -> tuple[Located | None, list[Problem]]:
    """Parse ``data`` as the format its file name says: a workbook (bytes), CSV, else YAML (JSON is YAML).

    ``sheet`` and ``columns`` are for opinions in a table (a workbook, CSV);
    ``source`` is the file's path, under which what a reading lends the next
    is kept (core/reuse.py; the name when not given)."""
    if isinstance(data, bytes):
        return parse_opinion_sheet(data, name, sheet, columns)
    if name.lower().endswith(".csv"):
        return parse_opinion_csv(data, columns, source=source or name)
    return parse_yaml(data)


def is_binary(name: str) -> bool:
    """Whether a data file is read as bytes (a workbook), not decoded as text."""
    return is_workbook(name)
