"""Accessible HTML: small overrides of the HTML writer's visitors.

They apply to every HTML builder (ePub included) and to every table or
caption on the site, not only to ours, and write markup that the stock
writer leaves out:

* header cells say what they head: ``<th scope="col">`` in a table head,
  ``<th scope="row">`` in a stub column;
* in the tables that stack on phones (opinions, amendments), each data
  cell starts with its column's header text, shown only on narrow screens
  (CSS), so a stacked cell still says what it is;
* our tables sit in a scroll container, so a wide table never makes the
  page scroll sideways;
* changed text (傍線) carries visually hidden 「変更箇所」 words at its start
  and end, so it is not conveyed by the underline alone (WCAG 1.4.1);
* toctree captions, which are ``<p role="heading">``, get the
  ``aria-level`` that role requires;
* a table wrapper that copies its table's id (furo does) loses the copy,
  so ids stay unique.

Nothing here rewrites HTML after the fact: each visitor writes its tag.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

from .cells import CHANGED_CLASS
from .config import get_config

# Tables shown as stacked cards on narrow screens (see pubcomment.css).
STACKED_TABLES = {"pc-opinions", "pc-amendments"}
STACKED_CLASS = "pc-stacked"
SCROLL_CLASS = "pc-table-scroll"
CELL_LABEL_CLASS = "pc-cell-label"
HIDDEN_CLASS = "pc-visually-hidden"
TOCTREE_CAPTION_LEVEL = 2


def _is_ours(table: nodes.Element) -> bool:
    return "pc-table" in table["classes"]


def visit_table(self: Any, node: nodes.table) -> None:
    if _is_ours(node):
        self.body.append(f'<div class="{SCROLL_CLASS}">\n')
        if STACKED_TABLES.intersection(node["classes"]) and STACKED_CLASS not in node["classes"]:
            node["classes"].append(STACKED_CLASS)
    type(self).visit_table(self, node)


def depart_table(self: Any, node: nodes.table) -> None:
    type(self).depart_table(self, node)
    if _is_ours(node):
        self.body.append("</div>\n")


def _header_text(entry: nodes.entry, column: int) -> str:
    """The text of the head cell above ``entry`` (first head row), or ''."""
    tgroup = entry.parent.parent.parent
    for thead in tgroup.findall(nodes.thead):
        rows = [row for row in thead.children if isinstance(row, nodes.row)]
        if rows and column < len(rows[0].children):
            return rows[0].children[column].astext().strip()
    return ""


def visit_entry(self: Any, node: nodes.entry) -> None:
    """As docutils' visit_entry, plus ``scope`` on header cells and cell labels."""
    row = node.parent
    section = row.parent
    tgroup = section.parent
    column = row.column  # set by visit_row
    atts: dict[str, Any] = {"classes": []}
    if isinstance(section, nodes.thead):
        atts["classes"].append("head")
        atts["scope"] = "col"
    if tgroup.stubs[column]:
        atts["classes"].append("stub")
        if "scope" not in atts:
            atts["scope"] = "row"
    tagname = "th" if atts["classes"] else "td"
    if "morerows" in node:
        atts["rowspan"] = node["morerows"] + 1
    if "morecols" in node:
        atts["colspan"] = node["morecols"] + 1
        if atts.get("scope") == "col":
            atts["scope"] = "colgroup"
        row.column += node["morecols"]
    row.column += 1
    self.body.append(self.starttag(node, tagname, "", **atts))
    self.context.append(f"</{tagname}>\n")
    table = tgroup.parent
    if isinstance(section, nodes.tbody) and STACKED_TABLES.intersection(table["classes"]):
        label = _header_text(node, column)
        if label:
            self.body.append(f'<span class="{CELL_LABEL_CLASS}">{self.encode(label)}</span>')


def depart_entry(self: Any, node: nodes.entry) -> None:
    type(self).depart_entry(self, node)


def visit_inline(self: Any, node: nodes.inline) -> None:
    type(self).visit_inline(self, node)
    if CHANGED_CLASS in node["classes"]:
        self.body.append(_hidden(self, "changed_hidden"))


def depart_inline(self: Any, node: nodes.inline) -> None:
    if CHANGED_CLASS in node["classes"]:
        self.body.append(_hidden(self, "changed_hidden_end"))
    type(self).depart_inline(self, node)


def _hidden(self: Any, label: str) -> str:
    text = get_config(self.config).label(label)
    return f'<span class="{HIDDEN_CLASS}">［{self.encode(text)}］</span>'


def visit_title(self: Any, node: nodes.title) -> None:
    parent = node.parent
    if isinstance(parent, addnodes.compact_paragraph) and parent.get("toctree"):
        # As Sphinx writes it, plus the aria-level that role="heading" needs.
        self.body.append(self.starttag(node, "p", "", CLASS="caption", ROLE="heading", **{"aria-level": TOCTREE_CAPTION_LEVEL}))
        self.body.append('<span class="caption-text">')
        self.context.append("</span></p>\n")
    else:
        type(self).visit_title(self, node)


def depart_title(self: Any, node: nodes.title) -> None:
    type(self).depart_title(self, node)


class UniqueWrapperIds(SphinxPostTransform):
    """Drop the ids a table wrapper copied from its table (furo's, priority 500)."""

    formats = ("html",)
    default_priority = 501

    def run(self, **kwargs: Any) -> None:
        for container in self.document.findall(nodes.container):
            if "table-wrapper" not in container["classes"] or not container["ids"]:
                continue
            inner = {i for child in container.children if isinstance(child, nodes.Element) for i in child["ids"]}
            container["ids"] = [i for i in container["ids"] if i not in inner]


def setup_html_a11y(app: Sphinx) -> None:
    app.add_node(nodes.table, override=True, html=(visit_table, depart_table))
    app.add_node(nodes.entry, override=True, html=(visit_entry, depart_entry))
    app.add_node(nodes.inline, override=True, html=(visit_inline, depart_inline))
    app.add_node(nodes.title, override=True, html=(visit_title, depart_title))
    app.add_post_transform(UniqueWrapperIds)
