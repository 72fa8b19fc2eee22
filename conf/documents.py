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


BODY = "川崎市"

DOCUMENTS = (
    Document(
        key="results",
        root="results/index",
        title="川崎市DX推進プランの改定案に係るパブリックコメントの実施結果について",
        author=BODY,
        stem="kawasaki-dx-pubcomment-results",
    ),
)


def by_key(key: str) -> Document:
    for document in DOCUMENTS:
        if document.key == key:
            return document
    raise KeyError(key)
