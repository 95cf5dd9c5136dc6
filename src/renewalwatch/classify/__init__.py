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

__all__ = ["classify", "Finding"]

_RENEW, _CANCEL = "renew", "cancel"
_NETWORK_WORDS = frozenset(
    "prime video amazon netflix hbo max hulu apple tv+ peacock paramount+ nbc cbs abc fox fx amc "
    "starz showtime bbc itv disney+ cw the a an of for season series".split()
)


@dataclass(frozen=True, slots=True)
class Finding:
    """One trigger phrase judged in its clause."""

    kind: str  # _RENEW or _CANCEL
    verdict: Verdict  # what it says for the watched season; PENDING when blocked, UNRELATED when off-season
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


def _mentions(text: str, m: _Matcher, title_case: bool) -> list[tuple[int, int]]:
    """Spans where the watched show itself is named (not a company, place or person so named)."""
    if m.exclude is not None:
        text = m.exclude.sub(lambda x: "§" * len(x.group(0)), text)
    spans = []
    for hit in m.names.finditer(text):
        after = text[hit.end() : hit.end() + 30]
        if lx.NAME_COLLISION_AFTER.match(after) or re.match(r":\s*[A-Z]\w", after):
            continue  # "Ballard Power Systems", "Bosch: Legacy"
        if not title_case:
            before = re.search(r"([A-Z][\w.-]*)\s+$", text[: hit.start()])
            if before and not text[: before.start()].strip() == "" and (
                before.group(1).lower() not in _NETWORK_WORDS
            ):
                continue  # "Jake Ballard": a person
        spans.append(hit.span())
    return spans


def _words_between(text: str, a: int, b: int) -> int:
    return len(text[min(a, b) : max(a, b)].split())


def _season_fit(kind: str, trigger: str, s: Seasons, season: int, doc_seasons: frozenset[int]) -> Verdict:
    """What a clean trigger means for the watched season; UNRELATED when it is about another."""
    final_trigger = kind == _CANCEL and re.search(r"final|last|\bend", trigger, re.I) is not None
    if final_trigger and s.final is not None:
        final = season if s.final == -1 else s.final
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
    if doc_seasons and season not in doc_seasons:
        return Verdict.UNRELATED  # the headline said which season; a bare "renewed" means that one
    return Verdict.RENEWED


def _stance(clause: str, before: str, after: str, sentence: Sentence, kind: str, trigger: str) -> str | None:
    """Why a trigger does not state a decision, or None when it does."""
    text = sentence.text.rstrip()
    if text.endswith("?") or (lx.QUESTION_START.match(text) and sentence.is_title) or (
        sentence.is_title and lx.QUESTION_TITLE.search(text)
    ):
        return "question"
    if lx.DENIAL.search(clause):
        return "denial"
    negation_is_trigger = kind == _CANCEL and re.match(r"(?i)(won't|will|not|isn't|is|aren't|there)", trigger)
    if not negation_is_trigger and lx.NEGATION_BEFORE.search(before):
        return "negation"
    if lx.NOT_YET.search(clause):
        return "not-yet"
    if lx.HEDGE.search(before) or lx.HEDGE.search(" ".join(after.split()[:3])):
        return "hedge"
    return None


def _findings(sentences: list[Sentence], m: _Matcher, season: int) -> list[Finding]:
    raw: list[tuple[str, str, Sentence, str, str, str, bool, Seasons, str | None]] = []
    last_mention = -10
    for sentence in sentences:
        title_case = _is_title_case(sentence.text)
        sentence_mentions = _mentions(sentence.text, m, title_case)
        topic = bool(sentence_mentions) or (sentence.index - last_mention <= 2 and not sentence.is_title)
        if sentence_mentions:
            last_mention = sentence.index
        if not topic:
            continue
        for clause in split_clauses(sentence.text):
            spans = _mentions(clause, m, title_case)
            direct = bool(spans)
            if not direct and not lx.ANAPHORA.search(clause):
                continue
            hits = [(_RENEW, h) for h in lx.RENEW.finditer(clause)]
            hits += [(_CANCEL, h) for h in lx.CANCEL.finditer(clause)]
            for kind, hit in hits:
                if direct and not any(
                    _words_between(clause, s, e) <= (6 if s >= hit.end() else 14)
                    for s, e in ((sp[0], hit.start()) if sp[0] < hit.start() else (hit.end(), sp[0]) for sp in spans)
                ):
                    continue
                trigger = hit.group(0)
                before, after = clause[: hit.start()], clause[hit.end() :]
                if kind == _RENEW and lx.NEGATED_RENEW_IS_CANCEL.search(clause[: hit.end()][-40:]):
                    kind, trigger = _CANCEL, "not " + trigger
                    before = re.sub(r"(?i)\b(?:won't|will\s+not|wasn't|was\s+not|didn't|did\s+not|not\s+to)\s+(?:be\s+)?$", "", before)
                stance = _stance(clause, before, after, sentence, kind, trigger)
                seasons = find_seasons(clause)
                if not seasons.any and not seasons.next_implied:
                    seasons = find_seasons(sentence.text)
                raw.append((kind, trigger, sentence, clause, before, after, direct, seasons, stance))
    doc_seasons = frozenset(
        n for kind, _, s, *_rest in raw if kind == _RENEW and s.is_title for n in _rest[4].explicit
    )
    findings = []
    for kind, trigger, sentence, clause, _before, _after, direct, seasons, stance in raw:
        fit = _season_fit(kind, trigger, seasons, season, doc_seasons)
        if stance is not None and fit is not Verdict.UNRELATED:
            verdict, rule = Verdict.PENDING, f"{stance}: {trigger!r}"
        elif fit is Verdict.UNRELATED:
            verdict, rule = fit, f"other season: {trigger!r}"
        else:
            verdict, rule = fit, f"{kind}: {trigger!r}"
        stale = bool(lx.STALE.search(clause))
        findings.append(Finding(kind, verdict, rule, sentence, direct, stale, seasons))
    return findings


def _score(f: Finding) -> float:
    return (2.0 if f.sentence.is_title else 0.0) + (1.0 if f.direct else 0.0) + (
        0.0 if f.stale else 1.0
    ) + (0.5 if f.sentence.paragraph <= 1 else 0.0)


def _official(decisive: list[Finding], sentences: list[Sentence], trust: Trust) -> bool:
    if trust is Trust.OFFICIAL:
        return True
    near = {f.sentence.index for f in decisive}
    near |= {i + d for i in near for d in (-1, 1)}
    official = reported = 0.0
    for sentence in sentences:
        weight = 2.0 if sentence.index in near else 1.0
        says_official = lx.OFFICIAL.search(sentence.text) is not None
        says_reported = lx.ATTRIBUTION.search(sentence.text) is not None
        if says_official and not says_reported:
            official += weight
        elif says_reported:
            reported += weight
    return official > reported


def classify(title: str, text: str, watch: Watch, trust: Trust = Trust.OTHER) -> Classification:
    """Classify one document (title and plain text) for one watched show and season."""
    m = _matcher(watch.names, watch.exclude, watch.context)
    blob = f"{title}\n{text}"
    if not m.names.search(blob):
        return Classification(Verdict.UNRELATED, False, None, 0.95, "", "show not named")
    if m.context is not None and not m.context.search(blob):
        return Classification(Verdict.UNRELATED, False, None, 0.9, "", "no context term")
    if not lx.TV_CONTEXT.search(blob):
        return Classification(Verdict.UNRELATED, False, None, 0.9, "", "not about television")
    sentences = split_sentences(title, text)
    findings = _findings(sentences, m, watch.season)
    decisive = [f for f in findings if f.verdict.decisive]
    if decisive:
        best = max(decisive, key=_score)
        verdict = best.verdict
        same = [f for f in decisive if f.verdict is verdict]
        stale = all(f.stale for f in same)
        notes = tuple(f"{f.rule} in {f.sentence.text!r}" for f in findings if f is not best)[:6]
        return Classification(
            verdict,
            _official(same, sentences, trust),
            best.seasons.first() or watch.season,
            min(0.99, 0.55 + 0.1 * _score(best)),
            best.sentence.text,
            best.rule,
            stale=stale,
            notes=notes,
        )
    blocked = [f for f in findings if f.verdict is Verdict.PENDING]
    if blocked:
        first = blocked[0]
        return Classification(Verdict.PENDING, False, watch.season, 0.7, first.sentence.text, first.rule)
    talk = _future_talk(sentences, m, watch.season)
    if talk is not None:
        return Classification(Verdict.PENDING, False, watch.season, 0.6, talk.text, "talk of the future")
    off = next((f for f in findings if f.verdict is Verdict.UNRELATED), None)
    if off is not None:
        return Classification(Verdict.UNRELATED, False, off.seasons.first(), 0.7, off.sentence.text, off.rule)
    return Classification(Verdict.UNRELATED, False, None, 0.8, "", "no decision about the show")


def _future_talk(sentences: list[Sentence], m: _Matcher, season: int) -> Sentence | None:
    """A sentence naming the show that asks about, awaits or hopes for the watched season."""
    for sentence in sentences:
        if not _mentions(sentence.text, m, _is_title_case(sentence.text)):
            continue
        seasons = find_seasons(sentence.text)
        about_season = season in seasons.explicit or seasons.next_implied
        if (sentence.is_title and lx.QUESTION_TITLE.search(sentence.text)) or lx.NOT_YET.search(
            sentence.text
        ) or (about_season and (sentence.text.rstrip().endswith("?") or lx.HEDGE.search(sentence.text))):
            return sentence
    return None


def strongest(results: list[Classification]) -> Classification:
    """One verdict for several documents (a feed file's entries): a decision beats talk."""
    order = {Verdict.RENEWED: 3, Verdict.CANCELED: 3, Verdict.PENDING: 1, Verdict.UNRELATED: 0}
    if not results:
        return Classification(Verdict.UNRELATED, False, None, 0.9, "", "no documents")
    return max(results, key=lambda c: (order[c.verdict], c.official, c.confidence))
