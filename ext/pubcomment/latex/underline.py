"""Changed text (傍線) in print: underlined, and wrapping inside a table cell.

upLaTeX has no underline that breaks across lines: ``\\underline`` makes
one unbreakable box, lua-ul is LuaLaTeX's, ulem and umoline ran off the
page with Japanese text.  So the LaTeX of changed text is written here,
unit by unit: each Japanese character, and each Latin word or number (kept
whole), is set in a box with its underline (``\\pcU{…}``); the units are
joined by underline *leaders* glue (``\\pcK`` and its kin, defined in
pubcomment.sty), which is a legal line break and, when a justified line
stretches it, underlined all along.

A character in a box is out of reach of upLaTeX's Japanese typesetting, so
what upLaTeX would put between two characters is decided here, after its
own tables (``ukinsoku.tex`` of upLaTeX and the JFM of jsclasses):

* kinsoku: no line starts with 、。」）ー… and none ends with 「（…;
* the half-width space around brackets and punctuation (、 and 」 are half
  a character wide and followed by half a character of space, 「 preceded
  by it, ・ has a quarter on each side);
* ``\\xkanjiskip`` between Japanese and Latin text, where upLaTeX puts it.

Every unit is escaped with Sphinx's own LaTeX escaping: citizen text never
reaches LaTeX as markup.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from typing import Any

from docutils import nodes
from sphinx.util import texescape

from ..render.safe_markdown import CHANGED_CLASS
from .breaks import WORD_BREAK
from .long_tables import print_units
from .passes import LATEX_UNDERLINE, PrintPass

# Half-width characters of the JFM with space on their open side.
OPENING = frozenset("「『（〔［｛〈《【〘〖〝‘“｟⦅")
CLOSING = frozenset("」』）〕］｝〉》】〙〗〟’”｠⦆、。，．")
MIDDLE = frozenset("・：；")

# The JFM's space between two characters, in full-width units, by class:
# O opening, C closing, M middle dot, W other Japanese, L Latin.  Pairs not
# listed have none; upLaTeX then puts \kanjiskip or \xkanjiskip there.
JFM_SPACE = {
    ("C", "O"): 0.5,
    ("C", "M"): 0.25,
    ("C", "W"): 0.5,
    ("C", "L"): 0.5,
    ("M", "O"): 0.25,
    ("M", "C"): 0.25,
    ("M", "M"): 0.5,
    ("M", "W"): 0.25,
    ("M", "L"): 0.25,
    ("O", "M"): 0.25,
    ("W", "O"): 0.5,
    ("W", "M"): 0.25,
    ("L", "O"): 0.5,
    ("L", "M"): 0.25,
}
SPACE_MACRO = {0.5: r"\pcH", 0.25: r"\pcQ"}

# Kinsoku (ukinsoku.tex: \prebreakpenalty and \postbreakpenalty 10000).
NO_LINE_START = frozenset("!\"'),-.:;?]、。，．・：；？！゛゜´々’”）｝］〕〉》」』】ーヽヾゝゞ〳〴〵〻⦆｠〙〗»〟‼⁇⁈⁉ː·¹²³™｡､ﾞﾟ｣")
NO_LINE_END = frozenset("`([‘“（｛［〔〈《「『【⦅｟〘〖«〝¡¿€｀｢")

# \xkanjiskip (ukinsoku.tex).  \xspcode of a Latin character: 1 space
# allowed before it only, 2 after it only, 3 both, 0 neither; letters,
# digits and accented letters are 3.  \inhibitxspcode of a Japanese one.
XSPCODE = {**dict.fromkeys("([`", 1), **dict.fromkeys(")]':;,.", 2), "%": 3, "+": 3}
NO_XSPACE_BEFORE = CLOSING | frozenset("：；？！‼⁇⁈⁉°′″™—―〜～…¥￥")
NO_XSPACE_AFTER = OPENING | frozenset("—―〜～…¥￥")

WHITESPACE = " \t\r\n"

# A Latin unit wider than this (in full-width characters, erring wide) may
# not fit a line of the narrowest cell that shows changed text (変更の概要
# of the amendments, about 11 characters), so it may break anywhere.
LONG_UNIT = 10.0


def is_japanese(char: str, escape: Callable[[str], str]) -> bool:
    """Whether upLaTeX sets a character as Japanese (full or half width)."""
    width = unicodedata.east_asian_width(char)
    # Ambiguous-width punctuation and symbols (※ ① … “) are Japanese to
    # upLaTeX, unless Sphinx writes them as LaTeX commands (– as \textendash).
    return width in ("W", "F") or (width == "A" and ord(char) >= 0x2010 and escape(char) == char)


def _class(char: str, japanese: bool) -> str:
    if char in OPENING:
        return "O"
    if char in CLOSING:
        return "C"
    if char in MIDDLE:
        return "M"
    return "W" if japanese else "L"


def _xspcode(char: str) -> int:
    if char.isalnum() or ord(char) >= 0x80:
        return 3
    return XSPCODE.get(char, 0)


def _glue(before: str, after: str, escape: Callable[[str], str]) -> str:
    japanese_before, japanese_after = is_japanese(before, escape), is_japanese(after, escape)
    space = JFM_SPACE.get((_class(before, japanese_before), _class(after, japanese_after)))
    if space is not None:
        return SPACE_MACRO[space]
    if japanese_before and not japanese_after:
        return r"\pcX" if before not in NO_XSPACE_AFTER and _xspcode(after) in (1, 3) else r"\pcK"
    if japanese_after and not japanese_before:
        return r"\pcX" if after not in NO_XSPACE_BEFORE and _xspcode(before) in (2, 3) else r"\pcK"
    return r"\pcK"


def joint(before: str, after: str, escape: Callable[[str], str], *, underline: bool = True) -> str:
    """The glue between two characters' units: ``\\pcK`` (\\kanjiskip), ``\\pcX``
    (\\xkanjiskip), ``\\pcH`` / ``\\pcQ`` (half / quarter width); inside
    ``\\pcPlain`` unless ``underline``; after ``\\nobreak`` where kinsoku
    forbids a line break."""
    glue = _glue(before, after, escape)
    if not underline:
        glue = rf"\pcPlain{{{glue}}}"
    if after in NO_LINE_START or before in NO_LINE_END:
        return r"\nobreak" + glue
    return glue


def units(text: str, escape: Callable[[str], str]) -> Iterator[str]:
    """The units of a text: each Japanese character; each run of Latin
    characters (a word, a number such as 160,000; a long address is cut
    after each slash); each run of white space, as it is."""
    run = ""
    for char in text:
        if char in WHITESPACE:
            if run and run[-1] not in WHITESPACE:
                yield run
                run = ""
            run += char
            continue
        if run and run[-1] in WHITESPACE:
            yield run
            run = ""
        if is_japanese(char, escape):
            if run:
                yield run
                run = ""
            yield char
        else:
            run += char
            if char == "/":
                yield run
                run = ""
    if run:
        yield run


def underlined(text: str, escape: Callable[[str], str], *, before: str = "", after: str = "", continues: bool = False) -> str:
    """The LaTeX of changed text: underlined units joined by underlined glue.

    ``before`` and ``after`` are the characters printed just before and
    after it (empty if none), for the glue at its ends, which is not
    underlined unless ``continues``: the text before is changed text too.
    White space at either end is a plain space.
    """
    out: list[str] = []
    previous = before[-1:]
    underline = continues
    for unit in units(text, escape):
        if unit[0] in WHITESPACE:
            # A line end after a Japanese character is no space (as in
            # upLaTeX's input); a space inside the text is underlined.
            if out and "\n" in unit and is_japanese(previous, escape):
                continue
            out.append(r"\pcS" if out else " ")
            previous = " "
            continue
        if previous and previous not in WHITESPACE:
            out.append(joint(previous, unit[0], escape, underline=underline))
        if print_units(unit) > LONG_UNIT and not is_japanese(unit[0], escape):
            # A long Latin run (an address, code) is one box a character,
            # joined by \pcW, a line break that prints nothing: one box
            # would run off the cell (see .breaks).
            out.append(WORD_BREAK.join(rf"\pcU{{{escape(char)}}}" for char in unit))
        else:
            out.append(rf"\pcU{{{escape(unit)}}}")
        previous = unit[-1]
        underline = True
    if out and out[-1] == r"\pcS":
        out[-1] = " "
    elif out and previous not in WHITESPACE and after[:1] and after[0] not in WHITESPACE:
        out.append(joint(previous, after[0], escape, underline=False))
    return "".join(out)


def _block(node: nodes.Element) -> nodes.Element:
    """The paragraph (or other text block) an inline is part of."""
    while isinstance(node, nodes.Inline) and isinstance(node.parent, nodes.Element):
        node = node.parent
    return node


def _in_changed(text: nodes.Text, block: nodes.Element) -> bool:
    node = text.parent
    while node is not None and node is not block:
        if isinstance(node, nodes.inline) and CHANGED_CLASS in node["classes"]:
            return True
        node = node.parent
    return False


class UnderlineChangedText(PrintPass):
    """Replace the text of every changed inline with its LaTeX (see :func:`underlined`).

    The characters around each piece of changed text decide the glue at its
    ends, so each text block is handled as a whole.
    """

    default_priority = LATEX_UNDERLINE

    def run(self, **kwargs: Any) -> None:
        engine = self.config.latex_engine

        def escape(text: str) -> str:
            return texescape.escape(text, engine)

        blocks: dict[int, nodes.Element] = {}
        for inline in self.document.findall(nodes.inline):
            if CHANGED_CLASS in inline["classes"]:
                block = _block(inline)
                blocks[id(block)] = block
        for block in blocks.values():
            texts = list(block.findall(nodes.Text))
            changed = [_in_changed(text, block) for text in texts]
            for index, text in enumerate(texts):
                if not changed[index] or text.parent is None:
                    continue
                before = texts[index - 1].astext()[-1:] if index else ""
                after = texts[index + 1].astext()[:1] if index + 1 < len(texts) and not changed[index + 1] else ""
                latex = underlined(text.astext(), escape, before=before, after=after, continues=index > 0 and changed[index - 1])
                text.parent.replace(text, nodes.raw("", latex, format="latex"))
