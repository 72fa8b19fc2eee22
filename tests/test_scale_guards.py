"""No work that grows with opinions × pages: counted, not timed (the times are bench/'s).

At national scale a consultation's tables are split over hundreds of
pages.  Anything done again for every opinion row (a walk of the toctree)
or for every page over every opinion (a scan for the page's numbers)
made a build of 100,000 opinions cost 33 times one of 10,000.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

import pubcomment.env.domain
from pubcomment.core import model

CONF = """extensions = ["myst_parser", "sphinx_design", "pubcomment"]
language = "ja"
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence"]
pubcomment_law_rules: list[str] = []
"""


def project(root: Path, pages: int, per_page: int = 5) -> Path:
    """A consultation of ``pages`` × ``per_page`` opinions, one page of the table each;
    every opinion cites a plan section and an amendment."""
    opinions = "\n".join(
        f"  - {{summary: 見本の意見{n}, response: 見本の考え方{n}, sections: [sec], amendments: [change]}}"
        for n in range(1, pages * per_page + 1)
    )
    root.mkdir(parents=True)
    (root / "conf.py").write_text(CONF, encoding="utf-8")
    pages_md = [f"page-{k}" for k in range(pages)]
    (root / "index.md").write_text(
        f"""# 見本

```{{pc-consultation}}
title: 見本の意見募集
body: {{name: 見本市}}
period: {{start: 2025-12-03, end: 2026-01-05}}
opinions:
{opinions}
```

```{{pc-amendments}}
```

```{{toctree}}
plan
{chr(10).join(pages_md)}
```
""",
        encoding="utf-8",
    )
    (root / "plan.md").write_text(
        """# 計画（見本）

(sec)=
## 節

```{pc-amendment} change
:summary: 見本の変更

:::{pc-draft}
旧
:::

:::{pc-final}
新
:::
```
""",
        encoding="utf-8",
    )
    for k, name in enumerate(pages_md):
        first, last = k * per_page + 1, (k + 1) * per_page
        numbers = f"{first}-{last}" if k < pages - 1 else f"{first}-"
        (root / f"{name}.md").write_text(
            f"# {name}\n\n```{{pc-opinions}}\n:consultation: index\n:numbers: {numbers}\n```\n", encoding="utf-8"
        )
    return root


WALK, INDEX = pubcomment.env.domain.documents_under, model.Consultation._groups
SHOWS = pubcomment.env.domain.OpinionTable.shows


def counted_build(tmp_path: Path, pages: int, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    calls = {"toctree walks": 0, "group indexes": 0, "table tests": 0}
    walk, index, shows = WALK, INDEX, SHOWS

    def counting_shows(self: pubcomment.env.domain.OpinionTable, *args: object) -> bool:
        calls["table tests"] += 1
        return shows(self, *args)  # type: ignore[arg-type]

    def counting_walk(*args: object) -> list[str]:
        calls["toctree walks"] += 1
        return walk(*args)  # type: ignore[arg-type]

    def counting_index(self: model.Consultation) -> object:
        if "_group_index" not in self.__dict__:
            calls["group indexes"] += 1
        return index(self)

    monkeypatch.setattr(pubcomment.env.domain, "documents_under", counting_walk)
    monkeypatch.setattr(model.Consultation, "_groups", counting_index)
    monkeypatch.setattr(pubcomment.env.domain.OpinionTable, "shows", counting_shows)
    srcdir = project(tmp_path / f"p{pages}", pages)
    for builder in ("html", "latex"):
        app = SphinxTestApp(builder, srcdir=srcdir, builddir=srcdir / "_build" / builder, freshenv=True)
        try:
            app.build()
            assert "WARNING" not in app.warning.getvalue(), app.warning.getvalue()
        finally:
            app.cleanup()
    return calls


def test_work_per_build_does_not_grow_with_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    few = counted_build(tmp_path, 2, monkeypatch)
    many = counted_build(tmp_path, 12, monkeypatch)
    # Six times the pages and opinions: the toctree is walked and the
    # opinions indexed as often as before (once per build and root).
    tests_few, tests_many = few.pop("table tests"), many.pop("table tests")
    assert many == few, (few, many)
    assert few["toctree walks"] <= 6 and few["group indexes"] <= 4, few
    # Which table shows an opinion (the coverage check, the back links) is
    # asked of each table once, not of each table for every opinion (36 times as often).
    assert tests_many <= 8 * tests_few, (tests_few, tests_many)


def test_full_collections_while_writing_are_paced_by_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """While pages are written the collector runs no full collection of its
    own (core/memory.py), one every PAGES_PER_COLLECTION pages (whose
    survivors are frozen), and it is as it was after the build."""
    import gc

    from pubcomment.core import memory

    monkeypatch.setattr(memory, "PAGES_PER_COLLECTION", 5)
    full: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and info["generation"] == 2 and memory._thresholds:
            full.append(1)

    threshold = gc.get_threshold()
    srcdir = project(tmp_path / "p", 24, per_page=2)
    app = SphinxTestApp("html", srcdir=srcdir, builddir=srcdir / "_build" / "html", freshenv=True)
    gc.callbacks.append(note)
    try:
        app.build()
    finally:
        gc.callbacks.remove(note)
        app.cleanup()
    # Every page written (24 topic pages, the index, the plan, Sphinx's own) counted,
    # one collection every 5 of them, and none of the collector's own.
    written = memory._pages_written[0]
    assert written >= 26 and len(full) == written // 5, (written, full)
    assert gc.get_threshold() == threshold and gc.get_freeze_count() == 0
