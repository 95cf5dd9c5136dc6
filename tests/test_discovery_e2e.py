"""Automatic sources end to end: TVmaze and news searches served locally, alerts to json://."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import Run, run_cli, toml_str
from tests.servers import RSS, JsonReceiver, Site
from tests.tvmazesite import serve_show

NEWS = Path(__file__).parent / "fixtures" / "news"
GOOGLE_PATH = "/rss/search?q=%22The+Bear%22+%22season+5%22&hl=en-US&gl=US&ceid=US%3Aen"
BING_PATH = "/news/search?q=%22The+Bear%22+%22season+5%22&format=rss&mkt=en-US"
EMPTY_RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>search</title></channel></rss>'


def bear_config(
    tmp_path: Path, site: Site, receiver: JsonReceiver, *, extra: str = "", watch: str = ""
) -> Path:
    path = tmp_path / "renewalwatch.toml"
    path.write_text(
        "[settings]\n"
        'state = "state.db"\n'
        f"tvmaze_url = {toml_str(site.url(''))}\n"
        f"news_url = {toml_str(site.url('/rss/search'))}\n"
        "[notify]\n"
        f"urls = [{toml_str(receiver.apprise_url())}]\n"
        + (watch or '[[watch]]\nshow = "The Bear"\nseason = 5\nnetwork = "FX"\n')
        + extra,
        encoding="utf-8",
    )
    return path


def check(config: Path, *args: str) -> Run:
    return run_cli("--config", str(config), "check", *args)


def test_a_seasons_list_gaining_the_watched_season_alerts_once(
    tmp_path: Path, site: Site, receiver: JsonReceiver
) -> None:
    serve_show(site, "show_bear.json", "seasons_bear_4.json")
    site.serve(GOOGLE_PATH, EMPTY_RSS, RSS)
    config = bear_config(tmp_path, site, receiver)
    first = check(config)
    assert first.code == 0, first.all
    assert receiver.titles() == []
    serve_show(site, "show_bear.json", "seasons_bear_5.json")
    second = check(config)
    assert second.code == 0, second.all
    assert receiver.titles() == ["The Bear season 5: renewed — reported"]
    body = receiver.posts[0].payload["message"]
    assert "TVmaze lists season 5 of The Bear" in body
    assert "https://www.tvmaze.com/shows/90210/the-bear" in body
    # nothing new: nothing sent, and TVmaze is asked conditionally
    third = check(config)
    assert third.code == 0 and len(receiver.posts) == 1
    tvmaze_hits = site.hits("/singlesearch/shows?q=The%20Bear&embed=seasons")
    assert "If-None-Match" in tvmaze_hits[-1].headers and tvmaze_hits[-1].status == 304
    status = run_cli("--config", str(config), "status")
    assert "TVmaze (https://www.tvmaze.com)" in status.out, status.out


def test_an_ended_show_without_the_season_is_canceled(
    tmp_path: Path, site: Site, receiver: JsonReceiver
) -> None:
    serve_show(site, "show_ended.json", "seasons_ended.json")
    site.serve("/rss/search?q=%22Harbor+Lights%22+%22season+4%22&hl=en-US&gl=US&ceid=US%3Aen", EMPTY_RSS, RSS)
    config = bear_config(tmp_path, site, receiver, watch='[[watch]]\nshow = "Harbor Lights"\nseason = 4\n')
    run = check(config)
    assert run.code == 0, run.all
    assert receiver.titles() == ["Harbor Lights season 4: canceled — reported"]


def test_a_news_item_credits_its_outlet_and_two_engines_alert_once(
    tmp_path: Path, site: Site, receiver: JsonReceiver
) -> None:
    serve_show(site, "show_bear.json", "seasons_bear_4.json")
    site.serve(GOOGLE_PATH, (NEWS / "google_bear.xml").read_bytes(), RSS)
    site.serve(BING_PATH, (NEWS / "bing_bear.xml").read_bytes(), RSS)
    bing = (
        '[[source]]\nname = "Bing: The Bear"\nkind = "news"\nengine = "bing"\n'
        f"query = {toml_str(chr(34) + 'The Bear' + chr(34) + ' ' + chr(34) + 'season 5' + chr(34))}\n"
        f"url = {toml_str(site.url('/news/search'))}\n"
    )
    config = bear_config(tmp_path, site, receiver, extra=bing)
    run = check(config)
    assert run.code == 0, run.all
    assert receiver.titles() == ["The Bear season 5: renewed — reported"]
    body = receiver.posts[0].payload["message"]
    assert "Source: Deadline via " in body
    assert (
        "Renewed For Season 5 At FX" in body and " - Deadline" not in body.split("Article:")[1].split("\n")[0]
    )


def test_tvmaze_429_backs_off_then_succeeds_and_404_is_one_clear_line(
    tmp_path: Path, site: Site, receiver: JsonReceiver
) -> None:
    serve_show(site, "show_bear.json", "seasons_bear_5.json")
    site.serve(GOOGLE_PATH, EMPTY_RSS, RSS)
    site.serve_once(
        "/singlesearch/shows?q=The%20Bear&embed=seasons", b"slow down", "text/plain", status=429,
        headers={"Retry-After": "20"},
    )  # fmt: skip
    config = bear_config(tmp_path, site, receiver)
    first = check(config)
    assert first.code == 1
    assert "TVmaze: The Bear" in first.out and "HTTP 429" in first.out and "retry after 20s" in first.out
    assert receiver.titles() == []
    second = check(config, "--force")
    assert second.code == 0, second.all
    assert receiver.titles() == ["The Bear season 5: renewed — reported"]

    missing = bear_config(tmp_path, site, receiver, watch='[[watch]]\nshow = "No Such Show"\nseason = 1\n')
    site.serve("/rss/search?q=%22No+Such+Show%22+%22season+1%22&hl=en-US&gl=US&ceid=US%3Aen", EMPTY_RSS, RSS)
    run = check(missing)
    assert run.code == 1
    [line] = [line for line in run.out.splitlines() if "FAILED" in line]
    assert "TVmaze: No Such Show" in line and "404" in line
