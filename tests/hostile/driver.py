"""Run the corpus's checks and builds: ``python driver.py JOBS.json RESULTS.json``.

Sphinx and pubcomment are imported once; each run is a forked child with
its own memory limit and timeout, its output in files (a case's
``pubcomment`` commands too, each in the case's cli/ directory), so a case that
crashes, hangs or eats memory fails alone, and a case costs a build, not
an interpreter start (about 0.5 s instead of 2 s).  Two children at a time.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import sys
import time
import traceback
from pathlib import Path

TIMEOUT = 20
MEMORY = 3 << 30
WORKERS = 2


def child(kind: str, job: dict[str, str], out: Path, err: Path) -> None:
    """In the forked child: one run, its output in files, then _exit."""
    code = 70
    try:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
        for fd, path in ((1, out), (2, err)):
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(handle, fd)
            os.close(handle)
        os.chdir(job["srcdir"])
        if kind.startswith("command"):  # a command of the case, in its own directory beside src/
            from pubcomment import cli

            os.makedirs(job["clidir"], exist_ok=True)
            os.chdir(job["clidir"])
            code = cli.main(job["commands"][int(kind.removeprefix("command"))])
        elif kind == "check":
            from pubcomment import cli

            code = cli.main(["check", job["check"]])
        else:
            from sphinx.cmd.build import build_main

            code = build_main(
                ["-T", "-q", "--keep-going", "-b", job.get("builder", "html"), "-d", job["doctrees"], job["srcdir"], job["outdir"]]
            )
    except BaseException:
        traceback.print_exc()
        code = 70
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code if isinstance(code, int) else 70)


def main(jobs_path: str, results_path: str) -> None:
    import myst_parser  # noqa: F401
    import sphinx.cmd.build  # noqa: F401
    import sphinx_design  # noqa: F401

    import pubcomment.cli  # noqa: F401  (imported before forking)

    jobs = json.loads(Path(jobs_path).read_text(encoding="utf-8"))
    queue = [
        (job, kind)
        for job in jobs
        for kind in (*(("check",) if job.get("check") else ()), "build", *(f"command{i}" for i in range(len(job.get("commands", ())))))
    ]
    results: dict[str, dict[str, object]] = {job["id"]: {} for job in jobs}
    running: dict[int, tuple[dict[str, str], str, float, Path, Path]] = {}
    while queue or running:
        while queue and len(running) < WORKERS:
            job, kind = queue.pop(0)
            logs = Path(job["logdir"])
            logs.mkdir(parents=True, exist_ok=True)
            out, err = logs / f"{kind}.out", logs / f"{kind}.err"
            pid = os.fork()
            if pid == 0:
                child(kind, job, out, err)
            running[pid] = (job, kind, time.monotonic(), out, err)
        time.sleep(0.02)
        for pid, (job, kind, started, out, err) in list(running.items()):
            finished, status = os.waitpid(pid, os.WNOHANG)
            elapsed = time.monotonic() - started
            if finished == 0 and elapsed < TIMEOUT:
                continue
            if finished == 0:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                returncode = None
            else:
                returncode = os.waitstatus_to_exitcode(status)
            results[job["id"]][kind] = {
                "returncode": returncode,
                "seconds": elapsed,
                "stdout": out.read_text(encoding="utf-8", errors="replace"),
                "stderr": err.read_text(encoding="utf-8", errors="replace"),
            }
            del running[pid]
    Path(results_path).write_text(json.dumps(results, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:])
