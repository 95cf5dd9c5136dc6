"""One check cycle: fetch every due source, read what is new, decide, store, notify.

A failing source is recorded and never stops the others; everything the cycle learns (items,
evidence, status changes and the notifications they owe) is committed in one transaction.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import secrets
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from renewalwatch import health, message, reading
from renewalwatch.config import Config, Destination
from renewalwatch.decide import fold
from renewalwatch.errors import FetchError, ParseError, RetryLater
from renewalwatch.fetch import Fetcher, FetchResult, Gone, HttpFetcher, Validators
from renewalwatch.models import Change, Document, Evidence, Source
from renewalwatch.notify import Notifier, check_urls
from renewalwatch.outbox import Delivery, deliver_owed
from renewalwatch.sources import Reading
from renewalwatch.store import SourceHealth, Store

logger = logging.getLogger(__name__)

FetcherFactory = Callable[[], AbstractAsyncContextManager[Fetcher]]
RETRY_BASE = 60.0


@dataclass(frozen=True, slots=True)
class SourceReport:
    name: str
    url: str
    outcome: str  # new, unchanged, not-modified, skipped, disabled, failed
    items: int = 0
    named: int = 0  # items that name a watched show (the others are neither parsed nor stored)
    new_items: int = 0
    bytes_read: int = 0
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.outcome not in ("failed", "skipped", "disabled")


@dataclass(frozen=True, slots=True)
class CycleReport:
    started: datetime
    finished: datetime
    sources: tuple[SourceReport, ...]
    changes: tuple[Change, ...]
    deliveries: tuple[Delivery, ...] = ()

    @property
    def ok(self) -> bool:
        return all(s.ok for s in self.sources) and all(d.ok for d in self.deliveries)


@dataclass(slots=True)
class _Outcome:
    report: SourceReport
    health: SourceHealth
    items: list[tuple[Document, str]] = field(default_factory=list)  # (document, content hash)
    evidence: list[Evidence] = field(default_factory=list)


def http_fetcher_factory(config: Config) -> FetcherFactory:
    s = config.settings

    def make() -> HttpFetcher:
        return HttpFetcher(
            timeout=s.timeout, max_bytes=s.max_bytes, max_redirects=s.max_redirects,
            concurrency=s.concurrency, per_host=s.per_host, user_agent=s.user_agent,
        )  # fmt: skip

    return make


def backoff(failures: int, cap: float) -> float:
    return float(min(cap, RETRY_BASE * 2 ** max(0, failures - 1)))


def _failed(
    health: SourceHealth, error: str, now: datetime, cap: float, wait: float | None = None
) -> SourceHealth:
    failures = health.consecutive_failures + 1
    # A server's Retry-After is honoured up to backoff_cap: it cannot silence a source for years.
    delay = min(cap, max(wait or 0.0, backoff(failures, cap)))
    return replace(
        health,
        last_checked=now,
        last_error=error,
        consecutive_failures=failures,
        failing_since=health.failing_since or now,
        next_attempt=now + timedelta(seconds=delay),
    )


def read_documents(source: Source, result: FetchResult, names: Sequence[str]) -> Reading:
    """Parse only what could matter: items that name no watched show are counted, not parsed."""
    return reading.read_body(source.kind, result.body, source.url, source.name, names, result.charset)


async def _check_source(
    source: Source, fetcher: Fetcher, store: Store, config: Config, now: datetime, force: bool
) -> _Outcome:
    health = store.source(source.name, source.url)
    if health.url != source.url:  # the config moved the source: start its history afresh
        health = SourceHealth(source.name, source.url)
    if health.disabled:
        return _Outcome(SourceReport(source.name, source.url, "disabled", error=health.disabled), health)
    if not force and health.next_attempt and health.next_attempt > now:
        note = f"backing off after {health.consecutive_failures} failures until {health.next_attempt:%H:%M:%S} UTC"
        return _Outcome(SourceReport(source.name, source.url, "skipped", error=note), health)
    cap = config.settings.backoff_cap
    try:
        result: FetchResult = await fetcher.fetch(source.url, Validators(health.etag, health.last_modified))
        ok = replace(
            health, last_checked=now, last_success=now, last_error=None, consecutive_failures=0,
            failing_since=None, next_attempt=None,
        )  # fmt: skip
        if result.not_modified:
            return _Outcome(SourceReport(source.name, source.url, "not-modified"), ok)
        ok = replace(ok, etag=result.validators.etag, last_modified=result.validators.last_modified)
        if result.body_hash == health.body_hash:
            return _Outcome(
                SourceReport(source.name, source.url, "unchanged", bytes_read=result.bytes_read), ok
            )
        names = [n for w in config.watches for n in w.names]
        read = read_documents(source, result, names)
        ok = replace(ok, body_hash=result.body_hash)
    except Gone as e:
        disabled = replace(_failed(health, e.message, now, cap), disabled=e.message)
        return _Outcome(SourceReport(source.name, source.url, "failed", error=e.message), disabled)
    except RetryLater as e:
        failed = _failed(health, e.message, now, cap, e.retry_after)
        return _Outcome(SourceReport(source.name, source.url, "failed", error=e.message), failed)
    except (FetchError, ParseError) as e:
        return _Outcome(
            SourceReport(source.name, source.url, "failed", error=e.message),
            _failed(health, e.message, now, cap),
        )
    report = SourceReport(
        source.name,
        source.url,
        "new",
        items=read.items,
        named=len(read.documents),
        bytes_read=result.bytes_read,
    )
    outcome = _Outcome(report, ok)
    for doc in read.documents:
        digest = reading.item_digest(doc)
        if store.item_hash(source.name, doc.guid) == digest:
            continue
        outcome.items.append((doc, digest))
        outcome.evidence.extend(reading.judge(doc, config.watches, source, now))
    outcome.report = replace(outcome.report, new_items=len(outcome.items))
    return outcome


async def _guarded(
    source: Source, fetcher: Fetcher, store: Store, config: Config, now: datetime, force: bool
) -> _Outcome:
    try:
        return await _check_source(source, fetcher, store, config, now, force)
    except Exception as e:  # the one broad guard: a bug in one source must not stop the others
        logger.exception("source crashed source=%s url=%s", source.name, source.url)
        health = _failed(
            store.source(source.name, source.url), f"internal error: {e!r}", now, config.settings.backoff_cap
        )
        return _Outcome(
            SourceReport(source.name, source.url, "failed", error=f"internal error: {e!r}"), health
        )


async def _gather(
    sources: Sequence[Source],
    make_fetcher: FetcherFactory,
    store: Store,
    config: Config,
    now: datetime,
    force: bool,
) -> list[_Outcome]:
    async with make_fetcher() as fetcher:
        return list(await asyncio.gather(*(_guarded(s, fetcher, store, config, now, force) for s in sources)))


def commit(store: Store, config: Config, outcomes: Sequence[_Outcome], now: datetime) -> list[Change]:
    """Write everything a cycle learned, and the notifications it owes, in one transaction."""
    changes: list[Change] = []
    with store.transaction():
        for o in outcomes:
            store.save_source(_told(store, config, o.health, now))
            for doc, digest in o.items:
                store.save_item(o.health.name, doc.guid, digest, doc.url, doc.title, doc.published, now)
        evidence = [e for o in outcomes for e in o.evidence]
        for watch in config.watches:
            store.ensure_watch(watch.key, watch.show, watch.season)
            mine = [e for e in evidence if e.watch_key == watch.key]
            if not mine:
                continue
            ids = {id(e): store.add_evidence(e) for e in mine}
            initial = store.watch_state(watch.key)
            folded = fold(initial, mine)
            for before, after, ev in folded.steps:
                store.set_watch_state(watch.key, after, before, ids[id(ev)])
            change = folded.change(watch, initial)
            if change is not None and change.notify:
                changes.append(change)
                enqueue(
                    store,
                    config.destinations,
                    "change",
                    message.change_title(change),
                    message.change_body(change),
                    now,
                )
        _tell_blind(store, config, outcomes, now)
        ok = sum(o.report.ok for o in outcomes)
        store.record_cycle(now, now, ok, len(outcomes) - ok, len(changes))
    return changes


def _told(store: Store, config: Config, after: SourceHealth, now: datetime) -> SourceHealth:
    """Enqueue the failing or recovered notice `after` owes; return it with the flag to save."""
    notice = health.source_notice(after, now, config.settings.failing_after)
    if notice is health.Notice.FAILING:
        title, body = message.source_failing(
            after.name, after.url, after.last_error, after.failing_since, bool(after.disabled), now
        )
    elif notice is health.Notice.RECOVERED:
        before = store.source(after.name, after.url)
        title, body = message.source_recovered(after.name, after.url, before.failing_since, now)
    else:
        return after
    enqueue(store, config.destinations, notice.value, title, body, now)
    logger.info("source notice owed source=%s kind=%s", after.name, notice.value)
    return replace(after, failing_notice_sent=notice is health.Notice.FAILING)


def _tell_blind(store: Store, config: Config, outcomes: Sequence[_Outcome], now: datetime) -> None:
    """Every configured source failing for too long owes each watch one "blind" notice."""
    if any(o.report.ok for o in outcomes) and not any(store.blind_notice_sent(w.key) for w in config.watches):
        return  # a source worked just now and no notice is out: nothing to decide (the daemon's common case)
    current = []
    for s in config.sources:
        h = store.source(s.name, s.url)  # matches the masked URL the state keeps
        current.append(h if h.url == s.url else SourceHealth(s.name, s.url))
    blind = health.is_blind(current, now, config.settings.failing_after)
    for watch in config.watches:
        sent = store.blind_notice_sent(watch.key)
        owed, flag = health.blind_notice(blind, sent)
        if owed:
            failing = [(h.name, h.disabled or h.last_error) for h in current]
            title, body = message.blind(watch, failing, config.settings.failing_after)
            enqueue(store, config.destinations, health.Notice.BLIND.value, title, body, now)
            logger.warning("every source is failing watch=%s sources=%d", watch.key, len(current))
        if flag != sent:
            store.set_blind_notice(watch.key, flag)


def enqueue(
    store: Store, destinations: Iterable[Destination], kind: str, title: str, body: str, now: datetime
) -> None:
    for dest in destinations:
        store.enqueue(dest.key, dest.masked, kind, title, body, now)


def check_destinations(config: Config, store: Store, *, already_checked: bool = False) -> None:
    """Fail on a notify URL Apprise cannot load; checked again only when the list changes, since
    importing Apprise costs more than a whole quiet cycle. The state keeps a keyed hash, never a URL."""
    salt = store.meta("salt")
    if salt is None:
        salt = secrets.token_hex(16)
        with store.transaction():
            store.set_meta("salt", salt)
    digest = hmac.new(
        salt.encode(), "\n".join(d.url for d in config.destinations).encode(), "sha256"
    ).hexdigest()
    if store.meta("checked_urls") == digest:
        return
    if not already_checked:
        check_urls(config.destinations, config.origin)
    with store.transaction():
        store.set_meta("checked_urls", digest)


def run_once(
    config: Config,
    *,
    store: Store,
    notifier: Notifier,
    now: datetime,
    make_fetcher: FetcherFactory | None = None,
    sources: Sequence[Source] | None = None,
    force: bool = False,
    due_only: bool = False,
) -> CycleReport:
    """Check `sources` (default: all), commit what was learned, then deliver what is owed."""
    chosen = list(config.sources if sources is None else sources)
    factory = make_fetcher or http_fetcher_factory(config)
    outcomes = asyncio.run(_gather(chosen, factory, store, config, now, force))
    for o in outcomes:
        r = o.report
        if r.ok:
            logger.info(
                "source checked source=%s outcome=%s items=%d new=%d", r.name, r.outcome, r.items, r.new_items
            )
        else:
            logger.warning("source failed source=%s url=%s error=%s", r.name, r.url, r.error)
    changes = commit(store, config, outcomes, now)
    for c in changes:
        logger.info("status changed watch=%s from=%s to=%s", c.watch.key, c.previous.label, c.current.label)
    deliveries = deliver_owed(store, notifier, config.destinations, now, due_only=due_only)
    return CycleReport(now, now, tuple(o.report for o in outcomes), tuple(changes), tuple(deliveries))
