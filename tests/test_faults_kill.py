"""kill -9 at random moments: the state file stays sound, no owed alert is lost, and an alert is
resent only for a crash in the documented window (Apprise accepted it, the row was not yet marked
sent): one resend per such crash.

Each repetition publishes news that flips the watch's status (renewed, canceled, renewed ...),
starts `check` or `run`, and kills it at a random moment of its life; the next repetition's
process is the recovery. The moments come from a seeded generator; the timing of a real
process still varies, which is the point, and the assertions hold wherever the kill lands.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest

from tests.faultserver import FaultServer, rss

RENEWALWATCH = str(Path(sys.executable).with_name("renewalwatch"))
LATER = datetime.now(UTC) + timedelta(days=1)  # every article is newer than every status change

NEWS = {
    "renewed": ("Ballard renewed for season 2 at Prime Video (update {n})",
                "Prime Video has renewed Ballard for a second season, the streamer announced."),
    "canceled": ("Ballard canceled at Prime Video after one season (update {n})",
                 "Prime Video has canceled Ballard after one season, the streamer announced."),
}  # fmt: skip


def article(n: int, verdict: str) -> bytes:
    title, text = NEWS[verdict]
    return rss((f"news-{n}", title.format(n=n), text), pubdate=format_datetime(LATER + timedelta(hours=n)))


@dataclass
class Lab:
    server: FaultServer
    config: Path
    state: Path
    kills: int = 0
    timings: list[str] = field(default_factory=list)
    exposed: dict[str, int] = field(default_factory=dict)  # alert body -> kills while it was owed

    def db(self) -> sqlite3.Connection:
        return sqlite3.connect(self.state)

    def status(self) -> str:
        if not self.state.exists():
            return "unknown"
        db = self.db()
        try:
            row = db.execute("SELECT status FROM watch WHERE key = 'ballard#s2'").fetchone()
        except sqlite3.OperationalError:  # killed before the first migration committed
            row = None
        finally:
            db.close()
        return row[0] if row else "unknown"

    def publish_flip(self, n: int) -> None:
        """News that changes the committed status, so every completed check owes one alert."""
        self.server.serve("/feed.xml", article(n, "canceled" if self.status() == "renewed" else "renewed"))

    def start(self, command: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [RENEWALWATCH, "--config", str(self.config), command],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip

    def run_killed(self, command: str, delay: float) -> None:
        known = {body: sent for body, sent, _ in self.outbox()}
        proc = self.start(command)
        try:
            proc.wait(delay)
            self.timings.append(f"{command} finished before {delay:.2f}s")
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait(10)
            self.kills += 1
            self.timings.append(f"{command} killed at {delay:.2f}s")
            # Any alert owed before, or created during, the killed run may have been in the window.
            for body, _, _ in self.outbox():
                if body not in known or known[body] is None:
                    self.exposed[body] = self.exposed.get(body, 0) + 1

    def integrity(self) -> str:
        if not self.state.exists():
            return "ok"
        db = self.db()
        try:
            return str(db.execute("PRAGMA integrity_check").fetchone()[0])
        finally:
            db.close()

    def outbox(self) -> list[tuple[str, str | None, int]]:
        if not self.state.exists():
            return []
        db = self.db()
        try:
            return list(db.execute("SELECT body, sent_at, attempts FROM outbox ORDER BY id"))
        except sqlite3.OperationalError:  # killed before the first migration committed
            return []
        finally:
            db.close()

    def finish(self) -> None:
        """A run nobody kills delivers whatever is still owed."""
        done = subprocess.run(
            [RENEWALWATCH, "--config", str(self.config), "check"], capture_output=True, timeout=30
        )
        assert done.returncode == 0, done.stderr

    def assert_nothing_lost_nothing_doubled(self) -> None:
        rows = self.outbox()
        assert rows, "no alert was ever owed: the test proved nothing"
        assert all(sent for _, sent, _ in rows), "an owed alert was not delivered by the final run"
        bodies = [str(r.body.get("message")) for r in self.server.received]
        duplicates = 0
        for body, _, _ in rows:
            copies = bodies.count(body)
            assert copies >= 1, f"lost: {body.splitlines()[0]}"
            # One resend per crash that could have hit the window, never more.
            assert copies <= 1 + self.exposed.get(body, 0), f"sent {copies} times: {body.splitlines()[0]}"
            duplicates += copies - 1
        assert set(bodies) <= {body for body, _, _ in rows}, "a notification that was never owed"
        assert duplicates <= self.kills  # each kill can cost at most one resend


def lab_for(tmp_path: Path, server: FaultServer, every: str = "1s") -> Lab:
    config = tmp_path / "renewalwatch.toml"
    config.write_text(
        f'[settings]\nstate = "state.db"\nevery = "{every}"\ntimeout = 5\n'
        f'[notify]\nurls = ["{server.json_url()}"]\n'
        '[[watch]]\nshow = "Ballard"\nseason = 2\nnetwork = "Prime Video"\nauto_sources = false\n'
        f'[[source]]\nname = "news"\nurl = "{server.url("/feed.xml")}"\ntrust = "trade"\n'
    )
    return Lab(server, config, tmp_path / "state.db")


@pytest.mark.slow
def test_kill_9_of_check_at_random_moments(tmp_path: Path) -> None:
    rng = random.Random(20260301)
    with FaultServer() as server:
        lab = lab_for(tmp_path, server)
        lab.publish_flip(0)
        started = time.monotonic()
        lab.finish()  # one whole run, to learn how long a run lives
        life = time.monotonic() - started
        # A loaded machine stretches the first run, so some kills land after a run is done: go
        # on (bounded) until ten runs were really killed mid-run.
        for n in range(1, 61):
            lab.publish_flip(n)
            lab.run_killed("check", rng.uniform(0.0, life * 1.1))
            assert lab.integrity() == "ok", lab.timings
            if n >= 20 and lab.kills >= 10:
                break
        lab.finish()
        lab.assert_nothing_lost_nothing_doubled()
    assert lab.kills >= 10, lab.timings  # most repetitions really were killed mid-run


@pytest.mark.slow
def test_kill_9_of_run_at_random_moments(tmp_path: Path) -> None:
    rng = random.Random(20260302)
    with FaultServer() as server:
        lab = lab_for(tmp_path, server)
        lab.publish_flip(0)
        started = time.monotonic()
        daemon = lab.start("run")
        assert server.wait_received(1, timeout=10)
        life = time.monotonic() - started  # until the first alert is out
        daemon.send_signal(signal.SIGKILL)
        daemon.wait(10)
        lab.kills += 1
        for n in range(1, 11):
            lab.publish_flip(n)
            lab.run_killed("run", rng.uniform(0.0, life * 1.3))
            assert lab.integrity() == "ok", lab.timings
        lab.finish()
        lab.assert_nothing_lost_nothing_doubled()


def test_the_at_least_once_window_resends_exactly_once(tmp_path: Path) -> None:
    """Killed after the receiver accepted the alert but before the row was marked sent: the
    next run sends it again. This is the one duplicate renewalwatch allows (see outbox.py)."""
    with FaultServer() as server:
        lab = lab_for(tmp_path, server)
        lab.publish_flip(1)
        victim: list[subprocess.Popen[bytes]] = []

        def kill_sender(_: dict[str, Any]) -> None:
            os.kill(victim[0].pid, signal.SIGKILL)  # before the HTTP answer reaches Apprise

        server.on_post = kill_sender
        victim.append(lab.start("check"))
        assert victim[0].wait(10) == -signal.SIGKILL
        [(body, sent, _)] = lab.outbox()
        assert sent is None  # Apprise never saw the success: still owed
        server.on_post = None
        lab.finish()
        assert [str(r.body["message"]) for r in server.received] == [body, body]
        assert lab.outbox()[0][1] is not None
        lab.finish()
        assert len(server.received) == 2  # and never again
