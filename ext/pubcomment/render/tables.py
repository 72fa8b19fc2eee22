"""Tables as plain docutils nodes, so every builder renders them.

Following sphinx-needs, tables are ``table/tgroup/colspec/thead/tbody``
with a caption (``title``) and header cells; long ones carry the
``longtable`` class for LaTeX, and given widths the ``colwidths-given``
class so LaTeX sizes columns as we say.
"""

from __future__ import annotations

from collections.abc import Sequence

from docutils import nodes

Cell = Sequence[nodes.Node]


def as_blocks(content: Cell | str) -> list[nodes.Node]:
    """Entry content must be body elements: wrap text and inlines in a paragraph."""
    if isinstance(content, str):
        return [nodes.paragraph(content, content)]
    blocks: list[nodes.Node] = []
    loose: list[nodes.Node] = []
    for node in content:
        if isinstance(node, (nodes.Inline, nodes.Text)):
            loose.append(node)
            continue
        if loose:
            blocks.append(nodes.paragraph("", "", *loose))
            loose = []
        blocks.append(node)
    if loose:
        blocks.append(nodes.paragraph("", "", *loose))
    return blocks


def build_table(
    table_id: str,
    caption: str,
    header: Sequence[str] | None,
    rows: Sequence[Sequence[Cell | str]],
    widths: Sequence[int],
    *,
    classes: Sequence[str] = (),
    stub_columns: int = 0,
    long: bool = False,
    body: nodes.tbody | None = None,
) -> nodes.table:
    """The table; ``body``, when given, stands for the rows (see transforms/resolve.py)."""
    table = nodes.table(ids=[table_id], classes=["pc-table", "colwidths-given", *classes])
    if long:
        table["classes"].append("longtable")
    table += nodes.title(caption, caption)
    tgroup = nodes.tgroup(cols=len(widths))
    table += tgroup
    for index, width in enumerate(widths):
        colspec = nodes.colspec(colwidth=width)
        if index < stub_columns:
            colspec["stub"] = 1
        tgroup += colspec
    if header is not None:
        thead = nodes.thead()
        thead += _row(header)
        tgroup += thead
    if body is None:
        body = table_body(rows)
    tgroup += body
    return table


def table_body(rows: Sequence[Sequence[Cell | str]]) -> nodes.tbody:
    tbody = nodes.tbody()
    for cells in rows:
        tbody += _row(cells)
    return tbody


def _row(cells: Sequence[Cell | str]) -> nodes.row:
    row = nodes.row()
    for content in cells:
        entry = nodes.entry()
        entry.extend(as_blocks(content))
        row += entry
    return row


def anchored(anchor: str, content: Cell | str) -> list[nodes.Node]:
    """Cell content preceded by a link target, which every builder writes."""
    target = nodes.target("", "", ids=[anchor])
    if isinstance(content, str):
        return [nodes.paragraph("", "", target, nodes.Text(content))]
    return [target, *content]
