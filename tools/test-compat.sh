#!/usr/bin/env bash
# make test-compat: the part of the suite that needs no TeX, Java or Chromium,
# on the newest Python (3.13, else 3.12) with the newest Sphinx and docutils
# that pyproject.toml allows, in its own venv (.venv-compat, git-ignored).
#
# The venv is made once and installed again when pyproject.toml changes;
# `rm -rf .venv-compat` picks up releases published since.  Where neither
# python3.13 nor python3.12 is found (on PATH or under pyenv), it says so on
# one line and exits 0, under CI=true too: the other targets test the
# project on the Python they find.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${COMPAT_VENV:-.venv-compat}
STAMP=$VENV/.installed

# A candidate counts only if it runs: pyenv's shims are on PATH for every
# version pyenv knows, and fail for one the current directory does not select.
find_python() {
  local version candidate
  for version in 3.13 3.12; do
    for candidate in $(command -v "python$version") "${PYENV_ROOT:-$HOME/.pyenv}"/versions/"$version".*/bin/"python$version"; do
      if [ -x "$candidate" ] && "$candidate" -c 'import venv' >/dev/null 2>&1; then echo "$candidate"; return 0; fi
    done
  done
  return 1
}

if ! python=$(find_python); then
  echo "test-compat: SKIPPED: neither python3.13 nor python3.12 is installed (on PATH or under pyenv); the newest Sphinx needs one of them" >&2
  exit 0
fi

if [ ! -f "$STAMP" ] || [ pyproject.toml -nt "$STAMP" ] || [ "$(cat "$STAMP")" != "$python" ]; then
  rm -rf "$VENV"
  "$python" -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --upgrade pip
  # --upgrade-strategy eager: the newest Sphinx and docutils the pins allow.
  "$VENV/bin/python" -m pip install --quiet --upgrade --upgrade-strategy eager -e '.[test]' sphinx docutils
  echo "$python" > "$STAMP"
fi

"$VENV/bin/python" - <<'PY'
import platform, docutils, myst_parser, sphinx
print(f"test-compat: Python {platform.python_version()}, Sphinx {sphinx.__version__}, docutils {docutils.__version__}, myst-parser {myst_parser.__version__}")
PY
# The markers of the tests that need TeX Live, EPUBCheck (Java) or Chromium
# (pyproject.toml); every other test needs only Python.
exec "$VENV/bin/python" -m pytest -m "not latex and not epub and not browser" -p no:cacheprovider "$@"
