"""``pubcomment new``: a scaffolded site builds every output with -nW, as its Makefile does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pubcomment import cli
from pubcomment.scaffold import render, self_reference_of
from tests.support.tools import require_tool, sphinx_build


def documents(site: Path, field: str, edition: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-m", "pubcomment.cli", "documents", field, "--edition", edition, "--conf", str(site / "conf")],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.split()


def build_site(site: Path, *, editions: tuple[str, ...], pdf: bool) -> dict[str, list[Path]]:
    # PDFs of the final edition only: the draft's are the same LaTeX (test_pdf.py prints both of the sample).
    """Every output of the site, as its Makefile builds them; the PDFs and ePubs."""
    from tests.support.tools import epubcheck, latexmk

    built: dict[str, list[Path]] = {"pdf": [], "epub": []}
    conf = ["-c", str(site / "conf")]
    source = str(site / "source")
    for edition in editions:
        out = site / "build" / f"html-{edition}"
        sphinx_build("-b", "html", "-t", edition, *conf, "-d", str(site / "build" / f"doctrees-html-{edition}"), source, str(out))
        assert (out / "results" / "index.html").exists()
        if pdf and edition == "final":
            latex = site / "build" / f"latex-{edition}"
            sphinx_build("-b", "latex", "-t", edition, *conf, "-d", str(site / "build" / f"doctrees-latex-{edition}"), source, str(latex))
            for stem in documents(site, "stem", edition):
                latexmk(latex, stem)
                built["pdf"].append(latex / f"{stem}.pdf")
        for key in documents(site, "key", edition):
            out = site / "build" / "epub" / key
            sphinx_build(
                "-b",
                "epub",
                "-t",
                f"epub_{key}",
                "-t",
                edition,
                *conf,
                "-d",
                str(site / "build" / f"doctrees-epub-{key}"),
                source,
                str(out),
            )
            epub = next(out.glob("*.epub"))
            epubcheck(epub)
            built["epub"].append(epub)
    return built


def test_render_keeps_the_lines_for_the_kind_of_site() -> None:
    text = "a\n{{#plan}}\nplan {{CITY}}\n{{/plan}}\n{{^plan}}\nno plan\n{{/plan}}\nb{{#plan}} c{{/plan}}\n"
    assert render(text, {"CITY": "見本市"}, plan=True) == "a\nplan 見本市\nb c\n"
    assert render(text, {"CITY": "見本市"}, plan=False) == "a\nno plan\nb\n"
    assert [self_reference_of(name) for name in ("見本市", "見本県", "見本町", "東京都")] == ["本市", "本県", "本町", "本都"]


def test_new_refuses_a_directory_in_use_and_a_bad_file_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "x").write_text("", encoding="utf-8")
    assert cli.main(["new", str(tmp_path / "used"), "--city", "見本市"]) == 1
    assert "空ではありません" in capsys.readouterr().err
    assert cli.main(["new", str(tmp_path / "new"), "--city", "見本市", "--prefix", "見本"]) == 1
    assert not (tmp_path / "new").exists()


@pytest.mark.latex
@pytest.mark.epub
def test_a_new_site_with_a_plan_builds_everything(tmp_path: Path) -> None:
    from tests.support.tools import require_latex

    require_latex()
    site = tmp_path / "site"
    assert cli.main(["new", str(site), "--city", "見本県", "--prefix", "mihon-pref"]) == 0
    assert 'SELF = "本県"' in (site / "conf" / "documents.py").read_text(encoding="utf-8")
    for target in ("html:", "latexpdf:", "epub:", "livehtml:", "check:", "test:", "clean:"):
        rules = (site / "Makefile").read_text(encoding="utf-8") + (site / "pubcomment.mk").read_text(encoding="utf-8")
        assert f"\n{target}" in rules, target
    assert cli.main(["check", "--root", str(site / "source"), str(site / "source" / "results" / "data" / "consultation.yaml")]) == 0
    built = build_site(site, editions=("final", "draft"), pdf=True)
    assert [pdf.name for pdf in built["pdf"]] == ["mihon-pref-plan.pdf", "mihon-pref-pubcomment-results.pdf"]
    pdffonts = require_tool("pdffonts", "checking the PDF's fonts")
    for pdf in built["pdf"]:
        fonts = subprocess.run([pdffonts, str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
        assert fonts and all(line.split()[-5] == "yes" for line in fonts), (pdf.name, fonts)
    results = (site / "build" / "html-final" / "results" / "index.html").read_text(encoding="utf-8")
    for fact in ("本県の考え方", "見本", "（見本）御意見を踏まえ、「2（1）計画期間内の目標」の目標値を修正", "160 件"):
        assert fact in results, fact


@pytest.mark.epub
def test_a_new_site_without_a_plan_builds(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert cli.main(["new", str(site), "--city", "見本町", "--no-plan"]) == 0
    assert not (site / "source" / "plan").exists()
    built = build_site(site, editions=("final",), pdf=False)
    assert [epub.name for epub in built["epub"]] == ["site-pubcomment-results.epub"]
    results = (site / "build" / "html-final" / "results" / "index.html").read_text(encoding="utf-8")
    assert "本町の考え方" in results and "（見本）P10" in results


def test_the_sample_site_is_an_instance_of_the_scaffold(tmp_path: Path) -> None:
    """One way to set up a site: this repository's sample site is `pubcomment new`'s,
    with Kawasaki's documents and a marked section of its own."""
    import importlib.util

    from pubcomment import scaffold, site

    root = Path(__file__).resolve().parent.parent
    assert cli.main(["new", str(tmp_path / "new"), "--city", "川崎市"]) == 0
    new = tmp_path / "new"
    # conf.py: the scaffold's, unchanged, then what this site adds.
    conf = (root / "conf" / "conf.py").read_text(encoding="utf-8")
    scaffold_conf = (new / "conf" / "conf.py").read_text(encoding="utf-8")
    assert conf.startswith(scaffold_conf)
    assert "この見本サイトだけの設定" in conf[len(scaffold_conf) :]
    # documents.py: the same settings, of the same Document.
    spec = importlib.util.spec_from_file_location("sample_documents", root / "conf" / "documents.py")
    assert spec is not None and spec.loader is not None
    documents = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(documents)
    for name in ("BODY", "SELF", "PROJECT", "DOCUMENTS"):
        assert hasattr(documents, name), name
    assert documents.DOCUMENTS and all(type(d) is site.Document for d in documents.DOCUMENTS)
    # The Makefile: the publishing rules are the package's pubcomment.mk, which the scaffold copies.
    makefile = (root / "Makefile").read_text(encoding="utf-8")
    assert "include ext/pubcomment/scaffold/template/pubcomment.mk" in makefile.splitlines()
    assert "include pubcomment.mk" in (new / "Makefile").read_text(encoding="utf-8").splitlines()
    assert (new / "pubcomment.mk").read_bytes() == (scaffold.TEMPLATE / "pubcomment.mk").read_bytes()
    for target in ("html", "latexpdf", "epub", "livehtml"):
        assert not any(line.startswith(f"{target}:") for line in makefile.splitlines()), f"the Makefile defines {target} itself"
    assert not (root / "tools" / "documents.py").exists()


@pytest.mark.parametrize("plan", [True, False])
def test_the_scaffolds_makefile_runs_the_shared_rules(tmp_path: Path, plan: bool) -> None:
    """`make -n` in a new site: every target resolves, and each edition is built
    (latexpdf is left out: its recipe calls $(MAKE), which -n runs)."""
    make = require_tool("make", "the scaffold's Makefile")
    assert cli.main(["new", str(tmp_path / "new"), "--city", "見本町", *([] if plan else ["--no-plan"])]) == 0
    result = subprocess.run(
        [make, "-n", "html", "epub", "livehtml", "check", "clean"], cwd=tmp_path / "new", capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "-b html" in result.stdout and "-b epub" in result.stdout
    assert ("for edition in final draft;" in result.stdout) is plan
    assert "pubcomment preview" in result.stdout and "--host 127.0.0.1" in result.stdout
    listed = subprocess.run([make, "help"], cwd=tmp_path / "new", capture_output=True, text=True, check=True).stdout.split()
    assert {"html", "latexpdf", "epub", "livehtml", "check", "test", "clean"} <= set(listed), listed


def test_a_failed_build_is_not_published_by_the_next(tmp_path: Path) -> None:
    """`make html` after a failed one builds from the start: Sphinx would not write
    again a page it wrote in the failed build (here with a link it could not resolve
    then, to a label written since in another page), and the next build, warning of
    nothing, would publish it."""
    make = require_tool("make", "the scaffold's Makefile")
    site = tmp_path / "new"
    assert cli.main(["new", str(site), "--city", "見本町", "--no-plan"]) == 0
    stamp = tmp_path / "installed"
    stamp.touch()  # this interpreter's environment stands for the site's .venv
    command = [make, "html", f"VENV={Path(sys.executable).parent.parent}", f"STAMP={stamp}"]
    results = site / "source" / "results" / "index.md"
    results.write_text(results.read_text(encoding="utf-8") + "\n後で書く節: {ref}`pc-later`\n", encoding="utf-8")
    failed = subprocess.run(command, cwd=site, capture_output=True, text=True, check=False)
    assert failed.returncode != 0 and "pc-later" in failed.stderr, failed.stderr
    assert not (site / "build" / "html").exists() and not (site / "build" / ".stage" / "html").exists()
    assert "途中まで作ったもの" in failed.stderr
    cover = site / "source" / "index.md"  # the label is added elsewhere: the results page is not read again
    cover.write_text(cover.read_text(encoding="utf-8") + "\n(pc-later)=\n## 後で書く節\n", encoding="utf-8")
    built = subprocess.run(command, cwd=site, capture_output=True, text=True, check=False)
    assert built.returncode == 0, built.stderr
    assert 'href="../index.html#pc-later"' in (site / "build" / "html" / "results" / "index.html").read_text(encoding="utf-8")
