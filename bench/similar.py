"""Near-duplicate opinions: pubcomment's grouping (core/similar.py) against datasketch and rapidfuzz.

    python -m bench.similar [--count 200000] [--sample 4000] [--seed 1]

Synthetic opinions (見本): 50 templates of 4–7 clauses drawn from a pool of
generated clauses; 96 % of the opinions are variants of a template with 1–8
random small edits (a character inserted, deleted or replaced, punctuation
changed or added), the rest are texts of their own.  The true groups are the
templates.  Pairwise precision and recall: of the pairs put in one group, how
many share a template; of the pairs sharing a template, how many were put in one.

First the three methods on a sample (``--sample``), then pubcomment's on all
``--count`` opinions, with wall time and the peak resident memory of this process.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence

from pubcomment.core import similar

NOUNS = (
    "マイナンバーカード",
    "行政手続のオンライン化",
    "図書館の開館時間",
    "バスの路線",
    "子育て支援",
    "窓口の待ち時間",
    "電子申請",
    "市の公式アカウント",
    "学校のタブレット",
    "高齢者の見守り",
    "防災情報の配信",
    "住民票のコンビニ交付",
    "公園の整備",
    "ごみの分別",
    "保育園の入園申請",
    "職員の研修",
    "個人情報の管理",
    "市税の納付",
    "道路の照明",
    "地域の集会所",
)
PREDICATES = (
    "に反対します",
    "を進めてください",
    "は見直すべきです",
    "の予算を増やしてください",
    "について説明が足りません",
    "は分かりにくいです",
    "を急いでほしいです",
    "に不安を感じています",
    "の目標が低すぎます",
    "を高く評価します",
    "は慎重に進めてください",
    "の周知が不十分です",
    "を市民と一緒に考えてください",
    "に賛成します",
)
REASONS = (
    "高齢者には使いにくいからです",
    "費用に見合う効果が見えないからです",
    "他市ではすでに実施されているからです",
    "家族が困っているからです",
    "安全性が確認されていないからです",
    "若い世代の声が届いていないからです",
    "説明会に参加して疑問に思ったからです",
    "毎日の生活に関わることだからです",
)
PUNCTUATION = "、。！？，．"


KANJI = (
    "市民区町村計画案意見行政手続窓口電子申請図書館公園道路交通福祉子育教育学校防災情報環境経済産業観光文化医療健康税金予算職員地域住民生活安全安心施設整備"
    "利用促進強化改善検討実施推進支援相談制度活用連携協力参加説明周知"
)
KANA = "のをにがはでとへからまでよりも"
WORDS: list[str] = []


def clause(rng: random.Random) -> str:
    """A clause: two nouns of a large made-up vocabulary, a particle, and a predicate, then a reason."""
    if not WORDS:
        words = random.Random(0)
        WORDS.extend("".join(words.choice(KANJI) for _ in range(words.randint(2, 4))) for _ in range(3000))
    return (
        f"{rng.choice(WORDS)}{rng.choice(KANA)}{rng.choice(WORDS)}{rng.choice(PREDICATES)}。"
        f"{rng.choice(WORDS)}{rng.choice(KANA)}{rng.choice(NOUNS)}、{rng.choice(REASONS)}。"
    )


def edit(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 8)):
        position = rng.randrange(len(text))
        kind = rng.random()
        if kind < 0.3:
            text = text[:position] + rng.choice("あいうえおかきくけこ市民的") + text[position:]
        elif kind < 0.55:
            text = text[:position] + text[position + 1 :]
        elif kind < 0.8:
            text = text[:position] + rng.choice("さしすせそ町人会") + text[position + 1 :]
        else:
            marks = [i for i, c in enumerate(text) if c in PUNCTUATION]
            spot = rng.choice(marks) if marks else position
            text = text[:spot] + rng.choice(PUNCTUATION) + text[spot + 1 :]
    return text


def generate(count: int, seed: int, templates: int = 50, share: float = 0.96) -> tuple[list[str], list[int]]:
    """The opinions and their true group (a template's number, or -1 - index for a text of its own)."""
    rng = random.Random(seed)
    bases = ["".join(clause(rng) for _ in range(rng.randint(4, 7))) for _ in range(templates)]
    texts, truth = [], []
    for index in range(count):
        if rng.random() < share:
            template = rng.randrange(templates)
            texts.append(edit(bases[template], rng))
            truth.append(template)
        else:
            texts.append("".join(clause(rng) for _ in range(rng.randint(3, 7))))
            truth.append(-1 - index)
    return texts, truth


def pairs(sizes: Counter[object]) -> int:
    return sum(n * (n - 1) // 2 for n in sizes.values())


def pairwise(labels: Sequence[int], truth: Sequence[int]) -> tuple[float, float]:
    """Pairwise precision and recall of ``labels`` against ``truth``."""
    together = pairs(Counter(zip(labels, truth, strict=True)))
    found, true = pairs(Counter(labels)), pairs(Counter(truth))
    return (together / found if found else 1.0), (together / true if true else 1.0)


def labels_of(groups: list[tuple[int, ...]], count: int) -> list[int]:
    labels = list(range(count))
    for number, members in enumerate(groups):
        for member in members:
            labels[member] = count + number
    return labels


def ours(texts: Sequence[str]) -> list[tuple[int, ...]]:
    return [g.members for g in similar.groups(texts)]


def with_datasketch(texts: Sequence[str]) -> list[tuple[int, ...]]:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=similar.THRESHOLD, num_perm=similar.NUM_PERM)
    folded = [similar.fold(t) for t in texts]
    sets = [{f[i : i + 3].encode() for i in range(max(len(f) - 2, 1))} for f in folded]
    hashes = MinHash.bulk(sets, num_perm=similar.NUM_PERM)
    parent = list(range(len(texts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for index, minhash in enumerate(hashes):
        for other in lsh.query(minhash):
            parent[root(index)] = root(other)
        lsh.insert(index, minhash)
    return _components([root(i) for i in range(len(texts))])


def with_rapidfuzz(texts: Sequence[str], cutoff: float = 85) -> list[tuple[int, ...]]:
    """Leader clustering: each text joins the first group whose leader it matches (fuzz.ratio ≥ cutoff)."""
    from rapidfuzz import fuzz, process

    leaders: list[str] = []
    owner: list[int] = []
    labels = []
    for index, text in enumerate(map(similar.fold, texts)):
        match = process.extractOne(text, leaders, scorer=fuzz.ratio, score_cutoff=cutoff) if leaders else None
        if match is None:
            leaders.append(text)
            owner.append(index)
            labels.append(index)
        else:
            labels.append(owner[match[2]])
    return _components(labels)


def _components(labels: list[int]) -> list[tuple[int, ...]]:
    found: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        found.setdefault(label, []).append(index)
    return [tuple(m) for m in found.values() if len(m) > 1]


def measure(name: str, method: Callable[[Sequence[str]], list[tuple[int, ...]]], texts: Sequence[str], truth: Sequence[int]) -> float:
    started = time.perf_counter()
    found = method(texts)
    elapsed = time.perf_counter() - started
    precision, recall = pairwise(labels_of(found, len(texts)), truth)
    print(f"| {name} | {len(texts):,} | {elapsed:.2f} s | {len(found)} | {precision:.4f} | {recall:.4f} |")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=200_000)
    parser.add_argument("--sample", type=int, default=4_000)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    texts, truth = generate(arguments.count, arguments.seed)
    print(
        f"{arguments.count:,} synthetic opinions, {sum(map(len, texts)) / len(texts):.0f} characters on average, "
        f"{sum(t >= 0 for t in truth) / len(truth):.0%} variants of 50 templates\n"
    )
    print("| method | opinions | time | groups | pairwise precision | pairwise recall |\n|---|---:|---:|---:|---:|---:|")
    sample_texts, sample_truth = texts[: arguments.sample], truth[: arguments.sample]
    for name, method in (
        ("pubcomment (numpy MinHash, LSH 16×4, confirmed)", ours),
        ("datasketch MinHashLSH (64 perm, threshold 0.5)", with_datasketch),
        ("rapidfuzz leader clustering (ratio ≥ 85)", with_rapidfuzz),
    ):
        try:
            measure(name, method, sample_texts, sample_truth)
        except ImportError as error:
            print(f"| {name} | — | not installed ({error.name}) | | | |")
    measure("pubcomment, all", ours, texts, truth)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak resident memory of this process: {peak:,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
