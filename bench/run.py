"""Build pubcomment and the plain-Sphinx baseline side by side and compare.

    python -m bench.run                 # every case; prints the table
    python -m bench.run --write-readme  # … and writes it into bench/README.md
    python -m bench.run --cases html --sizes 1000

Every build is a ``python -m sphinx`` child process; its wall time is
measured around it and its peak memory is the largest resident set of
the child and everything it started (``wait4``'s rusage: ru_maxrss).
Projects and output live in bench/work/ (git-ignored).

Cases (pubcomment against the baseline, same machine, same run):

* html-N: a clean HTML build with N opinions;
* incremental: after html at the largest N, one opinion's text is edited
  and the site rebuilt;
* parallel: the largest HTML build again with ``-j 2`` (against ``-j 1``);
* latexpdf: a clean ``-M latexpdf`` build at 1,000 opinions.  pubcomment
  prints with the site's settings (upLaTeX, jsbook, pxchfon); the baseline
  uses Sphinx's defaults for ``language = "ja"`` (upLaTeX, ujbook, TeX Gyre),
  and is also printed with the site's settings, for the same settings'
  comparison.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import math
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from bench import generate
from pubcomment.latex import tex_memory

HERE = Path(__file__).resolve().parent
WORK = HERE / "work"
README = HERE / "README.md"


EDITED_OPINION = 4321  # any opinion; capped to N
MANY_PAGES = 40
# Pages of a split opinion table (pc-opinions :numbers:), as the README advises at this scale.
PER_PAGE = 250
SPLIT = f"pubcomment, pages of {PER_PAGE}"
LATEX_REPEAT = 5
# Print at scale: latexpdf of this many opinions too, once each.
LATEX_LARGE = 10_000
# National scale (the scale case): pages of PER_PAGE, the faster of two builds past 10,000.
SCALE_REPEAT = 2
SCALE_SIZES = (10_000, 30_000, 100_000)
SCALE = "pages of 250"
# What a phone loads, at scale.  A page of 250 opinions is the unit a reader
# opens: at most 2 MB of HTML (about 4 s on a 4 Mbit/s mobile link, and well
# under what phones render smoothly).  The search index is loaded by the
# search page alone, never by the pages, and grows with the distinct words:
# at most 0.5 MB per 1,000 opinions (50 MB at 100,000, a one-time download
# for the reader who searches; Sphinx has no index split by pages).
PAGE_MB = 2.0
INDEX_MB_PER_1000 = 0.5
# At this scale opinions are kept in a spreadsheet: the pubcomment projects
# name a CSV file for them (html-N also builds them inline in the YAML file).
OPINIONS_FORMAT = "csv"


@dataclass
class Build:
    case: str
    variant: str  # "pubcomment", "baseline", …
    seconds: float
    peak_mb: float
    ok: bool
    note: str = ""
    cpu: float = 0.0  # user + system seconds of the child and what it started


# Builds are started by a small launcher process, not by this one: Linux
# counts a child's peak memory (ru_maxrss) from before its exec, when it is
# still a copy of its parent; started from this process, which holds the
# generated consultations, every build would seem to use at least as much.
LAUNCHER = r"""
import json, os, subprocess, sys, time
for line in sys.stdin:
    job = json.loads(line)
    with open(job["log"], "w", encoding="utf-8") as out:
        start = time.perf_counter()
        process = subprocess.Popen(job["args"], stdout=out, stderr=subprocess.STDOUT, env={**os.environ, **job.get("env", {})})
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    result = [seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), usage.ru_utime + usage.ru_stime]
    print(json.dumps(result), flush=True)
"""
_launcher: subprocess.Popen[str] | None = None


def start_launcher() -> None:
    """Start the launcher while this process is still small (first thing in main)."""
    global _launcher
    if _launcher is None:
        _launcher = subprocess.Popen([sys.executable, "-c", LAUNCHER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def run_build(args: list[str], log: Path, env: dict[str, str] | None = None) -> tuple[float, float, bool, float]:
    """Run one sphinx build; wall seconds, peak RSS in MB, success, CPU seconds."""
    start_launcher()
    assert _launcher is not None and _launcher.stdin is not None and _launcher.stdout is not None
    log.parent.mkdir(parents=True, exist_ok=True)
    _launcher.stdin.write(json.dumps({"args": [sys.executable, "-m", "sphinx", *args], "log": str(log), "env": env or {}}) + "\n")
    _launcher.stdin.flush()
    seconds, peak, returncode, cpu = json.loads(_launcher.stdout.readline())
    return seconds, peak, returncode == 0, cpu


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=False).stdout
    match = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    return int(match.group(1)) if match else 0


class Bench:
    def __init__(self, sizes: list[int], repeat: int = 3):
        self.sizes = sizes
        self.repeat = repeat
        self.builds: list[Build] = []
        # Of the scale case, by opinions: searchindex.js and the largest page (bytes), its name, the page count.
        self.loads: dict[int, tuple[int, int, str, int]] = {}

    def project(
        self,
        n: int,
        edited: bool = False,
        topics: int | None = None,
        opinions_format: str = OPINIONS_FORMAT,
        per_page: int | None = None,
        baseline: bool = True,
    ) -> tuple[Path, Path]:
        model = generate.build_model(n, seed=1, topics=topics)
        if edited:
            generate.edit_opinion(model, min(EDITED_OPINION, n))
        name = (
            f"n{n}"
            + (f"-t{topics}" if topics else "")
            + ("" if opinions_format == OPINIONS_FORMAT else f"-{opinions_format}")
            + (f"-p{per_page}" if per_page else "")
        )
        if not baseline:  # the scale case compares pubcomment with itself
            generate.write_pubcomment(model, WORK / name / "pubcomment", opinions_format=opinions_format, per_page=per_page)
            return WORK / name / "pubcomment", WORK / name / "baseline"
        return generate.write_projects(model, WORK / name, opinions_format=opinions_format, per_page=per_page)

    def run_once(
        self,
        case: str,
        variant: str,
        source: Path,
        out: Path,
        *extra: str,
        clean: bool = True,
        builder: str = "html",
        note: str = "",
        env: dict[str, str] | None = None,
    ) -> Build:
        if clean:
            shutil.rmtree(out, ignore_errors=True)
        if builder == "latexpdf":
            args = ["-M", "latexpdf", str(source), str(out), "-q", *extra]
        else:
            args = ["-b", builder, "-q", *extra, str(source), str(out)]
        seconds, peak, ok, cpu = run_build(args, out.with_name(out.name + ".log"), env)
        if builder == "latexpdf" and ok:
            pdfs = sorted((out / "latex").glob("*.pdf"))
            pages = [pdf_pages(pdf) for pdf in pdfs]
            size = sum(pdf.stat().st_size for pdf in pdfs) / 1e6
            note = ", ".join(filter(None, [note, f"{sum(pages):,} PDF pages, {size:.1f} MB"]))
        status = "" if ok else "  FAILED (see log)"
        print(f"  {case:12s} {variant:30s} {seconds:8.1f} s {cpu:8.1f} s CPU {peak:8.0f} MB{status}", file=sys.stderr, flush=True)
        return Build(case, variant, seconds, peak, ok, note, cpu)

    def record(self, runs: list[Build]) -> Build:
        """The fastest of repeated runs (other load on the machine only ever adds time)."""
        best = min(runs, key=lambda b: (not b.ok, b.seconds))
        result = Build(
            best.case,
            best.variant,
            best.seconds,
            max(b.peak_mb for b in runs),
            all(b.ok for b in runs),
            best.note,
            min(b.cpu for b in runs),
        )
        if len(runs) > 1:
            result.note = ", ".join(filter(None, [result.note, f"best of {len(runs)}"]))
        self.builds.append(result)
        return result

    def interleaved(self, builds: list[tuple[str, str, Path, Path, tuple[str, ...]]], repeat: int, clean: bool = True) -> None:
        """Each build ``repeat`` times, taking turns, so that load changes hit all alike."""
        runs: dict[int, list[Build]] = {i: [] for i in range(len(builds))}
        for _ in range(repeat):
            for i, (case, variant, source, out, extra) in enumerate(builds):
                runs[i].append(self.run_once(case, variant, source, out, *extra, clean=clean))
        for i in range(len(builds)):
            self.record(runs[i])

    def html(self) -> None:
        for n in self.sizes:
            pub, base = self.project(n)
            self.interleaved(
                [
                    (f"html-{n}", "pubcomment", pub, WORK / f"n{n}" / "out-pub-html", ()),
                    (f"html-{n}", "baseline", base, WORK / f"n{n}" / "out-base-html", ()),
                ],
                self.repeat,
            )
        n = max(self.sizes)
        pub, _base = self.project(n, opinions_format="yaml")
        self.interleaved([(f"html-{n}", "pubcomment, opinions in YAML", pub, WORK / f"n{n}-yaml" / "out-pub-html", ())], self.repeat)
        pub, _base = self.project(n, per_page=PER_PAGE)
        self.interleaved([(f"html-{n}", SPLIT, pub, WORK / f"n{n}-p{PER_PAGE}" / "out-pub-html", ())], self.repeat)

    def incremental(self) -> None:
        """One opinion's text edited, then undone, then edited … each a rebuild of the full build's output;
        then rebuilds with nothing changed (the floor)."""
        n = max(self.sizes)
        projects = {  # variant: (project directory, output directory) by edited or not
            "pubcomment": lambda edited: self.project(n, edited=edited)[0],
            "baseline": lambda edited: self.project(n, edited=edited)[1],
            SPLIT: lambda edited: self.project(n, edited=edited, per_page=PER_PAGE)[0],
        }
        outs = {
            "pubcomment": WORK / f"n{n}" / "out-pub-html",
            "baseline": WORK / f"n{n}" / "out-base-html",
            SPLIT: WORK / f"n{n}-p{PER_PAGE}" / "out-pub-html",
        }
        for variant, source in projects.items():
            if not (outs[variant] / "index.html").exists():
                self.run_once(f"html-{n}", variant, source(False), outs[variant])
        note = f"opinion {min(EDITED_OPINION, n)} of {n:,} edited"
        runs: dict[str, list[Build]] = {v: [] for v in projects}
        for k in range(self.repeat):
            time.sleep(1.1)  # a modification time newer than the last build
            for variant, source in projects.items():
                runs[variant].append(self.run_once("incremental", variant, source(k % 2 == 0), outs[variant], clean=False, note=note))
        for variant, source in projects.items():  # back to the unedited text, built once unmeasured
            self.run_once("incremental", variant, source(False), outs[variant], clean=False, note="undone")
        # The floor: a rebuild with nothing to read or write but Sphinx's own.
        for _ in range(self.repeat):
            for variant, source in projects.items():
                runs.setdefault(f"{variant}, nothing changed", []).append(
                    self.run_once("incremental", f"{variant}, nothing changed", source(False), outs[variant], clean=False)
                )
        for variant in runs:
            self.record(runs[variant])

    def parallel(self) -> None:
        n = max(self.sizes)
        pub, _base = self.project(n)
        self.interleaved([("parallel", "pubcomment -j 2", pub, WORK / f"n{n}" / "out-pub-j2", ("-j", "2"))], self.repeat)
        # Sphinx's parallel writer gains only with more than ten pages (see README):
        # the same opinions on 40 topic pages, -j 1 and -j 2.
        pub, _base = self.project(n, topics=MANY_PAGES)
        self.interleaved(
            [
                ("parallel", "pubcomment -j 1, many pages", pub, WORK / f"n{n}-t{MANY_PAGES}" / "out-pub-j1", ()),
                ("parallel", "pubcomment -j 2, many pages", pub, WORK / f"n{n}-t{MANY_PAGES}" / "out-pub-j2", ("-j", "2")),
            ],
            self.repeat,
        )
        for b in self.builds[-2:]:
            b.note = ", ".join(filter(None, [f"{MANY_PAGES} topic pages", b.note]))
        # The opinions on pages of 250 (pc-opinions :numbers:), -j 1 and -j 2 taking turns.
        pub, _base = self.project(n, per_page=PER_PAGE)
        self.interleaved(
            [
                ("parallel", f"{SPLIT} -j 1", pub, WORK / f"n{n}-p{PER_PAGE}" / "out-pub-j1", ()),
                ("parallel", f"{SPLIT} -j 2", pub, WORK / f"n{n}-p{PER_PAGE}" / "out-pub-j2", ("-j", "2")),
            ],
            self.repeat,
        )

    def scale(self) -> None:
        """Pages of 250 at 10,000, 30,000 and 100,000 opinions (the faster of two
        builds past 10,000: a 100,000-opinion build takes more than a minute); at
        the largest also -j 2, and a rebuild after one edited opinion; the sizes a
        phone loads."""
        for n in SCALE_SIZES:
            pub, _base = self.project(n, per_page=PER_PAGE, baseline=False)
            out = pub.parent / "out-scale-j1"
            self.interleaved([(f"scale-{n}", f"{SCALE} -j 1", pub, out, ())], self.repeat if n <= 10_000 else SCALE_REPEAT)
            self.sizes_of(n, out)
        n = SCALE_SIZES[-1]
        pub_edited = lambda edited: self.project(n, edited=edited, per_page=PER_PAGE, baseline=False)[0]  # noqa: E731
        pub = pub_edited(False)
        self.interleaved([(f"scale-{n}", f"{SCALE} -j 2", pub, pub.parent / "out-scale-j2", ("-j", "2"))], SCALE_REPEAT)
        time.sleep(1.1)  # a modification time newer than the last build
        # The edit, then its undoing (an edit too), and the faster counts; then the floor:
        # the same build with nothing changed, Sphinx's own cost of any rebuild.
        out = pub.parent / "out-scale-j1"
        runs = []
        for edited in (True, False):
            runs.append(
                self.run_once(
                    f"scale-{n}",
                    f"{SCALE}, one opinion edited",
                    pub_edited(edited),
                    out,
                    clean=False,
                    note=f"opinion {EDITED_OPINION} of {n:,}",
                )
            )
            time.sleep(1.1)
        self.record(runs)
        self.record([self.run_once(f"scale-{n}", f"{SCALE}, nothing changed", pub, out, clean=False)])

    def sizes_of(self, n: int, out: Path) -> None:
        """What a phone loads: the search index, and the largest page."""
        index = out / "searchindex.js"
        pages = sorted(out.rglob("*.html"), key=lambda p: p.stat().st_size)
        if index.exists() and pages:
            self.loads[n] = (index.stat().st_size, pages[-1].stat().st_size, str(pages[-1].relative_to(out)), len(pages))

    def latexpdf(self) -> None:
        for n, repeat in ((1000, max(self.repeat, LATEX_REPEAT)), (LATEX_LARGE, 1)):
            pub, base = self.project(n)
            builds = (
                ("pubcomment (uplatex)", pub, "out-pub-pdf", ()),
                ("baseline (uplatex)", base, "out-base-pdf", ()),
                ("baseline (site settings)", base, "out-base-pdf-site", ("-c", str(base.parent / "baseline-site-conf"))),
            )[: 3 if n == 1000 else 2]
            runs: dict[str, list[Build]] = {variant: [] for variant, *_ in builds}
            # Five turns at 1,000: TeX runs are long enough that other builds on the
            # machine moved the ratios by a fifth between runs of three.  One at
            # 10,000 (several thousand pages, minutes each).
            # Plain Sphinx's LaTeX of 10,000 opinions exceeds TeX's default main
            # memory as pubcomment's did: the baseline gets the memory that
            # pubcomment's latexmkrc asks for (latex/tex_memory.py).
            env = {"extra_mem_bot": str(tex_memory.EXTRA_MEMORY_WORDS)} if n > 1000 else None
            for _ in range(repeat):
                for variant, source, out, extra in builds:
                    runs[variant].append(
                        self.run_once(
                            f"latexpdf-{n}",
                            variant,
                            source,
                            WORK / f"n{n}" / out,
                            *extra,
                            builder="latexpdf",
                            env=None if variant.startswith("pubcomment") else env,
                        )
                    )
            for variant, *_ in builds:
                self.record(runs[variant])

    # ------------------------------------------------------------ report

    def find(self, case: str, variant: str) -> Build | None:
        return next((b for b in self.builds if b.case == case and b.variant == variant), None)

    def table(self) -> str:
        lines = [
            "| case | build | wall time | CPU time | peak RSS | time ratio | memory ratio |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        for b in self.builds:
            reference = self.reference(b)
            ratio = f"{b.seconds / reference.seconds:.2f}×" if reference and reference is not b else ""
            mem = f"{b.peak_mb / reference.peak_mb:.2f}×" if reference and reference is not b else ""
            ok = "" if b.ok else " (failed)"
            name = b.variant + (f" — {b.note}" if b.note else "")
            lines.append(f"| {b.case} | {name}{ok} | {b.seconds:.1f} s | {b.cpu:.1f} s | {b.peak_mb:.0f} MB | {ratio} | {mem} |")
        return "\n".join(lines)

    def reference(self, b: Build) -> Build | None:
        """What a build is compared with: the baseline of its case; -j 2 with -j 1;
        at scale, each size with the 10,000-opinion build, -j 2 and the edit with the -j 1 build."""
        if b.case.startswith("scale-"):
            if b.variant == f"{SCALE} -j 1":
                return self.find(f"scale-{SCALE_SIZES[0]}", f"{SCALE} -j 1")
            return self.find(b.case, f"{SCALE} -j 1")
        if b.case == "parallel" and "many pages" in b.variant:
            return self.find("parallel", "pubcomment -j 1, many pages")
        if b.case == "parallel" and b.variant == f"{SPLIT} -j 2":
            return self.find("parallel", f"{SPLIT} -j 1")
        if b.case == "parallel" and b.variant.startswith(SPLIT):
            return None
        if b.case == "parallel":
            return self.find(f"html-{max(self.sizes)}", "pubcomment")
        if b.case == "incremental":
            return self.find(f"html-{max(self.sizes)}", b.variant.removesuffix(", nothing changed"))
        if b.variant.startswith("baseline") and b.case.startswith("latexpdf"):
            return self.find(b.case, "baseline (uplatex)")
        if b.variant.startswith("baseline"):
            return self.find(b.case, "baseline")
        if b.case.startswith("latexpdf"):
            return self.find(b.case, "baseline (uplatex)")
        return self.find(b.case, "baseline")

    def targets(self) -> str:
        lines = []

        def check(label: str, value: float | None, limit: float, fmt: str = "{:.2f}×", strict: bool = False) -> None:
            if value is None:
                lines.append(f"- {label}: not measured")
                return
            met = value < limit if strict else value <= limit
            lines.append(
                f"- {'met' if met else 'NOT met'}: {label}: {fmt.format(value)} (target {'<' if strict else '≤'} {fmt.format(limit)})"
            )

        def ratio(a: Build | None, b: Build | None, attr: str = "seconds") -> float | None:
            return getattr(a, attr) / getattr(b, attr) if a and b and a.ok and b.ok else None

        big, small = max(self.sizes), min(self.sizes)
        pub_big, base_big = self.find(f"html-{big}", "pubcomment"), self.find(f"html-{big}", "baseline")
        check(f"HTML at {big:,} opinions, time against the baseline", ratio(pub_big, base_big), 0.33)
        check(f"HTML at {big:,} opinions, peak memory against the baseline", ratio(pub_big, base_big, "peak_mb"), 1.0)
        if big != small:
            growth = ratio(pub_big, self.find(f"html-{small}", "pubcomment"))
            check(f"growth, {big // small}× the opinions → time ×", growth, 10.5 * big / small / 10, "{:.2f}")
        incremental = ratio(self.find("incremental", "pubcomment"), pub_big)
        check("one edited opinion, rebuild against the full build", incremental, 0.10, "{:.0%}")
        check(
            "one edited opinion, rebuild against the baseline's full build",
            ratio(self.find("incremental", "pubcomment"), base_big),
            0.10,
            "{:.1%}",
        )
        check(
            "one edited opinion, rebuild against the baseline's rebuild",
            ratio(self.find("incremental", "pubcomment"), self.find("incremental", "baseline")),
            1.0,
        )
        split_big = self.find(f"html-{big}", SPLIT)
        check(
            f"one edited opinion, {SPLIT}: rebuild against the same project's full build",
            ratio(self.find("incremental", SPLIT), split_big),
            0.10,
            "{:.0%}",
        )
        for variant, full in (("pubcomment", pub_big), (SPLIT, split_big)):
            floor, base_floor = (
                self.find("incremental", f"{variant}, nothing changed"),
                self.find("incremental", "baseline, nothing changed"),
            )
            if floor and floor.ok and full and base_floor:
                lines.append(
                    f"- (the floor, {variant}: a rebuild with nothing changed takes {floor.seconds / full.seconds:.0%} of the full build: "
                    f"{floor.seconds:.2f} s, against {base_floor.seconds:.2f} s for the baseline)"
                )
        check(
            "latexpdf at 1,000 against the baseline (upLaTeX, Sphinx's default for ja)",
            ratio(self.find("latexpdf-1000", "pubcomment (uplatex)"), self.find("latexpdf-1000", "baseline (uplatex)")),
            1.1,
        )
        check(
            "latexpdf at 1,000 against the baseline printed with the site's settings too",
            ratio(self.find("latexpdf-1000", "pubcomment (uplatex)"), self.find("latexpdf-1000", "baseline (site settings)")),
            1.1,
        )
        check(
            f"latexpdf at {LATEX_LARGE:,} against the baseline (upLaTeX)",
            ratio(self.find(f"latexpdf-{LATEX_LARGE}", "pubcomment (uplatex)"), self.find(f"latexpdf-{LATEX_LARGE}", "baseline (uplatex)")),
            1.0,
        )
        check("-j 2 against -j 1 (time)", ratio(self.find("parallel", "pubcomment -j 2"), pub_big), 1.0, strict=True)
        check(
            f"-j 2 against -j 1 with {MANY_PAGES} topic pages (time)",
            ratio(self.find("parallel", "pubcomment -j 2, many pages"), self.find("parallel", "pubcomment -j 1, many pages")),
            1.0,
            strict=True,
        )
        check(
            f"-j 2 against -j 1, {SPLIT} (time)",
            ratio(self.find("parallel", f"{SPLIT} -j 2"), self.find("parallel", f"{SPLIT} -j 1")),
            1.0,
            strict=True,
        )
        lines.extend(self.scale_targets(check, ratio))
        return "\n".join(lines)

    def scale_targets(self, check: Callable[..., None], ratio: Callable[..., float | None]) -> list[str]:
        """The national-scale targets (issue: linear to 100,000 opinions), and what a phone loads."""
        lines: list[str] = []
        small, big = SCALE_SIZES[0], SCALE_SIZES[-1]
        one = {n: self.find(f"scale-{n}", f"{SCALE} -j 1") for n in SCALE_SIZES}
        if not any(one.values()):
            return lines
        for a, b in pairwise(SCALE_SIZES):
            growth = ratio(one[b], one[a])
            if growth is not None:
                lines.append(
                    f"- (growth from {a:,} to {b:,} opinions: time ×{growth:.2f} for ×{b / a:.3g} the opinions, "
                    f"×{growth ** (1 / math.log10(b / a)):.2f} per 10×)"
                )
        check(f"HTML at {big:,} opinions against {small:,}, {SCALE} (time)", ratio(one[big], one[small]), 10.5 * big / small / 10)
        largest = one[big]
        check(f"HTML at {big:,} opinions, {SCALE} (wall time)", largest.seconds if largest and largest.ok else None, 90, "{:.0f} s")
        check(f"HTML at {big:,} opinions, {SCALE} (peak memory)", largest.peak_mb if largest and largest.ok else None, 1024, "{:.0f} MB")
        check(
            f"-j 2 against -j 1 at {big:,} opinions (time)", ratio(self.find(f"scale-{big}", f"{SCALE} -j 2"), one[big]), 1.0, strict=True
        )
        check(
            f"one edited opinion at {big:,}: rebuild against the full build",
            ratio(self.find(f"scale-{big}", f"{SCALE}, one opinion edited"), one[big]),
            0.05,
            "{:.1%}",
        )
        floor, full = self.find(f"scale-{big}", f"{SCALE}, nothing changed"), one[big]
        if floor and floor.ok and full and full.ok:
            room = 0.05 * full.seconds - floor.seconds
            left = (
                f"5% leaves {room:.2f} s to read the edited file and write its page"
                if room > 0
                else f"5% of the full build is {-room:.2f} s less than the floor"
            )
            lines.append(
                f"- (the floor at {big:,}: a rebuild with nothing changed takes {floor.seconds:.2f} s, "
                f"{floor.seconds / full.seconds:.1%} of the full build; {left})"
            )
        for n, (index, page, name, count) in sorted(self.loads.items()):
            lines.append(
                f"- (at {n:,} opinions: {count} pages; searchindex.js {index / 1e6:.1f} MB "
                f"({index / 1e6 / n * 1000:.2f} MB per 1,000 opinions), "
                f"the largest page {name} {page / 1e6:.2f} MB)"
            )
        if big in self.loads:
            index, page, _name, _count = self.loads[big]
            check(f"the largest page at {big:,} opinions (a phone loads it whole)", page / 1e6, PAGE_MB, "{:.2f} MB")
            check(
                f"searchindex.js at {big:,} opinions, per 1,000 opinions (loaded by the search page only)",
                index / 1e6 / big * 1000,
                INDEX_MB_PER_1000,
                "{:.2f} MB",
            )
        return lines


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))  # type: ignore[union-attr]
        memory = f", {kb / 1024 / 1024:.0f} GiB memory"
    except (OSError, AttributeError):
        pass
    versions = []
    for module in ("sphinx", "myst_parser", "docutils", "markdown_it"):
        with contextlib.suppress(ImportError, AttributeError):
            versions.append(f"{module} {__import__(module).__version__}")
    tex = ""
    for engine in ("uplatex",):
        if shutil.which(engine):
            first = subprocess.run([engine, "--version"], capture_output=True, text=True, check=False).stdout.splitlines()[:1]
            tex += f"; {first[0]}" if first else ""
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{cpu}, {os.cpu_count()} cores{memory}; {platform.system()} {platform.release()}; Python {platform.python_version()}; "
        f"{', '.join(versions)}{tex}. Load average at the start: {load} (other builds may share the machine)."
    )


def write_readme(text: str, section: str = "bench") -> None:
    """Put ``text`` between the section's markers in bench/README.md."""
    begin, end = f"<!-- {section}:begin -->", f"<!-- {section}:end -->"
    readme = README.read_text(encoding="utf-8") if README.exists() else "# Benchmark\n"
    if begin not in readme:
        readme += f"\n{begin}\n{end}\n"
    head, rest = readme.split(begin, 1)
    tail = rest.split(end, 1)[1]
    README.write_text(f"{head}{begin}\n{text}\n{end}{tail}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--cases", default="html,incremental,parallel,latexpdf,scale")
    parser.add_argument("--quick", action="store_true", help="leave out the scale case (minutes at 100,000 opinions)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each HTML build; the fastest counts")
    parser.add_argument("--write-readme", action="store_true")
    args = parser.parse_args()
    start_launcher()
    started = dt.datetime.now(dt.UTC)
    about = machine()
    bench = Bench(sorted(args.sizes), args.repeat)
    cases = [c for c in args.cases.split(",") if not (args.quick and c == "scale")]
    for case in cases:
        print(f"{case}:", file=sys.stderr, flush=True)
        getattr(bench, case)()
    report = (
        f"Run of {started:%Y-%m-%d %H:%M} UTC ({(dt.datetime.now(dt.UTC) - started).seconds // 60} min), "
        f"`python -m bench.run --sizes {' '.join(map(str, args.sizes))} --cases {args.cases} "
        f"--repeat {args.repeat}{' --quick' if args.quick else ''}`.\n\n"
        f"Machine: {about}\n\n{bench.table()}\n\nTargets:\n\n{bench.targets()}\n"
    )
    print(report)
    if args.write_readme:
        write_readme(report)


if __name__ == "__main__":
    main()
