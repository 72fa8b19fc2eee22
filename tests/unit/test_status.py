"""Where a consultation stands on a day, the build's day, and the Atom feed of results."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from pubcomment.core import loader
from pubcomment.core.feed import ATOM, FeedItem, atom_feed
from pubcomment.core.status import JST, Status, build_date, fiscal_year, source_date, status_of

D = dt.date
DATA = "title: t\nbody: {name: 見本市}\nperiod: {start: 2025-06-02, end: 2025-07-01}\n"


def consultation(tmp_path: Path, extra: str = ""):
    path = tmp_path / "c.yaml"
    path.write_text(DATA + extra, encoding="utf-8")
    loaded = loader.load_file(path, root=tmp_path)
    return loaded.consultation, loaded.problems


@pytest.mark.parametrize(
    ("extra", "today", "expected"),
    [
        ("", D(2025, 6, 1), Status.PLANNED),
        ("", D(2025, 6, 2), Status.OPEN),
        ("", D(2025, 7, 1), Status.OPEN),
        ("", D(2025, 7, 2), Status.PUBLISHED),
        ("published_results: 2025-08-01\n", D(2025, 7, 2), Status.PREPARING),
        ("published_results: 2025-08-01\n", D(2025, 7, 31), Status.PREPARING),
        ("published_results: 2025-08-01\n", D(2025, 8, 1), Status.PUBLISHED),
        ("status: preparing\n", D(2030, 1, 1), Status.PREPARING),
        ("status: open\n", D(2020, 1, 1), Status.OPEN),
    ],
)
def test_status_from_the_dates_or_the_data(tmp_path: Path, extra: str, today: dt.date, expected: Status) -> None:
    c, problems = consultation(tmp_path, extra)
    assert not problems
    assert status_of(c, today) is expected


def test_an_unknown_status_is_reported(tmp_path: Path) -> None:
    c, problems = consultation(tmp_path, "status: publishd\n")
    assert c.status == ""
    assert [p.message for p in problems] == [
        "'status' must be one of planned, open, preparing, published, not 'publishd'; did you mean 'published'?"
    ]


def test_the_build_date() -> None:
    assert build_date("2026-04-01", {"SOURCE_DATE_EPOCH": "0"}) == D(2026, 4, 1)
    # 2025-12-31T15:00:00Z is 2026-01-01 in Japan.
    assert build_date("", {"SOURCE_DATE_EPOCH": "1767193200"}) == D(2026, 1, 1)
    assert build_date("", {}) == dt.datetime.now(dt.timezone(dt.timedelta(hours=9))).date()


def test_fiscal_years_start_in_april() -> None:
    assert [fiscal_year(d) for d in (D(2025, 4, 1), D(2026, 3, 31), D(2026, 4, 1))] == [2025, 2025, 2026]


def test_the_feed_is_atom() -> None:
    items = [
        FeedItem("a", "古い<結果>", "a.html", D(2025, 7, 1), "要約 & 件数", "見本県"),
        FeedItem("b", "新しい結果", "https://example.jp/b.html", D(2026, 1, 5), "要約", "見本市"),
    ]
    data = atom_feed(
        title="サイト", site="サイト", self_href="results.atom", site_href="index.html", items=items, fallback_updated=D(2026, 4, 1)
    )
    assert data.startswith(b'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"')
    feed = ET.fromstring(data)
    ns = {"a": ATOM}
    assert feed.tag == f"{{{ATOM}}}feed"
    # RFC 4287 4.1.1: one id, title and updated; an author for the entries without one; a self link.
    for name in ("id", "title", "updated"):
        assert len(feed.findall(f"a:{name}", ns)) == 1, name
    assert feed.find("a:author/a:name", ns) is not None
    assert feed.find("a:link[@rel='self']", ns).get("href") == "results.atom"
    entries = feed.findall("a:entry", ns)
    assert [e.find("a:title", ns).text for e in entries] == ["新しい結果", "古い<結果>"]  # newest first, escaped
    assert feed.find("a:updated", ns).text == "2026-01-05T00:00:00+09:00"
    ids = [e.find("a:id", ns).text for e in entries]
    assert ids[0] == "https://example.jp/b.html" and ids[1].startswith("urn:uuid:")
    for entry in entries:  # 4.1.2: id, title, updated; no content, so a link to the page and a summary
        for name in ("id", "title", "updated", "summary", "author/a:name"):
            assert entry.find(f"a:{name}", ns) is not None, name
        assert entry.find("a:link[@rel='alternate']", ns) is not None
        updated = entry.find("a:updated", ns).text
        assert updated is not None
        dt.datetime.fromisoformat(updated)
    again = atom_feed(
        title="サイト", site="サイト", self_href="results.atom", site_href="index.html", items=items[::-1], fallback_updated=D(2026, 4, 1)
    )
    assert again == data  # the same bytes on every build


def test_an_empty_feed_is_updated_on_the_build_day() -> None:
    data = atom_feed(title="t", site="s", self_href="results.atom", site_href="index.html", items=[], fallback_updated=D(2026, 4, 1))
    assert ET.fromstring(data).find(f"{{{ATOM}}}updated").text == "2026-04-01T00:00:00+09:00"


@pytest.mark.parametrize("epoch", ["253402300800", "9" * 30])
def test_a_source_date_epoch_past_9999_is_no_day(epoch: str) -> None:
    """The build's day is today for an epoch no date can hold; source_date says why (config.py warns)."""
    assert build_date("", {"SOURCE_DATE_EPOCH": epoch}) == dt.datetime.now(JST).date()
    with pytest.raises(ValueError, match=r"SOURCE_DATE_EPOCH .* names no day"):
        source_date({"SOURCE_DATE_EPOCH": epoch})
    assert source_date({"SOURCE_DATE_EPOCH": "253402268399"}) == D(9999, 12, 31)
    assert source_date({}) is None
