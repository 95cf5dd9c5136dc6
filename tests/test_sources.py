"""Turning fetched bytes into documents: RSS, Atom and article pages, and refusing what is not."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from renewalwatch.errors import ParseError
from renewalwatch.models import SourceKind
from renewalwatch.sources import KINDS, feed, news, page, parse_feed, parse_page, read_feed, tvmaze
from renewalwatch.sources.prefilter import check_feed_shape, mentions_any
from tests.helpers import fixture_bytes

URL = "http://127.0.0.1:9/source"


def test_the_registry_is_explicit_and_complete() -> None:
    assert {
        SourceKind.FEED: feed,
        SourceKind.PAGE: page,
        SourceKind.NEWS: news,
        SourceKind.TVMAZE: tvmaze,
    } == KINDS
    assert set(KINDS) == set(SourceKind)  # every kind the config accepts can be read


# --- feeds ----------------------------------------------------------------------------------


def test_rss_items_become_documents() -> None:
    docs = parse_feed(fixture_bytes("tvledger/report.xml"), URL, "TV Ledger")
    assert [d.guid for d in docs] == ["tvledger-48160", "tvledger-48121", "tvledger-48107"]
    report = docs[0]
    assert report.source == "TV Ledger"
    assert report.title == "Prime Video Renews Ballard for Season 2, Sources Say"
    assert report.url == "https://tvledger.example/2025/11/ballard-renewed-season-2/"
    assert report.published == datetime(2025, 11, 5, 18, 45, tzinfo=UTC)
    assert report.text.splitlines()[0] == (
        "Prime Video has renewed Ballard for a second season, according to sources familiar with the decision."
    )
    assert "<p>" not in report.text


def test_rss_full_content_is_read_without_repeating_the_summary() -> None:
    rumour = parse_feed(fixture_bytes("tvledger/rumours.xml"), URL, "TV Ledger")[0]
    lines = rumour.text.splitlines()
    assert (
        lines.count(
            "Fans of the cold-case drama are still waiting to hear whether Renée Ballard will be back."
        )
        == 1
    )
    assert "We will update this page as soon as there is news." in lines


def test_atom_entries_become_documents() -> None:
    power, interview = parse_feed(fixture_bytes("screenwire/quiet.atom"), URL, "Screen Wire")
    assert power.guid == "tag:screenwire.example,2025:9917"
    assert power.url == "https://screenwire.example/business/ballard-power-coach-deal"
    assert power.published == datetime(2025, 11, 3, 16, 20, tzinfo=UTC)
    assert power.text.startswith("Ballard Power Systems has renewed its agreement")  # html summary decoded
    assert interview.title == "Is Ballard coming back? Maggie Q says she is ready"
    assert 'she would "go back to the cold case room tomorrow"' in interview.text


def test_an_item_without_guid_or_date_still_has_an_identity() -> None:
    body = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
    <item><title>Ballard season 2 table read</title><link>https://x.example/table-read</link></item>
    </channel></rss>"""
    [doc] = parse_feed(body, URL, "S")
    assert doc.guid == "https://x.example/table-read"
    assert doc.published is None


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"   \n", "empty response"),
        (fixture_bytes("bad/error-page.html"), "got an HTML page"),
        (fixture_bytes("bad/truncated.xml"), "malformed feed XML"),
        (b'<?xml version="1.0"?><note><to>Ballard fans</to></note>', "not an RSS or Atom feed"),
        (
            b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "Ballard Ballard Ballard">]>'
            b"<rss><channel><title>&a;</title></channel></rss>",
            "declares XML entities",
        ),
    ],
    ids=["empty", "html-page", "truncated", "not-a-feed", "entities"],
)
def test_what_is_not_a_feed_is_a_parse_error_naming_the_url(body: bytes, message: str) -> None:
    with pytest.raises(ParseError) as e:
        parse_feed(body, URL, "S")
    assert message in e.value.message
    assert e.value.url == URL


def test_feeds_that_name_no_watched_show_are_only_checked_for_shape() -> None:
    """The prefilter skips parsing, but a broken feed is still reported, not read as "no news"."""
    assert mentions_any(fixture_bytes("tvledger/report.xml").decode(), ["Ballard"])
    assert not mentions_any(fixture_bytes("bad/mismatched.xml").decode(), ["Ballard", "Renée"])
    check_feed_shape(fixture_bytes("screenwire/quiet.atom").decode(), URL)  # fine: no error
    with pytest.raises(ParseError, match="malformed feed XML"):
        check_feed_shape(fixture_bytes("bad/mismatched.xml").decode(), URL)
    with pytest.raises(ParseError, match="HTML page"):
        check_feed_shape(fixture_bytes("bad/error-page.html").decode(), URL)
    with pytest.raises(ParseError, match="malformed feed XML"):
        read_feed(fixture_bytes("bad/mismatched.xml").decode(), URL, "S", ["Nobody Named This"])


# --- pages ----------------------------------------------------------------------------------


def test_a_page_is_its_article_without_chrome() -> None:
    [doc] = parse_page(fixture_bytes("pages/trade-article.html"), URL, "Screen Ledger")
    assert doc.title == "'Harbor Lights' Gets Season 3 at Peacock"
    assert doc.url == doc.guid == "https://screenledger.example/tv/harbor-lights-season-3"
    assert doc.published == datetime(2025, 10, 28, 12, 30, tzinfo=UTC)
    assert doc.text.splitlines() == [
        "Peacock has renewed Harbor Lights for a third season, the streamer said on Tuesday.",
        "The coastal mystery, which follows a ferry captain who moonlights as an investigator,"
        " will film its new episodes in Maine next summer.",
        '"We have a lot more coastline to cover," the showrunner said.',
    ]


@pytest.mark.parametrize(
    "marker",
    [
        "NAVTEXT",
        "RELATEDTEXT",
        "ASIDETEXT",
        "NEWSLETTERTEXT",
        "FOOTERTEXT",
        "SCRIPTTEXT",
        "NOSCRIPTTEXT",
        "Breaking",
    ],
)
def test_page_chrome_never_reaches_the_classifier(marker: str) -> None:
    [doc] = parse_page(fixture_bytes("pages/trade-article.html"), URL, "Screen Ledger")
    assert marker not in doc.text and marker not in doc.title


def test_a_press_page_uses_its_headline_and_the_canonical_link() -> None:
    [doc] = parse_page(fixture_bytes("press/ballard-renewed.html"), URL, "Press")
    assert doc.title == "Prime Video Renews Ballard for Season Two"
    assert doc.url == "https://press.primevideo.example/shows/ballard"
    assert "Press Room" not in doc.text and "accredited media" not in doc.text
    assert doc.text.startswith("CULVER CITY, Calif., November 12, 2025")


def test_a_page_without_article_markup_falls_back_to_its_body() -> None:
    body = b"""<html><head><title>Ballard renewed | Tiny Blog</title></head>
    <body><div>Prime Video renewed Ballard today.</div><footer>Tiny Blog 2025</footer></body></html>"""
    [doc] = parse_page(body, URL, "Blog")
    assert doc.title == "Ballard renewed | Tiny Blog"
    assert doc.url == URL
    assert doc.text == "Prime Video renewed Ballard today."
    assert doc.published is None


@pytest.mark.parametrize("body", [b"", b"  \n ", b"just some words, no markup"])
def test_a_page_with_no_html_is_a_parse_error(body: bytes) -> None:
    with pytest.raises(ParseError):
        parse_page(body, URL, "S")
