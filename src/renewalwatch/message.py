"""What notifications say. Pure text; feed text is untrusted and is cleaned before use."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from renewalwatch.masking import mask_url
from renewalwatch.models import Change, Premiere, Watch, WatchState
from renewalwatch.untrusted import for_terminal

_INVISIBLE = re.compile(r"[\u200b-\u200f]")


def clean(text: str, limit: int = 600) -> str:
    """Untrusted feed text: no escape sequence, control, bidi or zero-width character, one line,
    bounded. (Each destination's own markup is neutralised when it is sent: `untrusted`.)"""
    text = _INVISIBLE.sub("", for_terminal(unicodedata.normalize("NFC", text)))
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _date(when: datetime | None) -> str:
    return when.strftime("%Y-%m-%d %H:%M UTC") if when else "no date given"


def change_title(change: Change) -> str:
    return f"{change.watch.label}: {change.current.label}"


def change_body(change: Change) -> str:
    ev = change.evidence
    official = (
        "announced by the network"
        if change.current.official
        else "reported, not yet confirmed by the network"
    )
    lines = [
        f"{change.watch.label} is {change.current.status.value} ({official}).",
        "",
        f'Deciding sentence: "{clean(ev.sentence)}"',
        f"Source: {clean(ev.source, 120)}",
        f"Article: {clean(ev.title, 200)}",
        f"Link: {clean(mask_url(ev.url), 500)}",
        f"Published: {_date(ev.published)}",
        f"Previous status: {change.previous.label}",
    ]
    return "\n".join(lines)


def day(when: date) -> str:
    return f"{when:%A}, {when:%B} {when.day}, {when.year}"


def premiere(watch: Watch, p: Premiere) -> tuple[str, str]:
    lines = [
        f"{watch.label} premieres on {day(p.day)}.",
        "",
        f'Read: "{clean(p.sentence)}"',
        f"Source: {clean(p.source, 120)}",
        f"Link: {clean(mask_url(p.url), 500)}",
    ]
    return f"{watch.label}: premieres {p.day.isoformat()}", "\n".join(lines)


def current_status(watch: Watch, state: WatchState) -> tuple[str, str]:
    """For a destination added after the decision was announced elsewhere: told once."""
    official = "announced by the network" if state.official else "reported, not yet confirmed by the network"
    body = (
        f"{watch.label} is {state.status.value} ({official}), since {_date(state.since)}.\n\n"
        "This destination was added after that was announced, so renewalwatch tells it once now."
        " `renewalwatch status` shows the evidence."
    )
    return f"{watch.label}: {state.label}", body


def test_message(now: datetime) -> tuple[str, str]:
    return (
        "renewalwatch test notification",
        f"This is a test from renewalwatch at {_date(now)}. If you can read it, alerts will reach you here.",
    )


def _ago(since: datetime | None, now: datetime) -> str:
    if since is None:
        return "an unknown time"
    hours = (now - since).total_seconds() / 3600
    return f"{hours:.0f} hours" if hours < 48 else f"{hours / 24:.0f} days"


def source_failing(
    name: str, url: str, error: str | None, since: datetime | None, disabled: bool, now: datetime
) -> tuple[str, str]:
    """A source has failed for longer than `failing_after`, or a 410 disabled it."""
    if disabled:
        lines = [
            f"The source {clean(name, 120)} is gone and is no longer checked.",
            "",
            f"Error: {clean(error or 'HTTP 410 Gone', 300)}",
            f"URL: {mask_url(url)}",
            "Change its url in the config (or remove it) and renewalwatch checks it again.",
        ]
    else:
        lines = [
            f"The source {clean(name, 120)} has failed every check for {_ago(since, now)}"
            f" (since {_date(since)}).",
            "",
            f"Last error: {clean(error or 'unknown', 300)}",
            f"URL: {mask_url(url)}",
            "renewalwatch keeps trying, less often, and tells you once when it works again.",
        ]
    return f"renewalwatch: source failing: {clean(name, 120)}", "\n".join(lines)


def source_recovered(name: str, url: str, since: datetime | None, now: datetime) -> tuple[str, str]:
    body = (
        f"The source {clean(name, 120)} works again after failing for {_ago(since, now)}.\n"
        f"URL: {mask_url(url)}"
    )
    return f"renewalwatch: source working again: {clean(name, 120)}", body


def blind(watch: Watch, failing: list[tuple[str, str | None]], failing_after: float) -> tuple[str, str]:
    """Every source is failing: news about `watch` would go unnoticed. `failing`: (name, error)."""
    hours = failing_after / 3600
    lines = [
        f"Every source renewalwatch reads has been failing for more than {hours:g} hours, so news"
        f" about {watch.label} would go unnoticed until one works again.",
        "",
        *(f"- {clean(n, 120)}: {clean(error or 'unknown error', 200)}" for n, error in failing),
        "",
        "Check the machine's network, then `renewalwatch status`.",
    ]
    return f"renewalwatch can't see anything for {watch.label}", "\n".join(lines)
