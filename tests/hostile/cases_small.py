"""Hostile-input cases of small gaps: each gets a warning at its place, or is shown, never a crash or a silent drop.

All Japanese text is synthetic sample text (見本).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

# The module, not its names: cases.py imports this module while it is being made.
from . import cases as base


def small_date_cases() -> Iterator[base.Factory]:
    """Dates the era table can write, in every part that writes them (pc-index names the 年度)."""
    for day in ("1873-01-15", "1873-01-01"):

        def period_1873(tag: str, day: str = day) -> base.Case:
            data = base.yaml_data(base.opinion(f"見本の意見{tag}です。"), period=f"{{start: {day}, end: 1873-02-20}}")
            return base.file_case(
                f"small-period-{day.replace('-', '')}",
                "traceback",
                data,
                parts=(*base.PARTS, "pc-index"),
                texts=(f"見本の意見{tag}です。", "明治6年", "明治5年度"),
                note=f"a period from {day}: its 年度 began in 1872 (明治5年度); check and build agree, no crash",
            )

        yield period_1873


def small_loss_cases() -> Iterator[base.Factory]:
    """What a reader of the data would lose without a word."""

    def untitled_csv_column(tag: str) -> base.Case:
        header = ("No", "項目", "区分", "意見の要旨", "", "本市の考え方")
        rows = [
            ["1", "t", "A", f"見本の意見{tag}です。", "", "見本の考え方です。"],
            ["2", "t", "A", f"見本の二つ目{tag}です。", "見本の題のない列の値", "見本の考え方です。"],
            ["3", "t", "A", f"見本の三つ目{tag}です。", "見本の二つ目の値", "見本の考え方です。"],
        ]
        return base.file_case(
            "small-csv-untitled-column",
            "loss",
            base.yaml_with_opinions_file("opinions.csv"),
            more={"opinions.csv": base.csv_text(rows, header=header).encode()},
            expected=(base.Expect("syntax", "opinions.csv:3", "column 5, which has no title"),),
            texts=(f"見本の意見{tag}です。", f"見本の三つ目{tag}です。"),
            note="a CSV column with an empty title and values: pubcomment.syntax at its first value, once",
        )

    yield untitled_csv_column


def small_location_cases() -> Iterator[base.Factory]:
    """Problems named at their own line."""
    for mode in ("file", "embedded"):

        def raw_control(tag: str, mode: str = mode) -> base.Case:
            data = base.yaml_data(base.opinion(f"見本の意見{tag}です。"), base.opinion(f"見本の前\x07後{tag}"))
            line = base.line_of(data, "\x07")
            return base.data_case(
                mode,
                "small-yaml-raw-bel",
                "locations",
                data,
                expected=(base.Expect("syntax", base.at(mode, "data.yaml", line), "U\\+0007"),),
                note="a raw U+0007 in YAML: pubcomment.syntax at its own line, not line 1",
            )

        yield raw_control


def small_print_cases() -> Iterator[base.Factory]:
    """What print must set inside its cell, in a font that has it."""

    def greek_tonos(tag: str) -> base.Case:
        text = f"見本{tag} Καλημέρα, ευχαριστώ πολύ. Ά Έ Ό ΐ ΰ Ђ"
        return base.file_case(
            "small-greek-tonos",
            "print",
            base.yaml_data(base.opinion(text)),
            texts=(text,),
            note="Greek with tonos (ά U+03AC): printed in Symbola, not as Harano Aji's empty boxes",
        )

    yield greek_tonos


def linked_directory(link: str, name: str, content: bytes) -> Callable[[Path], None]:
    """A directory in the source directory that is a link to one outside (holding ``name``)."""

    def setup(directory: Path) -> None:
        base.outside(name, content)(directory)
        (directory / link).symlink_to(directory.parent / "outside", target_is_directory=True)

    return setup


def inside_link(link: str, target: str) -> Callable[[Path], None]:
    """A link in the source directory to a file inside it."""

    def setup(directory: Path) -> None:
        (directory / link).symlink_to(directory / target)

    return setup


def small_outside_cases() -> Iterator[base.Factory]:
    """Links in the source directory (outside_cases has a link to a file outside): where they lead decides."""
    directive = f"index.md:{base.DIRECTIVE_LINE}|index.md:{base.DIRECTIVE_LINE + 1}"

    def linked_dir_file(tag: str) -> base.Case:
        return base.Case(
            id="small-linked-dir-file",
            cls="outside",
            consultation=":file: data/secret.yaml",
            setup=linked_directory("data", "secret.yaml", base.OUTSIDE_YAML),
            expected=(base.Expect("file", directive),),
            note="':file: data/…' through a directory link to outside: pubcomment.file, nothing of it shown",
        )

    yield linked_dir_file

    def linked_dir_opinions(tag: str) -> base.Case:
        data = base.yaml_with_opinions_file("data/secret.csv")
        return base.file_case(
            "small-linked-dir-opinions",
            "outside",
            data,
            setup=linked_directory("data", "secret.csv", base.OUTSIDE_CSV),
            expected=(base.Expect("file", f"data.yaml:{base.line_of(data, 'opinions:')}"),),
            note="opinions: through a directory link to outside: pubcomment.file",
        )

    yield linked_dir_opinions

    def link_inside(tag: str) -> base.Case:
        data = base.yaml_with_opinions_file("link.csv")
        body = base.csv_text([base.csv_row(1, f"見本の意見{tag}です。")]).encode()
        return base.file_case(
            "small-link-inside",
            "outside",
            data,
            more={"opinions.csv": body},
            setup=inside_link("link.csv", "opinions.csv"),
            texts=(f"見本の意見{tag}です。",),
            note="a link to a file inside the source directory is read (its target is inside)",
        )

    yield link_inside


def small_cases() -> Iterator[base.Factory]:
    """Every case of this module (the one name GENERATORS lists)."""
    for generator in (small_date_cases, small_loss_cases, small_location_cases, small_print_cases, small_outside_cases):
        yield from generator()
