"""Read one document like a TV editor: is it about this show and season, and what does it say?

Pure: text in, `Classification` out. The decision is made per trigger (a phrase that states a
renewal or cancellation), each checked for its subject (the watched show, by name or by "the
series" right after a mention), its stance (questions, negation, hedging, denial, not-yet), its
season, and whether it is announced or only reported. The strongest clean trigger decides;
with none, talk about the show's future is `pending` and anything else `unrelated`. Every
verdict carries the id of the rule (or structural check) that decided it.
"""

from __future__ import annotations

from renewalwatch.classify import lexicon as lx
from renewalwatch.classify import patterns as px
from renewalwatch.classify.names import is_title_case, matcher, mentions
from renewalwatch.classify.official import is_official
from renewalwatch.classify.rules import Check
from renewalwatch.classify.seasons import find_seasons
from renewalwatch.classify.text import Sentence, split_sentences
from renewalwatch.classify.verdicts import Finding, SeasonContext, findings, score
from renewalwatch.classify.which_show import another_networks_show
from renewalwatch.models import Classification, ShowFacts, Trust, Verdict, Watch
from renewalwatch.textnorm import normalize

__all__ = ["Finding", "classify", "strongest"]


def _future_talk(sentences: list[Sentence], naming: frozenset[int], season: int) -> Sentence | None:
    """A sentence about the show (by name or right after it) that asks about, awaits or hopes
    for the watched season."""
    last_mention = -10
    for sentence in sentences:
        if sentence.index in naming:
            last_mention = sentence.index
        if sentence.index - last_mention > px.RECENT_SENTENCES:
            continue
        seasons = find_seasons(sentence.text)
        if seasons.explicit and season not in seasons.explicit:
            continue  # "Season 1 finale explained" is not about season 2
        about = season in seasons.explicit or seasons.next_implied or px.FUTURE_WORDS.search(sentence.text)
        if not about:
            continue
        asks = sentence.text.rstrip().endswith("?") or (
            sentence.is_title
            and bool(lx.QUESTION_TITLE.search(sentence.text) or lx.QUESTION_START.match(sentence.text))
        )
        if asks or lx.NOT_YET.search(sentence.text) or lx.HEDGE.search(sentence.text):
            return sentence
    return None


def _unread(title: str, text: str, watch: Watch, trust: Trust) -> Classification | None:
    """A document the reader need not read: the show is not named, or not as a TV show."""
    m = matcher(watch.names, watch.exclude, watch.context)
    blob = f"{title}\n{text}"
    if not m.names.search(blob):
        return Classification(Verdict.UNRELATED, False, None, 0.95, "", Check.NOT_NAMED)
    if m.context is not None and not m.context.search(blob):
        return Classification(Verdict.UNRELATED, False, None, 0.9, "", Check.NO_CONTEXT)
    tv_source = trust is not Trust.OTHER  # a trade paper's or a network's feed is about television
    if (
        not tv_source
        and not lx.TV_CONTEXT.search(blob)
        and not (watch.network and watch.network.lower() in blob.lower())
    ):
        return Classification(Verdict.UNRELATED, False, None, 0.9, "", Check.NOT_TELEVISION)
    return None


def _decided(
    found: list[Finding], sentences: list[Sentence], trust: Trust, season: int
) -> Classification | None:
    decisive = [f for f in found if f.verdict.decisive]
    if not decisive:
        return None
    # A recap of an old decision never outweighs a fresh one ("In January it was renewed ...
    # there will be no second season").
    best = max(decisive, key=lambda f: (not f.stale, score(f)))
    same = [f for f in decisive if f.verdict is best.verdict]
    return Classification(
        best.verdict,
        is_official((f.sentence.index for f in same), sentences, trust),
        best.seasons.first() or season,
        min(0.99, 0.55 + 0.1 * score(best)),
        best.sentence.text,
        best.rule,
        stale=all(f.stale for f in same),
        notes=tuple(f.note for f in found if f is not best)[:6],
        trigger=best.trigger,
    )


def classify(
    title: str, text: str, watch: Watch, trust: Trust = Trust.OTHER, facts: ShowFacts | None = None
) -> Classification:
    """Classify one document (title and plain text) for one watched show and season. `facts`,
    what is known of the show's seasons (TVmaze, the watch's history), places an unnumbered
    renewal or final season; the watch's `latest_season` counts too."""
    title, text = normalize(title), normalize(text)  # the one normalisation the matcher's names had
    if (skipped := _unread(title, text, watch, trust)) is not None:
        return skipped
    m = matcher(watch.names, watch.exclude, watch.context)
    sentences = split_sentences(title, text)
    # Which sentences name the show, found once: every step below asks.
    naming = frozenset(s.index for s in sentences if mentions(s.text, m, is_title_case(s.text)))
    if watch.network and (other := another_networks_show(sentences, m, naming, watch.network)):
        return Classification(Verdict.UNRELATED, False, None, 0.8, other, Check.OTHER_NETWORK)
    found = findings(sentences, m, naming, watch.season, SeasonContext.of(watch, facts))
    if (decided := _decided(found, sentences, trust, watch.season)) is not None:
        return decided
    blocked = [f for f in found if f.verdict is Verdict.PENDING]
    if blocked:
        first = blocked[0]
        notes = tuple(f.note for f in blocked[1:6])
        return Classification(
            Verdict.PENDING, False, watch.season, 0.7, first.sentence.text, first.rule, notes=notes,
            trigger=first.trigger,
        )  # fmt: skip
    talk = _future_talk(sentences, naming, watch.season)
    if talk is not None:
        return Classification(Verdict.PENDING, False, watch.season, 0.6, talk.text, Check.FUTURE_TALK)
    off = next((f for f in found if f.verdict is Verdict.UNRELATED), None)
    if off is not None:
        return Classification(
            Verdict.UNRELATED,
            False,
            off.seasons.first(),
            0.7,
            off.sentence.text,
            off.rule,
            trigger=off.trigger,
        )
    return Classification(Verdict.UNRELATED, False, None, 0.8, "", Check.NO_DECISION)


def strongest(results: list[Classification]) -> Classification:
    """One verdict for several documents (a feed file's entries): a decision beats talk."""
    order = {Verdict.RENEWED: 3, Verdict.CANCELED: 3, Verdict.PENDING: 1, Verdict.UNRELATED: 0}
    if not results:
        return Classification(Verdict.UNRELATED, False, None, 0.9, "", Check.NO_DOCUMENTS)
    return max(results, key=lambda c: (order[c.verdict], c.official, c.confidence))
