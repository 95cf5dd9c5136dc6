"""News-search feeds: URLs, Bing's redirects, outlet credit and one story per headline (pure)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from renewalwatch.autosources import Engine, news_search_url
from renewalwatch.sources import news

NEWS = Path(__file__).parent / "fixtures" / "news"


def test_google_search_url_carries_the_locale() -> None:
    url = news_search_url('"The Bear" "season 5"', locale="en-GB")
    parts = urlsplit(url)
    assert parts.netloc == "news.google.com" and parts.path == "/rss/search"
    q = parse_qs(parts.query)
    assert q == {"q": ['"The Bear" "season 5"'], "hl": ["en-GB"], "gl": ["GB"], "ceid": ["GB:en"]}


def test_bing_search_url_asks_for_rss() -> None:
    url = news_search_url(
        "Ballard season 2", engine=Engine.BING, locale="de-DE", endpoint="http://127.0.0.1:9/b"
    )
    q = parse_qs(urlsplit(url).query)
    assert url.startswith("http://127.0.0.1:9/b?")
    assert q == {"q": ["Ballard season 2"], "format": ["rss"], "mkt": ["de-DE"]}


def test_unwrap_bing() -> None:
    wrapped = (
        "http://www.bing.com/news/apiclick.aspx?ref=FexRss&aid=&tid=AB12&url=https%3a%2f%2f"
        "tvline.com%2f2026%2f04%2fshow-renewed%2f&c=99&mkt=en-us"
    )
    assert news.unwrap_bing(wrapped) == "https://tvline.com/2026/04/show-renewed/"
    assert news.unwrap_bing("https://deadline.com/x") == "https://deadline.com/x"
    # a redirect to something that is not a web page stays wrapped
    assert news.unwrap_bing("http://www.bing.com/news/apiclick.aspx?url=javascript%3aalert(1)").startswith(
        "http://www.bing"
    )


def test_strip_outlet_only_strips_the_credited_outlet() -> None:
    assert (
        news.strip_outlet("Show renewed for season 5 - Deadline", "Deadline") == "Show renewed for season 5"
    )
    assert (
        news.strip_outlet("Spider-Man - Noir - renewed - Variety", "Variety") == "Spider-Man - Noir - renewed"
    )
    assert news.strip_outlet("Season 2 - what we know", "Deadline") == "Season 2 - what we know"
    assert news.strip_outlet("Season 2 - Deadline", None) == "Season 2 - Deadline"


def test_google_items_credit_the_outlet_and_collapse_the_same_story() -> None:
    docs = news.parse_news((NEWS / "google_bear.xml").read_bytes(), "http://g", "News: The Bear")
    assert [(d.title, d.outlet) for d in docs] == [
        ("'The Bear' Renewed For Season 5 At FX", "Deadline"),
        ("Will there be a season 5 of The Bear? What we know", "Screen Digest"),
    ]
    assert docs[0].text == ""  # Google's description only repeats the headline
    assert docs[0].published is not None


def test_bing_items_link_to_the_publisher_and_share_the_story_key() -> None:
    bing = news.parse_news((NEWS / "bing_bear.xml").read_bytes(), "http://b", "Bing: The Bear")
    google = news.parse_news((NEWS / "google_bear.xml").read_bytes(), "http://g", "News: The Bear")
    assert len(bing) == 1
    assert bing[0].url == "https://deadline.com/2026/04/the-bear-renewed-season-5-fx-1236000000/"
    assert bing[0].outlet == "Deadline" and "fifth season" in bing[0].text
    assert bing[0].guid == google[0].guid  # the same story, whichever engine carried it


def test_story_key_ignores_case_punctuation_and_quotes() -> None:
    assert news.story_key("'The Bear' Renewed For Season 5!") == news.story_key(
        "the bear renewed for season 5"
    )
    assert news.story_key("The Bear renewed for season 5") != news.story_key("The Bear renewed for season 6")


def test_a_story_whose_link_does_not_parse_is_kept_and_the_others_too() -> None:
    """`http://[::1/x` made urlsplit raise while unwrapping Bing links: the whole search failed
    as an internal error, losing the good story beside it."""
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>search</title>'
        "<item><title>The Bear renewed for season 5 - Trade One</title><link>http://[::1/x</link>"
        "<guid>a</guid><source url='https://one.example'>Trade One</source></item>"
        "<item><title>FX renews The Bear again - Trade Two</title><link>https://two.example/bear</link>"
        "<guid>b</guid><source url='https://two.example'>Trade Two</source></item>"
        "</channel></rss>"
    )
    docs = news.parse_news(feed, "http://g", "News: The Bear")
    assert [d.url for d in docs] == ["http://[::1/x", "https://two.example/bear"]
    assert news.unwrap_bing("http://[::1/x") == "http://[::1/x"
