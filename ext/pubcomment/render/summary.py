"""意見募集の概要, 結果の概要, 今後の予定 and counts inside sentences."""

from __future__ import annotations

from collections.abc import Callable

from docutils import nodes

from ..core import numbering, wareki
from ..core.model import Consultation
from .comparison_from_plan import ordered_amendments
from .context import RenderContext
from .tables import build_table

# Directive options that choose how dates are written (see core/wareki.py).
STYLE_ATTRIBUTE = "pc_period_style"


def _period_style(ctx: RenderContext, node: nodes.Element) -> wareki.PeriodStyle:
    return ctx.period_style(node.get(STYLE_ATTRIBUTE) or {})


def render_overview(ctx: RenderContext, node: nodes.Element) -> list[nodes.Node]:
    c = ctx.consultation
    period = wareki.format_period(c.start, c.end, _period_style(ctx, node)) if c.start and c.end else ""
    published = wareki.format_date(c.published, weekday=_period_style(ctx, node).weekday) if c.published else ""
    items = [
        (ctx.label("published"), published),
        (ctx.label("period"), period),
        (ctx.label("methods"), "、".join(c.submission_methods)),
        (ctx.label("publicity"), "、".join(c.publicity)),
    ]
    shown = [(name, value) for name, value in items if value]  # numbered (1), (2) … as shown
    rows = [[f"{numbering.parenthesised(i)} {name}", value] for i, (name, value) in enumerate(shown, 1)]
    return [
        build_table(ctx.anchor("overview"), ctx.label("overview_caption"), None, rows, [25, 75], classes=["pc-overview"], stub_columns=1)
    ]


# What {pc-count} counts, and the label of its unit.
COUNTS: dict[str, tuple[Callable[[RenderContext], int | None], str]] = {
    "opinions": (lambda ctx: ctx.consultation.opinion_count, "opinions_unit"),
    "submissions": (lambda ctx: ctx.consultation.submission_count, "submissions_unit"),
    "in_scope": (lambda ctx: ctx.consultation.in_scope_count, "opinions_unit"),
    "out_of_scope": (lambda ctx: ctx.consultation.out_of_scope_count, "opinions_unit"),
    "rows": (lambda ctx: ctx.consultation.row_count, "opinions_unit"),
    # The opinions the published rows stand for (同趣旨 counted): pc-results' 掲載した御意見.
    "shown": (lambda ctx: ctx.consultation.counted_opinions, "opinions_unit"),
    "grouped": (lambda ctx: ctx.consultation.grouped_count, "opinions_unit"),
    "days": (lambda ctx: _days(ctx.consultation), "days_unit"),
    "amendments": (lambda ctx: amendment_count(ctx), "amendments_unit"),  # 修正箇所数
}
METHOD_PREFIX = "method:"


def _days(c: Consultation) -> int | None:
    return wareki.period_days(c.start, c.end) if c.start and c.end else None  # {pc-count}`method:電子メール`


def countable(what: str) -> bool:
    return what in COUNTS or what.startswith(METHOD_PREFIX)


def count_text(ctx: RenderContext, what: str) -> str | None:
    """``1,764通``, ``10件`` (opinions) or ``4件`` (amendments); None when the number cannot be known."""
    c = ctx.consultation
    if what.startswith(METHOD_PREFIX):
        count = c.method_counts.get(what.removeprefix(METHOD_PREFIX))
        return None if count is None else ctx.number(count, "submissions_unit")
    counter, unit = COUNTS.get(what, (lambda ctx: None, ""))
    count = counter(ctx)
    return None if count is None else ctx.number(count, unit)


def _submissions(ctx: RenderContext) -> str | None:
    """「1,764通（内訳：封書 12通、電子メール 1,752通）」 when the counts by method are known."""
    total = count_text(ctx, "submissions")
    methods = ctx.consultation.method_counts
    if total is None or not methods:
        return total
    items = "、".join(f"{name} {ctx.number(count, 'submissions_unit')}" for name, count in methods.items())
    return total + ctx.label("methods_breakdown", items=items)


def _opinions(ctx: RenderContext) -> str | None:
    """「3,000件（うち本案件に関するもの 2,500件、本案件外のもの 500件）」 when some are out of scope."""
    total = count_text(ctx, "opinions")
    c = ctx.consultation
    if not c.out_of_scope_count or c.in_scope_count is None:
        return total
    return (total or "") + ctx.label(
        "scope_breakdown",
        in_label=ctx.label("in_scope"),
        in_count=ctx.number(c.in_scope_count, "opinions_unit"),
        out_label=ctx.label("out_of_scope"),
        out_count=ctx.number(c.out_of_scope_count, "opinions_unit"),
    )


def amendment_count(ctx: RenderContext) -> int:
    """The rows of 改定案からの変更点: the data's amendments if it has any, else the plan's."""
    if ctx.consultation.amendments or ctx.consultation.no_amendments:
        return len(ctx.consultation.amendments)
    return len(ordered_amendments(ctx))


def render_results(ctx: RenderContext, node: nodes.Element) -> list[nodes.Node]:
    counted = [(ctx.label("submissions"), _submissions(ctx)), (ctx.label("opinions"), _opinions(ctx))]
    c = ctx.consultation
    if c.partial and c.opinions:  # the totals above are the declared ones; the rows are what is published
        shown = ctx.label(f"rows_shown_{c.declared_rows}", count=ctx.number(c.counted_opinions, "opinions_unit"))
        counted.append((ctx.label("rows_shown"), shown))
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
    weekday = _period_style(ctx, node).weekday if node.get(STYLE_ATTRIBUTE) else False
    for item in ctx.consultation.schedule:
        if item.precision == "day":
            when = wareki.format_date(item.when, weekday=weekday)
        elif item.precision == "month":
            when = wareki.format_month(item.when.year, item.when.month)
        else:
            when = ""
        paragraph = nodes.paragraph("", "", classes=["pc-schedule"])
        paragraph += nodes.inline(when, when, classes=["pc-schedule-when"])
        paragraph += nodes.Text("\u3000" + item.text)
        result.append(paragraph)
    return result
