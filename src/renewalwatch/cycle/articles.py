"""Step 2b: read the articles behind feed items whose excerpt could not decide (`excerpt`).

The same fetcher settings as sources (timeout, size limit, redirects capped, per-host limit);
at most `articles_per_cycle` a cycle, chosen by the plan (`plan.article_queue`). A link to a news
aggregator is followed only through HTTP redirects: if it ends on the aggregator's own page,
there is no article, and the excerpt's verdict is all there is. A failed fetch loses nothing:
the item's excerpt was already read, and the article is tried again next cycle.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime

from renewalwatch import reading
from renewalwatch.cycle.gather import FetcherFactory
from renewalwatch.cycle.records import ArticleRead
from renewalwatch.errors import FetchError, ParseError
from renewalwatch.excerpt import opaque
from renewalwatch.fetch import Fetcher, Validators
from renewalwatch.models import Article, ShowFacts, Source, Watch

logger = logging.getLogger(__name__)


async def read_articles(
    articles: Sequence[Article],
    make_fetcher: FetcherFactory,
    sources: Sequence[Source],
    watches: Sequence[Watch],
    now: datetime,
    facts: Mapping[str, ShowFacts] | None = None,
) -> list[ArticleRead]:
    if not articles:
        return []
    by_name = {s.name: s for s in sources}
    async with make_fetcher() as fetcher:
        reads = (_guarded(a, fetcher, by_name.get(a.source), watches, now, facts) for a in articles)
        return list(await asyncio.gather(*reads))


async def _guarded(
    article: Article,
    fetcher: Fetcher,
    source: Source | None,
    watches: Sequence[Watch],
    now: datetime,
    facts: Mapping[str, ShowFacts] | None,
) -> ArticleRead:
    if source is None:  # the config dropped the source since: its items' articles are not ours to read
        return ArticleRead(
            article=replace(article, done=True, last_error="its source is no longer configured")
        )
    try:
        return await _read(article, fetcher, source, watches, now, facts)
    except (FetchError, ParseError) as e:
        error = e.message
    except Exception as e:  # like a source's guard: a bug on one article must not stop the cycle
        logger.exception("article crashed url=%s", article.url)
        error = f"internal error: {e!r}"
    logger.info("article not read url=%s error=%s", article.url, error)
    return ArticleRead(article=replace(article, attempts=article.attempts + 1, last_error=error))


async def _read(
    article: Article,
    fetcher: Fetcher,
    source: Source,
    watches: Sequence[Watch],
    now: datetime,
    facts: Mapping[str, ShowFacts] | None,
) -> ArticleRead:
    result = await fetcher.fetch(article.url, Validators())
    done = replace(article, attempts=article.attempts + 1, last_error=None, done=True)
    if opaque(result.url):
        return ArticleRead(article=replace(done, last_error="an aggregator's page, not the article"))
    evidence = await asyncio.to_thread(
        reading.read_article, result.body, result.charset, article, source, watches, now, facts
    )
    return ArticleRead(article=done, evidence=tuple(evidence))
