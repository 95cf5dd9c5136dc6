"""Issue 12, items 4-6: disk and permission errors are one line and exit 2; reads never write;
Retry-After cannot silence a source; `health` is not ok when blind."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from renewalwatch.fetch import parse_retry_after
from tests.helpers import Run, fixture_bytes, run_cli, toml_str, write_config
from tests.mounts import fill, remount, tmpfs
from tests.servers import RSS, Site

NOW = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


def one_line_error(run: Run, path: Path) -> str:
    assert run.code == 2, run.all
    assert "Traceback" not in run.all
    errors = [line for line in run.err.splitlines() if line.startswith("renewalwatch: error:")]
    assert len(errors) == 1, run.err
    assert str(path) in errors[0]
    return errors[0]


def config_with_state(tmp_path: Path, site: Site, state: Path) -> Path:
    site.serve("/feed.xml", fixture_bytes("tvledger/report.xml"), RSS)
    config = write_config(
        tmp_path / "renewalwatch.toml",
        sources=[{"name": "Ledger", "url": site.url("/feed.xml"), "trust": "trade"}],
    )
    config.write_text(config.read_text().replace('state = "state.db"', f"state = {toml_str(str(state))}"))
    return config


def test_a_read_only_state_folder_is_one_line_and_exit_2(tmp_path: Path, site: Site) -> None:
    with tmpfs(tmp_path / "mnt") as mnt:
        remount(mnt, "ro")
        config = config_with_state(tmp_path, site, mnt / "state.db")
        for command in ("check", "run"):
            line = one_line_error(run_cli("--config", str(config), command), mnt)
            assert "delete" not in line


def test_a_full_disk_is_one_line_and_exit_2(tmp_path: Path, site: Site) -> None:
    with tmpfs(tmp_path / "mnt", size="64k") as mnt:
        fill(mnt)
        config = config_with_state(tmp_path, site, mnt / "state.db")
        line = one_line_error(run_cli("--config", str(config), "check"), mnt / "state.db")
        assert "delete" not in line and "not a usable" not in line


def test_a_healthy_state_in_a_read_only_folder_is_read_never_condemned(tmp_path: Path, site: Site) -> None:
    with tmpfs(tmp_path / "mnt") as mnt:
        config = config_with_state(tmp_path, site, mnt / "state.db")
        assert run_cli("--config", str(config), "check").code == 0
        remount(mnt, "ro")
        status = run_cli("--config", str(config), "status", "--json")
        assert status.code == 0, status.all
        assert json.loads(status.out)["watches"][0]["status"] == "renewed"
        health = run_cli("--config", str(config), "health")
        assert "delete" not in health.all and "not a usable" not in health.all


@pytest.mark.parametrize("command", ["status", "health"])
def test_status_and_health_never_create_a_state_file(tmp_path: Path, site: Site, command: str) -> None:
    state = tmp_path / "fresh" / "state.db"
    config = config_with_state(tmp_path, site, state)
    run = run_cli("--config", str(config), command)
    assert not state.parent.exists()
    assert run.code == (0 if command == "status" else 1), run.all
    assert "Traceback" not in run.all


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("120", 120.0),
        ("  45 ", 45.0),
        ("99999999999999999999", None),
        ("999999999", 999999999.0),
        ("-5", None),
        ("1.5", None),
        ("soon", None),
        ("Fri, 01 May 2026 12:10:00 GMT", 600.0),
        ("Fri, 01 May 2026 11:00:00 GMT", 0.0),
        ("Sat, 01 May 9999 12:00:00 GMT", None),
        ("", None),
    ],
)
def test_retry_after_is_parsed_defensively(header: str, expected: float | None) -> None:
    got = parse_retry_after(header, NOW)
    if expected is None:
        assert got is None or got >= 0  # huge values are fine as long as they parse without error
    else:
        assert got == expected


def test_a_huge_retry_after_is_capped_by_backoff_cap(tmp_path: Path, site: Site) -> None:
    for i, value in enumerate(("99999999999999999999", "999999999", "Sat, 01 May 9999 12:00:00 GMT")):
        path = f"/busy{i}.xml"
        site.serve(path, b"busy", "text/plain", status=429, headers={"Retry-After": value})
    config = write_config(
        tmp_path / "renewalwatch.toml",
        sources=[{"name": f"Busy {i}", "url": site.url(f"/busy{i}.xml")} for i in range(3)],
        settings={"backoff_cap": "2h"},
    )
    check = run_cli("--config", str(config), "check")
    assert check.code == 1 and "Traceback" not in check.all
    status = json.loads(run_cli("--config", str(config), "status", "--json").out)
    assert len(status["sources"]) == 3
    for s in status["sources"]:
        last = datetime.fromisoformat(s["last_checked"])
        assert datetime.fromisoformat(s["next_attempt"]) <= last + timedelta(hours=2, seconds=1)


def test_health_fails_when_no_source_has_ever_succeeded(tmp_path: Path, site: Site) -> None:
    config = write_config(
        tmp_path / "renewalwatch.toml",
        sources=[{"name": "Missing", "url": site.url("/missing.xml")}],
    )
    assert run_cli("--config", str(config), "check").code == 1
    health = run_cli("--config", str(config), "health")
    assert health.code == 1
    assert "no source" in health.err and "succeeded" in health.err
