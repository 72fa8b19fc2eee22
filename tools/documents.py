#!/usr/bin/env python3
"""Print one field of every document in conf/documents.py, in order.

    tools/documents.py key     # results plan …
    tools/documents.py stem    # output file names without suffix

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
    if len(argv) != 1 or argv[0] not in fields:
        print(f"usage: documents.py {'|'.join(sorted(fields))}", file=sys.stderr)
        return 2
    print(" ".join(str(getattr(document, argv[0])) for document in DOCUMENTS))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
