"""Entry points: consultation data from embedded text or from a file.

A file is parsed once per (path, modification time): a build that renders
several directives from one data file reads and validates it once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .formats import is_binary
from .located import Located, parse_yaml
from .memory import paused_cycle_collection
from .model import Consultation
from .problems import Problem, Subtype
from .schema import read_consultation
from .textfiles import DataFileError, confined, decode, read_bytes


@dataclass(frozen=True)
class Loaded:
    consultation: Consultation
    problems: tuple[Problem, ...]
    # Every file read, so that callers can record them as dependencies.
    files: tuple[str, ...]
    # False when the data could not be read at all (no parts of it can be shown;
    # the problems say why): then the parts that show it stay silent.
    usable: bool = True


def load_text(
    text: str,
    *,
    origin: str | None = None,
    base_dir: str | os.PathLike[str] = ".",
    root: str | os.PathLike[str] | None = None,
    labels: dict[str, str] | None = None,
) -> Loaded:
    """Load YAML embedded in a document; problem lines count from its first line.

    Files it names are read from ``base_dir`` and must be inside ``root``
    (the source directory) when one is given.  ``labels`` are the site's
    (the ``redacted`` mark withheld text is replaced by)."""
    data, problems = parse_yaml(text)
    return _build(data, problems, origin, Path(base_dir), root, labels=labels)


# (path, root) -> (the version of every file read, what was loaded): the
# latest reading of each file only, so a long-lived process keeps one.  A
# file's version is its modification time and size; the opinions file a
# consultation file names counts as much as the consultation file.
_cache: dict[tuple[str, str, str], tuple[tuple[tuple[int, int], ...], Loaded]] = {}


def _versions(files: tuple[str, ...]) -> tuple[tuple[int, int], ...] | None:
    try:
        return tuple((stat.st_mtime_ns, stat.st_size) for stat in map(os.stat, files))
    except OSError:
        return None


def load_file(path: str | os.PathLike[str], *, root: str | os.PathLike[str] | None = None, labels: dict[str, str] | None = None) -> Loaded:
    """Load a consultation file (YAML or JSON), cached by modification time.

    The file and the files it names must be inside ``root`` when one is
    given.  Raises :class:`~.textfiles.DataFileError` when the file itself
    cannot be read (the caller reports it where the file is named); every
    other problem is in the result."""
    resolved = confined(path, root)
    key = (str(resolved), str(root or ""), str(sorted((labels or {}).items())))
    cached = _cache.get(key)
    if cached is not None and cached[0] == _versions(cached[1].files):
        return cached[1]
    if resolved.suffix.lower() in (".csv", ".tsv") or is_binary(resolved.name):
        problem = Problem(
            Subtype.FILE,
            "a consultation file must be YAML or JSON; CSV and workbooks hold opinions only (name it in 'opinions:')",
            1,
            str(resolved),
        )
        loaded = Loaded(empty_consultation(), (problem,), (str(resolved),), usable=False)
    else:
        with paused_cycle_collection():
            try:
                text, _encoding = decode(read_bytes(resolved), resolved.name)
            except DataFileError as error:
                error.path = str(resolved)
                raise
            data, problems = parse_yaml(text)
            loaded = _build(data, problems, str(resolved), resolved.parent, root, own_file=str(resolved), labels=labels)
    versions = _versions(loaded.files)
    if versions is not None:
        _cache[key] = (versions, loaded)
    return loaded


def _build(
    data: Located | None,
    problems: list[Problem],
    origin: str | None,
    base_dir: Path,
    root: str | os.PathLike[str] | None,
    own_file: str | None = None,
    labels: dict[str, str] | None = None,
) -> Loaded:
    files: list[str] = [own_file] if own_file else []

    def read_file(name: str) -> tuple[str | bytes, str]:
        target = confined(base_dir / name, root)
        files.append(str(target))  # a dependency even while it cannot be read
        try:
            if is_binary(name):
                return read_bytes(target), str(target)
            text, _encoding = decode(read_bytes(target), target.name)
        except DataFileError as error:
            error.path = str(target)
            raise
        return text, str(target)

    if problems and data is None:
        return Loaded(empty_consultation(), tuple(_with_origin(problems, origin)), tuple(files), usable=False)
    consultation, found = read_consultation(data, origin=origin, read_file=read_file, labels=labels)
    return Loaded(consultation, tuple(_with_origin(problems, origin)) + tuple(found), tuple(files), usable=data is not None)


def _with_origin(problems: list[Problem], origin: str | None) -> list[Problem]:
    return [Problem(p.subtype, p.message, p.line, p.origin or origin) for p in problems]


def empty_consultation() -> Consultation:
    """What a consultation that could not be read renders as."""
    return Consultation(title="", body_name="", self_reference="本市", plan="", start=None, end=None)
