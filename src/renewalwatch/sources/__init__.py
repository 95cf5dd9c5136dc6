"""Source kinds: each turns a fetched body, decoded, into the `Document`s worth reading (or into
evidence). The registry is explicit.

To add a kind (say `tvmaze`):
1. add a member to `models.SourceKind` (the config accepts exactly these names);
2. write `sources/tvmaze.py` with `def read(text: str, ctx: ReadContext) -> Reading`; see
   `sources.kind.Kind` for what it may and may not do;
3. add one line to `KINDS` below.
`tests/test_sources.py` checks that every `SourceKind` has a reader.

The parsers import feedparser and BeautifulSoup (~80 ms) inside their functions, so commands
that never parse (`--help`, `status`, a cycle of 304s) never pay for them.
"""

from __future__ import annotations

from renewalwatch.models import SourceKind
from renewalwatch.sources import feed, news, page, tvmaze
from renewalwatch.sources.feed import parse_feed, read_feed
from renewalwatch.sources.kind import Kind, ReadContext, Reading
from renewalwatch.sources.page import parse_page, read_page

KINDS: dict[SourceKind, Kind] = {
    SourceKind.FEED: feed,
    SourceKind.PAGE: page,
    SourceKind.NEWS: news,
    SourceKind.TVMAZE: tvmaze,
}

__all__ = ["KINDS", "Kind", "ReadContext", "Reading", "parse_feed", "parse_page", "read_feed", "read_page"]
