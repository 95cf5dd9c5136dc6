"""Bad sources and bad configs: each is reported in one clear line, and nothing else is lost.

A broken source fails alone (exit 1) while a good source in the same config still alerts; a
broken config stops everything before work starts (exit 2) with the file and key named.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.helpers import Run, fixture_bytes, run_cli, toml_str, write_config
from tests.servers import HTML, RSS, JsonReceiver, Site, free_port

REPORTED = "Ballard season 2: renewed — reported"
TIMEOUT = 1.0
MAX_BYTES = 20_000

# name -> (path, the reason its FAILED line must give)
BAD = {
    "Truncated feed": ("/bad/truncated.xml", "malformed feed XML"),
    "Mismatched tags": ("/bad/mismatched.xml", "malformed feed XML"),
    "Maintenance page": ("/bad/maintenance", "got an HTML page, not an RSS/Atom feed"),
    "Huge feed": ("/bad/huge.xml", "body too large"),
    "Huge stream": ("/bad/huge-stream.xml", "body too large"),
    "Slow server": ("/bad/slow.xml", f"timed out after {TIMEOUT:g}s"),
    "Gone missing": ("/bad/missing.xml", "HTTP 404"),
    "Server error": ("/bad/crash.xml", "HTTP 500"),
    "Redirect loop": ("/bad/loop-a", "too many redirects"),
}


def huge_feed() -> bytes:
    """A well-formed feed that is simply too big: many copies of an item naming the show."""
    item = (
        "<item><title>Ballard season 2 rumour round-up</title><description>"
        + "Nothing new on the cold case unit today. " * 20
        + "</description></item>\n"
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>{item * 40}</channel></rss>'.encode()


@pytest.fixture
def bad_site(site: Site) -> Site:
    site.serve("/good.xml", fixture_bytes("tvledger/report.xml"), RSS)
    site.serve("/bad/truncated.xml", fixture_bytes("bad/truncated.xml"), RSS)
    site.serve("/bad/mismatched.xml", fixture_bytes("bad/mismatched.xml"), RSS)
    site.serve("/bad/maintenance", fixture_bytes("bad/error-page.html"), HTML)
    assert len(huge_feed()) > MAX_BYTES
    site.serve("/bad/huge.xml", huge_feed(), RSS)
    site.serve("/bad/huge-stream.xml", huge_feed(), RSS, length=False)
    site.trickle("/bad/slow.xml", fixture_bytes("tvledger/rumours.xml"), every=0.05)
    site.serve("/bad/missing.xml", b"<h1>Not found</h1>", HTML, status=404, validators="none")
    site.serve("/bad/crash.xml", b"<h1>Internal error</h1>", HTML, status=500, validators="none")
    site.redirect("/bad/loop-a", "/bad/loop-b")
    site.redirect("/bad/loop-b", "/bad/loop-a")
    return site


def failed_lines(run: Run) -> dict[str, str]:
    """`  FAILED  name <url>: reason` lines of the check summary, by source name."""
    lines = {}
    for line in run.out.splitlines():
        m = re.match(r"^\s+FAILED\s+(.+?) <[^>]+>: (.+)$", line)
        if m:
            lines[m.group(1)] = m.group(2)
    return lines


def test_each_bad_source_fails_alone_and_the_good_one_still_alerts(
    tmp_path: Path, bad_site: Site, receiver: JsonReceiver
) -> None:
    sources = [{"name": "TV Ledger", "url": bad_site.url("/good.xml"), "trust": "trade"}]
    sources += [{"name": name, "url": bad_site.url(path)} for name, (path, _) in BAD.items()]
    config = write_config(
        tmp_path / "renewalwatch.toml",
        sources=sources,
        urls=[receiver.apprise_url()],
        settings={"timeout": TIMEOUT, "max_bytes": MAX_BYTES, "per_host": 16},
    )
    run = run_cli("--log-level", "warning", "--config", str(config), "check")

    assert run.code == 1, run.all
    assert "Traceback" not in run.all
    assert f"checked {len(BAD) + 1} sources: 1 ok, {len(BAD)} failed" in run.out
    assert "ok      TV Ledger: 3 items, 2 about your shows, 2 new" in run.out
    failures = failed_lines(run)
    assert set(failures) == set(BAD)
    for name, (path, reason) in BAD.items():
        assert reason in failures[name], (name, failures[name])
        # the summary and the log name the URL
        assert f"{name} <{bad_site.url(path)}>: " in run.out
        assert re.search(
            rf"source failed source={re.escape(name)} url={re.escape(bad_site.url(path))} ", run.err
        )
    # The good source was read and its alert delivered, despite everything else.
    assert receiver.titles() == [REPORTED]
    assert "Ballard season 2: renewed — reported (was unknown)" in run.out


def test_failures_are_recorded_and_back_off_until_forced(tmp_path: Path, bad_site: Site) -> None:
    config = write_config(
        tmp_path / "renewalwatch.toml",
        sources=[
            {"name": "TV Ledger", "url": bad_site.url("/good.xml"), "trust": "trade"},
            {"name": "Gone missing", "url": bad_site.url("/bad/missing.xml")},
        ],
        urls=[f"json://127.0.0.1:{free_port()}/x"],
    )
    assert run_cli("--config", str(config), "check").code == 1
    assert len(bad_site.hits("/bad/missing.xml")) == 1

    status = json.loads(run_cli("--config", str(config), "status", "--json").out)
    health = {s["name"]: s for s in status["sources"]}
    assert health["Gone missing"]["ok"] is False
    assert health["Gone missing"]["consecutive_failures"] == 1
    assert "HTTP 404" in health["Gone missing"]["last_error"]
    assert health["Gone missing"]["next_attempt"] is not None
    assert health["TV Ledger"]["ok"] is True

    again = run_cli("--config", str(config), "check")
    assert again.code == 1
    assert re.search(
        r"^  SKIPPED Gone missing <[^>]+>: backing off after 1 failures until ", again.out, re.M
    ), again.out
    assert len(bad_site.hits("/bad/missing.xml")) == 1  # not asked again

    forced = run_cli("--config", str(config), "check", "--force")
    assert forced.code == 1
    assert "HTTP 404" in failed_lines(forced)["Gone missing"]
    assert len(bad_site.hits("/bad/missing.xml")) == 2


def test_a_recovered_source_is_read_again(tmp_path: Path, site: Site, receiver: JsonReceiver) -> None:
    site.serve("/feed.xml", b"<h1>Internal error</h1>", HTML, status=500, validators="none")
    config = write_config(
        tmp_path / "renewalwatch.toml",
        sources=[{"name": "TV Ledger", "url": site.url("/feed.xml"), "trust": "trade"}],
        urls=[receiver.apprise_url()],
    )
    assert run_cli("--config", str(config), "check").code == 1
    site.serve("/feed.xml", fixture_bytes("tvledger/report.xml"), RSS)
    run = run_cli("--config", str(config), "check", "--force")
    assert run.code == 0, run.all
    assert receiver.titles() == [REPORTED]


def test_sources_on_a_closed_port(tmp_path: Path) -> None:
    port = free_port()
    config = write_config(
        tmp_path / "renewalwatch.toml",
        sources=[
            {"name": "Ledger", "url": f"http://127.0.0.1:{port}/feed.xml"},
            {"name": "Press room", "kind": "page", "url": f"http://127.0.0.1:{port}/press/ballard"},
        ],
        urls=[f"json://127.0.0.1:{port}/hook"],
    )
    run = run_cli("--config", str(config), "check")
    assert run.code == 1
    assert "Traceback" not in run.all
    failures = failed_lines(run)
    assert set(failures) == {"Ledger", "Press room"}
    assert all("could not connect" in reason for reason in failures.values()), failures
    assert "checked 2 sources: 0 ok, 2 failed" in run.out


# --- bad configs --------------------------------------------------------------------------

GOOD_SOURCE = '[[source]]\nname = "Ledger"\nurl = "http://127.0.0.1:9/feed.xml"\n'
GOOD_WATCH = '[[watch]]\nshow = "Ballard"\nseason = 2\nauto_sources = false\n'

BAD_CONFIGS = {
    "unknown-key": (
        '[settings]\nstate = "state.db"\nsate_dir = "elsewhere"\n' + GOOD_WATCH + GOOD_SOURCE,
        "settings.sate_dir",
        "unknown key",
    ),
    "unknown-top-level-table": (
        GOOD_WATCH + GOOD_SOURCE + '[notifications]\nurls = ["json://127.0.0.1:9/x"]\n',
        "notifications",
        "unknown key",
    ),
    "wrong-type": (
        '[settings]\ntimeout = "quick"\n' + GOOD_WATCH + GOOD_SOURCE,
        "settings.timeout",
        "expected an integer or a number, got str",
    ),
    "season-as-text": (
        '[[watch]]\nshow = "Ballard"\nseason = "two"\n' + GOOD_SOURCE,
        "watch[0].season",
        "expected an integer",
    ),
    "unknown-source-kind": (
        GOOD_WATCH + '[[source]]\nname = "Pod"\nkind = "podcast"\nurl = "http://127.0.0.1:9/pod"\n',
        "source[0].kind",
        "unknown kind 'podcast'",
    ),
    "apprise-cannot-load": (
        '[notify]\nurls = ["json://127.0.0.1:9/ok", "discord://x"]\n' + GOOD_WATCH + GOOD_SOURCE,
        "notify.urls[1]",
        "Apprise cannot use",
    ),
    "missing-env-var": (
        '[notify]\nurls = ["mailto://rw:${RW_TEST_SMTP_PASSWORD}@127.0.0.1:2525?to=fan@example.com"]\n'
        + GOOD_WATCH
        + GOOD_SOURCE,
        "notify.urls[0]",
        "environment variable RW_TEST_SMTP_PASSWORD is not set",
    ),
}


# `status` sends nothing, so it does not load notification URLs through Apprise.
CASES = [
    (case, command)
    for case in BAD_CONFIGS
    for command in ("check", "status", "test-notify")
    if not (command == "status" and case == "apprise-cannot-load")
]


@pytest.mark.parametrize(("case", "command"), CASES)
def test_bad_config_is_one_line_naming_file_and_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str, command: str
) -> None:
    monkeypatch.delenv("RW_TEST_SMTP_PASSWORD", raising=False)
    text, key, message = BAD_CONFIGS[case]
    config = tmp_path / "renewalwatch.toml"
    config.write_text(text, encoding="utf-8")
    run = run_cli("--config", str(config), command)
    assert run.code == 2, run.all
    assert "Traceback" not in run.all
    assert run.out == ""
    [line] = run.err.splitlines()
    assert line.startswith("renewalwatch: error: ")
    assert str(config.resolve()) in line
    assert f": {key}: " in line
    assert message in line
    assert not (tmp_path / "state.db").exists()  # nothing started


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    config = tmp_path / "renewalwatch.toml"
    config.write_text('[[watch]]\nshow = "Ballard\nseason = 2\n', encoding="utf-8")
    run = run_cli("--config", str(config), "check")
    assert run.code == 2
    [line] = run.err.splitlines()
    assert str(config) in line and "not valid TOML" in line


def test_missing_config_file_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.toml"
    run = run_cli("--config", str(missing), "check")
    assert run.code == 2
    [line] = run.err.splitlines()
    assert str(missing) in line and "cannot read" in line


def test_env_var_is_expanded_when_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, receiver: JsonReceiver
) -> None:
    """The counterpart of missing-env-var: with the variable set, its value is used."""
    monkeypatch.setenv("RW_TEST_HOOK", "abc123")
    config = tmp_path / "renewalwatch.toml"
    url = f"json://127.0.0.1:{receiver.port}/hook-${{RW_TEST_HOOK}}"
    config.write_text(f"[notify]\nurls = [{toml_str(url)}]\n" + GOOD_WATCH + GOOD_SOURCE, encoding="utf-8")
    run = run_cli("--config", str(config), "test-notify")
    assert run.code == 0, run.all
    assert [p.path for p in receiver.posts] == ["/hook-abc123"]


def test_check_output_is_the_summary_alone_unless_logs_are_asked_for(tmp_path: Path) -> None:
    """cron mails the output: each failure once, in the summary, not again as a log line."""
    config = write_config(
        tmp_path / "renewalwatch.toml",
        sources=[{"name": "Dead", "url": f"http://127.0.0.1:{free_port()}/feed.xml"}],
    )
    quiet = run_cli("--config", str(config), "check")
    assert quiet.code == 1
    assert "FAILED  Dead <" in quiet.out
    assert quiet.err == ""
    loud = run_cli("--log-level", "warning", "--config", str(config), "check", "--force")
    assert "source failed source=Dead" in loud.err
