"""RSS and Atom feeds, through feedparser, from bytes we fetched ourselves."""

from __future__ import annotations

import calendar
import hashlib
from datetime import UTC, datetime
from typing import Any

import feedparser

from renewalwatch.errors import ParseError
from renewalwatch.models import Document
from renewalwatch.sources.markup import html_to_text, looks_like_html_page
from renewalwatch.sources.prefilter import refuse_entities


def entry_published(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    return None


_HARMLESS = frozenset({"CharacterEncodingOverride", "NonXMLContentType"})


def entries(body: bytes, url: str) -> list[Any]:
    """feedparser's entries; an HTML page or unreadable XML is a ParseError, not "no news"."""
    if not body.strip():
        raise ParseError(url, "empty response, expected a feed")
    if looks_like_html_page(body):
        raise ParseError(url, "got an HTML page, not an RSS/Atom feed")
    refuse_entities(body, url)
    # Never let feedparser fetch; sanitising and URI resolution are skipped because only text is read.
    parsed = feedparser.parse(body, sanitize_html=False, resolve_relative_uris=False)
    found = parsed.get("entries", [])
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if problem is not None and type(problem).__name__ not in _HARMLESS:
        # Partial entries from a broken document are not trusted: a cut feed could cut a denial.
        raise ParseError(url, f"malformed feed XML: {problem}")
    if not found and not parsed.get("feed"):
        raise ParseError(url, "not an RSS or Atom feed")
    return list(found)


def parse_feed(body: bytes, url: str, source: str) -> list[Document]:
    """Every entry as a Document."""
    documents = []
    for entry in entries(body, url):
        title = html_to_text(entry.get("title", ""))
        parts = [html_to_text(c.get("value", "")) for c in entry.get("content", [])]
        summary = html_to_text(entry.get("summary", ""))
        if summary and not any(summary[:80] in p for p in parts):
            parts.insert(0, summary)
        link = entry.get("link", "") or url
        guid = entry.get("id") or link or hashlib.sha256(title.encode()).hexdigest()
        documents.append(Document(source, link, guid, title, "\n".join(parts), entry_published(entry)))
    return documents
