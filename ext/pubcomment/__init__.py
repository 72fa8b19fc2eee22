"""pubcomment: public-comment results and plans, from MyST to HTML, PDF and ePub.

``setup()`` imports the Sphinx side of the package only when Sphinx loads
the extension, so the data core (:mod:`pubcomment.core`) and the command
line import without Sphinx.  The tree, by concern:

* ``core/``: the data format, read and checked (no docutils, no Sphinx);
* ``config.py``, ``nodes.py``, ``warnings_.py``: the settings, the custom
  nodes and the one warning type, shared by everything below;
* ``render/``: docutils nodes from the data, for every builder;
* ``env/``: what the build keeps across documents and builds (the domain,
  the fingerprints of incremental builds, the redaction log written from it);
* ``directives/``, ``transforms/``, ``checks/``: the Sphinx glue that reads
  documents, fills in what they show, and checks what was read;
* ``html/``, ``latex/``, ``epub/``: what one output needs of its own;
* ``extension.py``: the one table of everything registered with Sphinx.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__version__ = "0.1.0"


def setup(app: Sphinx) -> dict[str, Any]:
    from .extension import setup_extension

    setup_extension(app)
    # env_version 2: the plan's amendments are pickled as render.context.PlanAmendment.  (Sphinx
    # writes env_version into searchindex.js: a change of what the domain pickles bumps the
    # domain's data_version instead, which discards the environment as well.)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 2}
