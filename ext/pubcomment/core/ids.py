"""Id-safe tokens for keys writers choose: distinct keys, distinct ids.

HTML ids (and LaTeX labels, and ePub's XHTML ids) are made from category
keys, topic ids and amendment ids.  docutils' ``make_id`` keeps only ASCII
letters, digits and hyphens, lower-cased, so 賛成 and 反対 both became
nothing and A and a the same ``a``: badges linked to the wrong legend row
and ids repeated.  A key that is already an id-safe word keeps it as its
token (so the ids of ordinary data do not change); any other key, and any
key whose token another key of the same kind shares, gets a short digest
of the key itself after what is left of it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

_NOT_ID = re.compile(r"[^a-z0-9]+")


def slug(key: str) -> str:
    """What docutils' make_id keeps of ``key`` (ASCII letters and digits, lower-cased)."""
    ascii_only = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode("ascii")
    return _NOT_ID.sub("-", ascii_only.lower()).strip("-")


def _digest(key: str) -> str:
    return hashlib.blake2s(key.encode("utf-8", "surrogatepass"), digest_size=4).hexdigest()


def token(key: str, siblings: Iterable[str] = ()) -> str:
    """The id part for ``key`` among ``siblings`` (the other keys of its kind)."""
    base = slug(key)
    if base and base == key.lower() and not any(other != key and slug(other) == base for other in siblings):
        return base
    return f"{base}-x{_digest(key)}" if base else f"x{_digest(key)}"


def tokens(keys: Iterable[str]) -> dict[str, str]:
    """:func:`token` for each of ``keys``, computed once for all of them."""
    keys = list(dict.fromkeys(keys))
    shared = Counter(slug(key) for key in keys)
    result: dict[str, str] = {}
    for key in keys:
        base = slug(key)
        if base and base == key.lower() and shared[base] == 1:
            result[key] = base
        else:
            result[key] = f"{base}-x{_digest(key)}" if base else f"x{_digest(key)}"
    return result
