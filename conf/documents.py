"""The documents this site publishes, and what differs between them.

Each document is one PDF and one ePub; the HTML site holds all of them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Document:
    key: str  # used in make targets and output file names
    root: str  # the root document (docname)
    title: str
    author: str
    stem: str  # output file name without suffix
    # Which text of each amendment the document shows: "final" (改定版) or
    # "draft" (改定案).  Each edition is a build of its own (`-t draft`).
    edition: str = "final"


BODY = "川崎市"

PLAN_TITLE = "川崎市DX推進プラン（見本）"

DOCUMENTS = (
    Document(
        key="plan",
        root="plan/index",
        title=PLAN_TITLE,
        author=BODY,
        stem="kawasaki-dx-plan",
    ),
    Document(
        key="results",
        root="results/index",
        title="川崎市DX推進プランの改定案に係るパブリックコメントの実施結果について",
        author=BODY,
        stem="kawasaki-dx-pubcomment-results",
    ),
    # 見本: consultations of fictional bodies, published in other shapes.
    Document(
        key="sample_prefecture",
        root="samples/prefecture/index",
        title="見本県地域公共交通計画（案）に関する意見募集の結果（見本）",
        author="見本県",
        stem="sample-prefecture-results",
    ),
    Document(
        key="sample_town",
        root="samples/town/index",
        title="見本町立図書館の指定管理者制度導入方針（案）に係る意見募集の結果（見本）",
        author="見本町",
        stem="sample-town-results",
    ),
    Document(
        key="plan_draft",
        root="plan/index",
        title=f"{PLAN_TITLE} 改定案",
        author=BODY,
        stem="kawasaki-dx-plan-draft",
        edition="draft",
    ),
)

EDITIONS = ("final", "draft")


def by_key(key: str) -> Document:
    for document in DOCUMENTS:
        if document.key == key:
            return document
    raise KeyError(key)
