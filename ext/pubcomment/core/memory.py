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
