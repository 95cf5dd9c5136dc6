"""The cycle's plan, with no database and no network: a snapshot and fetched results in, intents out.

Each test builds the plan's inputs by hand, as a reader of `cycle/plan.py` would picture them,
and checks the intents that `apply` would write. A second plan, fed the first one's intents as
its snapshot, stands in for the next cycle.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from renewalwatch.config import Config, build
from renewalwatch.cycle.plan import plan, precheck
from renewalwatch.cycle.records import Fetched, Intents, NewItem, Snapshot
from renewalwatch.models import (
    Evidence,
    NoticeKind,
    Source,
    SourceHealth,
    SourceKind,
    SourceOutcome,
    Status,
    Verdict,
    WatchState,
)

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)
DESTINATIONS = ["json://127.0.0.1:9/first", "json://127.0.0.1:9/second"]


def config(**settings: Any) -> Config:
    data = {
        "settings": {"state": "/nonexistent/state.db", "failing_after": "1d", **settings},
        "notify": {"urls": DESTINATIONS},
        "watch": [
            {"show": "Ballard", "season": 2, "auto_sources": False},
            {"show": "Harbor Lights", "season": 3, "auto_sources": False},
        ],
        "source": [
            {"name": "Ledger", "url": "http://127.0.0.1:9/ledger.xml", "trust": "trade"},
            {"name": "Press", "url": "http://127.0.0.1:9/press.html", "kind": "page", "trust": "official"},
        ],
    }
    return build(data, path=None, env={})


CONFIG = config()
LEDGER, PRESS = CONFIG.sources
BALLARD, HARBOR = CONFIG.watches


def snapshot(
    *healths: SourceHealth, watches: dict[str, WatchState] | None = None, blind: Sequence[str] = ()
) -> Snapshot:
    return Snapshot(
        sources={h.name: h for h in healths}, seen={}, watches=watches or {}, blind=frozenset(blind)
    )


def after(intents: Intents, previous: Snapshot) -> Snapshot:
    """The snapshot the next cycle would read, once `apply` wrote these intents."""
    states = dict(previous.watches)
    for m in intents.moves:
        states[m.watch_key] = m.after
    blind = set(previous.blind)
    for key, sent in intents.blind:
        (blind.add if sent else blind.discard)(key)
    sources = {**previous.sources, **{h.name: h for h in intents.sources}}
    return Snapshot(sources=sources, seen={}, watches=states, blind=frozenset(blind))


def evidence(verdict: Verdict = Verdict.RENEWED, *, stale: bool = False, official: bool = False) -> Evidence:
    return Evidence(
        watch_key=BALLARD.key, verdict=verdict, official=official, season=2,
        sentence="Prime Video has renewed Ballard for a second season.", rule="renewed-for-season",
        stale=stale, source=LEDGER.name, url="https://ledger.example/ballard", title="Ballard renewed",
        published=T0 - HOUR, found_at=T0,
    )  # fmt: skip


def new(source: Source, *found: Evidence) -> Fetched:
    item = NewItem(
        source=source.name, key="guid-1", content_hash="h", url="https://ledger.example/ballard",
        title="Ballard renewed", published=T0 - HOUR,
    )  # fmt: skip
    return Fetched(
        source=source, outcome=SourceOutcome.NEW, etag='"v2"', body_hash="b2", items=3, named=1,
        new_items=(item,), evidence=found,
    )  # fmt: skip


def failed(source: Source, error: str = "HTTP 500 Internal Server Error") -> Fetched:
    return Fetched(source=source, outcome=SourceOutcome.FAILED, error=error)


def quiet(source: Source) -> Fetched:
    return Fetched(source=source, outcome=SourceOutcome.NOT_MODIFIED)


def run(snap: Snapshot, *fetched: Fetched, at: datetime = T0, cfg: Config = CONFIG) -> Intents:
    return plan(cfg, snap, fetched, started=at, finished=at + timedelta(seconds=2))


def kinds(intents: Intents) -> list[tuple[NoticeKind, str]]:
    return [(o.kind, o.destination) for o in intents.owed]


# --- status changes ----------------------------------------------------------------------------


def test_new_evidence_moves_the_status_and_owes_one_alert_per_destination() -> None:
    intents = run(snapshot(), new(LEDGER, evidence()), quiet(PRESS))
    [move] = intents.moves
    assert (move.watch_key, move.before, move.after.status) == (BALLARD.key, WatchState(), Status.RENEWED)
    assert intents.evidence[move.evidence].sentence.startswith("Prime Video has renewed Ballard")
    [change] = intents.changes
    assert change.current == WatchState(Status.RENEWED, False, T0 - HOUR)
    keys = [d.key for d in CONFIG.destinations]
    assert kinds(intents) == [(NoticeKind.CHANGE, keys[0]), (NoticeKind.CHANGE, keys[1])]
    assert intents.owed[0].title == intents.owed[1].title and "Ballard" in intents.owed[0].title
    assert [i.key for i in intents.items] == ["guid-1"]
    assert intents.cycle.changes == 1 and intents.cycle.ok == 2 and intents.cycle.failed == 0
    assert intents.cycle.finished - intents.cycle.started == timedelta(seconds=2)  # a real finish time
    assert intents.watches == CONFIG.watches  # every watch is stored, changed or not


def test_a_recap_of_an_old_decision_sets_the_status_without_an_alert() -> None:
    intents = run(snapshot(), new(LEDGER, evidence(stale=True)))
    [move] = intents.moves
    assert move.after.status is Status.RENEWED
    assert intents.changes == () and intents.owed == ()


def test_the_same_news_again_changes_nothing() -> None:
    renewed = {BALLARD.key: WatchState(Status.RENEWED, False, T0 - HOUR)}
    intents = run(snapshot(watches=renewed), new(LEDGER, evidence()))
    assert intents.moves == () and intents.owed == ()
    assert len(intents.evidence) == 1  # still kept: `status` lists what each watch was told


def test_official_word_after_a_report_owes_one_more_alert() -> None:
    reported = {BALLARD.key: WatchState(Status.RENEWED, False, T0 - DAY)}
    intents = run(snapshot(watches=reported), new(PRESS, evidence(official=True)))
    [change] = intents.changes
    assert change.previous.official is False and change.current.official is True
    assert len(intents.owed) == len(DESTINATIONS)


# --- sources that do not change -------------------------------------------------------------------


def test_unchanged_and_not_modified_sources_produce_no_items() -> None:
    before = SourceHealth(
        name=LEDGER.name, url=LEDGER.url, etag='"v1"', body_hash="b1", consecutive_failures=0
    )
    unchanged = Fetched(source=LEDGER, outcome=SourceOutcome.UNCHANGED, etag='"v1b"', bytes_read=900)
    for fetched in (unchanged, quiet(LEDGER)):
        intents = run(snapshot(before), fetched)
        assert intents.items == () and intents.evidence == () and intents.owed == ()
        [health] = intents.sources
        assert health.body_hash == "b1" and health.last_success == T0
        assert health.etag == ('"v1b"' if fetched.outcome is SourceOutcome.UNCHANGED else '"v1"')
        [report] = intents.reports
        assert report.ok and report.new_items == 0


# --- a failing source ----------------------------------------------------------------------------


def test_a_failing_source_backs_off_and_is_skipped_until_then() -> None:
    intents = run(snapshot(), failed(LEDGER))
    [health] = intents.sources
    assert (health.consecutive_failures, health.failing_since, health.last_error) == (
        1,
        T0,
        "HTTP 500 Internal Server Error",
    )
    assert health.next_attempt == T0 + timedelta(minutes=1)
    assert precheck(health, T0 + timedelta(seconds=30), force=False) is SourceOutcome.SKIPPED
    assert precheck(health, T0 + timedelta(seconds=30), force=True) is None
    assert precheck(health, T0 + timedelta(minutes=1), force=False) is None
    again = run(after(intents, snapshot()), failed(LEDGER), at=T0 + timedelta(minutes=1))
    assert again.sources[0].next_attempt == T0 + timedelta(minutes=3)  # 1, 2, 4 ... minutes


def test_retry_after_is_honoured_up_to_the_backoff_cap() -> None:
    slow = replace(failed(LEDGER, "HTTP 429 Too Many Requests"), retry_after=10 * 365 * 86400.0)
    [health] = run(snapshot(), slow).sources
    assert health.next_attempt == T0 + timedelta(seconds=CONFIG.settings.backoff_cap)


def test_a_source_failing_past_failing_after_owes_one_notice_then_one_when_it_recovers() -> None:
    snap = snapshot()
    told: list[list[NoticeKind]] = []
    for hours, fetched in [
        (0, failed(LEDGER)),
        (25, failed(LEDGER)),
        (30, failed(LEDGER)),
        (31, quiet(LEDGER)),
    ]:
        intents = run(snap, fetched, quiet(PRESS), at=T0 + hours * HOUR)
        told.append([n.kind for n in intents.notices])
        snap = after(intents, snap)
    assert told == [[], [NoticeKind.FAILING], [], [NoticeKind.RECOVERED]]
    assert snap.sources[LEDGER.name].failing_notice_sent is False


def test_a_gone_source_is_disabled_and_told_at_once() -> None:
    gone = replace(failed(LEDGER, "HTTP 410 Gone"), gone=True)
    intents = run(snapshot(), gone)
    [health] = intents.sources
    assert health.disabled == "HTTP 410 Gone" and health.failing_notice_sent
    assert [n.kind for n in intents.notices] == [NoticeKind.FAILING]
    assert precheck(health, T0 + DAY, force=True) is SourceOutcome.DISABLED


# --- every source failing ------------------------------------------------------------------------


def test_every_source_failing_owes_each_watch_one_blind_notice() -> None:
    snap = snapshot()
    blind_notices: list[list[str]] = []
    for hours, fetched in [
        (0, (failed(LEDGER), failed(PRESS))),
        (25, (failed(LEDGER), failed(PRESS))),
        (26, (failed(LEDGER), failed(PRESS))),
        (27, (quiet(LEDGER), failed(PRESS))),
    ]:
        intents = run(snap, *fetched, at=T0 + hours * HOUR)
        blind_notices.append([n.about for n in intents.notices if n.kind is NoticeKind.BLIND])
        snap = after(intents, snap)
    assert blind_notices == [[], [BALLARD.key, HARBOR.key], [], []]
    assert snap.blind == frozenset()  # cleared once a source works: a later blindness is told again


def test_the_plan_is_pure() -> None:
    snap = snapshot(watches={HARBOR.key: WatchState(Status.PENDING, False, T0 - DAY)})
    fetched = (new(LEDGER, evidence()), failed(PRESS))
    assert run(snap, *fetched) == run(snap, *fetched)
    assert snap.watches == {HARBOR.key: WatchState(Status.PENDING, False, T0 - DAY)}  # inputs untouched


def test_the_kind_names_are_the_configs() -> None:
    assert {s.kind for s in CONFIG.sources} == {SourceKind.FEED, SourceKind.PAGE}
