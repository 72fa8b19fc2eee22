"""Write the corpus's cases as projects and run the tools on them.

Every run is a subprocess with a timeout and a memory limit, so that a
case that hangs (a FIFO, /dev/zero) or eats memory (an alias bomb) fails
alone instead of stopping the corpus.
"""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypedDict

from .cases import Case

TIMEOUT = 20  # seconds per run
MEMORY = 3 << 30  # bytes of address space per run
CONF = (
    'extensions = ["myst_parser", "sphinx_design", "pubcomment"]\nlanguage = "ja"\nexclude_patterns = ["_build"]\n'
    # The corpus expects exactly the warnings of each case: the completeness check is test-law's.
    "pubcomment_law_rules = []\n"
)


def page(case: Case, title: str | None = None) -> str:
    """The case's index.md: the directive at line 3, then the parts."""
    parts = "".join(f"\n```{{{part}}}\n```\n" for part in case.parts)
    return f"# {title or case.id}\n\n```{{pc-consultation}}\n{case.consultation}\n```\n{parts}"


def write_case(case: Case, directory: Path, title: str | None = None) -> None:
    """The case's files in ``directory`` (whose parent holds files "outside")."""
    directory.mkdir(parents=True, exist_ok=True)
    absolute = str(directory.parent).encode()
    (directory / "index.md").write_bytes(page(case, title).encode().replace(b"ABSOLUTE", absolute))
    for name, content in case.files.items():
        (directory / name).write_bytes(content.replace(b"ABSOLUTE", absolute))
    if case.setup is not None:
        case.setup(directory)


def limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


@dataclass
class Run:
    args: list[str]
    returncode: int | None  # None: timed out
    stdout: str = ""
    stderr: str = ""
    seconds: float = 0.0

    @property
    def crashed(self) -> str | None:
        """Why the run counts as a crash, or None."""
        if self.returncode is None:
            return f"timed out after {TIMEOUT} s"
        if "Traceback" in self.stderr or "Traceback" in self.stdout:
            return "a Python traceback: " + traceback_summary(self.stderr + self.stdout)
        if self.returncode < 0:
            return f"killed by signal {-self.returncode}"
        return None


def traceback_summary(text: str) -> str:
    """The last line of the last traceback (the exception), for a one-line report."""
    lines = [line for line in text.splitlines() if line.strip()]
    for index in range(len(lines) - 1, -1, -1):
        if re.match(r"^\w+(\.\w+)*(Error|Exception|Interrupt|Exit)\b", lines[index].strip()):
            return lines[index].strip()[:200]
    return lines[-1][:200] if lines else ""


def run(args: list[str], cwd: Path, timeout: int = TIMEOUT) -> Run:
    started = time.monotonic()
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "NO_COLOR": "1"}
    try:
        result = subprocess.run(args, cwd=cwd, capture_output=True, timeout=timeout, check=False, env=env, preexec_fn=limit_memory)
    except subprocess.TimeoutExpired as expired:
        out = (expired.stdout or b"").decode("utf-8", "replace")
        err = (expired.stderr or b"").decode("utf-8", "replace")
        return Run(args, None, out, err, time.monotonic() - started)
    return Run(
        args,
        result.returncode,
        result.stdout.decode("utf-8", "replace"),
        result.stderr.decode("utf-8", "replace"),
        time.monotonic() - started,
    )


def sphinx(builder: str, srcdir: Path, outdir: Path, doctrees: Path, timeout: int = TIMEOUT) -> Run:
    # -T: a full traceback on stderr if the build fails; no -W, warnings are compared.
    return run(
        [sys.executable, "-m", "sphinx", "-T", "-q", "--keep-going", "-b", builder, "-d", str(doctrees), str(srcdir), str(outdir)],
        cwd=srcdir,
        timeout=timeout,
    )


@dataclass
class Outcome:
    case: Case
    srcdir: Path
    outdir: Path
    doctrees: Path
    build: Run
    check: Run | None = None
    extra: dict[str, object] = field(default_factory=dict)
    commands: list[Run] = field(default_factory=list)
    clidir: Path | None = None


class Job(TypedDict):
    """One case's runs, as driver.py reads them from jobs.json."""

    id: str
    srcdir: str
    outdir: str
    doctrees: str
    logdir: str
    check: str | None
    clidir: str
    commands: list[list[str]]


def build_all(cases: list[Case], base: Path) -> dict[str, Outcome]:
    """Every case's `pubcomment check`, HTML build and commands, by driver.py (forked runs, two at a time)."""
    jobs: list[Job] = []
    for case in cases:
        srcdir = base / case.id / "src"
        write_case(case, srcdir)
        (srcdir / "conf.py").write_text(CONF, encoding="utf-8")
        jobs.append(
            {
                "id": case.id,
                "srcdir": str(srcdir),
                "outdir": str(base / case.id / "html"),
                "doctrees": str(base / case.id / "doctrees"),
                "logdir": str(base / case.id / "logs"),
                "check": case.check,
                "clidir": str(base / case.id / "cli"),
                "commands": [list(command) for command in case.commands],
            }
        )
    (base / "jobs.json").write_text(json.dumps(jobs, ensure_ascii=False), encoding="utf-8")
    driver = run(
        [sys.executable, str(Path(__file__).with_name("driver.py")), str(base / "jobs.json"), str(base / "results.json")],
        cwd=base,
        timeout=TIMEOUT * (2 * len(cases) + 5),
    )
    results = json.loads((base / "results.json").read_text(encoding="utf-8")) if (base / "results.json").exists() else {}
    outcomes = {}
    for case, job in zip(cases, jobs, strict=True):
        result = results.get(case.id, {})

        def as_run(kind: str, result: dict[str, dict[str, Any]] = result) -> Run:
            if kind not in result:  # the driver itself failed
                return Run(
                    [kind], 70, "", f"the corpus driver gave no result: {driver.crashed or driver.returncode}\n{driver.stderr[-2000:]}"
                )
            r = result[kind]
            return Run([kind], r["returncode"], r["stdout"], r["stderr"], r["seconds"])

        outcomes[case.id] = Outcome(
            case,
            Path(job["srcdir"]),
            Path(job["outdir"]),
            Path(job["doctrees"]),
            as_run("build"),
            as_run("check") if case.check else None,
            commands=[as_run(f"command{index}") for index in range(len(case.commands))],
            clidir=Path(job["clidir"]),
        )
    return outcomes


# --- warnings -----------------------------------------------------------------------


@dataclass(frozen=True)
class Reported:
    location: str  # relative to the source directory ("data.yaml:3"), or "" when none
    level: str  # WARNING, ERROR, CRITICAL
    message: str
    type: str  # "pubcomment.limit", "misc.highlighting_failure" or ""

    @property
    def subtype(self) -> str | None:
        return self.type.removeprefix("pubcomment.") if self.type.startswith("pubcomment.") else None

    def __str__(self) -> str:
        return f"{self.location or '(no location)'}: {self.message[:120]} [{self.type}]"


RECORD = re.compile(r"^(?:(?P<location>.*?): )?(?P<level>WARNING|ERROR|CRITICAL|SEVERE): (?P<message>.*)$")
TAG = re.compile(r"\s*\[(?P<type>[\w.-]+)\]\s*$")


def relative(location: str, srcdir: Path) -> str:
    for prefix in (str(srcdir.resolve()) + os.sep, str(srcdir) + os.sep):
        if location.startswith(prefix):
            return location[len(prefix) :]
    return location


def parse_warnings(stderr: str, srcdir: Path) -> list[Reported]:
    """Sphinx's warnings (and errors), a message running on over its continuation lines."""
    records: list[list[str]] = []
    for line in stderr.splitlines():
        match = RECORD.match(line)
        if match:
            records.append([match["location"] or "", match["level"], match["message"]])
        elif records and line.strip():
            records[-1][2] += "\n" + line
    found = []
    for location, level, message in records:
        tag = TAG.search(message)
        found.append(Reported(relative(location, srcdir), level, TAG.sub("", message) if tag else message, tag["type"] if tag else ""))
    return found


CHECK_LINE = re.compile(r"^(?P<location>.*?): (?P<message>.*) \[(?P<type>pubcomment\.[\w-]+)\]$")


def parse_check(stderr: str, srcdir: Path) -> list[Reported]:
    """The problems `pubcomment check` prints, one a line."""
    found = []
    for line in stderr.splitlines():
        match = CHECK_LINE.match(line)
        if match:
            found.append(Reported(relative(match["location"], srcdir), "WARNING", match["message"], match["type"]))
    return found
