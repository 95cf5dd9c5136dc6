"""Structural patterns the reader uses around the rules: where a clause's season scope ends, what
makes a line a heading, which words open a passive. Named here so no regex sits in the logic."""

from __future__ import annotations

import re

from renewalwatch.classify.networks import NETWORKS

# How near a trigger must be to the last mention of the show, in sentences.
RECENT_SENTENCES = 3
# A list item under a lead-in ("renewed these series:") is a short line.
LIST_ITEM_WORDS = 12

# Where a time clause starts: "after its first season" does not name the trigger's season.
TIME_CLAUSE = re.compile(
    r",|;|\b(?:after|following|since|when|as|despite|thanks\s+to|because|ahead\s+of|once|which|where)\b", re.I
)
# Where a headline's time or cause clause starts: a season named after it has aired.
HEADLINE_TIME_CLAUSE = re.compile(
    r"(?i)\b(?:after|following|since|ahead\s+of|despite|amid|thanks\s+to|on\s+the\s+heels\s+of)\b"
)
PARENTHESIS = re.compile(r"\([^()]{1,60}\)")
# "renewed ... for a second season": the target season right after the trigger.
TARGET = re.compile(
    r"^\s*(?:\w+\s+){0,3}?(?:for|through|with|into)\s+(?:a|an|its|the|their)?\s*"
    r"(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\b(?!\s+(?:time|place))",
    re.I,
)
# A label line under a show's heading ("Status: Renewed"), not a new topic.
STATUS_LABEL = re.compile(
    r"(?i)^\W*(?:status|verdict|no\s+decision|pending|undecided|on\s+the\s+bubble|tbd|renewed|canceled|cancelled|ending|ended)\b"
)
# The end of a passive auxiliary: "the panel was (abruptly) canceled".
PASSIVE_END = re.compile(r"(?i)\b(?:is|was|were|been|be|being|gets?|got)\s+(?:\w+\s+)?$")
# Where the object of "canceled" ends: its first preposition.
OBJECT_END = re.compile(r"(?i)\b(?:after|for|at|in|following|due|amid|because|by|on|over|with|when)\b")
# Under a heading, "pulled the plug on its time-loop thriller" speaks of the heading's show.
ITS_SERIES = re.compile(
    r"(?i)\bits\s+(?:[\w-]+\s+){0,2}(?:series|show|drama|thriller|comedy|sitcom|procedural|mystery)\b"
)
ITS_SERIES_REACH = 60  # characters after the trigger
# A cancel trigger that carries its own negation ("won't return", "is its last").
NEGATIVE_TRIGGER = re.compile(r"(?i)(won't|will|not|isn't|is|aren't|there)")
# A presupposed decision: "its cancellation of X", "its decision to axe X".
NOMINAL_TRIGGER = re.compile(r"(?i)(cancel+ation|renewal)")
DECISION_TO = re.compile(r"(?i)\b(?:its|their|the)\s+decision\s+(?:not\s+)?to\s+$")
NOMINAL_HEDGE_WORDS = 3  # only this many words before a presupposed decision can hedge it
# "announced that it would not return": reported speech shifts "will" to "would".
REPORTED_WOULD = re.compile(
    r"(?i)(\b(?:announced|said|confirmed|revealed|stated|declared|decided|told\s+\w+)\b.*)\bwould\b"
)
AFTER_HEDGE_WORDS = 3  # "renewed, probably": a hedge right after the trigger
# The negation a "won't be renewed" carries, removed once the trigger became a cancellation.
NEGATION_END = re.compile(
    r"(?i)\b(?:won't|will\s+not|wasn't|was\s+not|didn't|did\s+not|not\s+to)\s+(?:be\s+)?$"
)
NEGATED_REACH = 40  # characters before the end of a renewal trigger searched for its negation
# A cancel trigger that names the last season ("final", "last", "end").
FINAL_WORD = re.compile(r"final|last|\bend|wrap|conclu|farewell", re.I)
FINAL_HINT = re.compile(r"(?i)final|last|end|wrap|conclu")  # cheap test before looking for a last season
FINAL_SEASON_RULE = "cancel.final-season"  # "is its last": a last season, numbered or not
FUTURE_END = re.compile(r"(?i)\b(?:will|would|to|set\s+to)\s+(?:officially\s+)?end\b")
# A sentence that speaks of a season as past: its season is not the one a return brings.
PAST_SEASON = re.compile(
    r"(?i)\b(?:finale|ended|aired|premiered|wrapped|was|were|had|last|previous|earlier|ago|since|after)\b"
)
# Talk of the show's future, short of a decision.
FUTURE_WORDS = re.compile(
    r"\b(?:renew\w*|cancel\w*|return\w*|come\s+back|back\s+for|more\s+episodes|future|fate)\b", re.I
)
# A contrast that sets a same-named show apart: "Not to be confused with ITV's Driftwood".
CONTRAST = re.compile(
    r"(?i)\bnot\s+to\s+be\s+(?:confused|mistaken)\s+with\b|\bnot\s+the\s+same\s+as\b|\bas\s+opposed\s+to\b"
)
# "Netflix's Ghosts": the network that owns a mention.
OWNER_BEFORE = re.compile(rf"\b({NETWORKS})'s\s+$", re.IGNORECASE)
# A wh-question that takes its decision as given: "Why Fox is ending X", "How X got renewed".
PRESUPPOSING_WH = re.compile(r"(?i)^\W*(?:why|how)\b(?!\s+(?:likely|soon|long|much|many)\b)")
MODAL = re.compile(r"(?i)\b(?:can|could|might|may|would|should|will|to)\b")  # "How X could return": open
# A decision in a clause that presupposes it: "now that it has been renewed", "after its cancellation".
PRESUPPOSED_BEFORE = re.compile(
    r"(?i)\b(?:now\s+that|since|after|following)\s+(?:it|\w+)(?:'s|\s+has|\s+was|\s+is)?\s+(?:been\s+|officially\s+)*$"
)
# The network withholding word on a reported decision, and the report itself.
WITHHELD_WORD = re.compile(
    r"(?i)(?:yet\s+to|not|n't|declined\s+to|refused\s+to)\s+(?:yet\s+)?(?:officially\s+)?(?:\w+\s+){0,1}?(?:confirm|comment|announce)"
)
REPORTED = re.compile(
    r"(?i)\b(?:reportedly|sources?\s+(?:say|said|tell|told)|insiders?|has\s+learned|according\s+to\s+(?:a\s+)?(?:report|sources|people))\b"
)
# A list item that names a show before its fate: "Pale Harbor (AMC) - axed after one season."
LIST_LEAD = re.compile(
    r"^\W*(?:\d+[.)]\s*)?['\"]?(?P<name>[^()\-:;,.]{1,60}?)['\"]?\s*(?:\([^)]{1,40}\))?\s+-\s+"
)
# A network acting on a show: "ITV orders a second series of 'Driftwood'".
NETWORK_ACTS_BEFORE = re.compile(
    rf"\b({NETWORKS})\s+(?:has\s+|have\s+)?(?:officially\s+)?(?:orders?|ordered|renews?|renewed|cancels?|cancell?ed|axes|axed|"
    r"commissions?|commissioned|recommissions?|recommissioned|picks\s+up|picked\s+up|greenlights?|greenlit|"
    r"confirms?|confirmed)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:of\s+)?['\"]?$",
    re.IGNORECASE,
)
# Sentences with no subject of their own: in a piece whose headline names the show, they speak of it.
EXISTENTIAL = re.compile(
    r"(?i)\bthere\s+(?:will\s+be|won't\s+be|would\s+be|is|are)\s+no\b|\bthere\s+(?:won't|will\s+not)\s+be\s+an?\b|^\W*no\s+(?:\w+\s+){0,2}season\b"
)
EXISTENTIAL_RULES = frozenset(
    {"cancel.there-is-no-season", "cancel.there-wont-be-a-season", "cancel.no-season-n"}
)
# A trigger whose subject is a season ("the fifth season is the end"): with no title of its own,
# the season is the show's just named, unless another title owns it ("The Bear's fifth season").
SEASON_SUBJECT_RULES = frozenset({"cancel.season-is-the-end"})
OWNED_BY_TITLE = re.compile(r"[A-Z][\w'-]*'s\s+(?:\w+\s+)?$|\bof\s+['\"]?[A-Z]")
OTHER_PROPER_NAME = re.compile(r"\s['\"]?[A-Z][\w'-]+")  # a capitalised word after the first
