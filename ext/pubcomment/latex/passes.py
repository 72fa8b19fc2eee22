"""The print passes: post-transforms of the LaTeX builder, in their order.

The LaTeX builder resolves one tree per PDF, assembled from its documents
(``env.resolve_references(largetree, indexfile, builder)``), and applies the
post-transforms to it; ``formats = ("latex",)`` keeps each pass to print.
Their priorities are named below with the reason for each; Sphinx's own
passes run at 5 to 401 (references at 10, ``latex_show_urls`` at 400), its
footnotes at 600 and bibliography at 750.
"""

from __future__ import annotations

import weakref
from typing import Any

from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..transforms import resolve

# A {doc} reference to another PDF's document gets its title before Sphinx
# resolves references (10) and prints it as a path.
LATEX_DOC_TITLES = 5
# Placeholders become tables after latex_show_urls (400), which would print
# a link's address as plain text: in a table it is printed as a link of its
# own (LATEX_TABLE_URLS).  Before Sphinx's footnotes (600) and bibliography
# (750), which treat the tables as any other text.
LATEX_TABLES = 500
# Then ours, after Sphinx's last (750), in the order they rewrite the tables:
LATEX_SPLIT_ROWS = 790  # rows taller than a page are split;
LATEX_KEEP_HEADINGS = 800  # headings are kept with their tables, by the split rows' height;
LATEX_TABLE_URLS = 810  # links in tables show their address (not counted in the heights above);
LATEX_GLYPHS = 850  # each character gets a print font, or 〓 and a warning (the rows are split by then);
LATEX_UNDERLINE = 900  # changed text is underlined: the rows above are split by its text;
LATEX_BREAKS = 950  # last, long Latin runs may break: it rewrites the text the passes above read.

_BUILDERS: weakref.WeakKeyDictionary[BuildEnvironment, Builder] = weakref.WeakKeyDictionary()


def note_builder(app: Sphinx) -> None:
    """``builder-inited``: a post-transform has no public way to its builder
    (``SphinxTransform.app`` is deprecated in Sphinx 9), so remember it here."""
    if app.builder is not None and app.env is not None:
        _BUILDERS[app.env] = app.builder


class PrintPass(SphinxPostTransform):
    """A pass over a print copy's tree."""

    formats = ("latex",)

    @property
    def builder(self) -> Builder:
        return _BUILDERS[self.env]


class ResolvePlaceholders(PrintPass):
    """Placeholders become tables (the other outputs fill them on ``doctree-resolved``)."""

    default_priority = LATEX_TABLES

    def run(self, **kwargs: Any) -> None:
        # env.docname: the document the tree is resolved for (the PDF's first).
        resolve.fill_placeholders(self.builder, self.document, self.env.docname)
