"""Issue 12, item 2 end to end: hostile feed text reaches no terminal and no chat verbatim."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import run_cli, write_config
from tests.servers import HTML, JsonReceiver, Site

ESC = "\x1b"
HOSTILE_PAGE = (
    "<html><head><title>Ballard renewed @everyone " + ESC + "]0;pwned" + "\x07</title></head><body>"
    "<article><h1>News</h1>"
    "<p>Prime Video has renewed Ballard for a second season @everyone @here, the streamer announced"
    " Tuesday " + ESC + "[2J" + ESC + "[H\u202e [official statement](https://evil.example/phish)"
    " <@123456789012345678>.</p></article></body></html>"
)


@pytest.fixture
def hostile(site: Site) -> Site:
    site.serve("/news.html", HOSTILE_PAGE.encode(), HTML)
    return site


def _discord_to(receiver: JsonReceiver, monkeypatch: pytest.MonkeyPatch) -> str:
    """Apprise's Discord plugin, posting to the local receiver instead of discord.com."""
    from apprise.plugins.discord import NotifyDiscord

    monkeypatch.setattr(NotifyDiscord, "notify_url", f"http://127.0.0.1:{receiver.port}/api/webhooks")
    return "discord://123456789012345678/Zk3vQwq9Hh2LmN0pXy7AbCdEf"


@pytest.mark.parametrize(
    "form",
    [
        "apprise",
        # The webhook URL as Discord shows it, which Apprise also takes: its scheme is https, and
        # reading the rules from the scheme let @everyone through.
        "native",
    ],
)
def test_a_discord_payload_carries_no_live_mention_or_disguised_link(
    tmp_path: Path, hostile: Site, receiver: JsonReceiver, monkeypatch: pytest.MonkeyPatch, form: str
) -> None:
    url = _discord_to(receiver, monkeypatch)
    if form == "native":
        url = "https://discord.com/api/webhooks/123456789012345678/Zk3vQwq9Hh2LmN0pXy7AbCdEf"
    config = write_config(
        tmp_path / "renewalwatch.toml",
        sources=[{"name": "News", "url": hostile.url("/news.html"), "kind": "page", "trust": "trade"}],
        urls=[url],
    )
    check = run_cli("--config", str(config), "check")
    assert check.code == 0, check.all
    assert len(receiver.posts) == 1
    content = json.dumps(receiver.posts[0].payload, ensure_ascii=False)
    for live in ("@everyone", "@here", "<@1", "[official statement]"):
        assert live not in content
    assert "https://evil.example/phish" in content  # shown as what it is, never disguised
    assert hostile.url("/news.html") in content  # our evidence link is intact


def test_check_and_status_print_no_escape_bidi_or_forged_line(tmp_path: Path, hostile: Site) -> None:
    config = write_config(
        tmp_path / "renewalwatch.toml",
        sources=[{"name": "News", "url": hostile.url("/news.html"), "kind": "page", "trust": "trade"}],
    )
    check = run_cli("--config", str(config), "check")
    status = run_cli("--config", str(config), "status")
    for run in (check, status):
        assert ESC not in run.out and "\x07" not in run.out and "\u202e" not in run.out
    because = [line for line in check.out.splitlines() if "because:" in line]
    assert len(because) == 1 and "@everyone" in because[0]  # the sentence is still shown, on one line


def test_an_html_service_gets_the_feed_text_escaped_by_apprise(
    tmp_path: Path, hostile: Site, receiver: JsonReceiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Telegram renders HTML: our plain text is converted, `<` and `&` escaped, by Apprise."""
    from apprise.plugins.telegram import NotifyTelegram

    monkeypatch.setattr(NotifyTelegram, "notify_url", f"http://127.0.0.1:{receiver.port}/bot")
    page = HOSTILE_PAGE.replace(
        "<@123456789012345678>", "&lt;a href='https://evil.example'&gt;official&lt;/a&gt;"
    )
    hostile.serve("/news.html", page.encode(), HTML)
    config = write_config(
        tmp_path / "renewalwatch.toml",
        sources=[{"name": "News", "url": hostile.url("/news.html"), "kind": "page", "trust": "trade"}],
        urls=["tgram://123456789:AAHk3xY9zQwErTyUiOpAsDfGhJkLzXcVbN/-1001234567890"],
    )
    assert run_cli("--config", str(config), "check").code == 0
    [post] = [p for p in receiver.posts if "sendMessage" in p.path]
    assert post.payload["parse_mode"] == "HTML"
    assert "@\u200beveryone" in post.payload["text"]
    assert "<a href" not in post.payload["text"] and "&lt;a href=" in post.payload["text"]


def test_a_feed_link_with_a_line_break_forges_no_log_line(tmp_path: Path, site: Site) -> None:
    """XML lets a <link> hold a newline; logged as is, the rest of it read as a line of its own."""
    forged = "2026-01-01 00:00:00,000 ERROR renewalwatch.daemon: FORGED"
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        "<item><title>Will Ballard return for season 2?</title>"
        f"<link>http://127.0.0.1:9/a\n{forged}</link><guid>g1</guid>"
        "<description>Fans of the Prime Video drama wait for word on Ballard…</description></item>"
        "</channel></rss>"
    )
    site.serve("/feed.xml", feed.encode(), "application/rss+xml")
    config = write_config(
        tmp_path / "renewalwatch.toml", sources=[{"name": "Wire", "url": site.url("/feed.xml")}]
    )
    check = run_cli("--config", str(config), "--log-level", "info", "check")
    assert "article not read" in check.err  # the link was tried, and logged
    assert not any(line.startswith(forged) for line in check.err.splitlines()), check.err
