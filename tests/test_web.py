"""The status page, /api/status, /feed.xml and /healthz, served on 127.0.0.1 over a state that real
`check`s prepared (tests/webstate.py): what a person, a script and a feed reader get."""

from __future__ import annotations

import hashlib
import http.client
import json
import signal
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import feedparser
import pytest
from bs4 import BeautifulSoup

from renewalwatch.config import load
from renewalwatch.web import StatusApp, WebServer
from renewalwatch.web.atom import entry_id
from renewalwatch.web.page import href, render_page
from renewalwatch.web.server import parse_address
from tests.faultserver import RENEWAL, FaultServer
from tests.helpers import run_cli, write_config
from tests.servers import Site, free_port
from tests.test_daemon import RENEWALWATCH, DaemonProcess
from tests.test_daemon import write_config as daemon_config
from tests.webstate import HOSTILE_TITLE, NOTIFY_SECRET, PREMIERE, SOURCE_KEY, prepared_config


@dataclass(frozen=True)
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode()


def get(base: str, path: str, method: str = "GET") -> Reply:
    host, port = base.removeprefix("http://").rstrip("/").rsplit(":", 1)
    conn = http.client.HTTPConnection(host.strip("[]"), int(port), timeout=10)
    try:
        conn.request(method, path)
        response = conn.getresponse()
        return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
    finally:
        conn.close()


@pytest.fixture
def config(tmp_path: Path, site: Site) -> Path:
    return prepared_config(tmp_path, site)


@pytest.fixture
def web(config: Path) -> Iterator[str]:
    server = WebServer(StatusApp(lambda: load(config, {})), "127.0.0.1:0")
    server.start()
    yield server.url
    server.stop()


def status_json(config: Path) -> str:
    run = run_cli("--config", str(config), "status", "--json")
    assert run.code == 0, run.all
    return run.out


def page(web: str) -> BeautifulSoup:
    reply = get(web, "/")
    assert reply.status == 200
    assert reply.headers["content-type"] == "text/html; charset=utf-8"
    return BeautifulSoup(reply.body, "html.parser")


# --- the API ---------------------------------------------------------------------------------------
def test_api_status_is_status_json_byte_for_byte(config: Path, web: str) -> None:
    reply = get(web, "/api/status")
    assert reply.status == 200
    assert reply.headers["content-type"] == "application/json; charset=utf-8"
    assert reply.text == status_json(config).rstrip("\n")
    data = json.loads(reply.body)
    assert [(w["show"], w["status"], w["official"]) for w in data["watches"]] == [
        ("Ballard", "renewed", True),
        ("Harbor Lights", "renewed", False),
        ("The Bear", "renewed", False),
    ]


# --- the page --------------------------------------------------------------------------------------
def test_the_page_shows_each_watch_with_its_badges_timeline_sources_and_owed_alerts(web: str) -> None:
    soup = page(web)
    ballard, harbor, bear = soup.select("article.watch")
    assert ballard.h2 is not None and ballard.h2.get_text(" ", strip=True) == "Ballard season 2"
    assert [b["data-status"] for b in ballard.select(".badge[data-status]")] == ["renewed"]
    assert ballard.select_one(".badge.official") is not None
    assert harbor.select_one(".badge[data-status]")["data-status"] == "renewed"  # type: ignore[index]
    assert harbor.select_one(".badge.reported") is not None and harbor.select_one(".badge.official") is None
    assert "since 2025-11-12 17:00 UTC" in ballard.select_one(".since").get_text(" ", strip=True)  # type: ignore[union-attr]

    # TVmaze's premiere date is a badge, and TVmaze is credited with a link.
    premiere = bear.select_one(".badge[data-premiere]")
    assert premiere is not None and premiere["data-premiere"] == PREMIERE.isoformat()
    credit = soup.select_one("footer .credit a")
    assert credit is not None and credit["href"] == "https://www.tvmaze.com/"
    assert ballard.select_one(".badge[data-premiere]") is None

    # The changes, newest first, each with the sentence and rule that decided it, and its link.
    changes = ballard.select("ol.changes > li")
    assert [c.strong.get_text() for c in changes] == [  # type: ignore[union-attr]
        "renewed — official",
        "renewed — reported",
        "pending",
    ]
    assert changes[1].blockquote.get_text() == "Prime Video Renews Ballard for Season 2, Sources Say"  # type: ignore[union-attr]
    assert changes[1].code.get_text().startswith("renew")  # type: ignore[union-attr]
    links = {a["href"] for a in ballard.select("a[href]")}
    assert "https://tvledger.example/2025/11/ballard-renewed-season-2/" in links
    assert ballard.select("ol.evidence-list .badge[data-verdict]")

    # Sources: health with the last error; a secret in a source URL is masked.
    rows = {r.strong.get_text(): r for r in soup.select("#sources tbody tr")}  # type: ignore[union-attr]
    assert rows["Gone Gazette"]["data-ok"] == "false"
    assert "HTTP 404" in rows["Gone Gazette"].get_text()
    assert rows["TV Ledger"]["data-ok"] == "true"
    owed = soup.select_one("#owed")
    assert owed is not None and "Notifications owed: 5" in owed.get_text()  # four changes and a premiere date
    assert "json://watcher:****@127.0.0.1" in owed.get_text()
    assert soup.select_one("link[rel=alternate][type='application/atom+xml']")["href"] == "feed.xml"  # type: ignore[index]


def test_feed_text_with_markup_or_a_script_is_shown_as_text_and_javascript_links_are_not_links(
    web: str,
) -> None:
    reply = get(web, "/")
    soup = BeautifulSoup(reply.body, "html.parser")
    assert soup.find("script") is None
    assert soup.find("b") is None  # the feed's <b> is text, not bold
    assert not [a for a in soup.find_all("a") if not str(a["href"]).startswith(("http", "feed.xml", "api/"))]
    harbor = soup.select("article.watch")[1]
    assert HOSTILE_TITLE in harbor.get_text()  # shown, as the characters it is made of
    assert b"&lt;script&gt;alert(&#34;owned&#34;)&lt;/script&gt;" in reply.body
    assert "javascript:" not in " ".join(str(a["href"]) for a in soup.find_all("a"))
    assert "script-src" not in reply.headers["content-security-policy"]  # default-src 'none' covers it
    assert reply.headers["content-security-policy"].startswith("default-src 'none'")


@pytest.mark.parametrize(
    ("url", "followed"),
    [
        ("https://deadline.example/x", True),
        ("HTTP://tvledger.example/", True),
        ("javascript:alert(1)", False),
        (" JavaScript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("vbscript:msgbox", False),
        ("//evil.example/", False),
        ("http:///no-host", False),
        ("http://[::1", False),
        ("https://a.example/\x1b[2J", False),
    ],
)
def test_only_http_and_https_urls_become_links(url: str, followed: bool) -> None:
    assert (href(url) is not None) is followed


def test_nothing_secret_is_served(web: str) -> None:
    for path in ("/", "/api/status", "/feed.xml"):
        body = get(web, path).text
        assert NOTIFY_SECRET not in body and SOURCE_KEY not in body


# --- the feed --------------------------------------------------------------------------------------
def test_the_atom_feed_has_one_entry_per_change_with_distinct_stable_ids(config: Path, web: str) -> None:
    reply = get(web, "/feed.xml")
    assert reply.status == 200
    assert reply.headers["content-type"] == "application/atom+xml; charset=utf-8"
    feed = feedparser.parse(reply.body)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    changes = [(w["key"], h) for w in json.loads(status_json(config))["watches"] for h in w["history"]]
    assert len(changes) == 5 and len(feed.entries) == 5
    ids = [e.id for e in feed.entries]
    assert len(set(ids)) == 5 and all(i.startswith("tag:renewalwatch,") for i in ids)
    titles = [e.title for e in feed.entries]
    assert "Ballard season 2: renewed — official (was renewed — reported)" in titles
    [hostile] = [e for e in feed.entries if e.title.startswith("Harbor Lights")]
    assert hostile.title == "Harbor Lights season 3: renewed — reported (was unknown)"
    assert HOSTILE_TITLE in hostile.summary  # text, escaped by the XML writer
    assert hostile.link.startswith("http://127.0.0.1")  # the javascript: link is replaced by the page
    official = next(e for e in feed.entries if "official (was" in e.title)
    assert official.link == "https://press.primevideo.example/shows/ballard"
    assert official.published == "2025-11-12T17:00:00Z"  # the news's date; updated: when it was learned
    updated = [e.updated for e in feed.entries]
    assert updated == sorted(updated, reverse=True)
    assert feed.feed.links[0].href.endswith("/feed.xml")
    # Stable: the same ids on the next fetch.
    assert [e.id for e in feedparser.parse(get(web, "/feed.xml").body).entries] == ids


def test_entry_ids_differ_for_another_watch_another_row_and_a_fresh_state_reusing_row_ids() -> None:
    at = datetime(2025, 11, 5, 18, 45, tzinfo=UTC)
    ids = {
        entry_id("ballard#s2", 1, at),
        entry_id("harbor lights#s3", 1, at),
        entry_id("ballard#s2", 2, at),
        entry_id("ballard#s2", 1, at + timedelta(days=30)),  # row 1 again, in a state started afresh
    }
    assert len(ids) == 4
    assert entry_id("ballard#s2", 1, at) == "tag:renewalwatch,2025-11-05:ballard%23s2/change/1/184500"


# --- health and the edges of HTTP ------------------------------------------------------------------
def test_healthz_gives_the_verdict_of_health(config: Path, web: str, tmp_path: Path) -> None:
    health = run_cli("--config", str(config), "health")
    assert health.code == 0, health.all
    reply = get(web, "/healthz")
    assert (reply.status, reply.text) == (200, "ok\n")

    # Two hours later nothing has checked: both turn unhealthy for the same reason.
    later = StatusApp(lambda: load(config, {}), clock=lambda: datetime.now(UTC) + timedelta(hours=2))
    server = WebServer(later, "127.0.0.1:0")
    server.start()
    try:
        reply = get(server.url, "/healthz")
    finally:
        server.stop()
    assert reply.status == 503
    assert reply.text == "unhealthy: the last check finished 2.0h ago (limit 60m)\n"

    # No state file: the same reason, word for word, and no file is created by asking.
    fresh = write_config(
        tmp_path / "fresh" / "renewalwatch.toml", sources=[{"name": "x", "url": "http://127.0.0.1:9/"}]
    )
    health = run_cli("--config", str(fresh), "health")
    server = WebServer(StatusApp(lambda: load(fresh, {})), "127.0.0.1:0")
    server.start()
    try:
        reply = get(server.url, "/healthz")
        page_reply = get(server.url, "/")
        api = get(server.url, "/api/status")
    finally:
        server.stop()
    assert health.code == 1
    assert (reply.status, reply.text.strip()) == (
        503,
        health.err.strip().removeprefix("renewalwatch: error: "),
    )
    assert page_reply.status == 503 and "no state file yet" in page_reply.text
    assert api.status == 503 and "no state file yet" in json.loads(api.body)["error"]
    assert not (fresh.parent / "state.db").exists()


def test_read_only_get_and_head_only_and_unknown_paths_are_404(web: str) -> None:
    head = get(web, "/", "HEAD")
    assert head.status == 200 and head.body == b"" and int(head.headers["content-length"]) > 1000
    post = get(web, "/api/status", "POST")
    assert post.status == 405 and post.headers["allow"] == "GET, HEAD"
    assert get(web, "/admin").status == 404


def test_serving_never_changes_the_state_file(config: Path, web: str) -> None:
    state = config.parent / "state.db"
    before = hashlib.sha256(state.read_bytes()).hexdigest()
    for path in ("/", "/api/status", "/feed.xml", "/healthz"):
        assert get(web, path).status == 200
    assert hashlib.sha256(state.read_bytes()).hexdigest() == before


# --- the commands ----------------------------------------------------------------------------------
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_serve_runs_as_a_command_and_stops_on_sigterm_or_ctrl_c(config: Path, stop: int) -> None:
    port = free_port()
    proc = subprocess.Popen(
        [RENEWALWATCH, "--config", str(config), "serve", "--http", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert proc.stderr is not None
        first = proc.stderr.readline()  # the server is listening once it says so
        assert f"web page serving url=http://127.0.0.1:{port}/" in first
        assert get(f"http://127.0.0.1:{port}", "/api/status").text == status_json(config).rstrip("\n")
        proc.send_signal(stop)
        assert proc.wait(10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if proc.stderr is not None:
            proc.stderr.close()


@pytest.mark.parametrize(
    ("address", "message"),
    [("localhost:http", "'http' is not a port number"), (":8080", "give a host")],
)
def test_serve_refuses_a_bad_address_in_one_line(config: Path, address: str, message: str) -> None:
    run = run_cli("--config", str(config), "serve", "--http", address)
    assert run.code == 2
    assert run.err.strip() == f"renewalwatch: error: --http {address}: {message}" + (
        ", e.g. 127.0.0.1:8080 (0.0.0.0:8080 to listen everywhere)" if "host" in message else " (0-65535)"
    )


def test_a_busy_port_is_one_line_and_exit_2(config: Path, web: str) -> None:
    address = web.removeprefix("http://").rstrip("/")
    run = run_cli("--config", str(config), "serve", "--http", address)
    assert run.code == 2
    assert run.err.startswith(f"renewalwatch: error: --http {address}: cannot listen: ")


def test_the_daemon_serves_the_page_beside_its_scheduler(tmp_path: Path) -> None:
    port = free_port()
    with FaultServer() as news:
        news.serve("/feed.xml", RENEWAL)
        config = daemon_config(tmp_path / "renewalwatch.toml", news, {"local": "/feed.xml"}, news.json_url())
        daemon = DaemonProcess(config, run_args=("--http", f"127.0.0.1:{port}"))
        try:
            assert news.wait_received(1, timeout=10), "no alert"
            api = get(f"http://127.0.0.1:{port}", "/api/status")
            assert api.status == 200
            [watch] = json.loads(api.body)["watches"]
            assert (watch["status"], watch["official"]) == ("renewed", True)
            assert get(f"http://127.0.0.1:{port}", "/healthz").status == 200
            code, _ = daemon.stop(signal.SIGTERM)
            assert code == 0
        finally:
            daemon.close()
    assert any("web page serving url=http://127.0.0.1:" in line for line in daemon.lines())


def test_controls_escapes_and_bidi_overrides_in_feed_text_do_not_reach_the_page() -> None:
    data = {
        "config": "c", "state": "s", "last_cycle": None, "sources": [], "owed": [],
        "watches": [{
            "key": "k#s1", "show": "Show\u202e", "season": 1, "status": "pending", "official": False,
            "since": None, "history": [],
            "evidence": [{
                "verdict": "pending", "official": False, "stale": False, "url": "https://a.example/\x1b[2J",
                "title": "T\x1b]0;pwned\x07itle", "source": "S\u2066rc", "sentence": "Line\nbreak\x00",
                "rule": "r", "published": None, "found": "2025-11-05T18:45:00+00:00",
            }],
        }],
    }  # fmt: skip
    html = render_page(data, datetime(2025, 11, 6, tzinfo=UTC))
    for bad in ("\x1b", "\u202e", "\u2066", "\x00", "\x07"):
        assert bad not in html
    assert "Title" in html and "Line break" in html


def _one_watch(rule: str, url: str) -> dict[str, Any]:
    evidence = {
        "verdict": "renewed", "official": False, "stale": False, "url": url, "title": "Seasons",
        "source": "TVmaze", "sentence": "TVmaze lists season 5 of The Bear.", "rule": rule,
        "published": None, "found": "2025-11-05T18:45:00+00:00",
    }  # fmt: skip
    watch = {
        "key": "the bear#s5", "show": "The Bear", "season": 5, "status": "renewed", "official": False,
        "since": "2025-11-05T18:45:00+00:00", "history": [], "evidence": [evidence],
    }  # fmt: skip
    return {"config": "c", "state": "s", "last_cycle": None, "sources": [], "owed": [], "watches": [watch]}


@pytest.mark.parametrize(
    ("rule", "url", "credited"),
    [
        ("tvmaze.season-listed", "http://127.0.0.1:9/shows/1", True),
        ("renew: 'renewed'", "https://www.tvmaze.com/shows/1/the-bear", True),
        ("renew: 'renewed'", "https://deadline.example/the-bear", False),
    ],
)
def test_tvmaze_is_credited_with_a_link_where_its_data_is_shown(rule: str, url: str, credited: bool) -> None:
    soup = BeautifulSoup(render_page(_one_watch(rule, url), datetime(2025, 11, 6, tzinfo=UTC)), "html.parser")
    credit = soup.select_one("footer .credit")
    assert (credit is not None) is credited
    if credit is not None:
        assert "TVmaze" in credit.get_text()
        assert credit.a is not None and credit.a["href"] == "https://www.tvmaze.com/"


@pytest.mark.parametrize(
    ("address", "parsed"),
    [("8080", ("127.0.0.1", 8080)), ("0.0.0.0:80", ("0.0.0.0", 80)), ("[::1]:8080", ("::1", 8080))],
)
def test_addresses(address: str, parsed: tuple[str, int]) -> None:
    assert parse_address(address) == parsed


def test_ipv6_loopback_serves_too(config: Path) -> None:
    server = WebServer(StatusApp(lambda: load(config, {})), "[::1]:0")
    server.start()
    try:
        assert server.url.startswith("http://[::1]:")
        assert get(server.url, "/healthz").status == 200
    finally:
        server.stop()
