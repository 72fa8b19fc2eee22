"""The README documents every directive, role, setting and warning subtype."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from docutils.parsers.rst import directives, roles
from sphinx.application import Sphinx
from sphinx.util.docutils import docutils_namespace

from pubcomment.config import PREFIX, PubcommentConfig
from pubcomment.core.problems import Subtype

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_warning_subtype_is_documented() -> None:
    for subtype in Subtype:
        assert f"`pubcomment.{subtype.value}`" in README, subtype


def test_every_setting_is_documented() -> None:
    for field in dataclasses.fields(PubcommentConfig):
        assert f"`{PREFIX}{field.name}`" in README, field.name


def test_every_directive_and_role_is_documented(tmp_path: Path) -> None:
    (tmp_path / "conf.py").write_text('extensions = ["pubcomment"]\n', encoding="utf-8")
    (tmp_path / "index.rst").write_text("x\n=\n", encoding="utf-8")
    # Creating the application registers the extension's directives and roles;
    # the namespace undoes that (and Sphinx's node registrations) afterwards,
    # so that later tests' applications do not warn "already registered".
    with docutils_namespace():
        app = Sphinx(str(tmp_path), str(tmp_path), str(tmp_path / "out"), str(tmp_path / "doctrees"), "html", status=None, warning=None)
        names = [name for name in directives._directives if name.startswith("pc-")]  # type: ignore[attr-defined]
        names += [name for name in roles._roles if name.startswith("pc-")]  # type: ignore[attr-defined]
    assert len(names) >= 10
    for name in names:
        assert f"`{name}`" in README, name
    del app


def test_every_label_is_documented_with_its_default() -> None:
    from pubcomment.core.labels import DEFAULT_LABELS

    table = README.split("<!-- labels:", 1)[1].split("<!-- /labels -->", 1)[0]
    documented = dict(line.split(" | ", 1) for line in (row.strip("| ") for row in table.splitlines() if row.startswith("| `")))
    assert {key.strip("`"): value.replace("&#124;", "|") for key, value in documented.items()} == DEFAULT_LABELS
