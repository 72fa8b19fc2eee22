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
from sphinx.writers.html5 import HTML5Translator
from sphinx.writers.latex import LaTeXTranslator


class pubcomment_placeholder(nodes.General, nodes.Element):  # noqa: N801 (docutils naming)
    """Attributes: ``kind`` (what to render), ``key`` (the consultation), options."""


class pubcomment_inline_placeholder(nodes.Inline, nodes.TextElement):  # noqa: N801
    """An inline computed value, e.g. the opinion count inside a sentence."""


class pubcomment_deferred_rows(nodes.tbody):  # noqa: N801
    """The body of a long opinion table, built when the HTML page is written.

    Attributes: ``key`` (the consultation), ``topic`` (the topic whose
    opinions it shows, empty when the consultation has no topics) and
    ``docname``.  Its children are the texts the rows' text nodes would
    hold, for the search index, which Sphinx feeds from the resolved doctree
    in the main process (see :mod:`.resolve` for why).
    """


class pubcomment_plan_page(nodes.Inline, nodes.TextElement):  # noqa: N801
    """The page of a place in the plan's PDF: 「プラン本編 P15」.

    ``prefix`` is the words before the number and ``label`` the LaTeX label
    of the place; its text is what non-LaTeX builders show instead.
    """


def _skip(self: nodes.NodeVisitor, node: nodes.Node) -> None:
    raise nodes.SkipNode


def visit_plan_page_latex(self: LaTeXTranslator, node: pubcomment_plan_page) -> None:
    # The page comes from the plan's .aux (xr); see pubcomment.sty.
    self.body.append(rf"{self.encode(node['prefix'])}\pcPlanPage{{{self.idescape(node['label'])}}}")
    raise nodes.SkipNode


def visit_plan_page_text(self: nodes.NodeVisitor, node: pubcomment_plan_page) -> None:
    self.add_text(node.astext())  # type: ignore[attr-defined]
    raise nodes.SkipNode


def visit_plan_page_html(self: HTML5Translator, node: pubcomment_plan_page) -> None:
    self.body.append(self.encode(node.astext()))
    raise nodes.SkipNode


def setup_nodes(app: Sphinx) -> None:
    visitors = (_skip, None)
    for node_class in (pubcomment_placeholder, pubcomment_inline_placeholder):
        app.add_node(node_class, html=visitors, latex=visitors, text=visitors, man=visitors, texinfo=visitors)
    app.add_node(
        pubcomment_plan_page,
        html=(visit_plan_page_html, None),
        latex=(visit_plan_page_latex, None),
        text=(visit_plan_page_text, None),
        man=(visit_plan_page_text, None),
        texinfo=(_skip, None),
    )
