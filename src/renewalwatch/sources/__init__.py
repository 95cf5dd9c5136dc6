"""Source kinds: each turns a fetched body, decoded, into the `Document`s worth reading. The
registry is explicit.

The parsers import feedparser and BeautifulSoup, which cost ~80 ms: they are loaded on first
use, so `renewalwatch --help` and `status` never pay for them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from renewalwatch.models import Document
from renewalwatch.sources.prefilter import Reading

# (decoded body, url, source name, watched names or None for all) -> what the body held
Reader = Callable[[str, str, str, Sequence[str] | None], Reading]


def read_feed(text: str, url: str, source: str, names: Sequence[str] | None = None) -> Reading:
    from renewalwatch.sources.feed import read_feed as read

    return read(text, url, source, names)


def read_page(text: str, url: str, source: str, names: Sequence[str] | None = None) -> Reading:
    from renewalwatch.sources.page import read_page as read

    return read(text, url, source, names)


def parse_feed(body: bytes | str, url: str, source: str) -> list[Document]:
    from renewalwatch.sources.feed import parse_feed as parse

    return parse(body, url, source)


def parse_page(body: bytes | str, url: str, source: str) -> list[Document]:
    from renewalwatch.sources.page import parse_page as parse

    return parse(body, url, source)


SOURCE_KINDS: dict[str, Reader] = {"feed": read_feed, "page": read_page}

__all__ = ["SOURCE_KINDS", "Reader", "Reading", "parse_feed", "parse_page", "read_feed", "read_page"]
