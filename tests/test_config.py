"""Config: where it is found, how it is checked, and what it means when it is fine."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from renewalwatch.config import (
    CONSOLE,
    ENV_CONFIG,
    build,
    destination,
    discover,
    load,
    parse_duration,
    user_config_path,
)
from renewalwatch.errors import ConfigError
from renewalwatch.models import Trust
from tests.helpers import run_cli

WATCH = {"show": "Ballard", "season": 2, "auto_sources": False}
SOURCE = {"name": "Ledger", "url": "http://127.0.0.1:9/feed.xml"}


def minimal(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"watch": [dict(WATCH)], "source": [dict(SOURCE)]}
    data.update(overrides)
    return data


# --- discovery ------------------------------------------------------------------------------


def test_user_config_path_follows_xdg(tmp_path: Path) -> None:
    assert (
        user_config_path({"XDG_CONFIG_HOME": str(tmp_path / "cfg")})
        == tmp_path / "cfg" / "renewalwatch" / "config.toml"
    )


@pytest.mark.parametrize(
    ("explicit", "env", "present", "expected"),
    [
        ("/opt/flag.toml", "/opt/env.toml", {"cwd", "user"}, "/opt/flag.toml"),
        (None, "/opt/env.toml", {"cwd", "user"}, "/opt/env.toml"),
        (None, None, {"cwd", "user"}, "cwd"),
        (None, None, {"user"}, "user"),
        (None, None, set(), None),
        (None, "", {"cwd"}, "cwd"),  # an empty variable is no choice
    ],
    ids=["flag-first", "env-second", "cwd-third", "user-fourth", "nothing", "empty-env"],
)
def test_discovery_order(
    tmp_path: Path, explicit: str | None, env: str | None, present: set[str], expected: str | None
) -> None:
    cwd = tmp_path / "here"
    places = {"cwd": cwd / "renewalwatch.toml", "user": user_config_path({})}
    existing = {places[p] for p in present}
    environ = {} if env is None else {ENV_CONFIG: env}
    found = discover(explicit, environ, cwd, exists=lambda p: p in existing)
    assert found == (places.get(expected, Path(expected)) if expected else None)


def write(path: Path, source_name: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f'[[watch]]\nshow = "Ballard"\nseason = 2\nauto_sources = false\n[[source]]\nname = "{source_name}"\n'
        'url = "http://127.0.0.1:9/feed.xml"\n',
        encoding="utf-8",
    )
    return path


def origin(*args: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    run = run_cli(*args, "status", "--json", env=env)
    assert run.code == 0, run.all
    data: dict[str, Any] = json.loads(run.out)
    return data


def test_cli_discovery_end_to_end(tmp_path: Path, isolated: Path) -> None:
    """Through the CLI: each place in turn, most specific first (cwd is `isolated`)."""
    user = write(user_config_path(os.environ), "from-user")
    assert origin()["config"] == str(user.resolve())
    here = write(isolated / "renewalwatch.toml", "from-cwd")
    assert origin()["config"] == str(here.resolve())
    via_env = write(tmp_path / "env" / "rw.toml", "from-env")
    assert origin(env={ENV_CONFIG: str(via_env)})["config"] == str(via_env.resolve())
    flag = write(tmp_path / "flag" / "rw.toml", "from-flag")
    assert origin("--config", str(flag), env={ENV_CONFIG: str(via_env)})["config"] == str(flag.resolve())


def test_without_any_config_the_built_in_ballard_watch_is_used(isolated: Path) -> None:
    data = origin()
    assert data["config"] == "built-in default"
    assert [(w["show"], w["season"]) for w in data["watches"]] == [("Ballard", 2)]
    assert Path(data["state"]) == Path.home() / ".local" / "state" / "renewalwatch" / "state.db"


# --- the state path -------------------------------------------------------------------------


def test_relative_state_is_next_to_the_config_not_the_cwd(tmp_path: Path, isolated: Path) -> None:
    config = tmp_path / "etc" / "renewalwatch.toml"
    config.parent.mkdir()
    config.write_text(
        '[settings]\nstate = "data/rw.db"\n[[watch]]\nshow = "Ballard"\nseason = 2\nauto_sources = false\n'
        '[[source]]\nurl = "http://127.0.0.1:9/feed.xml"\n',
        encoding="utf-8",
    )
    assert load(config, {}).settings.state == config.parent.resolve() / "data" / "rw.db"
    run = run_cli("--config", str(config), "check")  # the source is down; the state is written
    assert run.code == 1
    assert (config.parent / "data" / "rw.db").is_file()
    assert not (isolated / "data").exists()


def test_absolute_and_home_state_paths(tmp_path: Path) -> None:
    absolute = build(minimal(settings={"state": str(tmp_path / "s.db")}), path=tmp_path / "c.toml", env={})
    assert absolute.settings.state == tmp_path / "s.db"
    home = build(minimal(settings={"state": "~/rw/s.db"}), path=tmp_path / "c.toml", env={})
    assert home.settings.state == Path.home() / "rw" / "s.db"


# --- values ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "seconds"),
    [("45s", 45), ("15m", 900), ("2h", 7200), ("1d", 86400), (90, 90), ("1.5h", 5400), ("30", 30)],
)
def test_durations(value: object, seconds: float) -> None:
    assert parse_duration(value, "settings.every", "c.toml") == seconds


@pytest.mark.parametrize("value", ["soon", "0m", 0, -5, True, "15 minutes", None])
def test_bad_durations_name_the_key(value: object) -> None:
    with pytest.raises(ConfigError) as e:
        parse_duration(value, "settings.every", "c.toml")
    assert (e.value.path, e.value.key) == ("c.toml", "settings.every")


def test_defaults_and_source_values(tmp_path: Path) -> None:
    data = minimal()
    data["source"].append(
        {
            "name": "Press",
            "kind": "page",
            "url": "https://press.example/b",
            "trust": "official",
            "every": "2h",
        }
    )
    config = build(data, path=tmp_path / "c.toml", env={})
    assert config.settings.timeout == 20.0
    assert config.settings.max_bytes == 5 * 1024 * 1024
    assert [d.url for d in config.destinations] == [CONSOLE]  # no urls: print to the console
    ledger, press = config.sources
    assert (ledger.kind, ledger.trust, ledger.every) == ("feed", Trust.OTHER, None)
    assert (press.kind, press.trust, press.every) == ("page", Trust.OFFICIAL, 7200.0)
    assert config.watches[0].key == "ballard#s2"


@pytest.mark.parametrize(
    ("data", "key", "message"),
    [
        (minimal(watch=[]), "watch", "at least one"),
        (minimal(source=[]), "source", "at least one"),
        (minimal(watch=[WATCH, WATCH]), "watch", "watched twice"),
        (minimal(source=[SOURCE, SOURCE]), "source", "two sources are named 'Ledger'"),
        (minimal(watch=[{"show": "Ballard", "season": 0}]), "watch[0].season", "between 1 and 99"),
        (minimal(watch=[{"show": "  ", "season": 2}]), "watch[0].show", "must not be empty"),
        (minimal(watch=[{"season": 2}]), "watch[0].show", "is required"),
        (
            minimal(watch=[{**WATCH, "aliases": ["Renee Ballard", ""]}]),
            "watch[0].aliases[1]",
            "non-empty string",
        ),
        (minimal(source=[{"url": "ftp://example.com/feed"}]), "source[0].url", "http(s) URL"),
        # Unparseable after the scheme: every check crashed on it as an "internal error".
        (minimal(source=[{"url": "http://[::1/feed"}]), "source[0].url", "not a usable URL"),
        (minimal(settings={"tvmaze_url": "https://[tvmaze"}), "settings.tvmaze_url", "not a usable URL"),
        (minimal(source=[{**SOURCE, "trust": "gospel"}]), "source[0].trust", "unknown trust"),
        (minimal(source=[{**SOURCE, "every": "often"}]), "source[0].every", "duration"),
        (minimal(settings={"max_bytes": 0}), "settings.max_bytes", "more than zero"),
        (minimal(settings={"timeout": True}), "settings.timeout", "got a boolean"),
        (minimal(notify={"urls": "json://127.0.0.1/x"}), "notify.urls", "expected a list"),
        (minimal(notify={"urls": ["not a url"]}), "notify.urls[0]", "not a notification URL"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_config_errors_name_the_key(tmp_path: Path, data: dict[str, Any], key: str, message: str) -> None:
    with pytest.raises(ConfigError) as e:
        build(data, path=tmp_path / "c.toml", env={})
    assert e.value.path == str(tmp_path / "c.toml")
    assert e.value.key == key
    assert message in e.value.message
    assert "\n" not in str(e.value)


def test_destination_expands_env_and_keeps_the_secret_out_of_key_and_label() -> None:
    template = "mailto://rw:${RW_PASS}@smtp.example.com?to=fan@example.com"
    one = destination(template, env={"RW_PASS": "Sw0rdfish-77"}, where="notify.urls[0]", path="c.toml")
    two = destination(template, env={"RW_PASS": "Other-Secret-88"}, where="notify.urls[0]", path="c.toml")
    assert one.url == "mailto://rw:Sw0rdfish-77@smtp.example.com?to=fan@example.com"
    assert "Sw0rdfish-77" not in one.masked and "Sw0rdfish-77" not in one.key
    assert one.key == two.key  # a rotated password does not orphan owed notifications


def test_a_watch_gets_automatic_tvmaze_and_news_sources(tmp_path: Path) -> None:
    data: dict[str, Any] = {
        "settings": {"locale": "en-GB", "tvmaze_url": "http://127.0.0.1:9/"},
        "watch": [{"show": "The Bear", "season": 5, "tvmaze_id": 90210}, {"show": "The Bear", "season": 6}],
    }
    config = build(data, path=tmp_path / "c.toml", env={})
    by_name = {s.name: s for s in config.sources}
    tvmaze = by_name["TVmaze: The Bear #90210"]
    assert tvmaze.url == "http://127.0.0.1:9/shows/90210?embed=seasons"
    assert tvmaze.every == 3600  # TVmaze caches for an hour: the daemon asks hourly
    assert by_name["TVmaze: The Bear"].url.endswith("/singlesearch/shows?q=The%20Bear&embed=seasons")
    news = by_name["News: The Bear season 5"]
    assert "hl=en-GB" in news.url and "ceid=GB%3Aen" in news.url and news.every is None
    assert "News: The Bear season 6" in by_name
    with pytest.raises(ConfigError, match=r"settings\.engine: unknown engine 'yahoo'"):
        build({**data, "settings": {"engine": "yahoo"}}, path=tmp_path / "c.toml", env={})
    with pytest.raises(ConfigError, match=r"settings\.locale"):
        build({**data, "settings": {"locale": "english"}}, path=tmp_path / "c.toml", env={})
    off = {"watch": [{"show": "The Bear", "season": 5, "auto_sources": False}]}
    with pytest.raises(ConfigError, match="at least one"):
        build(off, path=tmp_path / "c.toml", env={})
