"""Real local servers for the tests, all on 127.0.0.1: a web site serving fixtures, an SMTP sink
(aiosmtpd) and a receiver for Apprise's json://. Each records what it saw, so tests assert on
what crossed the wire, not on our own calls.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
import hashlib
import json
import socket
import sys
import threading
import time
import traceback
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

LOCALHOST = "127.0.0.1"
RSS = "application/rss+xml; charset=utf-8"
ATOM = "application/atom+xml; charset=utf-8"
HTML = "text/html; charset=utf-8"


def free_port() -> int:
    """A port nothing listens on (closed again at once): for "connection refused" tests."""
    with socket.socket() as s:
        s.bind((LOCALHOST, 0))
        return int(s.getsockname()[1])


# --- the web site ---------------------------------------------------------------------------


@dataclass
class Route:
    """What one path answers. `validators` picks which of ETag / Last-Modified it sends (and
    honours in conditional requests); `length=False` sends no Content-Length and closes."""

    body: bytes
    content_type: str = RSS
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    validators: str = "both"  # both, etag, last-modified, none
    length: bool = True
    trickle: float | None = None  # seconds between single bytes of the body
    etag: str = ""
    last_modified: datetime = datetime(2025, 11, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Hit:
    method: str
    path: str
    headers: dict[str, str]
    status: int
    at: float = field(default_factory=time.monotonic)  # when the request arrived


class _Threaded:
    """The lifecycle both HTTP fixtures share: serve on 127.0.0.1 in a thread, stop, report errors."""

    def __init__(self, handler: type[BaseHTTPRequestHandler], name: str) -> None:
        self.stopping = threading.Event()
        self._server = _Server((LOCALHOST, 0), handler)
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.02,), name=name, daemon=True
        )

    def start(self) -> Self:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()  # lets trickling responses end at once
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def errors(self) -> list[str]:
        return list(self._server.errors)


class Site(_Threaded):
    """A threaded HTTP server on 127.0.0.1 serving `Route`s that tests can swap between checks."""

    def __init__(self) -> None:
        self._routes: dict[str, Route] = {}
        self._once: dict[str, list[Route]] = {}
        self._hits: list[Hit] = []
        self._lock = threading.Lock()
        self._version = 0
        super().__init__(_handler_for(self), "fixture-site")

    def url(self, path: str) -> str:
        return f"http://{LOCALHOST}:{self.port}{path}"

    # content
    def serve(self, path: str, body: bytes | str, content_type: str = RSS, **options: Any) -> None:
        """Serve `body` at `path`; a new body gets a new ETag and a later Last-Modified."""
        data = body.encode() if isinstance(body, str) else body
        with self._lock:
            self._version += 1
            route = Route(data, content_type, **options)
            route.etag = f'"{hashlib.sha256(data).hexdigest()[:16]}"'
            route.last_modified = datetime(2025, 11, 1, tzinfo=UTC) + timedelta(hours=self._version)
            self._routes[path] = route

    def serve_once(self, path: str, body: bytes | str, content_type: str = RSS, **options: Any) -> None:
        """Answer the next request for `path` with this (a 429, say), then go back to `serve`'s."""
        data = body.encode() if isinstance(body, str) else body
        with self._lock:
            self._once.setdefault(path, []).append(Route(data, content_type, validators="none", **options))

    def redirect(self, path: str, to: str, status: int = 302) -> None:
        self.serve(path, b"", "text/plain", status=status, headers={"Location": to}, validators="none")

    def trickle(self, path: str, body: bytes | str, every: float, content_type: str = RSS) -> None:
        """Send one byte every `every` seconds: a server that never quite finishes."""
        self.serve(path, body, content_type, trickle=every, validators="none")

    def route(self, path: str) -> Route | None:
        with self._lock:
            if self._once.get(path):
                return self._once[path].pop(0)
            return self._routes.get(path)

    # what happened
    def record(self, hit: Hit) -> None:
        with self._lock:
            self._hits.append(hit)

    def hits(self, path: str | None = None) -> list[Hit]:
        with self._lock:
            return [h for h in self._hits if path is None or h.path == path]

    def statuses(self, path: str) -> list[int]:
        return [h.status for h in self.hits(path)]

    def clear_hits(self) -> None:
        with self._lock:
            self._hits.clear()


def _not_modified(route: Route, headers: Any) -> bool:
    """RFC 9110: If-None-Match wins when present; If-Modified-Since only otherwise."""
    sends_etag = route.validators in ("both", "etag")
    sends_date = route.validators in ("both", "last-modified")
    inm = headers.get("If-None-Match")
    if inm is not None:
        return sends_etag and route.etag in [t.strip() for t in inm.split(",")]
    ims = headers.get("If-Modified-Since")
    if ims is not None and sends_date:
        try:
            since = email.utils.parsedate_to_datetime(ims)
        except (TypeError, ValueError):
            return False
        return route.last_modified <= since
    return False


class _Server(ThreadingHTTPServer):
    # A cycle opens a connection per source at once; the default backlog of 5 drops the rest
    # (their SYNs are retried a second later, which looks like a timeout).
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler]) -> None:
        super().__init__(address, handler)
        self.errors: list[str] = []

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client hanging up (a closed keep-alive connection, a timeout) is normal; anything
        else is kept for the fixture to fail the test with, not printed into the CLI's stderr."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        self.errors.append(traceback.format_exc())


def _handler_for(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "FixtureSite/1"

        def log_message(self, format: str, *args: Any) -> None:  # quiet, please
            pass

        def do_GET(self) -> None:
            route = site.route(self.path)
            if route is None:
                route = Route(b"<h1>Not found</h1>", HTML, status=404, validators="none")
            status = 304 if route.status == 200 and _not_modified(route, self.headers) else route.status
            site.record(Hit("GET", self.path, dict(self.headers.items()), status))
            self.send_response(status)
            self.send_header("Content-Type", route.content_type)
            if route.validators in ("both", "etag"):
                self.send_header("ETag", route.etag)
            if route.validators in ("both", "last-modified"):
                self.send_header(
                    "Last-Modified", email.utils.format_datetime(route.last_modified, usegmt=True)
                )
            for name, value in route.headers.items():
                self.send_header(name, value)
            body = b"" if status == 304 else route.body
            if route.length or status == 304:
                self.send_header("Content-Length", str(len(body)))
            else:
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            try:
                if route.trickle is not None:
                    for i in range(len(body)):
                        if site.stopping.wait(route.trickle):
                            return
                        self.wfile.write(body[i : i + 1])
                        self.wfile.flush()
                else:
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True  # the client gave up (a timeout or size limit): fine

    return Handler


# --- Apprise json:// receiver ---------------------------------------------------------------


@dataclass(frozen=True)
class Post:
    path: str
    payload: dict[str, Any]


class JsonReceiver(_Threaded):
    """Accepts Apprise json:// POSTs and keeps their payloads (refused ones too)."""

    def __init__(self) -> None:
        self.posts: list[Post] = []
        self.status = 200  # set to 500 to play a destination that refuses
        self._lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                size = int(self.headers.get("Content-Length") or 0)
                payload = json.loads(self.rfile.read(size) or b"{}")
                with receiver._lock:
                    receiver.posts.append(Post(self.path, payload))
                self.send_response(receiver.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"{}")

        super().__init__(Handler, "json-receiver")

    def apprise_url(self, path: str = "/renewalwatch") -> str:
        return f"json://{LOCALHOST}:{self.port}{path}"

    def titles(self) -> list[str]:
        with self._lock:
            return [p.payload.get("title", "") for p in self.posts]


# --- SMTP -----------------------------------------------------------------------------------


class _Inbox:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.recipients: list[list[str]] = []
        self.arrived = threading.Condition()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.arrived:
            self.messages.append(message)
            self.recipients.append(list(envelope.rcpt_tos))
            self.arrived.notify_all()
        return "250 Message accepted for delivery"


class SmtpSink:
    """An aiosmtpd server that needs a login (plain, no TLS) and keeps every message. It can be
    stopped and started again on the same port: "the mail server is down, then back"."""

    def __init__(self, user: str = "watcher", password: str = "Tr1cky-Passw0rd") -> None:
        self.user = user
        self.password = password
        self.port = free_port()
        self._inbox = _Inbox()
        self._controller: Controller | None = None

    def _authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any
    ) -> AuthResult:
        ok = (
            isinstance(data, LoginPassword)
            and data.login.decode() == self.user
            and (data.password.decode() == self.password)
        )
        return AuthResult(success=ok, handled=False)

    def start(self) -> SmtpSink:
        self._controller = Controller(
            self._inbox,
            hostname=LOCALHOST,
            port=self.port,
            server_hostname="localhost",  # skips a reverse lookup of the host name
            authenticator=self._authenticate,
            auth_require_tls=False,
            ready_timeout=5.0,
        )
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    @property
    def running(self) -> bool:
        return self._controller is not None

    @property
    def messages(self) -> list[EmailMessage]:
        return list(self._inbox.messages)

    def subjects(self) -> list[str]:
        return [str(m["Subject"]) for m in self._inbox.messages]

    def wait_messages(self, count: int, timeout: float) -> bool:
        """Block until `count` messages arrived (an event, not a polling loop)."""
        with self._inbox.arrived:
            return self._inbox.arrived.wait_for(lambda: len(self._inbox.messages) >= count, timeout)

    def apprise_url(self, to: str = "fan@example.com", sender: str = "renewalwatch@example.com") -> str:
        # mailto:// (not mailtos://) is plain SMTP: Apprise picks its "insecure" mode, no STARTTLS.
        return f"mailto://{self.user}:{self.password}@{LOCALHOST}:{self.port}?from={sender}&to={to}"
