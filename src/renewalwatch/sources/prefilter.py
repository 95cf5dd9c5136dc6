"""Cheap looks at raw bytes, so a body that names no watched show is never fully parsed."""

from __future__ import annotations

import xml.parsers.expat
from collections.abc import Iterable

from renewalwatch.errors import ParseError
from renewalwatch.sources.markup import looks_like_html_page


def mentions_any(body: bytes, names: Iterable[str]) -> bool:
    lowered = body.lower()
    return any(n.lower().encode() in lowered for n in names)


def refuse_entities(body: bytes, url: str) -> None:
    """Entity declarations serve no feed we read and are how expansion attacks start."""
    if b"<!ENTITY" in body[:65536]:
        raise ParseError(url, "the feed declares XML entities; refused (entity-expansion risk)")


def check_well_formed(kind: str, body: bytes, url: str) -> None:
    """For a feed we skip: still report an HTML page or broken XML, as a full parse would."""
    if kind != "feed":
        return
    if not body.strip():
        raise ParseError(url, "empty response, expected a feed")
    if looks_like_html_page(body):
        raise ParseError(url, "got an HTML page, not an RSS/Atom feed")
    refuse_entities(body, url)
    parser = xml.parsers.expat.ParserCreate()
    try:
        parser.Parse(body, True)
    except xml.parsers.expat.ExpatError as e:
        raise ParseError(url, f"malformed feed XML: {e}") from e
