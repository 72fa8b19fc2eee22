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
* a theme's table wrapper (furo's), which scrolls a wide table, is a
  focusable region named by the table's caption, so the keyboard can
  scroll it; and when it copied its table's id, the copy is dropped, so
  ids stay unique.

Nothing here rewrites HTML after the fact: each visitor writes its tag.
The overrides call the translator's own visitor for what they do not
change; the theme's wrapper becomes a node of our own
(:class:`table_region`), so no visitor of another extension's is replaced
(sphinx-design's container visitor writes the wrapper's neighbours).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..config import get_config
from ..render.safe_markdown import CHANGED_CLASS

Visit = Callable[[nodes.Element], None]  # the translator's own handler, bound
Override = Callable[[Any, Any, Visit], None]

# Tables shown as stacked cards on narrow screens (see pubcomment.css).
STACKED_TABLES = {"pc-opinions", "pc-amendments"}
STACKED_CLASS = "pc-stacked"
SCROLL_CLASS = "pc-table-scroll"
CELL_LABEL_CLASS = "pc-cell-label"
HIDDEN_CLASS = "pc-visually-hidden"
TOCTREE_CAPTION_LEVEL = 2
TABLE_REGION_LABEL = "表"


def _is_ours(table: nodes.Element) -> bool:
    return "pc-table" in table["classes"]


def visit_table(self: Any, node: nodes.table, default: Visit) -> None:
    if _is_ours(node):
        self.body.append(f'<div class="{SCROLL_CLASS}">\n')
        if STACKED_TABLES.intersection(node["classes"]) and STACKED_CLASS not in node["classes"]:
            node["classes"].append(STACKED_CLASS)
    default(node)


def depart_table(self: Any, node: nodes.table, default: Visit) -> None:
    default(node)
    if _is_ours(node):
        self.body.append("</div>\n")


def _header_texts(tgroup: nodes.Element) -> list[str]:
    """The texts of a table's head cells (first head row)."""
    for thead in tgroup.findall(nodes.thead):
        rows = [row for row in thead.children if isinstance(row, nodes.row)]
        if rows:
            return [cell.astext().strip() for cell in rows[0].children]
    return []


def _header_text(self: Any, entry: nodes.entry, column: int) -> str:
    """The text of the head cell above ``entry``, or ''.  Looked up once per
    table and page: an opinion table has 40,000 cells at national scale."""
    tgroup = entry.parent.parent.parent
    cache: dict[int, list[str]] = self.__dict__.setdefault("_pc_header_texts", {})
    texts = cache.get(id(tgroup))
    if texts is None:
        texts = cache[id(tgroup)] = _header_texts(tgroup)
    return texts[column] if column < len(texts) else ""


def visit_entry(self: Any, node: nodes.entry, default: Visit) -> None:
    """As docutils' visit_entry, plus ``scope`` on header cells and cell labels.

    A copy of docutils' own (0.21 to 0.23), not a call of it: its start tag is
    written from attributes it computes itself, and no hook adds one
    (compat.VISIT_ENTRY_DIGESTS: the docutils versions it was checked against)."""
    start, end = entry_start(self, node)
    self.body.append(start)
    self.context.append(end)


def entry_start(self: Any, node: nodes.entry) -> tuple[str, str]:
    """The cell's start tag (and label), and its end tag (html/fast_rows.py writes rows with it too)."""
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
    start = self.starttag(node, tagname, "", **atts)
    table = tgroup.parent
    if isinstance(section, nodes.tbody) and STACKED_TABLES.intersection(table["classes"]):
        label = _header_text(self, node, column)
        if label:
            start += f'<span class="{CELL_LABEL_CLASS}">{self.encode(label)}</span>'
    return start, f"</{tagname}>\n"


def depart_entry(self: Any, node: nodes.entry, default: Visit) -> None:
    default(node)


def visit_inline(self: Any, node: nodes.inline, default: Visit) -> None:
    default(node)
    if CHANGED_CLASS in node["classes"]:
        self.body.append(_hidden(self, "changed_hidden"))


def depart_inline(self: Any, node: nodes.inline, default: Visit) -> None:
    if CHANGED_CLASS in node["classes"]:
        self.body.append(_hidden(self, "changed_hidden_end"))
    default(node)


def _hidden(self: Any, label: str) -> str:
    text = get_config(self.config).label(label)
    return f'<span class="{HIDDEN_CLASS}">［{self.encode(text)}］</span>'


def visit_title(self: Any, node: nodes.title, default: Visit) -> None:
    parent = node.parent
    if isinstance(parent, addnodes.compact_paragraph) and parent.get("toctree"):
        # As Sphinx writes it, plus the aria-level that role="heading" needs.
        self.body.append(self.starttag(node, "p", "", CLASS="caption", ROLE="heading", **{"aria-level": TOCTREE_CAPTION_LEVEL}))
        self.body.append('<span class="caption-text">')
        self.context.append("</span></p>\n")
    else:
        default(node)


def depart_title(self: Any, node: nodes.title, default: Visit) -> None:
    default(node)


class table_region(nodes.container):  # noqa: N801 (docutils naming)
    """A theme's table wrapper (furo's ``div.table-wrapper``), which scrolls a wide table."""


def visit_table_region(self: Any, node: table_region) -> None:
    """A region the keyboard can reach and scroll, named by its table's caption."""
    table = next((child for child in node.children if isinstance(child, nodes.table)), None)
    title = next((child for child in table.children if isinstance(child, nodes.title)), None) if table else None
    name = title.astext().strip() if title else ""
    atts = {"tabindex": "0", "role": "region", "aria-label": name or TABLE_REGION_LABEL}
    self.body.append(self.starttag(node, "div", CLASS="docutils container", **atts))


def depart_table_region(self: Any, node: table_region) -> None:
    self.body.append("</div>\n")


class TableRegions(SphinxPostTransform):
    """After the theme wrapped its tables (furo, priority 500): each wrapper
    becomes a :class:`table_region`, without the ids it copied from its table."""

    formats = ("html",)
    default_priority = 501

    def run(self, **kwargs: Any) -> None:
        for container in list(self.document.findall(nodes.container)):
            if "table-wrapper" not in container["classes"]:
                continue
            inner = {i for child in container.children if isinstance(child, nodes.Element) for i in child["ids"]}
            region = table_region("", *container.children, **container.attributes)
            region["ids"] = [i for i in container["ids"] if i not in inner]
            # Not replace_self(), which would copy the ids back.
            container.parent.replace(container, region)


OVERRIDES: tuple[tuple[type[nodes.Element], Override, Override], ...] = (
    (nodes.table, visit_table, depart_table),
    (nodes.entry, visit_entry, depart_entry),
    (nodes.inline, visit_inline, depart_inline),
    (nodes.title, visit_title, depart_title),
)


def handlers(
    node_class: type[nodes.Element], visit: Override, depart: Override
) -> tuple[Callable[[Any, Any], None], Callable[[Any, Any], None]]:
    """The visitor pair to register for ``node_class``: each override, given
    the translator class's own handler (docutils' or Sphinx's) as ``default``."""
    name = node_class.__name__

    def visit_handler(self: Any, node: Any) -> None:
        visit(self, node, getattr(type(self), f"visit_{name}").__get__(self))

    def depart_handler(self: Any, node: Any) -> None:
        depart(self, node, getattr(type(self), f"depart_{name}").__get__(self))

    # Which override each handler runs (html/fast_rows.py checks it is ours).
    visit_handler.pubcomment_override = visit  # type: ignore[attr-defined]
    depart_handler.pubcomment_override = depart  # type: ignore[attr-defined]

    return visit_handler, depart_handler
