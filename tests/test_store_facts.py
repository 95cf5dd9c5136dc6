"""The state keeps what TVmaze says of each watch's show, and an announced premiere date."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from renewalwatch.models import Premiere, Season, ShowFacts
from renewalwatch.store import SqliteStore

NOW = datetime(2026, 4, 8, 17, 0, tzinfo=UTC)


def test_show_facts_and_premiere_round_trip_and_replace(tmp_path: Path) -> None:
    facts = ShowFacts(
        seasons=(Season(4, date(2025, 6, 25), date(2025, 6, 25), 10), Season(5)),
        latest_ordered=5, ended=False, network="FX", tvmaze_id=90210,
    )  # fmt: skip
    premiere = Premiere(
        day=date(2026, 6, 24), source="TVmaze: The Bear", url="https://www.tvmaze.com/shows/90210/the-bear",
        sentence="TVmaze lists season 5 of The Bear premiering 2026-06-24.", rule="tvmaze.premiere-date",
        found_at=NOW,
    )  # fmt: skip
    store = SqliteStore(tmp_path / "state.db")
    with store.transaction():
        store.ensure_watch("the bear#s5", "The Bear", 5)
        store.save_show_facts("the bear#s5", ShowFacts(), NOW)
        store.save_show_facts("the bear#s5", facts, NOW)
        store.save_premiere("the bear#s5", premiere)
    store.close()
    again = SqliteStore(tmp_path / "state.db")
    assert again.show_facts() == {"the bear#s5": facts}
    assert again.premieres() == {"the bear#s5": premiere}
    again.close()
