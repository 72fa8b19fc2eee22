"""Data files parsed by what their name says they are.

A consultation file is YAML or JSON; an opinions file named in it may also
be CSV.  Both the loader and the schema (for the opinions file) parse
through here, so neither needs the other.
"""

from __future__ import annotations

from .csvdata import parse_opinion_csv
from .located import Located, parse_yaml
from .problems import Problem


def parse_by_suffix(name: str, text: str) -> tuple[Located | None, list[Problem]]:
    """Parse ``text`` as the format its file name says: CSV, else YAML (JSON is YAML)."""
    if name.lower().endswith(".csv"):
        return parse_opinion_csv(text)
    return parse_yaml(text)
