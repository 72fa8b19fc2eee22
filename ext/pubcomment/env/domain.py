"""Where data written in one document is kept for use in another.

The domain holds every consultation declared with ``pc-consultation``,
which documents render it (so they are re-read when it changes), and
where its legend and opinion tables are (so category letters and
traceability links can point there).  It follows the domain protocol
(``clear_doc``/``merge_domaindata``) so ``-j`` and incremental builds
see the same data as a clean serial build.
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from dataclasses import dataclass
from typing import Any, ClassVar

from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment

from ..config import get_config
from ..core import loader, opinion_fields
from ..core.digest import data_digests
from ..core.law import law_facts
from ..core.model import OUT_OF_SCOPE, Consultation
from ..core.ranges import EVERY_NUMBER, Range, RangeIndex, contains
from ..core.textfiles import DataFileError
from ..render.context import Place, PlanAmendment, RenderContext, documents_under
from ..warnings_ import warn


@dataclass(frozen=True)
class Citation:
    """The plan sections and amendments one opinion cites, and where it is."""

    number: int
    topic: str
    sections: tuple[str, ...]
    amendments: tuple[str, ...]
    location: tuple[str | None, int | None]  # (data file or None for the document, line)


class DeclaredConsultation:
    """A consultation as declared by ``pc-consultation``, and what builds need of it.

    Sphinx pickles the environment after every build that read a document
    and unpickles it at the start of the next.  A consultation read from a
    data file is not pickled with it: at 10,000 opinions it made the
    environment 22 MB, half a second to load and again to save, on every
    build, even one that changed nothing.  What every build needs is kept
    instead (the digests of its parts, the citations of the plan); the data
    itself is read again from its file when a page that shows it is written.
    The file is the one the document was read with: when it changes, Sphinx
    reads the document again.  Embedded data (in the document) is kept, and
    so is all data while documents are read (see ``_pickle_keeps_data``).
    """

    def __init__(
        self,
        docname: str,
        lineno: int,
        line_offset: int,
        consultation: Consultation,
        source: str | None = None,
        *,
        usable: bool = True,
        labels: dict[str, str] | None = None,
        root: str | None = None,
    ):
        self.docname = docname
        # The source directory the data file, and every file it names, must be inside when read again.
        self.root = root
        # The site's labels the data was read with (the mark of withheld text), to read it again alike.
        self.labels = labels or {}
        # What was withheld from its texts (no text: see core/redaction.py), for the redaction log.
        self.redactions = tuple(consultation.redactions)
        self.lineno = lineno
        # False for data that could not be read at all, or was refused: the
        # parts that show it are left out in silence (its problems were reported).
        self.usable = usable
        # Added to a problem's line in embedded data to give the document line.
        self.line_offset = line_offset
        # The data file the consultation is read from again, or None for embedded data.
        self.source = source
        # Embedded data holding values no output may show (a submission's id the data does
        # not publish, core/opinion_fields.py): its document's source is not copied either.
        self.holds_unpublished = source is None and any(opinion_fields.unpublished(o, consultation.publish) for o in consultation.opinions)
        # Digests by part and by opinion (see core/digest.py).
        self.digests, self.opinion_index = data_digests(consultation)
        self.citations = tuple(
            Citation(o.number, o.group, tuple(o.sections), tuple(o.amendments), (o.origin, o.line))
            for o in consultation.opinions
            if o.sections or o.amendments
        )
        # The ids of the data's amendments when the comparison comes from the
        # data (the opinions cite those, checked with the data), else None:
        # the opinions cite the plan's.
        self.data_amendments: tuple[str, ...] | None = (
            tuple(a.id for a in consultation.amendments) if consultation.amendments or consultation.no_amendments else None
        )
        # What 行政手続法43条1項 asks of the data (see checks/completeness.py).
        self.law = law_facts(consultation)
        # The document of the plan consulted on (pc-consultation :plan:), or "".
        self.plan_doc = ""
        self._consultation: Consultation | None = consultation

    @property
    def consultation(self) -> Consultation:
        if self._consultation is None:
            self._consultation = self._read_again()
        return self._consultation

    def _read_again(self) -> Consultation:
        assert self.source is not None  # only data from a file is ever dropped
        try:
            # Problems were reported when the document was read; the files
            # must still be inside the source directory (a file may have
            # become a link to one outside since).
            return loader.load_file(self.source, root=getattr(self, "root", None), labels=self.labels).consultation
        except DataFileError as error:
            warn(error.problem.subtype, error.problem.message, (self.docname, self.lineno))
            return loader.empty_consultation()

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        if self.source is not None and not _pickle_keeps_data["now"]:
            state["_consultation"] = None
        return state


# Whether a pickled DeclaredConsultation keeps its data.  Yes while documents
# are read: under -j a worker process pickles what it read for the main
# process, which so need not parse the file again (each data file is parsed
# once per build).  No once reading is over (``env-updated``), when Sphinx
# saves the environment to disk.
_pickle_keeps_data = {"now": True}


def keep_data_while_reading(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: data is kept; what was computed from the toctree is not."""
    _pickle_keeps_data["now"] = True
    get_domain(env).forget_cached()


def drop_data_when_saving(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: Sphinx saves the environment next."""
    _pickle_keeps_data["now"] = False


@dataclass(frozen=True)
class OpinionTable:
    """Where a ``pc-opinions`` directive shows opinions of a consultation."""

    docname: str
    lineno: int
    key: str
    topic: str  # "" for every topic
    numbers: tuple[Range, ...]  # () for every number
    # False when ``:numbers:`` could not be read (the table shows nothing).
    valid: bool = True
    # ``:scope: in``: every topic's opinions but not those out of scope.
    in_scope_only: bool = False

    def shows(self, group: str, number: int | None) -> bool:
        """Whether the table shows opinion ``number`` of ``group`` (its topic, or OUT_OF_SCOPE);
        with ``number`` None, whether it shows any opinion of ``group`` its ranges hold."""
        if not self.valid or (self.topic and self.topic != group) or (self.in_scope_only and group == OUT_OF_SCOPE):
            return False
        return not self.numbers or number is None or contains(self.numbers, number)


# Pseudo keys for ``uses``: documents that show every consultation's
# opinions (plan sections with back links) or the plan's amendments.
ANY_CONSULTATION = "@consultations"
PLAN = "@plan"
# Documents that list every consultation (pc-index): the feed is written when one does.
INDEX = "@index"


class PubcommentDomain(Domain):
    name = "pubcomment"
    label = "Public comment"
    # 10: LawFacts.kind (core/law.py);
    # 9: the classes below are pickled from pubcomment.env.domain (before: pubcomment.domain);
    # 8: DeclaredConsultation.plan_doc; 7: OpinionTable.in_scope_only, DeclaredConsultation.data_amendments and .law
    data_version = 10
    initial_data: ClassVar[dict[str, Any]] = {  # type: ignore[misc]
        "consultations": {},  # key -> DeclaredConsultation
        "amendments": {},  # id -> PlanAmendment
        "sections": {},  # (docname, section id) -> 公用文 number such as 4(3)①エ
        "anchors": {},  # (key, what) -> docname: where the legend / opinions are shown
        "uses": {},  # docname -> set of keys the document renders
        "tables": [],  # OpinionTable, for every pc-opinions
    }

    @property
    def consultations(self) -> dict[str, DeclaredConsultation]:
        return self.data["consultations"]

    @property
    def amendments(self) -> dict[str, PlanAmendment]:
        return self.data["amendments"]

    @property
    def sections(self) -> dict[tuple[str, str], str]:
        return self.data["sections"]

    @property
    def anchors(self) -> dict[tuple[str, str], str]:
        return self.data["anchors"]

    @property
    def uses(self) -> dict[str, set[str]]:
        return self.data["uses"]

    @property
    def tables(self) -> list[OpinionTable]:
        return self.data["tables"]

    def opinion_tables(self, key: str) -> list[OpinionTable]:
        """The opinion tables of a consultation, in document order (the same under ``-j``)."""
        return sorted((t for t in self.tables if t.key == key), key=lambda t: (t.docname, t.lineno))

    def add_consultation(self, key: str, declared: DeclaredConsultation) -> bool:
        """Record a consultation; False if the key is taken by another document."""
        existing = self.consultations.get(key)
        if existing is not None and existing.docname != declared.docname:
            return False
        self.consultations[key] = declared
        return True

    def add_amendment(self, amendment: PlanAmendment) -> PlanAmendment | None:
        """Record an amendment; returns the earlier one if the id is taken."""
        existing = self.amendments.get(amendment.id)
        if existing is not None:
            return existing
        self.forget_cached()
        self.amendments[amendment.id] = amendment
        return None

    def add_table(self, table: OpinionTable) -> None:
        self.forget_cached()
        self.tables.append(table)

    def note_use(self, docname: str, key: str, anchor: str | None = None) -> None:
        self.uses.setdefault(docname, set()).add(key)
        if anchor is not None:
            self.anchors.setdefault((key, anchor), docname)

    def tables_showing(self, key: str, group: str) -> tuple[list[OpinionTable], RangeIndex]:
        """The opinion tables of ``key`` that show opinions of ``group`` (a topic, or
        OUT_OF_SCOPE), in document order, and the index of their ranges: the tables
        that show one number are found by bisection, so asking for every opinion
        grows with the opinions, not with opinions × pages.  Kept for the build."""
        found: dict[tuple[str, str], tuple[list[OpinionTable], RangeIndex]] = self.__dict__.setdefault("_tables_showing", {})
        if (key, group) not in found:
            tables = [t for t in self.opinion_tables(key) if t.shows(group, None)]
            found[(key, group)] = (tables, RangeIndex([t.numbers or EVERY_NUMBER for t in tables]))
        return found[(key, group)]

    def opinion_page(self, key: str, topic: str, number: int) -> str | None:
        """The document whose opinion table shows opinion ``number`` of ``topic``:
        a table of its topic before a table of every topic."""
        tables, index = self.tables_showing(key, topic)
        holding = index.holding(number)
        if not holding:
            return None
        return tables[min(holding, key=lambda order: (not tables[order].topic, order))].docname

    # What renderers ask for every opinion row is computed once per build:
    # a walk of the toctree for each of 100,000 rows made the build grow
    # with opinions × pages (bench/README.md).  Forgotten whenever a
    # document is read again or removed, or an amendment recorded.

    def documents_under(self, root: str) -> list[str]:
        """:func:`render.context.documents_under`, kept for the build."""
        cache: dict[str, list[str]] = self.__dict__.setdefault("_documents_under", {})
        if root not in cache:
            cache[root] = documents_under(self.env, root)
        return cache[root]

    def holds(self, root: str, docname: str) -> bool:
        """Whether ``docname`` is ``root`` or under its toctrees (one PDF's documents)."""
        sets: dict[str, frozenset[str]] = self.__dict__.setdefault("_documents_sets", {})
        if root not in sets:
            sets[root] = frozenset(self.documents_under(root))
        return docname in sets[root]

    def amendments_in_reading_order(self) -> list[PlanAmendment]:
        """The plan's amendments in the order a reader meets them, kept for the build."""
        ordered: list[PlanAmendment] | None = self.__dict__.get("_ordered_amendments")
        if ordered is None:
            order = {docname: index for index, docname in enumerate(self.documents_under(self.env.config.root_doc))}
            ordered = sorted(self.amendments.values(), key=lambda a: (order.get(a.docname, len(order)), a.docname, a.lineno))
            self.__dict__["_ordered_amendments"] = ordered
        return ordered

    def forget_cached(self) -> None:
        for cached in ("_documents_under", "_documents_sets", "_ordered_amendments", "_tables_showing"):
            self.__dict__.pop(cached, None)

    def place_of(self, label: str) -> Place | None:
        """The section a label (``(name)=`` before a heading) names, with its 公用文 number."""
        entry = self.env.domains.standard_domain.labels.get(label)
        if entry is None:
            return None
        docname, anchor, title = entry
        return Place(docname, anchor, self.sections.get((docname, anchor), ""), title)

    def is_usable(self, key: str) -> bool:
        entry = self.consultations.get(key)
        return entry is not None and getattr(entry, "usable", True)

    def get_consultation(self, key: str) -> Consultation | None:
        entry = self.consultations.get(key)
        return entry.consultation if entry else None

    def clear_doc(self, docname: str) -> None:
        self.forget_cached()
        for key, entry in list(self.consultations.items()):
            if entry.docname == docname:
                del self.consultations[key]
        for key, amendment in list(self.amendments.items()):
            if amendment.docname == docname:
                del self.amendments[key]
        for section in [s for s in self.sections if s[0] == docname]:
            del self.sections[section]
        for anchor, owner in list(self.anchors.items()):
            if owner == docname:
                del self.anchors[anchor]
        self.uses.pop(docname, None)
        self.data["tables"] = [t for t in self.tables if t.docname != docname]

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        self.forget_cached()
        for key, entry in otherdata["consultations"].items():
            if entry.docname in docnames:
                self.consultations[key] = entry
        for key, amendment in otherdata["amendments"].items():
            if amendment.docname in docnames:
                self.amendments.setdefault(key, amendment)
        for section, number in otherdata["sections"].items():
            if section[0] in docnames:
                self.sections[section] = number
        for anchor, owner in otherdata["anchors"].items():
            if owner in docnames:
                self.anchors.setdefault(anchor, owner)
        for docname, keys in otherdata["uses"].items():
            if docname in docnames:
                self.uses[docname] = set(keys)
        self.tables.extend(t for t in otherdata["tables"] if t.docname in docnames)

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list[Any]:
        """No roles of ours resolve ``{any}`` references (the base class would raise)."""
        return []

    def dependents(self, changed: Iterable[str]) -> set[str]:
        """Documents to read again because data declared in any of ``changed`` changed.

        Pages that render a consultation are not among them: they hold
        placeholders only, and are written again when their share of the
        data changes (incremental.py).
        """
        changed = set(changed)
        keys: set[str] = set()
        if any(entry.docname in changed for entry in self.consultations.values()):
            keys.add(ANY_CONSULTATION)
        if any(a.docname in changed for a in self.amendments.values()) or any(s[0] in changed for s in self.sections):
            keys.add(PLAN)
        return {doc for doc, used in self.uses.items() if used & keys and doc not in changed}


def get_domain(env: BuildEnvironment) -> PubcommentDomain:
    return env.domains["pubcomment"]  # type: ignore[return-value]


def render_context(builder: Builder, docname: str, key: str, consultation: Consultation) -> RenderContext:
    """What a renderer is given to show ``key`` in ``docname``: made here alone, so the rows
    the HTML writer builds later (html/deferred_rows.py) see what the resolved page saw."""
    return RenderContext(builder, docname, key, consultation, get_config(builder.config), get_domain(builder.env))


def outdated(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    """``env-get-outdated``: the documents to read again because data they render changed."""
    return sorted(get_domain(env).dependents(added | changed | removed))
