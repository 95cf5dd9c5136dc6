"""`renewalwatch run`: every source on its own interval, the outbox retried, until a signal.

The only module that imports APScheduler. Jobs run one at a time on a single worker thread and
open their own `Store` (sqlite3 connections belong to one thread), so no two writers ever race.
SIGTERM and SIGINT stop: a fetch in flight is cancelled before anything is written, a commit or
a delivery in flight is finished. SIGHUP re-reads the config and keeps the old one if it is bad.
The caller holds the state lock for the daemon's whole life.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import os
import secrets
import signal
import threading
import time
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger

from renewalwatch.config import Config
from renewalwatch.cycle import FetcherFactory, http_fetcher_factory, run_once
from renewalwatch.errors import RenewalwatchError
from renewalwatch.fetch import Fetcher
from renewalwatch.models import Source
from renewalwatch.notify import Notifier
from renewalwatch.outbox import deliver_owed
from renewalwatch.store import SqliteStore

logger = logging.getLogger(__name__)

OUTBOX_JOB = "outbox"
OUTBOX_EVERY = 30.0  # seconds between looks at the outbox; each row has its own backoff
POLITE_MINIMUM = 60.0  # shorter intervals are for servers you run yourself
SIGNALS = frozenset({signal.SIGTERM, signal.SIGINT, signal.SIGHUP})


class Service(Protocol):
    """Something that runs beside the scheduler in its own thread (the web page)."""

    def start(self) -> None: ...
    def stop(self) -> None: ...


def utcnow() -> datetime:
    return datetime.now(UTC)


def interval(source: Source, config: Config) -> float:
    return source.every or config.settings.every


def is_loopback(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Daemon:
    """Schedules one job per source plus the outbox job; `serve()` runs it until a signal."""

    def __init__(
        self,
        config: Config,
        *,
        load: Callable[[], Config],
        notifier: Notifier,
        clock: Callable[[], datetime] = utcnow,
        fetchers: Callable[[Config], FetcherFactory] = http_fetcher_factory,
        outbox_every: float = OUTBOX_EVERY,
        services: Sequence[Service] = (),
    ) -> None:
        self.config = config
        self._load = load
        self._notifier = notifier
        self._clock = clock
        self._fetchers = fetchers
        self._outbox_every = outbox_every
        self._services = tuple(services)
        self._lock = threading.Lock()
        self._stopping = False
        self._inflight: tuple[asyncio.AbstractEventLoop, asyncio.Task[object]] | None = None
        self._identity: tuple[int, int] | None = None
        self._state_id: str | None = None
        self._serving: int | None = None  # the thread in `serve`, to wake it on a fatal error
        self.failure: str | None = None  # why the daemon stopped by itself (the CLI exits 2)
        self._scheduler = BackgroundScheduler(
            executors={"default": ThreadPoolExecutor(1)},
            job_defaults={"max_instances": 1, "coalesce": True},
            timezone=UTC,
        )

    # --- life cycle --------------------------------------------------------------------------
    def start(self) -> None:
        """Check the state file can be opened, schedule every job (each due at once), start."""
        self._state_id = _state_id(SqliteStore(self.config.settings.state))
        self._identity = _identity(self.config.settings.state)
        self._schedule(self.config, first=True)
        self._scheduler.start()
        for service in self._services:  # after `serve()` blocked the signals: its thread inherits that
            service.start()
        logger.info(
            "daemon started pid=%d config=%s state=%s sources=%d",
            os.getpid(), self.config.origin, self.config.settings.state, len(self.config.sources),
        )  # fmt: skip

    def stop(self) -> None:
        """Cancel a fetch in flight, let a commit or delivery in flight finish, stop the jobs."""
        started = time.monotonic()
        for service in self._services:
            service.stop()
        with self._lock:
            self._stopping = True
            if self._inflight is not None:
                loop, task = self._inflight
                # Under the lock the loop is still running: the job unregisters under it too.
                loop.call_soon_threadsafe(task.cancel)
        if self._scheduler.running:
            self._scheduler.shutdown(wait=True)
        logger.info("daemon stopped seconds=%.2f", time.monotonic() - started)

    def serve(self) -> None:
        """Start, then wait for signals: SIGHUP reloads, SIGTERM or SIGINT stops.

        The signals are blocked before any thread exists, so every thread inherits the mask and
        only `sigwait` here ever sees them: no handler runs in the middle of a job.
        """
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, SIGNALS)
        self._serving = threading.get_ident()
        try:
            self.start()
        except BaseException:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)
            raise
        try:
            while (received := signal.sigwait(SIGNALS)) == signal.SIGHUP:
                self.reload()
            if self.failure is None:  # else a job stopped it, with its own error line already
                logger.info("stopping signal=%s", signal.Signals(received).name)
        finally:
            self.stop()

    def reload(self) -> bool:
        """Re-read the config; on any error keep running with the old one."""
        try:
            new = self._load()
        except RenewalwatchError as e:
            logger.error("config reload failed, keeping the running config: %s", e)
            return False
        if new.settings.state != self.config.settings.state:
            logger.error(
                "config reload refused, keeping the running config: settings.state cannot change"
                " while running (%s -> %s); restart instead",
                self.config.settings.state, new.settings.state,
            )  # fmt: skip
            return False
        self.config = new
        self._schedule(new, first=False)
        logger.info("config reloaded config=%s sources=%d", new.origin, len(new.sources))
        return True

    # --- scheduling --------------------------------------------------------------------------
    def jobs(self) -> dict[str, float]:
        """Each scheduled job's id and interval in seconds."""
        return {job.id: float(job.trigger.interval_length) for job in self._scheduler.get_jobs()}

    def _schedule(self, config: Config, *, first: bool) -> None:
        """Make the jobs match `config`: add new sources, drop removed ones, re-time the rest."""
        now = self._clock()
        wanted = {f"source:{s.name}": s for s in config.sources}
        for job in self._scheduler.get_jobs():
            if job.id != OUTBOX_JOB and job.id not in wanted:
                job.remove()
        for job_id, source in wanted.items():
            every = interval(source, config)
            if every < POLITE_MINIMUM and not is_loopback(source.url):
                logger.warning(
                    "interval below a minute source=%s every=%gs host=%s: only poll this often a"
                    " server you run yourself",
                    source.name, every, urlsplit(source.url).hostname,
                )  # fmt: skip
            jitter = config.settings.jitter * every
            self._put(job_id, self._check, (source.name,), every, jitter, now)
        shortest = min(interval(s, config) for s in config.sources)
        every = min(self._outbox_every, shortest)
        self._put(OUTBOX_JOB, self._deliver, (), every, 0.0, now)
        if first:
            logger.debug("jobs scheduled jobs=%d", len(wanted) + 1)

    def _put(
        self, job_id: str, func: Callable[..., None], args: tuple[str, ...], every: float,
        jitter: float, now: datetime,
    ) -> None:  # fmt: skip
        trigger = IntervalTrigger(seconds=every, jitter=jitter or None, timezone=UTC)
        # A run later than one interval is dropped: coalescing makes the next one do its work.
        grace = max(1, int(every))
        job = self._scheduler.get_job(job_id)
        if job is None:
            self._scheduler.add_job(
                func, trigger, args=args, id=job_id, name=job_id, next_run_time=now,
                misfire_grace_time=grace, max_instances=1, coalesce=True,
            )  # fmt: skip
        elif (job.trigger.interval_length, job.trigger.jitter) != (every, jitter or None):
            job.modify(misfire_grace_time=grace)
            job.reschedule(trigger)

    # --- jobs (on the single worker thread) ----------------------------------------------------
    def _check(self, name: str) -> None:
        config = self.config
        source = next((s for s in config.sources if s.name == name), None)
        if source is None or self._stopping:
            return
        started = time.monotonic()
        try:
            store = self._open(config)
        except RenewalwatchError as e:
            logger.error("cycle failed source=%s error=%s", name, e)
            return
        if store is None:
            return
        try:
            report = run_once(
                config, store=store, notifier=self._notifier, now=self._clock(), sources=[source],
                due_only=True, make_fetcher=self._cancellable(config), log_sources=False,
            )  # fmt: skip
        except asyncio.CancelledError:
            logger.info("cycle abandoned for shutdown source=%s (nothing was written)", name)
            return
        except RenewalwatchError as e:
            logger.error("cycle failed source=%s error=%s", name, e)
            return
        finally:
            store.close()
        r = report.sources[0]
        logger.info(
            "cycle source=%s outcome=%s items=%d new=%d changes=%d sent=%d unsent=%d"
            " seconds=%.2f%s",
            r.name, r.outcome, r.items, r.new_items, len(report.changes),
            sum(d.ok for d in report.deliveries), sum(not d.ok for d in report.deliveries),
            time.monotonic() - started, f" error={r.error}" if r.error else "",
        )  # fmt: skip

    def _deliver(self) -> None:
        if self._stopping:
            return
        config = self.config
        try:
            store = self._open(config)
            if store is None:
                return
            try:
                deliveries = deliver_owed(
                    store, self._notifier, config.destinations, self._clock(), due_only=True
                )
            finally:
                store.close()
        except RenewalwatchError as e:
            logger.error("outbox retry failed error=%s", e)
            return
        if deliveries:
            logger.info(
                "outbox retried sent=%d unsent=%d",
                sum(d.ok for d in deliveries), sum(not d.ok for d in deliveries),
            )  # fmt: skip

    def _open(self, config: Config) -> SqliteStore | None:
        """The state file the daemon started with, or None after stopping the daemon: a file that
        disappeared or was replaced is never silently begun afresh, since a fresh state would
        announce again every decision already announced."""
        path = config.settings.state
        identity = _identity(path)
        if identity is None:
            self._gone(path, "deleted")
            return None
        try:
            store = SqliteStore(path, create=False)
        except RenewalwatchError:
            if identity != self._identity:
                self._gone(path, "replaced")
                return None
            raise
        # A file put in its place may even get the same inode number: its id tells.
        if identity != self._identity or store.meta(STATE_ID) != self._state_id:
            store.close()
            self._gone(path, "replaced")
            return None
        return store

    def _gone(self, path: Path, what: str) -> None:
        self._fail(
            f"{path}: the state file was {what} while renewalwatch was running; stopping rather"
            " than starting afresh (which would announce again what was already announced)."
            " Put it back and start renewalwatch again, or start it again to begin a new state"
        )

    def _fail(self, message: str) -> None:
        """Stop the daemon from a job: `serve` returns and the CLI exits 2 with `message`."""
        logger.error("%s", message)
        with self._lock:
            if self.failure is not None:
                return
            self.failure = message
            self._stopping = True
        if self._serving is not None:
            signal.pthread_kill(self._serving, signal.SIGTERM)

    def _cancellable(self, config: Config) -> FetcherFactory:
        """The configured fetchers, registered so that `stop()` can cancel the cycle's fetches."""
        base = self._fetchers(config)

        @asynccontextmanager
        async def make() -> AsyncIterator[Fetcher]:
            task = asyncio.current_task()
            assert task is not None  # always inside asyncio.run
            async with base() as fetcher:
                with self._lock:
                    if self._stopping:
                        raise asyncio.CancelledError
                    self._inflight = (asyncio.get_running_loop(), task)
                try:
                    yield fetcher
                finally:
                    with self._lock:
                        self._inflight = None

        return make


def _identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the state file, None when it is gone: a replaced file has another."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return st.st_dev, st.st_ino


STATE_ID = "state_id"  # meta key: a random id given to a state file the first time a daemon opens it


def _state_id(store: SqliteStore) -> str:
    try:
        found = store.meta(STATE_ID)
        if found is None:
            found = secrets.token_hex(8)
            with store.transaction():
                store.set_meta(STATE_ID, found)
        return found
    finally:
        store.close()
