"""pubcomment: public-comment results and plans, from MyST to HTML, PDF and ePub."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from .assets import setup_assets
from .config import setup_config
from .coverage import setup_coverage
from .directives import setup_directives
from .domain import setup_domain
from .epub import setup_epub
from .html_a11y import setup_html_a11y
from .incremental import setup_incremental
from .latex import setup_latex
from .nodes import setup_nodes
from .parallel_rows import setup_parallel_rows
from .plan import setup_plan
from .resolve import setup_resolve
from .search_ja import setup_search
from .sectnum import setup_sectnum
from .trace import setup_trace

__version__ = "0.1.0"


def setup(app: Sphinx) -> dict[str, Any]:
    setup_config(app)
    setup_nodes(app)
    setup_domain(app)
    setup_directives(app)
    setup_resolve(app)
    setup_parallel_rows(app)
    setup_sectnum(app)
    setup_plan(app)
    setup_trace(app)
    setup_coverage(app)
    setup_assets(app)
    setup_html_a11y(app)
    setup_epub(app)
    setup_latex(app)
    setup_search(app)
    setup_incremental(app)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
