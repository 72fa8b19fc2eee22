"""Withheld text (一部非公開) reaches no output: not a page, the search index,
_sources/, a doctree pickle, the .tex, the PDF or the ePub.

Every withheld text of tests/roots/test-redaction holds 匿, a character
nothing else there has: each built tree is searched for it in every form
it could be written in, and the withheld telephone number by its digits.
"""

from __future__ import annotations

import csv
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import pytest

from pubcomment.core import loader, privacy
from pubcomment.core.labels import DEFAULT_LABELS
from tests.support.tools import ROOTS, sphinx_build

ROOT = ROOTS / "test-redaction"
SECRET_CHARACTER = "匿"
SECRET_WORD = "秘匿"  # in the two-byte forms (UTF-16), a single character's two bytes are too common
SECRET_DIGITS = "0459991234"
MARK = DEFAULT_LABELS["redacted"]
HEAD = "title: 見本\nbody: {name: 見本市}\nperiod: {start: 2025-12-03, end: 2026-01-05}\n"


def forms(text: str) -> list[bytes]:
    """``text`` as a file could hold it: UTF-8, UTF-16 both ways, JSON and HTML escapes."""
    found = [text.encode(), text.encode("utf-16-le"), text.encode("utf-16-be")]
    for char in text:
        found += [f"\\u{ord(char):04x}".encode(), f"&#{ord(char)};".encode(), f"&#x{ord(char):x};".encode()]
    return found


def leaks(data: bytes) -> list[str]:
    """What of the withheld texts ``data`` holds."""
    candidates = [SECRET_CHARACTER.encode(), *forms(SECRET_WORD)]
    candidates += [form for form in forms(SECRET_CHARACTER) if form.startswith((b"\\", b"&"))]
    found = [form.decode("latin-1") for form in candidates if form.lower() in data.lower()]
    text = unicodedata.normalize("NFKC", data.decode("utf-8", errors="ignore"))
    if SECRET_CHARACTER in text:
        found.append("NFKC")
    if SECRET_DIGITS in "".join(char for char in text if char.isdigit()):
        found.append(SECRET_DIGITS)
    return found


def contents(tree: Path) -> dict[str, bytes]:
    """Every file of a built tree, an ePub's members unzipped, a PDF's text
    extracted (their compressed bytes are no text to search)."""
    files: dict[str, bytes] = {}
    for path in sorted(p for p in tree.rglob("*") if p.is_file()):
        name = str(path.relative_to(tree))
        if path.suffix not in (".epub", ".pdf"):
            files[name] = path.read_bytes()
        if path.suffix == ".epub":
            with zipfile.ZipFile(path) as archive:
                files.update({f"{name}!{member}": archive.read(member) for member in archive.namelist()})
        if path.suffix == ".pdf":
            files[f"{name}!text"] = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True).stdout
    return files


def assert_nothing_withheld_in(tree: Path) -> dict[str, bytes]:
    files = contents(tree)
    assert files
    found = {name: where for name, data in files.items() if (where := leaks(data))}
    assert not found, f"withheld text in the output: {found}"
    return files


def test_the_check_catches_what_the_tree_search_looks_for() -> None:
    # The search itself must be able to fail.
    assert leaks("匿".encode()) and leaks("秘匿".encode("utf-16-be")) and leaks(b"\\u533f") and leaks(b"&#21311;")
    assert leaks("０４５－９９９－１２３４".encode()) and leaks(b"045\\sphinxhyphen{}999\\sphinxhyphen{}1234")
    assert not leaks(MARK.encode())


def build(tmp_path: Path, builder: str) -> Path:
    out = tmp_path / builder
    # The doctrees inside the output, as sphinx-build puts them by default: no
    # pickle left there may hold the text either.  (The ePub builder would
    # pack them: its doctrees are beside it, and searched with it.)
    doctrees = tmp_path / "epub-doctrees" if builder == "epub" else out / ".doctrees"
    sphinx_build("-b", builder, "-d", str(doctrees), str(ROOT), str(out))
    return out


def test_html_search_index_sources_and_pickles(tmp_path: Path) -> None:
    out = build(tmp_path, "html")
    files = assert_nothing_withheld_in(out)
    page = files["index.html"].decode()
    assert page.count(MARK) >= 6
    # The opinions' own words are in the search index (窓口, as JSON writes it): the index was searched for something.
    assert b"\\u7a93\\u53e3" in files["searchindex.js"]
    # The page that embeds the data has no copy of its source; the other keeps its copy.
    assert "_sources/index.md.txt" not in files and "_sources/file.md.txt" in files
    assert "_sources/index.md.txt" not in page
    assert ".doctrees/environment.pickle" in files and ".doctrees/index.doctree" in files


def test_redaction_log_is_outside_the_site_and_holds_no_text(tmp_path: Path) -> None:
    out, doctrees = tmp_path / "html", tmp_path / "doctrees"
    sphinx_build("-b", "html", "-d", str(doctrees), str(ROOT), str(out))
    log = doctrees / "pubcomment-redactions.csv"
    rows = list(csv.DictReader(log.read_text(encoding="utf-8").splitlines()))
    assert not leaks(log.read_bytes())
    assert not list(out.rglob("*redaction*"))
    assert [(r["file"], r["opinion"], r["field"], r["reason"], r["length"]) for r in rows] == [
        ("data/opinions.csv", "1", "summary", "電話番号", "12"),
        ("data/opinions.csv", "1", "summary", "個人名", "4"),
        ("index.md", "1", "summary", "個人名", "4"),
        ("index.md", "1", "summary", "住所", "15"),
        ("index.md", "2", "summary", "個人名", "4"),
        ("index.md", "2", "summary", "個人名", "4"),
        ("index.md", "2", "response", "個人名", "4"),
        ("index.md", "2", "response_notes", "個人名", "4"),
    ]
    assert rows[0]["line"] == "2" and rows[2]["line"] == "12"  # the CSV row; the opinion's line in the document


@pytest.mark.epub
def test_epub(tmp_path: Path) -> None:
    out = build(tmp_path, "epub")
    files = assert_nothing_withheld_in(out)
    assert "environment.pickle" in assert_nothing_withheld_in(tmp_path / "epub-doctrees")
    pages = [data for name, data in files.items() if name.endswith(".epub!index.xhtml")]
    assert pages and MARK.encode() in pages[0]


@pytest.mark.latex
def test_latex_and_pdf(tmp_path: Path) -> None:
    from tests.support.tools import latexmk, require_latex

    require_latex()
    out = build(tmp_path, "latex")
    latexmk(out, "redaction")
    files = assert_nothing_withheld_in(out)
    assert MARK.encode() in files["redaction.tex"]
    assert "■".encode() in files["redaction.pdf!text"]


# The data core, without a build.


def test_inline_and_listed_redactions_in_plain_text() -> None:
    loaded = loader.load_text(
        HEAD + "opinions:\n"
        '  - summary: "{redact}`秘匿花子 <個人名>`です。`code` は残ります"\n'
        "    response: 秘匿太郎様へ\n"
        "    redactions: [{text: 秘匿太郎, reason: 個人名}]\n"
    )
    opinion = loaded.consultation.opinions[0]
    assert opinion.summary == f"{MARK}です。`code` は残ります" and opinion.response == f"{MARK}様へ"
    assert not loaded.problems
    assert [(r.field, r.reason, r.length) for r in loaded.consultation.redactions] == [("summary", "個人名", 4), ("response", "個人名", 4)]


def test_the_mark_is_a_label_of_the_data_or_the_site() -> None:
    text = HEAD + 'opinions:\n  - {summary: "{redact}`秘匿 <個人名>`です", response: 考え方}\n'
    assert (
        loader.load_text(text, labels={"redacted": "（{reason}のため非公開）"}).consultation.opinions[0].summary
        == "（個人名のため非公開）です"
    )
    own = loader.load_text(HEAD + "labels: {redacted: ＊＊＊}\n" + text.split("\n", 3)[3], labels={"redacted": "x"})
    assert own.consultation.opinions[0].summary == "＊＊＊です"


def test_an_unclosed_mark_withholds_the_rest_of_its_field_and_says_so() -> None:
    loaded = loader.load_text(HEAD + 'opinions:\n  - summary: "前 {redact}`秘匿花子 の件\\n次の行"\n    response: 考え方\n')
    assert loaded.consultation.opinions[0].summary == f"前 {MARK}"
    assert [(p.subtype.value, p.line) for p in loaded.problems] == [("privacy", 5)]


def test_a_listed_text_found_nowhere_is_reported_without_the_text() -> None:
    loaded = loader.load_text(
        HEAD + "opinions:\n  - summary: 要旨\n    response: 考え方\n    redactions:\n      - {text: 秘匿花子, reason: 個人名}\n"
    )
    assert [(p.subtype.value, p.line) for p in loaded.problems] == [("privacy", 8)]
    assert SECRET_CHARACTER not in loaded.problems[0].message


def test_the_privacy_check_does_not_flag_withheld_text() -> None:
    plain = HEAD + 'opinions:\n  - {summary: "電話 03-1234-5678、秘匿花子様", response: 考え方}\n'
    assert [p.subtype.value for p in privacy.check_consultation(loader.load_text(plain).consultation, names=False)] == ["privacy"]
    withheld = plain.replace("03-1234-5678", "{redact}`03-1234-5678`").replace("秘匿花子", "{redact}`秘匿花子`")
    assert privacy.check_consultation(loader.load_text(withheld).consultation) == []
