"""Ranges of opinion numbers: which opinions one page shows (``:numbers:``).

At national scale one topic can hold thousands of opinions; a writer
splits its table over several pages, as printed results are split into
「No.1〜250」「No.251〜500」.  A range is written as the numbers readers
see: ``1-250``, ``251〜500``, ``501-`` (to the end), or one number; several
are separated by commas.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

Range = tuple[int, int | None]  # first, last (None: to the end)

# What a page of a split table adds to its caption (labels number_caption
# and numbers_caption; the page headings pubcomment pages writes use them too).
NUMBER_CAPTION = "（No.{number}）"
NUMBERS_CAPTION = "（No.{first}〜{last}）"

_DASHES = re.compile("[〜～~ー－–—‐-]")
_PART = re.compile(r"^(\d+)(?:(-)(\d*))?$")


def parse_ranges(text: str) -> tuple[Range, ...]:
    """``"1-250, 300-"`` → ``((1, 250), (300, None))``; ValueError says what is wrong."""
    normalized = _DASHES.sub("-", text.translate(_FULLWIDTH_DIGITS)).replace("、", ",").replace("，", ",")
    ranges: list[Range] = []
    for part in normalized.split(","):
        part = part.strip().replace(" ", "")
        match = _PART.match(part)
        if not match:
            raise ValueError(f"{part or text!r} is not a range of opinion numbers such as 1-250, 251-500 or 501-")
        first = int(match[1])
        last: int | None = first if match[2] is None else (int(match[3]) if match[3] else None)
        if first < 1 or (last is not None and last < first):
            raise ValueError(f"{part!r} is not a range of opinion numbers: it must count up from 1")
        ranges.append((first, last))
    return tuple(sorted(ranges))


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def format_ranges(ranges: Iterable[Range]) -> str:
    """The canonical text of ranges: ``1-250,300-``."""
    return ",".join(str(first) if last == first else f"{first}-{'' if last is None else last}" for first, last in ranges)


def contains(ranges: Sequence[Range], number: int) -> bool:
    return any(first <= number and (last is None or number <= last) for first, last in ranges)


def spans(numbers: Iterable[int]) -> list[tuple[int, int]]:
    """Consecutive runs of sorted numbers, for messages: [1, 2, 3, 7] → [(1, 3), (7, 7)]."""
    result: list[tuple[int, int]] = []
    for n in sorted(numbers):
        if result and n == result[-1][1] + 1:
            result[-1] = (result[-1][0], n)
        else:
            result.append((n, n))
    return result


def describe(numbers: Iterable[int]) -> str:
    """``1-3, 7`` for messages."""
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in spans(numbers))


def numbers_caption(first: int, last: int, one: str = NUMBER_CAPTION, many: str = NUMBERS_CAPTION) -> str:
    """「（No.1〜250）」 for the numbers a page holds, 「（No.7）」 for one."""
    if first == last:
        return one.replace("{number}", str(first))
    return many.replace("{first}", str(first)).replace("{last}", str(last))


class RangeIndex:
    """Which of many range lists hold a number, by bisection: the lists' order
    numbers, ascending.  A topic split over 80 pages of 250 is 80 lists; asking
    each of them for each of 20,000 opinions made the coverage check grow with
    opinions × pages (tests/test_scale_guards.py)."""

    def __init__(self, lists: Sequence[Sequence[Range]]):
        spans = sorted((first, INFINITY if last is None else last, order) for order, ranges in enumerate(lists) for first, last in ranges)
        self._firsts = [first for first, _last, _order in spans]
        self._spans = spans
        # The greatest last of the spans up to each: the search back stops where no earlier span reaches.
        self._reach: list[float] = []
        for _first, last, _order in spans:
            self._reach.append(max(last, self._reach[-1]) if self._reach else last)

    def holding(self, number: int) -> list[int]:
        """The order numbers of the lists with a range that holds ``number``, ascending."""
        found: set[int] = set()
        index = bisect.bisect_right(self._firsts, number) - 1
        while index >= 0 and self._reach[index] >= number:
            _first, last, order = self._spans[index]
            if last >= number:
                found.add(order)
            index -= 1
        return sorted(found)


INFINITY = float("inf")
# The ranges of a table without :numbers:: every number (the data's numbers are checked, not trusted here).
EVERY_NUMBER: tuple[Range, ...] = ((-(2**62), None),)
