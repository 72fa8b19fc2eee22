"""The user-facing words of pubcomment, and their defaults.

Every word a page shows comes from here, so another body can say its
own: site-wide in ``conf.py`` (``pubcomment_labels``) or per consultation
in its data (``labels:``; the data wins).  ``{self}`` is replaced by the
body's self-reference (本市, 本県 …) and other ``{name}`` fields by the
values each label documents.  The README lists every key.
"""

from __future__ import annotations

from .ranges import NUMBER_CAPTION, NUMBERS_CAPTION

DEFAULT_LABELS: dict[str, str] = {
    "no": "No",
    "summary": "意見の要旨",
    "response": "{self}の考え方",
    "category": "区分",
    "topic": "項目",
    "row_total": "計",
    "grand_total": "合計",
    "description": "内容",
    "published": "案の公示日",
    "period": "意見の募集期間",
    "methods": "意見の提出方法",
    "publicity": "募集の周知方法",
    "submissions": "意見提出数",
    "opinions": "意見数",
    "submissions_unit": "通",
    "opinions_unit": "件",
    "amendments_unit": "件",
    "overview_caption": "意見募集の概要",
    "results_caption": "結果の概要",
    "legend_caption": "対応区分",
    "tally_caption": "意見の件数と対応区分",
    "opinions_caption": "{topic}",
    "numbers_caption": NUMBERS_CAPTION,
    "number_caption": NUMBER_CAPTION,
    "amendments_caption": "改定案からの変更点",
    "amendment_summary": "変更の概要",
    "after": "変更後の内容",
    "before": "変更前の内容",
    "no_before": "なし",
    "no_amendments": "改定案からの変更はありません。",
    "changed_note": "下線部は変更箇所",
    "changed_hidden": "変更箇所",
    "changed_hidden_end": "変更箇所ここまで",
    "note_link": "注釈へ",
    "when": "時期",
    "what": "内容",
    "opinions_link": "この箇所への御意見（{count}件）",
    "related": "関連箇所",
    "amendment_ref": "変更点{number}",
    "edition_final": "改定版",
    "edition_draft": "改定案",
    "edition_notice": "この文書は{edition}です。",
    "edition_other": "{edition}を見る",
    "editions_list": "プラン本編の版：",
    # Consultations as they are really published (see README).
    "tally_caption_plain": "意見の件数",
    "grouped": "（同趣旨 {count}{unit}）",
    "in_scope": "本案件に関するもの",
    "out_of_scope": "本案件外のもの",
    "scope_breakdown": "（うち{in_label}{in_count}、{out_label}{out_count}）",
    "out_of_scope_caption": "本案件以外の御意見",
    "methods_breakdown": "（内訳：{items}）",
    "no_opinions": "意見の募集に対し、御意見の提出はありませんでした。",
    # When the rows are a selection or a summary of a larger set (declared: {rows: …}):
    # the tables and charts of the rows say so, and the counts are the declared totals.
    "selection_caption": "主な御意見と{self}の考え方",
    "summary_caption": "御意見の要旨（整理・要約したもの）と{self}の考え方",
    "partial_opinions_caption": "{rows}（{topic}）",
    "partial_tally_caption": "掲載した御意見の内訳（{caption}）",
    "rows_shown": "掲載した御意見",
    "rows_shown_selection": "主な御意見 {count}",
    "rows_shown_summary": "整理・要約したもの {count}",
    "days_unit": "日間",
    # Open data beside the results (pc-downloads, HTML only).
    "downloads_caption": "この結果のデータ（オープンデータ）",
    "download_csv": "CSV（Excel 用、BOM 付き UTF-8）",
    "download_csv_plain": "CSV（UTF-8）",
    "download_json": "JSON（すべての項目）",
    "download_package": "データパッケージ（datapackage.json、列の説明）",
    # Charts of the opinions (pc-chart); {items} are the bars, each as chart_alt_item says.
    "chart_by_topic": "意見の件数（項目別）",
    "chart_by_category": "意見の件数（対応区分別）",
    "chart_axis": "件数",
    "chart_alt": "{caption}の棒グラフ。{items}",
    "chart_alt_item": "{label}は{count}{breakdown}。",
    # The list of consultations (pc-index) and its feed; {year} is 令和7年.
    "status_planned": "募集予定",
    "status_open": "意見募集中",
    "status_preparing": "結果公表準備中",
    "status_published": "結果公表済み",
    "index_title": "件名",
    "index_status": "状況",
    "index_counts": "意見提出数・意見数",
    "index_plan_link": "案・計画",
    "index_fiscal_year": "{year}度",
    "index_by_year": "年度で選ぶ：",
    "index_by_status": "状況で選ぶ：",
    "index_status_caption": "{status}の意見募集",
    "index_none": "意見募集はありません。",
    "index_feed": "結果の公表のお知らせ（Atom フィード）",
    "feed_title": "{project} 意見募集の結果",
    "feed_summary": "{period}に募集した意見募集の結果を公表しました（{counts}）。",
    # What withheld text (一部非公開, core/redaction.py) is shown as; may say {reason}.
    "redacted": "■■■",
}


def fill(text: str, values: dict[str, str]) -> str:
    """``text`` with each ``{name}`` replaced by its value."""
    for name, value in values.items():
        text = text.replace("{" + name + "}", value)
    return text
