"""The live preview (pubcomment.preview): builds in one warm process, as a clean build would.

``WarmSphinx`` keeps one Sphinx application between builds and, with reuse on
(core/reuse.py), the rows of the last reading of a data file.  Every page it
writes must be the page a new ``sphinx-build`` writes from the same sources:
each step of an editing session below is compared byte for byte with a clean
build, warnings included.  Then ``pubcomment preview`` is run as ``make
livehtml`` runs it: it serves the page, and an edit of the data reloads the
browser with the new text.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pubcomment import compat
from pubcomment.core import reuse
from pubcomment.preview.warm import WarmSphinx
from tests.support.tools import require_tool

PAGES = ("index.html", "topic-a.html", "topic-b.html", "searchindex.js")


@pytest.fixture
def reuse_off_afterwards() -> Iterator[None]:
    yield
    reuse.disable()


def _new_process_build(srcdir: Path, outdir: Path, warnings: Path) -> None:
    """A new sphinx-build, in a process of its own (in this one, the warm application's
    directives are registered with docutils while it lives), warnings to ``warnings``."""
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-w", str(warnings), str(srcdir), str(outdir)]
    subprocess.run(command, check=True, capture_output=True)


def _append(path: Path, text: str) -> None:
    _edit(path, path.read_text(encoding="utf-8"), path.read_text(encoding="utf-8") + text)


def _output(path: Path) -> bytes:
    """The file's bytes; for the search index, less the words no page has any more: an
    incremental build of Sphinx's own keeps them, with no pages (``"を続":[]``), as
    ``sphinx-build`` does when a word leaves the last page that had it."""
    data = path.read_bytes()
    if path.name != "searchindex.js":
        return data
    prefix, index = data.split(b"(", 1)
    parsed = json.loads(index.rstrip(b")"))
    for terms in ("terms", "titleterms"):
        parsed[terms] = {word: pages for word, pages in parsed[terms].items() if pages != []}
    return prefix + json.dumps(parsed, ensure_ascii=False, sort_keys=True).encode("utf-8")


def _warnings(path: Path, srcdir: Path, start: int = 0) -> list[str]:
    text = path.read_bytes()[start:].decode("utf-8")
    return sorted(line.replace(str(srcdir), "SRC") for line in text.splitlines() if line.strip())


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    time.sleep(0.05)  # a modification time after the last build read the file, as a writer's save
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_warm_builds_write_what_clean_builds_write(tmp_path: Path, rootdir: Path, reuse_off_afterwards: None) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-incremental", srcdir)
    out, warned = tmp_path / "warm", tmp_path / "warm.log"
    arguments = compat.build_arguments(["-q", "-b", "html", "-w", str(warned), str(srcdir), str(out)])
    assert arguments is not None
    written: list[int] = []
    warm = WarmSphinx(arguments, pages_written=lambda: written.append(1))
    csv, page, conf = srcdir / "data" / "opinions.csv", srcdir / "topic-b.md", srcdir / "conf.py"
    # An editing session: each step is built warm, then compared with a clean build of the same sources.
    edits = [
        ("an opinion's text", lambda: _edit(csv, "窓口も残して", "窓口と電話も残して"), [csv]),
        ("personal information typed in", lambda: _edit(csv, "順次拡大します。", "順次拡大します。電話 044-200-0000"), [csv]),
        ("a row gains a line", lambda: _edit(csv, "スマートフォン教室を続けてほしい。", '"スマートフォン教室を\n続けてほしい。"'), [csv]),
        ("a page's own text", lambda: _append(page, "\n追記した段落。\n"), [page]),
        ("the configuration", lambda: _edit(conf, 'language = "ja"', 'language = "ja"\nhtml_title = "見本の題"'), [conf]),
        ("the first edit undone", lambda: _edit(csv, "窓口と電話も残して", "窓口も残して"), [csv]),
    ]
    assert warm.build() == 0
    cold = tmp_path / "cold"  # the same builds, each by a new sphinx-build
    _new_process_build(srcdir, cold, tmp_path / "cold.log")
    for step, (name, edit, changed) in enumerate(edits, start=1):
        seen = warned.stat().st_size  # the warnings of this step follow
        edit()
        assert warm.build(changed) in (0, 1), name
        clean = tmp_path / f"clean-{step}"
        _new_process_build(srcdir, clean, tmp_path / f"clean-{step}.log")
        for output in PAGES:
            assert _output(out / output) == _output(clean / output), (name, output)
        # What a build warns of depends on what it reads: as a new sphinx-build on the same output would.
        cold_warned = tmp_path / f"cold-{step}.log"
        _new_process_build(srcdir, cold, cold_warned)
        assert _warnings(warned, srcdir, seen) == _warnings(cold_warned, srcdir), name
        # The search index it starts from is the last build's in memory, not read back: the same bytes.
        assert (out / "searchindex.js").read_bytes() == (cold / "searchindex.js").read_bytes(), name
        if name == "personal information typed in":
            assert any("personal information" in line for line in _warnings(warned, srcdir, seen)), name
    assert warm.builds == 2  # a new application when the configuration changed: it built that step and the next
    assert "見本の題" in (out / "index.html").read_text(encoding="utf-8")
    assert "044-200-0000" in (out / "topic-a.html").read_text(encoding="utf-8")  # reported, not hidden
    assert len(written) == len(edits) + 1  # the browser is told once per build, when the pages are written


def test_an_edit_of_a_row_reuses_every_other_row(tmp_path: Path, rootdir: Path, reuse_off_afterwards: None) -> None:
    """The warm process reads again only what changed: the opinions of the other rows are the same objects."""
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-incremental", srcdir)
    arguments = compat.build_arguments(["-q", "-b", "html", str(srcdir), str(tmp_path / "out")])
    assert arguments is not None
    warm = WarmSphinx(arguments)
    assert warm.build() == 0
    before = {o.number: o for o in _opinions(warm)}
    csv = srcdir / "data" / "opinions.csv"
    _edit(csv, "窓口も残して", "窓口と電話も残して")
    assert warm.build([csv]) == 0
    after = {o.number: o for o in _opinions(warm)}
    assert warm.builds == 2  # the same application built both
    assert after[2] is not before[2] and "窓口と電話も残して" in after[2].summary
    assert all(after[n] is before[n] for n in before if n != 2)


def test_the_first_save_after_a_start_on_an_up_to_date_site_reads_one_row(
    tmp_path: Path, rootdir: Path, reuse_off_afterwards: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`make livehtml` again the next day: the first build reads no document, and the data is
    read once after it, so that the first save too reads only the row it changed."""
    from pubcomment.core import csvdata
    from pubcomment.core.located import Located

    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-incremental", srcdir)
    out = tmp_path / "out"
    _new_process_build(srcdir, out, tmp_path / "first.log")  # yesterday's build
    arguments = compat.build_arguments(["-q", "-b", "html", str(srcdir), str(out)])
    assert arguments is not None
    warm = WarmSphinx(arguments)
    assert warm.build() == 0 and not warm._read  # nothing to read
    rows_made: list[int] = []
    made = csvdata._row

    def counted_row(*args: Any) -> Located | None:
        rows_made.append(args[3])  # the row's first line
        return made(*args)

    monkeypatch.setattr(csvdata, "_row", counted_row)
    csv = srcdir / "data" / "opinions.csv"
    _edit(csv, "窓口も残して", "窓口と電話も残して")
    assert warm.build([csv]) == 0
    assert rows_made == [3]  # the row of opinion 2, on line 3
    assert "窓口と電話も残して" in (out / "topic-a.html").read_text(encoding="utf-8")


def _opinions(warm: WarmSphinx) -> list:
    from pubcomment.env.domain import get_domain

    domain = get_domain(warm.app.env)
    (key,) = domain.consultations
    consultation = domain.get_consultation(key)
    assert consultation is not None
    return consultation.opinions


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:  # 127.0.0.1 only
        return str(response.read().decode("utf-8"))


def _status(url: str, host: str | None = None) -> int:
    request = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # 127.0.0.1 only
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def _asgi(app: Any, scope: dict[str, Any]) -> list[dict[str, Any]]:
    """What an ASGI app sends for one request (no body)."""
    import asyncio

    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(app({"headers": [], **scope}, receive, send))
    return sent


def test_the_preview_answers_only_this_machine_and_serves_nothing_a_link_leads_out_to(tmp_path: Path) -> None:
    from pubcomment.preview.server import LocalOnly

    async def inner(scope: dict[str, Any], receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": []})

    out = tmp_path / "out"
    out.mkdir()
    (out / "page.html").write_text("見本", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("見本の外", encoding="utf-8")
    (out / "outside.txt").symlink_to(tmp_path / "secret.txt")
    (out / "inside.html").symlink_to(out / "page.html")
    app = LocalOnly(inner, out, 8000, "127.0.0.1")

    def status(host: str | None, path: str = "/page.html", kind: str = "http") -> int | str:
        headers = [(b"host", host.encode())] if host is not None else []
        sent = _asgi(app, {"type": kind, "path": path, "headers": headers})
        return sent[0]["status"] if sent[0]["type"] == "http.response.start" else sent[0]["type"]

    for host in ("127.0.0.1:8000", "localhost:8000", "[::1]:8000", "LOCALHOST:8000"):
        assert status(host) == 200, host
    wrong: tuple[str | None, ...] = (
        "rebind.example.jp:8000",
        "rebind.example.jp",
        "127.0.0.1",
        "localhost:8001",
        "127.0.0.1.example.jp:8000",
        "",
    )
    for wrong_host in (*wrong, None):
        assert status(wrong_host) == 421, wrong_host
    assert status("rebind.example.jp:8000", "/websocket-reload", "websocket") == "websocket.close"
    assert status("127.0.0.1:8000", "/outside.txt") == 404
    assert status("127.0.0.1:8000", "/inside.html") == 200
    assert status("127.0.0.1:8000", "/../secret.txt") == 404


def test_the_preview_serves_and_reloads_on_a_data_edit(tmp_path: Path, rootdir: Path) -> None:
    """`pubcomment preview` as `make livehtml` runs it: served on 127.0.0.1, and an
    edit of the CSV file tells the open page to reload, with the new text."""
    if os.environ.get("CI", "").lower() != "true":  # under CI a missing sphinx-autobuild fails the test
        pytest.importorskip("sphinx_autobuild", reason="pip install -e '.[test]' installs sphinx-autobuild")
    from websockets.sync.client import connect  # sphinx-autobuild's own dependency

    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-incremental", srcdir)
    port = _free_port()
    command = [
        sys.executable,
        "-m",
        "pubcomment.cli",
        "preview",
        "-q",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "-d",
        str(tmp_path / "doctrees"),
        str(srcdir),
        str(tmp_path / "out"),
    ]
    log = (tmp_path / "preview.log").open("w", encoding="utf-8")
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                page = _get(f"http://127.0.0.1:{port}/topic-a.html")
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, (tmp_path / "preview.log").read_text(encoding="utf-8")
                time.sleep(0.2)
        assert "窓口も残して" in page and "/websocket-reload" in page
        with connect(f"ws://127.0.0.1:{port}/websocket-reload") as browser:
            _edit(srcdir / "data" / "opinions.csv", "窓口も残して", "窓口と電話も残して")
            assert browser.recv(timeout=120) == "refresh"
        assert "窓口と電話も残して" in _get(f"http://127.0.0.1:{port}/topic-a.html")
        # DNS rebinding: a page of another site asks for its own name, which resolves to 127.0.0.1.
        assert _status(f"http://127.0.0.1:{port}/topic-a.html", host=f"rebind.example.jp:{port}") == 421
        assert _status(f"http://127.0.0.1:{port}/topic-a.html", host=f"localhost:{port}") == 200
        (tmp_path / "secret.txt").write_text("見本の外のファイル", encoding="utf-8")
        (tmp_path / "out" / "secret.txt").symlink_to(tmp_path / "secret.txt")
        assert _status(f"http://127.0.0.1:{port}/secret.txt") == 404
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    output = (tmp_path / "preview.log").read_text(encoding="utf-8")
    assert re.search(r"Detected changes \([^)]*opinions\.csv", output), output
    assert "Traceback" not in output, output


def test_under_w_a_warm_build_fails_for_its_own_warnings_only(tmp_path: Path, rootdir: Path, reuse_off_afterwards: None) -> None:
    """Sphinx counts warnings per application: a build after a failed one succeeds once the warning is gone."""
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-incremental", srcdir)
    arguments = compat.build_arguments(["-q", "-W", "--keep-going", "-b", "html", str(srcdir), str(tmp_path / "out")])
    assert arguments is not None
    warm = WarmSphinx(arguments)
    assert warm.build() == 0
    csv = srcdir / "data" / "opinions.csv"
    _edit(csv, "順次拡大します。", "順次拡大します。電話 044-200-0000")
    assert warm.build([csv]) == 1
    _edit(csv, "順次拡大します。電話 044-200-0000", "順次拡大します。")
    assert warm.build([csv]) == 0
    assert warm.builds == 3


def test_make_livehtml_in_a_new_site_serves_and_reloads(tmp_path: Path) -> None:
    """What a city's writer runs: `make livehtml` in a site `pubcomment new` made, with the
    site's -nW options; a saved edit of the results data reaches the open page."""
    from pubcomment import cli

    make = require_tool("make", "make livehtml")
    if os.environ.get("CI", "").lower() != "true":
        pytest.importorskip("sphinx_autobuild", reason="pip install -e '.[test]' installs sphinx-autobuild")
    from websockets.sync.client import connect

    site = tmp_path / "site"
    assert cli.main(["new", str(site), "--city", "見本町", "--no-plan"]) == 0
    stamp = tmp_path / "installed"
    stamp.touch()  # this interpreter's environment stands for the site's .venv (with the preview extra)
    port = _free_port()
    command = [make, "livehtml", f"VENV={Path(sys.executable).parent.parent}", f"STAMP={stamp}", "LIVEHTML_DEPS=", f"LIVEPORT={port}"]
    log = (tmp_path / "livehtml.log").open("w", encoding="utf-8")
    server = subprocess.Popen(
        command, cwd=site, stdout=log, stderr=subprocess.STDOUT, start_new_session=True, env={**os.environ, "PYTHONUNBUFFERED": "1"}
    )
    page = f"http://127.0.0.1:{port}/results/index.html"
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                text = _get(page)
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, (tmp_path / "livehtml.log").read_text(encoding="utf-8")
                time.sleep(0.2)
        assert "目標の数値を見直しました" in text
        with connect(f"ws://127.0.0.1:{port}/websocket-reload") as browser:
            _edit(site / "source" / "results" / "data" / "consultation.yaml", "目標の数値を見直しました", "目標の数値と期限を見直しました")
            assert browser.recv(timeout=180) == "refresh"
        assert "目標の数値と期限を見直しました" in _get(page)
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # make and the server it started
        server.wait(timeout=30)
        log.close()
    assert "Traceback" not in (tmp_path / "livehtml.log").read_text(encoding="utf-8")
