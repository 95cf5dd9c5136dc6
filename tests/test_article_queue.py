"""Which linked articles a cycle reads: the plan's pure choice."""

from __future__ import annotations

from renewalwatch.cycle.plan import article_queue
from renewalwatch.cycle.records import Fetched, Snapshot
from renewalwatch.excerpt import article_key
from renewalwatch.models import Article, Source, SourceKind, SourceOutcome

FEED = Source("Wire", SourceKind.FEED, "http://127.0.0.1:9/feed")


def _article(n: int, attempts: int = 0) -> Article:
    url = f"http://127.0.0.1:9/a/{n}"
    return Article(key=article_key(url), url=url, source="Wire", title=f"Item {n}", published=None,
                   why="question headline", attempts=attempts)  # fmt: skip


def _snapshot(pending: list[Article], known: list[Article]) -> Snapshot:
    return Snapshot(sources={}, seen={}, watches={}, pending_articles=tuple(pending),
                    article_keys=frozenset(a.key for a in [*pending, *known]))  # fmt: skip


def _fetched(*articles: Article) -> Fetched:
    return Fetched(source=FEED, outcome=SourceOutcome.NEW, articles=articles)


def test_earlier_pending_articles_go_first_and_the_cap_leaves_the_rest_for_later() -> None:
    left = _article(1, attempts=2)
    wanted, later = article_queue(_snapshot([left], []), [_fetched(_article(2), _article(3))], cap=2)
    assert [a.url for a in wanted] == [left.url, _article(2).url]
    assert [a.url for a in later] == [_article(3).url]  # remembered, to read next cycle


def test_each_link_once_and_never_again_once_known() -> None:
    done = _article(4)
    both = [_fetched(_article(5)), _fetched(_article(5), done)]  # two feeds link the same article
    wanted, later = article_queue(_snapshot([], [done]), both, cap=10)
    assert [a.url for a in wanted] == [_article(5).url]
    assert later == []


def test_a_cap_of_zero_reads_nothing_and_remembers_what_was_wanted() -> None:
    wanted, later = article_queue(_snapshot([], []), [_fetched(_article(6))], cap=0)
    assert wanted == [] and [a.url for a in later] == [_article(6).url]
