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

from renewalwatch.classify import lexicon as lx
from renewalwatch.classify.names import Matcher, is_title_case, matcher, mentions
from renewalwatch.classify.networks import NETWORK_IN, same_network
from renewalwatch.classify.official import is_official
from renewalwatch.classify.seasons import Seasons, find_seasons
from renewalwatch.classify.subject import HEADING, PARENTHETICAL, subject, words
from renewalwatch.classify.text import Sentence, split_clauses, split_sentences
from renewalwatch.models import Classification, Trust, Verdict, Watch
from renewalwatch.textnorm import normalize

__all__ = ["Finding", "classify", "strongest"]

_RENEW, _CANCEL = "renew", "cancel"


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


_TIME_CLAUSE = re.compile(
    r",|;|\b(?:after|following|since|when|as|despite|thanks\s+to|because|ahead\s+of|once|which|where)\b", re.I
)


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


_STATUS_LABEL = re.compile(
    r"(?i)^\W*(?:status|verdict|no\s+decision|pending|undecided|on\s+the\s+bubble|tbd|renewed|canceled|cancelled|ending|ended)\b"
)


def _names_a_topic(text: str) -> bool:
    """A heading that starts a show's section. "Status: Renewed" or "CANCELED" under it is a label
    of that section, not a new one."""
    if ":" in text or _STATUS_LABEL.match(text) or not HEADING.match(text):
        return False
    return not (lx.RENEW.search(text) or lx.CANCEL.search(text))


def _canceled_event(before: str, after: str) -> bool:
    """The thing canceled is an event: named just before the verb, or as its object (up to its
    first preposition, so "canceled after ten episodes" is still the show)."""
    passive = re.search(r"(?i)\b(?:is|was|were|been|be|being|gets?|got)\s+(?:\w+\s+)?$", before) is not None
    subject = " ".join(before.split()[-(12 if passive else 5) :])  # a passive's subject opens the clause
    obj = re.split(
        r"(?i)\b(?:after|for|at|in|following|due|amid|because|by|on|over|with|when)\b", after, maxsplit=1
    )[0]
    return bool(lx.EVENT.search(subject) or lx.EVENT.search(" ".join(obj.split()[:8])))


def _hide(m: Matcher, text: str) -> str:
    return m.names.sub(lambda x: "§" * len(x.group(0)), text)


def _is_heading(sentence: Sentence) -> bool:
    """A subheading or a related-link line reads like a headline: short, no closing stop."""
    text = sentence.text.rstrip()
    return not text.endswith((".", "!", "?", ",", ";", ":", '."', ".'")) and words(text) <= 15


def _stance(clause: str, before: str, after: str, sentence: Sentence, kind: str, trigger: str) -> str | None:
    """Why a trigger does not state a decision, or None when it does."""
    text = sentence.text.rstrip()
    headline = sentence.is_title or _is_heading(sentence)
    if text.endswith("?") or (headline and (lx.QUESTION_START.match(text) or lx.QUESTION_TITLE.search(text))):
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
    nominal = (
        re.match(r"(?i)(cancel+ation|renewal)", trigger) is not None
        or re.search(r"(?i)\b(?:its|their|the)\s+decision\s+(?:not\s+)?to\s+$", before) is not None
    )
    if nominal:
        before = re.sub(r"(?i)\b(?:its|their|the)\s+decision\s+(?:not\s+)?to\s+$", "", before)
    before = PARENTHETICAL.sub(
        ",", before
    )  # a hedge inside ", the drama about a mom who might ...," governs nothing
    window = " ".join(before.split()[-3:]) if nominal else before
    # "announced that it would not return": reported speech shifts "will" to "would".
    window = re.sub(
        r"(?i)(\b(?:announced|said|confirmed|revealed|stated|declared|decided|told\s+\w+)\b.*)\bwould\b",
        r"\1",
        window,
    )
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


def _triggers(sentences: list[Sentence], m: Matcher, naming: frozenset[int]) -> list[_Raw]:
    raw: list[_Raw] = []
    last_mention = -10
    header: tuple[str, str, str | None] | None = None  # a list's lead-in: "renewed these series:"
    heading_topic = False  # the last mention was a heading line: "Sundial (Apple TV+)"
    for sentence in sentences:
        title_case = is_title_case(sentence.text)
        named = sentence.index in naming
        # "Status: Renewed through Season 6" under a show's heading is a label line, not a new topic.
        heading = not sentence.is_title and _names_a_topic(sentence.text)
        if named:
            last_mention = sentence.index
            heading_topic = heading
        elif heading:
            last_mention, heading_topic = -10, False  # a heading for another show: a new topic
        if sentence.text.endswith(":") and not sentence.is_title:
            leads = [
                (h.start(), k, h)
                for k, rx in ((_RENEW, lx.RENEW), (_CANCEL, lx.CANCEL))
                if (h := rx.search(sentence.text))
            ]
            if leads:
                _, kind, lead = min(leads, key=lambda x: x[0])
                before, after = sentence.text[: lead.start()], sentence.text[lead.end() :]
                header = (
                    kind,
                    lead.group(0),
                    _stance(sentence.text, before, after, sentence, kind, lead.group(0)),
                )
                continue
        elif header is not None and words(sentence.text) <= 12:
            if named:  # a list item under the lead-in: "Riverbend (season 2)"
                kind, trigger, stance = header
                raw.append(
                    _Raw(kind, trigger, sentence, sentence.text, True, find_seasons(sentence.text), stance)
                )
            continue
        header = None
        recent = sentence.index - last_mention <= 3
        if not recent:
            continue
        for clause in split_clauses(sentence.text):
            prefix = sentence.text[: max(0, sentence.text.find(clause))]
            spans = mentions(clause, m, title_case)
            hits = [(_RENEW, h) for h in lx.RENEW.finditer(clause)] if lx.RENEW.may_match(clause) else []
            if lx.CANCEL.may_match(clause):
                hits += [(_CANCEL, h) for h in lx.CANCEL.finditer(clause)]
            for kind, hit in hits:
                about = subject(clause, hit.start(), hit.end(), spans, recent, title_case, prefix, m.names)
                if (
                    about is None
                    and heading_topic
                    and not spans
                    and re.search(
                        r"(?i)\bits\s+(?:[\w-]+\s+){0,2}(?:series|show|drama|thriller|comedy|sitcom|procedural|mystery)\b",
                        clause[hit.end() : hit.end() + 60],
                    )
                ):
                    about = "anaphora"  # under a heading, "pulled the plug on its time-loop thriller"
                if (
                    about is None
                    and heading_topic
                    and not spans
                    and words(sentence.text[: sentence.text.find(clause) + hit.start()]) <= 2
                ):
                    about = "anaphora"  # under a heading, "Verdict: Renewed for Season 2."
                if about is None:
                    continue
                trigger = hit.group(0)
                if lx.HEADLINE_ONLY.match(trigger) and not sentence.is_title:
                    continue
                before, after = clause[: hit.start()], clause[hit.end() :]
                if kind == _CANCEL and _canceled_event(before, after):
                    continue  # the red carpet, a panel, this week's live episode: not the show
                if kind == _RENEW and lx.NOT_A_SEASON.search(clause):
                    continue  # "coming back, for one night only": a reunion, not a season
                if kind == _RENEW and lx.NEGATED_RENEW_IS_CANCEL.search(clause[: hit.end()][-40:]):
                    kind, trigger = _CANCEL, "not " + trigger
                    before = re.sub(
                        r"(?i)\b(?:won't|will\s+not|wasn't|was\s+not|didn't|did\s+not|not\s+to)\s+(?:be\s+)?$",
                        "",
                        before,
                    )
                # The show's own name says nothing of stance: "High Potential" is not a hedge.
                stance = _stance(_hide(m, clause), _hide(m, before), _hide(m, after), sentence, kind, trigger)
                scope = _season_scope(clause, hit.start(), hit.end())
                seasons = find_seasons(scope)
                if (target := _TARGET.match(after)) and not seasons.explicit:
                    seasons = find_seasons(f"{target.group(1)} season")
                if kind == _CANCEL and seasons.final is None and seasons.ended_after is None:
                    whole = find_seasons(clause)
                    if whole.final is not None or whole.ended_after is not None:
                        seasons = whole
                raw.append(_Raw(kind, trigger, sentence, clause, about == "direct", seasons, stance))
    return raw


_FUTURE_END = re.compile(r"(?i)\b(?:will|would|to|set\s+to)\s+(?:officially\s+)?end\b")


def _season_fit(kind: str, trigger: str, s: Seasons, season: int, doc: Seasons) -> Verdict:
    """What a clean trigger means for the watched season; UNRELATED when it is about another."""
    if kind == _CANCEL and re.search(r"final|last|\bend", trigger, re.I) and s.final is not None:
        final = s.final if s.final != -1 else (doc.final if doc.final not in (None, -1) else season)
        assert final is not None
        if final == season:
            return Verdict.RENEWED
        return Verdict.CANCELED if final < season else Verdict.UNRELATED
    if kind == _CANCEL and s.ended_after is not None and _FUTURE_END.search(trigger):
        # "to end after two seasons" names the last season to come: renewed for it, over after it
        return (
            Verdict.RENEWED
            if season == s.ended_after
            else Verdict.CANCELED
            if season > s.ended_after
            else Verdict.UNRELATED
        )
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


def _findings(sentences: list[Sentence], m: Matcher, naming: frozenset[int], season: int) -> list[Finding]:
    raw = _triggers(sentences, m, naming)
    finals = [r.seasons.final for r in raw if r.seasons.final not in (None, -1)]
    # The season a headline names for the show is the one a bare "is returning" speaks of.
    named = [find_seasons(s.text) for s in sentences if s.is_title and s.index in naming]
    headline = frozenset(n for x in named for n in (*x.explicit, *range(1, (x.through or 0) + 1)))
    doc = Seasons(
        explicit=headline
        | frozenset(n for r in raw if r.kind == _RENEW and r.sentence.is_title for n in r.seasons.explicit),
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
        + (3.0 if f.verdict is Verdict.RENEWED and lx.REVIVAL.search(f.sentence.text) else 0.0)
    )


def _future_talk(sentences: list[Sentence], naming: frozenset[int], season: int) -> Sentence | None:
    """A sentence about the show (by name or right after it) that asks about, awaits or hopes
    for the watched season."""
    last_mention = -10
    for sentence in sentences:
        if sentence.index in naming:
            last_mention = sentence.index
        if sentence.index - last_mention > 3:
            continue
        seasons = find_seasons(sentence.text)
        if seasons.explicit and season not in seasons.explicit:
            continue  # "Season 1 finale explained" is not about season 2
        about = (
            season in seasons.explicit
            or seasons.next_implied
            or re.search(
                r"\b(?:renew\w*|cancel\w*|return\w*|come\s+back|back\s+for|more\s+episodes|future|fate)\b",
                sentence.text,
                re.I,
            )
        )
        if not about:
            continue
        asks = sentence.text.rstrip().endswith("?") or (
            sentence.is_title
            and bool(lx.QUESTION_TITLE.search(sentence.text) or lx.QUESTION_START.match(sentence.text))
        )
        if asks or lx.NOT_YET.search(sentence.text) or lx.HEDGE.search(sentence.text):
            return sentence
    return None


def classify(title: str, text: str, watch: Watch, trust: Trust = Trust.OTHER) -> Classification:
    """Classify one document (title and plain text) for one watched show and season."""
    title, text = normalize(title), normalize(text)  # the one normalisation the matcher's names had
    m = matcher(watch.names, watch.exclude, watch.context)
    blob = f"{title}\n{text}"
    if not m.names.search(blob):
        return Classification(Verdict.UNRELATED, False, None, 0.95, "", "show not named")
    if m.context is not None and not m.context.search(blob):
        return Classification(Verdict.UNRELATED, False, None, 0.9, "", "no context term")
    tv_source = trust is not Trust.OTHER  # a trade paper's or a network's feed is about television
    if (
        not tv_source
        and not lx.TV_CONTEXT.search(blob)
        and not (watch.network and watch.network.lower() in blob.lower())
    ):
        return Classification(Verdict.UNRELATED, False, None, 0.9, "", "not about television")
    sentences = split_sentences(title, text)
    # Which sentences name the show, found once: every step below asks.
    naming = frozenset(s.index for s in sentences if mentions(s.text, m, is_title_case(s.text)))
    if watch.network and (other := _another_networks_show(sentences, m, naming, watch.network)):
        return Classification(
            Verdict.UNRELATED, False, None, 0.8, other, "another network's show of that name"
        )
    findings = _findings(sentences, m, naming, watch.season)
    decisive = [f for f in findings if f.verdict.decisive]
    if decisive:
        best = max(decisive, key=_score)
        verdict = best.verdict
        same = [f for f in decisive if f.verdict is verdict]
        notes = tuple(f"{f.rule} in {f.sentence.text!r}" for f in findings if f is not best)[:6]
        return Classification(
            verdict,
            is_official((f.sentence.index for f in same), sentences, trust),
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
        return Classification(
            Verdict.PENDING, False, watch.season, 0.7, first.sentence.text, first.rule, notes=notes
        )
    talk = _future_talk(sentences, naming, watch.season)
    if talk is not None:
        return Classification(Verdict.PENDING, False, watch.season, 0.6, talk.text, "talk of the future")
    off = next((f for f in findings if f.verdict is Verdict.UNRELATED), None)
    if off is not None:
        return Classification(Verdict.UNRELATED, False, off.seasons.first(), 0.7, off.sentence.text, off.rule)
    return Classification(Verdict.UNRELATED, False, None, 0.8, "", "no decision about the show")


def _another_networks_show(
    sentences: list[Sentence], m: Matcher, naming: frozenset[int], network: str
) -> str | None:
    """A show of the same name on another network: the descriptions that name the show's network
    ("The BBC sitcom Ghosts", "Ghosts, the BBC sitcom,", "Netflix's Ghosts", or "The BBC sitcom"
    opening the sentence after a mention) all name another one than the watched network."""
    owners: list[str] = []
    previous_named = False
    for sentence in sentences:
        text = sentence.text
        named = sentence.index in naming
        for a in lx.ANAPHORA.finditer(text):
            nets = [n.group(0).removesuffix("'s") for n in NETWORK_IN.finditer(a.group(0))]
            if not nets:
                continue
            adjacent = m.names.match(text, a.end() + 1) is not None or re.search(
                r"(?:^|\W)" + m.names.pattern + r"\s*,\s*$", text[: a.start()]
            )
            if adjacent or (a.start() <= 4 and previous_named and not named):
                owners += nets
        for hit in m.names.finditer(text):
            if owner := re.search(rf"\b({lx.NETWORKS})'s\s+$", text[: hit.start()], re.IGNORECASE):
                owners.append(owner.group(1))
        previous_named = named
    if owners and not any(same_network(o, network) for o in owners):
        return f"described as {owners[0]}'s"
    return None


def strongest(results: list[Classification]) -> Classification:
    """One verdict for several documents (a feed file's entries): a decision beats talk."""
    order = {Verdict.RENEWED: 3, Verdict.CANCELED: 3, Verdict.PENDING: 1, Verdict.UNRELATED: 0}
    if not results:
        return Classification(Verdict.UNRELATED, False, None, 0.9, "", "no documents")
    return max(results, key=lambda c: (order[c.verdict], c.official, c.confidence))
