"""An Atom feed (RFC 4287) of published results, made from plain values.

Dates are days: each entry is updated at 00:00 Japan time of the day its
results were published (``published_results``, else the last day of the
period).  Ids are the page's address when the site's address is known,
else a name-based UUID of the consultation, the same on every build.
"""

from __future__ import annotations

import datetime as dt
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass

ATOM = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class FeedItem:
    key: str
    title: str
    href: str  # the results page, absolute or relative to the feed
    updated: dt.date
    summary: str
    author: str


def timestamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00+09:00"


def item_id(site: str, key: str, href: str) -> str:
    """The entry's id: its absolute address, or a UUID named by the site and the key."""
    if href.startswith(("http://", "https://")):
        return href
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'pubcomment:{site}:{key}')}"


def atom_feed(*, title: str, site: str, self_href: str, site_href: str, items: list[FeedItem], fallback_updated: dt.date) -> bytes:
    """The feed, newest first; ``fallback_updated`` when there is no item."""
    items = sorted(items, key=lambda item: (-item.updated.toordinal(), item.key))
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "ja"})

    def add(parent: ET.Element, name: str, text: str | None = None, **attributes: str) -> ET.Element:
        child = ET.SubElement(parent, f"{{{ATOM}}}{name}", attributes)
        if text is not None:
            child.text = text
        return child

    add(feed, "title", title)
    add(feed, "id", item_id(site, "", self_href) if not self_href.startswith("http") else self_href)
    add(feed, "updated", timestamp(items[0].updated if items else fallback_updated))
    add(feed, "link", rel="self", type="application/atom+xml", href=self_href)
    add(feed, "link", rel="alternate", type="text/html", href=site_href)
    add(add(feed, "author"), "name", site)
    for item in items:
        entry = add(feed, "entry")
        add(entry, "title", item.title)
        add(entry, "id", item_id(site, item.key, item.href))
        add(entry, "updated", timestamp(item.updated))
        add(entry, "link", rel="alternate", type="text/html", href=item.href)
        add(add(entry, "author"), "name", item.author)
        add(entry, "summary", item.summary)
    ET.indent(feed)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8", xml_declaration=False) + b"\n"
