"""Style names as the data and directive options write them: one lookup for every style.

A style is a ``StrEnum`` (wareki's weekday and range styles, numbers'
digits style); its value is what a writer types, compared without case
and surrounding space.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

E = TypeVar("E", bound=StrEnum)


def choice(kind: type[E], value: object, option: str) -> E:
    """The member of ``kind`` named ``value``; ValueError names the allowed values."""
    if isinstance(value, kind):
        return value
    if isinstance(value, str):
        try:
            return kind(value.strip().lower())
        except ValueError:
            pass
    allowed = ", ".join(repr(member.value) for member in kind)
    raise ValueError(f"{option} style {value!r} is not one of {allowed}")
