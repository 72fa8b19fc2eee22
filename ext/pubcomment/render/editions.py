"""「この文書は改定版です。」 and a link to the other edition of the plan (``pc-editions``).

The editions are published side by side (``pubcomment_edition_dirs``), so
the link to the other is a relative URL, written by the HTML builders only.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.builders import Builder
from sphinx.util.nodes import make_refnode
from sphinx.util.osutil import relative_uri

from ..config import EDITIONS, PubcommentConfig


def render_editions(builder: Builder, config: PubcommentConfig, node: nodes.Element, docname: str) -> list[nodes.Node]:
    current = config.edition
    label = {edition: config.label(f"edition_{edition}") for edition in EDITIONS}
    target = node["target"]
    if docname == target:
        paragraph = nodes.paragraph("", config.label("edition_notice", edition=label[current]), classes=["pc-editions"])
    else:  # a page listing the editions, such as the landing page
        paragraph = nodes.paragraph("", config.label("editions_list"), classes=["pc-editions"])
        if builder.format == "html":
            paragraph += make_refnode(builder, docname, target, "", nodes.Text(label[current]))
    if builder.name not in ("html", "dirhtml"):
        return [paragraph]
    here = builder.get_target_uri(docname)
    to_root = relative_uri(here, "") if "/" in here else ""
    for edition in EDITIONS:
        if edition == current:
            continue
        own_dir = config.edition_dirs.get(current, "")
        other_dir = config.edition_dirs.get(edition, "")
        up_from_own = "../" * own_dir.count("/")
        uri = f"{to_root}{up_from_own}{other_dir}{builder.get_target_uri(target)}"
        text = config.label("edition_other", edition=label[edition]) if docname == target else label[edition]
        reference = nodes.reference("", text, refuri=uri, classes=["pc-edition-link"])
        paragraph += nodes.Text(" ")
        paragraph += reference
    return [paragraph]
