"""Traceability between opinions and the plan.

An opinion may cite plan sections (by label) and amendments (by id).  The
opinion table shows those citations as links, and in HTML each cited plan
section shows 「この箇所への御意見（N件）」 linking back to the opinions.
Unknown citations are reported once, after all documents are read.
"""

from __future__ import annotations

from dataclasses import dataclass

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.nodes import make_refnode

from .config import get_config
from .core.model import Opinion
from .core.problems import Subtype
from .domain import PubcommentDomain, get_domain
from .render.context import RenderContext, anchor_id
from .warnings_ import warn


@dataclass(frozen=True)
class Place:
    docname: str
    anchor: str
    number: str  # 4(3)①エ, or "" when the document is not numbered
    title: str


def resolve_section(env: BuildEnvironment, name: str) -> Place | None:
    entry = env.domains.standard_domain.labels.get(name)
    if entry is None:
        return None
    docname, anchor, title = entry
    number = get_domain(env).sections.get((docname, anchor), "")
    return Place(docname, anchor, number, title)


def related_paragraph(ctx: RenderContext, opinion: Opinion) -> nodes.paragraph | None:
    """「関連箇所：プラン本編 2(2)、変更点3」 for the opinion's citations."""
    links: list[nodes.Node] = []
    env = ctx.builder.env
    for name in opinion.sections:
        place = resolve_section(env, name)
        if place is None:
            continue
        text = f"{ctx.config.plan_label} {place.number or place.title}".strip()
        links.append(_link(ctx, place.docname, place.anchor, text, place.title))
    order = _amendment_numbers(ctx)
    for amendment_id in opinion.amendments:
        amendment = ctx.domain.amendments.get(amendment_id)
        if amendment is None:
            continue
        text = ctx.label("amendment_ref", number=str(order.get(amendment_id, "")))
        target = ctx.domain.anchors.get((ctx.key, "amendments"))
        if target is not None:
            links.append(_link(ctx, target, ctx.anchor("amendment", amendment_id), text, amendment.summary))
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


def _amendment_numbers(ctx: RenderContext) -> dict[str, int]:
    from .render.comparison import ordered_amendments

    return {a.id: n for n, a in enumerate(ordered_amendments(ctx), 1)}


def _link(ctx: RenderContext, docname: str, anchor: str, text: str, title: str) -> nodes.Node:
    if ctx.builder.format == "latex" and docname not in _same_document(ctx):
        return nodes.Text(text)
    return make_refnode(ctx.builder, ctx.docname, docname, anchor, nodes.Text(text), title or None)


def _same_document(ctx: RenderContext) -> set[str]:
    """Documents the current LaTeX file contains (links elsewhere cannot work)."""
    env = ctx.builder.env
    found: set[str] = set()
    pending = [ctx.docname]
    while pending:
        docname = pending.pop()
        if docname not in found:
            found.add(docname)
            pending.extend(env.toctree_includes.get(docname, []))
    return found


def add_backlinks(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """HTML only: each plan section cited by opinions links back to them."""
    if app.builder.format != "html":
        return
    domain = get_domain(app.env)
    cited = _citations(app.env, domain)
    config = get_config(app.config)
    for section in doctree.findall(nodes.section):
        opinions = [entry for section_id in section["ids"] for entry in cited.get((docname, section_id), [])]
        if not opinions:
            continue
        # Only opinions whose table is shown somewhere can be linked to.
        linked = [(entry, page) for entry in dict.fromkeys(opinions) if (page := domain.opinion_page(entry[0], entry[2], entry[1]))]
        if not linked:
            continue
        text = config.label("opinions_link", count=str(len(linked)))
        paragraph = nodes.paragraph("", "", classes=["pc-backlinks"])
        (first_key, first, _topic), first_page = linked[0]
        paragraph += make_refnode(app.builder, docname, first_page, _opinion_anchor(first_key, first), nodes.Text(text))
        if len(linked) > 1:
            paragraph += nodes.Text("：")
            for index, ((key, number, _topic), page) in enumerate(linked):
                if index:
                    paragraph += nodes.Text("、")
                paragraph += make_refnode(app.builder, docname, page, _opinion_anchor(key, number), nodes.Text(f"No.{number}"))
        section.insert(1, paragraph)


def _opinion_anchor(key: str, number: int) -> str:
    return anchor_id(key, "opinion", str(number))


def _citations(env: BuildEnvironment, domain: PubcommentDomain) -> dict[tuple[str, str], list[tuple[str, int, str]]]:
    """(docname, section id) → [(consultation key, opinion number, its topic)]."""
    cited: dict[tuple[str, str], list[tuple[str, int, str]]] = {}
    for key, declared in domain.consultations.items():
        for citation in declared.citations:
            for name in citation.sections:
                place = resolve_section(env, name)
                if place is not None:
                    cited.setdefault((place.docname, place.anchor), []).append((key, citation.number, citation.topic))
            for amendment_id in citation.amendments:
                amendment = domain.amendments.get(amendment_id)
                if amendment is not None and amendment.section_id:
                    cited.setdefault((amendment.docname, amendment.section_id), []).append((key, citation.number, citation.topic))
    return cited


def check_references(app: Sphinx, env: BuildEnvironment) -> None:
    """Every cited section and amendment must exist."""
    domain = get_domain(env)
    for declared in domain.consultations.values():
        for citation in declared.citations:
            origin, line = citation.location
            location: object = f"{origin}:{line}" if origin else (declared.docname, (line or 0) + declared.line_offset)
            for name in citation.sections:
                if resolve_section(env, name) is None:
                    warn(Subtype.REFERENCE, f"opinion {citation.number} cites an unknown plan section {name!r} (use a label such as (name)= before the heading)", location)
            for amendment_id in citation.amendments:
                if amendment_id not in domain.amendments:
                    warn(Subtype.REFERENCE, f"opinion {citation.number} cites an unknown amendment {amendment_id!r}", location)


def setup_trace(app: Sphinx) -> None:
    app.connect("env-check-consistency", check_references)
    app.connect("doctree-resolved", add_backlinks)
