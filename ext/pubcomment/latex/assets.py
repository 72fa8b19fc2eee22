"""The LaTeX style file of pubcomment (``texinputs/pubcomment.sty``).

Added on ``builder-inited`` for LaTeX builders only, as sphinx-design adds
its assets, so an HTML build gets no style file.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

TEXINPUTS_DIR = Path(__file__).parent / "texinputs"
LATEX_PACKAGE = "pubcomment"


def add_style_file(app: Sphinx) -> None:
    if app.builder.format == "latex":
        app.config.latex_additional_files.append(str(TEXINPUTS_DIR / f"{LATEX_PACKAGE}.sty"))
        app.add_latex_package(LATEX_PACKAGE)
