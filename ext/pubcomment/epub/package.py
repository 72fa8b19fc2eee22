"""One ePub per document out of one Sphinx project: what goes in the package.

The site holds every document; an ePub holds one: ``root_doc`` and the
documents its toctrees include (``conf.py`` sets ``root_doc`` per ePub).
Every document is still read, so that references between documents
resolve, but for the ePub builders:

* the other documents, and the images and downloads only they use, are
  left out of the package (``epub_exclude_files``);
* a link into a document that is not in the package would dangle, so it
  becomes its plain text;
* every page says its language (``lang`` and ``xml:lang``), as the
  package does, so that reading systems pick Japanese fonts and speech.

The navigation, the stylesheets and the widgets are in :mod:`.builder`,
:mod:`.css` and :mod:`.widgets`.  Nothing here registers an ``epub=``
visitor: such a visitor makes Sphinx stop using other extensions' ``html``
visitors for ePub.
"""

from __future__ import annotations

import html
import posixpath
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..render.context import documents_under

EPUB_BUILDERS = ("epub",)


def package_docs(env: BuildEnvironment) -> set[str]:
    """The root document and every document its toctrees include, transitively."""
    return {docname for docname in documents_under(env, env.config.root_doc) if docname in env.all_docs}


def is_epub(app: Sphinx) -> bool:
    return app.builder is not None and app.builder.name in EPUB_BUILDERS


def exclude_other_docs(app: Sphinx, env: BuildEnvironment) -> list[str]:
    if not is_epub(app):
        return []
    suffix = app.builder.out_suffix  # type: ignore[attr-defined]
    inside = package_docs(env)
    others = sorted(f"{docname}{suffix}" for docname in env.all_docs if docname not in inside)
    # Images and downloads that only the other documents use.
    imagedir = app.builder.imagedir  # type: ignore[attr-defined]
    others += sorted(f"{imagedir}/{name}" for docnames, name in env.images.values() if not docnames & inside)
    others += sorted(f"_downloads/{name}" for docnames, name in env.dlfiles.values() if not docnames & inside)
    excluded = list(app.config.epub_exclude_files)
    excluded += [name for name in others if name not in excluded]
    app.config.epub_exclude_files = excluded
    return []


def _target_doc(app: Sphinx, docname: str, refuri: str) -> str | None:
    """The document a relative link of ``docname`` points to, if it is one."""
    if not refuri or "://" in refuri or refuri.startswith(("mailto:", "#", "data:")):
        return None
    path = refuri.split("#", 1)[0]
    suffix = app.builder.out_suffix  # type: ignore[attr-defined]
    if not path.endswith(suffix):
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(docname), path))
    return target[: -len(suffix)]


def unlink_other_docs(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if not is_epub(app):
        return
    inside = package_docs(app.env)
    for reference in list(doctree.findall(nodes.reference)):
        target = _target_doc(app, docname, reference.get("refuri", ""))
        if target is not None and target not in inside:
            reference.replace_self(nodes.inline("", "", *reference.children, classes=["pc-outside-link"]))


def page_language(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.Node | None) -> None:
    if not is_epub(app) or not app.config.language:
        return
    tag = context.get("html_tag")
    if isinstance(tag, str) and tag.endswith(">") and " lang=" not in tag:
        lang = html.escape(app.config.language.replace("_", "-"))
        context["html_tag"] = f'{tag[:-1]} lang="{lang}" xml:lang="{lang}">'
