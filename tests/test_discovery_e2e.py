"""Automatic sources end to end: TVmaze and news searches served locally, alerts to json://."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

from tests.helpers import Run, run_cli, toml_str
from tests.servers import RSS, JsonReceiver, Site
from tests.tvmazesite import JSON, load, serve_show, with_seasons

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
    # one story, whichever engine and outlet carried it: read once
    evidence = json.loads(run_cli("--config", str(config), "status", "--json").out)["watches"][0]["evidence"]
    stories = [e for e in evidence if "renewed for season 5" in e["title"].casefold()]
    assert len(stories) == 1, evidence
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
    assert "TVmaze: No Such Show" in line and "404" in line and "TVmaze knows no such show" in line


# --- premiere dates ------------------------------------------------------------------------


def in_days(n: int) -> date:
    return datetime.now(UTC).date() + timedelta(days=n)


def google_items(*items: tuple[str, str]) -> str:
    """A Google News search feed of (headline, outlet) items."""
    body = "".join(
        f"<item><title>{escape(title)} - {outlet}</title><link>https://news.google.com/rss/articles/a{i}?oc=5</link>"
        f'<guid isPermaLink="false">a{i}</guid><pubDate>{format_datetime(datetime.now(UTC), usegmt=True)}</pubDate>'
        f'<source url="https://{outlet.lower()}.example">{outlet}</source></item>'
        for i, (title, outlet) in enumerate(items)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>q - Google News</title>{body}</channel></rss>'


def serve_bear(site: Site, day: date | None) -> None:
    data = load("show_bear.json")
    seasons = load("seasons_bear_5.json")
    seasons[-1]["premiereDate"] = day.isoformat() if day else None
    data["_embedded"] = {"seasons": seasons}
    body = json.dumps(data).encode()
    site.serve("/singlesearch/shows?q=The%20Bear&embed=seasons", body, JSON)


def test_tvmaze_premiere_date_is_a_second_milestone_told_once(
    tmp_path: Path, site: Site, receiver: JsonReceiver
) -> None:
    site.serve(GOOGLE_PATH, EMPTY_RSS, RSS)
    day = in_days(200)
    serve_bear(site, day)
    config = bear_config(tmp_path, site, receiver)
    assert check(config).code == 0
    assert receiver.titles() == [
        "The Bear season 5: renewed — reported",
        f"The Bear season 5: premieres {day.isoformat()}",
    ]
    assert "premieres on" in receiver.posts[1].payload["message"]
    assert check(config).code == 0 and len(receiver.posts) == 2  # told once
    # TVmaze moves the date: stored and shown, not told again
    later = in_days(230)
    serve_bear(site, later)
    assert check(config).code == 0 and len(receiver.posts) == 2
    status = run_cli("--config", str(config), "status")
    assert f"premieres {later.isoformat()}" in status.out, status.out
    assert "TVmaze #90210: seasons 1-5, not ended, FX" in status.out


def test_premiere_alerts_can_be_turned_off_and_a_past_date_is_no_premiere(
    tmp_path: Path, site: Site, receiver: JsonReceiver
) -> None:
    site.serve(GOOGLE_PATH, EMPTY_RSS, RSS)
    serve_bear(site, in_days(-30))  # already aired: not an announcement
    config = bear_config(tmp_path, site, receiver)
    assert check(config).code == 0
    assert receiver.titles() == ["The Bear season 5: renewed — reported"]
    quiet = tmp_path / "quiet"
    quiet.mkdir()
    serve_bear(site, in_days(90))
    config = bear_config(quiet, site, receiver)
    config.write_text(
        config.read_text().replace('state = "state.db"', 'state = "state.db"\npremiere_alerts = false')
    )
    assert check(config).code == 0
    assert receiver.titles()[1:] == ["The Bear season 5: renewed — reported"]
    assert f"premieres {in_days(90).isoformat()}" in run_cli("--config", str(config), "status").out


def test_an_article_premiere_date_after_a_renewal_and_no_false_dates(
    tmp_path: Path, site: Site, receiver: JsonReceiver
) -> None:
    serve_bear(site, None)  # renewed, no date yet
    day = in_days(150)
    when = f"{day:%B} {day.day}, {day.year}"
    site.serve(
        GOOGLE_PATH,
        google_items(
            ("The Bear season 4 premiered June 25, 2025: a look back", "Recapper"),
            ("The Bear season 5 could premiere in June, insiders say", "Rumours"),
            (f"The Bear season 6 premieres {when}", "Wrongseason"),
        ),
        RSS,
    )
    config = bear_config(tmp_path, site, receiver)
    assert check(config).code == 0
    assert receiver.titles() == ["The Bear season 5: renewed — reported"]
    site.serve(GOOGLE_PATH, google_items((f"The Bear season 5 premieres {when} on FX", "Deadline")), RSS)
    assert check(config).code == 0
    assert receiver.titles()[1:] == [f"The Bear season 5: premieres {day.isoformat()}"]
    assert "Source: Deadline via News: The Bear season 5" in receiver.posts[1].payload["message"]
    assert check(config).code == 0 and len(receiver.posts) == 2


def test_tvmaze_seasons_place_an_unnumbered_renewal_for_the_reader(
    tmp_path: Path, site: Site, receiver: JsonReceiver
) -> None:
    """Watching season 6 while TVmaze lists seasons 1-4: "FX renews The Bear" is season 5's news."""
    serve_show(site, "show_bear.json", "seasons_bear_4.json")
    news = "/rss/search?q=%22The+Bear%22+%22season+6%22&hl=en-US&gl=US&ceid=US%3Aen"
    site.serve(news, EMPTY_RSS, RSS)
    config = bear_config(
        tmp_path, site, receiver, watch='[[watch]]\nshow = "The Bear"\nseason = 6\nnetwork = "FX"\n'
    )
    assert check(config).code == 0  # learns the seasons
    site.serve(news, google_items(("FX renews The Bear, its kitchen drama", "Deadline")), RSS)
    run = check(config)
    assert run.code == 0, run.all
    assert receiver.titles() == []
    # the same item for a watch of season 5, the one after the latest listed, is the renewal
    other = tmp_path / "five"
    other.mkdir()
    five = bear_config(other, site, receiver)
    site.serve(GOOGLE_PATH, EMPTY_RSS, RSS)
    assert check(five).code == 0
    site.serve(GOOGLE_PATH, google_items(("FX renews The Bear, its kitchen drama", "Deadline")), RSS)
    assert check(five).code == 0
    # a flat statement with the network as the actor is its word (issue 10), whoever carries it
    assert receiver.titles() == ["The Bear season 5: renewed — official"]


def test_a_tvmaze_url_with_a_query_keeps_its_query_and_gets_the_api_path(
    tmp_path: Path, site: Site, receiver: JsonReceiver
) -> None:
    """A proxy in front of TVmaze that wants a key in the query: the API's path goes into the
    URL's path, the key stays in the query (it used to be glued after the key: `?key=k9/singlesearch`)."""
    site.serve(
        "/tvmaze/singlesearch/shows?key=k9&q=The%20Bear&embed=seasons",
        with_seasons("show_bear.json", "seasons_bear_5.json"),
        JSON,
    )
    site.serve(GOOGLE_PATH, EMPTY_RSS, RSS)
    config = bear_config(tmp_path, site, receiver)
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace(toml_str(site.url("")), toml_str(site.url("/tvmaze?key=k9"))), encoding="utf-8"
    )
    run = check(config)
    assert run.code == 0, run.all
    assert receiver.titles() == ["The Bear season 5: renewed — reported"]


def test_the_summary_says_what_tvmaze_told_not_none_about_your_shows(
    tmp_path: Path, site: Site, receiver: JsonReceiver
) -> None:
    """TVmaze's answer is facts about the watched show; '5 items, none about your shows' beside
    the renewal it decided read as a broken source."""
    serve_show(site, "show_bear.json", "seasons_bear_5.json")
    site.serve(GOOGLE_PATH, EMPTY_RSS, RSS)
    run = check(bear_config(tmp_path, site, receiver))
    assert run.code == 0, run.all
    line = next(x for x in run.out.splitlines() if "TVmaze: The Bear" in x)
    assert line.endswith("TVmaze: The Bear: 5 seasons listed, for your watch"), run.out
    assert receiver.titles() == ["The Bear season 5: renewed — reported"]
