"""The open data of every consultation, and the schema of the data format, written beside the HTML pages.

On ``build-finished`` (HTML builders only, not ePub: its package holds
only pages) each consultation's files (core/opendata.py) are written to
``opendata/<name>/`` of the output directory, where ``pc-downloads``
links, and the JSON Schema of the data format to
``_static/pubcomment.schema.json`` (for writers' editors).  The files are made from the data alone, so ``-j`` writes the
same bytes; a file that did not change is not written again.  A
consultation whose data did not change since the files were last written
(its digest, kept in the environment, against a stamp beside the
doctrees, outside the site) is not even read again: at 10,000 opinions
that cost a rebuild two seconds (bench/README.md, live preview).
"""

from __future__ import annotations

import filecmp
import hashlib
import json
from pathlib import Path

from sphinx.application import Sphinx

from ..core import jsonschema, opendata
from ..core.digest import WHOLE
from ..domain import get_domain
from ..render.downloads import HTML_BUILDERS

# What was written, by directory: the code that wrote it and the data's digest.
STAMP = "pubcomment-opendata.json"


def _maker() -> str:
    """A digest of the code that makes the files: new code writes them again."""
    return hashlib.blake2b(Path(opendata.__file__).read_bytes(), digest_size=8).hexdigest()


def write_open_data(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or app.builder.name not in HTML_BUILDERS:
        return
    _write(Path(app.outdir, "_static", jsonschema.FILE_NAME), jsonschema.schema_text().encode("utf-8"))
    domain = get_domain(app.env)
    stamp_path = Path(app.doctreedir, STAMP)
    try:
        written: dict[str, str] = json.loads(stamp_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        written = {}
    stamps: dict[str, str] = {}
    maker = _maker()
    for key in sorted(domain.consultations):
        if not domain.is_usable(key):
            continue
        name = opendata.directory_name(key)
        directory = Path(app.outdir, opendata.DIRECTORY, name)
        stamp = maker + ":" + domain.consultations[key].digests.get(WHOLE, b"").hex()
        stamps[name] = stamp
        if written.get(name) == stamp and directory.is_dir() and any(directory.iterdir()):
            continue
        consultation = domain.get_consultation(key)
        if consultation is None:
            continue
        for file_name, write in opendata.file_writers(consultation, name):
            _write_with(directory / file_name, write)
    stamp_path.parent.mkdir(parents=True, exist_ok=True)
    stamp_path.write_text(json.dumps(stamps, sort_keys=True), encoding="utf-8")


def _write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists() or target.read_bytes() != data:
        target.write_bytes(data)


def _write_with(target: Path, write: opendata.Writer) -> None:
    """Write a file beside ``target``, then put it in its place, unless it is
    the same as the one there (whose time then stays that of its first writing)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    new = target.with_name(target.name + ".new")
    with new.open("wb") as out:
        write(out)
    if target.exists() and filecmp.cmp(new, target, shallow=False):
        new.unlink()
    else:
        new.replace(target)
