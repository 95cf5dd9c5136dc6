"""What notifications say. Pure text; feed text is untrusted and is cleaned before use."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

from renewalwatch.models import Change

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: str, limit: int = 600) -> str:
    """Untrusted feed text: no control or bidi characters, no markup-significant runs, bounded."""
    text = _CONTROL.sub("", unicodedata.normalize("NFC", text))
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _date(when: datetime | None) -> str:
    return when.strftime("%Y-%m-%d %H:%M UTC") if when else "no date given"


def change_title(change: Change) -> str:
    return f"{change.watch.label}: {change.current.label}"


def change_body(change: Change) -> str:
    ev = change.evidence
    official = "announced by the network" if change.current.official else "reported, not yet confirmed by the network"
    lines = [
        f"{change.watch.label} is {change.current.status.value} ({official}).",
        "",
        f"Deciding sentence: \"{clean(ev.sentence)}\"",
        f"Source: {clean(ev.source, 120)}",
        f"Article: {clean(ev.title, 200)}",
        f"Link: {clean(ev.url, 500)}",
        f"Published: {_date(ev.published)}",
        f"Previous status: {change.previous.label}",
    ]
    return "\n".join(lines)


def test_message(now: datetime) -> tuple[str, str]:
    return (
        "renewalwatch test notification",
        f"This is a test from renewalwatch at {_date(now)}. If you can read it, alerts will reach you here.",
    )
