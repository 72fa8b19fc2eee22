"""The wheel on its own: built from the repository, installed into a fresh
virtual environment outside it, it scaffolds and builds a site.

The environment is made without ``--system-site-packages``; only the
third-party dependencies come from the environment running the tests,
through a ``.pth`` line (a directory named in a ``.pth`` file is added to
``sys.path`` after the environment's own, and the ``.pth`` files inside it,
such as an editable install of this repository, are not read).  The test
checks that ``pubcomment`` is the wheel's.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.support.tools import ROOT

PACKAGE_FILES = (
    "pubcomment/html/static/pubcomment.css",
    "pubcomment/latex/texinputs/pubcomment.sty",
    "pubcomment/latex/glyphs.txt",
    "pubcomment/core/surnames.txt",
    "pubcomment/py.typed",
    "pubcomment/scaffold/template/Makefile",
    "pubcomment/scaffold/template/conf/conf.py.tmpl",
    "pubcomment/scaffold/template/source/results/data/consultation.yaml",
    "pubcomment/scaffold/template/dot-gitignore",
)


def _setuptools_builds_here() -> bool:
    try:
        import setuptools
        import wheel  # noqa: F401
    except ImportError:
        return False
    return int(setuptools.__version__.split(".")[0]) >= 77


def run(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"{' '.join(map(str, args))}\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # Without build isolation when this environment can build it (make venv
    # installs setuptools>=77 and wheel with the test extra): no network.
    isolation = [] if _setuptools_builds_here() else ["--use-pep517"]
    no_isolation = ["--no-build-isolation"] if not isolation else []
    run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", *no_isolation, *isolation, "--wheel-dir", out, ROOT)
    return next(out.glob("pubcomment-*.whl"))


def test_the_wheel_holds_the_data_files_and_the_metadata(wheel: Path) -> None:
    import pubcomment

    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata = archive.read(f"pubcomment-{pubcomment.__version__}.dist-info/METADATA").decode("utf-8")
    for name in PACKAGE_FILES:
        assert name in names, name
    assert not [name for name in names if name.startswith(("tests/", "source/", "conf/", "bench/"))]
    assert f"Version: {pubcomment.__version__}" in metadata
    assert "License-Expression: MIT" in metadata
    assert "Classifier: Framework :: Sphinx :: Extension" in metadata
    assert "パブリックコメント" in metadata  # the long description is the README
    assert "Project-URL" not in metadata and "Home-page" not in metadata


def test_the_installed_wheel_builds_a_new_site(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    # Nothing of the repository on the path (PYTHONPATH=ext, as the tests run, would name it).
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    run(sys.executable, "-m", "venv", venv)  # pip from ensurepip: no network
    python = venv / "bin" / "python"
    site_packages = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").strip())
    # The wheel first: with the .pth in place pip would see this repository's
    # own installation and take the requirement as satisfied.
    run(python, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", wheel, cwd=tmp_path, env=env)
    (site_packages / "third_party.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    where = run(python, "-c", "import pubcomment; print(pubcomment.__file__)", cwd=tmp_path, env=env).strip()
    assert Path(where).is_relative_to(site_packages), where

    site = tmp_path / "site"
    run(venv / "bin" / "pubcomment", "new", site, "--city", "見本市", "--no-plan", cwd=tmp_path, env=env)
    for builder in ("html", "latex"):
        run(
            python,
            "-m",
            "sphinx",
            "-nW",
            "--keep-going",
            "-q",
            "-b",
            builder,
            "-c",
            site / "conf",
            site / "source",
            site / "build" / builder,
            cwd=site,
            env=env,
        )
    assert "本市の考え方" in (site / "build" / "html" / "results" / "index.html").read_text(encoding="utf-8")
    assert (site / "build" / "latex" / "pubcomment.sty").exists()
    assert "pxchfon" in (site / "build" / "latex" / "site-pubcomment-results.tex").read_text(encoding="utf-8")
