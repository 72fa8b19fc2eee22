"""Precision and recall of the personal-information check (core/privacy.py), per kind.

    python -m bench.privacy [--no-names] [--ginza] [FILE]

FILE (default ``bench/privacy-sentences.txt``) holds one synthetic sentence a
line with the true personal information marked ``[[kind:text]]``.  A found span
counts as right when it overlaps a marked span of the same kind; a marked span
counts as found when a found span of its kind overlaps it.  Names are checked
by the built-in detector (core/names.py) unless ``--no-names``; ``--ginza``
adds GiNZA's (``ja_ginza``), when it can be loaded.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from pubcomment.core import privacy

MARKED = re.compile(r"\[\[([a-z]+):(.+?)\]\]")
DEFAULT = Path(__file__).resolve().parent / "privacy-sentences.txt"


def read(path: Path) -> list[tuple[str, list[tuple[str, int, int]]]]:
    """Each sentence without its marks, and the marked spans (kind, start, end)."""
    sentences = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, spans, position = "", [], 0
        for match in MARKED.finditer(line):
            text += line[position : match.start()]
            spans.append((match.group(1), len(text), len(text) + len(match.group(2))))
            text += match.group(2)
            position = match.end()
        sentences.append((text + line[position:], spans))
    return sentences


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--no-names", action="store_true", help="leave names out")
    parser.add_argument("--ginza", action="store_true", help="names by GiNZA too, when it is installed")
    parser.add_argument("--show", action="store_true", help="print every miss and every false finding")
    arguments = parser.parse_args()
    sentences = read(arguments.file)
    names = not arguments.no_names and privacy.names_available()
    ginza = names and arguments.ginza and privacy.ginza_available()
    how = ("checked with the built-in detector" + (" and GiNZA" if ginza else "")) if names else "not checked"
    started = time.perf_counter()
    found = privacy.find([text for text, _spans in sentences], names=names, ginza=ginza)
    elapsed = time.perf_counter() - started
    kinds = privacy.KINDS if names else tuple(k for k in privacy.KINDS if k != "name")
    print(f"{len(sentences)} sentences, {sum(len(s) for _t, s in sentences)} marked spans; names {how}; {elapsed:.2f} s")
    print("| kind | marked | found | right | precision | recall |\n|---|---:|---:|---:|---:|---:|")
    totals = [0, 0, 0, 0]
    for kind in kinds:
        marked = found_count = right = hit = 0
        for (text, spans), findings in zip(sentences, found, strict=True):
            gold = [(s, e) for k, s, e in spans if k == kind]
            mine = [f for f in findings if f.kind == kind]
            marked += len(gold)
            found_count += len(mine)
            good = [f for f in mine if any(f.start < e and s < f.end for s, e in gold)]
            caught = [(s, e) for s, e in gold if any(f.start < e and s < f.end for f in mine)]
            right += len(good)
            hit += len(caught)
            if arguments.show:
                for f in mine:
                    if f not in good:
                        print(f"  false {kind}: {text[f.start : f.end]!r} in {text}")
                for s, e in gold:
                    if (s, e) not in caught:
                        print(f"  missed {kind}: {text[s:e]!r} in {text}")
        totals = [totals[0] + marked, totals[1] + found_count, totals[2] + right, totals[3] + hit]
        print(f"| {kind} | {marked} | {found_count} | {right} | {_ratio(right, found_count)} | {_ratio(hit, marked)} |")
    print(f"| all | {totals[0]} | {totals[1]} | {totals[2]} | {_ratio(totals[2], totals[1])} | {_ratio(totals[3], totals[0])} |")
    return 0


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "—"


if __name__ == "__main__":
    sys.exit(main())
