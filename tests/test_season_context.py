"""Which season an unnumbered renewal or final season speaks of: the show's seasons as known
outside the text (TVmaze's facts, the watch's latest_season) place it; without them a default."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from renewalwatch.classify import classify
from renewalwatch.classify.verdicts import UNNUMBERED_WITHOUT_CONTEXT
from renewalwatch.config import load
from renewalwatch.errors import ConfigError
from renewalwatch.models import Season, ShowFacts, Trust, Verdict, Watch

ORDER = ("Hulu renews Bellwether", "Hulu has renewed Bellwether, the streamer said on Monday.")
RETURN = ("Bellwether is coming back", "Bellwether is coming back in the spring, Hulu said.")


def _read(
    doc: tuple[str, str], season: int, *, latest: int | None = None, facts: ShowFacts | None = None
) -> Verdict:
    watch = Watch("Bellwether", season, network="Hulu", latest_season=latest)
    return classify(*doc, watch, Trust.TRADE, facts).verdict


def test_an_unnumbered_order_is_the_season_after_the_latest_ordered() -> None:
    assert _read(ORDER, 4, latest=3) is Verdict.RENEWED
    assert _read(ORDER, 3, latest=3) is Verdict.UNRELATED  # season 3 was decided already
    assert _read(ORDER, 5, latest=3) is Verdict.UNRELATED  # not yet next


def test_facts_from_a_structured_source_place_it_too() -> None:
    facts = ShowFacts(seasons=(Season(1, date(2024, 1, 5)), Season(2, date(2025, 1, 9))))
    assert _read(ORDER, 3, facts=facts) is Verdict.RENEWED
    assert _read(ORDER, 2, facts=facts) is Verdict.UNRELATED


def test_a_return_is_the_season_after_the_latest_aired_and_no_news_when_that_was_ordered() -> None:
    aired_two = ShowFacts(seasons=(Season(1, date(2024, 1, 5)), Season(2, date(2025, 1, 9))))
    assert _read(RETURN, 3, facts=aired_two) is Verdict.RENEWED
    ordered_three = ShowFacts(seasons=(*aired_two.seasons, Season(3)))
    assert _read(RETURN, 4, facts=ordered_three) is Verdict.UNRELATED  # season 3 returning: no news for 4
    assert _read(RETURN, 4, latest=3) is Verdict.UNRELATED  # ordered, airing unknown: no telling


def test_without_context_an_unnumbered_renewal_is_the_watched_season() -> None:
    assert UNNUMBERED_WITHOUT_CONTEXT is Verdict.RENEWED
    assert _read(ORDER, 4) is Verdict.RENEWED


@pytest.mark.parametrize(
    ("season", "expected"),
    [(3, Verdict.RENEWED), (4, Verdict.CANCELED), (2, Verdict.UNRELATED)],
)
def test_an_unnumbered_final_season_is_the_latest_ordered_unless_the_clause_orders_one(
    season: int, expected: Verdict
) -> None:
    doc = (
        "Bellwether's current season is its last",
        "Hulu said the season now airing is the final season of Bellwether.",
    )
    assert _read(doc, season, latest=3) is expected


def test_a_final_season_ordered_now_is_the_one_after_the_latest() -> None:
    doc = ("Hulu renews Bellwether for a final season", "Hulu has renewed Bellwether for a final season.")
    assert _read(doc, 4, latest=3) is Verdict.RENEWED
    assert _read(doc, 5, latest=3) is Verdict.CANCELED


@pytest.mark.parametrize(
    ("text", "season", "expected"),
    [
        ("ITV said the fifth instalment of Fenwick will be its last.", 5, Verdict.RENEWED),
        ("ITV said the fifth instalment of Fenwick will be its last.", 6, Verdict.CANCELED),
        ("ITV said Fenwick will end with its fourth outing.", 5, Verdict.CANCELED),
    ],
)
def test_ordinal_units_count_as_seasons(text: str, season: int, expected: Verdict) -> None:
    assert (
        classify("Fenwick news", text, Watch("Fenwick", season, network="ITV"), Trust.TRADE).verdict
        is expected
    )


def test_latest_season_in_the_config(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[[watch]]\nshow = "Bellwether"\nseason = 4\nlatest_season = 3\n', encoding="utf-8")
    assert load(path, {}).watches[0].latest_season == 3
    path.write_text('[[watch]]\nshow = "Bellwether"\nseason = 4\nlatest_season = 7\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="latest_season"):
        load(path, {})


def test_the_watches_own_history_places_an_unnumbered_renewal() -> None:
    """A season this config already knows as renewed is ordered: "Hulu renews Bellwether" later
    is the next season's news, for the renewed watch and for the next one."""
    from renewalwatch.cycle.records import Snapshot
    from renewalwatch.models import Status, WatchState

    three, four = Watch("Bellwether", 3, network="Hulu"), Watch("Bellwether", 4, network="Hulu")
    snapshot = Snapshot(sources={}, seen={}, watches={three.key: WatchState(Status.RENEWED)})
    facts = snapshot.all_facts([three, four])
    assert facts[three.key].latest_ordered == 3 and facts[four.key].latest_ordered == 3
    assert classify(*ORDER, three, Trust.TRADE, facts[three.key]).verdict is Verdict.UNRELATED
    assert classify(*ORDER, four, Trust.TRADE, facts[four.key]).verdict is Verdict.RENEWED
    assert Snapshot(sources={}, seen={}, watches={}).all_facts([three, four]) == {}
