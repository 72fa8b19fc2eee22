"""``pc-consultation``: the data of a consultation, embedded or from a file.

The data is read once, where it is declared, and kept in the domain; the
other directives of the document find it through :func:`current_key`.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import docname_join
from sphinx.util.docutils import SphinxDirective, SphinxRole

from ..config import get_config
from ..core import loader, privacy
from ..core.located import parse_yaml
from ..core.model import Consultation
from ..core.problems import Subtype
from ..core.textfiles import DataFileError
from ..env.domain import DeclaredConsultation, get_domain
from ..warnings_ import warn, warn_problem
from .fences import REFUSED_LINES, cut_short, document_lines

CURRENT_KEY = "pubcomment:current"


class ConsultationDirective(SphinxDirective):
    """Declare a consultation: ``:file:`` names a YAML/JSON file, or the body holds YAML;
    ``:plan:`` names the document of the plan consulted on (linked from pc-index)."""

    has_content = True
    option_spec: ClassVar = {
        "file": directives.unchanged_required,
        "name": directives.unchanged_required,
        "plan": directives.unchanged_required,
    }

    def run(self) -> list[nodes.Node]:
        key = self.options.get("name", self.env.docname)
        location = self.get_location()
        if "file" in self.options and self.content:
            warn(Subtype.DIRECTIVE, "pc-consultation takes :file: or YAML in its body, not both; the body is ignored", location)
        if "file" in self.options:
            loaded = self._load_file(self.options["file"])
        elif self.content:
            if self._cut_short():
                return []
            base_dir = Path(self.env.doc2path(self.env.docname)).parent
            loaded = loader.load_text("\n".join(self.content), base_dir=base_dir, root=self.env.srcdir, labels=self._labels())
        else:
            warn(
                Subtype.DIRECTIVE,
                "pc-consultation needs a :file: option or YAML data in its body "
                "(MyST reads a body that starts with '---' or ':key:' lines as options)",
                location,
            )
            return []
        if loaded is None:  # the file could not be read: reported, and declared unusable
            self._declare(key, loader.empty_consultation(), usable=False)
            return []
        # Body line i (1-based) is file line lineno + content_offset + i in MyST,
        # where content_offset counts the option lines before the body.
        settings = get_config(self.config)
        found = (
            privacy.check_consultation(
                loaded.consultation,
                names=settings.privacy_names is not False,
                ginza=settings.privacy_names == "ginza",
                allow=settings.privacy_allow,
            )
            if loaded.usable
            else []
        )
        for problem in (*loaded.problems, *found):
            warn_problem(problem, fallback=self.env.docname, line_offset=self.lineno + self.content_offset)
        for path in loaded.files:
            self.env.note_dependency(path)
        offset = 0 if "file" in self.options else self.lineno + self.content_offset
        source = loaded.files[0] if "file" in self.options and loaded.files else None
        declared = DeclaredConsultation(
            self.env.docname,
            self.lineno,
            offset,
            loaded.consultation,
            source,
            usable=loaded.usable,
            labels=self._labels(),
            root=str(self.env.srcdir),
        )
        if "plan" in self.options:  # the plan's document, which pc-index links
            declared.plan_doc = docname_join(self.env.docname, self.options["plan"])
        if not get_domain(self.env).add_consultation(key, declared):
            warn(Subtype.REFERENCE, f"a consultation named {key!r} is already declared in another document", location)
        self.env.current_document[CURRENT_KEY] = key
        return []

    def _labels(self) -> dict[str, str]:
        """The site's labels the data core needs while reading: the mark of withheld text."""
        labels = get_config(self.config).labels
        return {"redacted": labels["redacted"]} if "redacted" in labels else {}

    def _declare(self, key: str, consultation: Consultation, *, usable: bool) -> None:
        declared = DeclaredConsultation(self.env.docname, self.lineno, 0, consultation, None, usable=usable)
        get_domain(self.env).add_consultation(key, declared)
        self.env.current_document[CURRENT_KEY] = key

    def _cut_short(self) -> bool:
        """Whether the body was cut short by a fence line inside the data (see fences.py):
        then the data is refused, declared empty, and what ran as markup is removed."""
        lines = document_lines(self.env.doc2path(self.env.docname))
        if lines is None:
            return False
        body_end = self.lineno + self.content_offset + len(self.content) + 1
        found = cut_short(lines, self.lineno, body_end, ends_unfinished=lambda: _ends_unfinished("\n".join(self.content)))
        if found is None:
            return False
        closing, first, last = found
        warn(
            Subtype.INJECTION,
            f"the data ends early, at line {closing}: a line of the data is a fence (```), "
            f"so lines {first}-{last} would run as markup; the data is not used and those lines are left out. "
            "Put the data in a file (:file:), or open and close the directive with more backticks than any line of the data has",
            (self.env.docname, closing),
        )
        refused: list[tuple[int, int]] = self.env.current_document.get(REFUSED_LINES) or []
        self.env.current_document[REFUSED_LINES] = [*refused, (first, last)]
        self._declare(self.options.get("name", self.env.docname), loader.empty_consultation(), usable=False)
        return True

    def _load_file(self, name: str) -> loader.Loaded | None:
        # As Sphinx's include: relative to the document, /x from the source directory.
        _relative, absolute = self.env.relfn2path(name)
        self.env.note_dependency(absolute)
        try:
            return loader.load_file(absolute, root=self.env.srcdir, labels=self._labels())
        except DataFileError as error:
            where = f"{error.path}:{error.problem.line}" if error.path and error.problem.line else self.get_location()
            warn(error.problem.subtype, error.problem.message, where)
            return None


def _ends_unfinished(text: str) -> bool:
    """Whether YAML ``text`` fails at its very end (a quoted scalar never closed):
    the sign of a body that a fence line inside a quoted text ended."""
    _data, problems = parse_yaml(text)
    last = text.count("\n") + 1
    return any(p.subtype is Subtype.SYNTAX and p.line is not None and p.line >= last for p in problems)


def current_key(directive: SphinxDirective | SphinxRole, explicit: str | None) -> str:
    if explicit:
        return explicit
    stored = directive.env.current_document.get(CURRENT_KEY)
    return stored or directive.env.docname
