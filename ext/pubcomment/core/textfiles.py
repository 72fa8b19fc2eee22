"""Data files read as text, safely.

Staff hand over whatever their tools wrote, and a data path is written by
hand, so before a byte is parsed a data file must be:

* inside the project's source directory (as Sphinx's own ``include``
  resolves paths), after symbolic links are followed: nothing outside it
  is read, let alone published;
* a regular file (a directory, a device such as ``/dev/zero`` or a FIFO
  would fail or hang the build), not empty, and at most
  :data:`MAX_FILE_BYTES` long;
* text in an encoding named here: UTF-8 (with or without BOM), UTF-16
  with BOM (Excel's "Unicode text"), cp932 (Excel's CSV in Japan) or
  EUC-JP.  Each is tried strictly, so no byte is ever replaced: a file that
  none of them reads is refused at the line of its first bad byte.

Every refusal is one :class:`~.problems.Problem`, raised as
:class:`DataFileError`, so callers report it where the file is named.
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from .problems import Problem, Subtype

# 100,000 opinions of 600 characters in UTF-8 are about 200 MB.
MAX_FILE_BYTES = 256 * 1024 * 1024
# Tried in this order when a file has no BOM.  UTF-8 first: it almost
# never decodes text in another encoding by accident.
ENCODINGS = ("utf-8", "cp932", "euc_jp")
_HALF_WIDTH_KANA = range(0xFF61, 0xFFA0)


class DataFileError(Exception):
    def __init__(self, problem: Problem, path: str | None = None):
        super().__init__(problem.message)
        self.problem = problem
        # The file, when the problem is inside it (a bad byte's line).
        self.path = path


def confined(path: str | os.PathLike[str], root: str | os.PathLike[str] | None) -> Path:
    """``path`` with symbolic links followed, refused unless it is inside ``root``."""
    resolved = Path(path).resolve()
    if root is not None:
        base = Path(root).resolve()
        if not resolved.is_relative_to(base):
            raise DataFileError(
                Problem(
                    Subtype.FILE,
                    f"{Path(path).name} is outside the source directory: "
                    "data files must be inside it (a link to a file outside counts as outside)",
                )
            )
    return resolved


def read_bytes(path: Path) -> bytes:
    """The bytes of a regular, non-empty file of at most MAX_FILE_BYTES."""
    name = path.name
    try:
        info = path.stat()
    except OSError as error:
        raise DataFileError(Problem(Subtype.FILE, f"cannot read {name}: {error.strerror}")) from error
    if stat.S_ISDIR(info.st_mode):
        raise DataFileError(Problem(Subtype.FILE, f"{name} is a directory, not a data file"))
    if not stat.S_ISREG(info.st_mode):
        raise DataFileError(Problem(Subtype.FILE, f"{name} is not a regular file (a device, FIFO or socket)"))
    if info.st_size > MAX_FILE_BYTES:
        raise DataFileError(Problem(Subtype.LIMIT, f"{name} is {info.st_size:,} bytes; a data file may have {MAX_FILE_BYTES:,} at most"))
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise DataFileError(Problem(Subtype.FILE, f"cannot read {name}: {error.strerror}")) from error
    if not raw.strip():
        raise DataFileError(Problem(Subtype.FILE, f"{name} is empty", 1))
    return raw


def decode(raw: bytes, name: str = "the file") -> tuple[str, str]:
    """The text of ``raw`` and the name of its encoding; DataFileError when no encoding reads it."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise DataFileError(_undecodable(raw, name, encoding, error)) from error
    if b"\x00" in raw:
        offset = raw.index(b"\x00")
        # A binary file has no lines: the problem is the file's, at its start.
        raise DataFileError(
            Problem(Subtype.ENCODING, f"{name} is not text: a NUL byte at byte {offset} (a binary file, or UTF-16 without its BOM)", 1)
        )
    decoded: list[tuple[str, str]] = []
    errors: list[tuple[str, UnicodeDecodeError]] = []
    for encoding in ENCODINGS:
        try:
            decoded.append((raw.decode(encoding), encoding))
        except UnicodeDecodeError as failure:
            errors.append((encoding, failure))
        if decoded and encoding == "utf-8":
            return decoded[0]
    if not decoded:
        # Report the encoding that read the furthest: the one the file most likely is.
        closest, furthest = max(errors, key=lambda item: item[1].start)
        raise DataFileError(_undecodable(raw, name, closest, furthest))
    # cp932 reads many EUC-JP files too, as half-width katakana: take the
    # reading with fewer of those.
    return min(decoded, key=lambda item: sum(ord(char) in _HALF_WIDTH_KANA for char in item[0]))


def _undecodable(raw: bytes, name: str, encoding: str, error: UnicodeDecodeError) -> Problem:
    tried = "UTF-8, cp932 (Shift_JIS) or EUC-JP" if encoding in ENCODINGS else encoding.upper()
    byte = raw[error.start : error.start + 1].hex()
    return Problem(
        Subtype.ENCODING,
        f"{name} cannot be read as {tried}: byte 0x{byte} at byte {error.start} (closest: {encoding}); save it as UTF-8",
        _line_of(raw, error.start),
    )


def _line_of(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1
