#!/usr/bin/env python3
"""Write ext/pubcomment/latex/glyphs.txt: which characters the print fonts have.

    tools/glyph-tables.py   (needs TeX Live's CMaps, fontconfig's fc-query,
                             fonts-noto-cjk and fonts-symbola; see system-deps.sh)

One line per table, ``name range range ...`` with ranges in hex (``4e00-9fff``):

* ``aj1``: what the Japanese fonts (Harano Aji) print: the code points of the
  CMap UniJIS-UTF16-H, through which dvipdfmx maps upLaTeX's Japanese text;
* ``hangul``: Hangul that Noto Serif CJK KR and Noto Sans CJK KR both have;
* ``han``: ideographs that Noto Serif CJK SC and Noto Sans CJK SC both have;
* ``symbols``: what Symbola (monochrome emoji and symbols) has.

The tables are kept in the repository so that a Sphinx build without TeX
(the .tex written here, compiled elsewhere) decides the same way.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "ext" / "pubcomment" / "latex" / "glyphs.txt"
NOTO = "/usr/share/fonts/opentype/noto/Noto{}CJK-Regular.ttc"
SYMBOLA = "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"
KR, SC = 1, 2  # face indexes in the collections (fc-list -f '%{family[0]} %{index}\n')
HANGUL = [(0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7FF)]
HAN = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F)]


def cmap_code_points(name: str) -> set[int]:
    path = subprocess.run(["kpsewhich", "-format=cmap", name], capture_output=True, text=True, check=True).stdout.strip()
    text = Path(path).read_text(encoding="latin-1")

    def code(hexa: str) -> int:
        units = bytes.fromhex(hexa).decode("utf-16-be")
        return ord(units)

    points: set[int] = set()
    for block in re.findall(r"begincidrange(.*?)endcidrange", text, re.S):
        for first, last, _cid in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\d+)", block):
            points.update(range(code(first), code(last) + 1))
    for block in re.findall(r"begincidchar(.*?)endcidchar", text, re.S):
        for one, _cid in re.findall(r"<([0-9a-fA-F]+)>\s*(\d+)", block):
            points.add(code(one))
    return points


def font_code_points(path: str, index: int = 0) -> set[int]:
    charset = subprocess.run(["fc-query", "-i", str(index), "-f", "%{charset}", path], capture_output=True, text=True, check=True).stdout
    points: set[int] = set()
    for item in charset.split():
        first, _, last = item.partition("-")
        points.update(range(int(first, 16), int(last or first, 16) + 1))
    return points


def within(points: set[int], blocks: list[tuple[int, int]]) -> set[int]:
    return {p for p in points if any(a <= p <= b for a, b in blocks)}


def ranges(points: set[int]) -> str:
    out: list[list[int]] = []
    for point in sorted(points):
        if out and out[-1][1] == point - 1:
            out[-1][1] = point
        else:
            out.append([point, point])
    return " ".join(f"{a:x}" if a == b else f"{a:x}-{b:x}" for a, b in out)


def main() -> None:
    serif, sans = NOTO.format("Serif"), NOTO.format("Sans")
    tables = {
        "aj1": cmap_code_points("UniJIS-UTF16-H"),
        "hangul": within(font_code_points(serif, KR) & font_code_points(sans, KR), HANGUL),
        "han": within(font_code_points(serif, SC) & font_code_points(sans, SC), HAN),
        "symbols": font_code_points(SYMBOLA),
    }
    OUT.write_text("".join(f"{name} {ranges(points)}\n" for name, points in tables.items()), encoding="ascii")


if __name__ == "__main__":
    main()
