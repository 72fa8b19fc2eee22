"""A site's documents, declared once in ``conf/documents.py``, and the Sphinx
values made from them.

Each :class:`Document` is one PDF and one ePub; the HTML site holds all of
them.  ``conf.py`` turns the list into ``latex_documents``
(:func:`latex_documents`) and, for ``sphinx-build -b epub -t epub_<key>``,
into the settings that make that document the ePub (:func:`epub_settings`);
the Makefile lists the documents with ``pubcomment documents``.  Neither
Sphinx nor docutils is imported here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

EDITIONS = ("final", "draft")


@dataclass(frozen=True)
class Document:
    key: str  # used in make targets and the -t epub_<key> tag
    root: str  # the root document (docname)
    title: str
    author: str
    stem: str  # output file name without suffix
    # Which text of each amendment the document shows: "final" (改定版) or
    # "draft" (改定案).  Each edition is a build of its own (`-t draft`).
    edition: str = "final"


class Tags(Protocol):
    def has(self, tag: str) -> bool: ...


def by_key(documents: Iterable[Document], key: str) -> Document:
    for document in documents:
        if document.key == key:
            return document
    raise KeyError(key)


def latex_documents(documents: Iterable[Document], edition: str) -> list[tuple[str, str, str, str, str, bool]]:
    """One PDF per document of the edition; the root document itself is printed
    (toctree_only=False), then what its toctree includes."""
    return [(d.root, f"{d.stem}.tex", d.title, d.author, "manual", False) for d in documents if d.edition == edition]


def epub_settings(documents: Iterable[Document], tags: Tags, suppress_warnings: list[str]) -> dict[str, Any]:
    """The ePub of the document whose ``epub_<key>`` tag is set; nothing without one.

    The site's other documents are still read (references between documents
    resolve) but belong to no toctree of this root: ``toc.not_included`` is
    added to ``suppress_warnings``.  pubcomment makes ``epub_uid`` equal to
    the identifier and gives the ePub a version (:mod:`pubcomment.defaults`).
    """
    for document in documents:
        if tags.has(f"epub_{document.key}"):
            suppress_warnings.append("toc.not_included")
            return {
                "root_doc": document.root,
                "epub_basename": document.stem,
                "epub_title": document.title,
                "epub_author": document.author,
                "epub_publisher": document.author,
                "epub_contributor": document.author,
                "epub_description": document.title,
                "epub_identifier": document.stem,
            }
    return {}
