"""Near-identical opinions are grouped; different ones are not (core/similar.py, pubcomment similar)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("numpy")

from pubcomment import cli
from pubcomment.core import loader, similar

A = "マイナンバーカードの普及を急ぐことに反対します。個人情報の漏えいが心配で、高齢者には使いにくいからです。"
B = "図書館の開館時間を平日は夜九時まで延長してください。仕事帰りに本を借りられず困っているからです。"
C = "マイナンバーカードの取得を強制しないでください。紙の保険証も残してほしいと考えています。"  # same topic as A, other words


def test_variants_are_grouped_and_different_templates_are_not() -> None:
    texts = [
        A,
        A.replace("。", "！", 1),
        A.replace("漏えい", "漏洩"),
        "　" + A[:-1] + "市民",
        B,
        B.replace("、", "，") + "よろしく",
        C,
        A,
        "バスの本数を増やしてください。",
    ]
    found = similar.groups(texts)
    assert [g.members for g in found] == [(0, 1, 2, 3, 7), (4, 5)]
    assert found[0].representative == 0  # the text written twice


def test_similar_writes_grouped_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "c.yaml"
    opinions = "".join(f"  - {{summary: '{t}', response: 考え方}}\n" for t in (A, A + "よろしく", B, C))
    data.write_text(
        "title: 見本\nbody: {name: 見本市}\nperiod: {start: 2025-12-03, end: 2026-01-05}\nopinions:\n" + opinions, encoding="utf-8"
    )
    out = tmp_path / "grouped.yaml"
    assert cli.main(["similar", str(data), "--root", str(tmp_path), "--write", str(out)]) == 0
    assert "group 1: 2件 (No. 1, 2)" in capsys.readouterr().out
    (tmp_path / "g.yaml").write_text(data.read_text(encoding="utf-8").split("opinions:")[0] + "opinions: grouped.yaml\n", encoding="utf-8")
    loaded = loader.load_file(tmp_path / "g.yaml", root=tmp_path)
    assert not loaded.problems
    assert [(o.count, o.originals) for o in loaded.consultation.opinions] == [(2, ["1", "2"]), (1, []), (1, [])]
    assert loaded.consultation.opinion_count == 4
