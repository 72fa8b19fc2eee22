"""A file of records, written again from its last version.

An open-data file of 100,000 opinions is some 250 MB, and encoding it took
a rebuild after one edited opinion most of its time (bench/README.md).  A
file here is a head, records with a separator between them, and a tail;
each record has a digest of everything its bytes are made from.  Written
again beside its last version, a record whose digest the last version holds
is copied from there (runs of them as one copy) and only the others are
encoded.  The :class:`Layout` of each writing (where each record is) is
what the next one needs; it is trusted only for the very file it describes
(size and modification time) and for records made the same way (``context``:
a digest of the code and of the data every record shares).

The result is the same bytes as encoding every record
(tests/unit/test_recordfile.py).
"""

from __future__ import annotations

import os
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import BinaryIO

# A record: the digest of what it is made from, and what encodes it.
Record = tuple[bytes, Callable[[], bytes]]
_CHUNK = 1 << 20


@dataclass(frozen=True)
class Layout:
    """Where the records of one written file are."""

    context: bytes
    digest_size: int
    digests: bytes  # every record's digest, one after another
    starts: array  # the byte where each record starts, and where it ends
    ends: array
    size: int  # of the file, and its modification time: the file the layout describes
    mtime_ns: int

    def describes(self, path: str | os.PathLike[str]) -> bool:
        try:
            stat = os.stat(path)
        except OSError:
            return False
        return (stat.st_size, stat.st_mtime_ns) == (self.size, self.mtime_ns)

    def spans(self) -> dict[bytes, tuple[int, int]]:
        size = self.digest_size
        return {
            self.digests[i * size : (i + 1) * size]: (start, end) for i, (start, end) in enumerate(zip(self.starts, self.ends, strict=True))
        }


@dataclass
class Written:
    """What one writing did: the layout to stamp on the file once it is in place, and how many records it encoded."""

    context: bytes
    digest_size: int
    digests: bytearray
    starts: array
    ends: array
    encoded: int = 0

    def layout(self, path: str | os.PathLike[str]) -> Layout:
        stat = os.stat(path)
        return Layout(self.context, self.digest_size, bytes(self.digests), self.starts, self.ends, stat.st_size, stat.st_mtime_ns)


def write(
    out: BinaryIO,
    head: bytes,
    records: Iterable[Record],
    separator: bytes,
    tail: bytes,
    *,
    context: bytes,
    last: Layout | None = None,
    old: BinaryIO | None = None,
    digest_size: int = 16,
) -> Written:
    """Write the file to ``out``: each record copied from ``old`` (the file ``last``
    describes) when it holds one of the same digest and context, else encoded."""
    spans = last.spans() if last is not None and old is not None and last.context == context else {}
    written = Written(context, digest_size, bytearray(), array("q"), array("q"))
    out.write(head)
    position = len(head)
    pending: list[int] = []  # a run of [start, end) in the old file not yet copied
    first = True
    for digest, encode in records:
        start = position + (0 if first else len(separator))
        span = spans.get(digest)
        if span is not None:
            if pending and span[0] == pending[1] + start - position:
                pending[1] = span[1]  # the old file has this record right after the last one: one copy
            else:
                if pending:
                    _copy(old, out, pending[0], pending[1])
                if not first:
                    out.write(separator)
                pending = [span[0], span[1]]
            position = start + span[1] - span[0]
        else:
            if pending:
                _copy(old, out, pending[0], pending[1])
                pending = []
            if not first:
                out.write(separator)
            data = encode()
            out.write(data)
            written.encoded += 1
            position = start + len(data)
        written.digests += digest
        written.starts.append(start)
        written.ends.append(position)
        first = False
    if pending:
        _copy(old, out, pending[0], pending[1])
    out.write(tail)
    return written


def _copy(source: BinaryIO | None, out: BinaryIO, start: int, end: int) -> None:
    assert source is not None  # a span is only found in an old file
    source.seek(start)
    left = end - start
    while left > 0:
        chunk = source.read(min(_CHUNK, left))
        if not chunk:
            raise OSError("the last version of the file is shorter than its layout says")
        out.write(chunk)
        left -= len(chunk)
