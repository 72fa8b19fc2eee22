"""The work of one long table shared by several processes under ``-j N``.

Sphinx builds in parallel by pages: under ``-j 2`` the main process
resolves the pages and feeds the search index, then a single worker writes
them while the main process waits, and fewer than ten pages go to that
worker as one batch.  A consultation laid out as one page per topic has a
few pages of thousands of rows each, so ``-j 2`` gained nothing over
``-j 1`` (bench/README.md).  Here a long table's opinions are cut into
blocks, and forked processes (Sphinx's own ``ParallelTasks``, which also
brings their warnings back) take every block but the first, twice:

* in the main process, finding the search index's words of the rows
  (deferred_rows.py), with a splitter whose words can be handed over
  as they are;
* in the writer, writing the rows as HTML; the blocks' HTML is joined in
  order.

At most N - 1 such processes run at a time in the whole build (a
semaphore Sphinx's workers inherit): when every worker is busy with pages
of its own, a table is not cut.

The pages and the search index are byte for byte those one process makes
(tests/test_parallel_rows.py).  Only Sphinx's HTML writer is split: its one
piece of state that rows change is the row counter behind the
``row-odd``/``row-even`` classes, and it is carried across the blocks
here.  Other writers (LaTeX counts rows and cells in its own table state)
write all rows themselves.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from itertools import pairwise
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.util.parallel import ParallelTasks, parallel_available
from sphinx.writers.html5 import HTML5Translator

from ..compat import table_row_counter

# Fewer rows than this per block, and forking costs more than it saves.
MIN_ROWS_PER_BLOCK = 400

Row = TypeVar("Row")
Item = TypeVar("Item")
Result = TypeVar("Result")

_processes: WeakKeyDictionary[Builder, int] = WeakKeyDictionary()
# The processes a build may fork beyond Sphinx's own, N - 1 under -j N,
# shared by the main process and Sphinx's workers (they inherit it): with
# many long pages every worker is busy, and N workers each forking N - 1
# processes would put N² on N cores.
_spare: WeakKeyDictionary[Builder, Any] = WeakKeyDictionary()


def note_processes(app: Sphinx) -> None:
    """``builder-inited``: how many processes the build may use."""
    # ``-j N``; kept per builder, as Sphinx deprecates ``Builder.app``.
    _processes[app.builder] = app.parallel
    if parallel_available and app.parallel > 1:
        _spare[app.builder] = multiprocessing.get_context("fork").BoundedSemaphore(app.parallel - 1)


def _block_count(count: int, processes: int) -> int:
    return max(1, min(processes, count // MIN_ROWS_PER_BLOCK))


def blocks(items: Sequence[Row], processes: int) -> list[Sequence[Row]]:
    """``items`` cut into at most ``processes`` blocks of nearly equal size,
    each at least MIN_ROWS_PER_BLOCK long (a single block when that is not possible)."""
    count = _block_count(len(items), processes)
    size, extra = divmod(len(items), count)
    cuts = [0]
    for index in range(count):
        cuts.append(cuts[-1] + size + (1 if index < extra else 0))
    return [items[start:end] for start, end in pairwise(cuts)]


def processes(builder: Builder) -> int:
    """How many processes may share one table's work: ``-j N``, or 1.

    1 when an extension is unsafe for parallel writing: its visitors may
    keep what they see, and what a forked process's saw would be lost."""
    return _processes.get(builder, 1) if parallel_available and builder.parallel_ok else 1


@contextmanager
def cut(builder: Builder, items: Sequence[Row]) -> Iterator[list[Sequence[Row]]]:
    """``items`` in blocks, one for this process and one for each spare process
    it could take; the spare processes are held until the context ends."""
    spare = _spare.get(builder)
    if spare is None:  # -j 1
        yield [items]
        return
    wanted = _block_count(len(items), processes(builder)) - 1
    taken = 0
    while taken < wanted and spare.acquire(block=False):
        taken += 1
    try:
        yield blocks(items, 1 + taken)
    finally:
        for _ in range(taken):
            spare.release()


def map_forked(func: Callable[[Item], Result], items: Sequence[Item]) -> list[Result]:
    """``[func(item) for item in items]``, every item but the first in a forked process."""
    results: dict[int, Result] = {}

    def collect(index: int, result: Result) -> None:
        results[index] = result

    tasks = ParallelTasks(max(1, len(items) - 1))
    for index in range(1, len(items)):
        tasks.add_task(lambda index: func(items[index]), index, collect)
    if items:
        results[0] = func(items[0])
    tasks.join()
    return [results[index] for index in range(len(items))]


@contextmanager
def row_cut(translator: nodes.NodeVisitor, items: Sequence[Row]) -> Iterator[list[Sequence[Row]]]:
    """The blocks in which ``translator`` is to write the rows for ``items`` (see cut)."""
    # The row counter is private to Sphinx's HTML writer (compat.table_row_counter);
    # without it, do not cut.
    if not isinstance(translator, HTML5Translator) or table_row_counter(translator) is None:
        # Another writer, or a Sphinx whose writer counts rows differently: do not guess.
        yield [items]
        return
    with cut(translator.builder, items) as parts:
        yield parts


Write = Callable[[Sequence[Row], bool, bool], None]


def write_blocks(translator: nodes.NodeVisitor, parts: list[Sequence[Row]], write: Write[Row]) -> None:
    """Write the rows of ``parts`` in order.  ``write(part, first, last)`` puts
    a part's rows in the doctree and walks them with ``translator``, opening
    the table body before the first part and closing it after the last.

    Every part but the first is written in a forked process, from the
    translator as it is now, and sends back the HTML it appended.
    """
    if len(parts) == 1:
        write(parts[0], True, True)
        return
    # The stack of row counters behind row-odd/row-even (private, see
    # compat.table_row_counter), carried across the blocks.
    counter = table_row_counter(translator)
    assert counter is not None  # as row_cut checked
    offsets = [counter[-1]]
    for part in parts:
        offsets.append(offsets[-1] + len(part))
    last = len(parts) - 1

    def write_part(index: int) -> list[str]:  # all but the first in a forked process
        counter[-1] = offsets[index]
        mark = len(translator.body)
        write(parts[index], index == 0, index == last)
        return translator.body[mark:] if index else []

    for body in map_forked(write_part, range(len(parts)))[1:]:
        translator.body.extend(body)
    counter[-1] = offsets[-1]
