"""Step 2: fetch every chosen source concurrently and read what changed.

I/O only: the tasks read the snapshot, never the store. Reading a body (decoding, parsing,
classifying) runs on one reader thread, so the event loop keeps fetching other sources
meanwhile. One thread, not a pool: the work holds the GIL, so more threads would add memory (a
parse tree and a malloc arena each), not speed. A source that fails, or crashes, becomes a
FAILED `Fetched` and never stops the others.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from renewalwatch.autosources import TVMAZE_RATE
from renewalwatch.config import Config
from renewalwatch.cycle.plan import precheck
from renewalwatch.cycle.read import read_source
from renewalwatch.cycle.records import Fetched, Snapshot
from renewalwatch.errors import FetchError, ParseError, RetryLater
from renewalwatch.fetch import Fetcher, Gone, HttpFetcher, NotFound, Validators
from renewalwatch.models import ShowFacts, Source, SourceKind, SourceOutcome, Watch

logger = logging.getLogger(__name__)

FetcherFactory = Callable[[], AbstractAsyncContextManager[Fetcher]]


def http_fetcher_factory(config: Config) -> FetcherFactory:
    s = config.settings

    def make() -> HttpFetcher:
        return HttpFetcher(
            timeout=s.timeout, max_bytes=s.max_bytes, max_redirects=s.max_redirects,
            concurrency=s.concurrency, per_host=s.per_host, user_agent=s.user_agent,
            host_rates={urlsplit(s.tvmaze_url).netloc: TVMAZE_RATE},
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
    reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="renewalwatch-read")
    try:
        async with make_fetcher() as fetcher:
            job = _Job(
                fetcher=fetcher, snapshot=snapshot, watches=watches, now=now, force=force, reader=reader,
                facts=snapshot.all_facts(watches),
            )  # fmt: skip
            return list(await asyncio.gather(*(_guarded(s, job) for s in sources)))
    finally:
        reader.shutdown(wait=True)  # a read in flight is bounded: let it finish


@dataclass(frozen=True, slots=True, kw_only=True)
class _Job:
    """What every source's check in one cycle shares."""

    fetcher: Fetcher
    snapshot: Snapshot
    watches: Sequence[Watch]
    now: datetime
    force: bool
    reader: ThreadPoolExecutor
    facts: Mapping[str, ShowFacts]  # by watch key: the show's seasons as last known, for the reader


async def _guarded(source: Source, job: _Job) -> Fetched:
    try:
        return await _check(source, job)
    except Exception as e:  # the one broad guard: a bug in one source must not stop the others
        logger.exception("source crashed source=%s url=%s", source.name, source.url)
        return Fetched(source=source, outcome=SourceOutcome.FAILED, error=f"internal error: {e!r}")


async def _check(source: Source, job: _Job) -> Fetched:
    health = job.snapshot.health(source)
    early = precheck(health, job.now, job.force)
    if early is not None:
        return Fetched(source=source, outcome=early)
    failed = SourceOutcome.FAILED
    try:
        result = await job.fetcher.fetch(source.url, Validators(health.etag, health.last_modified))
        if result.not_modified:
            return Fetched(source=source, outcome=SourceOutcome.NOT_MODIFIED)
        etag, last_modified = result.validators.etag, result.validators.last_modified
        if result.body_hash == health.body_hash:
            return Fetched(
                source=source, outcome=SourceOutcome.UNCHANGED, etag=etag, last_modified=last_modified,
                bytes_read=result.bytes_read,
            )  # fmt: skip
        seen = job.snapshot.seen.get(source.name, {})
        read = await asyncio.get_running_loop().run_in_executor(
            job.reader, read_source, source, result.body, result.charset, job.watches, seen, job.now,
            job.facts,
        )  # fmt: skip
    except Gone as e:
        return Fetched(source=source, outcome=failed, error=e.message, gone=True)
    except RetryLater as e:
        return Fetched(source=source, outcome=failed, error=e.message, retry_after=e.retry_after)
    except NotFound as e:
        return Fetched(source=source, outcome=failed, error=_not_found(source, e.message))
    except (FetchError, ParseError) as e:
        return Fetched(source=source, outcome=failed, error=e.message)
    return Fetched(
        source=source, outcome=SourceOutcome.NEW, etag=etag, last_modified=last_modified,
        body_hash=result.body_hash, bytes_read=result.bytes_read, items=read.items, named=read.named,
        new_items=read.new, evidence=read.evidence, facts=read.facts, premieres=read.premieres,
        articles=read.articles,
    )  # fmt: skip


def _not_found(source: Source, message: str) -> str:
    """For TVmaze a 404 is an answer: it knows no such show (or id)."""
    if source.kind is not SourceKind.TVMAZE:
        return message
    return f"{message}: TVmaze knows no such show; check the watch's name, or set its tvmaze_id"
