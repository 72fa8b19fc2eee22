"""Hostile cases of withholding (一部非公開) and of the personal-information check.

* a listed text written otherwise in the opinion (a space, an ideographic
  space, a zero-width character, half-width kana, digits grouped
  otherwise, a character reference or emphasis in markdown): withheld all
  the same, with a pubcomment.privacy warning that says which variant;
* a malformed ``{redact}`` (backticks that do not pair, unclosed, nested):
  one pubcomment.privacy warning, and nothing from it to the end of the
  field published;
* ``{redact}`` in the consultation's own texts (title, topic, category,
  amendment, schedule, label): withheld, no warning;
* personal information hidden by invisible characters or markdown: found;
* invisible code points: shown as ［U+XXXX］ with pubcomment.text;
* look-alike category keys and topic ids: one warning at the second.

The names, numbers and addresses are made up (架空, 090-0000-xxxx, example.jp).
The corpus has eight classes: withholding and the check are "loss" (what
must not reach a reader), the code points "chars", the keys "ids".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .cases import Case, Expect, Factory, file_case, head_lines, line_of

NAME = "架空山見本子"  # a made-up name; withheld, so neither half may be published
NAME_PARTS = ("架空山", "見本子")
PHONE = "090-0000-7391"
PHONE_TAIL = "7391"
MARK = "■■■"


def data(*opinions: list[str], head: list[str] | None = None, tail: tuple[str, ...] = ()) -> str:
    lines = head or head_lines()
    lines = [*lines, *tail, "opinions:"]
    for item in opinions:
        lines += item
    return "\n".join(lines) + "\n"


def opinion(summary: str, *, response: str = "見本の考え方です。", listed: tuple[str, ...] = (), topic: str = "t") -> list[str]:
    # Double-quoted, escapes as written: \\u200b is the code point, \\n a line break.
    lines = [f"- topic: {topic}", "  category: A", f'  summary: "{summary}"', f'  response: "{response}"']
    if listed:
        lines.append("  redactions:")
        lines += [f'    - {{text: "{text}", reason: 個人名}}' for text in listed]
    return lines


# --- a listed text written otherwise ---------------------------------------------

# (name, the text as the opinion has it (YAML double-quoted escapes), the listed text, the variant said, markdown, invisible)
LISTED_VARIANTS = [
    ("space", "架空山 見本子", NAME, "white space", False, None),
    ("ideographic-space", "架空山\\u3000見本子", NAME, "white space", False, None),
    ("zero-width-space", "架空山\\u200b見本子", NAME, "invisible", False, "U+200B"),
    ("soft-hyphen", "架空山\\u00ad見本子", NAME, "invisible", False, "U+00AD"),
    ("word-joiner", "架空山\\u2060見本子", NAME, "invisible", False, "U+2060"),
    ("rlm", "架空山\\u200f見本子", NAME, "invisible", False, "U+200F"),
    ("half-width-kana", "ｶｸｳﾔﾏﾐﾎﾝｺ", "カクウヤマミホンコ", "another width", False, None),
    ("half-width-voiced", "ｶﾞｸｳﾔﾏﾐﾎﾞﾝｺ", "ガクウヤマミボンコ", "another width", False, None),
    ("digit-grouping", "090 0000 7391", PHONE, "white space", False, None),
    ("digits-no-dash", "09000007391", PHONE, "another width", False, None),
    ("full-width-digits", "０９０－００００－７３９１", PHONE, "another width", False, None),
    ("entity", "架空山&#x898B;本子", NAME, "character reference", True, None),
    ("entity-decimal", "架空&#23665;見本子", NAME, "character reference", True, None),
    ("emphasis-split", "**架空山**見本子", NAME, "markdown", True, None),
    ("underscore-split", "架空山_見本_子", NAME, "markdown", True, None),
]


def listed_variant_cases() -> Iterator[Factory]:
    for name, written, listed, said, markdown, invisible in LISTED_VARIANTS:

        def build(
            tag: str,
            name: str = name,
            written: str = written,
            listed: str = listed,
            said: str = said,
            markdown: bool = markdown,
            invisible: str | None = invisible,
        ) -> Case:
            before, after = f"見本{tag}の前文、", "、後文です。"
            text = data(opinion(before + written + after, listed=(listed,)), tail=("text_format: markdown",) if markdown else ())
            expected = [Expect("privacy", f"data.yaml:{line_of(text, '- {text:')}", said)]
            if invisible:
                expected.append(Expect("text", f"data.yaml:{line_of(text, 'summary:')}", re.escape(invisible)))
            secret = NAME_PARTS if listed == NAME else (PHONE_TAIL,) if listed == PHONE else ("ｶｸｳ", "ｶﾞｸｳ", "ﾐﾎﾝ", "ﾐﾎﾞﾝ")
            return file_case(
                f"redact-listed-{name}",
                "loss",
                text,
                expected=tuple(expected),
                texts=(before + MARK + after,),
                withheld=secret,
                note=f"a listed text written with {said}: withheld, and the warning says so",
            )

        yield build


# --- malformed {redact} ------------------------------------------------------------

MALFORMED = [
    ("two-then-one", "{redact}``架空山見本子` の件"),
    ("one-then-two", "{redact}`架空山見本子`` の件"),
    ("unclosed", "{redact}`架空山見本子 の件"),
    ("unclosed-multiline", "{redact}`架空山\\n見本子 の件"),
    ("nested", "{redact}`架空 {redact}`山` 見本子` の件"),
    ("empty-then-name", "{redact}`` 架空山見本子 の件"),
]


def malformed_cases() -> Iterator[Factory]:
    for name, marked in MALFORMED:

        def build(tag: str, name: str = name, marked: str = marked) -> Case:
            before = f"見本{tag}の前文、"
            text = data(opinion(before + marked + "、後文です。"))
            return file_case(
                f"redact-malformed-{name}",
                "loss",
                text,
                expected=(Expect("privacy", f"data.yaml:{line_of(text, 'summary:')}", "not closed"),),
                texts=(before + MARK,),
                withheld=(*NAME_PARTS, "後文です"),
                note="a malformed {redact}: one warning, and everything from it to the end of the field withheld",
            )

        yield build


# --- {redact} in the consultation's own texts ------------------------------------------

SECRET = "{redact}`架空山見本子 <個人名>`"


def _own(tag: str) -> dict[str, tuple[list[str], tuple[str, ...], tuple[str, ...], str]]:
    """where → (the data's head lines, more lines, parts, the text the page must show)."""
    base = head_lines()
    amendment = (
        "amendments:",
        "- id: a1",
        f"  summary: '見本{tag}の変更、{SECRET}の提案による'",
        "  location: 第1章",
        f"  after: '見本{tag}の変更後、{SECRET}を含む'",
        "  before: 変更前の見本",
    )
    return {
        "title": (
            [line if not line.startswith("title:") else f"title: '見本{tag}の件名{SECRET}'" for line in base[:4]]
            + ["categories:", "- {key: A, description: 見本の区分}"],
            (),
            ("pc-overview", "pc-results", "pc-opinions"),
            f"見本{tag}の件名{MARK}",
        ),
        "topic": (
            [*base[: base.index("topics:") + 1], f"- {{id: t, title: '見本{tag}の項目{SECRET}'}}"],
            (),
            ("pc-opinions",),
            f"見本{tag}の項目{MARK}",
        ),
        "category-description": (
            [*base[:5], f"- {{key: A, description: '見本{tag}の区分{SECRET}'}}", *base[6:]],
            (),
            ("pc-legend", "pc-opinions"),
            f"見本{tag}の区分{MARK}",
        ),
        "category-label": (
            [*base[:5], f"- {{key: A, description: 見本の区分, label: '見本{tag}{SECRET}'}}", *base[6:]],
            (),
            ("pc-legend", "pc-tally", "pc-opinions"),
            f"見本{tag}{MARK}",
        ),
        "amendment": (base, amendment, ("pc-amendments", "pc-opinions"), f"見本{tag}の変更後、{MARK}を含む"),
        "schedule": (
            base,
            ("schedule:", f"- {{when: 2026-04, text: '見本{tag}の予定{SECRET}'}}"),
            ("pc-schedule", "pc-opinions"),
            f"見本{tag}の予定{MARK}",
        ),
        "label": (
            base,
            ("labels:", f"  overview_caption: '見本{tag}の概要{SECRET}'"),
            ("pc-overview", "pc-opinions"),
            f"見本{tag}の概要{MARK}",
        ),
    }


def own_text_cases() -> Iterator[Factory]:
    for where in _own("000"):

        def build(tag: str, where: str = where) -> Case:
            head, tail, parts, shown = _own(tag)[where]
            topic = "" if where == "title" else "t"
            lines = opinion(f"見本{tag}の御意見です。", topic=topic)
            if not topic:
                lines = [line for line in lines if not line.startswith("- topic:")]
                lines[0] = "- " + lines[0].lstrip()
            return file_case(
                f"redact-own-{where}",
                "loss",
                data(lines, head=head, tail=tail),
                parts=parts,
                texts=(shown,),
                withheld=NAME_PARTS,
                note=f"{{redact}} in the {where}: withheld everywhere, no warning",
            )

        yield build
    for where in ("title", "schedule"):

        def broken(tag: str, where: str = where) -> Case:
            head, tail, parts, shown = _own(tag)[where]
            head = [line.replace("`架空山見本子 <個人名>`", "``架空山見本子`") for line in head]
            tail = tuple(line.replace("`架空山見本子 <個人名>`", "``架空山見本子`") for line in tail)
            topic = "" if where == "title" else "t"
            lines = opinion(f"見本{tag}の御意見です。", topic=topic)
            if not topic:
                lines = [line for line in lines if not line.startswith("- topic:")]
                lines[0] = "- " + lines[0].lstrip()
            text = data(lines, head=head, tail=tail)
            return file_case(
                f"redact-own-{where}-malformed",
                "loss",
                text,
                parts=parts,
                expected=(Expect("privacy", f"data.yaml:{line_of(text, '{redact}')}", "not closed"),),
                texts=(shown,),
                withheld=NAME_PARTS,
                note=f"a malformed {{redact}} in the {where}: one warning, nothing of it published",
            )

        yield broken


# --- personal information hidden from the check ------------------------------------------

# (name, the text (YAML double-quoted escapes), markdown, the invisible code point warned, the kind)
HIDDEN = [
    ("phone-zero-width", "090-00\\u200b00-7391", False, "U+200B", "電話番号"),
    ("phone-soft-hyphen", "090-0000-73\\u00ad91", False, "U+00AD", "電話番号"),
    ("email-zero-width", "mihon\\u200b@example.jp", False, "U+200B", "メールアドレス"),
    ("email-tag", "mihon@exa\\U000e0041mple.jp", False, "U+E0041", "メールアドレス"),
    ("phone-entity", "&#48;90-0000-7391", True, None, "電話番号"),
    ("phone-escape", "090\\\\-0000\\\\-7391", True, None, "電話番号"),
    ("email-entity", "mihon&#64;example.jp", True, None, "メールアドレス"),
    ("phone-emphasis", "090-**0000**-7391", True, None, "電話番号"),
]


def hidden_cases() -> Iterator[Factory]:
    for name, written, markdown, invisible, kind in HIDDEN:

        def build(
            tag: str,
            name: str = name,
            written: str = written,
            markdown: bool = markdown,
            invisible: str | None = invisible,
            kind: str = kind,
        ) -> Case:
            text = data(opinion(f"見本{tag}の連絡先は {written} です。"), tail=("text_format: markdown",) if markdown else ())
            line = f"data.yaml:{line_of(text, 'summary:')}"
            expected = [Expect("privacy", line, kind)]
            if invisible:
                expected.append(Expect("text", line, re.escape(invisible)))
            return file_case(
                f"privacy-hidden-{name}",
                "loss",
                text,
                expected=tuple(expected),
                texts=(f"見本{tag}の連絡先は",),
                note="personal information behind invisible characters or markdown: found",
            )

        yield build

    def schedule(tag: str) -> Case:
        text = data(
            opinion(f"見本{tag}の御意見です。"), tail=("schedule:", "- {when: 2026-04, text: '見本の予定。連絡は 090-0000-7391 へ'}")
        )
        return file_case(
            "privacy-own-schedule",
            "loss",
            text,
            parts=("pc-schedule", "pc-opinions"),
            expected=(Expect("privacy", f"data.yaml:{line_of(text, '- {when:')}", "schedule"),),
            texts=(f"見本{tag}の御意見です。",),
            note="a telephone number in the schedule: found at its line",
        )

    yield schedule


# --- invisible code points, look-alike keys ---------------------------------------------------

INVISIBLES = {
    "lrm": "\\u200e",
    "alm": "\\u061c",
    "zwnj": "\\u200c",
    "bom-inside": "\\ufeff",
    "tag": "\\U000e0063",
    "mongolian-vowel-separator": "\\u180e",
}


def invisible_cases() -> Iterator[Factory]:
    for name, escape in INVISIBLES.items():

        def build(tag: str, name: str = name, escape: str = escape) -> Case:
            text = data(opinion(f"見本{tag}の前{escape}後"))
            code = escape.replace("\\U000", "U+").replace("\\u", "U+").upper().replace("U+E0063", "U+E0063")
            code = "U+" + code[2:].upper()
            return file_case(
                f"char-invisible-{name}",
                "chars",
                text,
                expected=(Expect("text", f"data.yaml:{line_of(text, 'summary:')}"),),
                texts=(f"見本{tag}の前［{code}］後",),
                note=f"{code}: shown as ［{code}］ with pubcomment.text",
            )

        yield build


LOOK_ALIKE = {
    "category-cyrillic": ("category", "\\u0410"),
    "category-greek": ("category", "\\u0391"),
    "category-full-width": ("category", "Ａ"),
    "category-zero-width": ("category", "A\\u200b"),
    "topic-cyrillic": ("topic", "\\u0074\\u043e"),
    "topic-full-width": ("topic", "ｔｏ"),
}


def look_alike_cases() -> Iterator[Factory]:
    for name, (kind, key) in LOOK_ALIKE.items():

        def build(tag: str, name: str = name, kind: str = kind, key: str = key) -> Case:
            if kind == "category":
                head = head_lines(categories=["- {key: A, description: 見本の区分}", f'- {{key: "{key}", description: 見本の別の区分}}'])
                needle = "見本の別の区分"
            else:
                head = head_lines(
                    topics=[
                        "- {id: t, title: 見本の項目}",
                        "- {id: to, title: 見本の二つ目の項目}",
                        f'- {{id: "{key}", title: 見本の別の項目}}',
                    ]
                )
                needle = "見本の別の項目"
            text = data(opinion(f"見本{tag}の御意見です。"), head=head)
            line = f"data.yaml:{line_of(text, needle)}"
            expected = [Expect(kind, line, "looks like")]
            if "\\u200b" in key:
                expected.append(Expect("text", line))
            return file_case(
                f"lookalike-{name}",
                "ids",
                text,
                expected=tuple(expected),
                texts=(f"見本{tag}の御意見です。",),
                note="a key that looks like another: one warning at the second",
            )

        yield build


GENERATORS = (listed_variant_cases, malformed_cases, own_text_cases, hidden_cases, invisible_cases, look_alike_cases)
