"""One check cycle: snapshot → gather (fetch and read) → plan → apply, then deliver what is owed."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from renewalwatch.config import Config
from renewalwatch.cycle.apply import apply
from renewalwatch.cycle.articles import read_articles
from renewalwatch.cycle.gather import FetcherFactory, gather, http_fetcher_factory
from renewalwatch.cycle.plan import article_queue, plan
from renewalwatch.cycle.records import Intents, SourceReport
from renewalwatch.cycle.snapshot import take
from renewalwatch.models import Change, NoticeKind, Source
from renewalwatch.notify import Notifier
from renewalwatch.outbox import Delivery, deliver_owed
from renewalwatch.store import Store

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class CycleReport:
    started: datetime
    finished: datetime
    sources: tuple[SourceReport, ...]
    changes: tuple[Change, ...]
    deliveries: tuple[Delivery, ...] = ()
    articles_read: int = 0  # linked articles read this cycle
    articles_failed: int = 0  # linked articles that could not be fetched (tried again next cycle)
    # The article step's own cost (it runs after every source is read), reported apart from the
    # sources' check: wall seconds and this process's CPU seconds.
    articles_seconds: float = 0.0
    articles_cpu_seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return all(s.ok for s in self.sources) and all(d.ok for d in self.deliveries)


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
    log_sources: bool = True,
) -> CycleReport:
    """Check `sources` (default: all), commit what was learned, then deliver what is owed.

    `now` is when the cycle starts; its finish is `now` plus the time it took, so that an
    injected clock stays consistent. `due_only` delivers only rows whose retry time has come. `log_sources=False`: the caller
    logs each source's check itself (the daemon, in one line with the deliveries).
    """
    started = time.monotonic()
    chosen = list(config.sources if sources is None else sources)
    snapshot = take(store, chosen)
    factory = make_fetcher or http_fetcher_factory(config)
    fetched = asyncio.run(
        gather(chosen, factory, snapshot, config.watches, now, force, concurrency=config.settings.concurrency)
    )
    wanted, later = article_queue(snapshot, fetched, config.settings.articles_per_cycle)
    articles_started, articles_cpu = time.monotonic(), time.process_time()
    articles = asyncio.run(
        read_articles(
            wanted, factory, config.sources, config.watches, now, snapshot.all_facts(config.watches)
        )
    )
    articles_seconds, articles_cpu = time.monotonic() - articles_started, time.process_time() - articles_cpu
    finished = now + timedelta(seconds=time.monotonic() - started)
    intents = plan(config, snapshot, fetched, started=now, finished=finished, articles=articles, later=later)
    _log(intents, log_sources=log_sources)
    apply(store, intents)
    deliveries = deliver_owed(store, notifier, config.destinations, now, due_only=due_only)
    return CycleReport(
        started=now,
        finished=finished,
        sources=intents.reports,
        changes=intents.changes,
        deliveries=tuple(deliveries),
        articles_read=sum(a.article.done for a in articles),
        articles_failed=sum(not a.article.done for a in articles),
        articles_seconds=articles_seconds if articles else 0.0,
        articles_cpu_seconds=articles_cpu if articles else 0.0,
    )


def _log(intents: Intents, *, log_sources: bool) -> None:
    for r in intents.reports if log_sources else ():
        if r.ok:
            logger.info(
                "source checked source=%s outcome=%s items=%d new=%d", r.name, r.outcome, r.items, r.new_items
            )
        else:
            logger.warning("source failed source=%s url=%s error=%s", r.name, r.url, r.error)
    for c in intents.changes:
        logger.info("status changed watch=%s from=%s to=%s", c.watch.key, c.previous.label, c.current.label)
    for n in intents.notices:
        if n.kind is NoticeKind.BLIND:
            logger.warning("every source is failing watch=%s", n.about)
        elif n.kind is not NoticeKind.CHANGE:
            logger.info("source notice owed source=%s kind=%s", n.about, n.kind)
