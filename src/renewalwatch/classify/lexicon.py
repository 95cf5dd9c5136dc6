"""The classifier's vocabulary: what announces a decision, and what takes the decision back.

Patterns describe kinds of language (negation, hedging, questions, attribution), not articles;
each is matched case-insensitively against one clause or sentence.
"""

from __future__ import annotations

import re


def _rx(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{a})" for a in alternatives), re.IGNORECASE)


NETWORKS = (
    r"(?:Prime\s+Video|Amazon(?:\s+MGM\s+Studios)?|Netflix|HBO(?:\s+Max)?|Max|Hulu|Apple\s+TV\+?|Apple|Peacock|"
    r"Paramount\+?|NBC|CBS|ABC|Fox|FX|AMC|Starz|Showtime|BBC(?:\s+One|\s+Two|\s+Three)?|ITV|Disney\+?|The\s+CW|"
    r"Channel\s+4|Sky|Freeform|TNT|TBS|USA\s+Network|Syfy|Bravo|Lifetime|Hallmark|MGM\+|BritBox|Acorn\s+TV|Crunchyroll)"
)

# --- Triggers: a decision is being stated -------------------------------------------------
_AGREEMENT = (
    r"(?:contract|deal|lease|license|licence|partnership|agreement|membership|subscription|"
    r"sponsorship|pact|vows|commitment|mandate|permit|visa|passport|interest|focus|push|calls?|"
    r"hopes?|attention|energy|vigou?r|efforts?|rivalry|friendship|optimism|scrutiny|debate)"
)
# "no season 2 trailer yet" denies a trailer, not the season.
_NOT_THE_SEASON = (
    r"(?!\s+(?:trailer|teaser|news|updates?|word|decision|date|release|premiere|cast|details|episodes?|"
    r"footage|photos?|images?|first\s+look|yet|for\s+now|announcement|plot|info\w*|confirmation))"
)
RENEW = _rx(
    # "renewed its supply contract" is business; "a renewed favorite" is an adjective.
    rf"(?=[rR])(?<!\ba\s)(?<!\bthe\s)\bre-?new(?:s|ed|ing)?\b(?!\s+(?:(?:its|his|her|their|the|a|an|that|this)\s+)?(?:[\w-]+\s+){{0,2}}{_AGREEMENT}\b)",
    r"\b(?:confirm(?:s|ed|ing)?|announc(?:es|ed|ing)|made\s+official|makes\s+official|unveil(?:s|ed))\s+(?:the\s+|its\s+|a\s+)?(?:\w+\s+){0,2}(?:renewal|pickup|season\s+\d+|\w+\s+season)\b",
    r"\bbring(?:s|ing)?\s+(?:it\s+|them\s+)?back\b|\bbrought\s+(?:it\s+|them\s+)?back\s+for\b",
    r"\bset\s+for\s+(?:a\s+)?(?:season\s+\w+|\w+\s+season)\b",
    r"\b(?:reviv|resurrect|rescu)(?:es|ed)\b|\bre-?upp?(?:s|ed)?\b|\brecommission(?:s|ed|ing)?\b",
    r"\bpick(?:s|ed|ing)?\s+(?:it\s+|them\s+)?up\b(?!\s+(?:where|the\s+story|after|from|steam|speed))",
    r"\bpicked\s+up\s+for\b",
    r"\bgreen-?lit\b|\bgreen-?light(?:s|ed|ing)?\b|\bgreen\s+light(?:s|ed)?\b",
    r"\border(?:s|ed)\s+(?:a|an|another|the|its)?\s*(?:\w+\s+){0,2}(?:seasons?|installments?|instalments?|batch|episodes|series)\b",
    r"\bseason\s+\w+\s+(?:officially\s+)?confirmed\b|\bseason\s+\w+\s+(?:premiere|release)\s+date\s+(?:is\s+)?(?:officially\s+)?(?:announced|set|revealed|confirmed)\b",
    r"\bjoin(?:s|ed|ing)?\s+(?:the\s+cast\s+of\s+)?(?:(?!campaign|petition|push|fight|calls?|fans?|hopes?|race)\S+\s+){0,2}?season\s+\d+\b",
    r"\b(?:filming|production|shooting|cameras?)\s+(?:is\s+|are\s+|has\s+|have\s+)?(?:now\s+|officially\s+)?(?:begun|begins|began|started|starts|under\s*way|roll(?:s|ing|ed)?|kicked\s+off|kicks\s+off|wrapped|wraps)\s+(?:in\s+[\w ]{1,30}?\s+)?(?:on|for)\s+(?:the\s+)?(?:['\"]?[\w:'.-]+['\"]?\s+){0,3}?(?:season\s+\w+|\w+\s+season|new\s+season|\w+\s+series|series\s+\w+)",
    r"\bseason\s+\d+\s+(?:casts|adds|taps|recruits|enlists|books|first\s+look|first-look)\b",
    r"\blands?\s+at\s+\S+(?:\s+\S+)?\s+for\s+(?:a\s+)?(?:season\s+\w+|\w+\s+season)\b",
    r"\b(?:second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th)|new)\s+season\s+of\s+(?:\S+\s+){1,4}?(?:will\s+)?(?:premiere|debut|arrive|launch|return|drop)s?\s+(?:on\s+)?(?:\w+day|January|February|March|April|May|June|July|August|September|October|November|December|\d|this|next|later|early|in)\b",
    r"\b(?:season|installment)\s+(?:order|pickup|pick-up)\b",
    r"\bcom(?:ing|es|e)\s+back\b",
    r"\b(?:is|are|'s|will\s+be)\s+(?:officially\s+|definitely\s+|now\s+)?returning\b|\breturning\s+for\b",
    r"\b(?:is|are|'s)\s+(?:officially\s+|now\s+)?a\s+go\b|\bget(?:s|ting)?\s+the\s+(?:go-ahead|nod)\b|\bgot\s+the\s+(?:go-ahead|nod)\b",
    r"\b(?:give[sn]?|gave|giving|hand(?:s|ed|ing)?|award(?:s|ed)?)\s+(?:(?!the\s+(?:boot|chop|axe|hook)\b|after\b|before\b|for\b)\S+\s+){0,4}?(?:a|an|another)\s+(?:\w+\s+)?(?:season|renewal|installment|instalment|series\s+order|run|outing|chapter|batch\s+of\s+episodes)\b",
    r"\bwill\s+(?:officially\s+)?return\b|\bset\s+to\s+return\b|\breturns?\s+(?:(?!but\b|and\b)\S+\s+){0,4}?for\s+(?:a|an|another|its|their|the)?\s*(?:\w+\s+)?season\b",
    r"\bwill\s+be\s+back\b|\bback\s+for\s+(?:a|an|another|its|season)\b",
    r"\b(?:gets?|getting|got|secures?|secured|securing|lands?|landed|landing|scores?|scored|earns?|earned|nabs?|nabbed|snags?|snagged|wins?|won|receives?|received)\s+(?:a|an|another|its|the)?\s*(?:\w+\s+){0,2}(?:season|renewal|installment|instalment|pickup|order)\b",
    r"\bgets?\s+season\s+\d+\b",
    r"\brenewal\s+(?:is\s+|was\s+|has\s+been\s+)?(?:now\s+)?(?:officially\s+)?(?:official|confirmed|locked|announced)\b",
    r"\brenewal\b[^.?!]{0,40}?\b(?:makes?\s+it\s+official|it's\s+official|(?<!not\s)(?<!yet\s)confirm(?:s|ed)\s*$)",
    r"\bseason\s+\w+(?:\s+of\s+['\"]?[\w' ]{1,40}?['\"]?)?\s+(?:is|has\s+been)\s+(?:officially\s+)?(?:happening|a\s+go|confirmed|on\s+the\s+way|in\s+production|greenlit)\b",
    r"\b(?:production|filming|shooting)\s+(?:on|of|for)\s+(?:the\s+)?(?:season\s+\w+|\w+\s+season|new\s+season)\s+(?:has\s+)?(?:begun|began|started|starts|is\s+underway|wrapped|kicked\s+off)\b",
    r"\bconfirmed\s+for\s+(?:a\s+)?(?:season|\w+\s+season)\b",
)
# Cheap substring checks that every RENEW / CANCEL match contains one of (lower case): a clause
# with none of them is not searched with the big patterns.
RENEW_HINTS = (
    "renew",
    "re-up",
    "reup",
    "recommission",
    "revive",
    "resurrect",
    "rescue",
    "pick",
    "green",
    "order",
    "back",
    "return",
    "get",
    "got",
    "secur",
    "land",
    "scor",
    "earn",
    "nab",
    "snag",
    "win",
    "won",
    "receiv",
    "confirm",
    "announc",
    "unveil",
    "official",
    "happening",
    "a go",
    "on the way",
    "production",
    "filming",
    "shooting",
    "camera",
    "set for",
    "bring",
    "brought",
    "go",
    "nod",
    "join",
    "give",
    "gave",
    "given",
    "hand",
    "award",
    "cast",
    "add",
    "tap",
    "recruit",
    "enlist",
    "book",
    "look",
    "trailer",
    "teaser",
    "premiere",
    "debut",
    "arrive",
    "launch",
    "drop",
)
CANCEL_HINTS = (
    "cancel",
    "axe",
    "axing",
    "scrap",
    "plug",
    "return",
    "back",
    "forward",
    "not to",
    "pass",
    "revers",
    "rescind",
    "unrenew",
    "final",
    "last",
    " end",
    "ends ",
    "ending",
    "ended",
    "be no",
    "is no",
    "won't get",
    "won't see",
    "not get",
    "one and done",
    "over after",
    "done after",
    "bring",
    "renew",
    "axe",
    "quits",
    "boot",
    "chop",
    "hook",
    "continu",
    "no ",
    "happen",
    "off the",
)
# The same hints as word starts, one cheap pattern each: "go" must not fire on "ago" or "good".
RENEW_HINT = re.compile(r"\b(?:" + "|".join(re.escape(h) for h in RENEW_HINTS) + ")", re.IGNORECASE)
CANCEL_HINT = re.compile(r"(?:" + "|".join(re.escape(h) for h in CANCEL_HINTS) + ")", re.IGNORECASE)
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
REVERSAL = re.compile(r"revers|rescind|unrenew|backtrack|walk(?:s|ed)?\s+back|no\s+longer", re.I)
CANCEL = _rx(
    # not the adjective of a rescue story: "Netflix Picks Up Canceled Peacock Drama"
    rf"(?=[cC])(?<!\ba\s)(?<!\bthe\s)(?<!\bits\s)\bcancel(?:l)?(?:ed|s|ing)?\b(?!\s+(?:{NETWORKS}\s+)?(?:drama|series|show|comedy|thriller|sitcom)s?\b)",
    r"\bcancel(?:l)?ation\s+(?:of|is|was|has\s+been)\b",
    r"\baxe[sd]?\b|\baxing\b|\bgets?\s+the\s+axe\b",
    r"\bscrap(?:s|ped|ping)\b",
    r"\bpull(?:s|ed|ing)?\s+the\s+plug\b",
    r"\b(?:won't|will\s+not|wo\s+not|not|isn't|is\s+not|aren't|won't\s+be|will\s+not\s+be)\s+(?:be\s+)?(?:return(?:ing)?|coming\s+back|come\s+back|back)\b",
    r"\bnot\s+(?:be\s+)?moving\s+forward\b|\bwon't\s+(?:be\s+)?mov(?:e|ing)\s+forward\b|\bnot\s+to\s+move\s+forward\b",
    r"\b(?:opted|decided|chose|chosen|elected)\s+not\s+to\s+(?:renew|continue|proceed|move\s+forward|bring)\b|\bdeclined\s+to\s+renew\b|\bpass(?:ed|es)?\s+on\s+(?:a\s+)?(?:season|\w+\s+season|renewing)\b",
    r"\brevers(?:es|ed|ing|al)\s+(?:of\s+)?(?:its|the|their)\s+(?:\w+\s+){0,3}(?:renewal|decision\s+to\s+renew|order|pickup)\b|\brescind(?:s|ed)\b|\bunrenew(?:s|ed)\b",
    r"\b(?:not|won't|will\s+not|isn't|is\s+not)\s+(?:be\s+)?bring(?:ing)?\s+(?:\S+\s+){0,4}back\b",
    r"\b(?:is|are)\s+(?:officially\s+)?(?:over|done)\s+after\b|\bdone\s+after\s+(?:one|two|three|\w+)\s+seasons?\b",
    r"\b(?:will\s+be|is)\s+(?:its|the|their)\s+(?:final|last)\b|\bfinal\s+(?:season|series)\b|(?=[itIT])(?<!\bin\s)(?<!\bduring\s)(?<!\bfrom\s)(?<!\bsince\s)(?<!\bover\s)\b(?:its|their|the)\s+last\s+(?:season|series)\b|\b(?:and|its)\s+final\s+(?:installment|instalment|chapter|run|outing)\b",
    r"\b(?:will|would|to|set\s+to)\s+(?:officially\s+)?end\b|\bis\s+ending\b|\bcom(?:es|ing)\s+to\s+an\s+end\b|\bend(?:s|ed)?\s+(?:its\s+run|after)\b|\bwrap(?:s|ped)?\s+(?:up\s+)?its\s+run\b",
    rf"\bthere\s+(?:will\s+be|won't\s+be|is)\s+no\s+(?:\S+\s+){{0,2}}?(?:season\s+\d+|\w+\s+season(?!\s+\d)|season(?!\s+\d)|more\s+seasons?)\b{_NOT_THE_SEASON}",
    r"\b(?:season|series)\s+\w+\s+(?:is\s+|isn't\s+|is\s+officially\s+)?(?:not\s+happening|isn't\s+happening|won't\s+happen|will\s+not\s+happen|off\s+the\s+table)\b",
    rf"^\W*no\s+(?:\S+\s+){{0,3}}?season\s+\d+\b{_NOT_THE_SEASON}",
    r"\bwon't\s+(?:get|see)\s+(?:a|an|another)\s+(?:\w+\s+)?season\b|\bnot\s+(?:getting|get)\s+(?:a|an|another)\s+(?:\w+\s+)?season\b",
    r"\bone\s+and\s+done\b|\b(?:the\s+)?axe\s+(?:has\s+)?f[ae]ll(?:s|en)?\b|\bcall(?:s|ed|ing)?\s+it\s+quits\b",
    r"\b(?:gets?|getting|got|given|been\s+given)\s+the\s+(?:boot|chop|hook)\b|\b(?:give[sn]?|gave|giving)\s+(?:\S+\s+){0,3}?the\s+(?:boot|chop|hook|axe)\b|\bdiscontinu(?:e|es|ed|ing)\b",
    r"\b(?:won't|will\s+not|not)\s+(?:be\s+)?continu(?:e|ing)\b",
)
# A renewal verb negated in the future or simple past is a cancellation ("won't be renewed").
NEGATED_RENEW_IS_CANCEL = _rx(
    r"\b(?:won't|will\s+not|wasn't|was\s+not|didn't|did\s+not|isn't\s+going\s+to|is\s+not\s+going\s+to|not\s+to)\s+(?:be\s+)?(?:re-?new|pick|green|order|return|come\s+back|be\s+back)",
)

# --- What takes a trigger back ------------------------------------------------------------
NEGATION_BEFORE = re.compile(
    r"\b(?:not|never|no|neither|hasn't|haven't|hadn't|isn't|aren't|wasn't|weren't|won't|didn't|doesn't|"
    r"don't|cannot|can't|nor|without|yet\s+to|has\s+yet\s+to|have\s+yet\s+to|is\s+yet\s+to|"
    r"awaiting|await(?:s|ing)?|pending|ahead\s+of|before|until|unless|rather\s+than|instead\s+of)"
    r"(?:\s+[\w'-]+){0,4}[\s-]*$",
    re.IGNORECASE,
)
HEDGE = _rx(
    r"\b(?-i:may)\b(?!\s+\d)|\b(?:could|might|would|should|likely|unlikely|probably|possibly|perhaps|maybe|potential(?:ly)?)\b",
    r"\bfac(?:e|es|ing)\s+(?:the\s+)?(?:axe|chop|cancel\w*|the\s+end)|\bchopping\s+block\b|\bon\s+thin\s+ice\b",
    r"\bmov(?:e|es|ing)\s+toward|\blean(?:s|ing)?\s+toward|\bclose\s+to\s+(?:a\s+)?(?:deal|decision|renew|order)|\bnearing\b|\bon\s+the\s+verge\b",
    r"\bexpected\s+to\b|\bexpect(?:s|ing)?\b|\banticipat\w+|\bpoised\s+to\b|\bon\s+track\s+to\b",
    r"\bhop(?:e|es|ed|ing|eful|efully)\b|\bwish\w*|\bwant(?:s|ed)?\b|\bpray\w*|\bfingers\s+crossed\b",
    r"\b(?:we|i)\s+(?:think|believe|bet|suspect|reckon|predict|guess)\b|\bbelieve[sd]?\b|\bpredict\w*",
    r"\bsocial\s+media\b|\bwebsites?\b|\bfan\s+(?:accounts?|sites?|pages?|theor\w+)\b|\bviral\b|\bposts?\b|\bposted\b|\bforums?\b|\bscreenshots?\b|\bTikTok\b|\bReddit\b",
    r"\bask(?:s|ed|ing)?\b|\burg(?:e|es|ed|ing)\b|\bbeg(?:s|ged|ging)?\b|\bdemand\w*|\bplead\w*|\bdeclar(?:e|es|ed|ing)\b",
    r"\bclaim(?:s|ed|ing)?\b|\balleg\w+|\bsupposedly\b|\bpurportedly\b|\bfear\w*|\bworr\w+|\bthreat\w*|\blooming\b",
    r"\bspeculat\w+|\brumou?r\w*|\bbuzz\b|\bchatter\b|\bgossip\b|\bwhisper\w*",
    r"\bin\s+(?:the\s+works|talks|negotiations|discussions|development)\b|\bnegotiat\w+|\bdiscuss\w*",
    r"\bsuggest\w*|\bhint\w*|\bteas(?:e|es|ed|ing)\b|\bindicat\w+|\bsignal\w*|\bimpl(?:y|ies|ied)\b",
    r"\bseems?\b|\bappears?\b|\blooks?\s+(?:like|likely|set|good|promising|as\s+if)\b|\bsounds?\s+like\b",
    r"\bodds\b|\bchances?\b|\bon\s+the\s+bubble\b|\bin\s+danger\b|\bat\s+risk\b|\bfate\b|\bfuture\b",
    r"\bif\b|\bwhether\b|\bunless\b|\bin\s+case\b|\bonce\b",
    r"\bpetition\w*|\bcampaign\w*|\bpush(?:ing)?\s+for\b|\bsave\s+\w+\b|\bcalls?\s+for\b|\bdeserves?\b|\bneeds?\s+to\b",
    r"\bwould\s+love\b|\bplans?\s+to\b|\bplanning\b|\bconsider\w*|\bweigh\w*|\bmulling\b|\bbrainstorm\w*",
    r"\bwhen\s+(?:it|the\s+show|the\s+series)\s+returns\b",
)
QUESTION_START = re.compile(
    r"^\W*(?:will|is|are|has|have|does|do|did|could|can|should|would|when|what|why|how|where|which|who)\b",
    re.IGNORECASE,
)
QUESTION_TITLE = _rx(
    r"\beverything\s+(?:we|you)\s+know\b|\bwhat\s+(?:we|you)\s+know\b|\bwhat\s+to\s+(?:expect|know)\b",
    r"\brenewal\s+(?:status|odds|hopes|chances|update|news|watch)\b|\bexplained\b|\bstatus\s+update\b",
    r"\brelease\s+date\b(?!\s+(?:set|announced|revealed|confirmed))|\bpredictions?\b|\blatest\s+(?:news|updates?)\b",
    r"\bcancel(?:l)?ation\s+(?:fears|watch|odds|risk|status|rumou?rs?)\b|\bfans?\s+(?:react|demand|beg)\b",
)
DENIAL = _rx(
    r"\bden(?:y|ies|ied|ying|ials?)\b|\brefut\w+|\bdismiss\w+|\bdebunk\w*|\bshot\s+down\b|\bshoots\s+down\b",
    r"\bpush(?:ed|es|ing)?\s+back\s+(?:on|against)\b|\b(?:false|untrue|not\s+true|unfounded|baseless|fake|hoax|misinformation)\b",
    r"\bdisput(?:e|es|ed|ing)\b|\b(?:respond|react|address|clarif)\w*\s+(?:to\s+)?(?:the\s+)?(?:reports?|rumou?rs?|claims?|speculation)\b|\bset\s+the\s+record\s+straight\b",
    r"\binaccurate\b|\bincorrect\b|\bwrong\b|\bpremature\b|\bmisleading\b|\bnot\s+the\s+case\b|\bnot\s+accurate\b",
    r"\bno\s+truth\b|\bnot\s+(?:been\s+)?(?:canceled|cancelled)\b",
)
NOT_YET = _rx(
    r"\byet\s+to\s+be\s+(?:officially\s+)?(?:confirmed|announced|renewed|canceled|cancelled|decided|picked|greenlit|determined|made\s+official)\b",
    r"\b(?:not|never)\s+(?:yet\s+)?(?:been\s+)?(?:officially\s+)?(?:confirmed|announced)\b",
    r"\bno\s+(?:official\s+)?(?:word|announcement|confirmation|decision|news|update)\b",
    r"\bunconfirmed\b|\bundecided\b|\bup\s+in\s+the\s+air\b|\bremains?\s+to\s+be\s+seen\b|\bradio\s+silence\b",
    r"\bstill\s+(?:waiting|awaiting|hoping|unknown|unclear|undecided|in\s+limbo)\b|\bin\s+limbo\b|\bunclear\b|\bunknown\b",
    r"\bawait(?:s|ing)?\s+(?:a|word|news|the|its|their|an|official|renewal|decision)\b",
    r"\b(?:hasn't|has\s+not|haven't|have\s+not|didn't|did\s+not|won't|would\s+not|wouldn't)\s+(?:yet\s+)?(?:said|say|revealed|reveal|indicated|commit(?:ted)?)\b",
    r"\b(?:hasn't|has\s+not|haven't|have\s+not)\s+(?:yet\s+)?(?:officially\s+)?(?:renewed|canceled|cancelled|decided|confirmed|announced|greenlit|picked)\b",
    r"\byet\s+to\s+(?:officially\s+)?\w+|\bno\s+decision\b|\bTBD\b",
    r"(?:n't|\bnot|\bnever|\bdeclined\s+to|\brefused\s+to)\s+(?:\w+\s+){0,3}?(?:say|confirm|announce|reveal|commit|tell|disclose|discuss|share)\b",
)
ATTRIBUTION = _rx(
    r"\breport(?:s|ed|edly|ing)?\b|\bsources?\b|\binsiders?\b|\baccording\s+to\b|\bper\s+(?-i:[A-Z])|\bper\s+the\s+(?!episode|season|week|year|day)",
    r"\bhas\s+learned\b|\blearned\s+exclusively\b|\bexclusive(?:ly)?\b|\bis\s+told\b|\bwe\s+(?:hear|are\s+hearing|'re\s+hearing)\b",
    r"\bpeople\s+(?:familiar|close|with\s+knowledge)\b|\bfamiliar\s+with\b|\bclose\s+to\s+the\s+(?:production|show|series|situation)\b",
    r"\bdeclined\s+to\s+comment\b|\bdid\s+not\s+(?:immediately\s+)?(?:respond|comment|return)\b|\bno\s+comment\b|\bnot\s+commented\b|\bdeclined\s+to\s+confirm\b",
    r"\b(?:hasn't|has\s+not|have\s+not|haven't)\s+(?:yet\s+)?(?:officially\s+)?(?:confirmed|commented|announced)\b|\byet\s+to\s+(?:officially\s+)?(?:confirm|comment|announce)\b",
    r"\bnot\s+(?:yet\s+)?(?:been\s+)?(?:officially\s+)?(?:confirmed|announced)\b|\bunconfirmed\b|\bunofficial(?:ly)?\b",
    r"\b(?:creator|co-creator|star|co-star|showrunner|actor|actress|writer|director|producer|cast\s+members?|author)\s+(?:[\w.'-]+\s+){0,3}(?:announced|said|revealed|confirmed|posted|wrote|shared|told|teased)\b",
    r"\bword\s+(?:is|has\s+it)\b|\bis\s+said\s+to\b|\bbroke\s+the\s+news\b|\bfirst\s+reported\b",
)
# "according to the streamer", "per the announcement": the source is the network itself.
OFFICIAL_SOURCE = re.compile(
    rf"\b(?:according\s+to|per)\s+(?:the\s+|a\s+|an\s+)?(?:streamer|network|studio|broadcaster|announcement|"
    rf"statement|press\s+release|release|spokes\w+|official\s+\w+|{NETWORKS}(?!'s\s+(?:internal|own)?\s*(?:figures|data|numbers)))",
    re.IGNORECASE,
)
STRONG_OFFICIAL = _rx(
    rf"\b(?:{NETWORKS}|the\s+(?:streamer|network|studio|broadcaster))(?:'s)?\s+(?:has\s+|have\s+)?(?:officially\s+|also\s+|since\s+|now\s+)?(?:confirmed|confirms|confirming|announced|announces|announcing)\b",
    r"\b(?:said|says)\s+in\s+a\s+(?:\w+\s+)?statement\b|\bpress\s+release\b|\bmade\s+(?:it\s+)?official\b",
    r"\bspokes(?:person|woman|man)\s+(?:for\s+[\w+ ]+?\s+)?(?:confirmed|said|told)\b",
)
OFFICIAL = _rx(
    rf"\b{NETWORKS}(?:'s)?\s+(?:has\s+|have\s+)?(?:officially\s+|also\s+|now\s+)?(?:confirmed|confirms|announced|announces|said|says|revealed|reveals|told|unveiled|shared|posted)\b",
    rf"\b(?:a|an|the)\s+(?:{NETWORKS}\s+)?(?:spokes(?:person|woman|man)|representative|rep|publicist|executive|exec)\b(?:\s+for\s+(?:the\s+)?[\w+ ]+?)?\s+(?:said|says|confirmed|confirms|told)\b",
    rf"\b(?:confirmed|announced|said)\s+(?:by|on\s+behalf\s+of)\s+(?:a|an|the)?\s*(?:{NETWORKS}|streamer|network|studio)",
    r"\bin\s+a\s+(?:\w+\s+){0,2}statement\b|\b(?:streamer|network|studio)'s\s+statement\b|\bstatement\s+(?:from|by)\s+(?:the\s+)?(?:streamer|network|studio)\b",
    r"\bannounc(?:ed|es|ing|ement)\b|\bmade\s+(?:it\s+)?official\b|\bmakes\s+it\s+official\b",
    r"\b(?:said|says)\s+in\s+a\s+(?:statement|press\s+release|release|post)\b|\bin\s+a\s+(?:statement|press\s+release)\b|\bpress\s+release\b",
    r"\b(?:the\s+)?(?:network|streamer|studio|service|platform|channel|broadcaster|company)\s+(?:has\s+)?(?:officially\s+)?(?:confirmed|confirms|confirming|revealed|reveals|revealing|unveiled|shared|said|announcing)\b",
    r"\b(?:officially|formally)\s+(?:renewed|canceled|cancelled|confirmed|ordered|picked|greenlit)\b",
    r"\b(?:confirmed|confirms|revealed|reveals|unveiled|unveils)\s+(?:on|today|this|that|the\s+news|a\s+season|the\s+renewal|the\s+cancel)\b",
    r"\b(?:head|president|chief|chair(?:man|woman)?|vice\s+president|vp|evp|svp|director)\s+of\s+(?:\w+\s+){0,3}(?:television|tv|series|content|programming|originals|scripted|entertainment|drama)\b",
    r"\b(?:chief\s+content\s+officer|head\s+of\s+television|head\s+of\s+tv|programming\s+chief|co-?ceo|ceo)\b",
    r"\btook\s+to\s+(?:social\s+media|instagram|x|twitter)\s+to\s+(?:announce|confirm)\b",
    r"\bcan\s+(?:now\s+)?confirm\b|\bwe(?:'re|\s+are)\s+(?:thrilled|excited|delighted|proud)\b",
)

# Clues that a passage is about television at all (context terms of the watch are added).
TV_CONTEXT = _rx(
    r"\bseason\s+\d{1,2}\b|\bS\d{1,2}\b|\bseries\s+\d{1,2}\b",
    r"\b(?:the|this|a|an|TV|television|drama|comedy|limited|streaming|hit|new|original|scripted|crime)\s+series\b(?!\s+of\b)",
    r"\bepisodes?\b|\bTV\s+show|\bthe\s+show\b|\bshowrunner\b|\bdrama\b|\bsitcom\b|\bcomedy\s+series\b",
    r"\bstreamer\b|\bstreaming\b|\bbroadcaster\b|\bcable\b|\bpremiere[sd]?\b|\bfinale\b|\bstarring\b",
    r"\bwriters'?\s+room\b|\btelevision\b|\bTV\b|\bcast\s+(?:member|list)|\bspinoff\b|\bspin-off\b",
    r"\bNetflix\b|\bHBO\b|\bHulu\b|\bPrime\s+Video\b|\bApple\s+TV\b|\bPeacock\b|\bParamount\+|\bNBC\b|\bCBS\b",
    r"\bABC\b|\bFX\b|\bAMC\b|\bStarz\b|\bShowtime\b|\bBBC\b|\bITV\b|\bDisney\+|\bThe\s+CW\b|\bChannel\s+4\b",
)
# Words for the show itself when its name is not repeated.
ANAPHORA = re.compile(
    r"\b(?:the|this|our)\s+(?:(?!the\b|this\b|a\b)[\w+.'-]+[ -]){0,3}(?:series|show|drama|thriller|procedural|comedy|sitcom|"
    r"spinoff|spin-off|adaptation|mystery|saga|crime\s+drama|cop\s+show|whodunit|dramedy|anthology|noir|western|"
    r"soap|miniseries|docuseries|serial|romance|romcom|caper|period\s+piece|franchise\s+entry)\b"
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
# A past decision recalled, not announced.
STALE = _rx(
    r"\b(?:last|earlier\s+this|back\s+in|in\s+early|in\s+late)\s+(?:year|month|week|spring|summer|fall|autumn|winter|january|february|march|april|may|june|july|august|september|october|november|december)\b",
    r"\b(?:which|that)\s+(?:was|had\s+been|has\s+already\s+been)\s+(?:\w+\s+)?(?:renewed|picked\s+up|greenlit|ordered)\b",
    r"\b(?:already|previously)\s+(?:been\s+)?(?:renewed|picked\s+up|greenlit|ordered)\b|\bafter\s+(?:being|it\s+was)\s+renewed\b",
    r"\bfollowing\s+(?:its|the)\s+(?:\w+\s+)?renewal\b|\bsince\s+(?:its|the)\s+renewal\b",
    r"\bwas\s+renewed\s+in\s+\w+\b|\brenewed\s+(?:\w+\s+)?(?:months|weeks|years)\s+ago\b",
)
# Words after a name that make it another thing: a company, a place, a school, a person's team.
NAME_COLLISION_AFTER = re.compile(
    r"^\s*(?:Power|Systems|Inc|Corp|Corporation|Group|Holdings|Energy|Technologies|Labs|Capital|"
    r"High|School|Elementary|Academy|College|University|Library|Locks|Park|Avenue|Street|Bridge|"
    r"neighbou?rhood|district|Partners|Designs|Foods|Motors|Industries|Fuel\s+Cells?|Co\b|LLC)\b",
    re.IGNORECASE,
)
