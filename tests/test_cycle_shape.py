"""The cycle's shape, as a journal of what it asked of the store and of the network: every read
before the first fetch, no store call while fetching, all of a cycle's writes in one transaction,
then the deliveries. A real SQLite store and real HTTP to 127.0.0.1, each wrapped to write the
journal."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from renewalwatch.config import Destination, load
from renewalwatch.cycle import run_once
from renewalwatch.cycle.gather import interleaved
from renewalwatch.fetch import Fetcher, FetchResult, HttpFetcher, Validators
from renewalwatch.models import Source, SourceKind
from renewalwatch.store import SqliteStore
from tests.helpers import fixture_bytes, write_config
from tests.servers import HTML, RSS, Site

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
WRITES = ("transaction", "save_", "set_", "add_", "enqueue", "mark_", "record_", "ensure_", "delete")


class JournalStore:
    """The real store; each call is written to the journal as `store.<method>`."""

    def __init__(self, store: SqliteStore, journal: list[str]) -> None:
        self._store = store
        self._journal = journal

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._store, name)
        if not callable(attr):
            return attr

        def call(*args: Any, **kwargs: Any) -> Any:
            self._journal.append(f"store.{name}")
            return attr(*args, **kwargs)

        return call


class JournalFetcher:
    def __init__(self, inner: Fetcher, journal: list[str]) -> None:
        self._inner = inner
        self._journal = journal

    async def fetch(self, url: str, validators: Validators) -> FetchResult:
        self._journal.append("fetch")
        result = await self._inner.fetch(url, validators)
        self._journal.append("fetched")
        return result


def fetchers(journal: list[str]) -> Callable[[], AbstractAsyncContextManager[Fetcher]]:
    @asynccontextmanager
    async def make() -> AsyncIterator[Fetcher]:
        async with HttpFetcher() as inner:
            yield JournalFetcher(inner, journal)

    return make


class Recording:
    def __init__(self) -> None:
        self.titles: list[str] = []

    def send(self, destination: Destination, title: str, body: str) -> None:
        self.titles.append(title)


def phases(journal: list[str]) -> tuple[list[str], list[str], list[str]]:
    """(before the first fetch, from the first fetch to the last answer, after it)."""
    first = journal.index("fetch")
    last = len(journal) - 1 - journal[::-1].index("fetched")
    return journal[:first], journal[first : last + 1], journal[last + 1 :]


def test_one_read_then_fetches_then_one_transaction_then_deliveries(tmp_path: Path, site: Site) -> None:
    site.serve("/ledger.xml", fixture_bytes("tvledger/report.xml"), RSS)
    site.serve("/wire.atom", fixture_bytes("screenwire/quiet.atom"), RSS)
    site.serve("/press", fixture_bytes("press/ballard-before.html"), HTML)
    path = write_config(
        tmp_path / "renewalwatch.toml",
        sources=[
            {"name": "TV Ledger", "url": site.url("/ledger.xml"), "trust": "trade"},
            {"name": "Screen Wire", "url": site.url("/wire.atom")},
            {"name": "Press", "kind": "page", "url": site.url("/press"), "trust": "official"},
        ],
        urls=["json://127.0.0.1:9/unused"],
        settings={"articles_per_cycle": 0},  # the items link to hosts that are not ours
    )
    config = load(path, {})
    notifier = Recording()
    real = SqliteStore(config.settings.state)
    try:
        for n, when in enumerate([T0, T0 + timedelta(minutes=30)]):
            journal: list[str] = []
            store = JournalStore(real, journal)
            report = run_once(
                config, store=store, notifier=notifier, now=when, make_fetcher=fetchers(journal)
            )
            assert [r.name for r in report.sources] == ["TV Ledger", "Screen Wire", "Press"]  # config order
            before, fetching, after = phases(journal)
            assert before and not [e for e in before if e.removeprefix("store.").startswith(WRITES)], before
            assert journal.count("fetch") == 3
            assert [e for e in fetching if e.startswith("store.")] == [], "the store was used while fetching"
            writes = after[: after.index("store.owed")]  # then the outbox is delivered
            assert writes[0] == "store.transaction" and writes.count("store.transaction") == 1, writes
            assert "store.record_cycle" in writes
            if n == 0:
                assert notifier.titles == ["Ballard season 2: renewed — reported"]
        assert notifier.titles == ["Ballard season 2: renewed — reported"]  # the 304s said nothing new
    finally:
        real.close()


def test_checks_are_admitted_one_host_after_another() -> None:
    """A run of one host's sources is spread out, so the checks admitted together are not all
    waiting on that host's per-host limit."""
    urls = ["http://a.test/1", "http://a.test/2", "http://a.test/3", "http://b.test/1", "http://C.test/1",
            "http://c.test/2"]  # fmt: skip
    sources = [Source(name=str(i), kind=SourceKind.FEED, url=u) for i, u in enumerate(urls)]
    assert interleaved(sources) == [0, 3, 4, 1, 5, 2]
    assert interleaved([]) == []
