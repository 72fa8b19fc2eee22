"""Data files of every format this project has released keep building.

tests/fixtures/formats/ holds one Sphinx project per format, each with a
minimal conf.py like a new site's and nothing that a later release asked
for: ``first-commit`` and ``release-0.1.0`` are the sample site's sources
as those commits had them, unchanged (``git show ccf31e2:source/…``,
``git show 2084856^:source/…``); ``csv-0.1.0`` reads its opinions from a
cp932 CSV file with the titles the first release read, ``csv-import`` from
one with the titles the first ``pubcomment import`` wrote (No, 区分, 提出者,
関連する変更); ``json-published`` is JSON with ``published`` and
``amendments: []``.  Each builds with ``-nW``: a release that adds a rule
(pubcomment.law's, say) reports it elsewhere until the site opts in.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sphinx.cmd.build import build_main

from pubcomment import cli
from tests.support.pages import normalized

FORMATS = Path(__file__).parent / "fixtures" / "formats"
# Each project's page of results and the opinion rows it shows.
RESULTS = {
    "first-commit": ("results/index.html", 10),
    "release-0.1.0": ("results/index.html", 10),
    "csv-0.1.0": ("index.html", 2),
    "csv-import": ("index.html", 2),
    "json-published": ("index.html", 1),
}


def test_every_format_has_a_project() -> None:
    assert sorted(p.name for p in FORMATS.iterdir()) == sorted(RESULTS)


@pytest.mark.parametrize("name", sorted(RESULTS))
def test_old_data_builds_with_nw(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from bs4 import BeautifulSoup

    source = tmp_path / name
    shutil.copytree(FORMATS / name, source)
    out = tmp_path / "html"
    status = build_main(["-b", "html", "-nW", "--keep-going", "-q", "-E", str(source), str(out)])
    warnings = capsys.readouterr().err
    assert status == 0 and "WARNING" not in warnings, warnings
    page, rows = RESULTS[name]
    html = BeautifulSoup((out / page).read_text(encoding="utf-8"), "html.parser")
    shown = [normalized(td.get_text()) for td in html.select("table.pc-opinions tbody tr td:first-child")]
    assert len(shown) == rows, shown  # nothing lost on the way


def test_pubcomment_check_law_reports_findings_without_failing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = FORMATS / "release-0.1.0" / "results" / "data" / "consultation.yaml"
    root = str(data.parents[2])
    # 川崎市 is a 市区町村: its data meets the local rules.
    assert cli.main(["check", "--law", "--root", root, str(data)]) == 0
    out = capsys.readouterr().out
    assert "[pubcomment.law]" not in out and out.rstrip().endswith("/ 0 problem(s) / 0 law finding(s)")
    # As a ministry's, 43条1項 asks for the 公示日 and the differences from the draft (which this data leaves to
    # the plan's pc-amendment, unseen without a build): findings, and still exit status 0.
    national = tmp_path / "consultation.yaml"
    national.write_text(
        data.read_text(encoding="utf-8").replace("  name: 川崎市\n", "  name: 川崎市\n  kind: national\n"), encoding="utf-8"
    )
    assert cli.main(["check", "--law", "--root", str(tmp_path), "--no-names", str(national)]) == 0
    findings = [line for line in capsys.readouterr().out.splitlines() if "[pubcomment.law]" in line]
    assert len(findings) == 2, findings
    assert "(公示日)" in findings[0] and findings[0].endswith("(行政手続法43条1項; rule 'published' for a 国の行政機関) [pubcomment.law]")
    assert "also counts the plan's pc-amendment" in findings[1] and "rule 'amendments' for a 国の行政機関" in findings[1]
    # Without --law, nothing is said of the rules.
    assert cli.main(["check", "--root", str(tmp_path), "--no-names", str(national)]) == 0
    assert "law finding" not in capsys.readouterr().out
