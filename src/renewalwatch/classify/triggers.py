"""The trigger rules: phrases that state a renewal or a cancellation, one named row each.

Each row's examples are run by the tests; the hint filter is derived from the patterns. A new
idiom is one row here plus its examples.
"""

from __future__ import annotations

from renewalwatch.classify.networks import NETWORKS
from renewalwatch.classify.rules import Rule, RuleKind, _rule

_R, _C = RuleKind.RENEW, RuleKind.CANCEL

# "renewed its supply contract" is business, not a season.
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

RENEW_RULES: tuple[Rule, ...] = (
    _rule(
        "renew.renewed", _R,
        rf"(?=[rR])(?<!\ba\s)(?<!\bthe\s)\bre-?new(?:s|ed|ing)?\b(?!\s+(?:(?:its|his|her|their|the|a|an|that|this)\s+)?(?:[\w-]+\s+){{0,2}}{_AGREEMENT}\b)",
        ["Hulu renewed the drama for a third season", "the network renews Harbor Lights"],
        ["the studio renewed its distribution deal", "a renewed favourite", "renewed interest in the show"],
    ),
    _rule(
        "renew.confirms-season", _R,
        r"\b(?:confirm(?:s|ed|ing)?|announc(?:es|ed|ing)|made\s+official|makes\s+official|unveil(?:s|ed))\s+(?:the\s+|its\s+|a\s+)?(?:\w+\s+){0,2}(?:renewal|pickup|season\s+\d+|\w+\s+season)\b",
        ["the streamer confirmed the renewal on Monday", "Starz announces a fourth season"],
        ["the streamer confirmed the cast list"],
    ),
    _rule(
        "renew.bring-back", _R,
        r"\bbring(?:s|ing)?\s+(?:it\s+|them\s+)?back\b|\bbrought\s+(?:it\s+|them\s+)?back\s+for\b",
        ["FX is bringing it back next year", "the network brought it back for more"],
        ["the finale brought back memories"],
        airing=True,
    ),
    _rule(
        "renew.set-for-season", _R,
        r"\bset\s+for\s+(?:a\s+)?(?:season\s+\w+|\w+\s+season)\b",
        ["the comedy is set for a second season", "Driftwood set for season three"],
        ["the premiere is set for June"],
    ),
    _rule(
        "renew.revived", _R,
        r"\b(?:reviv|resurrect|rescu)(?:es|ed)\b|\bre-?upp?(?:s|ed)?\b|\brecommission(?:s|ed|ing)?\b",
        ["the BBC recommissioned the sitcom", "Peacock re-ups the thriller", "the canceled drama was rescued"],
        ["a rescue mission", "the revival of interest"],
    ),
    _rule(
        "renew.picked-up", _R,
        r"\bpick(?:s|ed|ing)?\s+(?:it\s+|them\s+)?up\b(?!\s+(?:where|the\s+story|after|from|steam|speed))",
        ["Netflix picked up the series", "the network picks it up"],
        ["season two picks up where the first left off", "the ratings picked up steam"],
    ),
    _rule(
        "renew.picked-up-for", _R,
        r"\bpicked\s+up\s+for\b",
        ["the show was picked up for another run"],
        ["they picked the cast"],
    ),
    _rule(
        "renew.greenlit", _R,
        r"\bgreen-?lit\b|\bgreen-?light(?:s|ed|ing)?\b|\bgreen\s+light(?:s|ed)?\b",
        ["AMC greenlit a third season", "the network green-lights more episodes"],
        ["the green room"],
    ),
    _rule(
        "renew.ordered", _R,
        r"\border(?:s|ed)\s+(?:a|an|another|the|its)?\s*(?:\w+\s+){0,2}(?:seasons?|installments?|instalments?|batch|episodes|series)\b",
        ["CBS ordered a full second season", "the streamer orders another batch"],
        ["fans ordered pizza"],
    ),
    _rule(
        "renew.season-confirmed", _R,
        r"\bseason\s+\w+\s+(?:officially\s+)?confirmed\b|\bseason\s+\w+\s+(?:premiere|release)\s+date\s+(?:is\s+)?(?:officially\s+)?(?:announced|set|revealed|confirmed)\b",
        ["Season 3 officially confirmed", "season two premiere date set"],
        ["season two premiere date rumours"],
    ),
    _rule(
        "renew.joins-season", _R,
        r"\bjoin(?:s|ed|ing)?\s+(?:the\s+cast\s+of\s+)?(?:(?!campaign|petition|push|fight|calls?|fans?|hopes?|race)\S+\s+){0,2}?season\s+\d+\b",
        ["a newcomer joins the cast of season 3", "two actors join Lantern season 2"],
        ["viewers join the campaign for season 2"],
    ),
    _rule(
        "renew.production-on-season", _R,
        r"\b(?:filming|production|shooting|cameras?)\s+(?:is\s+|are\s+|has\s+|have\s+)?(?:now\s+|officially\s+)?(?:begun|begins|began|started|starts|under\s*way|roll(?:s|ing|ed)?|kicked\s+off|kicks\s+off|wrapped|wraps)\s+(?:in\s+[\w ]{1,30}?\s+)?(?:on|for)\s+(?:the\s+)?(?:['\"]?[\w:'.-]+['\"]?\s+){0,3}?(?:season\s+\w+|\w+\s+(?:season|instalment|installment|chapter|outing)|new\s+season|\w+\s+series|series\s+\w+)",
        ["filming has begun on season two", "cameras roll in Belfast on the new season"],
        ["filming began in Toronto last spring"],
    ),
    _rule(
        "renew.season-casts", _R,
        r"\bseason\s+\d+\s+(?:casts|adds|taps|recruits|enlists|books|first\s+look|first-look)\b",
        ["Season 2 casts a new villain", "season 3 first look"],
        ["season 2 cast rumours"],
    ),
    _rule(
        "renew.lands-at-for-season", _R,
        r"\blands?\s+at\s+\S+(?:\s+\S+)?\s+for\s+(?:a\s+)?(?:season\s+\w+|\w+\s+season)\b",
        ["the cancelled drama lands at Netflix for a second season"],
        ["the plane lands at noon"],
    ),
    _rule(
        "renew.season-premieres-on", _R,
        r"\b(?:second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th)|new)\s+season\s+of\s+(?:\S+\s+){1,4}?(?:will\s+)?(?:premiere|debut|arrive|launch|return|drop)s?\s+(?:on\s+)?(?:\w+day|January|February|March|April|May|June|July|August|September|October|November|December|\d|this|next|later|early|in)\b",
        ["the second season of Tidewater will premiere on Thursday"],
        ["the second season of Tidewater was uneven"],
    ),
    _rule(
        "renew.season-order", _R,
        r"\b(?:season|installment)\s+(?:order|pickup|pick-up)\b",
        ["a season order for the comedy", "the installment pickup"],
        ["the season opener"],
    ),
    _rule(
        "renew.coming-back", _R,
        r"\bcom(?:ing|es|e)\s+back\b",
        ["the drama is coming back", "it comes back in spring"],
        ["the coming season"],
        airing=True,
    ),
    _rule(
        "renew.returning", _R,
        r"\b(?:is|are|'s|will\s+be)\s+(?:officially\s+|definitely\s+|now\s+)?returning\b|\breturning\s+for\b",
        ["the thriller is officially returning", "returning for a fourth season"],
        ["a returning champion"],
        airing=True,
    ),
    _rule(
        "renew.a-go", _R,
        r"\b(?:is|are|'s)\s+(?:officially\s+|now\s+)?a\s+go\b|\bget(?:s|ting)?\s+the\s+(?:go-ahead|nod)\b|\bgot\s+the\s+(?:go-ahead|nod)\b",
        ["season three is a go", "the comedy gets the go-ahead", "it got the nod"],
        ["a good run"],
    ),
    _rule(
        "renew.gives-a-season", _R,
        r"\b(?:give[sn]?|gave|giving|hand(?:s|ed|ing)?|award(?:s|ed)?)\s+(?:(?!the\s+(?:boot|chop|axe|hook)\b|after\b|before\b|for\b)\S+\s+){0,4}?(?:a|an|another)\s+(?:\w+\s+)?(?:season|renewal|installment|instalment|series\s+order|run|outing|chapter|batch\s+of\s+episodes)\b",
        ["Apple gave the drama a second season", "the BBC hands it another series order"],
        ["the network gave the drama the boot"],
    ),
    _rule(
        "renew.will-return", _R,
        r"\bwill\s+(?:officially\s+)?return\b|\bset\s+to\s+return\b|\breturns?\s+(?:(?!but\b|and\b)\S+\s+){0,4}?for\s+(?:a|an|another|its|their|the)?\s*(?:\w+\s+)?season\b",
        ["the show will return next fall", "it returns to Hulu for a third season"],
        ["the star returned home"],
        airing=True,
    ),
    _rule(
        "renew.will-be-back", _R,
        r"\bwill\s+be\s+back\b|\bback\s+for\s+(?:a|an|another|its|season)\b",
        ["the crew will be back", "back for another round"],
        ["back in the day"],
        airing=True,
    ),
    _rule(
        "renew.gets-a-season", _R,
        r"\b(?:gets?|getting|got|secures?|secured|securing|lands?|landed|landing|scores?|scored|earns?|earned|nabs?|nabbed|snags?|snagged|wins?|won|receives?|received)\s+(?:a|an|another|its|the)?\s*(?:(?!straight-to-series\b)\w+(?:-\w+)*\s+){0,2}(?:season|renewal|installment|instalment|pickup|order)\b",
        ["the comedy scores a third season", "Marigold lands early renewal", "X lands two-series renewal"],
        ["the actor won an award", "the spinoff received a straight-to-series order"],
    ),
    _rule(
        "renew.gets-season-n", _R,
        r"\bgets?\s+season\s+\d+\b",
        ["Fernhill gets season 4"],
        ["Fernhill gets good reviews"],
    ),
    _rule(
        "renew.renewal-official", _R,
        r"\brenewal\s+(?:is\s+|was\s+|has\s+been\s+)?(?:now\s+)?(?:officially\s+)?(?:official|confirmed|locked|announced)\b",
        ["the renewal is now official", "renewal confirmed"],
        ["renewal hopes"],
    ),
    _rule(
        "renew.renewal-confirms", _R,
        r"\brenewal\b[^.?!]{0,40}?\b(?:makes?\s+it\s+official|it's\s+official|(?<!not\s)(?<!yet\s)confirm(?:s|ed)\s*$)",
        ["the renewal for the drama makes it official", "a renewal, which the network confirms"],
        ["the renewal is not confirmed yet today"],
    ),
    _rule(
        "renew.season-happening", _R,
        r"\bseason\s+\w+(?:\s+of\s+['\"]?[\w' ]{1,40}?['\"]?)?\s+(?:is|has\s+been)\s+(?:officially\s+)?(?:happening|a\s+go|confirmed|on\s+the\s+way|in\s+production|greenlit)\b",
        ["season two of Lockstep is happening", "Season 4 is on the way"],
        ["season two of Lockstep is a mystery"],
    ),
    _rule(
        "renew.production-of-season", _R,
        r"\b(?:production|filming|shooting)\s+(?:on|of|for)\s+(?:the\s+)?(?:season\s+\w+|\w+\s+(?:season|outing|instalment|installment|chapter)|new\s+season)(?:\s+of\s+(?:the\s+)?[\w'&:.-]+(?:\s+[\w'&:.-]+){0,3}?)?\s+(?:has\s+|is\s+)?(?:begun|began|started|starts|begins|will\s+(?:begin|start)|underway|under\s+way|wrapped|kicked\s+off)\b",
        ["production on season 3 has begun", "filming for the new season wrapped"],
        ["production on season 3 is uncertain"],
    ),
    _rule(
        "renew.commissioned", _R,
        r"\bcommission(?:s|ed|ing)?\s+(?:a|an|another|the|its)?\s*(?:\w+\s+){0,2}(?:series|season|run)\b",
        ["the BBC has commissioned a second series", "ITV commissions another run"],
        ["a commissioning editor", "the commission's report on the series finale"],
    ),
    # The show as subject of a production start, the season its object: "X begins filming season 3".
    _rule(
        "renew.begins-shooting-season", _R,
        r"\b(?:begins?|began|starts?|started|kicks?\s+off|kicked\s+off|resumes?|resumed)\s+(?:shooting|filming|production\s+on)\s+(?:its\s+|the\s+)?(?:season\s+\w+|(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|new|next|final|\d+(?:st|nd|rd|th))\s+(?:season|series|instalment|installment|chapter|outing))\b",
        ["the drama begins shooting season 3", "Copperhead begins filming its fourth season"],
        ["the star begins filming a thriller", "filming begins in Tulsa"],
    ),
    _rule(
        "renew.season-in-production", _R,
        r"\b(?:season\s+\w+|(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|new|next|final|last)\s+(?:season|outing|instalment|installment|chapter|series))(?:\s+of\s+['\"]?[\w'&:.-]+(?:\s+[\w'&:.-]+){0,4}?['\"]?)?\s+(?:has\s+)?(?:starts?|started|begins?|began|finished|finishes|wraps?|wrapped|is\s+now|is)\s+(?:shooting|filming|production|in\s+production|under\s*way)\b",
        ["the third outing of Saltcote started filming", "the fourth and last instalment finished shooting",
         "season two begins production"],
        ["the third outing was a letdown", "season two is streaming"],
    ),
    _rule(
        "renew.premiere-set-for-season", _R,
        r"\b(?:sets?|announce[sd]?|reveal(?:s|ed)?|confirm(?:s|ed)?|dates?)\s+(?:\w+\s+){0,3}premiere(?:\s+date)?\s+for\s+(?:season\s+\w+|(?:the\s+)?\w+\s+(?:season|series|outing|instalment|installment))\b",
        ["Apple TV+ sets January 2027 premiere for season three", "Hulu announces premiere date for the fourth season"],
        ["fans guess a premiere for season three"],
    ),
    _rule(
        "renew.confirmed-for-season", _R,
        r"\bconfirmed\s+for\s+(?:a\s+)?(?:season|\w+\s+season)\b",
        ["the comedy is confirmed for a fifth season"],
        ["confirmed for the panel"],
    ),
)  # fmt: skip

CANCEL_RULES: tuple[Rule, ...] = (
    _rule(
        "cancel.canceled", _C,
        # not the adjective of a rescue story: "Netflix Picks Up Canceled Peacock Drama"
        rf"(?=[cC])(?<!\ba\s)(?<!\bthe\s)(?<!\bits\s)\bcancel(?:l)?(?:ed|s|ing)?\b(?!\s+(?:{NETWORKS}\s+)?(?:drama|series|show|comedy|thriller|sitcom)s?\b)",
        ["ABC has cancelled the comedy", "Netflix cancels Quarry Road"],
        ["Netflix picks up canceled Peacock drama", "a canceled show"],
    ),
    _rule(
        "cancel.cancellation-of", _C,
        r"\bcancel(?:l)?ation\s+(?:of|is|was|has\s+been)\b",
        ["the cancellation of the drama", "the cancelation was confirmed"],
        ["cancellation fears"],
    ),
    _rule(
        "cancel.axed", _C,
        r"\baxe[sd]?\b|\baxing\b|\bgets?\s+the\s+axe\b",
        ["Fox axes the sitcom", "the drama gets the axe"],
        ["an axolotl"],
    ),
    _rule(
        "cancel.scrapped", _C,
        r"\bscrap(?:s|ped|ping)\b",
        ["the network scrapped the series"],
        ["scrapbook"],
    ),
    _rule(
        "cancel.pulled-the-plug", _C,
        r"\bpull(?:s|ed|ing)?\s+the\s+plug\b",
        ["Starz pulled the plug on the drama"],
        ["pulled the rug"],
    ),
    _rule(
        "cancel.not-returning", _C,
        r"\b(?:won't|will\s+not|wo\s+not|not|isn't|is\s+not|aren't|won't\s+be|will\s+not\s+be)\s+(?:be\s+)?(?:return(?:ing)?|coming\s+back|come\s+back|back)\b",
        ["the sitcom won't return", "the drama is not coming back"],
        ["the drama will return"],
    ),
    _rule(
        "cancel.not-moving-forward", _C,
        r"\bnot\s+(?:be\s+)?moving\s+forward\b|\b(?:won't|will\s+not)\s+(?:be\s+)?mov(?:e|ing)\s+forward\b|\bnot\s+to\s+move\s+forward\b",
        ["the network is not moving forward with the series", "decided not to move forward",
         "Peacock will not move forward with a second season"],
        ["the network is moving forward"],
    ),
    _rule(
        "cancel.decided-not-to", _C,
        r"\b(?:opted|decided|chose|chosen|elected)\s+not\s+to\s+(?:renew|continue|proceed|move\s+forward|bring)\b|\bdeclined\s+to\s+renew\b|\bpass(?:ed|es)?\s+on\s+(?:a\s+)?(?:season|\w+\s+season|renewing)\b",
        ["the streamer opted not to renew", "CBS passed on a third season"],
        ["the streamer opted to renew"],
    ),
    _rule(
        "cancel.reversed-renewal", _C,
        r"\brevers(?:es|ed|ing|al)\s+(?:of\s+)?(?:its|the|their)\s+(?:\w+\s+){0,3}(?:renewal|decision\s+to\s+renew|order|pickup)\b|\brescind(?:s|ed)\b|\bunrenew(?:s|ed)\b",
        ["the network reversed its earlier renewal", "Max unrenews the comedy"],
        ["a reversal of fortune"],
    ),
    _rule(
        "cancel.not-bringing-back", _C,
        r"\b(?:not|won't|will\s+not|isn't|is\s+not)\s+(?:be\s+)?bring(?:ing)?\s+(?:\S+\s+){0,4}back\b",
        ["Hulu is not bringing the drama back"],
        ["Hulu is bringing the drama back"],
    ),
    _rule(
        "cancel.pulled-the-order", _C,
        r"\bpull(?:s|ed|ing)?\s+(?:the|its|their)\s+(?:\w+\s+)?(?:order|renewal|pickup|season)\b|\bun-?order(?:s|ed)?\b",
        ["Netflix pulled the order", "season two was ordered, then un-ordered"],
        ["the network pulled the trailer"],
    ),
    _rule(
        "cancel.season-is-dead", _C,
        r"\b(?:season|series)\s+\w+\s+is\s+(?:officially\s+)?(?:dead|over|done|scrapped)\b(?!\s+(?:filming|shooting|airing|streaming|with))",
        ["Netflix confirms Lantern season 2 is dead", "series three is officially over"],
        ["season 2 is done filming"],
    ),
    _rule(
        "cancel.over-after", _C,
        r"\b(?:is|are)\s+(?:officially\s+)?(?:over|done)\s+after\b|\bdone\s+after\s+(?:one|two|three|\w+)\s+seasons?\b",
        ["the comedy is over after two seasons", "done after three seasons"],
        ["the game is over"],
    ),
    _rule(
        "cancel.final-season", _C,
        r"\b(?:will\s+be|would\s+be|is)\s+(?:its|the|their)\s+(?:final|last)\b|\bfinal\s+(?:season|series)\b|\bend\s+of\s+the\s+(?:line|road)\b|\blast-ever\b|\bfarewell\s+(?:season|series|run|outing)\b|(?=[itIT])(?<!\bin\s)(?<!\bduring\s)(?<!\bfrom\s)(?<!\bsince\s)(?<!\bover\s)\b(?:its|their|the)\s+last\s+(?:season|series)\b|\b(?:and|its)\s+final\s+(?:installment|instalment|chapter|run|outing)\b",
        ["season four will be its last", "the final season", "its fifth and final chapter",
         "the fourth season would be its last", "season three is the end of the line", "its farewell season"],
        ["in the last season the cast grew", "the final episode"],
    ),
    _rule(
        "cancel.will-end", _C,
        r"\b(?:will|would|to|set\s+to)\s+(?:officially\s+)?end\b|\bis\s+ending\b|\b(?:wrap|conclude|end)(?:s|ed|d)?\s+(?:(?!with\b)\S+\s+){0,4}?with\s+(?:its|the)\s+\w+\s+(?:season|series|instalment|installment|chapter|outing|run)\b|\bcom(?:es|ing)\s+to\s+an\s+end\b|\bend(?:s|ed)?\s+(?:its\s+run|after)\b|\bwrap(?:s|ped)?\s+(?:up\s+)?its\s+run\b",
        ["the drama will end with its fourth season", "the comedy is ending", "it wraps up its run",
         "the comedy wraps with its fourth season", "it concluded with its third series"],
        ["the weekend"],
    ),
    _rule(
        "cancel.there-is-no-season", _C,
        rf"\bthere\s+(?:will\s+be|won't\s+be|would\s+be|is)\s+no\s+(?:\S+\s+){{0,2}}?(?:season\s+\d+|\w+\s+season(?!\s+\d)|season(?!\s+\d)|more\s+seasons?)\b{_NOT_THE_SEASON}",
        ["there will be no third season", "there is no season 3 coming", "she said there would be no third season"],
        ["there is no season 3 trailer yet"],
    ),
    # The negated existence of a season, with an article where the rule above has "no".
    _rule(
        "cancel.there-wont-be-a-season", _C,
        rf"\bthere\s+(?:won't|will\s+not|wouldn't|would\s+not|isn't\s+going\s+to)\s+be\s+(?:a|an|another)\s+(?:\S+\s+){{0,2}}?(?:season\s+\d+|\w+\s+season(?!\s+\d)|season(?!\s+\d))\b{_NOT_THE_SEASON}",
        ["there won't be a season 5", "there won't be a Gravel Road season 4", "there will not be a third season"],
        ["there won't be a season 3 trailer until May", "there will be a third season"],
    ),
    # A maker's negated making of a season: "HBO will not make a second season of X".
    _rule(
        "cancel.wont-make-a-season", _C,
        r"\b(?:won't|will\s+not|wouldn't|would\s+not|isn't\s+going\s+to|is\s+not\s+going\s+to)\s+(?:make|produce|order|do|film|shoot)\s+(?:a|an|another)\s+(?:\w+\s+)?(?:season|series)\b",
        ["HBO won't make a second season", "the network will not order another season"],
        ["HBO will not make a call on a second season", "HBO will make a second season"],
    ),
    # A decision against a season: the object of "against" is what will not be made.
    _rule(
        "cancel.decided-against", _C,
        r"\b(?:decided|decides|deciding|opted|opts|chose|chosen|ruled)\s+against\s+(?:a|an|another|any)\s+(?:\w+\s+)?(?:season|series|renewal)\b",
        ["Netflix decided against a third season", "the channel ruled against another series"],
        ["the network decided on a third season"],
    ),
    # A last season in another tense or with an adverb: "its second season was always its last",
    # "season 5 will reportedly be its last", "turned out to be its final one".
    _rule(
        "cancel.season-was-its-last", _C,
        r"\b(?:season|series|instalment|installment|chapter|outing)\s+(?:\w+\s+)?(?:of\s+(?:the\s+)?[\w'&:.-]+(?:\s+[\w'&:.-]+){0,3}?\s+)?(?:was|were|has\s+been|had\s+been|turned\s+out\s+to\s+be|proved\s+to\s+be|(?:will|would)\s+\w+ly\s+be|is\s+\w+ly)\s+(?:always\s+)?(?:its|the|their)\s+(?:final|last)\b(?!\s+(?:to|of|time)\b)",
        ["the second season was always its last", "Season 5 Will Reportedly Be Its Last",
         "the third season turned out to be its final one",
         "the fourth series of the crime drama will apparently be the final one"],
        ["the second season was the last to film there", "the season was the last of the old studio"],
    ),
    # A copular last season: "the fourth season is the end" (not "the end of the episode").
    _rule(
        "cancel.season-is-the-end", _C,
        r"\b(?:season|series|instalment|installment|chapter)\s+(?:[\w'-]+\s+){0,4}?(?:is|will\s+be|would\s+be)\s+(?:the|its|their)\s+end\b(?!\s+of\b)",
        ["the fourth season is the end", "season 5 will be the end for the family",
         "the fourth season of the drama is the end"],
        ["season 2 is the end of an era", "the season is the end of the story arc"],
    ),
    _rule(
        "cancel.season-not-happening", _C,
        r"\b(?:season|series)\s+\w+\s+(?:is\s+|isn't\s+|is\s+officially\s+)?(?:not\s+happening|isn't\s+happening|won't\s+happen|will\s+not\s+happen|off\s+the\s+table)\b",
        ["season 3 is not happening", "series two is off the table"],
        ["season 3 is happening"],
    ),
    _rule(
        "cancel.no-season-n", _C,
        rf"^\W*no\s+(?:\S+\s+){{0,3}}?season\s+\d+\b{_NOT_THE_SEASON}",
        ["No season 3 for the drama"],
        ["No season 3 trailer yet", "there is news of no season 3"],
    ),
    _rule(
        "cancel.wont-get-a-season", _C,
        r"\bwon't\s+(?:get|see)\s+(?:a|an|another)\s+(?:\w+\s+)?season\b|\bnot\s+(?:getting|get)\s+(?:a|an|another)\s+(?:\w+\s+)?season\b",
        ["the show won't get a third season", "it is not getting another season"],
        ["the show will get a third season"],
    ),
    _rule(
        "cancel.axe-fell", _C,
        r"\bone\s+and\s+done\b|\b(?:the\s+)?axe\s+(?:has\s+)?f[ae]ll(?:s|en)?\b|\bcall(?:s|ed|ing)?\s+it\s+quits\b",
        ["the axe has fallen on the sitcom", "the network calls it quits", "one and done"],
        ["the axe is hanging over it"],
    ),
    _rule(
        "cancel.got-the-boot", _C,
        r"\b(?:gets?|getting|got|given|been\s+given)\s+the\s+(?:boot|chop|hook)\b|\b(?:give[sn]?|gave|giving)\s+(?:\S+\s+){0,3}?the\s+(?:boot|chop|hook|axe)\b|\bdiscontinu(?:e|es|ed|ing)\b",
        ["the comedy got the chop", "Fox gave the sitcom the boot", "the series was discontinued"],
        ["the boot camp episode"],
    ),
    _rule(
        "cancel.not-continuing", _C,
        r"\b(?:won't|will\s+not|not)\s+(?:be\s+)?continu(?:e|ing)\b",
        ["the series will not continue", "the drama is not continuing"],
        ["the drama will continue"],
    ),
)  # fmt: skip

# A renewal verb negated in the future or simple past is a cancellation ("won't be renewed").
NEGATED_RENEWAL_RULES: tuple[Rule, ...] = (
    _rule(
        "negated-renewal.wont-be-renewed", RuleKind.NEGATED_RENEWAL,
        r"\b(?:won't|will\s+not|wasn't|was\s+not|didn't|did\s+not|isn't\s+going\s+to|is\s+not\s+going\s+to|not\s+to)\s+(?:be\s+)?(?:re-?new|pick|green|order|return|come\s+back|be\s+back)",
        ["the drama won't be renewed", "Fox decided not to renew", "it was not picked up"],
        ["the drama will be renewed", "it has not been renewed yet"],
    ),
)  # fmt: skip
