"""The classifier as a specification: the corpus figures, and one test per principle of language."""

from __future__ import annotations

from pathlib import Path

import pytest

from renewalwatch.classify import classify
from renewalwatch.evaluate import Case, evaluate, load_corpus, run_case
from renewalwatch.models import Trust, Verdict, Watch

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
BALLARD = Watch("Ballard", 2, network="Prime Video")


def test_corpus_has_no_false_alert_and_recall_of_at_least_095() -> None:
    report = evaluate(CORPUS)
    assert len(report.outcomes) >= 200
    assert [o.case.id for o in report.false_alerts] == []
    assert report.recall(Verdict.RENEWED) >= 0.95
    assert report.recall(Verdict.CANCELED) >= 0.95
    assert report.official_accuracy >= 0.95


@pytest.mark.parametrize("case", load_corpus(CORPUS), ids=lambda c: c.id)
def test_case_never_alerts_wrongly(case: Case) -> None:
    got = run_case(case).got
    if got.verdict.decisive:
        assert got.verdict is case.verdict, f"{case.reason} / decided by {got.rule}: {got.sentence!r}"


def verdict(title: str, body: str = "", watch: Watch = BALLARD, trust: Trust = Trust.OTHER) -> Verdict:
    return classify(title, body, watch, trust).verdict


LANGUAGE_PRINCIPLES: list[tuple[str, str, Verdict]] = [
    # negation and not-yet
    ("Ballard has yet to be renewed for season 2", "The Prime Video series is popular.", Verdict.PENDING),
    ("Prime Video hasn't renewed Ballard", "The streaming series is in limbo.", Verdict.PENDING),
    (
        "Ballard news",
        "Ballard has not been renewed for a second season on Prime Video, and there is no official word.",
        Verdict.PENDING,
    ),
    ("Ballard will not be renewed for season 2, Prime Video said in a statement", "", Verdict.CANCELED),
    # hedging and hope
    ("Ballard could be renewed for season 2", "The Prime Video series is a hit.", Verdict.PENDING),
    ("Ballard is expected to return for a second season", "The streaming drama did well.", Verdict.PENDING),
    (
        "Fans hope Ballard will be back for season 2",
        "The Prime Video drama ended on a cliffhanger.",
        Verdict.PENDING,
    ),
    # questions: the body decides
    ("Has Ballard been renewed for season 2?", "The Prime Video series awaits a decision.", Verdict.PENDING),
    (
        "Will there be a Ballard season 2?",
        "Yes: Prime Video announced today it has renewed the series.",
        Verdict.RENEWED,
    ),
    # denial
    (
        "Prime Video denies reports that Ballard has been canceled",
        "The series is under review.",
        Verdict.PENDING,
    ),
    # vocabulary
    ("Prime Video picks up Ballard for a second season", "", Verdict.RENEWED),
    ("Ballard gets the green light for season 2 at Prime Video", "", Verdict.RENEWED),
    ("Prime Video axes Ballard after one season", "", Verdict.CANCELED),
    ("Ballard won't return for a second season on Prime Video", "", Verdict.CANCELED),
    (
        "Prime Video reverses its Ballard renewal",
        "The streaming series will not go ahead with season 2.",
        Verdict.CANCELED,
    ),
]


SEASON_TARGETING: list[tuple[str, str, Verdict]] = [
    ("Ballard renewed for season 3 at Prime Video", "", Verdict.UNRELATED),  # another season
    ("Prime Video renews Ballard through season 4", "", Verdict.RENEWED),  # a range holds it
    (
        "Ballard's second and final season is coming to Prime Video",
        "The series was renewed.",
        Verdict.RENEWED,
    ),
    ("Prime Video renews Ballard for a sophomore season", "", Verdict.RENEWED),
]


def test_final_season_before_the_watched_one_is_a_cancellation() -> None:
    watch = Watch("Ballard", 3, network="Prime Video")
    assert (
        verdict("Season 2 will be the final season of Ballard, Prime Video announced", "", watch)
        is Verdict.CANCELED
    )


def test_recap_of_an_old_renewal_is_stale() -> None:
    c = classify(
        "Ballard season 2 gets a premiere date",
        "Ballard was renewed last October, after its first season did well on Prime Video.",
        BALLARD,
    )
    assert c.verdict is Verdict.RENEWED
    assert c.stale


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "Ballard Power Systems renews supply deal",
            "The fuel-cell maker renewed its contract with a bus company.",
        ),
        (
            "Reacher renewed for season 4 at Prime Video",
            "Elsewhere, Ballard fans are still waiting for news.",
        ),
        ("Linebacker Devon Ballard will return for a second season", "The team announced the extension."),
        (
            "Bosch: Legacy renewed for season 3",
            "The Prime Video series stars Titus Welliver. Ballard is a separate show.",
        ),
        (
            "Ballard night market is coming back for a second season",
            "Organizers confirmed the street closure.",
        ),
    ],
)
def test_the_show_must_be_the_subject(title: str, body: str) -> None:
    assert not verdict(title, body).decisive


def test_attribution_is_reported_even_when_it_says_officially() -> None:
    c = classify(
        "Ballard officially renewed for season 2, sources say", "Prime Video declined to comment.", BALLARD
    )
    assert (c.verdict, c.official) == (Verdict.RENEWED, False)


def test_a_network_statement_is_official() -> None:
    c = classify(
        "Prime Video renews Ballard for season 2",
        "The streamer announced the renewal on Tuesday in a statement.",
        BALLARD,
    )
    assert (c.verdict, c.official) == (Verdict.RENEWED, True)


def test_trust_official_makes_it_official() -> None:
    c = classify(
        "Ballard returns for season 2", "Prime Video has renewed the series.", BALLARD, Trust.OFFICIAL
    )
    assert c.official


def test_exclude_terms_and_aliases() -> None:
    watch = Watch("Ballard", 2, aliases=("Renée Ballard series",), exclude=("Ballard Designs",))
    assert (
        verdict("Ballard Designs renewed for a second season of its TV ad campaign", "", watch)
        is Verdict.UNRELATED
    )


def test_explanation_names_the_rule_and_sentence() -> None:
    c = classify("Prime Video renews Ballard for season 2", "", BALLARD)
    assert c.rule == "renew.renewed" and c.trigger == "renews"
    assert c.sentence == "Prime Video renews Ballard for season 2"


# Training rounds: corpora first written apart from the rules as holdouts, scored once, then tuned
# against (so their figures are training figures). name -> least recall (renewed, canceled).
# round5 is mostly decision words used in other senses; its few real decisions are the arguable
# ones (a "straight-to-series" order, seasons 3 and 4).
ROUNDS = {
    "round1-house-styles": (0.9, 0.85),
    "round2-adversarial": (0.9, 0.85),
    "round3-feed-items": (0.9, 0.85),
    "round4-explainers": (0.9, 0.85),
    "round5-other-senses": (0.7, 0.85),
    "round6-setA": (0.85, 0.85),
    "round7-principles": (0.9, 0.9),
    # set B after its one blind first run (0.780 / 0.700 then); folded in with round 9's principles
    "round8-setB": (0.75, 0.85),
    "round9-principles": (0.9, 0.9),
    # set C after its one blind first run at 5085076 (0.848 / 0.926 then); folded in with round 11's
    "round10-setC": (0.9, 0.9),
    "round11-principles": (0.95, 0.95),
}


@pytest.mark.parametrize("round_name", ROUNDS)
def test_training_round_has_no_false_alert(round_name: str) -> None:
    """Corpora written by others who never saw the classifier or the first corpus."""
    report = evaluate(Path(__file__).parent / "fixtures" / "training" / round_name)
    assert len(report.outcomes) >= 20
    assert [o.case.id for o in report.false_alerts] == []
    least_renewed, least_canceled = ROUNDS[round_name]
    assert report.recall(Verdict.RENEWED) >= least_renewed
    assert report.recall(Verdict.CANCELED) >= least_canceled


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Prime Video has handed Ballard a second season", Verdict.RENEWED),
        ("Ballard is officially a go for season 2 at Prime Video", Verdict.RENEWED),
        ("Season 2 of Ballard is officially happening at Prime Video", Verdict.RENEWED),
        ("Ballard is officially returning for season 2 on Prime Video", Verdict.RENEWED),
        ("Ballard has been given the boot at Prime Video", Verdict.CANCELED),
        ("The axe has fallen on Ballard at Prime Video", Verdict.CANCELED),
        ("Prime Video will not be continuing Ballard", Verdict.CANCELED),
        ("Prime Video gave Ballard the boot after a single season", Verdict.CANCELED),
        ("Prime Video has yet to give Ballard a second season", Verdict.PENDING),
        ("Ballard Season 2 Renewal Confirmed by Prime Video", Verdict.RENEWED),
        ("Ballard Season 2 Renewal: Prime Video Makes It Official", Verdict.RENEWED),
        ("Ballard Season 2 Renewal Not Yet Confirmed at Prime Video", Verdict.PENDING),
        ("Ballard season 2 renewal odds at Prime Video", Verdict.PENDING),
    ],
)
def test_trade_idioms(title: str, expected: Verdict) -> None:
    assert verdict(title) is expected


def test_an_actor_leaving_is_not_the_show_ending() -> None:
    assert not verdict(
        "Maggie Q won't return for Ballard season 2", "The star is leaving the Prime Video series."
    ).decisive


def test_a_subheading_that_asks_is_a_question_even_without_a_question_mark() -> None:
    body = "Has Ballard Been Renewed for Season 2\nThe Prime Video series is in limbo."
    assert verdict("Ballard: what we know", body) is Verdict.PENDING


WHAT_THE_NAME_BELONGS_TO: list[tuple[str, str, Verdict]] = [
    # the name modifies another subject: a sister show, a star, a producer
    ("Prime Video renews Ballard's sister show Bosch: Legacy", "", Verdict.UNRELATED),
    (
        "Maggie Q joins a thriller",
        "Ballard star Maggie Q joins a Netflix series that has been renewed for season 2.",
        Verdict.UNRELATED,
    ),
    (
        "Ballard producer's next show ordered to series at Netflix",
        "The Netflix drama gets an order.",
        Verdict.UNRELATED,
    ),
    # "Name: ..." in a headline is not a longer title like "Bosch: Legacy"
    ("Ballard: Season 2 is officially happening, Prime Video confirms", "", Verdict.RENEWED),
    ("Ballard's been renewed for season 2 at Prime Video", "", Verdict.RENEWED),
    # a premiere date for the watched season implies it was renewed
    (
        "Ballard season 2 premiere date set",
        "Prime Video announced that Ballard returns July 10 for its second season.",
        Verdict.RENEWED,
    ),
]


MORE_LANGUAGE_PRINCIPLES: list[tuple[str, str, Verdict]] = [
    # "last season" is usually a time, not the final season
    ("Doc on Fox", "Doc was Fox's biggest new series last season.", Verdict.UNRELATED),
    # an actor leaving, named in a relative clause about the show
    (
        "Cast news",
        "Reggie Castellanos, who played Mo in Ballard on Prime Video, will not return as a series regular.",
        Verdict.UNRELATED,
    ),
    # a withheld statement is not a statement
    (
        "Ballard at TCA",
        "The Prime Video executive wasn't ready to say Ballard is coming back for a second season.",
        Verdict.PENDING,
    ),
    # someone else's passive news near a mention
    (
        "Ballard waits",
        "Ballard fans are restless on Prime Video, and Reacher was renewed before it premiered.",
        Verdict.UNRELATED,
    ),
    # the month May is not the modal "may"
    ("Ballard ends", "Prime Video canceled Ballard in May after one season.", Verdict.CANCELED),
]


def test_a_show_named_like_a_hedge_is_not_one() -> None:
    watch = Watch("High Potential", 3, network="ABC")
    body = (
        "ABC announced Thursday that High Potential, the crime dramedy about a single mom with a high IQ "
        "who consults for the police, has been renewed for a third season."
    )
    assert verdict("ABC renewals", body, watch) is Verdict.RENEWED


def test_a_scorecard_section_decides_under_its_heading() -> None:
    body = "Reacher\nRENEWED\nSeason 4 is coming.\nBallard\nCANCELED\nPrime Video pulled the plug on the Maggie Q drama after one season.\nCross\nRENEWED\nA third season is ordered."
    c = classify("Every Prime Video show's status", body, BALLARD)
    assert c.verdict is Verdict.CANCELED


def test_a_report_the_network_pushes_back_on_is_denied() -> None:
    watch = Watch("Wednesday", 3, network="Netflix")
    body = "Netflix is pushing back on a report that Wednesday's upcoming third season will be its last."
    assert verdict("Netflix responds", body, watch) is Verdict.PENDING


FEED_HEADLINE_STYLES: list[tuple[str, str, Verdict]] = [
    ("It's official: Ballard season 2 confirmed by Prime Video", "", Verdict.RENEWED),
    ("No Ballard season 2: Prime Video cancels Bosch spinoff", "", Verdict.CANCELED),
    (
        "Ballard season 2 fate revealed",
        "Prime Video has decided not to move forward with the series.",
        Verdict.CANCELED,
    ),
    (
        "Cameras are rolling on Ballard season 2",
        "Production has begun on the Prime Video series.",
        Verdict.RENEWED,
    ),
    (
        "Titus Welliver joins Ballard season 2",
        "The Bosch star will guest in the Prime Video series.",
        Verdict.RENEWED,
    ),
    (
        "Ballard season 2 premiere date announced by Prime Video",
        "The series returns March 5.",
        Verdict.RENEWED,
    ),
    ("Ballard: Prime Video picks up second season of Bosch spinoff", "", Verdict.RENEWED),
    ("Ballard to end after two seasons", "Prime Video says season 2 will be the last.", Verdict.RENEWED),
    ("Fans join the push for Ballard season 2", "A petition to Prime Video is growing.", Verdict.PENDING),
    ("Is Ballard season 2 confirmed?", "The Prime Video series is popular.", Verdict.PENDING),
    ("Ballard season 2 not confirmed yet", "The Prime Video series is in limbo.", Verdict.PENDING),
]


PREMIERES_CASTINGS_AND_RESPONSES: list[tuple[str, str, Verdict]] = [
    (
        "Cameras Are Rolling on 'Ballard' Season 2",
        "Production is officially under way on the Prime Video series.",
        Verdict.RENEWED,
    ),
    ("'Ballard' Season 2 Casts Three", "The Prime Video series adds to its cast.", Verdict.RENEWED),
    ("Ballard season 2 first look", "The Prime Video series returns in February.", Verdict.RENEWED),
    (
        "Prime Video dates Ballard",
        "The second season of Ballard will premiere Friday, April 16, on Prime Video.",
        Verdict.RENEWED,
    ),
    ("Ballard season 2 not happening, Prime Video confirms", "", Verdict.CANCELED),
    (
        "Prime Video responds to reports",
        "Prime Video has responded to reports that Ballard has been cancelled after one season.",
        Verdict.PENDING,
    ),
    (
        "J.G. Ballard adaptation renewed",
        "Ballard's 1962 novel has been renewed for a second season, with its TV cast set to return.",
        Verdict.UNRELATED,
    ),
]


EXPLAINER_SECTIONS: list[tuple[str, str, Verdict]] = [
    # an SEO explainer's section labels are not statements
    (
        "Ballard season 2: everything we know",
        "Ballard season 2 trailer\nThere is no Ballard season 2 trailer yet on Prime Video.",
        Verdict.PENDING,
    ),
    ("Ballard season 2 first look", "The Prime Video series returns in February.", Verdict.RENEWED),
    (
        "Prime Video news",
        "Ballard season 2 first look\nThe Prime Video series has not been renewed yet, so there is none.",
        Verdict.PENDING,
    ),
    # a revival outranks the cancellation it follows
    (
        "'Ballard' Lands at Netflix for Season 2 After Prime Video Cancellation",
        "Prime Video canceled Ballard in May after one season.",
        Verdict.RENEWED,
    ),
    # "both" after the preposition is about seasons, not other shows
    (
        "Prime Video news",
        "Yes. Prime Video renewed Ballard for both a second and a third season.",
        Verdict.RENEWED,
    ),
]


OTHER_SENSES: list[tuple[str, str, Verdict]] = [
    # events get canceled, the show does not
    (
        "Ballard's Finale Red Carpet Canceled Amid Budget Cuts",
        "The Prime Video drama awaits word on season 2.",
        Verdict.PENDING,
    ),
    (
        "Prime Video news",
        "The red carpet for Ballard's season one finale has been canceled, insiders say.",
        Verdict.UNRELATED,
    ),
    (
        "Prime Video news",
        "A planned Chicago press stop for Prime Video's Ballard was canceled after a flight delay.",
        Verdict.UNRELATED,
    ),
    (
        "Storm Forces Cancellation of Ballard Finale Fan Screening",
        "Prime Video apologised to fans.",
        Verdict.UNRELATED,
    ),
    (
        "Ballard canceled after one season",
        "Prime Video canceled Ballard after ten episodes.",
        Verdict.CANCELED,
    ),
    # a reunion is not a season
    (
        "The gang from Ballard is coming back, for one night only",
        "A Prime Video reunion special.",
        Verdict.UNRELATED,
    ),
    # disputing a report is denying it
    (
        "Prime Video news",
        "Prime Video is disputing a tabloid report that it has canceled Ballard.",
        Verdict.PENDING,
    ),
    # a hard-wrapped line is one sentence
    (
        "Prime Video news",
        "Prime Video on Thursday announced a second season of\nBallard, the Maggie Q drama.",
        Verdict.RENEWED,
    ),
]


# Every table above is one principle of language; each row must read as expected.
PRINCIPLES = {
    "other_senses": OTHER_SENSES,
    "explainer_sections": EXPLAINER_SECTIONS,
    "language_principles": LANGUAGE_PRINCIPLES,
    "season_targeting": SEASON_TARGETING,
    "what_the_name_belongs_to": WHAT_THE_NAME_BELONGS_TO,
    "more_language_principles": MORE_LANGUAGE_PRINCIPLES,
    "feed_headline_styles": FEED_HEADLINE_STYLES,
    "premieres_castings_and_responses": PREMIERES_CASTINGS_AND_RESPONSES,
}


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [pytest.param(*row, id=f"{name}: {row[0][:60]}") for name, rows in PRINCIPLES.items() for row in rows],
)
def test_principles_of_language(title: str, body: str, expected: Verdict) -> None:
    assert verdict(title, body) is expected


def test_a_show_of_the_same_name_on_another_network_is_not_the_watched_one() -> None:
    ghosts = Watch("Ghosts", 6, network="CBS")
    british = "The British comedy Ghosts is coming to an end. The BBC sitcom will sign off after five series."
    assert verdict("Ghosts to end", british, ghosts) is Verdict.UNRELATED
    assert verdict("CBS renews Ghosts for season 6", "The CBS comedy is a hit.", ghosts) is Verdict.RENEWED
    mixed = "Prime Video renewed Ballard for season 2. Meanwhile, the Netflix thriller The Night Agent ended."
    assert verdict("Prime Video renews Ballard", mixed) is Verdict.RENEWED
