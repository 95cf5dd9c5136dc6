"""Secrets in notification URLs never reach the console, the log, or the state file."""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path

import pytest

from renewalwatch.logs import MaskingFilter
from renewalwatch.masking import mask_text, mask_url
from tests.helpers import fixture_bytes, run_cli, write_config
from tests.servers import RSS, Site, free_port

SECRET_URLS = [
    # (url, secrets that must go, parts that must stay so a person can tell destinations apart)
    (
        "mailto://rw:hunter2-Smtp@smtp.example.com?to=fan@example.com",
        ["hunter2-Smtp"],
        ["mailto://", "smtp.example.com"],
    ),
    (
        "mailtos://alice:p%40ss%20word9@mail.example.org:465",
        ["p%40ss%20word9", "p@ss word9"],
        ["mail.example.org:465"],
    ),
    (
        "discord://1187654321098765432/Zk3vQ_wq9Hh2LmN0pXy7AbCdEfGhIjKlMnOpQrStUvWx-12345",
        ["1187654321098765432", "Zk3vQ_wq9Hh2LmN0pXy7AbCdEfGhIjKlMnOpQrStUvWx-12345"],
        ["discord://"],
    ),
    (
        "tgram://7012345678:AAHk3-xY9zQwErTyUiOpAsDfGhJkLzXcVbN/-1001234567890",
        ["7012345678", "AAHk3-xY9zQwErTyUiOpAsDfGhJkLzXcVbN", "1001234567890"],
        ["tgram://"],
    ),
    (
        "ntfy://reader:Correct-Horse-7@ntfy.example.net/ballard-news",
        ["Correct-Horse-7"],
        ["ntfy.example.net"],
    ),
    ("json://127.0.0.1:8080/hook?token=s3cr3tValue", ["s3cr3tValue"], ["127.0.0.1:8080"]),
]


@pytest.mark.parametrize(
    ("url", "secrets", "kept"), SECRET_URLS, ids=lambda v: v.split(":")[0] if isinstance(v, str) else None
)
def test_mask_url_hides_secrets_and_keeps_the_shape(url: str, secrets: list[str], kept: list[str]) -> None:
    masked = mask_url(url)
    for secret in secrets:
        assert secret not in masked
    for part in kept:
        assert part in masked
    assert "****" in masked


def test_mask_url_leaves_urls_without_secrets_alone() -> None:
    assert mask_url("json://127.0.0.1:8080/renewalwatch") == "json://127.0.0.1:8080/renewalwatch"
    assert mask_url("not a url") == "not a url"


def test_mask_text_masks_every_url_and_known_secrets() -> None:
    text = "could not reach mailto://rw:hunter2-Smtp@smtp.example.com?to=a@b.example nor tgram://7012345678:AAHk3-xY9zQwErTyUiOp/1"
    masked = mask_text(text)
    assert "hunter2-Smtp" not in masked and "AAHk3-xY9zQwErTyUiOp" not in masked
    assert masked.startswith("could not reach mailto://rw:****@smtp.example.com")


def test_the_log_filter_masks_messages_and_arguments() -> None:
    url = "mailto://rw:hunter2-Smtp@smtp.example.com?to=fan@example.com"
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(MaskingFilter((url,)))
    log = logging.getLogger("tests.masking")
    log.addHandler(handler)
    log.propagate = False
    try:
        log.warning("delivery failed destination=%s", url)
        log.warning(f"inline {url} too")
    finally:
        log.removeHandler(handler)
        log.propagate = True
    assert "hunter2-Smtp" not in stream.getvalue()
    assert stream.getvalue().count("mailto://rw:****@smtp.example.com") == 2


@pytest.mark.parametrize("log_level", ["info", "debug"])
def test_a_failed_delivery_never_shows_the_password(
    tmp_path: Path, site: Site, monkeypatch: pytest.MonkeyPatch, log_level: str
) -> None:
    """Mail and an authenticated json:// hook, both down: output, logs, status and state stay clean."""
    password, token = "Sw0rdfish-Blue-42", "Hook-Token-9876"
    monkeypatch.setenv("RW_SMTP_PASSWORD", password)
    site.serve("/feed.xml", fixture_bytes("tvledger/report.xml"), RSS)
    dead = free_port()
    config = write_config(
        tmp_path / "renewalwatch.toml",
        sources=[{"name": "Ledger", "url": site.url("/feed.xml"), "trust": "trade"}],
        urls=[
            f"mailto://rw:${{RW_SMTP_PASSWORD}}@127.0.0.1:{dead}?from=rw@example.com&to=fan@example.com",
            f"json://hook:{token}@127.0.0.1:{dead}/alerts",
        ],
    )
    check = run_cli("--config", str(config), "--log-level", log_level, "check")
    assert check.code == 1
    assert check.out.count("FAILED") == 2
    assert f"mailto://rw:****@127.0.0.1:{dead}" in check.out
    status_json = run_cli("--config", str(config), "status", "--json")
    owed = json.loads(status_json.out)["owed"]
    assert len(owed) == 2 and all(o["last_error"] for o in owed)
    status_text = run_cli("--config", str(config), "status")
    notify = run_cli("--config", str(config), "--log-level", log_level, "test-notify")
    assert notify.code == 1
    for run in (check, status_json, status_text, notify):
        assert password not in run.all
        assert token not in run.all
    state = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("state.db"))
    assert password.encode() not in state and token.encode() not in state


def test_public_query_strings_stay_readable_and_secret_ones_are_hidden() -> None:
    from renewalwatch.masking import mask_url

    news = "https://news.google.com/rss/search?q=%22Ballard%22+%22season+2%22&hl=en-US&gl=US&ceid=US:en"
    assert mask_url(news) == news
    assert mask_url("json://host/hook?token=abc&x=1") == "json://host/hook?token=****&x=1"
    assert mask_url("mailtos://me:pw@smtp.example.com?pass=zz&to=me@example.com") == (
        "mailtos://me:****@smtp.example.com?pass=****&to=me@example.com"
    )


def test_a_secret_quoted_alone_in_a_service_error_is_hidden_too() -> None:
    from renewalwatch.masking import mask_text

    url = "discord://1234567890/abcDEFghiJKLmnoPQR_stu"
    out = mask_text("An invalid Discord Webhook Token (abcDEFghiJKLmnoPQR_stu) was specified", (url,))
    assert "abcDEFghiJKLmnoPQR_stu" not in out
    assert "smtp.example.com" in mask_text(
        "cannot reach smtp.example.com", ("mailtos://me:hunter22@smtp.example.com",)
    )
    assert "hunter22" not in mask_text("auth failed: hunter22", ("mailtos://me:hunter22@smtp.example.com",))
