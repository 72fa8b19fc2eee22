"""Results that lack what 行政手続法43条1項 requires are reported (``pubcomment.law``).

Once every document is read (``env-check-consistency``), each consultation
is checked against the rules of ``pubcomment_law_rules`` (core/law.py):
what its data holds (kept in the environment, so no data is read again)
and what the documents that render it show (the domain's record of where
each part is shown).  The warning is at the consultation's
``pc-consultation``.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..config import get_config
from ..core.law import LAW, Shown, check_law
from ..core.problems import Subtype
from ..env.domain import DeclaredConsultation, PubcommentDomain, get_domain
from ..warnings_ import warn


def shown(domain: PubcommentDomain, key: str, declared: DeclaredConsultation) -> Shown:
    """What the documents show of the consultation ``key``."""
    tables = [t for t in domain.opinion_tables(key) if t.valid]
    unshown: tuple[int, ...] = ()
    # Tables split by :numbers: are checked opinion by opinion by coverage.py.
    if tables and not any(t.numbers for t in domain.opinion_tables(key)):
        by_topic: dict[str, bool] = {}
        for _number, topic, _digest in declared.opinion_index:
            if topic not in by_topic:
                by_topic[topic] = any(not t.topic or t.topic == topic for t in tables)
        unshown = tuple(number for number, topic, _digest in declared.opinion_index if not by_topic[topic])
    return Shown(
        overview=(key, "overview") in domain.anchors,
        results=(key, "results") in domain.anchors,
        opinion_tables=bool(tables),
        unshown=unshown,
        amendments=(key, "amendments") in domain.anchors,
        plan_amendments=len(domain.amendments),
    )


def check_completeness(app: Sphinx, env: BuildEnvironment) -> None:
    rules = get_config(app.config).law_rules
    if not rules:
        return
    domain = get_domain(env)
    for key, declared in sorted(domain.consultations.items()):
        for rule, message in check_law(declared.law, shown(domain, key, declared), rules):
            warn(Subtype.LAW, f"{message} ({LAW}; rule {rule!r} of pubcomment_law_rules)", (declared.docname, declared.lineno))
