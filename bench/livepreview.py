"""How long ``make livehtml`` takes to show an edited opinion.

    python -m bench.livepreview                 # 1,000 and 10,000 opinions; prints the table
    python -m bench.livepreview --write-readme  # … and writes it into bench/README.md
    python -m bench.livepreview --sizes 1000 --repeat 1

For each size, a synthetic consultation (bench/generate.py: seed 1, opinions
in data/opinions.csv, pages of 250 opinions as the README advises) is served
by ``pubcomment preview`` on 127.0.0.1, with the options ``make livehtml``
uses.  After its first build, one opinion's text is edited in the CSV file,
as a writer saving the spreadsheet's export would, and the bench does what
the script the server adds to every page does in a browser: it waits on the
reload websocket, then loads the page holding the opinion (again every
10 ms until the new text is in it, should the reload come first).  The time
from the save (the file written and closed) to that response is "save →
page served".  Each round edits the same opinion with a new sentence; the
fastest of ``--repeat`` rounds counts (load from other builds on the machine
only ever adds time).  (Until 2 December the page was fetched every 10 ms
without waiting for the reload; the preview now builds in the server's process,
and so many requests slowed the build they waited for.)

Where the time goes is read from the server's own output, stamped as it
arrives: the watcher's "Detected changes" line (save → rebuild started:
the file watcher's latency and its debounce), and its "Serving on" line
after the build (the rebuild's whole time; the page is served before the
build ends, as the pages are written before the search index and the open
data).  A plain ``python -m sphinx`` rebuild of the same edit, and one with
nothing changed, are timed too, without the server.

Projects and output live in bench/work/ (git-ignored).  Needs the
``[preview]`` extra (sphinx-autobuild): ``make bench-live`` installs it.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import http.client
import os
import queue
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from bench import generate
from bench.run import EDITED_OPINION, PER_PAGE, WORK, machine, write_readme

HERE = Path(__file__).resolve().parent


# What `make livehtml` passes to sphinx-autobuild besides the directories
# (kept in step with the Makefile's LIVE_IGNORE).
LIVE_IGNORE = r"(^|/)(__pycache__|\.ipynb_checkpoints)(/|$)|(^|/)(\.#|~\$|\.~lock\.)|~$|\.(swp|swx|tmp|pyc)$"
TARGET_SECONDS = 1.0  # at 10,000 opinions
POLL_SECONDS = 0.01
TIMEOUT = 120.0


@dataclass
class Round:
    served: float  # save → page served with the new text
    detected: float | None  # save → the watcher's "Detected changes"
    rebuilt: float | None  # save → the server's "Serving on" after the rebuild


@dataclass
class Result:
    n: int
    initial: float
    rounds: list[Round] = field(default_factory=list)
    plain_edit: float = 0.0
    plain_nothing: float = 0.0

    def best(self) -> Round:
        return min(self.rounds, key=lambda r: r.served)


class Browser:
    """What the script the server adds to every page does: wait on the reload websocket."""

    def __init__(self, port: int) -> None:
        from websockets.sync.client import connect  # sphinx-autobuild's own dependency

        self.socket = connect(f"ws://127.0.0.1:{port}/websocket-reload")

    def wait_for_reload(self, timeout: float) -> None:
        self.socket.recv(timeout=timeout)

    def close(self) -> None:
        self.socket.close()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str:
    """The page, or "" while it is missing or being written (a whole page has its </html>;
    sphinx-autobuild appends its reload script after it)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # 127.0.0.1 only
            text = str(response.read().decode("utf-8", errors="replace"))
    except (urllib.error.URLError, http.client.HTTPException, ConnectionError, TimeoutError):
        return ""
    return text if "</html>" in text else ""


class Server:
    """sphinx-autobuild on 127.0.0.1, its output read line by line and stamped."""

    def __init__(self, project: Path, out: Path, log: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        args = [
            sys.executable,
            "-m",
            "pubcomment.cli",
            "preview",
            "-q",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--re-ignore",
            LIVE_IGNORE,
            "-d",
            str(out.parent / (out.name + "-doctrees")),
            str(project),
            str(out),
        ]
        self.log = log.open("w", encoding="utf-8")
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
        self.lines: queue.Queue[tuple[float, str]] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put((time.perf_counter(), line))
            self.log.write(line)
            self.log.flush()

    def wait_for(self, pattern: str, timeout: float = TIMEOUT) -> float:
        """The time the next line matching ``pattern`` arrived."""
        deadline = time.perf_counter() + timeout
        while True:
            try:
                stamp, line = self.lines.get(timeout=max(0.0, deadline - time.perf_counter()))
            except queue.Empty:
                raise TimeoutError(f"sphinx-autobuild printed no {pattern!r} in {timeout:.0f} s (see {self.log.name})") from None
            if re.search(pattern, line):
                return stamp

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


def page_of(model: generate.Model, number: int) -> str:
    """The page (under opinions/) that shows opinion ``number``."""
    from pubcomment.core.ranges import contains, parse_ranges

    topic = model.opinions[number - 1].topic
    for name, tid, numbers in generate.topic_pages(model, PER_PAGE):
        if tid == topic and (not numbers or contains(parse_ranges(numbers), number)):
            return f"opinions/{name}.html"
    raise LookupError(number)


def plain_rebuild(project: Path, out: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-d", str(out.parent / (out.name + "-doctrees")), str(project), str(out)],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def measure(n: int, repeat: int) -> Result:
    model = generate.build_model(n, seed=1)
    number = min(EDITED_OPINION, n)
    opinion = model.opinions[number - 1]
    original = opinion.summary[-1]
    root = WORK / f"live-n{n}-p{PER_PAGE}"
    project, _baseline = generate.write_projects(model, root, opinions_format="csv", per_page=PER_PAGE)
    csv_file = project / "data" / "opinions.csv"
    out = root / "out-live"
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(out.parent / (out.name + "-doctrees"), ignore_errors=True)
    page = page_of(model, number)

    start = time.perf_counter()
    server = Server(project, out, root / "livepreview.log")
    try:
        server.wait_for(r"Serving on")  # after the first build
        while "<html" not in fetch(server.url + page):  # and the server is up
            time.sleep(POLL_SECONDS)
        result = Result(n, time.perf_counter() - start)
        print(f"  {n:>6,} opinions: first build and server up {result.initial:.1f} s", file=sys.stderr, flush=True)
        for k in range(1, repeat + 1):
            sentence = f"なお、第{k}回の説明会資料の図表についても分かりやすくしてほしい。"
            opinion.summary[-1] = original + sentence
            time.sleep(1.1)  # a modification time newer than the last build's
            while not server.lines.empty():
                server.lines.get()
            browser = Browser(server.port)  # a page open in a browser, told to reload over the websocket
            csv_file.write_text(generate.opinions_csv(model), encoding="utf-8")
            saved = time.perf_counter()
            browser.wait_for_reload(TIMEOUT)
            while sentence not in fetch(server.url + page):  # the page the browser loads again
                if time.perf_counter() - saved > TIMEOUT:
                    raise TimeoutError(f"the edit never appeared on {page} (see {server.log.name})")
                time.sleep(POLL_SECONDS)
            served = time.perf_counter() - saved
            browser.close()
            detected = rebuilt = None
            with contextlib.suppress(TimeoutError):
                detected = server.wait_for(r"Detected changes|Rebuilding") - saved
                rebuilt = server.wait_for(r"Serving on") - saved
            result.rounds.append(Round(served, detected, rebuilt))
            print(
                f"  {n:>6,} opinions, round {k}: save → page served {served:.2f} s "
                f"(watcher {detected or 0:.2f} s, rebuild done {rebuilt or 0:.2f} s)",
                file=sys.stderr,
                flush=True,
            )
    finally:
        server.stop()
    # The same edit rebuilt by a plain sphinx-build (no server), then nothing changed.
    opinion.summary[-1] = original + "なお、説明会資料の図表についても分かりやすくしてほしい。"
    time.sleep(1.1)
    csv_file.write_text(generate.opinions_csv(model), encoding="utf-8")
    result.plain_edit = plain_rebuild(project, out)
    result.plain_nothing = min(plain_rebuild(project, out) for _ in range(repeat))
    opinion.summary[-1] = original
    csv_file.write_text(generate.opinions_csv(model), encoding="utf-8")
    return result


def import_seconds() -> float:
    """What a rebuild pays before reading anything: Python, Sphinx and the extensions imported (best of 3)."""
    code = "import sphinx.application, sphinx.builders.html, myst_parser.parsers.sphinx_, sphinx_design, pubcomment.extension"
    times = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return min(times)


def report(results: list[Result], imports: float, repeat: int, sizes: list[int], started: dt.datetime, about: str) -> str:
    lines = [
        f"Run of {started:%Y-%m-%d %H:%M} UTC, `python -m bench.livepreview --sizes {' '.join(map(str, sizes))} --repeat {repeat}`.",
        "",
        f"Machine: {about}",
        "",
        "| opinions | first build | save → rebuild started | save → page served | save → rebuild done "
        "| plain rebuild, edited | plain rebuild, nothing changed |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        b = r.best()
        lines.append(
            f"| {r.n:,} | {r.initial:.1f} s | {b.detected or 0:.2f} s | **{b.served:.2f} s** | {b.rebuilt or 0:.2f} s | "
            f"{r.plain_edit:.2f} s | {r.plain_nothing:.2f} s |"
        )
    lines += [
        "",
        f"Best of {repeat} edits for the served page (each round's figures are from the same round). "
        f"A new sphinx-build (the plain rebuilds) first imports Python, Sphinx, myst-parser, sphinx-design and "
        f"pubcomment: {imports:.2f} s; the preview imported them once, before its first build.",
        "",
    ]
    big = max(results, key=lambda r: r.n)
    if big.n >= 10000:
        served = big.best().served
        verdict = "met" if served <= TARGET_SECONDS else "NOT met"
        lines.append(f"Target: {verdict}: save → page served at {big.n:,} opinions: {served:.2f} s (target ≤ {TARGET_SECONDS:.1f} s)")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=5, help="edits at each size; the fastest counts")
    parser.add_argument("--write-readme", action="store_true")
    args = parser.parse_args()
    try:
        import sphinx_autobuild  # noqa: F401
    except ImportError:
        sys.exit("bench/livepreview.py needs sphinx-autobuild: pip install -e '.[preview]' (make bench-live installs it)")
    started = dt.datetime.now(dt.UTC)
    about = machine()
    results = [measure(n, args.repeat) for n in sorted(args.sizes)]
    text = report(results, import_seconds(), args.repeat, sorted(args.sizes), started, about)
    print(text)
    if args.write_readme:
        write_readme(text, section="live")


if __name__ == "__main__":
    main()
