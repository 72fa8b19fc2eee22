"""What the build keeps across documents and builds.

``domain.py`` holds the data written in one document for use in another
(Sphinx pickles it with the environment); ``incremental.py`` decides which
pages to write again from fingerprints kept there too; ``redactions.py``
writes the log of what was withheld from the data the domain holds.
"""
