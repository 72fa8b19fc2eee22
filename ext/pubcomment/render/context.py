"""What a renderer needs to know about the build it renders for."""

from __future__ import annotations

from dataclasses import dataclass

from docutils import nodes
from sphinx.builders import Builder
from sphinx.util.nodes import make_refnode

from ..config import PubcommentConfig
from ..core.model import Consultation
from ..domain import PubcommentDomain

# Builders whose pages Sphinx writes in worker processes under -j, and
# whose doctrees hold nothing that must see the rows before they are
# written (ePub unlinks other documents' references in them; singlehtml
# writes one page in the main process anyway).
DEFERRING_BUILDERS = frozenset({"html", "dirhtml"})


def anchor_id(key: str, *parts: str) -> str:
    """A stable id, unique per consultation: ``pc-results-index-category-a``."""
    return nodes.make_id("-".join(("pc", key, *parts)))


@dataclass
class RenderContext:
    builder: Builder
    docname: str  # the document being resolved
    key: str  # the consultation's key in the domain
    consultation: Consultation
    config: PubcommentConfig
    domain: PubcommentDomain

    @property
    def is_html(self) -> bool:
        return self.builder.format == "html"

    @property
    def defers_rows(self) -> bool:
        """Whether long tables leave their rows to the writer (see resolve.py)."""
        return self.builder.name in DEFERRING_BUILDERS

    def label(self, name: str, /, **values: str) -> str:
        return self.config.label(name, self=self.consultation.self_reference, **values)

    def anchor(self, *parts: str) -> str:
        return anchor_id(self.key, *parts)

    def ref_to(self, anchor: str, what: str, child: nodes.Node, *, title: str = "") -> nodes.Node:
        """A link to ``anchor`` in the document that shows ``what``, or ``child`` alone."""
        todocname = self.domain.anchors.get((self.key, what))
        if todocname is None:
            return child
        node = make_refnode(self.builder, self.docname, todocname, anchor, child, title or None)
        return node
