"""Personal information in opinion texts: what may need withholding before publication.

Structured kinds are found by regular expressions on a width-folded copy
of the text (full-width digits and signs read as ASCII, one character for
one, so positions stay those of the text):

* ``phone``: Japanese numbers, 03-1234-5678, 090-1234-5678, (044)200-2111,
  044(200)2111, 0312345678, +81-44-200-2111, with any dash;
* ``email``: addresses, also with ＠;
* ``postal``: 〒210-8577, 210-8577 (three digits, dash, four);
* ``address``: a place (…都・道・府・県・市・区・町・村・郡) followed by a
  block number (3丁目2番1号, 2番地, 1-2-3);
* ``mynumber``: twelve digits whose last is the 個人番号 check digit
  (行政手続における特定の個人を識別するための番号の利用等に関する法律施行令8条);
  twelve digits that fail it are not an individual number.

``name`` (a person's name) comes from core/names.py, which needs nothing
installed: a list of surnames and the words around a name (honorifics,
titles, 氏名：labels, signatures).  With ``ginza``, GiNZA's named-entity
recogniser (``ja_ginza``, the optional ``privacy`` extra) adds its ``Person``
entities and names before an honorific (様・さん・氏・君・殿) it tags otherwise;
it finds more, about a thousand times more slowly.

Each text is also read folded (core/textfold.py: invisible code points and
their ［U+XXXX］ left out, NFKC, and as a markdown text shows it, character
references decoded and emphasis left out) when it holds anything folding
changes, so that 090\u200b1234-5678, taro\u00ad@example.jp and
``&#48;90-1234-5678`` are found too; a finding is reported as the
characters of the text that make it up.

The texts checked are those core/opinion_fields.py marks ``scanned`` of
each opinion, reported at the line of the first field with a finding, and
the consultation's own published texts (core/published.py: the title,
topics, categories, amendments, schedule, labels …), each at its line.

Text already withheld (core/redaction.py) is never found: the mark replaced it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from . import names as builtin_names
from . import opinion_fields, published, reuse
from .memory import paused_cycle_collection
from .model import Consultation, Opinion
from .opinion_fields import SCANNED
from .problems import Problem, Subtype
from .textfold import fold

KINDS = ("phone", "email", "postal", "address", "mynumber", "name")
KIND_WORDS = {
    "phone": "電話番号",
    "email": "メールアドレス",
    "postal": "郵便番号",
    "address": "住所",
    "mynumber": "個人番号",
    "name": "個人名",
}

# One character for one: positions in the folded text are those of the text.
_FOLD: dict[int, str] = {0xFF10 + i: str(i) for i in range(10)}
_FOLD.update(
    {
        ord(c): chr(ord(c) - 0xFEE0)
        for c in "ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ＋（）＠．＿"
    }
)
_FOLD.update({ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc\uff0d\uff70"})
_FOLD[0x3000] = " "

_D = r"(?<![0-9A-Za-z])"  # not inside a longer number, nor a code of letters and digits (base64, ids)
_E = r"(?![0-9A-Za-z])"
_SEP = r"[- ]?"
PHONE = re.compile(
    _D + r"(?:"
    r"\+81[- ]?\(?0?\)?[1-9][0-9]{0,3}[- ]?[0-9]{1,4}[- ]?[0-9]{3,4}"  # +81-44-200-2111, +81 90 1234 5678
    # A number dialled in Japan starts 0 and a digit from 1 (00… selects a
    # carrier or dials abroad): 0000123456 in a pasted address is a page's id.
    r"|\(0[1-9][0-9]{0,3}\)[- ]?[0-9]{1,4}[- ]?[0-9]{3,4}"  # (044)200-2111
    r"|0[1-9][0-9]{0,3}\([0-9]{1,4}\)[0-9]{3,4}"  # 044(200)2111
    r"|0[1-9][0-9]{0,3}-[0-9]{1,4}-[0-9]{3,4}"  # 03-1234-5678, 090-1234-5678, 0120-123-456
    r"|0[1-9][0-9]{8,9}"  # 0312345678, 09012345678
    r")" + _E
)
EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9])")
POSTAL = re.compile(r"〒\s?[0-9]{3}-?[0-9]{4}" + _E + "|" + _D + r"(?<![0-9]-)[0-9]{3}-[0-9]{4}(?!-?[0-9])")
_KANJI_NUMBER = "一二三四五六七八九十"
_PLACE = r"[\u4e00-\u9fffヶケ々ァ-ヴぁ-ん]"
_NUMBER = rf"(?:[0-9]+|[{_KANJI_NUMBER}]+)"
ADDRESS = re.compile(
    rf"(?:{_PLACE}{{1,4}}[都道府県])?{_PLACE}{{1,6}}?[市区町村郡]"
    rf"(?!役所|役場|庁|内|民|長|議|営|立|政|域|外|全|制)"  # 区役所2番窓口, 市内2か所, 市民1人 are no addresses
    rf"{_PLACE}{{0,8}}?"
    rf"{_NUMBER}(?:丁目{_NUMBER}?(?:番地?{_NUMBER}?号?)?|番地(?:{_NUMBER}号?)?|番{_NUMBER}号|-[0-9]+(?:-[0-9]+)?)"
)
MYNUMBER = re.compile(_D + r"[0-9]{4}[- ]?[0-9]{4}[- ]?[0-9]{4}" + _E)
HONORIFIC = re.compile(r"(様|さん|氏|君|殿|先生)")

# What each kind cannot do without, looked for before the patterns run: most
# opinions hold none of it, and the address pattern tries every run of kanji
# (at 10,000 opinions the patterns took 3 s, the look-ahead a tenth of it).
_HAS_DIGIT = re.compile(r"[0-9]")
_FOLDED_MATTERS = re.compile(r"[0-9０-９@＠]")
_ADDRESS_END = re.compile(r"丁目|番|-[0-9]")
_ADDRESS_PLACE = re.compile(r"[市区町村郡]")


def mynumber_valid(digits: str) -> bool:
    """Whether twelve digits end in the 個人番号 check digit.

    With P(n) the n-th digit counted from the right leaving out the check
    digit (n = 1 … 11) and Q(n) = n + 1 for n ≤ 6, n − 5 for n ≥ 7, the
    check digit is 0 when Σ P(n)Q(n) mod 11 ≤ 1, and 11 minus it otherwise.
    """
    if len(digits) != 12 or not digits.isascii() or not digits.isdigit():
        return False
    body = digits[:11]
    total = sum(int(body[11 - n]) * (n + 1 if n <= 6 else n - 5) for n in range(1, 12))
    remainder = total % 11
    return int(digits[11]) == (0 if remainder <= 1 else 11 - remainder)


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int

    def masked(self, text: str) -> str:
        """The found text with all but its first two characters hidden (warnings are logged, not published, but still)."""
        found = text[self.start : self.end]
        return found[:2] + "＊" * max(len(found) - 2, 1)


# What may hide a finding from the patterns: invisible code points (or their ［U+XXXX］), a
# character reference, a backslash escape or emphasis of markdown.
_MAY_HIDE = re.compile(
    r"[\u00ad\u034f\u061c\u180e\u200b-\u200f\u2060-\u2064\ufeff\U000e0000-\U000e007f]|［U\+|&#?\w+;|\\[!-/:-@\[-`{-~]|[*_~`]"
)

_HIDING_START = re.compile("[［&\\\\*_~`\u00ad\u034f\u061c\u180e\u200b-\u200f\u2060-\u2064\ufeff\U000e0000-\U000e007f]")


def _may_hide(text: str) -> bool:
    """_MAY_HIDE.search(text), after a look for any character it starts with (a fifth of its time on most texts)."""
    return _HIDING_START.search(text) is not None and _MAY_HIDE.search(text) is not None


def find_patterns(text: str) -> list[Finding]:
    """The structured kinds in ``text``, and in ``text`` folded (see the module) when that may hide one;
    a span found as one kind is not found as another."""
    found = _find_patterns(text)
    if not _may_hide(text):
        return found
    views = [fold(text, spaces=False, case=False)]
    if "&" in text or "\\" in text or any(c in text for c in "*_~`"):
        views.append(fold(text, spaces=False, case=False, markdown=True))
    for view in views:
        if view.text == text:
            continue
        for finding in _find_patterns(view.text):
            start, end = view.span(finding.start, finding.end)
            if not any(start < f.end and f.start < end for f in found):
                found.append(Finding(finding.kind, start, end))
    return sorted(found, key=lambda f: f.start)


def _find_patterns(text: str) -> list[Finding]:
    """The structured kinds in ``text`` as it is; a span found as one kind is not found as another."""
    # Without a digit or an at sign, folding changes nothing a pattern reads.
    folded = text.translate(_FOLD) if _FOLDED_MATTERS.search(text) else text
    found: list[Finding] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, start: int, end: int) -> None:
        if any(start < b and a < end for a, b in taken):
            return
        taken.append((start, end))
        found.append(Finding(kind, start, end))

    if "@" in folded:
        for match in EMAIL.finditer(folded):
            add("email", *match.span())
    if _HAS_DIGIT.search(folded):
        for match in MYNUMBER.finditer(folded):
            if mynumber_valid(re.sub(r"[- ]", "", match.group())):
                add("mynumber", *match.span())
        for match in PHONE.finditer(folded):
            add("phone", *match.span())
        for match in POSTAL.finditer(folded):
            add("postal", *match.span())
    if _ADDRESS_END.search(folded) and _ADDRESS_PLACE.search(folded):
        for match in ADDRESS.finditer(folded):
            add("address", *match.span())
    return sorted(found, key=lambda f: f.start)


@functools.cache
def _nlp() -> Any:
    """GiNZA's pipeline with only what the entities need, or None when it is not installed."""
    try:
        import spacy
    except ImportError:
        return None
    try:
        return spacy.load("ja_ginza", exclude=["parser", "compound_splitter", "bunsetu_recognizer"])
    except (OSError, ImportError):
        return None


def names_available() -> bool:
    """Whether personal names can be checked (the built-in list of surnames is there)."""
    return builtin_names.available()


def ginza_available() -> bool:
    """Whether GiNZA's ``ja_ginza`` is installed, to find names too."""
    return _nlp() is not None


def _name_findings(doc: Any) -> Iterator[Finding]:
    for entity in doc.ents:
        if entity.label_ == "Person":
            yield Finding("name", entity.start_char, entity.end_char)
    # A name the recogniser tagged otherwise (or not at all) before an honorific: 川崎太郎様.
    tokens = list(doc)
    for index, token in enumerate(tokens[1:], start=1):
        if HONORIFIC.fullmatch(token.text):
            previous = tokens[index - 1]
            if previous.pos_ == "PROPN" and previous.ent_type_ in ("", "Person", "Province", "City"):
                start = previous.idx
                if index >= 2 and tokens[index - 2].pos_ == "PROPN":
                    start = tokens[index - 2].idx
                yield Finding("name", start, previous.idx + len(previous.text))


def find_names(texts: Iterable[str], *, ginza: bool = False) -> list[list[Finding]]:
    """Personal names in each text: core/names.py's, and with ``ginza`` GiNZA's too
    when it is installed.  A name has a letter: the mark of withheld text (■■■) before 様 is none."""
    texts = list(texts)
    found = [[Finding("name", start, end) for start, end in builtin_names.find(text)] for text in texts]
    nlp = _nlp() if ginza else None
    if nlp is None:
        return found
    result = []
    for text, mine, doc in zip(texts, found, nlp.pipe(texts, batch_size=64), strict=True):
        named = {f for f in _name_findings(doc) if any(c.isalpha() for c in text[f.start : f.end])}
        named.update(f for f in mine if not any(f.start < n.end and n.start < f.end for n in named))
        result.append(sorted(named, key=lambda f: f.start))
    return result


def find(texts: Iterable[str], *, names: bool = True, ginza: bool = False) -> list[list[Finding]]:
    """Every kind in each text: the patterns, then names that overlap none of them."""
    texts = list(texts)
    patterns = [find_patterns(text) for text in texts]
    if not names:
        return patterns
    result = []
    for found, named in zip(patterns, find_names(texts, ginza=ginza), strict=True):
        extra = [n for n in named if not any(n.start < f.end and f.start < n.end for f in found)]
        result.append(sorted(found + extra, key=lambda f: f.start))
    return result


def _fields(opinion: Opinion, names: tuple[str, ...] = SCANNED) -> list[tuple[str, str]]:
    """The opinion's texts core/opinion_fields.py says are checked (SCANNED): the body's answer too, as it may quote the citizen;
    and a field published on request (``publish: [submission]``) when the data publishes it."""
    found: list[tuple[str, str]] = []
    for name in names:
        value = getattr(opinion, name)
        found.extend((name, text) for text in (value if isinstance(value, list) else [value]))
    return found


def check_consultation(consultation: Consultation, *, names: bool = True, ginza: bool = False, allow: Iterable[str] = ()) -> list[Problem]:
    """One ``pubcomment.privacy`` problem per opinion whose texts may hold personal
    information, at the opinion's line.  Texts in ``allow`` (the body's own
    telephone number, say) are not reported.  With reuse on (core/reuse.py),
    an opinion the last check of its file saw is not checked again."""
    allowed = frozenset(fold(a, spaces=False, case=False).text.translate(_FOLD) for a in allow if a)
    opinions = consultation.opinions
    scanned = opinion_fields.scanned(consultation.publish)
    kind = ("privacy names ginza" if ginza else "privacy names") if names else "privacy"
    checked = reuse.memo(kind, opinions[0].origin if opinions else None)
    result: dict[int, Problem | None] = {}
    if checked is not None:
        # The look-ups make a key each and no cycles; after a reading of 100,000 opinions the
        # collector, scanning what was just read, took most of their time (1.4 of 1.6 s).
        with paused_cycle_collection():
            for opinion in opinions:
                kept = checked.get((reuse.Same(opinion), allowed, scanned))
                if kept is not None:
                    result[id(opinion)] = kept[0]
    unchecked = [opinion for opinion in opinions if id(opinion) not in result]
    pairs = [(opinion, field, text) for opinion in unchecked for field, text in _fields(opinion, scanned) if text]
    found = find((text for _o, _f, text in pairs), names=names, ginza=ginza)
    listed: dict[int, list[str]] = {}
    first: dict[int, str] = {}
    for (opinion, field, text), findings in zip(pairs, found, strict=True):
        shown = _shown(text, findings, allowed)
        if shown:
            first.setdefault(id(opinion), field)
            listed.setdefault(id(opinion), []).extend(f"{said} in {field!r}" for said in shown)
    for opinion in unchecked:
        problem = (
            _problem(f"opinion {opinion.number}", listed[id(opinion)], opinion.place(first[id(opinion)]), opinion.origin)
            if id(opinion) in listed
            else None
        )
        result[id(opinion)] = problem
        if checked is not None:
            checked.put((reuse.Same(opinion), allowed, scanned), (problem,))
    own = _own_texts(consultation, names, ginza, allowed)
    return own + [problem for problem in (result[id(opinion)] for opinion in opinions) if problem is not None]


def _shown(text: str, findings: list[Finding], allowed: frozenset[str]) -> list[str]:
    """The findings of ``text`` not allowed, as said in a warning (masked)."""
    return [
        f"{KIND_WORDS[f.kind]}「{f.masked(text)}」"
        for f in findings
        if fold(text[f.start : f.end], spaces=False, case=False).text.translate(_FOLD) not in allowed
    ]


def _own_texts(consultation: Consultation, names: bool, ginza: bool, allowed: frozenset[str]) -> list[Problem]:
    """One problem per text of the consultation's own (core/published.py) that may hold personal information, at its line."""
    texts = [(what, text, line) for what, text, line, _put in published.consultation_texts(consultation)]
    problems = []
    for (what, text, line), findings in zip(texts, find((text for _w, text, _l in texts), names=names, ginza=ginza), strict=True):
        shown = _shown(text, findings, allowed)
        if shown:
            problems.append(_problem("the consultation", [f"{said} in {what!r}" for said in shown], line, consultation.origin))
    return problems


def _problem(whose: str, listed: list[str], line: int | None, origin: str | None) -> Problem:
    said = "、".join(listed[:5]) + (" …" if len(listed) > 5 else "")
    return Problem(
        Subtype.PRIVACY,
        f"{whose} may hold personal information: {said}; "
        "withhold it with {redact}`…` or a 'redactions' item, or suppress pubcomment.privacy",
        line,
        origin,
    )
