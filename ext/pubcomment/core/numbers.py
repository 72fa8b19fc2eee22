"""Counts as results publish them: ``1,764通``, or ``１，７６４件`` in full-width digits.

:func:`format_count` writes a count with thousands separators;
:func:`parse_count` reads one back from data, strictly: only the digits
0-9 and ０-９ are digits (Python's ``isdigit()`` also accepts ① and ²,
which ``int()`` then rejects, and ``int()`` accepts Arabic-Indic and
other decimal digits no Japanese document uses), the commas must
separate groups of three, and a unit after the number is accepted only
when the caller names it.  Every refusal is a ValueError saying what is
wrong, for the caller to turn into a warning.

The digit style has a data-friendly name, like the date styles in
:mod:`.wareki`: ``digits: ascii`` (default, ``1,764``) or ``digits:
fullwidth`` (``１，７６４``).
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

from .styles import choice

MAX_DIGITS = 10
MAX_COUNT = 10**MAX_DIGITS - 1  # 9,999,999,999: more is a mistake in the data, not a count

ASCII_DIGITS = "0123456789"
FULLWIDTH_DIGITS = "０１２３４５６７８９"
FULLWIDTH_COMMA = "，"
TO_FULLWIDTH = str.maketrans(ASCII_DIGITS + ",", FULLWIDTH_DIGITS + FULLWIDTH_COMMA)
TO_ASCII = str.maketrans(FULLWIDTH_DIGITS + FULLWIDTH_COMMA, ASCII_DIGITS + ",")
# Signs a negative number is written with in Japanese documents (▲ and △ in accounts).
MINUS_SIGNS = "-−－‐▲△"
NUMBER = re.compile(r"[0-9,]*")  # what may make up a count once full-width digits are ASCII
GROUPED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+")


class DigitStyle(StrEnum):
    """How the digits of a count are written."""

    ASCII = "ascii"  # 1,764
    FULLWIDTH = "fullwidth"  # １，７６４


def digit_style(value: object) -> DigitStyle:
    """The style named ``value`` (``"ascii"`` or ``"fullwidth"``); ValueError names the allowed values."""
    return choice(DigitStyle, value, "digits")


def format_count(count: int, *, digits: DigitStyle | str = DigitStyle.ASCII, unit: str = "") -> str:
    """``1,764``; ``1,764通`` with ``unit="通"``; ``１，７６４`` with ``digits="fullwidth"``.

    ValueError for a negative count or one of more than :data:`MAX_DIGITS`
    digits, so that what is written can always be read back by :func:`parse_count`.
    """
    if isinstance(count, bool) or not isinstance(count, int):
        raise TypeError(f"a count is an int, not {type(count).__name__} {count!r}")
    if count < 0:
        raise ValueError(f"a count cannot be negative: {count}")
    if count > MAX_COUNT:
        raise ValueError(f"a count has at most {MAX_DIGITS} digits: {count}")
    text = f"{count:,}"
    if digit_style(digits) is DigitStyle.FULLWIDTH:
        text = text.translate(TO_FULLWIDTH)
    return text + unit


def _character(char: str) -> str:
    return f"{char!r} ({unicodedata.name(char, f'U+{ord(char):04X}')})"


def _refuse(text: str, problem: str) -> ValueError:
    return ValueError(f"{text!r} is not a count: {problem}")


def parse_count(text: str, *, unit: str | None = None) -> int:
    """``"1764"``, ``"1,764"``, ``"１，７６４"`` → 1764; with ``unit="通"`` also ``"1,764通"``.

    Spaces around the number (and before the unit) are ignored.  Refused
    with a ValueError naming the problem: empty text, a negative number, a
    decimal, a digit other than 0-9 and ０-９ (①, ², ٣), commas that do not
    separate groups of three, a leading zero, more than :data:`MAX_DIGITS`
    digits, and text after the number other than ``unit``.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_count reads text, not {type(text).__name__} {text!r}")
    rest = text.strip()
    if unit and rest.endswith(unit):
        rest = rest[: -len(unit)].rstrip()
        if not rest:
            raise _refuse(text, f"no number before {unit!r}")
    if not rest:
        raise _refuse(text, "it is empty")
    rest = rest.translate(TO_ASCII)
    if rest[0] in MINUS_SIGNS:
        raise _refuse(text, "it is negative")
    number = NUMBER.match(rest)
    assert number is not None  # the pattern matches the empty string
    after = rest[number.end() :]
    if after:
        raise _refuse(text, _what_follows(after, number.group(), unit))
    digits = rest.replace(",", "")
    if not digits:
        raise _refuse(text, "it has no digits")
    if len(digits) > MAX_DIGITS:
        raise _refuse(text, f"it has {len(digits)} digits, and a count has at most {MAX_DIGITS}")
    if "," in rest and not GROUPED.fullmatch(rest):
        raise _refuse(text, "its commas do not separate the digits in groups of three (1,764)")
    if len(digits) > 1 and digits[0] == "0":
        raise _refuse(text, "it starts with 0")
    return int(digits)


def _what_follows(after: str, number: str, unit: str | None) -> str:
    """Why the text from the first character that is neither a digit nor a comma is refused."""
    char = after[0]
    if char.isdigit() or char.isnumeric() or unicodedata.category(char) == "Nd":
        return f"{_character(char)} is not one of the digits 0-9 or ０-９"
    if char in ".．" and re.match(r"[.．][0-9０-９]", after):
        return "it is not a whole number"
    if number and not any(c.isdigit() or c.isnumeric() for c in after):
        tail = after.strip()
        if unit:
            return f"it ends in {tail!r}, and only the unit {unit!r} may follow the number"
        return f"it ends in {tail!r}; a unit after the number is accepted only where one is expected"
    return f"{_character(char)} is not a digit"
