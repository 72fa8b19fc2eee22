"""The one custom node: a placeholder filled in when the doctree is resolved.

Directives record *what* to render; the content is built on
``doctree-resolved`` from the data in the domain, so a table can list
data declared in another document (as ``todolist`` does) and be rebuilt
when that document changes.  The placeholder never reaches a writer, but
it gets visitors for every builder in case another extension writes an
unresolved doctree.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx


class pubcomment_placeholder(nodes.General, nodes.Element):  # noqa: N801 (docutils naming)
    """Attributes: ``kind`` (what to render), ``key`` (the consultation), options."""


class pubcomment_inline_placeholder(nodes.Inline, nodes.TextElement):  # noqa: N801
    """An inline computed value, e.g. the opinion count inside a sentence."""


def _skip(self: nodes.NodeVisitor, node: nodes.Node) -> None:
    raise nodes.SkipNode


def setup_nodes(app: Sphinx) -> None:
    visitors = (_skip, None)
    for node_class in (pubcomment_placeholder, pubcomment_inline_placeholder):
        app.add_node(node_class, html=visitors, latex=visitors, text=visitors, man=visitors, texinfo=visitors)
