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
# The documents of conf/documents.py, in order (one PDF and one ePub each).
DOC_KEYS    := $(shell $(PYTHON) tools/documents.py key)
DOC_STEMS   := $(shell $(PYTHON) tools/documents.py stem)

.DEFAULT_GOAL := help
.PHONY: help venv html livehtml latexpdf epub all test test-compat lint clean system-tex system-epub system-browser bench bench-live

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 16

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

venv: $(STAMP) ## Create .venv and install the project with its dependencies

# The site shows the final edition of the plan; the draft edition (改定案)
# is a second build published beside it, under draft/.
# Both are built in a staging directory and published to build/html only
# when every build succeeded, so a failed build never leaves a half-written site.
HTMLSTAGE   := $(BUILDDIR)/.stage/html
html: $(STAMP) ## Build the web site into build/html (the plan's draft edition into build/html/draft)
	$(SPHINX) -b html -d $(BUILDDIR)/doctrees/html $(SOURCEDIR) $(HTMLSTAGE)
	$(SPHINX) -b html -t draft -d $(BUILDDIR)/doctrees/html-draft $(SOURCEDIR) $(HTMLSTAGE)/draft
	@rm -rf $(BUILDDIR)/html.new && cp -a $(HTMLSTAGE) $(BUILDDIR)/html.new \
	  && rm -rf $(BUILDDIR)/html && mv $(BUILDDIR)/html.new $(BUILDDIR)/html
	@echo "site: $(BUILDDIR)/html/index.html (draft edition: $(BUILDDIR)/html/draft/index.html)"

# Preview while writing: sphinx-autobuild builds the site (the final edition;
# EDITION=draft for the draft) into build/livehtml, serves it on 127.0.0.1
# only, and rebuilds and reloads the browser on every save under source/
# (pages, and the data files: CSV, YAML, JSON) and conf/.  The build output
# is outside the watched directories and ignored besides (--ignore); the
# regular expression leaves out what editors, Excel and LibreOffice write
# beside a file while it is open (~$book.xlsx, .~lock.book.xlsx#, .swp, ~)
# and Python's caches, which would start rebuilds that change nothing.
PREVIEW     := $(VENV)/.preview
LIVEPORT    ?= 8000
EDITION     ?= final
LIVE_IGNORE := (^|/)(__pycache__|\.ipynb_checkpoints)(/|$$)|(^|/)(\.\#|~\$$|\.~lock\.)|~$$|\.(swp|swx|tmp|pyc)$$
$(PREVIEW): $(STAMP)
	$(PY) -m pip install --quiet -e '.[preview]'
	touch $@

livehtml: $(PREVIEW) ## Preview on http://127.0.0.1:8000, rebuilt on every save of a page or data file (EDITION=draft, LIVEPORT=)
	$(VENV)/bin/sphinx-autobuild $(SPHINXOPTS) -c $(CONFDIR) -t $(EDITION) --host 127.0.0.1 --port $(LIVEPORT) \
	  --watch $(CONFDIR) --ignore $(BUILDDIR) --re-ignore '$(LIVE_IGNORE)' \
	  -d $(BUILDDIR)/doctrees/livehtml-$(EDITION) $(SOURCEDIR) $(BUILDDIR)/livehtml

# Print copies: one A4 PDF per document, compiled in DOCUMENTS order (a
# later document may read an earlier one's .aux for page references).
# Each edition is its own Sphinx build (the draft's in build/latex-draft);
# every PDF ends up in build/latex.  latexmk's stderr is shown, less the
# Perl notice that Sphinx's own latexmkjarc redefines latexmkrc's makeglo.
latexpdf: $(STAMP) system-tex ## Build one PDF per document: build/latex/<stem>.pdf
	@set -e; for edition in final draft; do \
	  out=$(BUILDDIR)/latex; [ $$edition = final ] || out=$(BUILDDIR)/latex-$$edition; \
	  $(SPHINX) -b latex -t $$edition -d $(BUILDDIR)/doctrees/latex-$$edition $(SOURCEDIR) $$out; \
	  for stem in $$($(PYTHON) tools/documents.py stem --edition $$edition); do \
	    echo "uplatex: $(BUILDDIR)/latex/$$stem.pdf"; \
	    $(MAKE) --no-print-directory -C $$out $$stem.pdf LATEXMKOPTS='-silent -halt-on-error' >/dev/null 2>$$out/$$stem.stderr \
	      || { cat $$out/$$stem.stderr >&2; echo "LaTeX failed; see $$out/$$stem.log" >&2; exit 1; }; \
	    grep -v '^Subroutine makeglo redefined' $$out/$$stem.stderr >&2 || true; \
	    [ $$out = $(BUILDDIR)/latex ] || cp $$out/$$stem.pdf $(BUILDDIR)/latex/; \
	  done; \
	done

# One ePub per document: `-t epub_<key>` makes conf.py pick the document.
# Each has its own output directory, emptied first: the builder packs all
# it finds there (stale pages, .buildinfo.bak).
epub: $(STAMP) system-epub ## Build one ePub per document: build/epub/<stem>.epub
	@set -e; for edition in final draft; do \
	  for key in $$($(PYTHON) tools/documents.py key --edition $$edition); do \
	    echo "epub: $$key"; \
	    rm -rf $(BUILDDIR)/epub/$$key; \
	    $(SPHINX) -b epub -t epub_$$key -t $$edition -d $(BUILDDIR)/doctrees/epub-$$key $(SOURCEDIR) $(BUILDDIR)/epub/$$key; \
	    cp $(BUILDDIR)/epub/$$key/*.epub $(BUILDDIR)/epub/; \
	  done; \
	done
	@echo "epub: $(addprefix $(BUILDDIR)/epub/,$(addsuffix .epub,$(DOC_STEMS)))"

all: html latexpdf epub ## Build the site, the PDFs and the ePubs

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

# Every test on this Python and Sphinx, then the TeX-free part on the newest
# Python and Sphinx (test-compat; it says so where that Python is missing).
test: $(STAMP) system-tex system-epub system-browser $(BROWSER_NODE_MODULES) ## Install what the tests need and run every test
	$(PY) -m pytest
	@tools/test-compat.sh

# The tests that need no TeX, Java or Chromium on the newest Python (3.13,
# else 3.12) with the newest Sphinx and docutils pyproject.toml allows, in
# .venv-compat; says so on one line and succeeds where neither Python is found.
test-compat: ## Run the tests that need no TeX/Java/Chromium on the newest Python, Sphinx and docutils (.venv-compat)
	@tools/test-compat.sh

lint: $(STAMP) ## ruff and mypy
	$(VENV)/bin/ruff check ext tests conf
	$(VENV)/bin/mypy

# The Japanese splitters bench/search.py compares, kept out of .venv.
SPLITTERS := bench/work/splitters
$(SPLITTERS)/.installed:
	$(PY) -m pip install --quiet --target $(SPLITTERS) mecab-python3 unidic-lite ipadic janome sudachipy sudachidict-core
	touch $@

bench: $(STAMP) $(SPLITTERS)/.installed ## Time against plain Sphinx, compare search splitters and workbook readers (~10 min); writes bench/README.md
	@tools/system-deps.sh tex pdftools uptex browser
	$(PY) bench/run.py --write-readme
	PYTHONPATH=$(SPLITTERS) $(PY) bench/search.py --write-readme
	$(PY) bench/excel.py --write-readme

bench-live: $(PREVIEW) ## Time from saving an edited opinion to the page served by livehtml (~5 min); writes bench/README.md
	$(PY) bench/livepreview.py --write-readme

clean: ## Remove build output
	rm -rf $(BUILDDIR)
