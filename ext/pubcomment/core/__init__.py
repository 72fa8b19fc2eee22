"""The pure data core of pubcomment.

Nothing in this package imports docutils or Sphinx: loading, validation,
tallies, numbering, 和暦 dates and text diffs are plain Python so that the
directives, the command line and importers share one implementation.
"""
