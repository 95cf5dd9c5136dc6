"""A misbehaving web server on 127.0.0.1, for fault tests: raw asyncio, so it can break HTTP.

Each path is one fault (see `FAULTS`); `serve(path, body)` adds a well-behaved page whose body a
test can change while a daemon polls it, and POSTs anywhere are recorded (an Apprise `json://`
receiver). Waiting for a request or a notification uses a condition, never a sleep loop.
"""

from __future__ import annotations

import asyncio
import functools
import gzip
import json
import socket
import struct
import threading
import time
import zlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

Writer = asyncio.StreamWriter
Handler = Callable[[Writer], Awaitable[None]]

BALLARD_NEWS = "Prime Video has renewed Ballard for a second season, the streamer announced Tuesday."


def rss(*items: tuple[str, str, str], pubdate: str = "") -> bytes:
    """A small RSS 2.0 feed of (guid, title, description) items."""
    date = f"<pubDate>{pubdate}</pubDate>" if pubdate else ""
    body = "".join(
        f"<item><guid>{g}</guid><title>{t}</title><link>http://news.test/{g}</link>{date}"
        f"<description>{d}</description></item>"
        for g, t, d in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>News</title>'
        f"<link>http://news.test/</link><description>TV news</description>{body}</channel></rss>"
    ).encode()


RENEWAL = rss(("renewal-1", "Ballard renewed for season 2", BALLARD_NEWS))
QUIET = rss(("other-1", "The Bear season 4 dates", "FX sets a June premiere for The Bear."))


@functools.cache
def _gzip_bomb(decoded_mib: int) -> bytes:
    """`decoded_mib` MiB of zero bytes as gzip, about a thousandth of the size, built quickly:
    after a full flush deflate output depends on nothing before it, so one block repeats."""
    block = bytes(1 << 20)
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    again = comp.compress(block) + comp.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(decoded_mib):
        crc = zlib.crc32(block, crc)
    size = (decoded_mib << 20) & 0xFFFFFFFF
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    deflated = first + again * (decoded_mib - 1) + comp.flush()
    return header + deflated + struct.pack("<II", crc, size)


def _billion_laughs(padding: int = 0) -> bytes:
    lol = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    ]
    pad = f"<!-- {'x' * padding} -->" if padding else ""
    return (
        f'<?xml version="1.0"?>{pad}<!DOCTYPE rss [{"".join(lol)}]><rss version="2.0"><channel>'
        "<title>Ballard news</title><item><title>Ballard renewed for season 2</title>"
        "<description>&lol9;</description></item></channel></rss>"
    ).encode()


@dataclass
class Received:
    path: str
    body: dict[str, Any]


@dataclass
class FaultServer:
    """`with FaultServer() as s:`; `s.url("/reset")`; `s.refused_url` is a closed port."""

    host: str = "127.0.0.1"
    port: int = 0
    pages: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    received: list[Received] = field(default_factory=list)
    hits: dict[str, int] = field(default_factory=dict)
    hit_times: dict[str, list[float]] = field(default_factory=dict)
    post_status: int = 200
    on_post: Callable[[dict[str, Any]], None] | None = None  # after recording, before answering
    statuses: dict[str, int] = field(default_factory=dict)  # path -> forced error status

    def __post_init__(self) -> None:
        self._cond = threading.Condition()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="faultserver", daemon=True)
        self._server: asyncio.Server | None = None

    # --- control, from the test's thread -------------------------------------------------------
    def __enter__(self) -> FaultServer:
        self._thread.start()
        self._server = asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(10)
        return self

    def __exit__(self, *exc: object) -> None:
        asyncio.run_coroutine_threadsafe(self._stop(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    @property
    def refused_url(self) -> str:
        with socket.socket() as s:  # a port that was just free: nothing listens there
            s.bind((self.host, 0))
            port = s.getsockname()[1]
        return f"http://{self.host}:{port}/feed.xml"

    def serve(self, path: str, body: bytes, content_type: str = "application/rss+xml") -> None:
        with self._cond:
            self.pages[path] = (body, content_type)

    def fail(self, path: str, status: int | None) -> None:
        """Answer `path` with `status` (e.g. 503) until called again with None."""
        with self._cond:
            if status is None:
                self.statuses.pop(path, None)
            else:
                self.statuses[path] = status

    def json_url(self, path: str = "/inbox") -> str:
        """An Apprise URL that POSTs notifications here."""
        return f"json://{self.host}:{self.port}{path}"

    def wait_hits(self, path: str, count: int, timeout: float) -> bool:
        with self._cond:
            return self._cond.wait_for(lambda: self.hits.get(path, 0) >= count, timeout)

    def wait_received(self, count: int, timeout: float) -> bool:
        with self._cond:
            return self._cond.wait_for(lambda: len(self.received) >= count, timeout)

    def messages(self) -> list[str]:
        """The bodies of the notifications received, in order."""
        with self._cond:
            return [str(r.body.get("message", "")) for r in self.received]

    # --- the server, on its own loop -------------------------------------------------------------
    async def _start(self) -> asyncio.Server:
        server = await asyncio.start_server(self._handle, self.host, self.port)
        self.port = server.sockets[0].getsockname()[1]
        return server

    async def _stop(self) -> None:
        assert self._server is not None
        self._server.close()
        for task in asyncio.all_tasks():
            if task is not asyncio.current_task():
                task.cancel()

    async def _handle(self, reader: asyncio.StreamReader, writer: Writer) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            method, target, _ = lines[0].split(" ", 2)
            headers = {k.strip().lower(): v.strip() for k, _, v in (h.partition(":") for h in lines[1:] if h)}
            body = await reader.readexactly(int(headers.get("content-length", "0") or 0))
            path = target.split("?", 1)[0]
            with self._cond:
                self.hits[path] = self.hits.get(path, 0) + 1
                self.hit_times.setdefault(path, []).append(time.monotonic())
                self._cond.notify_all()
            if method == "POST":
                await self._receive(path, body, writer)
            else:
                await self._route(path, writer)
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            pass
        except asyncio.CancelledError:
            pass
        finally:
            writer.close()

    async def _receive(self, path: str, body: bytes, writer: Writer) -> None:
        try:
            data = json.loads(body)
        except ValueError:
            data = {"raw": body.decode("utf-8", "replace")}
        status = self.post_status
        if status == 200:
            with self._cond:
                self.received.append(Received(path, data))
                self._cond.notify_all()
        if self.on_post is not None:
            self.on_post(data)
        await _respond(writer, status, b"{}", "application/json")

    async def _route(self, path: str, writer: Writer) -> None:
        with self._cond:
            page = self.pages.get(path)
            forced = self.statuses.get(path)
        if forced is not None:
            await _respond(writer, forced, b"failing on purpose", "text/plain")
            return
        if page is not None:
            await _respond(writer, 200, page[0], page[1])
            return
        handler = FAULTS.get(path)
        if handler is None:
            await _respond(writer, 404, b"not found", "text/plain")
            return
        await handler(self, writer)


REASONS = {
    200: "OK", 404: "Not Found", 410: "Gone", 429: "Too Many Requests", 500: "Internal Server Error",
    503: "Service Unavailable",
}  # fmt: skip


async def _respond(
    writer: Writer, status: int, body: bytes, content_type: str, extra: str = "", reason: str = ""
) -> None:
    reason = reason or REASONS.get(status, "Whatever")
    writer.write(
        f"HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n{extra}\r\n".encode()
        + body
    )
    await writer.drain()


# --- the faults --------------------------------------------------------------------------------
async def _reset(server: FaultServer, writer: Writer) -> None:
    writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 100000\r\n\r\n")
    writer.write(RENEWAL[:200])
    await writer.drain()
    await asyncio.sleep(0.05)
    sock = writer.get_extra_info("socket")
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # close = RST
    writer.transport.abort()


async def _trickle(server: FaultServer, writer: Writer) -> None:
    writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 5000\r\n\r\n")
    for byte in (RENEWAL * 3)[:5000]:
        writer.write(bytes([byte]))
        await writer.drain()
        await asyncio.sleep(0.1)  # each byte well inside a read timeout; the whole far past it


async def _huge(server: FaultServer, writer: Writer) -> None:
    # No Content-Length: only counting the bytes as they come can stop this one.
    writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nConnection: close\r\n\r\n")
    chunk = b"<!-- Ballard -->" * 4096
    for _ in range((10 << 20) // len(chunk)):
        writer.write(chunk)
        await writer.drain()


async def _huge_declared(server: FaultServer, writer: Writer) -> None:
    await _respond(writer, 200, b"x" * (10 << 20), "application/rss+xml")


async def _gzip_bomb_route(server: FaultServer, writer: Writer) -> None:
    bomb = _gzip_bomb(1024)  # 1 GiB inflated, about 1 MB on the wire
    await _respond(writer, 200, bomb, "application/rss+xml", "Content-Encoding: gzip\r\n")


async def _gzip_small(server: FaultServer, writer: Writer) -> None:
    # A legitimate gzip body must still be read: the bomb defence must not break compression.
    await _respond(writer, 200, gzip.compress(RENEWAL), "application/rss+xml", "Content-Encoding: gzip\r\n")


async def _bad_utf8(server: FaultServer, writer: Writer) -> None:
    body = RENEWAL.replace(b"Tuesday", b"Tuesday \xff\xfe\xc3(")
    await _respond(writer, 200, body, "application/rss+xml; charset=utf-8")


async def _wrong_charset(server: FaultServer, writer: Writer) -> None:
    # Declared UTF-16, sent as UTF-8: the declared decoding gives nonsense.
    body = RENEWAL.replace(b'encoding="utf-8"', b'encoding="utf-16"')
    await _respond(writer, 200, body, "application/rss+xml; charset=utf-16")


async def _wrong_charset_header(server: FaultServer, writer: Writer) -> None:
    # The HTTP header lies, the XML declaration is right: the XML declaration wins.
    await _respond(writer, 200, RENEWAL, "application/rss+xml; charset=utf-16")


async def _truncated(server: FaultServer, writer: Writer) -> None:
    await _respond(writer, 200, RENEWAL[: len(RENEWAL) // 2], "application/rss+xml")


async def _laughs(server: FaultServer, writer: Writer) -> None:
    await _respond(writer, 200, _billion_laughs(), "application/rss+xml")


async def _laughs_padded(server: FaultServer, writer: Writer) -> None:
    # The entity declarations come after 100 KB of comment: a look at the first bytes misses them.
    await _respond(writer, 200, _billion_laughs(100_000), "application/rss+xml")


async def _empty(server: FaultServer, writer: Writer) -> None:
    await _respond(writer, 200, b"", "application/rss+xml")


async def _loop(server: FaultServer, writer: Writer) -> None:
    await _respond(writer, 301, b"", "text/plain", "Location: /loop-b\r\n", "Moved Permanently")


async def _loop_b(server: FaultServer, writer: Writer) -> None:
    await _respond(writer, 301, b"", "text/plain", "Location: /loop\r\n", "Moved Permanently")


async def _to_script(server: FaultServer, writer: Writer) -> None:
    await _respond(writer, 302, b"", "text/plain", "Location: javascript:alert(1)\r\n", "Found")


async def _to_ftp(server: FaultServer, writer: Writer) -> None:
    await _respond(
        writer, 301, b"", "text/plain", "Location: ftp://127.0.0.1/feed.xml\r\n", "Moved Permanently"
    )


async def _to_bad_port(server: FaultServer, writer: Writer) -> None:
    await _respond(writer, 302, b"", "text/plain", "Location: http://127.0.0.1:99999/feed.xml\r\n", "Found")


async def _too_many(server: FaultServer, writer: Writer) -> None:
    await _respond(writer, 429, b"slow down", "text/plain", "Retry-After: 7200\r\n", "Too Many Requests")


async def _unavailable(server: FaultServer, writer: Writer) -> None:
    await _respond(writer, 503, b"down", "text/plain", "", "Service Unavailable")


async def _gone(server: FaultServer, writer: Writer) -> None:
    await _respond(writer, 410, b"gone", "text/plain", "", "Gone")


FAULTS: dict[str, Callable[[FaultServer, Writer], Awaitable[None]]] = {
    "/reset": _reset,
    "/trickle": _trickle,
    "/huge": _huge,
    "/huge-declared": _huge_declared,
    "/gzip-bomb": _gzip_bomb_route,
    "/gzip-small": _gzip_small,
    "/bad-utf8": _bad_utf8,
    "/wrong-charset": _wrong_charset,
    "/wrong-charset-header": _wrong_charset_header,
    "/truncated": _truncated,
    "/laughs": _laughs,
    "/laughs-padded": _laughs_padded,
    "/empty": _empty,
    "/loop": _loop,
    "/loop-b": _loop_b,
    "/to-script": _to_script,
    "/to-ftp": _to_ftp,
    "/to-bad-port": _to_bad_port,
    "/429": _too_many,
    "/503": _unavailable,
    "/410": _gone,
}
