"""Which health notices are owed, and whether renewalwatch itself is healthy. Pure: no I/O.

A source that has failed for longer than `failing_after` (or was disabled by a 410, which will
not heal by itself) owes one "source-failing" notice, and one "source-recovered" notice when it
next succeeds. When every source is failing, each watch owes one "blind" notice; its flag is
cleared once any source works again, so a later blindness is told again.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from renewalwatch.models import NoticeKind

RETRY_BASE = 60.0  # the first wait after a failure, in seconds; it doubles with each one


def backoff(failures: int, *, cap: float, base: float = RETRY_BASE) -> float:
    """Seconds to wait after `failures` failures in a row: base, 2×base, 4×base ... at most `cap`.
    The one backoff: a failing source's next check and a failing destination's next delivery."""
    return float(min(cap, base * 2 ** max(0, failures - 1)))


class Health(Protocol):
    """What this module reads of a source's health (`models.SourceHealth` has it)."""

    @property
    def failing_since(self) -> datetime | None: ...
    @property
    def disabled(self) -> str | None: ...
    @property
    def failing_notice_sent(self) -> bool: ...


def is_failing(h: Health, now: datetime, failing_after: float) -> bool:
    """Failing for long enough to tell someone."""
    if h.disabled:
        return True
    return h.failing_since is not None and (now - h.failing_since).total_seconds() >= failing_after


def source_notice(after: Health, now: datetime, failing_after: float) -> NoticeKind | None:
    """The notice a source owes after a check; `after.failing_notice_sent` says what was told."""
    if after.failing_notice_sent:
        healthy = after.failing_since is None and not after.disabled
        return NoticeKind.RECOVERED if healthy else None
    return NoticeKind.FAILING if is_failing(after, now, failing_after) else None


def is_blind(sources: Sequence[Health], now: datetime, failing_after: float) -> bool:
    """Every configured source has been failing for longer than `failing_after`."""
    return bool(sources) and all(is_failing(h, now, failing_after) for h in sources)


def blind_notice(blind: bool, sent: bool) -> tuple[bool, bool]:
    """(owe a "blind" notice now, the watch's new `blind_notice_sent` flag)."""
    return blind and not sent, blind


def problem(
    last_cycle: datetime | None,
    owed_since: Sequence[datetime],
    now: datetime,
    *,
    max_age: float,
    retry_window: float,
) -> str | None:
    """Why renewalwatch is unhealthy, in one line, or None when it is healthy.

    Healthy: a cycle finished within `max_age` seconds, and no notification has been owed for
    longer than `retry_window` seconds (`owed_since` holds when each owed one was created).
    """
    if last_cycle is None:
        return "no check has run yet"
    age = (now - last_cycle).total_seconds()
    if age > max_age:
        return f"the last check finished {_span(age)} ago (limit {_span(max_age)})"
    late = [t for t in owed_since if (now - t).total_seconds() > retry_window]
    if late:
        oldest = (now - min(late)).total_seconds()
        return (
            f"{len(late)} notification(s) undelivered for longer than {_span(retry_window)}"
            f" (oldest {_span(oldest)})"
        )
    return None


def blind_problem(sources: Sequence[tuple[datetime | None, float]], now: datetime) -> str | None:
    """Unhealthy when no source has succeeded within its window: checks that run but all fail
    see nothing. `sources`: (last success, window in seconds) for each configured source."""
    if not sources:
        return None
    if any(last is not None and (now - last).total_seconds() <= window for last, window in sources):
        return None
    successes = [last for last, _ in sources if last is not None]
    if not successes:
        return f"no source has succeeded yet ({len(sources)} configured)"
    ago = (now - max(successes)).total_seconds()
    return f"no source has succeeded within its window (the last success was {_span(ago)} ago)"


def _span(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f}s" if seconds >= 1 else f"{seconds:.2g}s"
    if seconds < 7200:
        return f"{seconds / 60:.0f}m"
    if seconds < 2 * 86400:
        return f"{seconds / 3600:.1f}h"
    return f"{seconds / 86400:.1f}d"
