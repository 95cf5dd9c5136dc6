"""The state file: schema versions, WAL, refusing files that are not ours, and the unit of work."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import renewalwatch.store.sqlite as sqlite_store
from renewalwatch.errors import StoreError
from renewalwatch.models import Evidence, NoticeKind, SourceHealth, Status, Verdict, WatchState
from renewalwatch.store import SqliteStore
from renewalwatch.store.schema import APPLICATION_ID, MIGRATIONS
from tests.helpers import run_cli, write_config

NOW = datetime(2025, 11, 5, 19, 0, tzinfo=UTC)
HINT = "move it aside (or delete it) to start with a fresh state"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "state" / "state.db"


def pragma(path: Path, name: str) -> object:
    with sqlite3.connect(path) as db:
        return db.execute(f"PRAGMA {name}").fetchone()[0]


def test_a_new_state_file_is_migrated_marked_and_in_wal_mode(path: Path) -> None:
    store = SqliteStore(path)
    store.close()
    assert pragma(path, "user_version") == len(MIGRATIONS)
    assert pragma(path, "application_id") == APPLICATION_ID
    assert pragma(path, "journal_mode") == "wal"
    with sqlite3.connect(path) as db:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"source", "item", "watch", "evidence", "history", "outbox", "cycle"} <= tables


def test_reopening_keeps_data_and_version(path: Path) -> None:
    store = SqliteStore(path)
    with store.transaction():
        store.ensure_watch("ballard#s2", "Ballard", 2)
        store.set_watch_state("ballard#s2", WatchState(Status.RENEWED, False, NOW), WatchState(), None)
    store.close()
    again = SqliteStore(path)
    assert again.watch_state("ballard#s2") == WatchState(Status.RENEWED, False, NOW)
    assert [h.after.status for h in again.history("ballard#s2")] == [Status.RENEWED]
    again.close()
    assert pragma(path, "user_version") == len(MIGRATIONS)


def test_an_old_state_file_is_migrated_forward(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file written when only migration 1 existed gets the rest, and keeps its data."""
    monkeypatch.setattr(sqlite_store, "MIGRATIONS", MIGRATIONS[:1])
    store = SqliteStore(path)
    with store.transaction():
        store.ensure_watch("ballard#s2", "Ballard", 2)
    store.close()
    assert pragma(path, "user_version") == 1
    monkeypatch.setattr(sqlite_store, "MIGRATIONS", (*MIGRATIONS, "CREATE TABLE later_feature (x TEXT);"))
    store = SqliteStore(path)
    assert store.watch_state("ballard#s2") == WatchState()  # the row survived
    store.close()
    assert pragma(path, "user_version") == len(MIGRATIONS) + 1


def test_a_failed_migration_changes_nothing_and_frees_the_file(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    SqliteStore(path).close()
    version = pragma(path, "user_version")
    broken = "CREATE TABLE half_done (x TEXT); CREATE TABLE broken ("
    monkeypatch.setattr(sqlite_store, "MIGRATIONS", (*MIGRATIONS, broken))
    with pytest.raises(StoreError):
        SqliteStore(path)
    # Regression: the failed connection used to stay open inside its transaction, so the next
    # open in the same process found the database locked.
    monkeypatch.setattr(sqlite_store, "MIGRATIONS", MIGRATIONS)
    store = SqliteStore(path)
    store.close()
    assert pragma(path, "user_version") == version
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone()[0] == 0


def test_a_newer_schema_is_refused(path: Path) -> None:
    SqliteStore(path).close()
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    before = path.read_bytes()
    with pytest.raises(StoreError) as e:
        SqliteStore(path)
    assert "newer renewalwatch" in str(e.value)
    assert str(path) in str(e.value)
    assert path.read_bytes() == before


def test_a_foreign_sqlite_file_is_refused_with_the_recovery_hint(path: Path) -> None:
    path.parent.mkdir(parents=True)
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE recipes (name TEXT, minutes INTEGER)")
        db.execute("INSERT INTO recipes VALUES ('soda bread', 50)")
    before = path.read_bytes()
    with pytest.raises(StoreError) as e:
        SqliteStore(path)
    assert "another program" in str(e.value)
    assert HINT in str(e.value)
    assert str(path) in str(e.value)
    assert path.read_bytes() == before  # nothing of theirs was touched


def test_a_garbage_file_is_refused_with_the_recovery_hint(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is a shopping list, not a database\n" * 200)
    before = path.read_bytes()
    with pytest.raises(StoreError) as e:
        SqliteStore(path)
    assert HINT in str(e.value)
    assert path.read_bytes() == before


def test_the_cli_reports_a_bad_state_file_in_one_line(tmp_path: Path) -> None:
    config = write_config(tmp_path / "renewalwatch.toml", sources=[{"url": "http://127.0.0.1:9/f.xml"}])
    (tmp_path / "state.db").write_bytes(b"\x00\x01 definitely not sqlite " * 100)
    for command in ("check", "status"):
        run = run_cli("--config", str(config), command)
        assert run.code == 2, run.all
        assert "Traceback" not in run.all
        [line] = run.err.splitlines()
        assert str(tmp_path / "state.db") in line and HINT in line


# --- the unit of work -----------------------------------------------------------------------


def test_a_transaction_is_all_or_nothing(path: Path) -> None:
    store = SqliteStore(path)
    with pytest.raises(RuntimeError), store.transaction():
        store.ensure_watch("ballard#s2", "Ballard", 2)
        with store.transaction():  # nested: joins the outer one
            store.enqueue(
                "dest", "json://…", NoticeKind.CHANGE, "Ballard season 2: renewed — reported", "body", NOW
            )
        raise RuntimeError("crash after the writes")
    assert store.owed() == []
    assert store.watch_states() == {}  # the watch row went too
    with store.transaction():
        store.enqueue("dest", "json://…", NoticeKind.CHANGE, "title", "body", NOW)
    assert len(store.owed()) == 1
    store.close()


def test_outbox_rows_stay_owed_until_sent(path: Path) -> None:
    store = SqliteStore(path)
    with store.transaction():
        store.enqueue("mail", "mailto://rw:****@smtp.example.com", NoticeKind.CHANGE, "T", "B", NOW)
        store.enqueue("hook", "json://127.0.0.1:9/x", NoticeKind.CHANGE, "T", "B", NOW)
    mail, hook = store.owed()
    with store.transaction():
        store.mark_failed(mail.id, "connection refused", NOW + timedelta(minutes=1))
        store.mark_sent(hook.id, NOW)
    [row] = store.owed()
    assert (row.destination, row.attempts, row.last_error) == ("mail", 1, "connection refused")
    assert store.owed(due_by=NOW) == []  # not due again yet
    assert [r.id for r in store.owed(due_by=NOW + timedelta(minutes=1))] == [mail.id]
    with store.transaction():
        store.mark_sent(mail.id, NOW + timedelta(minutes=2))
    assert store.owed() == []
    store.close()


def test_items_and_sources_round_trip(path: Path) -> None:
    store = SqliteStore(path)
    health = SourceHealth(name="Ledger", url="http://127.0.0.1:9/f.xml", etag='"abc"', last_modified="Wed, 05 Nov 2025 18:00:00 GMT",
                          body_hash="h1", last_checked=NOW, last_success=NOW)  # fmt: skip
    with store.transaction():
        store.save_source(health)
        for content_hash, title in [("hash-1", "Title"), ("hash-2", "Title, updated")]:
            store.save_item(
                source="Ledger", key="guid-1", content_hash=content_hash, url="https://x/1", title=title,
                published=NOW, seen=NOW,
            )  # fmt: skip
    assert store.source("Ledger", "ignored") == health
    assert store.source("Unknown", "http://u") == SourceHealth(name="Unknown", url="http://u")
    assert store.item_hashes(["Ledger", "Other"]) == {"Ledger": {"guid-1": "hash-2"}, "Other": {}}
    store.close()


def test_evidence_is_listed_newest_first_without_unrelated(path: Path) -> None:
    store = SqliteStore(path)

    def evidence(verdict: Verdict, title: str) -> Evidence:
        return Evidence(
            watch_key="ballard#s2",
            verdict=verdict,
            official=False,
            season=2,
            sentence="s",
            rule="r",
            stale=False,
            source="Ledger",
            url="https://x",
            title=title,
            published=NOW,
            found_at=NOW,
        )

    with store.transaction():
        store.ensure_watch("ballard#s2", "Ballard", 2)
        for verdict, title in [
            (Verdict.PENDING, "first"),
            (Verdict.UNRELATED, "noise"),
            (Verdict.RENEWED, "second"),
        ]:
            store.add_evidence(evidence(verdict, title))
    assert [e.title for e in store.evidence("ballard#s2")] == ["second", "first"]
    store.close()
