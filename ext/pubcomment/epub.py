"""One ePub per document out of one Sphinx project.

The site holds every document; an ePub holds one: ``root_doc`` and the
documents its toctrees include (``conf.py`` sets ``root_doc`` per ePub).
Every document is still read, so that references between documents
resolve, but for the ePub builders:

* the other documents, and the images and downloads only they use, are
  left out of the package (``epub_exclude_files``);
* a link into a document that is not in the package would dangle, so it
  becomes its plain text;
* the navigation lists the root document's own sections, not only the
  documents of its toctrees (a one-page document would have one entry),
  under a heading in the document's language;
* every page says its language (``lang`` and ``xml:lang``), as the
  package does, so that reading systems pick Japanese fonts and speech;
* stylesheets lose the selectors that EPUBCheck's CSS parser rejects
  (``:is()``, ``:where()``, ``:has()``), so that the site's CSS can use them;
* sphinx-design widgets that need HTML which ePub's XHTML does not allow
  (tab-sets' ``<input>``, dropdowns' ``<details>`` with inline SVG, icons)
  are shown in their plain form: a tab's or dropdown's title followed by
  its content.

Nothing here registers an ``epub=`` visitor: such a visitor makes Sphinx
stop using other extensions' ``html`` visitors for ePub.
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.locale import _
from sphinx.transforms.post_transforms import SphinxPostTransform

EPUB_BUILDERS = ("epub",)
# sphinx-design components whose HTML form is not valid in ePub.
PLAIN_COMPONENTS = ("dropdown", "tab-set", "tab-item", "tab-content")
# sphinx-design nodes that carry inline SVG or icon fonts.
ICON_NODES = ("sd_icon", "fontawesome")
# Selectors that EPUBCheck's CSS parser does not know (it fails with CSS-008).
UNSUPPORTED_SELECTOR = re.compile(r":(?:is|where|has|matches|-webkit-any|-moz-any)\(")
# At-rules whose block holds rules (the others hold declarations).
NESTING_AT_RULES = ("@media", "@supports", "@document", "@layer")


def package_docs(env: BuildEnvironment) -> set[str]:
    """The root document and every document its toctrees include, transitively."""
    root = env.config.root_doc
    seen: set[str] = set()
    stack = [root]
    while stack:
        docname = stack.pop()
        if docname in seen or docname not in env.all_docs:
            continue
        seen.add(docname)
        stack.extend(env.toctree_includes.get(docname, []))
    return seen


def _is_epub(app: Sphinx) -> bool:
    return app.builder is not None and app.builder.name in EPUB_BUILDERS


def _exclude_other_docs(app: Sphinx, env: BuildEnvironment) -> list[str]:
    if not _is_epub(app):
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


def _unlink_other_docs(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if not _is_epub(app):
        return
    inside = package_docs(app.env)
    for reference in list(doctree.findall(nodes.reference)):
        target = _target_doc(app, docname, reference.get("refuri", ""))
        if target is not None and target not in inside:
            reference.replace_self(nodes.inline("", "", *reference.children, classes=["pc-outside-link"]))


def _root_sections(env: BuildEnvironment, suffix: str) -> list[dict[str, Any]]:
    """Navigation entries for the sections of the root document, below its title."""
    root = env.config.root_doc
    entries: list[dict[str, Any]] = []

    def walk(node: nodes.Node, depth: int) -> None:
        for child in node.children if isinstance(node, nodes.Element) else ():
            if isinstance(child, nodes.bullet_list):
                for item in child.children:
                    for reference in item.findall(nodes.reference):
                        anchor = reference.get("anchorname", "")
                        if anchor and depth > 0:
                            entries.append({"level": depth + 1, "refuri": html.escape(f"{root}{suffix}{anchor}"),
                                            "text": html.escape(reference.astext())})
                        break
                    walk(item, depth + 1)

    toc = env.tocs.get(root)
    if toc is not None:
        walk(nodes.Element("", toc), 0)
    return entries


def _navigation(app: Sphinx) -> None:
    if not _is_epub(app):
        return
    builder = app.builder
    # Every navigation (get_toc, nav.xhtml, toc.ncx) passes its entries
    # through toc_add_files, which puts the root document first.
    original = builder.toc_add_files  # type: ignore[attr-defined]

    def toc_add_files(refnodes: list[dict[str, Any]]) -> None:
        original(refnodes)
        sections = _root_sections(app.env, builder.out_suffix)  # type: ignore[attr-defined]
        known = {entry["refuri"] for entry in refnodes}
        refnodes[1:1] = [entry for entry in sections if entry["refuri"] not in known]

    builder.toc_add_files = toc_add_files  # type: ignore[attr-defined]
    # The stylesheets are in the output directory (copied before the pages are
    # written); clean them before the package is made.
    handle_finish = builder.handle_finish  # type: ignore[attr-defined]

    def clean_then_finish() -> None:
        _clean_stylesheets(Path(builder.outdir))
        handle_finish()

    builder.handle_finish = clean_then_finish  # type: ignore[attr-defined]
    # The navigation's heading in the document's language (Sphinx writes it in English).
    titles = builder.guide_titles  # type: ignore[attr-defined]
    builder.guide_titles = {**titles, "toc": str(_("Table of Contents"))}  # type: ignore[attr-defined]


def ebook_css(css: str) -> str:
    """The stylesheet without selectors EPUBCheck rejects; a rule left without any goes."""
    return _filter_rules(re.sub(r"/\*.*?\*/", "", css, flags=re.S))


def _filter_rules(text: str) -> str:
    out: list[str] = []
    position = 0
    while True:
        opening = text.find("{", position)
        if opening < 0:
            out.append(text[position:])
            return "".join(out)
        closing = _matching_brace(text, opening)
        prelude, block = text[position:opening], text[opening + 1:closing]
        head = prelude.strip()
        if head.startswith("@"):
            if head.startswith(NESTING_AT_RULES):
                block = _filter_rules(block)
            out.append(f"{prelude}{{{block}}}")
        else:
            kept = [selector for selector in _split_selectors(prelude) if not UNSUPPORTED_SELECTOR.search(selector)]
            if kept:
                out.append(f"{','.join(kept)}{{{block}}}")
        position = closing + 1


def _matching_brace(text: str, opening: int) -> int:
    depth = 0
    for index in range(opening, len(text)):
        if text[index] == "{":
            depth += 1
        elif text[index] == "}":
            depth -= 1
            if depth == 0:
                return index
    return len(text) - 1


def _split_selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside ``:not(a, b)``)."""
    parts: list[str] = []
    depth = 0
    start = 0
    for index, char in enumerate(prelude):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(prelude[start:index])
            start = index + 1
    parts.append(prelude[start:])
    return parts


def _clean_stylesheets(outdir: Path) -> None:
    for path in sorted((outdir / "_static").glob("**/*.css")):
        css = path.read_text(encoding="utf-8")
        cleaned = ebook_css(css)
        if cleaned != css:
            path.write_text(cleaned, encoding="utf-8")


def _page_language(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.Node | None) -> None:
    if not _is_epub(app) or not app.config.language:
        return
    tag = context.get("html_tag")
    if isinstance(tag, str) and tag.endswith(">") and " lang=" not in tag:
        lang = html.escape(app.config.language.replace("_", "-"))
        context["html_tag"] = f'{tag[:-1]} lang="{lang}" xml:lang="{lang}">'


class PlainWidgets(SphinxPostTransform):
    """Before sphinx-design's HTML transforms (199, 200): widgets in their plain form."""

    default_priority = 150
    builders = EPUB_BUILDERS

    def run(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(nodes.Element)):
            if node.get("design_component") in PLAIN_COMPONENTS:
                node["classes"].append(f"pc-plain-{node['design_component']}")
                del node["design_component"]
            elif type(node).__name__ in ICON_NODES:
                node.parent.remove(node)
        for raw in list(self.document.findall(nodes.raw)):
            if "html" in raw.get("format", "").split() and "<svg" in raw.astext():
                raw.parent.remove(raw)


def setup_epub(app: Sphinx) -> None:
    app.connect("env-updated", _exclude_other_docs)
    # After resolve.py has filled the placeholders (priority 500).
    app.connect("doctree-resolved", _unlink_other_docs, priority=800)
    app.connect("builder-inited", _navigation)
    app.connect("html-page-context", _page_language)
    app.add_post_transform(PlainWidgets)
