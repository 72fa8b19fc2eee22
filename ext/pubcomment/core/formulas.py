"""Cells a spreadsheet would run as a formula, and the one way they are written.

Every CSV file and workbook the toolkit writes for people to open (the open
data, ``pubcomment export``, the CSV of ``pubcomment import`` and the
working sheet) writes a text cell through :func:`neutralise` (CSV) or
marks it by :func:`is_formula_like` (a workbook's quote prefix), as OWASP
recommends against CSV injection.

A text is formula-like when, after any spaces (ASCII or 全角), line breaks
and apostrophes, it starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return, or a full-width ``＝ ＋ － ＠`` (which Japanese Excel
converts when the cell is edited).  Numbers too: ``-5`` and ``+81 44 …``
are written ``'-5`` and ``'+81 44 …``; a number column of the open data
(no, count) is written as a number and never needs it.

In a CSV file such a text starts with one apostrophe more (``=1+1`` is
written ``'=1+1``, ``'=1`` is written ``''=1``), so that :func:`restore`
gives back exactly the text: the build reads a CSV file the toolkit wrote
(``pubcomment import``) as the text it was written from.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
NEUTRALISER = "'"
# What may come before a formula's first character and still leave it one (a spreadsheet may strip spaces).
_BEFORE = " \u3000\n" + NEUTRALISER


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet might read ``text`` as a formula (or a number that starts with a sign)."""
    return text.lstrip(_BEFORE).startswith(FORMULA_STARTS)


def neutralise(text: str) -> str:
    """The text a spreadsheet will not evaluate: ``=1+1`` becomes ``'=1+1``, `` ＝式`` becomes ``' ＝式``."""
    return NEUTRALISER + text if is_formula_like(text) else text


def restore(cell: str) -> str:
    """The text :func:`neutralise` wrote ``cell`` from (any other cell as it is)."""
    return cell[1:] if cell.startswith(NEUTRALISER) and is_formula_like(cell) else cell
