"""Issue 12, item 5: history records when the news was published and when renewalwatch learned
it, and is ordered and printed by when it was learned, saying so."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from tests.faultserver import BALLARD_NEWS
from tests.helpers import run_cli, write_config
from tests.servers import RSS, Site

REPORT = (
    "report-1",
    "Ballard renewed for season 2",
    "Ballard has been renewed for a second season at Prime Video, sources say.",
)
OFFICIAL = ("official-1", "Prime Video renews Ballard", BALLARD_NEWS)


def feed(*items: tuple[tuple[str, str, str], str]) -> bytes:
    """RSS whose items each have their own date: ((guid, title, description), pubDate)."""
    body = "".join(
        f"<item><guid>{g}</guid><title>{t}</title><link>http://news.test/{g}</link>"
        f"<pubDate>{date}</pubDate><description>{d}</description></item>"
        for (g, t, d), date in items
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>{body}</channel></rss>'.encode()
    )


def test_history_is_in_the_order_it_was_learned_with_both_times(tmp_path: Path, site: Site) -> None:
    site.serve("/feed.xml", feed((REPORT, "Sun, 10 May 2026 09:00:00 GMT")), RSS)
    config = write_config(
        tmp_path / "renewalwatch.toml", sources=[{"name": "Trade", "url": site.url("/feed.xml")}]
    )
    assert run_cli("--config", str(config), "check").code == 0
    # The network's own announcement turns up later, dated a day before the report.
    site.serve(
        "/feed.xml",
        feed((REPORT, "Sun, 10 May 2026 09:00:00 GMT"), (OFFICIAL, "Sat, 09 May 2026 09:00:00 GMT")),
        RSS,
    )
    assert run_cli("--config", str(config), "check").code == 0
    status = json.loads(run_cli("--config", str(config), "status", "--json").out)
    history = status["watches"][0]["history"]
    assert [h["to"] for h in history] == ["renewed — reported", "renewed — official"]
    learned = [datetime.fromisoformat(h["learned"]) for h in history]
    assert learned == sorted(learned)
    assert [h["published"][:10] for h in history] == ["2026-05-10", "2026-05-09"]
    text = run_cli("--config", str(config), "status").out
    assert "history (in the order renewalwatch learned it):" in text
    lines = text.splitlines()
    start = lines.index("  history (in the order renewalwatch learned it):")
    assert "renewed — reported" in lines[start + 1] and "published 2026-05-10" in lines[start + 1]
    assert "renewed — official" in lines[start + 2] and "published 2026-05-09" in lines[start + 2]


def test_the_migration_takes_old_rows_learned_time_from_their_evidence(tmp_path: Path) -> None:
    import sqlite3

    from renewalwatch.store import SqliteStore
    from renewalwatch.store.schema import APPLICATION_ID, MIGRATIONS

    path = tmp_path / "state.db"
    db = sqlite3.connect(path)
    before = MIGRATIONS.index(next(m for m in MIGRATIONS if "learned_at" in m))
    for number, script in enumerate(MIGRATIONS[:before], start=1):
        db.executescript(
            f"{script}; PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {number};"
        )
    db.execute("INSERT INTO watch (key, show, season) VALUES ('ballard#s2', 'Ballard', 2)")
    db.execute(
        "INSERT INTO evidence (id, watch, verdict, official, season, sentence, rule, stale, source, url,"
        " title, published, found_at) VALUES (7, 'ballard#s2', 'renewed', 0, 2, 's', 'r', 0, 'Trade',"
        " 'http://news.test/1', 't', '2026-05-10T09:00:00+00:00', '2026-05-12T08:00:00+00:00')"
    )
    db.execute(
        "INSERT INTO history (watch, status, official, previous_status, previous_official, at, evidence)"
        " VALUES ('ballard#s2', 'renewed', 0, 'unknown', 0, '2026-05-10T09:00:00+00:00', 7)"
    )
    db.commit()
    db.close()
    store = SqliteStore(path)
    try:
        [entry] = store.history("ballard#s2")
    finally:
        store.close()
    assert entry.published == datetime.fromisoformat("2026-05-10T09:00:00+00:00")
    assert entry.learned == datetime.fromisoformat("2026-05-12T08:00:00+00:00")
