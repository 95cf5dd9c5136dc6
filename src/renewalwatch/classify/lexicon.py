"""The classifier's vocabulary: the named rule tables compiled into one rule set per kind, and
the structural patterns the reader uses around them (events, anaphora, name collisions).

Patterns describe kinds of language (negation, hedging, questions, attribution), not articles;
each is matched case-insensitively against one clause or sentence. The rows themselves live in
`triggers`, `stances` and `sourcing`; `RULES` is all of them, by id.
"""

from __future__ import annotations

import re

from renewalwatch.classify.networks import NETWORKS
from renewalwatch.classify.rules import Rule, RuleSet
from renewalwatch.classify.sourcing import (
    ATTRIBUTION_RULES,
    OFFICIAL_RULES,
    STALE_RULES,
    STRONG_OFFICIAL_RULES,
    TV_RULES,
)
from renewalwatch.classify.stances import DENIAL_RULES, HEDGE_RULES, NOT_YET_RULES, QUESTION_RULES
from renewalwatch.classify.triggers import CANCEL_RULES, NEGATED_RENEWAL_RULES, RENEW_RULES

__all__ = ["NETWORKS", "RULES"]

RULES: dict[str, Rule] = {
    r.id: r
    for table in (
        RENEW_RULES, CANCEL_RULES, NEGATED_RENEWAL_RULES, HEDGE_RULES, NOT_YET_RULES, DENIAL_RULES, QUESTION_RULES,
        ATTRIBUTION_RULES, OFFICIAL_RULES, STRONG_OFFICIAL_RULES, STALE_RULES, TV_RULES,
    )
    for r in table
}  # fmt: skip

# --- Triggers: a decision is being stated -------------------------------------------------
RENEW = RuleSet(RENEW_RULES)
CANCEL = RuleSet(CANCEL_RULES)
NEGATED_RENEWAL = RuleSet(NEGATED_RENEWAL_RULES)
# --- What takes a trigger back ------------------------------------------------------------
HEDGE = RuleSet(HEDGE_RULES)
NOT_YET = RuleSet(NOT_YET_RULES)
DENIAL = RuleSet(DENIAL_RULES)
QUESTION_TITLE = RuleSet(QUESTION_RULES)
# --- Who says it, and when ----------------------------------------------------------------
ATTRIBUTION = RuleSet(ATTRIBUTION_RULES)
OFFICIAL = RuleSet(OFFICIAL_RULES)
STRONG_OFFICIAL = RuleSet(STRONG_OFFICIAL_RULES)
STALE = RuleSet(STALE_RULES)
# Clues that a passage is about television at all (context terms of the watch are added).
TV_CONTEXT = RuleSet(TV_RULES)


# Headline shorthand that is a statement only as a headline: in a body it is a section label
# ("Ballard season 2 first look" over a paragraph saying there is none yet).
HEADLINE_ONLY = re.compile(r"^season\s+\d+\s+(?:casts|adds|taps|recruits|enlists|books|first)", re.IGNORECASE)
# A revival: picked up elsewhere after a cancellation. It outranks the cancellation it follows.
REVIVAL = re.compile(
    r"\b(?:new\s+home|lands?\s+at|mov(?:es|ed|ing)\s+to|picked\s+up\s+by|saved|revived?|rescued?|resurrect\w*)\b"
    r"|\bafter\s+(?:\S+\s+){0,3}(?:cancel\w*|axed|dropped)",
    re.IGNORECASE,
)
# Things that get canceled without the show being canceled: "the red carpet was canceled",
# "NBC canceled this week's live episode", "storm forces cancellation of the fan screening".
EVENT = re.compile(
    r"\b(?:red\s+carpet|premiere\s+(?:event|party|screening|night)|screenings?|panels?|tour\s+stop|"
    r"(?:press|promo|promotional|publicity)\s+(?:tour|stop|event|day|junket|appearance)s?|"
    r"(?:public|scheduled|planned|fan)\s+appearances?|conventions?|comic-con|q&a|fan\s+(?:events?|screenings?|meetups?)|"
    r"(?:wrap|launch|premiere|viewing|watch)\s+part(?:y|ies)|live\s+episode|(?:this|next|tonight's|thursday's|"
    r"friday's|sunday's|monday's|tuesday's|wednesday's|saturday's)\s+(?:\w+\s+)?episode|tapings?|table\s+reads?|"
    r"(?:a|one|two|three)\s+(?:\w+\s+)?(?:weeks?|days?)\s+of|production\s+week|concerts?|signings?|meet-and-greet|"
    r"festival\s+(?:slot|appearance|screening)|junkets?|livestreams?|showcase|upfront\s+presentation)\b",
    re.IGNORECASE,
)
# A return that is not a season: "coming back, for one night only", a reunion special.
NOT_A_SEASON = re.compile(
    r"\bone\s+night\s+only\b|\breunion\b|\bone-off\b|\b(?:holiday|christmas|anniversary|reunion|farewell)\s+special\b|"
    r"\b(?:tv\s+)?movie\b|\bfeature\s+film\b",
    re.IGNORECASE,
)
# A reversal outranks the renewal it reverses, in the same sentence or the same article.
REVERSAL = re.compile(
    r"revers|rescind|unrenew|un-order|backtrack|walk(?:s|ed)?\s+back|no\s+longer|changed\s+(?:its|their)\s+mind|u-turn",
    re.I,
)

# --- What takes a trigger back ------------------------------------------------------------
NEGATION_BEFORE = re.compile(
    r"\b(?:not|never|no|neither|hasn't|haven't|hadn't|isn't|aren't|wasn't|weren't|won't|didn't|doesn't|"
    r"don't|cannot|can't|nor|without|yet\s+to|has\s+yet\s+to|have\s+yet\s+to|is\s+yet\s+to|"
    r"awaiting|await(?:s|ing)?|pending|ahead\s+of|before|until|unless|rather\s+than|instead\s+of)"
    r"(?:\s+[\w'-]+){0,4}[\s-]*$",
    re.IGNORECASE,
)
QUESTION_START = re.compile(
    r"^\W*(?:will|is|are|has|have|does|do|did|could|can|should|would|when|what|why|how|where|which|who)\b",
    re.IGNORECASE,
)
# "according to the streamer", "per the announcement": the source is the network itself.
OFFICIAL_SOURCE = re.compile(
    rf"\b(?:according\s+to|per)\s+(?:the\s+|a\s+|an\s+)?(?:streamer|network|studio|broadcaster|announcement|"
    rf"statement|press\s+release|release|spokes\w+|official\s+\w+|{NETWORKS}(?!'s\s+(?:internal|own)?\s*(?:figures|data|numbers)))",
    re.IGNORECASE,
)

# Words for the show itself when its name is not repeated.
ANAPHORA = re.compile(
    r"\b(?:the|this|our)\s+(?:(?!the\b|this\b|a\b)[\w+.'-]+[ -]){0,3}(?:series|show|drama|thriller|procedural|comedy|sitcom|"
    r"spinoff|spin-off|adaptation|mystery|saga|crime\s+drama|cop\s+show|whodunit|dramedy|anthology|noir|western|"
    r"soap|miniseries|docuseries|serial|romance|romcom|caper|period\s+piece|franchise\s+entry|remake|reboot|version)\b"
    r"|\bit\b(?=(?:'s)?\s+(?:\w+\s+){0,2}(?:has|had|will|is|was|won't|isn't|wasn't|would|'s)\b)",
    re.IGNORECASE,
)
# A mention that names something else: "from the producers of X", "the X spinoff".
OWNED_MENTION_BEFORE = re.compile(
    r"\b(?:producers?|creators?|makers?|writers?|team|showrunners?|stars?|alums?|veterans?|director|"
    r"author|fans?\s+of\s+the\s+books?|novels?|books?|podcast|after-?show|companion|documentary|game|"
    r"soundtrack|prequel|sequel|movie|film|musical|tour|comic|special|convention|merch\w*)\s+"
    r"(?:of|behind|from|for|about|to|based\s+on|tied\s+to)\s+(?:the\s+)?(?:[\w+]+'s\s+)?['\"]?$",
    re.IGNORECASE,
)
# Words after a name that make it another thing: a company, a place, a school, a person's team.
NAME_COLLISION_AFTER = re.compile(
    r"^\s*(?:Power|Systems|Inc|Corp|Corporation|Group|Holdings|Energy|Technologies|Labs|Capital|"
    r"High|School|Elementary|Academy|College|University|Library|Locks|Park|Avenue|Street|Bridge|"
    r"neighbou?rhood|district|Partners|Designs|Foods|Motors|Industries|Fuel\s+Cells?|Co\b|LLC)\b",
    re.IGNORECASE,
)
