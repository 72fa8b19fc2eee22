"""What the HTML builders (ePub's included) need of their own.

* :mod:`.a11y`: the writer's overrides for accessible tables and changed text;
* :mod:`.backlinks`: plan sections link back to the opinions citing them;
* :mod:`.deferred_rows`: long opinion tables written row by row by the writer,
  with :mod:`.parallel_rows` sharing one table among processes under ``-j``;
* :mod:`.search`: the Japanese search splitter (index and browser alike);
* :mod:`.assets`: the stylesheet (``static/``).
"""
