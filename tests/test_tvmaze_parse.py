"""TVmaze's JSON read into shows, seasons and what they say about a watch (pure)."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from renewalwatch.autosources import tvmaze_search_url, tvmaze_show_url
from renewalwatch.errors import ParseError
from renewalwatch.models import Verdict, Watch
from renewalwatch.sources import tvmaze

TVMAZE = Path(__file__).parent / "fixtures" / "tvmaze"


def body(name: str) -> bytes:
    return (TVMAZE / name).read_bytes()


def lookup(show: str, seasons: str) -> tvmaze.Lookup:
    return tvmaze.Lookup(tvmaze.parse_show(body(show), "u"), tvmaze.parse_seasons(body(seasons), "u"))


def test_a_show_on_a_network() -> None:
    show = tvmaze.parse_show(body("show_bear.json"), "u")
    assert (show.id, show.name, show.status, show.network) == (90210, "The Bear", "Running", "FX")
    assert show.premiered == date(2022, 6, 23) and show.ended is None
    assert show.url == "https://www.tvmaze.com/shows/90210/the-bear"


def test_a_streaming_show_takes_its_web_channel_as_network() -> None:
    show = tvmaze.parse_show(body("show_ended.json"), "u")
    assert (show.network, show.status, show.ended) == ("Prime Video", "Ended", date(2024, 11, 1))


def test_seasons_keep_dates_and_episode_orders() -> None:
    seasons = tvmaze.parse_seasons(body("seasons_bear_5_dated.json"), "u")
    assert [s.number for s in seasons] == [1, 2, 3, 4, 5]
    assert seasons[-1].premiere == date(2026, 6, 24) and seasons[-1].episodes == 10
    undated = tvmaze.parse_seasons(body("seasons_bear_5.json"), "u")[-1]
    assert undated.premiere is None and undated.episodes is None


def test_facts_for_the_reader() -> None:
    facts = lookup("show_bear.json", "seasons_bear_4.json").facts
    assert (facts.latest_ordered, facts.ended, facts.network, facts.tvmaze_id) == (4, False, "FX", 90210)
    assert len(facts.seasons) == 4


def test_the_watched_season_listed_is_a_renewal_reported_not_official() -> None:
    watch = Watch("The Bear", 5)
    assert tvmaze.verdict(lookup("show_bear.json", "seasons_bear_4.json"), watch) is None
    c = tvmaze.verdict(lookup("show_bear.json", "seasons_bear_5.json"), watch)
    assert c is not None and c.verdict is Verdict.RENEWED and not c.official and c.season == 5
    assert c.rule == "tvmaze.season-listed" and "season 5" in c.sentence


def test_an_ended_show_without_the_season_is_canceled() -> None:
    c = tvmaze.verdict(lookup("show_ended.json", "seasons_ended.json"), Watch("Harbor Lights", 4))
    assert c is not None and c.verdict is Verdict.CANCELED and not c.official
    assert "after season 3" in c.sentence
    # the last season it did make is still a renewal, ended or not
    made = tvmaze.verdict(lookup("show_ended.json", "seasons_ended.json"), Watch("Harbor Lights", 3))
    assert made is not None and made.verdict is Verdict.RENEWED


def test_ambiguous_names_are_told_apart_by_network() -> None:
    candidates = tvmaze.parse_candidates(body("search_ghosts.json"), "u")
    best, others = tvmaze.pick(candidates, "Ghosts")
    assert best is not None and best.id == 40001 and [o.id for o in others] == [50002]
    best, others = tvmaze.pick(candidates, "ghosts", network="CBS")
    assert best is not None and best.id == 50002 and others == ()


@pytest.mark.parametrize("raw", [b"<html>rate limited</html>", b'{"name": "no id"}', b"[1, 2]"])
def test_not_a_show_is_a_parse_error_naming_the_url(raw: bytes) -> None:
    with pytest.raises(ParseError, match=re.escape("https://api.example/shows/1")):
        tvmaze.parse_show(raw, "https://api.example/shows/1")


def test_urls() -> None:
    assert (
        tvmaze_search_url("http://h/", "The Bear") == "http://h/singlesearch/shows?q=The%20Bear&embed=seasons"
    )
    assert tvmaze_show_url("http://h", 7) == "http://h/shows/7?embed=seasons"


def embedded(show: str, seasons: str) -> bytes:
    data = json.loads(body(show))
    data["_embedded"] = {"seasons": json.loads(body(seasons))}
    return json.dumps(data).encode()


def test_a_show_with_embedded_seasons_is_one_lookup() -> None:
    found = tvmaze.parse_lookup(embedded("show_bear.json", "seasons_bear_5.json"), "u")
    assert found.show.id == 90210 and [s.number for s in found.seasons] == [1, 2, 3, 4, 5]
    with pytest.raises(ParseError, match="no seasons"):
        tvmaze.parse_lookup(body("show_bear.json"), "u")


def test_a_namesake_on_another_network_is_not_the_watched_show() -> None:
    found = lookup("show_ended.json", "seasons_ended.json")  # Harbor Lights, Prime Video, Ended
    now = datetime(2026, 1, 1, tzinfo=UTC)
    assert tvmaze.evidence(found, [Watch("Harbor Lights", 4, network="BBC One")], "t", now) == []
    [ev] = tvmaze.evidence(found, [Watch("Harbor Lights", 4, network="Amazon Prime Video")], "t", now)
    assert ev.verdict is Verdict.CANCELED and ev.url == "https://www.tvmaze.com/shows/77001/harbor-lights"
    # an id settles it whatever the name
    assert tvmaze.evidence(found, [Watch("Harbour Lights", 4, tvmaze_id=77001)], "t", now) != []
    assert tvmaze.evidence(found, [Watch("Harbor Lights", 4, tvmaze_id=5)], "t", now) == []


def test_json_nested_past_the_parsers_depth_is_a_parse_error_not_a_crash() -> None:
    """100,000 nested arrays made json.loads raise RecursionError: an 'internal error' and a
    traceback for the source on every check."""
    with pytest.raises(ParseError, match="not JSON"):
        tvmaze.parse_lookup("[" * 100_000 + "]" * 100_000, "http://127.0.0.1:9/shows/1")
