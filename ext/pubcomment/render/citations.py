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
from .context import RenderContext, documents_under


def related_paragraph(ctx: RenderContext, opinion: Opinion) -> nodes.paragraph | None:
    """「関連箇所：プラン本編 2(2)、変更点3」 for the opinion's citations, or None."""
    links: list[nodes.Node] = []
    for name in opinion.sections:
        place = ctx.references.place_of(name)
        if place is None:
            continue
        text = f"{ctx.config.plan_label} {place.number or place.title}".strip()
        links.append(_link(ctx, place.docname, place.anchor, text, place.title))
    order = {a.id: n for n, a in enumerate(ordered_amendments(ctx), 1)} if opinion.amendments else {}
    for amendment_id in opinion.amendments:
        amendment = ctx.references.amendments.get(amendment_id)
        if amendment is None:
            continue
        text = ctx.label("amendment_ref", number=str(order.get(amendment_id, "")))
        target = ctx.references.anchors.get((ctx.key, "amendments"))
        if target is not None:
            links.append(_link(ctx, target, ctx.anchor("amendment", token(amendment_id)), text, amendment.summary))
        else:
            links.append(nodes.Text(text))
    if not links:
        return None
    paragraph = nodes.paragraph("", f"{ctx.label('related')}：", classes=["pc-related"])
    for index, link in enumerate(links):
        if index:
            paragraph += nodes.Text("、")
        paragraph += link
    return paragraph


def _link(ctx: RenderContext, docname: str, anchor: str, text: str, title: str) -> nodes.Node:
    # A PDF holds the documents of its own toctree: a link elsewhere cannot work.
    if ctx.builder.format == "latex" and docname not in documents_under(ctx.builder.env, ctx.docname):
        return nodes.Text(text)
    return make_refnode(ctx.builder, ctx.docname, docname, anchor, nodes.Text(text), title or None)
