"""Folding evidence into a watch's status: what may announce, what may not, and what wins."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from renewalwatch.decide import Corroboration, corroborated, fold, next_state
from renewalwatch.models import Evidence, Status, Trust, Verdict, Watch, WatchState

WATCH = Watch("Ballard", 2)
T0 = datetime(2025, 11, 5, 18, 0, tzinfo=UTC)


def ev(
    verdict: Verdict,
    *,
    official: bool = False,
    stale: bool = False,
    published: datetime | None = T0,
    found: datetime | None = None,
    source: str = "TV Ledger",
) -> Evidence:
    return Evidence(
        watch_key=WATCH.key, verdict=verdict, official=official, season=2,
        sentence=f"Ballard {verdict} sentence", rule="test", stale=stale, source=source,
        url="https://tvledger.example/a", title="A headline", published=published,
        found_at=found or (published or T0) + timedelta(minutes=5),
    )  # fmt: skip


UNKNOWN = WatchState()
PENDING = WatchState(Status.PENDING, False, T0)
RENEWED_REPORTED = WatchState(Status.RENEWED, False, T0)
RENEWED_OFFICIAL = WatchState(Status.RENEWED, True, T0)
CANCELED_REPORTED = WatchState(Status.CANCELED, False, T0)


def test_unrelated_changes_nothing() -> None:
    assert next_state(UNKNOWN, ev(Verdict.UNRELATED)) is None
    assert next_state(RENEWED_REPORTED, ev(Verdict.UNRELATED)) is None


def test_pending_only_moves_unknown() -> None:
    # `since` is the news's date, as for a decision (status and history print it as such)
    assert next_state(UNKNOWN, ev(Verdict.PENDING)) == WatchState(Status.PENDING, False, T0)
    assert next_state(PENDING, ev(Verdict.PENDING)) is None
    undated = ev(Verdict.PENDING, published=None)
    assert next_state(UNKNOWN, undated) == WatchState(Status.PENDING, False, undated.found_at)


@pytest.mark.parametrize("state", [RENEWED_REPORTED, RENEWED_OFFICIAL, CANCELED_REPORTED], ids=str)
def test_pending_never_undoes_a_decision(state: WatchState) -> None:
    later = ev(Verdict.PENDING, published=T0 + timedelta(days=3))
    assert next_state(state, later) is None
    assert fold(state, [later]).change(WATCH, state) is None


@pytest.mark.parametrize("state", [UNKNOWN, PENDING], ids=["unknown", "pending"])
def test_stale_sets_an_unknown_status_quietly(state: WatchState) -> None:
    """A recap ("was renewed last month") tells what nobody here knew, but is not news."""
    recap = ev(Verdict.RENEWED, stale=True, official=True)
    new = next_state(state, recap)
    assert new is not None and new.status is Status.RENEWED
    change = fold(state, [recap]).change(WATCH, state)
    assert change is not None and not change.notify


def test_stale_never_changes_or_upgrades_a_decision() -> None:
    recap = ev(Verdict.RENEWED, stale=True, official=True)
    assert next_state(RENEWED_REPORTED, recap) is None
    assert next_state(RENEWED_REPORTED, ev(Verdict.CANCELED, stale=True)) is None


def test_a_report_announces_from_unknown_or_pending() -> None:
    for state in (UNKNOWN, PENDING):
        new = next_state(state, ev(Verdict.RENEWED))
        assert new is not None and (new.status, new.official) == (Status.RENEWED, False)


def test_official_upgrades_a_report_of_the_same_decision() -> None:
    new = next_state(RENEWED_REPORTED, ev(Verdict.RENEWED, official=True, published=T0 + timedelta(days=7)))
    assert new is not None and (new.status, new.official) == (Status.RENEWED, True)


def test_official_outranks_a_report_in_the_same_cycle() -> None:
    """A report of a cancellation and the network's renewal, same day: the network wins."""
    report = ev(Verdict.CANCELED, published=T0, source="Gossip Column")
    announcement = ev(Verdict.RENEWED, official=True, published=T0, source="Press room")
    for order in ([report, announcement], [announcement, report]):
        folded = fold(UNKNOWN, order)
        assert (folded.state.status, folded.state.official) == (Status.RENEWED, True)


def test_official_overturns_a_reported_opposite() -> None:
    new = next_state(CANCELED_REPORTED, ev(Verdict.RENEWED, official=True, published=T0 + timedelta(days=1)))
    assert new is not None and (new.status, new.official) == (Status.RENEWED, True)


@pytest.mark.parametrize("verdict", [Verdict.CANCELED, Verdict.RENEWED])
def test_a_report_never_downgrades_official(verdict: Verdict) -> None:
    later_report = ev(verdict, published=T0 + timedelta(days=30))
    assert next_state(RENEWED_OFFICIAL, later_report) is None


def test_a_later_cancellation_replaces_a_renewal() -> None:
    later = ev(Verdict.CANCELED, published=T0 + timedelta(days=60))
    new = next_state(RENEWED_REPORTED, later)
    assert new is not None and new.status is Status.CANCELED
    officially = next_state(RENEWED_OFFICIAL, replace(later, official=True))
    assert officially is not None and (officially.status, officially.official) == (Status.CANCELED, True)
    change = fold(RENEWED_REPORTED, [later]).change(WATCH, RENEWED_REPORTED)
    assert change is not None and change.notify
    assert change.previous == RENEWED_REPORTED and change.current.status is Status.CANCELED


def test_an_older_cancellation_does_not_overturn_a_newer_renewal() -> None:
    older = ev(Verdict.CANCELED, published=T0 - timedelta(days=10), found=T0 + timedelta(days=1))
    assert next_state(RENEWED_REPORTED, older) is None


def test_same_story_twice_is_one_change() -> None:
    first = ev(Verdict.RENEWED, source="TV Ledger")
    again = ev(Verdict.RENEWED, source="Screen Wire", published=T0 + timedelta(hours=2))
    folded = fold(UNKNOWN, [first, again])
    assert len(folded.steps) == 1
    change = folded.change(WATCH, UNKNOWN)
    assert change is not None and change.evidence is first
    # and read again in a later cycle, it changes nothing
    assert fold(folded.state, [first, again]).change(WATCH, folded.state) is None


def test_fold_applies_evidence_oldest_first() -> None:
    renewal = ev(Verdict.RENEWED, published=T0)
    cancellation = ev(Verdict.CANCELED, published=T0 + timedelta(days=90))
    folded = fold(UNKNOWN, [cancellation, renewal])  # given newest first
    assert [after.status for _, after, _ in folded.steps] == [Status.RENEWED, Status.CANCELED]
    assert folded.state.status is Status.CANCELED


def test_a_flip_and_back_within_one_cycle_sends_nothing() -> None:
    flip = ev(Verdict.CANCELED, published=T0 + timedelta(days=1))
    back = ev(Verdict.RENEWED, published=T0 + timedelta(days=2))
    folded = fold(RENEWED_REPORTED, [flip, back])
    assert len(folded.steps) == 2  # both kept for the history
    assert folded.change(WATCH, RENEWED_REPORTED) is None


def test_only_decisions_notify() -> None:
    to_pending = fold(UNKNOWN, [ev(Verdict.PENDING)]).change(WATCH, UNKNOWN)
    assert to_pending is not None and not to_pending.notify
    to_renewed = fold(UNKNOWN, [ev(Verdict.RENEWED)]).change(WATCH, UNKNOWN)
    assert to_renewed is not None and to_renewed.notify
    assert to_renewed.current.label == "renewed — reported"


# Regression: `since` used to be the time of the check, compared with publication dates, so
# evidence read in the same check could never overturn a decision made by older news.
NOW = T0 + timedelta(days=30)


def test_a_later_cancellation_read_in_the_same_check_wins() -> None:
    renewal = ev(Verdict.RENEWED, published=T0, found=NOW)
    cancellation = ev(Verdict.CANCELED, published=T0 + timedelta(days=20), found=NOW)
    folded = fold(UNKNOWN, [renewal, cancellation])
    assert folded.state.status is Status.CANCELED


def test_the_network_overturns_a_report_read_in_the_same_check() -> None:
    report = ev(Verdict.CANCELED, published=T0, found=NOW, source="Gossip Column")
    announcement = ev(Verdict.RENEWED, official=True, published=T0 + timedelta(hours=3), found=NOW)
    folded = fold(UNKNOWN, [report, announcement])
    assert (folded.state.status, folded.state.official) == (Status.RENEWED, True)


def test_a_decision_dates_from_its_news_but_never_from_the_future() -> None:
    assert fold(UNKNOWN, [ev(Verdict.RENEWED, published=T0, found=NOW)]).state.since == T0
    future = ev(Verdict.RENEWED, published=NOW + timedelta(days=365), found=NOW)
    assert fold(UNKNOWN, [future]).state.since == NOW
    undated = ev(Verdict.RENEWED, published=None, found=NOW)
    assert fold(UNKNOWN, [undated]).state.since == NOW


# --- corroboration ----------------------------------------------------------------------------
_HOLD = Corroboration(timedelta(days=3))


def _claim(url: str, trust: Trust, day: int, verdict: Verdict = Verdict.RENEWED) -> Evidence:
    when = datetime(2026, 5, day, 12, tzinfo=UTC)
    return Evidence(
        watch_key="ballard#s2", verdict=verdict, official=False, season=2, sentence="Ballard renewed",
        rule="renew.renewed", stale=False, source="src", url=url, title="t", published=when, found_at=when,
        trust=trust,
    )  # fmt: skip


def test_a_lone_fan_site_claim_is_held() -> None:
    lone = _claim("https://fansite.example/a", Trust.OTHER, 1)
    assert fold(WatchState(), [lone], hold=_HOLD).state.status is Status.UNKNOWN
    assert fold(WatchState(), [lone]).state.status is Status.RENEWED  # corroboration off: as before


def test_a_second_host_or_a_trade_source_within_the_window_corroborates() -> None:
    first = _claim("https://fansite.example/a", Trust.OTHER, 1)
    same_host = _claim("https://fansite.example/b", Trust.OTHER, 2)
    other_host = _claim("https://www.otherblog.example/c", Trust.OTHER, 3)
    trade = _claim("https://trade.example/d", Trust.TRADE, 2)
    late = _claim("https://otherblog.example/e", Trust.OTHER, 9)
    assert not corroborated(first, [first, same_host], _HOLD.window)
    assert corroborated(first, [first, other_host], _HOLD.window)
    assert corroborated(first, [first, trade], _HOLD.window)
    assert not corroborated(first, [first, late], _HOLD.window)
    # an earlier stored claim corroborates a new one from another host
    assert fold(WatchState(), [other_host], hold=_HOLD, earlier=[first]).state.status is Status.RENEWED


def test_a_disagreeing_voice_does_not_corroborate() -> None:
    first = _claim("https://fansite.example/a", Trust.OTHER, 1)
    contrary = _claim("https://otherblog.example/c", Trust.OTHER, 1, Verdict.CANCELED)
    assert fold(WatchState(), [first, contrary], hold=_HOLD).state.status is Status.UNKNOWN


def test_a_link_that_does_not_parse_is_held_by_its_source_name_not_a_crash() -> None:
    """A hostile feed's `http://[::1/x` made the host comparison raise inside the plan: with
    `corroborate = true` every check crashed with a traceback, for good (the item stayed new)."""
    broken = _claim("http://[::1/x", Trust.OTHER, 1)
    other = _claim("https://otherblog.example/c", Trust.OTHER, 2)
    assert not corroborated(broken, [broken], _HOLD.window)
    assert corroborated(broken, [broken, other], _HOLD.window)
