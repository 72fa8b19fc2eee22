"""Withholding part of a text (一部非公開): done once, as the data is read.

Two ways to mark what is withheld:

* inline, ``{redact}`川崎太郎``` or with a reason ``{redact}`川崎太郎 <個人名>```,
  in any published text of the data: the title, topic titles, categories,
  amendments, the schedule, the labels, the opinions, the answers and
  their notes, in plain and in markdown texts alike;
* a ``redactions:`` list on the opinion, ``- {text: 川崎太郎, reason: 個人名}``
  (in a CSV cell, one ``text <reason>`` a line): every occurrence of the
  text in the opinion's fields is withheld, and in the consultation's own
  texts (title, topics …) too.

A listed text is looked for in the texts folded as core/textfold.py says
(width, NFKC, white space and dashes, invisible code points, and as a
markdown text shows: character references decoded, emphasis left out),
so that 川崎 太郎, 川崎\u200b太郎, ｶﾜｻｷ and ``川崎&#x592A;郎`` are found
too; exactly the characters of the text that make up the match are
withheld.

An inline mark must be closed by a run of as many backticks as opened it
(as a markdown code span).  One that is not (unclosed, closed by another
run, empty, or holding another ``{redact}``) is a ``pubcomment.privacy``
problem, and everything from it to the end of the field is withheld: a
mistake in the marking never publishes what it was meant to withhold.

The withheld text is replaced by the ``redacted`` label (「■■■」, which may
say ``{reason}``) before the :class:`~.model.Opinion` is made, so no
renderer, search index, pickle or output ever holds it.  What is kept is a
:class:`~.model.Redaction` per withheld span: where, why and how long,
never the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .labels import fill
from .model import Redaction
from .textfold import INVISIBLE, SHOWN, Folded, fold

MARKER = "{redact}"
# {redact}`…` with a run of backticks as its fence (``{redact}``a`b`` ``), closed by a run of as many.
INLINE = re.compile(r"\{redact\}(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_REASON = re.compile(r"^(.*?)\s*<([^<>\n]*)>\s*$", re.DOTALL)
_SPACE = re.compile(r"\s")


@dataclass(frozen=True)
class Listed:
    """One item of an opinion's ``redactions:`` list."""

    text: str
    reason: str
    line: int | None


def split_reason(content: str) -> tuple[str, str]:
    """``川崎太郎 <個人名>`` → (川崎太郎, 個人名); without ``<…>`` the reason is empty."""
    match = _REASON.match(content)
    if match and match.group(1).strip():
        return match.group(1).strip(), match.group(2).strip()
    return content.strip(), ""


def variant(written: str, found: str) -> str:
    """How ``found`` in a text differs from the ``written`` item that matched it, in a few words."""
    said = []
    if INVISIBLE.search(found) or SHOWN.search(found):
        said.append("with invisible characters")
    if _SPACE.search(found) and not _SPACE.search(written):
        said.append("with white space")
    if "&" in found and ";" in found:
        said.append("with a character reference")
    if any(c in found for c in "*_~`[]\\") and not any(c in written for c in "*_~`[]\\"):
        said.append("with markdown markup")
    if not said:
        said.append("in another width, form or grouping")
    return " and ".join(said)


@dataclass
class Redactor:
    """Withholds the marked parts of one opinion's texts (or the consultation's own) and records each."""

    mark: str  # the ``redacted`` label, with ``{reason}`` unfilled
    number: int  # the opinion's, 0 for the consultation's own texts
    origin: str | None
    line: int | None
    listed: list[Listed]
    report: Callable[[str, int | None], None]  # a problem at a line
    found: list[Redaction]
    # Whose texts these are, at the start of a message: "opinion 3".
    whose: str = ""
    _used: list[bool] = field(init=False)
    _exact: list[bool] = field(init=False)
    _seen: list[str] = field(init=False)
    _needles: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self._used = [False] * len(self.listed)
        self._exact = [False] * len(self.listed)
        self._seen = [""] * len(self.listed)
        self._needles = [fold(item.text).text for item in self.listed]
        self.whose = self.whose or f"opinion {self.number}"

    def _mark(self, reason: str) -> str:
        return fill(self.mark, {"reason": reason})

    def apply(self, field: str, text: str, line: int | None = None) -> str:
        """``text`` with what is marked or listed withheld; problems at ``line`` (else the redactor's)."""
        if MARKER in text:
            text = self._inline(field, text, self.line if line is None else line)
        if self.listed:
            text = self._listed(field, text)
        return text

    def _listed(self, field: str, text: str) -> str:
        views = _Views(text)
        # Longest first, so that 川崎太郎 goes whole before a listed 太郎.
        for index in sorted(range(len(self.listed)), key=lambda i: -len(self._needles[i])):
            item, needle = self.listed[index], self._needles[index]
            if not needle:
                continue
            if item.text in text:
                self._exact[index] = True
            spans = views.spans(needle)
            if not spans:
                continue
            self._used[index] = True
            if not self._seen[index]:
                self._seen[index] = text[spans[0][0] : spans[0][1]]
            pieces = []
            position = 0
            for start, end in spans:
                pieces += [text[position:start], self._mark(item.reason)]
                self.found.append(self._record(field, item.reason, end - start, item.line))
                position = end
            text = "".join(pieces) + text[position:]
            views = _Views(text)
        return text

    def _inline(self, field: str, text: str, line: int | None) -> str:
        pieces = []
        position = 0
        for match in INLINE.finditer(text):
            if MARKER in match.group(2) or not match.group(2).strip():
                break  # nested, or empty: malformed from here
            withheld, reason = split_reason(match.group(2))
            pieces += [text[position : match.start()], self._mark(reason)]
            self.found.append(self._record(field, reason, len(withheld), line))
            position = match.end()
        rest = text[position:]
        malformed = rest.find(MARKER)
        if malformed < 0:
            return "".join(pieces) + rest
        # Nothing marked for withholding may be published: the rest of the field goes.
        self.report(
            f"{self.whose}: {{redact}} in {field!r} is not closed by a run of as many backticks as opened it "
            "(or is empty, or holds another {redact}); everything from it to the end of the field is withheld",
            line,
        )
        self.found.append(self._record(field, "", len(rest) - malformed, line))
        return "".join(pieces) + rest[:malformed] + self._mark("")

    def _record(self, field: str, reason: str, length: int, line: int | None) -> Redaction:
        return Redaction(number=self.number, field=field, reason=reason, length=length, line=line, origin=self.origin)

    def check_used(self) -> None:
        """A listed text found in no field is said (without the text: the warning is not published either),
        and so is one found only as a variant (with a space, in another width …)."""
        for index, item in enumerate(self.listed):
            reason = f" ({item.reason})" if item.reason else ""
            if not self._used[index]:
                self.report(
                    f"{self.whose}: a 'redactions' item{reason} of {len(item.text)} character(s) "
                    "matches nothing in its texts, so nothing was withheld for it; check its spelling",
                    item.line,
                )
            elif not self._exact[index]:
                self.report(
                    f"{self.whose}: a 'redactions' item{reason} of {len(item.text)} character(s) is not in its texts as written, "
                    f"only {variant(item.text, self._seen[index])}; that was withheld",
                    item.line,
                )


_MARKUP = "*_~"


class _Views:
    """A text folded as written and as a markdown text shows it (made when first asked for)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._plain: Folded | None = None
        self._markdown: Folded | None = None

    def spans(self, needle: str) -> list[tuple[int, int]]:
        """The spans of the text that read as ``needle`` (folded), merged, in order; a span that
        holds emphasis markers takes those right before and after it too, so none is left unpaired."""
        if self._plain is None:
            self._plain = fold(self.text)
        spans = self._plain.find_all(needle)
        if any(c in self.text for c in "&*_~`[]\\{"):
            if self._markdown is None:
                self._markdown = fold(self.text, markdown=True)
            for start, end in self._markdown.find_all(needle):
                if any(c in self.text[start:end] for c in _MARKUP):
                    while start > 0 and self.text[start - 1] in _MARKUP:
                        start -= 1
                    while end < len(self.text) and self.text[end] in _MARKUP:
                        end += 1
                spans.append((start, end))
        merged: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            if merged and start < merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged


LOG_HEADER = ("file", "line", "opinion", "field", "reason", "length")


def log_rows(redactions: list[Redaction]) -> list[tuple[str, str, str, str, str, str]]:
    """The redaction log's rows: where, which opinion (empty for the consultation's own texts), why,
    how many characters; never the text."""
    return [(r.origin or "", str(r.line or ""), str(r.number or ""), r.field, r.reason, str(r.length)) for r in redactions]
