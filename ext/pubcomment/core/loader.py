"""Entry points: consultation data from embedded text or from a file.

A file is parsed once per (path, modification time): a build that renders
several directives from one data file reads and validates it once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .csvdata import decode
from .located import Located, parse_yaml
from .memory import paused_cycle_collection
from .model import Consultation
from .problems import Problem, Subtype
from .schema import read_consultation


@dataclass(frozen=True)
class Loaded:
    consultation: Consultation
    problems: tuple[Problem, ...]
    # Every file read, so that callers can record them as dependencies.
    files: tuple[str, ...]


def load_text(text: str, *, origin: str | None = None, base_dir: str | os.PathLike[str] = ".") -> Loaded:
    """Load YAML embedded in a document; problem lines count from its first line."""
    root, problems = parse_yaml(text)
    return _build(root, problems, origin, Path(base_dir))


# path -> (the version of every file read, what was loaded): the latest
# reading of each file only, so a long-lived process keeps one.  A file's
# version is its modification time and size; the opinions file a
# consultation file names counts as much as the consultation file.
_cache: dict[str, tuple[tuple[tuple[int, int], ...], Loaded]] = {}


def _versions(files: tuple[str, ...]) -> tuple[tuple[int, int], ...] | None:
    try:
        return tuple((stat.st_mtime_ns, stat.st_size) for stat in map(os.stat, files))
    except OSError:
        return None


def load_file(path: str | os.PathLike[str]) -> Loaded:
    """Load a consultation file (YAML or JSON), cached by modification time."""
    path = Path(path).resolve()
    try:
        path.stat()
    except OSError as error:
        raise FileNotFoundError(f"cannot read {path.name}: {error.strerror}") from error
    cached = _cache.get(str(path))
    if cached is not None and cached[0] == _versions(cached[1].files):
        return cached[1]
    if path.suffix.lower() == ".csv":
        problem = Problem(Subtype.FILE, "a consultation file must be YAML or JSON; CSV holds opinions only (name it in 'opinions:')", 1, str(path))
        loaded = Loaded(empty_consultation(), (problem,), (str(path),))
    else:
        with paused_cycle_collection():
            text = decode(path.read_bytes())
            root, problems = parse_yaml(text)
            loaded = _build(root, problems, str(path), path.parent, own_file=str(path))
    versions = _versions(loaded.files)
    if versions is not None:
        _cache[str(path)] = (versions, loaded)
    return loaded


def _build(root: Located | None, problems: list[Problem], origin: str | None, base_dir: Path, own_file: str | None = None) -> Loaded:
    files: list[str] = [own_file] if own_file else []

    def read_file(name: str) -> tuple[str, str]:
        target = (base_dir / name).resolve()
        text = decode(target.read_bytes())
        files.append(str(target))
        return text, str(target)

    if problems and root is None:
        return Loaded(empty_consultation(), tuple(_with_origin(problems, origin)), tuple(files))
    consultation, found = read_consultation(root, origin=origin, read_file=read_file)
    return Loaded(consultation, tuple(_with_origin(problems, origin)) + tuple(found), tuple(files))


def _with_origin(problems: list[Problem], origin: str | None) -> list[Problem]:
    return [Problem(p.subtype, p.message, p.line, p.origin or origin) for p in problems]


def empty_consultation() -> Consultation:
    """What a consultation that could not be read renders as."""
    return Consultation(title="", body_name="", self_reference="本市", plan="", start=None, end=None)
