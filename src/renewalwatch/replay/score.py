"""Score a replay by what a user receives: alerts that should not have come, decided seasons
found (and how late), and whether the final status says official or reported rightly. Pure."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from statistics import median

from renewalwatch.models import Status, Verdict, WatchState


@dataclass(frozen=True, slots=True)
class Alert:
    day: date
    watch: str
    status: Status
    official: bool
    source: str
    url: str
    rule: str


@dataclass(frozen=True, slots=True)
class Label:
    """What one labelled item says of its watch, and when it came out."""

    day: date
    verdict: Verdict
    official: bool


@dataclass(frozen=True, slots=True)
class Decided:
    """A watch the items decide: the latest decision, from when it was first told."""

    watch: str
    verdict: Verdict
    since: date
    official: bool  # some item told it as the network's own word


@dataclass(frozen=True, slots=True)
class Expected:
    """The outcome a watch list says the items lead to."""

    verdict: Verdict
    since: date | None
    official: bool


def _expected(labels: Mapping[str, Sequence[Label]], expected: Mapping[str, Expected]) -> list[Decided]:
    out = []
    for watch, e in expected.items():
        told = sorted(x.day for x in labels.get(watch, ()) if x.verdict is e.verdict)
        since = e.since or (told[0] if told else None)
        if since is not None:
            out.append(Decided(watch, e.verdict, since, e.official))
    return out


def decided(labels: Mapping[str, Sequence[Label]], *, dated: bool) -> list[Decided]:
    """The watches whose items decide them. Undated corpora hold items from several imagined
    timelines, so a watch whose items disagree is decided only when the items are dated."""
    out = []
    for watch, items in labels.items():
        decisive = sorted((x for x in items if x.verdict.decisive), key=lambda x: x.day)
        if not decisive or (not dated and len({x.verdict for x in decisive}) > 1):
            continue
        final = decisive[-1].verdict
        if len({x.verdict for x in decisive if x.day == decisive[-1].day}) > 1:
            continue  # two decisions on the last day: no telling which stands
        run = [x for x in decisive if x.verdict is final]
        out.append(Decided(watch, final, run[0].day, any(x.official for x in run)))
    return out


def is_false(alert: Alert, labels: Sequence[Label], expected: Expected | None = None) -> bool:
    """An alert no item told by its day, nor the watch list's outcome once decided: the wrong
    show, season or decision, or too early."""
    if (
        expected is not None
        and expected.verdict.value == alert.status.value
        and (expected.since is None or expected.since <= alert.day)
    ):
        return False
    return not any(x.verdict.value == alert.status.value and x.day <= alert.day for x in labels)


@dataclass(frozen=True, slots=True)
class ReplayReport:
    days: int
    items: int
    watches: int
    alerts: tuple[Alert, ...]
    false_alerts: tuple[Alert, ...]
    decided: tuple[Decided, ...]
    found: tuple[tuple[Decided, int, bool], ...]  # (decision, days late, official read right)
    source_failures: int
    note: str = ""

    def render(self) -> str:
        lates = [late for _, late, _ in self.found]
        right = sum(ok for _, _, ok in self.found)
        lines = [
            f"replay: {self.items} items over {self.days} days, {self.watches} watches at once",
            f"alerts received:            {len(self.alerts)}",
            f"false alerts:               {len(self.false_alerts)}",
            f"decided seasons found:      {len(self.found)}/{len(self.decided)}"
            + (f" ({len(self.found) / len(self.decided):.3f})" if self.decided else ""),
            f"days late (median / max):   {median(lates) if lates else 0:g} / {max(lates, default=0)}",
            f"official-vs-reported:       {right}/{len(self.found)} of the final statuses",
            f"source failures:            {self.source_failures}",
        ]
        if self.note:
            lines.append(self.note)
        if self.false_alerts:
            lines += ["", "false alerts:"]
            lines += [
                f"  {a.day} {a.watch}: {a.status}{' (official)' if a.official else ''} rule={a.rule} from {a.url}"
                for a in self.false_alerts
            ]
        missed = [d for d in self.decided if d.watch not in {f.watch for f, _, _ in self.found}]
        if missed:
            lines += ["", "decided seasons missed:"]
            lines += [f"  {d.watch}: {d.verdict} since {d.since}" for d in missed]
        return "\n".join(lines)


def score(
    alerts: Sequence[Alert],
    labels: Mapping[str, Sequence[Label]],
    history: Mapping[str, Sequence[tuple[date, WatchState]]],
    *,
    dated: bool,
    days: int,
    items: int,
    source_failures: int,
    expected: Mapping[str, Expected] | None = None,
) -> ReplayReport:
    """`history`: each watch's state at the end of every replayed day, in order. `expected`,
    from a watch list, says which watches are decided; without it, the labels do."""
    want = _expected(labels, expected) if expected else decided(labels, dated=dated)
    found = []
    for d in want:
        states = history.get(d.watch, ())
        if not states or states[-1][1].status.value != d.verdict.value:
            continue
        held_from = states[-1][0]  # the first day of the run of days that ends in the right status
        for day, state in reversed(states):
            if state.status.value != d.verdict.value:
                break
            held_from = day
        found.append((d, max(0, (held_from - d.since).days), states[-1][1].official == d.official))
    false = tuple(a for a in alerts if is_false(a, labels.get(a.watch, ()), (expected or {}).get(a.watch)))
    return ReplayReport(
        days, items, len(history), tuple(alerts), false, tuple(want), tuple(found), source_failures
    )
