#!/usr/bin/env python3
"""Print one field of every document in conf/documents.py, in order.

    tools/documents.py key     # plan results …
    tools/documents.py stem    # output file names without suffix
    tools/documents.py stem --edition draft   # only the draft edition's

The Makefile loops over these, so that adding a document to
DOCUMENTS is enough to get its PDF and ePub.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "conf"))

from documents import DOCUMENTS, Document


def main(argv: list[str]) -> int:
    fields = {f.name for f in dataclasses.fields(Document)}
    edition = None
    if len(argv) == 3 and argv[1] == "--edition":
        edition = argv[2]
        argv = argv[:1]
    if len(argv) != 1 or argv[0] not in fields:
        print(f"usage: documents.py {'|'.join(sorted(fields))} [--edition final|draft]", file=sys.stderr)
        return 2
    chosen = [d for d in DOCUMENTS if edition is None or d.edition == edition]
    print(" ".join(str(getattr(document, argv[0])) for document in chosen))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
