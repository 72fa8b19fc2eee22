"""Results that lack what 行政手続法43条1項 (or a local rule) requires are reported (``pubcomment.law``).

Once every document is read (``env-check-consistency``), each consultation
is checked against the rules of ``pubcomment_law_rules`` (core/law.py: the
listed rules, the set of a kind of body, or, when the site says nothing, the
rules of the first release: none):
what its data holds (kept in the environment, so no data is read again)
and what the documents that render it show (the domain's record of where
each part is shown).  The warning is at the consultation's
``pc-consultation``.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..config import get_config
from ..core.law import Shown, check_law, rules_for
from ..core.problems import Subtype
from ..env.domain import DeclaredConsultation, PubcommentDomain, get_domain
from ..warnings_ import warn


def shown(domain: PubcommentDomain, key: str, declared: DeclaredConsultation) -> Shown:
    """What the documents show of the consultation ``key``."""
    return Shown(
        overview=(key, "overview") in domain.anchors,
        results=(key, "results") in domain.anchors,
        opinion_tables=any(t.valid for t in domain.opinion_tables(key)),
        amendments=(key, "amendments") in domain.anchors,
        plan_amendments=len(domain.amendments),
    )


def check_completeness(app: Sphinx, env: BuildEnvironment) -> None:
    setting = get_config(app.config).law_rules
    domain = get_domain(env)
    for key, declared in sorted(domain.consultations.items()):
        rules, source = rules_for(setting, declared.law.kind)
        if not rules:
            continue
        for rule, message in check_law(declared.law, shown(domain, key, declared), rules):
            warn(Subtype.LAW, f"{message} ({source}; rule {rule!r} of pubcomment_law_rules)", (declared.docname, declared.lineno))
