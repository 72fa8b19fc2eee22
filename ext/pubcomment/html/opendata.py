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
that cost a rebuild two seconds (bench/README.md, live preview).  One
whose data did change is written again from its last files: the record of
an opinion that did not change is copied from there (core/recordfile.py,
with the layouts kept beside the stamp), and the CSV for Excel is the
other CSV with a byte order mark, copied.  At 100,000 opinions that turned
some 15 s of a rebuild after one edited opinion into about one.
"""

from __future__ import annotations

import contextlib
import filecmp
import json
import pickle
import shutil
from pathlib import Path

from sphinx.application import Sphinx

from ..core import jsonschema, opendata, recordfile
from ..core.digest import WHOLE
from ..env.domain import get_domain
from ..render.downloads import HTML_BUILDERS

# What was written, by directory: the code that wrote it and the data's digest.
STAMP = "pubcomment-opendata.json"
# Where each opinion is in the files written (core/recordfile.py): written again, what did not change is copied.
LAYOUTS = "pubcomment-opendata-layouts.pickle"


def _maker() -> str:
    """A digest of the code that makes the files: new code writes them again."""
    return opendata.code_digest().hex()[:16]


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
    layouts = _Layouts(Path(app.doctreedir, LAYOUTS))
    stamps: dict[str, str] = {}
    maker = _maker()
    for key in sorted(domain.consultations):
        if not domain.is_usable(key):
            continue
        name = opendata.directory_name(key)
        directory = Path(app.outdir, opendata.DIRECTORY, name)
        entry = domain.consultations[key]
        stamp = maker + ":" + entry.digests.get(WHOLE, b"").hex()
        stamps[name] = stamp
        if written.get(name) == stamp and directory.is_dir() and any(directory.iterdir()):
            layouts.keep(name)
            continue
        consultation = domain.get_consultation(key)
        if consultation is None:
            continue
        digests = [digest for _number, _group, digest in entry.opinion_index]
        for file_name, content in opendata.contents(consultation, name, digests):
            target = directory / file_name
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, opendata.RecordsFile):
                layouts.put(name, file_name, _write_records(target, content, layouts.get(name, file_name, target)))
            elif isinstance(content, opendata.CopyOf):
                _write_copy(target, directory / content.name, content.prefix)
            else:
                _write(target, content.data())
    stamp_path.parent.mkdir(parents=True, exist_ok=True)
    stamp_path.write_text(json.dumps(stamps, sort_keys=True), encoding="utf-8")
    layouts.save()


class _Layouts:
    """Where each opinion's record is in the files last written (core/recordfile.py), beside the doctrees."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            with path.open("rb") as file:
                self.last: dict[tuple[str, str], recordfile.Layout] = pickle.load(file)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError):
            self.last = {}
        self.this: dict[tuple[str, str], recordfile.Layout] = {}

    def get(self, name: str, file_name: str, target: Path) -> recordfile.Layout | None:
        layout = self.last.get((name, file_name))
        return layout if isinstance(layout, recordfile.Layout) and layout.describes(target) else None

    def put(self, name: str, file_name: str, layout: recordfile.Layout) -> None:
        self.this[(name, file_name)] = layout

    def keep(self, name: str) -> None:
        """The files of ``name`` stand as they are: so do their layouts."""
        self.this.update({key: layout for key, layout in self.last.items() if key[0] == name})

    def save(self) -> None:
        if self.this == self.last:
            return
        new = self.path.with_name(self.path.name + ".new")
        with new.open("wb") as file:
            pickle.dump(self.this, file, protocol=pickle.HIGHEST_PROTOCOL)
        new.replace(self.path)


def _write_records(target: Path, content: opendata.RecordsFile, last: recordfile.Layout | None) -> recordfile.Layout:
    """Write the file beside ``target``, copying from it the records that did not change, then put it in its place
    (unless it is the same as the one there, whose time then stays that of its first writing)."""
    new = target.with_name(target.name + ".new")
    with new.open("wb") as out, target.open("rb") if last is not None else contextlib.nullcontext() as old:
        done = recordfile.write(
            out, content.head, content.records(), content.separator, content.tail, context=content.context, last=last, old=old
        )
    # A file some of whose records were made again differs from the last; one all of whose were copied may not.
    _put_in_place(new, target, compare=done.encoded == 0)
    return done.layout(target)


def _write_copy(target: Path, source: Path, prefix: bytes) -> None:
    new = target.with_name(target.name + ".new")
    with source.open("rb") as original, new.open("wb") as out:
        out.write(prefix)
        shutil.copyfileobj(original, out, 1 << 20)
    _put_in_place(new, target)


def _put_in_place(new: Path, target: Path, compare: bool = True) -> None:
    """``new`` becomes ``target``, unless it is the same as the file there (whose time then stays that of its first writing)."""
    if compare and target.exists() and filecmp.cmp(new, target, shallow=False):
        new.unlink()
    else:
        new.replace(target)


def _write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists() or target.read_bytes() != data:
        target.write_bytes(data)
