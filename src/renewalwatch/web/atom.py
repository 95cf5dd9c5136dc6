"""The Atom feed of status changes (RFC 4287), from `status --json`'s data. No I/O here.

One entry per history row, newest first by when renewalwatch learned of it (`updated`; the news's
own date is `published`). Its id is a tag: URI (RFC 4151) made of the watch key, the row's id and
the time it was learned, so an id is never given to two changes: not across watches, not when a
state file is started afresh and row ids begin at 1 again.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote
from xml.etree import ElementTree as ET

from renewalwatch.web.page import href

ATOM_NS = "http://www.w3.org/2005/Atom"
LIMIT = 200  # entries, newest first: a reader only needs what it has not seen yet
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# Characters XML 1.0 cannot carry at all, even escaped: feed text containing them would break the feed.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

ET.register_namespace("", ATOM_NS)


def _text(value: object) -> str:
    return _NOT_XML.sub("", str(value)) if value is not None else ""


def _when(iso: str | None) -> datetime:
    try:
        at = datetime.fromisoformat(iso) if iso else None
    except ValueError:
        at = None
    return at.astimezone(UTC) if at else _EPOCH


def _stamp(at: datetime) -> str:
    return at.strftime("%Y-%m-%dT%H:%M:%SZ")


def entry_id(watch_key: str, row_id: int, at: datetime) -> str:
    """`tag:renewalwatch,2025-11-05:ballard%23s2/change/7/184500`: unique and stable per change."""
    return f"tag:renewalwatch,{at:%Y-%m-%d}:{quote(watch_key, safe='')}/change/{row_id}/{at:%H%M%S}"


def feed_id(state: str) -> str:
    """One id per state file, so two renewalwatch installs are two feeds."""
    return f"tag:renewalwatch,2025:feed/{hashlib.sha256(state.encode()).hexdigest()[:16]}"


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def _changes(data: dict[str, Any]) -> list[tuple[datetime, int, dict[str, Any], dict[str, Any]]]:
    rows = [
        (_when(h["learned"] or h["published"]), int(h["id"]), w, h)
        for w in data["watches"]
        for h in w["history"]
    ]
    rows.sort(key=lambda r: (r[0], r[1]), reverse=True)
    return rows[:LIMIT]


def render_feed(data: dict[str, Any], page_url: str, self_url: str) -> bytes:
    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    changes = _changes(data)
    _add(feed, "id", feed_id(str(data["state"])))
    _add(feed, "title", "renewalwatch: status changes")
    _add(feed, "updated", _stamp(changes[0][0] if changes else _when(data["last_cycle"])))
    _add(_add(feed, "author"), "name", "renewalwatch")
    _add(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    _add(feed, "link", rel="alternate", type="text/html", href=page_url)
    for at, row_id, watch, change in changes:
        entry = _add(feed, "entry")
        _add(entry, "id", entry_id(str(watch["key"]), row_id, at))
        label = f"{_text(watch['show'])} season {watch['season']}"
        _add(entry, "title", f"{label}: {_text(change['to'])} (was {_text(change['from'])})", type="text")
        _add(entry, "updated", _stamp(at))
        if change["published"]:
            _add(entry, "published", _stamp(_when(change["published"])))
        evidence = change.get("evidence")
        link = href(evidence["url"]) if evidence else None
        _add(entry, "link", rel="alternate", type="text/html", href=link or page_url)
        if evidence:
            summary = (
                f"“{_text(evidence['sentence'])}” ({_text(evidence['source'])}: {_text(evidence['title'])};"
                f" rule {_text(evidence['rule'])})"
            )
            _add(entry, "summary", summary, type="text")
    body: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return body
