"""Entry points: consultation data from embedded text or from a file.

A file is parsed once per (path, modification time): a build that renders
several directives from one data file reads and validates it once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .csvdata import decode, parse_opinion_csv
from .located import Located, parse_yaml
from .model import Consultation
from .problems import Problem, Subtype
from .schema import read_consultation

SUFFIXES = (".yaml", ".yml", ".json", ".csv")


def parse_by_suffix(name: str, text: str) -> tuple[Located | None, list[Problem]]:
    """Parse ``text`` as the format its file name says."""
    if name.lower().endswith(".csv"):
        return parse_opinion_csv(text)
    return parse_yaml(text)


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


_cache: dict[tuple[str, int, int], Loaded] = {}


def load_file(path: str | os.PathLike[str]) -> Loaded:
    """Load a consultation file (YAML or JSON), cached by modification time."""
    path = Path(path).resolve()
    try:
        stat = path.stat()
    except OSError as error:
        raise FileNotFoundError(f"cannot read {path.name}: {error.strerror}") from error
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key not in _cache:
        if path.suffix.lower() == ".csv":
            problem = Problem(Subtype.FILE, "a consultation file must be YAML or JSON; CSV holds opinions only (name it in 'opinions:')", 1, str(path))
            _cache[key] = Loaded(_empty(), (problem,), (str(path),))
        else:
            text = decode(path.read_bytes())
            root, problems = parse_yaml(text)
            _cache[key] = _build(root, problems, str(path), path.parent, own_file=str(path))
    return _cache[key]


def _build(root: Located | None, problems: list[Problem], origin: str | None, base_dir: Path, own_file: str | None = None) -> Loaded:
    files: list[str] = [own_file] if own_file else []

    def read_file(name: str) -> tuple[str, str]:
        target = (base_dir / name).resolve()
        text = decode(target.read_bytes())
        files.append(str(target))
        return text, str(target)

    if problems and root is None:
        return Loaded(_empty(), tuple(_with_origin(problems, origin)), tuple(files))
    consultation, found = read_consultation(root, origin=origin, read_file=read_file)
    return Loaded(consultation, tuple(_with_origin(problems, origin)) + tuple(found), tuple(files))


def _with_origin(problems: list[Problem], origin: str | None) -> list[Problem]:
    return [Problem(p.subtype, p.message, p.line, p.origin or origin) for p in problems]


def _empty() -> Consultation:
    return Consultation(title="", body_name="", self_reference="本市", plan="", start=None, end=None)
