"""A corpus of hostile and malformed inputs (tests/test_hostile_corpus.py).

``cases`` generates the cases: each is a small project (data files, an
``index.md`` declaring the consultation and showing it) with what it must
do once the extension handles it: the pubcomment warnings it must give
(subtype and location), the texts its HTML (and, if it builds cleanly, its
PDF and ePub) must show.  ``project`` writes the cases into directories
and runs the builds; ``checks`` compares the outputs with the cases.

All Japanese sample text here is synthetic (見本).
"""
