"""Step 2: fetch every chosen source concurrently and read what changed.

I/O only: the tasks read the snapshot, never the store, and parsing and classification run in
worker threads (`asyncio.to_thread`). A source that fails, or crashes, becomes a FAILED
`Fetched` and never stops the others.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager
from datetime import datetime

from renewalwatch.config import Config
from renewalwatch.cycle.plan import precheck
from renewalwatch.cycle.read import read_source
from renewalwatch.cycle.records import Fetched, Snapshot
from renewalwatch.errors import FetchError, ParseError, RetryLater
from renewalwatch.fetch import Fetcher, Gone, HttpFetcher, Validators
from renewalwatch.models import Source, SourceOutcome, Watch

logger = logging.getLogger(__name__)

FetcherFactory = Callable[[], AbstractAsyncContextManager[Fetcher]]


def http_fetcher_factory(config: Config) -> FetcherFactory:
    s = config.settings

    def make() -> HttpFetcher:
        return HttpFetcher(
            timeout=s.timeout, max_bytes=s.max_bytes, max_redirects=s.max_redirects,
            concurrency=s.concurrency, per_host=s.per_host, user_agent=s.user_agent,
        )  # fmt: skip

    return make


async def gather(
    sources: Sequence[Source],
    make_fetcher: FetcherFactory,
    snapshot: Snapshot,
    watches: Sequence[Watch],
    now: datetime,
    force: bool,
) -> list[Fetched]:
    async with make_fetcher() as fetcher:
        checks = (_guarded(s, fetcher, snapshot, watches, now, force) for s in sources)
        return list(await asyncio.gather(*checks))


async def _guarded(
    source: Source, fetcher: Fetcher, snapshot: Snapshot, watches: Sequence[Watch], now: datetime, force: bool
) -> Fetched:
    try:
        return await _check(source, fetcher, snapshot, watches, now, force)
    except Exception as e:  # the one broad guard: a bug in one source must not stop the others
        logger.exception("source crashed source=%s url=%s", source.name, source.url)
        return Fetched(source=source, outcome=SourceOutcome.FAILED, error=f"internal error: {e!r}")


async def _check(
    source: Source, fetcher: Fetcher, snapshot: Snapshot, watches: Sequence[Watch], now: datetime, force: bool
) -> Fetched:
    health = snapshot.health(source)
    early = precheck(health, now, force)
    if early is not None:
        return Fetched(source=source, outcome=early)
    failed = SourceOutcome.FAILED
    try:
        result = await fetcher.fetch(source.url, Validators(health.etag, health.last_modified))
        if result.not_modified:
            return Fetched(source=source, outcome=SourceOutcome.NOT_MODIFIED)
        etag, last_modified = result.validators.etag, result.validators.last_modified
        if result.body_hash == health.body_hash:
            return Fetched(
                source=source, outcome=SourceOutcome.UNCHANGED, etag=etag, last_modified=last_modified,
                bytes_read=result.bytes_read,
            )  # fmt: skip
        seen = snapshot.seen.get(source.name, {})
        read = await asyncio.to_thread(read_source, source, result.body, result.charset, watches, seen, now)
    except Gone as e:
        return Fetched(source=source, outcome=failed, error=e.message, gone=True)
    except RetryLater as e:
        return Fetched(source=source, outcome=failed, error=e.message, retry_after=e.retry_after)
    except (FetchError, ParseError) as e:
        return Fetched(source=source, outcome=failed, error=e.message)
    return Fetched(
        source=source, outcome=SourceOutcome.NEW, etag=etag, last_modified=last_modified,
        body_hash=result.body_hash, bytes_read=result.bytes_read, items=read.items, named=read.named,
        new_items=read.new, evidence=read.evidence, facts=read.facts, premieres=read.premieres,
    )  # fmt: skip
