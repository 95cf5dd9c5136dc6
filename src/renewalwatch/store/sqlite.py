"""SQLite storage, the one `Store`. sqlite3 errors are translated to StoreError at this edge.

Every statement names its columns and every row is read by name, so a migration that adds a
column breaks nothing here.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from urllib.parse import quote

from renewalwatch.errors import StateAccessError, StoreError
from renewalwatch.masking import mask_text, mask_url
from renewalwatch.models import (
    Article,
    Evidence,
    HistoryEntry,
    NoticeKind,
    OutboxRow,
    Premiere,
    ShowFacts,
    SourceHealth,
    Status,
    Verdict,
    WatchState,
)  # fmt: skip
from renewalwatch.store.facts import facts_from_json, facts_to_json
from renewalwatch.store.schema import APPLICATION_ID, MIGRATIONS

RECOVERY = "move it aside (or delete it) to start with a fresh state; nothing else is touched"
# Only these say the file's content is unusable; any other error is about access (permissions,
# a read-only or full disk, a missing folder), and deleting the file would not help.
_CONTENT_ERRORS = frozenset({"SQLITE_NOTADB", "SQLITE_CORRUPT"})
_ACCESS_HINTS = {
    "SQLITE_FULL": "the disk is full",
    "SQLITE_READONLY": "the file or its folder is read-only",
    "SQLITE_CANTOPEN": "check that its folder exists and that the file and folder can be written",
    "SQLITE_PERM": "permission denied",
    "SQLITE_IOERR": "a disk error",
}


def _open_error(path: Path, e: sqlite3.DatabaseError) -> StoreError:
    name = getattr(e, "sqlite_errorname", "")
    if name in _CONTENT_ERRORS:
        return StoreError(str(path), f"not a usable renewalwatch state file ({e}); {RECOVERY}")
    hint = _ACCESS_HINTS.get("_".join(name.split("_")[:2]))  # SQLITE_IOERR_WRITE -> SQLITE_IOERR
    return StateAccessError(str(path), f"cannot open: {e}" + (f" ({hint})" if hint else ""))


def _iso(when: datetime | None) -> str | None:
    return when.isoformat() if when else None


def _dt(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


_SOURCE = (
    "name, url, etag, last_modified, body_hash, last_checked, last_success, last_error,"
    " failing_since, consecutive_failures, next_attempt, disabled, failing_notice_sent"
)
_EVIDENCE = "watch, verdict, official, season, sentence, rule, stale, source, url, title, published, found_at"
_OUTBOX = (
    "id, destination, destination_label, kind, title, body, created_at, attempts, next_attempt,"
    " last_error, sent_at"
)
_PREMIERE = "day, source, url, sentence, rule, found_at"
_ARTICLE = "source, title, published, why, attempts, last_error, done"
_CHUNK = 500  # names per IN (...): well under SQLite's limit on bound parameters


class SqliteStore:
    """All reads and writes of the state file. Use `with store.transaction():` to group writes."""

    def __init__(
        self, path: Path, *, create: bool = True, read_only: bool = False, immutable: bool = False
    ) -> None:
        """`create=False` never creates the file or its folder; `read_only` never writes (SQLite
        refuses; no migration) and still sees a writer's commits; `immutable` reads a snapshot of
        a file whose folder cannot be written (no WAL)."""
        self.path = path
        db: sqlite3.Connection | None = None
        opened = False
        try:
            if create and not read_only:
                path.parent.mkdir(parents=True, exist_ok=True)
                target, uri = str(path), False
            else:
                mode = ("ro&immutable=1" if immutable else "ro") if read_only else "rw"
                target, uri = f"file:{quote(str(path.absolute()))}?mode={mode}", True
            self._db = db = sqlite3.connect(target, isolation_level=None, timeout=30.0, uri=uri)
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA busy_timeout = 30000")
            self._check_foreign()
            self._check_version()  # before WAL mode: a file we cannot use is left byte-identical
            if read_only:
                self._check_current()
            else:
                self._db.execute("PRAGMA journal_mode = WAL")
                self._db.execute("PRAGMA synchronous = NORMAL")
                self._db.execute("PRAGMA foreign_keys = ON")
                self._migrate()
            opened = True
        except sqlite3.DatabaseError as e:
            raise _open_error(path, e) from e
        except OSError as e:
            raise StateAccessError(str(path), f"cannot open: {e.strerror or e}") from e
        finally:
            if not opened and db is not None:
                db.close()  # rolls back a half-done migration and releases the write lock
        self._depth = 0

    @classmethod
    def for_reading(cls, path: Path) -> SqliteStore | None:
        """The state for `status` and `health`: None when there is none yet (nothing is created);
        read as a snapshot when its folder cannot be written."""
        if not path.exists():
            return None
        try:
            return cls(path, create=False)
        except StateAccessError:
            return cls(path, create=False, read_only=True, immutable=True)

    @classmethod
    def for_serving(cls, path: Path) -> SqliteStore:
        """The web page's read, one per request: never creates or writes, and sees what a running
        check or daemon commits (WAL); a snapshot when the file's folder cannot be written."""
        if not path.is_file():
            raise StoreError(str(path), "no state file yet: no check has run")
        try:
            return cls(path, create=False, read_only=True)
        except StateAccessError:
            return cls(path, create=False, read_only=True, immutable=True)

    def _check_current(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version != len(MIGRATIONS):
            raise StateAccessError(
                str(self.path),
                f"needs an upgrade (schema {version} to {len(MIGRATIONS)}) and cannot be written;"
                " run `renewalwatch check` once with write access",
            )

    def close(self) -> None:
        self._db.close()

    def _check_foreign(self) -> None:
        app_id = self._db.execute("PRAGMA application_id").fetchone()[0]
        tables = self._db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if app_id != APPLICATION_ID and (app_id != 0 or tables):
            raise StoreError(str(self.path), f"is a SQLite file of another program; {RECOVERY}")

    def _check_version(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > len(MIGRATIONS):
            raise StoreError(
                str(self.path),
                f"was written by a newer renewalwatch (schema {version}, this one knows {len(MIGRATIONS)})",
            )

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            # executescript commits first; the BEGIN makes each migration all-or-nothing.
            self._db.executescript(
                f"BEGIN IMMEDIATE; {script}; PRAGMA application_id = {APPLICATION_ID};"
                f" PRAGMA user_version = {number}; COMMIT;"
            )

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Nested use joins the outer transaction (a savepoint would add nothing here)."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as e:
            raise StoreError(str(self.path), f"cannot start a transaction: {e}") from e
        self._depth = 1
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        else:
            try:
                self._db.execute("COMMIT")
            except sqlite3.Error as e:
                self._db.execute("ROLLBACK")
                raise StoreError(str(self.path), f"cannot commit: {e}") from e
        finally:
            self._depth = 0

    def _x(self, sql: str, args: tuple[object, ...] = ()) -> sqlite3.Cursor:
        try:
            return self._db.execute(sql, args)
        except sqlite3.Error as e:
            raise StoreError(str(self.path), f"{e}") from e

    def integrity(self) -> str:
        return str(self._x("PRAGMA integrity_check").fetchone()[0])

    # --- sources ---------------------------------------------------------------------------
    def source(self, name: str, url: str) -> SourceHealth:
        row = self._x(f"SELECT {_SOURCE} FROM source WHERE name = ?", (name,)).fetchone()
        if row is None:
            return SourceHealth(name=name, url=url)
        health = _health(row)
        # The state keeps the masked URL: the same masked URL is the same source.
        return replace(health, url=url) if health.url in (url, mask_url(url)) else health

    def sources(self) -> list[SourceHealth]:
        """Every source's health; `url` is the masked URL the state keeps."""
        return [_health(r) for r in self._x(f"SELECT {_SOURCE} FROM source ORDER BY name")]

    def save_source(self, h: SourceHealth) -> None:
        self._x(
            f"INSERT OR REPLACE INTO source ({_SOURCE}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                h.name, mask_url(h.url), h.etag, h.last_modified, h.body_hash, _iso(h.last_checked),
                _iso(h.last_success), h.last_error and mask_text(h.last_error), _iso(h.failing_since), h.consecutive_failures,
                _iso(h.next_attempt), h.disabled, int(h.failing_notice_sent),
            ),
        )  # fmt: skip

    # --- items -----------------------------------------------------------------------------
    def item_hashes(self, sources: Iterable[str]) -> dict[str, dict[str, str]]:
        """{source: {item key: content hash}} for the named sources, in one pass per 500 names."""
        names = sorted(set(sources))
        seen: dict[str, dict[str, str]] = {n: {} for n in names}
        for i in range(0, len(names), _CHUNK):
            chunk = names[i : i + _CHUNK]
            rows = self._x(
                f"SELECT source, key, content_hash FROM item WHERE source IN ({','.join('?' * len(chunk))})",
                tuple(chunk),
            )
            for r in rows:
                seen[r["source"]][r["key"]] = r["content_hash"]
        return seen

    def save_item(
        self, *, source: str, key: str, content_hash: str, url: str, title: str,
        published: datetime | None, seen: datetime,
    ) -> None:  # fmt: skip
        self._x(
            "INSERT INTO item (source, key, content_hash, url, title, published, first_seen)"
            " VALUES (?,?,?,?,?,?,?) ON CONFLICT (source, key) DO UPDATE SET"
            " content_hash = excluded.content_hash, title = excluded.title",
            (source, key, content_hash, mask_url(url), title, _iso(published), seen.isoformat()),
        )

    # --- watches ---------------------------------------------------------------------------
    def ensure_watch(self, key: str, show: str, season: int) -> None:
        self._x("INSERT OR IGNORE INTO watch (key, show, season) VALUES (?,?,?)", (key, show, season))

    def watch_state(self, key: str) -> WatchState:
        row = self._x("SELECT status, official, since FROM watch WHERE key = ?", (key,)).fetchone()
        return WatchState() if row is None else _state(row)

    def watch_states(self) -> dict[str, WatchState]:
        rows = self._x("SELECT key, status, official, since FROM watch")
        return {r["key"]: _state(r) for r in rows}

    def set_watch_state(
        self, key: str, state: WatchState, previous: WatchState, evidence_id: int | None
    ) -> None:
        self._x(
            "UPDATE watch SET status = ?, official = ?, since = ? WHERE key = ?",
            (state.status.value, int(state.official), _iso(state.since), key),
        )
        self._x(
            "INSERT INTO history (watch, status, official, previous_status, previous_official, at, evidence,"
            " learned_at) VALUES (?,?,?,?,?,?,?, coalesce((SELECT found_at FROM evidence WHERE id = ?), ?))",
            (key, state.status.value, int(state.official), previous.status.value,
             int(previous.official), _iso(state.since), evidence_id, evidence_id, _iso(state.since)),
        )  # fmt: skip

    def blind_notices(self) -> frozenset[str]:
        """The watches that were told every source is failing, and not told otherwise since."""
        rows = self._x("SELECT key FROM watch WHERE blind_notice_sent = 1")
        return frozenset(r["key"] for r in rows)

    def set_blind_notice(self, key: str, sent: bool) -> None:
        self._x("UPDATE watch SET blind_notice_sent = ? WHERE key = ?", (int(sent), key))

    def history(self, key: str) -> list[HistoryEntry]:
        """In the order renewalwatch learned of each move (a cycle's moves in their own order),
        each with the evidence that made it."""
        rows = self._x(
            "SELECT h.id AS h_id, h.status AS h_status, h.official AS h_official, h.at AS h_at,"
            " h.previous_status, h.previous_official, h.learned_at,"
            f" {', '.join(f'e.{c}' for c in _EVIDENCE.split(', '))}"
            " FROM history AS h LEFT JOIN evidence AS e ON e.id = h.evidence"
            " WHERE h.watch = ? ORDER BY h.learned_at, h.id",
            (key,),
        )
        return [
            HistoryEntry(
                id=int(r["h_id"]),
                before=WatchState(Status(r["previous_status"]), bool(r["previous_official"]), None),
                after=WatchState(Status(r["h_status"]), bool(r["h_official"]), _dt(r["h_at"])),
                published=_dt(r["h_at"]),
                learned=_dt(r["learned_at"]),
                evidence=None if r["verdict"] is None else _evidence(r),
            )
            for r in rows
        ]

    # --- evidence --------------------------------------------------------------------------
    # --- show facts and premiere dates ----------------------------------------------------
    def show_facts(self) -> dict[str, ShowFacts]:
        rows = self._x("SELECT watch, facts FROM show_facts")
        return {r["watch"]: facts_from_json(r["facts"]) for r in rows}

    def save_show_facts(self, key: str, facts: ShowFacts, when: datetime) -> None:
        self._x(
            "INSERT INTO show_facts (watch, facts, updated_at) VALUES (?,?,?)"
            " ON CONFLICT (watch) DO UPDATE SET facts = excluded.facts, updated_at = excluded.updated_at",
            (key, facts_to_json(facts), when.isoformat()),
        )

    def premieres(self) -> dict[str, Premiere]:
        rows = self._x(f"SELECT watch, {_PREMIERE} FROM premiere")
        return {
            r["watch"]: Premiere(
                day=date.fromisoformat(r["day"]),
                source=r["source"],
                url=r["url"],
                sentence=r["sentence"],
                rule=r["rule"],
                found_at=datetime.fromisoformat(r["found_at"]),
            )
            for r in rows
        }

    def save_premiere(self, key: str, p: Premiere) -> None:
        self._x(
            f"INSERT INTO premiere (watch, {_PREMIERE}) VALUES (?,?,?,?,?,?,?) ON CONFLICT (watch) DO UPDATE SET"
            " day = excluded.day, source = excluded.source, url = excluded.url,"
            " sentence = excluded.sentence, rule = excluded.rule, found_at = excluded.found_at",
            (key, p.day.isoformat(), p.source, mask_url(p.url), p.sentence, p.rule, p.found_at.isoformat()),
        )

    def pending_articles(self, max_attempts: int) -> list[Article]:
        rows = self._x(
            f"SELECT key, fetch_url, {_ARTICLE} FROM article"
            " WHERE done = 0 AND attempts < ? AND fetch_url IS NOT NULL ORDER BY updated_at, key",
            (max_attempts,),
        )
        return [
            Article(
                key=r["key"], url=r["fetch_url"], source=r["source"], title=r["title"],
                published=_dt(r["published"]), why=r["why"], attempts=r["attempts"],
                last_error=r["last_error"], done=bool(r["done"]),
            )
            for r in rows
        ]  # fmt: skip

    def article_keys(self) -> frozenset[str]:
        return frozenset(r["key"] for r in self._x("SELECT key FROM article"))

    def save_article(self, a: Article, when: datetime) -> None:
        self._x(
            f"INSERT INTO article (key, url, fetch_url, {_ARTICLE}, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT (key) DO UPDATE SET fetch_url = excluded.fetch_url, attempts = excluded.attempts,"
            " last_error = excluded.last_error, done = excluded.done, updated_at = excluded.updated_at",
            (a.key, mask_url(a.url), None if a.done else a.url, a.source, a.title, _iso(a.published), a.why,
             a.attempts, a.last_error, int(a.done), when.isoformat()),
        )  # fmt: skip

    def add_evidence(self, e: Evidence) -> int:
        cur = self._x(
            f"INSERT INTO evidence ({_EVIDENCE}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (e.watch_key, e.verdict.value, int(e.official), e.season, e.sentence, e.rule, int(e.stale),
             e.source, mask_url(e.url), e.title, _iso(e.published), e.found_at.isoformat()),
        )  # fmt: skip
        return int(cur.lastrowid or 0)

    def evidence(self, key: str, limit: int = 20) -> list[Evidence]:
        rows = self._x(
            f"SELECT {_EVIDENCE} FROM evidence WHERE watch = ? AND verdict IN ('renewed', 'canceled',"
            " 'pending') ORDER BY id DESC LIMIT ?",
            (key, limit),
        )
        return [_evidence(r) for r in rows]

    # --- outbox ----------------------------------------------------------------------------
    def enqueue(
        self, destination: str, label: str, kind: NoticeKind, title: str, body: str, now: datetime
    ) -> None:
        self._x(
            "INSERT INTO outbox (destination, destination_label, kind, title, body, created_at, next_attempt)"
            " VALUES (?,?,?,?,?,?,?)",
            (destination, label, str(kind), title, body, now.isoformat(), now.isoformat()),
        )

    def owed(self, due_by: datetime | None = None) -> list[OutboxRow]:
        sql = f"SELECT {_OUTBOX} FROM outbox WHERE sent_at IS NULL"
        args: tuple[object, ...] = ()
        if due_by is not None:
            sql += " AND next_attempt <= ?"
            args = (due_by.isoformat(),)
        return [_outbox(r) for r in self._x(sql + " ORDER BY id", args)]

    def mark_sent(self, row_id: int, when: datetime) -> None:
        self._x(
            "UPDATE outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?",
            (when.isoformat(), row_id),
        )

    def mark_failed(self, row_id: int, error: str, next_attempt: datetime) -> None:
        self._x(
            "UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt = ? WHERE id = ?",
            (error, next_attempt.isoformat(), row_id),
        )

    # --- meta ------------------------------------------------------------------------------
    def meta(self, key: str) -> str | None:
        row = self._x("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row["value"])

    def set_meta(self, key: str, value: str) -> None:
        self._x("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    # --- cycles ----------------------------------------------------------------------------
    def record_cycle(self, started: datetime, finished: datetime, ok: int, failed: int, changes: int) -> None:
        self._x(
            "INSERT INTO cycle (started_at, finished_at, sources_ok, sources_failed, changes) VALUES (?,?,?,?,?)",
            (started.isoformat(), finished.isoformat(), ok, failed, changes),
        )
        self._x("DELETE FROM cycle WHERE id <= (SELECT max(id) - 1000 FROM cycle)")

    def last_cycle(self) -> tuple[datetime, int, int] | None:
        row = self._x(
            "SELECT finished_at, sources_ok, sources_failed FROM cycle ORDER BY id DESC LIMIT 1"
        ).fetchone()
        if row is None:
            return None
        return datetime.fromisoformat(row["finished_at"]), int(row["sources_ok"]), int(row["sources_failed"])


def _health(r: sqlite3.Row) -> SourceHealth:
    return SourceHealth(
        name=r["name"], url=r["url"], etag=r["etag"], last_modified=r["last_modified"],
        body_hash=r["body_hash"], last_checked=_dt(r["last_checked"]), last_success=_dt(r["last_success"]),
        last_error=r["last_error"], failing_since=_dt(r["failing_since"]),
        consecutive_failures=int(r["consecutive_failures"]), next_attempt=_dt(r["next_attempt"]),
        disabled=r["disabled"], failing_notice_sent=bool(r["failing_notice_sent"]),
    )  # fmt: skip


def _state(r: sqlite3.Row) -> WatchState:
    return WatchState(Status(r["status"]), bool(r["official"]), _dt(r["since"]))


def _evidence(r: sqlite3.Row) -> Evidence:
    return Evidence(
        watch_key=r["watch"], verdict=Verdict(r["verdict"]), official=bool(r["official"]),
        season=r["season"], sentence=r["sentence"], rule=r["rule"], stale=bool(r["stale"]),
        source=r["source"], url=r["url"], title=r["title"], published=_dt(r["published"]),
        found_at=datetime.fromisoformat(r["found_at"]),
    )  # fmt: skip


def _outbox(r: sqlite3.Row) -> OutboxRow:
    return OutboxRow(
        id=r["id"], destination=r["destination"], destination_label=r["destination_label"],
        kind=NoticeKind(r["kind"]), title=r["title"], body=r["body"],
        created_at=datetime.fromisoformat(r["created_at"]), attempts=r["attempts"],
        next_attempt=datetime.fromisoformat(r["next_attempt"]), last_error=r["last_error"],
        sent_at=_dt(r["sent_at"]),
    )  # fmt: skip
