"""Everything pubcomment registers with Sphinx, in one table.

Read top to bottom, this is the extension: its settings, nodes, domain,
directives, then the events in the order a build meets them, then what
each output adds.  Handlers without a priority run at Sphinx's default
(500), in the order they are connected here; every other priority is
named below with the reason for it.
"""

from __future__ import annotations

from sphinx.application import Sphinx

from . import checks, config, defaults, nodes
from .core import memory
from .directives import consultation, fences, parts, plan
from .env import domain, incremental, redactions
from .epub import builder as epub_builder
from .epub import package as epub_package
from .epub import widgets as epub_widgets
from .html import a11y, backlinks, deferred_rows, feed, opendata, parallel_rows, search, sources
from .html import assets as html_assets
from .latex import assets as latex_assets
from .latex import breaks, glyphs, links, long_tables, passes, plan_pages, tex_memory, underline
from .transforms import resolve
from .transforms.heading_numbers import KobunNumbering

# config-inited: Japanese print and ePub defaults are filled in first, then
# our values are checked, before any other listener reads them (Sphinx's
# LaTeX and ePub checks run at 800).
APPLY_DEFAULTS = 300
VALIDATE_CONFIG = 400
# doctree-resolved (HTML and ePub), in the order the resolved doctree is
# rewritten: placeholders become tables at the default (500), then ...
SEARCH_WORDS = 510  # ... a deferred table body gets its rows' words (HTML);
EPUB_UNLINK = 800  # ... links to documents outside the ePub become text.
# Print rewrites its tree in post-transforms instead (formats = ("latex",)),
# at the priorities latex/passes.py names with their reasons, LATEX_DOC_TITLES
# (5) to LATEX_BREAKS (950): its tables are made between Sphinx's
# latex_show_urls (400) and footnote (600) passes.
# build-finished: what was frozen for the writing is collectable again after
# every other listener (the open data and the feed are written while frozen).
THAW = 990

DIRECTIVES = {
    "pc-consultation": consultation.ConsultationDirective,
    "pc-overview": parts.OverviewDirective,
    "pc-results": parts.ResultsDirective,
    "pc-legend": parts.LegendDirective,
    "pc-tally": parts.TallyDirective,
    "pc-chart": parts.ChartDirective,
    "pc-opinions": parts.OpinionsDirective,
    "pc-amendments": parts.AmendmentsDirective,
    "pc-schedule": parts.ScheduleDirective,
    "pc-downloads": parts.DownloadsDirective,
    "pc-index": parts.IndexDirective,
    "pc-amendment": plan.AmendmentDirective,
    "pc-draft": plan.DraftDirective,
    "pc-final": plan.FinalDirective,
    "pc-editions": plan.EditionsDirective,
}
ROLES = {"pc-count": parts.CountRole, "u": parts.ChangedRole}


def setup_extension(app: Sphinx) -> None:
    # Settings, checked once per build.
    config.register_config(app)
    app.connect("config-inited", defaults.apply_defaults, priority=APPLY_DEFAULTS)
    app.connect("config-inited", config.validate_config, priority=VALIDATE_CONFIG)
    app.connect("config-inited", plan_pages.read_plan_pages)

    # Nodes: placeholders are never written; deferred rows are written by the
    # writer itself (HTML) or expanded where a builder meets them.
    skip = (nodes.skip, None)
    for placeholder in (nodes.pubcomment_placeholder, nodes.pubcomment_inline_placeholder):
        app.add_node(placeholder, html=skip, latex=skip, text=skip, man=skip, texinfo=skip)
    rows = (deferred_rows.visit_deferred_rows, None)
    app.add_node(nodes.pubcomment_deferred_rows, html=rows, latex=rows, text=rows, man=rows, texinfo=rows)
    app.add_node(
        nodes.pubcomment_plan_page,
        html=(nodes.visit_as_html_text, None),
        latex=(plan_pages.visit_plan_page, None),
        text=(nodes.visit_as_text, None),
        man=(nodes.visit_as_text, None),
        texinfo=skip,
    )
    # HTML writers (ePub's too): accessible tables and changed text.
    for node_class, visit, depart in a11y.OVERRIDES:
        app.add_node(node_class, override=True, html=a11y.handlers(node_class, visit, depart))
    app.add_node(a11y.table_region, html=(a11y.visit_table_region, a11y.depart_table_region))

    # Data across documents, and the markup writers use.
    app.add_domain(domain.PubcommentDomain)
    for name, directive in DIRECTIVES.items():
        app.add_directive(name, directive)
    for name, role in ROLES.items():
        app.add_role(name, role())
    app.add_transform(KobunNumbering)
    app.add_transform(fences.RemoveRefusedMarkup)

    # Reading: which documents to read again, and what to keep of their data.
    app.connect("builder-inited", parallel_rows.note_processes)
    app.connect("builder-inited", html_assets.add_stylesheet)
    app.connect("builder-inited", latex_assets.add_style_file)
    app.connect("builder-inited", passes.note_builder)
    app.connect("env-get-outdated", domain.outdated)
    app.connect("env-get-outdated", incremental.note_changes)
    app.connect("env-before-read-docs", domain.keep_data_while_reading)
    app.connect("doctree-read", plan.locate_amendments)
    app.connect("env-updated", domain.drop_data_when_saving)
    app.connect("env-updated", epub_package.exclude_other_docs)
    app.connect("env-updated", incremental.pages_to_write)
    app.connect("env-check-consistency", checks.check_consistency)  # citations, coverage, the law (checks/)
    app.connect("write-started", memory.freeze_what_lives)  # what was read lives on: out of the collector's way

    # Resolving, HTML and ePub: placeholders become tables after every
    # post-transform (the theme's table wrapper never sees them), then each
    # output adjusts them.
    app.connect("doctree-resolved", resolve.resolve_placeholders)
    app.connect("doctree-resolved", backlinks.add_backlinks)
    app.connect("doctree-resolved", deferred_rows.add_search_words, priority=SEARCH_WORDS)
    app.connect("doctree-resolved", epub_package.unlink_other_docs, priority=EPUB_UNLINK)
    app.add_post_transform(a11y.TableRegions)
    app.add_post_transform(epub_widgets.PlainWidgets)
    # Resolving, print: one tree per PDF, rewritten by these passes in this order.
    app.add_post_transform(links.TitlesOfOtherDocuments)  # {doc} to another PDF: its title
    app.add_post_transform(passes.ResolvePlaceholders)  # placeholders become tables
    app.add_post_transform(long_tables.SplitTallRows)  # rows taller than a page are split
    app.add_post_transform(long_tables.KeepHeadingsWithTables)  # a heading keeps its table's room
    app.add_post_transform(links.AddressesInTables)  # links in tables show their address
    app.add_post_transform(glyphs.PrintScripts)  # a print font for each character, or 〓
    app.add_post_transform(underline.UnderlineChangedText)  # changed text underlined
    app.add_post_transform(breaks.BreakLongRuns)  # long Latin runs may break

    # Writing.
    app.connect("html-page-context", epub_package.page_language)
    app.connect("html-page-context", sources.withhold_source)  # no _sources/ copy of withheld text
    app.connect("html-page-context", memory.page_written)  # a full collection every so many pages
    app.connect("build-finished", redactions.write_log)  # the redaction log, outside the site
    app.add_search_language(search.SearchJapaneseWithQuerySplitter)
    app.add_builder(epub_builder.PubcommentEpub3Builder, override=True)
    app.connect("build-finished", opendata.write_open_data)
    app.connect("build-finished", feed.write_feed)
    app.connect("build-finished", tex_memory.give_tex_memory)  # latexmkrc: more memory for TeX
    app.connect("build-finished", memory.thaw, priority=THAW)
