"""The status page in a real browser: headless Chromium (Debian's package, which .ci/run installs)
loads it from a server on 127.0.0.1 over a state real checks prepared, reads the badges and links
as rendered, checks it fits a phone, and saves screenshots to test-artifacts/web/ (git-ignored)."""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path

import pytest

from renewalwatch.config import load
from renewalwatch.web import StatusApp, WebServer
from tests.cdp import Browser, find_chromium
from tests.servers import Site
from tests.webstate import HOSTILE_TITLE, PREMIERE, prepared_config

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "web"
CHROMIUM = find_chromium()

pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no chromium on PATH: .ci/run installs Debian's chromium package; the install failed or was skipped",
)

BADGES = """[...document.querySelectorAll('article.watch')].map(card => ({
  show: card.querySelector('h2').textContent.replace(/\\s+/g, ' ').trim(),
  badges: [...card.querySelectorAll('.watch-head .badge')].map(b => b.textContent.trim()),
  status: card.querySelector('.badge[data-status]').dataset.status,
  color: getComputedStyle(card.querySelector('.badge[data-status]')).backgroundColor,
  text: card.innerText,
}))"""
LINKS = "[...document.querySelectorAll('a[href]')].map(a => [a.protocol, a.href, a.textContent.trim()])"


@pytest.fixture
def url(tmp_path: Path, site: Site) -> Iterator[str]:
    config = prepared_config(tmp_path, site)
    server = WebServer(StatusApp(lambda: load(config, {})), "127.0.0.1:0")
    server.start()
    yield server.url
    server.stop()


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_page_in_headless_chromium_on_a_desktop_and_a_phone(url: str, tmp_path: Path) -> None:
    assert CHROMIUM is not None
    with Browser(CHROMIUM, tmp_path / "chromium-profile") as browser:
        browser.open(url, 1200, 900)
        assert browser.evaluate("document.title") == "renewalwatch"
        cards = browser.evaluate(BADGES)
        assert [(c["show"], c["badges"]) for c in cards] == [
            ("Ballard season 2", ["renewed", "official"]),
            ("Harbor Lights season 3", ["renewed", "reported"]),
            ("The Bear season 5", ["renewed", "reported", f"premieres {PREMIERE.isoformat()}"]),
        ]
        assert cards[0]["color"] == "rgb(26, 127, 55)"  # renewed is green, as a badge, not a word
        assert HOSTILE_TITLE in cards[1]["text"]  # rendered as the text it is
        assert browser.evaluate("document.scripts.length") == 0
        assert browser.evaluate("document.querySelectorAll('b').length") == 0

        links = browser.evaluate(LINKS)
        assert {protocol for protocol, _, _ in links} == {"http:", "https:"}
        texts = {text: href for _, href, text in links}
        assert texts["Prime Video Renews Ballard for Season 2, Sources Say"] == (
            "https://tvledger.example/2025/11/ballard-renewed-season-2/"
        )
        assert texts["Atom feed"] == url + "feed.xml"
        assert texts["JSON"] == url + "api/status"
        assert texts["TVmaze"] == "https://www.tvmaze.com/"  # the credit its licence asks for
        assert not any(e.get("method") == "Page.javascriptDialogOpening" for e in browser.events)
        desktop = browser.screenshot(ARTIFACTS / "status-desktop.png")
        assert png_size(desktop)[0] == 1200

        # On a phone: nothing wider than the screen, so nothing to scroll sideways.
        browser.open(url, 390, 844, mobile=True)
        assert browser.evaluate("document.documentElement.scrollWidth") <= 390
        font = browser.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
        assert font >= 14
        phone = browser.screenshot(ARTIFACTS / "status-phone.png")
        width, height = png_size(phone)
        assert width == 390 and height > 844  # the whole page, beyond the first screen
