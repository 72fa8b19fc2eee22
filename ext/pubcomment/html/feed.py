"""The Atom feed of published results, written to the root of the HTML output.

On ``build-finished`` (HTML builders only), when a document holds
``pc-index``: one entry per consultation whose results are published on
the build's day (core/status.py), linked to its results page, absolute
when ``html_baseurl`` is set.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from sphinx.application import Sphinx

from ..config import get_config
from ..core.feed import FeedItem, atom_feed
from ..core.status import Status, status_of
from ..env.domain import INDEX, get_domain
from ..render.downloads import HTML_BUILDERS
from ..render.index import FEED_FILE, counts_text, period_text
from ..transforms.resolve import index_entries


def write_feed(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or app.builder.name not in HTML_BUILDERS:
        return
    domain = get_domain(app.env)
    if not any(INDEX in keys for keys in domain.uses.values()):
        return  # no pc-index: no list to announce from
    config = get_config(app.config)
    today = config.build_date
    base = app.config.html_baseurl or ""

    def href(docname: str) -> str:
        target = app.builder.get_target_uri(docname)
        return urljoin(base if base.endswith("/") else base + "/", target) if base else target

    items = []
    for entry in index_entries(domain):
        c = entry.consultation
        if status_of(c, today) is not Status.PUBLISHED:
            continue
        labels = c.labels
        summary = config.label("feed_summary", labels, period=period_text(c), counts=counts_text(config, c))
        items.append(FeedItem(entry.key, c.title, href(entry.docname), c.results_published or c.end or today, summary, c.body_name))
    index_doc = next(doc for doc, keys in sorted(domain.uses.items()) if INDEX in keys)
    title = config.label("feed_title", project=app.config.project)
    data = atom_feed(
        title=title,
        site=app.config.project,
        self_href=href(FEED_FILE) if base else FEED_FILE,
        site_href=href(index_doc),
        items=items,
        fallback_updated=today,
    )
    target = Path(app.outdir, FEED_FILE)
    if not target.exists() or target.read_bytes() != data:
        target.write_bytes(data)
