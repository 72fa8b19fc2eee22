"""What the LaTeX builder (print copies, upLaTeX) needs of its own.

* :mod:`.settings`: the ``latex_*`` values for Japanese print,
  :func:`latex_settings` (imported from here by ``conf.py`` files);
* :mod:`.passes`: the print passes (post-transforms) in their order, and
  the placeholders made tables among them;
* :mod:`.long_tables`: headings kept with their tables, rows split to fit a page;
* :mod:`.underline`: changed text (傍線) underlined and wrapping in a cell;
* :mod:`.breaks`: long Latin runs (addresses, code) breakable in a cell;
* :mod:`.links`: addresses in tables, titles of documents printed elsewhere;
* :mod:`.plan_pages`: page numbers of the plan's PDF;
* :mod:`.assets`: the style file (``texinputs/pubcomment.sty``).
"""

from .settings import latex_settings

__all__ = ["latex_settings"]
