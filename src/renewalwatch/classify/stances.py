"""The stance rules: language that takes a stated decision back (hedging, not-yet, denial) or
makes a headline a question. One named row each, with examples the tests run."""

from __future__ import annotations

from renewalwatch.classify.rules import Rule, RuleKind, _rule

_H, _N, _D, _Q = RuleKind.HEDGE, RuleKind.NOT_YET, RuleKind.DENIAL, RuleKind.QUESTION

HEDGE_RULES: tuple[Rule, ...] = (
    _rule("hedge.modal", _H, r"\b(?-i:may)\b(?!\s+\d)|\b(?:could|might|would|should|likely|unlikely|probably|possibly|perhaps|maybe|potential(?:ly)?)\b",
          ["the drama could be renewed", "a renewal is likely"], ["premieres May 4", "the show was renewed"]),
    _rule("hedge.facing-the-axe", _H, r"\bfac(?:e|es|ing)\s+(?:the\s+)?(?:axe|chop|cancel\w*|the\s+end)|\bchopping\s+block\b|\bon\s+thin\s+ice\b",
          ["the comedy faces the axe", "it is on the chopping block"], ["the comedy got the axe"]),
    _rule("hedge.moving-toward", _H, r"\bmov(?:e|es|ing)\s+toward|\blean(?:s|ing)?\s+toward|\bclose\s+to\s+(?:a\s+)?(?:deal|decision|renew|order)|\bnearing\b|\bon\s+the\s+verge\b",
          ["the network is close to a deal", "it is nearing a renewal"], ["the network closed the deal"]),
    _rule("hedge.expected", _H, r"\bexpected\s+to\b|\bexpect(?:s|ing)?\b|\banticipat\w+|\bpoised\s+to\b|\bon\s+track\s+to\b",
          ["the drama is expected to return", "it is poised to be renewed"], ["an unexpectedly strong finale"]),
    _rule("hedge.hope", _H, r"\bhop(?:e|es|ed|ing|eful|efully)\b|\bwish\w*|\bwant(?:s|ed)?\b|\bpray\w*|\bfingers\s+crossed\b",
          ["fans hope it comes back", "the cast wants another season"], ["the hopper scene"]),
    _rule("hedge.belief", _H, r"\b(?:we|i)\s+(?:think|believe|bet|suspect|reckon|predict|guess)\b|\bbelieve[sd]?\b|\bpredict\w*",
          ["we think it will return", "critics predict a renewal"], ["they thought about it"]),
    _rule("hedge.social-media", _H, r"\bsocial\s+media\b|\bwebsites?\b|\bfan\s+(?:accounts?|sites?|pages?|theor\w+)\b|\bviral\b|\bposts?\b|\bposted\b|\bforums?\b|\bscreenshots?\b|\bTikTok\b|\bReddit\b",
          ["a claim on social media", "a viral post says it is renewed"], ["the press room"]),
    _rule("hedge.asking", _H, r"\bask(?:s|ed|ing)?\b|\burg(?:e|es|ed|ing)\b|\bbeg(?:s|ged|ging)?\b|\bdemand\w*|\bplead\w*|\bdeclar(?:e|es|ed|ing)\b",
          ["fans urge the network to renew it", "viewers demand a third season"], ["the begonia garden"]),
    _rule("hedge.claim", _H, r"\bclaim(?:s|ed|ing)?\b|\balleg\w+|\bsupposedly\b|\bpurportedly\b|\bfear\w*|\bworr\w+|\bthreat\w*|\blooming\b",
          ["a blog claims it was canceled", "fans fear cancellation"], ["the claimant's lawyer"]),
    _rule("hedge.rumour", _H, r"\bspeculat\w+|\brumou?r\w*|\bbuzz\b|\bchatter\b|\bgossip\b|\bwhisper\w*",
          ["rumours of a renewal", "speculation about season 3"], ["the buzzer sounded"]),
    _rule("hedge.in-talks", _H, r"\bin\s+(?:the\s+works|(?:[a-z]+\s+)?(?:talks|negotiations|discussions)|development)\b|\bnegotiat\w+|\bdiscuss\w*",
          ["a third season is in the works", "the studio is negotiating", "the network is in early talks to renew it"],
          ["the talk show", "in talk radio"]),
    _rule("hedge.hint", _H, r"\bsuggest\w*|\bhint\w*|\bteas(?:e|es|ed|ing)\b|\bindicat\w+|\bsignal\w*|\bimpl(?:y|ies|ied)\b",
          ["the star hinted at a return", "the finale teases season 2"], ["the hand-painted titles"]),
    _rule("hedge.seems", _H, r"\bseems?\b|\bappears?\b|\blooks?\s+(?:like|likely|set|good|promising|as\s+if)\b|\bsounds?\s+like\b",
          ["it seems the show is coming back", "a renewal looks likely"], ["the look of the show"]),
    _rule("hedge.odds", _H, r"\bodds\b|\bchances?\b|\bon\s+the\s+bubble\b|\bin\s+danger\b|\bat\s+risk\b|\bfate\b|\bfuture\b",
          ["the odds of a renewal", "the drama's fate"], ["a chancellor"]),
    _rule("hedge.condition", _H, r"\bif\b|\bwhether\b|\bunless\b|\bin\s+case\b|\bonce\b(?!\s+(?:more|again)\b)",
          ["if it is renewed", "whether it comes back", "once it is renewed"],
          ["the iffy pilot", "renewed once more"]),
    _rule("hedge.campaign", _H, r"\bpetition\w*|\bcampaign\w*|\bpush(?:ing)?\s+for\b|\bsave\s+\w+\b|\bcalls?\s+for\b|\bdeserves?\b|\bneeds?\s+to\b",
          ["a petition to renew it", "the show deserves a third season"], ["the savings plan"]),
    _rule("hedge.planning", _H, r"\bwould\s+love\b|\bplans?\s+to\b|\bplanning\b|\bconsider\w*|\bweigh\w*|\bmulling\b|\bbrainstorm\w*",
          ["the network is weighing a renewal", "the writers plan to return"], ["the plane landed"]),
    _rule("hedge.when-it-returns", _H, r"\bwhen\s+(?:it|the\s+show|the\s+series)\s+returns\b",
          ["when the show returns"], ["the show returns"]),
)  # fmt: skip

QUESTION_RULES: tuple[Rule, ...] = (
    _rule("question.what-we-know", _Q, r"\beverything\s+(?:we|you)\s+know\b|\bwhat\s+(?:we|you)\s+know\b|\bwhat\s+to\s+(?:expect|know)\b",
          ["Season 2: everything we know", "what to expect"], ["we know the answer"]),
    _rule("question.renewal-status", _Q, r"\brenewal\s+(?:status|odds|hopes|chances|update|news|watch)\b|\bexplained\b|\bstatus\s+update\b",
          ["season 3 renewal status", "the ending explained"], ["the renewal is official"]),
    _rule("question.release-date", _Q, r"\brelease\s+date\b(?!\s+(?:set|announced|revealed|confirmed))|\bpredictions?\b|\blatest\s+(?:news|updates?)\b",
          ["season 2 release date and cast", "latest news"], ["release date set for May"]),
    _rule("question.cancellation-fears", _Q, r"\bcancel(?:l)?ation\s+(?:fears|watch|odds|risk|status|rumou?rs?)\b|\bfans?\s+(?:react|demand|beg)\b",
          ["cancellation fears grow", "fans react"], ["the cancellation of the show"]),
)  # fmt: skip

DENIAL_RULES: tuple[Rule, ...] = (
    _rule("denial.denies", _D, r"\bden(?:y|ies|ied|ying|ials?)\b|\brefut\w+|\bdismiss\w+|\bdebunk\w*|\bshot\s+down\b|\bshoots\s+down\b",
          ["the network denied it was canceled", "the showrunner shot down the rumour"], ["a dense plot"]),
    _rule("denial.false", _D, r"\bpush(?:ed|es|ing)?\s+back\s+(?:on|against)\b|\b(?:false|untrue|not\s+true|unfounded|baseless|fake|hoax|misinformation)\b",
          ["the report is false", "the studio pushed back on the report"], ["the studio pushed the premiere back"]),
    _rule("denial.disputes", _D, r"\bdisput(?:e|es|ed|ing)\b|\b(?:respond|react|address|clarif)\w*\s+(?:to\s+)?(?:the\s+)?(?:reports?|rumou?rs?|claims?|speculation)\b|\bset\s+the\s+record\s+straight\b",
          ["the network disputes the story", "the star addressed the rumours"], ["the star addressed the crowd"]),
    _rule("denial.inaccurate", _D, r"\binaccurate\b|\bincorrect\b|\bwrong\b|\bpremature\b|\bmisleading\b|\bnot\s+the\s+case\b|\bnot\s+accurate\b",
          ["reports of a cancellation are premature", "that is not the case"], ["the case of the missing heir"]),
    _rule("denial.not-canceled", _D, r"\bno\s+truth\b|\bnot\s+(?:been\s+)?(?:canceled|cancelled)\b",
          ["the show has not been canceled", "there is no truth to it"], ["the show has been canceled"]),
)  # fmt: skip

NOT_YET_RULES: tuple[Rule, ...] = (
    _rule("not-yet.yet-to-be", _N, r"\byet\s+to\s+be\s+(?:officially\s+)?(?:confirmed|announced|renewed|canceled|cancelled|decided|picked|greenlit|determined|made\s+official)\b",
          ["the show has yet to be renewed", "a third season is yet to be confirmed"], ["the show has been renewed"]),
    _rule("not-yet.not-confirmed", _N, r"\b(?:not|never)\s+(?:yet\s+)?(?:been\s+)?(?:officially\s+)?(?:confirmed|announced)\b",
          ["a renewal has not been confirmed", "never officially announced"], ["it was confirmed"]),
    _rule("not-yet.no-word", _N, r"\bno\s+(?:official\s+)?(?:word|announcement|confirmation|decision|news|update)\b",
          ["there is no official word", "no decision has been made"], ["the word is out"]),
    _rule("not-yet.undecided", _N, r"\bunconfirmed\b|\bundecided\b|\bup\s+in\s+the\s+air\b|\bremains?\s+to\s+be\s+seen\b|\bradio\s+silence\b",
          ["its future is up in the air", "it remains to be seen"], ["the air date"]),
    _rule("not-yet.in-limbo", _N, r"\bstill\s+(?:waiting|awaiting|hoping|unknown|unclear|undecided|in\s+limbo)\b|\bin\s+limbo\b|\bunclear\b|\bunknown\b",
          ["the drama is in limbo", "it is unclear whether"], ["the limbo dance"]),
    _rule("not-yet.awaits", _N, r"\bawait(?:s|ing)?\s+(?:a|word|news|the|its|their|an|official|renewal|decision)\b",
          ["the cast awaits word", "awaiting a decision"], ["the awaited return happened"]),
    _rule("not-yet.hasnt-said", _N, r"\b(?:hasn't|has\s+not|haven't|have\s+not|didn't|did\s+not|won't|would\s+not|wouldn't)\s+(?:yet\s+)?(?:said|say|revealed|reveal|indicated|commit(?:ted)?)\b",
          ["the network hasn't said", "Hulu would not commit"], ["the network has said"]),
    _rule("not-yet.hasnt-decided", _N, r"\b(?:hasn't|has\s+not|haven't|have\s+not)\s+(?:yet\s+)?(?:officially\s+)?(?:renewed|canceled|cancelled|decided|confirmed|announced|greenlit|picked)\b",
          ["CBS hasn't renewed it yet", "the streamer has not decided"], ["CBS has renewed it"]),
    _rule("not-yet.yet-to", _N, r"\byet\s+to\s+(?:officially\s+)?\w+|\bno\s+decision\b|\bTBD\b",
          ["the network has yet to weigh in", "season 3: TBD"], ["not yet"]),
    _rule("not-yet.wont-say", _N, r"(?:n't|\bnot|\bnever|\bdeclined\s+to|\brefused\s+to)\s+(?:\w+\s+){0,3}?(?:say|confirm|announce|reveal|commit|tell|disclose|discuss|share)\b",
          ["the studio declined to confirm", "she wouldn't say whether"], ["she said it was renewed"]),
)  # fmt: skip
