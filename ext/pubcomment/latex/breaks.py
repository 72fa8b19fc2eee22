"""Long Latin runs in print: they may break anywhere inside a table cell.

TeX breaks a line of Latin text only at a space or a hyphenation point, so
an address, a long word, a line of code or 50,000 characters with no space
runs across the next column and off the page (the last stops LaTeX with
"Dimension too large").  Hyphenation is off in the cells (it would print a
hyphen the citizen never typed, see pubcomment.sty), so a run of Latin
characters that may be wider than a line of its cell (by
:func:`.long_tables.print_units`, which errs wide) gets a line break
opportunity between each two of its characters: ``\\pcW``, a penalty,
which prints nothing and adds no width.  Words that fit stay whole, and
all other text is written by Sphinx as before.

The last print pass (passes.py), after the rows are split and changed text
is underlined (:mod:`.underline` cuts its own long units the same way), and
writes the text it changes as raw LaTeX, each character escaped with
Sphinx's own LaTeX escaping.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from docutils import nodes
from sphinx.util import texescape

from .long_tables import column_chars, print_units
from .passes import LATEX_BREAKS, PrintPass

WORD_BREAK = "\\pcW "  # the space ends the control word before a letter
WHITESPACE = frozenset(" \t\r\n")


def _is_latin(char: str) -> bool:
    # As in long_tables.text_units: Japanese breaks between any two characters already.
    return char not in WHITESPACE and ord(char) <= 0x2E7F


def _runs(text: str) -> Iterator[tuple[int, int]]:
    """Where the runs of Latin characters of a text start and end."""
    position, length = 0, len(text)
    while position < length:
        if not _is_latin(text[position]):
            position += 1
            continue
        end = position
        while end < length and _is_latin(text[end]):
            end += 1
        yield position, end
        position = end


def has_long_run(text: str, line: float) -> bool:
    """Whether a run of Latin characters may not fit a line of ``line`` full-width characters."""
    return any(print_units(text[start:end]) > line for start, end in _runs(text))


def breakable(text: str, escape: Callable[[str], str], line: float) -> str:
    """The LaTeX of a text: runs of Latin characters that may not fit a
    line of ``line`` full-width characters with ``\\pcW`` between each two
    characters, the rest as it is; everything escaped."""
    out: list[str] = []
    written = 0
    for start, end in _runs(text):
        if print_units(text[start:end]) > line:
            out.append(escape(text[written:start]))
            out.append(WORD_BREAK.join(escape(char) for char in text[start:end]))
            written = end
    out.append(escape(text[written:]))
    return "".join(out)


def _written_by_sphinx(text: nodes.Text) -> bool:
    """Text Sphinx writes otherwise than as escaped characters: raw LaTeX
    (changed text), code blocks (highlighted, and wrapped by Sphinx), and a
    bare address (``\\sphinxurl``, which breaks anywhere with xurl)."""
    parent = text.parent
    if isinstance(parent, (nodes.raw, nodes.literal_block)):
        return True
    return isinstance(parent, nodes.reference) and len(parent) == 1 and parent.get("refuri") == text.astext()


class BreakLongRuns(PrintPass):
    """Long Latin runs in the tables' cells may break (see :func:`breakable`)."""

    default_priority = LATEX_BREAKS

    def run(self, **kwargs: Any) -> None:
        engine = self.config.latex_engine

        def escape(text: str) -> str:
            return texescape.escape(text, engine)

        for table in self.document.findall(nodes.table):
            if "pc-table" not in table["classes"]:
                continue
            for tgroup in table.findall(nodes.tgroup):
                columns = column_chars(tgroup)
                for row in tgroup.findall(nodes.row):
                    entries = [e for e in row.children if isinstance(e, nodes.entry)]
                    # A cell spanning columns is measured as the narrowest.
                    lines = columns if len(entries) == len(columns) else [min(columns, default=1.0)] * len(entries)
                    for entry, line in zip(entries, lines, strict=False):
                        for text in list(entry.findall(nodes.Text)):
                            if text.parent is None or _written_by_sphinx(text) or not has_long_run(text.astext(), line):
                                continue
                            text.parent.replace(text, nodes.raw("", breakable(text.astext(), escape, line), format="latex"))
