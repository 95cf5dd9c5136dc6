"""A state file written by an earlier release opens with a migration, not a reset: its statuses,
history and owed alerts survive, and each owed alert is delivered exactly once."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from renewalwatch.store.schema import APPLICATION_ID, MIGRATIONS
from tests.helpers import fixture_bytes, run_cli, write_config
from tests.servers import RSS, JsonReceiver, Site

FIXTURES = Path(__file__).parent / "fixtures" / "state"
OWED = "Ballard season 2: renewed — reported"


def restore(dump: Path, path: Path) -> Path:
    db = sqlite3.connect(path)
    db.executescript(dump.read_text(encoding="utf-8"))
    db.close()
    return path


def pragma(path: Path, name: str) -> int:
    db = sqlite3.connect(path)
    try:
        return int(db.execute(f"PRAGMA {name}").fetchone()[0])
    finally:
        db.close()


def test_the_bb6cc11_state_keeps_its_status_and_delivers_its_owed_alert_once(
    tmp_path: Path, site: Site, receiver: JsonReceiver
) -> None:
    state = restore(FIXTURES / "bb6cc11.sql", tmp_path / "state.db")
    assert pragma(state, "user_version") == 2  # what that release wrote
    site.serve("/ledger.xml", fixture_bytes("tvledger/report.xml"), RSS)
    config = write_config(
        tmp_path / "renewalwatch.toml",
        sources=[{"name": "TV Ledger", "kind": "feed", "url": site.url("/ledger.xml"), "trust": "trade"}],
        urls=["json://${RW_HOOK}/renewalwatch"],  # the same configured text: the same destination key
    )
    env = {"RW_HOOK": f"127.0.0.1:{receiver.port}"}

    before = run_cli("--config", str(config), "status", "--json", env=env)
    assert before.code == 0, before.all
    data = json.loads(before.out)
    [watch] = data["watches"]
    assert (watch["status"], watch["official"]) == ("renewed", False)
    assert [o["title"] for o in data["owed"]] == [OWED]

    for _ in range(2):  # the second check finds the same news: nothing new to tell
        run = run_cli("--config", str(config), "check", env=env)
        assert run.code == 0, run.all
    assert receiver.titles() == [OWED]

    assert pragma(state, "user_version") == len(MIGRATIONS)
    assert pragma(state, "application_id") == APPLICATION_ID
    after = json.loads(run_cli("--config", str(config), "status", "--json", env=env).out)
    [watch] = after["watches"]
    assert (watch["status"], watch["official"]) == ("renewed", False)
    assert [h["to"] for h in watch["history"]] == ["pending", "renewed — reported"]  # history kept
    assert after["owed"] == []
