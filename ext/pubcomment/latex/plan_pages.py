"""Page numbers of the plan's PDF in the results PDF: 「プラン本編 P15」.

The results document cites places in the plan, which is printed as a PDF
of its own.  The page comes from the plan's ``.aux`` through ``xr``
(``\\pcExternalPlan`` and ``\\pcPlanPage`` in pubcomment.sty), so the plan
is compiled first (the Makefile's ``latexpdf`` does).
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.writers.latex import LaTeXTranslator

from ..config import get_config
from ..nodes import pubcomment_plan_page


def visit_plan_page(self: LaTeXTranslator, node: pubcomment_plan_page) -> None:
    self.body.append(rf"{self.encode(node['prefix'])}\pcPlanPage{{{self.idescape(node['label'])}}}")
    raise nodes.SkipNode


def read_plan_pages(app: Sphinx, config: Config) -> None:
    """``config-inited``: point the preamble at the plan's .aux (the LaTeX
    builder reads the preamble before ``builder-inited``)."""
    plan = get_config(config).latex_plan
    if plan:
        elements = config.latex_elements
        elements["preamble"] = elements.get("preamble", "") + f"\n\\pcExternalPlan{{{plan}}}\n"
