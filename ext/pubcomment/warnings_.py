"""The one warning type of pubcomment and how it is emitted.

Every warning has type ``pubcomment`` and a subtype from
:class:`~pubcomment.core.problems.Subtype`, so a project can silence one
kind with ``suppress_warnings = ["pubcomment.count"]``.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.util import logging

from .core.problems import Problem, Subtype

WARNING_TYPE = "pubcomment"
logger = logging.getLogger(__name__)


def warn(subtype: Subtype, message: str, location: Any) -> None:
    """Warn once, at ``location`` (a node, ``docname``, ``(docname, line)`` or ``"path:line"``)."""
    logger.warning(message, type=WARNING_TYPE, subtype=subtype.value, location=location)


def warn_problem(problem: Problem, *, fallback: Any, line_offset: int = 0) -> None:
    """Report a data problem at its file and line.

    Problems from a separate data file are located in that file; problems
    in embedded data count from ``line_offset`` in the current document.
    """
    if problem.origin is not None:
        # Always file:line (file.xlsx:シート!C12 in a workbook): a location
        # without a colon would be taken for a document name (and shown as
        # data.yaml.rst).  A problem of the file as a whole is at its first line.
        location: Any = problem.where()
    elif isinstance(fallback, nodes.Node):
        location = fallback
    elif problem.line is not None and isinstance(fallback, str):
        location = (fallback, problem.line + line_offset)
    else:
        location = fallback
    warn(problem.subtype, problem.message, location)
