"""Issue 12, item 3: owed alerts follow the destination the user meant.

The rule: a destination is its `name` when it has one, else its position in `notify.urls`.
Correcting a mistyped URL delivers what was owed, exactly once; a destination added after a
change hears the current status once.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from renewalwatch.config import build
from renewalwatch.errors import ConfigError
from tests.helpers import fixture_bytes, run_cli, toml_str, write_config
from tests.servers import RSS, JsonReceiver, Site, free_port


@pytest.fixture
def second() -> Iterator[JsonReceiver]:
    server = JsonReceiver().start()
    yield server
    server.stop()


def _config(tmp_path: Path, site: Site, urls: list[str]) -> Path:
    site.serve("/feed.xml", fixture_bytes("tvledger/report.xml"), RSS)
    path = write_config(
        tmp_path / "renewalwatch.toml",
        sources=[{"name": "Ledger", "url": site.url("/feed.xml"), "trust": "trade"}],
        urls=["placeholder"],
    )
    path.write_text(path.read_text().replace('urls = ["placeholder"]', "urls = [" + ", ".join(urls) + "]"))
    return path


def test_correcting_a_mistyped_url_delivers_what_was_owed_exactly_once(
    tmp_path: Path, site: Site, receiver: JsonReceiver
) -> None:
    dead = f"json://127.0.0.1:{free_port()}/typo"
    config = _config(tmp_path, site, [toml_str(dead)])
    first = run_cli("--config", str(config), "check")
    assert first.code == 1 and "1 failed" in first.out
    config = _config(tmp_path, site, [toml_str(receiver.apprise_url())])
    assert run_cli("--config", str(config), "check").code == 0
    assert run_cli("--config", str(config), "check").code == 0
    assert receiver.titles() == ["Ballard season 2: renewed — reported"]
    assert "no longer configured" not in run_cli("--config", str(config), "status").out


def test_a_destination_added_after_a_change_hears_the_current_status_once(
    tmp_path: Path, site: Site, receiver: JsonReceiver, second: JsonReceiver
) -> None:
    config = _config(tmp_path, site, [toml_str(receiver.apprise_url())])
    assert run_cli("--config", str(config), "check").code == 0
    config = _config(tmp_path, site, [toml_str(receiver.apprise_url()), toml_str(second.apprise_url())])
    assert run_cli("--config", str(config), "check").code == 0
    assert run_cli("--config", str(config), "check").code == 0
    assert receiver.titles() == ["Ballard season 2: renewed — reported"]
    assert second.titles() == ["Ballard season 2: renewed — reported"]
    assert "added after" in second.posts[0].payload["message"]


def test_a_named_destination_keeps_what_it_is_owed_when_the_list_is_reordered(
    tmp_path: Path, site: Site, receiver: JsonReceiver, second: JsonReceiver
) -> None:
    dead = f"json://127.0.0.1:{free_port()}/typo"
    named_dead = "{ name = " + toml_str("phone") + ", url = " + toml_str(dead) + " }"
    named_second = "{ name = " + toml_str("desk") + ", url = " + toml_str(second.apprise_url()) + " }"
    config = _config(tmp_path, site, [named_dead, named_second])
    assert run_cli("--config", str(config), "check").code == 1
    assert second.titles() == ["Ballard season 2: renewed — reported"]
    named_fixed = "{ name = " + toml_str("phone") + ", url = " + toml_str(receiver.apprise_url()) + " }"
    config = _config(tmp_path, site, [named_second, named_fixed])
    assert run_cli("--config", str(config), "check").code == 0
    assert receiver.titles() == ["Ballard season 2: renewed — reported"]
    assert second.titles() == ["Ballard season 2: renewed — reported"]  # nothing twice


def test_destination_names_are_checked() -> None:
    def config(urls: list[object]) -> None:
        data = {
            "notify": {"urls": urls},
            "watch": [{"show": "Ballard", "season": 2}],
            "source": [{"url": "https://example.org/feed"}],
        }
        build(data, path=None, env={})

    with pytest.raises(ConfigError, match=r"notify.urls\[1\].name.*twice"):
        config([{"name": "a", "url": "json://x/1"}, {"name": "a", "url": "json://x/2"}])
    with pytest.raises(ConfigError, match=r"notify.urls\[0\].nmae: unknown key"):
        config([{"nmae": "a", "url": "json://x/1"}])
    with pytest.raises(ConfigError, match=r"notify.urls\[0\].url: is required"):
        config([{"name": "a"}])
