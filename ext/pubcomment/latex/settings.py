"""LaTeX settings for Japanese print copies: upLaTeX with dvipdfmx.

One definition shared by the sample site's ``conf.py`` and the test
roots, so that what the tests print is what the site prints::

    from pubcomment.latex import latex_settings
    globals().update(latex_settings())

(``pubcomment.latex`` re-exports it from here.)

Why these settings (measured on Debian's TeX Live 2022):

* upLaTeX + dvipdfmx is Sphinx's own default for ``language = "ja"``, and
  about six times as fast per page as LuaLaTeX with luatexja (bench/).
  The class is jsbook (ltjsbook's original), not Sphinx's default ujbook.
* Fonts are chosen in the document, with no change to the system's updmap
  configuration: ``pxchfon`` with the Harano Aji fonts writes the map lines
  that make dvipdfmx embed them (Debian's default kanji map does not embed);
  Latin text is in Latin Modern (Type 1, embedded), as before.  dvipdfmx
  writes no ToUnicode map for fonts of the Adobe-Japan1 collection (Harano
  Aji is one): the PDF standard maps their glyphs to Unicode through the
  collection (pdftotext needs poppler-data for that).
* Characters of other scripts (Hangul, simplified Chinese, Vietnamese,
  emoji) are set in fonts of their own, and what no font has prints as 〓
  with a warning: see :mod:`.glyphs`.
* A Japanese document's vertical margins are symmetric in Sphinx (it makes
  the text a whole number of lines); ``vmarginratio`` restores 20 mm above
  and 25 mm below, with the page number in the lower margin.
* Changed text is underlined and wraps inside a table cell by
  :mod:`.underline` (upLaTeX has no such underline of its own).
* polyglossia/babel are not needed for Japanese; fncychap would print
  chapters as 「第 ONE」.
* Headings carry 公用文 numbers in their text (see :mod:`pubcomment.transforms.heading_numbers`), so
  LaTeX's own section numbers are switched off.
* No index: the documents have no index entries; the PDF outline and the
  table of contents are the navigation.

The doctree passes of the extension itself are in :mod:`.long_tables`
(rows and headings), :mod:`.links` and :mod:`.underline`.
"""

from __future__ import annotations

from typing import Any

DOCCLASS = {"manual": "jsbook", "howto": "jsarticle"}

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
        # jsbook needs to be told the engine (upLaTeX) besides the driver;
        # printed on one side, sections run on without blank pages.
        "classoptions": ",dvipdfmx,uplatex,oneside,openany",
        # T5 (vntex) for Vietnamese letters, which T1 lacks (ơ ư ệ); T1 stays
        # the default.  pubcomment.latex.glyphs sets Vietnamese words in T5.
        "fontenc": r"\usepackage[T5,T1]{fontenc}",
        # cmap gives pdfTeX's fonts a ToUnicode map; with dvipdfmx it only warns.
        "cmappkg": "",
        "babel": "",
        "polyglossia": "",
        "fncychap": "",
        # Latin text in Latin Modern (Type 1); Japanese in Harano Aji, which
        # dvipdfmx embeds through the map lines pxchfon writes into the DVI.
        # (` -- '' in an opinion print as typed: Sphinx escapes them.)
        "fontpkg": "\n".join(
            (
                r"\usepackage{lmodern}",
                r"\usepackage[haranoaji]{pxchfon}",
            )
        ),
        # PDF title and author from \title and \author of each document.
        "passoptionstopackages": r"\PassOptionsToPackage{pdfusetitle}{hyperref}",
        # 20 mm at the sides, 20 mm above and 25 mm below (Sphinx takes one
        # vertical margin for Japanese; the ratio splits the 45 mm).
        "sphinxsetup": "hmargin=20mm, vmargin=22.5mm",
        "geometry": r"\usepackage[dvipdfm,vmarginratio={4:5}]{geometry}",
        # The title page without Sphinx's 「リリース <release>」 line (an
        # ePub needs a ``version``; a plan's edition is in its title).
        "maketitle": r"\pcMakeTitle",
        "makeindex": "",
        "printindex": "",
        "preamble": PREAMBLE,
    }
    return {
        "latex_engine": "uplatex",
        "latex_docclass": dict(DOCCLASS),
        "latex_elements": elements,
        # The root document's title is the PDF's title, so its sections
        # (## in MyST) are LaTeX sections, not chapters.
        "latex_toplevel_sectioning": "section",
        "latex_table_style": ["standard"],
        "latex_use_xindy": False,
        "latex_domain_indices": False,
        "latex_show_urls": "inline",
    }
