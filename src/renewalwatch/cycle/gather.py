"""Step 2: fetch every chosen source concurrently and read what changed.

I/O only: the tasks read the snapshot, never the store. Reading a body (decoding, parsing,
classifying) runs on one reader thread, so the event loop keeps fetching other sources
meanwhile; `_Reader` says why one thread, and how fetching is kept from outrunning it. A source
that fails, or crashes, becomes a FAILED `Fetched` and never stops the others.
"""

from __future__ import annotations

import asyncio
import itertools
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
from renewalwatch.cycle.read import Read, read_source
from renewalwatch.cycle.records import Fetched, Snapshot
from renewalwatch.errors import FetchError, ParseError, RetryLater
from renewalwatch.fetch import Fetcher, FetchResult, Gone, HttpFetcher, NotFound, Validators
from renewalwatch.models import ShowFacts, Source, SourceHealth, SourceKind, SourceOutcome, Watch

logger = logging.getLogger(__name__)

FetcherFactory = Callable[[], AbstractAsyncContextManager[Fetcher]]
READ_BACKLOG = 8  # fetched bodies that may wait for the reader: enough to keep it busy


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
    *,
    concurrency: int,
) -> list[Fetched]:
    """One `Fetched` per source, in the order of `sources`."""
    reader = _Reader(concurrency + READ_BACKLOG)
    order = interleaved(sources)
    try:
        async with make_fetcher() as fetcher:
            job = _Job(
                fetcher=fetcher, snapshot=snapshot, watches=watches, now=now, force=force, reader=reader,
                facts=snapshot.all_facts(watches),
            )  # fmt: skip
            done = await asyncio.gather(*(_guarded(sources[i], job) for i in order))
    finally:
        reader.close()
    by_index = dict(zip(order, done, strict=True))
    return [by_index[i] for i in range(len(sources))]


def interleaved(sources: Sequence[Source]) -> list[int]:
    """The sources' indices taking one host after another, so the checks admitted together are
    spread over hosts (a run of one host's sources would only wait on its per-host limit)."""
    by_host: dict[str, list[int]] = {}
    for i, s in enumerate(sources):
        by_host.setdefault(urlsplit(s.url).netloc.lower(), []).append(i)
    return [i for turn in itertools.zip_longest(*by_host.values()) for i in turn if i is not None]


class _Reader:
    """The one thread that reads fetched bodies, and the admission that keeps fetching from
    outrunning it.

    Reading holds the GIL, so one thread reads: a pool would add memory (a parse tree each), not
    speed. On a cold cycle fetching is faster than reading, and every body fetched ahead would
    wait in memory (20 MB more at the peak of a cold 2,000-source cycle). So a check is admitted
    (`slot`) from the start of its fetch to the end of its read, at most `slots` at a time: the
    fetches in flight plus a few bodies waiting for the reader.
    """

    def __init__(self, slots: int) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="renewalwatch-read")
        self.slot = asyncio.Semaphore(slots)

    async def read(
        self,
        source: Source,
        result: FetchResult,
        watches: Sequence[Watch],
        seen: Mapping[str, str],
        now: datetime,
        facts: Mapping[str, ShowFacts],
    ) -> Read:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            self._pool, read_source, source, result.body, result.charset, watches, seen, now, facts
        )

    def close(self) -> None:
        self._pool.shutdown(wait=True)  # a read in flight is bounded: let it finish


@dataclass(frozen=True, slots=True, kw_only=True)
class _Job:
    """What every source's check in one cycle shares."""

    fetcher: Fetcher
    snapshot: Snapshot
    watches: Sequence[Watch]
    now: datetime
    force: bool
    reader: _Reader
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
    async with job.reader.slot:
        return await _fetch_and_read(source, health, job)


async def _fetch_and_read(source: Source, health: SourceHealth, job: _Job) -> Fetched:
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
        read = await job.reader.read(source, result, job.watches, seen, job.now, job.facts)
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
