"""The directives and roles writers use in MyST documents.

* :mod:`.consultation`: ``pc-consultation``, which declares the data;
* :mod:`.parts`: the directives and roles that show a part of it
  (``pc-overview`` … ``pc-schedule``, ``{pc-count}``, ``{u}``);
* :mod:`.plan`: the plan's amendments written in place (``pc-amendment``,
  ``pc-draft``, ``pc-final``) and ``pc-editions``.
"""
