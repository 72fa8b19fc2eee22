"""Fill the placeholders once every document has been read.

HTML and ePub fill them on ``doctree-resolved``, after every post-transform;
the print copies earlier, in a post-transform (latex/passes.py), so that
the print passes and Sphinx's LaTeX footnote pass treat the tables as any
other text.

Each placeholder kind has its renderer (:data:`RENDERERS`), which builds
plain docutils nodes from the consultation's data, so every builder can
write them.  The rows of long opinion tables in HTML are the exception:
the writer builds them (html/deferred_rows.py).
"""

from __future__ import annotations

from collections.abc import Callable

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder

from ..config import get_config
from ..core.problems import Subtype
from ..env.domain import PubcommentDomain, get_domain, render_context
from ..nodes import pubcomment_inline_placeholder, pubcomment_placeholder
from ..render.charts import render_chart
from ..render.comparison import render_amendments
from ..render.context import RenderContext
from ..render.downloads import render_downloads
from ..render.editions import render_editions
from ..render.index import IndexEntry, render_index
from ..render.opinions import render_legend, render_opinions, render_tally
from ..render.summary import render_count, render_overview, render_results, render_schedule
from ..warnings_ import warn

Renderer = Callable[[RenderContext, nodes.Element], list[nodes.Node]]

RENDERERS: dict[str, Renderer] = {
    "overview": render_overview,
    "results": render_results,
    "legend": render_legend,
    "tally": render_tally,
    "chart": render_chart,
    "opinions": render_opinions,
    "amendments": render_amendments,
    "schedule": render_schedule,
    "count": render_count,
    "downloads": render_downloads,
}


def resolve_placeholders(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: a print copy's tree has none left by then."""
    fill_placeholders(app.builder, doctree, docname)


def fill_placeholders(builder: Builder, doctree: nodes.document, docname: str) -> None:
    """Each placeholder of ``doctree`` becomes what it shows; ``docname`` is the
    document links are made from (for a PDF, the one its tree is assembled from)."""
    domain = get_domain(builder.env)
    config = get_config(builder.config)
    placeholders = [*doctree.findall(pubcomment_placeholder), *doctree.findall(pubcomment_inline_placeholder)]
    for node in placeholders:
        if node["kind"] == "editions":  # of the plan, not of a consultation
            node.replace_self(render_editions(builder, config, node, docname))
            continue
        if node["kind"] == "index":  # of every consultation
            node.replace_self(render_index(builder, config, docname, index_entries(domain), config.build_date))
            continue
        consultation = domain.get_consultation(node["key"])
        if consultation is not None and not domain.is_usable(node["key"]):
            node.replace_self([])  # its data could not be read: reported where it is declared
            continue
        if consultation is None:
            warn(Subtype.REFERENCE, f"no consultation named {node['key']!r}: declare it with pc-consultation", node)
            node.replace_self([])
            continue
        context = render_context(builder, docname, node["key"], consultation)
        node.replace_self(RENDERERS[node["kind"]](context, node))


def index_entries(domain: PubcommentDomain) -> list[IndexEntry]:
    """The consultations pc-index lists and the feed announces: those whose data could be read."""
    return [
        IndexEntry(key, entry.docname, getattr(entry, "plan_doc", ""), entry.consultation)
        for key, entry in sorted(domain.consultations.items())
        if domain.is_usable(key)
    ]
