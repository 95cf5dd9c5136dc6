"""The check pipeline end to end, through the CLI, against real servers on 127.0.0.1.

Two feeds and a press page change between checks; alerts go to an SMTP server (aiosmtpd) and an
Apprise json:// receiver. The story: rumours and look-alikes stay quiet; a trade report alerts
as "reported" while the mail server is down; the owed mail goes out once it is back; the
network's own page upgrades the alert to "official"; nothing new means nothing sent and 304s.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Run, fixture_bytes, run_cli, write_config
from tests.servers import ATOM, HTML, RSS, JsonReceiver, Site, SmtpSink

LEDGER, WIRE, PRESS = "/tvledger/feed.xml", "/screenwire/feed.atom", "/press/shows/ballard"
REPORTED = "Ballard season 2: renewed — reported"
OFFICIAL = "Ballard season 2: renewed — official"


@pytest.fixture
def config(tmp_path: Path, site: Site, smtp: SmtpSink, receiver: JsonReceiver) -> Path:
    site.serve(LEDGER, fixture_bytes("tvledger/rumours.xml"), RSS)
    site.serve(WIRE, fixture_bytes("screenwire/quiet.atom"), ATOM)
    site.serve(PRESS, fixture_bytes("press/ballard-before.html"), HTML)
    return write_config(
        tmp_path / "conf" / "renewalwatch.toml",
        sources=[
            {"name": "TV Ledger", "kind": "feed", "url": site.url(LEDGER), "trust": "trade"},
            {"name": "Screen Wire", "kind": "feed", "url": site.url(WIRE), "trust": "other"},
            {"name": "Prime Video press room", "kind": "page", "url": site.url(PRESS), "trust": "official"},
        ],
        urls=[smtp.apprise_url(), receiver.apprise_url()],
    )


def check(config: Path) -> Run:
    return run_cli("--config", str(config), "--log-level", "info", "check")


def status(config: Path) -> dict[str, Any]:
    run = run_cli("--config", str(config), "status", "--json")
    assert run.code == 0, run.all
    data: dict[str, Any] = json.loads(run.out)
    return data


def ballard(data: dict[str, Any]) -> dict[str, Any]:
    [watch] = [w for w in data["watches"] if (w["show"], w["season"]) == ("Ballard", 2)]
    return watch


def state_bytes(config: Path) -> bytes:
    """Everything renewalwatch wrote next to its state: database, WAL, lock."""
    return b"".join(p.read_bytes() for p in config.parent.iterdir() if p.name.startswith("state.db"))


def test_rumours_report_outage_official_and_quiet(
    config: Path, site: Site, smtp: SmtpSink, receiver: JsonReceiver
) -> None:
    password = smtp.password

    # (a) A rumour, a company named Ballard renewing a deal, another show renewed: no alert.
    run = check(config)
    assert run.code == 0, run.all
    assert "checked 3 sources: 3 ok, 0 failed" in run.out
    assert "no status changed" in run.out
    assert receiver.posts == []
    assert smtp.messages == []
    data = status(config)
    assert ballard(data)["status"] == "pending"  # talked about, not decided
    assert data["owed"] == []

    # (b) The trade report arrives while the mail server is down.
    site.serve(LEDGER, fixture_bytes("tvledger/report.xml"), RSS)
    smtp.stop()
    run = check(config)
    assert run.code == 1, run.all  # a delivery failed
    assert "Ballard season 2: renewed — reported (was pending)" in run.out
    assert "notifications: 1 sent, 1 failed" in run.out
    [failed_line] = [line for line in run.out.splitlines() if line.strip().startswith("FAILED")]
    assert f"mailto://{smtp.user}:****@127.0.0.1:{smtp.port}" in failed_line
    assert receiver.titles() == [REPORTED]
    body = receiver.posts[0].payload["message"]
    assert "Prime Video Renews Ballard for Season 2, Sources Say" in body
    assert "https://tvledger.example/2025/11/ballard-renewed-season-2/" in body
    assert smtp.messages == []

    data = status(config)
    watch = ballard(data)
    assert (watch["status"], watch["official"]) == ("renewed", False)
    [owed] = data["owed"]
    assert owed["destination"].startswith(f"mailto://{smtp.user}:****@127.0.0.1:{smtp.port}")
    assert owed["title"] == REPORTED
    assert owed["attempts"] == 1
    assert owed["last_error"]
    assert owed["configured"] is True
    text_status = run_cli("--config", str(config), "status")
    assert "notifications owed: 1" in text_status.out
    for output in (run.out, run.err, json.dumps(data), text_status.all):
        assert password not in output
    assert password.encode() not in state_bytes(config)

    # (c) The mail server is back: the owed mail goes out once, the json receiver hears nothing new.
    smtp.start()
    site.clear_hits()
    run = check(config)
    assert run.code == 0, run.all
    assert "no status changed" in run.out
    assert "notifications: 1 sent, 0 failed" in run.out
    assert smtp.subjects() == [REPORTED]
    assert smtp.messages[0]["To"] == "fan@example.com"
    assert "Sources Say" in smtp.messages[0].get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert receiver.titles() == [REPORTED]
    assert status(config)["owed"] == []
    assert site.statuses(LEDGER) == [304]

    # (d) The network's own page announces it: one more alert per destination.
    site.serve(PRESS, fixture_bytes("press/ballard-renewed.html"), HTML)
    run = check(config)
    assert run.code == 0, run.all
    assert "Ballard season 2: renewed — official (was renewed — reported)" in run.out
    assert receiver.titles() == [REPORTED, OFFICIAL]
    assert smtp.subjects() == [REPORTED, OFFICIAL]
    watch = ballard(status(config))
    assert (watch["status"], watch["official"]) == ("renewed", True)

    # (e) Nothing new: nothing sent, and every source was answered 304 Not Modified.
    site.clear_hits()
    run = check(config)
    assert run.code == 0, run.all
    assert "no status changed" in run.out
    assert "notifications:" not in run.out
    assert receiver.titles() == [REPORTED, OFFICIAL]
    assert smtp.subjects() == [REPORTED, OFFICIAL]
    for path in (LEDGER, WIRE, PRESS):
        [hit] = site.hits(path)
        assert hit.status == 304
        assert hit.headers.get("If-None-Match") == site.route(path).etag  # type: ignore[union-attr]
    assert run.out.count("not-modified") == 3


def test_status_json_structure(config: Path, site: Site) -> None:
    site.serve(LEDGER, fixture_bytes("tvledger/report.xml"), RSS)
    assert check(config).code == 0
    data = status(config)
    assert isinstance(data["watches"], list)
    watch = ballard(data)
    assert {"show", "season", "status", "official", "since", "evidence"} <= watch.keys()
    assert watch["status"] == "renewed"
    assert watch["official"] is False
    assert watch["since"] and watch["since"].endswith("+00:00")
    decisive = [e for e in watch["evidence"] if e["verdict"] == "renewed"]
    assert decisive, watch["evidence"]
    e = decisive[0]
    assert {"url", "title", "source", "sentence", "published"} <= e.keys()
    assert e["url"] == "https://tvledger.example/2025/11/ballard-renewed-season-2/"
    assert e["title"] == "Prime Video Renews Ballard for Season 2, Sources Say"
    assert e["source"] == "TV Ledger"
    assert "Ballard" in e["sentence"] and "renew" in e["sentence"].lower()
    assert e["published"] == "2025-11-05T18:45:00+00:00"
    names = {s["name"]: s for s in data["sources"]}
    assert set(names) == {"TV Ledger", "Screen Wire", "Prime Video press room"}
    assert all(s["ok"] for s in names.values())


def test_same_story_in_two_feeds_is_one_alert(tmp_path: Path, site: Site, receiver: JsonReceiver) -> None:
    site.serve("/a.xml", fixture_bytes("tvledger/report.xml"), RSS)
    site.serve("/b.xml", fixture_bytes("tvledger/report.xml"), RSS)
    config = write_config(
        tmp_path / "renewalwatch.toml",
        sources=[
            {"name": "Ledger", "url": site.url("/a.xml"), "trust": "trade"},
            {"name": "Ledger mirror", "url": site.url("/b.xml"), "trust": "trade"},
        ],
        urls=[receiver.apprise_url()],
    )
    assert check(config).code == 0
    assert receiver.titles() == [REPORTED]


def test_a_changed_feed_does_not_re_announce_old_items(
    tmp_path: Path, site: Site, receiver: JsonReceiver
) -> None:
    """The feed's bytes change (a new unrelated item), so it is re-read; the report in it is old."""
    report = fixture_bytes("tvledger/report.xml")
    site.serve("/feed.xml", report, RSS)
    config = write_config(
        tmp_path / "renewalwatch.toml",
        sources=[{"name": "Ledger", "url": site.url("/feed.xml"), "trust": "trade"}],
        urls=[receiver.apprise_url()],
    )
    assert check(config).code == 0
    extra = b"""<item><title>Harbor Lights season 3 casting news</title>
<link>https://tvledger.example/harbor-lights-casting/</link><guid isPermaLink="false">tvledger-48200</guid>
<description>Two new faces join the ferry crew.</description></item>
  <item>"""
    site.serve("/feed.xml", report.replace(b"<item>", extra, 1), RSS)
    site.clear_hits()
    run = check(config)
    assert run.code == 0, run.all
    assert site.statuses("/feed.xml") == [200]
    assert "ok      Ledger: 4 items, 2 about your shows, 0 new" in run.out  # the new item is not ours
    assert receiver.titles() == [REPORTED]


@pytest.mark.parametrize("validators", ["etag", "last-modified"])
def test_conditional_get_with_either_validator(
    tmp_path: Path, site: Site, receiver: JsonReceiver, validators: str
) -> None:
    site.serve("/feed.xml", fixture_bytes("tvledger/rumours.xml"), RSS, validators=validators)
    config = write_config(
        tmp_path / "renewalwatch.toml",
        sources=[{"name": "Ledger", "url": site.url("/feed.xml")}],
        urls=[receiver.apprise_url()],
    )
    assert check(config).code == 0
    assert check(config).code == 0
    first, second = site.hits("/feed.xml")
    assert first.status == 200
    assert second.status == 304
    header = "If-None-Match" if validators == "etag" else "If-Modified-Since"
    assert header in second.headers
