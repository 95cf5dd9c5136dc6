"""`add`, `list` and `remove` through the CLI, against a local TVmaze."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

from tests.helpers import run_cli
from tests.servers import RSS, Site
from tests.test_configfile import COMMENTED, comments
from tests.tvmazesite import JSON, load, search_result, serve_search, serve_show


def commented_config(tmp_path: Path, site: Site) -> Path:
    path = tmp_path / "renewalwatch.toml"
    text = COMMENTED.replace(
        'state = "state.db"   # beside this file',
        f'state = "state.db"   # beside this file\ntvmaze_url = "{site.url("")}"  # a local TVmaze',
    )
    path.write_text(text, encoding="utf-8")
    return path


def test_add_looks_the_show_up_and_keeps_every_comment(tmp_path: Path, site: Site) -> None:
    serve_search(site, "The Bear", [search_result("show_bear.json")])
    serve_show(site, "show_bear.json", "seasons_bear_4.json")
    config = commented_config(tmp_path, site)
    before = config.read_text(encoding="utf-8")
    run = run_cli("--config", str(config), "add", "The Bear")
    assert run.code == 0, run.all
    after = config.read_text(encoding="utf-8")
    assert set(comments(before)) <= set(comments(after))
    bear = tomllib.loads(after)["watch"][1]
    # network and id from TVmaze; the season after its latest (4)
    assert bear == {"show": "The Bear", "season": 5, "network": "FX", "tvmaze_id": 90210}
    assert "watching The Bear season 5" in run.out
    assert f"tvmaze  TVmaze: The Bear #90210  {site.url('/shows/90210?embed=seasons')}" in run.out
    assert "news    News: The Bear season 5" in run.out
    assert "https://deadline.com/tag/the-bear/feed/" in run.out and "unverified" in run.out
    assert "TVmaze (https://www.tvmaze.com)" in run.out  # CC BY-SA credit

    listed = run_cli("--config", str(config), "list")
    assert listed.code == 0, listed.all
    assert "The Bear season 5 (FX, TVmaze #90210)" in listed.out
    assert "unverified" not in listed.out.split("Sources:")[0]

    removed = run_cli("--config", str(config), "remove", "The Bear", "--season", "5")
    assert removed.code == 0, removed.all
    assert "Removed The Bear season 5" in removed.out
    assert tomllib.loads(config.read_text(encoding="utf-8"))["watch"] == tomllib.loads(before)["watch"]
    assert set(comments(before)) == set(comments(config.read_text(encoding="utf-8")))
    assert "The Bear" not in run_cli("--config", str(config), "list").out


def test_an_ambiguous_name_is_told_and_the_network_decides(tmp_path: Path, site: Site) -> None:
    ghosts = load("search_ghosts.json")
    serve_search(site, "Ghosts", ghosts)
    us = dict(ghosts[1]["show"], _embedded={"seasons": load("seasons_bear_4.json")})
    site.serve("/shows/50002?embed=seasons", json.dumps(us).encode(), JSON)
    config = commented_config(tmp_path, site)
    run = run_cli("--config", str(config), "add", "Ghosts", "--network", "CBS")
    assert run.code == 0, run.all
    assert tomllib.loads(config.read_text(encoding="utf-8"))["watch"][1]["tvmaze_id"] == 50002
    uk = ghosts[0]["show"]
    site.serve(
        "/shows/40001?embed=seasons",
        json.dumps(dict(uk, _embedded={"seasons": []})).encode(),
        JSON,
    )
    run = run_cli("--config", str(config), "add", "Ghosts", "--season", "2")
    assert run.code == 0, run.all
    assert "Also named so on TVmaze: Ghosts (CBS, 2021) #50002" in run.out


def test_add_says_when_tvmaze_marks_the_show_ended(tmp_path: Path, site: Site) -> None:
    serve_search(site, "Harbor Lights", [search_result("show_ended.json")])
    serve_show(site, "show_ended.json", "seasons_ended.json")
    config = commented_config(tmp_path, site)
    run = run_cli("--config", str(config), "add", "Harbor Lights")
    assert run.code == 0, run.all
    assert "watching season 4, the next one" in run.out
    assert "TVmaze marks Harbor Lights as ended: the first check will report it canceled." in run.out


def test_not_found_and_a_429_then_success(tmp_path: Path, site: Site) -> None:
    serve_search(site, "Nowhere Show", [])
    config = commented_config(tmp_path, site)
    run = run_cli("--config", str(config), "add", "Nowhere Show", "--season", "1")
    assert run.code == 0, run.all
    assert "TVmaze has no show named 'Nowhere Show'" in run.out
    assert tomllib.loads(config.read_text(encoding="utf-8"))["watch"][1] == {
        "show": "Nowhere Show",
        "season": 1,
    }

    # an id TVmaze does not know: 404
    run = run_cli("--config", str(config), "add", "Other Show", "--season", "1", "--tvmaze-id", "424242")
    assert run.code == 0, run.all
    assert "TVmaze has no show #424242" in run.out

    # rate limited once, then an answer
    serve_search(site, "The Bear", [search_result("show_bear.json")])
    serve_show(site, "show_bear.json", "seasons_bear_4.json")
    site.serve_once("/search/shows?q=The%20Bear", b"Too Many Requests", "text/plain", status=429,
                    headers={"Retry-After": "1"})  # fmt: skip
    run = run_cli("--config", str(config), "add", "The Bear")
    assert run.code == 0, run.all
    assert site.statuses("/search/shows?q=The%20Bear") == [429, 200]
    assert tomllib.loads(config.read_text(encoding="utf-8"))["watch"][-1]["season"] == 5


def test_add_offline_still_writes_the_watch(tmp_path: Path) -> None:
    config = tmp_path / "renewalwatch.toml"
    config.write_text(
        COMMENTED.replace(
            'state = "state.db"   # beside this file', 'state = "state.db"\ntvmaze_url = "http://127.0.0.1:9"'
        ),
        encoding="utf-8",
    )
    run = run_cli("--config", str(config), "add", "The Bear", "--season", "5", "--network", "FX")
    assert run.code == 0, run.all
    assert "Could not look 'The Bear' up on TVmaze (could not connect" in run.out
    assert tomllib.loads(config.read_text(encoding="utf-8"))["watch"][1] == {
        "show": "The Bear",
        "season": 5,
        "network": "FX",
    }
    # without a season and without TVmaze there is nothing to guess from
    run = run_cli("--config", str(config), "add", "Severance")
    assert run.code == 2 and "--season" in run.err


def test_add_with_no_config_creates_one_that_check_accepts(
    tmp_path: Path, site: Site, isolated: Path
) -> None:
    run = run_cli("add", "The Bear", "--season", "5", "--offline")
    assert run.code == 0, run.all
    created = tmp_path / "home" / ".config" / "renewalwatch" / "config.toml"
    assert f"Created {created}" in run.out
    text = created.read_text(encoding="utf-8")
    assert "# the season whose renewal" in text
    # point the automatic sources at local servers, as someone behind a proxy would
    text = text.replace(
        'state = "state.db"',
        f'state = "state.db"\ntvmaze_url = "{site.url("")}"\nnews_url = "{site.url("/rss/search")}"',
    )
    created.write_text(text, encoding="utf-8")
    serve_show(site, "show_bear.json", "seasons_bear_4.json")
    site.serve(
        "/rss/search?q=%22The+Bear%22+%22season+5%22&hl=en-US&gl=US&ceid=US%3Aen",
        '<?xml version="1.0"?><rss version="2.0"><channel><title>news</title></channel></rss>', RSS,
    )  # fmt: skip
    check = run_cli("check")
    assert check.code == 0, check.all
    assert re.search(r"checked 2 sources: 2 ok", check.out), check.out


def test_remove_without_a_config_file_says_so(tmp_path: Path) -> None:
    run = run_cli("--config", str(tmp_path / "none.toml"), "remove", "Ballard")
    assert run.code == 2 and "no such config file" in run.err


def test_add_writes_the_first_watch_into_a_config_that_has_only_settings(tmp_path: Path, site: Site) -> None:
    """A user who starts the file with `[settings]` (a proxy's tvmaze_url, say) then runs `add`:
    the missing [[watch]] is what `add` is there to write, not a reason to refuse."""
    serve_search(site, "The Bear", [search_result("show_bear.json")])
    serve_show(site, "show_bear.json", "seasons_bear_4.json")
    config = tmp_path / "renewalwatch.toml"
    config.write_text(f'# my proxy\n[settings]\ntvmaze_url = "{site.url("")}"\n', encoding="utf-8")
    run = run_cli("--config", str(config), "add", "The Bear")
    assert run.code == 0, run.all
    data = tomllib.loads(config.read_text(encoding="utf-8"))
    assert data["watch"] == [{"show": "The Bear", "season": 5, "network": "FX", "tvmaze_id": 90210}]
    assert data["settings"]["tvmaze_url"] == site.url("")  # looked up through the configured TVmaze
    assert "# my proxy" in config.read_text(encoding="utf-8")
    # a mistake elsewhere in such a file is still reported, naming the key
    config.write_text("[settings]\ntimout = 5\n", encoding="utf-8")
    typo = run_cli("--config", str(config), "add", "The Bear", "--season", "5", "--offline")
    assert typo.code == 2 and "settings.timout: unknown key" in typo.err


def test_add_counts_only_the_configs_own_sources_as_shared_by_every_watch(tmp_path: Path, site: Site) -> None:
    """Ballard's automatic TVmaze and news sources are Ballard's, not 'for every watch'."""
    config = commented_config(tmp_path, site)  # Ballard (automatic sources) and one [[source]]
    run = run_cli("--config", str(config), "add", "The Bear", "--season", "5", "--offline")
    assert run.code == 0, run.all
    assert "and the 1 other source(s) in the config, for every watch." in run.out, run.out


def test_add_refuses_control_characters_in_one_line(tmp_path: Path) -> None:
    """An escape in SHOW or --network crashed `add` with tomlkit's traceback (its comment line)."""
    config = tmp_path / "renewalwatch.toml"
    for args in (["Evil\x1b[2JShow"], ["The Bear", "--network", "FX\x07"]):
        run = run_cli("--config", str(config), "add", *args, "--season", "2", "--offline")
        assert run.code == 2, run.all
        assert "control characters" in run.err and len(run.err.strip().splitlines()) == 1
        assert "\x1b" not in run.err and "\x07" not in run.err
    assert not config.exists()
