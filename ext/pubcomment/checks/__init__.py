"""Consistency checks, run once every document is read (``env-check-consistency``)."""
