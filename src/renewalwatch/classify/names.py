"""Where a text names the watched show itself, and not a company, place, person or other show
that shares the name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from renewalwatch.classify import lexicon as lx
from renewalwatch.classify.networks import NETWORK_LIST
from renewalwatch.textnorm import accent_insensitive, normalize, strip_accents

# Words of network names, and the words around them in "the BBC's", "a Hulu series".
NETWORK_WORDS = frozenset(w for n in NETWORK_LIST for w in n.name.lower().split()) | frozenset(
    "amazon's the a an of for season series".split()
)
# Words that may follow the show's name when the name is the show ("Ballard star", "Ballard is").
_NEXT_OK = frozenset(
    # function words, auxiliaries and common verbs: after these the name is the show itself
    "is was has had have be been being are were will would could should shall must may might can "
    "did does do done get got gets getting make makes made take takes took come comes came go goes "
    "went set put let see saw seen say says said tell told give gave given keep kept find found "
    "to for on at in from with by as of into onto upon over under about against through via amid "
    "ahead beyond past like than then so if when where while because since until again yet even "
    "only really still just also now already never ever too not no nor and or but after before "
    "which who whom whose that this these those its it the a an officially reportedly finally "
    "season seasons series finale premiere renewal cancellation episode episodes back up out off "
    "isn't won't wasn't hasn't doesn't didn't aren't weren't can't couldn't wouldn't shouldn't "
    "itself lands nabs scores wins earns secures here there today tonight tomorrow yesterday "
    "confirmed renewed canceled cancelled axed ordered returning return returns "
    # irregular past verbs: "Night Ferry began Tuesday" has the show as subject, not a compound
    "began begun ran won lost left fell broke shot wrote became brought chose held met sent stood".split()
)
# Nouns the show's name can modify: then the subject is the star, the spinoff, the sister show.
_MODIFIED_NOUNS = frozenset(
    "star stars co-star cast creator creators co-creator showrunner showrunners fans fan producer "
    "producers writer writers team director directors actor actors actress alum alums veteran "
    "veterans author spinoff spin-off prequel sequel podcast aftershow after-show sister parent "
    "companion franchise universe novel novels book books game games soundtrack composer".split()
)
# After "Name:" these start a headline's rest, not a longer title ("Bosch: Legacy").
_HEADLINE_AFTER_COLON = frozenset(
    "season series part what why how will is has here here's everything release renewed canceled "
    "cancelled official exclusive trailer first review recap cast star the a an who when where did "
    "does new latest watch report update it's it no yes".split()
)
_HEADLINE_WORDS = _NEXT_OK | frozenset(
    "will is has does why how what when where who spinoff drama series star thriller comedy "
    "renew cancel axe return officially finally not no new more about".split()
)
_NEXT_WORD = re.compile(r"^[\s'\"]*([A-Za-z][\w'-]*)")
_QUOTES = frozenset("'\"")
_DATE_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split()
)
_DATE_BEFORE = re.compile(
    r"(?i)\b(?:on|last|next|this|each|every|since|until|by|from|early|late|said|says|confirmed|announced|"
    r"revealed|reported|told\s+\w+)\s+$"
)
_DATE_AFTER = re.compile(r"(?i)^\s+(?:that|morning|night|afternoon|evening|\d)|^,\s+\w+\s+\d")
# Parts of a show and things about it: "'X' recap", "'X' official companion podcast".
_PARTS = frozenset(
    "recap recaps review reviews episode episodes finale premiere trailer official companion".split()
)
_WORD = re.compile(r"[A-Za-z][\w'-]*")
_AFTER_COLON = re.compile(r":\s*([A-Z0-9][\w'-]*)")  # "Bosch: Legacy"
# Inside quotes the title runs on past the name: "'Ghosts: The Wake'" is another show's title.
_QUOTED_RUNS_ON = re.compile(r":\s*[A-Z0-9][\w&-]*(?:\s+[\w&-]+){0,5}?['\"](?!\w)")
_OWNED_NOUN = re.compile(r"\s+(?:[\w-]+\s+){0,2}?([a-z][\w-]*)\b")  # "Ballard's 1962 novel"
_SEASON_WORD = re.compile(r"(?i)\b(?:season|series|part|chapter|volume)\b")  # "'X: Season 2'" is X
_CAPITAL_BEFORE = re.compile(r"([A-Z][\w.-]*)\s+$")  # "Ruth Ballard", "Linebacker Devon Ballard"


@dataclass(frozen=True, slots=True)
class Matcher:
    names: re.Pattern[str]
    exclude: re.Pattern[str] | None
    context: re.Pattern[str] | None


@lru_cache(maxsize=256)
def matcher(names: tuple[str, ...], exclude: tuple[str, ...], context: tuple[str, ...]) -> Matcher:
    """Patterns over text that went through `textnorm.normalize`, as the configured terms do here;
    every letter also matches its accented forms ("Elite" finds "Élite")."""
    plain = [strip_accents(normalize(n)) for n in names]
    variants = sorted({v for n in plain for v in (n, n.upper(), n.title())}, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(_term(v) for v in variants) + r")(?:'s)?(?![\w-])")
    ex = re.compile("|".join(_term(e) for e in exclude), re.I) if exclude else None
    ctx = re.compile(r"\b(?:" + "|".join(_term(c) for c in context) + r")\b", re.I) if context else None
    return Matcher(pattern, ex, ctx)


def _term(text: str) -> str:
    return accent_insensitive(re.escape(strip_accents(normalize(text))))


@lru_cache(maxsize=4096)  # asked of each sentence and clause several times in one reading
def is_title_case(text: str) -> bool:
    words = [w for w in _WORD.findall(text) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) > 0.6


def _as_a_date(text: str, start: int, end: int) -> bool:
    """A show named like a day or month, used as one: "confirmed Wednesday that", "on Monday"."""
    if text[start:end].lower().removesuffix("'s") not in _DATE_WORDS:
        return False
    return bool(_DATE_BEFORE.search(text[:start]) or _DATE_AFTER.match(text[end:]))


def _marked(text: str, start: int, end: int) -> bool | None:
    """What the typography says: a day ("confirmed Thursday that") is not the show Thursday; a
    quoted name is the title ("the 'Driftwood' remake", "'Lantern' U-Turn") unless it modifies a
    person or a part of the show ("'Ballard' star", "'X' recap"). None: it says nothing."""
    if _as_a_date(text, start, end):
        return True
    opened = start > 0 and text[start - 1 : start] in _QUOTES
    if (
        opened
        and (runs_on := _QUOTED_RUNS_ON.match(text[end : end + 60]))
        and not _SEASON_WORD.search(runs_on.group(0))
    ):
        return True
    quoted = opened and text[end : end + 1] in _QUOTES
    if not quoted:
        return None
    noun = _NEXT_WORD.match(text[end + 1 : end + 40])
    if noun is not None and noun.group(1).lower().removesuffix("'s") in _MODIFIED_NOUNS | _PARTS:
        return None
    return lx.OWNED_MENTION_BEFORE.search(text[: start - 1]) is not None


def _names_something_else(text: str, start: int, end: int, title_case: bool) -> bool:
    """A mention that is a company, place, person or another show's modifier, not the show."""
    if (marked := _marked(text, start, end)) is not None:
        return marked
    after = text[end : end + 40]
    if lx.NAME_COLLISION_AFTER.match(after):
        return True  # "Ballard Power Systems"
    if (sub := _AFTER_COLON.match(after)) and sub.group(
        1
    ).lower() not in _HEADLINE_AFTER_COLON | NETWORK_WORDS:
        return True  # "Bosch: Legacy", but not "Ballard: Season 2 Is Happening"
    after = after.lstrip("'\"")
    possessive = text[end - 2 : end] == "'s"
    if possessive and (owned := _OWNED_NOUN.match(after)) and owned.group(1) in _MODIFIED_NOUNS:
        return True  # "Ballard's 1962 novel": the novel, not the show
    if nxt := _NEXT_WORD.match(after):
        word = nxt.group(1)
        lowered = word.lower()
        if lowered.removesuffix("'s") in _MODIFIED_NOUNS and after[:1] == " ":
            return True  # "Ballard star Maggie Q", "Ballard's sister show"
        if not title_case and word[0].isupper() and lowered not in NETWORK_WORDS and lowered not in _NEXT_OK:
            return True  # "the Ballard Sunset Sessions", "Ballard's Maggie Q": another proper name
        plain_noun = not possessive and not (
            lowered in _NEXT_OK
            or lowered.endswith(("ed", "s", "ing", "ly", "en", "n't", "'s", "'ll", "'d"))
            or word.isupper()
            or len(word) < 3
        )
        if plain_noun and (word[0].islower() or title_case) and after[:1] == " ":
            return True  # "Ballard night market", "the Bosch spinoff"
    before = text[:start]
    if lx.OWNED_MENTION_BEFORE.search(before):
        return True  # "from the producers of 'Brass Tacks'"
    person = _CAPITAL_BEFORE.search(before)
    if person and before[: person.start()].strip() and person.group(1).lower() not in NETWORK_WORDS:
        word = person.group(1)
        if not title_case or (
            not word.lower().endswith(("s", "ed", "ing", "ly")) and word.lower() not in _HEADLINE_WORDS
        ):
            return True  # "Linebacker Devon Ballard", "Based on Ruth Ballard's Novels"
    return False


@lru_cache(maxsize=4096)
def mentions(text: str, m: Matcher, title_case: bool) -> tuple[tuple[int, int], ...]:
    if m.exclude is not None:
        text = m.exclude.sub(lambda x: "§" * len(x.group(0)), text)
    return tuple(
        hit.span()
        for hit in m.names.finditer(text)
        if not _names_something_else(text, hit.start(), hit.end(), title_case)
    )
