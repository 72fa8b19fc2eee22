"""Every use of Sphinx's and docutils' private API, in one place.

pubcomment supports Sphinx 9.0 to 9.2 and docutils 0.21 to 0.23
(``pyproject.toml``; ``make test-compat`` runs the suite on the newest).
Each use below says why there is no public way, which versions it was
read from, and what happens when a later version drops it: pubcomment
then does less (a table is not cut, a value equal to its default counts
as unset), never something wrong.  ``tests/unit/test_compat.py`` fails
when an installed version no longer has what is read here, so that a
new Sphinx or docutils is checked before its pin is widened.
"""

from __future__ import annotations

import hashlib
import inspect
import textwrap
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.config import Config


# ---------------------------------------------------------------- Config._raw_config
#
# Sphinx has no public way to ask whether ``conf.py`` (or ``-D``) set a value:
# a value left at its default and one set to the same value look alike.
# :mod:`pubcomment.defaults` must tell them apart, so that a project that
# chose, say, ``latex_show_urls = "no"`` keeps it.  ``Config._raw_config``
# (the namespace of ``conf.py``; Sphinx 7.3 to 9.2, unchanged in 9.1 and
# 9.2) and the public ``Config.overrides`` answer it; should a later Sphinx
# drop ``_raw_config``, a value equal to its default counts as not set.


def _default_of(config: Config, name: str) -> Any:
    option: Any = config.values[name]  # _Opt since Sphinx 7.3, a tuple before
    default = option.default if hasattr(option, "default") else option[0]
    return default(config) if callable(default) else default


def raw_config(config: Config) -> dict[str, Any] | None:
    """The namespace ``conf.py`` left (private ``Config._raw_config``), or None."""
    raw = getattr(config, "_raw_config", None)
    return raw if isinstance(raw, dict) else None


def user_set(config: Config, name: str) -> bool:
    """Whether ``conf.py`` or the command line (``-D``) set ``name``."""
    if name in config.overrides:
        return True
    raw = raw_config(config)
    if raw is not None:
        return name in raw
    return bool(config[name] != _default_of(config, name))


# ---------------------------------------------------------------- HTML5Translator._table_row_indices
#
# Sphinx's HTML writer numbers a table's rows for the ``row-odd``/``row-even``
# classes with a stack of counters, one per open table
# (``HTML5Translator._table_row_indices``: pushed in ``visit_table``, counted
# in ``visit_row``; the same in Sphinx 9.0 to 9.2).  No public hook tells a
# writer where rows start, and html/parallel_rows.py must carry the count
# across the blocks of one table written in other processes.  Without the
# counter (another writer, or a Sphinx that counts rows differently) a table
# is written by one process, as it would be under ``-j 1``.


def table_row_counter(translator: Any) -> list[int] | None:
    """The translator's stack of row counters (its last item counts the open table's rows), or None."""
    counter = getattr(translator, "_table_row_indices", None)
    return counter if isinstance(counter, list) and all(isinstance(n, int) for n in counter) else None


# ---------------------------------------------------------------- docutils' visit_entry, copied
#
# html/a11y.py writes a table cell's start tag itself, with ``scope`` on
# header cells: docutils' ``HTMLTranslator.visit_entry`` computes the tag's
# attributes and writes it in one go, and no hook adds one.  The override is a
# copy of that method plus ``scope``, not a call of it, so it must follow
# docutils: the digests below are those of the method's source in the
# docutils versions the copy was checked against (0.21 to 0.23: the method
# did not change).  A docutils whose visit_entry differs is not refused at
# build time (the copy still writes a valid cell), but the compatibility test
# fails until the copy is compared with it and its digest added here.

VISIT_ENTRY_DIGESTS = frozenset({
    "1e8220facd9265b7",  # docutils 0.21
    "1188606ccf9b9bcb",  # docutils 0.22 to 0.23 (0.22 added the return annotation)
})


def visit_entry_digest() -> str:
    """The digest of the installed docutils' ``HTMLTranslator.visit_entry`` (indentation and comments aside)."""
    from docutils.writers._html_base import HTMLTranslator

    source = textwrap.dedent(inspect.getsource(HTMLTranslator.visit_entry))
    lines = [line.split("#", 1)[0].rstrip() for line in source.splitlines()]
    text = "\n".join(line for line in lines if line.strip())
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
