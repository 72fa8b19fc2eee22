"""What the tests share besides fixtures: tools, builds and readers of outputs.

Fixtures stay in ``tests/conftest.py``; plain helpers live here and are
imported as ``tests.support.<module>`` by the tests and by ``bench/``
(pytest puts the repository's root on ``sys.path``: ``pythonpath`` in
pyproject.toml; ``python -m bench.<name>`` runs from the root).

- :mod:`.tools`: the external tools a test needs (fails under ``CI=true``
  when one is missing), ``sphinx-build`` in its own process, EPUBCheck,
  LaTeX and the PDF's text.
- :mod:`.pages`: an HTML page and the warnings as a test reads them.
- :mod:`.site`: this repository's sample site (``conf/documents.py``).
- :mod:`.localsite`: a built site served on 127.0.0.1 for headless Chromium.
"""
