"""A local news site for replays: pages set by the replay, served on 127.0.0.1 from a thread."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Self

HOST = "127.0.0.1"


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        with self.server.lock:
            page = self.server.pages.get(self.path)
        if page is None:
            self.send_error(404)
            return
        body, content_type = page
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: a replay makes thousands of requests."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = (
        128  # a check opens many connections at once; a short backlog drops SYNs (1 s retries)
    )

    def __init__(self) -> None:
        super().__init__((HOST, 0), _Handler)
        self.pages: dict[str, tuple[bytes, str]] = {}
        self.lock = threading.Lock()


class DaySite:
    """Pages by path; the replay replaces them between days."""

    def __init__(self) -> None:
        self._server = _Server()
        self._thread = threading.Thread(target=self._server.serve_forever, name="replay-site", daemon=True)

    @property
    def base(self) -> str:
        return f"http://{HOST}:{self._server.server_address[1]}"

    def publish(self, pages: dict[str, tuple[bytes, str]]) -> None:
        with self._server.lock:
            self._server.pages = dict(pages)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
