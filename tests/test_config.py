"""pubcomment_* settings: checked once, at config-inited, with one warning each."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from pubcomment.config import DEFAULT_LABELS, get_config
from pubcomment.core.status import JST


def warnings_of(app: SphinxTestApp) -> list[str]:
    text = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    return [line for line in text.splitlines() if "WARNING" in line]


@pytest.mark.sphinx("html", testroot="config", freshenv=True)
def test_wrong_values_are_named_with_the_nearest_key_and_replaced(app: SphinxTestApp) -> None:
    warnings = warnings_of(app)
    config_warnings = [w for w in warnings if "[pubcomment.config]" in w]
    assert len(config_warnings) == 4, warnings
    (labels,) = (w for w in config_warnings if "pubcomment_labels" in w)
    assert "conf.py:4: WARNING" in labels and "unknown key 'summry' (did you mean 'summary'?); it is ignored" in labels
    (edition,) = (w for w in config_warnings if "pubcomment_edition " in w)
    assert "must be one of 'final', 'draft', not 'drafts' (did you mean 'draft'?); the default 'final' is used instead" in edition
    assert any("pubcomment_badges must be True or False, not str 'yes'" in w for w in config_warnings)
    assert any("pubcomment_edition_dirs must be a dict of text" in w for w in config_warnings)
    # Only what can be used is left: the known label, the defaults for the rest.
    config = get_config(app.config)
    assert config.labels == {"response": "市の検討結果と理由"}
    assert (config.edition, config.badges, config.edition_dirs) == ("final", True, {"final": "", "draft": "draft/"})
    # No Sphinx type warning on top of ours.
    assert not [w for w in warnings if "[pubcomment.config]" not in w and "pubcomment_" in w], warnings


@pytest.mark.sphinx("html", testroot="basic", freshenv=True)
def test_the_config_is_built_once_per_build(app: SphinxTestApp) -> None:
    assert get_config(app.config) is get_config(app.config)
    assert get_config(app.config).label("summary") == DEFAULT_LABELS["summary"]
    assert not [w for w in warnings_of(app) if "pubcomment.config" in w]


@pytest.mark.parametrize("builder", ["html", "latex"])
def test_a_source_date_epoch_past_9999_is_named_and_today_taken(
    make_app, rootdir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, builder: str
) -> None:
    """SOURCE_DATE_EPOCH of the year 10000: one pubcomment.config warning, and the build takes today (no traceback)."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "253402300800")
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-basic", srcdir)
    (srcdir / "index.md").write_text((srcdir / "index.md").read_text(encoding="utf-8") + "\n```{pc-index}\n```\n", encoding="utf-8")
    app = make_app(builder, srcdir=srcdir, freshenv=True)
    app.build()
    config_warnings = [w for w in warnings_of(app) if "[pubcomment.config]" in w]
    assert len(config_warnings) == 1 and "SOURCE_DATE_EPOCH 253402300800 names no day" in config_warnings[0], config_warnings
    assert get_config(app.config).build_date == dt.datetime.now(JST).date()
