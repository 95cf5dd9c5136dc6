"""Source health: one "failing" notice, one "recovered" notice, one "blind" notice per watch; and
the `health` command that container health checks run.

The check cycles run in-process against a real local server with an injected clock, so "failing
for a day" takes no time.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from renewalwatch import health
from renewalwatch.cli import main
from renewalwatch.config import Config, Destination, build
from renewalwatch.cycle import run_once
from renewalwatch.models import NoticeKind, SourceHealth
from renewalwatch.store import SqliteStore
from tests.faultserver import QUIET, RENEWAL, FaultServer

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)


# --- the pure decisions ------------------------------------------------------------------------
def h(**kw: object) -> SourceHealth:
    return SourceHealth(name="s", url="http://x/", **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("case", "after", "expected"),
    [
        ("healthy", h(), None),
        ("failing, not for long", h(failing_since=T0 - 23 * HOUR, consecutive_failures=9), None),
        ("failing for a day", h(failing_since=T0 - 24 * HOUR, consecutive_failures=9), NoticeKind.FAILING),
        ("gone (410): at once", h(failing_since=T0, disabled="HTTP 410 Gone"), NoticeKind.FAILING),
        ("told, still failing", h(failing_since=T0 - 48 * HOUR, failing_notice_sent=True), None),
        ("told, gone", h(failing_since=T0 - HOUR, disabled="gone", failing_notice_sent=True), None),
        ("told, works again", h(failing_notice_sent=True), NoticeKind.RECOVERED),
    ],
)
def test_source_notice(case: str, after: SourceHealth, expected: NoticeKind | None) -> None:
    assert health.source_notice(after, T0, 24 * 3600) is expected, case


def test_blind_needs_every_source_failing_long_enough() -> None:
    long = h(failing_since=T0 - 25 * HOUR)
    short = h(failing_since=T0 - HOUR)
    assert health.is_blind([long, h(disabled="gone")], T0, 24 * 3600)
    assert not health.is_blind([long, short], T0, 24 * 3600)
    assert not health.is_blind([long, h()], T0, 24 * 3600)
    assert not health.is_blind([], T0, 24 * 3600)
    assert health.blind_notice(True, False) == (True, True)  # owed once...
    assert health.blind_notice(True, True) == (False, True)  # ...not again...
    assert health.blind_notice(False, True) == (False, False)  # ...until it cleared


@pytest.mark.parametrize(
    ("case", "last", "owed", "reason"),
    [
        ("fresh, nothing owed", T0 - 10 * timedelta(minutes=1), [], None),
        ("never ran", None, [], "no check has run yet"),
        ("stale", T0 - 3 * HOUR, [], "the last check finished 3.0h ago (limit 60m)"),
        ("owed, within the window", T0, [T0 - timedelta(minutes=59)], None),
        ("owed too long", T0, [T0 - 2 * HOUR, T0 - 3 * HOUR],
         "2 notification(s) undelivered for longer than 60m (oldest 3.0h)"),
    ],
)  # fmt: skip
def test_health_problem(case: str, last: datetime | None, owed: list[datetime], reason: str | None) -> None:
    assert health.problem(last, owed, T0, max_age=3600, retry_window=3600) == reason, case


# --- through the check cycle ----------------------------------------------------------------------
@dataclass
class Sent:
    destination: str
    title: str
    body: str


class Recording:
    def __init__(self) -> None:
        self.sent: list[Sent] = []

    def send(self, destination: Destination, title: str, body: str) -> None:
        self.sent.append(Sent(destination.key, title, body))

    def titles(self) -> list[str]:
        return [s.title for s in self.sent]


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer() as s:
        s.serve("/a.xml", QUIET)
        s.serve("/b.xml", QUIET)
        yield s


def make_config(tmp_path: Path, server: FaultServer, destinations: int = 1) -> Config:
    data = {
        "settings": {"state": str(tmp_path / "state.db"), "failing_after": "24h", "timeout": 5},
        "notify": {"urls": [f"json://127.0.0.1:1/n{i}" for i in range(destinations)]},
        "watch": [
            {"show": "Ballard", "season": 2, "auto_sources": False},
            {"show": "Bosch", "season": 3, "auto_sources": False},
        ],
        "source": [
            {"name": "A", "url": server.url("/a.xml")},
            {"name": "B", "url": server.url("/b.xml")},
        ],
    }
    return build(data, path=tmp_path / "renewalwatch.toml", env={})


class Cycles:
    """Runs check cycles at chosen moments, every source forced (no backoff skips)."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.notifier = Recording()
        self.store = SqliteStore(config.settings.state)

    def at(self, when: datetime) -> list[str]:
        before = len(self.notifier.sent)
        run_once(self.config, store=self.store, notifier=self.notifier, now=when, force=True)
        return [s.title for s in self.notifier.sent[before:]]


@pytest.fixture
def cycles(tmp_path: Path, server: FaultServer) -> Iterator[Cycles]:
    c = Cycles(make_config(tmp_path, server))
    yield c
    c.store.close()


def test_a_source_failing_for_a_day_is_told_once_then_its_recovery_once(
    server: FaultServer, cycles: Cycles
) -> None:
    server.fail("/a.xml", 503)
    assert cycles.at(T0) == []
    assert cycles.at(T0 + 12 * HOUR) == []
    assert cycles.at(T0 + 24 * HOUR) == ["renewalwatch: source failing: A"]
    assert cycles.at(T0 + 30 * HOUR) == []
    assert cycles.at(T0 + 48 * HOUR) == []
    body = cycles.notifier.sent[0].body
    assert "failed every check for 24 hours" in body and "HTTP 503 Service Unavailable" in body

    server.fail("/a.xml", None)
    assert cycles.at(T0 + 49 * HOUR) == ["renewalwatch: source working again: A"]
    assert "after failing for 2 days" in cycles.notifier.sent[-1].body
    assert cycles.at(T0 + 50 * HOUR) == []
    # A new failure is a new story: told again once it has lasted a day.
    server.fail("/a.xml", 503)
    assert cycles.at(T0 + 51 * HOUR) == []
    assert cycles.at(T0 + 75 * HOUR) == ["renewalwatch: source failing: A"]


def test_a_gone_source_is_told_at_once(server: FaultServer, cycles: Cycles) -> None:
    server.fail("/a.xml", 410)
    assert cycles.at(T0) == ["renewalwatch: source failing: A"]
    assert "is gone and is no longer checked" in cycles.notifier.sent[0].body
    assert cycles.at(T0 + 48 * HOUR) == []


def test_every_source_failing_is_told_once_per_watch_and_again_after_a_recovery(
    server: FaultServer, cycles: Cycles
) -> None:
    server.fail("/a.xml", 503)
    server.fail("/b.xml", 500)
    cycles.at(T0)
    told = cycles.at(T0 + 25 * HOUR)
    assert sorted(told) == sorted([
        "renewalwatch: source failing: A",
        "renewalwatch: source failing: B",
        "renewalwatch can't see anything for Ballard season 2",
        "renewalwatch can't see anything for Bosch season 3",
    ])  # fmt: skip
    blind = next(s.body for s in cycles.notifier.sent if "Ballard" in s.title)
    assert "- A: HTTP 503" in blind and "- B: HTTP 500" in blind
    assert cycles.at(T0 + 26 * HOUR) == []

    server.fail("/b.xml", None)
    assert cycles.at(T0 + 27 * HOUR) == ["renewalwatch: source working again: B"]
    server.fail("/b.xml", 500)
    cycles.at(T0 + 28 * HOUR)
    again = cycles.at(T0 + 52 * HOUR)
    assert "renewalwatch can't see anything for Ballard season 2" in again
    assert "renewalwatch: source failing: B" in again


def test_notices_go_to_every_destination_through_the_outbox(tmp_path: Path, server: FaultServer) -> None:
    c = Cycles(make_config(tmp_path, server, destinations=2))
    server.fail("/a.xml", 410)
    c.at(T0)
    assert sorted(s.destination for s in c.notifier.sent) == sorted(d.key for d in c.config.destinations)
    assert c.store.owed() == []
    c.store.close()


def test_a_moved_source_starts_afresh_without_a_recovered_notice(
    tmp_path: Path, server: FaultServer, cycles: Cycles
) -> None:
    server.fail("/a.xml", 503)
    cycles.at(T0)
    assert cycles.at(T0 + 25 * HOUR) == ["renewalwatch: source failing: A"]
    server.serve("/a2.xml", RENEWAL)
    moved = build(
        {
            "settings": {"state": str(tmp_path / "state.db")},
            "watch": [{"show": "Ballard", "season": 2, "auto_sources": False}],
            "source": [{"name": "A", "url": server.url("/a2.xml")}],
        },
        path=tmp_path / "renewalwatch.toml", env={},
    )  # fmt: skip
    cycles.config = moved
    assert [t for t in cycles.at(T0 + 26 * HOUR) if "source" in t] == []


# --- the `health` command ---------------------------------------------------------------------------
def write_config(path: Path, server: FaultServer, *, retry_window: str = "1h", notify: str = "") -> Path:
    urls = f'urls = ["{notify}"]' if notify else ""
    path.write_text(
        f'[settings]\nstate = "state.db"\nretry_window = "{retry_window}"\ntimeout = 5\n'
        f"[notify]\n{urls}\n"
        '[[watch]]\nshow = "Ballard"\nseason = 2\nauto_sources = false\n'
        f'[[source]]\nname = "A"\nurl = "{server.url("/a.xml")}"\nevery = "10m"\n'
        f'[[source]]\nname = "B"\nurl = "{server.url("/b.xml")}"\n'
    )
    return path


def cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_health_before_any_check_is_unhealthy(tmp_path: Path, server: FaultServer) -> None:
    cfg = write_config(tmp_path / "c.toml", server)
    code, _, err = cli("--config", str(cfg), "health")
    assert code == 1
    assert (
        err.strip()
        == f"renewalwatch: error: unhealthy: no state file at {tmp_path / 'state.db'}: no check has run yet"
    )
    assert not (tmp_path / "state.db").exists()  # health never creates state


def test_health_after_a_check_is_ok_until_the_check_is_too_old(tmp_path: Path, server: FaultServer) -> None:
    cfg = write_config(tmp_path / "c.toml", server)
    assert cli("--config", str(cfg), "check")[0] == 0
    code, out, _ = cli("--config", str(cfg), "health")  # default limit: 2 x 10m
    assert code == 0 and out.startswith("ok: last check finished at ")
    code, _, err = cli("--config", str(cfg), "health", "--max-age", "0.000001")
    assert code == 1 and "unhealthy: the last check finished" in err and len(err.strip().splitlines()) == 1


def test_health_fails_while_a_notification_is_owed_beyond_the_retry_window(
    tmp_path: Path, server: FaultServer
) -> None:
    server.serve("/a.xml", RENEWAL)
    server.post_status = 500  # the json:// receiver refuses everything
    cfg = write_config(tmp_path / "c.toml", server, retry_window="0.001s", notify=server.json_url())
    assert cli("--config", str(cfg), "check")[0] == 1
    code, _, err = cli("--config", str(cfg), "health")
    assert code == 1
    assert "unhealthy: 1 notification(s) undelivered for longer than" in err
    server.post_status = 200
    assert cli("--config", str(cfg), "check")[0] == 0
    assert cli("--config", str(cfg), "health")[0] == 0


def test_health_with_a_bad_max_age_is_a_usage_error(tmp_path: Path, server: FaultServer) -> None:
    cfg = write_config(tmp_path / "c.toml", server)
    code, _, err = cli("--config", str(cfg), "health", "--max-age", "soon")
    assert code == 2 and "--max-age" in err
