"""Which parts of a passage changed between the draft and the final text.

The diff runs on tokens, not characters, so that an underline (傍線)
covers whole units a reader thinks in: a number such as ``160,000``, a
Latin word, a run of spaces, or a single kanji/kana.  diff-match-patch
does the diff (each token is mapped to one private character, as its
line mode does for lines) and its semantic clean-up merges small
coincidental equalities so that underlines fall on whole phrases.
"""

from __future__ import annotations

import re

from diff_match_patch import diff_match_patch

TOKEN = re.compile(r"\d[\d,.]*\d|\d|[A-Za-z][A-Za-z'-]*|\s+|.", re.DOTALL)
Span = tuple[int, int]


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


def changed_spans(before: str, after: str) -> tuple[list[Span], list[Span]]:
    """Character spans deleted from ``before`` and inserted into ``after``."""
    table: dict[str, str] = {}
    before_tokens, after_tokens = tokens(before), tokens(after)

    def encode(parts: list[str]) -> str:
        # Private-use code points stand for tokens; one per distinct token.
        return "".join(table.setdefault(part, chr(0xF0000 + len(table))) for part in parts)

    encoded_before, encoded_after = encode(before_tokens), encode(after_tokens)
    differ = diff_match_patch()
    differ.Diff_Timeout = 0  # deterministic: never trade quality for time
    diffs = differ.diff_main(encoded_before, encoded_after, False)
    differ.diff_cleanupSemantic(diffs)
    deleted: list[Span] = []
    inserted: list[Span] = []
    before_at = after_at = 0  # token positions
    before_chars = after_chars = 0  # character positions
    for op, chunk in diffs:
        count = len(chunk)
        if op == 0:
            before_chars += sum(map(len, before_tokens[before_at : before_at + count]))
            after_chars += sum(map(len, after_tokens[after_at : after_at + count]))
            before_at += count
            after_at += count
        elif op == -1:
            width = sum(map(len, before_tokens[before_at : before_at + count]))
            deleted.append((before_chars, before_chars + width))
            before_chars += width
            before_at += count
        else:
            width = sum(map(len, after_tokens[after_at : after_at + count]))
            inserted.append((after_chars, after_chars + width))
            after_chars += width
            after_at += count
    return _trim(before, deleted), _trim(after, inserted)


def _trim(text: str, spans: list[Span]) -> list[Span]:
    """Underlines never start or end on white space."""
    result = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            result.append((start, end))
    return result
