"""Characters in print: a font for each script upLaTeX can set, and 〓 with a warning for the rest.

upLaTeX sets Latin letters (with accents) through LaTeX's font encodings
and every other character through the Japanese font, Harano Aji, which
has the glyphs of Adobe-Japan1 only.  Unhandled, a Vietnamese letter (ệ)
stops the build ("not set up for use with LaTeX") and a Hangul, simplified
Chinese, Thai or emoji character prints as an empty box.  Measured with
upLaTeX of TeX Live 2022 (``\\kcatcode`` of each code point, and which
Latin letters LaTeX's UTF-8 input defines), each character is now:

* printed as it is: ASCII, the Latin letters LaTeX defines, and what
  Harano Aji has (table ``aj1`` of ``glyphs.txt``);
* printed in the font of its script (``\\DUrole{pc-script-…}``, defined in
  pubcomment.sty): Vietnamese letters in Latin Modern's T5 encoding (vntex),
  Hangul in Noto Serif/Sans CJK KR, ideographs that Adobe-Japan1 lacks
  (简, 见) in Noto Serif/Sans CJK SC, emoji and other symbols in Symbola
  (monochrome);
* printed as 〓 (げた, the typesetter's mark for a missing glyph), with a
  ``pubcomment.glyph`` warning: scripts that need shaping, which upLaTeX
  cannot do (Thai, Arabic, Devanagari …), private-use characters, and
  anything no print font has;
* printed without its variation selector, with the warning: an ideographic
  variation sequence (葛󠄀, U+845B U+E0100) prints its base character's
  usual glyph, since dvipdfmx does not select variants;
* left out silently: characters that print nothing anyway (zero-width
  joiners and spaces, the emoji/text presentation selectors).

The warnings point at the data: one per opinion (amendment, category …)
listing its characters, at the opinion's file and line; characters from
the documents' own text are reported at their paragraph.
``tools/glyph-tables.py`` writes ``glyphs.txt`` from the installed fonts.
"""

from __future__ import annotations

import bisect
import enum
import functools
import re
import unicodedata
import weakref
from collections.abc import Iterator, Mapping
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.environment import BuildEnvironment
from sphinx.util import texescape

from ..core.model import Consultation
from ..core.problems import Subtype
from ..env.domain import DeclaredConsultation, get_domain
from ..warnings_ import warn
from .passes import LATEX_GLYPHS, PrintPass

# What a character that no print font has is printed as.
MISSING_MARK = "〓"
TABLES = Path(__file__).with_name("glyphs.txt")
# Classes of the inlines that switch fonts (\DUrole{pc-script-…} in pubcomment.sty).
SCRIPT_CLASS = "pc-script-{}"


class Kind(enum.Enum):
    PLAIN = "plain"  # printed as it is
    VIETNAMESE = "vi"  # Latin Modern in T5
    HANGUL = "ko"  # Noto CJK KR
    HAN = "sc"  # Noto CJK SC
    SYMBOL = "symbol"  # Symbola
    MISSING = "missing"  # 〓, with a warning
    SELECTOR = "selector"  # an ideographic variation selector: left out, with a warning
    INVISIBLE = "invisible"  # left out silently


FONT_KINDS = frozenset((Kind.VIETNAMESE, Kind.HANGUL, Kind.HAN, Kind.SYMBOL))
WARNED_KINDS = frozenset((Kind.MISSING, Kind.SELECTOR))

# Code points upLaTeX reads as Latin text (\kcatcode 15 with jsbook), and of
# those the ones LaTeX's UTF-8 input defines with the T1 and T5 encodings.
LATIN_BLOCKS = ((0xAA, 0xAA), (0xBA, 0xBA), (0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0x24F), (0x1E00, 0x1EFF))
LATIN_DEFINED = (
    (0xAA, 0xAA),
    (0xBA, 0xBA),
    (0xC0, 0xD6),
    (0xD8, 0xF6),
    (0xF8, 0x125),
    (0x128, 0x137),
    (0x139, 0x13E),
    (0x141, 0x148),
    (0x14A, 0x165),
    (0x168, 0x17E),
    (0x192, 0x192),
    (0x1A0, 0x1A1),
    (0x1AF, 0x1B0),
    (0x1C4, 0x1D4),
    (0x1E2, 0x1E3),
    (0x1E6, 0x1EB),
    (0x1F0, 0x1F0),
    (0x1F4, 0x1F5),
    (0x218, 0x21B),
    (0x232, 0x233),
    (0x237, 0x237),
    (0x1E02, 0x1E03),
    (0x1E0D, 0x1E0D),
    (0x1E1E, 0x1E21),
    (0x1E25, 0x1E25),
    (0x1E30, 0x1E31),
    (0x1E37, 0x1E37),
    (0x1E43, 0x1E43),
    (0x1E45, 0x1E45),
    (0x1E47, 0x1E47),
    (0x1E5B, 0x1E5B),
    (0x1E63, 0x1E63),
    (0x1E6D, 0x1E6D),
    (0x1E8E, 0x1E91),
    (0x1E9E, 0x1E9E),
    (0x1EA0, 0x1EF9),
)
# Letters only T5 has (ơ ư and the letters with two accents, ệ ế …).
VIETNAMESE = ((0x1A0, 0x1A1), (0x1AF, 0x1B0), (0x1EA0, 0x1EF9))
# Letters a Vietnamese word may hold besides those: the word is set in T5 as a whole.
VIETNAMESE_WORD = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzàáâãèéêìíòóôõùúýăđĩũÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨ")
# Presentation selectors (text/emoji): a monochrome print has one presentation.
PRESENTATION_SELECTORS = frozenset("\ufe0e\ufe0f")
# A base letter followed by combining accents is composed first (e + ́ → é).
COMBINING = re.compile("[^\u0300-\u036f][\u0300-\u036f]+")


class Ranges:
    """A set of code points held as sorted, disjoint ranges."""

    def __init__(self, ranges: tuple[tuple[int, int], ...] | list[tuple[int, int]]):
        self._starts = [first for first, _ in ranges]
        self._ends = [last for _, last in ranges]

    @classmethod
    def parse(cls, text: str) -> Ranges:
        ranges = []
        for item in text.split():
            first, _, last = item.partition("-")
            ranges.append((int(first, 16), int(last or first, 16)))
        return cls(ranges)

    def __contains__(self, point: int) -> bool:
        index = bisect.bisect_right(self._starts, point) - 1
        return index >= 0 and point <= self._ends[index]


@functools.cache
def _tables() -> dict[str, Ranges]:
    lines = TABLES.read_text(encoding="ascii").splitlines()
    return {name: Ranges.parse(rest) for name, _, rest in (line.partition(" ") for line in lines if line)}


_LATIN_BLOCKS, _LATIN_DEFINED, _VIETNAMESE = Ranges(LATIN_BLOCKS), Ranges(LATIN_DEFINED), Ranges(VIETNAMESE)


@functools.lru_cache(maxsize=8192)
def kind(char: str) -> Kind:
    """How a character is printed (see the module's docstring)."""
    point = ord(char)
    if point < 0x80:
        return Kind.PLAIN
    if point in _LATIN_BLOCKS:
        if point in _VIETNAMESE:
            return Kind.VIETNAMESE
        return Kind.PLAIN if point in _LATIN_DEFINED or _escaped(char) else Kind.MISSING
    if char in PRESENTATION_SELECTORS:
        return Kind.INVISIBLE
    if 0xFE00 <= point <= 0xFE0F or 0xE0100 <= point <= 0xE01EF:
        return Kind.SELECTOR
    if unicodedata.category(char) == "Cf":  # zero-width space, joiners, marks of direction
        return Kind.INVISIBLE
    if _escaped(char):
        return Kind.PLAIN
    tables = _tables()
    if point in tables["aj1"]:
        return Kind.PLAIN
    if point in tables["hangul"]:
        return Kind.HANGUL
    if point in tables["han"]:
        return Kind.HAN
    # A combining mark left alone has nothing to sit on in a Japanese font.
    if point in tables["symbols"] and not unicodedata.combining(char):
        return Kind.SYMBOL
    return Kind.MISSING


def _escaped(char: str) -> bool:
    """Whether Sphinx writes the character as a LaTeX command (– as \\textendash)."""
    return texescape.escape(char, "uplatex") != char


def compose(text: str) -> str:
    """Letters followed by combining accents composed (NFC), the rest untouched
    (NFC would also replace CJK compatibility ideographs with their unified forms)."""
    return COMBINING.sub(lambda match: unicodedata.normalize("NFC", match.group()), text)


def runs(text: str) -> Iterator[tuple[Kind, str]]:
    """The text cut into runs of characters printed the same way; a word
    with a Vietnamese letter is one run."""
    chars = compose(text)
    kinds = [kind(char) for char in chars]
    for index in range(1, len(chars)):  # ... rightwards, then leftwards
        if kinds[index - 1] is Kind.VIETNAMESE and chars[index] in VIETNAMESE_WORD:
            kinds[index] = Kind.VIETNAMESE
    for index in range(len(chars) - 2, -1, -1):
        if kinds[index + 1] is Kind.VIETNAMESE and chars[index] in VIETNAMESE_WORD:
            kinds[index] = Kind.VIETNAMESE
    start = 0
    for index in range(1, len(chars) + 1):
        if index == len(chars) or kinds[index] is not kinds[start]:
            yield kinds[start], chars[start:index]
            start = index


def needs_care(text: str) -> bool:
    return not text.isascii() and any(kind(char) is not Kind.PLAIN for char in text)


def unprintable(text: str) -> dict[str, Kind]:
    """The characters of a text that print as 〓 or lose their selector, in order."""
    found: dict[str, Kind] = {}
    if text.isascii():
        return found
    for char in compose(text):
        this = kind(char)
        if this in WARNED_KINDS:
            found.setdefault(char, this)
    return found


def printed_nodes(text: str, *, fonts: bool = True) -> list[nodes.Node]:
    """The nodes that print a text: font switches as inlines, 〓 for missing glyphs.

    Without ``fonts`` (literal blocks, whose text is written verbatim), a
    character that needs another font prints as 〓 too.
    """
    out: list[nodes.Node] = []
    plain: list[str] = []
    for this, run in runs(text):
        if this is Kind.PLAIN:
            plain.append(run)
        elif this is Kind.MISSING or (this in FONT_KINDS and not fonts):
            plain.append(MISSING_MARK * len(run))
        elif this in FONT_KINDS:
            if plain:
                out.append(nodes.Text("".join(plain)))
                plain = []
            out.append(nodes.inline(run, run, classes=[SCRIPT_CLASS.format(this.value)]))
        # SELECTOR and INVISIBLE print nothing.
    if plain:
        out.append(nodes.Text("".join(plain)))
    return out


def describe(chars: Mapping[str, Kind]) -> str:
    """``ส U+0E2A, 󠄀 U+E0100 …`` for a warning."""
    listed = [f"{char} U+{ord(char):04X}" if this is Kind.MISSING else f"U+{ord(char):04X}" for char, this in chars.items()]
    if len(listed) > 12:
        listed = [*listed[:12], f"… ({len(listed)} in all)"]
    return ", ".join(listed)


def message(what: str, chars: dict[str, Kind]) -> str:
    missing = {c: k for c, k in chars.items() if k is Kind.MISSING}
    selectors = {c: k for c, k in chars.items() if k is Kind.SELECTOR}
    parts = []
    if missing:
        parts.append(f"no print font has {describe(missing)}: printed as {MISSING_MARK}")
    if selectors:
        parts.append(f"variation selectors {describe(selectors)} are left out: the base character prints in its usual form")
    return f"{what} in print: " + "; ".join(parts)


# Records of the data already reported in this build (one warning per record).
_reported: weakref.WeakKeyDictionary[Any, set[tuple[str, object]]] = weakref.WeakKeyDictionary()


class PrintScripts(PrintPass):
    """Give every character of a print copy a font, or 〓 and a warning."""

    default_priority = LATEX_GLYPHS

    def run(self, **kwargs: Any) -> None:
        texts = [text for text in self.document.findall(nodes.Text) if needs_care(text.astext()) and not _in_raw(text)]
        if not texts:
            return
        seen: dict[str, Kind] = {}
        for text in texts:
            seen.update(unprintable(text.astext()))
        reported = _reported.setdefault(self.builder, set())
        from_data = _report_data(self.env, seen, reported) if seen else set()
        for text in texts:
            parent = text.parent
            assert isinstance(parent, nodes.Element)
            others = {c: k for c, k in unprintable(text.astext()).items() if c not in from_data}
            if others:
                warn(Subtype.GLYPH, message("text", others), _block(parent))
            parent.replace(text, printed_nodes(text.astext(), fonts=not _verbatim(parent)))


def _report_data(env: BuildEnvironment, seen: dict[str, Kind], reported: set[tuple[str, object]]) -> set[str]:
    """Warn once for each record of the data that has characters of ``seen``; the characters found so."""
    found: set[str] = set()
    domain = get_domain(env)
    for key, declared in domain.consultations.items():
        consultation = domain.get_consultation(key)
        if consultation is None:
            continue
        for what, record, origin in _records(consultation, declared):
            chars = {c: k for c, k in _record_unprintable(record).items() if c in seen}
            if not chars:
                continue
            found.update(chars)
            line = getattr(record, "line", None)
            if origin:
                location: object = f"{origin}:{line}" if line else origin
            else:
                location = (declared.docname, (line or 0) + declared.line_offset)
            if (key, (what, location)) in reported:
                continue
            reported.add((key, (what, location)))
            warn(Subtype.GLYPH, message(what, chars), location)
    return found


def _records(consultation: Consultation, declared: DeclaredConsultation) -> Iterator[tuple[str, Any, str | None]]:
    source = declared.source
    yield "the consultation", consultation, source
    for category in consultation.categories:
        yield f"category {category.key}", category, source
    for topic in consultation.topics:
        yield f"topic {topic.id}", topic, source
    for opinion in consultation.opinions:
        yield f"opinion {opinion.number}", opinion, opinion.origin or source
    for index, amendment in enumerate(consultation.amendments, 1):
        yield f"amendment {amendment.id or index}", amendment, source
    for item in consultation.schedule:
        yield f"schedule item {item.when}", item, source


def _record_unprintable(record: Any) -> dict[str, Kind]:
    """The unprintable characters of a record's own text fields (not of the records it holds)."""
    found: dict[str, Kind] = {}
    assert is_dataclass(record)
    for field in fields(record):
        value = getattr(record, field.name)
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str):
                found.update(unprintable(text))
    return found


def _in_raw(text: nodes.Text) -> bool:
    """Whether the text is LaTeX already (raw, math) or not printed (a comment)."""
    node = text.parent
    while node is not None:
        if isinstance(node, (nodes.raw, nodes.math, nodes.math_block, nodes.comment)):
            return True
        node = node.parent
    return False


def _verbatim(node: nodes.Element) -> bool:
    """Whether the text is written verbatim (a literal block), where no font switch can go."""
    current: nodes.Element | None = node
    while current is not None:
        if isinstance(current, nodes.FixedTextElement):
            return True
        current = current.parent
    return False


def _block(node: nodes.Element) -> nodes.Element:
    """The nearest ancestor with a source line, for the warning's location."""
    current: nodes.Element | None = node
    while current is not None:
        if current.line is not None:
            return current
        current = current.parent
    return node
