"""A state file prepared the way a user gets one: real `check`s against the fixture site.

Ballard season 2 goes pending → renewed (reported) → renewed (official); Harbor Lights season 3
is renewed by a hostile feed whose title carries markup and a script and whose link is a
javascript: URL; The Bear season 5 is found renewed, with a premiere date, on TVmaze (and its
news search finds nothing), both served locally; one source answers 404 (a failing source with its last error); the only
notify destination refuses connections, so the alerts stay owed.
"""

from __future__ import annotations

from pathlib import Path

from tests.helpers import fixture_bytes, run_cli, write_config
from tests.servers import ATOM, HTML, RSS, Site, free_port
from tests.test_discovery_e2e import EMPTY_RSS, GOOGLE_PATH, in_days, serve_bear

LEDGER, WIRE, PRESS, NIGHT = (
    "/tvledger/feed.xml",
    "/screenwire/feed.atom",
    "/press/shows/ballard",
    "/nightdesk/rss",
)
NOTIFY_SECRET = "Hunter2NotifyPassword"
SOURCE_KEY = "Src4ApiKeyValue99"
HOSTILE_TITLE = 'Harbor Lights renewed for season 3 <script>alert("owned")</script> <b>scoop</b>'
WATCHES = """
[[watch]]
show = "Ballard"
season = 2
network = "Prime Video"
exclude = ["Ballard Power", "Ballard Designs"]
auto_sources = false

[[watch]]
show = "Harbor Lights"
season = 3
network = "Tidewater+"
auto_sources = false

[[watch]]
show = "The Bear"
season = 5
network = "FX"
"""
PREMIERE = in_days(200)


def prepared_config(tmp_path: Path, site: Site) -> Path:
    """A config whose state holds four status changes over two watches, one failing source and owed alerts."""
    site.serve(LEDGER, fixture_bytes("tvledger/rumours.xml"), RSS)
    site.serve(WIRE, fixture_bytes("screenwire/quiet.atom"), ATOM)
    site.serve(PRESS, fixture_bytes("press/ballard-before.html"), HTML)
    site.serve(NIGHT, fixture_bytes("nightdesk/hostile.xml"), RSS)
    site.serve(GOOGLE_PATH, EMPTY_RSS, RSS)
    serve_bear(site, PREMIERE)
    config = write_config(
        tmp_path / "conf" / "renewalwatch.toml",
        sources=[
            {"name": "TV Ledger", "kind": "feed", "url": site.url(LEDGER), "trust": "trade"},
            {"name": "Screen Wire", "kind": "feed", "url": site.url(WIRE), "trust": "other"},
            {"name": "Prime Video press room", "kind": "page", "url": site.url(PRESS), "trust": "official"},
            {"name": "Night Desk", "kind": "feed", "url": site.url(NIGHT), "trust": "trade"},
            {
                "name": "Gone Gazette",
                "kind": "feed",
                "url": site.url(f"/gone/feed.xml?apikey={SOURCE_KEY}"),
                "trust": "trade",
            },
        ],
        urls=[f"json://watcher:{NOTIFY_SECRET}@127.0.0.1:{free_port()}/hook"],
        watch=WATCHES,
        settings={"tvmaze_url": site.url(""), "news_url": site.url("/rss/search")},
    )
    for ledger, press in (
        ("tvledger/rumours.xml", "press/ballard-before.html"),
        ("tvledger/report.xml", "press/ballard-before.html"),
        ("tvledger/report.xml", "press/ballard-renewed.html"),
    ):
        site.serve(LEDGER, fixture_bytes(ledger), RSS)
        site.serve(PRESS, fixture_bytes(press), HTML)
        run = run_cli("--config", str(config), "check", "--force")
        assert run.code == 1, run.all  # the 404 source and the refused deliveries, by design
    return config
