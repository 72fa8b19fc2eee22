"""Configuration of pubcomment, declared once as a dataclass.

Each field is registered as a flat ``pubcomment_<field>`` Sphinx value,
so ``conf.py`` reads ``pubcomment_labels = {...}``.  Modules read the
validated configuration through :func:`get_config`.
"""

from __future__ import annotations

import dataclasses as dc
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from .core.ranges import NUMBER_CAPTION, NUMBERS_CAPTION

PREFIX = "pubcomment_"

# User-facing words.  ``{self}`` is replaced by the body's self-reference
# (本市, 本県 …) from the data, so other bodies need not rewrite headers.
DEFAULT_LABELS: dict[str, str] = {
    "no": "No",
    "summary": "意見の要旨",
    "response": "{self}の考え方",
    "category": "区分",
    "topic": "項目",
    "row_total": "計",
    "grand_total": "合計",
    "description": "内容",
    "period": "意見の募集期間",
    "methods": "意見の提出方法",
    "publicity": "募集の周知方法",
    "submissions": "意見提出数",
    "opinions": "意見数",
    "submissions_unit": "通",
    "opinions_unit": "件",
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
}


@dc.dataclass
class PubcommentConfig:
    labels: dict[str, str] = dc.field(default_factory=dict, metadata={"doc": "Overrides of the user-facing words (see DEFAULT_LABELS)."})
    heading_numbers: bool = dc.field(default=True, metadata={"doc": "Number headings 1, (1), ①, ア in documents whose front matter sets numbering: kobun."})
    badges: bool = dc.field(default=True, metadata={"doc": "Show category letters as sphinx-design badges in HTML."})
    edition: str = dc.field(default="final", metadata={"doc": "Which text of each pc-amendment the plan shows: final (改定版) or draft (改定案)."})
    edition_dirs: dict[str, str] = dc.field(
        default_factory=lambda: {"final": "", "draft": "draft/"},
        metadata={"doc": "Where each edition's HTML is published, relative to the site root."},
    )
    latex_plan: str = dc.field(
        default="",
        metadata={"doc": "File stem of the plan's PDF; the results PDF reads page numbers from its .aux."},
    )
    plan_label: str = dc.field(default="プラン本編", metadata={"doc": "How amendment locations name the plan (プラン本編 4(3)①エ / P15)."})

    def label(self, key: str, /, **values: str) -> str:
        text = self.labels.get(key, DEFAULT_LABELS[key])
        for name, value in values.items():
            text = text.replace("{" + name + "}", value)
        return text


def setup_config(app: Sphinx) -> None:
    for field in dc.fields(PubcommentConfig):
        default: Any = field.default_factory() if field.default_factory is not dc.MISSING else field.default  # type: ignore[misc]
        app.add_config_value(PREFIX + field.name, default, "env", types=(type(default),), description=field.metadata.get("doc", ""))
    app.connect("config-inited", _check_labels)


def _check_labels(app: Sphinx, config: Config) -> None:
    unknown = set(config[PREFIX + "labels"]) - set(DEFAULT_LABELS)
    if unknown:
        from .core.problems import Subtype
        from .warnings_ import warn

        warn(Subtype.DIRECTIVE, f"pubcomment_labels has unknown keys: {', '.join(sorted(unknown))}", None)


def get_config(config: Config) -> PubcommentConfig:
    return PubcommentConfig(**{f.name: config[PREFIX + f.name] for f in dc.fields(PubcommentConfig)})
