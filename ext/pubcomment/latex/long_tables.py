"""Long tables in print: a heading kept with its table, no row taller than a page.

Both are print passes (passes.py), run once the placeholders have become
tables, and estimate heights from the text: LaTeX cannot be
asked, and upLaTeX's page builder keeps neither rule by itself.
"""

from __future__ import annotations

import math
import re
from typing import Any

from docutils import nodes

from .passes import LATEX_KEEP_HEADINGS, LATEX_SPLIT_ROWS, PrintPass

# Keeping a heading with the long table it introduces.  LaTeX's longtable
# moves the table to the next page when its caption, head and first row do
# not fit, leaving the heading (and a note such as 「下線部は変更箇所」)
# alone at the foot of the page.  Before such a heading, ask for the room
# the table's start needs, estimated from the text of its first row.

# A4 less the 20 mm margins of latex_settings(), which jsbook rounds down
# to a whole number of full-width characters (52).
TEXT_WIDTH_MM = 169.0
FULL_WIDTH_CHAR_MM = 3.25  # a full-width character at 10pt (jsbook scales the font by 0.9247)
CELL_PADDING_MM = 3.0
# Lines besides the row: heading, caption, table head, rules, the foot note
# 「次のページに続く」.
FIXED_LINES = 8


def text_units(text: str) -> float:
    """The width of a text in full-width characters (Latin letters count half)."""
    return sum(1.0 if ord(char) > 0x2E7F else 0.5 for char in text)


def _lines(element: nodes.Element, width_mm: float) -> float:
    return _block_lines(element, max(width_mm / FULL_WIDTH_CHAR_MM, 1.0))


def first_row_lines(table: nodes.table) -> float:
    """Estimated height of a table's first body row, in lines of text."""
    tgroup = next(iter(table.findall(nodes.tgroup)), None)
    tbody = next(iter(tgroup.findall(nodes.tbody)), None) if tgroup is not None else None
    if tgroup is None or tbody is None:
        return 0.0
    first = next((r for r in tbody.children if isinstance(r, nodes.row)), None)
    widths = [float(c.get("colwidth", 1)) for c in tgroup.children if isinstance(c, nodes.colspec)]
    if first is None or not widths:
        return 0.0
    total = sum(widths)
    heights = []
    for entry, width in zip(first.children, widths, strict=False):
        cell_mm = TEXT_WIDTH_MM * width / total - CELL_PADDING_MM
        heights.append(_lines(entry, cell_mm))
    return max(heights, default=0.0)


class KeepHeadingsWithTables(PrintPass):
    """Before a heading whose section opens with a long table, the room the table's start needs."""

    default_priority = LATEX_KEEP_HEADINGS

    def run(self, **kwargs: Any) -> None:
        for section in list(self.document.findall(nodes.section)):
            body = [c for c in section.children if not isinstance(c, (nodes.title, nodes.target))]
            lines = 0.0
            for child in body[:3]:
                if isinstance(child, nodes.table) and "longtable" in child["classes"]:
                    lines += first_row_lines(child) + FIXED_LINES
                    parent = section.parent
                    if parent is not None:
                        raw = nodes.raw("", f"\\Needspace{{{math.ceil(lines)}\\baselineskip}}\n", format="latex")
                        parent.insert(parent.index(section), raw)
                    break
                if not isinstance(child, nodes.paragraph):
                    break
                lines += _lines(child, TEXT_WIDTH_MM)


# Splitting rows taller than a page.  A longtable breaks between rows,
# never inside one, so a row taller than the page would run off its foot
# and the rest of the opinion would be lost.  Such a row becomes several:
# the first keeps the number and the category, the next ones continue the
# texts, a few paragraphs (or list items, or sentences) each.  A text with
# no sentence end where one is needed (3,000 characters without 。, a
# 50,000-character address) is cut by its estimated width, inside a
# sentence or a word if it must be: every character is printed, and a cut
# adds none (no hyphen).

MAX_ROW_LINES = 34  # a page holds about 45 lines; the head, caption and foot take some
# Sentence ends: Japanese ones, and Latin . ! ? followed by white space (the
# space stays with the sentence it ends, so no row starts with a space).
SENTENCE_END = re.compile(r"(?<=[。．！？])|(?<=[.!?][ \t\n])")
# A piece cut by width fills this share of a row's lines: a line of Latin
# text ends at a space, not at its last possible character.
CUT_FILL = 0.8
# Widths (in full-width characters) for the pieces of a row being split,
# where an estimate too low loses text: Latin Modern's capitals and m, w
# are up to twice the average that text_units() counts (the decision to
# split a row, and all other rows, keep text_units()).
WIDE_LATIN = frozenset("ABCDEFGHIJKLNOPQRSTUVXYZmw@%&=<>+#~^|")
# Wider than a full-width character in Latin Modern (W is 10.3pt, a full-width character 9.25pt).
WIDEST_LATIN = frozenset("MW")


def print_units(text: str) -> float:
    """The width of a text in full-width characters, erring wide for Latin text."""
    return sum(1.0 if ord(char) > 0x2E7F else 1.15 if char in WIDEST_LATIN else 0.85 if char in WIDE_LATIN else 0.55 for char in text)


# When cutting by width, a space this far (as a share of the piece) before
# the cut is a better place to cut: words stay whole where they can.
CUT_SPACE_WINDOW = 0.2


def _blocks_in_chunks(blocks: list[nodes.Node], per_line: float, limit: float) -> list[list[nodes.Node]]:
    """The blocks of a cell, regrouped so that no group is taller than ``limit`` lines."""
    pieces: list[tuple[nodes.Node, float]] = []
    for block in blocks:
        pieces.extend(_split_block(block, per_line, limit))
    chunks: list[list[nodes.Node]] = [[]]
    height = 0.0
    for block, lines in pieces:
        if chunks[-1] and height + lines > limit:
            chunks.append([])
            height = 0.0
        chunks[-1].append(block)
        height += lines
    return chunks


def _block_lines(block: nodes.Node, per_line: float) -> float:
    """Estimated height of a block, in lines, ``per_line`` full-width characters a line."""
    if isinstance(block, nodes.literal_block):
        # Code keeps its line ends: each line takes at least one.
        return sum(math.ceil(max(text_units(line), 1.0) / per_line) for line in block.astext().split("\n")) + 0.4
    paragraphs = list(block.findall(nodes.paragraph)) if isinstance(block, nodes.Element) else []
    return sum(math.ceil(max(text_units(p.astext()), 1.0) / per_line) + 0.4 for p in paragraphs or [block])


def _split_block(block: nodes.Node, per_line: float, limit: float) -> list[tuple[nodes.Node, float]]:
    """A block too tall for one row, as smaller blocks: a list by its items, a
    paragraph by its sentences (a sentence too long by its width), code by
    its lines.  Only the first piece keeps the block's ids."""
    lines = _block_lines(block, per_line)
    if lines <= limit:
        return [(block, lines)]
    if isinstance(block, (nodes.bullet_list, nodes.enumerated_list)) and len(block.children) > 1:
        result: list[tuple[nodes.Node, float]] = []
        start = int(block.get("start", 1))
        for index, item in enumerate(block.children):
            part = block.copy()
            if index:
                part["ids"], part["names"] = [], []
            if isinstance(block, nodes.enumerated_list):
                part["start"] = start + index
            part += item.deepcopy()
            result.extend(_split_block(part, per_line, limit))
        return result
    if isinstance(block, (nodes.bullet_list, nodes.enumerated_list)) and len(block.children) == 1:
        # One item too tall: its paragraphs split as any other.
        return _split_list_item(block, per_line, limit) or [(block, lines)]
    if isinstance(block, nodes.literal_block):
        return _split_code(block, per_line, limit)
    if isinstance(block, nodes.paragraph):
        groups: list[list[nodes.Node]] = [[]]
        width = 0.0
        for atom in _sentence_atoms(block, per_line * limit * CUT_FILL):
            units = print_units(atom.astext())
            if groups[-1] and math.ceil((width + units) / per_line) > limit:
                groups.append([])
                width = 0.0
            groups[-1].append(atom)
            width += units
        if len(groups) > 1:
            result = []
            for index, group in enumerate(groups):
                part = block.copy()
                if index:
                    part["ids"], part["names"] = [], []
                part.extend(group)
                result.append((part, math.ceil(print_units(part.astext()) / per_line) + 0.4))
            return result
    return [(block, lines)]


def _split_list_item(block: nodes.Element, per_line: float, limit: float) -> list[tuple[nodes.Node, float]]:
    item = block.children[0]
    if not isinstance(item, nodes.list_item):
        return []
    pieces = [piece for child in item.children for piece in _split_block(child, per_line, limit)]
    if len(pieces) < 2:
        return []
    first, first_lines = pieces[0]
    part = block.copy()
    new_item = item.copy()
    new_item += first
    part += new_item
    # The item goes on in the next rows as bare blocks: a list there would
    # print its bullet or number a second time.
    return [(part, first_lines), *pieces[1:]]


def _split_code(block: nodes.literal_block, per_line: float, limit: float) -> list[tuple[nodes.Node, float]]:
    """Code by its lines, a line too long by its width; each piece is code
    again, as Sphinx writes it (its text unchanged)."""
    budget = per_line * limit * CUT_FILL
    lines: list[str] = []
    for line in block.astext().split("\n"):
        lines.extend(_cut_by_width(line, budget) or [""])
    result: list[tuple[nodes.Node, float]] = []
    current: list[str] = []
    height = 0.0
    for line in lines:
        line_height = math.ceil(max(print_units(line), 1.0) / per_line)
        if current and height + line_height > limit * CUT_FILL:
            result.append(_code_piece(block, current, height, first=not result))
            current, height = [], 0.0
        current.append(line)
        height += line_height
    if current:
        result.append(_code_piece(block, current, height, first=not result))
    return result


def _code_piece(block: nodes.literal_block, lines: list[str], height: float, *, first: bool) -> tuple[nodes.Node, float]:
    text = "\n".join(lines)
    part = nodes.literal_block(text, text, **{k: v for k, v in block.attributes.items() if k not in ("ids", "names") or first})
    return part, height + 0.4


def _cut_by_width(text: str, budget: float) -> list[str]:
    """A text in pieces no wider than ``budget`` full-width characters, cut
    at a space near the end of a piece where there is one, else anywhere
    (inside a word: a cut adds no hyphen).  Every character is kept."""
    pieces: list[str] = []
    start = 0
    while start < len(text):
        width = 0.0
        end = start
        while end < len(text) and width + print_units(text[end]) <= budget:
            width += print_units(text[end])
            end += 1
        if end == start:  # a budget below one character still takes one
            end += 1
        elif end < len(text):
            space = max(text.rfind(" ", start, end), text.rfind("\n", start, end))
            if space >= 0 and space + 1 - start >= (end - start) * (1 - CUT_SPACE_WINDOW):
                end = space + 1
        pieces.append(text[start:end])
        start = end
    return pieces


def _sentence_atoms(paragraph: nodes.Element, budget: float) -> list[nodes.Node]:
    """A paragraph's content in pieces that may end a row: its text by sentences;
    an inline of plain text (changed text, emphasis, code) by sentences too,
    each piece keeping the inline's kind and classes; anything else whole.
    A sentence wider than ``budget`` full-width characters is cut by width."""
    atoms: list[nodes.Node] = []

    def pieces(text: str) -> list[str]:
        return [cut for piece in SENTENCE_END.split(text) if piece for cut in _cut_by_width(piece, budget)]

    for child in paragraph.children:
        if isinstance(child, nodes.Text):
            atoms.extend(nodes.Text(piece) for piece in pieces(child.astext()))
        elif (
            isinstance(child, nodes.Inline)
            and isinstance(child, nodes.Element)
            and not isinstance(child, nodes.reference)
            and all(isinstance(grandchild, nodes.Text) for grandchild in child.children)
        ):
            for index, piece in enumerate(pieces(child.astext())):
                part = child.copy()
                if index:
                    part["ids"], part["names"] = [], []
                part += nodes.Text(piece)
                if isinstance(part, nodes.literal):
                    part.rawsource = piece
                atoms.append(part)
        else:
            atoms.append(child.deepcopy())
    return atoms


def column_chars(tgroup: nodes.tgroup) -> list[float]:
    """How many full-width characters a line of each column's cells holds."""
    widths = [float(c.get("colwidth", 1)) for c in tgroup.children if isinstance(c, nodes.colspec)]
    total = sum(widths) or 1.0
    return [max((TEXT_WIDTH_MM * w / total - CELL_PADDING_MM) / FULL_WIDTH_CHAR_MM, 1.0) for w in widths]


def table_lines(tgroup: nodes.tgroup) -> float:
    """Estimated height of a table's body rows, in lines of text."""
    per_line = column_chars(tgroup)
    total = 0.0
    for row in tgroup.findall(nodes.row):
        entries = [e for e in row.children if isinstance(e, nodes.entry)]
        total += max((_block_lines(e, width) for e, width in zip(entries, per_line, strict=False)), default=0.0)
    return total


class SplitTallRows(PrintPass):
    """A long table's rows taller than a page become several.

    Another pc- table (the legend, the overview …) is set in one piece, which
    cannot break across pages: one taller than a page is made a long table
    first, so that its text runs on to the next page instead of off the foot.
    """

    default_priority = LATEX_SPLIT_ROWS

    def run(self, **kwargs: Any) -> None:
        for table in list(self.document.findall(nodes.table)):
            if "longtable" not in table["classes"] and "pc-table" in table["classes"]:  # (a long one is not measured twice)
                table["classes"] += ["longtable"] if any(table_lines(t) > MAX_ROW_LINES for t in table.findall(nodes.tgroup)) else []
            if "longtable" not in table["classes"]:
                continue
            for tgroup in table.findall(nodes.tgroup):
                per_line = column_chars(tgroup)
                for tbody in tgroup.findall(nodes.tbody):
                    for row in [r for r in tbody.children if isinstance(r, nodes.row)]:
                        _split_row(row, per_line)


def _split_row(row: nodes.row, per_line: list[float]) -> None:
    entries = [e for e in row.children if isinstance(e, nodes.entry)]
    if len(entries) != len(per_line) or any(e.get("morecols") or e.get("morerows") for e in entries):
        return
    if max(_block_lines(e, width) for e, width in zip(entries, per_line, strict=True)) <= MAX_ROW_LINES:
        return
    chunked = [_blocks_in_chunks(list(e.children), width, MAX_ROW_LINES) for e, width in zip(entries, per_line, strict=True)]
    count = max(len(chunks) for chunks in chunked)
    if count < 2:
        return
    rows = []
    for index in range(count):
        new_row = nodes.row()
        for entry, chunks in zip(entries, chunked, strict=True):
            new_entry = entry.copy()
            if index < len(chunks):
                new_entry.extend(chunks[index])
            new_row += new_entry
        rows.append(new_row)
    row.replace_self(rows)
