"""What one reading of a data file lends the next, in a long-lived process.

A build reads each data file once, so nothing here is on for it.  The live
preview (pubcomment.preview) builds again in the same process after every
save, and a writer's save changes one opinion of thousands: with reuse
enabled, a row whose cells are as they were is not checked again (the CSV
reader's cell checks, the opinion read from the row, the privacy findings
of its texts, its digest), and the objects of the last reading are used.
What a row reported is kept with it and reported again, at the same line.

Each memo keeps, from one reading to the next, only what the latest reading
asked for: memory holds at most two readings of a file.  What is kept must
not change once made (opinions are not changed after they are read;
tests/test_preview.py builds the same edits warm and cold and compares).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

_enabled = False
_memos: dict[tuple[str, str], Memo] = {}


def enable() -> None:
    """Keep what readings made for the next (for a process that builds again and again)."""
    global _enabled
    _enabled = True


def disable() -> None:
    global _enabled
    _enabled = False
    _memos.clear()


class Memo:
    """Values by key, for one reading and the next."""

    def __init__(self) -> None:
        self._last: dict[Any, Any] = {}
        self._this: dict[Any, Any] = {}

    def get(self, key: Any) -> Any:
        """The value kept for ``key`` (by this reading or the last), or None."""
        value = self._this.get(key)
        if value is None:
            value = self._last.get(key)
            if value is not None:
                self._this[key] = value
        return value

    def put(self, key: Any, value: Any) -> None:
        self._this[key] = value

    def new_reading(self) -> None:
        """Another reading starts: what the one before did not ask for is dropped."""
        self._last, self._this = self._this, {}

    def __len__(self) -> int:
        return len(self._this)


class Same:
    """A part of a key that is this very object (an opinion, a row): hashed by identity,
    equal only to itself, and kept alive with the key (so its identity is not reused)."""

    __slots__ = ("thing",)

    def __init__(self, thing: object) -> None:
        self.thing = thing

    def __hash__(self) -> int:
        # As object.__hash__: an address's low bits are all zero, and a dict of keys
        # hashed by them alone starts from a sixteenth of its slots.
        return id(self.thing) >> 4

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Same) and other.thing is self.thing


def kept_or_made(memo: Memo | None, key: Any, make: Callable[..., T], *args: Any, logs: tuple[list[Any], ...] = ()) -> T:
    """``make(*args)``, or what it made for ``key`` before: what it added to each of ``logs``
    (the problems it reported, say) is added again, in the same order."""
    if memo is None:
        return make(*args)
    kept = memo.get(key)
    if kept is None:
        starts = [len(log) for log in logs]
        made = make(*args)
        kept = (made, tuple(log[start:] for log, start in zip(logs, starts, strict=True)))
        memo.put(key, kept)
    else:
        for log, added in zip(logs, kept[1], strict=True):
            log.extend(added)
    return kept[0]  # type: ignore[no-any-return]


def memo(kind: str, source: str | None) -> Memo | None:
    """The memo of ``kind`` for the file ``source``, a new reading of it started; None when reuse is off."""
    if not _enabled or source is None:
        return None
    found = _memos.get((kind, source))
    if found is None:
        found = _memos[(kind, source)] = Memo()
    found.new_reading()
    return found
