"""A minimal project (only ``extensions`` and ``language``) builds every output
with ``-nW``: the extension's defaults fill in Japanese print and ePub settings
the project left unset, and keep those it set."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from pubcomment.defaults import NCNAME
from pubcomment.latex import latex_settings
from tests.support.tools import require_tool, sphinx_build

MINIMAL_CONF = 'extensions = ["myst_parser", "sphinx_design", "pubcomment"]\nlanguage = "ja"\n'
PAGE = "# 見本市の計画\n\n本文です。\n\n## 第一節\n\n内容。\n"


def minimal_project(directory: Path, extra: str = "") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "conf.py").write_text(MINIMAL_CONF + extra, encoding="utf-8")
    (directory / "index.md").write_text(PAGE, encoding="utf-8")
    return directory


@pytest.mark.sphinx("latex", testroot="defaults", freshenv=True)
def test_defaults_fill_only_what_the_project_left_unset(app: SphinxTestApp) -> None:
    config = app.config
    ours = latex_settings()
    assert config.latex_engine == "uplatex"
    assert config.latex_docclass == ours["latex_docclass"]
    assert config.latex_toplevel_sectioning == "section"
    # Set in conf.py, even to Sphinx's own default: kept.
    assert config.latex_show_urls == "no"
    assert config.latex_elements["papersize"] == "b5paper"
    # Keys of latex_elements the project did not set are ours.
    assert config.latex_elements["fontpkg"] == ours["latex_elements"]["fontpkg"]
    assert config.latex_elements["maketitle"] == r"\pcMakeTitle"
    # ePub: a version, and one identifier that is an XML name.
    assert config.version == "1"
    assert config.epub_uid == config.epub_identifier
    assert NCNAME.fullmatch(config.epub_uid)
    assert config.epub_description == config.epub_title


@pytest.mark.sphinx("latex", testroot="defaults", freshenv=True, confoverrides={"latex_elements.releasename": "版"})
def test_a_release_name_of_the_project_keeps_sphinx_title_page(app: SphinxTestApp) -> None:
    assert "maketitle" not in app.config.latex_elements
    assert app.config.latex_elements["releasename"] == "版"


@pytest.mark.latex
@pytest.mark.epub
def test_minimal_project_builds_html_pdf_and_epub(tmp_path: Path) -> None:
    from tests.support.tools import epubcheck, latexmk, require_latex

    require_latex()
    # A version set for the ePub: the title page shows no 「リリース 1」.
    project = minimal_project(tmp_path / "project", 'project = "見本市の計画"\nauthor = "見本市"\nversion = release = "1"\n')
    sphinx_build("-b", "html", str(project), str(tmp_path / "html"))
    assert "本文です。" in (tmp_path / "html" / "index.html").read_text(encoding="utf-8")

    sphinx_build("-b", "latex", str(project), str(tmp_path / "latex"))
    tex = next((tmp_path / "latex").glob("*.tex"))
    latexmk(tmp_path / "latex", tex.stem)
    pdf = tex.with_suffix(".pdf")
    text = subprocess.run(
        [require_tool("pdftotext", "reading the PDF"), "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "本文です。" in text and "見本市の計画" in text
    assert "リリース" not in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts  # the "emb" column

    doctrees = tmp_path / "doctrees-epub"
    sphinx_build("-b", "epub", "-d", str(doctrees), str(project), str(tmp_path / "epub"))
    epubcheck(next((tmp_path / "epub").glob("*.epub")))
