"""The corpus of hostile and malformed inputs (tests/hostile/).

One test per case: `pubcomment check` and an HTML build run without a
traceback or a hang, give exactly the expected pubcomment warnings, put no
script, raw node or outside file's content in the page, and show every
text of the case; the case's `pubcomment` commands run without a
traceback, and its withheld text is in no file the build or the commands
wrote (and, for a printed case, not in the .tex, the PDF or the ePub).  The cases that must build cleanly are also built
together once as a PDF (every text in pdftotext's output, in order) and
once as an ePub (every text present; EPUBCheck clean).

The builds run as subprocesses, two at a time, when the first case test
asks for them; ``-k`` selects cases as usual.
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.hostile.cases import PASSWD_MARKER, TEX_INPUT, Case, all_cases
from tests.hostile.checks import (
    FORBIDDEN_TEXT,
    HIDDEN,
    archive_members,
    case_mismatches,
    find_in_order,
    leaks,
    match_warnings,
    shorten,
    squeeze,
)
from tests.hostile.project import Outcome, build_all, parse_warnings, run, sphinx, write_case
from tests.support.tools import require_tool, run_epubcheck

CASES = all_cases()
BY_ID = {case.id: case for case in CASES}
CLEAN = [case for case in CASES if case.builds_cleanly]
# The printed cases with text that must be in no output (Case.withheld).
CLEAN_WITHHOLDING = [case.id for case in CLEAN if case.withheld]


def selected(session: pytest.Session, name: str) -> list[Case]:
    ids = {
        item.callspec.params["case"] for item in session.items if getattr(item, "originalname", "") == name and hasattr(item, "callspec")
    }
    return [case for case in CASES if case.id in ids]


@pytest.fixture(scope="session")
def outcomes(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Outcome]:
    return build_all(selected(request.session, "test_case"), tmp_path_factory.mktemp("hostile"))


@pytest.mark.parametrize("case", [case.id for case in CASES])
def test_case(case: str, outcomes: dict[str, Outcome]) -> None:
    mismatches = case_mismatches(outcomes[case])
    assert not mismatches, f"{case} ({BY_ID[case].note}):\n  " + "\n  ".join(mismatches)


def test_corpus_size() -> None:
    """The issue asks for at least 100 cases over the eight classes."""
    classes = {case.cls for case in CASES}
    assert len(CASES) >= 100 and len(classes) == 8, (len(CASES), classes)


# --- the combined project: every clean case once as PDF and once as ePub ----------

COMBINED_CONF = """\
from pubcomment.latex import latex_settings

extensions = ["myst_parser", "sphinx_design", "pubcomment"]
language = "ja"
exclude_patterns = ["_build"]
project = "見本の敵対的入力"
copyright = "2026, 見本市"
version = release = "1"
globals().update(latex_settings())
latex_documents = [("index", "corpus.tex", "見本の敵対的入力", "見本市", "manual", False)]
epub_uid = epub_identifier = "hostile-corpus"
epub_scheme = "URI"
epub_use_index = False
epub_show_urls = "no"
# The corpus expects exactly the warnings of each case: the completeness check is test-law's.
pubcomment_law_rules = []
"""


def combined_project(base: Path) -> Path:
    srcdir = base / "src"
    srcdir.mkdir(parents=True)
    (srcdir / "conf.py").write_text(COMBINED_CONF, encoding="utf-8")
    toctree = "\n".join(f"{case.id}/index" for case in CLEAN)
    (srcdir / "index.md").write_text(
        f"# 見本の敵対的入力（synthetic）\n\n```{{toctree}}\n:maxdepth: 1\n\n{toctree}\n```\n", encoding="utf-8"
    )
    for case in CLEAN:
        write_case(case, srcdir / case.id, title=f"見本 {case.number:03d}")
    return srcdir


def combined_warnings(stderr: str, srcdir: Path, allowed_extra: set[str]) -> list[str]:
    """Each case's warnings are those it expects (and allowed_extra); none elsewhere."""
    found = parse_warnings(stderr, srcdir)
    problems = []
    for case in CLEAN:
        mine = [w for w in found if w.location.startswith(case.id + "/")]
        extra = [w for w in mine if w.subtype in allowed_extra]
        problems += match_warnings(case.expected, [w for w in mine if w not in extra], case.id, prefix=case.id + "/")
        found = [w for w in found if w not in mine]
    problems += [f"unexpected {w.level.lower()} {w}" for w in found]
    return problems


class Printed:
    def __init__(self, build_problems: list[str], text: str, glyph_cases: set[str], tex: str) -> None:
        self.build_problems, self.text, self.glyph_cases, self.tex = build_problems, text, glyph_cases, tex


@pytest.fixture(scope="session")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Printed:
    for tool in ("uplatex", "dvipdfmx", "latexmk", "pdftotext"):
        require_tool(tool, "printing the corpus")
    base = tmp_path_factory.mktemp("hostile-latex")
    srcdir = combined_project(base)
    outdir = base / "latex"
    build = sphinx("latex", srcdir, outdir, base / "doctrees", timeout=600)
    problems = [f"sphinx-build -b latex: {build.crashed}"] if build.crashed else []
    problems += combined_warnings(build.stderr, srcdir, {"glyph"})
    glyphs = {w.location.split("/", 1)[0] for w in parse_warnings(build.stderr, srcdir) if w.subtype == "glyph"}
    tex_path = outdir / "corpus.tex"
    tex = tex_path.read_text(encoding="utf-8") if tex_path.exists() else ""
    text = ""
    if tex:
        # nonstopmode and -f: a LaTeX error is reported, and the PDF still made for the per-case checks.
        latex = run(["latexmk", "-r", "latexmkjarc", "-pdfdvi", "-dvi-", "-ps-", "-f", "-silent", "corpus.tex"], cwd=outdir, timeout=900)
        log = (outdir / "corpus.log").read_text(encoding="utf-8", errors="replace") if (outdir / "corpus.log").exists() else ""
        errors = [line for line in log.splitlines() if line.startswith("! ")]
        if latex.returncode != 0 or errors:
            problems.append(f"LaTeX: exit {latex.returncode}, errors {errors[:5]}")
        pdf = outdir / "corpus.pdf"
        if pdf.exists():
            raw = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=False).stdout
            text = re.sub(r"(?<=[A-Za-z])-\n(?=[A-Za-z])", "", raw)
        else:
            problems.append("no PDF written")
    return Printed(problems, squeeze(text), glyphs, tex)


@pytest.mark.latex
def test_corpus_pdf_builds(printed: Printed) -> None:
    assert not printed.build_problems, "\n".join(printed.build_problems)
    body = printed.tex[printed.tex.find(r"\begin{document}") :]
    for raw in (TEX_INPUT, r"\write18{", r"\immediate\write"):
        assert raw not in body, f"unescaped {raw} in the LaTeX source"
    for marker in FORBIDDEN_TEXT:
        assert marker not in printed.text


# What pdftotext cannot give back although the page shows it: the T5 font's
# Đ/đ are read as Ð/ð (the same glyph), and the joiner and variation
# selectors of an emoji sequence print nothing (its emoji print one by one).
_EXTRACTION = str.maketrans({"\u0110": "\u00d0", "\u0111": "\u00f0", "\u200d": None, "\ufe0f": None, "\ufe0e": None})


def as_extracted(text: str) -> str:
    return text.translate(_EXTRACTION)


@pytest.mark.latex
@pytest.mark.parametrize("case", [case.id for case in CLEAN])
def test_case_in_pdf(case: str, printed: Printed) -> None:
    if not printed.text:
        pytest.fail("the corpus PDF was not made: " + "; ".join(printed.build_problems[:3]))
    missing = []
    for expected in BY_ID[case].texts:
        at = find_in_order(as_extracted(squeeze(expected)), as_extracted(printed.text))
        if at is not None:
            missing.append(f"from character {at}: {shorten(squeeze(expected)[at:])}")
    if missing and BY_ID[case].glyph_ok and case in printed.glyph_cases:
        return  # the build said which characters it cannot print
    assert not missing, f"{case} ({BY_ID[case].note}): not in the PDF text:\n  " + "\n  ".join(missing)


@pytest.mark.latex
@pytest.mark.parametrize("case", CLEAN_WITHHOLDING)
def test_case_withholds_in_print(case: str, printed: Printed) -> None:
    """The case's withheld text is neither in the .tex (of every case) nor in the PDF's text."""
    if not printed.text:
        pytest.fail("the corpus PDF was not made: " + "; ".join(printed.build_problems[:3]))
    found = leaks(BY_ID[case].withheld, [("corpus.tex", printed.tex.encode()), ("corpus.pdf (pdftotext)", printed.text.encode())])
    assert not found, f"{case} ({BY_ID[case].note}):\n  " + "\n  ".join(found)


@pytest.fixture(scope="session")
def ebook(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], Path | None]:
    base = tmp_path_factory.mktemp("hostile-epub")
    srcdir = combined_project(base)
    outdir = base / "epub"
    build = sphinx("epub", srcdir, outdir, base / "doctrees", timeout=600)
    problems = [f"sphinx-build -b epub: {build.crashed}"] if build.crashed else []
    problems += combined_warnings(build.stderr, srcdir, set())
    epubs = list(outdir.glob("*.epub"))
    return problems, epubs[0] if epubs else None


@pytest.mark.epub
def test_corpus_epub_is_valid(ebook: tuple[list[str], Path | None]) -> None:
    problems, epub = ebook
    assert epub is not None, "no ePub written: " + "; ".join(problems[:3])
    result = run_epubcheck(epub)
    report = result.stdout + result.stderr
    messages = [line for line in report.splitlines() if line.startswith(("ERROR", "WARNING", "FATAL"))]
    problems += [f"EPUBCheck: {line[:200]}" for line in messages[:30]]
    if result.returncode != 0 and not messages:
        problems.append(f"EPUBCheck exited {result.returncode}: {report[-500:]}")
    assert not problems, "\n".join(problems)


@pytest.mark.epub
@pytest.mark.parametrize("case", [case.id for case in CLEAN])
def test_case_in_epub(case: str, ebook: tuple[list[str], Path | None]) -> None:
    _problems, epub = ebook
    assert epub is not None, "no ePub written"
    with zipfile.ZipFile(epub) as archive:
        name = f"{case}/index.xhtml"
        assert name in archive.namelist(), f"{name} not in the ePub"
        page = archive.read(name).decode("utf-8")
    soup = BeautifulSoup(page, "html.parser")
    for hidden in soup.select(HIDDEN):
        hidden.decompose()
    text = squeeze(soup.get_text())
    missing = [shorten(expected) for expected in BY_ID[case].texts if squeeze(expected) not in text]
    assert PASSWD_MARKER not in page
    assert "<script" not in page.lower(), "a <script> in the ePub page"
    assert not missing, f"{case} ({BY_ID[case].note}): not in the ePub page:\n  " + "\n  ".join(missing)


@pytest.mark.epub
@pytest.mark.parametrize("case", CLEAN_WITHHOLDING)
def test_case_withholds_in_epub(case: str, ebook: tuple[list[str], Path | None]) -> None:
    """The case's withheld text is in no member of the ePub (of every case: its pages, index, navigation)."""
    _problems, epub = ebook
    assert epub is not None, "no ePub written"
    found = leaks(BY_ID[case].withheld, archive_members(epub.name, epub.read_bytes()))
    assert not found, f"{case} ({BY_ID[case].note}):\n  " + "\n  ".join(found)
