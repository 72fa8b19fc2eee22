"""The records of a CSV text, and of the same text after an edit.

A writer's save changes a few rows of a file of thousands.  With reuse on
(core/reuse.py), the records before the first changed character and after
the last one are taken from the last reading (those after it on lines
shifted by the lines the edit added or removed), and only the records the
edit touched are parsed again: the text between them is handed to the csv
module as it would have met it in the whole file.  Where that cannot be
known, the whole text is parsed: when the touched records end inside a
quoted cell (a quote the edit left open changes how everything after it
reads), when the text has a lone carriage return (a line break the csv
module counts and ``str.count`` does not), and after a reading that
ended in an error.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass

# (cells, first line, last line) of one record; lines count from 1.
Record = tuple[list[str], int, int]
# Compared a piece at a time: a slice of both texts, not every character in Python.
_PIECE = 1 << 16
# No delimiter, quote or line break: a record of one cell wherever a record may start.
_SENTINEL = "\ue000pubcomment\ue000"


@dataclass(frozen=True)
class Reading:
    text: str
    delimiter: str
    records: list[Record]
    # The csv module's error and the line it stopped at, else None.
    error: tuple[str, int] | None


def read_records(text: str, delimiter: str) -> Reading:
    """Every record of ``text`` (blank ones too), as the csv module reads them."""
    records, error = _parse(text, delimiter, 1)
    return Reading(text, delimiter, records, error)


def records_of(text: str, delimiter: str, first_line: int = 1, errors: list[tuple[str, int]] | None = None) -> Iterator[Record]:
    """The records of ``text`` one at a time, its first line numbered ``first_line``; where
    the csv module stops at an error, its message and line are added to ``errors``."""
    reader = csv.reader(_lines(text), delimiter=delimiter)
    line = first_line
    try:
        for record in reader:
            start, line = line, first_line + reader.line_num
            yield record, start, line - 1
    except csv.Error as error:
        if errors is not None:
            errors.append((str(error), line))


# A line and its ending, or the last line without one.
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` as ``io.StringIO(text, newline="")`` gives them (ending at
    "\r\n", "\r" or "\n", kept), one at a time: a StringIO holds a copy of the text
    four bytes a character (290 MB for 100,000 opinions, the largest thing a
    build held)."""
    return (match.group() for match in _LINE.finditer(text))


def _parse(text: str, delimiter: str, first_line: int) -> tuple[list[Record], tuple[str, int] | None]:
    errors: list[tuple[str, int]] = []
    records = list(records_of(text, delimiter, first_line, errors))
    return records, errors[0] if errors else None


def read_again(last: Reading | None, text: str, delimiter: str) -> Reading:
    """The records of ``text``, those the edit since ``last`` did not touch taken from it."""
    if last is None or last.error is not None or last.delimiter != delimiter:
        return read_records(text, delimiter)
    old = last.text
    if _has_lone_return(text) or _has_lone_return(old):  # lines the csv module counts that "\n" does not
        return read_records(text, delimiter)
    if old == text:
        return last
    head = _common_prefix(old, text)
    tail = _common_suffix(old, text, limit=min(len(old), len(text)) - head)
    first_changed = old.count("\n", 0, head) + 1
    last_changed = old.count("\n", 0, len(old) - tail) + 1
    # The last record may have ended with the text, in a quoted cell: what the edit adds after it may be its.
    before = [r for r in last.records[:-1] if r[2] < first_changed]
    after = [r for r in last.records if r[1] > last_changed]
    # The text from the first touched record's line to the first untouched one's, in the new text.
    first_line = before[-1][2] + 1 if before else 1
    start = _line_start(text, head, first_changed, first_line)
    if not after:  # the touched records run to the end: read as in the whole text
        records, error = _parse(text[start:], delimiter, first_line)
        return read_records(text, delimiter) if error is not None else Reading(text, delimiter, before + records, None)
    end_old = _line_start_forward(old, len(old) - tail, last_changed, after[0][1])
    end = end_old + len(text) - len(old)
    # A record of its own after the touched ones: read as one only where they end outside
    # a quoted cell, as the records after them then read as they did.
    records, error = _parse(text[start:end] + _SENTINEL + "\n", delimiter, first_line)
    if error is not None or not records or records[-1][0] != [_SENTINEL]:
        return read_records(text, delimiter)
    records.pop()
    shift = text.count("\n", start, end) - old.count("\n", start, end_old)
    moved = [(cells, first + shift, last_line + shift) for cells, first, last_line in after]
    return Reading(text, delimiter, before + records + moved, None)


def _has_lone_return(text: str) -> bool:
    return "\r" in text and text.count("\r") != text.count("\r\n")


def _common_prefix(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` begin with alike (slices compared, halving the last piece)."""
    limit = min(len(a), len(b))
    n = 0
    while n < limit and a[n : n + _PIECE] == b[n : n + _PIECE]:
        n += _PIECE
    if n >= limit:
        return limit
    low, high = n, min(n + _PIECE, limit)  # alike up to low; not up to high
    while high - low > 1:
        middle = (low + high) // 2
        if a[low:middle] == b[low:middle]:
            low = middle
        else:
            high = middle
    return low if a[low] != b[low] else high


def _common_suffix(a: str, b: str, *, limit: int) -> int:
    """How many characters ``a`` and ``b`` end with alike, at most ``limit``."""

    def alike(longer: int, shorter: int) -> bool:  # the last ``longer`` characters, known alike after ``shorter``
        return a[len(a) - longer : len(a) - shorter] == b[len(b) - longer : len(b) - shorter]

    n = 0
    while n + _PIECE <= limit and alike(n + _PIECE, n):
        n += _PIECE
    low, high = n, min(n + _PIECE, limit)  # alike for low characters; not for high, unless high is the limit
    if low == high or alike(high, low):
        return high
    while high - low > 1:
        middle = (low + high) // 2
        if alike(middle, low):
            low = middle
        else:
            high = middle
    return low


def _line_start(text: str, position: int, line: int, wanted: int) -> int:
    """The offset of line ``wanted`` of ``text``, from ``position`` on line ``line`` (wanted ≤ line)."""
    offset = text.rfind("\n", 0, position) + 1
    while line > wanted:
        offset = text.rfind("\n", 0, offset - 1) + 1
        line -= 1
    return offset


def _line_start_forward(text: str, position: int, line: int, wanted: int) -> int:
    """The offset of line ``wanted`` of ``text``, from ``position`` on line ``line`` (wanted > line)."""
    offset = position
    while line < wanted:
        offset = text.index("\n", offset) + 1
        line += 1
    return offset
