"""Find an announced premiere date for the watched season in a document. Pure; rules are data.

A date counts only when one clause names the watched season (and no other), states a premiere
in the present or future tense ("premieres", "is set to return"), gives a day (a month and a
day, or an ISO date) and neither hedges ("could premiere", "rumoured") nor recaps ("premiered").
No date is better than a wrong one: anything else is ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from renewalwatch.classify.names import matcher, mentions
from renewalwatch.classify.seasons import find_seasons
from renewalwatch.classify.text import split_clauses, split_sentences
from renewalwatch.models import Watch


class Kind(StrEnum):
    ANNOUNCES = "announces"  # states the premiere: needed
    HEDGE = "hedge"  # a guess, a question or a non-answer: vetoes the clause
    RECAP = "recap"  # a premiere that already happened: vetoes the clause


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    kind: Kind
    pattern: re.Pattern[str]
    matches: tuple[str, ...]  # examples the pattern must find
    misses: tuple[str, ...]  # examples it must not


def _rule(
    id: str, kind: Kind, pattern: str, matches: tuple[str, ...], misses: tuple[str, ...], flags: int = re.I
) -> Rule:
    return Rule(id, kind, re.compile(pattern, flags), matches, misses)


RULES: tuple[Rule, ...] = (
    _rule(
        "premiere.verb", Kind.ANNOUNCES,
        r"\b(?:will|to)\s+(?:premiere|debut|return|bow|launch|arrive|drop|hit)\b"
        r"|\b(?:premieres|debuts|returns|bows|launches|arrives|drops|hits)\b"
        r"|\b(?:premiering|debuting|returning|arriving|launching|dropping)\s+(?:on|in)\b",
        ("Season 2 premieres March 12", "the show returns on June 4", "season 3 will debut May 1",
         "premiering on Prime Video", "season 5 drops all episodes June 24"),
        ("Season 1 premiered in 2024", "it debuted last spring", "the premiere episode"),
    ),
    _rule(
        "premiere.set-for", Kind.ANNOUNCES,
        r"\bset\s+(?:to\s+(?:premiere|debut|return|launch|arrive|drop|bow)"
        r"|for\s+(?:an?|its)\s+(?:[\w.,]+\s+){0,3}?(?:premiere|debut|return|launch|release))"
        r"|\bpremiere\s+date\b|\b(?:will\s+)?(?:premiere|debut|launch|return)\s+(?:on|in)\b",
        ("season 2 is set to premiere on March 12", "set for a March 12 premiere",
         "the season 2 premiere date is March 12", "will premiere on Prime Video"),
        ("the set for the premiere episode was built", "a premiere party"),
    ),
    _rule(
        "premiere.hedge", Kind.HEDGE,
        r"\b(?:could|might|would|should|possibly|probably|likely|expected|expects?|rumou?red|rumou?rs?"
        r"|reportedly|speculat\w*|predict\w*|hopefully|hopes?|guess\w*|as\s+early\s+as|no\s+(?:premiere\s+)?date"
        r"|not\s+yet|yet\s+to|(?:has|have)n't|tba|tbd|if|when\s+will|eyeing|eyes|targets?|tentative\w*)\b|\?"
        r"|(?-i:\bmay\b)",  # lower-case "may" only: "May 12" is a date
        ("season 2 could premiere in the fall", "it is expected to return March 12",
         "When will season 2 premiere?", "it may premiere on June 1", "no premiere date has been set"),
        ("Season 2 premieres May 12", "season 2 returns on March 12 on Prime Video"),
    ),
    _rule(
        "premiere.recap", Kind.RECAP,
        r"\b(?:premiered|debuted|returned|bowed|launched|arrived|dropped|aired)\b|\bhas\s+been\s+streaming\b",
        ("season 1 premiered June 23, 2022", "the first season debuted on July 1"),
        ("season 2 premieres June 23",),
    ),
)  # fmt: skip

_MONTH_NAMES = "jan january|feb february|mar march|apr april|may|jun june|jul july|aug august|sep sept september|oct october|nov november|dec december"
_MONTHS = {name: i + 1 for i, names in enumerate(_MONTH_NAMES.split("|")) for name in names.split()}
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DATES = (
    re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.I),  # March 12, 2026
    re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b(?:,?\s+(\d{{4}}))?", re.I),  # 12 March
    re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"),
)


@dataclass(frozen=True, slots=True)
class Premiere:
    day: date
    sentence: str
    rule: str


def find_date(text: str, reference: date) -> date | None:
    """The first specific day in `text`; a day without a year is its next one after `reference`
    (allowing a month back, for a story published just after the day it names)."""
    for i, pattern in enumerate(_DATES):
        m = pattern.search(text)
        if not m:
            continue
        try:
            if i == 2:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            month, day, year = (
                (m.group(1), m.group(2), m.group(3)) if i == 0 else (m.group(2), m.group(1), m.group(3))
            )
            found = date(int(year) if year else reference.year, _MONTHS[month.lower().rstrip(".")], int(day))
        except (ValueError, KeyError):
            continue
        if not year and found < reference - timedelta(days=31):
            found = found.replace(year=found.year + 1)
        return found
    return None


def _first_rule(kind: Kind, clause: str) -> Rule | None:
    return next((r for r in RULES if r.kind is kind and r.pattern.search(clause)), None)


def find_premiere(title: str, text: str, watch: Watch, reference: date) -> Premiere | None:
    """The watched season's announced premiere date, if the document states one plainly."""
    names = matcher(watch.names, watch.exclude, ())
    sentences = split_sentences(title, text)
    if not any(mentions(s.text, names, s.is_title) for s in sentences):
        return None  # a document that never names the show cannot date its season
    for sentence in sentences:
        for clause in split_clauses(sentence.text):
            # The announcing verb first: a few regexes, where reading the seasons costs ten times
            # more, and most clauses naming the show announce nothing.
            announces = _first_rule(Kind.ANNOUNCES, clause)
            if announces is None or find_seasons(clause).explicit != {watch.season}:
                continue
            if _first_rule(Kind.HEDGE, clause) or _first_rule(Kind.RECAP, clause):
                continue
            day = find_date(clause, reference)
            if day is not None:
                return Premiere(day, sentence.text, announces.id)
    return None
