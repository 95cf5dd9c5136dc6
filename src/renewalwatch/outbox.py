"""The notify side of the state: deliver what the outbox owes, one row at a time, marking each only after it was accepted.

Delivery is at least once. A row is written in the same transaction as the status change that
owes it, so a crash never loses it; it is marked sent in its own transaction right after Apprise
reports success. A crash (kill -9, power loss) between those two moments leaves the row owed and
the next run sends it again: one duplicate per such crash, never a lost alert.
"""

from __future__ import annotations

import hmac
import logging
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from renewalwatch.config import Config, Destination, by_key
from renewalwatch.errors import NotifyError
from renewalwatch.health import backoff
from renewalwatch.notify import Notifier, check_urls
from renewalwatch.store import Store

logger = logging.getLogger(__name__)

RETRY_BASE = 60.0
RETRY_CAP = 3600.0


@dataclass(frozen=True, slots=True)
class Delivery:
    destination: str  # masked
    title: str
    ok: bool
    error: str | None = None


def retry_delay(attempts: int) -> float:
    """A failing destination waits 1, 2, 4 ... minutes, at most an hour."""
    return backoff(attempts, cap=RETRY_CAP, base=RETRY_BASE)


def deliver_owed(
    store: Store,
    notifier: Notifier,
    destinations: Iterable[Destination],
    now: datetime,
    *,
    due_only: bool = False,
) -> list[Delivery]:
    """Try every owed row (or only those due, in the daemon). A row whose destination is no
    longer configured stays owed and shows in `status`."""
    configured = by_key(destinations)
    results = []
    for row in store.owed(now if due_only else None):
        dest = configured.get(row.destination)
        if dest is None:
            continue
        try:
            notifier.send(dest, row.title, row.body)
        except NotifyError as e:
            with store.transaction():
                store.mark_failed(row.id, e.message, now + timedelta(seconds=retry_delay(row.attempts + 1)))
            logger.warning(
                "notification failed destination=%s title=%r error=%s", dest.masked, row.title, e.message
            )
            results.append(Delivery(dest.masked, row.title, False, e.message))
            continue
        with store.transaction():
            store.mark_sent(row.id, now)
        logger.info("notification sent destination=%s title=%r", dest.masked, row.title)
        results.append(Delivery(dest.masked, row.title, True))
    return results


def check_destinations(config: Config, store: Store, *, already_checked: bool = False) -> None:
    """Fail on a notify URL Apprise cannot load; checked again only when the list changes, since
    importing Apprise costs more than a whole quiet cycle. The state keeps a keyed hash, never a URL."""
    salt = store.meta("salt")
    if salt is None:
        salt = secrets.token_hex(16)
        with store.transaction():
            store.set_meta("salt", salt)
    digest = hmac.new(
        salt.encode(), "\n".join(d.url for d in config.destinations).encode(), "sha256"
    ).hexdigest()
    if store.meta("checked_urls") == digest:
        return
    if not already_checked:
        check_urls(config.destinations, config.origin)
    with store.transaction():
        store.set_meta("checked_urls", digest)
