"""Turn a local file or a corpus case into Documents: HTML page, feed, or plain text."""

from __future__ import annotations

from pathlib import Path

from renewalwatch.models import Document
from renewalwatch.sources import parse_feed, parse_page
from renewalwatch.sources.markup import looks_like_html_page

FORMATS = ("text", "html", "feed")


def sniff(body: bytes, name: str = "") -> str:
    suffix = Path(name).suffix.lower()
    if suffix in (".xml", ".rss", ".atom"):
        return "feed"
    if suffix in (".html", ".htm"):
        return "html"
    head = body[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if looks_like_html_page(body):
        return "html"
    if head.startswith(b"<?xml") or head.startswith((b"<rss", b"<feed", b"<rdf")):
        return "feed"
    return "text"


def documents(fmt: str, title: str, body: str | bytes, origin: str) -> list[Document]:
    """Documents from one input; for "text" the title is given, or is the first line."""
    raw = body.encode() if isinstance(body, str) else body
    if fmt == "feed":
        return parse_feed(raw, origin, origin)
    if fmt == "html":
        return parse_page(raw, origin, origin)
    text = raw.decode("utf-8", errors="replace")
    if not title:
        first, _, rest = text.strip().partition("\n")
        title, text = first.strip(), rest
    return [Document(origin, origin, origin, title, text)]


def read_file(path: Path) -> list[Document]:
    body = path.read_bytes()
    return documents(sniff(body, path.name), "", body, str(path))
