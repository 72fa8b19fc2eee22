"""Text folded for comparison, with the way back to the text: what a reader
cannot tell apart reads the same.

:func:`fold` gives a folded copy of a text and, for each of its characters,
the span of the text it came from, so that a match in the folded copy
withholds (core/redaction.py) or reports (core/privacy.py) exactly the
characters of the text that make it up.  What it folds:

* invisible code points are left out: zero-width space, non-joiner and
  joiner, word joiner and the invisible operators, the byte order mark,
  the soft hyphen, the directional marks and controls (LRM, RLM, ALM,
  U+202A–U+202E, U+2066–U+2069), Unicode tag characters and variation
  selectors, and the ［U+XXXX］ that core/sanitize.py shows such code
  points as;
* each character is read in its NFKC form (full-width Latin letters and
  digits, half-width kana, ㈱ and the like), letters case-folded, and a
  kana and a voicing mark typed apart (ｶﾞ, か゛) composed;
* with ``spaces``, white space (the ideographic space too) and dashes
  (-, ‐, −, －, and ー after a digit) are left out: 川崎 太郎 reads
  川崎太郎 and 090 8765 4321 reads 09087654321;
* with ``markdown``, the text is first read as a markdown text is shown:
  character references (``&#x6A29;``, ``&amp;``) as the character they
  stand for, backslash escapes as the character escaped, and emphasis,
  code and link brackets (``*``, ``_``, ``~``, `````, ``[``, ``]``) and a
  role's name as nothing, so that ``川崎**太郎**`` reads 川崎太郎.

:func:`skeleton` is the key two identifiers are compared by (look-alike
category keys, topic ids): invisible code points left out, NFKC, and
Latin look-alikes of Cyrillic and Greek letters read as the Latin letter.
Pure Python.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

# Code points that show as nothing (or nearly): left out of the folded text.
_INVISIBLE_CLASS = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\u3164\ufe00-\ufe0f\ufeff\uffa0\U000e0000-\U000e007f\U000e0100-\U000e01ef"
)
INVISIBLE = re.compile(f"[{_INVISIBLE_CLASS}]")
# What core/sanitize.py shows an unsafe code point as.
SHOWN = re.compile(r"［U\+[0-9A-F]{4,6}］")
_DROPPED = re.compile(f"［U\\+[0-9A-F]{{4,6}}］|[{_INVISIBLE_CLASS}]")
_DASHES = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d")
_LONG_VOWEL = "\u30fc"
# Markdown: a character reference, a backslash escape, a role's name before its backtick, markup shown as nothing.
_MARKDOWN = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});|\\[!-/:-@\[-`{-~]|\{[A-Za-z][\w-]*\}(?=`)|[*_~`\[\]]"
)


@dataclass(frozen=True)
class Folded:
    """A folded text and, for each of its characters, where it came from: ``text[starts[i]:ends[i]]``."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that folded characters ``start:end`` came from."""
        return self.starts[start], self.ends[end - 1]

    def find_all(self, needle: str) -> list[tuple[int, int]]:
        """Every (non-overlapping) occurrence of ``needle`` (folded) as spans of the original text."""
        spans: list[tuple[int, int]] = []
        if not needle:
            return spans
        position = self.text.find(needle)
        while position >= 0:
            spans.append(self.span(position, position + len(needle)))
            position = self.text.find(needle, position + len(needle))
        return spans


def markdown_view(text: str) -> tuple[str, list[tuple[int, int]]]:
    """``text`` as a markdown text shows (references decoded, markup left out), and each character's span in ``text``."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    position = 0
    for match in _MARKDOWN.finditer(text):
        for index in range(position, match.start()):
            out.append(text[index])
            spans.append((index, index + 1))
        found = match.group()
        if found.startswith("&"):
            decoded = html.unescape(found)
            shown = decoded if decoded != found else found
        elif found.startswith("\\"):
            shown = found[1]
        else:
            shown = ""
        for char in shown:
            out.append(char)
            spans.append(match.span())
        position = match.end()
    for index in range(position, len(text)):
        out.append(text[index])
        spans.append((index, index + 1))
    return "".join(out), spans


def _combining(char: str) -> bool:
    return unicodedata.combining(char) != 0 or char in "\u3099\u309a"


def fold(text: str, *, spaces: bool = True, markdown: bool = False, case: bool = True) -> Folded:
    """``text`` folded as the module says, with each folded character's span in ``text``."""
    if markdown:
        source, outer = markdown_view(text)
    else:
        source, outer = text, None
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    dropped = {m.start(): m.end() for m in _DROPPED.finditer(source)} if ("［" in source or INVISIBLE.search(source)) else {}
    index = 0
    length = len(source)
    while index < length:
        skip = dropped.get(index)
        if skip is not None:
            index = skip
            continue
        char = source[index]
        if spaces and char.isspace():
            index += 1
            continue
        normal = unicodedata.normalize("NFKC", char) if not char.isascii() else char
        if case:
            normal = normal.casefold()
        for piece in normal:
            if spaces and (piece.isspace() or piece in _DASHES or (piece == _LONG_VOWEL and chars and chars[-1].isdigit())):
                continue
            if chars and _combining(piece):
                composed = unicodedata.normalize("NFC", chars[-1] + piece)
                if len(composed) == 1:
                    chars[-1] = composed
                    ends[-1] = index + 1
                    continue
            chars.append(piece)
            starts.append(index)
            ends.append(index + 1)
        index += 1
    if outer is not None:
        starts = [outer[s][0] for s in starts]
        ends = [outer[e - 1][1] for e in ends]
    return Folded("".join(chars), tuple(starts), tuple(ends))


# Cyrillic and Greek letters that look like Latin ones (capital and small), and the Latin letter they look like.
_CONFUSABLE = str.maketrans(
    {
        **dict(zip("АВЕЅІЈКМНОРСТХУԁеіјорсхуһԛԝѕаԌ", "ABESIJKMHOPCTXYdeijopcxyhqwsaG", strict=True)),
        **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧοινυ", "ABEZHIKMNOPTYXoivu", strict=True)),
    }
)


def skeleton(key: str) -> str:
    """What ``key`` looks like: invisible code points left out, NFKC, Cyrillic and Greek look-alikes read as Latin."""
    return unicodedata.normalize("NFKC", _DROPPED.sub("", key)).translate(_CONFUSABLE).strip()
