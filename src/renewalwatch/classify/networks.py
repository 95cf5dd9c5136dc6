"""The one list of networks and streamers: their names, which names are one company, and a few
executives whose word is the network's own. Every pattern that names a network is built from it."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Network:
    name: str
    pattern: str  # how texts write its name (a regex fragment, no groups)
    family: str  # names of one family are one outlet ("Prime Video" and "Amazon", "HBO" and "Max")
    executives: tuple[str, ...] = ()  # people whose statement on a show is the network's
    tv: str | None = None  # a spelling that alone says a text is about television ("Netflix", not "Apple")


NETWORK_LIST: tuple[Network, ...] = (
    Network("Prime Video", r"Prime\s+Video", "amazon", ("Jennifer Salke", "Peter Friedlander", "Vernon Sanders"), tv=r"Prime\s+Video\b"),
    Network("Amazon", r"Amazon(?:\s+MGM\s+Studios)?", "amazon", ("Mike Hopkins",)),
    Network("Netflix", r"Netflix", "netflix", ("Bela Bajaria", "Ted Sarandos", "Peter Friedlander"), tv=r"Netflix\b"),
    Network("HBO", r"HBO(?:\s+Max)?", "hbo", ("Casey Bloys", "Francesca Orsi"), tv=r"HBO\b"),
    Network("Max", r"Max", "hbo", ("Casey Bloys", "Sarah Aubrey")),
    Network("Hulu", r"Hulu", "hulu", ("Craig Erwich",), tv=r"Hulu\b"),
    Network("Apple TV+", r"Apple\s+TV\+?|Apple", "apple", ("Matt Cherniss", "Zack Van Amburg", "Jamie Erlicht"), tv=r"Apple\s+TV\b"),
    Network("Peacock", r"Peacock", "peacock", ("Susan Rovner", "Lisa Katz"), tv=r"Peacock\b"),
    Network("Paramount+", r"Paramount\+?", "paramount", ("Tanya Giles", "George Cheeks"), tv=r"Paramount\+"),
    Network("NBC", r"NBC", "nbc", ("Lisa Katz", "Susan Rovner"), tv=r"NBC\b"),
    Network("CBS", r"CBS", "cbs", ("Amy Reisenbach", "George Cheeks"), tv=r"CBS\b"),
    Network("ABC", r"ABC", "abc", ("Craig Erwich", "Simran Sethi"), tv=r"ABC\b"),
    Network("Fox", r"Fox", "fox", ("Michael Thorn",)),
    Network("FX", r"FX", "fx", ("John Landgraf", "Nick Grad"), tv=r"FX\b"),
    Network("AMC", r"AMC", "amc", ("Dan McDermott",), tv=r"AMC\b"),
    Network("Starz", r"Starz", "starz", ("Kathryn Busby",), tv=r"Starz\b"),
    Network("Showtime", r"Showtime", "showtime", (), tv=r"Showtime\b"),
    Network("BBC", r"BBC(?:\s+One|\s+Two|\s+Three)?", "bbc", ("Lindsay Salt", "Charlotte Moore"), tv=r"BBC\b"),
    Network("ITV", r"ITV", "itv", ("Polly Hill",), tv=r"ITV\b"),
    Network("Disney+", r"Disney\+?", "disney", ("Ayo Davis",), tv=r"Disney\+"),
    Network("The CW", r"The\s+CW", "cw", ("Brad Schwartz",), tv=r"The\s+CW\b"),
    Network("Channel 4", r"Channel\s+4", "channel4", ("Ian Katz",), tv=r"Channel\s+4\b"),
    Network("Sky", r"Sky", "sky", ("Cécile Frot-Coutaz",)),
    Network("Freeform", r"Freeform", "freeform", ()),
    Network("TNT", r"TNT", "tnt", ()),
    Network("TBS", r"TBS", "tbs", ()),
    Network("USA Network", r"USA\s+Network", "usa", ()),
    Network("Syfy", r"Syfy", "syfy", ()),
    Network("Bravo", r"Bravo", "bravo", ()),
    Network("Lifetime", r"Lifetime", "aetv", ()),
    Network("Hallmark", r"Hallmark", "hallmark", ()),
    Network("MGM+", r"MGM\+", "mgm+", ()),
    Network("BritBox", r"BritBox", "britbox", ()),
    Network("Acorn TV", r"Acorn\s+TV", "acorn", ()),
    Network("Crunchyroll", r"Crunchyroll", "crunchyroll", ()),
    # Broadcasters abroad whose shows share names with American ones ("Doc" on Rai 1 and on Fox).
    Network("Rai", r"Rai(?:\s?(?:1|2|3|Uno|Due|Tre|Play))?\b", "rai", ()),
    Network("RTÉ", r"RT[ÉE](?:\s+One|\s+2|\s+Player)?\b", "rte", ()),
    Network("ZDF", r"ZDF\b", "zdf", ()),
    Network("ARD", r"ARD\b", "ard", ()),
    Network("TF1", r"TF1\b", "tf1", ()),
    Network("France Télévisions", r"France\s+(?:2|3|T[ée]l[ée]visions)\b", "francetv", ()),
    Network("CBC", r"CBC\b", "cbc", ()),
    Network("TVNZ", r"TVNZ\b", "tvnz", ()),
    Network("Channel 5", r"Channel\s+5\b", "channel5", ()),
)  # fmt: skip

# One alternation of every network name, longest spellings first within each entry.
NETWORKS = "(?:" + "|".join(n.pattern for n in NETWORK_LIST) + ")"
NETWORK_IN = re.compile(rf"\b{NETWORKS}(?:'s)?", re.IGNORECASE)
# The networks whose name alone says "television" (not "Apple", "Max" or "Fox").
TV_NETWORKS = "|".join(rf"\b{n.tv}" for n in NETWORK_LIST if n.tv)
EXECUTIVES = "(?:" + "|".join(sorted({re.escape(e) for n in NETWORK_LIST for e in n.executives})) + ")"


def family(name: str) -> str | None:
    """The company a network name belongs to ("amazon" for "Prime Video"), or None if unknown."""
    for n in NETWORK_LIST:
        if re.fullmatch(n.pattern, name.strip(), re.IGNORECASE):
            return n.family
    return None


def same_network(a: str, b: str) -> bool:
    a, b = a.lower().strip(), b.lower().strip()
    if a == b or a in b or b in a:
        return True
    fa, fb = family(a), family(b)
    return fa is not None and fa == fb
