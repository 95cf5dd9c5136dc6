"""`renewalwatch run`: the daemon, end to end as a process and in-process for its edges.

End to end, sources are polled every second from a real local server whose content the test
changes; waiting is on the server's own records of requests and notifications, never a sleep.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from renewalwatch import outbox
from renewalwatch.config import Config, Destination, build
from renewalwatch.daemon import Daemon, is_loopback
from renewalwatch.errors import ConfigError, FetchError
from renewalwatch.fetch import Fetcher, FetchResult, Validators
from renewalwatch.notify import AppriseNotifier
from renewalwatch.store import SqliteStore
from tests.faultserver import QUIET, RENEWAL, FaultServer
from tests.servers import SmtpSink

RENEWALWATCH = str(Path(sys.executable).with_name("renewalwatch"))
SECRET = "Sup3rSecretToken"


def write_config(
    path: Path, server: FaultServer, sources: dict[str, str], notify: str = "", extra: str = ""
) -> Path:
    urls = f'urls = ["{notify}"]' if notify else ""
    text = f'[settings]\nstate = "state.db"\nevery = "1s"\ntimeout = 5\n{extra}\n[notify]\n{urls}\n'
    text += '[[watch]]\nshow = "Ballard"\nseason = 2\nnetwork = "Prime Video"\nauto_sources = false\n'
    for name, route in sources.items():
        text += f'[[source]]\nname = "{name}"\nurl = "{server.url(route)}"\ntrust = "trade"\n'
    path.write_text(text)
    return path


class DaemonProcess:
    """`renewalwatch [options] run [run_args]` as a child process; its stderr (the log) goes to a file."""

    def __init__(self, config: Path, *options: str, run_args: tuple[str, ...] = ()) -> None:
        self.log = config.with_suffix(".log")
        self._err = self.log.open("wb")
        self.proc = subprocess.Popen(
            [RENEWALWATCH, "--config", str(config), *options, "run", *run_args],
            stdout=subprocess.DEVNULL, stderr=self._err,
        )  # fmt: skip

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 5.0) -> tuple[int, float]:
        started = time.monotonic()
        self.proc.send_signal(sig)
        code = self.proc.wait(timeout)
        return code, time.monotonic() - started

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self._err.close()

    def lines(self) -> list[str]:
        return self.log.read_text().splitlines()


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer() as s:
        yield s


def integrity(state: Path) -> str:
    db = sqlite3.connect(state)
    try:
        return str(db.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        db.close()


# --- end to end --------------------------------------------------------------------------------------
def test_the_alert_arrives_within_seconds_of_the_news_and_sigterm_stops_cleanly(
    tmp_path: Path, server: FaultServer
) -> None:
    server.serve("/feed.xml", QUIET)
    notify = f"json://watcher:{SECRET}@127.0.0.1:{server.port}/inbox"
    config = write_config(tmp_path / "renewalwatch.toml", server, {"local": "/feed.xml"}, notify)
    daemon = DaemonProcess(config, "--log-format", "json")
    try:
        assert server.wait_hits("/feed.xml", 2, timeout=10), "the daemon does not poll"
        server.serve("/feed.xml", RENEWAL)
        changed = time.monotonic()
        assert server.wait_received(1, timeout=10), "no alert"
        latency = time.monotonic() - changed
        assert latency < 5.0, f"the alert took {latency:.1f}s after the news"  # 1s interval
        assert server.received[0].body["title"] == "Ballard season 2: renewed — official"

        # While it runs, a second instance is refused, naming the holder; health is good.
        second = subprocess.run(
            [RENEWALWATCH, "--config", str(config), "run"], capture_output=True, text=True, timeout=10
        )
        assert second.returncode == 2
        assert f"in use by renewalwatch run (pid {daemon.proc.pid} on " in second.stderr
        health = subprocess.run(
            [RENEWALWATCH, "--config", str(config), "health"], capture_output=True, text=True, timeout=10
        )
        assert health.returncode == 0, health.stderr

        code, seconds = daemon.stop(signal.SIGTERM)
        assert code == 0 and seconds < 3
    finally:
        daemon.close()
    assert integrity(tmp_path / "state.db") == "ok"
    assert len(server.received) == 1

    log = daemon.log.read_text()
    assert SECRET not in log
    entries = [json.loads(line) for line in log.splitlines()]  # --log-format json: every line
    messages = [e["message"] for e in entries]
    assert any(m.startswith("daemon started pid=") for m in messages)
    cycles = [m for m in messages if m.startswith("cycle source=local outcome=")]
    assert len(cycles) >= 3  # one line per check, key=value
    assert any(" outcome=new items=1 new=1 changes=1 sent=1 unsent=0 seconds=" in m for m in cycles)
    assert any("notification sent destination=json://watcher:****@127.0.0.1" in m for m in messages)
    assert "stopping signal=SIGTERM" in messages and messages[-1].startswith("daemon stopped seconds=")


def test_sigint_stops_too_and_a_stopped_daemon_turns_unhealthy(tmp_path: Path, server: FaultServer) -> None:
    server.serve("/feed.xml", QUIET)
    config = write_config(tmp_path / "renewalwatch.toml", server, {"local": "/feed.xml"})
    daemon = DaemonProcess(config)
    try:
        assert server.wait_hits("/feed.xml", 2, timeout=10)  # so the first check was saved
        code, seconds = daemon.stop(signal.SIGINT)
        assert code == 0 and seconds < 3
    finally:
        daemon.close()
    health = subprocess.run(
        [RENEWALWATCH, "--config", str(config), "health", "--max-age", "0.001s"],
        capture_output=True,
        text=True,
    )
    assert health.returncode == 1 and health.stderr.startswith(
        "renewalwatch: error: unhealthy: the last check"
    )


def test_sighup_reloads_the_config_and_keeps_the_old_one_when_the_new_is_bad(
    tmp_path: Path, server: FaultServer
) -> None:
    server.serve("/a.xml", QUIET)
    server.serve("/b.xml", QUIET)
    path = tmp_path / "renewalwatch.toml"
    config = write_config(path, server, {"A": "/a.xml"})
    daemon = DaemonProcess(config)
    try:
        assert server.wait_hits("/a.xml", 1, timeout=10)
        write_config(path, server, {"A": "/a.xml", "B": "/b.xml"})
        daemon.proc.send_signal(signal.SIGHUP)
        assert server.wait_hits("/b.xml", 1, timeout=10), "the reload did not add source B"

        path.write_text("this is [not toml")
        daemon.proc.send_signal(signal.SIGHUP)
        seen = server.hits["/b.xml"]
        assert server.wait_hits("/b.xml", seen + 2, timeout=10), "a bad reload stopped the daemon"
        code, _ = daemon.stop()
        assert code == 0
    finally:
        daemon.close()
    [failed] = [line for line in daemon.lines() if "config reload failed" in line]
    assert (
        f"ERROR renewalwatch.daemon: config reload failed, keeping the running config: {path}: not valid TOML"
        in failed
    )
    assert any("config reloaded config=" in line and "sources=2" in line for line in daemon.lines())


def test_run_refuses_a_held_state_file_or_waits_for_it_when_asked(
    tmp_path: Path, server: FaultServer
) -> None:
    from renewalwatch.store import StateLock

    server.serve("/feed.xml", QUIET)
    config = write_config(tmp_path / "renewalwatch.toml", server, {"local": "/feed.xml"})
    lock = StateLock(tmp_path / "state.db", "check")
    lock.acquire()
    try:
        refused = subprocess.run(
            [RENEWALWATCH, "--config", str(config), "run"], capture_output=True, text=True, timeout=10
        )
        assert refused.returncode == 2
        assert refused.stderr.strip() == (
            f"renewalwatch: error: {tmp_path / 'state.db.lock'}: in use by renewalwatch check"
            f" (pid {os.getpid()} on {os.uname().nodename})"
        )
        daemon = DaemonProcess(config, run_args=("--wait", "20"))
        released: list[float] = []

        def release() -> None:
            released.append(time.monotonic())
            lock.release()

        timer = threading.Timer(1.0, release)
        timer.start()
        try:
            assert server.wait_hits("/feed.xml", 1, timeout=10), "run --wait never started"
            assert server.hit_times["/feed.xml"][0] > released[0]  # it waited for the lock
            assert daemon.stop()[0] == 0
        finally:
            timer.cancel()
            daemon.close()
    finally:
        lock.release()


# --- in-process: stopping, the outbox job, reloading -----------------------------------------------
def config_for(tmp_path: Path, server: FaultServer, sources: dict[str, str], **settings: object) -> Config:
    data = {
        "settings": {"state": str(tmp_path / "state.db"), "every": "1s", **settings},
        "watch": [{"show": "Ballard", "season": 2, "network": "Prime Video", "auto_sources": False}],
        "source": [{"name": n, "url": server.url(r), "trust": "trade"} for n, r in sources.items()],
    }
    return build(data, path=tmp_path / "renewalwatch.toml", env={})


class CountingNotifier(AppriseNotifier):
    """Apprise, counting every attempt, so a test can wait for the third try."""

    def __init__(self) -> None:
        super().__init__()
        self.attempts = 0
        self.times: list[float] = []
        self.cond = threading.Condition()

    def send(self, destination: Destination, title: str, body: str) -> None:
        try:
            super().send(destination, title, body)
        finally:
            with self.cond:
                self.attempts += 1
                self.times.append(time.monotonic())
                self.cond.notify_all()

    def wait_attempts(self, count: int, timeout: float) -> bool:
        with self.cond:
            return self.cond.wait_for(lambda: self.attempts >= count, timeout)


def test_stop_cancels_a_fetch_in_flight_and_writes_nothing(tmp_path: Path, server: FaultServer) -> None:
    config = config_for(tmp_path, server, {"slow": "/trickle"}, timeout=60)
    daemon = Daemon(config, load=lambda: config, notifier=CountingNotifier())
    daemon.start()
    try:
        assert server.wait_hits("/trickle", 1, timeout=5)
    finally:
        started = time.monotonic()
        daemon.stop()
    assert time.monotonic() - started < 2, "stop waited for a 60-second fetch"
    store = SqliteStore(config.settings.state)
    try:
        assert store.sources() == [] and store.last_cycle() is None  # abandoned before commit
    finally:
        store.close()


def test_the_outbox_job_retries_with_backoff_until_the_mail_server_is_back(
    tmp_path: Path, server: FaultServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(outbox, "RETRY_BASE", 0.1)  # 0.1s, 0.2s, 0.4s ... instead of minutes
    mail = SmtpSink()  # not started: the mail server is down
    server.serve("/feed.xml", RENEWAL)
    data = {
        "settings": {"state": str(tmp_path / "state.db"), "every": "1h"},
        "notify": {"urls": [mail.apprise_url()]},
        "watch": [{"show": "Ballard", "season": 2, "network": "Prime Video", "auto_sources": False}],
        "source": [{"name": "news", "url": server.url("/feed.xml"), "trust": "trade"}],
    }
    config = build(data, path=tmp_path / "renewalwatch.toml", env={})
    notifier = CountingNotifier()
    daemon = Daemon(config, load=lambda: config, notifier=notifier, outbox_every=0.1)
    daemon.start()
    try:
        assert notifier.wait_attempts(4, timeout=10), "the outbox is not retried"
        mail.start()
        assert mail.wait_messages(1, timeout=10), "the alert never arrived"
    finally:
        daemon.stop()
        mail.stop()
    assert mail.subjects() == ["Ballard season 2: renewed — official"]
    gaps = [b - a for a, b in zip(notifier.times, notifier.times[1:4], strict=False)]
    assert gaps[2] > 1.5 * gaps[0], f"no backoff between attempts: {gaps}"  # 0.1s, 0.2s, 0.4s
    store = SqliteStore(config.settings.state)
    try:
        assert store.owed() == []
        assert store.watch_state("ballard#s2").status == "renewed"
    finally:
        store.close()
    assert server.hits["/feed.xml"] == 1  # retries are the outbox's job, not new checks


def test_reload_keeps_the_old_config_on_errors_and_reschedules_on_success(
    tmp_path: Path, server: FaultServer, caplog: pytest.LogCaptureFixture
) -> None:
    server.serve("/a.xml", QUIET)
    server.serve("/b.xml", QUIET)
    first = config_for(tmp_path, server, {"A": "/a.xml"})
    second = config_for(tmp_path, server, {"A": "/a.xml", "B": "/b.xml"}, every="2s")
    elsewhere = build(
        {"settings": {"state": str(tmp_path / "other.db")}, "watch": [{"show": "Ballard", "season": 2, "auto_sources": False}],
         "source": [{"url": server.url("/a.xml")}]},
        path=tmp_path / "renewalwatch.toml", env={},
    )  # fmt: skip
    results: list[Config | Exception] = [
        ConfigError("renewalwatch.toml", "watch", "is required"),
        elsewhere,
        second,
    ]

    def load() -> Config:
        result = results.pop(0)
        if isinstance(result, Exception):
            raise result
        return result

    daemon = Daemon(first, load=load, notifier=CountingNotifier())
    daemon.start()
    try:
        assert daemon.jobs() == {"outbox": 1.0, "source:A": 1.0}
        with caplog.at_level(logging.INFO, "renewalwatch.daemon"):
            assert not daemon.reload()
            assert not daemon.reload()
            assert daemon.config is first and daemon.jobs() == {"outbox": 1.0, "source:A": 1.0}
            assert daemon.reload()
        assert daemon.config is second
        assert daemon.jobs() == {"outbox": 2.0, "source:A": 2.0, "source:B": 2.0}
        assert server.wait_hits("/b.xml", 1, timeout=5)
    finally:
        daemon.stop()
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert (
        errors[0] == "config reload failed, keeping the running config: renewalwatch.toml: watch: is required"
    )
    assert errors[1].startswith(
        "config reload refused, keeping the running config: settings.state cannot change"
    )


@asynccontextmanager
async def offline() -> AsyncIterator[Fetcher]:
    class Offline:
        async def fetch(self, url: str, validators: Validators) -> FetchResult:
            raise FetchError(url, "offline in tests")

    yield Offline()


def test_intervals_under_a_minute_are_warned_about_for_other_peoples_servers(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data = {
        "settings": {"state": str(tmp_path / "state.db")},
        "watch": [{"show": "Ballard", "season": 2, "auto_sources": False}],
        "source": [
            {"name": "theirs", "url": "https://news.example.com/feed", "every": "45s"},
            {"name": "mine", "url": "http://127.0.0.1:8080/feed", "every": "5s"},
            {"name": "polite", "url": "https://tv.example.org/feed", "every": "15m"},
        ],
    }
    config = build(data, path=tmp_path / "renewalwatch.toml", env={})
    daemon = Daemon(config, load=lambda: config, notifier=CountingNotifier(), fetchers=lambda c: offline)
    with caplog.at_level(logging.WARNING, "renewalwatch.daemon"):
        daemon.start()
        daemon.stop()
    warnings = [r.getMessage() for r in caplog.records if r.name == "renewalwatch.daemon"]
    assert warnings == [
        "interval below a minute source=theirs every=45s host=news.example.com: only poll this often a"
        " server you run yourself"
    ]


@pytest.mark.parametrize(
    ("url", "loopback"),
    [("http://127.0.0.1:8/x", True), ("http://localhost/x", True), ("http://[::1]:80/", True),
     ("http://127.9.9.9/", True), ("https://example.com/", False), ("http://10.0.0.1/", False)],
)  # fmt: skip
def test_is_loopback(url: str, loopback: bool) -> None:
    assert is_loopback(url) is loopback


def test_the_shipped_examples_parse(tmp_path: Path) -> None:
    """contrib/ holds the systemd unit and the Containerfile; both run the commands tested here."""
    contrib = Path(__file__).parents[1] / "contrib"
    unit = (contrib / "renewalwatch.service").read_text()
    assert "ExecStart=/opt/renewalwatch/bin/renewalwatch --log-format json run" in unit
    assert "ExecReload=/bin/kill -HUP $MAINPID" in unit and "Restart=on-failure" in unit
    containerfile = (contrib / "Containerfile").read_text()
    assert "FROM python:3.11-slim" in containerfile and "renewalwatch health" in containerfile
