"""Changed text in print: the units and joints pubcomment.latex.underline writes for LaTeX."""

from __future__ import annotations

import re

from sphinx.util import texescape

from pubcomment.latex.underline import joint, underlined, units

texescape.init()  # Sphinx fills its escaping tables when it starts


def escape(text: str) -> str:
    return texescape.escape(text, "uplatex")


def plain(latex: str) -> str:
    """The units of the LaTeX, unescaped as far as these tests need."""
    return "|".join(re.findall(r"\\pcU\{((?:[^{}]|\{[^{}]*\})*)\}", latex))


def test_japanese_by_character_latin_by_word() -> None:
    assert list(units("⇒ 160,000 人 (令和 11 年度)", escape)) == [
        "⇒",
        " ",
        "160,000",
        " ",
        "人",
        " ",
        "(",
        "令",
        "和",
        " ",
        "11",
        " ",
        "年",
        "度",
        ")",
    ]
    assert plain(underlined("自治体の AI の利用", escape)) == "自|治|体|の|AI|の|利|用"


def test_a_long_address_may_break_after_a_slash() -> None:
    assert list(units("https://example.jp/a/b", escape)) == ["https:/", "/", "example.jp/", "a/", "b"]


def test_kinsoku() -> None:
    # No line starts with 、。」ー nor ends with 「（; elsewhere a break is allowed.
    assert joint("化", "、", escape).startswith(r"\nobreak")
    assert joint("化", "」", escape).startswith(r"\nobreak")
    assert joint("デ", "ー", escape).startswith(r"\nobreak")
    assert joint("「", "国", escape).startswith(r"\nobreak")
    assert joint("（", "令", escape).startswith(r"\nobreak")
    assert joint("(", "令", escape).startswith(r"\nobreak")
    assert not joint("、", "国", escape).startswith(r"\nobreak")
    assert not joint("地", "方", escape).startswith(r"\nobreak")


def test_the_space_uplatex_puts_between_characters() -> None:
    assert joint("地", "方", escape) == r"\pcK"  # \kanjiskip
    assert joint("、", "国", escape) == r"\pcH"  # half a character after 、
    assert joint("の", "「", escape) == r"\pcH"  # … and before 「
    assert joint("」", "「", escape) == r"\pcH"  # not twice
    assert joint("」", "。", escape) == r"\nobreak\pcK"
    assert joint("国", "・", escape) == r"\nobreak\pcQ"  # a quarter each side of ・
    assert joint("の", "A", escape) == r"\pcX"  # \xkanjiskip
    assert joint("人", "(", escape) == r"\pcX"
    assert joint("(", "令", escape) == r"\nobreak\pcK"
    assert joint(")", "年", escape) == r"\pcX"
    assert joint("「", "A", escape) == r"\nobreak\pcK"


def test_spaces_and_line_ends() -> None:
    # A space inside changed text is underlined; at its ends it is a plain space.
    assert underlined(" 160,000 人 ", escape) == r" \pcU{160,000}\pcS\pcU{人} "
    # A line end after a Japanese character is no space, as in upLaTeX.
    assert underlined("です。\nまた", escape) == r"\pcU{で}\pcK\pcU{す}\nobreak\pcK\pcU{。}\pcH\pcU{ま}\pcK\pcU{た}"


def test_the_glue_around_changed_text_is_not_underlined() -> None:
    latex = underlined("変更", escape, before="「", after="」")
    assert latex == r"\nobreak\pcPlain{\pcK}\pcU{変}\pcK\pcU{更}\nobreak\pcPlain{\pcK}"
    # Changed text continued by more changed text (in emphasis): underlined.
    assert underlined("強調", escape, before="更", continues=True).startswith(r"\pcK\pcU{強}")


def test_every_unit_is_escaped() -> None:
    latex = underlined(r"\input{/etc/passwd} 100% #1 & ~ ^ _ {x} $x$", escape)
    assert r"\input{" not in latex
    assert re.search(r"(?<!\\)[#&%$~^_]", latex) is None
    assert r"\pcU{\textbackslash{}input\{/}" in latex
    assert r"\pcU{100\%}\pcS\pcU{\#1}\pcS\pcU{\&}\pcS\pcU{\textasciitilde{}}" in latex
