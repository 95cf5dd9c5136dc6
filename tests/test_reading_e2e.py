"""What the feed really says, through `check` against local servers: every charset a feed comes in,
names written with entities, curly apostrophes and accents, each announcement alerting once; and
`check` and `classify` agreeing on every item of a whole fixture set, since they read bytes alike.
"""

from __future__ import annotations

import json
import sqlite3
import tomllib
from pathlib import Path

import pytest

from tests.feeds import FEEDS, watches_toml
from tests.helpers import FIXTURES, SITE, run_cli, write_config
from tests.servers import RSS, JsonReceiver, Site


def _check(config: Path) -> str:
    run = run_cli("--config", str(config), "check")
    assert run.code == 0, run.all
    assert "Traceback" not in run.all
    return run.out


def test_each_encoding_and_spelling_of_a_name_alerts_once(
    tmp_path: Path, site: Site, receiver: JsonReceiver
) -> None:
    for feed in FEEDS:
        site.serve(f"/{feed.name}.xml", feed.body(), feed.content_type)
    config = write_config(
        tmp_path / "renewalwatch.toml",
        sources=[
            {"name": feed.name, "kind": "feed", "url": site.url(f"/{feed.name}.xml"), "trust": "trade"}
            for feed in FEEDS
        ],
        urls=[receiver.apprise_url()],
        watch=watches_toml([feed.show for feed in FEEDS]),
    )
    out = _check(config)
    assert f"checked {len(FEEDS)} sources: {len(FEEDS)} ok, 0 failed" in out
    alerted = sorted(t.split(" season 2: ")[0] for t in receiver.titles())
    assert alerted == sorted(feed.show for feed in FEEDS), receiver.titles()
    assert all(": renewed — " in t for t in receiver.titles())
    # The same bytes again, and the same news re-encoded with other typography: nothing new.
    _check(config)
    for feed in FEEDS:
        retyped = feed.xml().replace("\u2019", "&#8217;").replace("&amp;nbsp;", " ").encode("utf-8")
        site.serve(f"/{feed.name}.xml", retyped.replace(f'encoding="{feed.declared}"'.encode(), b""), RSS)
    out = _check(config)
    assert len(receiver.titles()) == len(FEEDS)
    assert "0 new" in out and " 1 new" not in out


def test_the_summary_tells_a_quiet_feed_from_a_broken_one(tmp_path: Path, site: Site) -> None:
    site.serve("/quiet.xml", (SITE / "screenwire" / "quiet.atom").read_bytes(), RSS)
    config = write_config(
        tmp_path / "renewalwatch.toml",
        sources=[{"name": "Quiet", "kind": "feed", "url": site.url("/quiet.xml")}],
        watch=watches_toml(["Nobody Writes About This"]),
    )
    out = _check(config)
    assert "ok      Quiet: 2 items, none about your shows" in out
    with sqlite3.connect(config.parent / "state.db") as db:
        assert db.execute("SELECT count(*) FROM item").fetchone() == (0,)  # neither parsed nor stored


@pytest.mark.parametrize(
    ("body", "why"),
    [
        (
            b'<?xml version="1.0"?><!--' + b"padding " * 9000 + b"-->"
            b'<!DOCTYPE rss [<!ENTITY lol "lol">]><rss version="2.0"><channel><title>&lol;</title>'
            b"</channel></rss>",
            "after 64 KB of comment",
        ),
        (
            '<?xml version="1.0" encoding="utf-16"?><!DOCTYPE rss [<!ENTITY lol "lol">]>'
            '<rss version="2.0"><channel><title>&lol;</title></channel></rss>'.encode("utf-16"),
            "in UTF-16",
        ),
    ],
    ids=["after-64k", "utf-16"],
)
def test_an_entity_declaration_is_refused_wherever_it_hides(
    tmp_path: Path, site: Site, body: bytes, why: str
) -> None:
    site.serve("/laughs.xml", body, RSS)
    config = write_config(
        tmp_path / "renewalwatch.toml", sources=[{"name": "Laughs", "url": site.url("/laughs.xml")}]
    )
    run = run_cli("--config", str(config), "check")
    assert run.code == 1, why
    assert "the feed declares XML entities; refused (entity-expansion risk)" in run.out, why


def test_an_unknown_charset_is_a_clear_error_for_that_source_only(
    tmp_path: Path, site: Site, receiver: JsonReceiver
) -> None:
    feed = next(f for f in FEEDS if f.name == "windows-1252")
    site.serve("/odd.xml", feed.body().replace(b"windows-1252", b"x-mac-klingon"), RSS)
    site.serve("/good.xml", FEEDS[0].body(), FEEDS[0].content_type)
    config = write_config(
        tmp_path / "renewalwatch.toml",
        sources=[
            {"name": "Odd", "url": site.url("/odd.xml"), "trust": "trade"},
            {"name": "Good", "url": site.url("/good.xml"), "trust": "trade"},
        ],
        urls=[receiver.apprise_url()],
        watch=watches_toml(["Elite", "Brick & Mortar"]),
    )
    run = run_cli("--config", str(config), "check")
    assert run.code == 1
    assert "Traceback" not in run.all and "internal error" not in run.all
    assert "unknown character encoding 'x-mac-klingon' (from the XML declaration)" in run.out
    assert receiver.titles() == ["Brick & Mortar season 2: renewed — official"]


# --- check and classify agree ---------------------------------------------------------------


def _fixture_set(tmp: Path) -> list[tuple[str, Path]]:
    """Every feed the tests have: the encoded ones above, the site's, and the corpora's feed cases."""
    files: list[tuple[str, Path]] = []
    for feed in FEEDS:
        path = tmp / f"{feed.name}.xml"
        path.write_bytes(feed.body())
        files.append((feed.content_type, path))
    files += [
        (RSS, p) for p in sorted(SITE.glob("*/*.xml")) + sorted(SITE.glob("*/*.atom")) if "bad" not in p.parts
    ]
    for case in sorted(p for p in FIXTURES.glob("**/*.toml") if p.name != "watches.toml"):
        data = tomllib.loads(case.read_text(encoding="utf-8"))
        if data.get("format") == "feed":
            path = tmp / f"{case.parent.name}-{case.stem}.xml"
            path.write_text(data["body"].strip(), encoding="utf-8")
            files.append((RSS, path))
    return files


def test_check_and_classify_agree_on_every_item_of_every_fixture_feed(tmp_path: Path, site: Site) -> None:
    files = _fixture_set(tmp_path)
    assert len(files) > 50
    shows = sorted({f.show for f in FEEDS} | {"Ballard", "Harbor Lights", "Night Desk", "Tracker", "Ghosts"})
    sources = []
    for n, (content_type, path) in enumerate(files):
        site.serve(f"/{n}.xml", path.read_bytes(), content_type)
        sources.append({"name": path.name, "url": site.url(f"/{n}.xml"), "trust": "trade"})
    config = write_config(tmp_path / "conf" / "renewalwatch.toml", sources=sources, watch=watches_toml(shows))
    run = run_cli("--config", str(config), "check")
    assert run.code == 0, run.all
    with sqlite3.connect(config.parent / "state.db") as db:
        by_check = {
            (source, watch, url, verdict, bool(official))
            for source, watch, url, verdict, official in db.execute(
                "SELECT source, watch, url, verdict, official FROM evidence"
            )
        }
    by_classify = set()
    for show in shows:
        run = run_cli(
            "classify", "--show", show, "--season", "2", "--trust", "trade", "--items", "--json",
            *(str(p) for _, p in files),
        )  # fmt: skip
        assert run.code == 0, run.all
        for row in map(json.loads, run.out.splitlines()):
            if row["verdict"] != "unrelated":
                key = f"{show.casefold()}#s2"
                by_classify.add((Path(row["file"]).name, key, row["url"], row["verdict"], row["official"]))
    assert by_check == by_classify
    assert len(by_check) >= len(FEEDS) + 20  # the comparison is about something


def test_classify_on_a_url_reads_the_charset_from_the_header_as_check_does(site: Site) -> None:
    """The GB2312 feed declares its charset only in Content-Type: read as UTF-8 it names no show."""
    feed = next(f for f in FEEDS if f.declared is None and f.header)
    site.serve("/gb.xml", feed.body(), feed.content_type)
    run = run_cli(
        "classify", "--show", feed.show, "--trust", "trade", "--items", "--json", site.url("/gb.xml")
    )
    assert run.code == 0, run.all
    [row] = [json.loads(line) for line in run.out.splitlines()]
    assert row["verdict"] == "renewed"
    assert "\u7eed\u8ba2" in row["title"]  # 续订: decoded right
