"""Which season(s) a clause speaks of: numbers, ordinals, "sophomore", ranges and "final season"."""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "sophomore": 2,
}  # fmt: skip
_NUM = r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)"
_ORD = r"(\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|sophomore)"
_SINGLE = re.compile(r"a\s+single|its\s+")  # "after a single season", "after its debut season"
_DIGITS = re.compile(r"\d+")
_UNIT = r"(?:season|installment|instalment|series|outing|run|chapter|cycle|go-round|batch of episodes)"

# The last season of a multi-season order: "through season four", "up to its sixth series".
_THROUGH = re.compile(
    rf"\b(?:through(?:\s+to)?|up\s+to|until)\s+(?:a\s+|its\s+|the\s+)?(?:(?:season|series)\s+{_NUM}\b|{_ORD}\s+(?:season|series|instalment|installment)\b)",
    re.I,
)
_AFTER = re.compile(
    rf"\bafter\s+(?:just\s+|only\s+|its\s+|their\s+)?(?:{_NUM}|{_ORD})\s+seasons?\b"
    r"|\bafter\s+(?:just\s+|only\s+)?(a\s+single|its\s+(?:lone|only|debut|freshman|single))\s+season\b",
    re.I,
)
# The copula of a last season, in any tense or with an adverb: "is", "was always", "will
# reportedly be", "turned out to be".
_COPULA = (
    r"(?:(?:will|would)\s+(?:\w+ly\s+)?be|is|was|were|has\s+been|had\s+been|turned\s+out\s+to\s+be|"
    r"proved\s+to\s+be|as|marks)\s+(?:always\s+|\w+ly\s+)?"
)
_LAST = r"(?:its|the|their)\s+(?:final|last(?!\s+(?:to|of|time)\b)|end\s+of\s+the\s+(?:line|road)|end\b(?!\s+of\b))"
_FINAL = re.compile(
    rf"(?:\b{_ORD}\s+and\s+(?:final|last)\s+{_UNIT}"
    rf"|\b(?:season|series)\s+{_NUM}\s+{_COPULA}{_LAST}"
    rf"|\b{_ORD}\s+{_UNIT}(?:\s+of\s+[\w'\"&:.-]+(?:\s+[\w'\"&:.-]+){{0,4}}?)?\s+{_COPULA}{_LAST}"
    rf"|\b(?:final|last)\s+season\s*(?:\(|,)?\s*(?:season\s+)?{_NUM}?"
    # "ended X with its fourth season": the show may stand between the verb and "with"
    rf"|\b(?:end|ends|ended|ending|conclude|concludes|concluded|concluding|wrap|wraps|wrapped|wrapping)\s+(?:its\s+run\s+)?(?:(?!with\b|after\b)\S+\s+){{0,4}}?(?:with|after)\s+(?:its\s+|the\s+)?(?:upcoming\s+|current\s+|next\s+)?(?:(?:season|series)\s+{_NUM}|{_ORD}\s+{_UNIT}))",
    re.I,
)
# A last season named only as the one to come: "will end with its next series", "the upcoming
# run will be its last". It is the season after the latest one aired, not the watched one.
_NEXT_UNIT = rf"(?:next|upcoming|coming|forthcoming)\s+{_UNIT}"
_FINAL_NEXT = re.compile(
    rf"\b(?:end|ends|ending|conclude|concludes|concluding|wrap|wraps|wrapping)\s+(?:(?!with\b|after\b)\S+\s+){{0,4}}?"
    rf"(?:with|after)\s+(?:its\s+|the\s+|their\s+)?{_NEXT_UNIT}\b"
    rf"|\b{_NEXT_UNIT},?(?:\s+(?!will\b|is\b|would\b)\S+){{0,5}}?\s+{_COPULA}(?:the\s+show's\s+|{_LAST})",
    re.I,
)
_EXPLICIT = re.compile(
    rf"\b(?:season|series)\s+{_NUM}\b|\bS0?(\d{{1,2}})\b|\b{_ORD}\s+(?:and\s+final\s+)?{_UNIT}\b"
    rf"|\bsophomore\b",
    re.I,
)
_ORD_PAIR = re.compile(rf"\b{_ORD}\s+and\s+(?:a\s+)?{_ORD}\s+(?:seasons?|series|installments?)\b", re.I)
_PAIR = re.compile(rf"\bseasons\s+{_NUM}\s+(?:and|&|-|through|to)\s+{_NUM}\b", re.I)
_NEXT = re.compile(
    r"\b(?:another|a\s+new|next|an?\s+additional|one\s+more|more)\s+(?:season|installment|"
    r"instalment|batch of episodes|episodes|run|chapter)\b|\b(?:two|three)\s+more\s+seasons\b",
    re.I,
)


def _num(text: str | None) -> int | None:
    if not text:
        return None
    text = text.lower()
    if _SINGLE.match(text):
        return 1
    digits = _DIGITS.match(text)
    if digits:
        return int(digits.group(0))
    return _NUMBER_WORDS.get(text)


def _first(groups: tuple[str | None, ...]) -> int | None:
    for group in groups:
        value = _num(group)
        if value is not None:
            return value
    return None


@dataclass(frozen=True, slots=True)
class Seasons:
    """The seasons a clause names. Empty means it names none (the next season is implied)."""

    explicit: frozenset[int] = frozenset()
    through: int | None = None  # "renewed through season 4"
    final: int | None = None  # the season announced as the last one
    final_next: bool = False  # the last one is the next to come, unnumbered ("ends with its next series")
    ended_after: int | None = None  # "canceled after two seasons"
    next_implied: bool = False  # "another season", "a new season"

    @property
    def any(self) -> bool:
        return (
            bool(self.explicit)
            or self.through is not None
            or self.final is not None
            or (self.ended_after is not None)
        )

    def first(self) -> int | None:
        if self.final is not None:
            return self.final
        if self.explicit:
            return min(self.explicit)
        return self.through


def find_seasons(text: str) -> Seasons:
    explicit: set[int] = set()
    for match in _EXPLICIT.finditer(text):
        if match.group(0).lower() == "sophomore":
            explicit.add(2)
            continue
        value = _first(match.groups())
        if value is not None and 0 < value < 60:
            explicit.add(value)
    for match in _ORD_PAIR.finditer(text):
        explicit.update(n for n in (_num(match.group(1)), _num(match.group(2))) if n)
    for match in _PAIR.finditer(text):
        low, high = _num(match.group(1)), _num(match.group(2))
        if low and high and low <= high < 60:
            explicit.update(range(low, high + 1))
    through = None
    if m := _THROUGH.search(text):
        through = _first(m.groups())
    final = None
    if m := _FINAL.search(text):
        final = _first(m.groups())
        if final is None:
            final = -1  # "final season" with no number: the upcoming one
    final_next = final in (None, -1) and _FINAL_NEXT.search(text) is not None
    if final_next:
        final = -1
    ended_after = None
    if m := _AFTER.search(text):
        ended_after = _first(m.groups())
    return Seasons(
        explicit=frozenset(explicit),
        through=through,
        final=final,
        final_next=final_next,
        ended_after=ended_after,
        next_implied=bool(_NEXT.search(text)),
    )
