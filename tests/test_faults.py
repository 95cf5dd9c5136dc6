"""Hostile and broken servers, a mail server that is down, and a state file that is not ours.

Every fault gives its source a clear recorded error (`status --json` shows it) while a good
source's news in the same run is still read and told.
"""

from __future__ import annotations

import asyncio
import json
import re
import sqlite3
import tracemalloc
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from renewalwatch.cli import main
from renewalwatch.errors import FetchError
from renewalwatch.fetch import HttpFetcher, Validators
from tests.faultserver import FAULTS, RENEWAL, FaultServer
from tests.servers import SmtpSink

TIMEOUT = 1.0  # seconds: the trickle outlasts it


@dataclass(frozen=True)
class Fault:
    path: str
    error: str | None  # a regex the recorded error must match; None: the feed is read anyway
    why: str


FAULT_CASES = [
    Fault("refused", r"^could not connect: ", "nothing listens on the port"),
    Fault("/reset", r"^the connection broke mid-response: reset by the server$", "RST mid-body"),
    Fault("/trickle", rf"^timed out after {TIMEOUT:g}s$", "a byte every 0.1s, past the timeout"),
    Fault("/huge", r"^body too large: over the 5242880-byte limit$", "10 MB, no Content-Length"),
    Fault("/huge-declared", r"^body too large: 10485760 bytes declared, limit 5242880$", "10 MB declared"),
    Fault("/gzip-bomb", r"^body too large: over the 5242880-byte limit$", "1 MB of gzip, 1 GiB inflated"),
    Fault("/truncated", r"^malformed feed XML: .*no element found", "the XML stops half-way"),
    Fault(
        "/laughs", r"^the feed declares XML entities; refused \(entity-expansion risk\)$", "billion laughs"
    ),
    Fault(
        "/laughs-padded",
        r"^the feed declares XML entities; refused \(entity-expansion risk\)$",
        "billion laughs after 100 KB: the guard reads the whole body",
    ),
    Fault("/empty", r"^empty response, expected a feed$", "200 with no body"),
    Fault("/loop", r"^too many redirects \(more than 5; a redirect loop\?\)$", "301 back and forth"),
    Fault(
        "/to-script",
        r"^redirected to a URL that cannot be followed: ",
        "a redirect to javascript:, which httpx cannot even parse as a URL",
    ),
    Fault("/to-ftp", r"^redirected to a URL that is not http\(s\): .*'ftp://'", "a redirect to ftp://"),
    Fault("/to-bad-port", r"^redirected to a URL that cannot be followed: ", "a redirect to port 99999"),
    Fault("/429", r"^HTTP 429 Too Many Requests, retry after 7200s$", "rate limited"),
    Fault("/503", r"^HTTP 503 Service Unavailable$", "down for maintenance"),
    Fault(
        "/410", r"^HTTP 410 Gone: the source was removed; it is disabled until its config changes$", "gone"
    ),
    # Tolerated on purpose: refusing a whole feed for one bad byte would lose real news.
    Fault("/bad-utf8", None, "invalid UTF-8 bytes in a UTF-8 feed: read as windows-1252"),
    Fault("/wrong-charset-header", None, "Content-Type says UTF-16, the XML says UTF-8, rightly"),
    Fault("/wrong-charset", None, "says UTF-16 in a declaration readable as ASCII: its bytes are UTF-8"),
    Fault("/gzip-small", None, "an honest gzip body is still read"),
]


def toml_config(
    server: FaultServer, sources: list[tuple[str, str]], urls: list[str], state: str = "state.db"
) -> str:
    lines = [f'[settings]\nstate = "{state}"\ntimeout = {TIMEOUT}\n[notify]']
    lines.append("urls = [" + ", ".join(f'"{u}"' for u in urls) + "]")
    lines.append('[[watch]]\nshow = "Ballard"\nseason = 2\nnetwork = "Prime Video"\nauto_sources = false')
    for name, url in sources:
        lines.append(f'[[source]]\nname = "{name}"\nurl = "{url}"\ntrust = "trade"')
    return "\n".join(lines) + "\n"


def cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@dataclass
class FaultRun:
    code: int
    out: str
    status: dict[str, Any]
    server: FaultServer
    config: Path
    seconds: float

    def source(self, name: str) -> dict[str, Any]:
        return next(s for s in self.status["sources"] if s["name"] == name)


@pytest.fixture(scope="module")
def fault_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FaultRun]:
    """One `check` over every fault and one good feed, concurrently, as a user would run it."""
    tmp = tmp_path_factory.mktemp("faults")
    with FaultServer() as server:
        server.serve("/good.xml", RENEWAL)
        sources = [("good", server.url("/good.xml"))]
        sources += [
            (f.path, server.refused_url if f.path == "refused" else server.url(f.path)) for f in FAULT_CASES
        ]
        config = tmp / "renewalwatch.toml"
        config.write_text(toml_config(server, sources, [server.json_url()]))
        started = datetime.now(UTC)
        code, out, _ = cli("--config", str(config), "check")
        seconds = (datetime.now(UTC) - started).total_seconds()
        status = json.loads(cli("--config", str(config), "status", "--json")[1])
        yield FaultRun(code, out, status, server, config, seconds)


@pytest.mark.parametrize("fault", FAULT_CASES, ids=[f.path for f in FAULT_CASES])
def test_each_fault_is_a_clear_recorded_error(fault_run: FaultRun, fault: Fault) -> None:
    source = fault_run.source(fault.path)
    if fault.error is None:
        assert source["ok"] and source["last_error"] is None, fault.why
    else:
        assert not source["ok"], fault.why
        assert re.search(fault.error, source["last_error"]), f"{fault.why}: {source['last_error']!r}"
        assert source["consecutive_failures"] == 1
        assert f"FAILED  {fault.path} <" in fault_run.out  # the summary names it and its URL, too


def test_the_good_news_in_the_same_run_is_read_and_told(fault_run: FaultRun) -> None:
    assert fault_run.code == 1  # some sources failed; the rest was done and saved
    assert fault_run.source("good")["ok"]
    [watch] = fault_run.status["watches"]
    assert (watch["status"], watch["official"]) == ("renewed", True)
    titles = [r.body["title"] for r in fault_run.server.received]
    assert titles.count("Ballard season 2: renewed — official") == 1
    assert "renewalwatch: source failing: /410" in titles  # gone: told at once
    assert fault_run.status["owed"] == []


def test_the_faults_cost_no_more_than_the_timeout(fault_run: FaultRun) -> None:
    assert fault_run.seconds < TIMEOUT + 3


def test_backoff_and_retry_after_are_kept_and_gone_is_final(fault_run: FaultRun) -> None:
    r429 = fault_run.source("/429")
    checked = datetime.fromisoformat(r429["last_checked"])
    assert (datetime.fromisoformat(r429["next_attempt"]) - checked).total_seconds() == 7200
    assert fault_run.source("/410")["disabled"].startswith("HTTP 410 Gone")
    code, out, _ = cli("--config", str(fault_run.config), "check")
    assert code == 1
    assert re.search(r"SKIPPED /429 <[^>]+>: backing off after 1 failures", out)
    assert re.search(r"DISABLED /410 <[^>]+>: HTTP 410 Gone", out)
    assert "ok      good: unchanged" in out


def test_a_gzip_bomb_is_stopped_without_inflating_it(tmp_path: Path) -> None:
    """Caught by this test: httpx inflated a whole 64 KB network chunk at once (64 MB of zeros)
    before the size limit was checked; the fetcher now inflates at most the limit."""

    async def fetch(url: str) -> None:
        async with HttpFetcher(timeout=10, max_bytes=2 << 20) as fetcher:
            await fetcher.fetch(url, Validators())

    with FaultServer() as server:
        tracemalloc.start()
        try:
            with pytest.raises(FetchError, match="body too large: over the 2097152-byte limit"):
                asyncio.run(fetch(server.url("/gzip-bomb")))
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert peak < 16 << 20, f"peak {peak / 2**20:.0f} MiB while reading a 2 MiB-limited body"


@pytest.mark.parametrize(
    "url", ["http://[::1/news", "http://127.0.0.1:99999/news", "http://127.0.0.1:9/a\nb"]
)
def test_a_link_that_is_no_usable_url_is_a_fetch_error(url: str) -> None:
    """A feed item's link is fetched as its article: a hostile feed's link must fail like any
    fetch, not crash the article's reading with a traceback on every check."""

    async def fetch() -> None:
        async with HttpFetcher(timeout=5) as fetcher:
            await fetcher.fetch(url, Validators())

    with pytest.raises(FetchError, match=r": not a usable URL: "):
        asyncio.run(fetch())


def test_a_deflate_body_with_or_without_its_zlib_header_is_read(tmp_path: Path) -> None:
    import zlib

    from tests.faultserver import _respond

    async def zlib_wrapped(server: FaultServer, writer: asyncio.StreamWriter) -> None:
        await _respond(
            writer, 200, zlib.compress(RENEWAL), "application/rss+xml", "Content-Encoding: deflate\r\n"
        )

    async def raw(server: FaultServer, writer: asyncio.StreamWriter) -> None:
        c = zlib.compressobj(6, zlib.DEFLATED, -15)
        body = c.compress(RENEWAL) + c.flush()
        await _respond(writer, 200, body, "application/rss+xml", "Content-Encoding: deflate\r\n")

    async def fetch(url: str) -> bytes:
        async with HttpFetcher(timeout=5) as fetcher:
            return (await fetcher.fetch(url, Validators())).body

    FAULTS["/deflate-zlib"], FAULTS["/deflate-raw"] = zlib_wrapped, raw
    try:
        with FaultServer() as server:
            assert asyncio.run(fetch(server.url("/deflate-zlib"))) == RENEWAL
            assert asyncio.run(fetch(server.url("/deflate-raw"))) == RENEWAL
    finally:
        del FAULTS["/deflate-zlib"], FAULTS["/deflate-raw"]


# --- the mail server is down for several cycles, then back ---------------------------------------
def test_mail_server_down_for_several_checks_then_back_gets_the_alert_once(tmp_path: Path) -> None:
    mail = SmtpSink()
    with FaultServer() as server:
        server.serve("/good.xml", RENEWAL)
        config = tmp_path / "renewalwatch.toml"
        config.write_text(toml_config(server, [("good", server.url("/good.xml"))], [mail.apprise_url()]))
        for _ in range(3):  # down: the alert is owed, kept, and tried again on every check
            code, out, _ = cli("--config", str(config), "check")
            assert code == 1 and "notifications: 0 sent, 1 failed" in out
        status = json.loads(cli("--config", str(config), "status", "--json")[1])
        assert [(o["title"], o["attempts"]) for o in status["owed"]] == [
            ("Ballard season 2: renewed — official", 3)
        ]
        mail.start()
        try:
            code, out, _ = cli("--config", str(config), "check")
            assert code == 0 and "notifications: 1 sent, 0 failed" in out
            for _ in range(2):
                assert cli("--config", str(config), "check")[0] == 0
        finally:
            mail.stop()
    assert mail.subjects() == ["Ballard season 2: renewed — official"]
    assert json.loads(cli("--config", str(config), "status", "--json")[1])["owed"] == []


# --- a state file that is not ours, or is broken ---------------------------------------------------
def _garbage(path: Path) -> None:
    path.write_bytes(b"this is not a database, it is a shopping list\n" * 200)


def _foreign(path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE recipes (name TEXT)")
    db.commit()
    db.close()


def _newer(path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("PRAGMA application_id = 1381450068")  # ours ("RWAT")
    db.execute("PRAGMA user_version = 99")
    db.commit()
    db.close()


def _torn(path: Path) -> None:
    """A real state file whose header page was overwritten (a bad disk, a bad copy)."""
    db = sqlite3.connect(path)
    db.execute("PRAGMA application_id = 1381450068")
    db.executescript("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('data');")
    db.commit()
    db.close()
    raw = bytearray(path.read_bytes())
    raw[16:100] = b"\xff" * 84
    path.write_bytes(bytes(raw))


STATE_CASES = [
    ("garbage", _garbage, r"not a usable renewalwatch state file \(file is not a database\); move it aside"),
    ("foreign", _foreign, r"is a SQLite file of another program; move it aside"),
    ("newer", _newer, r"was written by a newer renewalwatch \(schema 99, this one knows \d+\)"),
    ("torn", _torn, r"not a usable renewalwatch state file .*; move it aside"),
]


@pytest.mark.parametrize("command", ["check", "run", "status", "health"])
@pytest.mark.parametrize(("case", "make", "message"), STATE_CASES, ids=[c[0] for c in STATE_CASES])
def test_a_state_file_that_is_not_ours_is_named_and_never_reset(
    tmp_path: Path, case: str, make: Any, message: str, command: str
) -> None:
    state = tmp_path / "state.db"
    make(state)
    before = state.read_bytes()
    config = tmp_path / "renewalwatch.toml"
    config.write_text(toml_config(FaultServer(), [("good", "http://127.0.0.1:9/feed.xml")], [], str(state)))
    code, out, err = cli("--config", str(config), command)
    assert code == 2, (out, err)
    [line] = err.strip().splitlines()
    assert line.startswith(f"renewalwatch: error: {state}: ")
    assert re.search(message, line), line
    assert state.read_bytes() == before  # never a silent reset
