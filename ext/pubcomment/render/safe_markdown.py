"""Citizen-written markdown to docutils nodes, safely: the one path by which
text from the data becomes nodes.

Opinion and answer texts are data, not markup.  They are parsed by one
shared markdown-it instance with raw HTML switched off and turned into
docutils nodes by hand: paragraphs, lists, emphasis, code, links and the
``{u}`…``` role that marks changed text.  No MyST directive or role runs,
so nothing in a text can include a file, emit raw HTML or LaTeX, or slow
the build with per-cell parser set-up.

Most texts are plain paragraphs: no character that markdown gives a
meaning to, no indentation.  Those skip the parser (a third of a large
build's time) and become the very nodes the parser's tokens would give.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from docutils import nodes
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.myst_role import myst_role_plugin

from ..core.schema import NOTE_MARKER

CHANGED_CLASS = "pc-changed"
CHANGED_ROLES = {"u", "changed"}
SAFE_SCHEMES = ("http://", "https://", "mailto:")

_parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).use(myst_role_plugin)
_parser.disable(["html_block", "html_inline"], ignoreInvalid=True)

# Turns the n-th (※) marker of a text into a node (e.g. a link to its note).
MarkerFactory = Callable[[int, str], nodes.Node]


def changed(text: str) -> nodes.inline:
    """Changed text (傍線): an inline with a class; CSS and a LaTeX macro style it."""
    return nodes.inline(text, text, classes=[CHANGED_CLASS])


# Anything that may be markdown: inline markup, block markers, escapes,
# entities, roles, indentation or stray whitespace at a line's ends.
_NOT_PLAIN = re.compile(r"[\\`*_\[\]<>&{}~|#=+\t\r\x00\x0b\x0c\x85\u2028\u2029]|^[-0-9]|^[^\S\n]|[^\S\n]$|\A\n|\n\Z", re.MULTILINE)
_PARAGRAPH_BREAK = re.compile(r"\n{2,}")


def parse_blocks(source: str, *, marker: MarkerFactory | None = None) -> list[nodes.Node]:
    """Block-level nodes for a markdown text (paragraphs, lists …)."""
    builder = _Builder(marker)
    if not _NOT_PLAIN.search(source):
        return builder.plain(source)
    tokens = _parser.parse(source)
    return builder.blocks(tokens)


# A line of a plain text followed by the next line of its paragraph (no space between, see pubcomment.css).
LINE_CLASS = "pc-line"


def parse_plain(source: str, *, marker: MarkerFactory | None = None) -> list[nodes.Node]:
    """Plain text as typed: every character shown as it is, a blank line
    between paragraphs, each line break kept (a paragraph per line; the
    lines of one paragraph carry LINE_CLASS but the last)."""
    builder = _Builder(marker)
    result: list[nodes.Node] = []
    for chunk in _PARAGRAPH_BREAK.split(source.strip("\n")):
        lines = chunk.split("\n")
        for index, line in enumerate(lines):
            paragraph = nodes.paragraph()
            if index < len(lines) - 1:
                paragraph["classes"].append(LINE_CLASS)
            paragraph.extend(builder.text(line))
            result.append(paragraph)
    return result


def parse_text(source: str, *, markdown: bool, marker: MarkerFactory | None = None) -> list[nodes.Node]:
    """A text of the data as its consultation's ``text_format`` says: markdown or plain."""
    return parse_blocks(source, marker=marker) if markdown else parse_plain(source, marker=marker)


def parse_plain_inline(source: str, *, marker: MarkerFactory | None = None) -> list[nodes.Node]:
    """A one-line plain text (a note) as inline nodes."""
    return _Builder(marker).text(source)


_LINK_TARGET = re.compile(r"\]\([^)\s]*\)")
_BLOCK_MARKER = re.compile(r"^[ \t]*(?:[-+*]|\d+[.)]|>+)[ \t]+", re.MULTILINE)
# Where a cell's text nodes end: line ends, (※) markers (kept, as nodes of
# their own) and markdown's inline markup.
_SEARCH_PIECE = re.compile(r"[\n\\`*_\[\]<>{}~|#]+|([(（]※[)）])")
_PLAIN_PIECE = re.compile(r"\n+|([(（]※[)）])")


def searchable(source: str, *, markdown: bool = True) -> list[str]:
    """A text's words for the search index, without building its nodes: the
    texts its text nodes would hold (a dictionary splitter's words depend
    on where a text ends), less link addresses, list and quote markers and
    markup (in markdown)."""
    pieces = _SEARCH_PIECE.split(_LINK_TARGET.sub("]", _BLOCK_MARKER.sub("", source))) if markdown else _PLAIN_PIECE.split(source)
    return [piece.strip() for piece in pieces if piece and piece.strip()]


def parse_inline(source: str, *, marker: MarkerFactory | None = None) -> list[nodes.Node]:
    """Inline nodes for a one-line text (a label, a list item)."""
    tokens = _parser.parseInline(source)
    builder = _Builder(marker)
    children = tokens[0].children or [] if tokens else []
    return builder.inlines(children)


class _Builder:
    def __init__(self, marker: MarkerFactory | None):
        self.marker = marker
        self.markers_seen = 0

    def blocks(self, tokens: list[Token]) -> list[nodes.Node]:
        root = nodes.Element()
        stack: list[nodes.Element] = [root]
        for token in tokens:
            top = stack[-1]
            kind = token.type
            if kind in ("paragraph_open", "heading_open"):
                node: nodes.Element = nodes.paragraph()
                if kind == "heading_open":
                    node["classes"].append("pc-heading")
                top += node
                stack.append(node)
            elif kind == "bullet_list_open":
                node = nodes.bullet_list(bullet="-")
                top += node
                stack.append(node)
            elif kind == "ordered_list_open":
                node = nodes.enumerated_list(enumtype="arabic", prefix="", suffix=".")
                start = token.attrGet("start")
                if start not in (None, 1, "1"):
                    node["start"] = int(start)  # type: ignore[arg-type]
                top += node
                stack.append(node)
            elif kind == "list_item_open":
                node = nodes.list_item()
                top += node
                stack.append(node)
            elif kind == "blockquote_open":
                node = nodes.block_quote()
                top += node
                stack.append(node)
            elif kind.endswith("_close"):
                if len(stack) > 1:
                    stack.pop()
            elif kind == "inline":
                if isinstance(top, nodes.paragraph):
                    top.extend(self.inlines(token.children or []))
                else:  # tight list items hold inline content directly
                    paragraph = nodes.paragraph()
                    paragraph.extend(self.inlines(token.children or []))
                    top += paragraph
            elif kind in ("fence", "code_block"):
                top += nodes.literal_block(token.content, token.content)
            # hr and anything else carry no content worth keeping in a cell
        return list(root.children)

    def plain(self, source: str) -> list[nodes.Node]:
        """Paragraphs of plain text, as blocks() makes them from the parser's tokens."""
        result: list[nodes.Node] = []
        for chunk in _PARAGRAPH_BREAK.split(source):
            if not chunk:
                continue
            paragraph = nodes.paragraph()
            for index, line in enumerate(chunk.split("\n")):
                if index:
                    paragraph += self.softbreak(paragraph)
                paragraph.extend(self.text(line))
            result.append(paragraph)
        return result

    def softbreak(self, top: nodes.Element) -> nodes.Text:
        # A line break inside Japanese text must not become a space
        # (browsers render it as one); between Latin words it must.
        previous = top.astext()[-1:] if top.children else ""
        return nodes.Text("" if previous and ord(previous) > 0x2E7F else " ")

    def inlines(self, tokens: list[Token]) -> list[nodes.Node]:
        root = nodes.Element()
        stack: list[nodes.Element] = [root]
        for token in tokens:
            top = stack[-1]
            kind = token.type
            if kind == "text":
                top.extend(self.text(token.content))
            elif kind in ("softbreak", "hardbreak"):
                top += self.softbreak(top)
            elif kind == "code_inline":
                top += nodes.literal(token.content, token.content)
            elif kind in ("em_open", "strong_open"):
                node: nodes.Element = nodes.emphasis() if kind == "em_open" else nodes.strong()
                top += node
                stack.append(node)
            elif kind == "link_open":
                href = str(token.attrGet("href") or "")
                # Only web and mail links; anything else keeps its text, unlinked.
                node = nodes.reference("", "", refuri=href) if href.startswith(SAFE_SCHEMES) else nodes.inline()
                top += node
                stack.append(node)
            elif kind.endswith("_close"):
                if len(stack) > 1:
                    stack.pop()
            elif kind == "myst_role":
                name = token.meta.get("name", "")
                if name in CHANGED_ROLES:
                    top += changed(token.content)
                else:  # unknown roles are shown as typed
                    top += nodes.Text(f"{{{name}}}`{token.content}`")
            else:  # text-like tokens (an image's alt text among them) keep their text
                top.extend(self.text(token.content))
        return list(root.children)

    def text(self, content: str) -> list[nodes.Node]:
        if self.marker is None or "※" not in content:  # every marker holds ※
            return [nodes.Text(content)]
        result: list[nodes.Node] = []
        position = 0
        for match in NOTE_MARKER.finditer(content):
            if match.start() > position:
                result.append(nodes.Text(content[position : match.start()]))
            self.markers_seen += 1
            result.append(self.marker(self.markers_seen, match.group()))
            position = match.end()
        if position < len(content):
            result.append(nodes.Text(content[position:]))
        return result
