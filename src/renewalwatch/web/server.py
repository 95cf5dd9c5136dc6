"""Serve the WSGI app with the standard library's wsgiref, one thread per request.

wsgiref is enough for a read-only page read by a handful of people, adds no dependency, and runs
in a thread beside the daemon's scheduler. The socket is bound in the constructor, so a bad or
busy address is an error before anything starts; `start()` only begins answering.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import threading
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer

from renewalwatch.errors import ServeError
from renewalwatch.web.app import StatusApp

logger = logging.getLogger(__name__)

DEFAULT_ADDRESS = "127.0.0.1:8080"


def parse_address(address: str) -> tuple[str, int]:
    """`HOST:PORT`, `[IPv6]:PORT` or a bare `PORT` (on 127.0.0.1)."""
    text = address.strip()
    host, sep, port = text.rpartition(":")
    if not sep:
        host, port = "127.0.0.1", text
    host = host.strip("[]")
    if not host:
        raise ServeError(address, "give a host, e.g. 127.0.0.1:8080 (0.0.0.0:8080 to listen everywhere)")
    if not port.isdigit() or not 0 <= int(port) <= 65535:
        raise ServeError(address, f"{port!r} is not a port number (0-65535)")
    return host, int(port)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True  # a slow reader never holds up shutdown
    allow_reuse_address = True


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("http %s %s", self.address_string(), format % args)


class WebServer:
    """The status page on one address; `start()` and `stop()` fit the daemon's life cycle."""

    def __init__(self, app: StatusApp, address: str = DEFAULT_ADDRESS) -> None:
        host, port = parse_address(address)
        server_class = (
            type("_Server6", (_Server,), {"address_family": socket.AF_INET6}) if ":" in host else _Server
        )
        try:
            self._server = server_class((host, port), _Quiet)
        except OSError as e:
            raise ServeError(address, f"cannot listen: {e.strerror or e}") from e
        self._server.set_app(app)
        self.host = host
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.2,), name="web", daemon=True
        )

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    def start(self) -> None:
        self._thread.start()
        logger.info("web page serving url=%s", self.url)
        if not is_loopback(self.host):
            logger.warning(
                "web page listening on %s: anyone who can reach it can read every watch's status,"
                " evidence, sources' health and owed notifications (read-only; notify URLs never shown)",
                self.host,
            )

    def stop(self) -> None:
        if self._thread.is_alive():
            self._server.shutdown()
            self._thread.join()
        self._server.server_close()
