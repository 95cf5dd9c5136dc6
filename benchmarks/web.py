"""How fast the status page answers with 50 watches, each with its evidence and history.

    python benchmarks/web.py [--watches 50] [--requests 200]

Builds the state as a user gets it: `renewalwatch check` three times against two local feeds
(rumours, then trade reports, then the networks' announcements), then serves it with `StatusApp`
on 127.0.0.1 and times GET /, /api/status, /feed.xml and /healthz over fresh connections, as a
browser or feed reader would. Prints the figures and the target (met/missed, never asserted).
Only 127.0.0.1 traffic; every loop is bounded.
"""

from __future__ import annotations

import argparse
import http.client
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from renewalwatch.config import load
from renewalwatch.web import StatusApp, WebServer

TARGET_MS = 50.0
RENEWALWATCH = str(Path(sys.executable).with_name("renewalwatch"))
FIRST = ("Silver", "Harbor", "Quiet", "Iron", "Paper", "Velvet", "Northern", "Hollow", "Crimson", "Glass")
SECOND = ("Lanterns", "Parish", "Orchard", "Frontier", "Tides")


def show_names(count: int) -> list[str]:
    names = [f"{a} {b}" for a in FIRST for b in SECOND]
    names += [f"{a} {b} Two" for a in FIRST for b in SECOND]
    return names[:count]


def rss(items: list[tuple[str, str, str]]) -> bytes:
    body = "".join(
        f"<item><guid>{g}</guid><title>{t}</title><link>https://news.example/{g}</link>"
        f"<pubDate>Wed, 05 Nov 2025 18:00:00 GMT</pubDate><description>{d}</description></item>"
        for g, t, d in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench TV</title>'
        f"<link>https://news.example/</link><description>TV news</description>{body}</channel></rss>"
    ).encode()


def rounds(names: list[str]) -> list[dict[str, bytes]]:
    """Per round, the body of each feed: rumours, then trade reports, then official word."""
    rumours = [
        (f"r{i}-{n}", f"Will {name} be renewed for season 2?", f"Fans of {name} are waiting. Question {n}.")
        for i, name in enumerate(names)
        for n in range(8)
    ]
    reports = [
        (f"t{i}", f"{name} renewed for season 2, sources say", f"The streamer has renewed {name} for a second season, sources say.")
        for i, name in enumerate(names)
    ]  # fmt: skip
    official = [
        (f"o{i}", f"We are renewing {name} for season 2", f"Today we announced that {name} has been renewed for a second season.")
        for i, name in enumerate(names)
    ]  # fmt: skip
    return [
        {"/trade.xml": rss(rumours), "/press.xml": rss([])},
        {"/trade.xml": rss(rumours + reports), "/press.xml": rss([])},
        {"/trade.xml": rss(rumours + reports), "/press.xml": rss(official)},
    ]


class Feeds:
    """A local HTTP server whose bodies change between rounds."""

    def __init__(self) -> None:
        self.bodies: dict[str, bytes] = {}
        feeds = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                body = feeds.bodies.get(self.path, b"")
                self.send_response(200 if body else 404)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"


def prepare(folder: Path, count: int, feeds: Feeds) -> Path:
    names = show_names(count)
    config = folder / "renewalwatch.toml"
    text = '[settings]\nstate = "state.db"\n\n[notify]\nurls = []\n\n'
    text += "".join(f'[[watch]]\nshow = "{n}"\nseason = 2\nauto_sources = false\n\n' for n in names)
    text += f'[[source]]\nname = "Bench Trade"\nurl = "{feeds.url("/trade.xml")}"\ntrust = "trade"\n\n'
    text += f'[[source]]\nname = "Bench Press"\nurl = "{feeds.url("/press.xml")}"\ntrust = "official"\n'
    config.write_text(text)
    for bodies in rounds(names):
        feeds.bodies = bodies
        subprocess.run([RENEWALWATCH, "--config", str(config), "check"], check=True, capture_output=True)
    return config


def timed(port: int, path: str, requests: int) -> list[float]:
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        conn.close()
        assert response.status == 200, (path, response.status)
        times.append((time.perf_counter() - started) * 1000)
    return times


class Metered:
    """The app, with the CPU time its thread spent on each request (what the page costs, whatever
    else the machine is doing; the round trip above it also waits for the CPU)."""

    def __init__(self, app: StatusApp) -> None:
        self.app = app
        self.cpu_ms: list[float] = []

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        started = time.thread_time()
        body = list(self.app(environ, start_response))
        self.cpu_ms.append((time.thread_time() - started) * 1000)
        return body


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--watches", type=int, default=50)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        feeds = Feeds()
        started = time.perf_counter()
        config = prepare(Path(tmp), args.watches, feeds)
        feeds.server.shutdown()
        print(f"state: {args.watches} watches, built by 3 checks in {time.perf_counter() - started:.1f}s")
        loaded = load(config, {})  # as `serve` does: once, not per request
        app = Metered(StatusApp(lambda: loaded))
        server = WebServer(app, "127.0.0.1:0")  # type: ignore[arg-type]
        server.start()
        try:
            page = http.client.HTTPConnection("127.0.0.1", server.port)
            page.request("GET", "/")
            size = len(page.getresponse().read())
            page.close()
            print(f"page: {size / 1024:.0f} KiB of HTML\n")
            print(
                f"{'path':<12} {'median ms':>10} {'p95 ms':>8} {'max ms':>8} {'CPU ms':>8}"
                f"   ({args.requests} requests each; CPU: median per request, server side)"
            )
            results = {}
            for path in ("/", "/api/status", "/feed.xml", "/healthz"):
                app.cpu_ms.clear()
                times = sorted(timed(server.port, path, args.requests))
                results[path] = times
                p95 = times[int(len(times) * 0.95) - 1]
                cpu = statistics.median(app.cpu_ms)
                print(
                    f"{path:<12} {statistics.median(times):>10.1f} {p95:>8.1f} {times[-1]:>8.1f} {cpu:>8.1f}"
                )
        finally:
            server.stop()
    median = statistics.median(results["/"])
    verdict = "met" if median < TARGET_MS else "MISSED"
    print(
        f"\ntarget: the page answers in under {TARGET_MS:.0f} ms with {args.watches} watches: {verdict}"
        f" (median {median:.1f} ms; {uptime_load()})"
    )


def uptime_load() -> str:
    """The machine's load: on a shared 2-core machine the round trip moves with it."""
    try:
        return "load average " + Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "load unknown"


if __name__ == "__main__":
    main()
