"""Long opinion tables in HTML: rows built when the page is written.

Sphinx resolves doctrees and feeds the search index in its main process
and hands only the writing of pages to workers under ``-j``; and under
``-j`` it keeps every resolved doctree of the build alive until the end.
At 10,000 opinions the rows are a million nodes: built in the main
process, they made ``-j 2`` slower than ``-j 1`` (bench/README.md).  So the
resolved doctree holds a :class:`~pubcomment.nodes.pubcomment_deferred_rows`
(render/opinions.py puts it there for the builders of
``render.context.DEFERRING_BUILDERS``), which this module fills with the
rows' words for the search index (``doctree-resolved``); the writer builds
the rows from the domain (a worker has the main process's data: Sphinx
forks it) and writes them in its place, under ``-j N`` a long table's rows
in blocks, by several processes (:mod:`.parallel_rows`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.errors import ExtensionError
from sphinx.util import import_object

from ..core.memory import paused_cycle_collection
from ..core.model import Opinion
from ..env.domain import get_domain, render_context
from ..nodes import pubcomment_deferred_rows
from ..render.context import RenderContext
from ..render.opinions import grouped_note, node_ranges, opinion_rows, opinions_shown
from ..render.safe_markdown import searchable
from ..render.tables import table_body
from . import fast_rows, parallel_rows


def _row_source(builder: Builder, node: pubcomment_deferred_rows) -> tuple[RenderContext, list[Opinion]] | None:
    """The context and the opinions of the rows a deferred node stands for."""
    domain = get_domain(builder.env)
    consultation = domain.get_consultation(node["key"])
    if consultation is None:  # resolved in this very build, so never
        return None
    context = render_context(builder, node["docname"], node["key"], consultation)
    return context, opinions_shown(context, node["topic"], node_ranges(node))


def add_search_words(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: each deferred table body holds its rows' words."""
    for node in doctree.findall(pubcomment_deferred_rows):
        source = _row_source(app.builder, node)
        if source is not None:
            _fill_words(node, source[0], source[1])


def _fill_words(node: pubcomment_deferred_rows, ctx: RenderContext, opinions: list[Opinion]) -> None:
    markdown = (ctx.config.is_markdown("summary", ctx.consultation), ctx.config.is_markdown("response", ctx.consultation))
    splitter = _search_splitter(ctx)
    if splitter is not None and getattr(splitter, "splits_own_words", False):
        words_of = getattr(splitter, "words_of", None)
        if words_of is None:
            split = splitter(ctx.builder.config.html_search_options or {}).split
            words_of = lambda texts: set().union(*map(split, texts))  # noqa: E731
        with parallel_rows.cut(ctx.builder, opinions) as parts:
            # Under -j N, up to N processes find the words; the index gets them one per line.
            found = parallel_rows.map_forked(lambda part: _words(words_of, part, markdown, ctx), parts)
            node += nodes.Text("\n".join(sorted(set().union(*found))))
            return
    # The texts the rows' text nodes would hold, each a text of its own:
    # a dictionary splitter's words depend on where a text ends (Janome
    # keeps ゼロトラストアーキテクチャ whole at the end of a text, splits it
    # before a line break), so the index is the one the rows would give.
    # With a splitter for which a line break ends a word (the bigram
    # splitter), an opinion's texts are one text: a tenth of the build
    # time at 10,000 opinions, for the same index.
    join = bool(getattr(splitter, "line_break_ends_words", False))
    for opinion in opinions:
        pieces = _search_pieces(opinion, markdown, grouped_note(ctx, opinion))
        if join:
            node += nodes.Text("\n".join(pieces))
        else:
            node.extend(nodes.Text(piece) for piece in pieces)


def _search_pieces(opinion: Opinion, markdown: tuple[bool, bool], grouped: str | None = None) -> list[str]:
    """``markdown``: whether the summary and the response are markdown (else
    plain); ``grouped``: the row's 「（同趣旨 3件）」, which ends the summary."""
    pieces = [str(opinion.number)]
    for index, ((text, notes), is_markdown) in enumerate(
        zip(((opinion.summary, opinion.summary_notes), (opinion.response, opinion.response_notes)), markdown, strict=True)
    ):
        pieces.extend(searchable(text, markdown=is_markdown))
        for note in notes:
            pieces.append("※")
            pieces.extend(searchable(note, markdown=is_markdown))
        if index == 0 and grouped:
            pieces.append(grouped)
    if opinion.category:
        pieces.append(opinion.category)
    return pieces


def _words(
    words_of: Callable[[Iterable[str]], set[str]], opinions: Sequence[Opinion], markdown: tuple[bool, bool], ctx: RenderContext
) -> set[str]:
    return words_of("\n".join(_search_pieces(opinion, markdown, grouped_note(ctx, opinion))) for opinion in opinions)


def _search_splitter(ctx: RenderContext) -> type | None:
    """The class of the site's search splitter, when it names one."""
    name = (ctx.builder.config.html_search_options or {}).get("type", "")
    if not isinstance(name, str) or not name:
        return None
    try:
        splitter = import_object(name)
    except ExtensionError:
        return None
    return splitter if isinstance(splitter, type) else None


def deferred_rows(builder: Builder, node: pubcomment_deferred_rows) -> nodes.tbody:
    """The rows a :class:`~pubcomment.nodes.pubcomment_deferred_rows` stands for."""
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
        mark = len(self.body)
        if fast_rows.usable(self):
            writer = fast_rows.RowWriter(self)
            for row in rows.children:
                writer.row(row)
        else:
            for row in rows.children:
                row.walkabout(self)
        # The rows' HTML as one string, not tens of thousands: a written
        # page's translator is freed only by a full collection (it refers to
        # itself through the handlers Sphinx binds to it), which scans every
        # item of its lists (core/memory.py).
        self.body[mark:] = ["".join(self.body[mark:])]
        if last:
            self.dispatch_departure(rows)
        # Written: free the rows now.  Nodes point to their parents, so
        # left in the tree they would wait, cycles all, for the collector.
        rows.replace_self(node)
        _unlink(rows)

    with paused_cycle_collection(), parallel_rows.row_cut(self, opinions) as parts:
        parallel_rows.write_blocks(self, parts, write)
    raise nodes.SkipNode


def _unlink(tree: nodes.Element) -> None:
    # A plain walk: docutils' findall, a recursive generator, takes a third longer.
    stack: list[nodes.Node] = [tree]
    while stack:
        element = stack.pop()
        if isinstance(element, nodes.Element):
            stack.extend(element.children)
            element.children = []
        element.parent = None
