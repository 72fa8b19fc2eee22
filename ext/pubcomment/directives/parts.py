"""The directives and roles that show one part of a consultation.

Each only records what to render, as a placeholder that :mod:`..transforms.resolve`
fills in from the domain once every document is read.
"""

from __future__ import annotations

import difflib
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective, SphinxRole

from ..core.model import OUT_OF_SCOPE
from ..core.problems import Subtype
from ..core.ranges import Range, format_ranges, parse_ranges
from ..core.wareki import PeriodStyle
from ..env.domain import ANY_CONSULTATION, INDEX, PLAN, OpinionTable, get_domain
from ..nodes import pubcomment_inline_placeholder, pubcomment_placeholder
from ..render import safe_markdown
from ..render.summary import COUNTS, STYLE_ATTRIBUTE, countable
from ..warnings_ import warn
from .consultation import current_key


class RenderDirective(SphinxDirective):
    """Base of the directives that show one part of a consultation."""

    kind: ClassVar[str] = ""
    # Recorded so that links (category letters, traceability) find this place.
    anchor: ClassVar[str | None] = None
    # Pseudo keys (see env/domain.py) of other data the rendering depends on.
    depends_on: ClassVar[tuple[str, ...]] = ()
    option_spec: ClassVar = {"consultation": directives.unchanged_required}

    def run(self) -> list[nodes.Node]:
        key = current_key(self, self.options.get("consultation"))
        node = pubcomment_placeholder(kind=self.kind, key=key, **self.extra_attributes())
        self.set_source_info(node)
        domain = get_domain(self.env)
        domain.note_use(self.env.docname, key, self.anchor_name())
        for pseudo_key in self.depends_on:
            domain.note_use(self.env.docname, pseudo_key)
        return [node]

    def extra_attributes(self) -> dict[str, object]:
        return {}

    def anchor_name(self) -> str | None:
        return self.anchor


class DatedDirective(RenderDirective):
    """A part that writes dates: ``:weekday:`` (none, short （木）, medium （木曜）,
    long （木曜日）), ``:range:`` (kara 「…から…まで」, tilde 「…～…」) and
    ``:omit-repeated:`` (the end date without the era and year it shares
    with the start), over the consultation's ``style``."""

    option_spec: ClassVar = {
        **RenderDirective.option_spec,
        "weekday": directives.unchanged_required,
        "range": directives.unchanged_required,
        "omit-repeated": directives.flag,
    }

    def extra_attributes(self) -> dict[str, object]:
        options: dict[str, object] = {name: self.options[name] for name in ("weekday", "range") if name in self.options}
        if "omit-repeated" in self.options:
            options["omit_repeated"] = True
        try:
            PeriodStyle.from_mapping(options)
        except ValueError as error:
            warn(Subtype.DIRECTIVE, f"{self.name}: {error}; the consultation's style is used", self.get_location())
            return {}
        return {STYLE_ATTRIBUTE: options} if options else {}


class OverviewDirective(DatedDirective):
    """意見募集の概要: 公示日 and period in 和暦, submission methods, publicity."""

    kind = "overview"
    anchor = "overview"  # where the 公示日 is shown (checks/completeness.py)


class ResultsDirective(RenderDirective):
    """結果の概要: 意見提出数 (通) and 意見数 (件)."""

    kind = "results"
    anchor = "results"  # 意見数 0件 says that no opinion was submitted (checks/completeness.py)


class LegendDirective(RenderDirective):
    """対応区分: the category scheme."""

    kind = "legend"
    anchor = "legend"


class TallyDirective(RenderDirective):
    """意見の件数と対応区分: counts by topic and category."""

    kind = "tally"


class ChartDirective(RenderDirective):
    """A bar chart of the tally: ``:by: topic`` (stacked by category) or ``:by: category``."""

    kind = "chart"
    option_spec: ClassVar = {
        **RenderDirective.option_spec,
        "by": lambda value: directives.choice(value, ("topic", "category")),
    }

    def extra_attributes(self) -> dict[str, object]:
        return {"by": self.options.get("by", "topic")}


class OpinionsDirective(RenderDirective):
    """The opinion tables, one per topic group (or ``:topic:`` one); ``:numbers:``
    shows only the opinions whose numbers are in the ranges (a page of a split table)."""

    kind = "opinions"
    anchor = "opinions"
    depends_on = (PLAN,)  # related plan sections are shown with their numbers
    option_spec: ClassVar = {
        **RenderDirective.option_spec,
        "topic": directives.unchanged_required,
        "numbers": directives.unchanged_required,
        "scope": lambda value: directives.choice(value, ("in", "out")),
    }

    def run(self) -> list[nodes.Node]:
        self.ranges: tuple[Range, ...] = ()
        valid = True
        if "numbers" in self.options:
            try:
                self.ranges = parse_ranges(self.options["numbers"])
            except ValueError as error:
                warn(Subtype.DIRECTIVE, f"pc-opinions :numbers: {error}; the table is left out", self.get_location())
                valid = False
        scope = self.options.get("scope", "")
        if scope == "out" and "topic" in self.options:
            warn(
                Subtype.DIRECTIVE,
                "pc-opinions :scope: out shows the opinions out of scope, which have no topic: :topic: is ignored",
                self.get_location(),
            )
        # The opinions out of scope are a group of their own (OUT_OF_SCOPE).
        self.group = OUT_OF_SCOPE if scope == "out" else self.options.get("topic", "")
        self.in_scope_only = scope == "in"
        key = current_key(self, self.options.get("consultation"))
        table = OpinionTable(self.env.docname, self.lineno, key, self.group, self.ranges, valid, self.in_scope_only)
        get_domain(self.env).add_table(table)
        return super().run() if valid else []

    def extra_attributes(self) -> dict[str, object]:
        return {"topic": self.group, "numbers": format_ranges(self.ranges), "in_scope_only": self.in_scope_only}

    def anchor_name(self) -> str | None:
        """Pages showing one topic each are found by topic (see ``opinion_page``)."""
        return f"{self.anchor}:{self.group}" if self.group else self.anchor


class AmendmentsDirective(RenderDirective):
    """改定案からの変更点, from the data's ``amendments`` or the plan's markup."""

    kind = "amendments"
    anchor = "amendments"
    depends_on = (PLAN,)


class DownloadsDirective(RenderDirective):
    """The consultation's open data: CSV, JSON and datapackage.json (HTML only)."""

    kind = "downloads"


class ScheduleDirective(DatedDirective):
    """今後の予定."""

    kind = "schedule"


class IndexDirective(SphinxDirective):
    """The site's consultations: by 年度 and by status, with links to their results (render/index.py)."""

    def run(self) -> list[nodes.Node]:
        node = pubcomment_placeholder(kind="index", key="")
        self.set_source_info(node)
        # Read again when any consultation's declaration changes.
        get_domain(self.env).note_use(self.env.docname, ANY_CONSULTATION)
        get_domain(self.env).note_use(self.env.docname, INDEX)
        return [node]


class CountRole(SphinxRole):
    """``{pc-count}`opinions``` → 1,764件, ``{pc-count}`submissions``` → 4通, and the
    other counts of render/summary.py COUNTS (days, in_scope, out_of_scope, rows,
    grouped, method:電子メール); ``@key`` names another consultation."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        what, _, key = self.text.partition("@")
        if not countable(what):
            close = difflib.get_close_matches(what, list(COUNTS), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            warn(Subtype.DIRECTIVE, f"pc-count takes one of {', '.join(COUNTS)} or method:NAME, not {what!r}{hint}", self.get_location())
            return [nodes.Text(self.text)], []
        node = pubcomment_inline_placeholder(kind="count", key=current_key(self, key or None), what=what)
        self.set_source_info(node)
        domain = get_domain(self.env)
        domain.note_use(self.env.docname, node["key"])
        if what == "amendments":  # without amendments in the data, the plan's are counted
            domain.note_use(self.env.docname, PLAN)
        return [node], []


class ChangedRole(SphinxRole):
    """``{u}`…``` marks changed text (傍線), as in the data's markdown."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        return [safe_markdown.changed(self.text)], []
