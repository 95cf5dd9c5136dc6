"""Source kinds: each turns fetched bytes into `Document`s. The registry is explicit."""

from __future__ import annotations

from collections.abc import Callable

from renewalwatch.models import Document
from renewalwatch.sources.feed import parse_feed
from renewalwatch.sources.page import parse_page

Parser = Callable[[bytes, str, str], list[Document]]  # (body, url, source name) -> documents

SOURCE_KINDS: dict[str, Parser] = {"feed": parse_feed, "page": parse_page}

__all__ = ["SOURCE_KINDS", "Parser", "parse_feed", "parse_page"]
