"""Cases of the publication policy: nothing withheld or personal reaches any output.

Who submitted (a name, an e-mail address in ``submission`` or
``originals``, a form's 氏名・住所・メール・電話 columns) is in no file the
build or ``pubcomment import``/``export`` writes (Case.withheld, scanned by
checks.leaks); a data file's ``publish:`` puts a 受付番号 list in the open
data, checked for personal information; every CSV and workbook written
keeps formulas as text (checks.formula_cells); aliases that would publish
far more than is written stop at the output budget.

All personal data here is synthetic and obviously fictional (見本 names,
example.jp addresses, 090-0000-xxxx numbers).
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from .cases import (
    Case,
    Expect,
    Factory,
    at,
    csv_text,
    data_case,
    file_case,
    head_lines,
    line_of,
    opinion,
    yaml_data,
    yaml_with_opinions_file,
)

# Synthetic people: nothing of them may be published.
NAMES = ("見本野架空郎", "見本川仮名子", "見本山虚構")
EMAILS = ("kakuu.mihon@example.jp", "kamei.mihon@example.jp", "kyokou.mihon@example.jp")
PHONES = ("090-0000-0101", "090-0000-0102", "090-0000-0103")
ADDRESSES = ("見本県架空市見本町1丁目2番3号", "見本県仮名市見本台4丁目5番6号", "見本県虚構町7番地")
FORMULAS = (
    '=HYPERLINK("http://example.jp","見本")',
    "@SUM(A1:A9)",
    "=1+1+見本",
    "-5",
    "+81見本",
    "＝見本式",
    " ＠見本",
    "\u3000＋見本",
)


def _summaries(tag: str, count: int = 3) -> list[str]:
    return [f"見本{tag}の方針{i}の御意見です。" for i in range(1, count + 1)]


def _with(lines: list[str], *extra: str) -> list[str]:
    return lines + [f"  {line}" for line in extra]


def _workbook(rows: list[list[str]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "回答"
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _form_rows(tag: str) -> list[list[str]]:
    """A form's export: who submitted, in every column a form may have, and the opinions."""
    header = ["受付番号", "提出者", "氏名又は名称", "住所・所在地", "電話番号", "メールアドレス", "E-mail", "TEL", "連絡先", "御意見"]
    return [header] + [
        [f"R-{i:03d}", NAMES[i], NAMES[i], ADDRESSES[i], PHONES[i], EMAILS[i], EMAILS[i], PHONES[i], PHONES[i], summary]
        for i, summary in enumerate(_summaries(tag))
    ]


def _form_csv(tag: str) -> bytes:
    rows = _form_rows(tag)
    return csv_text(rows[1:], header=tuple(rows[0])).encode("utf-8")


def policy_cases() -> Iterator[Factory]:
    # --- who submitted, in the data's own fields: in no output --------------------------
    for mode in ("file", "embedded"):

        def names_in_submission(tag: str, mode: str = mode) -> Case:
            summaries = _summaries(tag)
            data = yaml_data(*[_with(opinion(s), f"submission: {NAMES[i]}") for i, s in enumerate(summaries)])
            return data_case(
                mode,
                "policy-submission-names",
                "outside",
                data,
                texts=tuple(summaries),
                withheld=NAMES,
                note="names as submission ids: on no page, in no open data, not in _sources (embedded), not in print",
            )

        yield names_in_submission

        def emails_in_originals(tag: str, mode: str = mode) -> Case:
            summaries = _summaries(tag)
            data = yaml_data(*[_with(opinion(s), f"originals: [{EMAILS[i]}, {NAMES[i]}]") for i, s in enumerate(summaries)])
            return data_case(
                mode,
                "policy-originals-identities",
                "outside",
                data,
                texts=tuple(summaries),
                withheld=EMAILS + NAMES,
                note="originals that are e-mail addresses and names: counted (同趣旨 2件), never published",
            )

        yield emails_in_originals

    def submission_column(tag: str) -> Case:
        summaries = _summaries(tag)
        rows = [
            ["1", "t", "A", summaries[0], "見本の考え方です。", NAMES[0]],
            ["2", "t", "A", summaries[1], "見本の考え方です。", NAMES[1]],
        ]
        return file_case(
            "policy-submission-column",
            "outside",
            yaml_with_opinions_file("opinions.csv"),
            more={"opinions.csv": csv_text(rows, header=("No", "項目", "区分", "意見の要旨", "本市の考え方", "提出ID")).encode()},
            texts=tuple(summaries[:2]),
            withheld=NAMES[:2],
            note="a 提出ID column of names read as submission: in no output",
        )

    yield submission_column

    def export_of_identities(tag: str) -> Case:
        summaries = _summaries(tag)
        data = yaml_data(*[_with(opinion(s), f"submission: {EMAILS[i]}", f"originals: [{NAMES[i]}]") for i, s in enumerate(summaries)])
        return file_case(
            "policy-export-identities",
            "outside",
            data,
            texts=tuple(summaries),
            withheld=EMAILS + NAMES,
            commands=(("export", "../src/data.yaml", "--root", "../src", "--csv", "open.csv", "--json", "open.json"),),
            note="pubcomment export (the open data) writes no submission or originals the data does not publish",
        )

    yield export_of_identities

    # --- a form's columns that name who submitted: never read, never written --------------
    for kind in ("csv", "xlsx"):

        def import_of_a_form(tag: str, kind: str = kind) -> Case:
            rows = _form_rows(tag)
            source = _form_csv(tag) if kind == "csv" else _workbook(rows)
            summaries = _summaries(tag)
            return file_case(
                f"policy-import-form-{kind}",
                "outside",
                yaml_data(opinion(f"見本{tag}の取り込み前の御意見です。")),
                more={f"form.{kind}": source},
                texts=(f"見本{tag}の取り込み前の御意見です。",),
                withheld=NAMES + EMAILS + PHONES + ADDRESSES,
                commands=(
                    ("import", f"../src/form.{kind}", "--out", "imported", "--column", "受付番号=submission"),
                    ("export", "imported/consultation.yaml", "--root", "imported", "--xlsx", "sheet.xlsx"),
                ),
                printed=False,
                note=f"import of a form ({kind}) with 提出者・氏名・住所・電話・メール columns: reported, none written; "
                f"the working sheet made from it holds none ({summaries[0][:8]}…)",
            )

        yield import_of_a_form

    def import_told_to_copy_a_name(tag: str) -> Case:
        return file_case(
            "policy-import-forced-column",
            "outside",
            yaml_data(opinion(f"見本{tag}の御意見です。")),
            more={"form.csv": _form_csv(tag)},
            texts=(f"見本{tag}の御意見です。",),
            withheld=NAMES + EMAILS,
            commands=(
                (
                    "import",
                    "../src/form.csv",
                    "--out",
                    "imported",
                    "--column",
                    "氏名又は名称=summary",
                    "--column",
                    "提出者=submission",
                    "--column",
                    "メールアドレス=response",
                ),
            ),
            printed=False,
            note="--column cannot make a column that names who submitted a field: import still leaves it out",
        )

    yield import_told_to_copy_a_name

    for kind in ("csv", "xlsx"):

        def build_of_a_form(tag: str, kind: str = kind) -> Case:
            rows = _form_rows(tag)
            # The build reads the form as its opinions file: every identity column is reported at its title's cell.
            rows = [[*row, "t", "A", "見本の考え方です。"] for row in rows]
            rows[0][-3:] = ["項目", "区分", "本市の考え方"]
            source = csv_text(rows[1:], header=tuple(rows[0])).encode() if kind == "csv" else _workbook(rows)
            name = f"form.{kind}"
            places = [f"{name}:回答!{chr(ord('A') + i)}1" if kind == "xlsx" else f"{name}:1" for i in range(9)]
            return file_case(
                f"policy-form-as-opinions-{kind}",
                "outside",
                yaml_with_opinions_file(name),
                more={name: source},
                expected=(
                    Expect("unknown_key", places[0], "受付番号"),
                    *(Expect("privacy", place, "may identify who submitted") for place in places[1:]),
                ),
                texts=tuple(_summaries(tag)),
                withheld=NAMES + EMAILS + PHONES + ADDRESSES,
                note=f"a form ({kind}) read as the opinions: each identity column one warning at its title, none read",
            )

        yield build_of_a_form

    def mapped_identity_column(tag: str) -> Case:
        summaries = _summaries(tag, 2)
        rows = [[str(i + 1), "t", "A", s, "見本の考え方です。", NAMES[i]] for i, s in enumerate(summaries)]
        data = "\n".join(
            [*yaml_with_opinions_file("x").splitlines()[:-1], "opinions:", "  file: opinions.csv", "  columns: {提出者: submission}"]
        )
        return file_case(
            "policy-mapped-identity-column",
            "outside",
            data + "\n",
            more={"opinions.csv": csv_text(rows, header=("No", "項目", "区分", "意見の要旨", "本市の考え方", "提出者")).encode()},
            expected=(Expect("privacy", "opinions.csv:1", "not read as 'submission'"),),
            texts=tuple(summaries),
            withheld=NAMES[:2],
            note="columns: {提出者: submission} is refused: one warning at the header, the names read as nothing",
        )

    yield mapped_identity_column

    # --- publish: a 受付番号 list, published and checked ----------------------------------
    def published_ids(tag: str) -> Case:
        summaries = _summaries(tag)
        data = yaml_data(
            *[_with(opinion(s), f"submission: R-{i:04d}", f"originals: [受付{i}1, 受付{i}2]") for i, s in enumerate(summaries)],
        ).replace("opinions:\n", "publish: [submission, originals]\nopinions:\n", 1)
        return file_case(
            "policy-publish-ids",
            "outside",
            data,
            texts=tuple(summaries),
            commands=(("export", "../src/data.yaml", "--root", "../src", "--csv", "open.csv"),),
            note="publish: [submission, originals] with 受付番号 that name no one: builds clean",
        )

    yield published_ids

    def published_emails(tag: str) -> Case:
        summaries = _summaries(tag, 2)
        data = yaml_data(*[_with(opinion(s), f"submission: {EMAILS[i]}") for i, s in enumerate(summaries)]).replace(
            "opinions:\n", "publish: submission\nopinions:\n", 1
        )
        return file_case(
            "policy-publish-checked",
            "outside",
            data,
            # At the field's own line, as every privacy finding of an opinion is.
            expected=tuple(
                Expect("privacy", f"data.yaml:{line_of(data, 'submission:', n)}", "メールアドレス.*'submission'") for n in (1, 2)
            ),
            texts=tuple(summaries),
            note="a published submission is checked like the texts: an e-mail address in it is pubcomment.privacy",
        )

    yield published_emails

    def publish_a_text(tag: str) -> Case:
        data = yaml_data(opinion(f"見本{tag}の御意見です。")).replace("opinions:\n", "publish: [summary, submision]\nopinions:\n", 1)
        line = line_of(data, "publish:")
        return file_case(
            "policy-publish-unknown",
            "outside",
            data,
            expected=(Expect("type", f"data.yaml:{line}", "'summary'"), Expect("type", f"data.yaml:{line}", "did you mean 'submission'")),
            texts=(f"見本{tag}の御意見です。",),
            note="publish: names only the fields on request; anything else is pubcomment.type at its line",
        )

    yield publish_a_text

    # --- formulas in every CSV and workbook written ---------------------------------------
    def formulas_everywhere(tag: str) -> Case:
        rows = [[str(i), "t", "A", f"{text}見本{tag}", text] for i, text in enumerate(FORMULAS, 1)]
        form = csv_text(rows, header=("No", "項目", "区分", "意見の要旨", "本市の考え方")).encode()
        return file_case(
            "policy-formulas",
            "injection",
            yaml_with_opinions_file("opinions.csv"),
            more={"opinions.csv": form},
            texts=tuple(f"{text.strip()}見本{tag}" for text in FORMULAS),
            commands=(
                ("import", "../src/opinions.csv", "--out", "imported"),
                ("export", "../src/data.yaml", "--root", "../src", "--csv", "open.csv", "--xlsx", "sheet.xlsx"),
                ("export", "imported/consultation.yaml", "--root", "imported", "--xlsx", "again.xlsx"),
            ),
            note="=HYPERLINK, @SUM, =1+1, -5, +81, full-width and space-led formulas: text on the page, "
            "neutralised in every CSV (open data, export, import) and quote-prefixed in every workbook",
        )

    yield formulas_everywhere

    # --- the output budget ------------------------------------------------------------------
    for mode in ("file", "embedded"):

        def alias_bomb(tag: str, mode: str = mode) -> Case:
            marker = f"見本爆弾{tag}"
            long = (marker + "あ" * 92) * 500  # 50,000 characters
            lines = [*head_lines(), "opinions:"]
            for i in range(200):
                response = f"&long {long}" if i == 0 else "*long"
                lines += ["- topic: t", "  category: A", f"  summary: 見本{tag}の{i}件目です。", f"  response: {response}"]
            data = "\n".join(lines) + "\n"
            return data_case(
                mode,
                "policy-alias-bomb",
                "traceback",
                data,
                expected=(Expect("limit", at(mode, "data.yaml", line_of(data, "&long")), "output budget"),),
                withheld=(marker,) if mode == "file" else (),  # embedded: the page's own source holds it, as written
                printed=False,
                note="one 50,000-character response aliased 200 times (10 million characters): pubcomment.limit at the anchor, "
                "nothing of it published",
            )

        yield alias_bomb

    def repeated_anchors(tag: str) -> Case:
        marker = f"見本反復{tag}"
        anchors = [f"  - &t{i} '{marker}{i}" + "い" * 3000 + "'" for i in range(30)]
        data = yaml_data(
            *[opinion(f"見本{tag}の{i}件目です。") for i in range(2)],
            tail=("amendments:", *[f"  - {{summary: *t{i % 30}, after: *t{(i + 1) % 30}}}" for i in range(1500)]),
        ).replace("topics:\n", "publicity:\n" + "\n".join(anchors) + "\ntopics:\n", 1)
        return file_case(
            "policy-repeated-anchors",
            "traceback",
            data,
            expected=(Expect("limit", "data.yaml:*", "output budget"),),
            withheld=tuple(f"{marker}{i}" for i in range(30)),
            printed=False,
            note="30 anchors of 3,000 characters repeated 3,000 times (9 million characters): pubcomment.limit, nothing published",
        )

    yield repeated_anchors
