""".readthedocs.yaml: what it installs and the steps it runs.

The steps are run as Read the Docs runs them, one shell command after the
other, in a copy of the repository's tracked files with ``READTHEDOCS_OUTPUT``
in a temporary directory; ``make`` is pointed at this test's Python (the
venv the Makefile would make is replaced by one whose ``sphinx-build`` is
this interpreter's), so nothing is installed.

The HTML step runs for real.  The PDF and ePub steps take minutes (every
document in two editions through upLaTeX): on a developer's machine each of
their ``make`` commands is checked to name a target of the Makefile, and
their copy commands to read the directories those targets write.  Under
``CI=true`` (``.ci/run``, ``make test`` on a fresh clone) or with
``PUBCOMMENT_RTD_ALL=1`` they run too, and every PDF and ePub must arrive
where Read the Docs offers them.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.support.site import documents
from tests.support.tools import ROOT, require_tool

CONFIG = ROOT / ".readthedocs.yaml"
HTML_STEPS = 2  # `make html` and its copy
OUTPUTS = {"html": "build/html", "pdf": "build/latex", "epub": "build/epub"}
PROJECT = "pubcomment-sample"  # READTHEDOCS_PROJECT


def config() -> dict:
    return yaml.safe_load(CONFIG.read_text(encoding="utf-8"))


def system_packages(*groups: str) -> set[str]:
    """The Debian packages tools/system-deps.sh installs for ``groups``."""
    script = (ROOT / "tools" / "system-deps.sh").read_text(encoding="utf-8")
    block = script.split("declare -A PACKAGES=(", 1)[1].split("\n)", 1)[0]
    found: set[str] = set()
    for group in groups:
        match = re.search(rf'^\s*\[{group}\]="([^"]*)"', block, re.MULTILINE)
        assert match, group
        found.update(match.group(1).split())
    return found


def test_the_configuration_installs_what_the_make_targets_need() -> None:
    rtd = config()
    assert rtd["version"] == 2
    build = rtd["build"]
    assert build["os"].startswith("ubuntu-")
    assert tuple(int(x) for x in build["tools"]["python"].split(".")) >= (3, 11)
    missing = system_packages("tex", "pdftools", "epub") - set(build["apt_packages"])
    assert not missing, f"tools/system-deps.sh installs these for make latexpdf/epub, .readthedocs.yaml does not: {sorted(missing)}"


def test_every_step_is_a_make_target_or_copies_what_one_wrote() -> None:
    commands = config()["build"]["commands"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    # ... and what it includes (the publishing rules are the scaffold's pubcomment.mk).
    makefile += "".join(
        (ROOT / line.split(None, 1)[1].strip()).read_text(encoding="utf-8") for line in makefile.splitlines() if line.startswith("include ")
    )
    # Read, not run: `make -n` runs a recipe that calls $(MAKE), as latexpdf does.
    rules = {match.group(1): match.group(2) for match in re.finditer(r"^([a-z-]+):.*?## .*\n((?:\t.*\n|\s*\n)*)", makefile, re.MULTILINE)}
    targets = []
    for command in commands:
        words = shlex.split(command)
        if words[0] == "make":
            assert len(words) == 2, command  # a target, no variables: what runs locally runs there
            assert words[1] in rules, f"{command}: no such target in the Makefile"
            targets.append(words[1])
        else:
            # A copy of what the target before it wrote ...
            kind = next((k for k in OUTPUTS if f"{OUTPUTS[k]}/" in command), None)
            assert kind, f"a step that copies no output: {command}"
            # ... to where Read the Docs publishes that kind.
            assert f'"$READTHEDOCS_OUTPUT/{kind}' in command, f"a step that writes nowhere Read the Docs publishes: {command}"
            # ... which the target before it writes.
            written = OUTPUTS[kind].replace("build/", "$(BUILDDIR)/")
            assert written in rules[targets[-1]], (command, targets[-1])
    assert targets == ["html", "latexpdf", "epub"]


def copy_of_the_repository(to: Path) -> Path:
    git = shutil.which("git")
    files = subprocess.run([git, "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=False).stdout if git else ""
    names = [name for name in files.split("\0") if name]
    if not names:  # not a git checkout (an unpacked source archive): everything but output and venvs
        shutil.copytree(ROOT, to, ignore=shutil.ignore_patterns("build", ".venv*", "node_modules", "bench", "__pycache__", ".git"))
        return to
    for name in names:
        if (ROOT / name).is_file():
            (to / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, to / name)
    return to


def run_steps(tmp_path: Path, commands: list[str]) -> Path:
    repo = copy_of_the_repository(tmp_path / "repo")
    output = tmp_path / "readthedocs"
    # This interpreter stands in for the venv `make` would make.
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    for name, module in (("sphinx-build", "sphinx"), ("python", ""), ("pubcomment", "pubcomment.cli")):
        script = venv / "bin" / name
        script.write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} {"-m " + module if module else ""} "$@"\n', encoding="utf-8")
        script.chmod(0o755)
    (venv / ".installed").touch()
    env = {
        **os.environ,
        "READTHEDOCS_OUTPUT": str(output),
        "READTHEDOCS": "True",
        "READTHEDOCS_PROJECT": PROJECT,
        "MAKEFLAGS": f"VENV={venv} PYTHON={sys.executable}",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(repo / "ext"), os.environ.get("PYTHONPATH", "")])),
    }
    for command in commands:
        result = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", command], cwd=repo, env=env, capture_output=True, text=True, check=False, timeout=1800
        )
        assert result.returncode == 0, f"{command}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return output


@pytest.mark.latex
@pytest.mark.epub
def test_the_steps_publish_the_site_and_the_documents(tmp_path: Path) -> None:
    require_tool("make", "the Read the Docs steps")
    commands = config()["build"]["commands"]
    everything = os.environ.get("PUBCOMMENT_RTD_ALL", "") == "1" or os.environ.get("CI", "").lower() == "true"
    output = run_steps(tmp_path, commands if everything else commands[:HTML_STEPS])
    html = output / "html"
    assert (html / "index.html").is_file() and (html / "draft" / "index.html").is_file()
    assert (html / "results" / "index.html").is_file() and (html / "searchindex.js").is_file()
    assert "川崎市" in (html / "index.html").read_text(encoding="utf-8")
    if everything:
        sample = documents().DOCUMENTS
        # Read the Docs offers one file per format: the results; the site holds them all.
        results = next(d for d in sample if d.key == "results")
        for kind, suffix in (("pdf", ".pdf"), ("epub", ".epub")):
            assert [p.name for p in (output / kind).iterdir()] == [PROJECT + suffix]
            assert (output / kind / (PROJECT + suffix)).read_bytes() == (html / "downloads" / (results.stem + suffix)).read_bytes()
            assert sorted(p.name for p in (html / "downloads").glob("*" + suffix)) == sorted(d.stem + suffix for d in sample)
