"""The WSGI application: /, /api/status, /feed.xml, /healthz. Read-only, GET and HEAD only.

Every request opens its own read-only connection to the state file (WAL lets it read beside the
writer; SQLite itself refuses writes), reads `status --json`'s data and closes it again: a
page never holds the state open, never creates it and never migrates it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Protocol
from wsgiref.util import application_uri, request_uri

from renewalwatch.errors import StoreError
from renewalwatch.render import health_reason, status_data, status_json
from renewalwatch.store import SqliteStore
from renewalwatch.web.atom import render_feed
from renewalwatch.web.page import render_error, render_page

if TYPE_CHECKING:
    from renewalwatch.config import Config

logger = logging.getLogger(__name__)

HTML = "text/html; charset=utf-8"
JSON = "application/json; charset=utf-8"
ATOM = "application/atom+xml; charset=utf-8"
TEXT = "text/plain; charset=utf-8"
# No script runs on the page at all, nothing is framed, nothing is sent to the sites linked.
SECURITY_HEADERS = (
    ("Content-Security-Policy",
     "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Cache-Control", "no-cache"),
)  # fmt: skip


class StartResponse(Protocol):
    def __call__(self, status: str, headers: list[tuple[str, str]], exc_info: Any = ..., /) -> Any: ...


def utcnow() -> datetime:
    return datetime.now(UTC)


class StatusApp:
    """`config` is called per request, so the daemon's page follows a SIGHUP reload."""

    def __init__(
        self,
        config: Callable[[], Config],
        *,
        clock: Callable[[], datetime] = utcnow,
        max_age: float | None = None,
    ) -> None:
        self._config = config
        self._clock = clock
        self._max_age = max_age
        self._routes: dict[str, Callable[[dict[str, Any]], tuple[str, str, bytes]]] = {
            "/": self._page,
            "/api/status": self._api,
            "/feed.xml": self._feed,
            "/healthz": self._health,
        }

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD", "GET")
        route = self._routes.get(environ.get("PATH_INFO") or "/")
        extra: list[tuple[str, str]] = []
        if route is None:
            status, ctype, body = "404 Not Found", TEXT, b"not found\n"
        elif method not in ("GET", "HEAD"):
            status, ctype, body = "405 Method Not Allowed", TEXT, b"read-only: GET and HEAD only\n"
            extra.append(("Allow", "GET, HEAD"))
        else:
            status, ctype, body = route(environ)
        headers = [("Content-Type", ctype), ("Content-Length", str(len(body))), *SECURITY_HEADERS, *extra]
        start_response(status, headers)
        return [] if method == "HEAD" else [body]

    # --- reading the state ---------------------------------------------------------------------
    def _read(self) -> dict[str, Any]:
        config = self._config()
        store = SqliteStore.for_serving(config.settings.state)
        try:
            return status_data(config, store)
        finally:
            store.close()

    # --- routes --------------------------------------------------------------------------------
    def _page(self, environ: dict[str, Any]) -> tuple[str, str, bytes]:
        try:
            data = self._read()
        except StoreError as e:
            html = render_error("The state cannot be read", str(e))
            return "503 Service Unavailable", HTML, html.encode()
        return "200 OK", HTML, render_page(data, self._clock()).encode()

    def _api(self, environ: dict[str, Any]) -> tuple[str, str, bytes]:
        try:
            data = self._read()
        except StoreError as e:
            return "503 Service Unavailable", JSON, json.dumps({"error": str(e)}).encode()
        return "200 OK", JSON, status_json(data).encode()

    def _feed(self, environ: dict[str, Any]) -> tuple[str, str, bytes]:
        try:
            data = self._read()
        except StoreError as e:
            return "503 Service Unavailable", TEXT, f"{e}\n".encode()
        return "200 OK", ATOM, render_feed(data, application_uri(environ), request_uri(environ, False))

    def _health(self, environ: dict[str, Any]) -> tuple[str, str, bytes]:
        """The verdict of `renewalwatch health`: 200 and "ok", or 503 and "unhealthy: <reason>"."""
        config = self._config()
        now = self._clock()
        try:
            if not config.settings.state.exists():
                reason = health_reason(config, None, now, self._max_age)
            else:
                store = SqliteStore.for_serving(config.settings.state)
                try:
                    reason = health_reason(config, store, now, self._max_age)
                finally:
                    store.close()
        except StoreError as e:
            reason = str(e)
        if reason:
            return "503 Service Unavailable", TEXT, f"unhealthy: {reason}\n".encode()
        return "200 OK", TEXT, b"ok\n"
