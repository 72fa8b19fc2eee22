"""The ePub builder of pubcomment: Sphinx's, with three changes.

* The navigation (``nav.xhtml``, ``toc.ncx`` and the table of contents)
  lists the root document's own sections, not only the documents of its
  toctrees: a one-page document would have one entry.
* Its heading is in the document's language (Sphinx writes it in English).
* The stylesheets are cleaned of what EPUBCheck rejects (:mod:`.css`)
  before the package is made.

A subclass registered under Sphinx's own name ``epub`` (``add_builder``
with ``override``), instead of patching the builder's methods at run time.
``toc_add_files`` is the one method every navigation passes its entries
through, which puts the root document first; ``handle_finish`` makes the
package, after the stylesheets were copied (before the pages are written).
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.builders.epub3 import Epub3Builder
from sphinx.environment import BuildEnvironment
from sphinx.locale import _

from .css import clean_stylesheets


def _root_sections(env: BuildEnvironment, suffix: str) -> list[dict[str, Any]]:
    """Navigation entries for the sections of the root document, below its title."""
    root = env.config.root_doc
    entries: list[dict[str, Any]] = []

    def walk(node: nodes.Node, depth: int) -> None:
        for child in node.children if isinstance(node, nodes.Element) else ():
            if isinstance(child, nodes.bullet_list):
                for item in child.children:
                    for reference in item.findall(nodes.reference):
                        anchor = reference.get("anchorname", "")
                        if anchor and depth > 0:
                            entries.append(
                                {
                                    "level": depth + 1,
                                    "refuri": html.escape(f"{root}{suffix}{anchor}"),
                                    "text": html.escape(reference.astext()),
                                }
                            )
                        break
                    walk(item, depth + 1)

    toc = env.tocs.get(root)
    if toc is not None:
        walk(nodes.Element("", toc), 0)
    return entries


class PubcommentEpub3Builder(Epub3Builder):
    def init(self) -> None:
        super().init()
        self.guide_titles = {**self.guide_titles, "toc": str(_("Table of Contents"))}

    def toc_add_files(self, refnodes: list[dict[str, Any]]) -> None:
        super().toc_add_files(refnodes)
        sections = _root_sections(self.env, self.out_suffix)
        known = {entry["refuri"] for entry in refnodes}
        refnodes[1:1] = [entry for entry in sections if entry["refuri"] not in known]

    def handle_finish(self) -> None:
        clean_stylesheets(Path(self.outdir))
        super().handle_finish()
