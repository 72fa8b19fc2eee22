"""Counters of Japanese official documents (公用文): 1, (1), ①, ア, (ア)."""

from __future__ import annotations

KATAKANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ"
CIRCLED_1_20 = "".join(chr(0x2460 + i) for i in range(20))
CIRCLED_21_35 = "".join(chr(0x3251 + i) for i in range(15))
CIRCLED_36_50 = "".join(chr(0x32B1 + i) for i in range(15))
CIRCLED = CIRCLED_1_20 + CIRCLED_21_35 + CIRCLED_36_50


def katakana(n: int) -> str:
    """ア for 1, イ for 2 …; past ワ the number in parentheses keeps order visible."""
    if 1 <= n <= len(KATAKANA):
        return KATAKANA[n - 1]
    return f"({n})"


def circled(n: int) -> str:
    """① for 1 … ㊿ for 50; beyond that a parenthesised number."""
    if 1 <= n <= len(CIRCLED):
        return CIRCLED[n - 1]
    return f"({n})"


def parenthesised(n: int) -> str:
    return f"({n})"


# Level 1 is the first heading below the document title.
LEVEL_STYLES = (str, parenthesised, circled, katakana, lambda n: f"({katakana(n)})")


def label(level: int, n: int) -> str:
    """The label of the ``n``-th heading at ``level`` (1-based)."""
    style = LEVEL_STYLES[min(level, len(LEVEL_STYLES)) - 1]
    return style(n)


def path_label(path: tuple[int, ...]) -> str:
    """``4(3)①エ`` for the path ``(4, 3, 1, 4)``."""
    return "".join(label(level, n) for level, n in enumerate(path, start=1))
