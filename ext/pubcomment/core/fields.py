"""The data format, declared once: which keys each mapping of a consultation takes.

:mod:`.schema` reads its key sets from here (an unknown key is reported with
a did-you-mean) and :mod:`.jsonschema` writes the JSON Schema of the format
from the same declaration, for editors that check a file as it is written.

Values are text to the loader: YAML is composed without type resolution
(``title: 2025`` is the text 2025, ``count: 1,650`` the text 1,650), so
each :class:`Field` names what the text must say (its ``kind``), not a
YAML type.  An opinion's keys are declared in opinion_fields.py, with
everything else the code does with each field.
"""

from __future__ import annotations

from . import opinion_fields
from .kinds import (
    CHOICE,
    CHOICES,
    COLUMNS,
    DATE,
    INTEGER,
    LABELS,
    LIST,
    MAPPING,
    METHODS,
    MONTH_OR_DAY,
    OPINIONS,
    TEXT,
    TEXT_FORMAT,
    TEXTS,
    Field,
)
from .labels import DEFAULT_LABELS
from .law import KIND_ALIASES, KINDS
from .model import ROWS_CHOICES, TEXT_FIELDS, TEXT_FORMATS
from .numbers import DigitStyle
from .status import Status
from .wareki import PERIOD_STYLE_OPTIONS

# The values of ``status:`` (core/status.py Status).
STATUS_CHOICES = tuple(status.value for status in Status)


# The values of ``body: {kind: …}`` (core/law.py): each kind and its ASCII alias.
BODY_KINDS = (*KINDS, *KIND_ALIASES)


def keys(fields: dict[str, Field]) -> set[str]:
    return set(fields)


BODY: dict[str, Field] = {
    "name": Field(TEXT, "団体名（川崎市）", required=True),
    "self": Field(TEXT, "団体の自称（本市、本県）。既定は本市"),
    "kind": Field(
        CHOICE,
        "団体の種類（結果の公示に必要な事項の規則を選びます）: 国の行政機関、都道府県、市区町村、その他"
        "（national、prefecture、municipality、other）。書かなければ団体名の終わりから",
        choices=BODY_KINDS,
    ),
}
PERIOD: dict[str, Field] = {
    "start": Field(DATE, "募集の初日（YYYY-MM-DD）", required=True),
    "end": Field(DATE, "募集の最終日（YYYY-MM-DD）", required=True),
}
DECLARED: dict[str, Field] = {
    "submissions": Field(INTEGER, "公表資料の意見提出数（通）。データと照合します"),
    "opinions": Field(INTEGER, "公表資料の意見数（件）。データと照合します"),
    "in_scope": Field(INTEGER, "うち本案件に関する意見数（件）。rows が selection か summary のとき"),
    "out_of_scope": Field(INTEGER, "うち本案件外の意見数（件）。御意見を載せず件数だけでもよい"),
    "rows": Field(
        CHOICE,
        "載せた御意見が何か: all（すべて。既定）、selection（主な御意見）、summary（整理・要約したもの）。"
        "selection と summary では、ここに書いた件数を全体の件数として示します",
        choices=ROWS_CHOICES,
    ),
}
CATEGORY: dict[str, Field] = {
    "key": Field(TEXT, "対応区分の記号（A、B …）", required=True),
    "description": Field(TEXT, "対応区分の内容", required=True),
    "label": Field(TEXT, "対応区分の短い名前（反映、参考 …）"),
}
TOPIC: dict[str, Field] = {
    "id": Field(TEXT, "項目の ID（御意見の topic に書くもの）。既定は title"),
    "title": Field(TEXT, "項目の見出し", required=True),
}
# ``opinions: {file: opinions.xlsx, sheet: 意見一覧, columns: {受付番号: submission}}``
OPINIONS_FILE: dict[str, Field] = {
    "file": Field(TEXT, "御意見のファイル（xlsx、xlsm、ods、CSV、YAML、JSON）の名前", required=True),
    "sheet": Field(TEXT, "シートの名前、または何枚目か（既定は1枚目）"),
    "columns": Field(COLUMNS, "見出しとデータの欄の対応（受付番号: submission。null で読まない）"),
}
# An opinion's keys, from the declaration of its fields (opinion_fields.py).
SCOPES = opinion_fields.SCOPES
REDACTION = opinion_fields.REDACTION
OPINION: dict[str, Field] = opinion_fields.data_format()
METHOD: dict[str, Field] = {
    "method": Field(TEXT, "提出方法（電子メール …）", required=True),
    "count": Field(INTEGER, "その方法で提出された通数"),
}
STYLE: dict[str, Field] = {
    **{name: Field(CHOICE, f"日付の書き方: {name}", choices=choices) for name, choices in PERIOD_STYLE_OPTIONS.items()},
    "digits": Field(CHOICE, "数字の書き方", choices=tuple(style.value for style in DigitStyle)),
}
AMENDMENT: dict[str, Field] = {
    "id": Field(TEXT, "変更点の id（御意見の amendments から参照）"),
    "summary": Field(TEXT, "変更の概要", required=True),
    "location": Field(TEXT, "変更の箇所"),
    "after": Field(TEXT, "変更後の内容（変更箇所は {u}`…`）", required=True),
    "before": Field(TEXT, "変更前の内容（追加なら書かない）"),
}
SCHEDULE: dict[str, Field] = {
    "when": Field(MONTH_OR_DAY, "時期（YYYY-MM または YYYY-MM-DD）", required=True),
    "text": Field(TEXT, "内容", required=True),
}
TOP: dict[str, Field] = {
    "title": Field(TEXT, "意見募集の件名", required=True),
    "body": Field(MAPPING, "団体", required=True, fields=BODY),
    "plan": Field(TEXT, "案の名前"),
    "published": Field(DATE, "案の公示日（YYYY-MM-DD）"),
    "period": Field(MAPPING, "意見の募集期間", required=True, fields=PERIOD),
    "submission_methods": Field(METHODS, "意見の提出方法", fields=METHOD),
    "publicity": Field(TEXTS, "募集の周知方法"),
    "declared": Field(MAPPING, "公表資料に書かれた件数", fields=DECLARED),
    "categories": Field(LIST, "対応区分", fields=CATEGORY),
    "topics": Field(LIST, "項目", fields=TOPIC),
    "opinions": Field(OPINIONS, "御意見と考え方、またはそのファイル名（CSV、YAML、JSON）", fields=OPINION),
    "amendments": Field(LIST, "改定案からの変更点（変更がなければ []）", fields=AMENDMENT),
    "schedule": Field(LIST, "今後の予定", fields=SCHEDULE),
    "text_format": Field(TEXT_FORMAT, "御意見の文章の読み方: plain（書かれたとおり）か markdown", choices=TEXT_FORMATS),
    "labels": Field(LABELS, "この意見募集だけの文言（文言の一覧のキー）", choices=tuple(DEFAULT_LABELS)),
    "style": Field(MAPPING, "日付と数字の書き方", fields=STYLE),
    "status": Field(
        CHOICE,
        "一覧（pc-index）に出す状況。書かなければ日付から: planned（募集予定）、open（意見募集中）、"
        "preparing（結果公表準備中）、published（結果公表済み）",
        choices=STATUS_CHOICES,
    ),
    "published_results": Field(DATE, "結果の公表日（YYYY-MM-DD）。募集の終わりからこの日の前日までは結果公表準備中"),
    "publish": Field(
        CHOICES,
        "既定では公開しない欄のうち、オープンデータに載せるもの（個人を特定しない受付番号などのときだけ）: "
        + "、".join(opinion_fields.ON_REQUEST_FIELDS),
        choices=opinion_fields.ON_REQUEST_FIELDS,
    ),
}
# The fields text_format may name.
TEXT_FORMAT_FIELDS = TEXT_FIELDS
