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

VISIT_ENTRY_DIGESTS = frozenset(
    {
        "1e8220facd9265b7",  # docutils 0.21
        "1188606ccf9b9bcb",  # docutils 0.22 to 0.23 (0.22 added the return annotation)
    }
)


def visit_entry_digest() -> str:
    """The digest of the installed docutils' ``HTMLTranslator.visit_entry`` (indentation and comments aside)."""
    from docutils.writers._html_base import HTMLTranslator

    source = textwrap.dedent(inspect.getsource(HTMLTranslator.visit_entry))
    lines = [line.split("#", 1)[0].rstrip() for line in source.splitlines()]
    text = "\n".join(line for line in lines if line.strip())
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# ---------------------------------------------------------------- sphinx-build's arguments
#
# The live preview (preview/warm.py) builds with one application for many
# builds and must make it from the options ``sphinx-build`` takes, as
# ``sphinx-build`` does: ``sphinx.cmd.build.build_main`` turns its arguments
# into the application's with helpers that are not public (``_parse_arguments``,
# ``_parse_confdir``, ``_parse_doctreedir``, ``_parse_logging``,
# ``_parse_confoverrides``; the same in Sphinx 9.0 to 9.2).  Without them
# (None) the preview builds with ``python -m sphinx`` for every change, as
# sphinx-autobuild does: slower, never wrong.


class BuildArguments:
    """The parsed ``sphinx-build`` arguments (an ``argparse.Namespace`` with the
    attributes ``build_main`` gives it; typed loosely, as Sphinx's)."""

    sourcedir: str
    outputdir: str
    confdir: str | None
    doctreedir: str
    builder: str
    confoverrides: dict[str, Any]
    status: Any
    warning: Any
    freshenv: bool
    force_all: bool
    filenames: list[str]
    warningiserror: bool
    tags: list[str]
    verbosity: int
    jobs: int


def build_arguments(argv: list[str]) -> BuildArguments | None:
    """``sphinx-build``'s arguments as ``build_main`` reads them; None where this Sphinx reads them otherwise."""
    try:
        from sphinx.cmd import build
    except ImportError:
        return None
    needed = ("get_parser", "_parse_arguments", "_parse_confdir", "_parse_doctreedir", "_parse_logging", "_parse_confoverrides")
    if not all(hasattr(build, name) for name in needed):
        return None
    parser = build.get_parser()
    args: Any = build._parse_arguments(parser, argv)
    args.confdir = build._parse_confdir(args.noconfig, args.confdir, args.sourcedir)
    args.doctreedir = build._parse_doctreedir(args.doctreedir, args.outputdir)
    args.status, args.warning, args.error, _warnfp = build._parse_logging(parser, args.quiet, args.really_quiet, args.warnfile)
    args.confoverrides = build._parse_confoverrides(parser, args.define, args.htmldefine, args.nitpicky)
    return args  # type: ignore[no-any-return]


# Sphinx.build() adds to the application's warning count and never resets it
# (one application made one build); a second build of the same application
# would report the first one's warnings again, and fail under -W for them.
# ``Sphinx._warncount`` and ``statuscode`` (Sphinx 9.0 to 9.2).


def reset_build_status(app: Any) -> None:
    """Make a used application count warnings and set its status as for its first build."""
    if hasattr(app, "_warncount"):
        app._warncount = 0
    app.statuscode = 0


# ---------------------------------------------------------------- the order pages are written in
#
# A builder writes its pages in the order of their names
# (``Builder.write_documents`` sorts them and hands them to ``_write_serial``;
# Sphinx 9.0 to 9.2).  The live preview writes the pages that show edited
# data before the pages read again (the page that declares the data, say),
# so that the page a writer is looking at is served first; no public hook
# orders the pages.  Without ``_write_serial`` the order is Sphinx's.


def write_first(builder: Any, first: Any) -> bool:
    """Make ``builder`` write the pages ``first(docname)`` is true of before the others (serial writing only)."""
    if not callable(getattr(builder, "_write_serial", None)) or not callable(getattr(builder, "write_documents", None)):
        return False
    sphinx_order = builder.write_documents

    def write_documents(docnames: Any) -> None:
        if getattr(builder, "parallel_ok", False):
            sphinx_order(docnames)
            return
        builder._write_serial(sorted(docnames, key=lambda docname: (not first(docname), docname)))

    builder.write_documents = write_documents
    return True


# ---------------------------------------------------------------- the search index between builds
#
# Before writing, the HTML builder reads the last build's search index back
# from searchindex.js and prunes the pages it writes again
# (``StandaloneHTMLBuilder.load_indexer``; ``IndexBuilder.load`` sets the
# ``_filenames``, ``_titles``, ``_all_titles``, ``_mapping`` and
# ``_title_mapping`` it reads; Sphinx 9.0 to 9.2).  An application that
# builds again has that index in memory, as it was dumped: the live preview
# copies it instead (0.1 to 0.15 s of each rebuild at 10,000 opinions).
# Without ``load_indexer`` the index is read back from the file, as by Sphinx.
SEARCH_INDEX_STATE = ("_filenames", "_titles", "_all_titles", "_mapping", "_title_mapping")


def keep_search_index(builder: Any) -> bool:
    """Make ``builder`` start each build's search index from its last build's, not from searchindex.js."""
    read_back = getattr(builder, "load_indexer", None)
    if not callable(read_back):
        return False
    last: list[Any] = []

    def load_indexer(docnames: Any) -> None:
        indexer = builder.indexer
        previous = last[0] if last else None
        if previous is None or type(previous) is not type(indexer) or not all(hasattr(previous, n) for n in SEARCH_INDEX_STATE):
            read_back(docnames)
        else:
            indexer._filenames = dict(previous._filenames)
            indexer._titles = dict(previous._titles)
            indexer._all_titles = {docname: list(titles) for docname, titles in previous._all_titles.items()}
            indexer._mapping = {word: set(pages) for word, pages in previous._mapping.items()}
            indexer._title_mapping = {word: set(pages) for word, pages in previous._title_mapping.items()}
            # What load_indexer does next: the pages written again are taken out.
            indexer.prune(set(builder.env.all_docs).difference(docnames))
        last[:] = [indexer]  # fed and dumped by this build: the next one starts from it

    builder.load_indexer = load_indexer
    return True
