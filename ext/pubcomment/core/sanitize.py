"""Code points that must not reach a page as they are: shown as ［U+XXXX］ instead.

* C0 and C1 control characters (but tab and line breaks) and DEL: they
  are invalid in XHTML (ePub), stop LaTeX, and are invisible in HTML;
* bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069):
  they reorder the text around them on screen, so a file name 「…fdp.exe」
  could read 「…exe.pdf」;
* code points that show as nothing: zero-width space and non-joiner
  (U+200B, U+200C), word joiner and invisible operators (U+2060–U+2064),
  zero-width no-break space (U+FEFF), soft hyphen (U+00AD), Mongolian
  vowel separator (U+180E), the directional marks LRM, RLM and ALM
  (U+200E, U+200F, U+061C) and tag characters (U+E0000–U+E007F): inside
  a name or a telephone number they hide it from a search, a check and
  the withholding of a listed text (the zero-width joiner of an emoji
  sequence and variation selectors are text, and kept);
* noncharacters (U+FDD0–U+FDEF and U+xFFFE/U+xFFFF of every plane) and
  lone surrogates (what a JSON ``\\ud842`` without its pair decodes to):
  they are not text.

They are made visible, not removed, so that nothing a citizen typed
vanishes silently; each text that held any gets one ``pubcomment.text``
warning (the callers report it).  Surrogate pairs left as two code points
(JSON ``\\ud842\\udfb7``, as Python's own ``json.dumps`` writes 𠮷) are
joined into the one character they encode first.
"""

from __future__ import annotations

import re

_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
_UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ud800-\udfff"
    "\u00ad\u061c\u180e\u200b\u200c\u200e\u200f\u2060-\u2064\ufeff\U000e0000-\U000e007f"
    "\ufffe\uffff\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U0004fffe\U0004ffff"
    "\U0005fffe\U0005ffff\U0006fffe\U0006ffff\U0007fffe\U0007ffff\U0008fffe\U0008ffff\U0009fffe\U0009ffff"
    "\U000afffe\U000affff\U000bfffe\U000bffff\U000cfffe\U000cffff\U000dfffe\U000dffff\U000efffe\U000effff"
    "\U000ffffe\U000fffff\U0010fffe\U0010ffff]"
)


def _join_pair(match: re.Match[str]) -> str:
    return match.group().encode("utf-16", "surrogatepass").decode("utf-16")


def _surely_safe(text: str) -> bool:
    """Whether ``text`` holds none of _UNSAFE, by str.isprintable() (every unsafe
    code point is unprintable, tests/unit/test_sanitize.py): five times faster than the
    search on Japanese text, which is 2 s of reading 100,000 opinions."""
    if text.isprintable():
        return True
    return text.replace("\n", "").replace("\u3000", "").replace("\r", "").replace("\t", "").isprintable()


def visible(text: str) -> tuple[str, list[str]]:
    """``text`` with unsafe code points as ［U+XXXX］, and the code points found (as U+XXXX)."""
    if not _surely_safe(text) and _UNSAFE.search(text):  # surrogates are among them
        text = _SURROGATE_PAIR.sub(_join_pair, text)
        found: list[str] = []

        def show(match: re.Match[str]) -> str:
            code = f"U+{ord(match.group()):04X}"
            found.append(code)
            return f"［{code}］"

        return _UNSAFE.sub(show, text), found
    return text, []


def describe(found: list[str]) -> str:
    """``U+202E, U+0007`` (each once, at most five) for a warning."""
    unique = list(dict.fromkeys(found))
    return ", ".join(unique[:5]) + (" …" if len(unique) > 5 else "")
