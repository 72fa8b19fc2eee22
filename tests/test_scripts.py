"""Opinions in the scripts of Japan's foreign residents, in every output.

The web and the ePub show every character as written.  The PDF prints each
script in a font that has it, or 〓 with a ``pubcomment.glyph`` warning at
the opinion's line: never an empty box, never a stopped build
(pubcomment.latex.glyphs).
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from pubcomment.latex import glyphs
from tests.support.tools import epubcheck, latexmk, pdf_text, require_latex, squeeze

DATA = Path(__file__).parent / "roots" / "test-scripts" / "data.yaml"

# Each script's text in the data, and whether the PDF prints it.
PRINTED = {
    "Hangul": "안녕하세요",
    "simplified Chinese": "简体中文的意见",
    "Vietnamese": "TiếngViệtcódấuệơư",
    "emoji": "よろしく😀",
    "ideographic variation sequence (base character)": "葛飾区",
}
# Scripts upLaTeX cannot shape: 〓 in print, and a warning at the opinion's line.
WARNED = {"Thai": ("สวัสดีครับ", 21), "Arabic": ("مرحبا", 25), "Devanagari": ("नमस्ते", 29), "private use": ("\ue000", 45)}
IVS = "葛\U000e0100飾区"


def test_data_holds_every_script() -> None:
    data = DATA.read_text(encoding="utf-8")
    for text in (*PRINTED.values(), *(text for text, _line in WARNED.values()), IVS):
        assert squeeze(text) in squeeze(data), text
    # The warning's line is where the opinion starts.
    lines = data.splitlines()
    for text, line in WARNED.values():
        assert lines[line - 1].startswith("  - ") and text in "\n".join(lines[line - 1 : line + 3]), (text, line)


def test_kinds() -> None:
    kinds = {char: glyphs.kind(char) for char in "aé日한简😀ệơกم\ue000\U000e0100\u200d\ufe0fαάΌЂ"}
    assert kinds == {
        "a": glyphs.Kind.PLAIN,
        "é": glyphs.Kind.PLAIN,
        "日": glyphs.Kind.PLAIN,
        "한": glyphs.Kind.HANGUL,
        "简": glyphs.Kind.HAN,
        "😀": glyphs.Kind.SYMBOL,
        "ệ": glyphs.Kind.VIETNAMESE,
        "ơ": glyphs.Kind.VIETNAMESE,
        "ก": glyphs.Kind.MISSING,
        "م": glyphs.Kind.MISSING,
        "\ue000": glyphs.Kind.MISSING,
        "\U000e0100": glyphs.Kind.SELECTOR,
        "\u200d": glyphs.Kind.INVISIBLE,
        "\ufe0f": glyphs.Kind.INVISIBLE,
        # Harano Aji draws α, but leaves the letters with tonos and Ђ as its .notdef (a box): Symbola prints them.
        "α": glyphs.Kind.PLAIN,
        "ά": glyphs.Kind.SYMBOL,
        "Ό": glyphs.Kind.SYMBOL,
        "Ђ": glyphs.Kind.SYMBOL,
    }
    # A Vietnamese word is one run, in T5; accents typed as combining marks are composed.
    assert list(glyphs.runs("Cảm ơn, ok")) == [
        (glyphs.Kind.VIETNAMESE, "Cảm"),
        (glyphs.Kind.PLAIN, " "),
        (glyphs.Kind.VIETNAMESE, "ơn"),
        (glyphs.Kind.PLAIN, ", ok"),
    ]
    assert glyphs.compose("e\u0301") == "é"


@pytest.mark.sphinx("html", testroot="scripts")
def test_html_shows_every_script(app: SphinxTestApp) -> None:
    app.build()
    assert "WARNING" not in app.warning.getvalue(), app.warning.getvalue()
    page = squeeze((Path(app.outdir) / "index.html").read_text(encoding="utf-8"))
    for text in (*PRINTED.values(), *(text for text, _line in WARNED.values()), IVS):
        assert squeeze(text) in page, text


@pytest.mark.latex
@pytest.mark.sphinx("latex", testroot="scripts")
def test_pdf_prints_each_script_or_warns(app: SphinxTestApp) -> None:
    require_latex()
    app.build()
    warnings = app.warning.getvalue()
    latexmk(Path(app.outdir), "scripts")
    pdf = Path(app.outdir) / "scripts.pdf"
    text = squeeze(pdf_text(pdf))
    for script, printed in PRINTED.items():
        assert squeeze(printed) in text, script
    for script, (written, line) in WARNED.items():
        assert squeeze(written) not in text, script
        assert glyphs.MISSING_MARK * len(squeeze(written)) in text, script
        assert re.search(
            rf"data\.yaml:{line}: WARNING: opinion \d+ in print: no print font has "
            rf"{re.escape(written[0])} U\+{ord(written[0]):04X}.*\[pubcomment\.glyph\]",
            warnings,
        ), script
    assert re.search(
        r"data\.yaml:41: WARNING: opinion 8 in print: variation selectors U\+E0100 are left out.*\[pubcomment\.glyph\]", warnings
    )
    assert len(re.findall(r"WARNING", warnings)) == len(WARNED) + 1, warnings
    # Every font embedded: Harano Aji, Latin Modern (T1 and T5), Noto CJK, Symbola.
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert [line for line in fonts if line.split()[-5] != "yes"] == []
    names = " ".join(line.split()[0] for line in fonts)
    for name in ("HaranoAjiMincho", "NotoSerifCJK", "Symbola", "LMRoman10"):
        assert name in names, name


@pytest.mark.epub
@pytest.mark.sphinx("epub", testroot="scripts")
def test_epub_holds_every_script(app: SphinxTestApp) -> None:
    app.build()
    assert "WARNING" not in app.warning.getvalue(), app.warning.getvalue()
    epub = next(Path(app.outdir).glob("*.epub"))
    with zipfile.ZipFile(epub) as archive:
        page = archive.read("index.xhtml").decode("utf-8")
    for text in ("안녕하세요", "简体中文的意见", "สวัสดีครับ", "مرحبا", "नमस्ते", "Tiếng Việt", "😀", IVS, "\ue000"):
        assert text in page, text
    epubcheck(epub)


@pytest.mark.latex
def test_the_japanese_table_holds_only_what_harano_aji_draws() -> None:
    """glyphs.txt's ``aj1`` is what tools/glyph-tables.py finds now: the CMap's code points whose CID is no .notdef."""
    require_latex()
    pytest.importorskip("fontTools")
    import importlib.util

    spec = importlib.util.spec_from_file_location("glyph_tables", Path(__file__).parent.parent / "tools" / "glyph-tables.py")
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    (line,) = (line for line in glyphs.TABLES.read_text(encoding="ascii").splitlines() if line.startswith("aj1 "))
    assert line == "aj1 " + tool.ranges(tool.printed_by_harano_aji())
