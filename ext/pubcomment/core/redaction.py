"""Withholding part of a text (一部非公開): done once, as the data is read.

Two ways to mark what is withheld, in any text field of an opinion
(``summary``, ``response`` and their notes), in plain and in markdown
texts alike:

* inline, ``{redact}`川崎太郎``` or with a reason ``{redact}`川崎太郎 <個人名>```;
* a ``redactions:`` list on the opinion, ``- {text: 川崎太郎, reason: 個人名}``
  (in a CSV cell, one ``text <reason>`` a line): every occurrence of the
  text in the opinion's fields is withheld.

The withheld text is replaced by the ``redacted`` label (「■■■」, which may
say ``{reason}``) before the :class:`~.model.Opinion` is made, so no
renderer, search index, pickle or output ever holds it.  What is kept is a
:class:`~.model.Redaction` per withheld span: where, why and how long,
never the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .labels import fill
from .model import Redaction

# {redact}`…` with any run of backticks as its fence (``{redact}``a`b`` ``).
INLINE = re.compile(r"\{redact\}(`+)(.*?)\1", re.DOTALL)
_OPEN = re.compile(r"\{redact\}`")
_REASON = re.compile(r"^(.*?)\s*<([^<>\n]*)>\s*$", re.DOTALL)


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


@dataclass
class Redactor:
    """Withholds the marked parts of one opinion's texts and records each."""

    mark: str  # the ``redacted`` label, with ``{reason}`` unfilled
    number: int
    origin: str | None
    line: int | None
    listed: list[Listed]
    report: Callable[[str, int | None], None]  # a problem at a line
    found: list[Redaction]

    def __post_init__(self) -> None:
        self._used = [False] * len(self.listed)

    def _mark(self, reason: str) -> str:
        return fill(self.mark, {"reason": reason})

    def apply(self, field: str, text: str) -> str:
        if "{redact}" in text:
            text = self._inline(field, text)
        # Longest first, so that 川崎太郎 goes whole before a listed 太郎.
        for index in sorted(range(len(self.listed)), key=lambda i: -len(self.listed[i].text)):
            item = self.listed[index]
            if item.text and item.text in text:
                self._used[index] = True
                occurrences = text.count(item.text)
                text = text.replace(item.text, self._mark(item.reason))
                self.found.extend(self._record(field, item.reason, len(item.text), item.line) for _ in range(occurrences))
        return text

    def _inline(self, field: str, text: str) -> str:
        def withhold(match: re.Match[str]) -> str:
            withheld, reason = split_reason(match.group(2))
            self.found.append(self._record(field, reason, len(withheld), self.line))
            return self._mark(reason)

        text = INLINE.sub(withhold, text)
        unclosed = _OPEN.search(text)
        if unclosed:
            # Nothing marked for withholding may be published: the rest of the line goes.
            end = text.find("\n", unclosed.end())
            end = len(text) if end < 0 else end
            self.report(
                f"opinion {self.number}: {{redact}}` in {field!r} is not closed by a backtick; the rest of its line is withheld", self.line
            )
            self.found.append(self._record(field, "", end - unclosed.end(), self.line))
            text = text[: unclosed.start()] + self._mark("") + text[end:]
        return text

    def _record(self, field: str, reason: str, length: int, line: int | None) -> Redaction:
        return Redaction(number=self.number, field=field, reason=reason, length=length, line=line, origin=self.origin)

    def check_used(self) -> None:
        """A listed text found in no field is said (without the text: the warning is not published either)."""
        for used, item in zip(self._used, self.listed, strict=True):
            if not used:
                reason = f" ({item.reason})" if item.reason else ""
                self.report(
                    f"opinion {self.number}: a 'redactions' item{reason} of {len(item.text)} character(s) "
                    "matches nothing in its texts, so nothing was withheld for it; check its spelling",
                    item.line,
                )


LOG_HEADER = ("file", "line", "opinion", "field", "reason", "length")


def log_rows(redactions: list[Redaction]) -> list[tuple[str, str, str, str, str, str]]:
    """The redaction log's rows: where, which opinion, why, how many characters; never the text."""
    return [(r.origin or "", str(r.line or ""), str(r.number), r.field, r.reason, str(r.length)) for r in redactions]
