"""The links to a consultation's open data (``pc-downloads``), in HTML only.

The files themselves are written beside the pages by html/opendata.py.
Print and ePub say nothing: the files are not inside a PDF or an ePub.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util.osutil import relative_uri

from ..core import opendata
from .context import RenderContext

# The builders whose output directory gets the open-data files.
HTML_BUILDERS = frozenset({"html", "dirhtml", "singlehtml"})

LINKS = (
    (opendata.CSV_FILE, "download_csv"),
    (opendata.CSV_PLAIN_FILE, "download_csv_plain"),
    (opendata.JSON_FILE, "download_json"),
    (opendata.PACKAGE_FILE, "download_package"),
)


def render_downloads(ctx: RenderContext, node: nodes.Element) -> list[nodes.Node]:
    if ctx.builder.name not in HTML_BUILDERS:
        return []
    here = ctx.builder.get_target_uri(ctx.docname)
    items = nodes.bullet_list(classes=["pc-downloads-list"])
    for file_name, label in LINKS:
        uri = relative_uri(here, opendata.path_of(ctx.key, file_name))
        text = ctx.label(label)
        reference = nodes.reference(text, text, refuri=uri, internal=False)
        items += nodes.list_item("", nodes.paragraph("", "", reference))
    caption = ctx.label("downloads_caption")
    return [
        nodes.container(
            "",
            nodes.paragraph(caption, caption, classes=["pc-downloads-caption"]),
            items,
            classes=["pc-downloads"],
            ids=[ctx.anchor("downloads")],
        )
    ]
