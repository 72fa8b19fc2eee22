from pathlib import Path

import pytest

from pubcomment.cli import main

ROOT = Path(__file__).resolve().parent.parent.parent


def test_check_the_sample_data(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(ROOT / "source/results/data/consultation.yaml")]) == 0
    out = capsys.readouterr().out
    assert "令和7年12月3日（水）から令和8年1月5日（月）まで / 4通10件 / 0 problem(s)" in out


def test_check_reports_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "c.yaml"
    data.write_text("title: t\nbody: {name: 市}\nperiod: {start: 2025-12-03, end: 2025-12-01}\n", encoding="utf-8")
    assert main(["check", str(data)]) == 1
    assert f"{data}:3: the period ends (2025-12-01) before it starts (2025-12-03) [pubcomment.date]" in capsys.readouterr().err
