"""Under -j N the rows of a long table are written by several processes,
and the page is byte for byte the page one process writes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from pubcomment.core import loader
from pubcomment.html import parallel_rows

# Six opinions on topic a (blocks of 3 and 3 under -j 2: the second block
# starts on an even row, the head row being the first), with a (※) note, category badges and markup-like text.
EXTRA_ROWS = "".join(
    f"{n},a,意見{n}の要旨です。{'（※）' if n == 6 else ''}<b>太字</b>ではない,考え方{n}です。,{'B' if n % 2 else 'D'},S{n},"
    + ("本市の既存の取組です。" if n == 6 else "")
    + "\n"
    for n in range(5, 9)
)


@pytest.mark.parametrize(
    ("count", "processes", "sizes"),
    [
        (10, 2, [10]),  # fewer than two blocks' worth: one block
        (800, 2, [400, 400]),
        (801, 2, [401, 400]),
        (1199, 3, [600, 599]),  # never a block under the minimum
        (5000, 4, [1250, 1250, 1250, 1250]),
        (0, 2, [0]),
    ],
)
def test_blocks_cover_the_rows_in_order(count: int, processes: int, sizes: list[int]) -> None:
    items = list(range(count))
    parts = parallel_rows.blocks(items, processes)
    assert [len(part) for part in parts] == sizes
    assert [item for part in parts for item in part] == items


def _project(tmp_path: Path, rootdir: Path) -> Path:
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-incremental", srcdir)
    csv = srcdir / "data" / "opinions.csv"
    header, *rows = csv.read_text(encoding="utf-8").splitlines()
    csv.write_text("\n".join([header + ",要旨の注", *(row + "," for row in rows)]) + "\n" + EXTRA_ROWS, encoding="utf-8")
    return srcdir


def _build(srcdir: Path, out: Path, *jobs: str) -> None:
    from sphinx.cmd.build import build_main

    loader._cache.clear()
    assert build_main(["-q", "-b", "html", *jobs, str(srcdir), str(out)]) == 0


class Cuts:
    """How parallel_rows cut each table, and in which process: the main
    process cuts a table for its search words (this test's own process:
    the build runs in it), a writer for its rows (a worker under -j 2)."""

    def __init__(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.path = tmp_path / "cuts"  # written by worker processes too
        cut = parallel_rows.blocks

        def logged(items: list[object], processes: int) -> list[object]:
            parts = cut(items, processes)
            where = "main" if os.getpid() == self.main else "worker"
            with self.path.open("a", encoding="utf-8") as log:
                log.write(f"{where} {[len(part) for part in parts]}\n")
            return parts  # type: ignore[return-value]

        self.main = os.getpid()
        monkeypatch.setattr(parallel_rows, "MIN_ROWS_PER_BLOCK", 3)
        monkeypatch.setattr(parallel_rows, "blocks", logged)

    def take(self) -> list[str]:
        lines = sorted(self.path.read_text(encoding="utf-8").splitlines()) if self.path.exists() else []
        self.path.unlink(missing_ok=True)
        return lines


@pytest.fixture
def cuts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Cuts:
    return Cuts(tmp_path, monkeypatch)


def test_rows_written_in_blocks_under_j2_give_the_same_pages(tmp_path: Path, rootdir: Path, cuts: Cuts) -> None:
    srcdir = _project(tmp_path, rootdir)
    _build(srcdir, tmp_path / "serial")
    assert cuts.take() == []  # -j 1: nothing to cut
    _build(srcdir, tmp_path / "parallel", "-j", "2")
    # Topic a in two blocks, for its words in the main process and for its rows in the worker.
    assert cuts.take() == ["main [2]", "main [3, 3]", "worker [2]", "worker [3, 3]"]

    for page in ("topic-a.html", "topic-b.html", "index.html", "searchindex.js"):
        serial = (tmp_path / "serial" / page).read_bytes()
        assert (tmp_path / "parallel" / page).read_bytes() == serial, page
    page = (tmp_path / "parallel" / "topic-a.html").read_text(encoding="utf-8")
    assert page.count("<tbody>") == 1 and page.count("</tbody>") == 1
    assert page.count('class="row-odd"') == 4 and page.count('class="row-even"') == 3  # head row and 6 rows
    assert "&lt;b&gt;太字&lt;/b&gt;" in page and "<b>太字</b>" not in page
    assert "本市の既存の取組です。" in page


def test_nothing_is_split_when_an_extension_is_not_parallel_write_safe(tmp_path: Path, rootdir: Path, cuts: Cuts) -> None:
    srcdir = _project(tmp_path, rootdir)
    (srcdir / "unsafe_ext.py").write_text(
        "def setup(app):\n    return {'parallel_read_safe': True, 'parallel_write_safe': False}\n", encoding="utf-8"
    )
    conf = srcdir / "conf.py"
    conf.write_text(
        "import sys, pathlib\nsys.path.insert(0, str(pathlib.Path(__file__).parent))\n"
        + conf.read_text(encoding="utf-8").replace('"pubcomment"]', '"pubcomment", "unsafe_ext"]'),
        encoding="utf-8",
    )
    _build(srcdir, tmp_path / "out", "-j", "2")
    assert cuts.take() == ["main [2]", "main [2]", "main [6]", "main [6]"]  # Sphinx writes in the main process too


def test_the_processes_forked_are_shared_by_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    """Under -j 3 at most two processes are forked at a time, whoever forks them:
    a worker that finds none free writes its table alone."""
    import multiprocessing
    from typing import cast

    from sphinx.builders import Builder

    class FakeBuilder:  # what cut reads of a builder
        parallel_ok = True

    builder = cast(Builder, FakeBuilder())
    monkeypatch.setitem(parallel_rows._processes, builder, 3)
    monkeypatch.setitem(parallel_rows._spare, builder, multiprocessing.get_context("fork").BoundedSemaphore(2))
    rows = list(range(2000))
    with parallel_rows.cut(builder, rows) as first:
        assert [len(part) for part in first] == [667, 667, 666]
        with parallel_rows.cut(builder, rows) as second:
            assert second == [rows]
    with parallel_rows.cut(builder, rows[:900]) as short:
        assert [len(part) for part in short] == [450, 450]  # two blocks of 400 or more, not three
        with parallel_rows.cut(builder, rows) as rest:
            assert [len(part) for part in rest] == [1000, 1000]
    FakeBuilder.parallel_ok = False  # an extension unsafe for parallel writing
    with parallel_rows.cut(builder, rows) as unsafe:
        assert unsafe == [rows]
