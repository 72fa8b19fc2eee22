"""Underlines (傍線) for the two texts of an amendment, from either source.

The comparison's rows come from the plan's ``pc-amendment`` markup or from
the data's ``amendments``; both underline the same way, here: the
writer's explicit ``{u}`` marks when either text has any (an editorial
decision wins), otherwise the token diff of the two texts
(:mod:`..core.textdiff`).
"""

from __future__ import annotations

from collections.abc import Iterable

from docutils import nodes

from ..core.textdiff import Span, changed_spans
from . import safe_markdown

# Text from different blocks must not run together in the diff.
BLOCK_SEPARATOR = "\n"


def underline_changes(before: list[nodes.Node], after: list[nodes.Node]) -> None:
    """Underline what changed between ``before`` and ``after``, in place, unless either is marked already."""
    if not has_marks(before + after):
        mark_differences(before, after)


def has_marks(blocks: Iterable[nodes.Node]) -> bool:
    """Whether any of ``blocks`` holds changed (underlined) text."""
    return any(
        safe_markdown.CHANGED_CLASS in inline["classes"]
        for block in blocks
        if isinstance(block, nodes.Element)
        for inline in block.findall(nodes.inline)
    )


def _text_nodes(blocks: list[nodes.Node]) -> list[nodes.Text]:
    found: list[nodes.Text] = []
    for block in blocks:
        found.extend(block.findall(nodes.Text))
        found.append(nodes.Text(BLOCK_SEPARATOR))  # a marker, never inserted
    return found


def mark_differences(before: list[nodes.Node], after: list[nodes.Node]) -> None:
    """Underline what the diff says changed, in place."""
    before_texts, after_texts = _text_nodes(before), _text_nodes(after)
    deleted, inserted = changed_spans("".join(before_texts), "".join(after_texts))
    _underline(before_texts, deleted)
    _underline(after_texts, inserted)


def _underline(texts: list[nodes.Text], spans: list[Span]) -> None:
    offset = 0
    for text in texts:
        start, end = offset, offset + len(text)
        offset = end
        if text.parent is None:
            continue
        cuts = [(max(s, start) - start, min(e, end) - start) for s, e in spans if s < end and e > start]
        if not cuts:
            continue
        value = str(text)
        pieces: list[nodes.Node] = []
        position = 0
        for cut_start, cut_end in cuts:
            if cut_start > position:
                pieces.append(nodes.Text(value[position:cut_start]))
            if value[cut_start:cut_end].strip():
                pieces.append(safe_markdown.changed(value[cut_start:cut_end]))
            else:
                pieces.append(nodes.Text(value[cut_start:cut_end]))
            position = cut_end
        if position < len(value):
            pieces.append(nodes.Text(value[position:]))
        text.parent.replace(text, pieces)
