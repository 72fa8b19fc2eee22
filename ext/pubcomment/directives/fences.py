"""Embedded data cut short by a fence line inside it.

MyST finds a directive's end before the directive runs: the first line of
three backticks (or more, as many as opened it) indented by at most three
spaces ends the body, even inside YAML.  Citizen text in a block scalar can
hold such a line, and then the rest of the "data" is parsed as MyST: a
``{raw} html`` block in an opinion would reach the page, a ``{raw} latex``
one the PDF.  The directive cannot be given its whole body back, so such
data is refused (``pubcomment.injection``) and what MyST made of the rest
of it is removed from the doctree before anything else sees it.

The signature of a body cut short: its closing fence is indented (writers
close a directive at the start of a line), or the line after the closing
fence is indented (the data goes on), or the data stops inside a quoted
text (which a fence line of the text cut).  The data's real end is taken to be
the next bare fence of the same kind at the start of a line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

# env.current_document key: (first, last) document lines to remove.
REFUSED_LINES = "pubcomment:refused-lines"
_OPENING = re.compile(r"^ {0,3}(`{3,}|~{3,}|:{3,})")


def cut_short(
    lines: list[str], lineno: int, body_end: int, *, ends_unfinished: Callable[[], bool] | None = None
) -> tuple[int, int, int] | None:
    """For a directive opened at ``lineno`` (1-based) whose body MyST ended at
    line ``body_end`` (the closing fence, 1-based): None when the body ended as
    its writer meant, else (closing fence, first line run as markup, last).

    ``ends_unfinished``: whether the body's data stops in the middle of a
    value (a quoted text never closed); then a closing fence with more
    lines after it is a cut too.  Asked only when nothing else decides
    (it parses the data)."""
    if not 0 < lineno <= len(lines) or not 0 < body_end <= len(lines):
        return None
    opening = _OPENING.match(lines[lineno - 1])
    if opening is None:
        return None
    fence = opening.group(1)
    bare = re.compile(rf"^( {{0,3}}){re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
    closing = bare.match(lines[body_end - 1])
    if closing is None:
        return None
    following = lines[body_end] if body_end < len(lines) else ""
    indented_after = bool(following.strip()) and following[0] in " \t"
    if not closing.group(1) and not indented_after and not (body_end < len(lines) and ends_unfinished is not None and ends_unfinished()):
        return None
    for index in range(body_end, len(lines)):
        match = bare.match(lines[index])
        if match is not None and not match.group(1):
            return body_end, body_end + 1, index + 1
    return body_end, body_end + 1, len(lines)


def document_lines(path: str | Path) -> list[str] | None:
    try:
        return Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return None


class RemoveRefusedMarkup(SphinxTransform):
    """Remove what MyST made of refused data (see the module's docstring).

    Early (docutils' own transforms start at 100), so that no other
    transform, and no builder, sees a node of it.  A node from another file
    (an ``{include}`` inside the refused lines) goes with the node before it.
    """

    default_priority = 50

    def apply(self, **kwargs: Any) -> None:
        regions = self.env.current_document.get(REFUSED_LINES)
        if not regions:
            return
        source = self.document.get("source", "")
        self._prune(self.document, regions, source)

    def _prune(self, parent: nodes.Element, regions: list[tuple[int, int]], source: str) -> None:
        removing = False
        for child in list(parent.children):
            if not isinstance(child, nodes.Element):
                if removing:
                    parent.remove(child)
                continue
            line = child.line if child.source == source else None
            if line is not None:
                removing = any(first <= line <= last for first, last in regions)
            if removing and not isinstance(child, nodes.section):
                parent.remove(child)
            else:
                self._prune(child, regions, source)
