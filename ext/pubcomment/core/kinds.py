"""What a value of the data format must say (its kind), and the declaration of one key.

Shared by the declaration of the format (fields.py) and that of an
opinion's fields (opinion_fields.py), which fields.py reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# What a value must say.
TEXT = "text"  # any text (a number or true is text too)
TEXTS = "texts"  # one text, or a list of texts
INTEGER = "integer"  # a whole number: 1764, 1,764, １７６４
DATE = "date"  # YYYY-MM-DD
MONTH_OR_DAY = "month_or_day"  # YYYY-MM or YYYY-MM-DD
CHOICE = "choice"  # one of ``choices``
CHOICES = "choices"  # one of ``choices``, or a list of them
MAPPING = "mapping"  # the keys of ``fields``
LIST = "list"  # a list of mappings of ``fields``
# Special shapes, each read by its own function in schema.py.
OPINIONS = "opinions"  # a list of opinions, or the name of a file of them (CSV, YAML, JSON)
METHODS = "methods"  # a name, or a list of names or {method, count}
TEXT_FORMAT = "text_format"  # plain or markdown, or {summary: …, response: …}
LABELS = "labels"  # the keys of DEFAULT_LABELS, each text
COLUMNS = "columns"  # column titles → the field each holds, or null to leave it out


@dataclass(frozen=True)
class Field:
    kind: str
    doc: str
    required: bool = False
    fields: dict[str, Field] = field(default_factory=dict)
    choices: tuple[str, ...] = ()
