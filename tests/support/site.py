"""This repository's sample site: its ``conf/documents.py``, loaded from its file.

The module is loaded by path (not put on ``sys.path``), as conf.py's own
``import documents`` would find it, so the tests read the very list the
site is built from.
"""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from types import ModuleType

from .tools import ROOT


@cache
def documents() -> ModuleType:
    spec = importlib.util.spec_from_file_location("documents", ROOT / "conf" / "documents.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # as an import would: its dataclasses look their module up
    spec.loader.exec_module(module)
    return module
