"""Incremental builds write only what changed, and write it as a clean build would."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pubcomment.core import loader

PAGES = ("index.html", "topic-a.html", "topic-b.html", "searchindex.js")


def _build(srcdir: Path, outdir: Path) -> None:
    from sphinx.cmd.build import build_main

    # Each build starts as a new process would: nothing read before is remembered.
    loader._cache.clear()
    assert build_main(["-q", "-b", "html", str(srcdir), str(outdir)]) == 0


def _written(out: Path) -> dict[str, int]:
    return {page: (out / page).stat().st_mtime_ns for page in PAGES}


def _same_as_clean_build(srcdir: Path, out: Path, clean: Path, pages: tuple[str, ...] = PAGES) -> None:
    _build(srcdir, clean)
    for page in pages:
        assert (out / page).read_bytes() == (clean / page).read_bytes(), page


@pytest.fixture
def project(tmp_path: Path, rootdir: Path) -> tuple[Path, Path]:
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-incremental", srcdir)
    out = tmp_path / "out"
    _build(srcdir, out)
    return srcdir, out


def test_editing_one_opinion_rewrites_its_topic_page_only(project: tuple[Path, Path], tmp_path: Path) -> None:
    srcdir, out = project
    before = _written(out)
    csv = srcdir / "data" / "opinions.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace("窓口も残して", "窓口と電話も残して"), encoding="utf-8")
    _build(srcdir, out)
    after = _written(out)
    assert after["topic-a.html"] != before["topic-a.html"]
    assert after["topic-b.html"] == before["topic-b.html"]  # its opinions did not change
    assert "窓口と電話も残して" in (out / "topic-a.html").read_text(encoding="utf-8")
    _same_as_clean_build(srcdir, out, tmp_path / "clean")


def test_moving_an_opinion_rewrites_both_topic_pages_and_the_counts(project: tuple[Path, Path], tmp_path: Path) -> None:
    srcdir, out = project
    csv = srcdir / "data" / "opinions.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace("2,a,", "2,b,"), encoding="utf-8")
    _build(srcdir, out)
    assert "窓口も残して" in (out / "topic-b.html").read_text(encoding="utf-8")
    assert "窓口も残して" not in (out / "topic-a.html").read_text(encoding="utf-8")
    _same_as_clean_build(srcdir, out, tmp_path / "clean")


def test_data_read_from_a_file_is_read_again_not_pickled(project: tuple[Path, Path], tmp_path: Path) -> None:
    """The environment keeps digests and citations, not the opinions; a page
    written in a later build reads them from the file again."""
    srcdir, out = project
    assert "窓口も残して".encode() not in (out / ".doctrees" / "environment.pickle").read_bytes()
    page = srcdir / "topic-b.md"
    page.write_text(page.read_text(encoding="utf-8").replace("項目イの御意見", "項目イへの御意見"), encoding="utf-8")
    _build(srcdir, out)
    text = (out / "topic-b.html").read_text(encoding="utf-8")
    assert "項目イへの御意見" in text and "スマートフォン教室を続けて" in text
    # Only the page itself: Sphinx does not rewrite the neighbours' links to a
    # retitled page, and leaves the old title's words in the index, empty.
    _same_as_clean_build(srcdir, out, tmp_path / "clean", ("topic-b.html",))


def test_each_data_file_is_parsed_once_under_j2(tmp_path: Path, rootdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Under -j a worker reads the document that declares the data; the main
    process gets the data with what the worker read, and does not parse it again."""
    import os

    from sphinx.cmd.build import build_main

    parsed = tmp_path / "parsed"
    original = loader._build

    def counting(*args: object, **kwargs: object) -> loader.Loaded:
        with parsed.open("a", encoding="utf-8") as log:  # workers are other processes
            log.write(f"{os.getpid()}\n")
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "_build", counting)
    loader._cache.clear()
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-incremental", srcdir)
    assert build_main(["-q", "-b", "html", "-j", "2", str(srcdir), str(tmp_path / "out")]) == 0
    assert len(parsed.read_text(encoding="utf-8").splitlines()) == 1
    assert "窓口も残して".encode() not in (tmp_path / "out" / ".doctrees" / "environment.pickle").read_bytes()


@pytest.mark.parametrize("earlier", ["class paths", "data version"])
def test_an_environment_of_an_earlier_layout_is_built_afresh(
    earlier: str, project: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The domain's classes moved from pubcomment.domain to pubcomment.env.domain
    (data_version 9): an environment pickled before is read again from scratch."""
    import pickle
    import sys

    from pubcomment.env import domain

    srcdir, out = project
    pickled = out / ".doctrees" / "environment.pickle"
    env = pickle.loads(pickled.read_bytes())
    if earlier == "class paths":  # pickled as the earlier layout did, the domain's classes under their old path
        monkeypatch.setitem(sys.modules, "pubcomment.domain", domain)
        for kept in (domain.DeclaredConsultation, domain.OpinionTable, domain.Citation):
            monkeypatch.setattr(kept, "__module__", "pubcomment.domain")
    else:
        env.domaindata["pubcomment"]["version"] = 8
    pickled.write_bytes(pickle.dumps(env, pickle.HIGHEST_PROTOCOL))
    assert (b"pubcomment.domain" in pickled.read_bytes()) == (earlier == "class paths")
    monkeypatch.undo()

    before = _written(out)
    _build(srcdir, out)
    after = _written(out)
    assert all(after[page] != before[page] for page in PAGES)  # every page read and written again
    assert b"pubcomment.domain" not in pickled.read_bytes()
    _same_as_clean_build(srcdir, out, tmp_path / "clean")
