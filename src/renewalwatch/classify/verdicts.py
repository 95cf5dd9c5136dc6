"""What each trigger means for the watched season, and which finding decides a document."""

from __future__ import annotations

from dataclasses import dataclass, replace

from renewalwatch.classify import lexicon as lx
from renewalwatch.classify import patterns as px
from renewalwatch.classify.findings import CANCEL, RENEW, Raw, triggers
from renewalwatch.classify.names import Matcher
from renewalwatch.classify.rules import Check
from renewalwatch.classify.seasons import Seasons, find_seasons
from renewalwatch.classify.text import Sentence
from renewalwatch.models import ShowFacts, Verdict, Watch

# With nothing known of the show's seasons, an unnumbered renewal ("X renewed", "X is coming
# back") is read as the watched season's. The alternative (read it as no news) misses every
# unnumbered headline; see the README for what each costs on the corpora.
UNNUMBERED_WITHOUT_CONTEXT = Verdict.RENEWED


@dataclass(frozen=True, slots=True)
class SeasonContext:
    """What is known of the show's seasons outside the text."""

    ordered: int | None = None  # the latest season ordered
    aired: int | None = None  # the latest season that has premiered

    @classmethod
    def of(cls, watch: Watch, facts: ShowFacts | None) -> SeasonContext:
        ordered = [watch.latest_season] if watch.latest_season else []
        aired: list[int] = []
        if facts is not None:
            ordered += [n for n in (facts.latest_ordered,) if n]
            ordered += [s.number for s in facts.seasons]
            aired += [s.number for s in facts.seasons if s.premiere is not None]
        return cls(max(ordered, default=None), max(aired, default=None))


@dataclass(frozen=True, slots=True)
class Finding:
    """One trigger phrase judged in its clause."""

    kind: str  # RENEW or CANCEL
    trigger: str
    verdict: Verdict  # for the watched season: PENDING when taken back, UNRELATED when off-season
    rule: str  # the id of the rule that decided: the trigger's, the stance's, or a Check
    sentence: Sentence
    direct: bool  # the show is named in the clause (not "the series")
    stale: bool
    seasons: Seasons

    @property
    def note(self) -> str:
        return f"{self.rule} ({self.trigger!r}) in {self.sentence.text!r}"


def _final_fit(r: Raw, season: int, doc: Seasons, ctx: SeasonContext) -> Verdict:
    """A named last season: renewed for it, canceled for any after it. An unnumbered one is the
    document's numbered one, else the context's (a new one when the clause orders it, else the
    latest ordered), else the watched season."""
    s = r.seasons
    final = s.final if s.final not in (None, -1) else (doc.final if doc.final not in (None, -1) else None)
    if final is None and s.final_next:
        # "ends with its next series" with no season known to have aired: no telling which
        return Verdict.UNRELATED if ctx.aired is None else _final_fit_at(ctx.aired + 1, season)
    if final is None and ctx.ordered is not None:
        final = ctx.ordered + 1 if lx.RENEW.search(r.clause) else ctx.ordered
    return _final_fit_at(season if final is None else final, season)


def _final_fit_at(final: int, season: int) -> Verdict:
    if final == season:
        return Verdict.RENEWED
    return Verdict.CANCELED if final < season else Verdict.UNRELATED


def _cancel_fit(r: Raw, season: int, doc: Seasons, ctx: SeasonContext) -> Verdict:
    trigger, s = r.trigger, r.seasons
    if (px.FINAL_WORD.search(trigger) and s.final is not None) or r.rule == px.FINAL_SEASON_RULE:
        return _final_fit(r, season, doc, ctx)
    if s.ended_after is not None and px.FUTURE_END.search(trigger):
        # "to end after two seasons" names the last season to come: renewed for it, over after it
        if season == s.ended_after:
            return Verdict.RENEWED
        return Verdict.CANCELED if season > s.ended_after else Verdict.UNRELATED
    if s.ended_after is not None:
        return Verdict.CANCELED if season > s.ended_after else Verdict.UNRELATED
    if s.explicit and season not in s.explicit:
        return Verdict.CANCELED if max(s.explicit) < season else Verdict.UNRELATED
    return Verdict.CANCELED


def _unnumbered_renewal(r: Raw, season: int, ctx: SeasonContext) -> Verdict:
    """An unnumbered order is of the season after the latest ordered; a return ("is coming
    back") is of the season after the latest aired, which may be one ordered long ago."""
    if ctx.ordered is None:
        return UNNUMBERED_WITHOUT_CONTEXT
    airing = lx.RULES[r.rule].airing if r.rule in lx.RULES else False
    if airing:
        if ctx.aired is None or ctx.aired + 1 <= ctx.ordered:
            return Verdict.UNRELATED  # a return of a season already ordered, or no telling which
        target = ctx.aired + 1
    else:
        target = ctx.ordered + 1
    return Verdict.RENEWED if season == target else Verdict.UNRELATED


def season_fit(r: Raw, season: int, doc: Seasons, ctx: SeasonContext) -> Verdict:
    """What a clean trigger means for the watched season; UNRELATED when it is about another."""
    s = r.seasons
    if r.kind == CANCEL:
        return _cancel_fit(r, season, doc, ctx)
    if s.through is not None and season <= s.through:
        return Verdict.RENEWED
    if s.explicit:
        return Verdict.RENEWED if season in s.explicit else Verdict.UNRELATED
    if doc.explicit:
        # the headline or another renewal in the piece said which season; a bare "renewed" means that one
        return Verdict.RENEWED if season in doc.explicit else Verdict.UNRELATED
    if doc.through is not None:
        # "ordered two more series, securing its future through series four": none after four
        return Verdict.RENEWED if season <= doc.through else Verdict.UNRELATED
    if doc.final not in (None, -1):
        return Verdict.RENEWED if season == doc.final else Verdict.UNRELATED  # "renewed for one final season"
    return _unnumbered_renewal(r, season, ctx)


def _document_seasons(sentences: list[Sentence], naming: frozenset[int], raw: list[Raw]) -> Seasons:
    """The seasons the document as a whole speaks of: its headline's, and its first named final one."""
    finals = [r.seasons.final for r in raw if r.seasons.final not in (None, -1)]
    finals += [
        n
        for r in raw
        if r.seasons.final == -1
        and (
            n := (
                _after_aired(sentences, naming)
                if r.seasons.final_next
                else _named_nearby(sentences, r.sentence)
            )
        )
        is not None
    ]
    # "Riverside's farewell run ... Season two is the end of the road": a numbered last season
    # in a sentence naming the show or shortly after one.
    finals += [
        f
        for s in sentences
        if px.FINAL_HINT.search(s.text)
        and any(0 <= s.index - n <= px.RECENT_SENTENCES for n in naming)
        and (f := find_seasons(s.text).final) not in (None, -1)
    ]
    # A multi-season order's last season, wherever in the renewal's sentence it is named.
    throughs = [
        t
        for r in raw
        if r.kind == RENEW
        and r.stance is None
        and not lx.STALE.search(r.clause)  # "had already been renewed through season six" is a recap
        and (t := find_seasons(r.sentence.text).through) is not None
    ]
    # The season a headline names for the show is the one a bare "is returning" speaks of.
    headline = frozenset(
        n for s in sentences if s.is_title and s.index in naming for n in _headline_seasons(s.text)
    )
    return Seasons(
        explicit=headline
        # a recap of an earlier order ("had already been renewed through season six") does not
        # name the season of today's news
        | frozenset(
            n
            for r in raw
            if r.kind == RENEW and r.stance is None and not lx.STALE.search(r.clause)
            for n in r.seasons.explicit
        ),
        final=finals[0] if finals else None,
        through=max(throughs, default=None),
    )


def _headline_seasons(title: str) -> frozenset[int]:
    """The seasons a headline gives its news. One named only in a time clause ("Renews X After
    Season 2 Finale") has aired: the news is of the season after it."""
    main, when = title, ""
    if (cut := px.HEADLINE_TIME_CLAUSE.search(title)) is not None:
        main, when = title[: cut.start()], title[cut.start() :]
    x = find_seasons(main)
    named = frozenset((*x.explicit, *range(1, (x.through or 0) + 1)))
    if named or not when:
        return named
    past = find_seasons(when).explicit
    return frozenset({max(past) + 1}) if len(past) == 1 else frozenset()


def _named_nearby(sentences: list[Sentence], at: Sentence) -> int | None:
    """The one season named in a sentence or the next: "for one final season. The upcoming
    second season will wrap up the story" makes the final season the second."""
    near = [s for s in sentences if s.index in (at.index, at.index + 1)]
    named = {n for s in near for n in find_seasons(s.text).explicit}
    return next(iter(named)) if len(named) == 1 else None


def _after_aired(sentences: list[Sentence], naming: frozenset[int]) -> int | None:
    """The season after the latest one the piece, near the show, speaks of as past ("wrapped its
    third series on Sunday"): the "next series" an ending names."""
    past = [
        n
        for s in sentences
        if any(0 <= s.index - i <= px.RECENT_SENTENCES for i in naming) and px.PAST_SEASON.search(s.text)
        for n in find_seasons(s.text).explicit
    ]
    return max(past) + 1 if past else None


def _season_to_come(sentences: list[Sentence], naming: frozenset[int]) -> int | None:
    """The one season the piece names, near the show, as still to come: "is coming back ... the
    third season starts filming" returns the third. None when it names none, several, or only
    past ones ("the season 2 finale")."""
    named: set[int] = set()
    for s in sentences:
        if any(0 <= s.index - n <= px.RECENT_SENTENCES for n in naming) and not px.PAST_SEASON.search(s.text):
            named |= find_seasons(s.text).explicit
    return next(iter(named)) if len(named) == 1 else None


def _unnumbered_return(r: Raw, doc: Seasons, ctx: SeasonContext) -> bool:
    airing = lx.RULES[r.rule].airing if r.rule in lx.RULES else False
    return airing and r.kind == RENEW and not r.seasons.any and not doc.explicit and ctx.ordered is None


def findings(
    sentences: list[Sentence], m: Matcher, naming: frozenset[int], season: int, ctx: SeasonContext
) -> list[Finding]:
    raw = triggers(sentences, m, naming)
    doc = _document_seasons(sentences, naming, raw)
    if any(_unnumbered_return(r, doc, ctx) for r in raw) and (to_come := _season_to_come(sentences, naming)):
        # With nothing known outside the text, a return is of the season the piece itself names.
        raw = [
            replace(r, seasons=Seasons(explicit=frozenset({to_come})))
            if _unnumbered_return(r, doc, ctx)
            else r
            for r in raw
        ]
    found = []
    for r in raw:
        fit = season_fit(r, season, doc, ctx)
        if r.stance is not None and fit is not Verdict.UNRELATED:
            verdict, rule = Verdict.PENDING, r.stance
        elif fit is Verdict.UNRELATED:
            verdict, rule = fit, str(Check.OTHER_SEASON)
        else:
            verdict, rule = fit, r.rule
        stale = bool(lx.STALE.search(r.clause))
        found.append(Finding(r.kind, r.trigger, verdict, rule, r.sentence, r.direct, stale, r.seasons))
    return found


def score(f: Finding) -> float:
    """How strongly a finding speaks: a headline, a direct mention, news rather than a recap."""
    return (
        (2.0 if f.sentence.is_title else 0.0)
        + (1.0 if f.direct else 0.0)
        + (0.0 if f.stale else 1.0)
        + (0.5 if f.sentence.paragraph <= 1 else 0.0)
        + (3.0 if f.kind == CANCEL and lx.REVERSAL.search(f.sentence.text) else 0.0)
        + (3.0 if f.verdict is Verdict.RENEWED and lx.REVIVAL.search(f.sentence.text) else 0.0)
    )
