"""Feeds written for these tests, in the encodings and typography real outlets use.

Each `EncodedFeed` is one outlet's RSS: an announcement about one watched show among items that
are not about any, written out in the outlet's charset, declared the way that outlet declares it
(XML declaration, HTTP header, byte-order mark, or only the bytes themselves).
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from xml.sax.saxutils import escape


@dataclass(frozen=True)
class Item:
    title: str  # XML text: may hold entities
    description: str  # XML text: escaped HTML, as WordPress writes it
    link: str


@dataclass(frozen=True)
class EncodedFeed:
    name: str
    show: str  # the show as the config names it
    encoding: str  # the Python codec the bytes are in
    declared: str | None  # the XML declaration's encoding="", or None for no declaration
    header: str | None  # the Content-Type charset parameter, or None
    bom: bool
    channel: str
    items: tuple[Item, ...]

    @property
    def content_type(self) -> str:
        return "application/rss+xml" + (f"; charset={self.header}" if self.header else "")

    def xml(self) -> str:
        decl = (
            f'<?xml version="1.0" encoding="{self.declared}"?>' if self.declared else '<?xml version="1.0"?>'
        )
        items = "".join(
            f"<item><title>{i.title}</title><link>{i.link}</link><guid>{i.link}</guid>"
            f"<description>{i.description}</description></item>\n"
            for i in self.items
        )
        return (
            f'{decl}\n<rss version="2.0"><channel><title>{self.channel}</title>'
            f"<link>https://{self.name}.example/</link><description>TV news</description>\n{items}</channel></rss>\n"
        )

    def body(self) -> bytes:
        data = self.xml().encode(self.encoding)
        if self.bom:
            data = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(
                self.encoding, codecs.BOM_UTF8
            ) + data
        return data


def html(text: str) -> str:
    """HTML as a feed carries it inside <description>: escaped once more."""
    return escape(text)


def _filler(site: str, n: int) -> Item:
    return Item(
        f"Weekend box office: a horror sequel tops the chart ({n})",
        html("<p>The studio&rsquo;s film opened to an estimated $40 million.</p>"),
        f"https://{site}.example/box-office-{n}/",
    )


FEEDS: tuple[EncodedFeed, ...] = (
    EncodedFeed(
        "named-entities", "Brick & Mortar", "utf-8", "utf-8", "utf-8", False, "Stage &amp; Screen Daily",
        (
            _filler("named-entities", 1),
            Item(
                "Brick &amp; Mortar Renewed for Season 2 at Hulu",
                html("<p>Hulu has renewed Brick &amp; Mortar for a second season, the streamer "
                     "announced Monday.&nbsp;The hardware-store comedy returns next spring.</p>"),
                "https://named-entities.example/brick-and-mortar-renewed/",
            ),
        ),
    ),
    EncodedFeed(
        "numeric-entities", "Ballard", "utf-8", "utf-8", None, False, "Numeric Wire",
        (
            Item(
                "B&#97;llard Renewed for Season 2",
                html("<p>Prime Video has renewed B&#97;llard for a second season&#8212;the "
                     "streamer announced it on Tuesday.</p>"),
                "https://numeric-entities.example/ballard-renewed/",
            ),
            _filler("numeric-entities", 2),
        ),
    ),
    EncodedFeed(
        "utf16-bom", "Maggie's Crossing", "utf-16-le", "utf-16", "utf-16", True, "Crossing Report",
        (
            _filler("utf16-bom", 3),
            Item(
                "Maggie\u2019s Crossing Renewed for Season 2 at Peacock",
                html("<p>Peacock has renewed Maggie\u2019s Crossing for a second season, the "
                     "streamer announced Wednesday.</p>"),
                "https://utf16-bom.example/maggies-crossing-renewed/",
            ),
        ),
    ),
    EncodedFeed(
        "utf16-no-bom", "Ned\u2019s Orchard", "utf-16-be", "UTF-16", None, False, "Orchard Times",
        (
            Item(
                "Ned's Orchard Renewed for Season 2 at Apple TV+",
                html("<p>Apple TV+ has renewed Ned's Orchard for a second season, the streamer "
                     "announced Thursday.</p>"),
                "https://utf16-no-bom.example/neds-orchard-renewed/",
            ),
        ),
    ),
    EncodedFeed(
        "big5", "Night Ferry", "big5", "big5", None, False, "影視新聞 Screen News",
        (
            Item("本週電視收視率排行", html("<p>本週收視冠軍仍是新聞節目。</p>"), "https://big5.example/ratings/"),
            Item(
                "Night Ferry Renewed for Season 2 at HBO 續訂第二季",
                html("<p>HBO has renewed Night Ferry for a second season, the network announced "
                     "Friday. 該劇將於明年播出。</p>"),
                "https://big5.example/night-ferry-renewed/",
            ),
        ),
    ),
    EncodedFeed(
        "gb2312", "Jade Terrace", "gb2312", None, "gb2312", False, "电视新闻",
        (
            Item(
                "Jade Terrace Renewed for Season 2 at Netflix 续订第二季",
                html("<p>Netflix has renewed Jade Terrace for a second season, the streamer "
                     "announced Saturday. 新一季将于明年上线。</p>"),
                "https://gb2312.example/jade-terrace-renewed/",
            ),
            Item("综艺节目收视回升", html("<p>周末综艺节目的收视率有所回升。</p>"), "https://gb2312.example/variety/"),
        ),
    ),
    EncodedFeed(
        "euc-kr", "Han River Patrol", "euc-kr", "euc-kr", "euc-kr", False, "방송 소식",
        (
            Item("주말 드라마 시청률", html("<p>주말 드라마가 시청률 1위를 지켰다.</p>"), "https://euc-kr.example/ratings/"),
            Item(
                "Han River Patrol Renewed for Season 2 at Disney+ 시즌 2 확정",
                html("<p>Disney+ has renewed Han River Patrol for a second season, the streamer "
                     "announced Sunday. 시즌 2는 내년에 공개된다.</p>"),
                "https://euc-kr.example/han-river-patrol-renewed/",
            ),
        ),
    ),
    EncodedFeed(
        "windows-1252", "Elite", "cp1252", "windows-1252", None, False, "Caf\u00e9 Television",
        (
            Item(
                "Netflix Renews \u2018\u00c9lite\u2019 for Season 2",
                html("<p>Netflix has renewed \u00c9lite for a second season, the streamer announced "
                     "Monday. \u201cWe\u2019re thrilled,\u201d its creators said.</p>"),
                "https://windows-1252.example/elite-renewed/",
            ),
            _filler("windows-1252", 4),
        ),
    ),
)  # fmt: skip


def watches_toml(shows: list[str]) -> str:
    return "\n".join(f'[[watch]]\nshow = "{s}"\nseason = 2\nauto_sources = false\n' for s in shows)
