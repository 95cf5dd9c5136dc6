"""Whether a trigger phrase has the watched show as its subject, by name or by "the series"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from renewalwatch.classify import lexicon as lx
from renewalwatch.classify.names import NETWORK_WORDS

# Intransitive comings and goings: their subject is before them, and may be an actor.
_RETURN_FAMILY = re.compile(r"\breturn|\bback\b|\bcom(?:e|es|ing)\b", re.I)


_NAMED_SUBJECT = re.compile(
    r"(['\"]?[A-Z][\w'&:.-]*['\"]?)\s+(?:(?:has|have|had)\s+(?:also\s+)?been|is|was|were|are|gets?|got)\s+(?:\w+\s+)?$"
)
_PRONOUNS = frozenset("it this that which who he she they we i there what".split())
PARENTHETICAL = re.compile(r",[^,]{1,200}?,")
_RELATIVE_OPEN = re.compile(r",\s*(?:who|whom|whose)\b[^,]*$", re.I)


def _inside_relative_clause(before_mention: str) -> bool:
    return _RELATIVE_OPEN.search(before_mention) is not None


def words(text: str) -> int:
    return len(text.split())


_PASSIVE_BEFORE = re.compile(
    r"(?:been|is|are|was|were|be|being|gets?|got|getting|'s)\s+(?:officially\s+)?$", re.I
)
_SUBORDINATE = re.compile(r"\b(?:since|because|after|before|until|when|while|if|unless|whereas)\b", re.I)
_TV_OBJECTS = frozenset(
    "it them series show drama comedy season seasons episodes sitcom thriller spinoff order "
    "renewal pickup back up officially outright quietly again today first second third fourth "
    "fifth sixth seventh eighth ninth tenth sophomore another new more additional".split()
)
_DESCRIPTOR = re.compile(
    r"^\s*(?:[A-Z][\w'.-]*\s+){1,3}(?:spinoff|spin-off|drama|series|show|thriller|comedy|procedural|sitcom)\b"
)
_NOT_AN_OBJECT = frozenset(
    "season series for through after at in on with to as by from amid following despite ahead over "
    "and or but into last this earlier early late back nearly almost just only soon quickly swiftly "
    "shortly immediately months weeks days years ago yesterday today tonight once twice again "
    "officially formally outright altogether quietly abruptly finally already early".split()
)
_ACTIVE = re.compile(r"^(?:renew|renews|renewed|pick|picks|picked|cancel|cancels|cancell?ed|ax|axes|axed|"
                     r"orders?|ordered|scraps?|scrapped|greenlit|brings?|bringing|brought|confirm|confirms|"
                     r"confirmed)\b", re.I)  # fmt: skip


# The object of an active trigger ends at its preposition: "renewed X for both a fifth and a sixth".
_OBJECT_END = re.compile(r"(?i)\b(?:for|through|into|with|at|after|until|as)\b")
_OTHER_TITLES = re.compile(r"\bother\b|\bseveral\b|\bboth\b", re.I)  # "its other dramas"


def _other_object(after: str, spans_after: bool) -> bool:
    """An active trigger whose object is another title: "renewed 'Northbound'", "its other dramas"."""
    # The object ends where its preposition starts: "renewed X for both a fifth and a sixth season".
    window = " ".join(_OBJECT_END.split(after, maxsplit=1)[0].split()[:5])
    if _OTHER_TITLES.search(window):
        return True
    if spans_after or lx.ANAPHORA.match(after.lstrip()) or _DESCRIPTOR.match(after):
        return False  # "renewed the Bosch spinoff", "cancels Bosch spinoff": a description, not another title
    obj = re.match(
        r"^\s*(?:the\s+|its\s+|their\s+|a\s+|an\s+|his\s+|her\s+)?(['\"]?)([A-Za-z][\w'&.-]*)", after
    )
    if obj is None or obj.group(2).lower() in _NOT_AN_OBJECT:
        return False
    if obj.group(2)[0].islower():  # "cancels console port": a thing, not a show
        return obj.group(2).lower() not in _TV_OBJECTS and not lx.ANAPHORA.match(after.lstrip())
    return True


# "won't return as a series regular": an actor, not the show.
_AS_A_ROLE = re.compile(r"(?i)\s*as\s+(?:a\s+)?(?:series\s+)?(?:regular|guest|star|lead|\w+)\b")
# "confirmed the renewal", "its cancellation": the decision about the show just named.
_THE_DECISION = re.compile(r"(?i)\b(?:the|its)\s+(?:renewal|cancel+ation)\b")
_DECISION_NOUN = re.compile(r"(?i)(?:renewal|cancel+ation)\b")
_THE_BEFORE = re.compile(r"(?i)\b(?:the|its)\s+$")
# "the spy drama The Grafton Line": an appositive names another show.
_APPOSITIVE = re.compile(r"\s*(?:,\s*)?['\"]?[A-Z]")
_LINKING_PREPOSITION = re.compile(r"(?i)\s*(?:of|on|for|to|with)\s*")
_NEAR_AFTER_WORDS = 5  # "cancels [the drama] Ballard": the object within so many words
_NEAR_BEFORE_WORDS = 14  # "Ballard, the drama about ..., has been renewed"
_ANAPHORA_BEFORE_WORDS = 8
_ANAPHORA_AFTER_WORDS = 3


def _is_active(clause: str, start: int, end: int, spans: Sequence[tuple[int, int]], title_case: bool) -> bool:
    trigger = clause[start:end]
    right_after_name = any(e <= start and not clause[e:start].strip(" '\"") for _, e in spans)
    # "-ed" right after the name, or in a headline, is the passive: "Ballard Renewed for Season 2".
    participle = trigger.lower().endswith(("ed", "lit")) and (right_after_name or title_case)
    return bool(_ACTIVE.match(trigger)) and not participle and not _PASSIVE_BEFORE.search(clause[:start])


def _span_names_subject(clause: str, start: int, end: int, span: tuple[int, int], active: bool) -> bool:
    """The mention at `span` is the subject or object of the trigger at [start, end)."""
    s, e = span
    trigger = clause[start:end]
    returning = _RETURN_FAMILY.search(trigger) is not None
    if _inside_relative_clause(clause[:s]):
        return False  # "Reggie Castellanos, who played Mo in Ballard, will not return"
    if start <= s and e <= end:
        return not returning  # "Cameras Roll on Ballard Season 2"; not "[someone] won't return for Ballard"
    between = PARENTHETICAL.sub(",", clause[e:start])  # "X, the drama about ..., has been renewed"
    if e <= start and words(between) <= _NEAR_BEFORE_WORDS and not _SUBORDINATE.search(between):
        return not (returning and _AS_A_ROLE.match(clause[end:]))
    if s >= end and words(clause[end:s]) <= _NEAR_AFTER_WORDS and "," not in clause[end:s]:
        return not (returning and not active)  # "Maggie Q won't return for Ballard season 2": someone else
    return False


def _someone_elses(clause: str, start: int, own: re.Pattern[str]) -> bool:
    """ "Reacher was renewed": a named subject that is not the show."""
    named = _NAMED_SUBJECT.search(clause[:start])
    return bool(
        named
        and named.group(1).lower().strip("'\"") not in NETWORK_WORDS | _PRONOUNS
        and not own.search(named.group(1))
    )


def _by_anaphora(
    clause: str, start: int, end: int, active: bool, sentence_prefix: str, own: re.Pattern[str]
) -> str | None:
    """ "the series", "the drama", "it" for the show just named, or "the renewal" of it."""
    trigger = clause[start:end]
    if _THE_DECISION.search(trigger) or (
        _DECISION_NOUN.match(trigger) and _THE_BEFORE.search(clause[:start])
    ):
        return "anaphora"  # "confirmed the renewal": the renewal of the show just named
    for a in lx.ANAPHORA.finditer(clause):
        if _other_title_before(sentence_prefix + clause[: min(a.start(), start)], own):
            return None
        pronoun = a.group(0).lower().startswith("it")
        if _APPOSITIVE.match(clause[a.end() :]) and not pronoun:
            continue  # "the spy drama The Grafton Line": an appositive names another show
        if a.end() <= start and words(clause[a.end() : start]) <= _ANAPHORA_BEFORE_WORDS:
            return "anaphora"
        gap = clause[end : a.start()]
        if (
            a.start() >= end
            and not pronoun
            and (active or _LINKING_PREPOSITION.fullmatch(gap))
            and words(gap) <= _ANAPHORA_AFTER_WORDS
        ):
            return "anaphora"
    return None


def subject(
    clause: str,
    start: int,
    end: int,
    spans: Sequence[tuple[int, int]],
    recent: bool,
    title_case: bool,
    sentence_prefix: str,
    own: re.Pattern[str],
) -> str | None:
    """Whether the trigger at [start, end) speaks of the watched show: "direct", "anaphora" or None."""
    active = _is_active(clause, start, end, spans, title_case)
    ahead = [s for s in spans if s[0] >= end]
    near = bool(ahead) and words(clause[end : ahead[0][0]]) <= 6 and "," not in clause[end : ahead[0][0]]
    if active and _other_object(clause[end:], near):
        return None
    if any(_span_names_subject(clause, start, end, span, active) for span in spans):
        return "direct"
    if _someone_elses(clause, start, own):
        return None  # "Reacher was renewed": someone else's news
    if recent and not spans:
        return _by_anaphora(clause, start, end, active, sentence_prefix, own)
    return None


_COMMON_CAPS = frozenset(
    "i season series january february march april may june july august september october november "
    "december monday tuesday wednesday thursday friday saturday sunday tv".split()
)


# A heading line in a list article: a short line naming a show, maybe with its network.
HEADING = re.compile(
    r"^\W*(?:\d+[.)]\s*)?['\"]?[A-Z][\w'&:+-]*(?:\s+[\w'&:+-]+){0,5}['\"]?(?:\s*\([^)]{1,40}\))?$"
)
_LABEL_WORDS = frozenset(
    ["yes", "no", "update", "updated", "exclusive", "breaking", "report", "news", "official",
     "it's official", "confirmed", "spoiler", "note", "editor's note", "answer", "the answer",
     "verdict", "bottom line", "first look", "recap", "review", "interview", "watch", "also",
     "plus", "meanwhile", "why", "what", "how", "when", "where", "who", "the good news", "the bad news"]
)  # fmt: skip
_LIST_LABEL = re.compile(
    r"^\W*(?:\d+[.)]\s*)?['\"]?([A-Z][\w'&.+-]*(?:\s+[A-Z0-9][\w'&.+-]*)*)['\"]?\s*(?:\([^)]{0,60}\)\s*)?(?:-|:)"
)


def _other_title_before(text: str, own: re.Pattern[str]) -> bool:
    """A list item labelled with another title: in "Hospital Road (ABC) - The medical drama
    returns", "the medical drama" is Hospital Road."""
    label = _LIST_LABEL.match(text)
    if not label:
        return False
    name = label.group(1).lower()
    return not own.search(label.group(1)) and name not in NETWORK_WORDS and name not in _LABEL_WORDS
