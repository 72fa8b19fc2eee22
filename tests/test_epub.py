"""ePub: one per document, valid for EPUBCheck (0 errors, 0 warnings), in Japanese.

The sample site's ePubs are built as ``make epub`` does (``-t epub_<key>``);
a small test root checks how one document of several becomes an ePub:
links into the other documents are unlinked, sphinx-design widgets are
shown plainly.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from pubcomment.epub.css import ebook_css
from tests.support.site import documents
from tests.support.tools import ROOT, epubcheck, sphinx_build

DOCUMENTS = documents().DOCUMENTS

pytestmark = pytest.mark.epub


@pytest.fixture(scope="session")
def epubs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample site's ePubs, built as `make epub` does."""
    result = {}
    for document in DOCUMENTS:
        outdir = tmp_path_factory.mktemp(f"epub-{document.key}")
        # The doctrees go elsewhere: the builder packs what it finds in outdir.
        doctrees = tmp_path_factory.mktemp(f"doctrees-{document.key}")
        sphinx_build(
            "-b",
            "epub",
            "-t",
            f"epub_{document.key}",
            "-t",
            document.edition,
            "-c",
            str(ROOT / "conf"),
            "-d",
            str(doctrees),
            str(ROOT / "source"),
            str(outdir),
        )
        result[document.key] = outdir / f"{document.stem}.epub"
    return result


@pytest.mark.parametrize("key", [d.key for d in DOCUMENTS])
def test_sample_epub_is_valid(epubs: dict[str, Path], key: str) -> None:
    epubcheck(epubs[key])


@pytest.mark.parametrize("key", [d.key for d in DOCUMENTS])
def test_sample_epub_is_japanese_and_holds_its_document_only(epubs: dict[str, Path], key: str) -> None:
    document = next(d for d in DOCUMENTS if d.key == key)
    with zipfile.ZipFile(epubs[key]) as epub:
        names = epub.namelist()
        opf = epub.read("content.opf").decode("utf-8")
        pages = {name: epub.read(name).decode("utf-8") for name in names if name.endswith(".xhtml")}
    assert names[0] == "mimetype"
    assert "<dc:language>ja</dc:language>" in opf
    assert f"<dc:title>{document.title}</dc:title>" in opf
    assert f"{document.root}.xhtml" in names
    assert "index.xhtml" not in names  # the site's front page is not part of a document
    for name, page in pages.items():
        assert 'xml:lang="ja"' in page, name


def test_results_epub_holds_the_facts(epubs: dict[str, Path]) -> None:
    with zipfile.ZipFile(epubs["results"]) as epub:
        page = epub.read("results/index.xhtml").decode("utf-8")
        nav = epub.read("nav.xhtml").decode("utf-8")
        names = epub.namelist()
    for fact in ("令和7年12月3日（水）から令和8年1月5日（月）まで", "下線部は変更箇所", "pc-changed"):
        assert fact in page
    # The open data is published beside the web pages, not inside the ePub.
    assert "pc-downloads" not in page and "opendata/" not in page
    assert not [name for name in names if name.startswith("opendata/")]
    # The navigation lists the document's sections, under a Japanese heading.
    assert "<h1>目次</h1>" in nav
    for section in ("1 経過", "(3) 各意見の内容", "今後の予定"):
        assert section in nav, section


@pytest.mark.sphinx(
    "epub",
    testroot="epub-scope",
    freshenv=True,
    confoverrides={"root_doc": "a/index", "suppress_warnings": ["toc.not_included"]},
)
def test_one_document_of_several(app: SphinxTestApp) -> None:
    app.build()
    assert "WARNING" not in app.warning.getvalue(), app.warning.getvalue()
    epub = next(Path(app.outdir).glob("*.epub"))
    with zipfile.ZipFile(epub) as archive:
        names = archive.namelist()
        page = archive.read("a/index.xhtml").decode("utf-8")
        nav = archive.read("nav.xhtml").decode("utf-8")
    assert "a/index.xhtml" in names
    assert "b/index.xhtml" not in names and "index.xhtml" not in names
    assert not [name for name in names if "only-in-b" in name]  # B's image stays out too
    assert 'href="a/index.xhtml#a-section"' in nav and "本文" in nav and "文書 B" not in nav
    # Links into B are plain text; the link inside A stays.
    assert "b/index.xhtml" not in page
    assert "文書 B" in page and "B の節" in page
    assert 'href="#a-section"' in page
    # Widgets in their plain form: no <input>, <details> or inline SVG.
    for tag in ("<input", "<details", "<svg"):
        assert tag not in page, tag
    for text in ("一つ目", "一つ目の内容", "二つ目の内容", "詳しく", "折りたたみの内容"):
        assert text in page
    epubcheck(epub)


def test_ebook_css_drops_what_epubcheck_rejects() -> None:
    css = """/* a { */ a, b:has(.x) { color: red }
@media print { c:is(p, q), d:not(.e) { margin: 0 } f:where(g) { top: 0 } }
h:has(i) { left: 0 }
m { right: 0 }"""
    cleaned = ebook_css(css)
    assert ":has(" not in cleaned and ":is(" not in cleaned and ":where(" not in cleaned
    assert "a{ color: red }" in cleaned.replace(" {", "{")
    assert "d:not(.e) { margin: 0 }" in cleaned and "@media print" in cleaned
    assert "left: 0" not in cleaned and "m { right: 0 }" in cleaned
