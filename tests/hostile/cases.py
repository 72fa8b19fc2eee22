"""The cases of the hostile-input corpus, generated.

Each :class:`Case` is a project of one page: ``index.md`` declares the
consultation (``:file:`` or YAML in the directive) and shows it with
pc-overview, pc-results, pc-legend, pc-tally and pc-opinions.  A case
states what the extension must do *once it handles the input*: the
pubcomment warnings (subtype and location), and the texts a reader must
find in the HTML (and in the PDF and ePub when the case builds cleanly).

A case may also name ``withheld`` text: text that must appear in no output
file of the case (every file its HTML build writes, its ``commands``'
files, and its .tex, PDF text and ePub when printed), compared after NFKC
and without white space or zero-width characters (checks.py ``leaks``).

Locations are relative to the case's directory: ``data.yaml:12`` (that
line), ``data.yaml`` (the file, no line), ``data.yaml:*`` (the file, with
or without a line); ``a|b`` accepts either.  In ``index.md`` the
directive starts at line 3, so line L of embedded YAML is line 3 + L.

All Japanese text is synthetic sample text (見本).
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypedDict, Unpack

from .cases_small import small_cases

PARTS = ("pc-overview", "pc-results", "pc-legend", "pc-tally", "pc-opinions")
# The line of index.md where pc-consultation starts; embedded YAML begins on the next.
DIRECTIVE_LINE = 3
# A file outside the source directory: its content must appear in no output.
OUTSIDE_MARKER = "OUTSIDE-SECRET-7f3a"
PASSWD_MARKER = "root:x:0"
XSS = "<script>alert(document.cookie)</script>"
TEX_INPUT = r"\input{/etc/passwd}"
# Subtypes with which a case still renders all its text (so it is printed too).
RENDERING_SUBTYPES = frozenset({"text"})


@dataclass(frozen=True)
class Expect:
    subtype: str  # without the "pubcomment." prefix
    location: str  # see the module docstring
    words: str | None = None  # a regular expression the message must match


@dataclass
class Case:
    id: str
    cls: str
    consultation: str  # the body of pc-consultation
    files: dict[str, bytes] = field(default_factory=dict)
    expected: tuple[Expect, ...] = ()
    texts: tuple[str, ...] = ()  # must be in the HTML (whitespace aside), in order within each
    parts: tuple[str, ...] = PARTS
    check: str | None = None  # the file `pubcomment check` is run on, if any
    setup: Callable[[Path], None] | None = None  # makes FIFOs, symlinks, directories in the case directory
    glyph_ok: bool = False  # the PDF may lack a text if pubcomment.glyph names this case
    note: str = ""  # what the case demands, in one line
    printed: bool = True  # False: kept out of the combined PDF/ePub (its HTML test covers it)
    number: int = 0  # set by all_cases(); tags the case's texts
    # Text that must appear in no output file of the case: every file the HTML build writes
    # (pages, searchindex.js, _sources/, open data, the feed, chart SVGs), the .tex, the PDF's
    # text and the ePub when the case is printed, and every file its `commands` write.
    # Compared after NFKC and without white space or zero-width characters (checks.py leaks()).
    withheld: tuple[str, ...] = ()
    # `pubcomment` command lines (without the program) run in the case's own cli/ directory
    # (beside src/, so ../src/data.yaml is its data); what they write there is scanned for `withheld`.
    commands: tuple[tuple[str, ...], ...] = ()

    @property
    def builds_cleanly(self) -> bool:
        """Whether the case belongs in the combined PDF/ePub project."""
        return self.printed and bool(self.texts) and all(e.subtype in RENDERING_SUBTYPES for e in self.expected)


# What a generator yields: a case made from its tag (its number, 007), as all_cases() numbers it.
Factory = Callable[[str], Case]


class CaseOptions(TypedDict, total=False):
    """The fields of a :class:`Case` that the helpers pass on as they are."""

    expected: tuple[Expect, ...]
    texts: tuple[str, ...]
    parts: tuple[str, ...]
    check: str | None
    setup: Callable[[Path], None] | None
    glyph_ok: bool
    note: str
    printed: bool
    withheld: tuple[str, ...]
    commands: tuple[tuple[str, ...], ...]


class Head(TypedDict, total=False):
    """The arguments of :func:`head_lines`."""

    period: str
    categories: list[str] | None
    topics: list[str] | None


# --- writing data ----------------------------------------------------------


def head_lines(
    period: str = "{start: 2025-12-03, end: 2026-01-05}", categories: list[str] | None = None, topics: list[str] | None = None
) -> list[str]:
    return [
        "# 見本: synthetic data of the hostile-input corpus",
        "title: 見本の意見募集",
        "body: {name: 見本市}",
        f"period: {period}",
        "categories:",
        *(categories or ["- {key: A, description: 見本の区分}"]),
        "topics:",
        *(topics or ["- {id: t, title: 見本の項目}"]),
    ]


def scalar(key: str, text: str, style: str = "block", col: int = 4) -> list[str]:
    """``key: text`` as YAML lines inside an opinion (keys at column 2).

    ``block``: a literal block scalar, its lines at column ``col`` (at least 3).
    ``double`` / ``single``: a quoted scalar whose continuation lines start at
    column ``col`` (0 allowed); a text line break is written as an empty line.
    """
    lines = text.split("\n")
    if style == "block":
        assert col >= 3
        return [f"  {key}: |-", *[(" " * col + line) if line else "" for line in lines]]
    if style == "double":
        escaped = [line.replace("\\", "\\\\").replace('"', '\\"') for line in lines]
        quote = '"'
    else:
        escaped = [line.replace("'", "''") for line in lines]
        quote = "'"
    out = [f"  {key}: {quote}{escaped[0]}"]
    for line in escaped[1:]:
        out += ["", " " * col + line]
    out[-1] += quote
    return out


def opinion(
    summary: str,
    *,
    style: str = "block",
    col: int = 4,
    response: str = "見本の考え方です。",
    no: str | None = None,
    topic: str = "t",
    category: str = "A",
) -> list[str]:
    lines = [f"- topic: {topic}", f"  category: {category}"]
    if no is not None:
        lines.append(f"  no: {no}")
    return lines + scalar("summary", summary, style, col) + scalar("response", response)


def yaml_data(*opinions: list[str], tail: tuple[str, ...] = (), **head: Unpack[Head]) -> str:
    lines = head_lines(**head)
    lines.append("opinions:")
    for item in opinions:
        lines += item
    lines += tail
    return "\n".join(lines) + "\n"


def yaml_with_opinions_file(name: str, **head: Unpack[Head]) -> str:
    return "\n".join([*head_lines(**head), f"opinions: {name}"]) + "\n"


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """The 1-based line of the nth line containing needle."""
    seen = 0
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            seen += 1
            if seen == nth:
                return number
    raise ValueError(f"{needle!r} not in text")


def csv_text(
    rows: list[list[str]], header: tuple[str, ...] = ("No", "項目", "区分", "意見の要旨", "本市の考え方"), delimiter: str = ","
) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def csv_row(no: int, summary: str, response: str = "見本の考え方です。") -> list[str]:
    return [str(no), "t", "A", summary, response]


def json_data(opinions: list[dict[str, object]]) -> str:
    """A consultation as JSON, one key per line (for line numbers)."""
    data = {
        "title": "見本の意見募集",
        "body": {"name": "見本市"},
        "period": {"start": "2025-12-03", "end": "2026-01-05"},
        "categories": [{"key": "A", "description": "見本の区分"}],
        "topics": [{"id": "t", "title": "見本の項目"}],
        "opinions": opinions,
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def json_opinion(summary: str, **more: object) -> dict[str, object]:
    return {"topic": "t", "category": "A", "summary": summary, "response": "見本の考え方です。", **more}


def at(mode: str, name: str, line: int | None) -> str:
    """Where a problem at line ``line`` of the data is reported."""
    if mode == "embedded":
        return f"index.md:{DIRECTIVE_LINE + line}" if line else "index.md:*"
    return f"{name}:{line}" if line else f"{name}:*"


def file_case(
    id: str, cls: str, data: str | bytes, *, name: str = "data.yaml", more: dict[str, bytes] | None = None, **kwargs: Unpack[CaseOptions]
) -> Case:
    files = {name: data.encode("utf-8") if isinstance(data, str) else data, **(more or {})}
    kwargs.setdefault("check", name)
    return Case(id=id, cls=cls, consultation=f":file: {name}", files=files, **kwargs)


def embedded_case(id: str, cls: str, data: str, **kwargs: Unpack[CaseOptions]) -> Case:
    return Case(id=id, cls=cls, consultation=data.rstrip("\n"), **kwargs)


def data_case(mode: str, id: str, cls: str, data: str, **kwargs: Unpack[CaseOptions]) -> Case:
    if mode == "embedded":
        return embedded_case(f"{id}-embedded", cls, data, **kwargs)
    return file_case(f"{id}-file", cls, data, **kwargs)


# --- 1. injection ------------------------------------------------------------

FENCE_PAYLOADS = {
    "html": ("```{raw} html", XSS),
    "latex": ("```{raw} latex", TEX_INPUT),
}

# (name, citizen text, texts a reader must see of it besides the prose around it)
INLINE_PAYLOADS = [
    ("role-raw", "{raw}`" + XSS + "` と {raw}`latex`\\input{/etc/passwd}`", ["{raw}", XSS]),
    ("directive-include", "```{include} /etc/passwd\n```", []),
    ("directive-eval-rst", "```{eval-rst}\n.. raw:: html\n\n   " + XSS + "\n```", [".. raw:: html", XSS]),
    ("directive-raw-deep", "```{raw} latex\n" + TEX_INPUT + "\n```", [TEX_INPUT]),
    ("colon-fence", ":::{raw} html\n" + XSS + "\n:::", [":::{raw} html", XSS, ":::"]),
    (
        "html-tags",
        "<b>太字</b><img src=x onerror=alert(1)><iframe src=javascript:alert(2)></iframe>",
        ["<b>太字</b><img src=x onerror=alert(1)><iframe src=javascript:alert(2)></iframe>"],
    ),
    ("html-block", "<div>\n" + XSS + "\n</div>", ["<div>", XSS, "</div>"]),
    ("javascript-link", "[見本リンク](javascript:alert(1)) と <javascript:alert(2)>", ["見本リンク"]),
    ("latex-specials", r"記号 \ # $ % & ~ _ ^ { } 終わり", [r"記号 \ # $ % & ~ _ ^ { } 終わり"]),
    (
        "latex-input",
        TEX_INPUT + r" と \write18{touch pwned} と \immediate\write18{id}",
        [TEX_INPUT + r" と \write18{touch pwned} と \immediate\write18{id}"],
    ),
    ("latex-end", r"\end{document}\csname relax\endcsname \makeatletter", [r"\end{document}\csname relax\endcsname \makeatletter"]),
    ("myst-target-comment", "(見本ラベル)=\n% 見本の注釈 {{ project }}", ["(見本ラベル)=", "% 見本の注釈 {{ project }}"]),
    ("dollar-math", "$$" + TEX_INPUT + "$$ と $x^2$", ["$$" + TEX_INPUT + "$$ と $x^2$"]),
]


def prose(tag: str) -> tuple[str, str]:
    return f"見本の意見{tag}の前文です。", f"見本の意見{tag}の後文です。"


def injection_cases() -> Iterator[Factory]:
    # A line of three backticks in citizen text, indented 0-3 spaces, then a raw directive.
    styles = [("block", 3), *[(quote, col) for quote in ("double", "single") for col in range(4)]]
    for style, col in styles:
        for payload, (opening, content) in FENCE_PAYLOADS.items():
            for mode in ("embedded", "file"):
                case_id = f"inj-fence-{style}{col}-{payload}"

                def build(
                    tag: str,
                    style: str = style,
                    col: int = col,
                    opening: str = opening,
                    content: str = content,
                    mode: str = mode,
                    case_id: str = case_id,
                ) -> Case:
                    before, after = prose(tag)
                    text = f"{before}\n```\n{opening}\n{content}\n```\n{after}"
                    data = yaml_data(opinion(text, style=style, col=col))
                    if mode == "embedded":
                        # MyST ends the directive at the inner fence: refuse, once.
                        fence = line_of(data, "```")
                        return embedded_case(
                            f"{case_id}-embedded",
                            "injection",
                            data,
                            expected=(Expect("injection", at(mode, "", fence)),),
                            note="embedded fence: refused with one pubcomment.injection warning, no raw node",
                        )
                    return file_case(
                        f"{case_id}-file",
                        "injection",
                        data,
                        texts=(before, opening, content, after),
                        note="fence in a data file: rendered as literal text, no warning",
                    )

                yield build
    for name, payload, visible in INLINE_PAYLOADS:
        for mode in ("embedded", "file"):

            def build_inline(tag: str, name: str = name, payload: str = payload, visible: list[str] = visible, mode: str = mode) -> Case:
                before, after = prose(tag)
                data = yaml_data(opinion(f"{before}\n{payload}\n{after}", col=6))
                return data_case(
                    mode,
                    f"inj-{name}",
                    "injection",
                    data,
                    texts=(before, *visible, after),
                    note="markup in citizen text: shown as literal text, no warning",
                )

            yield build_inline
    # Fences in the other data formats.
    for payload, (opening, content) in FENCE_PAYLOADS.items():

        def build_csv(tag: str, opening: str = opening, content: str = content, payload: str = payload) -> Case:
            before, after = prose(tag)
            rows = csv_text([csv_row(1, f"{before}\n```\n{opening}\n{content}\n```\n{after}")])
            return file_case(
                f"inj-fence-csv-{payload}",
                "injection",
                yaml_with_opinions_file("opinions.csv"),
                more={"opinions.csv": rows.encode("utf-8")},
                texts=(before, opening, content, after),
                note="fence in a CSV cell: literal text, no warning",
            )

        def build_json(tag: str, opening: str = opening, content: str = content, payload: str = payload) -> Case:
            before, after = prose(tag)
            data = json_data([json_opinion(f"{before}\n```\n{opening}\n{content}\n```\n{after}")])
            return file_case(
                f"inj-fence-json-{payload}",
                "injection",
                data,
                name="data.json",
                texts=(before, opening, content, after),
                note="fence in a JSON string: literal text, no warning",
            )

        yield build_csv
        yield build_json


# --- 2. tracebacks today ---------------------------------------------------


def mkfifo(name: str) -> Callable[[Path], None]:
    def setup(directory: Path) -> None:
        os.mkfifo(directory / name)

    return setup


def mkdir(name: str) -> Callable[[Path], None]:
    def setup(directory: Path) -> None:
        (directory / name).mkdir()
        (directory / name / "x.yaml").write_text("title: 見本\n", encoding="utf-8")

    return setup


def sparse(name: str, size: int) -> Callable[[Path], None]:
    def setup(directory: Path) -> None:
        with open(directory / name, "wb") as handle:
            handle.write("No,項目,区分,意見の要旨,本市の考え方\r\n".encode())
            handle.truncate(size)

    return setup


def traceback_cases() -> Iterator[Factory]:
    def numbered(numbers: list[str], tag: str) -> str:
        return yaml_data(*[opinion(f"見本の意見{tag}の{i}件目です。", no=n) for i, n in enumerate(numbers, 1)])

    for mode in ("file", "embedded"):
        for name, number, subtype in [("circled", "①", "type"), ("superscript", "²", "type"), ("huge", str(10**30), "limit")]:

            def build(tag: str, mode: str = mode, name: str = name, number: str = number, subtype: str = subtype) -> Case:
                data = numbered([number], tag)
                return data_case(
                    mode,
                    f"tb-number-{name}",
                    "traceback",
                    data,
                    expected=(Expect(subtype, at(mode, "data.yaml", line_of(data, "no:"))),),
                    note=f"opinion number {number[:12]}: pubcomment.{subtype}, no traceback",
                )

            yield build

    def fullwidth(tag: str) -> Case:
        data = numbered(["１", "２", "３"], tag)
        return file_case(
            "tb-number-fullwidth",
            "traceback",
            data,
            texts=tuple(f"見本の意見{tag}の{i}件目です。" for i in (1, 2, 3)),
            note="full-width numbers are numbers: no warning",
        )

    yield fullwidth

    def huge_json(tag: str) -> Case:
        data = json_data([json_opinion(f"見本の意見{tag}です。", no=10**30)])
        line = line_of(data, '"no"')
        return file_case(
            "tb-number-huge-json",
            "traceback",
            data,
            name="data.json",
            expected=(Expect("limit", f"data.json:{line}"),),
            note="a 31-digit JSON number: pubcomment.limit",
        )

    yield huge_json

    for day in ("1800-01-01", "0001-01-01"):
        for mode in ("file", "embedded"):

            def period(tag: str, day: str = day, mode: str = mode) -> Case:
                data = yaml_data(opinion(f"見本の意見{tag}です。"), period=f"{{start: {day}, end: 2026-01-05}}")
                return data_case(
                    mode,
                    f"tb-period-{day[:4]}",
                    "traceback",
                    data,
                    expected=(Expect("date", at(mode, "data.yaml", 4)),),
                    note=f"period from {day}: outside the era table, pubcomment.date",
                )

            yield period
        for when in (day, day[:7]):

            def schedule(tag: str, when: str = when) -> Case:
                data = yaml_data(opinion(f"見本の意見{tag}です。"), tail=("schedule:", f"- {{when: '{when}', text: 見本の予定}}"))
                return file_case(
                    f"tb-schedule-{when.replace('-', '')}",
                    "traceback",
                    data,
                    parts=(*PARTS, "pc-schedule"),
                    expected=(Expect("date", f"data.yaml:{line_of(data, 'when:')}"),),
                    note=f"schedule at {when}: outside the era table, pubcomment.date",
                )

            yield schedule

    bombs = {
        "recursive-alias": ["- topic: t", "  category: A", "  summary: &a [*a]", "  response: 見本の考え方です。"],
        "deep-nesting": ["- topic: t", "  category: A", "  summary: " + "[" * 10_000 + "]" * 10_000, "  response: 見本の考え方です。"],
        "billion-laughs": [
            "- topic: t",
            "  category: A",
            "  response: 見本の考え方です。",
            "  summary:",
            "  - &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]",
            *[f"  - &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 10)],
        ],
    }
    for name, lines in bombs.items():
        for mode in ("file", "embedded"):

            def bomb(tag: str, name: str = name, lines: list[str] = lines, mode: str = mode) -> Case:
                data = yaml_data(lines)
                return data_case(
                    mode,
                    f"tb-{name}",
                    "traceback",
                    data,
                    expected=(Expect("limit", at(mode, "data.yaml", None)),),
                    note=f"{name}: pubcomment.limit, no traceback, no hang",
                )

            yield bomb

    def deep_json(tag: str) -> Case:
        data = json_data([json_opinion(f"見本の意見{tag}です。")]).replace(
            '"response"', '"deep": ' + "[" * 10_000 + "]" * 10_000 + ',\n   "response"'
        )
        return file_case(
            "tb-deep-nesting-json",
            "traceback",
            data,
            name="data.json",
            expected=(Expect("limit", "data.json:*"),),
            note="10,000 nested JSON arrays: pubcomment.limit",
        )

    yield deep_json

    directive = f"index.md:{DIRECTIVE_LINE}|index.md:{DIRECTIVE_LINE + 1}"
    for name, target, setup in [
        ("directory", "sub", mkdir("sub")),
        ("dev-zero", "/dev/zero", None),
        ("fifo", "pipe.yaml", mkfifo("pipe.yaml")),
        ("missing", "missing.yaml", None),
    ]:

        def named(tag: str, name: str = name, target: str = target, setup: Callable[[Path], None] | None = setup) -> Case:
            return Case(
                id=f"tb-file-{name}",
                cls="traceback",
                consultation=f":file: {target}",
                setup=setup,
                expected=(Expect("file", directive),),
                note=f":file: naming a {name}: pubcomment.file, no hang",
            )

        yield named
    for name, target, setup in [
        ("directory", "sub", mkdir("sub")),
        ("fifo", "pipe.csv", mkfifo("pipe.csv")),
        ("missing", "missing.csv", None),
        ("too-large", "big.csv", sparse("big.csv", 3 << 30)),
    ]:

        def opinions_file(tag: str, name: str = name, target: str = target, setup: Callable[[Path], None] | None = setup) -> Case:
            data = yaml_with_opinions_file(target)
            subtype = "limit" if name == "too-large" else "file"
            return file_case(
                f"tb-opinions-{name}",
                "traceback",
                data,
                setup=setup,
                expected=(Expect(subtype, f"data.yaml:{line_of(data, 'opinions:')}|{target}:*"),),
                note=f"opinions naming a {name}: pubcomment.{subtype}",
            )

        yield opinions_file

    def surrogate_pair(tag: str) -> Case:
        data = json_data([json_opinion(f"見本の意見{tag}は\\ud842\\udfb7野家です。")]).replace("\\\\ud842\\\\udfb7", "\\ud842\\udfb7")
        return file_case(
            "tb-json-surrogate-pair",
            "traceback",
            data,
            name="data.json",
            texts=(f"見本の意見{tag}は𠮷野家です。",),
            printed=False,  # today the surrogates reach the writers and stop the shared PDF build
            note="an escaped surrogate pair in JSON is one character (𠮷), no warning",
        )

    yield surrogate_pair

    def lone_surrogate(tag: str) -> Case:
        data = json_data([json_opinion(f"見本の意見{tag}は\\ud842です。")]).replace("\\\\ud842", "\\ud842")
        return file_case(
            "tb-json-lone-surrogate",
            "traceback",
            data,
            name="data.json",
            expected=(Expect("text", f"data.json:{line_of(data, 'ud842')}"),),
            texts=(f"見本の意見{tag}は",),
            printed=False,  # a lone surrogate in a shared build would fail every printed case
            note="a lone surrogate in JSON: pubcomment.text, made visible, built",
        )

    yield lone_surrogate


# --- 3. silent loss today ----------------------------------------------------

MARKDOWN_LOOKING = {
    "hr": "見本の前置き\n***\n見本の続き",
    "link-definition": "見本の出典は次のとおり\n[参考]: http://x\n見本の続き",
    "ordered-list": "見本の前置き\n3. 見本の三番目\n見本の続き",
    "emphasis": "これは*重要*です（見本）",
    "backslash-path": r"保存先は C:\Users\_tmp です（見本）",
}


def loss_cases() -> Iterator[Factory]:
    def csv_case(case_id: str, body: bytes, expected: tuple[Expect, ...] = (), texts: tuple[str, ...] = (), note: str = "") -> Case:
        return file_case(
            case_id, "loss", yaml_with_opinions_file("opinions.csv"), more={"opinions.csv": body}, expected=expected, texts=texts, note=note
        )

    def duplicate_header(tag: str) -> Case:
        text = csv_text([csv_row(1, f"見本の意見{tag}です。")], header=("No", "項目", "区分", "意見の要旨", "本市の考え方", "summary"))
        return csv_case(
            "loss-csv-duplicate-header",
            text.encode(),
            (Expect("syntax", "opinions.csv:1"),),
            note="意見の要旨 and summary both map to summary: pubcomment.syntax at the header",
        )

    yield duplicate_header

    def open_quote(tag: str) -> Case:
        good = csv_text([csv_row(1, f"見本の意見{tag}の1件目です。")])
        rows = [
            good.rstrip("\r\n"),
            f'2,t,A,"見本の意見{tag}の2件目です。,見本の考え方です。',
            f"3,t,A,見本の意見{tag}の3件目です。,見本の考え方です。",
            f"4,t,A,見本の意見{tag}の4件目です。,見本の考え方です。",
        ]
        return csv_case(
            "loss-csv-open-quote",
            ("\r\n".join(rows) + "\r\n").encode(),
            (Expect("syntax", "opinions.csv:3"),),
            note="a quote left open merges rows: pubcomment.syntax at the opening quote's line",
        )

    yield open_quote

    def empty(tag: str) -> Case:
        return csv_case("loss-csv-empty", b"", (Expect("file", "opinions.csv:*"),), note="a 0-byte opinions CSV: pubcomment.file")

    yield empty

    def header_only(tag: str) -> Case:
        return csv_case(
            "loss-csv-header-only",
            csv_text([]).encode(),
            (Expect("file", "opinions.csv:*"),),
            note="a header-only opinions CSV: pubcomment.file",
        )

    yield header_only

    def cp932_bad_byte(tag: str) -> Case:
        rows = [csv_row(i, f"見本の意見{tag}の{i}件目です。") for i in (1, 2, 3)]
        body = csv_text(rows).encode("cp932").replace("2件目".encode("cp932"), b"2\x81 ")
        return csv_case(
            "loss-csv-cp932-bad-byte",
            body,
            (Expect("encoding", "opinions.csv:3", "(?i)cp932|shift.?jis"),),
            note="one bad byte in cp932: pubcomment.encoding naming the encoding, at the bad byte's line",
        )

    yield cp932_bad_byte

    def euc_jp(tag: str) -> Case:
        texts = [f"見本の意見{tag}の{i}件目です。漢字とかなを含みます。" for i in (1, 2)]
        body = csv_text([csv_row(i, text) for i, text in enumerate(texts, 1)]).encode("euc_jp")
        return csv_case("loss-csv-euc-jp", body, texts=tuple(texts), note="EUC-JP CSV: read correctly, no warning")

    yield euc_jp

    def utf16(tag: str) -> Case:
        texts = [f"見本の意見{tag}の{i}件目です。" for i in (1, 2)]
        body = csv_text([csv_row(i, text) for i, text in enumerate(texts, 1)], delimiter="\t").encode("utf-16")
        return csv_case(
            "loss-csv-utf16-bom-tab", body, texts=tuple(texts), note="Excel's Unicode text (UTF-16 BOM, tabs): read correctly, no warning"
        )

    yield utf16

    def png(tag: str) -> Case:
        return csv_case(
            "loss-csv-binary-png",
            PNG,
            (Expect("encoding", "opinions.csv:1"),),
            note="PNG bytes as opinions CSV: one pubcomment.encoding at line 1",
        )

    yield png

    for name, text in MARKDOWN_LOOKING.items():

        def markdown(tag: str, name: str = name, text: str = text) -> Case:
            tagged = text.replace("見本", f"見本{tag}", 1)
            body = csv_text([csv_row(1, tagged)])
            return csv_case(
                f"loss-markdown-{name}", body.encode(), texts=(tagged,), note="markdown-looking citizen text appears exactly as typed"
            )

        yield markdown


PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8ffff3f0005fe02fea7"
    "d6a4cb0000000049454e44ae426082"
)


# --- 4. print -------------------------------------------------------------------


def print_cases() -> Iterator[Factory]:
    def long_japanese(tag: str) -> Case:
        text = f"見本{tag}" + "".join(f"第{i:03d}の語句、" for i in range(1, 429))[: 3000 - 5]
        return file_case(
            "print-3000-chars-no-period",
            "print",
            yaml_data(opinion(text)),
            texts=(text,),
            note="3,000 characters without 。: every character printed, in order",
        )

    yield long_japanese

    def long_english(tag: str) -> Case:
        text = f"見本{tag} " + " ".join(f"Sentence number {i} explains the sample opinion in plain English words." for i in range(1, 81))
        return file_case(
            "print-english-80-sentences",
            "print",
            yaml_data(opinion(text)),
            texts=(text,),
            note="80 English sentences in one paragraph: all printed",
        )

    yield long_english

    def long_line(tag: str) -> Case:
        chunk = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
        text = f"見本{tag}" + (chunk * (50_000 // len(chunk) + 1))[:50_000]
        return file_case(
            "print-50000-char-line",
            "print",
            yaml_data(opinion(text)),
            texts=(text,),
            note="a 50,000-character line without a space: every character printed",
        )

    yield long_line

    def long_japanese_line(tag: str) -> Case:
        text = f"見本{tag}" + "".join(f"{i:05d}番" for i in range(1, 8334))[:50_000]
        return file_case(
            "print-50000-char-line-ja",
            "print",
            yaml_data(opinion(text)),
            texts=(text,),
            note="a 50,000-character Japanese line: every character printed",
        )

    yield long_japanese_line

    def urls(tag: str) -> Case:
        url = "https://www.example.go.jp/" + "/".join(f"segment{i:02d}_%E3%81%82" for i in range(20)) + "?query=a&b=c#fragment"
        text = f"見本{tag}の参照先は {url} と <{url}x> と [見本の文書]({url}y) です。"
        return file_case(
            "print-long-urls", "print", yaml_data(opinion(text)), texts=(f"見本{tag}の参照先は", url), note="long URLs: printed whole"
        )

    yield urls

    def code(tag: str) -> Case:
        long_code = "x = " + " + ".join(f"value_{i:03d}" for i in range(120))
        text = f"見本{tag}の式です。\n\n```\n{long_code}\n```\n\n    {long_code[:200]}"
        return file_case(
            "print-code-lines",
            "print",
            yaml_data(opinion(text)),
            texts=(f"見本{tag}の式です。", long_code),
            note="long code lines: printed whole, wrapped",
        )

    yield code


# --- 5. characters ---------------------------------------------------------------

VISIBLE = {  # (escape in a double-quoted YAML scalar, the character)
    "c0-bel": ("\\a", "\x07"),
    "c0-esc": ("\\e", "\x1b"),
    "c0-nul": ("\\0", "\x00"),
    "c1-csi": ("\\x9b", "\x9b"),
    "c1-nel": ("\\N", "\x85"),
    "bidi-rlo": ("\\u202e", "\u202e"),
    "nonchar-fdd0": ("\\ufdd0", "\ufdd0"),
    "nonchar-fffe": ("\\ufffe", "\ufffe"),
}
SCRIPTS = {
    "hangul": "한국어 견본 의견입니다",
    "simplified-chinese": "这是简体中文的样本意见",
    "thai": "ความคิดเห็นตัวอย่างภาษาไทย",
    "arabic": "هذا رأي نموذجي باللغة العربية",
    "devanagari": "यह हिन्दी में एक नमूना राय है",
    "vietnamese": "Đây là ý kiến mẫu bằng tiếng Việt",
    "emoji": "見本の絵文字 😀👍🏽👨‍👩‍👧",
    "ivs": "葛\U000e0100城市と辻\U000e0101の見本",
    "private-use": "外字\ue000\uf8ffの見本",
}


def character_cases() -> Iterator[Factory]:
    for name, (escape, char) in VISIBLE.items():

        def visible(tag: str, name: str = name, escape: str = escape, char: str = char) -> Case:
            data = yaml_data(["- topic: t", "  category: A", f'  summary: "見本{tag}の前{escape}後"', "  response: 見本の考え方です。"])
            shown = f"見本{tag}の前［U+{ord(char):04X}］後"
            return file_case(
                f"char-{name}",
                "chars",
                data,
                expected=(Expect("text", f"data.yaml:{line_of(data, 'summary:')}"),),
                texts=(shown,),
                note=f"U+{ord(char):04X}: made visible as ［U+{ord(char):04X}］ with pubcomment.text",
            )

        yield visible
    for name, char in [("bidi-rlo-raw", "\u202e"), ("c0-bel-raw", "\x07")]:

        def raw_csv(tag: str, name: str = name, char: str = char) -> Case:
            body = csv_text([csv_row(1, f"見本{tag}の前{char}後")])
            return file_case(
                f"char-{name}-csv",
                "chars",
                yaml_with_opinions_file("opinions.csv"),
                more={"opinions.csv": body.encode()},
                expected=(Expect("text", "opinions.csv:2"),),
                texts=(f"見本{tag}の前［U+{ord(char):04X}］後",),
                note=f"raw U+{ord(char):04X} in CSV: made visible with pubcomment.text",
            )

        yield raw_csv
    for name, text in SCRIPTS.items():

        def script(tag: str, name: str = name, text: str = text) -> Case:
            tagged = f"見本{tag} {text}"
            return file_case(
                f"char-{name}",
                "chars",
                yaml_data(opinion(tagged)),
                texts=(tagged,),
                glyph_ok=True,
                note="built; HTML has the text; PDF has it or warns pubcomment.glyph",
            )

        yield script


# --- 6. files outside the project ------------------------------------------------


def outside(name: str, content: bytes) -> Callable[[Path], None]:
    """A file beside the source directory (its parent is the case's own tmp directory)."""

    def setup(directory: Path) -> None:
        (directory.parent / "outside").mkdir(exist_ok=True)
        (directory.parent / "outside" / name).write_bytes(content)

    return setup


def symlink(link: str, name: str, content: bytes) -> Callable[[Path], None]:
    def setup(directory: Path) -> None:
        outside(name, content)(directory)
        (directory / link).symlink_to(directory.parent / "outside" / name)

    return setup


OUTSIDE_YAML = yaml_data(opinion(f"{OUTSIDE_MARKER} の意見です。")).encode()
OUTSIDE_CSV = csv_text([csv_row(1, f"{OUTSIDE_MARKER} の意見です。")]).encode()


def outside_cases() -> Iterator[Factory]:
    directive = f"index.md:{DIRECTIVE_LINE}|index.md:{DIRECTIVE_LINE + 1}"
    passwd = "../" * 24 + "etc/passwd"

    def passwd_file(tag: str) -> Case:
        return Case(
            id="out-file-etc-passwd",
            cls="outside",
            consultation=f":file: {passwd}",
            expected=(Expect("file", directive),),
            note="':file: ../…/etc/passwd': pubcomment.file, nothing of it shown",
        )

    yield passwd_file

    def absolute_file(tag: str) -> Case:
        case = Case(
            id="out-file-absolute",
            cls="outside",
            consultation=":file: ABSOLUTE/outside/secret.yaml",
            setup=outside("secret.yaml", OUTSIDE_YAML),
            expected=(Expect("file", directive),),
            note="an absolute :file: outside the source directory: pubcomment.file",
        )
        return case

    yield absolute_file

    def symlink_file(tag: str) -> Case:
        return Case(
            id="out-file-symlink",
            cls="outside",
            consultation=":file: link.yaml",
            setup=symlink("link.yaml", "secret.yaml", OUTSIDE_YAML),
            expected=(Expect("file", directive),),
            note="a symlink in the source directory to a file outside: pubcomment.file",
        )

    yield symlink_file

    for name, target, setup in [
        ("absolute", "ABSOLUTE/outside/secret.csv", outside("secret.csv", OUTSIDE_CSV)),
        ("relative", "../outside/secret.csv", outside("secret.csv", OUTSIDE_CSV)),
        ("symlink", "link.csv", symlink("link.csv", "secret.csv", OUTSIDE_CSV)),
        ("etc-passwd", "/etc/passwd", None),
    ]:
        for mode in ("file", "embedded") if name in ("absolute", "etc-passwd") else ("file",):

            def opinions_outside(
                tag: str, name: str = name, target: str = target, setup: Callable[[Path], None] | None = setup, mode: str = mode
            ) -> Case:
                data = yaml_with_opinions_file(target)
                return data_case(
                    mode,
                    f"out-opinions-{name}",
                    "outside",
                    data,
                    setup=setup,
                    expected=(Expect("file", at(mode, "data.yaml", line_of(data, "opinions:"))),),
                    note=f"opinions: {name} path outside the source directory: pubcomment.file",
                )

            yield opinions_outside


# --- 7. wrong output: ids ----------------------------------------------------------


def id_cases() -> Iterator[Factory]:
    variants = {
        "category-japanese": (
            ["- {key: 賛成, description: 見本の賛成}", "- {key: 反対, description: 見本の反対}"],
            ["- {id: t, title: 見本の項目}"],
            [("t", "賛成"), ("t", "反対")],
        ),
        "category-case": (
            ["- {key: A, description: 見本の大文字}", "- {key: a, description: 見本の小文字}"],
            ["- {id: t, title: 見本の項目}"],
            [("t", "A"), ("t", "a")],
        ),
        "category-similar": (
            ["- {key: A B, description: 見本の一}", "- {key: A-B, description: 見本の二}", "- {key: a_b, description: 見本の三}"],
            ["- {id: t, title: 見本の項目}"],
            [("t", "A B"), ("t", "A-B"), ("t", "a_b")],
        ),
        "topic-japanese": (
            ["- {key: A, description: 見本の区分}"],
            ["- {id: 全般, title: 見本の全般}", "- {id: 個別, title: 見本の個別}"],
            [("全般", "A"), ("個別", "A")],
        ),
        "topic-case": (
            ["- {key: A, description: 見本の区分}"],
            ["- {id: T, title: 見本の大文字}", "- {id: t, title: 見本の小文字}"],
            [("T", "A"), ("t", "A")],
        ),
    }
    for name, (categories, topics, opinions) in variants.items():

        def ids(
            tag: str,
            name: str = name,
            categories: list[str] = categories,
            topics: list[str] = topics,
            opinions: list[tuple[str, str]] = opinions,
        ) -> Case:
            texts = tuple(f"見本{tag}の意見{i}です。" for i in range(1, len(opinions) + 1))
            data = yaml_data(
                *[opinion(text, topic=topic, category=category) for text, (topic, category) in zip(texts, opinions, strict=True)],
                categories=categories,
                topics=topics,
            )
            return file_case(f"ids-{name}", "ids", data, texts=texts, note="HTML ids unique, badges link to their own legend row")

        yield ids


# --- 8. warning locations ------------------------------------------------------------


def location_cases() -> Iterator[Factory]:
    # What an empty consultation lacks; each warning is located in data.yaml itself.
    lacking = tuple(Expect("required", "data.yaml:*", words) for words in ("title", "body", "start", "end"))

    def no_line(tag: str) -> Case:
        return file_case(
            "loc-empty-yaml",
            "locations",
            b"",
            expected=(Expect("file", "data.yaml:1", "is empty"),),
            note="an empty data file: one pubcomment.file at data.yaml itself, never data.yaml.rst",
        )

    yield no_line

    def comment_only(tag: str) -> Case:
        return file_case(
            "loc-comment-only-yaml",
            "locations",
            "# 見本: nothing but a comment\n",
            expected=lacking,
            note="a data file of a comment: warnings at data.yaml itself",
        )

    yield comment_only

    def png(tag: str) -> Case:
        return file_case(
            "loc-binary-yaml",
            "locations",
            PNG,
            expected=(Expect("encoding", "data.yaml:1"),),
            note="PNG bytes as the consultation file: one pubcomment.encoding, no unknown keys",
        )

    yield png

    def utf16_bom(tag: str) -> Case:
        text = f"見本{tag}の意見です。"
        return file_case(
            "loc-utf16-bom-yaml",
            "locations",
            yaml_data(opinion(text)).encode("utf-16"),
            texts=(text,),
            note="a UTF-16 consultation file with BOM: read as YAML allows, no warning",
        )

    yield utf16_bom

    def utf16_no_bom(tag: str) -> Case:
        return file_case(
            "loc-utf16-nobom-yaml",
            "locations",
            yaml_data(opinion("見本の意見です。")).encode("utf-16-le"),
            expected=(Expect("encoding", "data.yaml:*"),),
            note="UTF-16 without BOM: one pubcomment.encoding, not a dozen unknown keys",
        )

    yield utf16_no_bom

    def utf16_csv_no_bom(tag: str) -> Case:
        body = csv_text([csv_row(1, "見本の意見です。")], delimiter="\t").encode("utf-16-le")
        return file_case(
            "loc-utf16-nobom-csv",
            "locations",
            yaml_with_opinions_file("opinions.csv"),
            more={"opinions.csv": body},
            expected=(Expect("encoding", "opinions.csv:*"),),
            note="UTF-16 CSV without BOM: one pubcomment.encoding",
        )

    yield utf16_csv_no_bom

    def missing_required(tag: str) -> Case:
        data = "title: 見本の意見募集\nopinions:\n- {topic: t, summary: 見本, response: 見本}\n"
        return file_case(
            "loc-missing-required",
            "locations",
            data,
            expected=(
                Expect("required", "data.yaml:*", "body"),
                Expect("required", "data.yaml:*", "start"),
                Expect("required", "data.yaml:*", "end"),
                Expect("topic", "data.yaml:3"),
                Expect("directive", "index.md:*", "no categories"),
            ),
            note="missing body and period: warnings located in data.yaml (line or none), never data.yaml.rst; "
            "pc-legend says there are no categories to show",
        )

    yield missing_required


from .cases_law import law_cases  # noqa: E402  (it uses the helpers above)
from .cases_names import name_cases  # noqa: E402  (it uses the helpers above)
from .cases_policy import policy_cases  # noqa: E402  (its cases use the helpers above)
from .cases_redaction import GENERATORS as RED  # noqa: E402  (it uses the helpers above)
from .cases_totals import totals_cases  # noqa: E402  (it uses the helpers above)
from .cases_workbooks import workbook_cases  # noqa: E402  (it builds on the helpers above)

GENERATORS = (
    injection_cases,
    traceback_cases,
    loss_cases,
    print_cases,
    character_cases,
    outside_cases,
    id_cases,
    location_cases,
    policy_cases,
    *RED,
    small_cases,
    name_cases,
    workbook_cases,
    totals_cases,
    law_cases,
)


def all_cases() -> list[Case]:
    """Every case, numbered in order; a case's texts carry its number (見本007)."""
    cases: list[Case] = []
    for generator in GENERATORS:
        for build in generator():
            number = len(cases) + 1
            case = build(f"{number:03d}")
            case.number = number
            cases.append(case)
    ids = [case.id for case in cases]
    duplicates = {i for i in ids if ids.count(i) > 1}
    assert not duplicates, duplicates
    return cases
