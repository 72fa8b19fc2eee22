"""Synthetic public-comment consultations for the benchmark.

One seeded model of a consultation is written twice:

* ``pubcomment/``: a Sphinx project using the extension (conf.py, an
  index.md with the directives, one page per topic, data/consultation.yaml);
* ``baseline/``: the same pages as plain Sphinx + MyST, every table a
  hand-written ``list-table``, Sphinx defaults otherwise.

Japanese text is made from the seed document (a real 実施結果): its
sentences are cut into clauses at 「、」 and recombined, and nouns are
swapped for others from the same document, so every opinion is new text
with the vocabulary and rhythm of a real one.  Same seed, same output.

    python -m bench.generate --opinions 1000 --out bench/work/n1000
"""

from __future__ import annotations

import argparse
import csv
import dataclasses as dc
import io
import random
import re
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
# The seed lives beside the repository (never committed); the sample data
# holds the same text and is used when the seed is not there.
SEED_TEXT = REPO.parent / "shared" / "seeds" / "000_015630878f60e10a.txt"
SAMPLE_DATA = REPO / "source" / "results" / "data" / "consultation.yaml"

CATEGORIES = [
    ("A", "御意見を踏まえ、当初案に反映したもの"),
    ("B", "御意見の趣旨が案に沿ったものであり、御意見の趣旨を踏まえ、取組を推進するもの"),
    ("C", "今後の取組を進めていく上で参考とするもの"),
    ("D", "案に対する質問・要望の御意見であり、案の内容を説明・確認するもの"),
    ("E", "その他"),
]
CATEGORY_WEIGHTS = [3, 40, 30, 22, 5]
KATAKANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ"
# A whole run of 2-4 kanji: a noun such as 手続 or 介護事業所 (not a piece of one).
WHOLE_KANJI = r"(?<![一-龥])[一-龥]{2,4}(?![一-龥])"
SUMMARY_ENDINGS = ("てほしい", "ではないか", "と思う", "と考える", "いただきたい", "感じる", "べき", "期待する", "思われる", "ないか")


# ---------------------------------------------------------------- the model


@dc.dataclass
class Opinion:
    number: int
    topic: str
    category: str
    submission: str
    summary: list[str]  # paragraphs
    response: list[str]
    summary_notes: list[str] = dc.field(default_factory=list)
    response_notes: list[str] = dc.field(default_factory=list)


@dc.dataclass
class Amendment:
    summary: str
    location: str
    after: list[tuple[str, str]]  # (plain, changed) pairs of one paragraph each
    before: list[tuple[str, str]]


@dc.dataclass
class Model:
    title: str
    plan: str
    topics: list[tuple[str, str]]  # (id, title)
    opinions: list[Opinion]
    amendments: list[Amendment]

    @property
    def submissions(self) -> int:
        return len({o.submission for o in self.opinions})


class Vocabulary:
    """Sentences, clauses and nouns of the seed document."""

    def __init__(self, text: str):
        text = re.sub(r"<[^>]+>", "\n", text)
        text = text.replace("&amp;", "&")
        sentences = []
        for raw in re.split(r"(?<=。)|\n", text):
            sentence = raw.strip().strip("|").strip()
            if len(sentence) >= 20 and sentence.endswith("。") and "|" not in sentence and "※" not in sentence:
                sentences.append(sentence)
        sentences = sorted(set(sentences))
        self.summary_sentences = [s for s in sentences if s.rstrip("。").endswith(SUMMARY_ENDINGS) or "ほしい" in s]
        self.response_sentences = [s for s in sentences if s not in self.summary_sentences]
        self.heads: dict[str, list[str]] = {}
        self.tails: dict[str, list[str]] = {}
        for kind, group in (("summary", self.summary_sentences), ("response", self.response_sentences)):
            heads: list[str] = []
            tails: list[str] = []
            for sentence in group:
                clauses = sentence.split("、")
                if len(clauses) > 1:
                    heads.extend(c + "、" for c in clauses[:-1])
                tails.append(clauses[-1])
            self.heads[kind] = heads
            self.tails[kind] = tails
        self.katakana = sorted(set(re.findall(r"[ァ-ヴー]{4,}", text)))
        self.kanji = sorted(set(re.findall(WHOLE_KANJI, text)))
        self.terms = sorted(set(re.findall(r"[ァ-ヴー]{4,}(?:[一-龥]{2,4})?", text)))

    def noun(self, rng: random.Random) -> str:
        pool = self.katakana if rng.random() < 0.4 else self.kanji
        return rng.choice(pool)

    def sentence(self, rng: random.Random, kind: str) -> str:
        parts = [rng.choice(self.heads[kind]) for _ in range(rng.choice((0, 1, 1, 2)))]
        parts.append(rng.choice(self.tails[kind]))
        sentence = "".join(parts)
        # Swap one or two nouns so that sentences do not repeat verbatim.
        for _ in range(rng.choice((1, 2))):
            words = re.findall(r"[ァ-ヴー]{4,}|" + WHOLE_KANJI, sentence)
            if words:
                old = rng.choice(words)
                sentence = sentence.replace(old, self.noun(rng), 1)
        return sentence

    def paragraphs(self, rng: random.Random, kind: str, low: int, high: int, max_paragraphs: int) -> list[str]:
        """1..max_paragraphs paragraphs of low..high characters in all."""
        target = rng.randint(low, high)
        count = rng.randint(1, max_paragraphs)
        sentences: list[str] = []
        while sum(map(len, sentences)) < target:
            sentences.append(self.sentence(rng, kind))
        if sum(map(len, sentences)) > high and sum(map(len, sentences[:-1])) >= low:
            sentences.pop()
        text = "".join(sentences)
        if len(text) > high:
            text = text[: high - 1].rstrip("、") + "。"
        # Cut the text into paragraphs at sentence ends.
        ends = [m.end() for m in re.finditer("。", text)][:-1]
        cuts = sorted(rng.sample(ends, min(count - 1, len(ends))))
        result, start = [], 0
        for cut in [*cuts, len(text)]:
            if text[start:cut]:
                result.append(text[start:cut])
            start = cut
        return result


def load_vocabulary(seed_text: Path | None = None) -> Vocabulary:
    path = seed_text or SEED_TEXT
    if path.exists():
        return Vocabulary(path.read_text(encoding="utf-8"))
    # The sample data: block scalars hold the same sentences.
    return Vocabulary(SAMPLE_DATA.read_text(encoding="utf-8"))


def build_model(opinions: int, seed: int = 1, seed_text: Path | None = None, topics: int | None = None) -> Model:
    """The consultation; ``topics`` overrides the seeded 3-10 (one page per topic)."""
    rng = random.Random(seed)
    vocabulary = load_vocabulary(seed_text)
    topic_count = rng.randint(3, 10) if opinions >= 50 else 3
    topic_count = topics or topic_count
    topic_rows: list[tuple[str, str]] = []
    for index in range(topic_count):
        subject = vocabulary.noun(rng) + "・" + vocabulary.noun(rng)
        topic_rows.append((f"t{index + 1:02d}", f"{subject}に関すること"))
    # Topics differ in size, as in real consultations.
    topic_weights = [rng.uniform(0.5, 2.0) for _ in topic_rows]
    result: list[Opinion] = []
    submission = 0
    left_in_submission = 0
    for number in range(1, opinions + 1):
        if left_in_submission == 0:
            submission += 1
            left_in_submission = rng.choice((1, 1, 2, 2, 3, 4, 6))
        left_in_submission -= 1
        opinion = Opinion(
            number=number,
            topic=rng.choices(topic_rows, topic_weights)[0][0],
            category=rng.choices(CATEGORIES, CATEGORY_WEIGHTS)[0][0],
            submission=f"s{submission:05d}",
            summary=vocabulary.paragraphs(rng, "summary", 150, 400, 3),
            response=vocabulary.paragraphs(rng, "response", 200, 600, 4),
        )
        # About one opinion in twelve explains a term in a ※ note.
        for field_name in ("summary", "response"):
            if rng.random() < 1 / 12:
                term = rng.choice(vocabulary.terms)
                paragraphs = getattr(opinion, field_name)
                paragraphs[0] = paragraphs[0].replace("。", f"（{term}(※)に関して）。", 1) if "。" in paragraphs[0] else paragraphs[0]
                if "(※)" in paragraphs[0]:
                    getattr(opinion, f"{field_name}_notes").append(f"{term}とは、{vocabulary.sentence(rng, 'response')}")
        result.append(opinion)
    amendments = []
    for index in range(max(2, min(40, opinions // 100))):
        after = [(vocabulary.sentence(rng, "response"), vocabulary.sentence(rng, "response")) for _ in range(rng.randint(1, 2))]
        before = [(plain, vocabulary.sentence(rng, "response")) for plain, _ in after] if rng.random() < 0.8 else []
        amendments.append(
            Amendment(
                summary=f"御意見を踏まえ、「{vocabulary.noun(rng)}」の記載を修正",
                location=f"プラン本編 P{index * 3 + 4}",
                after=after,
                before=before,
            )
        )
    return Model(
        title="合成 DX 推進プランの改定案に係るパブリックコメント",
        plan="合成 DX 推進プラン",
        topics=topic_rows,
        opinions=result,
        amendments=amendments,
    )


def edit_opinion(model: Model, number: int) -> None:
    """The edit of the incremental case: one sentence added to one opinion."""
    opinion = model.opinions[number - 1]
    opinion.summary[-1] += "なお、説明資料の図表についても分かりやすくしてほしい。"


# ------------------------------------------------------------ the writers


def katakana(index: int) -> str:
    return KATAKANA[index]


def topic_heading(model: Model, topic_id: str) -> str:
    index = [t[0] for t in model.topics].index(topic_id)
    return f"{katakana(index)} {dict(model.topics)[topic_id]}"


def block(text: str, indent: int) -> str:
    pad = " " * indent
    return "\n".join(pad + line if line else "" for line in text.split("\n"))


def yaml_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_if_changed(path: Path, text: str) -> None:
    """Unchanged files keep their modification time (incremental builds)."""
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def opinions_csv(model: Model) -> str:
    """The opinions as a spreadsheet exports them (UTF-8 CSV, one row per opinion)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["no", "topic", "category", "submission", "summary", "summary_notes", "response", "response_notes"])
    for o in model.opinions:
        writer.writerow(
            [
                o.number,
                o.topic,
                o.category,
                o.submission,
                "\n\n".join(o.summary),
                "\n".join(o.summary_notes),
                "\n\n".join(o.response),
                "\n".join(o.response_notes),
            ]
        )
    return out.getvalue()


def pubcomment_yaml(model: Model, opinions_file: str = "") -> str:
    """The consultation as YAML; the opinions inline, or named by ``opinions_file``."""
    out = [
        f"title: {model.title}",
        "body:\n  name: 合成市\n  self: 本市",
        f"plan: {model.plan}",
        "published: 2025-12-03",
        "period:\n  start: 2025-12-03\n  end: 2026-01-05",
        "submission_methods: [意見提出フォーム, 郵送, FAX, 持参]",
        "publicity: [市政だより, 市ホームページ, 各区役所市政資料コーナー, 図書館]",
        f"declared:\n  submissions: {model.submissions}\n  opinions: {len(model.opinions)}",
        "categories:",
        *(f"  - key: {key}\n    description: {text}" for key, text in CATEGORIES),
        "topics:",
        *(f"  - id: {tid}\n    title: {title}" for tid, title in model.topics),
        f"opinions: {opinions_file}" if opinions_file else "opinions:",
    ]
    for o in [] if opinions_file else model.opinions:
        lines = [
            f"  - no: {o.number}",
            f"    topic: {o.topic}",
            f"    category: {o.category}",
            f"    submission: {o.submission}",
            "    summary: |",
            block("\n\n".join(o.summary), 6),
        ]
        if o.summary_notes:
            lines += ["    summary_notes:", *(f"      - {yaml_quote(n)}" for n in o.summary_notes)]
        lines += ["    response: |", block("\n\n".join(o.response), 6)]
        if o.response_notes:
            lines += ["    response_notes:", *(f"      - {yaml_quote(n)}" for n in o.response_notes)]
        out.append("\n".join(lines))
    out.append("amendments:")
    for a in model.amendments:
        lines = [f"  - summary: {yaml_quote(a.summary)}", f"    location: {a.location}", "    after: |"]
        lines.append(block("\n\n".join(f"{p}{{u}}`{c}`" for p, c in a.after), 6))
        if a.before:
            lines += ["    before: |", block("\n\n".join(f"{p}{{u}}`{c}`" for p, c in a.before), 6)]
        out.append("\n".join(lines))
    out.append("schedule:\n  - when: 2026-03\n    text: 「合成 DX 推進プラン」改定")
    return "\n".join(out) + "\n"


# The search the sample site uses (conf/conf.py); see bench/search.py.
BIGRAM_SEARCH = 'html_search_options = {"type": "pubcomment.search_ja.BigramSplitter"}'

PUBCOMMENT_CONF = '''\
"""Benchmark project: pubcomment (generated by bench/generate.py)."""

project = "合成 DX 推進プラン"
author = "合成市"
language = "ja"
extensions = ["myst_parser", "sphinx_design", "pubcomment"]
exclude_patterns = ["data/**"]
myst_enable_extensions = ["colon_fence", "deflist"]
html_theme = "alabaster"
html_last_updated_fmt = None
{search}
try:  # the site's LaTeX settings (upLaTeX, jsbook, Harano Aji), when present
    from pubcomment.latex import latex_settings

    globals().update(latex_settings())
except ImportError:
    pass
latex_documents = [("index", "bench.tex", project, author, "manual", False)]
'''

BASELINE_CONF = '''\
"""Benchmark baseline: plain Sphinx + MyST (generated by bench/generate.py)."""

project = "合成 DX 推進プラン"
author = "合成市"
language = "ja"
extensions = ["myst_parser"]
latex_documents = [("index", "bench.tex", project, author, "manual", False)]
'''

# The baseline printed with the site's LaTeX settings (upLaTeX, jsbook,
# Harano Aji through pxchfon, Latin Modern) instead of Sphinx's defaults for
# Japanese (upLaTeX, ujbook, TeX Gyre): the same settings, without what the
# extension adds.  Used with -c; the sources stay in baseline/.
BASELINE_SITE_CONF = '''\
"""Benchmark baseline printed with the site's LaTeX settings (generated by bench/generate.py)."""

from pathlib import Path

exec((Path(__file__).resolve().parent.parent / "baseline" / "conf.py").read_text(encoding="utf-8"))

from pubcomment.latex import latex_settings  # the settings only; the extension is not loaded

globals().update(latex_settings())
latex_elements["preamble"] = latex_elements["preamble"].replace(r"\\pcPageStyles", "")  # a macro of pubcomment.sty
latex_elements.pop("maketitle", None)  # \\pcMakeTitle, also pubcomment.sty's: Sphinx's own title page
'''

INTRO = "本市では、「{plan}」の改定案をとりまとめ、市民の皆様から広く御意見を募集しました。"


def topic_pages(model: Model, per_page: int | None) -> list[tuple[str, str, str]]:
    """(page name, topic id, :numbers: or "") of the opinion pages: one per
    topic, or a topic's opinions by ``per_page`` (as ``pubcomment pages`` splits them)."""
    from pubcomment.core.pages import chunk_numbers

    pages: list[tuple[str, str, str]] = []
    for tid, _ in model.topics:
        ranges = chunk_numbers(sorted(o.number for o in model.opinions if o.topic == tid), per_page) if per_page else [""]
        pages.extend((f"{tid}-{k:02d}" if len(ranges) > 1 else tid, tid, numbers) for k, numbers in enumerate(ranges, 1))
    return pages


def write_pubcomment(
    model: Model, root: Path, search: str = BIGRAM_SEARCH, opinions_format: str = "yaml", per_page: int | None = None
) -> None:
    conf = PUBCOMMENT_CONF.format(search=search)
    write_if_changed(root / "conf.py", conf)
    if opinions_format == "csv":
        write_if_changed(root / "data" / "opinions.csv", opinions_csv(model))
        write_if_changed(root / "data" / "consultation.yaml", pubcomment_yaml(model, opinions_file="opinions.csv"))
    else:
        (root / "data" / "opinions.csv").unlink(missing_ok=True)
        write_if_changed(root / "data" / "consultation.yaml", pubcomment_yaml(model))
    pages = topic_pages(model, per_page)
    # As `pubcomment pages` lays them out: a topic split over pages has a
    # page of its own listing them, and the site's toctree lists the topics.
    from pubcomment.cli import index_text
    from pubcomment.core.pages import OpinionPage, plan_indexes, toctree_entries

    planned = [OpinionPage(name, tid, "", numbers, tid, topic_heading(model, tid)) for name, tid, numbers in pages]
    indexes = plan_indexes(planned)
    toc = "\n".join(f"opinions/{entry}" for entry in toctree_entries(planned, indexes))
    for topic_index in indexes:
        write_if_changed(root / "opinions" / f"{topic_index.name}.md", index_text(topic_index))
    index = f"""# {model.title}の実施結果について

```{{pc-consultation}}
:file: data/consultation.yaml
:name: bench
```

## 経過

{INTRO.format(plan=model.plan)}その結果、{{pc-count}}`submissions`{{pc-count}}`opinions`の御意見をいただきました。

## 意見募集の概要

```{{pc-overview}}
```

## 結果の概要

```{{pc-results}}
```

## 御意見の内容と対応

### 対応区分

```{{pc-legend}}
```

### 意見の件数と対応区分

```{{pc-tally}}
```

### 各意見の内容

```{{toctree}}
:maxdepth: 1

{toc}
```

## 改定案からの変更点

```{{pc-amendments}}
```

## 今後の予定

```{{pc-schedule}}
```
"""
    write_if_changed(root / "index.md", index)
    for name, tid, numbers in pages:
        option = f":numbers: {numbers}\n" if numbers else ""
        page = f"""# {topic_heading(model, tid)}{f"（No.{numbers.replace('-', '〜')}）" if numbers else ""}

```{{pc-opinions}}
:consultation: bench
:topic: {tid}
{option}```
"""
        write_if_changed(root / "opinions" / f"{name}.md", page)


def list_table(title: str, header: list[str] | None, rows: Iterable[list[str]], widths: list[int]) -> str:
    """A MyST list-table; each cell is markdown (paragraphs separated by blank lines)."""
    lines = [f"```{{list-table}} {title}", f":widths: {' '.join(map(str, widths))}"]
    if header:
        lines.append(":header-rows: 1")
    lines.append("")
    for row in ([header] if header else []) + list(rows):
        for index, cell in enumerate(row):
            prefix = "* - " if index == 0 else "  - "
            cell_lines = cell.split("\n")
            lines.append(prefix + cell_lines[0])
            lines.extend(("    " + line) if line else "" for line in cell_lines[1:])
    lines.append("```")
    return "\n".join(lines)


def cell_with_notes(paragraphs: list[str], notes: list[str]) -> str:
    return "\n\n".join([*paragraphs, *(f"※{note}" for note in notes)])


def write_baseline(model: Model, root: Path) -> None:
    write_if_changed(root / "conf.py", BASELINE_CONF)
    write_if_changed(root.parent / "baseline-site-conf" / "conf.py", BASELINE_SITE_CONF)
    overview = list_table(
        "意見募集の概要",
        None,
        [
            ["(1) 意見の募集期間", "令和7年12月3日（水）から令和8年1月5日（月）まで"],
            ["(2) 意見の提出方法", "意見提出フォーム、郵送、FAX、持参"],
            ["(3) 募集の周知方法", "市政だより、市ホームページ、各区役所市政資料コーナー、図書館"],
        ],
        [25, 75],
    )
    results = list_table(
        "結果の概要",
        None,
        [
            ["(1) 意見提出数", f"{model.submissions}通"],
            ["(2) 意見数", f"{len(model.opinions)}件"],
        ],
        [30, 70],
    )
    legend = list_table("対応区分", ["区分", "内容"], [[k, t] for k, t in CATEGORIES], [10, 90])
    keys = [k for k, _ in CATEGORIES]
    tally_rows = []
    totals = [0] * len(keys)
    for tid, _ in model.topics:
        counts = [sum(1 for o in model.opinions if o.topic == tid and o.category == k) for k in keys]
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
        tally_rows.append([topic_heading(model, tid), *map(str, counts), str(sum(counts))])
    tally_rows.append(["合計", *map(str, totals), str(sum(totals))])
    tally = list_table("意見の件数と対応区分", ["項目", *keys, "計"], tally_rows, [40, 10, 10, 10, 10, 10, 10])
    amendment_rows = []
    for number, a in enumerate(model.amendments, 1):
        after = "\n\n".join([f"（{a.location}）", *(f"{p}**{c}**" for p, c in a.after)])
        before = "\n\n".join([f"（{a.location}）", *(f"{p}**{c}**" for p, c in a.before)]) if a.before else "なし"
        amendment_rows.append([str(number), a.summary, after, before])
    amendments = list_table("改定案からの変更点", ["No", "変更の概要", "変更後の内容", "変更前の内容"], amendment_rows, [6, 24, 35, 35])
    toc = "\n".join(f"opinions/{tid}" for tid, _ in model.topics)
    index = f"""# {model.title}の実施結果について

## 経過

{INTRO.format(plan=model.plan)}その結果、{model.submissions}通{len(model.opinions)}件の御意見をいただきました。

## 意見募集の概要

{overview}

## 結果の概要

{results}

## 御意見の内容と対応

### 対応区分

{legend}

### 意見の件数と対応区分

{tally}

### 各意見の内容

```{{toctree}}
:maxdepth: 1

{toc}
```

## 改定案からの変更点

※下線部は変更箇所

{amendments}

## 今後の予定

令和8年3月　「{model.plan}」改定
"""
    write_if_changed(root / "index.md", index)
    for tid, _ in model.topics:
        heading = topic_heading(model, tid)
        rows = [
            [str(o.number), cell_with_notes(o.summary, o.summary_notes), cell_with_notes(o.response, o.response_notes), o.category]
            for o in model.opinions
            if o.topic == tid
        ]
        table = list_table(heading, ["No", "意見の要旨", "本市の考え方", "区分"], rows, [6, 42, 45, 7])
        write_if_changed(root / "opinions" / f"{tid}.md", f"# {heading}\n\n{table}\n")


def write_projects(
    model: Model, out: Path, search: str = BIGRAM_SEARCH, opinions_format: str = "yaml", per_page: int | None = None
) -> tuple[Path, Path]:
    write_pubcomment(model, out / "pubcomment", search, opinions_format, per_page)
    write_baseline(model, out / "baseline")
    return out / "pubcomment", out / "baseline"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--opinions", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed-text", type=Path, default=None, help="the seed document (default: shared/seeds beside the repository)")
    parser.add_argument("--edit", type=int, default=0, help="also apply the incremental case's edit to this opinion")
    parser.add_argument("--topics", type=int, default=None, help="number of topics, each a page (default: 3-10, seeded)")
    parser.add_argument(
        "--opinions-format", choices=("yaml", "csv"), default="yaml", help="opinions in the YAML file or in data/opinions.csv"
    )
    parser.add_argument(
        "--per-page", type=int, default=None, help="split each topic's opinions over pages of this many (pubcomment, :numbers:)"
    )
    args = parser.parse_args()
    model = build_model(args.opinions, args.seed, args.seed_text, args.topics)
    if args.edit:
        edit_opinion(model, args.edit)
    pub, base = write_projects(model, args.out, opinions_format=args.opinions_format, per_page=args.per_page)
    print(f"{len(model.opinions)} opinions in {len(model.topics)} topics, {model.submissions} submissions: {pub}, {base}")


if __name__ == "__main__":
    main()
