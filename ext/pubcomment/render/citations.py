"""「関連箇所：プラン本編 2(2)、変更点3」: the plan sections and amendments an opinion cites.

The other half of the traceability between opinions and the plan, the
links back from each cited plan section, is HTML's (html/backlinks.py);
unknown citations are reported by :mod:`pubcomment.citations`.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util.nodes import make_refnode

from ..core.ids import token
from ..core.model import Opinion
from .comparison_from_plan import ordered_amendments
from .context import RenderContext


def related_paragraph(ctx: RenderContext, opinion: Opinion) -> nodes.paragraph | None:
    """「関連箇所：プラン本編 2(2)、変更点3」 for the opinion's citations, or None."""
    links: list[nodes.Node] = []
    for name in opinion.sections:
        place = ctx.references.place_of(name)
        if place is None:
            continue
        text = f"{ctx.config.plan_label} {place.number or place.title}".strip()
        links.append(_link(ctx, place.docname, place.anchor, text, place.title))
    links.extend(_amendment_links(ctx, opinion))
    if not links:
        return None
    paragraph = nodes.paragraph("", f"{ctx.label('related')}：", classes=["pc-related"])
    for index, link in enumerate(links):
        if index:
            paragraph += nodes.Text("、")
        paragraph += link
    return paragraph


def _amendment_links(ctx: RenderContext, opinion: Opinion) -> list[nodes.Node]:
    """「変更点2」 for each amendment the opinion cites, linked to its row of the
    comparison: the data's amendments when it has any, else the plan's."""
    if not opinion.amendments:
        return []
    if ctx.consultation.amendments or ctx.consultation.no_amendments:
        cited = {
            a.id: (n, a.summary, ctx.amendment_token(a.id)) for n, a in reversed(list(enumerate(ctx.consultation.amendments, 1))) if a.id
        }
    else:
        cited = {a.id: (n, a.summary, token(a.id)) for n, a in enumerate(ordered_amendments(ctx), 1)}
    target = ctx.references.anchors.get((ctx.key, "amendments"))
    links: list[nodes.Node] = []
    for amendment_id in opinion.amendments:
        if amendment_id not in cited:
            continue  # reported (core/schema.py, citations.py)
        number, summary, part = cited[amendment_id]
        text = ctx.label("amendment_ref", number=str(number))
        if target is not None:
            links.append(_link(ctx, target, ctx.anchor("amendment", part), text, summary))
        else:
            links.append(nodes.Text(text))
    return links


def _link(ctx: RenderContext, docname: str, anchor: str, text: str, title: str) -> nodes.Node:
    # A PDF holds the documents of its own toctree: a link elsewhere cannot work.
    if ctx.builder.format == "latex" and not ctx.references.holds(ctx.docname, docname):
        return nodes.Text(text)
    return make_refnode(ctx.builder, ctx.docname, docname, anchor, nodes.Text(text), title or None)
