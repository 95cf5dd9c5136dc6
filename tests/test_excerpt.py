"""When a feed item's excerpt is enough to decide, and when its article must be read."""

from __future__ import annotations

import pytest

from renewalwatch.classify import classify
from renewalwatch.excerpt import Why, article_needed, opaque, truncated
from renewalwatch.models import Document, Trust, Watch

WATCH = Watch("Ballard", 2, exclude=("Ballard Power",))


def _need(title: str, text: str, trust: Trust = Trust.TRADE) -> Why | None:
    doc = Document("S", "https://trade.example/a", "g", title, text)
    return article_needed(doc, classify(title, text, WATCH, trust), WATCH)


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("The streamer has renewed the drama for a second [\u2026]", True),
        ("The streamer has renewed the drama for a second \u2026", True),
        ("The streamer has renewed the drama. Read more", True),
        ("The streamer has renewed the drama for a", True),
        ("The streamer has renewed the drama.", False),
        ('The streamer has renewed the drama."\nThe post Ballard renewed appeared first on Wire.', False),
    ],
)
def test_a_truncated_excerpt_is_told_from_a_whole_one(text: str, cut: bool) -> None:
    assert truncated(text) is cut


@pytest.mark.parametrize(
    ("title", "text", "why"),
    [
        # the network's statement may be in the part that was cut
        (
            "Ballard Renewed for Season 2",
            "Ballard has been renewed for a second season, and [\u2026]",
            Why.TRUNCATED,
        ),
        (
            "Is Ballard Coming Back for Season 2?",
            "Here is what the cast has said about the future.",
            Why.QUESTION,
        ),
        (
            "Prime Video makes a call on its detective drama",
            "Ballard was one of five dramas on the bubble. The streamer renewed two of them on Friday.",
            Why.UNRESOLVED,
        ),
        ("Ballard: everything we know so far", "The cast has been busy this summer.", Why.UNDECIDED),
    ],
    ids=["truncated", "question", "decision-word", "undecided-title"],
)
def test_the_article_is_read_when_the_excerpt_cannot_decide(title: str, text: str, why: Why) -> None:
    assert _need(title, text) is why


def test_a_whole_official_excerpt_or_another_show_needs_no_article() -> None:
    official = "Prime Video announced today that it has renewed Ballard for a second season."
    assert _need("Ballard Renewed for Season 2", official, Trust.OFFICIAL) is None
    assert _need("Harbor Lights renewed for a third season at Peacock", "The drama returns [\u2026]") is None
    assert _need("Ballard Power wins a bus order", "The fuel-cell maker said [\u2026]") is None


def test_aggregator_links_are_opaque() -> None:
    assert opaque("https://news.google.com/rss/articles/CBMiabc?oc=5")
    assert not opaque("https://trade.example/ballard-renewed/")


def test_a_link_that_does_not_parse_is_not_an_aggregators() -> None:
    assert not opaque("http://[::1/x")
