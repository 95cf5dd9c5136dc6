"""Serves a generated site from memory on 127.0.0.1: asyncio streams, HTTP/1.1 keep-alive, ETag and
Last-Modified with 304s, request and byte counters. Runs in its own process.

Control paths (not counted): /_bench/stats, /_bench/reset (counters and original content),
/_bench/change?feeds=N&fraction=F&round=R&items=I (I new items in a deterministic sample of the
first N feeds). Requests for article pages (/articles/...) are also counted apart.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import random
import signal
import time
from dataclasses import dataclass
from email.utils import formatdate, parsedate_to_datetime
from multiprocessing.connection import Connection
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import newssite

MAX_HEADER_LINES = 100


@dataclass(slots=True)
class Resource:
    body: bytes
    ctype: str
    mtime: int  # whole seconds, as HTTP dates carry
    etag: str

    @staticmethod
    def make(body: bytes, ctype: str, mtime: int) -> Resource:
        return Resource(body, ctype, mtime, '"' + hashlib.blake2b(body, digest_size=8).hexdigest() + '"')


class Site:
    def __init__(self, root: Path, address: str) -> None:
        self.original: dict[str, Resource] = {}
        self.base = newssite.load_base(root)
        self.address = address.encode()  # replaces newssite.BASE_TOKEN in article links
        base = int(self.base.timestamp())
        for path in root.rglob("index.*"):
            url = "/" + str(path.parent.relative_to(root)) + "/"
            ctype = (
                "application/rss+xml; charset=UTF-8" if path.suffix == ".xml" else "text/html; charset=UTF-8"
            )
            self.original[url] = Resource.make(self._linked(path.read_bytes()), ctype, base)
        self.live = dict(self.original)
        self.stats = {"requests": 0, "ok": 0, "not_modified": 0, "bytes": 0, "connections": 0, "articles": 0}
        self.cpu0 = time.process_time()

    def _linked(self, body: bytes) -> bytes:
        return body.replace(newssite.BASE_TOKEN.encode(), self.address)

    def reset(self) -> None:
        self.live = dict(self.original)
        self.reset_stats()

    def reset_stats(self) -> None:
        for k in self.stats:
            self.stats[k] = 0
        self.cpu0 = time.process_time()

    def change(self, feeds: int, fraction: float, round_: int, items: int = 1) -> list[int]:
        count = max(1, round(feeds * fraction))
        chosen = random.Random(newssite.hash_seed(feeds, round_)).sample(range(feeds), count)
        if round_ == 1 and feeds > newssite.RENEWAL_FEED and newssite.RENEWAL_FEED not in chosen:
            chosen[0] = newssite.RENEWAL_FEED
        # Strictly later than anything served before, so If-Modified-Since clients see the change.
        mtime = max(int(time.time()) + 1, max(r.mtime for r in self.live.values()) + 1)
        for i in chosen:
            url = newssite.feed_path(i)
            old = self.live[url]
            body, articles = newssite.changed_feed(old.body.decode(), i, round_, self.base, items)
            self.live[url] = Resource.make(self._linked(body.encode()), old.ctype, mtime)
            for path, html in articles.items():
                self.live[path] = Resource.make(
                    self._linked(html.encode()), "text/html; charset=UTF-8", mtime
                )
        return sorted(chosen)


def _not_modified(res: Resource, headers: dict[str, str]) -> bool:
    inm = headers.get("if-none-match")
    if inm is not None:
        return res.etag in {t.strip() for t in inm.split(",")} or inm.strip() == "*"
    ims = headers.get("if-modified-since")
    if ims:
        try:
            return res.mtime <= parsedate_to_datetime(ims).timestamp()
        except (TypeError, ValueError):
            return False
    return False


def _response(status: str, headers: list[tuple[str, str]], body: bytes, keep: bool) -> bytes:
    lines = [f"HTTP/1.1 {status}", "Server: benchsite", f"Content-Length: {len(body)}"]
    lines += [f"{k}: {v}" for k, v in headers]
    lines.append("Connection: keep-alive" if keep else "Connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


class Server:
    def __init__(self, site: Site | None) -> None:
        self.site: Site = site  # type: ignore[assignment]  # set before the port is announced

    def control(self, target: str) -> bytes:
        parts = urlsplit(target)
        q = {k: v[0] for k, v in parse_qs(parts.query).items()}
        result: object
        if parts.path == "/_bench/stats":
            result = {**self.site.stats, "cpu_s": time.process_time() - self.site.cpu0}
        elif parts.path == "/_bench/reset":
            self.site.reset()
            result = {"reset": True}
        elif parts.path == "/_bench/reset-stats":
            self.site.reset_stats()
            result = {"reset": True}
        elif parts.path == "/_bench/change":
            changed = self.site.change(
                int(q["feeds"]), float(q["fraction"]), int(q["round"]), int(q.get("items", 1))
            )
            result = {"changed": changed}
        else:
            result = {"error": "unknown control path"}
        return json.dumps(result).encode()

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        stats = self.site.stats
        stats["connections"] += 1
        try:
            while True:
                line = await reader.readline()
                if not line:
                    break
                method, target, version = line.decode("latin-1").split(" ", 2)
                headers: dict[str, str] = {}
                for _ in range(MAX_HEADER_LINES):
                    h = await reader.readline()
                    if h in (b"\r\n", b"\n", b""):
                        break
                    name, _, value = h.decode("latin-1").partition(":")
                    headers[name.strip().lower()] = value.strip()
                keep = version.strip() == "HTTP/1.1" and headers.get("connection", "").lower() != "close"
                if target.startswith("/_bench/"):
                    body = self.control(target)
                    writer.write(_response("200 OK", [("Content-Type", "application/json")], body, keep))
                else:
                    data = self._serve(method, target, headers, keep)
                    stats["requests"] += 1
                    stats["articles"] += target.startswith("/articles/")
                    stats["bytes"] += len(data)
                    writer.write(data)
                await writer.drain()
                if not keep:
                    break
        except (ConnectionError, ValueError):
            pass
        finally:
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()

    def _serve(self, method: str, target: str, headers: dict[str, str], keep: bool) -> bytes:
        res = self.site.live.get(urlsplit(target).path)
        if method not in ("GET", "HEAD"):
            return _response("405 Method Not Allowed", [], b"", keep)
        if res is None:
            return _response("404 Not Found", [("Content-Type", "text/plain")], b"not found\n", keep)
        validators = [("ETag", res.etag), ("Last-Modified", formatdate(res.mtime, usegmt=True))]
        if _not_modified(res, headers):
            self.site.stats["not_modified"] += 1
            return _response("304 Not Modified", validators, b"", keep)
        self.site.stats["ok"] += 1
        body = res.body if method == "GET" else b""
        return _response("200 OK", [("Content-Type", res.ctype), *validators], body, keep)


def serve(root: str, conn: Connection) -> None:
    """Process entry point: load the site, send the port through `conn`, serve until SIGTERM."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent's Ctrl-C is handled by the parent

    async def main() -> None:
        server = Server(None)
        srv = await asyncio.start_server(server.handle, "127.0.0.1", 0, backlog=1024)
        port = srv.sockets[0].getsockname()[1]
        server.site = Site(Path(root), f"http://127.0.0.1:{port}")
        conn.send(port)
        stop = asyncio.Event()
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
        async with srv:
            await stop.wait()

    asyncio.run(main())
