"""Issue 12, item 7: the friction a new user hits, each a one-line fix with a test."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from renewalwatch.config import build
from renewalwatch.errors import ConfigError
from tests.faultserver import FaultServer
from tests.helpers import fixture_bytes, run_cli, write_config
from tests.servers import HTML, RSS, Site, free_port

RENEWALWATCH = str(Path(sys.executable).with_name("renewalwatch"))
WATCH = {"show": "Ballard", "season": 2}
SOURCE = {"url": "https://example.org/feed"}


def config_error(data: dict[str, Any]) -> ConfigError:
    with pytest.raises(ConfigError) as e:
        build(data, path=None, env={})
    return e.value


@pytest.mark.parametrize("where", ["before", "after"])
def test_global_options_work_after_the_command_too(tmp_path: Path, site: Site, where: str) -> None:
    site.serve("/feed.xml", fixture_bytes("tvledger/report.xml"), RSS)
    config = write_config(
        tmp_path / "renewalwatch.toml",
        sources=[{"name": "Ledger", "url": site.url("/feed.xml"), "trust": "trade"}],
    )
    options = ["--config", str(config), "--log-level", "info", "--log-format", "json"]
    args = [*options, "check"] if where == "before" else ["check", *options]
    run = run_cli(*args)
    assert run.code == 0, run.all
    assert str(config) not in run.err or "No such option" not in run.err
    status = run_cli("status", "--json", f"--config={config}")
    assert json.loads(status.out)["watches"][0]["status"] == "renewed"


def test_an_unknown_key_is_reported_before_a_missing_one_with_a_suggestion() -> None:
    e = config_error({"watch": [{"show": "Ballard", "seasn": 2}], "source": [SOURCE]})
    assert e.key == "watch[0].seasn"
    assert "unknown key" in e.message and "did you mean 'season'" in e.message
    e = config_error({"settings": {"jiter": 0.2}, "watch": [WATCH], "source": [SOURCE]})
    assert "did you mean 'jitter'" in e.message
    e = config_error({"watch": [{"show": "Ballard", "season": 2, "colour": "red"}], "source": [SOURCE]})
    assert e.key == "watch[0].colour" and e.message == "unknown key"


def test_tables_written_once_or_plural_get_the_right_spelling() -> None:
    e = config_error({"watch": WATCH, "source": [SOURCE]})
    assert e.key == "watch" and "[[watch]]" in e.message
    e = config_error({"watch": [WATCH], "sources": [SOURCE]})
    assert e.key == "sources" and "[[source]]" in e.message
    e = config_error({"watches": [WATCH], "source": [SOURCE]})
    assert e.key == "watches" and "[[watch]]" in e.message


@pytest.mark.parametrize("jitter", [5, 1, -0.1, 1.0])
def test_jitter_is_a_fraction_below_one(jitter: float) -> None:
    e = config_error({"settings": {"jitter": jitter}, "watch": [WATCH], "source": [SOURCE]})
    assert e.key == "settings.jitter"


def test_jitter_zero_and_a_half_are_fine() -> None:
    for jitter in (0, 0.5):
        build({"settings": {"jitter": jitter}, "watch": [WATCH], "source": [SOURCE]}, path=None, env={})


@pytest.fixture
def smtp_without_auth() -> Iterator[int]:
    from aiosmtpd.controller import Controller

    class Sink:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            return "250 OK"

    port = free_port()
    controller = Controller(Sink(), hostname="127.0.0.1", port=port, server_hostname="localhost")
    controller.start()
    yield port
    controller.stop()


def test_test_notify_shows_the_reason_apprise_logged(tmp_path: Path, smtp_without_auth: int) -> None:
    url = f"mailto://rw:Pa55word-x@127.0.0.1:{smtp_without_auth}?from=rw@example.com&to=fan@example.com"
    config = write_config(tmp_path / "renewalwatch.toml", sources=[SOURCE | {"name": "x"}], urls=[url])
    run = run_cli("--config", str(config), "test-notify")
    assert run.code == 1
    assert "AUTH" in run.out, run.out
    assert "Pa55word-x" not in run.all


def test_ctrl_c_exits_130(tmp_path: Path) -> None:
    with FaultServer() as server:
        config = write_config(
            tmp_path / "renewalwatch.toml", sources=[{"name": "Slow", "url": server.url("/trickle")}]
        )
        proc = subprocess.Popen(
            [RENEWALWATCH, "--config", str(config), "check"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        try:
            assert server.wait_hits("/trickle", 1, timeout=10)
            proc.send_signal(signal.SIGINT)
            _out, err = proc.communicate(timeout=10)
        finally:
            if proc.poll() is None:
                proc.kill()
    assert proc.returncode == 130, err
    assert b"Traceback" not in err


def test_classify_reads_a_url_through_the_fetcher(site: Site) -> None:
    page = b"<html><head><title>News</title></head><body><article><p>Prime Video has renewed Ballard for a second season, the streamer announced.</p></article></body></html>"
    site.serve("/news.html", page, HTML)
    url = site.url("/news.html")
    run = run_cli("classify", "--show", "Ballard", url)
    assert run.code == 0, run.all
    assert run.out.startswith(f"{url}: renewed")
    missing = run_cli("classify", "--show", "Ballard", site.url("/missing.html"))
    assert missing.code == 1 and "404" in missing.err and "http://" in missing.err


def test_classify_reads_standard_input() -> None:
    from click.testing import CliRunner

    from renewalwatch.cli import main

    text = "Ballard renewed\nPrime Video has renewed Ballard for a second season, the streamer said.\n"
    result = CliRunner().invoke(main, ["classify", "--show", "Ballard", "-"], input=text)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("-: renewed")
