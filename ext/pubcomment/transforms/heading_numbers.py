"""Heading numbers in the style of Japanese official documents (公用文).

A document whose front matter says ``numbering: kobun`` gets its headings
numbered 1 → (1) → ① → ア → (ア) below the title.  The numbers are
computed, never typed, and are recorded per section id so that other
parts (amendment locations) can cite ``4(3)①エ``.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from ..config import get_config
from ..core import numbering
from ..env.domain import ANY_CONSULTATION, get_domain

NUMBER_CLASS = "pc-secnum"
METADATA_KEY = "numbering"
STYLE = "kobun"


def _front_matter(document: nodes.document) -> dict[str, str]:
    fields: dict[str, str] = {}
    for docinfo in document.findall(nodes.docinfo):
        for field in docinfo.findall(nodes.field):
            fields[field[0].astext()] = field[1].astext()
    return fields


class KobunNumbering(SphinxTransform):
    # After docinfo (340) and before Sphinx collects titles (doctree-read).
    default_priority = 750

    def apply(self, **kwargs: Any) -> None:
        if not get_config(self.config).heading_numbers:
            return
        if _front_matter(self.document).get(METADATA_KEY) != STYLE:
            return
        top_sections = [s for s in self.document.children if isinstance(s, nodes.section)]
        for top in top_sections:
            self._number(top, ())
        sections = get_domain(self.env).sections
        for section in self.document.findall(nodes.section):
            for section_id in section["ids"] if "pc_number" in section else ():
                sections[(self.env.docname, section_id)] = section["pc_number"]
        # Sections may receive opinions: re-render when any consultation changes.
        get_domain(self.env).note_use(self.env.docname, ANY_CONSULTATION)

    def _number(self, section: nodes.section, path: tuple[int, ...]) -> None:
        children = [c for c in section.children if isinstance(c, nodes.section)]
        for index, child in enumerate(children, start=1):
            child_path = (*path, index)
            label = numbering.label(len(child_path), index)
            child["pc_number"] = numbering.path_label(child_path)
            title = child[0]
            if isinstance(title, nodes.title):
                title.insert(0, nodes.inline(label, label, classes=[NUMBER_CLASS]))
                title.insert(1, nodes.Text(" "))
            self._number(child, child_path)
