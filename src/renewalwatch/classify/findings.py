"""Find the trigger phrases that speak of the watched show, and judge each in its clause: its
subject, its stance (the rule that takes it back, if any) and the seasons it names."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from renewalwatch.classify import lexicon as lx
from renewalwatch.classify import patterns as px
from renewalwatch.classify.names import Matcher, is_title_case, mentions
from renewalwatch.classify.rules import Check, RuleSet
from renewalwatch.classify.seasons import Seasons, find_seasons
from renewalwatch.classify.subject import HEADING, PARENTHETICAL, subject, words
from renewalwatch.classify.text import Sentence, split_clauses

RENEW, CANCEL = "renew", "cancel"


@dataclass(frozen=True, slots=True)
class Raw:
    """One trigger about the show, before its season is weighed."""

    kind: str  # RENEW or CANCEL
    trigger: str
    rule: str  # the id of the trigger rule
    sentence: Sentence
    clause: str
    direct: bool  # the show is named in the clause (not "the series")
    seasons: Seasons
    stance: str | None  # the id of the rule that takes it back, or None


def names_a_topic(text: str) -> bool:
    """A heading that starts a show's section. "Status: Renewed" or "CANCELED" under it is a label
    of that section, not a new one."""
    if ":" in text or px.STATUS_LABEL.match(text) or not HEADING.match(text):
        return False
    return not (lx.RENEW.search(text) or lx.CANCEL.search(text))


def season_scope(clause: str, start: int, end: int) -> str:
    """The words that can name the trigger's season: not a time clause ("after its first season")."""
    # commas inside a parenthesis ("Found (NBC, season 3)") do not end the scope
    clause = px.PARENTHESIS.sub(lambda p: p.group(0).replace(",", " "), clause)
    before = clause[:start]
    cut = [m.end() for m in px.TIME_CLAUSE.finditer(before)]
    before = before[cut[-1] :] if cut else before
    after = clause[end:]
    m = px.TIME_CLAUSE.search(after)
    return before + clause[start:end] + (after[: m.start()] if m else after)


def canceled_event(before: str, after: str) -> bool:
    """The thing canceled is an event: named just before the verb, or as its object (up to its
    first preposition, so "canceled after ten episodes" is still the show)."""
    passive = px.PASSIVE_END.search(before) is not None
    subject_words = " ".join(
        before.split()[-(12 if passive else 5) :]
    )  # a passive's subject opens the clause
    obj = px.OBJECT_END.split(after, maxsplit=1)[0]
    return bool(lx.EVENT.search(subject_words) or lx.EVENT.search(" ".join(obj.split()[:8])))


def _hide(m: Matcher, text: str) -> str:
    return m.names.sub(lambda x: "§" * len(x.group(0)), text)


def _is_heading(sentence: Sentence) -> bool:
    """A subheading or a related-link line reads like a headline: short, no closing stop."""
    text = sentence.text.rstrip()
    return not text.endswith((".", "!", "?", ",", ";", ":", '."', ".'")) and words(text) <= 15


def _question(sentence: Sentence, before: str) -> str | None:
    """A question about the decision, unless it presupposes it: "Why Fox is ending X", "What to
    expect now that it has been renewed" take the decision as given."""
    text = sentence.text.rstrip()
    if (px.PRESUPPOSING_WH.match(text) and not px.MODAL.search(before)) or px.PRESUPPOSED_BEFORE.search(
        before
    ):
        return None
    if text.endswith("?"):
        return Check.QUESTION_MARK
    if sentence.is_title or _is_heading(sentence):
        if lx.QUESTION_START.match(text):
            return Check.QUESTION_START
        return lx.QUESTION_TITLE.first_rule(text)
    return None


def _hedge(before: str, after: str, trigger: str) -> str | None:
    """A hedge before the trigger (for a presupposed decision, only right before it) or just after."""
    nominal = px.NOMINAL_TRIGGER.match(trigger) is not None or px.DECISION_TO.search(before) is not None
    if nominal:
        before = px.DECISION_TO.sub("", before)
    before = PARENTHETICAL.sub(
        ",", before
    )  # a hedge inside ", the drama about a mom who might ...," governs nothing
    window = " ".join(before.split()[-px.NOMINAL_HEDGE_WORDS :]) if nominal else before
    # "announced that the fourth season would be its last": reported speech, not a hedge
    stated = px.REPORTED_WOULD.sub(r"\1", f"{window}{trigger}")
    return lx.HEDGE.first_rule(stated) or lx.HEDGE.first_rule(" ".join(after.split()[: px.AFTER_HEDGE_WORDS]))


def stance(clause: str, before: str, after: str, sentence: Sentence, kind: str, trigger: str) -> str | None:
    """The id of the rule by which a trigger does not state a decision, or None when it does."""
    if px.PRESUPPOSED_BEFORE.search(before):
        return None  # "now that it has been renewed": given, whatever the main clause asks or hopes
    if asked := _question(sentence, before):
        return asked
    if denied := lx.DENIAL.first_rule(clause):
        return denied
    negative_trigger = kind == CANCEL and px.NEGATIVE_TRIGGER.match(trigger)
    if not negative_trigger and lx.NEGATION_BEFORE.search(before):
        return Check.NEGATION
    if (not_yet := lx.NOT_YET.first_rule(clause)) and not _report_awaiting_word(clause, sentence):
        return not_yet
    # A presupposed decision ("its cancellation of X") is a fact even inside a petition to
    # reverse it; only words right before it can hedge it.
    return _hedge(before, after, trigger)


def _report_awaiting_word(clause: str, sentence: Sentence) -> bool:
    """ "X has reportedly been axed (the streamer has yet to confirm)": a report the network has
    not confirmed is still a reported decision, not an open question."""
    return bool(px.WITHHELD_WORD.search(clause) and px.REPORTED.search(sentence.text))


@dataclass(slots=True)
class _Scan:
    """What a reading carries from sentence to sentence."""

    last_mention: int = -10
    heading_topic: bool = False  # the last mention was a heading line: "Sundial (Apple TV+)"
    header: Raw | None = None  # a list's lead-in: "renewed these series:"
    found: list[Raw] = field(default_factory=list)


def _track_topic(scan: _Scan, sentence: Sentence, named: bool) -> None:
    # "Status: Renewed through Season 6" under a show's heading is a label line, not a new topic.
    heading = not sentence.is_title and names_a_topic(sentence.text)
    if named:
        scan.last_mention, scan.heading_topic = sentence.index, heading
    elif heading:
        scan.last_mention, scan.heading_topic = -10, False  # a heading for another show: a new topic


def _lead_in(sentence: Sentence) -> Raw | None:
    """A line ending in a colon that states a decision for the list below it."""
    leads = [
        (h.start(), k, rs, h)
        for k, rs in ((RENEW, lx.RENEW), (CANCEL, lx.CANCEL))
        if (h := rs.search(sentence.text))
    ]
    if not leads:
        return None
    _, kind, ruleset, lead = min(leads, key=lambda x: x[0])
    before, after = sentence.text[: lead.start()], sentence.text[lead.end() :]
    said = stance(sentence.text, before, after, sentence, kind, lead.group(0))
    return Raw(kind, lead.group(0), ruleset.rule_of(lead), sentence, sentence.text, True, Seasons(), said)


def _in_list(scan: _Scan, sentence: Sentence, named: bool) -> bool:
    """Handle a list's lead-in and its items; True when the sentence was one of them."""
    if sentence.text.endswith(":") and not sentence.is_title:
        scan.header = _lead_in(sentence)
        return scan.header is not None
    if scan.header is not None and words(sentence.text) <= px.LIST_ITEM_WORDS:
        if named:  # a list item under the lead-in: "Riverbend (season 2)"
            h = scan.header
            seasons = find_seasons(sentence.text)
            scan.found.append(
                Raw(h.kind, h.trigger, h.rule, sentence, sentence.text, True, seasons, h.stance)
            )
        return True
    scan.header = None
    return False


def triggers(sentences: list[Sentence], m: Matcher, naming: frozenset[int]) -> list[Raw]:
    """Every trigger, in reading order, whose subject is the watched show."""
    scan = _Scan()
    about_show = any(s.is_title and s.index in naming for s in sentences)  # the headline names it
    for sentence in sentences:
        named = sentence.index in naming
        _track_topic(scan, sentence, named)
        if _in_list(scan, sentence, named):
            continue
        recent = sentence.index - scan.last_mention <= px.RECENT_SENTENCES
        # Far from a mention, only a sentence with no subject of its own can be about the show.
        existential = (
            about_show and scan.last_mention >= 0 and px.EXISTENTIAL.search(sentence.text) is not None
        )
        if not recent and not existential:
            continue
        title_case = is_title_case(sentence.text)
        for clause in split_clauses(sentence.text):
            scan.found.extend(
                _in_clause(clause, sentence, m, title_case, scan.heading_topic, recent, existential)
            )
    return scan.found


def _hits(clause: str) -> list[tuple[str, RuleSet, re.Match[str]]]:
    hits = [(RENEW, lx.RENEW, h) for h in lx.RENEW.finditer(clause)] if lx.RENEW.may_match(clause) else []
    if lx.CANCEL.may_match(clause):
        hits += [(CANCEL, lx.CANCEL, h) for h in lx.CANCEL.finditer(clause)]
    return hits


def _under_heading(clause: str, sentence: Sentence, start: int, end: int) -> bool:
    """Under a show's heading, "pulled the plug on its time-loop thriller" or "Verdict: Renewed"."""
    if px.ITS_SERIES.search(clause[end : end + px.ITS_SERIES_REACH]):
        return True
    return words(sentence.text[: sentence.text.find(clause) + start]) <= 2


def _listed_under(text: str, clause: str, m: Matcher) -> bool:
    """A list item that names the show, then its fate after a dash: "Pale Harbor (AMC) - axed"."""
    lead = px.LIST_LEAD.match(text)
    return (
        lead is not None
        and m.names.fullmatch(lead.group("name").strip()) is not None
        and text.find(clause) >= lead.end() - 1
        and not any(c in text[: lead.start("name")] for c in ":")
    )


def _existential(rule: str, clause: str, spans: tuple[tuple[int, int], ...]) -> bool:
    """ "There will be no second season": no subject to compete with the show the piece is about."""
    return rule in px.EXISTENTIAL_RULES and not spans and not px.OTHER_PROPER_NAME.search(clause)


def _season_subject(rule: str, clause: str, hit: re.Match[str]) -> bool:
    """ "the fifth season is the end" right after the show is named: a season no other title owns."""
    return rule in px.SEASON_SUBJECT_RULES and not (
        px.OWNED_BY_TITLE.search(clause[: hit.start()]) or px.OWNED_BY_TITLE.search(hit.group(0))
    )


def _in_clause(
    clause: str,
    sentence: Sentence,
    m: Matcher,
    title_case: bool,
    heading_topic: bool,
    recent: bool,
    existential: bool,
) -> list[Raw]:
    prefix = sentence.text[: max(0, sentence.text.find(clause))]
    spans = mentions(clause, m, title_case)
    found = []
    for kind, ruleset, hit in _hits(clause):
        about = (
            subject(clause, hit.start(), hit.end(), spans, True, title_case, prefix, m.names)
            if recent
            else None
        )
        if (
            about is None
            and recent
            and heading_topic
            and not spans
            and _under_heading(clause, sentence, hit.start(), hit.end())
        ):
            about = "anaphora"
        if about is None and existential and _existential(ruleset.rule_of(hit), clause, spans):
            about = "anaphora"
        if about is None and recent and not spans and _season_subject(ruleset.rule_of(hit), clause, hit):
            about = "anaphora"
        if about is None and not spans and _listed_under(sentence.text, clause, m):
            about = "direct"
        if about is None or (lx.HEADLINE_ONLY.match(hit.group(0)) and not sentence.is_title):
            continue
        raw = _judge(kind, ruleset.rule_of(hit), hit, clause, sentence, m)
        if raw is not None:
            found.append(
                Raw(
                    raw.kind,
                    raw.trigger,
                    raw.rule,
                    sentence,
                    clause,
                    about == "direct",
                    raw.seasons,
                    raw.stance,
                )
            )
    return found


def _judge(
    kind: str, rule: str, hit: re.Match[str], clause: str, sentence: Sentence, m: Matcher
) -> Raw | None:
    """One trigger in its clause: None when it is not a decision about a season at all."""
    trigger = hit.group(0)
    before, after = clause[: hit.start()], clause[hit.end() :]
    if kind == CANCEL and canceled_event(before, after):
        return None  # the red carpet, a panel, this week's live episode: not the show
    if kind == RENEW and lx.NOT_A_SEASON.search(clause):
        return None  # "coming back, for one night only": a reunion, not a season
    if kind == RENEW and (neg := lx.NEGATED_RENEWAL.search(clause[: hit.end()][-px.NEGATED_REACH :])):
        kind, trigger, rule = CANCEL, "not " + trigger, lx.NEGATED_RENEWAL.rule_of(neg)
        before = px.NEGATION_END.sub("", before)
    # The show's own name says nothing of stance: "High Potential" is not a hedge.
    said = stance(_hide(m, clause), _hide(m, before), _hide(m, after), sentence, kind, trigger)
    return Raw(
        kind, trigger, rule, sentence, clause, False, _seasons(kind, clause, hit.start(), hit.end()), said
    )


def _seasons(kind: str, clause: str, start: int, end: int) -> Seasons:
    seasons = find_seasons(season_scope(clause, start, end))
    if (target := px.TARGET.match(clause[end:])) and not seasons.explicit:
        seasons = find_seasons(f"{target.group(1)} season")
    if kind == CANCEL and seasons.final is None and seasons.ended_after is None:
        whole = find_seasons(clause)
        if whole.final is not None or whole.ended_after is not None:
            seasons = whole
    return seasons
