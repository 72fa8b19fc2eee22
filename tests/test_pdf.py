"""Print copies: the sample site's PDFs hold the facts, embed every font, and
hostile opinion text prints literally.

The PDFs are built once per session into a temporary directory, in the order
of ``conf/documents.py`` (as ``make latexpdf`` does).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from conftest import ROOT, require_tool, sphinx_build
from pubcomment.core import loader
from pubcomment.core.tally import tally
from pubcomment.core.wareki import format_period
from pubcomment.render import safe_markdown as cells
from pubcomment.render.opinions import topic_heading

sys.path.insert(0, str(ROOT / "conf"))
from documents import BODY, DOCUMENTS, Document

pytestmark = pytest.mark.latex

RESULTS_DATA = ROOT / "source" / "results" / "data" / "consultation.yaml"


def require_latex() -> None:
    for tool in ("uplatex", "dvipdfmx", "latexmk", "pdftotext", "pdffonts", "pdfinfo"):
        require_tool(tool, "printing a PDF")


def latexmk(directory: Path, stem: str) -> None:
    """Compile one document as the Makefile does (upLaTeX, then dvipdfmx);
    fail with the end of its log."""
    result = subprocess.run(
        ["latexmk", "-r", "latexmkjarc", "-pdfdvi", "-dvi-", "-ps-", "-silent", "-halt-on-error", f"{stem}.tex"],
        cwd=directory, capture_output=True, text=True, env={**os.environ, "LATEXOPTS": ""}, check=False,
    )
    if result.returncode != 0:
        log = directory / f"{stem}.log"
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:] if log.exists() else result.stdout[-3000:]
        pytest.fail(f"LaTeX failed for {stem}:\n{tail}")


# dvipdfmx names the Latin fonts' ligature glyphs by their Unicode
# presentation forms (ﬁ U+FB01); a reader sees, and a viewer's search finds, "fi".
LIGATURES = {ord(char): unicodedata.normalize("NFKC", char) for char in "\ufb00\ufb01\ufb02\ufb03\ufb04"}


def pdf_text(pdf: Path) -> str:
    """The text of a PDF in content-stream order: the lines of a table cell
    in a row (the default reading order interleaves the lines of cells side
    by side)."""
    text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.translate(LIGATURES)


def squeeze(text: str) -> str:
    """Text without white space: pdftotext breaks lines and spaces Latin from Japanese.

    A Latin word hyphenated at the end of a line is joined again.
    """
    return re.sub(r"\s+", "", re.sub(r"(?<=[A-Za-z])-\n(?=[A-Za-z])", "", text))


def plain(markdown: str) -> str:
    """The text a reader sees of an opinion's markdown."""
    return " ".join(node.astext() for node in cells.parse_blocks(markdown))


def pdf_languages(pdf: Path) -> set[str]:
    """The /Lang entries of a PDF (dvipdfmx writes the catalog into a compressed object stream)."""
    data = pdf.read_bytes()
    chunks = [data]
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            chunks.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return {lang.decode() for chunk in chunks for lang in re.findall(rb"/Lang\s*\(([^)]*)\)", chunk)}


@dataclass
class Printed:
    document: Document
    pdf: Path
    text: str  # squeezed


@pytest.fixture(scope="session")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Printed]:
    """Every document's PDF, as `make latexpdf` builds them: one Sphinx build per
    edition of the plan (``-t final``, ``-t draft``), then upLaTeX in the order
    of DOCUMENTS (a later PDF may read an earlier one's .aux)."""
    require_latex()
    result = {}
    for edition in dict.fromkeys(d.edition for d in DOCUMENTS):
        outdir = tmp_path_factory.mktemp(f"latex-{edition}")
        sphinx_build("-b", "latex", "-t", edition, "-c", str(ROOT / "conf"), str(ROOT / "source"), str(outdir))
        for document in DOCUMENTS:
            if document.edition == edition:
                latexmk(outdir, document.stem)
                pdf = outdir / f"{document.stem}.pdf"
                result[document.key] = Printed(document, pdf, squeeze(pdf_text(pdf)))
    return result


@pytest.mark.parametrize("key", [d.key for d in DOCUMENTS])
def test_every_font_is_embedded(printed: dict[str, Printed], key: str) -> None:
    output = subprocess.run(["pdffonts", str(printed[key].pdf)], capture_output=True, text=True, check=True).stdout
    _header, _rule, *fonts = output.splitlines()
    assert fonts, "no fonts listed"
    # Columns from the right (emb sub uni object-id generation): a long font
    # name (HaranoAjiMincho-Regular-Identity-H) shifts the others.
    not_embedded = [line for line in fonts if line.split()[-5] != "yes"]
    assert not_embedded == []


@pytest.mark.parametrize("key", [d.key for d in DOCUMENTS])
def test_metadata_and_no_unresolved_reference(printed: dict[str, Printed], key: str) -> None:
    document = printed[key].document
    info = subprocess.run(["pdfinfo", str(printed[key].pdf)], capture_output=True, text=True, check=True).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    assert fields["Title"].strip() == document.title
    assert fields["Author"].strip() == document.author == BODY
    assert fields["Page size"].strip().endswith("(A4)")
    assert "??" not in printed[key].text
    assert pdf_languages(printed[key].pdf) == {"ja"}
    # A reference to a document printed elsewhere shows its title, not its path.
    assert not re.search(r"\w/index", printed[key].text)
    # The running header carries the document's title.
    assert printed[key].text.count(squeeze(document.title)) >= 3


def test_results_pdf_holds_the_facts(printed: dict[str, Printed]) -> None:
    text = printed["results"].text
    consultation = loader.load_file(RESULTS_DATA).consultation
    assert consultation.start and consultation.end
    period = format_period(consultation.start, consultation.end)
    assert period == "令和7年12月3日（水）から令和8年1月5日（月）まで"
    assert squeeze(period) in text
    for opinion in consultation.opinions:
        # The first words of every summary and answer (a cell's first line).
        assert squeeze(plain(opinion.summary))[:12] in text, opinion.number
        assert squeeze(plain(opinion.response))[:12] in text, opinion.number
    # The tally: each row's label followed by its counts and total.
    result = tally(consultation, total_label="合計", topic_label=topic_heading)
    for row in (*result.rows, result.total):
        assert squeeze(row.label) + "".join(str(n) for n in (*row.counts, row.total)) in text, row.label
    for amendment in consultation.amendments:
        for side in (amendment.after, amendment.before):
            if side:
                assert squeeze(plain(side))[:12] in text, amendment.summary
    assert "下線部は変更箇所" in text
    # Page references into the plan PDF (read from its .aux by xr) are
    # resolved: an unresolved one prints as "--" (see pubcomment.sty).
    assert re.search(r"本編P\d", text)
    assert "P--" not in text


def test_results_pdf_shows_each_category_on_its_row(printed: dict[str, Printed]) -> None:
    """The category letter is printed level with the opening words of its opinion."""
    consultation = loader.load_file(RESULTS_DATA).consultation
    words = _words(printed["results"].pdf)
    for opinion in consultation.opinions:
        opening = plain(opinion.summary).split()[0][:6]
        starts = [w for w in words if w.text.startswith(opening)]
        assert starts, f"opinion {opinion.number}: {opening!r} not found"
        first = starts[0]
        level = [w.text for w in words if w.page == first.page and abs(w.y - first.y) < 4 and w.x > first.x]
        assert opinion.category in level, (opinion.number, level)


@dataclass
class Word:
    page: int
    x: float
    y: float
    text: str


def _words(pdf: Path) -> list[Word]:
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    words: list[Word] = []
    for page, body in enumerate(html.split("<page ")[1:], 1):
        for match in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', body):
            words.append(Word(page, float(match.group(1)), float(match.group(2)), match.group(3)))
    return words


# Hostile text: what the data says, as the reader must see it (one line each).
HOSTILE = [
    r"\input{/etc/passwd}",
    r"\write18{touch pwned}",
    r"100% #1 & ~ ^ _ {x} } { $x$",
    r"\end{document}",
    r"\immediate\write18{touch pwned2}",
    r"\makeatletter \catcode`%=12",  # markdown reads \% as %
    r"\csname relax\endcsname",
    r"\def\x{y} 特殊文字",
    r"'% # & ~ ^ _'",
    r"（P1 \newpage）",
    r"前段\textbf{x} 50%後段",
    r"~^_#& {} \input{/etc/passwd}",
    r"前段\underLine{x}後段",
    r"反映 \vfill 100% #",  # a category's description
    r"ア \clearpage{} 50% & #",  # a topic's title, in a table caption
    r"出典 (https://www.example.go.jp/a/b/c/very/",  # a link's address is printed
]


@pytest.mark.sphinx("latex", testroot="hostile-latex")
def test_hostile_text_is_escaped_in_tex(app: SphinxTestApp) -> None:
    app.build()
    assert "WARNING" not in app.warning.getvalue()
    tex = (app.outdir / "hostile.tex").read_text(encoding="utf-8")
    body = tex[tex.index(r"\begin{document}"):]
    # (Sphinx itself writes \makeatletter around long tables.)
    unescaped = (r"\input{/etc/passwd}", r"\write18{", r"\immediate", r"\makeatletter \catcode", r"\newpage）", r"\def\x{y}", r"\textbf{x}", r"\vfill 100", r"\clearpage{} 50")
    for raw in (*unescaped, r"\underLine{x}"):
        assert raw not in body, raw
    assert body.count(r"\end{document}") == 1
    assert r"\textbackslash{}input\{/etc/passwd\}" in body
    assert r"100\% \#1 \& \textasciitilde{} \textasciicircum{} \_ \{x\} \} \{ \$x\$" in body
    # A heading that opens with a long table (after a note) asks for the room
    # of the table's start, so that it does not stay alone at a page's foot.
    assert re.search(r"\\Needspace\{\d+\\baselineskip\}\s*\\section\{変更点\}", body)
    # A link in a table shows its address (which may break at a slash).
    assert r"{出典} (\sphinxurl{https://www.example.go.jp/a/b/c/very/long/path/to/document\_\%E3" in body
    # Changed text is set unit by unit (pubcomment.underline), each unit escaped.
    assert r"\DUrole{pc-changed}{\pcPlain{\pcK}\pcU{\textbackslash{}textbf\{x\}}\pcS\pcU{50\%}\pcPlain{\pcX}}後段" in body
    assert r"\pcU{\textbackslash{}input\{/}\pcK\pcU{etc/}\pcK\pcU{passwd\}}" in body


@pytest.mark.sphinx("latex", testroot="hostile-latex")
def test_hostile_text_prints_literally(app: SphinxTestApp) -> None:
    require_latex()
    app.build()
    latexmk(Path(app.outdir), "hostile")
    text = squeeze(pdf_text(Path(app.outdir) / "hostile.pdf"))
    for hostile in HOSTILE:
        assert squeeze(hostile) in text, hostile
    assert not list(Path(app.outdir).glob("pwned*")), "\\write18 ran"


@pytest.mark.sphinx("latex", testroot="long-latex")
def test_text_taller_than_a_page_is_printed_whole(app: SphinxTestApp) -> None:
    """A longtable never breaks inside a row: a text taller than a page is split
    over several rows (by paragraphs, and a long paragraph by sentences)."""
    require_latex()
    app.build()
    assert "WARNING" not in app.warning.getvalue()
    latexmk(Path(app.outdir), "long")
    text = squeeze(pdf_text(Path(app.outdir) / "long.pdf"))
    missing = [f"段落{i}：" for i in range(1, 13) if f"段落{i}：" not in text]
    missing += [f"文{i}番：" for i in range(1, 41) if f"文{i}番：" not in text]
    # An amendment's text, underlined as changed throughout: split by sentences
    # too, each piece still underlined.
    missing += [f"改{i}号：" for i in range(1, 41) if f"改{i}号：" not in text]
    assert missing == []
    tex = (Path(app.outdir) / "long.tex").read_text(encoding="utf-8")
    assert tex.count(r"\DUrole{pc-changed}{\pcU{改}") >= 2
