"""Problems found in consultation data, and their documented subtypes."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Subtype(enum.Enum):
    """Subtypes of the ``pubcomment`` warning type.

    Each can be silenced with ``suppress_warnings = ["pubcomment.<value>"]``.
    The docstring of each member is rendered into the user documentation.
    """

    SYNTAX = "syntax"
    """The data is not valid YAML, JSON or CSV."""
    FILE = "file"
    """A data file cannot be read: missing, empty, not a regular file, or outside the source directory."""
    ENCODING = "encoding"
    """A data file is not text in an encoding pubcomment reads (UTF-8, UTF-16 with BOM, cp932, EUC-JP)."""
    LIMIT = "limit"
    """Data beyond a documented limit: file size, nesting, alias expansion, or the size of a number."""
    TEXT = "text"
    """Text holds control, bidi-override, invisible (zero-width, soft hyphen, directional marks, tags) or noncharacter
    code points; they are shown as ［U+XXXX］."""
    INJECTION = "injection"
    """Embedded data was cut short by a fence line inside it, so the rest would run as markup; it is refused."""
    UNKNOWN_KEY = "unknown_key"
    """A key that the format does not define (usually a typo)."""
    TYPE = "type"
    """A value of the wrong kind (a list where text is expected, a word where a number is)."""
    REQUIRED = "required"
    """A required field is missing or empty."""
    DATE = "date"
    """A date is not an ISO date (YYYY-MM-DD), or a period ends before it starts."""
    CATEGORY = "category"
    """An opinion names a category that the scheme does not define, or keys repeat or look alike (A, Cyrillic А, Ａ)."""
    TOPIC = "topic"
    """An opinion names a topic group that is not defined, or topic ids repeat or look alike."""
    NUMBER = "number"
    """Opinion numbers repeat, skip a number, or are given for some opinions only."""
    COUNT = "count"
    """A declared count (通 or 件) disagrees with the data."""
    NOTE = "note"
    """The ※ markers in a text and its notes do not pair up."""
    REFERENCE = "reference"
    """A directive or role names a consultation, amendment or plan section that does not exist."""
    AMENDMENT = "amendment"
    """An amendment is malformed: its two texts are equal, or its id repeats."""
    DIRECTIVE = "directive"
    """A directive is used wrongly (missing data, unknown option value)."""
    CONFIG = "config"
    """A ``pubcomment_*`` value in ``conf.py`` is of the wrong kind, or names an unknown key."""
    COVERAGE = "coverage"
    """Opinion tables split by ``:numbers:`` leave opinions out, show some twice, or show none."""
    LAW = "law"
    """Published results lack what 行政手続法43条1項 requires (title, 公示日, opinions, responses, differences from the draft)."""
    PRIVACY = "privacy"
    """Text that may be personal information (a phone number, e-mail or street address, a postal code,
    a valid 個人番号, a person's name), also behind invisible characters or markdown; a ``{redact}`` or ``redactions:``
    that withholds nothing, a listed text found only written otherwise, or a malformed ``{redact}`` (an error: the rest of
    its field is withheld); or a column titled as who submitted (氏名, 住所, 提出者, メール, 電話 …), which is never read."""
    GLYPH = "glyph"
    """A character that no print font has (Thai, Arabic, Devanagari, private use …) prints as 〓 in the PDF,
    or a variation selector is left out."""
    CHART = "chart"
    """A chart cannot be drawn (matplotlib or a Japanese font is missing, more than 100 bars), is split in print, or cuts a label."""
    SHEET = "sheet"
    """A workbook's sheet shows other than it holds: a hidden row or column (not read), cells merged across
    two columns read or over several rows of answers, a number format not read (the number shown as General)."""


@dataclass(frozen=True)
class Problem:
    """One finding, tied to a place in the data.

    ``line`` is 1-based within ``origin`` (a file path or ``None`` for data
    embedded in a document, whose caller adds its own offset).  In a
    workbook it is the row, and names the cell (``意見一覧!C12``, see
    :class:`~.located.CellLine`).
    """

    subtype: Subtype
    message: str
    line: int | None = None
    origin: str | None = None

    @property
    def cell(self) -> str | None:
        """The sheet and cell (``意見一覧!C12``) when the problem is in a workbook."""
        return getattr(self.line, "cell", None)

    def where(self, origin: str | None = None) -> str:
        """``file:line``, or ``file.xlsx:シート!C12`` in a workbook; a problem of
        the file as a whole is at its first line."""
        return f"{self.origin or origin}:{self.cell or self.line or 1}"
