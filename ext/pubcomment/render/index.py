"""The list of the site's consultations (``pc-index``).

One table per 年度 (newest first) with each consultation's title (linked
to its results), period, status on the build's day, counts and plan; then
the consultations by status.  The choices at the top are links to those
parts, so a reader filters by year or status without JavaScript.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from docutils import nodes
from sphinx.builders import Builder
from sphinx.util.nodes import make_refnode
from sphinx.util.osutil import relative_uri

from ..config import PubcommentConfig
from ..core import wareki
from ..core.model import Consultation
from ..core.numbers import format_count
from ..core.status import STATUSES, Status, fiscal_year, status_of
from .downloads import HTML_BUILDERS
from .tables import build_table

# The Atom feed of published results, at the root of the HTML output (html/feed.py).
FEED_FILE = "results.atom"


@dataclass(frozen=True)
class IndexEntry:
    key: str
    docname: str  # where the consultation is declared: its results
    plan_doc: str  # the plan's document, or ""
    consultation: Consultation

    @property
    def year(self) -> int | None:
        return fiscal_year(self.consultation.start) if self.consultation.start else None


def entry_order(entry: IndexEntry) -> tuple[object, ...]:
    """Newest period first; the same for every build (then by key)."""
    start = entry.consultation.start or dt.date.min
    return (-start.toordinal(), entry.key)


def counts_text(config: PubcommentConfig, consultation: Consultation) -> str:
    """4通10件, in the consultation's own units and digits."""

    def label(name: str) -> str:
        return config.label(name, consultation.labels, self=consultation.self_reference)

    digits = consultation.style.get("digits", "ascii")
    submissions = consultation.submission_count
    text = "" if submissions is None else format_count(submissions, digits=digits, unit=label("submissions_unit"))
    return text + format_count(consultation.opinion_count, digits=digits, unit=label("opinions_unit"))


def period_text(consultation: Consultation) -> str:
    c = consultation
    if not (c.start and c.end):
        return ""
    style = wareki.PeriodStyle.from_mapping({k: v for k, v in c.style.items() if k != "digits"})
    return wareki.format_period(c.start, c.end, style)


def year_text(config: PubcommentConfig, year: int | None) -> str:
    return config.label("index_fiscal_year", year=wareki.fiscal_era_year(year)) if year else "—"


def _id(*parts: str) -> str:
    return nodes.make_id("-".join(("pc-index", *parts)))


def render_index(builder: Builder, config: PubcommentConfig, docname: str, entries: list[IndexEntry], today: dt.date) -> list[nodes.Node]:
    entries = sorted(entries, key=entry_order)
    if not entries:
        text = config.label("index_none")
        return [nodes.paragraph(text, text)]

    def link(target: str, text: str) -> nodes.Node:
        return make_refnode(builder, docname, target, "", nodes.Text(text))

    def anchor(target_id: str, text: str) -> nodes.Node:
        return nodes.reference(text, text, refid=target_id, internal=True)

    status = {entry.key: status_of(entry.consultation, today) for entry in entries}
    years = list(dict.fromkeys(entry.year for entry in entries))
    present = [s for s in STATUSES if s in status.values()]
    result: list[nodes.Node] = []
    choices = nodes.container(classes=["pc-index-choices"])
    for caption, targets in (
        (config.label("index_by_year"), [(_id("year", str(y or "none")), year_text(config, y)) for y in years]),
        (config.label("index_by_status"), [(_id("status", s.value), config.label(s.label)) for s in present]),
    ):
        paragraph = nodes.paragraph("", caption)
        for index, (target_id, text) in enumerate(targets):
            if index:
                paragraph += nodes.Text("　")
            paragraph += anchor(target_id, text)
        choices += paragraph
    result.append(choices)

    header = [
        config.label("index_title"),
        config.label("period"),
        config.label("index_status"),
        config.label("index_counts"),
        config.label("index_plan_link"),
    ]
    for year in years:
        rows = []
        for entry in (e for e in entries if e.year == year):
            c = entry.consultation
            plan: list[nodes.Node] | str = [link(entry.plan_doc, c.plan or entry.plan_doc)] if entry.plan_doc else (c.plan or "—")
            rows.append(
                [[link(entry.docname, c.title)], period_text(c), config.label(status[entry.key].label), counts_text(config, c), plan]
            )
        result.append(
            build_table(_id("year", str(year or "none")), year_text(config, year), header, rows, [36, 24, 12, 12, 16], classes=["pc-index"])
        )

    for state in present:
        caption = config.label("index_status_caption", status=config.label(state.label))
        items = nodes.bullet_list(classes=["pc-index-status-list"])
        for entry in (e for e in entries if status[e.key] is state):
            items += nodes.list_item("", nodes.paragraph("", "", link(entry.docname, entry.consultation.title)))
        result.append(nodes.rubric(caption, caption, ids=[_id("status", state.value)], classes=["pc-index-status"]))
        result.append(items)

    if builder.name in HTML_BUILDERS and any(s is Status.PUBLISHED for s in status.values()):
        text = config.label("index_feed")
        uri = relative_uri(builder.get_target_uri(docname), FEED_FILE)
        result.append(nodes.paragraph("", "", nodes.reference(text, text, refuri=uri, internal=False), classes=["pc-index-feed"]))
    return [nodes.container("", *result, classes=["pc-index-list"])]
