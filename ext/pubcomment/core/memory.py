"""Pausing Python's cycle collector while many objects are made at once.

Python collects reference cycles after every few hundred new objects, and
every few collections it scans every object alive.  A consultation of
10,000 opinions is a million objects and an opinion page a few hundred
thousand nodes: made one by one under the collector, they were scanned
again and again, and collecting took a third of a build's time
(bench/README.md).  Paused, the collector looks at them once, when it
resumes.  Nothing is kept alive longer: objects without cycles are freed
by reference counting as before, and cycles at the next collection.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_cycle_collection() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# Writing the pages, the collector's full collections were the one cost
# that grew faster than the opinions: each scans every object alive, the
# environment and every consultation included, and there were more of them
# the more was alive (at 100,000 opinions 49 full collections took 33 s of
# a 195 s build; bench/README.md).  So once the pages are read, what lives
# on is collected once and frozen (left out of every later collection; under
# -j N the forked writers do not touch its memory either), and the full
# collections run at a pace of our own: one after every PAGES_PER_COLLECTION
# pages written.  They are still needed: a written page leaves cycles that
# only a full collection frees (its translator, which Sphinx's handlers bound
# to it make refer to itself, with the page's HTML); with none until the end
# of the build they reached 3 GB at 100,000 opinions.
PAGES_PER_COLLECTION = 20
_thresholds: list[tuple[int, int, int]] = []
_pages_written = [0]


def freeze_what_lives(*_event_args: object) -> None:
    """``write-started``: collect once, freeze the survivors, full collections only from :func:`page_written`.

    In a live preview what lives between builds is frozen already
    (preview/warm.py), and collected after each build: what this one read is
    frozen with it, without a collection before the pages."""
    if not gc.get_freeze_count():
        gc.collect()
    gc.freeze()
    young, middle, full = gc.get_threshold()
    _thresholds.append((young, middle, full))
    gc.set_threshold(young, middle, 1 << 30)
    _pages_written[0] = 0


def page_written(*_event_args: object) -> None:
    """``html-page-context``: a page is written; every so many, a full collection,
    and what survives it is frozen too: the search index grows with every page
    (Sphinx's word → pages sets, millions of entries at 100,000 opinions), and
    scanned again by each collection it made them cost more and more."""
    _pages_written[0] += 1
    if _thresholds and _pages_written[0] % PAGES_PER_COLLECTION == 0:
        gc.collect()
        gc.freeze()


def thaw(*_event_args: object) -> None:
    """``build-finished``, last: the collector as it was, seeing everything again
    (a build in a process that goes on, as in the tests, frees what it held)."""
    if _thresholds:
        gc.set_threshold(*_thresholds.pop())
    gc.unfreeze()
