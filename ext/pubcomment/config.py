"""Configuration of pubcomment, declared once as a dataclass.

Every value is declared once, on :class:`PubcommentConfig`, with its
default, its validator and its help text (as sphinx-design's
``config.py`` does).  Each field is registered as a flat
``pubcomment_<field>`` Sphinx value, so ``conf.py`` reads
``pubcomment_labels = {...}``.  The values are checked once, on
``config-inited``: a wrong one gets one ``pubcomment.config`` warning that
names it (and the nearest known key for a typo) and is replaced by its
default, or, for ``pubcomment_labels``, loses only the wrong keys.  The
validated configuration is built once per build and read through
:func:`get_config`.
"""

from __future__ import annotations

import dataclasses as dc
import datetime as dt
import difflib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from .core.labels import DEFAULT_LABELS, fill
from .core.law import RULE_SETS as LAW_RULE_SETS
from .core.law import RULES as LAW_RULES
from .core.model import MARKDOWN, PLAIN, TEXT_FIELDS, TEXT_FORMATS, Consultation
from .core.problems import Subtype
from .core.status import build_date, source_date
from .warnings_ import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

PREFIX = "pubcomment_"

# The editions of the plan: 改定版 (final) and 改定案 (draft).
EDITIONS = ("final", "draft")

# A validator takes the value and returns the value to use, raising
# ValueError (with what is wrong, in words) when there is none.
Validator = Callable[[Any], Any]


def instance_of(kind: type) -> Validator:
    def validate(value: Any) -> Any:
        if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
            raise ValueError(f"must be {_kind_name(kind)}, not {type(value).__name__} {value!r}")
        return value

    return validate


def one_of(allowed: tuple[str, ...]) -> Validator:
    def validate(value: Any) -> Any:
        if value not in allowed:
            raise ValueError(f"must be one of {', '.join(map(repr, allowed))}, not {value!r}{_suggestion(value, allowed)}")
        return value

    return validate


def text_mapping(keys: tuple[str, ...] | None = None) -> Validator:
    """A dict of text to text; with ``keys``, only those keys (others are
    dropped, each with a did-you-mean, by :func:`validate_config`)."""

    def validate(value: Any) -> Any:
        if not isinstance(value, dict):
            raise ValueError(f"must be a dict of text, not {type(value).__name__} {value!r}")
        for key, text in value.items():
            if not isinstance(key, str) or not isinstance(text, str):
                raise ValueError(f"must map text to text; {key!r}: {text!r} does not")
        return value

    validate.keys = keys  # type: ignore[attr-defined]
    return validate


def names_of(allowed: tuple[str, ...], what: str) -> Validator:
    """A list of names from ``allowed`` (others are dropped, each with a
    did-you-mean, by :func:`validate_config`)."""

    def validate(value: Any) -> Any:
        if not isinstance(value, (list, tuple)) or not all(isinstance(name, str) for name in value):
            raise ValueError(f"must be a list of {what} names ({', '.join(allowed)}), not {value!r}")
        return list(value)

    validate.keys = allowed  # type: ignore[attr-defined]
    validate.what = what  # type: ignore[attr-defined]
    return validate


def law_rules_setting(value: Any) -> Any:
    """``pubcomment_law_rules``: unset (None), a list of rules (unknown ones dropped), or the name of a rule set."""
    if value is None:
        return None
    if isinstance(value, str):
        if value not in LAW_RULE_SETS:
            sets = ", ".join(map(repr, LAW_RULE_SETS))
            raise ValueError(f"must be a list of rule names or one of {sets}, not {value!r}{_suggestion(value, LAW_RULE_SETS)}")
        return value
    return _law_rule_names(value)


_law_rule_names = names_of(LAW_RULES, "rule")
law_rules_setting.keys = LAW_RULES  # type: ignore[attr-defined]
law_rules_setting.what = "rule"  # type: ignore[attr-defined]


def names_setting(value: Any) -> Any:
    """``pubcomment_privacy_names``: True, False or "ginza"."""
    if isinstance(value, bool) or value == "ginza":
        return value
    raise ValueError(f"must be True, False or 'ginza', not {value!r}")


def text_list(value: Any) -> Any:
    if not isinstance(value, (list, tuple)) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"must be a list of text, not {value!r}")
    return list(value)


def text_formats(value: Any) -> Any:
    """``"plain"`` or ``"markdown"`` for every text field, or a dict by field."""
    if isinstance(value, str):
        one_of(TEXT_FORMATS)(value)
        return dict.fromkeys(TEXT_FIELDS, value)
    if not isinstance(value, dict) or any(key not in TEXT_FIELDS or text not in TEXT_FORMATS for key, text in value.items()):
        raise ValueError(
            f"must be {' or '.join(map(repr, TEXT_FORMATS))}, or a dict of those by field ({', '.join(TEXT_FIELDS)}), not {value!r}"
        )
    return {**dict.fromkeys(TEXT_FIELDS, PLAIN), **value}


def iso_day(value: Any) -> Any:
    """``""`` or a day written YYYY-MM-DD."""
    if value == "":
        return value
    try:
        if isinstance(value, str) and len(value) == 10:
            dt.date.fromisoformat(value)
            return value
    except ValueError:
        pass
    raise ValueError(f"must be a day written YYYY-MM-DD, or empty, not {value!r}")


def _kind_name(kind: type) -> str:
    return {bool: "True or False", str: "text", dict: "a dict"}.get(kind, kind.__name__)


def _suggestion(value: Any, known: tuple[str, ...] | list[str], *, or_list: bool = False) -> str:
    """`` (did you mean 'summary'?)``; with ``or_list``, the known values when none is near."""
    close = difflib.get_close_matches(value, list(known), n=1) if isinstance(value, str) else []
    if close:
        return f" (did you mean {close[0]!r}?)"
    return f" (known: {', '.join(known)})" if or_list else ""


@dc.dataclass(frozen=True)
class PubcommentConfig:
    labels: dict[str, str] = dc.field(
        default_factory=dict,
        metadata={"validator": text_mapping(tuple(DEFAULT_LABELS)), "doc": "Overrides of the user-facing words (see DEFAULT_LABELS)."},
    )
    heading_numbers: bool = dc.field(
        default=True,
        metadata={
            "validator": instance_of(bool),
            "doc": "Number headings 1, (1), ①, ア in documents whose front matter sets numbering: kobun.",
        },
    )
    badges: bool = dc.field(
        default=True,
        metadata={"validator": instance_of(bool), "doc": "Show category letters as sphinx-design badges in HTML."},
    )
    edition: str = dc.field(
        default="final",
        metadata={
            "validator": one_of(EDITIONS),
            "doc": "Which text of each pc-amendment the plan shows: final (改定版) or draft (改定案).",
        },
    )
    edition_dirs: dict[str, str] = dc.field(
        default_factory=lambda: {"final": "", "draft": "draft/"},
        metadata={"validator": text_mapping(EDITIONS), "doc": "Where each edition's HTML is published, relative to the site root."},
    )
    latex_plan: str = dc.field(
        default="",
        metadata={"validator": instance_of(str), "doc": "File stem of the plan's PDF; the results PDF reads page numbers from its .aux."},
    )
    text_format: str | dict[str, str] = dc.field(
        default=PLAIN,
        metadata={
            "validator": text_formats,
            "types": (str, dict),
            "doc": "How opinion texts are read where the data does not say: plain (as typed) or markdown.",
        },
    )
    law_rules: list[str] | str | None = dc.field(
        default=None,
        metadata={
            "validator": law_rules_setting,
            "types": (list, tuple, str, type(None)),
            "doc": "What published results must hold, as build warnings: rules (title, published, opinions, responses, "
            "amendments), or a rule set ('body': by each body's kind; national, municipality …). Unset: no build "
            "warning (pubcomment check --law reports them).",
        },
    )
    today: str = dc.field(
        default="",
        metadata={
            "validator": iso_day,
            "doc": "The day pc-index reckons each consultation's status on (YYYY-MM-DD); empty for SOURCE_DATE_EPOCH, else today.",
        },
    )
    plan_label: str = dc.field(
        default="プラン本編",
        metadata={"validator": instance_of(str), "doc": "How amendment locations name the plan (プラン本編 4(3)①エ / P15)."},
    )

    privacy_names: bool | str = dc.field(
        # The built-in detector (core/names.py) reads millions of characters a second;
        # GiNZA about a thousand (bench/README.md), so it is asked only by "ginza".
        default=True,
        metadata={
            "validator": names_setting,
            "doc": "Also check opinion texts for personal names (pubcomment.privacy) in the build: True (the built-in "
            'detector), False, or "ginza" (the built-in detector and GiNZA, when installed; slow).',
        },
    )
    privacy_allow: list[str] = dc.field(
        default_factory=list,
        metadata={
            "validator": text_list,
            "types": (list, tuple),
            "doc": "Texts the personal-information check does not report (the body's own telephone number, address …).",
        },
    )

    def is_markdown(self, text_field: str, consultation: Consultation) -> bool:
        """Whether a text field of ``consultation``'s opinions is markdown: as its data says, else as the site's."""
        chosen = consultation.text_format.get(text_field)
        if chosen is None:
            chosen = self.text_format if isinstance(self.text_format, str) else self.text_format.get(text_field, PLAIN)
        return chosen == MARKDOWN

    @property
    def build_date(self) -> dt.date:
        """The day of the build (core/status.py build_date)."""
        return build_date(self.today)

    def label(self, key: str, /, overrides: dict[str, str] | None = None, **values: str) -> str:
        """The words for ``key``: a consultation's own (``overrides``, from its
        data), else the site's (``pubcomment_labels``), else the default."""
        text = overrides.get(key) if overrides else None
        if text is None:
            text = self.labels.get(key, DEFAULT_LABELS[key])
        return fill(text, values)


def default_of(field: dc.Field[Any]) -> Any:
    return field.default_factory() if field.default_factory is not dc.MISSING else field.default


def register_config(app: Sphinx) -> None:
    """Each field as a ``pubcomment_<field>`` value; what it holds is checked by validate_config."""
    for field in dc.fields(PubcommentConfig):
        default = default_of(field)
        app.add_config_value(
            PREFIX + field.name, default, "env", types=field.metadata.get("types", (type(default),)), description=field.metadata["doc"]
        )


def validate_config(app: Sphinx, config: Config) -> None:
    """``config-inited``: check every value once, warn about each wrong one,
    and leave in ``config`` only what can be used."""
    conf_lines = _conf_lines(Path(app.confdir, "conf.py"))
    for field in dc.fields(PubcommentConfig):
        name = PREFIX + field.name
        location = conf_lines.get(name)
        validator = field.metadata["validator"]
        value = config[name]
        try:
            value = validator(value)
        except ValueError as error:
            value = default_of(field)
            warn(Subtype.CONFIG, f"{name} {error}; the default {value!r} is used instead", location)
        keys = getattr(validator, "keys", None)
        if keys is not None and isinstance(value, (list, dict)):
            what = getattr(validator, "what", "key")
            unknown = [key for key in value if key not in keys]
            for key in unknown:
                warn(Subtype.CONFIG, f"{name} has an unknown {what} {key!r}{_suggestion(key, keys, or_list=True)}; it is ignored", location)
            if unknown and isinstance(value, dict):
                value = {key: text for key, text in value.items() if key in keys}
            elif unknown:
                value = [key for key in value if key in keys]
        config[name] = value
    if not config[PREFIX + "today"]:
        try:
            source_date()
        except ValueError as error:
            # Sphinx reads it too (the LaTeX builder's date) and fails on such a day: this build takes today.
            os.environ.pop("SOURCE_DATE_EPOCH", None)
            warn(Subtype.CONFIG, f"{error}; the build takes today instead", None)
    _built.pop(config, None)


def _conf_lines(conf_py: Path) -> dict[str, str]:
    """``conf.py:12`` for each ``pubcomment_*`` value assigned at the start of a line there."""
    try:
        lines = conf_py.read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    found: dict[str, str] = {}
    for number, line in enumerate(lines, 1):
        name = line.split("=", 1)[0].strip()
        if name.startswith(PREFIX) and "=" in line and name not in found:
            found[name] = f"{conf_py}:{number}"
    return found


# One validated configuration per Sphinx configuration (per build): the
# renderers ask for it for every table.
_built: WeakKeyDictionary[Config, PubcommentConfig] = WeakKeyDictionary()


def get_config(config: Config) -> PubcommentConfig:
    built = _built.get(config)
    if built is None:
        built = _built[config] = PubcommentConfig(**{f.name: config[PREFIX + f.name] for f in dc.fields(PubcommentConfig)})
    return built
