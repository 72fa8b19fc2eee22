"""The rows of 改定案からの変更点 that come from the plan's ``pc-amendment`` markup.

Rows follow the plan's reading order.  Both sides are copies of the very
nodes the plan shows in each edition, so the table cannot drift from the
plan.  Changed text is underlined as in the data's rows
(:mod:`.changed_text`).
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util.nodes import make_refnode

from ..core.ids import token
from ..nodes import pubcomment_plan_page
from . import safe_markdown
from .changed_text import underline_changes
from .context import PlanAmendment, RenderContext
from .tables import Cell, anchored


def ordered_amendments(ctx: RenderContext) -> list[PlanAmendment]:
    """Amendments in the order a reader meets them in the plan."""
    return ctx.references.amendments_in_reading_order()


def rows_from_plan(ctx: RenderContext) -> list[list[Cell | str]]:
    rows: list[list[Cell | str]] = []
    for number, amendment in enumerate(ordered_amendments(ctx), 1):
        before = [node.deepcopy() for node in amendment.draft]
        after = [node.deepcopy() for node in amendment.final]
        if amendment.abridge:
            after = [nodes.paragraph("", "", safe_markdown.changed(amendment.abridge))]
        else:
            underline_changes(before, after)
        summary: list[nodes.Node] = safe_markdown.parse_blocks(amendment.summary)
        if amendment.reason:
            summary.extend(safe_markdown.parse_blocks(amendment.reason))
        location = location_node(ctx, amendment)
        number_cell = anchored(ctx.anchor("amendment", token(amendment.id)), str(number))
        rows.append([number_cell, summary, _side(ctx, location, after), _side(ctx, location, before)])
    return rows


def _side(ctx: RenderContext, location: nodes.Node, blocks: list[nodes.Node]) -> list[nodes.Node]:
    if not blocks:
        return [nodes.paragraph("", ctx.label("no_before"))]
    heading = nodes.paragraph("", "", nodes.Text("（"), location.deepcopy(), nodes.Text("）"), classes=["pc-location"])
    return [heading, *blocks]


def location_node(ctx: RenderContext, amendment: PlanAmendment) -> nodes.Node:
    """「プラン本編 4(3)①エ」 linked in HTML; 「プラン本編 P15」 in print."""
    plan = ctx.config.plan_label
    if ctx.builder.format == "latex":
        label = f"{amendment.docname}:{amendment.anchor}"
        where = f"{plan} {amendment.section_number}".strip()
        return pubcomment_plan_page(where, where, prefix=f"{plan} P", label=label)
    where = f"{plan} {amendment.section_number}".strip()
    text = nodes.Text(where)
    if ctx.is_html:
        return make_refnode(ctx.builder, ctx.docname, amendment.docname, amendment.anchor, text, amendment.section_title or None)
    return text
