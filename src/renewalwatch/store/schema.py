"""The state file's schema, as numbered migrations. Never edit a shipped migration: add one."""

from __future__ import annotations

APPLICATION_ID = 0x52574154  # "RWAT": tells our state file from any other SQLite file

MIGRATIONS: tuple[str, ...] = (
    # 1: the first schema
    """
    CREATE TABLE source (
        name TEXT PRIMARY KEY,
        url TEXT NOT NULL,
        etag TEXT,
        last_modified TEXT,
        body_hash TEXT,
        last_checked TEXT,
        last_success TEXT,
        last_error TEXT,
        failing_since TEXT,
        consecutive_failures INTEGER NOT NULL DEFAULT 0,
        next_attempt TEXT,
        disabled TEXT,
        failing_notice_sent INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE item (
        source TEXT NOT NULL,
        key TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        url TEXT NOT NULL,
        title TEXT NOT NULL,
        published TEXT,
        first_seen TEXT NOT NULL,
        PRIMARY KEY (source, key)
    ) WITHOUT ROWID;
    CREATE TABLE watch (
        key TEXT PRIMARY KEY,
        show TEXT NOT NULL,
        season INTEGER NOT NULL,
        status TEXT NOT NULL DEFAULT 'unknown',
        official INTEGER NOT NULL DEFAULT 0,
        since TEXT,
        blind_notice_sent INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE evidence (
        id INTEGER PRIMARY KEY,
        watch TEXT NOT NULL REFERENCES watch(key),
        verdict TEXT NOT NULL,
        official INTEGER NOT NULL,
        season INTEGER,
        sentence TEXT NOT NULL,
        rule TEXT NOT NULL,
        stale INTEGER NOT NULL,
        source TEXT NOT NULL,
        url TEXT NOT NULL,
        title TEXT NOT NULL,
        published TEXT,
        found_at TEXT NOT NULL
    );
    CREATE INDEX evidence_by_watch ON evidence(watch, id);
    CREATE TABLE history (
        id INTEGER PRIMARY KEY,
        watch TEXT NOT NULL REFERENCES watch(key),
        status TEXT NOT NULL,
        official INTEGER NOT NULL,
        previous_status TEXT NOT NULL,
        previous_official INTEGER NOT NULL,
        at TEXT NOT NULL,
        evidence INTEGER REFERENCES evidence(id)
    );
    CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        destination TEXT NOT NULL,          -- Destination.key: no secret is stored
        destination_label TEXT NOT NULL,    -- the masked URL, for `status`
        kind TEXT NOT NULL,                 -- change, source-failing, source-recovered, blind
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        created_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt TEXT NOT NULL,
        last_error TEXT,
        sent_at TEXT
    );
    CREATE INDEX outbox_owed ON outbox(sent_at, next_attempt);
    CREATE TABLE cycle (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        sources_ok INTEGER NOT NULL,
        sources_failed INTEGER NOT NULL,
        changes INTEGER NOT NULL
    );
    """,
    # 2: small facts about the state itself (a salt, the fingerprint of checked notify URLs)
    """
    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    # 3: what TVmaze says of each watch's show (its seasons, for the reader), and an announced
    # premiere date of the watched season
    """
    CREATE TABLE show_facts (
        watch TEXT PRIMARY KEY REFERENCES watch(key),
        facts TEXT NOT NULL,                -- ShowFacts as JSON
        updated_at TEXT NOT NULL
    );
    CREATE TABLE premiere (
        watch TEXT PRIMARY KEY REFERENCES watch(key),
        day TEXT NOT NULL,                  -- ISO date
        source TEXT NOT NULL,
        url TEXT NOT NULL,
        sentence TEXT NOT NULL,
        rule TEXT NOT NULL,
        found_at TEXT NOT NULL
    );
    """,
    # 4: the articles behind feed items whose excerpt could not decide: each fetched once
    """
    CREATE TABLE article (
        key TEXT PRIMARY KEY,               -- a hash of the item's link
        url TEXT NOT NULL,                  -- the link, masked
        fetch_url TEXT,                     -- the link as given, kept only while still to be read
        source TEXT NOT NULL,
        title TEXT NOT NULL,
        published TEXT,
        why TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        done INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX article_pending ON article(done, updated_at);
    """,
    # 5: history keeps both times: when the news was published (`at`, as before) and when
    # renewalwatch learned it; old rows take them from their evidence
    """
    ALTER TABLE history ADD COLUMN learned_at TEXT;
    UPDATE history SET learned_at = coalesce(
        (SELECT found_at FROM evidence WHERE evidence.id = history.evidence), at
    );
    """,
)
