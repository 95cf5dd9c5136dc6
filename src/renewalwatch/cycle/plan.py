"""The plan: a pure function from what the cycle read and fetched to what it will write.

No I/O, no clock, no logging: `plan(config, snapshot, fetched, started=, finished=)` returns
`Intents`, and the same inputs always give the same intents. In order it decides
1. each source's new health (success resets it; a failure backs off, a 410 disables) and the
   "source-failing" / "source-recovered" notice that health owes (see `health`);
2. each watch's status moves from the new evidence (see `decide`; one news story from several
   outlets counts once), and the "change" notice an announced move owes (a recap of an old
   decision moves the status quietly);
3. a renewed season's premiere date, stored and told once;
4. whether every source is failing, and the "blind" notice each watch then owes once;
5. what a destination added since the last cycle is owed: each decided status, once;
6. the cycle's record. Every notice is owed once per configured destination.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from renewalwatch import health, message
from renewalwatch.config import Config
from renewalwatch.cycle.records import (
    ArticleRead,
    CycleRecord,
    Fetched,
    Intents,
    Notice,
    Owed,
    Snapshot,
    SourceReport,
    StateMove,
)  # fmt: skip
from renewalwatch.decide import Corroboration, fold
from renewalwatch.models import (
    Article,
    Change,
    Evidence,
    NoticeKind,
    Premiere,
    SourceHealth,
    SourceKind,
    SourceOutcome,
    Status,
)
from renewalwatch.sources.news import story_key
from renewalwatch.sources.tvmaze import PREMIERE_RULE as TVMAZE_PREMIERE

MAX_ARTICLE_ATTEMPTS = 5  # a linked article that failed this often is left to its excerpt


def article_queue(
    snapshot: Snapshot, fetched: Sequence[Fetched], cap: int
) -> tuple[list[Article], list[Article]]:
    """Which linked articles to read this cycle (at most `cap`: those left from earlier cycles
    first, then this cycle's, each link once), and the new ones to remember for later."""
    wanted: dict[str, Article] = {a.key: a for a in snapshot.pending_articles}
    for a in (a for f in fetched for a in f.articles):
        if a.key not in snapshot.article_keys:
            wanted.setdefault(a.key, a)
    queue = list(wanted.values())
    later = [a for a in queue[cap:] if a.key not in snapshot.article_keys]
    return queue[:cap], later


def precheck(h: SourceHealth, now: datetime, force: bool) -> SourceOutcome | None:
    """Before fetching: DISABLED or SKIPPED (backing off) when the source must not be fetched."""
    if h.disabled:
        return SourceOutcome.DISABLED
    if not force and h.next_attempt and h.next_attempt > now:
        return SourceOutcome.SKIPPED
    return None


def plan(
    config: Config,
    snapshot: Snapshot,
    fetched: Sequence[Fetched],
    *,
    started: datetime,
    finished: datetime,
    articles: Sequence[ArticleRead] = (),
    later: Sequence[Article] = (),
) -> Intents:
    """`articles` are the linked articles read (or tried) this cycle; `later` the ones wanted and
    left for a later cycle by the per-cycle cap."""
    notices: list[Notice] = []
    after: dict[str, SourceHealth] = {}
    reports = []
    for f in fetched:
        before = snapshot.health(f.source)
        new = next_health(before, f, started, config.settings.backoff_cap)
        notice = _source_notice(before, new, started, config.settings.failing_after)
        if notice is not None:
            notices.append(notice)
            new = replace(new, failing_notice_sent=notice.kind is NoticeKind.FAILING)
        after[new.name] = new
        reports.append(report(before, f))
    searched = one_per_story(e for f in fetched if f.source.kind is SourceKind.NEWS for e in f.evidence)
    found = [e for f in fetched if f.source.kind is not SourceKind.NEWS for e in f.evidence] + searched
    found += [e for a in articles for e in a.evidence]
    evidence, moves, changes = _moves(config, snapshot, found)
    notices += [_change_notice(c) for c in changes]
    premieres, premiere_notices = _premieres(config, snapshot, fetched, moves, started)
    notices += premiere_notices
    blind_notices, blind_flags = _blind(config, snapshot, after, started)
    notices += blind_notices
    catch_up, known = _catch_up(config, snapshot, {c.watch.key for c in changes})
    ok = sum(r.ok for r in reports)
    return Intents(
        sources=tuple(after.values()),
        items=tuple(i for f in fetched for i in f.new_items),
        watches=config.watches,
        evidence=tuple(evidence),
        moves=tuple(moves),
        notices=tuple(notices),
        owed=tuple(
            Owed(destination=d.key, label=d.masked, kind=n.kind, title=n.title, body=n.body)
            for n in notices
            for d in config.destinations
        )
        + catch_up,
        blind=tuple(blind_flags),
        destinations=known,
        cycle=CycleRecord(
            started=started, finished=finished, ok=ok, failed=len(reports) - ok, changes=len(changes)
        ),
        changes=tuple(changes),
        reports=tuple(reports),
        facts=tuple(kv for f in fetched for kv in f.facts),
        premieres=tuple(premieres),
        articles=(*(a.article for a in articles), *later),
    )


def next_health(before: SourceHealth, f: Fetched, now: datetime, cap: float) -> SourceHealth:
    """The source's health after this check (validators, failures, backoff)."""
    if f.outcome in (SourceOutcome.SKIPPED, SourceOutcome.DISABLED):
        return before
    if f.outcome is SourceOutcome.FAILED:
        failures = before.consecutive_failures + 1
        # A server's Retry-After is honoured up to backoff_cap: it cannot silence a source for years.
        delay = min(cap, max(f.retry_after or 0.0, health.backoff(failures, cap=cap)))
        failed = replace(
            before,
            last_checked=now,
            last_error=f.error,
            consecutive_failures=failures,
            failing_since=before.failing_since or now,
            next_attempt=now + timedelta(seconds=delay),
        )
        return replace(failed, disabled=f.error) if f.gone else failed
    ok = replace(
        before, last_checked=now, last_success=now, last_error=None, consecutive_failures=0,
        failing_since=None, next_attempt=None,
    )  # fmt: skip
    if f.outcome is SourceOutcome.NOT_MODIFIED:
        return ok
    ok = replace(ok, etag=f.etag, last_modified=f.last_modified)
    return ok if f.outcome is SourceOutcome.UNCHANGED else replace(ok, body_hash=f.body_hash)


def report(before: SourceHealth, f: Fetched) -> SourceReport:
    s = f.source
    match f.outcome:
        case SourceOutcome.DISABLED:
            error = before.disabled
        case SourceOutcome.SKIPPED:
            when = f"{before.next_attempt:%H:%M:%S}" if before.next_attempt else "later"
            error = f"backing off after {before.consecutive_failures} failures until {when} UTC"
        case _:
            error = f.error
    return SourceReport(
        name=s.name, url=s.url, outcome=f.outcome, items=f.items, named=f.named, facts=len(f.facts),
        new_items=len(f.new_items), bytes_read=f.bytes_read, error=error,
    )  # fmt: skip


def _source_notice(
    before: SourceHealth, after: SourceHealth, now: datetime, failing_after: float
) -> Notice | None:
    kind = health.source_notice(after, now, failing_after)
    if kind is NoticeKind.FAILING:
        title, body = message.source_failing(
            after.name, after.url, after.last_error, after.failing_since, bool(after.disabled), now
        )
    elif kind is NoticeKind.RECOVERED:
        title, body = message.source_recovered(after.name, after.url, before.failing_since, now)
    else:
        return None
    return Notice(kind=kind, about=after.name, title=title, body=body)


def _moves(
    config: Config, snapshot: Snapshot, found: Sequence[Evidence]
) -> tuple[list[Evidence], list[StateMove], list[Change]]:
    """Fold each watch's new evidence into its status: what to store, every step, what to tell."""
    evidence: list[Evidence] = []
    moves: list[StateMove] = []
    changes: list[Change] = []
    for watch in config.watches:
        mine = [e for e in found if e.watch_key == watch.key]
        if not mine:
            continue
        index = {id(e): len(evidence) + i for i, e in enumerate(mine)}
        evidence += mine
        initial = snapshot.state(watch)
        hold = (
            Corroboration(timedelta(seconds=config.settings.corroboration_window))
            if config.settings.corroborate
            else None
        )
        folded = fold(initial, mine, hold=hold, earlier=snapshot.recent.get(watch.key, ()))
        moves += [
            StateMove(watch_key=watch.key, before=b, after=a, evidence=index[id(ev)])
            for b, a, ev in folded.steps
        ]
        change = folded.change(watch, initial)
        if change is not None and change.notify:
            changes.append(change)
    return evidence, moves, changes


def _premieres(
    config: Config, snapshot: Snapshot, fetched: Sequence[Fetched], moves: Sequence[StateMove], now: datetime
) -> tuple[list[tuple[str, Premiere]], list[Notice]]:
    """A renewed season's announced premiere date, not past: stored, and told once (unless
    `premiere_alerts` is off). TVmaze's listing is preferred to an article's sentence; a later,
    different date replaces the stored one quietly."""
    final = {m.watch_key: m.after for m in moves}  # the last move of each watch wins
    found = [(key, p) for f in fetched for key, p in f.premieres if p.day >= now.date()]
    save: list[tuple[str, Premiere]] = []
    notices: list[Notice] = []
    for watch in config.watches:
        if final.get(watch.key, snapshot.state(watch)).status is not Status.RENEWED:
            continue
        mine = sorted((p for key, p in found if key == watch.key), key=lambda p: p.rule != TVMAZE_PREMIERE)
        stored = snapshot.premieres.get(watch.key)
        if not mine or (stored is not None and stored.day == mine[0].day):
            continue
        save.append((watch.key, mine[0]))
        if stored is None and config.settings.premiere_alerts:
            title, body = message.premiere(watch, mine[0])
            notices.append(Notice(kind=NoticeKind.PREMIERE, about=watch.key, title=title, body=body))
    return save, notices


def one_per_story(evidence: Iterable[Evidence]) -> list[Evidence]:
    """The same headline from several outlets or both news engines is one story, read once: the
    first reading of it counts (for the same watch, verdict and official flag)."""
    seen: set[tuple[str, str, str, bool]] = set()
    kept = []
    for e in evidence:
        key = (e.watch_key, story_key(e.title), e.verdict.value, e.official)
        if key not in seen:
            seen.add(key)
            kept.append(e)
    return kept


def _change_notice(change: Change) -> Notice:
    return Notice(
        kind=NoticeKind.CHANGE,
        about=change.watch.key,
        title=message.change_title(change),
        body=message.change_body(change),
    )


def _catch_up(
    config: Config, snapshot: Snapshot, changed: set[str]
) -> tuple[tuple[Owed, ...], frozenset[str] | None]:
    """A destination not seen before hears each decided status once (a change in this very cycle
    reaches it anyway). Returns the rows it owes and the destination keys to record, if new."""
    current = frozenset(d.key for d in config.destinations)
    if snapshot.destinations is None:
        return (), current  # nothing recorded yet: the first cycle, or a state from before this rule
    new = [d for d in config.destinations if d.key not in snapshot.destinations]
    owed = []
    for watch in config.watches:
        state = snapshot.state(watch)
        if watch.key in changed or state.status not in (Status.RENEWED, Status.CANCELED):
            continue
        title, body = message.current_status(watch, state)
        owed += [
            Owed(destination=d.key, label=d.masked, kind=NoticeKind.CURRENT, title=title, body=body)
            for d in new
        ]
    return tuple(owed), (snapshot.destinations | current) if new else None


def _blind(
    config: Config, snapshot: Snapshot, after: dict[str, SourceHealth], now: datetime
) -> tuple[list[Notice], list[tuple[str, bool]]]:
    """Every configured source failing for too long owes each watch one "blind" notice."""
    current = []
    for s in config.sources:
        h = after.get(s.name)
        current.append(h if h is not None and h.url == s.url else snapshot.health(s))
    failing_after = config.settings.failing_after
    blind = health.is_blind(current, now, failing_after)
    notices, flags = [], []
    for watch in config.watches:
        sent = watch.key in snapshot.blind
        owed, flag = health.blind_notice(blind, sent)
        if owed:
            failing = [(h.name, h.disabled or h.last_error) for h in current]
            title, body = message.blind(watch, failing, failing_after)
            notices.append(Notice(kind=NoticeKind.BLIND, about=watch.key, title=title, body=body))
        if flag != sent:
            flags.append((watch.key, flag))
    return notices, flags
