"""Issue 12, items 3 and 7: a state file that disappears under `run` stops it (never a fresh
start that announces again); `run` logs one line per source check."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.faultserver import QUIET, RENEWAL, FaultServer
from tests.test_daemon import DaemonProcess, write_config


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer() as s:
        yield s


def _remove_state(state: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        state.with_name(state.name + suffix).unlink(missing_ok=True)


@pytest.mark.parametrize("how", ["deleted", "replaced"])
def test_a_state_file_that_goes_away_stops_the_daemon_and_nothing_is_sent_twice(
    tmp_path: Path, server: FaultServer, how: str
) -> None:
    server.serve("/feed.xml", RENEWAL)
    config = write_config(
        tmp_path / "renewalwatch.toml",
        server,
        {"local": "/feed.xml"},
        f"json://127.0.0.1:{server.port}/inbox",
    )
    state = tmp_path / "state.db"
    daemon = DaemonProcess(config, "--log-format", "json")
    try:
        assert server.wait_received(1, timeout=10), "no alert"
        _remove_state(state)
        if how == "replaced":
            state.write_bytes(b"")  # another file at the same path (a restore, a copy)
        code = daemon.proc.wait(timeout=15)
        assert code == 2
        lines = [json.loads(line) for line in daemon.lines() if line.startswith("{")]
        errors = [e["message"] for e in lines if e["level"] == "error"]
        assert any(str(state) in m and how in m for m in errors), errors
        # it stopped itself: the log must not tell an operator someone sent it a SIGTERM
        assert not any("SIGTERM" in e["message"] for e in lines), [e["message"] for e in lines]
        assert len(server.received) == 1
        assert how == "replaced" or not state.exists()
    finally:
        daemon.close()


def test_run_logs_one_line_per_source_check(tmp_path: Path, server: FaultServer) -> None:
    server.serve("/feed.xml", QUIET)
    config = write_config(tmp_path / "renewalwatch.toml", server, {"local": "/feed.xml"})
    daemon = DaemonProcess(config, "--log-format", "json")
    try:
        assert server.wait_hits("/feed.xml", 3, timeout=10)
        daemon.stop()
    finally:
        daemon.close()
    lines = [json.loads(line) for line in daemon.lines() if line.startswith("{")]
    per_check = [e for e in lines if "source=local" in e["message"] and "abandoned" not in e["message"]]
    checks = len([e for e in per_check if e["message"].startswith("cycle ")])
    assert checks >= 2
    assert len(per_check) == checks, [e["message"] for e in per_check]
