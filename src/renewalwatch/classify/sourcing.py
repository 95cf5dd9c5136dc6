"""The sourcing rules: who says a decision (the network itself, or a report of it), whether it
is a recap of an old one, and whether a text is about television at all."""

from __future__ import annotations

from renewalwatch.classify.networks import EXECUTIVES, NETWORKS, TV_NETWORKS
from renewalwatch.classify.rules import Rule, RuleKind, _rule

_A, _O, _S = RuleKind.ATTRIBUTION, RuleKind.OFFICIAL, RuleKind.STRONG_OFFICIAL
_ST, _TV = RuleKind.STALE, RuleKind.TV

ATTRIBUTION_RULES: tuple[Rule, ...] = (
    _rule("attribution.reports", _A, r"\breport(?:s|ed|edly|ing)?\b|\bsources?\b|\binsiders?\b|\baccording\s+to\b|\bper\s+(?-i:[A-Z])|\bper\s+the\s+(?!episode|season|week|year|day)",
          ["the show was reportedly renewed", "sources say", "per Deadline"], ["the network said"]),
    _rule("attribution.has-learned", _A, r"\bhas\s+learned\b|\blearned\s+exclusively\b|\bexclusive(?:ly)?\b|\bis\s+told\b|\bwe\s+(?:hear|are\s+hearing|'re\s+hearing)\b",
          ["the outlet has learned", "we hear the drama is back"], ["the network learned its lesson in 2019"]),
    _rule("attribution.people-familiar", _A, r"\bpeople\s+(?:familiar|close|with\s+knowledge)\b|\bfamiliar\s+with\b|\bclose\s+to\s+the\s+(?:production|show|series|situation)\b",
          ["people familiar with the talks", "someone close to the production"], ["close to the end"]),
    _rule("attribution.declined-to-comment", _A, r"\bdeclined\s+to\s+comment\b|\bdid\s+not\s+(?:immediately\s+)?(?:respond|comment|return)\b|\bno\s+comment\b|\bnot\s+commented\b|\bdeclined\s+to\s+confirm\b",
          ["a spokesperson declined to comment", "the network did not respond"], ["the network commented"]),
    _rule("attribution.not-yet-confirmed", _A, r"\b(?:hasn't|has\s+not|have\s+not|haven't)\s+(?:yet\s+)?(?:officially\s+)?(?:confirmed|commented|announced)\b|\byet\s+to\s+(?:officially\s+)?(?:confirm|comment|announce)\b",
          ["the network hasn't confirmed", "the studio is yet to comment"], ["the network has confirmed"]),
    _rule("attribution.unconfirmed", _A, r"\bnot\s+(?:yet\s+)?(?:been\s+)?(?:officially\s+)?(?:confirmed|announced)\b|\bunconfirmed\b|\bunofficial(?:ly)?\b",
          ["an unofficial word", "not yet announced"], ["officially announced"]),
    _rule("attribution.creator-said", _A, r"\b(?:creator|co-creator|star|co-star|showrunner|actor|actress|writer|director|producer|cast\s+members?|author)\s+(?:[\w.'-]+\s+){0,3}(?:announced|said|revealed|confirmed|posted|wrote|shared|told|teased)\b",
          ["creator Ana Ruiz said", "star Ben Holt posted"], ["the network said"]),
    _rule("attribution.word-is", _A, r"\bword\s+(?:is|has\s+it)\b|\bis\s+said\s+to\b|\bbroke\s+the\s+news\b|\bfirst\s+reported\b",
          ["word is the drama is back", "the outlet that first reported it"], ["the word of the year"]),
)  # fmt: skip

STRONG_OFFICIAL_RULES: tuple[Rule, ...] = (
    _rule("strong-official.network-confirmed", _S, rf"\b(?:{NETWORKS}|the\s+(?:streamer|network|studio|broadcaster))(?:'s)?\s+(?:has\s+|have\s+)?(?:officially\s+|also\s+|since\s+|now\s+)?(?:confirmed|confirms|confirming|announced|announces|announcing)\b",
          ["Netflix has confirmed", "the streamer announced"], ["the fans announced"]),
    _rule("strong-official.statement", _S, r"\b(?:said|says)\s+in\s+a\s+(?:\w+\s+)?statement\b|\bpress\s+release\b|\bmade\s+(?:it\s+)?official\b",
          ["said in a statement", "a press release"], ["a statement piece"]),
    _rule("strong-official.spokesperson", _S, r"\bspokes(?:person|woman|man)\s+(?:for\s+[\w+ ]+?\s+)?(?:confirmed|said|told)\b",
          ["a spokesperson for Hulu confirmed"], ["a spokesperson declined"]),
)  # fmt: skip

OFFICIAL_RULES: tuple[Rule, ...] = (
    _rule("official.network-said", _O, rf"\b{NETWORKS}(?:'s)?\s+(?:has\s+|have\s+)?(?:officially\s+|also\s+|now\s+)?(?:confirmed|confirms|announced|announces|said|says|revealed|reveals|told|unveiled|shared|posted)\b",
          ["Hulu announced", "BBC said"], ["Hulu reportedly"]),
    _rule("official.spokesperson-said", _O, rf"\b(?:a|an|the)\s+(?:{NETWORKS}\s+)?(?:spokes(?:person|woman|man)|representative|rep|publicist|executive|exec)\b(?:\s+for\s+(?:the\s+)?[\w+ ]+?)?\s+(?:said|says|confirmed|confirms|told)\b",
          ["a Hulu spokesperson said", "an executive for the network told"], ["a fan said"]),
    _rule("official.confirmed-by", _O, rf"\b(?:confirmed|announced|said)\s+(?:by|on\s+behalf\s+of)\s+(?:a|an|the)?\s*(?:{NETWORKS}|streamer|network|studio)",
          ["confirmed by the streamer", "announced by Starz"], ["confirmed by fans"]),
    _rule("official.in-a-statement", _O, r"\bin\s+a\s+(?:\w+\s+){0,2}statement\b|\b(?:streamer|network|studio)'s\s+statement\b|\bstatement\s+(?:from|by)\s+(?:the\s+)?(?:streamer|network|studio)\b",
          ["in a joint statement", "a statement from the network"], ["a statement necklace"]),
    _rule("official.announced", _O, r"\bannounc(?:ed|es|ing|ement)\b|\bmade\s+(?:it\s+)?official\b|\bmakes\s+it\s+official\b",
          ["announced on Tuesday", "the network makes it official"], ["the announcer"]),
    _rule("official.press-release", _O, r"\b(?:said|says)\s+in\s+a\s+(?:statement|press\s+release|release|post)\b|\bin\s+a\s+(?:statement|press\s+release)\b|\bpress\s+release\b",
          ["said in a press release", "says in a post"], ["the release date"]),
    _rule("official.the-network-confirmed", _O, r"\b(?:the\s+)?(?:network|streamer|studio|service|platform|channel|broadcaster|company)\s+(?:has\s+)?(?:officially\s+)?(?:confirmed|confirms|confirming|revealed|reveals|revealing|unveiled|shared|said|announcing)\b",
          ["the network confirmed", "the streamer said"], ["the network declined"]),
    _rule("official.officially-renewed", _O, r"\b(?:officially|formally)\s+(?:renewed|canceled|cancelled|confirmed|ordered|picked|greenlit)\b",
          ["the show was officially renewed"], ["the official trailer"]),
    _rule("official.confirmed-the-news", _O, r"\b(?:confirmed|confirms|revealed|reveals|unveiled|unveils)\s+(?:on|today|this|that|the\s+news|a\s+season|the\s+renewal|the\s+cancel)\b",
          ["confirmed the news", "revealed today"], ["confirmed guests"]),
    _rule("official.head-of-television", _O, r"\b(?:head|president|chief|chair(?:man|woman)?|vice\s+president|vp|evp|svp|director)\s+of\s+(?:\w+\s+){0,3}(?:television|tv|series|content|programming|originals|scripted|entertainment|drama)\b",
          ["head of scripted television", "president of entertainment"], ["head of the class"]),
    _rule("official.chief-content-officer", _O, r"\b(?:chief\s+content\s+officer|head\s+of\s+television|head\s+of\s+tv|programming\s+chief|co-?ceo|ceo)\b",
          ["the chief content officer", "co-CEO"], ["the chief of police"]),
    _rule("official.network-executive", _O, rf"\b{EXECUTIVES}\b",
          ["AMC Networks president Dan McDermott said", "said Casey Bloys"], ["Dan said"]),
    _rule("official.network-acts", _O, rf"(?<!\bwhen\s)(?<!\bsince\s)(?<!\bafter\s)(?<!\bbefore\s)\b{NETWORKS}(?:'s)?\s+(?:has\s+|have\s+)?(?:officially\s+)?(?:renew(?:s|ed)|cancel(?:s|l?ed)|order(?:s|ed)|pick(?:s|ed)\s+up|greenlit|green-?lights?|axe[sd]|scrap(?:s|ped)|commission(?:s|ed)|recommission(?:s|ed))\b",
          ["CBS has renewed Tracker", "Apple TV+ renews Slow Horses"], ["fans renewed calls", "since Starz canceled it"]),
    _rule("official.took-to-social", _O, r"\btook\s+to\s+(?:social\s+media|instagram|x|twitter)\s+to\s+(?:announce|confirm)\b",
          ["took to Instagram to announce"], ["took to the stage"]),
    _rule("official.we-can-confirm", _O, r"\bcan\s+(?:now\s+)?confirm\b|\bwe(?:'re|\s+are)\s+(?:thrilled|excited|delighted|proud)\b",
          ["we can confirm", "we're thrilled"], ["we can't confirm anything"]),
)  # fmt: skip

STALE_RULES: tuple[Rule, ...] = (
    _rule("stale.last-month", _ST, r"\b(?:last|earlier\s+this|back\s+in|in\s+early|in\s+late)\s+(?:year|month|week|spring|summer|fall|autumn|winter|january|february|march|april|may|june|july|august|september|october|november|december)\b",
          ["renewed last October", "picked up earlier this year"], ["renewed this week"]),
    _rule("stale.in-month", _ST, r"^\W*in\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\b(?:\s+\d{4})?\s*,",
          ["In January, Peacock renewed the drama", "In March 2025, it was picked up"], ["renewed in a January announcement"]),
    _rule("stale.which-was-renewed", _ST, r"\b(?:which|that)\s+(?:was|had\s+been|has\s+already\s+been)\s+(?:\w+\s+)?(?:renewed|picked\s+up|greenlit|ordered)\b",
          ["which was renewed", "that had been quietly renewed"], ["which is renewed"]),
    _rule("stale.already-renewed", _ST, r"\b(?:already|previously)\s+(?:been\s+)?(?:renewed|picked\s+up|greenlit|ordered)\b|\bafter\s+(?:being|it\s+was)\s+renewed\b",
          ["already renewed", "after being renewed"], ["renewed"]),
    _rule("stale.following-renewal", _ST, r"\bfollowing\s+(?:its|the)\s+(?:\w+\s+)?renewal\b|\bsince\s+(?:its|the)\s+renewal\b",
          ["following its early renewal", "since the renewal"], ["the renewal"]),
    _rule("stale.months-ago", _ST, r"\bwas\s+renewed\s+in\s+\w+\b|\brenewed\s+(?:\w+\s+)?(?:months|weeks|years)\s+ago\b",
          ["was renewed in March", "renewed two months ago"], ["renewed today"]),
)  # fmt: skip

TV_RULES: tuple[Rule, ...] = (
    _rule("tv.season-number", _TV, r"\bseason\s+\d{1,2}\b|\bS\d{1,2}\b|\bseries\s+\d{1,2}\b",
          ["season 2", "S3"], ["seasonal"]),
    _rule("tv.the-series", _TV, r"\b(?:the|this|a|an|TV|television|drama|comedy|limited|streaming|hit|new|original|scripted|crime)\s+series\b(?!\s+of\b)",
          ["the drama series", "a limited series"], ["a series of events"]),
    _rule("tv.show-words", _TV, r"\bepisodes?\b|\bTV\s+show|\bthe\s+show\b|\bshowrunner\b|\bdrama\b|\bsitcom\b|\bcomedy\s+series\b",
          ["the episode", "the showrunner"], ["the showroom"]),
    _rule("tv.broadcast-words", _TV, r"\bstreamer\b|\bstreaming\b|\bbroadcaster\b|\bcable\b|\bpremiere[sd]?\b|\bfinale\b|\bstarring\b",
          ["the streamer", "the finale"], ["the stream"]),
    _rule("tv.industry-words", _TV, r"\bwriters'?\s+room\b|\btelevision\b|\bTV\b|\b(?:starts?|started|begins?|began)\s+filming\b|\bcasting\s+calls?\b|\bcast\s+(?:member|list)|\bspinoff\b|\bspin-off\b|\bseries\s+regulars?\b|\bnew\s+regulars\b",
          ["the writers' room", "a spinoff", "it starts filming in June"], ["the writers"]),
    _rule("tv.network-name", _TV, TV_NETWORKS,
          ["on Netflix", "a BBC drama"], ["an Apple orchard", "Fox hunting"]),
)  # fmt: skip
