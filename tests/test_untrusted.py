"""Issue 12, item 2: feed text never drives a terminal or a chat service."""

from __future__ import annotations

import pytest

from renewalwatch.untrusted import ZWSP, Neutralise, for_destination, for_terminal, rules_for

HOSTILE_TERMINAL = [
    ("clear screen", "Ballard\x1b[2J\x1b[H renewed", "Ballard renewed"),
    ("window title", "\x1b]0;owned\x07Ballard", "Ballard"),
    ("OSC 8 hidden link", "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\", "click"),
    ("colour", "\x1b[31;1mred\x1b[0m", "red"),
    ("8-bit CSI", "a\x9b2Jb", "ab"),
    ("bidi override", "Ballard \u202erenewed\u202c", "Ballard renewed"),
    ("bidi isolate", "x\u2066y\u2069z", "xyz"),
    (
        "newline forging a line",
        "renewed\nok      Fake source: 3 items",
        "renewed ok      Fake source: 3 items",
    ),
    ("carriage return", "canceled\rrenewed", "canceled renewed"),
    ("bell and backspace", "a\x07b\x08c\x00d", "abcd"),
]


@pytest.mark.parametrize(("case", "raw", "shown"), HOSTILE_TERMINAL, ids=[c[0] for c in HOSTILE_TERMINAL])
def test_terminal_text_has_no_control_escape_or_bidi(case: str, raw: str, shown: str) -> None:
    assert for_terminal(raw) == shown


def test_plain_unicode_is_kept_for_terminals() -> None:
    assert for_terminal("Élite — season 2 “renewed” 日本") == "Élite — season 2 “renewed” 日本"


DISCORD = rules_for("discord://123/abc")


@pytest.mark.parametrize(
    ("raw", "forbidden"),
    [
        ("@everyone Ballard renewed", "@everyone"),
        ("hey @here", "@here"),
        ("ping <@123456789012>", "<@1"),
        ("role <@&4242>", "<@&"),
        ("channel <#777>", "<#7"),
        ("[official statement](https://evil.example/x)", "[official statement]"),
        ("![img](https://evil.example/p.png)", "![img]"),
    ],
)
def test_discord_mentions_and_markdown_links_are_neutralised(raw: str, forbidden: str) -> None:
    assert forbidden not in for_destination(raw, DISCORD)


def test_urls_are_never_touched_and_emails_keep_their_at() -> None:
    text = "Link: https://tvline.com/a/b?x=1&y=[2]\nmail fan@example.com"
    out = for_destination(text, DISCORD)
    assert "https://tvline.com/a/b?x=1&y=[2]" in out
    assert "fan@example.com" in out


def test_slack_angle_tokens_and_mentions() -> None:
    slack = rules_for("slack://T1/B2/C3")
    out = for_destination("<!here> <https://evil.example|official> @channel", slack)
    assert "<!here>" not in out and "<https://evil.example|" not in out and "@channel" not in out
    assert ZWSP in out


def test_services_that_show_plain_text_are_left_alone() -> None:
    assert rules_for("mailto://a:b@example.com") == frozenset()
    assert for_destination("@everyone [x](y)", rules_for("json://127.0.0.1/x")) == "@everyone [x](y)"
    assert Neutralise.MENTIONS in rules_for("tgram://1:2/3")
