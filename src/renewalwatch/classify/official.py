"""Announced or only reported: weigh the network's own word against attribution."""

from __future__ import annotations

import re
from collections.abc import Iterable

from renewalwatch.classify import lexicon as lx
from renewalwatch.classify.text import Sentence
from renewalwatch.models import Trust

_ABOUT_DECISION = re.compile(
    r"\b(?:renew\w*|cancel\w*|decision|decided|news|pickup|pick-up|order(?:ed)?|greenlit|axed|return\w*|"
    r"season|series|statement|announcement)\b",
    re.IGNORECASE,
)


def _announces(text: str) -> bool:
    """The network's word, not a recap of its act: "When Peacock renewed it last October" or a
    review looking back recalls a decision, it does not announce one."""
    m = lx.OFFICIAL.search(text)
    if m is None:
        return False
    return lx.OFFICIAL.rule_of(m) != "official.network-acts" or lx.STALE.search(text) is None


def is_official(decisive: Iterable[int], sentences: list[Sentence], trust: Trust) -> bool:
    """`decisive`: the indexes of the sentences that state the decision."""
    if trust is Trust.OFFICIAL:
        return True
    near = set(decisive)
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
            says_official = _announces(text) or lx.OFFICIAL_SOURCE.search(text) is not None
        if says_official and not says_reported:
            official += weight
        elif says_reported:
            reported += weight
    return official > reported
