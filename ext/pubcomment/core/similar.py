"""Groups of identical and near-identical opinions (組織的な意見・同趣旨の意見).

Texts are compared by their character 3-grams after folding (NFKC, lower
case, no spaces or punctuation): two texts whose sets of 3-grams overlap
by at least ``threshold`` (Jaccard) belong together, and groups are what
this relation joins.  The overlap is estimated by MinHash (64 hash
functions, numpy) and candidates are found by locality-sensitive hashing
(16 bands of 4); every candidate pair is confirmed on the whole signature
before it joins two groups, so two different templates that share a band by
chance stay apart.  Chosen over datasketch and rapidfuzz by measurement
(bench/similar.py, bench/README.md): 200,000 opinions in seconds, where
pairwise string ratios grow with the square of the count.

numpy is the optional ``similar`` extra: :func:`groups` raises
:class:`MissingDependencyError` without it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
SHINGLE = 3
THRESHOLD = 0.5
# Documents hashed at a time: bounds the memory of the 3-gram arrays.
CHUNK = 20_000


class MissingDependencyError(RuntimeError):
    """numpy is not installed (``pip install 'pubcomment[similar]'``)."""


def _numpy() -> Any:
    try:
        import numpy
    except ImportError as error:
        raise MissingDependencyError("finding similar opinions needs numpy: pip install 'pubcomment[similar]'") from error
    return numpy


_NOT_WORD = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """The text as compared: NFKC, lower case, letters and digits only."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text).lower())


@dataclass(frozen=True)
class Group:
    """Opinions (indices into the compared list) judged the same; ``representative`` is one of them."""

    members: tuple[int, ...]
    representative: int

    @property
    def size(self) -> int:
        return len(self.members)


def signatures(folded: Sequence[str], *, seed: int = 1) -> Any:
    """MinHash signatures (len(folded) × NUM_PERM, uint32) of folded texts' 3-grams."""
    np = _numpy()
    rng = np.random.default_rng(seed)
    # Multiply-add hashing of 32-bit values (odd multipliers): half the memory traffic of 64 bits.
    a = rng.integers(1, 1 << 32, NUM_PERM, dtype=np.uint64).astype(np.uint32) | np.uint32(1)
    b = rng.integers(0, 1 << 32, NUM_PERM, dtype=np.uint64).astype(np.uint32)
    result = np.empty((len(folded), NUM_PERM), dtype=np.uint32)
    for first in range(0, len(folded), CHUNK):
        chunk = list(folded[first : first + CHUNK])
        # Short texts are padded so that each has one 3-gram at least.
        chunk = [t if len(t) >= SHINGLE else t.ljust(SHINGLE, "\0") for t in chunk]
        codes = np.frombuffer("".join(chunk).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
        lengths = np.fromiter(map(len, chunk), dtype=np.int64, count=len(chunk))
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        # A 3-gram's value: its three code points (each < 2^21) side by side, then mixed.
        grams = (codes[:-2] << np.uint64(42)) | (codes[1:-1] << np.uint64(21)) | codes[2:]
        grams = ((grams * np.uint64(0x9E3779B97F4A7C15)) >> np.uint64(32)).astype(np.uint32)
        valid = np.ones(len(grams), dtype=bool)  # not across two texts
        ends = starts + lengths
        for offset in (1, 2):
            cut = ends[:-1] - offset
            valid[cut[cut >= 0]] = False
        grams = grams[valid]
        gram_starts = starts - 2 * np.arange(len(chunk))  # two 3-grams fewer per text before it
        for p in range(NUM_PERM):
            hashed = grams * a[p]
            hashed += b[p]
            result[first : first + len(chunk), p] = np.minimum.reduceat(hashed, gram_starts)
    return result


def groups(texts: Sequence[str], *, threshold: float = THRESHOLD) -> list[Group]:
    """The groups of two or more near-identical texts, largest first."""
    np = _numpy()
    count = len(texts)
    if count < 2:
        return []
    folded = [fold(t) for t in texts]
    signature = signatures(folded)
    labels = np.arange(count, dtype=np.int64)
    sources, targets = [], []
    for band in range(BANDS):
        rows = signature[:, band * ROWS : (band + 1) * ROWS]
        keys = rows[:, 0].astype(np.uint64)
        for column in range(1, ROWS):
            keys = keys * np.uint64(0x100000001B3) ^ rows[:, column].astype(np.uint64)
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        first_of_run = np.concatenate(([True], sorted_keys[1:] != sorted_keys[:-1]))
        leaders = order[np.maximum.accumulate(np.where(first_of_run, np.arange(count), 0))]
        pairs = leaders != order
        leader, member = leaders[pairs], order[pairs]
        if len(member) == 0:
            continue
        agreement = (signature[leader] == signature[member]).mean(axis=1)
        confirmed = agreement >= threshold
        sources.append(leader[confirmed])
        targets.append(member[confirmed])
    if sources:
        source, target = np.concatenate(sources), np.concatenate(targets)
        while True:  # connected components: the least index of each, by propagation and pointer jumping
            before = labels.copy()
            low = np.minimum(labels[source], labels[target])
            np.minimum.at(labels, source, low)
            np.minimum.at(labels, target, low)
            labels = labels[labels]
            if np.array_equal(labels, before):
                break
    found: dict[int, list[int]] = {}
    for index, label in enumerate(labels.tolist()):
        found.setdefault(label, []).append(index)
    result = [Group(tuple(members), _representative(folded, members)) for members in found.values() if len(members) > 1]
    return sorted(result, key=lambda g: (-g.size, g.members[0]))


def _representative(folded: Sequence[str], members: list[int]) -> int:
    """The member whose folded text is the most common; the first of those."""
    counts = Counter(folded[i] for i in members)
    best = max(counts.values())
    return next(i for i in members if counts[folded[i]] == best)
