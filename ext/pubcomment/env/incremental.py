"""Rewrite only the pages whose share of the data changed.

A page that renders a consultation holds placeholders only; its tables are
built from the data when the page is written (transforms/resolve.py).  So when
the data changes (its file, or the document that declares it, is edited)
such a page need not be read again, only written again, and only when
the part of the data it shows has changed.

After every document has been read, each page that renders a consultation
gets a fingerprint of what it shows: for an opinion table of one topic,
that topic's opinions (with the categories and topics); for anything else
(counts, tallies, the legend …) the whole consultation.  Pages whose
fingerprint differs from the last build's are handed to Sphinx to write
(``env-updated``).  Editing one opinion of a 10,000-opinion consultation
then rewrites the page of its topic and the pages with counts, instead of
every opinion page (bench/README.md).
"""

from __future__ import annotations

import bisect
import hashlib

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..core.digest import HEAD, WHOLE
from ..core.ranges import parse_ranges
from ..nodes import pubcomment_inline_placeholder, pubcomment_placeholder
from .domain import ANY_CONSULTATION, PubcommentDomain, get_domain

# Kept on the environment, which Sphinx pickles between builds.
ATTRIBUTE = "pubcomment_fingerprints"
# Whether this build reads or removes any document (else fingerprints stand).
CHANGES = "pubcomment_documents_changed"


def _is_placeholder(node: nodes.Node) -> bool:
    return isinstance(node, (pubcomment_placeholder, pubcomment_inline_placeholder))


def _digest(domain: PubcommentDomain, key: str, part: str, numbers: str, by_topic: dict[tuple[str, str], list[tuple[int, bytes]]]) -> bytes:
    entry = domain.consultations.get(key)
    if entry is None:
        return b"missing"
    if numbers:  # the opinions of the topic (or of every topic) in the ranges
        if (key, part) not in by_topic:
            by_topic[(key, part)] = sorted((n, d) for n, topic, d in entry.opinion_index if part == WHOLE or topic == part)
        opinions = by_topic[(key, part)]
        shown = hashlib.blake2b(entry.digests.get(HEAD, b""), digest_size=16)
        for first, last in parse_ranges(numbers):
            start = bisect.bisect_left(opinions, (first, b""))
            end = len(opinions) if last is None else bisect.bisect_left(opinions, (last + 1, b""))
            for _number, opinion_digest in opinions[start:end]:
                shown.update(opinion_digest)
        data_digest = shown.digest()
    else:
        data_digest = entry.digests.get(part, b"none")
    anchors = sorted((what, docname) for (owner, what), docname in domain.anchors.items() if owner == key)
    data = (entry.docname, data_digest, anchors)
    return hashlib.blake2b(repr(data).encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _tables_digest(domain: PubcommentDomain) -> bytes:
    """Where every opinion table is: pages that link to opinions depend on it."""
    tables = sorted((t.key, t.topic, t.numbers, t.valid, t.docname, t.lineno) for t in domain.tables)
    return hashlib.blake2b(repr(tables).encode("utf-8", "surrogatepass"), digest_size=16).digest()


def fingerprints(env: BuildEnvironment) -> dict[str, bytes]:
    """docname → fingerprint of the data each page that renders a consultation shows."""
    domain = get_domain(env)
    parts: dict[tuple[str, str, str], bytes] = {}
    by_topic: dict[tuple[str, str], list[tuple[int, bytes]]] = {}
    result: dict[str, bytes] = {}
    tables = _tables_digest(domain)
    for docname in sorted(domain.uses):
        if docname not in env.all_docs:
            continue
        digest = hashlib.blake2b(digest_size=16)
        if ANY_CONSULTATION in domain.uses[docname]:  # links back to the opinions (html/backlinks.py)
            digest.update(tables)
        for node in env.get_doctree(docname).findall(_is_placeholder):
            is_table = node.get("kind") == "opinions"
            topic = node.get("topic", "") if is_table else ""
            part = (node["key"], topic or WHOLE, node.get("numbers", "") if is_table else "")
            if part not in parts:
                parts[part] = _digest(domain, *part, by_topic)
            digest.update(node["key"].encode() + b"\0" + parts[part])
        result[docname] = digest.digest()
    return result


def note_changes(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    """``env-get-outdated``: whether this build reads or removes any document."""
    setattr(env, CHANGES, bool(added or changed or removed))
    return []


def pages_to_write(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: the pages whose fingerprint changed, for Sphinx to write."""
    if hasattr(env, ATTRIBUTE) and not getattr(env, CHANGES, True):
        return []  # nothing read or removed: every fingerprint is as it was
    old: dict[str, bytes] = getattr(env, ATTRIBUTE, {})
    new = fingerprints(env)
    setattr(env, ATTRIBUTE, new)
    return sorted(docname for docname, value in new.items() if old.get(docname) != value)
