"""`classify` and `evaluate` through the CLI: local files, no state, no network."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import FIXTURES, SITE, run_cli


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_classify_json_reads_html_text_and_feed_in_argument_order(tmp_path: Path) -> None:
    text = _write(
        tmp_path,
        "rumour.txt",
        "Will Ballard return for season 2?\nFans of the Prime Video series are still waiting for word.\n",
    )
    html = SITE / "press" / "ballard-renewed.html"
    feed = SITE / "tvledger" / "rumours.xml"
    run = run_cli("classify", "--show", "Ballard", "--season", "2", "--json", str(html), str(text), str(feed))
    assert run.code == 0, run.all
    rows = [json.loads(line) for line in run.out.splitlines()]
    assert [r["file"] for r in rows] == [str(html), str(text), str(feed)]
    assert rows[0]["verdict"] == "renewed"
    assert rows[1]["verdict"] == "pending"
    assert rows[2]["verdict"] in ("pending", "unrelated")
    for row in rows:
        assert {"verdict", "official", "season", "evidence"} <= row.keys()
    assert "Ballard" in rows[0]["evidence"]["sentence"] or "series" in rows[0]["evidence"]["sentence"]


def test_classify_explain_names_rule_sentence_and_what_else_was_weighed(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "report.txt",
        "Prime Video renews Ballard for season 2, sources say\n"
        "The streaming drama will return next year. Amazon declined to comment.\n",
    )
    run = run_cli("classify", "--show", "Ballard", "--explain", str(path))
    assert run.code == 0, run.all
    assert f"{path}: renewed — reported (season 2)" in run.out
    assert "rule:       renew.renewed ('renews')" in run.out
    assert "sentence:   'Prime Video renews Ballard for season 2, sources say'" in run.out
    assert "also:" in run.out  # the body's own trigger was weighed too


def test_classify_explain_on_a_feed_file() -> None:
    run = run_cli(
        "classify", "--show", "Ballard", "--explain", "--json", str(SITE / "tvledger" / "report.xml")
    )
    assert run.code == 0, run.all
    row = json.loads(run.out)
    assert row["verdict"] == "renewed"
    assert row["official"] is False
    assert row["evidence"]["rule"].startswith("renew")
    assert isinstance(row["considered"], list)


def test_classify_reports_an_unreadable_file_and_goes_on(tmp_path: Path) -> None:
    good = _write(
        tmp_path, "good.txt", "Prime Video cancels Ballard after one season\nThe streaming drama is over.\n"
    )
    run = run_cli("classify", "--show", "Ballard", str(tmp_path / "missing.txt"), str(good))
    assert run.code == 1
    assert f"{tmp_path / 'missing.txt'}: cannot read" in run.err
    assert f"{good}: canceled" in run.out


def test_classify_a_broken_feed_is_one_line_naming_the_file(tmp_path: Path) -> None:
    run = run_cli("classify", "--show", "Ballard", str(SITE / "bad" / "truncated.xml"))
    assert run.code == 1
    assert "Traceback" not in run.all
    assert str(SITE / "bad" / "truncated.xml") in run.err


def test_evaluate_prints_the_confusion_matrix_and_passes_on_the_corpus() -> None:
    run = run_cli("evaluate", str(FIXTURES / "corpus"))
    assert run.code == 0, run.all
    assert "expected \\ got" in run.out
    assert "false alerts:               0" in run.out
    assert "recall renewed:" in run.out and "official-vs-reported:" in run.out


def test_evaluate_fails_on_a_false_alert(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "001-wrong-label.toml",
        'show = "Ballard"\nseason = 2\ntitle = "Prime Video renews Ballard for season 2"\n'
        'body = "The streamer announced it today."\nverdict = "pending"\nofficial = false\n',
    )
    run = run_cli("evaluate", str(tmp_path))
    assert run.code == 1
    assert "FALSE ALERT" in run.out


def test_evaluate_names_a_malformed_case(tmp_path: Path) -> None:
    _write(tmp_path, "002-broken.toml", 'show = "Ballard"\nverdict = "maybe"\n')
    run = run_cli("evaluate", str(tmp_path))
    assert run.code == 2
    assert "002-broken.toml" in run.err
