"""``pubcomment new``: a new site for a body, from the templates in ``template/``.

The templates are plain files; in each, ``{{CITY}}``, ``{{SELF}}`` and
``{{PREFIX}}`` are replaced, and the lines between ``{{#plan}}`` and
``{{/plan}}`` (or ``{{^plan}}`` and ``{{/plan}}``; both also within a
line) are kept only for a site
with a plan (or without one).  ``plan/`` is left out of a site without a
plan.  A file whose name starts with ``dot-`` is written as ``.<name>``
(wheels keep no dot files reliably), and ``.tmpl`` is dropped from a name
(Python files are templates, not modules of the package).  Nothing here imports Sphinx.
"""

from __future__ import annotations

import re
from pathlib import Path

TEMPLATE = Path(__file__).parent / "template"
# What a body calls itself, by the last character of its name.
SELF_BY_SUFFIX = {"県": "本県", "都": "本都", "府": "本府", "道": "本道", "区": "本区", "町": "本町", "村": "本村"}
ASCII_STEM = re.compile(r"[a-z0-9][a-z0-9-]*")
SECTION = re.compile(r"^\{\{([#^])plan\}\}\n(.*?)^\{\{/plan\}\}\n", re.M | re.S)
INLINE = re.compile(r"\{\{([#^])plan\}\}(.*?)\{\{/plan\}\}")


class ScaffoldError(Exception):
    pass


def self_reference_of(city: str) -> str:
    return SELF_BY_SUFFIX.get(city[-1:], "本市")


def render(text: str, values: dict[str, str], *, plan: bool) -> str:
    for pattern in (SECTION, INLINE):
        text = pattern.sub(lambda m: m.group(2) if (m.group(1) == "#") == plan else "", text)
    for name, value in values.items():
        text = text.replace("{{" + name + "}}", value)
    return text


def write_site(directory: Path, *, city: str, self_reference: str | None = None, prefix: str = "site", plan: bool = True) -> list[Path]:
    """Write the site into ``directory`` (new or empty); the files written."""
    city = city.strip()
    if not city or any(char in city for char in "\"'\\{}\n"):
        raise ScaffoldError(f"団体の名前 {city!r} は使えません（引用符・波括弧・改行を含まない名前にしてください）")
    if not ASCII_STEM.fullmatch(prefix):
        raise ScaffoldError(f"--prefix {prefix!r} は半角の英小文字・数字・ハイフンで書いてください（例: mihon-city）")
    if directory.exists() and any(directory.iterdir()):
        raise ScaffoldError(f"{directory} は空ではありません。新しいディレクトリを指定してください")
    values = {"CITY": city, "SELF": self_reference or self_reference_of(city), "PREFIX": prefix}
    written = []
    for source in sorted(TEMPLATE.rglob("*")):
        relative = source.relative_to(TEMPLATE)
        if source.is_dir() or "__pycache__" in relative.parts or (not plan and relative.parts[:2] == ("source", "plan")):
            continue
        name = f".{relative.name[4:]}" if relative.name.startswith("dot-") else relative.name.removesuffix(".tmpl")
        target = directory / relative.parent / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix == ".png":
            target.write_bytes(source.read_bytes())
        else:
            target.write_text(render(source.read_text(encoding="utf-8"), values, plan=plan), encoding="utf-8")
        written.append(target)
    return written
