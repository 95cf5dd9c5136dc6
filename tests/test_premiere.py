"""The premiere-date detector: each rule's own examples, then whole documents (pure)."""

from __future__ import annotations

from datetime import date

import pytest

from renewalwatch.classify.premiere import RULES, Rule, find_date, find_premiere
from renewalwatch.models import Watch

BALLARD = Watch("Ballard", 2, network="Prime Video")
PUBLISHED = date(2026, 1, 20)


@pytest.mark.parametrize(
    ("rule", "example"), [(r, e) for r in RULES for e in r.matches], ids=lambda x: getattr(x, "id", x)
)
def test_rule_matches_its_examples(rule: Rule, example: str) -> None:
    assert rule.pattern.search(example), f"{rule.id} should match {example!r}"


@pytest.mark.parametrize(
    ("rule", "example"), [(r, e) for r in RULES for e in r.misses], ids=lambda x: getattr(x, "id", x)
)
def test_rule_misses_its_counterexamples(rule: Rule, example: str) -> None:
    assert not rule.pattern.search(example), f"{rule.id} should not match {example!r}"


FOUND: list[tuple[str, str, date | None]] = [
    ("Ballard season 2 premieres March 12 on Prime Video", "", date(2026, 3, 12)),
    (
        "Prime Video dates Ballard's return",
        "Ballard season 2 is set to premiere on 4 June 2026, the streamer said.",
        date(2026, 6, 4),
    ),
    (
        "Ballard: first look",
        "The second season of Ballard returns on Sept. 9, with all episodes at once.",
        date(2026, 9, 9),
    ),
    ("Ballard news", "Season 2 of Ballard will debut 2026-05-01 on Prime Video.", date(2026, 5, 1)),
]
NOT_FOUND: list[tuple[str, str, date | None]] = [
    # a season 1 recap's date
    ("Ballard season 1 recap", "Ballard season 1 premiered July 9, 2025 on Prime Video.", None),
    ("Ballard", "Season 1 premiered July 9, 2025, and season 2 is now in production.", None),
    # a rumoured date, and a season with no day
    ("Ballard season 2 could premiere in the fall", "Insiders say season 2 might return March 12.", None),
    ("Ballard season 2 release date rumours", "Ballard season 2 is expected to premiere on March 12.", None),
    ("Ballard season 2 premieres this fall", "", None),
    # a date for another season
    ("Ballard season 3 premieres March 12", "", None),
    # a question
    ("When does Ballard season 2 premiere? Not on March 12", "", None),
    # the season named without the show anywhere
    ("Season 2 premieres March 12 on Prime Video", "A different drama returns.", None),
]


@pytest.mark.parametrize(("title", "body", "expected"), FOUND + NOT_FOUND)
def test_documents(title: str, body: str, expected: date | None) -> None:
    found = find_premiere(title, body, BALLARD, PUBLISHED)
    assert (found.day if found else None) == expected
    if found:
        assert found.rule.startswith("premiere.") and found.sentence


def test_a_day_without_a_year_is_the_next_one() -> None:
    assert find_date("on March 12", date(2026, 1, 20)) == date(2026, 3, 12)
    assert find_date("on January 9", date(2026, 12, 1)) == date(2027, 1, 9)
    assert find_date("on January 9", date(2026, 1, 25)) == date(2026, 1, 9)  # published just after
    assert find_date("in the fall", date(2026, 1, 1)) is None
    assert find_date("on February 30", date(2026, 1, 1)) is None
