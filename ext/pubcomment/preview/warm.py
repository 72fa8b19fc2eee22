"""One Sphinx application kept between the builds of a live preview.

``sphinx-build`` starts Python, imports Sphinx and the extensions and loads
the pickled environment for every build; at 10,000 opinions that was more
than a second of each rebuild before any page was read (bench/README.md,
"Live preview").  Here the application is made once and asked to build
again after each save: Sphinx finds what changed as it does for any
incremental build (modification times, and pubcomment's data files through
``env-get-outdated``), with the environment still in memory.

A new application is made when the configuration may have changed (any
``.py`` file, ``docutils.conf``, a file under a configuration directory of
its own: ``-c conf``) and after a build that raised, exactly as a new
``sphinx-build`` would start.
``tests/test_preview.py`` builds the same edits warm and with
``python -m sphinx`` and compares every page byte for byte.
"""

from __future__ import annotations

import contextlib
import gc
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .. import compat
from ..core import reuse
from ..core.textfiles import DataFileError

# A change to one of these may change the configuration: the next build starts afresh.
CONFIG_SUFFIXES = frozenset({".py"})
CONFIG_NAMES = frozenset({"docutils.conf"})


def _set_aside_what_lives() -> None:
    """Keep what lives between builds (the application, its environment, the last
    reading of the data) out of the cycle collector's way until the next build is
    done: at 10,000 opinions a full collection while reading took a quarter of a
    second each time.  What the last build left is collected first."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


class WarmSphinx:
    """Builds with one application while the configuration stays the same."""

    def __init__(self, arguments: compat.BuildArguments, *, pages_written: Callable[[], None] | None = None):
        self.arguments = arguments
        self.pages_written = pages_written
        self.app: Any = None
        self._contexts: contextlib.ExitStack | None = None
        self.builds = 0  # builds by the application in use
        self._read: set[str] = set()  # the documents its last build read
        self._started = False  # -E (a fresh environment) is for the first application only

    @property
    def confdir(self) -> Path:
        return Path(self.arguments.confdir or self.arguments.sourcedir).resolve()

    def needs_fresh_start(self, changed: Sequence[Path]) -> bool:
        """Whether a changed file may change the configuration (or there is no application yet)."""
        if self.app is None:
            return True
        # A configuration directory of its own (-c conf) holds configuration only; else it is the source directory.
        separate = self.confdir != Path(self.arguments.sourcedir).resolve()
        for path in changed:
            path = Path(path).resolve()
            if path.suffix in CONFIG_SUFFIXES or path.name in CONFIG_NAMES or (separate and path.is_relative_to(self.confdir)):
                return True
        return False

    def build(self, changed: Sequence[Path] = ()) -> int:
        """Build what changed; the status ``sphinx-build`` would exit with."""
        try:
            if self.needs_fresh_start(changed):
                self.close()
                self._start()
            app = self.app
            compat.reset_build_status(app)
            app.build(self.arguments.force_all, self.arguments.filenames)
        except Exception:  # shown as sphinx-build would show it; the next build starts afresh
            traceback.print_exc(file=sys.stderr)
            self.close()
            return 2
        self.builds += 1
        if self.builds == 1 and not self._read:
            self._read_the_data()
        _set_aside_what_lives()
        return int(app.statuscode)

    def _start(self) -> None:
        from sphinx.application import Sphinx
        from sphinx.util.docutils import docutils_namespace, patch_docutils

        a = self.arguments
        contexts = contextlib.ExitStack()
        # What sphinx-build does around its application: docutils' directive and
        # role registries are restored when this application is closed.
        contexts.enter_context(patch_docutils(a.confdir or a.sourcedir))
        contexts.enter_context(docutils_namespace())
        try:
            app = Sphinx(
                srcdir=a.sourcedir,
                confdir=a.confdir,
                outdir=a.outputdir,
                doctreedir=a.doctreedir,
                buildername=a.builder,
                confoverrides=a.confoverrides,
                status=a.status,
                warning=a.warning,
                freshenv=a.freshenv and not self._started,
                warningiserror=a.warningiserror,
                tags=a.tags,
                verbosity=a.verbosity,
                parallel=a.jobs,
                keep_going=False,
                pdb=False,
            )
        except BaseException:
            contexts.close()
            raise
        # The pages that show edited data first, then those read again (after a
        # data edit: the page of the opinion, before the page that declares the data).
        read = self._read = set()

        def note_read(_app: object, _env: object, docnames: list[str]) -> None:
            read.clear()
            read.update(docnames)

        app.connect("env-before-read-docs", note_read)
        compat.write_first(app.builder, lambda docname: docname not in read)
        compat.keep_search_index(app.builder)
        if self.pages_written is not None:
            callback = self.pages_written

            def pages_written(_app: object) -> list[tuple[str, dict[str, object], str]]:
                callback()  # the pages are written; the indices, static files and search index follow
                return []

            app.connect("html-collect-pages", pages_written)
        self.app, self._contexts = app, contexts
        self.builds, self._started = 0, True
        reuse.enable()

    def _read_the_data(self) -> None:
        """Read each data file as its document would be read (pc-consultation: the file, then the
        privacy check; the domain: the digests), so that reuse has a last reading: after a first
        build that read no document (the output was up to date), the first save would find none
        to take its unchanged rows from.  Only speed depends on it mirroring the directive."""
        from ..config import get_config
        from ..core import loader, privacy
        from ..core.digest import data_digests
        from ..env.domain import get_domain

        settings = get_config(self.app.config)
        for entry in get_domain(self.app.env).consultations.values():
            if entry.source is None:
                continue
            try:
                loaded = loader.load_file(entry.source, root=self.app.srcdir, labels=entry.labels)
            except DataFileError:
                continue  # reported when its document is read
            privacy.check_consultation(
                loaded.consultation,
                names=settings.privacy_names is not False,
                ginza=settings.privacy_names == "ginza",
                allow=settings.privacy_allow,
            )
            data_digests(loaded.consultation)

    def close(self) -> None:
        if self._contexts is not None:
            self._contexts.close()
        self.app, self._contexts = None, None
