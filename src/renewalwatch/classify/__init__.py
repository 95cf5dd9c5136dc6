"""Read one document like a TV editor: is it about this show and season, and what does it say?

Pure: text in, `Classification` out. The decision is made per trigger (a phrase that states a
renewal or cancellation), each checked for its subject (the watched show, by name or by "the
series" right after a mention), its stance (questions, negation, hedging, denial, not-yet), its
season, and whether it is announced or only reported. The strongest clean trigger decides;
with none, talk about the show's future is `pending` and anything else `unrelated`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from renewalwatch.classify import lexicon as lx
from renewalwatch.classify.seasons import Seasons, find_seasons
from renewalwatch.classify.text import Sentence, split_clauses, split_sentences
from renewalwatch.models import Classification, Trust, Verdict, Watch

__all__ = ["Finding", "classify", "strongest"]

_RENEW, _CANCEL = "renew", "cancel"
_NETWORK_WORDS = frozenset(
    "prime video amazon amazon's netflix hbo max hulu apple tv+ peacock paramount+ nbc cbs abc fox "
    "fx amc starz showtime bbc itv disney+ cw the a an of for season series".split()
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
    "season seasons series star stars cast creator creators showrunner fans fan finale premiere "
    "renewal cancellation team writers writer episode episodes producer producers back up out off "
    "isn't won't wasn't hasn't doesn't didn't aren't weren't can't couldn't wouldn't shouldn't "
    "itself lands nabs scores wins earns secures here there today tonight tomorrow yesterday "
    "confirmed renewed canceled cancelled axed ordered returning return returns".split()
)
_HEADLINE_WORDS = _NEXT_OK | frozenset(
    "will is has does why how what when where who spinoff drama series star thriller comedy "
    "renew cancel axe return officially finally not no new more about".split()
)
_NEXT_WORD = re.compile(r"^[\s'\"]*([A-Za-z][\w'-]*)")


@dataclass(frozen=True, slots=True)
class Finding:
    """One trigger phrase judged in its clause."""

    kind: str  # _RENEW or _CANCEL
    trigger: str
    verdict: Verdict  # for the watched season: PENDING when taken back, UNRELATED when off-season
    rule: str
    sentence: Sentence
    direct: bool  # the show is named in the clause (not "the series")
    stale: bool
    seasons: Seasons


@dataclass(frozen=True, slots=True)
class _Matcher:
    names: re.Pattern[str]
    exclude: re.Pattern[str] | None
    context: re.Pattern[str] | None


@lru_cache(maxsize=256)
def _matcher(names: tuple[str, ...], exclude: tuple[str, ...], context: tuple[str, ...]) -> _Matcher:
    variants = sorted({v for n in names for v in (n, n.upper(), n.title())}, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w-])(?:" + "|".join(re.escape(v) for v in variants) + r")(?:'s)?(?![\w-])"
    )
    ex = re.compile("|".join(re.escape(e) for e in exclude), re.I) if exclude else None
    ctx = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in context) + r")\b", re.I) if context else None
    return _Matcher(pattern, ex, ctx)


def _is_title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", text) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) > 0.6


def _names_something_else(text: str, start: int, end: int, title_case: bool) -> bool:
    """A mention that is a company, place, person or another show's modifier, not the show."""
    after = text[end : end + 40]
    if lx.NAME_COLLISION_AFTER.match(after) or re.match(r":\s*[A-Z]\w", after):
        return True  # "Ballard Power Systems", "Bosch: Legacy"
    after = after.lstrip("'\"")
    if text[end - 2 : end] != "'s" and (nxt := _NEXT_WORD.match(after)):
        word = nxt.group(1)
        lowered = word.lower()
        if not title_case and word[0].isupper() and lowered not in _NETWORK_WORDS and lowered not in _NEXT_OK:
            return True  # "the Ballard Sunset Sessions": a longer proper name
        plain_noun = not (
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
    person = re.search(r"([A-Z][\w.-]*)\s+$", before)
    if person and before[: person.start()].strip() and person.group(1).lower() not in _NETWORK_WORDS:
        word = person.group(1)
        if not title_case or (
            not word.lower().endswith(("s", "ed", "ing", "ly")) and word.lower() not in _HEADLINE_WORDS
        ):
            return True  # "Linebacker Devon Ballard", "Based on Ruth Ballard's Novels"
    return False


def _mentions(text: str, m: _Matcher, title_case: bool) -> list[tuple[int, int]]:
    if m.exclude is not None:
        text = m.exclude.sub(lambda x: "§" * len(x.group(0)), text)
    return [
        hit.span()
        for hit in m.names.finditer(text)
        if not _names_something_else(text, hit.start(), hit.end(), title_case)
    ]


def _words(text: str) -> int:
    return len(text.split())


_PASSIVE_BEFORE = re.compile(r"(?:been|is|are|was|were|be|being|gets?|got|getting|'s)\s+(?:officially\s+)?$", re.I)
_SUBORDINATE = re.compile(r"\b(?:since|because|after|before|until|when|while|if|unless|whereas)\b", re.I)
_TV_OBJECTS = frozenset(
    "it them series show drama comedy season seasons episodes sitcom thriller spinoff order "
    "renewal pickup back up officially outright quietly again today".split()
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
_TIME_CLAUSE = re.compile(
    r",|;|\b(?:after|following|since|when|as|despite|thanks\s+to|because|ahead\s+of|once|which|where)\b", re.I
)


def _other_object(after: str, spans_after: bool) -> bool:
    """An active trigger whose object is another title: "renewed 'Northbound'", "its other dramas"."""
    window = " ".join(after.split()[:5])
    if re.search(r"\bother\b|\bseveral\b|\bboth\b", window, re.I):
        return True
    if spans_after or lx.ANAPHORA.match(after.lstrip()):
        return False  # "renewed the Bosch spinoff": a description, not another title
    obj = re.match(r"^\s*(?:the\s+|its\s+|their\s+|a\s+|an\s+|his\s+|her\s+)?(['\"]?)([A-Za-z][\w'&.-]*)", after)
    if obj is None or obj.group(2).lower() in _NOT_AN_OBJECT:
        return False
    if obj.group(2)[0].islower():  # "cancels console port": a thing, not a show
        return obj.group(2).lower() not in _TV_OBJECTS and not lx.ANAPHORA.match(after.lstrip())
    return True


def _subject(
    clause: str, start: int, end: int, spans: list[tuple[int, int]], recent: bool, title_case: bool,
    sentence_prefix: str, own: re.Pattern[str],
) -> str | None:
    """Whether the trigger at [start, end) speaks of the watched show: "direct", "anaphora" or None."""
    after = clause[end:]
    trigger = clause[start:end]
    right_after_name = any(e <= start and not clause[e:start].strip(" '\"") for _, e in spans)
    # "-ed" right after the name, or in a headline, is the passive: "Ballard Renewed for Season 2".
    participle = trigger.lower().endswith(("ed", "lit")) and (right_after_name or title_case)
    active = bool(_ACTIVE.match(trigger)) and not participle and not _PASSIVE_BEFORE.search(clause[:start])
    ahead = [s for s in spans if s[0] >= end]
    near = bool(ahead) and _words(clause[end : ahead[0][0]]) <= 6 and "," not in clause[end : ahead[0][0]]
    if active and _other_object(after, near):
        return None
    for s, e in spans:
        if start <= s and e <= end:
            return "direct"  # "Cameras Roll on Ballard Season 2"
        between = clause[e:start]
        if e <= start and _words(between) <= 14 and not _SUBORDINATE.search(between):
            return "direct"
        if s >= end and _words(clause[end:s]) <= 5 and "," not in clause[end:s]:
            return "direct"
    if recent and not spans:
        if re.search(r"(?i)\b(?:the|its)\s+(?:renewal|cancel+ation)\b", trigger) or (
            re.match(r"(?i)(?:renewal|cancel+ation)\b", trigger) and re.search(r"(?i)\b(?:the|its)\s+$", clause[:start])
        ):
            return "anaphora"  # "confirmed the renewal": the renewal of the show just named
        for a in lx.ANAPHORA.finditer(clause):
            if _other_title_before(sentence_prefix + clause[: min(a.start(), start)], own):
                return None
            if re.match(r"\s*(?:,\s*)?['\"]?[A-Z]", clause[a.end() :]) and not a.group(0).lower().startswith("it"):
                continue  # "the spy drama The Grafton Line": an appositive names another show
            if a.end() <= start and _words(clause[a.end() : start]) <= 8:
                return "anaphora"
            if a.start() >= end and _words(clause[end : a.start()]) <= 3:
                return "anaphora"
    return None


_COMMON_CAPS = frozenset(
    "i season series january february march april may june july august september october november "
    "december monday tuesday wednesday thursday friday saturday sunday tv".split()
)


# A heading line in a list article: a short line naming a show, maybe with its network.
_HEADING = re.compile(r"^\W*(?:\d+[.)]\s*)?['\"]?[A-Z][\w'&:+-]*(?:\s+[\w'&:+-]+){0,5}['\"]?(?:\s*\([^)]{1,40}\))?$")
_LABEL_WORDS = frozenset(
    ["yes", "no", "update", "updated", "exclusive", "breaking", "report", "news", "official",
     "it's official", "confirmed", "spoiler", "note", "editor's note", "answer", "the answer",
     "verdict", "bottom line", "first look", "recap", "review", "interview", "watch", "also",
     "plus", "meanwhile", "why", "what", "how", "when", "where", "who", "the good news", "the bad news"]
)  # fmt: skip
_LIST_LABEL = re.compile(r"^\W*(?:\d+[.)]\s*)?['\"]?([A-Z][\w'&.+-]*(?:\s+[A-Z0-9][\w'&.+-]*)*)['\"]?\s*(?:\(|-|:)")


def _other_title_before(text: str, own: re.Pattern[str]) -> bool:
    """A list item labelled with another title: in "Hospital Road (ABC) - The medical drama
    returns", "the medical drama" is Hospital Road."""
    label = _LIST_LABEL.match(text)
    if not label:
        return False
    name = label.group(1).lower()
    return not own.search(label.group(1)) and name not in _NETWORK_WORDS and name not in _LABEL_WORDS


def _season_scope(clause: str, start: int, end: int) -> str:
    """The words that can name the trigger's season: not a time clause ("after its first season")."""
    before = clause[:start]
    cut = [m.end() for m in _TIME_CLAUSE.finditer(before)]
    before = before[cut[-1] :] if cut else before
    after = clause[end:]
    m = _TIME_CLAUSE.search(after)
    return before + clause[start:end] + (after[: m.start()] if m else after)


_TARGET = re.compile(
    r"^\s*(?:\w+\s+){0,3}?(?:for|through|with|into)\s+(?:a|an|its|the|their)?\s*"
    r"(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\b(?!\s+(?:time|place))",
    re.I,
)


def _stance(clause: str, before: str, after: str, sentence: Sentence, kind: str, trigger: str) -> str | None:
    """Why a trigger does not state a decision, or None when it does."""
    text = sentence.text.rstrip()
    if text.endswith("?") or (sentence.is_title and (lx.QUESTION_START.match(text) or lx.QUESTION_TITLE.search(text))):
        return "question"
    if lx.DENIAL.search(clause):
        return "denial"
    negative_trigger = kind == _CANCEL and re.match(r"(?i)(won't|will|not|isn't|is|aren't|there)", trigger)
    if not negative_trigger and lx.NEGATION_BEFORE.search(before):
        return "negation"
    if lx.NOT_YET.search(clause):
        return "not-yet"
    # A presupposed decision ("its cancellation of X", "its decision to axe X") is a fact even
    # inside a petition to reverse it; only words right before it can hedge it.
    nominal = re.match(r"(?i)(cancel+ation|renewal)", trigger) is not None or re.search(
        r"(?i)\b(?:its|their|the)\s+decision\s+(?:not\s+)?to\s+$", before
    ) is not None
    if nominal:
        before = re.sub(r"(?i)\b(?:its|their|the)\s+decision\s+(?:not\s+)?to\s+$", "", before)
    window = " ".join(before.split()[-3:]) if nominal else before
    # "announced that it would not return": reported speech shifts "will" to "would".
    window = re.sub(r"(?i)(\b(?:announced|said|confirmed|revealed|stated|declared|decided|told\s+\w+)\b.*)\bwould\b", r"\1", window)
    if lx.HEDGE.search(f"{window}{trigger}") or lx.HEDGE.search(" ".join(after.split()[:3])):
        return "hedge"
    return None


@dataclass(frozen=True, slots=True)
class _Raw:
    kind: str
    trigger: str
    sentence: Sentence
    clause: str
    direct: bool
    seasons: Seasons
    stance: str | None


def _triggers(sentences: list[Sentence], m: _Matcher) -> list[_Raw]:
    raw: list[_Raw] = []
    last_mention = -10
    header: tuple[str, str, str | None] | None = None  # a list's lead-in: "renewed these series:"
    heading_topic = False  # the last mention was a heading line: "Sundial (Apple TV+)"
    for sentence in sentences:
        title_case = _is_title_case(sentence.text)
        named = bool(_mentions(sentence.text, m, title_case))
        heading = not sentence.is_title and _HEADING.match(sentence.text) is not None
        if named:
            last_mention = sentence.index
            heading_topic = heading
        elif heading:
            last_mention, heading_topic = -10, False  # a heading for another show: a new topic
        if sentence.text.endswith(":") and not sentence.is_title:
            leads = [(h.start(), k, h) for k, rx in ((_RENEW, lx.RENEW), (_CANCEL, lx.CANCEL)) if (h := rx.search(sentence.text))]
            if leads:
                _, kind, lead = min(leads, key=lambda x: x[0])
                before, after = sentence.text[: lead.start()], sentence.text[lead.end() :]
                header = (kind, lead.group(0), _stance(sentence.text, before, after, sentence, kind, lead.group(0)))
                continue
        elif header is not None and _words(sentence.text) <= 12:
            if named:  # a list item under the lead-in: "Riverbend (season 2)"
                kind, trigger, stance = header
                raw.append(_Raw(kind, trigger, sentence, sentence.text, True, find_seasons(sentence.text), stance))
            continue
        header = None
        recent = sentence.index - last_mention <= 3
        if not recent:
            continue
        for clause in split_clauses(sentence.text):
            prefix = sentence.text[: max(0, sentence.text.find(clause))]
            spans = _mentions(clause, m, title_case)
            low = clause.lower()
            hits = [(_RENEW, h) for h in lx.RENEW.finditer(clause)] if any(k in low for k in lx.RENEW_HINTS) else []
            if any(k in low for k in lx.CANCEL_HINTS):
                hits += [(_CANCEL, h) for h in lx.CANCEL.finditer(clause)]
            for kind, hit in hits:
                subject = _subject(clause, hit.start(), hit.end(), spans, recent, title_case, prefix, m.names)
                if subject is None and heading_topic and not spans and re.search(
                    r"(?i)\bits\s+(?:[\w-]+\s+){0,2}(?:series|show|drama|thriller|comedy|sitcom|procedural|mystery)\b",
                    clause[hit.end() : hit.end() + 60],
                ):
                    subject = "anaphora"  # under a heading, "pulled the plug on its time-loop thriller"
                if subject is None:
                    continue
                trigger = hit.group(0)
                before, after = clause[: hit.start()], clause[hit.end() :]
                if kind == _RENEW and lx.NEGATED_RENEW_IS_CANCEL.search(clause[: hit.end()][-40:]):
                    kind, trigger = _CANCEL, "not " + trigger
                    before = re.sub(
                        r"(?i)\b(?:won't|will\s+not|wasn't|was\s+not|didn't|did\s+not|not\s+to)\s+(?:be\s+)?$", "", before
                    )
                stance = _stance(clause, before, after, sentence, kind, trigger)
                scope = _season_scope(clause, hit.start(), hit.end())
                seasons = find_seasons(scope)
                if (target := _TARGET.match(after)) and not seasons.explicit:
                    seasons = find_seasons(f"{target.group(1)} season")
                if kind == _CANCEL and seasons.final is None and seasons.ended_after is None:
                    whole = find_seasons(clause)
                    if whole.final is not None or whole.ended_after is not None:
                        seasons = whole
                raw.append(_Raw(kind, trigger, sentence, clause, subject == "direct", seasons, stance))
    return raw


def _season_fit(kind: str, trigger: str, s: Seasons, season: int, doc: Seasons) -> Verdict:
    """What a clean trigger means for the watched season; UNRELATED when it is about another."""
    if kind == _CANCEL and re.search(r"final|last|\bend", trigger, re.I) and s.final is not None:
        final = s.final if s.final != -1 else (doc.final if doc.final not in (None, -1) else season)
        assert final is not None
        if final == season:
            return Verdict.RENEWED
        return Verdict.CANCELED if final < season else Verdict.UNRELATED
    if kind == _CANCEL:
        if s.ended_after is not None:
            return Verdict.CANCELED if season > s.ended_after else Verdict.UNRELATED
        if s.explicit and season not in s.explicit:
            return Verdict.CANCELED if max(s.explicit) < season else Verdict.UNRELATED
        return Verdict.CANCELED
    if s.through is not None and season <= s.through:
        return Verdict.RENEWED
    if s.explicit:
        return Verdict.RENEWED if season in s.explicit else Verdict.UNRELATED
    if doc.explicit and season not in doc.explicit:
        return Verdict.UNRELATED  # the headline said which season; a bare "renewed" means that one
    return Verdict.RENEWED


def _findings(sentences: list[Sentence], m: _Matcher, season: int) -> list[Finding]:
    raw = _triggers(sentences, m)
    finals = [r.seasons.final for r in raw if r.seasons.final not in (None, -1)]
    # The season a headline names for the show is the one a bare "is returning" speaks of.
    named = [find_seasons(s.text) for s in sentences if s.is_title and _mentions(s.text, m, _is_title_case(s.text))]
    headline = frozenset(n for x in named for n in (*x.explicit, *range(1, (x.through or 0) + 1)))
    doc = Seasons(
        explicit=headline | frozenset(n for r in raw if r.kind == _RENEW and r.sentence.is_title for n in r.seasons.explicit),
        final=finals[0] if finals else None,
    )
    findings = []
    for r in raw:
        fit = _season_fit(r.kind, r.trigger, r.seasons, season, doc)
        if r.stance is not None and fit is not Verdict.UNRELATED:
            verdict, rule = Verdict.PENDING, f"{r.stance}: {r.trigger!r}"
        elif fit is Verdict.UNRELATED:
            verdict, rule = fit, f"other season: {r.trigger!r}"
        else:
            verdict, rule = fit, f"{r.kind}: {r.trigger!r}"
        stale = bool(lx.STALE.search(r.clause))
        findings.append(Finding(r.kind, r.trigger, verdict, rule, r.sentence, r.direct, stale, r.seasons))
    return findings


def _score(f: Finding) -> float:
    return (
        (2.0 if f.sentence.is_title else 0.0)
        + (1.0 if f.direct else 0.0)
        + (0.0 if f.stale else 1.0)
        + (0.5 if f.sentence.paragraph <= 1 else 0.0)
        + (3.0 if f.kind == _CANCEL and lx.REVERSAL.search(f.trigger) else 0.0)
    )


_ABOUT_DECISION = re.compile(
    r"\b(?:renew\w*|cancel\w*|decision|decided|news|pickup|pick-up|order(?:ed)?|greenlit|axed|return\w*|"
    r"season|series|statement|announcement)\b",
    re.IGNORECASE,
)


def _official(decisive: list[Finding], sentences: list[Sentence], trust: Trust) -> bool:
    if trust is Trust.OFFICIAL:
        return True
    near = {f.sentence.index for f in decisive}
    near |= {i + d for i in near for d in (-1, 1)}
    official = reported = 0.0
    for sentence in sentences:
        if sentence.index in near:
            weight = 2.0
        elif _ABOUT_DECISION.search(sentence.text):
            weight = 1.0
        else:
            continue  # "casting has not been announced" says nothing of who decided
        text = sentence.text
        says_reported = lx.ATTRIBUTION.search(lx.OFFICIAL_SOURCE.sub(" ", text)) is not None
        if lx.STRONG_OFFICIAL.search(text):
            says_official, says_reported = True, False  # "..., with the streamer confirming the news"
        else:
            says_official = lx.OFFICIAL.search(text) is not None or lx.OFFICIAL_SOURCE.search(text) is not None
        if says_official and not says_reported:
            official += weight
        elif says_reported:
            reported += weight
    return official > reported


def _future_talk(sentences: list[Sentence], m: _Matcher, season: int) -> Sentence | None:
    """A sentence about the show (by name or right after it) that asks about, awaits or hopes
    for the watched season."""
    last_mention = -10
    for sentence in sentences:
        if _mentions(sentence.text, m, _is_title_case(sentence.text)):
            last_mention = sentence.index
        if sentence.index - last_mention > 3:
            continue
        seasons = find_seasons(sentence.text)
        if seasons.explicit and season not in seasons.explicit:
            continue  # "Season 1 finale explained" is not about season 2
        about = season in seasons.explicit or seasons.next_implied or re.search(
            r"\b(?:renew\w*|cancel\w*|return\w*|come\s+back|back\s+for|more\s+episodes|future|fate)\b", sentence.text, re.I
        )
        if not about:
            continue
        asks = sentence.text.rstrip().endswith("?") or (
            sentence.is_title and bool(lx.QUESTION_TITLE.search(sentence.text) or lx.QUESTION_START.match(sentence.text))
        )
        if asks or lx.NOT_YET.search(sentence.text) or lx.HEDGE.search(sentence.text):
            return sentence
    return None


def classify(title: str, text: str, watch: Watch, trust: Trust = Trust.OTHER) -> Classification:
    """Classify one document (title and plain text) for one watched show and season."""
    m = _matcher(watch.names, watch.exclude, watch.context)
    blob = f"{title}\n{text}"
    if not m.names.search(blob):
        return Classification(Verdict.UNRELATED, False, None, 0.95, "", "show not named")
    if m.context is not None and not m.context.search(blob):
        return Classification(Verdict.UNRELATED, False, None, 0.9, "", "no context term")
    tv_source = trust is not Trust.OTHER  # a trade paper's or a network's feed is about television
    if not tv_source and not lx.TV_CONTEXT.search(blob) and not (watch.network and watch.network.lower() in blob.lower()):
        return Classification(Verdict.UNRELATED, False, None, 0.9, "", "not about television")
    sentences = split_sentences(title, text)
    findings = _findings(sentences, m, watch.season)
    decisive = [f for f in findings if f.verdict.decisive]
    if decisive:
        best = max(decisive, key=_score)
        verdict = best.verdict
        same = [f for f in decisive if f.verdict is verdict]
        notes = tuple(f"{f.rule} in {f.sentence.text!r}" for f in findings if f is not best)[:6]
        return Classification(
            verdict,
            _official(same, sentences, trust),
            best.seasons.first() or watch.season,
            min(0.99, 0.55 + 0.1 * _score(best)),
            best.sentence.text,
            best.rule,
            stale=all(f.stale for f in same),
            notes=notes,
        )
    blocked = [f for f in findings if f.verdict is Verdict.PENDING]
    if blocked:
        first = blocked[0]
        notes = tuple(f"{f.rule} in {f.sentence.text!r}" for f in blocked[1:6])
        return Classification(Verdict.PENDING, False, watch.season, 0.7, first.sentence.text, first.rule, notes=notes)
    talk = _future_talk(sentences, m, watch.season)
    if talk is not None:
        return Classification(Verdict.PENDING, False, watch.season, 0.6, talk.text, "talk of the future")
    off = next((f for f in findings if f.verdict is Verdict.UNRELATED), None)
    if off is not None:
        return Classification(Verdict.UNRELATED, False, off.seasons.first(), 0.7, off.sentence.text, off.rule)
    return Classification(Verdict.UNRELATED, False, None, 0.8, "", "no decision about the show")


def strongest(results: list[Classification]) -> Classification:
    """One verdict for several documents (a feed file's entries): a decision beats talk."""
    order = {Verdict.RENEWED: 3, Verdict.CANCELED: 3, Verdict.PENDING: 1, Verdict.UNRELATED: 0}
    if not results:
        return Classification(Verdict.UNRELATED, False, None, 0.9, "", "no documents")
    return max(results, key=lambda c: (order[c.verdict], c.official, c.confidence))
