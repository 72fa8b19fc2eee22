"""The custom docutils nodes of pubcomment.

Four nodes, each standing for something not known while a document is
read, or written differently by each builder:

* :class:`pubcomment_placeholder` and :class:`pubcomment_inline_placeholder`
  record *what* to render; :mod:`.transforms.resolve` replaces them on
  ``doctree-resolved`` (in print, in a post-transform of :mod:`.latex.passes`)
  from the data in the domain, so a table can show data
  declared in another document (as ``todolist`` does).  They never reach a
  writer, but get skipping visitors for every builder in case another
  extension writes an unresolved doctree;
* :class:`pubcomment_deferred_rows` is the body of a long opinion table
  that the HTML writer builds itself (:mod:`.html.deferred_rows`);
* :class:`pubcomment_plan_page` is a page number of the plan's PDF in
  print, its text elsewhere (:mod:`.latex.plan_pages`).

The visitors are registered in :mod:`.extension`.
"""

from __future__ import annotations

from docutils import nodes


class pubcomment_placeholder(nodes.General, nodes.Element):  # noqa: N801 (docutils naming)
    """Attributes: ``kind`` (what to render), ``key`` (the consultation), options."""


class pubcomment_inline_placeholder(nodes.Inline, nodes.TextElement):  # noqa: N801
    """An inline computed value, e.g. the opinion count inside a sentence."""


class pubcomment_deferred_rows(nodes.tbody):  # noqa: N801
    """The body of a long opinion table, built when the HTML page is written.

    Attributes: ``key`` (the consultation), ``topic`` (the topic whose
    opinions it shows, empty when the consultation has no topics),
    ``numbers`` (its ``:numbers:`` ranges, empty for all) and ``docname``.
    Once resolved, its children are the texts the rows' text nodes would
    hold, for the search index, which Sphinx feeds from the resolved
    doctree in the main process (see :mod:`.html.deferred_rows` for why).
    """


class pubcomment_plan_page(nodes.Inline, nodes.TextElement):  # noqa: N801
    """The page of a place in the plan's PDF: 「プラン本編 P15」.

    ``prefix`` is the words before the number and ``label`` the LaTeX label
    of the place; its text is what non-LaTeX builders show instead.
    """


def skip(self: nodes.NodeVisitor, node: nodes.Node) -> None:
    """The visitor of a node that writes nothing."""
    raise nodes.SkipNode


def visit_as_text(self: nodes.NodeVisitor, node: nodes.Node) -> None:
    """Text and man writers: the node's text."""
    self.add_text(node.astext())  # type: ignore[attr-defined]
    raise nodes.SkipNode


def visit_as_html_text(self: nodes.NodeVisitor, node: nodes.Node) -> None:
    """HTML writers: the node's text, escaped."""
    self.body.append(self.encode(node.astext()))  # type: ignore[attr-defined]
    raise nodes.SkipNode
