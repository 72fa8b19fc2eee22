"""What the ePub builder needs of its own: one ePub per document.

* :mod:`.package`: which documents, images and links go in one ePub, and
  each page's language;
* :mod:`.builder`: Sphinx's ePub builder with the document's own sections
  in its navigation and stylesheets EPUBCheck accepts (:mod:`.css`);
* :mod:`.widgets`: sphinx-design widgets in a form ePub allows.
"""
