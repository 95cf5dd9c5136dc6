"""A replay runs a dated corpus day by day through the real check path (a local site, one state
file, every watch at once) and scores what a user would have received."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from renewalwatch.errors import CorpusError
from renewalwatch.evaluate import load_corpus, published
from renewalwatch.models import Status, Verdict
from renewalwatch.replay import load_watches, replay
from renewalwatch.replay.score import Alert, Label, decided, is_false

CASE = """show = "{show}"
season = {season}
network = "{network}"
trust = "{trust}"
format = "text"
title = "{title}"
body = '''{body}'''
verdict = "{verdict}"
official = {official}
published = {published}
"""


def _case(folder: Path, name: str, **fields: object) -> None:
    (folder / f"{name}.toml").write_text(CASE.format(**fields), encoding="utf-8")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "set"
    folder.mkdir()
    (folder / "watches.toml").write_text(
        '[[watch]]\nshow = "Tin Harbour"\nseason = 3\nnetwork = "Hulu"\n\n'
        '[[watch]]\nshow = "Marrow Lane"\nseason = 2\nnetwork = "Starz"\n\n'
        '[[watch]]\nshow = "Quill"\nseason = 4\nnetwork = "CBS"\n',
        encoding="utf-8",
    )
    _case(
        folder,
        "001-harbour-bubble",
        show="Tin Harbour",
        season=3,
        network="Hulu",
        trust="other",
        title="Will Tin Harbour get a third season?",
        body="Hulu has said nothing yet about the fate of the fishing-town drama.",
        verdict="pending",
        official="false",
        published="2026-04-01",
    )
    _case(
        folder,
        "002-harbour-renewed",
        show="Tin Harbour",
        season=3,
        network="Hulu",
        trust="trade",
        title="Hulu renews Tin Harbour for season 3",
        body="Hulu has renewed the fishing-town drama Tin Harbour for a third season, the streamer announced on Thursday.",
        verdict="renewed",
        official="true",
        published="2026-04-03",
    )
    _case(
        folder,
        "003-marrow-axed",
        show="Marrow Lane",
        season=2,
        network="Starz",
        trust="trade",
        title="Starz cancels Marrow Lane after one season",
        body="Starz has canceled the period mystery Marrow Lane after a single season, according to people familiar with the decision.",
        verdict="canceled",
        official="false",
        published="2026-04-05",
    )
    _case(folder, "004-quill-panel", show="Quill", season=4, network="CBS", trust="other",
          title="Quill fan panel canceled",
          body="The Quill fan panel at this weekend's convention was canceled because of a storm. The CBS drama's fourth season is still undecided.",
          verdict="pending", official="false", published="2026-04-06")  # fmt: skip
    return folder


def test_a_dated_corpus_replays_through_check_with_every_watch_at_once(corpus: Path, tmp_path: Path) -> None:
    report = replay(corpus, tmp_path / "work")
    assert report.days == 6 and report.items == 4 and report.watches == 3
    assert [(a.day, a.watch, a.status, a.official) for a in report.alerts] == [
        (date(2026, 4, 3), "tin harbour#s3", Status.RENEWED, True),
        (date(2026, 4, 5), "marrow lane#s2", Status.CANCELED, False),
    ]
    assert report.false_alerts == ()
    assert [(d.watch, late, official_right) for d, late, official_right in report.found] == [
        ("tin harbour#s3", 0, True),
        ("marrow lane#s2", 0, True),
    ]
    assert report.source_failures == 0
    assert "false alerts:               0" in report.render()


def test_an_alert_is_false_unless_an_item_told_it_by_that_day() -> None:
    labels = [Label(date(2026, 4, 3), Verdict.RENEWED, True)]
    early = Alert(date(2026, 4, 2), "x#s3", Status.RENEWED, True, "s", "u", "r")
    wrong = Alert(date(2026, 4, 9), "x#s3", Status.CANCELED, False, "s", "u", "r")
    right = Alert(date(2026, 4, 3), "x#s3", Status.RENEWED, True, "s", "u", "r")
    assert is_false(early, labels) and is_false(wrong, labels) and not is_false(right, labels)


def test_undated_items_of_several_timelines_decide_a_watch_only_when_they_agree() -> None:
    labels = {
        "a#s2": [
            Label(date(2026, 1, 1), Verdict.RENEWED, False),
            Label(date(2026, 1, 2), Verdict.CANCELED, True),
        ],
        "b#s2": [Label(date(2026, 1, 3), Verdict.CANCELED, True)],
    }
    assert [d.watch for d in decided(labels, dated=False)] == ["b#s2"]
    assert [(d.watch, d.verdict) for d in decided(labels, dated=True)] == [
        ("a#s2", Verdict.CANCELED),
        ("b#s2", Verdict.CANCELED),
    ]


def test_the_case_format_accepts_a_published_date_and_skips_the_watch_list(corpus: Path) -> None:
    cases = load_corpus(corpus)
    assert len(cases) == 4  # watches.toml is not a case
    assert cases[0].published == datetime(2026, 4, 1, tzinfo=UTC)
    assert published("2026-04-01T09:30:00+02:00") == datetime(2026, 4, 1, 7, 30, tzinfo=UTC)
    assert published(None) is None
    assert [w.key for w in load_watches(corpus)] == ["tin harbour#s3", "marrow lane#s2", "quill#s4"]


def test_a_broken_watch_list_is_one_clear_error(corpus: Path) -> None:
    (corpus / "watches.toml").write_text("[[watch]]\nseason = 2\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"watches\.toml"):
        load_watches(corpus)


def test_a_watch_list_outcome_decides_what_counts_and_how_late(corpus: Path, tmp_path: Path) -> None:
    (corpus / "watches.toml").write_text(
        '[[watch]]\nshow = "Tin Harbour"\nseason = 3\nnetwork = "Hulu"\nfinal = "renewed"\n'
        "decided_on = 2026-04-02\nofficial = true\n\n"
        '[[watch]]\nshow = "Quill"\nseason = 4\nnetwork = "CBS"\nfinal = "unknown"\n',
        encoding="utf-8",
    )
    report = replay(corpus, tmp_path / "work")
    # Marrow Lane is not in the list's outcomes: only the listed decision counts, one day late.
    assert [(d.watch, late, ok) for d, late, ok in report.found] == [("tin harbour#s3", 1, True)]
    assert len(report.decided) == 1 and report.false_alerts == ()


def test_an_old_corpus_calling_a_page_html_still_loads(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(
        'show = "Quill"\nseason = 4\nformat = "html"\nbody = "<html><body><p>Quill</p></body></html>"\n'
        'verdict = "unrelated"\nofficial = false\n',
        encoding="utf-8",
    )
    assert load_corpus(tmp_path)[0].fmt == "page"
