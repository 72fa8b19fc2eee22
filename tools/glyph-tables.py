#!/usr/bin/env python3
"""Write ext/pubcomment/latex/glyphs.txt: which characters the print fonts have.

    tools/glyph-tables.py   (needs TeX Live's CMaps and Harano Aji, fontconfig's fc-query,
                             fonts-noto-cjk, fonts-symbola (see system-deps.sh),
                             and fontTools (matplotlib's, in the venv))

One line per table, ``name range range ...`` with ranges in hex (``4e00-9fff``):

* ``aj1``: what the Japanese fonts (Harano Aji) print: the code points of the
  CMap UniJIS-UTF16-H, through which dvipdfmx maps upLaTeX's Japanese text,
  whose CID both faces draw (a CID that Harano Aji leaves as its .notdef,
  as the Greek letters with tonos, ά U+03AC, prints as a box);
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


def cmap_cids(name: str) -> dict[int, int]:
    """Each code point of the CMap ``name`` and its CID."""
    path = subprocess.run(["kpsewhich", "-format=cmap", name], capture_output=True, text=True, check=True).stdout.strip()
    text = Path(path).read_text(encoding="latin-1")

    def code(hexa: str) -> int:
        return ord(bytes.fromhex(hexa).decode("utf-16-be"))

    cids: dict[int, int] = {}
    for block in re.findall(r"begincidrange(.*?)endcidrange", text, re.S):
        for first, last, cid in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\d+)", block):
            for offset, point in enumerate(range(code(first), code(last) + 1)):
                cids[point] = int(cid) + offset
    for block in re.findall(r"begincidchar(.*?)endcidchar", text, re.S):
        for one, cid in re.findall(r"<([0-9a-fA-F]+)>\s*(\d+)", block):
            cids[code(one)] = int(cid)
    return cids


def blank_cids(face: str) -> set[int]:
    """The CIDs of the OpenType CID font ``face`` (found by kpsewhich) whose glyph is its .notdef's."""
    from fontTools.ttLib import TTFont

    path = subprocess.run(["kpsewhich", face], capture_output=True, text=True, check=True).stdout.strip()
    font = TTFont(path)
    charstrings = font["CFF "].cff.topDictIndex[0].CharStrings
    notdef = charstrings[".notdef"]
    notdef.decompile()
    blank = set()
    for cid, name in enumerate(font.getGlyphOrder()):
        glyph = charstrings[name]
        glyph.decompile()
        if cid and glyph.program == notdef.program:
            blank.add(cid)
    return blank


def printed_by_harano_aji() -> set[int]:
    """The code points of UniJIS-UTF16-H whose CID both Harano Aji faces of the print draw."""
    blank = blank_cids("HaranoAjiMincho-Regular.otf") | blank_cids("HaranoAjiGothic-Medium.otf")
    return {point for point, cid in cmap_cids("UniJIS-UTF16-H").items() if cid not in blank}


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
        "aj1": printed_by_harano_aji(),
        "hangul": within(font_code_points(serif, KR) & font_code_points(sans, KR), HANGUL),
        "han": within(font_code_points(serif, SC) & font_code_points(sans, SC), HAN),
        "symbols": font_code_points(SYMBOLA),
    }
    OUT.write_text("".join(f"{name} {ranges(points)}\n" for name, points in tables.items()), encoding="ascii")


if __name__ == "__main__":
    main()
