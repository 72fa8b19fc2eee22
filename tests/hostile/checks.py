"""Compare a case's outputs with what it must do; every mismatch is one line."""

from __future__ import annotations

import html
import io
import json
import pickle
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from bs4 import BeautifulSoup
from docutils import nodes

from .cases import OUTSIDE_MARKER, PASSWD_MARKER, Expect
from .project import Outcome, Reported, parse_check, parse_warnings

FORBIDDEN_TEXT = (PASSWD_MARKER, OUTSIDE_MARKER)
HIDDEN = ".pc-visually-hidden, .pc-cell-label, a.headerlink"


def squeeze(text: str) -> str:
    """Text without white space (line breaks and spaces differ between outputs)."""
    return re.sub(r"\s+", "", text)


def location_matches(spec: str, location: str, prefix: str = "") -> bool:
    for alternative in spec.split("|"):
        alternative = prefix + alternative
        if alternative.endswith(":*"):
            base = alternative[:-2]
            if location == base or re.fullmatch(re.escape(base) + r":\d+", location):
                return True
        elif location == alternative:
            return True
    return False


def match_warnings(expected: Iterable[Expect], found: list[Reported], what: str, prefix: str = "") -> list[str]:
    """Exactly the expected pubcomment warnings (each matched once), and no other warning."""
    problems = []
    left = list(found)
    for expect in expected:
        hit = next(
            (
                w
                for w in left
                if w.subtype == expect.subtype
                and location_matches(expect.location, w.location, prefix)
                and (expect.words is None or re.search(expect.words, w.message))
            ),
            None,
        )
        if hit is None:
            near = [str(w) for w in left if w.subtype == expect.subtype] or [str(w) for w in left if w.subtype]
            words = f" /{expect.words}/" if expect.words else ""
            problems.append(
                f"{what}: missing pubcomment.{expect.subtype} at {expect.location}{words}"
                + (f" (got {'; '.join(near[:3])})" if near else "")
            )
        else:
            left.remove(hit)
    problems += [f"{what}: unexpected {w.level.lower()} {w}" for w in left]
    return problems


def load_doctree(path: Path) -> nodes.document | None:
    try:
        return pickle.loads(path.read_bytes())
    except Exception:  # a doctree that cannot be read shows as a missing page
        return None


def html_hazards(soup: BeautifulSoup, page: str) -> list[str]:
    """Script, event handlers, javascript: links, embedded frames, outside content."""
    problems = []
    for script in soup.find_all("script"):
        if script.find_parent(class_="sphinxsidebar") is not None:
            continue  # the theme's search box
        src = script.get("src", "")
        if not src.startswith("_static/") or script.get_text(strip=True):
            problems.append(f"a <script> element: {str(script)[:80]}")
    main = soup.select_one('[role="main"]') or soup
    for tag in main.find_all(True):
        for name, value in tag.attrs.items():
            if name.lower().startswith("on"):
                problems.append(f"an event handler attribute: <{tag.name} {name}=…>")
            if name.lower() in ("href", "src", "action") and str(value).strip().lower().startswith("javascript:"):
                problems.append(f"a javascript: {name}: <{tag.name}>")
        if tag.name in ("iframe", "object", "embed", "form", "input", "script"):
            problems.append(f"an <{tag.name}> element")
        if tag.name == "img" and not str(tag.get("src", "")).startswith(("_images/", "_static/")):
            problems.append(f"an <img> not of the project: {str(tag)[:80]}")
    problems += [f"content of a file outside the project ({marker!r})" for marker in FORBIDDEN_TEXT if marker in page]
    return problems


def reader_text(soup: BeautifulSoup) -> str:
    main = soup.select_one('[role="main"]') or soup.body or soup
    for hidden in main.select(HIDDEN):
        hidden.decompose()
    return squeeze(main.get_text())


def ids_and_badges(soup: BeautifulSoup) -> list[str]:
    """Every id once; every category badge links to its own legend row."""
    problems = []
    seen: dict[str, int] = {}
    for tag in soup.find_all(id=True):
        ident = tag["id"]
        assert isinstance(ident, str)  # id is not a multi-valued attribute
        seen[ident] = seen.get(ident, 0) + 1
    problems += [f"id {name!r} used {count} times" for name, count in seen.items() if count > 1]
    for link in soup.select("a[href]"):
        badge = link.select_one(".pc-category")
        href = link["href"]
        if badge is None or "#" not in href:
            continue
        key = badge.get_text(strip=True)
        target = soup.find(id=href.split("#", 1)[1])
        row = target.find_parent("tr") if target is not None else None
        if row is None:
            problems.append(f"badge {key!r} links to {href!r}, which is no legend row")
            continue
        first = row.find(["th", "td"])
        label = first.get_text(strip=True) if first is not None else ""
        if label != key:
            problems.append(f"badge {key!r} links to the legend row of {label!r}")
    return problems


def case_mismatches(outcome: Outcome) -> list[str]:
    case = outcome.case
    problems = []
    # (a) no traceback, no hang, no crash
    build = outcome.build
    if build.crashed:
        problems.append(f"sphinx-build: {build.crashed}")
    elif build.returncode != 0:
        problems.append(f"sphinx-build exited {build.returncode}: {build.stderr.strip().splitlines()[-1:]}")
    check = outcome.check
    if check is not None:
        if check.crashed:
            problems.append(f"pubcomment check: {check.crashed}")
        else:
            file_expected = [e for e in case.expected if not e.location.startswith("index.md")]
            if check.returncode not in (0, 1):
                problems.append(f"pubcomment check exited {check.returncode}")
            elif check.returncode != (1 if file_expected else 0):
                problems.append(f"pubcomment check exited {check.returncode}, expected {1 if file_expected else 0}")
            found = parse_check(check.stderr, outcome.srcdir)
            want = sorted(e.subtype for e in file_expected)
            got = sorted(w.subtype or "" for w in found)
            if want != got:
                problems.append(f"pubcomment check: subtypes {got}, expected {want}")
    # (b) exactly the expected warnings
    if build.returncode is not None:
        problems += match_warnings(case.expected, parse_warnings(build.stderr, outcome.srcdir), "sphinx-build")
        problems += [
            f"sphinx-build: warning at a non-existent file {w.location!r}"
            for w in parse_warnings(build.stderr, outcome.srcdir)
            if w.subtype and re.search(r"\.(yaml|yml|json|csv)\.(rst|md)\b", w.location)
        ]
    for command, run in zip(case.commands, outcome.commands, strict=True):
        if run.crashed:
            problems.append(f"pubcomment {' '.join(command)}: {run.crashed}")
    # (e) withheld text in no file the build or the case's commands wrote; no formula in a CSV file or workbook
    written = [("cli/" + n, d) for n, d in files_under(outcome.clidir)]
    if case.withheld:
        problems += leaks(case.withheld, [*files_under(outcome.outdir), *written])
        if not any(path.is_file() for path in outcome.outdir.rglob("*")):
            problems.append("leak scan: the build wrote no file")
    problems += formula_cells([*written, *files_under(outcome.outdir / "opendata")])
    # (c) nothing raw, nothing from outside; (d) every text
    index = outcome.outdir / "index.html"
    if build.returncode is None:
        return problems
    if not index.exists():
        problems.append("no index.html written")
        return problems
    page = index.read_text(encoding="utf-8", errors="replace")
    soup = BeautifulSoup(page, "html.parser")
    problems += [f"HTML: {p}" for p in html_hazards(soup, page)]
    problems += [f"HTML: {p}" for p in ids_and_badges(soup)]
    doctree = load_doctree(outcome.doctrees / "index.doctree")
    if doctree is not None:
        for raw in doctree.findall(nodes.raw):
            problems.append(f"doctree: a raw node ({raw.get('format')}): {raw.astext()[:60]!r}")
    text = reader_text(soup)
    for expected in case.texts:
        if squeeze(expected) not in text:
            problems.append(f"HTML: text missing: {shorten(expected)}")
    return problems


# --- leaks: withheld text in any output file ----------------------------------------

# White space and the characters that print nothing: a leak split by them is still a leak.
_INVISIBLE = re.compile(r"[\s\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]+")
_TAG = re.compile(r"<[^>]*>")
_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
_JAPANESE_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]+")


def fold(text: str) -> str:
    """Text as leaks are compared: NFKC, no white space, no zero-width characters."""
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))


def _unescaped(text: str) -> str:
    """\\uXXXX escapes (JSON, JavaScript) as the characters, surrogate pairs joined."""
    decoded = _ESCAPE.sub(lambda m: chr(int(m[1], 16)), text)
    return decoded.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def readings(name: str, data: bytes) -> list[str]:
    """What a reader or a program can get from a file: its text, unescaped, without tags (folded)."""
    text = data.decode("utf-8", "replace")
    found = [text, html.unescape(text), html.unescape(_TAG.sub("", text))]
    if name.endswith((".js", ".json")):
        found.append(_unescaped(text))
    return [fold(t) for t in found]


def _search_terms(data: bytes) -> set[str]:
    """The words of a searchindex.js (the bigram splitter indexes a Japanese text as its pairs of characters)."""
    text = data.decode("utf-8", "replace")
    start, end = text.find("{"), text.rfind("}")
    try:
        index = json.loads(text[start : end + 1])
    except ValueError:
        return set()
    terms = {**index.get("terms", {}), **index.get("titleterms", {})}
    return {fold(term) for term in terms}


def leaked(secret: str, name: str, data: bytes, terms: set[str] | None = None) -> bool:
    """Whether ``secret`` can be read from the file ``name`` (its ``data``); ``terms``: a search index's words."""
    wanted = fold(secret)
    if any(wanted in reading for reading in readings(name, data)):
        return True
    if terms is None:
        return False
    # The index holds words: each run of Japanese as its pairs of characters, other text as words.
    words: set[str] = set()
    for run in _JAPANESE_RUN.findall(wanted):
        words |= {run[i : i + 2] for i in range(len(run) - 1)} if len(run) > 1 else {run}
    words |= set(re.findall(r"[a-z0-9]{2,}", wanted.lower()))
    return bool(words) and words <= terms


def files_under(directory: Path | None) -> Iterator[tuple[str, bytes]]:
    """Every file under ``directory``, by its path there; a zip archive (an ePub, a workbook) also member by member."""
    if directory is None or not directory.is_dir():
        return
    for path in sorted(directory.rglob("*")):
        if not path.is_file():
            continue
        name = str(path.relative_to(directory))
        data = path.read_bytes()
        yield name, data
        if data[:4] == b"PK\x03\x04":
            yield from archive_members(name, data)


def archive_members(name: str, data: bytes) -> Iterator[tuple[str, bytes]]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in archive.namelist():
                yield f"{name}!{member}", archive.read(member)
    except zipfile.BadZipFile:
        return


def leaks(secrets: Iterable[str], files: Iterable[tuple[str, bytes]]) -> list[str]:
    """One line per withheld text found in a file."""
    found = []
    secrets = [s for s in secrets if fold(s)]
    for name, data in files:
        terms = _search_terms(data) if name.endswith("searchindex.js") else None
        found += [f"withheld text {shorten(secret)} in {name}" for secret in secrets if leaked(secret, name, data, terms)]
    return found


def formula_cells(files: Iterable[tuple[str, bytes]]) -> list[str]:
    """Cells a spreadsheet would run, in the CSV files and workbooks written (core/formulas.py's rule:
    a formula-like text starts with an apostrophe in a CSV file, and has the quote prefix in a workbook)."""
    import csv

    from pubcomment.core.formulas import NEUTRALISER, is_formula_like

    found = []
    for name, data in files:
        if name.endswith(".csv"):
            for number, row in enumerate(csv.reader(io.StringIO(data.decode("utf-8-sig", "replace"), newline="")), 1):
                found += [f"{name}:{number}: a formula {shorten(c)}" for c in row if is_formula_like(c) and not c.startswith(NEUTRALISER)]
        elif name.endswith(".xlsx") and "!" not in name:
            import openpyxl

            sheet = openpyxl.load_workbook(io.BytesIO(data)).active
            for row in sheet.iter_rows() if sheet is not None else ():
                found += [
                    f"{name}!{cell.coordinate}: a formula {shorten(str(cell.value))}"
                    for cell in row
                    if isinstance(cell.value, str) and is_formula_like(cell.value) and not (cell.quotePrefix and cell.data_type == "s")
                ]
    return found[:10]


def shorten(text: str, width: int = 70) -> str:
    text = text.replace("\n", "⏎")
    return repr(text if len(text) <= width else text[:width] + f"…({len(text)} chars)")


def find_in_order(needle: str, hay: str, chunk: int = 10, gap: int = 600) -> int | None:
    """None if every character of ``needle`` is in ``hay`` in order, in runs with
    at most ``gap`` characters between them (a page's header and footer, a
    table's repeated head); else the index in ``needle`` of the first one not found."""
    if needle in hay:
        return None
    best = 0
    start = hay.find(needle[:chunk])
    while start != -1:
        i, p = 0, start
        while i < len(needle):
            while i < len(needle) and p < len(hay) and hay[p] == needle[i]:
                i, p = i + 1, p + 1
            if i == len(needle):
                return None
            window = hay.find(needle[i : i + chunk], p, p + gap + chunk)
            if window == -1:
                break
            p = window
        best = max(best, i)
        start = hay.find(needle[:chunk], start + 1)
    return best
