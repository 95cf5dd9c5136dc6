"""Replay a labelled corpus through the real `check` path, day by day: every item is served
from a local site on its `published` day, every watch is read at once against one state file,
and the clock is the replayed day's noon."""

from __future__ import annotations

import tomllib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from renewalwatch.config import Config, Destination, Settings
from renewalwatch.cycle import http_fetcher_factory, run_once
from renewalwatch.errors import CorpusError
from renewalwatch.evaluate import Case, load_corpus, published
from renewalwatch.models import Source, SourceKind, Trust, Verdict, Watch, WatchState
from renewalwatch.reading import documents
from renewalwatch.replay.score import Alert, Expected, Label, ReplayReport, score
from renewalwatch.replay.site import DaySite
from renewalwatch.store import SqliteStore

# An undated corpus is replayed one item a day from here, in the order of the case ids.
UNDATED_START = date(2026, 1, 5)
FEED_WINDOW = timedelta(days=14)  # a feed lists the items of its last two weeks
RSS = "application/rss+xml; charset=utf-8"
HTML = "text/html; charset=utf-8"
_EMPTY_PAGE = b"<!doctype html><html><head><title>Coming soon</title></head><body><p>Nothing here yet.</p></body></html>"
_EMPTY_FEED = (
    b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title></channel></rss>'
)


class _Silent:
    """No destinations are configured, so nothing is ever sent; alerts are read from the cycle."""

    def send(self, destination: Destination, title: str, body: str) -> None:  # pragma: no cover
        raise AssertionError("a replay has no destinations")


@dataclass(frozen=True, slots=True)
class _Item:
    case: Case
    day: date
    path: str  # where the site serves it: a wire feed for text, its own page or feed otherwise


def _watch_table(t: dict[str, Any]) -> tuple[Watch, Expected | None]:
    watch = Watch(
        show=str(t["show"]),
        season=int(t["season"]),
        aliases=tuple(t.get("aliases", ())),
        context=tuple(t.get("context", ())),
        exclude=tuple(t.get("exclude", ())),
        network=t.get("network") or None,
        latest_season=t.get("latest_season"),
    )
    final = str(t.get("final", ""))
    if final not in (Verdict.RENEWED, Verdict.CANCELED):
        return watch, None
    decided_on = published(t.get("decided_on"))
    return watch, Expected(Verdict(final), decided_on.date() if decided_on else None, bool(t.get("official")))


def load_watch_list(folder: Path) -> tuple[list[Watch], dict[str, Expected]]:
    """`watches.toml` beside the cases: `[[watch]]` tables with the config's watch keys, and
    optionally the outcome the writers intended (`final`, `decided_on`, `official`)."""
    path = folder / "watches.toml"
    if not path.is_file():
        return [], {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        pairs = [_watch_table(t) for t in data.get("watch", data.get("watches", []))]
    except (KeyError, TypeError, ValueError, tomllib.TOMLDecodeError) as e:
        raise CorpusError(str(path), f"malformed watch list: {e}") from e
    return [w for w, _ in pairs], {w.key: e for w, e in pairs if e is not None}


def load_watches(folder: Path) -> list[Watch]:
    return load_watch_list(folder)[0]


def _days(cases: Sequence[Case]) -> tuple[list[_Item], bool]:
    dated = all(c.published is not None for c in cases)
    items = []
    for i, c in enumerate(sorted(cases, key=lambda c: c.id)):
        day = c.published.date() if dated and c.published else UNDATED_START + timedelta(days=i)
        path = f"/wire/{c.trust.value}.xml" if c.fmt == "text" else f"/{c.fmt}/{c.id}"
        items.append(_Item(c, day, path))
    return items, dated


def _rss_item(item: _Item, base: str) -> str:
    doc = documents("text", item.case.title, item.case.body, item.case.id)[0]
    paragraphs = "".join(f"<p>{escape(p.strip())}</p>" for p in doc.text.split("\n") if p.strip())
    when = datetime.combine(item.day, time(8, 0), tzinfo=UTC)
    return (
        f"<item><title>{escape(doc.title)}</title><link>{base}/story/{escape(item.case.id)}</link>"
        f"<guid>{escape(item.case.id)}</guid><pubDate>{format_datetime(when)}</pubDate>"
        f"<description>{escape(paragraphs)}</description></item>"
    )


def _pages(items: Sequence[_Item], today: date, base: str) -> dict[str, tuple[bytes, str]]:
    pages: dict[str, tuple[bytes, str]] = {}
    wire: dict[str, list[_Item]] = defaultdict(list)
    for item in items:
        if item.case.fmt == "text":
            pages.setdefault(item.path, (_EMPTY_FEED, RSS))
            if today - FEED_WINDOW < item.day <= today:
                wire[item.path].append(item)
        elif item.day <= today:
            pages[item.path] = (
                item.case.body.encode("utf-8"),
                HTML if item.case.fmt == SourceKind.PAGE else RSS,
            )
        else:
            pages[item.path] = (_EMPTY_PAGE, HTML) if item.case.fmt == SourceKind.PAGE else (_EMPTY_FEED, RSS)
    for path, listed in wire.items():
        body = "".join(_rss_item(i, base) for i in sorted(listed, key=lambda i: i.day, reverse=True))
        xml = f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title>{body}</channel></rss>'
        pages[path] = (xml.encode("utf-8"), RSS)
    return pages


def _sources(items: Sequence[_Item], base: str) -> list[Source]:
    seen: dict[str, Source] = {}
    for item in items:
        kind = SourceKind.FEED if item.case.fmt == "text" else SourceKind(item.case.fmt)
        trust = (
            item.case.trust
            if item.case.fmt != "text"
            else Trust(item.path.rsplit("/", 1)[1].removesuffix(".xml"))
        )
        seen.setdefault(item.path, Source(item.path.strip("/"), kind, base + item.path, trust))
    return list(seen.values())


def _watches(cases: Sequence[Case], listed: Sequence[Watch]) -> list[Watch]:
    by_key = {w.key: w for w in (c.watch for c in cases)}
    by_key.update({w.key: w for w in listed})  # the list's network and aliases win
    return list(by_key.values())


def replay(folder: Path, workdir: Path, *, corroborate: bool = False) -> ReplayReport:
    """Replay the corpus in `folder` (its cases and `watches.toml`) with a fresh state in `workdir`;
    `corroborate` holds a lone `other`-trust decision until a second voice agrees."""
    cases = load_corpus(folder)
    items, dated = _days(cases)
    listed, expected = load_watch_list(folder) if folder.is_dir() else ([], {})
    watches = _watches(cases, listed)
    labels: dict[str, list[Label]] = defaultdict(list)
    for item in items:
        labels[item.case.watch.key].append(Label(item.day, item.case.verdict, item.case.official))
    first, last = min(i.day for i in items), max(i.day for i in items)
    alerts: list[Alert] = []
    history: dict[str, list[tuple[date, WatchState]]] = {w.key: [] for w in watches}
    failures = 0
    with DaySite() as site:
        config = Config(
            None,
            Settings(
                state=workdir / "state.db", timeout=10.0, concurrency=32, per_host=32, corroborate=corroborate
            ),
            (),
            tuple(watches),
            tuple(_sources(items, site.base)),
        )
        store = SqliteStore(config.settings.state)
        try:
            day = first
            while day <= last:
                site.publish(_pages(items, day, site.base))
                now = datetime.combine(day, time(12, 0), tzinfo=UTC)
                report = run_once(
                    config, store=store, notifier=_Silent(), now=now,
                    make_fetcher=http_fetcher_factory(config), force=True,
                )  # fmt: skip
                failures += sum(not s.ok for s in report.sources)
                for c in report.changes:
                    ev = c.evidence
                    alerts.append(
                        Alert(
                            day, c.watch.key, c.current.status, c.current.official, ev.source, ev.url, ev.rule
                        )
                    )
                for w in watches:
                    history[w.key].append((day, store.watch_state(w.key)))
                day += timedelta(days=1)
        finally:
            store.close()
    return score(
        alerts,
        labels,
        history,
        dated=dated,
        days=(last - first).days + 1,
        items=len(items),
        source_failures=failures,
        expected=expected,
    )
