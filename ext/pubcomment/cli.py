"""Command-line tools for writers.

``pubcomment check FILE…`` validates consultation data without building:
the messages are the build's warnings, with the same ``file:line`` and
subtypes.  Exit status 1 when anything was found.  ``--law`` also prints,
as findings that do not change the exit status, what the data lacks of the
rules for its kind of body (core/law.py; the build warns of them only where
``pubcomment_law_rules`` opts in).

``pubcomment pages FILE --consultation KEY --out DIR`` writes one page per
opinion table for a large consultation: each topic's opinions split by
``--per-page`` with ``pc-opinions :numbers:`` (see core/pages.py), a page
per split topic listing its pages (``--flat``: none), and prints the
toctree entries.  Pages it wrote before and no longer needs
are removed; others in DIR are left alone.

``pubcomment export FILE --csv OUT.csv --json OUT.json`` writes the open
data the site publishes beside the results (see core/opendata.py): the CSV
in UTF-8 with a BOM (``--no-bom`` without), cells safe from formula injection.

``pubcomment import SOURCE --out DIR`` turns a raw export of the opinions
(a workbook, or CSV in UTF-8, cp932 or UTF-16) into the data files
``DIR/opinions.csv`` and, when there is none, a ``DIR/consultation.yaml``
skeleton, and reports what it did; ``pubcomment export FILE --xlsx OUT``
writes the working sheet for staff to fill in Excel (see core/intake.py).

``pubcomment documents FIELD [--edition E] [--key K] [--conf DIR]`` prints one field
of every document of ``conf/documents.py`` (see :mod:`pubcomment.site`), in
order: the Makefile loops over them.

``pubcomment new DIR --city NAME [--no-plan]`` writes a new site for a body
(see :mod:`pubcomment.scaffold`).

``pubcomment preview [sphinx-autobuild's options] SOURCEDIR OUTDIR`` serves
the site and builds it again on every save, in one warm process (see
:mod:`pubcomment.preview`); ``make livehtml`` runs it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import scaffold
from .core import intake, law, loader, opendata, privacy, wareki
from .core.csvdata import FIELDS
from .core.labels import DEFAULT_LABELS
from .core.model import Consultation
from .core.pages import OpinionPage, TopicIndex, plan_indexes, plan_pages, toctree_entries
from .core.problems import Subtype
from .core.textfiles import DataFileError

# The first line of every page ``pubcomment pages`` writes (a MyST comment).
GENERATED = "% pubcomment pages: 見出しは書き換えてかまいません。御意見の範囲は pubcomment pages で作り直します。"


def _root(path: str, root: str | None) -> Path:
    """The directory a data file and the files it names must be inside: ``--root``,
    else the current directory, or the file's own when it lies outside that."""
    if root is not None:
        return Path(root)
    here = Path.cwd().resolve()
    return here if Path(path).resolve().is_relative_to(here) else Path(path).resolve().parent


def _load(path: str, root: str | None) -> loader.Loaded | None:
    try:
        return loader.load_file(path, root=_root(path, root))
    except DataFileError as error:
        where = f"{error.path}:{error.problem.line}" if error.path and error.problem.line else path
        print(f"{where}: {error.problem.message} [pubcomment.{error.problem.subtype.value}]", file=sys.stderr)
        return None


def law_findings(path: str, consultation: Consultation) -> list[str]:
    """The lines ``--law`` prints: each rule of the body's kind the data alone fails."""
    facts = law.law_facts(consultation)
    source = law.SOURCES[facts.kind]
    return [
        f"{path}: finding: {message} ({source}; rule {rule!r} for a {facts.kind}) [pubcomment.law]"
        for rule, message in law.data_findings(facts)
    ]


def check(paths: Sequence[str], root: str | None = None, *, names: bool = True, allow: Sequence[str] = (), law_rules: bool = False) -> int:
    found = 0
    if names and not privacy.names_available():
        # A note, not a problem found in the data: on standard output, where the summaries go.
        print(
            "note: personal names are not checked: the list of surnames (pubcomment/core/surnames.txt) is missing; "
            "reinstall pubcomment (or pass --no-names)"
        )
        names = False
    ginza = names and privacy.ginza_available()
    for path in paths:
        loaded = _load(path, root)
        if loaded is None:
            found += 1
            continue
        problems = [
            *loaded.problems,
            *(privacy.check_consultation(loaded.consultation, names=names, ginza=ginza, allow=allow) if loaded.usable else []),
        ]
        for problem in problems:
            print(f"{problem.where(path)}: {problem.message} [pubcomment.{problem.subtype.value}]", file=sys.stderr)
        found += len(problems)
        consultation = loaded.consultation
        style = wareki.PeriodStyle.from_mapping({k: v for k, v in consultation.style.items() if k != "digits"})
        period = wareki.format_period(consultation.start, consultation.end, style) if consultation.start and consultation.end else "—"
        labels = {**DEFAULT_LABELS, **consultation.labels}
        submissions = consultation.submission_count
        counts = "" if submissions is None else f"{submissions:,}{labels['submissions_unit']}"
        counts += f"{consultation.opinion_count:,}{labels['opinions_unit']}"
        withheld = f" / {len(consultation.redactions)} withheld" if consultation.redactions else ""
        findings = law_findings(path, consultation) if law_rules and loaded.usable else []
        for line in findings:
            print(line)
        found_law = f" / {len(findings)} law finding(s)" if law_rules else ""
        print(f"{path}: {consultation.title} / {period} / {counts}{withheld} / {len(problems)} problem(s){found_law}")
    return 1 if found else 0


def similar_groups(path: str, root: str | None, threshold: float, write: str | None) -> int:
    """``pubcomment similar``: groups of identical and near-identical opinions; with
    ``--write``, the opinions as rows with each group as one row (count, originals)."""
    from .core import similar

    loaded = _load(path, root)
    if loaded is None:
        return 1
    opinions = loaded.consultation.opinions
    try:
        found = similar.groups([o.summary for o in opinions], threshold=threshold)
    except similar.MissingDependencyError as error:
        print(f"pubcomment similar: {error}", file=sys.stderr)
        return 2
    for number, group in enumerate(found, 1):
        representative = opinions[group.representative]
        members = ", ".join(str(opinions[i].number) for i in group.members[:20]) + (" …" if group.size > 20 else "")
        print(f"group {number}: {group.size}件 (No. {members})\n  {representative.summary[:120]}")
    grouped = sum(g.size for g in found)
    print(f"{len(found)} group(s) of {grouped} opinion(s) among {len(opinions)}", file=sys.stderr)
    if write:
        _write_grouped(Path(write), opinions, found)
        print(f"wrote {write}: {len(opinions) - grouped + len(found)} row(s)", file=sys.stderr)
    return 0


def _write_grouped(target: Path, opinions: Sequence[object], found: Sequence[object]) -> None:
    from ruamel.yaml import YAML

    leader = {g.representative: g for g in found}  # type: ignore[attr-defined]
    member = {i for g in found for i in g.members}  # type: ignore[attr-defined]
    rows: list[dict[str, object]] = []
    for index, opinion in enumerate(opinions):
        if index in member and index not in leader:
            continue
        o = opinion
        row: dict[str, object] = {"no": len(rows) + 1}
        for key in ("topic", "category"):
            if getattr(o, key):
                row[key] = getattr(o, key)
        row["summary"] = o.summary  # type: ignore[attr-defined]
        row["response"] = o.response  # type: ignore[attr-defined]
        if index in leader:
            numbers = [str(opinions[i].number) for i in leader[index].members]  # type: ignore[attr-defined]
            row["count"] = str(len(numbers))
            row["originals"] = numbers
        rows.append(row)
    yaml = YAML()
    yaml.allow_unicode = True
    with target.open("w", encoding="utf-8") as stream:
        yaml.dump(rows, stream)


def page_text(page: OpinionPage, key: str) -> str:
    options = [f":consultation: {key}"]
    if page.topic:
        options.append(f":topic: {page.topic}")
    if page.numbers:
        options.append(f":numbers: {page.numbers}")
    return "\n".join([GENERATED, "", f"# {page.heading}", "", "```{pc-opinions}", *options, "```", ""])


INDEX_LEAD = "この項目の御意見は、番号順に次のページに分けて載せています。"


def index_text(index: TopicIndex) -> str:
    return "\n".join([GENERATED, "", f"# {index.heading}", "", INDEX_LEAD, "", "```{toctree}", ":maxdepth: 1", "", *index.pages, "```", ""])


def pages(path: str, key: str, out: str, per_page: int, flat: bool = False) -> int:
    loaded = _load(path, None)
    if loaded is None:
        return 1
    if loaded.problems:
        print(f"{path}: {len(loaded.problems)} problem(s); run 'pubcomment check {path}' and fix them first", file=sys.stderr)
        return 1
    try:
        planned = plan_pages(loaded.consultation, per_page)
        indexes = [] if flat else plan_indexes(planned)
    except ValueError as error:
        print(f"{path}: {error}", file=sys.stderr)
        return 1
    directory = Path(out)
    directory.mkdir(parents=True, exist_ok=True)
    written = set()
    texts = [(page.name, page_text(page, key)) for page in planned] + [(index.name, index_text(index)) for index in indexes]
    for name, text in texts:
        target = directory / f"{name}.md"
        written.add(target.name)
        # An unchanged page keeps its modification time: Sphinx need not read it again.
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
    for stale in sorted(directory.glob("*.md")):
        if stale.name not in written and stale.read_text(encoding="utf-8").startswith(GENERATED):
            stale.unlink()
            print(f"removed {stale} (no longer needed)", file=sys.stderr)
    listed = f", {len(indexes)} of them listing a topic's pages" if indexes else ""
    print(f"{len(texts)} page(s) in {directory}{listed}; toctree entries:")
    for entry in toctree_entries(planned, indexes):
        print(f"{directory.name}/{entry}")
    return 0


# Problems after which the data read is not all the data: an export would lose the rest.
_INCOMPLETE = {Subtype.SYNTAX, Subtype.FILE, Subtype.ENCODING, Subtype.LIMIT, Subtype.UNKNOWN_KEY, Subtype.TYPE, Subtype.INJECTION}


def import_(source: str, out: str, sheet: str | None, columns: list[str], *, names: bool = True) -> int:
    mapping: dict[str, str | None] = {}
    for item in columns:
        title, _, name = item.partition("=")
        if not title.strip() or (name.strip() and name.strip() not in FIELDS):
            print(
                f"pubcomment import: --column {item!r}: write TITLE=FIELD (a field: {', '.join(sorted(FIELDS))}), "
                "or TITLE= to leave the column out",
                file=sys.stderr,
            )
            return 2
        mapping[title.strip()] = name.strip() or None
    try:
        report = intake.import_opinions(Path(source), Path(out), sheet=sheet, columns=mapping or None, names=names)
    except intake.IntakeError as error:
        print(f"pubcomment import: {error}", file=sys.stderr)
        return 1
    print("\n".join(report.lines()))
    return 0


def export_sheet(loaded: loader.Loaded, path: str, xlsx: str) -> int:
    for problem in loaded.problems:
        print(f"{problem.where(path)}: {problem.message} [pubcomment.{problem.subtype.value}]", file=sys.stderr)
    incomplete = [p for p in loaded.problems if p.subtype in _INCOMPLETE]
    if not loaded.usable or incomplete:
        print(
            f"{path}: not all of the data could be read ({len(incomplete)} problem(s) above); "
            "fix them first, or the sheet would lose what was not read",
            file=sys.stderr,
        )
        return 1
    try:
        count = intake.write_workbook(loaded.consultation, Path(xlsx))
    except intake.IntakeError as error:
        print(f"pubcomment export: {error}", file=sys.stderr)
        return 1
    print(f"{xlsx}: {count:,} opinion(s) on the sheet {intake.SHEET_TITLE}")
    return 0


def export(path: str, root: str | None, csv_path: str | None, json_path: str | None, xlsx: str | None, *, bom: bool) -> int:
    """Open data (--csv, --json) and the working sheet for staff (--xlsx)."""
    loaded = _load(path, root)
    if loaded is None:
        return 1
    if xlsx:
        written = export_sheet(loaded, path, xlsx)
        if written or not (csv_path or json_path):
            return written
    if loaded.problems:
        print(f"{path}: {len(loaded.problems)} problem(s); run 'pubcomment check {path}' and fix them first", file=sys.stderr)
        return 1
    if csv_path:
        Path(csv_path).write_bytes(opendata.csv_bytes(loaded.consultation, bom=bom))
    if json_path:
        Path(json_path).write_bytes(opendata.json_bytes(loaded.consultation))
    return 0


def documents(field: str, edition: str | None, conf: str, key: str | None = None) -> int:
    import dataclasses
    import importlib.util

    path = Path(conf) / "documents.py"
    spec = importlib.util.spec_from_file_location("documents", path)
    if spec is None or spec.loader is None or not path.is_file():
        print(f"{path}: no such file", file=sys.stderr)
        return 1
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    chosen = [d for d in module.DOCUMENTS if (edition is None or d.edition == edition) and (key is None or d.key == key)]
    if key is not None and not chosen:
        print(f"{path}: no document with key {key!r}", file=sys.stderr)
        return 1
    fields = {f.name for f in dataclasses.fields(chosen[0])} if chosen else set()
    if chosen and field not in fields:
        print(f"unknown field {field!r}; one of {', '.join(sorted(fields))}", file=sys.stderr)
        return 2
    print(" ".join(str(getattr(document, field)) for document in chosen))
    return 0


def new(directory: str, city: str, self_reference: str | None, prefix: str, plan: bool) -> int:
    try:
        written = scaffold.write_site(Path(directory), city=city, self_reference=self_reference, prefix=prefix, plan=plan)
    except scaffold.ScaffoldError as error:
        print(f"pubcomment new: {error}", file=sys.stderr)
        return 1
    print(f"{len(written)} 個のファイルを {directory} に書きました。次は {directory}/README.md を読んでください。")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["preview"]:  # sphinx-autobuild's own options follow, passed on as they are
        from . import preview

        return preview.main(argv[1:])
    parser = argparse.ArgumentParser(prog="pubcomment", description="Public-comment data tools.")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser(
        "preview",
        help="serve the site while writing (sphinx-autobuild's options; each change built in one warm process); make livehtml runs it",
    )
    check_parser = commands.add_parser("check", help="validate consultation data files (YAML or JSON)")
    check_parser.add_argument("paths", nargs="+", metavar="FILE")
    check_parser.add_argument(
        "--root", metavar="DIR", help="the source directory data files must be inside (default: the current directory)"
    )
    check_parser.add_argument(
        "--no-names", dest="names", action="store_false", help="do not look for personal names, only the other personal information"
    )
    check_parser.add_argument(
        "--allow",
        action="append",
        default=[],
        metavar="TEXT",
        help="a text the personal-information check does not report (the body's own telephone number …); repeatable",
    )
    check_parser.add_argument(
        "--law",
        action="store_true",
        help="also report what the data lacks of the rules for its kind of body (行政手続法43条1項, local 条例・要綱); "
        "findings, not problems: the exit status is unchanged",
    )
    pages_parser = commands.add_parser("pages", help="write the pages of a consultation's opinion tables, split by number")
    pages_parser.add_argument("path", metavar="FILE", help="the consultation file (YAML or JSON)")
    pages_parser.add_argument(
        "--consultation",
        required=True,
        metavar="KEY",
        help="its name: the :name: of pc-consultation, or the document that declares it (results/index)",
    )
    pages_parser.add_argument("--out", required=True, metavar="DIR", help="the directory of the pages, under the source directory")
    pages_parser.add_argument("--per-page", type=int, default=250, metavar="N", help="opinions per page (default 250)")
    pages_parser.add_argument(
        "--flat", action="store_true", help="no page per topic listing its pages: the toctree lists every page (slow past a few hundred)"
    )
    import_parser = commands.add_parser("import", help="turn a raw export of the opinions (xlsx, csv) into the data files")
    import_parser.add_argument("source", metavar="SOURCE", help="the export: .xlsx, .xlsm, .ods, or .csv/.txt (UTF-8, cp932, UTF-16)")
    import_parser.add_argument(
        "--out", required=True, metavar="DIR", help="the directory of the data files (opinions.csv, consultation.yaml)"
    )
    import_parser.add_argument("--sheet", metavar="NAME", help="the sheet: its name, or its position (1 for the first; default)")
    import_parser.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="TITLE=FIELD",
        help="read a column the export titles its own way (受付番号=submission); TITLE= leaves it out",
    )
    import_parser.add_argument(
        "--no-names", dest="names", action="store_false", help="do not look for personal names, only the other personal information"
    )
    export_parser = commands.add_parser(
        "export", help="write a consultation's opinions: open data (CSV, JSON) or the working sheet for staff (xlsx)"
    )
    export_parser.add_argument("path", metavar="FILE", help="the consultation file (YAML or JSON)")
    export_parser.add_argument(
        "--root", metavar="DIR", help="the source directory data files must be inside (default: the current directory)"
    )
    export_parser.add_argument("--csv", metavar="OUT", help="write the opinions as CSV (UTF-8 with a BOM, for Excel)")
    export_parser.add_argument("--no-bom", dest="bom", action="store_false", help="write the CSV without a BOM")
    export_parser.add_argument("--json", metavar="OUT", help="write everything the results publish as JSON")
    export_parser.add_argument("--xlsx", metavar="OUT", help="write the working sheet (区分 and 考え方 to fill in) as a workbook")
    similar_parser = commands.add_parser("similar", help="find groups of identical and near-identical opinions (組織的な意見)")
    similar_parser.add_argument("path", metavar="FILE", help="the consultation file (YAML or JSON)")
    similar_parser.add_argument("--root", metavar="DIR", help="the source directory data files must be inside")
    similar_parser.add_argument(
        "--threshold",
        type=float,
        default=0.5,
        metavar="J",
        help="how alike two summaries must be (Jaccard of character 3-grams, default 0.5)",
    )
    similar_parser.add_argument("--write", metavar="OUT.yaml", help="write the opinions with each group as one row (count, originals)")
    documents_parser = commands.add_parser("documents", help="print one field of every document of conf/documents.py")
    documents_parser.add_argument("field", help="key, root, title, author, stem or edition")
    documents_parser.add_argument("--edition", choices=("final", "draft"))
    documents_parser.add_argument("--conf", default="conf", metavar="DIR", help="the directory of documents.py (default: conf)")
    documents_parser.add_argument("--key", help="only the document of this key")
    new_parser = commands.add_parser("new", help="write a new site for a body (city, prefecture …) into DIR")
    new_parser.add_argument("directory", metavar="DIR", help="a new or empty directory")
    new_parser.add_argument("--city", required=True, metavar="NAME", help="the body's name, e.g. 見本市")
    new_parser.add_argument(
        "--self", dest="self_reference", metavar="WORD", help="what the body calls itself (default from the name: 本市, 本県, 本町 …)"
    )
    new_parser.add_argument(
        "--prefix", default="site", metavar="STEM", help="the start of the PDF and ePub file names, ASCII (default: site)"
    )
    new_parser.add_argument("--no-plan", dest="plan", action="store_false", help="the site has no plan document, only the results")
    arguments = parser.parse_args(argv)
    if arguments.command == "import":
        return import_(arguments.source, arguments.out, arguments.sheet, arguments.column, names=arguments.names)
    if arguments.command == "documents":
        return documents(arguments.field, arguments.edition, arguments.conf, arguments.key)
    if arguments.command == "new":
        return new(arguments.directory, arguments.city, arguments.self_reference, arguments.prefix, arguments.plan)
    if arguments.command == "export":
        if not (arguments.csv or arguments.json or arguments.xlsx):
            parser.error("export needs --csv OUT, --json OUT or --xlsx OUT")
        return export(arguments.path, arguments.root, arguments.csv, arguments.json, arguments.xlsx, bom=arguments.bom)
    if arguments.command == "similar":
        return similar_groups(arguments.path, arguments.root, arguments.threshold, arguments.write)
    if arguments.command == "pages":
        if arguments.per_page < 1:
            parser.error("--per-page must be at least 1")
        return pages(arguments.path, arguments.consultation, arguments.out, arguments.per_page, arguments.flat)
    return check(arguments.paths, arguments.root, names=arguments.names, allow=arguments.allow, law_rules=arguments.law)


if __name__ == "__main__":
    sys.exit(main())
