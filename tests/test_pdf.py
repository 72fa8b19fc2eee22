"""Print copies: the sample site's PDFs hold the facts, embed every font, and
hostile opinion text prints literally.

The PDFs are built once per session into a temporary directory, in the order
of ``conf/documents.py`` (as ``make latexpdf`` does).
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import string
import subprocess
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from docutils import nodes
from sphinx.testing.util import SphinxTestApp

from pubcomment.core import loader
from pubcomment.core.tally import tally
from pubcomment.core.wareki import format_period
from pubcomment.render import safe_markdown as cells
from pubcomment.render.opinions import topic_heading
from pubcomment.site import Document
from tests.support.site import documents
from tests.support.tools import ROOT, latexmk, pdf_text, require_latex, sphinx_build, squeeze

SAMPLE = documents()
BODY, DOCUMENTS = SAMPLE.BODY, SAMPLE.DOCUMENTS

pytestmark = pytest.mark.latex

RESULTS_DATA = ROOT / "source" / "results" / "data" / "consultation.yaml"


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
    assert fields["Author"].strip() == document.author
    assert document.author == BODY or document.key.startswith("sample_")  # the 見本 are fictional bodies
    assert fields["Page size"].strip().endswith("(A4)")
    assert "??" not in printed[key].text
    assert pdf_languages(printed[key].pdf) == {"ja"}
    # A reference to a document printed elsewhere shows its title, not its path.
    assert not re.search(r"\w/index", printed[key].text)
    # The running header carries the document's title (every page after the
    # table of contents; a short 見本 has one or two of them).
    assert printed[key].text.count(squeeze(document.title)) >= min(3, int(fields["Pages"]) - 1)


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
    body = tex[tex.index(r"\begin{document}") :]
    # (Sphinx itself writes \makeatletter around long tables.)
    unescaped = (
        r"\input{/etc/passwd}",
        r"\write18{",
        r"\immediate",
        r"\makeatletter \catcode",
        r"\newpage）",
        r"\def\x{y}",
        r"\textbf{x}",
        r"\vfill 100",
        r"\clearpage{} 50",
    )
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


# Every character of every opinion is printed, in order: rows of any length
# break across pages, long unbroken text wraps inside its cell, and no word
# is hyphenated.  The texts are made here (a 50,000-character line has no
# place in a fixture file); test-every-character-latex holds the rest.

EVERY_CATEGORY = "甲"  # printed in each opinion's first row; in none of the texts
FURNITURE = ("（前のページからの続き）", "次のページに続く", "No意見の要旨本市の考え方区分")
LONG_URL = "https://www.example.lg.jp/kurashi/kotsu/" + "bus-route-reorganisation-plan-" * 8 + "2026.pdf?download=1&lang=ja"


def _every_character_opinions() -> list[tuple[str, str]]:
    """(summary, response) of each opinion: one long, one short, so that a
    split row's pieces follow each other in the PDF's text."""
    rng = random.Random(2025)
    alphabet = string.ascii_letters + string.digits + "+/"
    japanese = "、".join(f"論点{n}として地域の公共交通を守るための財源の確保を求め" for n in range(1, 131))
    english = " ".join(
        f"Sentence {n} asks the city to keep the bus line to the station running every hour, including holidays." for n in range(1, 81)
    )
    hyphenless = " ".join(
        f"Point {n}: the \\input and \\include commands, internationalization, responsibilities, "
        f"incomprehensibilities and characteristically unhyphenated words stay whole."
        for n in range(1, 31)
    )
    return [
        (japanese, "回答一"),
        (english, "回答二"),
        ("意見三", hyphenless),
        ("".join(rng.choice(alphabet) for _ in range(50_000)), "回答四"),
        (f"資料は {LONG_URL} にあります。リンク [資料]({LONG_URL}) と <{LONG_URL}> も。", "回答五"),
        (
            "意見六",
            "コードの例 `for (i = 0; i < items.length; i++) { total += items[i].priceWithTaxIncludedInYen"
            "*quantities[i]; }` です。変更は {u}`" + LONG_URL + "` の通り。",
        ),
        ("意見七", "次のコードです。\n\n```\nitems = [" + ",".join(f"'item{n:03d}'" for n in range(60)) + "]\n```\n"),
    ]


def _printed(markdown: str) -> str:
    """What print shows of a text, without white space: its text, and a
    link's address after its text (pubcomment.latex.links)."""
    parts: list[str] = []

    def walk(node: nodes.Node) -> None:
        if isinstance(node, nodes.Text):
            parts.append(node.astext())
            return
        for child in node.children:
            walk(child)
        if isinstance(node, nodes.reference) and node.astext() != node["refuri"]:
            parts.append(f"({node['refuri']})")

    for block in cells.parse_blocks(markdown):
        walk(block)
    return re.sub(r"\s+", "", "".join(parts))


def _pdf_body(pdf: Path) -> str:
    """A PDF's text without white space, running header, page numbers and
    the table's repeated head and foot."""
    pages = pdf_text(pdf).split("\f")
    kept = []
    for page in pages:
        lines = [line for line in page.splitlines() if line.strip()]
        if lines and lines[0].strip() == "全文の印刷":
            lines = lines[1:]
        if lines and lines[-1].strip().isdigit():
            lines = lines[:-1]
        kept.append("".join(lines))
    text = re.sub(r"\s+", "", "".join(kept))
    for furniture in FURNITURE:
        text = text.replace(furniture, "")
    return text


def test_every_character_of_every_opinion_is_printed(make_app, rootdir: Path, tmp_path: Path) -> None:
    """For every opinion, all of its characters, in order, hyphen-free: the
    PDF's text (white space aside) holds each long text whole, interrupted
    only by its row's other cells and the tables' head and foot."""
    require_latex()
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-every-character-latex", srcdir)
    opinions = _every_character_opinions()
    data = {
        "title": "全文の意見",
        "body": {"name": "見本市"},
        "period": {"start": "2025-12-03", "end": "2026-01-05"},
        "categories": [{"key": EVERY_CATEGORY, "description": "反映"}],
        "opinions": [{"category": EVERY_CATEGORY, "summary": s, "response": r} for s, r in opinions],
    }
    (srcdir / "data.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    app = make_app("latex", srcdir=srcdir, freshenv=True)
    app.build()
    assert "WARNING" not in app.warning.getvalue()
    latexmk(Path(app.outdir), "every")
    log = (Path(app.outdir) / "every.log").read_text(encoding="utf-8", errors="replace")
    # Nothing runs across the next column (a few points of a justified line may).
    overfull = [float(width) for width in re.findall(r"Overfull \\hbox \(([\d.]+)pt too wide\)", log)]
    assert max(overfull, default=0.0) < 3.0, overfull
    text = _pdf_body(Path(app.outdir) / "every.pdf")
    for number, (summary, response) in enumerate(opinions, 1):
        # In a row, the cells follow each other (number, opinion, answer,
        # category); a split row's next rows hold only the long text's pieces.
        long, between = (summary, _printed(response) + EVERY_CATEGORY) if len(summary) > len(response) else (response, EVERY_CATEGORY)
        expected = _printed(long)
        start = text.find(expected[:30])
        assert start >= 0, f"opinion {number}: its start {expected[:30]!r} is not printed"
        window = text[start : start + len(expected) + len(between)]
        printed = window.replace(between, "", 1)
        found = next((i for i, (a, b) in enumerate(zip(printed, expected, strict=False)) if a != b), len(printed))
        assert printed == expected, (
            f"opinion {number}: {found} of {len(expected)} characters printed in order; "
            f"then {printed[found : found + 40]!r} instead of {expected[found : found + 40]!r}"
        )


def test_latexmk_gives_tex_more_memory(rootdir: Path, tmp_path: Path) -> None:
    """Sphinx's LaTeX of 10,000 opinions exceeds TeX's default main memory
    (bench/README.md, latexpdf-10000): the latexmkrc beside the .tex asks for more."""
    from pubcomment.latex import tex_memory
    from tests.support.tools import sphinx_build

    out = tmp_path / "latex"
    sphinx_build("-b", "latex", str(rootdir / "test-basic"), str(out))
    rc = (out / "latexmkrc").read_text(encoding="utf-8")
    assert rc.startswith(tex_memory.LINE) and rc.count(tex_memory.MARK) == 1
    perl = subprocess.run(
        ["perl", "-e", "do './latexmkrc'; print $ENV{'extra_mem_bot'}"],
        cwd=out,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "extra_mem_bot": ""},
    )
    assert perl.stdout == str(tex_memory.EXTRA_MEMORY_WORDS)


@pytest.mark.latex
def test_a_legend_taller_than_a_page_and_medium_latin_tokens_wrap_in_their_cells(make_app, rootdir: Path, tmp_path: Path) -> None:
    """A 10,000-character category description runs on over pages (the legend becomes a long table),
    and runs of wide Latin characters (W, =) no wider than a line of text but wider than their cell break inside it."""
    require_latex()
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-basic", srcdir)
    description = "".join(f"見本の説明{i}番です。" for i in range(1, 700))
    page = (srcdir / "index.md").read_text(encoding="utf-8")
    page = page.replace("description: 御意見を踏まえ、当初案に反映したもの", f"description: {description}", 1)
    page = page.replace("description: 御意見の趣旨を踏まえ、取組を推進するもの", "description: 見本W" + "W" * 44 + "見本", 1)
    page = page.replace("summary: |\n      一段落目。", "summary: |\n      一段落目。見本" + "=" * 36 + "見本", 1)
    (srcdir / "index.md").write_text(page, encoding="utf-8")
    app = make_app("latex", srcdir=srcdir, freshenv=True)
    app.build()
    tex = next(Path(app.outdir).glob("*.tex"))
    before_legend = tex.read_text(encoding="utf-8").split(r"\caption{対応区分", 1)[0]
    assert before_legend.rfind(r"\begin{longtable}") > before_legend.rfind(r"\end{"), "the legend is no long table"
    latexmk(Path(app.outdir), tex.stem)
    text = squeeze(pdf_text(tex.with_suffix(".pdf")))
    assert [f"説明{i}番" for i in range(1, 700) if f"見本の説明{i}番です。" not in text] == []
    log = tex.with_suffix(".log").read_text(encoding="utf-8", errors="replace")
    assert re.findall(r"Overfull \\hbox \((\d+\.\d+)pt too wide\)", log) == []
