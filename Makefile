# pubcomment — build the sample site, print copies and ePub; run the tests.
# `make help` lists the targets.

PYTHON      ?= python3
VENV        := .venv
PY          := $(VENV)/bin/python
SPHINXBUILD := $(VENV)/bin/sphinx-build
SPHINXOPTS  ?= -nW --keep-going
BUILDDIR    := build
CONFDIR     := conf
SOURCEDIR   := source
STAMP       := $(VENV)/.installed
SPHINX      := $(SPHINXBUILD) $(SPHINXOPTS) -c $(CONFDIR)

.DEFAULT_GOAL := help
.PHONY: help venv html livehtml latexpdf epub all test test-compat lint format clean system-fonts system-tex system-epub system-browser bench bench-live

help: ## List the targets
	@grep -h -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 16

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

venv: $(STAMP) ## Create .venv and install the project with its dependencies

# The publishing rules (html, latexpdf, epub, livehtml) are those of every
# site `pubcomment new` makes: the package's own pubcomment.mk, included as
# it is.  This site has the plan's draft edition (改定案) too: the site is
# built in build/html with the draft under build/html/draft, and every PDF
# and ePub of both editions.
DOCUMENTS     := $(VENV)/bin/pubcomment documents --conf $(CONFDIR)
EDITIONS      := final draft
HTML_DEPS     := system-fonts
LATEX_DEPS    := system-tex
EPUB_DEPS     := system-epub
PREVIEW       := $(VENV)/.preview
LIVEHTML_DEPS := $(PREVIEW)
$(PREVIEW): $(STAMP)
	$(PY) -m pip install --quiet -e '.[preview]'
	touch $@

include ext/pubcomment/scaffold/template/pubcomment.mk

# The file name (stem) of a document, by key: `make -s stem-of-results`
# (.readthedocs.yaml offers that document's PDF and ePub).
stem-of-%: $(STAMP)
	@$(DOCUMENTS) stem --key $*

all: html latexpdf epub ## Build the site, the PDFs and the ePubs

system-fonts:
	@tools/system-deps.sh fonts

system-tex:
	@tools/system-deps.sh tex pdftools

system-epub:
	@tools/system-deps.sh epub

system-browser:
	@tools/system-deps.sh browser java node

# The checkers the browser tests run (axe-core, the Nu Html Checker), as
# pinned in package-lock.json; install scripts are skipped (vnu-jar's would
# download a Java runtime: the system's is used).
BROWSER_NODE_MODULES := tests/browser/node_modules/.package-lock.json
$(BROWSER_NODE_MODULES): tests/browser/package-lock.json
	@tools/system-deps.sh node
	cd tests/browser && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

# The lint first (it takes seconds and names the line), then every test on
# this Python and Sphinx, then the TeX-free part on the newest Python and
# Sphinx (test-compat; it says so where that Python is missing).
test: $(STAMP) system-tex system-epub system-browser $(BROWSER_NODE_MODULES) ## Lint, install what the tests need and run every test
	@$(MAKE) --no-print-directory lint
	$(PY) -m pytest
	@tools/test-compat.sh

# The tests that need no TeX, Java or Chromium on the newest Python (3.13,
# else 3.12) with the newest Sphinx and docutils pyproject.toml allows, in
# .venv-compat; says so on one line and succeeds where neither Python is found.
test-compat: ## Run the tests that need no TeX/Java/Chromium on the newest Python, Sphinx and docutils (.venv-compat)
	@tools/test-compat.sh

# What is linted: every Python file of the repository (pyproject.toml's
# [tool.ruff] and [tool.mypy] say how).
LINTED := ext tests conf bench tools
lint: $(STAMP) ## ruff check, ruff format --check and mypy over the whole tree
	$(VENV)/bin/ruff check $(LINTED)
	$(VENV)/bin/ruff format --check $(LINTED)
	$(VENV)/bin/mypy

format: $(STAMP) ## Format the code and apply ruff's safe fixes (then see make lint)
	$(VENV)/bin/ruff format $(LINTED)
	$(VENV)/bin/ruff check --fix $(LINTED)

# The Japanese splitters bench/search.py compares, kept out of .venv.
SPLITTERS := bench/work/splitters
$(SPLITTERS)/.installed:
	$(PY) -m pip install --quiet --target $(SPLITTERS) mecab-python3 unidic-lite ipadic janome sudachipy sudachidict-core
	touch $@

# BENCHOPTS=--quick leaves out the national-scale case (30,000 and 100,000 opinions, ~15 min).
BENCHOPTS   ?=
bench: $(STAMP) $(SPLITTERS)/.installed ## Time against plain Sphinx, at national scale, compare search splitters and workbook readers (~40 min; BENCHOPTS=--quick ~12); writes bench/README.md
	@tools/system-deps.sh tex pdftools uptex browser
	$(PY) -m bench.run --write-readme $(BENCHOPTS)
	PYTHONPATH=$(SPLITTERS) $(PY) -m bench.search --write-readme
	$(PY) -m bench.excel --write-readme

bench-live: $(PREVIEW) ## Time from saving an edited opinion to the page served by livehtml (~5 min); writes bench/README.md
	$(PY) -m bench.livepreview --write-readme

clean: ## Remove build output
	rm -rf $(BUILDDIR)
