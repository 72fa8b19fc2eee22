"""What a renderer needs to know about the build it renders for.

Renderers import nothing of the Sphinx glue above them: what they need of
the data declared across documents (where a consultation's legend and
opinion tables are, the plan's amendments and sections) they ask through
:class:`CrossReferences`, which the domain implements.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from docutils import nodes
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment
from sphinx.util.nodes import make_refnode

from ..config import PubcommentConfig
from ..core.ids import token, tokens
from ..core.model import Consultation
from ..core.numbers import format_count
from ..core.wareki import PeriodStyle

# Builders whose pages Sphinx writes in worker processes under -j, and
# whose doctrees hold nothing that must see the rows before they are
# written (ePub unlinks other documents' references in them; singlehtml
# writes one page in the main process anyway): long tables leave their
# rows to the writer (html/deferred_rows.py).
DEFERRING_BUILDERS = frozenset({"html", "dirhtml"})


def anchor_id(key: str, *parts: str) -> str:
    """A stable id, unique per consultation: ``pc-results-index-category-a``."""
    return nodes.make_id("-".join(("pc", key, *parts)))


def documents_under(env: BuildEnvironment, root: str) -> list[str]:
    """``root`` and the documents its toctrees include, transitively, in reading order.

    What one PDF or ePub holds when ``root`` is its root document, and the
    order in which a reader meets the plan's amendments."""
    found: list[str] = []
    seen: set[str] = set()

    def walk(docname: str) -> None:
        if docname in seen:
            return
        seen.add(docname)
        found.append(docname)
        for child in env.toctree_includes.get(docname, []):
            walk(child)

    walk(root)
    return found


@dataclass
class PlanAmendment:
    """An amendment written in place in the plan (``pc-amendment``)."""

    id: str
    docname: str
    lineno: int
    summary: str  # markdown
    reason: str
    draft: list[nodes.Node]  # the 改定案 text, as parsed
    final: list[nodes.Node]  # the 改定版 text, as parsed
    anchor: str
    abridge: str = ""  # shown instead of the final text in the comparison (e.g. 略)
    # The enclosing section, filled in once the document's headings are numbered.
    section_id: str = ""
    section_number: str = ""  # 4(3)①エ
    section_title: str = ""


@dataclass(frozen=True)
class Place:
    """A labelled place in the documents: a plan section an opinion cites."""

    docname: str
    anchor: str
    number: str  # 4(3)①エ, or "" when the document is not numbered
    title: str


class CrossReferences(Protocol):
    """The data of other documents a renderer may show or link to."""

    @property
    def anchors(self) -> Mapping[tuple[str, str], str]:
        """(consultation key, what) → the document that shows it (legend, opinions, amendments)."""
        ...

    @property
    def amendments(self) -> Mapping[str, PlanAmendment]:
        """The plan's amendments by id."""
        ...

    def place_of(self, label: str) -> Place | None:
        """The plan section a label names, with its 公用文 number."""
        ...

    def holds(self, root: str, docname: str) -> bool:
        """Whether ``docname`` is among :func:`documents_under` ``root`` (computed once a build)."""
        ...

    def amendments_in_reading_order(self) -> list[PlanAmendment]:
        """The plan's amendments in the order a reader meets them (computed once)."""
        ...


@dataclass
class RenderContext:
    builder: Builder
    docname: str  # the document being resolved
    key: str  # the consultation's key in the domain
    consultation: Consultation
    config: PubcommentConfig
    references: CrossReferences

    @property
    def is_html(self) -> bool:
        return self.builder.format == "html"

    @property
    def defers_rows(self) -> bool:
        """Whether long tables leave their rows to the writer (see DEFERRING_BUILDERS)."""
        return self.builder.name in DEFERRING_BUILDERS

    def label(self, name: str, /, **values: str) -> str:
        """The consultation's words for ``name`` (its data's, the site's, or the default)."""
        return self.config.label(name, self.consultation.labels, self=self.consultation.self_reference, **values)

    def number(self, count: int, unit: str = "") -> str:
        """A count as published: 1,764, in the consultation's digits style; ``unit`` is a label key."""
        return format_count(count, digits=self.consultation.style.get("digits", "ascii"), unit=self.label(unit) if unit else "")

    def period_style(self, options: Mapping[str, object] | None = None) -> PeriodStyle:
        """How dates are written: the directive's options over the consultation's ``style``."""
        return PeriodStyle.from_mapping({**{k: v for k, v in self.consultation.style.items() if k != "digits"}, **dict(options or {})})

    def anchor(self, *parts: str) -> str:
        return anchor_id(self.key, *parts)

    def category_token(self, key: str) -> str:
        """The id part of a category key, distinct for distinct keys (see core/ids.py)."""
        return self._tokens("categories", [c.key for c in self.consultation.categories]).get(key) or token(key)

    def topic_token(self, topic_id: str) -> str:
        """The id part of a topic id, distinct for distinct ids."""
        return self._tokens("topics", [t.id for t in self.consultation.topics]).get(topic_id) or token(topic_id)

    def amendment_token(self, amendment_id: str) -> str:
        """The id part of one of the data's amendment ids, distinct for distinct ids."""
        return self._tokens("amendments", [a.id for a in self.consultation.amendments if a.id]).get(amendment_id) or token(amendment_id)

    def _tokens(self, kind: str, keys: list[str]) -> dict[str, str]:
        cache = self.__dict__.setdefault("_token_cache", {})
        if kind not in cache:
            cache[kind] = tokens(keys)
        return cache[kind]

    def ref_to(self, anchor: str, what: str, child: nodes.Node, *, title: str = "") -> nodes.Node:
        """A link to ``anchor`` in the document that shows ``what``, or ``child`` alone."""
        todocname = self.references.anchors.get((self.key, what))
        if todocname is None:
            return child
        return make_refnode(self.builder, self.docname, todocname, anchor, child, title or None)
