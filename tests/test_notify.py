"""`test-notify` and delivery failures, against a real json:// receiver and a dead port."""

from __future__ import annotations

import re
from pathlib import Path

from tests.helpers import fixture_bytes, run_cli, write_config
from tests.servers import RSS, JsonReceiver, Site, free_port

SOURCE = [{"name": "Ledger", "url": "http://127.0.0.1:9/feed.xml"}]


def test_test_notify_reaches_the_receiver(tmp_path: Path, receiver: JsonReceiver) -> None:
    config = write_config(tmp_path / "renewalwatch.toml", sources=SOURCE, urls=[receiver.apprise_url("/rw")])
    run = run_cli("--config", str(config), "test-notify")
    assert run.code == 0, run.all
    assert run.out.splitlines() == [f"ok      json://127.0.0.1:{receiver.port}/rw"]
    [post] = receiver.posts
    assert post.path == "/rw"
    assert post.payload["title"] == "renewalwatch test notification"
    assert "alerts will reach you here" in post.payload["message"]


def test_test_notify_reports_a_dead_port_and_exits_1(tmp_path: Path) -> None:
    dead = free_port()
    config = write_config(
        tmp_path / "renewalwatch.toml", sources=SOURCE, urls=[f"json://127.0.0.1:{dead}/rw"]
    )
    run = run_cli("--config", str(config), "test-notify")
    assert run.code == 1
    assert "Traceback" not in run.all
    [line] = run.out.splitlines()
    m = re.match(rf"^FAILED  json://127\.0\.0\.1:{dead}/rw: (.+)$", line)
    assert m, line
    # Regression: the reason used to carry Apprise's log prefix ("2025-11-05 18:00:00,123 - WARNING - ").
    reason = m.group(1)
    assert not re.match(r"\d{4}-\d\d-\d\d", reason), reason
    assert " - WARNING - " not in reason


def test_test_notify_tries_every_destination(tmp_path: Path, receiver: JsonReceiver) -> None:
    dead = free_port()
    config = write_config(
        tmp_path / "renewalwatch.toml",
        sources=SOURCE,
        urls=[f"json://127.0.0.1:{dead}/a", receiver.apprise_url("/b")],
    )
    run = run_cli("--config", str(config), "test-notify")
    assert run.code == 1
    first, second = run.out.splitlines()
    assert first.startswith(f"FAILED  json://127.0.0.1:{dead}/a: ")
    assert second == f"ok      json://127.0.0.1:{receiver.port}/b"
    assert len(receiver.posts) == 1
    assert run.err == ""  # the failure is said once, on its FAILED line, not again as a log line


def test_a_refusing_destination_is_a_failure(tmp_path: Path, receiver: JsonReceiver) -> None:
    receiver.status = 500
    config = write_config(tmp_path / "renewalwatch.toml", sources=SOURCE, urls=[receiver.apprise_url()])
    run = run_cli("--config", str(config), "test-notify")
    assert run.code == 1
    assert run.out.startswith(f"FAILED  json://127.0.0.1:{receiver.port}/renewalwatch: ")
    assert "500" in run.out


def test_without_urls_test_notify_prints_to_the_console(tmp_path: Path) -> None:
    config = write_config(tmp_path / "renewalwatch.toml", sources=SOURCE)
    run = run_cli("--config", str(config), "test-notify")
    assert run.code == 0
    assert "=== renewalwatch test notification ===" in run.out
    assert run.out.rstrip().endswith("ok      console")


def test_an_alert_refused_by_the_destination_stays_owed_and_is_retried(
    tmp_path: Path, site: Site, receiver: JsonReceiver
) -> None:
    """Marked sent only after the destination accepted it."""
    site.serve("/feed.xml", fixture_bytes("tvledger/report.xml"), RSS)
    config = write_config(
        tmp_path / "renewalwatch.toml",
        sources=[{"name": "Ledger", "url": site.url("/feed.xml"), "trust": "trade"}],
        urls=[receiver.apprise_url()],
    )
    receiver.status = 500
    assert run_cli("--config", str(config), "check").code == 1
    receiver.status = 200
    run = run_cli("--config", str(config), "check")
    assert run.code == 0, run.all
    titles = receiver.titles()
    assert titles == ["Ballard season 2: renewed — reported"] * 2  # refused once, accepted once
    third = run_cli("--config", str(config), "check")
    assert third.code == 0 and len(receiver.posts) == 2
