"""The benchmark's generator at 50 opinions: deterministic, and both projects build cleanly.

Timings are bench/'s business (``make bench``); nothing here is timed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from bench import generate


def test_generator_is_deterministic_and_realistic() -> None:
    first, second = generate.build_model(50, seed=3), generate.build_model(50, seed=3)
    assert first == second
    assert generate.pubcomment_yaml(first) == generate.pubcomment_yaml(second)
    assert len(first.opinions) == 50 and 3 <= len(first.topics) <= 10
    for opinion in first.opinions:
        assert 1 <= len(opinion.summary) <= 3
        assert 150 <= len("".join(opinion.summary)) <= 460  # a ※ note adds a few characters
        assert 200 <= len("".join(opinion.response)) <= 660
        assert opinion.category in "ABCDE"


@pytest.mark.parametrize("opinions_format", ["yaml", "csv"])
def test_both_projects_build_without_warnings(tmp_path: Path, opinions_format: str) -> None:
    model = generate.build_model(50, seed=1)
    pubcomment, baseline = generate.write_projects(model, tmp_path, opinions_format=opinions_format)
    for project in (pubcomment, baseline):
        out = tmp_path / f"{project.name}-html"
        # In its own process: in-process builds share docutils' global registries.
        result = subprocess.run(
            [sys.executable, "-m", "sphinx", "-nW", "--keep-going", "-q", "-b", "html", str(project), str(out)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, f"{project.name}: {result.stderr}"
    text = (tmp_path / "pubcomment-html" / "index.html").read_text(encoding="utf-8")
    assert f"{len(model.opinions)}件" in text
    topic = model.opinions[0].topic
    for name in ("pubcomment-html", "baseline-html"):
        page = (tmp_path / name / "opinions" / f"{topic}.html").read_text(encoding="utf-8")
        assert model.opinions[0].summary[0][:20] in page
