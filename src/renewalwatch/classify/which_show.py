"""Which show of a name: another network's show of the same name is not the watched one."""

from __future__ import annotations

import re

from renewalwatch.classify import lexicon as lx
from renewalwatch.classify import patterns as px
from renewalwatch.classify.names import Matcher
from renewalwatch.classify.networks import NETWORK_IN, same_network
from renewalwatch.classify.text import Sentence


def _described_owners(text: str, m: Matcher, previous_named: bool, named: bool) -> list[str]:
    """Networks in descriptions next to a mention: "The BBC sitcom Ghosts", "Ghosts, the BBC
    sitcom,", or "The BBC sitcom" opening the sentence after a mention."""
    owners: list[str] = []
    after_name = re.compile(r"(?:^|\W)" + m.names.pattern + r"\s*,\s*$")
    for a in lx.ANAPHORA.finditer(text):
        nets = [n.group(0).removesuffix("'s") for n in NETWORK_IN.finditer(a.group(0))]
        if not nets:
            continue
        adjacent = m.names.match(text, a.end() + 1) is not None or after_name.search(text[: a.start()])
        if adjacent or (a.start() <= 4 and previous_named and not named):
            owners += nets
    return owners


def _mentions_network(text: str, network: str) -> bool:
    return any(same_network(n.group(0).removesuffix("'s"), network) for n in NETWORK_IN.finditer(text))


def _contrasted(sentences: list[Sentence]) -> list[str]:
    nets: list[str] = []
    for s in sentences:
        if (c := px.CONTRAST.search(s.text)) is not None:
            nets += [n.group(0).removesuffix("'s") for n in NETWORK_IN.finditer(s.text[c.start() :])]
    return nets


def another_networks_show(
    sentences: list[Sentence], m: Matcher, naming: frozenset[int], network: str
) -> str | None:
    """The descriptions that name the show's network ("Netflix's Ghosts", "the BBC sitcom
    Ghosts") all name another one than the watched network."""
    owners: list[str] = []
    actors: list[str] = []  # "ITV orders a second series of 'Driftwood'"
    previous_named = False
    for sentence in sentences:
        text = sentence.text
        named = sentence.index in naming
        owners += _described_owners(text, m, previous_named, named)
        for hit in m.names.finditer(text):
            if owner := px.OWNER_BEFORE.search(text[: hit.start()]):
                owners.append(owner.group(1))
            if actor := px.NETWORK_ACTS_BEFORE.search(text[: hit.start()]):
                actors.append(actor.group(1))
        previous_named = named
    # A network deciding on a show of this name is another show's news unless the watched
    # network is named with the show: a revival elsewhere names the network that let it go.
    if actors and not any(s.index in naming and _mentions_network(s.text, network) for s in sentences):
        owners += actors
    # A network the piece sets apart ("not to be confused with ITV's X") owns the other show,
    # never the piece's own: it cannot say the piece is about another network's show.
    contrasted = _contrasted(sentences)
    owners = [o for o in owners if not any(same_network(o, c) for c in contrasted)]
    if owners and not any(same_network(o, network) for o in owners):
        return f"described as {owners[0]}'s"
    return None
