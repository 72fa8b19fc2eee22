"""Timings of pubcomment against plain Sphinx, at national scale (``make bench``).

Run from the repository's root as modules (``python -m bench.run``), so that
they import each other and ``tests.support`` as packages.  Results are
written into bench/README.md; projects and output live in bench/work/.
"""
