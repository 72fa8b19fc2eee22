"""Opinions citing the plan: what each cites must exist, and who cites each place.

An opinion may cite plan sections (by label) and amendments (by id): the
plan's, or the data's when the comparison comes from the data (those are
checked with the data, core/schema.py, so ``pubcomment check`` finds them
too).  The
opinion table shows the citations as links (render/citations.py); in HTML
each cited plan section links back to the opinions (html/backlinks.py),
from the map :func:`opinions_citing` makes.  Unknown citations are
reported once, after all documents are read (``env-check-consistency``).
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..core.problems import Subtype
from ..env.domain import PubcommentDomain, get_domain
from ..warnings_ import warn

# A citing opinion: (consultation key, opinion number, its topic).
CitingOpinion = tuple[str, int, str]


def opinions_citing(domain: PubcommentDomain) -> dict[tuple[str, str], list[CitingOpinion]]:
    """(docname, section id) → the opinions that cite that section or an amendment in it."""
    cited: dict[tuple[str, str], list[CitingOpinion]] = {}
    for key, declared in domain.consultations.items():
        for citation in declared.citations:
            for name in citation.sections:
                place = domain.place_of(name)
                if place is not None:
                    cited.setdefault((place.docname, place.anchor), []).append((key, citation.number, citation.topic))
            for amendment_id in () if declared.data_amendments is not None else citation.amendments:
                amendment = domain.amendments.get(amendment_id)
                if amendment is not None and amendment.section_id:
                    cited.setdefault((amendment.docname, amendment.section_id), []).append((key, citation.number, citation.topic))
    return cited


def check_references(app: Sphinx, env: BuildEnvironment) -> None:
    """Every cited section and amendment must exist."""
    domain = get_domain(env)
    for declared in domain.consultations.values():
        for citation in declared.citations:
            origin, line = citation.location
            location: object = f"{origin}:{line}" if origin else (declared.docname, (line or 0) + declared.line_offset)
            for name in citation.sections:
                if domain.place_of(name) is None:
                    warn(
                        Subtype.REFERENCE,
                        f"opinion {citation.number} cites an unknown plan section {name!r} "
                        "(use a label such as (name)= before the heading)",
                        location,
                    )
            for amendment_id in () if declared.data_amendments is not None else citation.amendments:
                if amendment_id not in domain.amendments:
                    warn(Subtype.REFERENCE, f"opinion {citation.number} cites an unknown amendment {amendment_id!r}", location)
