"""sphinx-autobuild's server and watcher, building in its own process.

sphinx-autobuild (the ``[preview]`` extra) serves the output on 127.0.0.1,
watches the sources and reloads the browser; for every change it runs
``python -m sphinx`` in a new process.  Its command line is taken as it
is, and two of its parts are replaced (its ``Builder`` and the watcher's
``RebuildServer``, names its ``__main__`` module looks up when it runs; read
from sphinx-autobuild 2024.10 to 2025.8):

* the builder builds with a :class:`~.warm.WarmSphinx`, in this process;
* the watcher calls it in a thread of this process, not a process pool
  (whose worker would take the warm application with it when it exits),
  and reloads the browser as soon as the pages are written, before the
  search index and the rest (or after the build, when what changed is
  neither a page nor a data file: a style sheet is copied last);
* threads wait at most 1 ms for the interpreter (SWITCH_INTERVAL), so that
  the page is served while the build's thread finishes;
* its app (``_create_app``) answers only requests to this machine at the
  serving port (``Host: 127.0.0.1:8000``, ``localhost:8000``, ``[::1]:8000``,
  or the ``--host`` given): another name is a page of another site (DNS
  rebinding) and gets 421; and it serves nothing a symbolic link leads to
  out of the build folder (404), whatever Starlette's StaticFiles does.

Where those names are missing (another sphinx-autobuild), it runs as
sphinx-autobuild does, with a note.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .. import compat
from .warm import WarmSphinx

# Seconds a thread waiting for the interpreter waits at most (Python's default: 0.005).
SWITCH_INTERVAL = 0.001
# What a page or its data is saved as: the browser reloads when the pages are written.
PAGE_SUFFIXES = frozenset({".md", ".rst", ".txt", ".csv", ".tsv", ".yaml", ".yml", ".json", ".xlsx", ".xlsm", ".ods"})


def main(argv: Sequence[str]) -> int:
    """``pubcomment preview``: sphinx-autobuild's options and arguments."""
    try:
        from sphinx_autobuild import __main__ as autobuild
        from sphinx_autobuild import build as autobuild_build
        from sphinx_autobuild import server as autobuild_server
    except ImportError:
        print("pubcomment preview needs sphinx-autobuild: pip install 'pubcomment[preview]'", file=sys.stderr)
        return 1
    if not all(
        hasattr(module, name)
        for module, name in (
            (autobuild, "Builder"),
            (autobuild, "RebuildServer"),
            (autobuild, "_create_app"),
            (autobuild_build, "Builder"),
            (autobuild_server, "RebuildServer"),
        )
    ):
        print("pubcomment preview: this sphinx-autobuild is not one it knows; every change is built by a new sphinx-build", file=sys.stderr)
        autobuild.main(list(argv))
        return 0
    # The page is served from the event loop's thread while the build's thread
    # goes on (search index, open data): with Python's default of 5 ms before
    # a thread waiting for the interpreter gets it, serving one page, many
    # hand-overs, took 0.3 s longer (bench/README.md, "Live preview").
    sys.setswitchinterval(SWITCH_INTERVAL)
    builder_class = _warm_builder(autobuild_build.Builder)
    autobuild.Builder = builder_class
    autobuild.RebuildServer = _in_process_server(autobuild_server.RebuildServer, builder_class)
    autobuild._create_app = _guarded(autobuild._create_app)
    autobuild.main(list(argv))
    return 0


# The names of this machine a browser's request may carry in its Host header (with the port).
LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]")


def _guarded(create_app: Any) -> Any:
    """sphinx-autobuild's ``_create_app``, its app wrapped in :class:`LocalOnly`."""

    def guarded(watch_dirs: Any, ignore_handler: Any, builder: Any, out_dir: Any, url_host: str) -> LocalOnly:
        host, _, port = url_host.rpartition(":")
        return LocalOnly(create_app(watch_dirs, ignore_handler, builder, out_dir, url_host), out_dir, int(port), host)

    return guarded


class LocalOnly:
    """ASGI: requests whose Host is this machine at ``port`` (or ``host``), for files inside ``out_dir``.

    A page of another site can make a browser ask for its own name that
    resolves to 127.0.0.1 (DNS rebinding) and read the answer: such a Host
    gets 421 Misdirected Request (a WebSocket is refused, 403).  A path that
    leads out of ``out_dir`` through a symbolic link gets 404.
    """

    def __init__(self, app: Any, out_dir: str | os.PathLike[str], port: int, host: str = "") -> None:
        self.app = app
        self.root = os.path.realpath(out_dir)
        names = {*LOCAL_HOSTS, host.lower()} - {""}
        self.allowed = {f"{name}:{port}" for name in names} | {f"[{name}]:{port}" for name in names if ":" in name and "[" not in name}

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        hosts = [value.decode("latin-1").strip().lower() for name, value in scope.get("headers", []) if name.lower() == b"host"]
        if len(hosts) != 1 or hosts[0] not in self.allowed:
            await self._refuse(scope, send, 421, "this preview answers only to 127.0.0.1, localhost and [::1] at its port")
            return
        if scope["type"] == "http" and not self._inside(scope.get("path", "/")):
            await self._refuse(scope, send, 404, "Not Found")
            return
        await self.app(scope, receive, send)

    def _inside(self, path: str) -> bool:
        target = os.path.realpath(os.path.join(self.root, path.lstrip("/\\")))
        return target == self.root or target.startswith(self.root + os.sep)

    @staticmethod
    async def _refuse(scope: dict[str, Any], send: Any, status: int, text: str) -> None:
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})  # before accepting: the server answers 403
            return
        body = f"{status} {text}\n".encode()
        headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def _warm_builder(cold: type) -> type:
    class WarmBuilder(cold):  # type: ignore[valid-type,misc]
        """sphinx-autobuild's builder, building with one application in this process."""

        reload_early: Any = None  # set by the server: reloads the browser from the build's thread

        def __init__(self, sphinx_args: list[str], **options: Any):
            super().__init__(sphinx_args, **options)
            arguments = compat.build_arguments(list(sphinx_args))
            self.warm = WarmSphinx(arguments, pages_written=self._pages_written) if arguments is not None else None
            self.early = False  # whether this build reloads the browser once its pages are written
            self.reloaded = False

        def _pages_written(self) -> None:
            if self.early and self.reload_early is not None:
                self.reload_early()
                self.reloaded = True

        def __call__(self, *, changed_paths: Sequence[Path]) -> None:
            if self.warm is None:
                super().__call__(changed_paths=changed_paths)
                return
            from sphinx_autobuild.utils import show_message

            if changed_paths:
                shown = [str(path) for path in changed_paths[:5] if Path(path).exists()]
                if shown:
                    show_message(f"Detected changes ({', '.join(shown)})")
                show_message("Rebuilding...")
            self.early = bool(changed_paths) and all(Path(p).suffix.lower() in PAGE_SUFFIXES for p in changed_paths)
            self.reloaded = False
            if self._run_commands(self.pre_build_commands, "pre-build") != 0:
                return
            status = self.warm.build(changed_paths)
            if status != 0:
                print(f"Sphinx exited with exit code: {status}")
                print(
                    "The server will continue serving the build folder, but the contents being served are no longer "
                    "in sync with the documentation sources. Please fix the cause of the error above or press Ctrl+C "
                    "to stop the server."
                )
            else:
                self._run_commands(self.post_build_commands, "post-build")
            show_message(f"Serving on {self.uri}")

    return WarmBuilder


def _in_process_server(base: type, builder_class: Any) -> type:
    class InProcessRebuildServer(base):  # type: ignore[valid-type,misc]
        """The watcher, calling the builder in a thread of this process."""

        async def watch(self) -> None:
            import watchfiles

            loop = asyncio.get_running_loop()
            builder: Any = self.change_callback
            if isinstance(builder, builder_class):
                builder.reload_early = lambda: loop.call_soon_threadsafe(self.flag.set)
            async for changes in watchfiles.awatch(*self.paths, watch_filter=lambda _, path: not self.ignore(path)):
                changed_paths = [Path(path).resolve() for (_, path) in changes]
                await asyncio.to_thread(self.change_callback, changed_paths=changed_paths)
                if not getattr(builder, "reloaded", False):
                    self.flag.set()

    return InProcessRebuildServer
