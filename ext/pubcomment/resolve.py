"""Fill the placeholders once every document has been read.

The rows of opinion tables are the exception, for HTML pages: they are
built when the page is written.  Sphinx resolves doctrees and feeds the
search index in its main process and hands only the writing of pages to
workers under ``-j``; and under ``-j`` it keeps every resolved doctree of
the build alive until the end.  At 10,000 opinions the rows are a million
nodes: built in the main process, they made ``-j 2`` slower than ``-j 1``
(bench/README.md).  So the resolved doctree holds a
:class:`~.nodes.pubcomment_deferred_rows` with the rows' words for the
search index, and the writer builds the rows from the domain (a worker has
the main process's data: Sphinx forks it) and writes them in its place;
under ``-j N`` a long table's rows in blocks, by several processes
(parallel_rows.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder

from .config import get_config
from .core.memory import paused_cycle_collection
from .core.model import Opinion
from .core.problems import Subtype
from .domain import get_domain
from .nodes import pubcomment_deferred_rows, pubcomment_inline_placeholder, pubcomment_placeholder
from .parallel_rows import row_cut, write_blocks
from .plan import render_editions
from .render.amendments import render_amendments
from .render.context import RenderContext
from .render.opinions import node_ranges, opinion_rows, opinions_shown, render_legend, render_opinions, render_tally
from .render.summary import render_count, render_overview, render_results, render_schedule
from .render.tables import table_body
from .warnings_ import warn

Renderer = Callable[[RenderContext, nodes.Element], list[nodes.Node]]

RENDERERS: dict[str, Renderer] = {
    "overview": render_overview,
    "results": render_results,
    "legend": render_legend,
    "tally": render_tally,
    "opinions": render_opinions,
    "amendments": render_amendments,
    "schedule": render_schedule,
    "count": render_count,
}


def resolve_placeholders(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    domain = get_domain(app.env)
    config = get_config(app.config)
    placeholders = [*doctree.findall(pubcomment_placeholder), *doctree.findall(pubcomment_inline_placeholder)]
    for node in placeholders:
        if node["kind"] == "editions":
            node.replace_self(render_editions(app, node, docname))
            continue
        consultation = domain.get_consultation(node["key"])
        if consultation is None:
            warn(Subtype.REFERENCE, f"no consultation named {node['key']!r}: declare it with pc-consultation", node)
            node.replace_self([])
            continue
        context = RenderContext(app.builder, docname, node["key"], consultation, config, domain)
        node.replace_self(RENDERERS[node["kind"]](context, node))


def _row_source(builder: Builder, node: pubcomment_deferred_rows) -> tuple[RenderContext, list[Opinion]] | None:
    """The context and the opinions of the rows a deferred node stands for."""
    domain = get_domain(builder.env)
    consultation = domain.get_consultation(node["key"])
    if consultation is None:  # resolved in this very build, so never
        return None
    context = RenderContext(builder, node["docname"], node["key"], consultation, get_config(builder.config), domain)
    return context, opinions_shown(context, node["topic"], node_ranges(node))


def deferred_rows(builder: Builder, node: pubcomment_deferred_rows) -> nodes.tbody:
    """The rows a :class:`~.nodes.pubcomment_deferred_rows` stands for."""
    source = _row_source(builder, node)
    if source is None:
        return nodes.tbody()
    context, opinions = source
    return table_body(opinion_rows(context, opinions))


def expand_deferred_rows(builder: Builder, doctree: nodes.Element) -> None:
    """Build every deferred table body of a resolved doctree (for tests and tools
    that want the complete doctree an HTML page is written from)."""
    for node in list(doctree.findall(pubcomment_deferred_rows)):
        node.replace_self(deferred_rows(builder, node))


def visit_deferred_rows(self: nodes.NodeVisitor, node: pubcomment_deferred_rows) -> None:
    builder: Builder = self.builder  # type: ignore[attr-defined]
    source = _row_source(builder, node)
    opinions = source[1] if source else []

    def write(part: Sequence[Opinion], first: bool, last: bool) -> None:
        # Put the rows in the node's place first: the writer looks at a
        # cell's table (its head, its stub columns) through the parents.
        rows = table_body(opinion_rows(source[0], list(part))) if source else nodes.tbody()
        node.replace_self(rows)
        if first:
            self.dispatch_visit(rows)
        for row in rows.children:
            row.walkabout(self)
        if last:
            self.dispatch_departure(rows)
        # Written: free the rows now.  Nodes point to their parents, so
        # left in the tree they would wait, cycles all, for the collector.
        rows.replace_self(node)
        _unlink(rows)

    with paused_cycle_collection(), row_cut(self, opinions) as parts:
        write_blocks(self, parts, write)
    raise nodes.SkipNode


def _unlink(tree: nodes.Element) -> None:
    for element in list(tree.findall(nodes.Element)):
        element.parent = None
        element.children = []


def setup_resolve(app: Sphinx) -> None:
    app.connect("doctree-resolved", resolve_placeholders)
    visitors = (visit_deferred_rows, None)
    app.add_node(pubcomment_deferred_rows, html=visitors, latex=visitors, text=visitors, man=visitors, texinfo=visitors)
