"""Personal names: recall, precision and speed of the built-in detector (core/names.py), and of GiNZA.

    python -m bench.names [--write-readme] [--ginza-python PYTHON] [--show]

The labelled set is ``bench/names-opinions.tsv``: synthetic opinions (見本),
each with the names in it.  A labelled name counts as found when a found span
overlaps one of its occurrences; a found span counts as right when it overlaps
a labelled name.  Throughput is measured on about 1 MB of synthetic opinion
text from bench/generate.py (the seeded model, summaries and responses); what
is found there counts as false, as that text names nobody.

GiNZA (``ja_ginza``) is measured with this interpreter when it has it, else
with ``--ginza-python`` (a scratch venv with ``pip install ginza ja-ginza``;
the repository's ``ext`` is put on its path), on the set and on 20,000
characters of the synthetic text.  ``--write-readme`` puts the tables in
bench/README.md between the ``names`` markers.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SET = HERE / "names-opinions.tsv"
TARGET_CHARACTERS = 1_000_000
GINZA_CHARACTERS = 20_000


def labelled(path: Path = SET) -> list[tuple[str, list[str]]]:
    """Each opinion's text and its names (``\\n`` in the file is a line break)."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, _, names = line.partition("\t")
        rows.append((text.replace("\\n", "\n"), [n for n in names.split("|") if n]))
    return rows


def synthetic_text(characters: int = TARGET_CHARACTERS) -> list[str]:
    """Summaries and responses of bench/generate.py's seeded model, about ``characters`` in all."""
    from bench import generate

    texts: list[str] = []
    total = 0
    model = generate.build_model(max(100, characters // 600), seed=1)
    for opinion in model.opinions:
        for paragraph in (*opinion.summary, *opinion.response):
            texts.append(paragraph)
            total += len(paragraph)
            if total >= characters:
                return texts
    return texts


def score(rows: list[tuple[str, list[str]]], found: list[list[tuple[int, int]]], show: bool = False) -> dict[str, float]:
    marked = hit = found_count = right = 0
    for (text, names), spans in zip(rows, found, strict=True):
        gold: list[list[tuple[int, int]]] = []
        for name in dict.fromkeys(names):
            at, occurrences = text.find(name), []
            while at >= 0:
                occurrences.append((at, at + len(name)))
                at = text.find(name, at + 1)
            gold.append(occurrences)
        flat = [span for occurrences in gold for span in occurrences]
        marked += len(gold)
        caught = [any(s < e2 and s2 < e for s, e in spans for s2, e2 in occurrences) for occurrences in gold]
        hit += sum(caught)
        good = [any(s < e2 and s2 < e for s2, e2 in flat) for s, e in spans]
        found_count += len(spans)
        right += sum(good)
        if show:
            for (s, e), ok in zip(spans, good, strict=True):
                if not ok:
                    print(f"  false: {text[s:e]!r} in {text!r}")
            for name, ok in zip(dict.fromkeys(names), caught, strict=True):
                if not ok:
                    print(f"  missed: {name!r} in {text!r}")
    return {
        "opinions": len(rows),
        "with_names": sum(1 for _t, n in rows if n),
        "marked": marked,
        "found": found_count,
        "right": right,
        "hit": hit,
        "precision": right / found_count if found_count else 1.0,
        "recall": hit / marked if marked else 1.0,
    }


def measure_builtin(show: bool = False) -> dict[str, object]:
    from pubcomment.core import names, privacy

    rows = labelled()
    found = [names.find(text) for text, _names in rows]
    result: dict[str, object] = {"set": score(rows, found, show)}
    texts = synthetic_text()
    characters = sum(len(t) for t in texts)
    names.find("")  # the list of surnames is read once, before the clock
    names.surnames()
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        spans = [names.find(text) for text in texts]
        best = min(best, time.perf_counter() - started)
    started = time.perf_counter()
    for text in texts:
        privacy.find_patterns(text)
    patterns = time.perf_counter() - started
    flagged = [(text[s:e], text) for text, found_spans in zip(texts, spans, strict=True) for s, e in found_spans]
    if show:
        for name, text in flagged:
            print(f"  false in the synthetic text: {name!r} in {text!r}")
    result["throughput"] = {
        "texts": len(texts),
        "characters": characters,
        "seconds": best,
        "per_second": characters / best,
        "patterns_seconds": patterns,
        "false": len(flagged),
    }
    return result


def measure_ginza(show: bool = False) -> dict[str, object] | None:
    from pubcomment.core import privacy

    if not privacy.ginza_available():
        return None
    from importlib.metadata import version

    rows = labelled()
    started = time.perf_counter()
    both = privacy.find_names([text for text, _n in rows], ginza=True)
    elapsed_set = time.perf_counter() - started
    alone = [[(f.start, f.end) for f in doc] for doc in _ginza_only([text for text, _n in rows])]
    texts = synthetic_text(GINZA_CHARACTERS)
    characters = sum(len(t) for t in texts)
    started = time.perf_counter()
    _ginza_only(texts)
    elapsed = time.perf_counter() - started
    return {
        "version": version("ginza"),
        "set_alone": score(rows, alone, show),
        "set_both": score(rows, [[(f.start, f.end) for f in doc] for doc in both]),
        "set_seconds": elapsed_set,
        "throughput": {"characters": characters, "seconds": elapsed, "per_second": characters / elapsed},
    }


def _ginza_only(texts: list[str]) -> list[list[Any]]:
    from pubcomment.core import privacy

    nlp = privacy._nlp()
    return [sorted(set(privacy._name_findings(doc)), key=lambda f: f.start) for doc in nlp.pipe(texts, batch_size=64)]


def ginza_elsewhere(python: str) -> dict[str, object] | None:
    """GiNZA measured by another interpreter (a scratch venv that has it)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(HERE.parent / "ext"), str(HERE.parent)])}
    done = subprocess.run(
        [python, "-m", "bench.names", "--ginza-json"], capture_output=True, text=True, env=env, cwd=HERE.parent, check=False
    )
    if done.returncode != 0:
        print(done.stderr, file=sys.stderr)
        return None
    return json.loads(done.stdout.splitlines()[-1]) or None


def report(builtin: dict[str, object], ginza: dict[str, object] | None, ginza_note: str) -> str:
    s = builtin["set"]
    t = builtin["throughput"]
    assert isinstance(s, dict) and isinstance(t, dict)
    lines = [
        f"`python -m bench.names` checks `bench/names-opinions.tsv`: {s['opinions']} synthetic opinions (見本) written for this, "
        f"{s['with_names']} of them with {s['marked']} names (signatures, 氏名 labels, honorifics, officials with titles, "
        "katakana names, names with spaces, single-kanji surnames) and the rest with none but with what looks like one "
        "(wards and stations such as 中原・高津・宮前, 林・森・原 as words, 皆様・担当者様・業者さん, shops and companies). "
        "A labelled name is found when a found span overlaps it.  **The set was written by the author of the detector, "
        "and the detector's misses and false findings on it were then fixed**, so the figures are a regression check, "
        "not an estimate for real opinions: there, expect names with no word around them (ご回答は太田まで) and "
        "surnames off the list to be missed more often.",
        "",
        "| detector | names | found | right | precision | recall |",
        "|---|---:|---:|---:|---:|---:|",
        f"| built-in (core/names.py) | {s['marked']} | {s['found']} | {s['right']} | {s['precision']:.2f} | {s['recall']:.2f} |",
    ]
    if ginza is not None:
        for label, key in (("GiNZA alone", "set_alone"), ('built-in and GiNZA (`pubcomment_privacy_names = "ginza"`)', "set_both")):
            g = ginza[key]
            assert isinstance(g, dict)
            lines.append(f"| {label} | {g['marked']} | {g['found']} | {g['right']} | {g['precision']:.2f} | {g['recall']:.2f} |")
    lines += [
        "",
        f"Speed on {t['characters']:,} characters of synthetic opinion text ({t['texts']:,} paragraphs of bench/generate.py's "
        f"model; fastest of three runs): the built-in detector {t['seconds']:.2f} s, **{t['per_second'] / 1e6:.1f} million "
        f"characters a second** (the other personal-information patterns: {t['patterns_seconds']:.2f} s), so 100,000 opinions "
        f"(about 70 million characters) take about {70e6 / t['per_second']:.0f} s.  It found {t['false']} name(s) in that text, "
        "which names nobody.",
    ]
    if ginza is not None:
        g = ginza["throughput"]
        assert isinstance(g, dict)
        lines += [
            "",
            f"GiNZA {ginza['version']} (`ja_ginza`, in a scratch venv) read {g['characters']:,} characters of the same text in "
            f"{g['seconds']:.1f} s: {g['per_second']:,.0f} characters a second, about "
            f"{70e6 / g['per_second'] / 3600:.1f} hours for 70 million.",
        ]
    else:
        lines += ["", ginza_note]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write-readme", action="store_true", help="put the tables in bench/README.md (section 'names')")
    parser.add_argument("--ginza-python", metavar="PYTHON", help="an interpreter that has GiNZA, when this one has not")
    parser.add_argument("--ginza-json", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--show", action="store_true", help="print every miss and every false finding")
    arguments = parser.parse_args()
    if arguments.ginza_json:
        print(json.dumps(measure_ginza()))
        return 0
    builtin = measure_builtin(arguments.show)
    ginza = measure_ginza(arguments.show)
    note = "GiNZA is not installed for this interpreter; pass `--ginza-python` to measure it."
    if ginza is None and arguments.ginza_python:
        ginza = ginza_elsewhere(arguments.ginza_python)
        note = "GiNZA could not be measured (see the error above)."
    text = report(builtin, ginza, note)
    print(text)
    if arguments.write_readme:
        from bench.run import machine, write_readme

        write_readme(text + "\n\n" + machine(), section="names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
