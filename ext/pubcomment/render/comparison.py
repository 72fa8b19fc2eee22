"""改定案からの変更点: the comparison table of draft and final texts.

Its rows come from one of two sources: the data's ``amendments`` (the
writer typed both texts: :func:`rows_from_data`, here), or the plan's
``pc-amendment`` markup (both texts are the plan's own:
:mod:`.comparison_from_plan`).  Both are underlined the same way
(:mod:`.changed_text`), and the note 「下線部は変更箇所」 is printed only
when something is underlined.
"""

from __future__ import annotations

from docutils import nodes

from ..core.model import Amendment
from ..core.problems import Subtype
from ..warnings_ import warn
from . import safe_markdown
from .changed_text import has_marks, underline_changes
from .comparison_from_plan import ordered_amendments, rows_from_plan
from .context import RenderContext
from .tables import Cell, anchored, build_table


def changed_note(ctx: RenderContext) -> nodes.paragraph:
    """「下線部は変更箇所」, said once next to every comparison."""
    text = "※" + ctx.label("changed_note")
    return nodes.paragraph(text, text, classes=["pc-changed-note"])


def rows_from_data(ctx: RenderContext, amendments: list[Amendment]) -> list[list[Cell | str]]:
    rows: list[list[Cell | str]] = []
    anchored_ids: set[str] = set()  # an id given twice (a warning) anchors its first row
    for number, amendment in enumerate(amendments, 1):
        after = safe_markdown.parse_blocks(amendment.after)
        before = safe_markdown.parse_blocks(amendment.before) if amendment.before else []
        underline_changes(before, after)
        # The row is the target of the opinions that cite the amendment.
        number_cell: Cell | str = str(number)
        if amendment.id and amendment.id not in anchored_ids:
            anchored_ids.add(amendment.id)
            number_cell = anchored(ctx.anchor("amendment", ctx.amendment_token(amendment.id)), number_cell)
        rows.append(
            [
                number_cell,
                safe_markdown.parse_blocks(amendment.summary),
                _side(ctx, amendment.location, after),
                _side(ctx, amendment.location, before),
            ]
        )
    return rows


def _side(ctx: RenderContext, location: str, blocks: list[nodes.Node]) -> list[nodes.Node]:
    if not blocks:
        return [nodes.paragraph("", ctx.label("no_before"))]
    if location:
        return [nodes.paragraph("", f"（{location}）", classes=["pc-location"]), *blocks]
    return blocks


def comparison_table(ctx: RenderContext, rows: list[list[Cell | str]]) -> list[nodes.Node]:
    header = [ctx.label("no"), ctx.label("amendment_summary"), ctx.label("after"), ctx.label("before")]
    table = build_table(
        ctx.anchor("amendments"), ctx.label("amendments_caption"), header, rows, [6, 24, 35, 35], classes=["pc-amendments"], long=True
    )
    underlined = any(has_marks(cell) for row in rows for cell in row if not isinstance(cell, str))
    return [changed_note(ctx), table] if underlined else [table]


def render_amendments(ctx: RenderContext, node: nodes.Element) -> list[nodes.Node]:
    """From the data's ``amendments`` if it has any, else from the plan's markup;
    「改定案からの変更はありません。」 when the data says so (``amendments: []``)."""
    if ctx.consultation.no_amendments:
        # The site's pc-amendment markup belongs to a plan; only a consultation
        # that names one (``plan:``) can contradict it (a site holds others too).
        plan = len(ordered_amendments(ctx)) if ctx.consultation.plan else 0
        if plan:
            warn(
                Subtype.AMENDMENT,
                f"the data says the draft was not changed (amendments: []), but the plan has {plan} pc-amendment(s); "
                "remove 'amendments: []' to show them",
                node,
            )
        text = ctx.label("no_amendments")
        return [nodes.paragraph(text, text, classes=["pc-no-amendments"])]
    if ctx.consultation.amendments:
        return comparison_table(ctx, rows_from_data(ctx, ctx.consultation.amendments))
    return comparison_table(ctx, rows_from_plan(ctx))
