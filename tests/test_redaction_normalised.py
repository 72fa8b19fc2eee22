"""Withholding and the personal-information check on folded text (core/textfold.py).

A listed text written otherwise (a space, an ideographic space, a zero-width
character, half-width kana, digits grouped otherwise, a character reference
or emphasis in markdown) is withheld all the same; ``{redact}`` works in
every published text, and a malformed one publishes nothing of what
follows it; personal information behind invisible characters or markdown
is found.  The build test searches the HTML, searchindex.js, _sources/,
the open data and the Atom feed of a small site for every withheld text.

Every withheld text holds 匿 (or, in half-width kana, ﾄｸ), which nothing
else here has; the telephone number is looked for by its digits.
"""

from __future__ import annotations

import dataclasses
import textwrap
import unicodedata
from pathlib import Path

import pytest

from pubcomment.core import loader, privacy, textfold
from pubcomment.core.labels import DEFAULT_LABELS
from pubcomment.render.safe_markdown import parse_text
from tests.support.tools import sphinx_build

MARK = DEFAULT_LABELS["redacted"]
SECRET = "架空匿子"  # a made-up name
DIGITS = "09000007391"
HEAD = "title: 見本\nbody: {name: 見本市}\nperiod: {start: 2025-12-03, end: 2026-01-05}\n"


def leaks(data: bytes) -> list[str]:
    """What of the withheld texts ``data`` holds, in any form a file could hold it."""
    text = data.decode("utf-8", errors="ignore")
    found = [form for form in ("匿", "\\u533f", "&#21311;", "&#x533f;", "ﾄｸ", "トク", "\\uff84\\uff78") if form.lower() in text.lower()]
    folded = unicodedata.normalize("NFKC", text)
    if "匿" in folded or "トク" in folded:
        found.append("NFKC")
    if DIGITS in "".join(c for c in folded if c.isdigit()):
        found.append(DIGITS)
    return found


def texts_of(value: object) -> list[str]:
    """Every text a consultation holds, however deep."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for k, v in value.items() for t in (*texts_of(k), *texts_of(v))]
    if isinstance(value, list | tuple):
        return [t for v in value for t in texts_of(v)]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [t for f in dataclasses.fields(value) for t in texts_of(getattr(value, f.name))]
    return []


def test_the_search_for_leaks_can_fail() -> None:
    assert leaks("架空匿子".encode()) and leaks(b"&#x533F;") and leaks("ｶｸｳﾄｸｺ".encode()) and leaks("０９０－００００－７３９１".encode())
    assert not leaks(MARK.encode())


# --- core: folding ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "needle", "span"),
    [
        ("前 川崎 太郎 後", "川崎太郎", "川崎 太郎"),
        ("前 川崎\u3000太郎 後", "川崎太郎", "川崎\u3000太郎"),
        ("前 川崎\u200b太郎 後", "川崎太郎", "川崎\u200b太郎"),
        ("前 川崎［U+200B］太郎 後", "川崎太郎", "川崎［U+200B］太郎"),
        ("前 ｶﾜｻｷ 後", "カワサキ", "ｶﾜｻｷ"),
        ("前 ｶﾞｸ 後", "ガク", "ｶﾞｸ"),
        ("前 090 0000 7391 後", "09000007391", "090 0000 7391"),
        ("前 ０９０ー００００ー７３９１ 後", "09000007391", "０９０ー００００ー７３９１"),
        ("前 Taro@Example.JP 後", "taro@example.jp", "Taro@Example.JP"),
    ],
)
def test_a_match_in_the_folded_text_is_the_span_of_the_text(text: str, needle: str, span: str) -> None:
    folded = textfold.fold(text)
    assert folded.find_all(textfold.fold(needle).text) == [(text.index(span), text.index(span) + len(span))]


def test_markdown_reads_as_it_is_shown() -> None:
    text = "前 **川崎**&#x592A;郎 後"
    folded = textfold.fold(text, markdown=True)
    assert folded.find_all("川崎太郎") == [(text.index("川"), text.index(" 後"))]
    assert textfold.fold(text).find_all("川崎太郎") == []


def test_look_alike_keys_have_one_skeleton() -> None:
    assert {textfold.skeleton(k) for k in ("A", "\u0410", "\u0391", "Ａ", "A\u200b", "A［U+200B］")} == {"A"}
    assert textfold.skeleton("a") != textfold.skeleton("A")  # keys differing in case stay two keys


# --- core: withholding -----------------------------------------------------------------------

VARIANTS = {
    "space": ("架空 匿子", False, "white space"),
    "ideographic space": ("架空\u3000匿子", False, "white space"),
    "zero-width space": ("架空\u200b匿子", False, "invisible"),
    "soft hyphen": ("架空匿\u00ad子", False, "invisible"),
    "entity": ("架空&#x533F;子", True, "character reference"),
    "emphasis": ("**架空**匿子", True, "markdown"),
}


@pytest.mark.parametrize("name", VARIANTS)
def test_a_listed_text_written_otherwise_is_withheld_and_said(name: str) -> None:
    written, markdown, said = VARIANTS[name]
    data = (
        HEAD
        + ("text_format: markdown\n" if markdown else "")
        + (f'opinions:\n  - summary: "前、{written}、後"\n    response: 考え方\n    redactions: [{{text: {SECRET}, reason: 個人名}}]\n')
    )
    loaded = loader.load_text(data)
    opinion = loaded.consultation.opinions[0]
    assert opinion.summary == f"前、{MARK}、後"
    privacy_problems = [p for p in loaded.problems if p.subtype.value == "privacy"]
    assert len(privacy_problems) == 1 and said in privacy_problems[0].message and "匿" not in privacy_problems[0].message
    # What a reader sees of it (render/safe_markdown.py) holds none of it either.
    shown = "".join(node.astext() for node in parse_text(opinion.summary, markdown=markdown))
    assert not leaks(shown.encode()) and MARK in shown


def test_half_width_kana_and_digit_grouping_are_withheld() -> None:
    data = HEAD + (
        'opinions:\n  - summary: "ｶｸｳﾄｸｺ と 090 0000 7391 と ０９０００００７３９１"\n    response: 考え方\n'
        "    redactions: [{text: カクウトクコ}, {text: 090-0000-7391}]\n"
    )
    loaded = loader.load_text(data)
    assert loaded.consultation.opinions[0].summary == f"{MARK} と {MARK} と {MARK}"


MALFORMED = [
    "{redact}``架空匿子` の件",
    "{redact}`架空匿子`` の件",
    "{redact}`架空匿子 の件",
    "{redact}`架空\\n匿子 の件",
    "{redact}`架空 {redact}`匿` 子` の件",
    "{redact}`` 架空匿子 の件",
]


@pytest.mark.parametrize("marked", MALFORMED)
def test_a_malformed_mark_is_one_problem_and_nothing_after_it_is_published(marked: str) -> None:
    loaded = loader.load_text(HEAD + f'opinions:\n  - summary: "前、{marked}、後"\n    response: 考え方\n')
    assert loaded.consultation.opinions[0].summary == f"前、{MARK}"
    assert [(p.subtype.value, p.line) for p in loaded.problems] == [("privacy", 5)]


def test_a_well_formed_mark_with_a_longer_fence_holds_backticks() -> None:
    loaded = loader.load_text(HEAD + 'opinions:\n  - summary: "前、{redact}``架空`匿子``、後"\n    response: 考え方\n')
    assert loaded.consultation.opinions[0].summary == f"前、{MARK}、後" and not loaded.problems


OWN = HEAD.replace("title: 見本", "title: '見本 {redact}`架空匿子`'") + textwrap.dedent(
    """\
    categories:
    - {key: A, description: '区分 {redact}`架空匿子`', label: '{redact}`匿`'}
    topics:
    - {title: '項目 {redact}`架空匿子`'}
    amendments:
    - {id: a1, summary: '概要 {redact}`架空匿子`', location: '{redact}`匿`', after: '後 {redact}`架空匿子`', before: '前 {redact}`匿`'}
    schedule:
    - {when: 2026-04, text: '予定 {redact}`架空匿子`'}
    labels: {overview_caption: '概要 {redact}`架空匿子`'}
    publicity: ['周知 {redact}`匿`']
    opinions:
    - {topic: '項目 ■■■', category: A, summary: 要旨 架空 匿子, response: 考え方, redactions: [架空匿子]}
    """
)


def test_every_published_text_may_withhold() -> None:
    loaded = loader.load_text(OWN)
    consultation = loaded.consultation
    assert not [t for t in texts_of(consultation) if "匿" in t]
    assert consultation.title == f"見本 {MARK}" and consultation.topics[0].id == f"項目 {MARK}"
    # Only the variant is said (the opinion's 架空 匿子); nothing else is wrong.
    assert [p.subtype.value for p in loaded.problems] == ["privacy"] and "white space" in loaded.problems[0].message
    assert {r.field for r in consultation.redactions if r.number == 0} >= {"title", "topic title", "schedule", "label overview_caption"}


def test_a_listed_text_is_withheld_from_the_consultations_own_texts_too() -> None:
    data = HEAD.replace("title: 見本", "title: 見本 架空匿子 の件") + (
        "opinions:\n  - {summary: 架空匿子 です, response: 考え方, redactions: [架空匿子]}\n"
    )
    consultation = loader.load_text(data).consultation
    assert consultation.title == f"見本 {MARK} の件"


# --- core: the personal-information check ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("電話 090-00\u200b00-7391 へ", "phone"),
        ("電話 090-0000-73\u00ad91 へ", "phone"),
        ("電話 090-00［U+200B］00-7391 へ", "phone"),
        ("メール mihon\u200b@example.jp へ", "email"),
        ("メール mihon@exa［U+E0041］mple.jp へ", "email"),
        ("電話 &#48;90-0000-7391 へ", "phone"),
        ("電話 090\\-0000\\-7391 へ", "phone"),
        ("メール mihon&#64;example.jp へ", "email"),
    ],
)
def test_personal_information_behind_invisibles_or_markdown_is_found(text: str, kind: str) -> None:
    found = privacy.find_patterns(text)
    assert [f.kind for f in found] == [kind]
    assert text[found[0].start] in "0&m" and text[found[0].end - 1] in "1p"


def test_the_consultations_own_texts_are_checked_at_their_lines() -> None:
    data = HEAD + (
        "schedule:\n- {when: 2026-04, text: '連絡は 090-0000-7391 へ'}\n"
        "opinions:\n  - summary: 要旨\n    response: 考え方\n  - summary: 連絡は mihon\u200b@example.jp\n    response: 考え方\n"
    )
    problems = privacy.check_consultation(loader.load_text(data).consultation, names=False)
    assert [(p.line, p.message.split(" may ")[0]) for p in problems] == [(5, "the consultation"), (9, "opinion 2")]
    assert all("7391" not in p.message and "example" not in p.message for p in problems)


def test_look_alike_keys_are_reported_at_the_second() -> None:
    data = HEAD + 'categories:\n- {key: A, description: 一}\n- {key: "\u0410", description: 二}\n'
    data += "topics:\n- {id: t, title: 一}\n- {id: ｔ, title: 二}\n"
    problems = loader.load_text(data).problems
    assert [(p.subtype.value, p.line) for p in problems] == [("category", 6), ("topic", 9)]
    assert "U+0410" in problems[0].message and "U+FF54" in problems[1].message


def test_invisible_code_points_are_shown_and_said() -> None:
    loaded = loader.load_text(HEAD + 'opinions:\n  - {summary: "前\u200b\u00ad\u200e\U000e0041後", response: 考え方}\n')
    assert loaded.consultation.opinions[0].summary == "前［U+200B］［U+00AD］［U+200E］［U+E0041］後"
    assert [p.subtype.value for p in loaded.problems] == ["text"]
    emoji = loader.load_text(HEAD + 'opinions:\n  - {summary: "👨\u200d👩 と 葛\U000e0100", response: 考え方}\n')
    assert not emoji.problems  # the joiner of an emoji sequence and a variation selector are text


# --- a build: nothing withheld in any file of the site ---------------------------------------------

DATA = OWN.replace(
    "opinions:\n", "status: published\npublished_results: 2026-02-01\ntext_format: {response: markdown}\nopinions:\n"
).replace(
    "- {topic: '項目 ■■■', category: A, summary: 要旨 架空 匿子, response: 考え方, redactions: [架空匿子]}\n",
    textwrap.dedent(
        """\
        - topic: '項目 ■■■'
          category: A
          summary: "要旨 架空 匿子、架空\\u3000匿子、ｶｸｳﾄｸｺ、090 0000 7391"
          response: "考え方 **架空**匿子 と 架空&#x533F;子"
          redactions: [架空匿子, カクウトクコ, 090-0000-7391]
        - topic: '項目 ■■■'
          category: A
          summary: "前 {redact}``架空匿子` 後"
          response: 考え方
        """
    ),
)
CONF = """\
extensions = ["myst_parser", "sphinx_design", "pubcomment"]
language = "ja"
project = "見本"
html_search_options = {"type": "pubcomment.search_ja.BigramSplitter"}
pubcomment_law_rules = []
# The variants and the malformed mark are said (pubcomment.privacy), as they must be.
suppress_warnings = ["pubcomment.privacy"]
"""
PARTS = "".join(
    f"\n```{{{part}}}\n```\n"
    for part in ("pc-overview", "pc-results", "pc-legend", "pc-tally", "pc-opinions", "pc-amendments", "pc-schedule", "pc-downloads")
)


def test_nothing_withheld_reaches_the_html_search_index_sources_open_data_or_feed(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "html"
    src.mkdir()
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    (src / "data.yaml").write_text(DATA, encoding="utf-8")
    (src / "index.md").write_text("# 見本の一覧\n\n```{pc-index}\n```\n\n```{toctree}\nfile\nembedded\n```\n", encoding="utf-8")
    (src / "file.md").write_text(f"# 見本（ファイル）\n\n```{{pc-consultation}}\n:file: data.yaml\n```\n{PARTS}", encoding="utf-8")
    embedded = DATA.replace("title: '見本", "title: '見本二")
    (src / "embedded.md").write_text(f"# 見本（埋め込み）\n\n```{{pc-consultation}}\n:name: two\n{embedded}```\n{PARTS}", encoding="utf-8")
    sphinx_build("-b", "html", "-d", str(tmp_path / "doctrees"), str(src), str(out))
    files = {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    for needed in ("file.html", "embedded.html", "searchindex.js", "_sources/file.md.txt"):
        assert needed in files
    assert [name for name in files if name.startswith("opendata/")], "no open data written"
    feeds = [name for name in files if name.endswith((".xml", ".atom"))]
    assert feeds and MARK.encode() in files[feeds[0]], "no feed, or the feed has no withheld title"
    assert files["file.html"].count(MARK.encode()) >= 10
    found = {name: where for name, data in files.items() if (where := leaks(data))}
    assert not found, f"withheld text in the output: {found}"
