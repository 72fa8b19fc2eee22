"""Defaults for what every pubcomment project needs, filled in on ``config-inited``.

A project with only ``extensions`` and ``language = "ja"`` builds a PDF
and an ePub that EPUBCheck accepts, without copying settings from the
sample site.  Only values that ``conf.py`` (or ``-D``) left unset are
filled (:func:`pubcomment.compat.user_set`); in ``latex_elements`` each
key the project did not set is filled.

* LaTeX, for ``language = "ja"`` only: the values of
  :func:`pubcomment.latex.latex_settings` (upLaTeX, jsbook, embedded
  Harano Aji fonts, 公用文 headings).  The title page shows no
  「リリース」 line unless the project sets ``latex_elements["releasename"]``
  or its own ``maketitle``.
* ePub: a ``version`` (EPUB 3 needs ``ibooks:version``; nothing else
  prints it, see above), ``epub_uid`` equal to ``epub_identifier`` (the
  NCX uid must be the package's identifier, and an XML name), and the
  metadata Sphinx would leave ``unknown`` or empty taken from the title
  and the author.
"""

from __future__ import annotations

import re
import uuid
from typing import TYPE_CHECKING, Any

from .compat import user_set
from .latex.settings import latex_settings

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

# The ePub's ``ibooks:version`` when the project sets no ``version``.
DEFAULT_VERSION = "1"
# An XML NCName: what ``unique-identifier`` and ``id`` accept.
NCNAME = re.compile(r"[A-Za-z_][A-Za-z0-9._-]*")
# File names Sphinx makes from a project name it cannot use (Japanese, or none).
PLACEHOLDER_NAMES = ("sphinx", "projectnamenotset")


def apply_defaults(app: Sphinx, config: Config) -> None:
    if (config.language or "").split("_")[0] == "ja":
        _latex_defaults(config)
    _epub_defaults(config)


def _latex_defaults(config: Config) -> None:
    settings = latex_settings()
    elements: dict[str, Any] = settings.pop("latex_elements")
    for name, value in settings.items():
        if not user_set(config, name):
            config[name] = value
    own = dict(config.latex_elements) if user_set(config, "latex_elements") else {}
    if "releasename" in own:
        elements.pop("maketitle", None)
    config.latex_elements = {**elements, **own}


def epub_identifier(config: Config) -> str:
    """An identifier for the ePub that is also an XML name: the file name, or one made from the title."""
    stem = config.epub_basename
    if NCNAME.fullmatch(stem) and stem.lower() not in PLACEHOLDER_NAMES:
        return stem
    name = "\n".join((config.project, config.epub_title))
    return f"pc-{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


def _epub_defaults(config: Config) -> None:
    if not config.version:
        config.version = DEFAULT_VERSION
    uid_set, identifier_set = user_set(config, "epub_uid"), user_set(config, "epub_identifier")
    if not uid_set and not identifier_set:
        config.epub_uid = config.epub_identifier = epub_identifier(config)
    elif not uid_set and NCNAME.fullmatch(config.epub_identifier):
        config.epub_uid = config.epub_identifier
    elif not identifier_set:
        config.epub_identifier = config.epub_uid
    if not user_set(config, "epub_description"):
        config.epub_description = config.epub_title
    if not user_set(config, "epub_contributor"):
        config.epub_contributor = config.epub_publisher
    if not config.epub_copyright:
        config.epub_copyright = config.epub_author
