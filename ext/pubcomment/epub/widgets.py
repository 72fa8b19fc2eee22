"""sphinx-design widgets in their plain form, for ePub.

Tab-sets need ``<input>`` and dropdowns ``<details>`` with inline SVG,
which ePub's XHTML does not allow, and icons are inline SVG or icon
fonts: before sphinx-design's HTML transforms (199, 200), each widget
becomes its title followed by its content, and icons go.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .package import EPUB_BUILDERS

# sphinx-design components whose HTML form is not valid in ePub.
PLAIN_COMPONENTS = ("dropdown", "tab-set", "tab-item", "tab-content")
# sphinx-design nodes that carry inline SVG or icon fonts.
ICON_NODES = ("sd_icon", "fontawesome")


class PlainWidgets(SphinxPostTransform):
    """Before sphinx-design's HTML transforms (199, 200): widgets in their plain form."""

    default_priority = 150
    builders = EPUB_BUILDERS

    def run(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(nodes.Element)):
            if node.get("design_component") in PLAIN_COMPONENTS:
                node["classes"].append(f"pc-plain-{node['design_component']}")
                del node["design_component"]
            elif type(node).__name__ in ICON_NODES:
                node.parent.remove(node)
        for raw in list(self.document.findall(nodes.raw)):
            if "html" in raw.get("format", "").split() and "<svg" in raw.astext():
                raw.parent.remove(raw)
