"""LaTeX settings for Japanese print copies: LuaLaTeX with luatexja.

One definition shared by the sample site's ``conf.py`` and the test
roots, so that what the tests print is what the site prints::

    from pubcomment.latex import latex_settings
    globals().update(latex_settings())

Why these settings (measured on Debian's TeX Live 2022):

* LuaLaTeX + luatexja embeds every font (with ToUnicode); upLaTeX with
  Debian's kanji map does not, and its underline cannot wrap.
* ``luatexja-preset`` with the Harano Aji fonts replaces Sphinx's
  FreeSerif default, which Debian's TeX packages do not ship.
* polyglossia/babel are not needed for Japanese; fncychap would print
  chapters as 「第 ONE」.
* Headings carry 公用文 numbers in their text (see :mod:`.sectnum`), so
  LaTeX's own section numbers are switched off.
* No index: makeindex breaks on UTF-8 and the documents have no index
  entries; the PDF outline and the table of contents are the navigation.
"""

from __future__ import annotations

from typing import Any

DOCCLASS = {"manual": "ltjsbook", "howto": "ltjsarticle"}

# The preamble after Sphinx's packages: metadata, numbering, page styles.
PREAMBLE = r"""
\hypersetup{pdflang=ja}
\setcounter{secnumdepth}{-1}
\setcounter{tocdepth}{1}
\setlength{\footskip}{12mm}
\pcPageStyles
"""


def latex_settings(*, paper: str = "a4paper", point_size: str = "10pt") -> dict[str, Any]:
    """The ``latex_*`` configuration values for a Japanese print copy."""
    elements = {
        "papersize": paper,
        "pointsize": point_size,
        # Printed on one side, sections run on without blank pages.
        "classoptions": ",oneside,openany",
        "babel": "",
        "polyglossia": "",
        "fncychap": "",
        # Latin text in Latin Modern, loaded again after Sphinx has switched
        # off TeX ligatures, so that ` -- '' in an opinion print as typed.
        "fontpkg": "\n".join((
            r"\usepackage[haranoaji]{luatexja-preset}",
            r"\setmainfont{Latin Modern Roman}",
            r"\setsansfont{Latin Modern Sans}",
            r"\setmonofont{Latin Modern Mono}",
        )),
        # PDF title and author from \title and \author of each document.
        "passoptionstopackages": r"\PassOptionsToPackage{pdfusetitle}{hyperref}",
        "sphinxsetup": "hmargin=20mm, vmargin={20mm, 25mm}",
        "makeindex": "",
        "printindex": "",
        "preamble": PREAMBLE,
    }
    return {
        "latex_engine": "lualatex",
        "latex_docclass": dict(DOCCLASS),
        "latex_elements": elements,
        # The root document's title is the PDF's title, so its sections
        # (## in MyST) are LaTeX sections, not chapters.
        "latex_toplevel_sectioning": "section",
        "latex_table_style": ["standard"],
        "latex_use_xindy": False,
        "latex_domain_indices": False,
        "latex_show_urls": "no",
    }
