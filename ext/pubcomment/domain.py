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
from typing import Any

from sphinx.application import Sphinx
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment

from .core.model import Consultation


class PubcommentDomain(Domain):
    name = "pubcomment"
    label = "Public comment"
    data_version = 1
    initial_data: dict[str, Any] = {
        "consultations": {},  # key -> (docname, lineno, Consultation)
        "anchors": {},  # (key, what) -> docname: where the legend / opinions are shown
        "uses": {},  # docname -> set of keys the document renders
    }

    @property
    def consultations(self) -> dict[str, tuple[str, int, Consultation]]:
        return self.data["consultations"]

    @property
    def anchors(self) -> dict[tuple[str, str], str]:
        return self.data["anchors"]

    @property
    def uses(self) -> dict[str, set[str]]:
        return self.data["uses"]

    def add_consultation(self, key: str, docname: str, lineno: int, consultation: Consultation) -> bool:
        """Record a consultation; False if the key is taken by another document."""
        existing = self.consultations.get(key)
        if existing is not None and existing[0] != docname:
            return False
        self.consultations[key] = (docname, lineno, consultation)
        return True

    def note_use(self, docname: str, key: str, anchor: str | None = None) -> None:
        self.uses.setdefault(docname, set()).add(key)
        if anchor is not None:
            self.anchors.setdefault((key, anchor), docname)

    def get_consultation(self, key: str) -> Consultation | None:
        entry = self.consultations.get(key)
        return entry[2] if entry else None

    def clear_doc(self, docname: str) -> None:
        for key, entry in list(self.consultations.items()):
            if entry[0] == docname:
                del self.consultations[key]
        for anchor, owner in list(self.anchors.items()):
            if owner == docname:
                del self.anchors[anchor]
        self.uses.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for key, entry in otherdata["consultations"].items():
            if entry[0] in docnames:
                self.consultations[key] = entry
        for anchor, owner in otherdata["anchors"].items():
            if owner in docnames:
                self.anchors.setdefault(anchor, owner)
        for docname, keys in otherdata["uses"].items():
            if docname in docnames:
                self.uses[docname] = set(keys)

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list[Any]:
        return []

    def dependents(self, changed: Iterable[str]) -> set[str]:
        """Documents that render data declared in any of ``changed``."""
        changed = set(changed)
        keys = {key for key, entry in self.consultations.items() if entry[0] in changed}
        return {doc for doc, used in self.uses.items() if used & keys and doc not in changed}


def get_domain(env: BuildEnvironment) -> PubcommentDomain:
    return env.domains["pubcomment"]  # type: ignore[return-value]


def _outdated(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    return sorted(get_domain(env).dependents(added | changed | removed))


def setup_domain(app: Sphinx) -> None:
    app.add_domain(PubcommentDomain)
    app.connect("env-get-outdated", _outdated)
