"""The open data of every consultation, written beside the HTML pages.

On ``build-finished`` (HTML builders only, not ePub: its package holds
only pages) each consultation's files (core/opendata.py) are written to
``opendata/<name>/`` of the output directory, where ``pc-downloads``
links.  The files are made from the data alone, so ``-j`` writes the
same bytes; a file that did not change is not written again.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

from ..core import opendata
from ..domain import get_domain
from ..render.downloads import HTML_BUILDERS


def write_open_data(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or app.builder.name not in HTML_BUILDERS:
        return
    domain = get_domain(app.env)
    for key in sorted(domain.consultations):
        consultation = domain.get_consultation(key)
        if consultation is None or not domain.is_usable(key):
            continue
        directory = Path(app.outdir, opendata.DIRECTORY, opendata.directory_name(key))
        directory.mkdir(parents=True, exist_ok=True)
        for name, data in opendata.files(consultation, opendata.directory_name(key)).items():
            target = directory / name
            if not target.exists() or target.read_bytes() != data:
                target.write_bytes(data)
