"""The consultation's own published texts, besides its opinions': one list for what withholds and what checks them.

The title, the plan's and the body's names, how the consultation was made
known, the submission methods, the categories' descriptions and labels,
the topics' titles, the amendments' texts, the schedule and the
consultation's own labels.  Each comes with where it was read and how to
set it (core/schema.py withholds from them, core/privacy.py checks them).
The opinions' texts are those core/opinion_fields.py marks ``scanned``.
"""

from __future__ import annotations

from collections.abc import Callable

from .model import Consultation

# Sets a text of the consultation (its title, a topic's title …) to what is published.
Put = Callable[[str], None]


def consultation_texts(consultation: Consultation) -> list[tuple[str, str, int | None, Put]]:
    """The consultation's own published texts: what, the text, its line, and how to set it."""
    texts: list[tuple[str, str, int | None, Put]] = []

    def attribute(what: str, owner: object, name: str, line: int | None) -> None:
        value = getattr(owner, name)
        if value:
            texts.append((what, value, line, lambda text: setattr(owner, name, text)))

    def item(what: str, values: list[str], index: int, line: int | None) -> None:
        texts.append((what, values[index], line, lambda text: values.__setitem__(index, text)))

    def entry(what: str, values: dict[str, str], key: str, line: int | None) -> None:
        texts.append((what, values[key], line, lambda text: values.__setitem__(key, text)))

    def method(index: int) -> None:
        """A submission method: its count, if any, goes with its name."""
        name = consultation.submission_methods[index]

        def put(text: str) -> None:
            consultation.submission_methods[index] = text
            if name in consultation.method_counts:
                consultation.method_counts[text] = consultation.method_counts.pop(name)

        texts.append(("submission_methods", name, consultation.place("submission_methods"), put))

    attribute("title", consultation, "title", consultation.place("title"))
    attribute("plan", consultation, "plan", consultation.place("plan"))
    attribute("body", consultation, "body_name", consultation.place("body"))
    for index in range(len(consultation.publicity)):
        item("publicity", consultation.publicity, index, consultation.place("publicity"))
    for index in range(len(consultation.submission_methods)):
        method(index)
    for category in consultation.categories:
        attribute("category description", category, "description", category.line)
        attribute("category label", category, "label", category.line)
    for topic in consultation.topics:
        attribute("topic title", topic, "title", topic.line)
    for amendment in consultation.amendments:
        for name in ("summary", "location", "after", "before"):
            attribute(f"amendment {name}", amendment, name, amendment.line)
    for scheduled in consultation.schedule:
        attribute("schedule", scheduled, "text", scheduled.line)
    for key, value in consultation.labels.items():
        if key != "redacted" and value:
            entry(f"label {key}", consultation.labels, key, consultation.place("labels"))
    return texts
