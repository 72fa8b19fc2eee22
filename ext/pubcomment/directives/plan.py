"""Amendments written once, in place, in the plan.

```{pc-amendment} line-target
:summary: 取組の進捗状況を踏まえ、…目標値を修正

:::{pc-draft}
… 100,000 人 …
:::

:::{pc-final}
… 160,000 人 …
:::
```

The plan shows the text of the edition being built
(``pubcomment_edition``); both texts go to the domain, from which the
results document's comparison table (改定案からの変更点) is generated.
"""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from ..config import get_config
from ..core.ids import token
from ..core.problems import Subtype
from ..env.domain import get_domain
from ..nodes import pubcomment_placeholder
from ..render.context import PlanAmendment
from ..render.safe_markdown import CHANGED_CLASS
from ..warnings_ import warn

EDITION_ATTRIBUTE = "pc_edition"


def amendment_anchor(amendment_id: str) -> str:
    return nodes.make_id(f"pc-amendment-{token(amendment_id)}")


class EditionTextDirective(SphinxDirective):
    """``pc-draft`` / ``pc-final``: one edition's text inside ``pc-amendment``."""

    has_content = True
    edition: ClassVar[str] = ""

    def run(self) -> list[nodes.Node]:
        container = nodes.container(**{EDITION_ATTRIBUTE: self.edition})
        self.set_source_info(container)
        self.state.nested_parse(self.content, self.content_offset, container)
        return [container]


class DraftDirective(EditionTextDirective):
    edition = "draft"


class FinalDirective(EditionTextDirective):
    edition = "final"


class AmendmentDirective(SphinxDirective):
    required_arguments = 1
    has_content = True
    option_spec: ClassVar = {
        "summary": directives.unchanged_required,
        "reason": directives.unchanged,
        "abridge": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        amendment_id = self.arguments[0]
        location = self.get_location()
        parsed = nodes.container()
        self.state.nested_parse(self.content, self.content_offset, parsed)
        texts: dict[str, list[nodes.Node]] = {}
        for child in parsed.children:
            edition = child.get(EDITION_ATTRIBUTE) if isinstance(child, nodes.container) else None
            if edition is None:
                warn(Subtype.AMENDMENT, f"amendment {amendment_id!r}: put the texts in pc-draft and pc-final blocks", location)
                continue
            if edition in texts:
                warn(Subtype.AMENDMENT, f"amendment {amendment_id!r} has two pc-{edition} blocks", location)
            texts[edition] = list(child.children)
        draft, final = texts.get("draft", []), texts.get("final", [])
        if not draft and not final:
            warn(Subtype.AMENDMENT, f"amendment {amendment_id!r} has neither a draft nor a final text", location)
        elif _plain(draft) == _plain(final):
            warn(Subtype.AMENDMENT, f"amendment {amendment_id!r}: the draft and final texts are the same", location)
        if not self.options.get("summary"):
            warn(Subtype.REQUIRED, f"amendment {amendment_id!r} needs a :summary: (変更の概要)", location)
        record = PlanAmendment(
            id=amendment_id,
            docname=self.env.docname,
            lineno=self.lineno,
            summary=self.options.get("summary", ""),
            reason=self.options.get("reason", ""),
            draft=[n.deepcopy() for n in draft],
            final=[n.deepcopy() for n in final],
            anchor=amendment_anchor(amendment_id),
            abridge=self.options.get("abridge", ""),
        )
        earlier = get_domain(self.env).add_amendment(record)
        if earlier is not None:
            warn(Subtype.AMENDMENT, f"amendment id {amendment_id!r} is already used in {earlier.docname} line {earlier.lineno}", location)
        shown = draft if get_config(self.config).edition == "draft" else final
        container = nodes.container(classes=["pc-amendment"], pc_amendment=amendment_id)
        self.set_source_info(container)
        # A block-level target: every builder writes its id (LaTeX as a label
        # that the results document's page references point to).
        container += nodes.target("", "", ids=[record.anchor])
        for node in shown:
            container += _without_marks(node)
        return [container]


def _plain(blocks: list[nodes.Node]) -> str:
    return "".join(node.astext() for node in blocks).strip()


def _without_marks(node: nodes.Node) -> nodes.Node:
    """The plan itself shows no 傍線: explicit marks are for the comparison only."""
    node = node.deepcopy()
    if isinstance(node, nodes.Element):
        for inline in list(node.findall(nodes.inline)):
            if CHANGED_CLASS in inline["classes"]:
                inline.parent.replace(inline, list(inline.children))
    return node


def locate_amendments(app: Sphinx, doctree: nodes.document) -> None:
    """Once headings are numbered, note the section each amendment is in."""
    domain = get_domain(app.env)
    docname = app.env.docname
    for container in doctree.findall(nodes.container):
        amendment_id = container.get("pc_amendment")
        record = domain.amendments.get(amendment_id) if amendment_id else None
        if record is None or record.docname != docname:
            continue
        section = container.parent
        while section is not None and not isinstance(section, nodes.section):
            section = section.parent
        if section is not None and section["ids"]:
            record.section_id = section["ids"][0]
            record.section_number = domain.sections.get((docname, section["ids"][0]), "")
            title = section[0].deepcopy() if isinstance(section[0], nodes.title) else None
            if title is not None:
                for number in list(title.findall(nodes.inline)):
                    if "pc-secnum" in number["classes"]:
                        number.parent.remove(number)
                record.section_title = title.astext().strip()


class EditionsDirective(SphinxDirective):
    """``pc-editions``: which edition this is, with a link to the other (HTML).

    The argument is the plan's root document; the editions are published
    side by side (``pubcomment_edition_dirs``), so the link is a relative URL.
    """

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        node = pubcomment_placeholder(kind="editions", key="", target=self.arguments[0])
        self.set_source_info(node)
        return [node]
