"""Issue 12, item 1: a secret in any URL (source or destination) is masked wherever it goes."""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path

import pytest

from renewalwatch.logs import JsonFormatter, MaskingFilter
from renewalwatch.masking import mask_url
from tests.helpers import fixture_bytes, run_cli, write_config
from tests.servers import RSS, Site

SOURCE_SECRETS = [
    # (query or userinfo form, the secret)
    ("?apikey=Q7zX9kLm2P", "Q7zX9kLm2P"),
    ("?api_key=Q7zX9kLm2P&lang=en", "Q7zX9kLm2P"),
    ("?pw=letmein", "letmein"),
    ("?apiKey=sesame12", "sesame12"),
    ("?access_token=tok-1234567", "tok-1234567"),
    ("?X-Amz-Signature=0a1b2c3d4e", "0a1b2c3d4e"),
    ("?pass=short", "short"),
    ("?auth=abc", "abc"),
]


@pytest.mark.parametrize(("query", "secret"), SOURCE_SECRETS)
def test_secret_query_parameters_of_a_source_url_are_masked(query: str, secret: str) -> None:
    url = f"https://feeds.example.org/tv.xml{query}"
    masked = mask_url(url)
    assert secret not in masked
    assert masked.startswith("https://feeds.example.org/tv.xml?")


@pytest.mark.parametrize(
    ("url", "secret"),
    [
        ("https://reader:opensesame@feeds.example.org/tv.xml", "opensesame"),
        ("https://discord.com/api/webhooks/123456789012345678/aBcD-eFgH_iJkL", "aBcD-eFgH_iJkL"),
        ("https://hooks.slack.com/services/T0001/B0002/XyZ123abc", "XyZ123abc"),
        ("https://api.telegram.org/bot123456:ABC-def/getUpdates", "123456:ABC-def"),
        ("https://maker.ifttt.com/trigger/show/with/key/kEy123", "kEy123"),
    ],
)
def test_userinfo_and_known_services_path_tokens_are_masked(url: str, secret: str) -> None:
    assert secret not in mask_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://tvline.com/2026/05/12/ballard-season-2-renewed-prime-video/",
        "https://example.org/feed?keywords=ballard&page=2&category=tv-news",
        "https://news.google.com/rss/search?q=%22Ballard%22&hl=en-US&gl=US&ceid=US:en",
    ],
)
def test_public_source_urls_stay_readable(url: str) -> None:
    assert mask_url(url) == url


def test_a_traceback_logged_with_exc_info_is_masked_too() -> None:
    url = "https://reader:opensesame@feeds.example.org/tv.xml?apikey=Q7zX9kLm2P"
    for formatter in (logging.Formatter("%(message)s"), JsonFormatter()):
        stream = io.StringIO()
        handler = logging.StreamHandler(stream)
        handler.addFilter(MaskingFilter())
        handler.setFormatter(formatter)
        log = logging.getLogger("tests.hardening.masking")
        log.addHandler(handler)
        log.propagate = False
        try:
            try:
                raise ValueError(f"cannot fetch {url}")
            except ValueError:
                log.exception("source crashed")
            log.warning("here", stack_info=True, extra={"u": url})
        finally:
            log.removeHandler(handler)
            log.propagate = True
        out = stream.getvalue()
        assert "Traceback" in out or "traceback" in out.lower()
        assert "opensesame" not in out and "Q7zX9kLm2P" not in out


def test_source_secrets_never_reach_the_summary_status_or_state(tmp_path: Path, site: Site) -> None:
    site.serve("/feed.xml", fixture_bytes("tvledger/report.xml"), RSS)
    host = site.url("/").split("//")[1].rstrip("/")
    good = f"http://reader:opensesame@{host}/feed.xml?apikey=Q7zX9kLm2P&pw=sesame12"
    broken = f"http://{host}/missing.xml?api_key=Zz8Yy7Xx6W"
    config = write_config(
        tmp_path / "renewalwatch.toml",
        sources=[{"name": "Ledger", "url": good, "trust": "trade"}, {"name": "Gone", "url": broken}],
    )
    check = run_cli("--config", str(config), "--log-level", "debug", "check")
    assert "missing.xml" in check.out  # the failing source is still named, by its masked URL
    status_json = run_cli("--config", str(config), "status", "--json")
    status_text = run_cli("--config", str(config), "status")
    assert json.loads(status_json.out)["sources"]
    state = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("state.db"))
    for secret in ("opensesame", "Q7zX9kLm2P", "sesame12", "Zz8Yy7Xx6W"):
        for run in (check, status_json, status_text):
            assert secret not in run.all
        assert secret.encode() not in state


def test_a_short_secret_in_an_unloadable_notify_url_is_not_echoed(tmp_path: Path) -> None:
    config = write_config(
        tmp_path / "renewalwatch.toml",
        sources=[{"name": "Ledger", "url": "http://127.0.0.1:9/feed.xml"}],
        urls=["nosuchservice://zq7/k9x"],
    )
    run = run_cli("--config", str(config), "test-notify")
    assert run.code == 2
    assert "notify.urls[0]" in run.err
    assert "zq7" not in run.all and "k9x" not in run.all


def test_list_knows_a_source_whose_url_holds_a_secret(tmp_path: Path, site: Site) -> None:
    """The state keeps the masked URL; `list` must still match it to the configured source."""
    site.serve("/feed.xml?apikey=Q7zX9kLm2P", fixture_bytes("tvledger/report.xml"), RSS)
    config = write_config(
        tmp_path / "renewalwatch.toml",
        sources=[{"name": "Ledger", "url": site.url("/feed.xml?apikey=Q7zX9kLm2P"), "trust": "trade"}],
    )
    assert run_cli("--config", str(config), "check").code == 0
    listed = run_cli("--config", str(config), "list")
    assert "ok, last fetched" in listed.out, listed.out
    assert "Q7zX9kLm2P" not in listed.all


@pytest.mark.parametrize(
    "url",
    [
        # A feed read through a wrapper or archive that takes the real URL in its path.
        "https://proxy.example.net/fetch/https://reader:opensesame@feeds.example.org/tv.xml",
        "https://web.archive.example/web/2026/http://reader:opensesame@feeds.example.org/tv.xml",
    ],
)
def test_a_password_in_a_url_inside_another_urls_path_is_masked(url: str) -> None:
    masked = mask_url(url)
    assert "opensesame" not in masked
    assert "reader:****@feeds.example.org/tv.xml" in masked  # still readable


def test_classify_never_prints_the_secrets_of_a_url_it_reads_or_fails_to_read(site: Site) -> None:
    host = site.url("/").split("//")[1].rstrip("/")
    url = f"http://reader:opensesame@{host}/missing.html?apikey=Q7zX9kLm2P&pw=sesame12"
    run = run_cli("classify", "--show", "Ballard", url)
    assert run.code == 1
    assert "missing.html" in run.err and "HTTP 404" in run.err  # the URL is still named, masked
    site.serve("/renewed.html?apikey=Q7zX9kLm2P", fixture_bytes("press/ballard-renewed.html"), "text/html")
    read = run_cli("classify", "--show", "Ballard", f"http://{host}/renewed.html?apikey=Q7zX9kLm2P")
    assert read.code == 0 and "renewed" in read.out
    for secret in ("opensesame", "Q7zX9kLm2P", "sesame12"):
        assert secret not in run.all and secret not in read.all
