"""Links in print: addresses shown in tables, titles for documents of other PDFs."""

from __future__ import annotations

import posixpath
from typing import Any

from docutils import nodes
from sphinx import addnodes

from .passes import LATEX_DOC_TITLES, LATEX_TABLE_URLS, PrintPass

EXTERNAL_SCHEMES = ("http://", "https://", "mailto:")


class AddressesInTables(PrintPass):
    """Print the address after a link's text in the tables, as latex_show_urls
    does for the rest of the document: a reader of paper cannot follow a link.
    Sphinx's own pass (400) runs before the tables are made (LATEX_TABLES):
    it would print the address as plain text, here it is a link of its own
    (``\\sphinxurl``, which xurl lets break anywhere in a narrow cell)."""

    default_priority = LATEX_TABLE_URLS

    def run(self, **kwargs: Any) -> None:
        if self.config.latex_show_urls in (False, "no"):
            return
        for table in self.document.findall(nodes.table):
            if "pc-table" not in table["classes"]:
                continue
            for reference in list(table.findall(nodes.reference)):
                uri = reference.get("refuri", "")
                if not uri.startswith(EXTERNAL_SCHEMES):
                    continue
                shown = uri.removeprefix("mailto:")
                if reference.astext() != shown:
                    address = nodes.reference(shown, shown, refuri=uri)
                    reference.parent.insert(reference.parent.index(reference) + 1, [nodes.Text(" ("), address, nodes.Text(")")])


class TitlesOfOtherDocuments(PrintPass):
    """A ``{doc}`` reference to a document printed in another PDF shows that
    document's title: it cannot be a link, and without this it would print
    as its path (``../results/index``)."""

    default_priority = LATEX_DOC_TITLES

    def run(self, **kwargs: Any) -> None:
        # The documents of the PDF being assembled.
        inside: set[str] = getattr(self.builder, "docnames", set())
        for node in self.document.findall(addnodes.pending_xref):
            if node.get("reftype") != "doc" or node.get("refexplicit") or not len(node):
                continue
            target = node["reftarget"]
            if target.startswith("/"):
                docname = target.lstrip("/")
            else:
                docname = posixpath.normpath(posixpath.join(posixpath.dirname(node.get("refdoc", "")), target))
            if docname in inside or docname not in self.env.titles:
                continue
            title = self.env.titles[docname].astext()
            content = node[0]
            if isinstance(content, nodes.Element):
                content[:] = [nodes.Text(title)]
