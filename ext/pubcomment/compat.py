"""The one place that reads Sphinx's private configuration state.

Sphinx has no public way to ask whether ``conf.py`` (or ``-D``) set a value:
a value left at its default and one set to the same value look alike.
:mod:`pubcomment.defaults` must tell them apart, so that a project that
chose, say, ``latex_show_urls = "no"`` keeps it.  ``Config._raw_config``
(the namespace of ``conf.py``, Sphinx 7.3 to 9.2) and the public
``Config.overrides`` answer it; should a later Sphinx drop
``_raw_config``, a value equal to its default counts as not set.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.config import Config


def _default_of(config: Config, name: str) -> Any:
    option: Any = config.values[name]  # _Opt since Sphinx 7.3, a tuple before
    default = option.default if hasattr(option, "default") else option[0]
    return default(config) if callable(default) else default


def user_set(config: Config, name: str) -> bool:
    """Whether ``conf.py`` or the command line (``-D``) set ``name``."""
    if name in config.overrides:
        return True
    raw = getattr(config, "_raw_config", None)
    if isinstance(raw, dict):
        return name in raw
    return bool(config[name] != _default_of(config, name))
