"""The personal-information check (core/privacy.py) and what pubcomment check says of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from pubcomment import cli
from pubcomment.core import privacy


@pytest.mark.parametrize(
    ("text", "kind", "found"),
    [
        ("電話は03-1234-5678です", "phone", "03-1234-5678"),
        ("携帯０９０－１２３４－５６７８まで", "phone", "０９０－１２３４－５６７８"),
        ("FAX (044)200-2111", "phone", "(044)200-2111"),
        ("+81-90-1234-5678", "phone", "+81-90-1234-5678"),
        ("連絡は0441234567へ", "phone", "0441234567"),
        ("返信は taro.k@example.co.jp へ", "email", "taro.k@example.co.jp"),
        ("〒210-8577 見本市", "postal", "〒210-8577"),
        ("見本市北区中央2丁目3番4号に住む", "address", "見本市北区中央2丁目3番4号"),
        ("番号は123456789018です", "mynumber", "123456789018"),
    ],
)
def test_kinds_found(text: str, kind: str, found: str) -> None:
    assert [(f.kind, text[f.start : f.end]) for f in privacy.find_patterns(text)] == [(kind, found)]


@pytest.mark.parametrize(
    "text",
    [
        "2025-12-03に開催",
        "58,049人から160,000人へ",
        "区役所2番窓口",
        "市内2か所",
        "番号123456789012",
        "書類123-4567-890",
        "https://www.city.example.lg.jp/page/0000123456.html",
        "00-1234-5678",
    ],
)
def test_not_personal(text: str) -> None:
    assert privacy.find_patterns(text) == []


def test_individual_number_check_digit() -> None:
    assert privacy.mynumber_valid("123456789018") and privacy.mynumber_valid("456789012346")
    assert [d for d in "0123456789" if privacy.mynumber_valid("12345678901" + d)] == ["8"]


def test_check_says_once_that_names_are_not_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(privacy, "names_available", lambda: False)
    data = tmp_path / "c.yaml"
    data.write_text(
        "title: 見本\nbody: {name: 見本市}\nperiod: {start: 2025-12-03, end: 2026-01-05}\n"
        "opinions:\n  - {summary: 電話 03-1234-5678, response: 考え方}\n",
        encoding="utf-8",
    )
    assert cli.main(["check", str(data), str(data), "--root", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert out.count("personal names are not checked") == 1 and "personal names" not in err
    assert err.count(f"{data}:5: opinion 1 may hold personal information: 電話番号「03＊") == 2
    assert "1234-5678" not in err
    assert cli.main(["check", str(data), "--root", str(tmp_path), "--allow", "03-1234-5678", "--no-names"]) == 0
