"""HTML: each plan section cited by opinions links back to them.

「この箇所への御意見（3件）：No.4、No.9、No.12」 after the section's title.
Print has no such links: a reader of paper finds the opinions by number.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.nodes import make_refnode

from ..checks.citations import opinions_citing
from ..config import get_config
from ..env.domain import get_domain
from ..render.context import anchor_id


def add_backlinks(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if app.builder.format != "html":
        return
    domain = get_domain(app.env)
    cited = opinions_citing(domain)
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
