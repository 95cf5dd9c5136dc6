"""The article behind a feed item, through `check` against local servers: read when the excerpt
cannot decide, once per link, within the per-cycle cap, and never at the cost of the item."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from tests.helpers import run_cli, write_config
from tests.servers import HTML, RSS, JsonReceiver, Site

FEED, ARTICLE = "/wire/feed.xml", "/wire/2025/11/is-ballard-coming-back/"
QUESTION = "Is Ballard Coming Back for Season 2?"
ARTICLE_HTML = f"""<!DOCTYPE html><html><head><title>{QUESTION} | The Wire</title></head><body>
<nav><a href="/">Home</a> <a href="/tv/">TV</a></nav>
<article><h1>{QUESTION}</h1>
<p>Fans have waited all summer for word on the detective drama, and the wait is over.</p>
<p>Prime Video has renewed Ballard for a second season, the streamer announced on Tuesday.</p>
<p>Maggie Q returns as the cold-case detective, and production starts in the spring.</p>
</article><aside class="sidebar"><p>Most read: a cooking show is canceled.</p></aside></body></html>"""


def _feed(site: Site, *links: str) -> str:
    items = "".join(
        f"<item><title>{QUESTION}</title><link>{site.url(link)}</link><guid>{link}</guid>"
        "<description>Fans have waited all summer for word on the detective drama, and [&#8230;]"
        "</description></item>"
        for link in links
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>The Wire</title>{items}</channel></rss>'


def _config(tmp_path: Path, site: Site, receiver: JsonReceiver, **settings: object) -> Path:
    return write_config(
        tmp_path / "renewalwatch.toml",
        sources=[{"name": "The Wire", "kind": "feed", "url": site.url(FEED), "trust": "trade"}],
        urls=[receiver.apprise_url()],
        settings=settings or None,
    )


def _check(config: Path) -> str:
    run = run_cli("--config", str(config), "check")
    assert "Traceback" not in run.all, run.all
    return run.out


def test_a_decision_only_in_the_linked_article_alerts_and_the_article_is_read_once(
    tmp_path: Path, site: Site, receiver: JsonReceiver
) -> None:
    site.serve(FEED, _feed(site, ARTICLE), RSS)
    site.serve(ARTICLE, ARTICLE_HTML, HTML)
    config = _config(tmp_path, site, receiver)
    # One article, and what reading it cost, apart from the sources' check.
    assert re.search(r"^linked articles read: 1 in \d+\.\d\d s \(\d+\.\d\d s of CPU\)$", _check(config), re.M)
    assert receiver.titles() == ["Ballard season 2: renewed — official"]
    assert site.statuses(ARTICLE) == [200]
    # Three cycles in all, one of them after the feed changed around the same item: read once.
    _check(config)
    site.serve(FEED, _feed(site, ARTICLE).replace("The Wire</title>", "The Wire, updated</title>"), RSS)
    _check(config)
    assert site.statuses(ARTICLE) == [200]
    assert receiver.titles() == ["Ballard season 2: renewed — official"]


def test_a_dead_article_link_loses_nothing_and_is_tried_again(
    tmp_path: Path, site: Site, receiver: JsonReceiver
) -> None:
    site.serve(FEED, _feed(site, ARTICLE), RSS)
    site.serve(ARTICLE, "<h1>Gone for now</h1>", HTML, status=503, validators="none")
    config = _config(tmp_path, site, receiver)
    out = _check(config)
    assert "checked 1 source: 1 ok, 0 failed" in out  # a failed article is not a failed source
    assert "linked articles read: 0 (1 could not be fetched: tried again next check)" in out
    assert receiver.titles() == []
    with sqlite3.connect(config.parent / "state.db") as db:
        [(title, verdict)] = db.execute("SELECT title, verdict FROM evidence").fetchall()
        [(attempts, error)] = db.execute("SELECT attempts, last_error FROM article").fetchall()
    assert (title, verdict) == (QUESTION, "pending")  # the excerpt's verdict stands
    assert attempts == 1 and "503" in error
    site.serve(ARTICLE, ARTICLE_HTML, HTML)
    _check(config)
    assert receiver.titles() == ["Ballard season 2: renewed — official"]
    assert site.statuses(ARTICLE) == [503, 200]


def test_the_per_cycle_cap_leaves_the_rest_for_the_next_cycle(
    tmp_path: Path, site: Site, receiver: JsonReceiver
) -> None:
    other = "/wire/2025/11/ballard-season-2-question/"
    site.serve(FEED, _feed(site, other, ARTICLE), RSS)
    site.serve(other, ARTICLE_HTML.replace("has renewed Ballard", "has not yet renewed Ballard"), HTML)
    site.serve(ARTICLE, ARTICLE_HTML, HTML)
    config = _config(tmp_path, site, receiver, articles_per_cycle=1)
    _check(config)
    assert len(site.hits(other)) + len(site.hits(ARTICLE)) == 1
    _check(config)
    assert (len(site.hits(other)), len(site.hits(ARTICLE))) == (1, 1)
    assert receiver.titles() == ["Ballard season 2: renewed — official"]


def test_no_article_is_fetched_for_an_item_that_does_not_name_the_show(
    tmp_path: Path, site: Site, receiver: JsonReceiver
) -> None:
    feed = _feed(site, ARTICLE).replace("Is Ballard Coming Back", "Is Harbor Lights Coming Back")
    site.serve(FEED, feed.replace("<channel>", "<channel><description>Ballard fans</description>"), RSS)
    site.serve(ARTICLE, ARTICLE_HTML, HTML)
    _check(_config(tmp_path, site, receiver))
    assert site.hits(ARTICLE) == []
