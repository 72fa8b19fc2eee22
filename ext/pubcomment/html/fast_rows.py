"""The rows of a long table written as Sphinx's HTML writer writes them, faster.

At national scale the opinion rows are most of an HTML build: docutils
walks every node of a row (27 in a typical opinion row), looking up a
visitor and a departure through the node class's ancestry for each, and
builds each start tag from a dictionary of attributes.  The rows hold few
kinds of node, so for them this module writes the same bytes directly:

* ``row``, ``entry``: Sphinx's row (with its row-odd/row-even counter) and
  pubcomment's own cell (html/a11y.py), start tags included;
* ``paragraph``, ``Text``, ``inline``, ``target`` and ``reference``:
  docutils' and Sphinx's visitors, copied, for their plain forms.

Anything else, or a plain kind in a form the copy does not cover (a
second id, a ``language-`` class, a mail address, changed text …), is
written by the translator itself, subtree and all; the two mix, since
each leaves the translator as it found it.

The copy is used only where the translator would run exactly the code it
copies: each copied method must be the translator's own (no extension or
theme replaced it), and the method's source must have one of the digests
of ``COPIED_DIGESTS`` (the docutils and Sphinx versions it was checked
against).  Otherwise every row is written by the translator, as before.
tests/test_fast_rows.py writes the tables of the sample site, the test
roots and the hostile corpus both ways and compares the bytes.
"""

from __future__ import annotations

import hashlib
import inspect
import textwrap
from collections.abc import Callable
from functools import cache
from typing import Any

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator

from ..compat import table_row_counter
from ..render.safe_markdown import CHANGED_CLASS
from . import a11y

# The translator's methods whose code is copied here, and the digests of
# their source (comments and blank lines aside) that the copy was checked
# against: docutils 0.22 and 0.23 first, then 0.21 where it differs (by
# annotations and an f-string only); Sphinx's three are the same in 9.0 to 9.2.
COPIED_DIGESTS: dict[str, frozenset[str]] = {
    "starttag": frozenset({"b1e3991837bcaf40", "e5a76caf3131b9dc"}),
    "encode": frozenset({"d80370f992973263"}),
    "attval": frozenset({"5fab41510dd19ebf"}),
    "visit_row": frozenset({"e64baa48001e060d"}),
    "depart_row": frozenset({"cb93e5b858a243cc", "8e5661609867592e"}),
    "visit_paragraph": frozenset({"8379305047dc40be", "83e7732a6a1f1f15"}),
    "depart_paragraph": frozenset({"592c0fc55b9ae4e2", "9dd54d0b948c34ce"}),
    "visit_Text": frozenset({"0a209b00d5d87d04"}),
    "visit_inline": frozenset({"3de0fc326b354529", "bf0522e1f6a92fe6"}),
    "depart_inline": frozenset({"c8b78d16b8647686", "10775ad61b6d2bbc"}),
    "visit_target": frozenset({"70fc830a1658a400", "2bffdb27191bfc2c"}),
    "depart_target": frozenset({"5d4f59b4bd4c49fb", "dc51064dfab9e094"}),
    "visit_reference": frozenset({"24906eb94f4c484f"}),
    "depart_reference": frozenset({"30975759cf41a0f3", "0b09770fe73093d5"}),
}
# pubcomment's own overrides (html/a11y.py), which the copy calls or follows.
OWN_OVERRIDES = {
    "visit_entry": a11y.visit_entry,
    "depart_entry": a11y.depart_entry,
    "visit_inline": a11y.visit_inline,
    "depart_inline": a11y.depart_inline,
}


def source_digest(func: Callable[..., Any]) -> str:
    """The digest of a function's source, indentation, comments and blank lines aside."""
    source = textwrap.dedent(inspect.getsource(func))
    lines = [line.split("#", 1)[0].rstrip() for line in source.splitlines()]
    text = "\n".join(line for line in lines if line.strip())
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@cache
def copies_match() -> bool:
    """Whether the installed docutils and Sphinx have the code copied here."""
    return all(source_digest(getattr(HTML5Translator, name)) in known for name, known in COPIED_DIGESTS.items())


def _function(translator: Any, name: str) -> Any:
    """The function behind the translator's method ``name`` (Sphinx binds an
    extension's handler to the translator itself)."""
    return getattr(getattr(translator, name, None), "__func__", None)


def usable(translator: nodes.NodeVisitor) -> bool:
    """Whether ``translator`` would write rows with exactly the code copied here."""
    if not isinstance(translator, HTML5Translator) or not copies_match() or table_row_counter(translator) is None:
        return False
    for name in COPIED_DIGESTS:
        # The class's own method; for the kinds a11y overrides, the override
        # calls it.  Any other: an extension, a theme or a subclass writes
        # it its own way.
        own = getattr(type(translator), name) if name in OWN_OVERRIDES else _function(translator, name)
        if own is not getattr(HTML5Translator, name):
            return False
    return all(getattr(_function(translator, name), "pubcomment_override", None) is override for name, override in OWN_OVERRIDES.items())


class RowWriter:
    """Appends rows to ``translator.body`` as the translator would write them."""

    def __init__(self, translator: Any) -> None:
        self.translator = translator
        self.body: list[str] = translator.body
        self.special = translator.special_characters
        self.special_chars = tuple(chr(code) for code in self.special)
        self.inline_tags = translator.supported_inline_tags
        self.counter: list[int] = table_row_counter(translator) or [0]
        self.write_by_kind: dict[type, Callable[[Any], bool]] = {
            nodes.Text: self._text,
            nodes.paragraph: self._paragraph,
            nodes.inline: self._inline,
            nodes.target: self._target,
            nodes.reference: self._reference,
            nodes.entry: self._entry,
        }

    def row(self, row: nodes.row) -> None:
        # sphinx.writers.html5.HTML5Translator.visit_row / docutils' depart_row
        self.counter[-1] += 1
        row["classes"].append("row-even" if self.counter[-1] % 2 == 0 else "row-odd")
        start = self._start("tr", row)
        if start is None:
            self.counter[-1] -= 1
            row["classes"].pop()
            row.walkabout(self.translator)
            return
        self.body.append(start)
        row.column = 0  # type: ignore[attr-defined]
        self._children(row)
        self.body.append("</tr>\n")

    def _node(self, node: nodes.Node) -> None:
        write = self.write_by_kind.get(type(node))
        if write is None or not write(node):
            node.walkabout(self.translator)

    def _children(self, node: nodes.Element) -> None:
        for child in node.children:
            self._node(child)

    def _encode(self, text: str) -> str:
        # str.translate builds a new string character by character even when
        # nothing is replaced (a quarter of writing the rows at 30,000
        # opinions); most texts hold none of the five, which `in` finds fast.
        for char in self.special_chars:
            if char in text:
                return text.translate(self.special)
        return text

    def _start(self, tagname: str, node: nodes.Element, *, css: str = "", **attributes: str) -> str | None:
        """docutils' ``starttag`` with no suffix, for a node of at most one id and
        no ``language-`` class; None for any other (the translator writes it)."""
        classes: list[str] = []
        for cls in [*node.get("classes", []), *css.split()]:
            if cls.startswith("language-"):
                return None
            if cls.strip() and cls not in classes:
                classes.append(cls)
        ids = node.get("ids", [])
        if len(ids) > 1:
            return None
        atts = dict(attributes)
        if classes:
            atts["class"] = " ".join(classes)
        if ids:
            atts["id"] = ids[0]
        parts = [tagname]
        for name, value in sorted(atts.items()):
            parts.append(f'{name}="{self._attval(value)}"')
        return f"<{' '.join(parts)}>"

    def _element(self, start: str | None, node: nodes.Element, end: str) -> bool:
        """The start tag, the children, the end tag; False (nothing written) without a start tag."""
        if start is None:
            return False
        self.body.append(start)
        self._children(node)
        self.body.append(end)
        return True

    def _attval(self, text: str) -> str:
        # docutils' attval: \n \r \t \v \f become spaces, then encode
        if any(c in text for c in "\n\r\t\v\f"):
            for c in "\n\r\t\v\f":
                text = text.replace(c, " ")
        return self._encode(text)

    def _text(self, node: nodes.Text) -> bool:
        if self.translator.protect_literal_text or self.translator.in_mailto:
            return False
        text = str(node)
        self.body.append(self._encode(node.astext() if "\x00" in text else text))
        return True

    def _paragraph(self, node: nodes.paragraph) -> bool:
        if not self._element(self._start("p", node), node, "</p>"):
            return False
        parent = node.parent
        if not (isinstance(parent, (nodes.list_item, nodes.entry)) and len(parent) == 1):
            self.body.append("\n")
            if self.translator.messages:
                self.translator.report_messages(node)
        return True

    def _inline(self, node: nodes.inline) -> bool:
        classes = node["classes"]
        if CHANGED_CLASS in classes:
            return False  # a11y adds hidden words around changed text
        if isinstance(node.parent, (nodes.literal_block, nodes.literal)) or any(c in self.inline_tags for c in classes):
            return False  # docutils writes <small>, <ins>, <del> … for these
        return self._element(self._start("span", node), node, "</span>")

    def _target(self, node: nodes.target) -> bool:
        if "refuri" in node or "refid" in node or "refname" in node:
            return False
        return self._element(self._start("span", node, css="target"), node, "</span>")

    def _reference(self, node: nodes.reference) -> bool:
        # The plain forms of Sphinx's visit_reference: in running text, no
        # mail address (docutils cloaks those), no section number.
        if not isinstance(node.parent, nodes.TextElement) or node.get("secnumber"):
            return False
        css = "reference internal" if node.get("internal") or "refuri" not in node else "reference external"
        atts: dict[str, str] = {}
        if "refuri" in node:
            atts["href"] = node["refuri"] or "#"
            if atts["href"].startswith("mailto:"):
                return False
        elif "refid" in node:
            atts["href"] = "#" + node["refid"]
        else:
            return False
        for name in ("reftitle", "target", "rel"):
            if name in node:
                atts["title" if name == "reftitle" else name] = str(node[name])
        return self._element(self._start("a", node, css=css, **atts), node, "</a>")

    def _entry(self, node: nodes.entry) -> bool:
        # pubcomment's own cell (html/a11y.py), whose start it shares.
        start, end = a11y.entry_start(self.translator, node)
        return self._element(start, node, end)
