"""対応区分 (legend), 意見の件数と対応区分 (tally) and the opinion tables."""

from __future__ import annotations

from collections.abc import Callable

from docutils import nodes

from ..core import numbering, opinion_fields
from ..core.model import IN_SCOPE, OUT_OF_SCOPE, Opinion
from ..core.problems import Subtype
from ..core.ranges import Range, format_ranges, numbers_caption, parse_ranges
from ..core.tally import tally
from ..nodes import pubcomment_deferred_rows
from ..warnings_ import warn
from . import safe_markdown
from .citations import related_paragraph
from .context import RenderContext
from .tables import Cell, anchored, build_table, table_body


def topic_heading(index: int, title: str) -> str:
    """``ア プランの取組の方向性に関すること``: the letter follows from the order."""
    return f"{numbering.katakana(index + 1)} {title}"


def category_anchor(ctx: RenderContext, key: str) -> str:
    return ctx.anchor("category", ctx.category_token(key))


def opinion_anchor(ctx: RenderContext, number: int) -> str:
    return ctx.anchor("opinion", str(number))


def of_rows(ctx: RenderContext, caption: str) -> str:
    """A caption of what counts the rows (tally, chart): when the rows are a
    selection or a summary, it says they are the rows, not the totals."""
    return ctx.label("partial_tally_caption", caption=caption) if ctx.consultation.partial else caption


def render_legend(ctx: RenderContext, node: nodes.Element) -> list[nodes.Node]:
    if not ctx.consultation.categories:
        warn(
            Subtype.DIRECTIVE,
            "pc-legend: the consultation has no categories (対応区分), so there is no legend to show; "
            "remove the directive or add 'categories' to the data",
            node,
        )
        return []
    rows: list[list[Cell | str]] = [
        [anchored(category_anchor(ctx, c.key), c.key), _described(c.label, c.description)] for c in ctx.consultation.categories
    ]
    header = [ctx.label("category"), ctx.label("description")]
    return [build_table(ctx.anchor("legend"), ctx.label("legend_caption"), header, rows, [10, 90], classes=["pc-legend"], stub_columns=1)]


def _described(label: str, description: str) -> list[nodes.Node]:
    """The description, after the category's short name when it has one."""
    blocks = safe_markdown.parse_blocks(description)
    if label and blocks and isinstance(blocks[0], nodes.paragraph):
        blocks[0].insert(0, nodes.strong(label, label))
        blocks[0].insert(1, nodes.Text("\u3000"))
    return blocks


def render_tally(ctx: RenderContext, node: nodes.Element) -> list[nodes.Node]:
    """意見の件数と対応区分 (意見の件数 when there are no categories); nothing when
    there are no opinions (pc-opinions says so)."""
    if not ctx.consultation.opinions:
        return []
    result = tally(
        ctx.consultation, total_label=ctx.label("grand_total"), topic_label=topic_heading, out_of_scope_label=ctx.label("out_of_scope")
    )
    keys = list(result.category_keys)
    header = [ctx.label("topic"), *keys, ctx.label("row_total")] if keys else [ctx.label("topic"), ctx.label("row_total")]
    rows: list[list[Cell | str]] = []
    for row in (*result.rows, result.total):
        counts = [ctx.number(n) for n in row.counts] if keys else []
        rows.append([row.label, *counts, ctx.number(row.total)])
    widths = [40, *([60 // max(len(keys) + 1, 1)] * len(keys)), 60 // max(len(keys) + 1, 1)]
    caption = of_rows(ctx, ctx.label("tally_caption" if keys else "tally_caption_plain"))
    return [build_table(ctx.anchor("tally"), caption, header, rows, widths, classes=["pc-tally"], stub_columns=1)]


def render_opinions(ctx: RenderContext, node: nodes.Element) -> list[nodes.Node]:
    """A table per topic (or the one table), then the opinions out of scope;
    with no opinions at all, the statement that there were none (43条1項)."""
    consultation = ctx.consultation
    wanted = node.get("topic")
    numbers = node_ranges(node)
    if not consultation.opinions and not numbers:
        if not consultation.none_submitted:  # opinions were submitted, none given as rows: never "none"
            return []
        text = ctx.label("no_opinions")  # said, as 行政手続法43条1項3号 asks
        return [nodes.paragraph(text, text, classes=["pc-no-opinions"])]
    groups: list[tuple[str, str]] = []  # (group, caption)
    rows = ctx.label(f"{consultation.declared_rows}_caption") if consultation.partial else ""
    if not consultation.topics:
        groups.append(("", rows or ctx.label("opinions_caption", topic=consultation.title)))
    for index, topic in enumerate(consultation.topics):
        heading = topic_heading(index, topic.title)
        groups.append(
            (
                topic.id,
                ctx.label("partial_opinions_caption", rows=rows, topic=heading) if rows else ctx.label("opinions_caption", topic=heading),
            )
        )
    if not node.get("in_scope_only"):
        groups.append((OUT_OF_SCOPE, ctx.label("out_of_scope_caption")))
    tables: list[nodes.Node] = []
    for group, caption in groups:
        if wanted and wanted != group:
            continue
        opinions = opinions_shown(ctx, group, numbers)
        # A page of a split table shows only the groups it has, and no table
        # is made for the opinions out of scope when there are none.
        if (numbers or group == OUT_OF_SCOPE) and not opinions:
            continue
        tables.append(_opinion_table(ctx, group, _with_numbers(ctx, caption, opinions, numbers), opinions, numbers))
    return tables


def node_ranges(node: nodes.Element) -> tuple[Range, ...]:
    """The ``:numbers:`` ranges a placeholder carries (checked by the directive)."""
    return parse_ranges(node["numbers"]) if node.get("numbers") else ()


def _with_numbers(ctx: RenderContext, caption: str, opinions: list[Opinion], numbers: tuple[Range, ...]) -> str:
    """A page of a split table says which numbers it holds: 「…（No.1〜250）」."""
    if not numbers or not opinions:
        return caption
    return caption + numbers_caption(opinions[0].number, opinions[-1].number, ctx.label("number_caption"), ctx.label("numbers_caption"))


def _opinion_table(ctx: RenderContext, group: str, caption: str, opinions: list[Opinion], numbers: tuple[Range, ...] = ()) -> nodes.table:
    columns = table_columns(ctx)
    header = [ctx.label(key) for key in columns]  # each column's label is its field's key
    widths = list(columns.values())
    if ctx.defers_rows:  # the HTML writer builds the rows (html/deferred_rows.py)
        body: nodes.tbody = pubcomment_deferred_rows(key=ctx.key, topic=group, docname=ctx.docname, numbers=format_ranges(numbers))
    else:
        body = table_body(opinion_rows(ctx, opinions))
    # The pages of a split table are one document in print: each its own id.
    anchor = ctx.anchor("opinions", _id_part(ctx, group), *([str(opinions[0].number)] if numbers and opinions else []))
    return build_table(anchor, caption, header, [], widths, classes=["pc-opinions"], long=True, body=body)


# The opinion table's columns are the fields core/opinion_fields.py declares as such (COLUMNS);
# here are their order and their widths (per cent), and the renderer of each one's cell.  The
# category column is there only when the consultation has categories: without it the others are wider.
_WIDTHS = {"no": 6, "summary": 42, "response": 45, "category": 7}
_WIDTHS_WITHOUT_CATEGORY = {"no": 6, "summary": 44, "response": 50}


def table_columns(ctx: RenderContext) -> dict[str, int]:
    """The fields that are columns of the consultation's opinion tables, in order, and their widths."""
    widths = _WIDTHS if ctx.consultation.categories else _WIDTHS_WITHOUT_CATEGORY
    return {key: width for key, width in widths.items() if key in opinion_fields.COLUMNS}


def _id_part(ctx: RenderContext, group: str) -> str:
    if group == OUT_OF_SCOPE:
        return "out-of-scope"
    return ctx.topic_token(group) if ctx.consultation.topics else "all"


def opinions_shown(ctx: RenderContext, group: str, numbers: tuple[Range, ...] = ()) -> list[Opinion]:
    """The opinions of one group's table: a topic's, OUT_OF_SCOPE's, or with no
    topics ("") every opinion in scope; only those whose numbers are in
    ``numbers`` when it is given."""
    consultation = ctx.consultation
    if group != OUT_OF_SCOPE and not consultation.topics:
        group = IN_SCOPE
    if not numbers:
        return consultation.opinions_in(group)
    shown = [o for first, last in numbers for o in consultation.opinions_numbered(group, first, last)]
    if len(numbers) > 1:  # ranges may overlap, and the data's order is kept
        order = {id(o): i for i, o in enumerate(consultation.opinions_in(group))}
        shown = sorted({id(o): o for o in shown}.values(), key=lambda o: order[id(o)])
    return shown


def grouped_note(ctx: RenderContext, opinion: Opinion) -> str | None:
    """「（同趣旨 3件）」 for a row that stands for several submitted opinions."""
    if opinion.count < 2:
        return None
    return ctx.label("grouped", count=ctx.number(opinion.count), unit=ctx.label("opinions_unit"))


def opinion_rows(ctx: RenderContext, opinions: list[Opinion]) -> list[list[Cell | str]]:
    cells = [_CELLS[key] for key in table_columns(ctx)]
    return [[cell(ctx, opinion) for cell in cells] for opinion in opinions]


def _number_cell(ctx: RenderContext, opinion: Opinion) -> Cell:
    return anchored(opinion_anchor(ctx, opinion.number), str(opinion.number))


def _summary_cell(ctx: RenderContext, opinion: Opinion) -> Cell:
    """The summary and its notes, then 「（同趣旨 3件）」 and 関連箇所."""
    summary = _text_with_notes(ctx, opinion, "summary", opinion.summary, opinion.summary_notes)
    grouped = grouped_note(ctx, opinion)
    if grouped is not None:
        summary.append(nodes.paragraph(grouped, grouped, classes=["pc-grouped"]))
    related = related_paragraph(ctx, opinion)
    if related is not None:
        summary.append(related)
    return summary


def _response_cell(ctx: RenderContext, opinion: Opinion) -> Cell:
    return _text_with_notes(ctx, opinion, "response", opinion.response, opinion.response_notes)


def _category_cell(ctx: RenderContext, opinion: Opinion) -> Cell:
    return [category_cell(ctx, opinion.category)]


# The cell of each column (table_columns).
_CELLS: dict[str, Callable[[RenderContext, Opinion], Cell]] = {
    "no": _number_cell,
    "summary": _summary_cell,
    "response": _response_cell,
    "category": _category_cell,
}


def category_cell(ctx: RenderContext, key: str) -> nodes.Node:
    """The letter, styled as a badge, linked to its line in the legend."""
    category = ctx.consultation.category(key)
    classes = ["pc-category"]
    if ctx.config.badges:
        classes += ["sd-badge", "sd-outline-primary", "sd-text-primary"]
    badge = nodes.inline(key, key, classes=classes)
    title = category.description if category else ""
    if ctx.is_html and title:  # what the letter means, for screen readers (HTML only)
        hidden = f"（{title}）"
        badge = nodes.inline("", "", badge, nodes.inline(hidden, hidden, classes=["pc-visually-hidden"]))
    return ctx.ref_to(category_anchor(ctx, key), "legend", badge, title=title)


def _text_with_notes(ctx: RenderContext, opinion: Opinion, field: str, text: str, notes: list[str]) -> list[nodes.Node]:
    """The text, then its ※ notes; each (※) marker links to its note.
    Plain (as typed) or markdown, as the consultation's ``text_format`` says."""

    def note_id(n: int) -> str:
        return ctx.anchor("opinion", str(opinion.number), field, "note", str(n))

    def marker(n: int, mark: str) -> nodes.Node:
        if n > len(notes):
            return nodes.Text(mark)
        reference = nodes.reference("", "", refid=note_id(n), reftitle=ctx.label("note_link"), classes=["pc-note-ref"])
        reference += nodes.Text(mark)
        if ctx.is_html:  # the link's purpose, for screen readers (HTML only)
            reference += nodes.inline("", ctx.label("note_link"), classes=["pc-visually-hidden"])
        return reference

    markdown = ctx.config.is_markdown(field, ctx.consultation)
    blocks = safe_markdown.parse_text(text, markdown=markdown, marker=marker)
    for n, note in enumerate(notes, 1):
        paragraph = nodes.paragraph("", "", classes=["pc-note"])
        paragraph += nodes.target("", "", ids=[note_id(n)])
        paragraph += nodes.Text("※")
        paragraph.extend(safe_markdown.parse_inline(note) if markdown else safe_markdown.parse_plain_inline(note))
        blocks.append(paragraph)
    return blocks
