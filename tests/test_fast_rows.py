"""html/fast_rows.py writes opinion rows byte for byte as Sphinx's HTML
writer does, and steps aside wherever it cannot be sure of that."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pubcomment.core import loader
from pubcomment.html import fast_rows

ROOT = Path(__file__).resolve().parent.parent

# Roots whose opinion tables hold every kind of cell content: markdown and
# plain text, notes and their links, badges, grouped rows, changed text,
# withheld text, hostile text, other cities' labels.
ROOTS = [
    "test-basic",
    "test-hostile",
    "test-shapes",
    "test-a11y",
    "test-redaction",
    "test-other-city",
    "test-numbers",
    "test-csv",
    "test-amendments",
    "test-plan",
]


class Uses:
    """Counts the tables written by the copy and by the translator."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, enabled: bool) -> None:
        self.fast = self.slow = 0
        usable = fast_rows.usable

        def counted(translator: object) -> bool:
            result = enabled and usable(translator)  # type: ignore[arg-type]
            if result:
                self.fast += 1
            else:
                self.slow += 1
            return result

        monkeypatch.setattr(fast_rows, "usable", counted)


def _build(args: list[str]) -> None:
    from sphinx.cmd.build import build_main

    loader._cache.clear()
    assert build_main(["-q", "-E", "-b", "html", *args]) == 0


def _pages(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*.html"))}


def _both_ways(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, args: list[str]) -> tuple[dict[str, bytes], dict[str, bytes], Uses]:
    with monkeypatch.context() as patch:
        uses = Uses(patch, enabled=True)
        _build([*args, str(tmp_path / "fast")])
    with monkeypatch.context() as patch:
        Uses(patch, enabled=False)
        _build([*args, str(tmp_path / "slow")])
    return _pages(tmp_path / "fast"), _pages(tmp_path / "slow"), uses


@pytest.mark.parametrize("root", ROOTS)
def test_rows_are_the_translators_bytes(root: str, rootdir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / root, srcdir)
    fast, slow, uses = _both_ways(monkeypatch, tmp_path, [str(srcdir)])
    assert uses.fast > 0 and uses.slow == 0  # the copy did write the tables
    assert fast.keys() == slow.keys()
    for page in fast:
        assert fast[page] == slow[page], page


def test_sample_site_rows_are_the_translators_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, slow, uses = _both_ways(monkeypatch, tmp_path, ["-c", str(ROOT / "conf"), str(ROOT / "source")])
    assert uses.fast > 0 and uses.slow == 0
    assert fast.keys() == slow.keys()
    for page in fast:
        assert fast[page] == slow[page], page


OVERRIDE = """
from docutils import nodes


def visit_paragraph(self, node):
    self.body.append(self.starttag(node, "p", "", CLASS="theirs"))


def depart_paragraph(self, node):
    self.body.append("</p>\\n")


def setup(app):
    app.add_node(nodes.paragraph, override=True, html=(visit_paragraph, depart_paragraph))
"""


def test_another_extensions_visitor_is_respected(rootdir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An extension that writes paragraphs its own way: the rows are written by the translator, with it."""
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-basic", srcdir)
    (srcdir / "conf.py").write_text((srcdir / "conf.py").read_text(encoding="utf-8") + OVERRIDE, encoding="utf-8")
    with monkeypatch.context() as patch:
        uses = Uses(patch, enabled=True)
        _build([str(srcdir), str(tmp_path / "out")])
    assert uses.slow > 0 and uses.fast == 0
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    body = page[page.index('<table class="pc-table') :]
    assert '<p class="theirs">' in body[body.index("<tbody") :]


def test_copies_match_the_installed_writers() -> None:
    """On every supported docutils and Sphinx the copied methods are the known
    ones (else the copy is off, correct but slow: compare it and add the digest)."""
    from sphinx.writers.html5 import HTML5Translator

    unknown = {
        name: fast_rows.source_digest(getattr(HTML5Translator, name))
        for name, known in fast_rows.COPIED_DIGESTS.items()
        if fast_rows.source_digest(getattr(HTML5Translator, name)) not in known
    }
    assert not unknown, f"compare html/fast_rows.py with these methods, then add their digests: {unknown}"
