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
.PHONY: help venv html latexpdf epub all test lint clean system-tex system-epub system-browser

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 16

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

venv: $(STAMP) ## Create .venv and install the project with its dependencies

html: $(STAMP) ## Build the web site into build/html
	$(SPHINX) -b html $(SOURCEDIR) $(BUILDDIR)/html
	@echo "site: $(BUILDDIR)/html/index.html"

system-tex:
	@tools/system-deps.sh tex pdftools

system-epub:
	@tools/system-deps.sh epub

system-browser:
	@tools/system-deps.sh browser

test: $(STAMP) system-tex system-epub system-browser ## Install what the tests need and run every test
	$(PY) -m pytest

lint: $(STAMP) ## ruff and mypy
	$(VENV)/bin/ruff check ext tests conf
	$(VENV)/bin/mypy

clean: ## Remove build output
	rm -rf $(BUILDDIR)
