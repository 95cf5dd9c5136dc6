"""RSS and Atom feeds, through feedparser, from bytes we fetched ourselves."""

from __future__ import annotations

import calendar
import hashlib
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from renewalwatch.errors import ParseError
from renewalwatch.models import Document
from renewalwatch.sources.charset import decode
from renewalwatch.sources.items import Entry, read_entries
from renewalwatch.sources.kind import ReadContext, Reading
from renewalwatch.sources.markup import html_to_text
from renewalwatch.sources.prefilter import check_feed_shape, mentions_any, naming, split_items


def entry_published(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed"):
        value = dict.get(entry, key)  # not feedparser's get, which warns of a deprecated fallback
        if value:
            return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    return None


_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_HARMLESS = frozenset({"CharacterEncodingOverride", "NonXMLContentType"})


def entries(body: bytes | str, url: str) -> list[Any]:
    """feedparser's entries of a whole feed; an HTML page or unreadable XML is a ParseError."""
    text = decode(body, url).text if isinstance(body, bytes) else body
    check_feed_shape(text, url)
    return _parsed(text, url)


def parse_feed(body: bytes | str, url: str, source: str) -> list[Document]:
    """Every entry as a Document; an HTML page or unreadable XML is a ParseError, not "no news"."""
    return list(read_feed(decode(body, url).text if isinstance(body, bytes) else body, url, source).documents)


def read(text: str, ctx: ReadContext) -> Reading:
    """The `feed` kind: RSS or Atom items naming a watched show, as documents."""
    return read_feed(text, ctx.url, ctx.source, ctx.names)


def read_feed(text: str, url: str, source: str, names: Sequence[str] | None = None) -> Reading:
    """The entries naming one of `names` (all when None) as Documents; the others are counted,
    never parsed. The whole feed's shape is checked either way."""
    check_feed_shape(text, url)
    split = split_items(text)
    kept = list(split.items) if names is None else naming(split.items, names)
    if not kept:
        return Reading(len(split.items), ())
    try:
        return Reading(len(split.items), tuple(_documents(_entries(split.keeping(kept), url), url, source)))
    except ParseError:
        if len(kept) == len(split.items):
            raise
    # The scan split inside something (an <item> in a CDATA section): read the whole feed.
    documents = _documents(_entries(text, url), url, source)
    assert names is not None
    return Reading(
        len(split.items), tuple(d for d in documents if mentions_any(f"{d.title}\n{d.text}", names))
    )


def _entries(xml_text: str, url: str) -> list[Entry]:
    """The items, by the lean reader when it knows the format, else by feedparser."""
    xml_text = _XML_DECL.sub("", xml_text, count=1).lstrip("\ufeff")  # decoded: whatever it said is moot
    lean = read_entries(xml_text)
    if lean is not None:
        return lean
    return [
        Entry(
            title=e.get("title", ""),
            link=e.get("link", ""),
            guid=e.get("id", ""),
            summary=e.get("summary", ""),
            content=tuple(c.get("value", "") for c in e.get("content", [])),
            published=entry_published(e),
        )
        for e in _parsed(xml_text, url)
    ]


def _parsed(xml_text: str, url: str) -> list[Any]:
    import feedparser  # ~40 ms: loaded on the first feed that needs parsing

    # Never let feedparser fetch; sanitising and URI resolution are skipped because only text is read.
    xml_text = _XML_DECL.sub("", xml_text, count=1).lstrip("\ufeff")  # now UTF-8, whatever it said
    parsed = feedparser.parse(xml_text.encode("utf-8"), sanitize_html=False, resolve_relative_uris=False)
    found = parsed.get("entries", [])
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if problem is not None and type(problem).__name__ not in _HARMLESS:
        # Partial entries from a broken document are not trusted: a cut feed could cut a denial.
        raise ParseError(url, f"malformed feed XML: {problem}")
    if not found and not parsed.get("feed"):
        raise ParseError(url, "not an RSS or Atom feed")
    return list(found)


def _documents(found: list[Entry], url: str, source: str) -> list[Document]:
    documents = []
    for entry in found:
        title = html_to_text(entry.title)
        parts = [html_to_text(c) for c in entry.content]
        summary = html_to_text(entry.summary)
        if summary and not any(summary[:80] in p for p in parts):
            parts.insert(0, summary)
        link = entry.link or url
        guid = entry.guid or link or hashlib.sha256(title.encode()).hexdigest()
        documents.append(Document(source, link, guid, title, "\n".join(parts), entry.published))
    return documents
