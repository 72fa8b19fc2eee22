"""この団体のサイトの設定: 団体の名前・自称・文書の題名・ファイル名は、すべてここで変えます。

Each document is one PDF and one ePub; the HTML site holds all of them.
conf.py reads this file; the Makefile lists the documents with
``pubcomment documents``.  (This sample site's file has the form
`pubcomment new` writes, with Kawasaki's documents and two 見本 bodies'.)
"""

from __future__ import annotations

from pubcomment.site import Document

# 団体の名前と自称（「本市の考え方」などの見出しに使います。データの body にも同じものを書きます）。
BODY = "川崎市"
SELF = "本市"

# サイトの名前（ブラウザーのタブやページの上に出ます）。
PROJECT = "川崎市DX推進プラン"

PLAN_TITLE = "川崎市DX推進プラン（見本）"

# 公開する文書。key は make の中で、stem は PDF・ePub のファイル名（半角英数字とハイフン）に使います。
DOCUMENTS = (
    Document(key="plan", root="plan/index", title=PLAN_TITLE, author=BODY, stem="kawasaki-dx-plan"),
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
    # 意見募集にかけた案（改定案）。`-t draft` の別のビルドで作ります。
    Document(
        key="plan_draft", root="plan/index", title=f"{PLAN_TITLE} 改定案", author=BODY, stem="kawasaki-dx-plan-draft", edition="draft"
    ),
)
