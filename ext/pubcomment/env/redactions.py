"""The redaction log: what was withheld from the opinions' texts, written outside the site.

One CSV row per withheld span (data file, line, opinion number, field,
reason, length in characters; never the text), for every consultation of
the build, at ``build-finished``, to ``pubcomment-redactions.csv`` in the
doctree directory (``build/doctrees/html/`` under ``make html``): Sphinx's
working files, not a published directory.  A build with nothing withheld
removes an old log.
"""

from __future__ import annotations

import csv
from pathlib import Path

from sphinx.application import Sphinx

from ..core.model import Redaction
from ..core.redaction import LOG_HEADER, log_rows
from .domain import DeclaredConsultation, get_domain

LOG_NAME = "pubcomment-redactions.csv"


def log_path(app: Sphinx) -> Path:
    return Path(app.doctreedir) / LOG_NAME


def write_log(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``."""
    if exception is not None:
        return
    declared = get_domain(app.env).consultations
    rows = [row for key in sorted(declared) for row in log_rows(_located(app, declared[key]))]
    path = log_path(app)
    if not rows:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(LOG_HEADER)
        writer.writerows(rows)


def _located(app: Sphinx, declared: DeclaredConsultation) -> list[Redaction]:
    """The redactions with their file relative to the source directory; those of
    embedded data at the document's own lines."""
    srcdir = Path(app.srcdir)
    located = []
    for redaction in declared.redactions:
        origin, line = redaction.origin, redaction.line
        if origin is None:
            origin = str(app.env.doc2path(declared.docname))
            line = None if line is None else line + declared.line_offset
        path = Path(origin)
        origin = str(path.relative_to(srcdir)) if path.is_relative_to(srcdir) else origin
        located.append(Redaction(redaction.number, redaction.field, redaction.reason, redaction.length, line, origin))
    return located


def withholds_embedded_text(app: Sphinx, docname: str) -> bool:
    """Whether ``docname`` embeds data (in its own source) of which something is withheld, or
    that holds a field no output shows (``submission`` the data does not ``publish:``)."""
    return any(
        d.docname == docname and d.source is None and (d.redactions or getattr(d, "holds_unpublished", False))
        for d in get_domain(app.env).consultations.values()
    )
