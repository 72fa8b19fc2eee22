"""The open data of every consultation, and the schema of the data format, written beside the HTML pages.

On ``build-finished`` (HTML builders only, not ePub: its package holds
only pages) each consultation's files (core/opendata.py) are written to
``opendata/<name>/`` of the output directory, where ``pc-downloads``
links, and the JSON Schema of the data format to
``_static/pubcomment.schema.json`` (for writers' editors).  The files are made from the data alone, so ``-j`` writes the
same bytes; a file that did not change is not written again.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

from ..core import jsonschema, opendata
from ..domain import get_domain
from ..render.downloads import HTML_BUILDERS


def write_open_data(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or app.builder.name not in HTML_BUILDERS:
        return
    _write(Path(app.outdir, "_static", jsonschema.FILE_NAME), jsonschema.schema_text().encode("utf-8"))
    domain = get_domain(app.env)
    for key in sorted(domain.consultations):
        consultation = domain.get_consultation(key)
        if consultation is None or not domain.is_usable(key):
            continue
        directory = Path(app.outdir, opendata.DIRECTORY, opendata.directory_name(key))
        for name, data in opendata.files(consultation, opendata.directory_name(key)).items():
            _write(directory / name, data)


def _write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists() or target.read_bytes() != data:
        target.write_bytes(data)
