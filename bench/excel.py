"""Reading a working sheet of opinions: openpyxl against python-calamine.

The file is the shape ``pubcomment export --xlsx`` writes and staff fill
in: a header row of Japanese column titles, then one row per opinion (No,
項目, 区分, 意見の要旨 and 本市の考え方 of the synthetic consultation of
bench/generate.py, 要旨 150-400 and 考え方 200-600 characters with line
breaks inside the cells), a category merged over each run of ten rows.

Each reader takes every cell's value and the merged ranges (which
pubcomment needs to give a merged cell its top-left value):

* openpyxl, read-only (``load_workbook(read_only=True)``): streams the
  sheet, but knows no merged ranges; listed for the speed of the stream;
* openpyxl, full (``load_workbook()``): what pubcomment would have to use,
  as it needs the merged ranges;
* python-calamine (``CalamineWorkbook.from_path`` and ``to_python``,
  ``merged_cell_ranges``).

Each is timed in a fresh process (nothing cached), the fastest of
``--repeat`` runs counts.  Writing the file (openpyxl, which pubcomment
uses for ``pubcomment export --xlsx`` whatever reads) is timed too.

    python -m bench.excel --rows 10000            # prints the table
    python -m bench.excel --rows 10000 --write-readme
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

READERS = {
    "openpyxl (read-only, no merged ranges)": """
import openpyxl
book = openpyxl.load_workbook(PATH, read_only=True, data_only=True)
rows = [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
merged = None
""",
    "openpyxl (full, with merged ranges)": """
import openpyxl
book = openpyxl.load_workbook(PATH, data_only=True)
sheet = book.worksheets[0]
rows = [list(row) for row in sheet.iter_rows(values_only=True)]
merged = [str(r) for r in sheet.merged_cells.ranges]
""",
    "python-calamine": """
from python_calamine import CalamineWorkbook
book = CalamineWorkbook.from_path(PATH)
sheet = book.get_sheet_by_index(0)
rows = sheet.to_python(skip_empty_area=False)
merged = sheet.merged_cell_ranges
""",
}


def write_sheet(path: Path, rows: int) -> float:
    """The working sheet of ``rows`` synthetic opinions; the seconds openpyxl took to write it."""
    import openpyxl

    from bench import generate

    model = generate.build_model(rows, seed=1)
    started = time.perf_counter()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "意見一覧"
    sheet.append(["No", "項目", "区分", "意見の要旨", "本市の考え方"])
    for index, opinion in enumerate(model.opinions):
        category = opinion.category if index % 10 == 0 else None
        sheet.append([opinion.number, opinion.topic, category, "\n\n".join(opinion.summary), "\n\n".join(opinion.response)])
    for first in range(2, rows + 2, 10):
        sheet.merge_cells(start_row=first, start_column=3, end_row=min(first + 9, rows + 1), end_column=3)
    book.save(path)
    return time.perf_counter() - started


def time_reader(code: str, path: Path) -> tuple[float, int]:
    """Seconds to read ``path`` in a fresh process (the import excluded), and the rows read."""
    program = f"import time\nPATH = {str(path)!r}\nstarted = time.perf_counter()\n{code}\nprint(time.perf_counter() - started, len(rows))\n"
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    seconds, count = result.stdout.split()
    return float(seconds), int(count)


def pubcomment_read(path: Path) -> float:
    """Seconds for pubcomment's own reading of the sheet (the chosen library, and the rows made Located)."""
    program = (
        "import time\nfrom pathlib import Path\nfrom pubcomment.core.sheets import parse_opinion_sheet\n"
        f"raw = Path({str(path)!r}).read_bytes()\nstarted = time.perf_counter()\n"
        "rows, problems = parse_opinion_sheet(raw, 'opinions.xlsx')\n"
        "assert not problems, problems[:3]\nprint(time.perf_counter() - started)\n"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    return float(result.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--write-readme", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "opinions.xlsx"
        wrote = write_sheet(path, args.rows)
        size = path.stat().st_size
        lines = [
            f"A working sheet of {args.rows:,} opinions ({size / 1e6:.1f} MB), read in a fresh process, fastest of {args.repeat}:",
            "",
            "| reader | seconds | rows read |",
            "| --- | ---: | ---: |",
        ]
        for name, code in READERS.items():
            runs = [time_reader(code, path) for _ in range(args.repeat)]
            seconds, count = min(runs)
            lines.append(f"| {name} | {seconds:.2f} | {count:,} |")
            print(lines[-1], file=sys.stderr, flush=True)
        try:
            ours = min(pubcomment_read(path) for _ in range(args.repeat))
            lines.append(f"| pubcomment's reading (python-calamine, cells to located rows, checks) | {ours:.2f} | {args.rows:,} |")
        except subprocess.CalledProcessError as error:
            print(f"pubcomment's reading failed: {error.stderr}", file=sys.stderr)
        lines += ["", f"Writing the sheet with openpyxl (`pubcomment export --xlsx` writes with it): {wrote:.2f} s."]
    text = "\n".join(lines)
    print(text)
    if args.write_readme:
        from run import machine, write_readme

        write_readme(text + "\n\n" + machine(), section="excel")


if __name__ == "__main__":
    main()
