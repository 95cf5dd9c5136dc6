"""Source kinds: each turns fetched bytes into `Document`s. The registry is explicit.

The parsers import feedparser and BeautifulSoup, which cost ~80 ms: they are loaded on first
use, so `renewalwatch --help` and `status` never pay for them.
"""

from __future__ import annotations

from collections.abc import Callable

from renewalwatch.models import Document

Parser = Callable[[bytes, str, str], list[Document]]  # (body, url, source name) -> documents


def parse_feed(body: bytes, url: str, source: str) -> list[Document]:
    from renewalwatch.sources.feed import parse_feed as parse

    return parse(body, url, source)


def parse_page(body: bytes, url: str, source: str) -> list[Document]:
    from renewalwatch.sources.page import parse_page as parse

    return parse(body, url, source)


SOURCE_KINDS: dict[str, Parser] = {"feed": parse_feed, "page": parse_page}

__all__ = ["SOURCE_KINDS", "Parser", "parse_feed", "parse_page"]
