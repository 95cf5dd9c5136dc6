"""Deliver a message to one destination: Apprise for URLs, stdout for the console.

Apprise is imported only when a message is actually sent or a URL checked: it is the heaviest
import renewalwatch has.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, Protocol, TextIO

from renewalwatch.config import Destination
from renewalwatch.errors import ConfigError, NotifyError
from renewalwatch.masking import mask_opaque, mask_text
from renewalwatch.untrusted import for_destination, for_terminal, rules_for

logger = logging.getLogger(__name__)


class Notifier(Protocol):
    def send(self, destination: Destination, title: str, body: str) -> None:
        """Deliver or raise NotifyError; return only once the destination accepted it."""


_RECORD = "\x1e"  # starts each captured record, so a multi-line message stays one record
# Apprise logs a failure's cause (the server's refusal, the socket exception) at debug level.
_CAUSE = re.compile(r"exception|details|error|refused|denied|not supported|failed|reason", re.IGNORECASE)


@contextmanager
def _apprise_log(level: int = logging.WARNING) -> Iterator[Any]:
    """Apprise's log from `level` up, captured for our own one-line, masked errors, and kept out
    of the log so it is not said twice."""
    import apprise

    apprise_logger = logging.getLogger("apprise")
    propagate, apprise_logger.propagate = apprise_logger.propagate, False
    try:
        with apprise.LogCapture(level=level, fmt=f"{_RECORD}%(levelname)s %(message)s") as captured:
            yield captured
    finally:
        apprise_logger.propagate = propagate


def failure_reason(log: str) -> str:
    """The warnings Apprise logged about a failed delivery, and the causes it logged at info or
    debug level (`SMTP AUTH extension not supported by server`), in order, one line."""
    found = []
    for record in log.split(_RECORD):
        level, _, message = record.partition(" ")
        message = " ".join(message.split())
        loud = level in ("WARNING", "ERROR", "CRITICAL")
        if message and (loud or _CAUSE.search(message)) and message not in found:
            found.append(message)
    return "; ".join(found)[-400:]


def check_urls(destinations: Iterable[Destination], config_origin: str) -> None:
    """Fail at start, naming the key, on any URL Apprise cannot load."""
    urls = [(i, d) for i, d in enumerate(destinations) if not d.is_console]
    if not urls:
        return
    import apprise

    for i, dest in urls:
        with _apprise_log() as captured:
            ok = apprise.Apprise().add(dest.url)
        if not ok:
            # A URL Apprise cannot parse has no known shape: any part of it may be a short secret.
            opaque = mask_opaque(dest.url)
            reason = failure_reason(captured.getvalue()).partition("; ")[0]
            why = (
                mask_text(reason.replace(dest.url, opaque), (dest.url,)) or "unknown service or malformed URL"
            )
            raise ConfigError(
                config_origin, f"notify.urls[{i}]", f"Apprise cannot use {opaque!r}: {for_terminal(why)}"
            )


def _schemes(service: object) -> tuple[str, ...]:
    """The schemes of the Apprise plugin that took a URL (`protocol`, `secure_protocol`: a
    string, a tuple of them, or None)."""
    found: list[str] = []
    for attr in ("protocol", "secure_protocol"):
        value = getattr(service, attr, None)
        found += [value] if isinstance(value, str) else [v for v in value or () if isinstance(v, str)]
    return tuple(found)


class AppriseNotifier:
    """Sends through Apprise and turns its quiet `False` into a NotifyError with its log's reason."""

    def __init__(self, console: TextIO | None = None) -> None:
        self._console = console

    def send(self, destination: Destination, title: str, body: str) -> None:
        if destination.is_console:
            stream = self._console or sys.stdout
            lines = "\n".join(for_terminal(line) for line in body.splitlines())
            stream.write(f"\n=== {for_terminal(title)} ===\n{lines}\n")
            stream.flush()
            return
        import apprise

        client = apprise.Apprise()
        if not client.add(destination.url):
            raise NotifyError(destination.masked, "Apprise cannot use this URL")
        # Feed text inside title and body must not ping a channel or disguise a link there.
        rules = rules_for(destination.url, _schemes(client[0]))
        title, body = for_destination(title, rules), for_destination(body, rules)
        with _apprise_log(logging.DEBUG) as captured:
            ok = client.notify(title=title, body=body, body_format=apprise.NotifyFormat.TEXT)
            log = captured.getvalue()
        if not ok:
            reason = failure_reason(log)
            raise NotifyError(destination.masked, mask_text(reason or "delivery failed", (destination.url,)))
        logger.debug("delivered destination=%s title=%r", destination.masked, title)
