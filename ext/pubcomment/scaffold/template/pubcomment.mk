# pubcomment.mk: サイト・PDF・ePub を作る規則（`pubcomment new` が書き、Makefile が include します）。
# 変えずに使ってください。pubcomment の新しい版の `pubcomment new` がこのファイルを新しくします。
#
# The publishing rules every pubcomment site shares, this repository's sample
# site included (tests/test_scaffold.py keeps its copy equal to this file).
# The including Makefile sets:
#   SPHINX     the sphinx-build command, options and -c conf included
#   SPHINXOPTS CONFDIR SOURCEDIR BUILDDIR VENV (sphinx-autobuild is in VENV)
#   DOCUMENTS  `pubcomment documents`, which lists conf/documents.py
#   EDITIONS   final, or final draft when the plan has a draft edition (改定案)
#   STAMP      the file that says the virtual environment is ready
# and may set HTML_DEPS, LATEX_DEPS, EPUB_DEPS, LIVEHTML_DEPS (what those targets need
# besides it: system packages, the preview extra) and LIVEPORT.

HTML_DEPS     ?=
LATEX_DEPS    ?=
EPUB_DEPS     ?=
LIVEHTML_DEPS ?=
LIVEPORT      ?= 8000
EDITION       ?= final
HTMLSTAGE     := $(BUILDDIR)/.stage/html

.PHONY: html latexpdf epub livehtml

# Every edition is built in a staging directory (the draft's under draft/) and
# the site is published to $(BUILDDIR)/html only when every build succeeded:
# a failed build never leaves a half-written site.  A failed build's output and
# doctrees are removed too: Sphinx would not write again a page it wrote then
# (a link it could not resolve, a chart without its font) nor warn again of
# what it warned of while reading, so the next build would publish them.
FORGET_FAILED = { rm -rf $(1); echo "失敗したため、途中まで作ったもの（$(1)）を消しました。次は最初から作ります" >&2; exit 1; }

html: $(STAMP) $(HTML_DEPS) ## ウェブサイトを build/html に作ります（計画の案は build/html/draft）
	@set -e; for edition in $(EDITIONS); do \
	  out=$(HTMLSTAGE); [ $$edition = final ] || out=$(HTMLSTAGE)/$$edition; \
	  $(SPHINX) -b html -t $$edition -d $(BUILDDIR)/doctrees/html-$$edition $(SOURCEDIR) $$out \
	    || $(call FORGET_FAILED,$(HTMLSTAGE) $(BUILDDIR)/doctrees/html-*); \
	done
	@rm -rf $(BUILDDIR)/html.new && cp -a $(HTMLSTAGE) $(BUILDDIR)/html.new \
	  && rm -rf $(BUILDDIR)/html && mv $(BUILDDIR)/html.new $(BUILDDIR)/html
	@echo "サイト: $(BUILDDIR)/html/index.html"

# One A4 PDF per document, compiled in DOCUMENTS order (a later document may
# read an earlier one's .aux for page references).  Each edition is its own
# Sphinx build (in build/latex-<edition>); every PDF ends up in build/latex.
# latexmk's stderr is shown, less the Perl notice that Sphinx's own
# latexmkjarc redefines latexmkrc's makeglo.
latexpdf: $(STAMP) $(LATEX_DEPS) ## 文書ごとの PDF を build/latex に作ります
	@set -e; mkdir -p $(BUILDDIR)/latex; for edition in $(EDITIONS); do \
	  out=$(BUILDDIR)/latex-$$edition; \
	  $(SPHINX) -b latex -t $$edition -d $(BUILDDIR)/doctrees/latex-$$edition $(SOURCEDIR) $$out \
	    || $(call FORGET_FAILED,$$out $(BUILDDIR)/doctrees/latex-$$edition); \
	  for stem in $$($(DOCUMENTS) stem --edition $$edition); do \
	    echo "PDF: $(BUILDDIR)/latex/$$stem.pdf"; \
	    $(MAKE) --no-print-directory -C $$out $$stem.pdf LATEXMKOPTS='-silent -halt-on-error' >/dev/null 2>$$out/$$stem.stderr \
	      || { cat $$out/$$stem.stderr >&2; echo "LaTeX に失敗しました。$$out/$$stem.log を見てください" >&2; exit 1; }; \
	    grep -v '^Subroutine makeglo redefined' $$out/$$stem.stderr >&2 || true; \
	    cp $$out/$$stem.pdf $(BUILDDIR)/latex/; \
	  done; \
	done

# One ePub per document: `-t epub_<key>` makes conf.py pick the document.
# Each has its own output directory, emptied first: the builder packs all it
# finds there (stale pages, .buildinfo.bak).
epub: $(STAMP) $(EPUB_DEPS) ## 文書ごとの ePub を build/epub に作ります
	@set -e; for edition in $(EDITIONS); do \
	  for key in $$($(DOCUMENTS) key --edition $$edition); do \
	    rm -rf $(BUILDDIR)/epub/$$key; \
	    $(SPHINX) -b epub -t epub_$$key -t $$edition -d $(BUILDDIR)/doctrees/epub-$$key $(SOURCEDIR) $(BUILDDIR)/epub/$$key \
	      || $(call FORGET_FAILED,$(BUILDDIR)/epub/$$key $(BUILDDIR)/doctrees/epub-$$key); \
	    cp $(BUILDDIR)/epub/$$key/*.epub $(BUILDDIR)/epub/; \
	    echo "ePub: $$(ls $(BUILDDIR)/epub/$$key/*.epub | sed 's|.*/|$(BUILDDIR)/epub/|')"; \
	  done; \
	done

# Preview while writing: sphinx-autobuild builds one edition (EDITION=draft for
# the draft) into build/livehtml, serves it on 127.0.0.1 only, and rebuilds and
# reloads the browser on every save under the source directory (pages and data
# files: CSV, YAML, JSON, xlsx) and conf/.  The output is outside the watched
# directories and ignored besides; the regular expression leaves out what
# editors, Excel and LibreOffice write beside an open file (~$book.xlsx,
# .~lock.book.xlsx#, .swp, ~) and Python's caches, which would start rebuilds
# that change nothing.
LIVE_IGNORE := (^|/)(__pycache__|\.ipynb_checkpoints)(/|$$)|(^|/)(\.\#|~\$$|\.~lock\.)|~$$|\.(swp|swx|tmp|pyc)$$
livehtml: $(STAMP) $(LIVEHTML_DEPS) ## 書きながら見る: 保存するたびに作り直し、http://127.0.0.1:8000 に表示します（EDITION=draft で案）
	$(VENV)/bin/pubcomment preview $(SPHINXOPTS) -c $(CONFDIR) -t $(EDITION) --host 127.0.0.1 --port $(LIVEPORT) \
	  --watch $(CONFDIR) --ignore $(BUILDDIR) --re-ignore '$(LIVE_IGNORE)' \
	  -d $(BUILDDIR)/doctrees/livehtml-$(EDITION) $(SOURCEDIR) $(BUILDDIR)/livehtml
