"""The stylesheet of pubcomment's tables and marks, for HTML builders (ePub's included).

Added on ``builder-inited`` for HTML formats only, as sphinx-design does,
so a LaTeX build gets no CSS.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

STATIC_DIR = Path(__file__).parent / "static"
CSS_FILE = "pubcomment.css"


def add_stylesheet(app: Sphinx) -> None:
    if app.builder.format == "html":
        app.config.html_static_path.append(str(STATIC_DIR))
        app.add_css_file(CSS_FILE)
