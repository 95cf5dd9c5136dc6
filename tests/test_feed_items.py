"""The lean item reader (ElementTree) reads every fixture feed as feedparser does."""

from __future__ import annotations

import tomllib

import pytest

from renewalwatch.sources.charset import decode
from renewalwatch.sources.feed import _documents, _parsed, entry_published, parse_feed
from renewalwatch.sources.items import Entry, read_entries
from tests.feeds import FEEDS
from tests.helpers import FIXTURES, SITE

URL = "http://127.0.0.1:9/feed"


def _fixture_feeds() -> list[tuple[str, str]]:
    feeds = [(f.name, decode(f.body(), URL).text) for f in FEEDS]
    feeds += [
        (p.name, p.read_text()) for p in sorted(SITE.glob("[!b]*/*.xml")) + sorted(SITE.glob("*/*.atom"))
    ]
    for case in sorted(FIXTURES.glob("*/*.toml")):
        data = tomllib.loads(case.read_text(encoding="utf-8"))
        if data.get("format") == "feed":
            feeds.append((f"{case.parent.name}/{case.stem}", data["body"].strip()))
    return feeds


FEED_TEXTS = _fixture_feeds()


@pytest.mark.parametrize(("name", "text"), FEED_TEXTS, ids=[name for name, _ in FEED_TEXTS])
def test_the_lean_reader_agrees_with_feedparser(name: str, text: str) -> None:
    text = text.split("?>", 1)[1] if text.startswith("<?xml") else text
    lean = read_entries(text)
    assert lean is not None, f"{name}: the lean reader gave up"
    by_feedparser = [
        Entry(
            title=e.get("title", ""), link=e.get("link", ""), guid=e.get("id", ""), summary=e.get("summary", ""),
            content=tuple(c.get("value", "") for c in e.get("content", [])), published=entry_published(e),
        )
        for e in _parsed(text, URL)
    ]  # fmt: skip
    assert _documents(lean, URL, "S") == _documents(by_feedparser, URL, "S")


def test_what_the_lean_reader_does_not_know_goes_to_feedparser() -> None:
    """Atom 0.3 (another namespace) and an RSS date in no standard form: feedparser reads them."""
    atom03 = (
        '<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title>'
        '<entry><title>Ballard renewed</title><link rel="alternate" href="https://old.example/b"/>'
        "<id>tag:old,1</id><summary>Prime Video renewed it.</summary></entry></feed>"
    )
    odd_date = (
        '<rss version="2.0"><channel><title>T</title><item><title>Ballard renewed</title>'
        "<link>https://t.example/b</link><pubDate>Tuesday, the fourth</pubDate></item></channel></rss>"
    )
    for text in (atom03, odd_date):
        assert read_entries(text) is None
        [doc] = parse_feed(text, URL, "S")
        assert doc.title == "Ballard renewed"
        assert doc.url.endswith("/b")
