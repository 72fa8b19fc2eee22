"""Hostile-input cases: personal names in opinions, found by default with nothing installed (core/names.py).

A name (a signature line, an honorific, a 氏名 label) is one ``pubcomment.privacy``
warning at the opinion, in a YAML file and in a CSV file; what only looks like a
name (wards, 皆様, 担当者様, a shop) is none.  All names are made up (見本).
"""

from __future__ import annotations

from collections.abc import Iterator

from tests.hostile.cases import Case, Expect, Factory, csv_row, csv_text, file_case, line_of, opinion, yaml_data, yaml_with_opinions_file


def name_cases() -> Iterator[Factory]:
    def signature_and_honorific(tag: str) -> Case:
        summary = f"見本の意見{tag}です。窓口の見本山さんが親切でした。\n中原区 見本田太郎"
        labelled = f"見本の意見{tag}の二つ目です（氏名：見本川 次郎）"
        data = yaml_data(opinion(summary), opinion(labelled))
        return file_case(
            "names-yaml-signature-honorific",
            "locations",
            data,
            expected=(
                # At the field's own line, as every privacy finding of an opinion is.
                Expect("privacy", f"data.yaml:{line_of(data, 'summary:', 1)}", "個人名"),
                Expect("privacy", f"data.yaml:{line_of(data, 'summary:', 2)}", "個人名"),
            ),
            texts=(f"見本の意見{tag}です。",),
            note="a name before さん, on a signature line and after 氏名：: one pubcomment.privacy per opinion, with no extra installed",
        )

    yield signature_and_honorific

    def csv_signature(tag: str) -> Case:
        body = csv_text([csv_row(1, f"見本の意見{tag}です。\n見本市北区\u3000鈴木 花子"), csv_row(2, f"見本の意見{tag}の二つ目です。")])
        return file_case(
            "names-csv-signature",
            "locations",
            yaml_with_opinions_file("opinions.csv"),
            more={"opinions.csv": body.encode("utf-8")},
            expected=(Expect("privacy", "opinions.csv:2", "個人名"),),
            texts=(f"見本の意見{tag}の二つ目です。",),
            note="a place and a name on the last line of a CSV cell: pubcomment.privacy at its row",
        )

    yield csv_signature

    def look_alikes(tag: str) -> Case:
        summary = (
            f"見本の意見{tag}です。中原区と高津区と宮前区の皆様、窓口の担当者様、山田商店さん、林の中の道、"
            "川崎市長、総務課長、様々な世代の御意見です。\n中原区在住"
        )
        data = yaml_data(opinion(summary))
        return file_case(
            "names-look-alikes",
            "locations",
            data,
            expected=(),
            texts=(f"見本の意見{tag}です。中原区と高津区と宮前区の皆様",),
            note="wards, 皆様, 担当者様, a shop, a title with no person and 様々 are no names: no warning",
        )

    yield look_alikes
