"""Fold evidence into a watch's status. Pure: state and evidence in, new state out.

Rules, in the order they are applied:
- unrelated evidence changes nothing; pending only moves `unknown` to `pending`;
- a recap of an old decision (stale) may set an unknown status, quietly: it never announces;
- evidence older than the current status's date does not overturn it;
- an official statement outranks a report; a report never changes an official status;
- a reported status becomes official when the network confirms it (one more alert);
- a later cancellation replaces a renewal (and a later renewal a cancellation: a revival);
- with corroboration on, a decision from an `other`-trust source alone is held until another
  host, or any trade or official source, states the same decision within the window.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from renewalwatch.models import Change, Evidence, Status, Trust, Verdict, Watch, WatchState
from renewalwatch.untrusted import link_host


@dataclass(frozen=True, slots=True)
class Corroboration:
    """Hold a lone `other`-trust decision until a second voice agrees within `window`."""

    window: timedelta


def _host(ev: Evidence) -> str:
    return (link_host(ev.url) or ev.source).removeprefix("www.")


def corroborated(ev: Evidence, others: Iterable[Evidence], window: timedelta) -> bool:
    """A decision stands alone unless from a fan site or blog; then another host, or a trade or
    official source, must state the same decision within the window."""
    if ev.trust is not Trust.OTHER or not ev.verdict.decisive or ev.stale:
        return True
    return any(
        o is not ev
        and o.verdict is ev.verdict
        and abs(_dated(o) - _dated(ev)) <= window
        and (o.trust is not Trust.OTHER or _host(o) != _host(ev))
        for o in others
    )


def _dated(ev: Evidence) -> datetime:
    """A decision dates from its news (never later than we found it), so that "older than the
    current status" compares publication dates with publication dates."""
    return min(ev.published, ev.found_at) if ev.published is not None else ev.found_at


def next_state(state: WatchState, ev: Evidence) -> WatchState | None:
    """The status after one piece of evidence, or None when it changes nothing."""
    if ev.verdict is Verdict.UNRELATED:
        return None
    if ev.verdict is Verdict.PENDING:
        return WatchState(Status.PENDING, False, _dated(ev)) if state.status is Status.UNKNOWN else None
    target = Status(ev.verdict.value)
    if ev.stale:
        # A recap ("was renewed last October") tells a status nobody here knew, quietly; it never
        # changes a decided status, nor makes a report official.
        return (
            WatchState(target, ev.official, _dated(ev))
            if state.status in (Status.UNKNOWN, Status.PENDING)
            else None
        )
    if state.status is target:
        if ev.official and not state.official:
            return WatchState(target, True, _dated(ev))
        return None
    if state.status in (Status.UNKNOWN, Status.PENDING):
        return WatchState(target, ev.official, _dated(ev))
    if state.official and not ev.official:
        return None
    if ev.published is not None and state.since is not None and ev.published < state.since:
        return None
    return WatchState(target, ev.official, _dated(ev))


@dataclass(frozen=True, slots=True)
class Folded:
    state: WatchState
    steps: tuple[tuple[WatchState, WatchState, Evidence], ...]  # every move, for the history

    def change(self, watch: Watch, initial: WatchState) -> Change | None:
        """One alert-worthy change per cycle: from where it started to where it ended."""
        if not self.steps or (self.state.status, self.state.official) == (initial.status, initial.official):
            return None
        return Change(watch, initial, self.state, self.steps[-1][2])


def fold(
    state: WatchState,
    evidence: Iterable[Evidence],
    *,
    hold: Corroboration | None = None,
    earlier: Sequence[Evidence] = (),
) -> Folded:
    """Apply evidence oldest first; within a date, reports before official word. With `hold`,
    a lone claim waits for corroboration among this evidence and the `earlier` stored one."""
    evidence = list(evidence)
    if hold is not None:
        voices = [*earlier, *evidence]
        evidence = [e for e in evidence if corroborated(e, voices, hold.window)]
    ordered = sorted(
        evidence,
        key=lambda e: (e.published is None, e.published or e.found_at, e.official),
    )
    steps = []
    for ev in ordered:
        new = next_state(state, ev)
        if new is not None:
            steps.append((state, new, ev))
            state = new
    return Folded(state, tuple(steps))
