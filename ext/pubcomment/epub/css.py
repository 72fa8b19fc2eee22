"""Stylesheets an ePub reader accepts: the site's CSS less what EPUBCheck rejects.

EPUBCheck's CSS parser does not know ``:is()``, ``:where()`` and ``:has()``
(it fails with CSS-008), which the site's stylesheets (the theme's,
sphinx-design's, ours) use.  Each selector that holds one is dropped from
its rule, and a rule left without any goes; everything else is kept as it is.
"""

from __future__ import annotations

import re
from pathlib import Path

# Selectors that EPUBCheck's CSS parser does not know (it fails with CSS-008).
UNSUPPORTED_SELECTOR = re.compile(r":(?:is|where|has|matches|-webkit-any|-moz-any)\(")
# At-rules whose block holds rules (the others hold declarations).
NESTING_AT_RULES = ("@media", "@supports", "@document", "@layer")


def ebook_css(css: str) -> str:
    """The stylesheet without selectors EPUBCheck rejects; a rule left without any goes."""
    return _filter_rules(re.sub(r"/\*.*?\*/", "", css, flags=re.S))


def _filter_rules(text: str) -> str:
    out: list[str] = []
    position = 0
    while True:
        opening = text.find("{", position)
        if opening < 0:
            out.append(text[position:])
            return "".join(out)
        closing = _matching_brace(text, opening)
        prelude, block = text[position:opening], text[opening + 1 : closing]
        head = prelude.strip()
        if head.startswith("@"):
            if head.startswith(NESTING_AT_RULES):
                block = _filter_rules(block)
            out.append(f"{prelude}{{{block}}}")
        else:
            kept = [selector for selector in _split_selectors(prelude) if not UNSUPPORTED_SELECTOR.search(selector)]
            if kept:
                out.append(f"{','.join(kept)}{{{block}}}")
        position = closing + 1


def _matching_brace(text: str, opening: int) -> int:
    depth = 0
    for index in range(opening, len(text)):
        if text[index] == "{":
            depth += 1
        elif text[index] == "}":
            depth -= 1
            if depth == 0:
                return index
    return len(text) - 1


def _split_selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside ``:not(a, b)``)."""
    parts: list[str] = []
    depth = 0
    start = 0
    for index, char in enumerate(prelude):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(prelude[start:index])
            start = index + 1
    parts.append(prelude[start:])
    return parts


def clean_stylesheets(outdir: Path) -> None:
    for path in sorted((outdir / "_static").glob("**/*.css")):
        css = path.read_text(encoding="utf-8")
        cleaned = ebook_css(css)
        if cleaned != css:
            path.write_text(cleaned, encoding="utf-8")
