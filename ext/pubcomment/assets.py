"""CSS for HTML builders (ePub included) and the LaTeX style file.

Both are added on ``builder-inited`` for the builder's format only, as
sphinx-design does, so a LaTeX build gets no CSS and HTML no style file.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

from .config import get_config

PACKAGE_DIR = Path(__file__).parent
STATIC_DIR = PACKAGE_DIR / "static"
TEXINPUTS_DIR = PACKAGE_DIR / "texinputs"
CSS_FILE = "pubcomment.css"
LATEX_PACKAGE = "pubcomment"


def _add_assets(app: Sphinx) -> None:
    builder = app.builder
    if builder.format == "html":
        app.config.html_static_path.append(str(STATIC_DIR))
        app.add_css_file(CSS_FILE)
    elif builder.format == "latex":
        app.config.latex_additional_files.append(str(TEXINPUTS_DIR / f"{LATEX_PACKAGE}.sty"))
        app.add_latex_package(LATEX_PACKAGE)


def _read_plan_pages(app: Sphinx, config: Config) -> None:
    """Point the LaTeX preamble at the plan's .aux (the builder reads the
    preamble before ``builder-inited``, hence ``config-inited``)."""
    plan = get_config(config).latex_plan
    if plan:
        elements = config.latex_elements
        elements["preamble"] = elements.get("preamble", "") + f"\n\\pcExternalPlan{{{plan}}}\n"


def setup_assets(app: Sphinx) -> None:
    app.connect("builder-inited", _add_assets)
    app.connect("config-inited", _read_plan_pages)
