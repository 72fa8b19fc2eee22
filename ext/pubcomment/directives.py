"""The directives and roles writers use in MyST documents.

``pc-consultation`` declares the data (embedded YAML or a file); every
other directive only records what to render, as a placeholder that
:mod:`.resolve` fills in from the domain.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective, SphinxRole

from . import cells
from .core import loader
from .core.problems import Subtype
from .core.ranges import Range, format_ranges, parse_ranges
from .domain import PLAN, DeclaredConsultation, OpinionTable, get_domain
from .nodes import pubcomment_inline_placeholder, pubcomment_placeholder
from .warnings_ import warn, warn_problem

CURRENT_KEY = "pubcomment:current"


class ConsultationDirective(SphinxDirective):
    """Declare a consultation: ``:file:`` names a YAML/JSON file, or the body holds YAML."""

    has_content = True
    option_spec: ClassVar = {"file": directives.unchanged_required, "name": directives.unchanged_required}

    def run(self) -> list[nodes.Node]:
        key = self.options.get("name", self.env.docname)
        location = self.get_location()
        if "file" in self.options and self.content:
            warn(Subtype.DIRECTIVE, "pc-consultation takes :file: or YAML in its body, not both; the body is ignored", location)
        if "file" in self.options:
            loaded = self._load_file(self.options["file"])
        elif self.content:
            base_dir = Path(self.env.doc2path(self.env.docname)).parent
            loaded = loader.load_text("\n".join(self.content), base_dir=base_dir)
        else:
            warn(Subtype.DIRECTIVE, "pc-consultation needs a :file: option or YAML data in its body "
                 "(MyST reads a body that starts with '---' or ':key:' lines as options)", location)
            return []
        if loaded is None:
            return []
        # Body line i (1-based) is file line lineno + content_offset + i in MyST,
        # where content_offset counts the option lines before the body.
        for problem in loaded.problems:
            warn_problem(problem, fallback=self.env.docname, line_offset=self.lineno + self.content_offset)
        for path in loaded.files:
            self.env.note_dependency(path)
        offset = 0 if "file" in self.options else self.lineno + self.content_offset
        source = loaded.files[0] if "file" in self.options and loaded.files else None
        declared = DeclaredConsultation(self.env.docname, self.lineno, offset, loaded.consultation, source)
        if not get_domain(self.env).add_consultation(key, declared):
            warn(Subtype.REFERENCE, f"a consultation named {key!r} is already declared in another document", location)
        self.env.current_document[CURRENT_KEY] = key
        return []

    def _load_file(self, name: str) -> loader.Loaded | None:
        _relative, absolute = self.env.relfn2path(name)
        self.env.note_dependency(absolute)
        try:
            return loader.load_file(absolute)
        except FileNotFoundError as error:
            warn(Subtype.FILE, str(error), self.get_location())
            return None


def current_key(directive: SphinxDirective | SphinxRole, explicit: str | None) -> str:
    if explicit:
        return explicit
    stored = directive.env.current_document.get(CURRENT_KEY)
    return stored or directive.env.docname


class RenderDirective(SphinxDirective):
    """Base of the directives that show one part of a consultation."""

    kind: ClassVar[str] = ""
    # Recorded so that links (category letters, traceability) find this place.
    anchor: ClassVar[str | None] = None
    # Pseudo keys (see domain.py) of other data the rendering depends on.
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

    def extra_attributes(self) -> dict[str, str]:
        return {}

    def anchor_name(self) -> str | None:
        return self.anchor


class OverviewDirective(RenderDirective):
    """意見募集の概要: period in 和暦, submission methods, publicity."""

    kind = "overview"


class ResultsDirective(RenderDirective):
    """結果の概要: 意見提出数 (通) and 意見数 (件)."""

    kind = "results"


class LegendDirective(RenderDirective):
    """対応区分: the category scheme."""

    kind = "legend"
    anchor = "legend"


class TallyDirective(RenderDirective):
    """意見の件数と対応区分: counts by topic and category."""

    kind = "tally"


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
        key = current_key(self, self.options.get("consultation"))
        get_domain(self.env).tables.append(OpinionTable(self.env.docname, self.lineno, key, self.options.get("topic", ""), self.ranges, valid))
        return super().run() if valid else []

    def extra_attributes(self) -> dict[str, str]:
        return {"topic": self.options.get("topic", ""), "numbers": format_ranges(self.ranges)}

    def anchor_name(self) -> str | None:
        """Pages showing one topic each are found by topic (see ``opinion_page``)."""
        topic = self.options.get("topic")
        return f"{self.anchor}:{topic}" if topic else self.anchor


class AmendmentsDirective(RenderDirective):
    """改定案からの変更点, from the data's ``amendments`` or the plan's markup."""

    kind = "amendments"
    anchor = "amendments"
    depends_on = (PLAN,)


class ScheduleDirective(RenderDirective):
    """今後の予定."""

    kind = "schedule"


class CountRole(SphinxRole):
    """``{pc-count}`opinions``` → 10件, ``{pc-count}`submissions``` → 4通."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        what, _, key = self.text.partition("@")
        if what not in ("opinions", "submissions"):
            warn(Subtype.DIRECTIVE, f"pc-count takes 'opinions' or 'submissions', not {what!r}", self.get_location())
            return [nodes.Text(self.text)], []
        node = pubcomment_inline_placeholder(kind="count", key=current_key(self, key or None), what=what)
        self.set_source_info(node)
        get_domain(self.env).note_use(self.env.docname, node["key"])
        return [node], []


class ChangedRole(SphinxRole):
    """``{u}`…``` marks changed text (傍線), as in the data's markdown."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        return [cells.changed(self.text)], []


def setup_directives(app: Sphinx) -> None:
    app.add_directive("pc-consultation", ConsultationDirective)
    for name, directive in {
        "pc-overview": OverviewDirective,
        "pc-results": ResultsDirective,
        "pc-legend": LegendDirective,
        "pc-tally": TallyDirective,
        "pc-opinions": OpinionsDirective,
        "pc-amendments": AmendmentsDirective,
        "pc-schedule": ScheduleDirective,
    }.items():
        app.add_directive(name, directive)
    app.add_role("pc-count", CountRole())
    app.add_role("u", ChangedRole())
