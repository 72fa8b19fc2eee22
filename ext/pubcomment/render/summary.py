"""意見募集の概要, 結果の概要, 今後の予定 and counts inside sentences."""

from __future__ import annotations

from docutils import nodes

from ..core import numbering, wareki
from .comparison_from_plan import ordered_amendments
from .context import RenderContext
from .tables import build_table


def render_overview(ctx: RenderContext, node: nodes.Element) -> list[nodes.Node]:
    c = ctx.consultation
    period = wareki.format_period(c.start, c.end) if c.start and c.end else ""
    published = wareki.format_date(c.published, weekday=True) if c.published else ""
    items = [
        (ctx.label("published"), published),
        (ctx.label("period"), period),
        (ctx.label("methods"), "、".join(c.submission_methods)),
        (ctx.label("publicity"), "、".join(c.publicity)),
    ]
    shown = [(name, value) for name, value in items if value]  # numbered (1), (2) … as shown
    rows = [[f"{numbering.parenthesised(i)} {name}", value] for i, (name, value) in enumerate(shown, 1)]
    return [build_table(ctx.anchor("overview"), ctx.label("overview_caption"), None, rows, [25, 75], classes=["pc-overview"], stub_columns=1)]


def count_text(ctx: RenderContext, what: str) -> str | None:
    """``4通``, ``10件`` (opinions) or ``4件`` (amendments); None when the number cannot be known."""
    c = ctx.consultation
    if what == "opinions":
        return f"{c.opinion_count}{ctx.label('opinions_unit')}"
    if what == "submissions":
        count = c.submission_count
        return None if count is None else f"{count}{ctx.label('submissions_unit')}"
    if what == "amendments":
        return f"{amendment_count(ctx)}{ctx.label('amendments_unit')}"
    return None


def amendment_count(ctx: RenderContext) -> int:
    """The rows of 改定案からの変更点: the data's amendments if it has any, else the plan's."""
    if ctx.consultation.amendments or ctx.consultation.no_amendments:
        return len(ctx.consultation.amendments)
    return len(ordered_amendments(ctx))


def render_results(ctx: RenderContext, node: nodes.Element) -> list[nodes.Node]:
    counted = [(ctx.label(what), count_text(ctx, what)) for what in ("submissions", "opinions")]
    items = [(name, value) for name, value in counted if value is not None]
    if ctx.is_html:
        return [_cards(items)]
    rows = [[f"{numbering.parenthesised(i)} {name}", value] for i, (name, value) in enumerate(items, 1)]
    return [build_table(ctx.anchor("results"), ctx.label("results_caption"), None, rows, [30, 70], classes=["pc-results"], stub_columns=1)]


def _cards(items: list[tuple[str, str]]) -> nodes.Element:
    """The headline counts as sphinx-design cards (a definition list inside, for meaning).

    ``is_div`` makes sphinx-design write them without the ``container``
    class, whose theme styles (furo's) would remove the cards' padding.
    """
    grid = nodes.container(is_div=True, classes=["sd-container-fluid", "sd-sphinx-override", "sd-mb-4", "pc-results"])
    row = nodes.container(is_div=True, classes=["sd-row", "sd-row-cols-2", "sd-g-3"])
    grid += row
    for index, (name, value) in enumerate(items, 1):
        column = nodes.container(is_div=True, classes=["sd-col", "sd-d-flex-row"])
        card = nodes.container(is_div=True, classes=["sd-card", "sd-sphinx-override", "sd-w-100", "sd-shadow-sm", "pc-count-card"])
        body = nodes.container(is_div=True, classes=["sd-card-body"])
        body += nodes.paragraph("", f"{numbering.parenthesised(index)} {name}", classes=["sd-card-text", "pc-count-name"])
        body += nodes.paragraph("", value, classes=["sd-card-text", "pc-count-value"])
        card += body
        column += card
        row += column
    return grid


def render_count(ctx: RenderContext, node: nodes.Element) -> list[nodes.Node]:
    text = count_text(ctx, node["what"])
    return [nodes.Text(text or "")]


def render_schedule(ctx: RenderContext, node: nodes.Element) -> list[nodes.Node]:
    result: list[nodes.Node] = []
    for item in ctx.consultation.schedule:
        if item.precision == "day":
            when = wareki.format_date(item.when)
        elif item.precision == "month":
            when = wareki.format_month(item.when.year, item.when.month)
        else:
            when = ""
        paragraph = nodes.paragraph("", "", classes=["pc-schedule"])
        paragraph += nodes.inline(when, when, classes=["pc-schedule-when"])
        paragraph += nodes.Text("\u3000" + item.text)
        result.append(paragraph)
    return result
