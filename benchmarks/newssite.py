"""A generated TV-news site: WordPress-style RSS 2.0 feeds and article pages, templated and varied.

Deterministic for a seed. A few percent of items name the watched show "Ballard" (rumour pieces
and look-alikes, one trade renewal report added by the first change round), spread so that most
feeds mention it once; each of those items links to an article page on the site. Half the feeds
carry whole articles (content:encoded), half only excerpts. The rest is other shows' news.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from pathlib import Path

SHOW = "Ballard"
FEED_ITEMS = 30
TRADE_FEEDS = 20  # the first feeds are trade publications
RENEWAL_FEED = 3  # the trade feed that breaks the renewal in change round 1
MENTION_FEEDS = 0.6  # feeds with an item naming the show (a few percent of all items)
SECOND_MENTION = 0.1  # of those, feeds with a second one
EXCERPT_ONLY = 0.5  # feeds that carry only an excerpt (no content:encoded), as many trade feeds do
BASE_TOKEN = "http://bench.invalid"  # the site server puts its own address here: article links
_BUILD = re.compile(r"<lastBuildDate>[^<]*</lastBuildDate>")

SHOWS = (
    "The Hartwells",
    "Grafton Line",
    "Iron Valley",
    "Westmere",
    "Bad Weather",
    "Night Desk",
    "Saltmarsh",
    "The Quiet Year",
    "Copper Road",
    "Marrow",
    "Lakeside General",
    "Second Watch",
    "Harbor Lights",
    "The Understudy",
    "Black Ridge",
    "Fennimore",
    "Kestrel",
    "Open Water",
    "The Longest Winter",
    "Dry County",
    "Parallel",
    "Orchard House",
    "High Dive",
    "Ninth Circuit",
    "Tidewater",
    "The Cartographers",
    "Slow Burn",
    "Sunday Best",
    "Red Clay",
    "Wildfire Season",
)
NETWORKS = (
    "Netflix",
    "HBO",
    "Hulu",
    "Apple TV+",
    "Peacock",
    "Paramount+",
    "FX",
    "AMC",
    "NBC",
    "CBS",
    "ABC",
    "Starz",
    "Showtime",
    "the BBC",
    "Disney+",
    "The CW",
)
PEOPLE = (
    "Dana Whitfield",
    "Marcus Oyelaran",
    "Priya Raman",
    "Tom Kettering",
    "Elena Castro",
    "Jon Ahlberg",
    "Nadia Frost",
    "Sam Okafor",
    "Ruth Delacroix",
    "Ivan Petrov",
    "Lena Marsh",
    "Carlos Mendes",
    "Grace Lindqvist",
    "Owen Baptiste",
    "Mei Tanaka",
    "Hector Vale",
)
WRITERS = ("Alex Moreno", "Jordan Pike", "Casey Lund", "Riley Stone", "Morgan Hale", "Taylor Quinn")
CATEGORIES = ("TV", "News", "Ratings", "Casting", "Reviews", "Streaming", "Interviews", "Trailers")
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth")

HEADLINES = (
    "{show} Season {n} Trailer Teases a Darker Turn",
    "{person} Joins {show} in Recurring Role",
    "{show} Ratings Climb for {network} in Week {w}",
    "{show} Review: Season {n} Finds Its Footing",
    "{network} Sets Premiere Date for {show} Season {n}",
    "{show} Showrunner Talks That Shocking Finale",
    "{show} Adds {person} as Series Regular",
    "{network} Orders Drama From {person}",
    "{show} Season {n} Episode {e} Recap: Old Debts",
    "{person} Exits {show} After {n} Seasons",
    "Streaming Charts: {show} Holds Top Spot on {network}",
    "{show} Cast Reflects on {ordinal} Season at Panel",
    "First Look: {person} in {show} Season {n}",
    "{network} Fall Schedule: {show} Moves to Thursdays",
)
SENTENCES = (
    "{person} plays a {role} who returns to {place} after {years} years away.",
    "The {ordinal} season of {show} drew {views} million viewers in its first week on {network}.",
    "Production on {show} wrapped in {place} earlier this {season_word}, according to {person}.",
    "{person} described the new episodes as {adj} and more personal than anything before.",
    "Critics have praised the {adj} writing, singling out the episode directed by {person}.",
    "{network} has not commented on the ratings, which dipped {pct} percent from the premiere.",
    "The series, created by {person}, also stars {person2} and {person3}.",
    "Fans on social media were quick to compare the finale to the {ordinal} season cliffhanger.",
    "In an interview, {person} said the writers room had mapped out {n} more arcs.",
    "The show's soundtrack, scored by {person}, has been streamed {views} million times.",
    "Filming took place over {n} months in {place}, with a budget described as {adj}.",
    "{person2} will direct two episodes, marking a return to television after a decade in film.",
    "The episode ends with the {role} standing alone at the {place} train station.",
    "Viewers can catch up on earlier seasons of {show}, which are streaming on {network}.",
    "The trailer, released on {weekday}, racked up {views} million views in a day.",
    "{person} was previously seen in {show}, where she played a {adj} {role}.",
    "Executive producer {person} promised that the {ordinal} episode would answer old questions.",
    "A spokesperson for {network} confirmed the schedule change on {weekday}.",
    "The cast includes newcomers {person2} and {person3}, both cast after open auditions.",
    "Behind the scenes, the crew rebuilt the {place} set after a storm damaged it.",
)
FILL = {
    "role": ("detective", "surgeon", "lawyer", "ranch hand", "senator", "chef", "pilot", "teacher"),
    "place": (
        "Vancouver",
        "Atlanta",
        "Belfast",
        "Albuquerque",
        "Prague",
        "Toronto",
        "Glasgow",
        "Perth",
    ),
    "adj": ("ambitious", "tense", "quieter", "sprawling", "funny", "bleak", "tender", "relentless"),
    "season_word": ("spring", "summer", "autumn", "winter"),
    "weekday": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"),
}

RUMOUR_HEADLINES = (
    "{show} Season 2: Everything We Know So Far",
    "Will {show} Return for Season 2? Here Is What the Cast Says",
    "When Could {show} Season 2 Premiere on Prime Video?",
    "{show} Star Maggie Q Hopes for a Second Season",
    "Is {show} Coming Back? Prime Video Stays Quiet",
)
RUMOUR_SENTENCES = (
    "Prime Video has not yet announced whether {show} will return for a second season.",
    "Fans are hoping that {show} will be renewed for season 2, but nothing is official yet.",
    "The cast of {show} has said they would love to come back if Prime Video asks.",
    "A decision on a second season of {show} is expected later this year.",
    "{show}, the Bosch spinoff starring Maggie Q, premiered on Prime Video this summer.",
)
RENEWAL = (
    "'{show}' Renewed For Season 2 At Prime Video",
    [
        "Prime Video has renewed {show} for a second season, Deadline has learned.",
        "The crime drama, a spinoff of Bosch starring Maggie Q, premiered earlier this year.",
        "Season 2 of {show} will begin production in Los Angeles next spring.",
    ],
)
DISTRACTORS = (
    (
        "Ballard Designs Holiday Sale Starts Early",
        "Ballard Designs is discounting furniture this week.",
    ),
    (
        "Ballard Power Shares Rise on Fuel Cell Order",
        "Ballard Power Systems reported a new bus order.",
    ),
)


@dataclass(frozen=True, slots=True)
class Layout:
    feeds: int
    pages: int

    @staticmethod
    def for_sources(n: int) -> Layout:
        feeds = round(n * 0.8)
        return Layout(feeds, n - feeds)


def feed_path(i: int) -> str:
    return f"/site-{i:04d}/feed/"


def page_path(i: int) -> str:
    return f"/news/{2025}/{11}/story-{i:05d}/"


def feed_trust(i: int) -> str:
    return "trade" if i < TRADE_FEEDS else "other"


class Writer:
    """Texts from templates; a sentence pool keeps 150 MB of generation to a few seconds."""

    def __init__(self, seed: int, base: datetime, pool: int = 6000) -> None:
        self.rng = random.Random(seed)
        self.base = base
        self.pool = [self._sentence() for _ in range(pool)]
        self.post_id = 10_000

    def _fill(self, template: str, show: str | None = None) -> str:
        r = self.rng
        people = r.sample(PEOPLE, 3)
        values = {k: r.choice(v) for k, v in FILL.items()}
        return template.format(
            show=show or r.choice(SHOWS),
            network=r.choice(NETWORKS),
            person=people[0],
            person2=people[1],
            person3=people[2],
            n=r.randint(2, 6),
            e=r.randint(1, 10),
            w=r.randint(1, 12),
            ordinal=r.choice(ORDINALS),
            views=r.randint(2, 40),
            pct=r.randint(3, 30),
            years=r.randint(2, 20),
            **values,
        )

    def _sentence(self) -> str:
        return self._fill(self.rng.choice(SENTENCES))

    def paragraphs(self, count: int, per: int = 3) -> list[str]:
        return [" ".join(self.rng.choices(self.pool, k=per)) for _ in range(count)]

    def story(self) -> tuple[str, list[str]]:
        return self._fill(self.rng.choice(HEADLINES)), self.paragraphs(self.rng.randint(5, 8))

    def rumour(self) -> tuple[str, list[str]]:
        title = self.rng.choice(RUMOUR_HEADLINES).format(show=SHOW)
        paras = self.paragraphs(self.rng.randint(3, 5))
        for s in self.rng.sample(RUMOUR_SENTENCES, 3):
            paras.insert(self.rng.randint(0, len(paras)), s.format(show=SHOW))
        return title, paras

    def renewal(self) -> tuple[str, list[str]]:
        return RENEWAL[0].format(show=SHOW), [s.format(show=SHOW) for s in RENEWAL[1]] + self.paragraphs(3)

    def distractor(self) -> tuple[str, list[str]]:
        title, lead = self.rng.choice(DISTRACTORS)
        return title, [lead, *self.paragraphs(4)]

    def next_id(self) -> int:
        self.post_id += 1
        return self.post_id


def article_path(site: int, pid: int) -> str:
    return f"/articles/site-{site:04d}/{pid}/"


def full_content(site: int) -> bool:
    """Whether a feed carries whole articles (content:encoded) or only excerpts; fixed per feed."""
    return random.Random(hash_seed(site, 0)).random() >= EXCERPT_ONLY


def item_xml(
    w: Writer, site: int, title: str, paras: list[str], when: datetime, articles: dict[str, str] | None = None
) -> str:
    """One item; with `articles`, its link is an article page on the bench site, added there."""
    pid = w.next_id()
    slug = "-".join(title.lower().replace("'", "").replace(":", "").replace("?", "").split())[:60]
    if articles is not None:
        link = BASE_TOKEN + article_path(site, pid)
        articles[article_path(site, pid)] = article_html(w, title, paras, when, link)
    else:
        link = f"https://site{site:04d}.example/{when:%Y/%m/%d}/{slug}/"
    content = "\n".join(f"<p>{escape(p, quote=False)}</p>" for p in paras)
    excerpt = escape(paras[0][:240], quote=False)
    footer = f'<p>The post <a href="{link}">{escape(title)}</a> appeared first on Site {site}.</p>'
    encoded = (
        f"\t\t<content:encoded><![CDATA[{content}\n{footer}]]></content:encoded>\n"
        if full_content(site)
        else ""
    )
    return (
        "\t<item>\n"
        f"\t\t<title>{escape(title, quote=False)}</title>\n"
        f"\t\t<link>{link}</link>\n"
        f"\t\t<comments>{link}#respond</comments>\n"
        f"\t\t<dc:creator><![CDATA[{w.rng.choice(WRITERS)}]]></dc:creator>\n"
        f"\t\t<pubDate>{format_datetime(when)}</pubDate>\n"
        f"\t\t<category><![CDATA[{w.rng.choice(CATEGORIES)}]]></category>\n"
        f"\t\t<category><![CDATA[{w.rng.choice(SHOWS)}]]></category>\n"
        f'\t\t<guid isPermaLink="false">https://site{site:04d}.example/?p={pid}</guid>\n'
        f"\t\t<description><![CDATA[<p>{excerpt} [&#8230;]</p>\n"
        f"{footer}]]></description>\n"
        f"{encoded}"
        f"\t\t<wfw:commentRss>{link}feed/</wfw:commentRss>\n"
        "\t\t<slash:comments>0</slash:comments>\n"
        "\t</item>\n"
    )


def feed_head(site: int, built: datetime) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"\n'
        '\txmlns:content="http://purl.org/rss/1.0/modules/content/"\n'
        '\txmlns:wfw="http://wellformedweb.org/CommentAPI/"\n'
        '\txmlns:dc="http://purl.org/dc/elements/1.1/"\n'
        '\txmlns:atom="http://www.w3.org/2005/Atom"\n'
        '\txmlns:sy="http://purl.org/rss/1.0/modules/syndication/"\n'
        '\txmlns:slash="http://purl.org/rss/1.0/modules/slash/"\n\t>\n\n<channel>\n'
        f"\t<title>Site {site} TV</title>\n"
        f'\t<atom:link href="https://site{site:04d}.example/feed/" rel="self"'
        ' type="application/rss+xml" />\n'
        f"\t<link>https://site{site:04d}.example</link>\n"
        "\t<description>Television news, reviews and ratings</description>\n"
        f"\t<lastBuildDate>{format_datetime(built)}</lastBuildDate>\n"
        "\t<language>en-US</language>\n\t<sy:updatePeriod>\n\thourly\t</sy:updatePeriod>\n"
        "\t<sy:updateFrequency>\n\t1\t</sy:updateFrequency>\n"
        "\t<generator>https://wordpress.org/?v=6.4.2</generator>\n"
    )


FEED_TAIL = "</channel>\n</rss>\n"


def _special_items(rng: random.Random) -> dict[int, str]:
    """Which items of a feed name the show, and how: most feeds mention it once, a few twice."""
    specials: dict[int, str] = {}
    if rng.random() < MENTION_FEEDS:
        for _ in range(2 if rng.random() < SECOND_MENTION else 1):
            specials[rng.randrange(FEED_ITEMS)] = "rumour" if rng.random() < 0.75 else "distractor"
    return specials


def build_feed(w: Writer, site: int, articles: dict[str, str]) -> str:
    """A feed's XML; the article pages its show items link to are added to `articles`."""
    specials = _special_items(w.rng)
    items = []
    for k in range(FEED_ITEMS):
        when = w.base - timedelta(hours=3 * k + w.rng.randint(0, 2), minutes=w.rng.randint(0, 59))
        kind = specials.get(k)
        if kind is None:
            items.append(item_xml(w, site, *w.story(), when))
            continue
        title, paras = w.rumour() if kind == "rumour" else w.distractor()
        items.append(item_xml(w, site, title, paras, when, articles))
    return feed_head(site, w.base) + "".join(items) + FEED_TAIL


def changed_feed(
    body: str, site: int, round_: int, base: datetime, new_items: int = 1
) -> tuple[str, dict[str, str]]:
    """The feed after `new_items` more posts: new items on top, as many of the oldest dropped; and
    the article pages the new items that name the show link to."""
    w = Writer(hash_seed(site, round_), base, pool=60)  # a few posts: a small pool keeps 1,600 feeds quick
    w.post_id = 1_000_000 * round_ + site * 100
    articles: dict[str, str] = {}
    fresh = []
    for k in range(new_items):
        when = base + timedelta(minutes=min(110, 2 * round_) - k)
        if round_ == 1 and site == RENEWAL_FEED and k == 0:
            fresh.append(item_xml(w, site, *w.renewal(), when, articles))
        elif w.rng.random() < 0.03:
            fresh.append(item_xml(w, site, *w.rumour(), when, articles))
        else:
            fresh.append(item_xml(w, site, *w.story(), when))
    first = body.index("\t<item>")
    starts = [m.start() for m in re.finditer("\t<item>", body)]
    keep_until = starts[-new_items] if new_items <= len(starts) else first
    head = _BUILD.sub(f"<lastBuildDate>{format_datetime(base)}</lastBuildDate>", body[:first], count=1)
    return head + "".join(fresh) + body[first:keep_until] + FEED_TAIL, articles


def hash_seed(*parts: int) -> int:
    seed = 17
    for p in parts:
        seed = (seed * 1_000_003 + p) & 0xFFFFFFFF
    return seed


_STYLE = "".join(
    f".c{i}{{margin:{i % 7}px {i % 5}px;padding:{i % 3}px;"
    f"color:#{i * 37 % 4096:03x};font-size:{12 + i % 6}px}}\n"
    for i in range(300)
)
_SCRIPT = "".join(
    f"window.__ads=window.__ads||[];window.__ads.push({{slot:'s{i}',size:[300,250],lazy:true}});\n"
    for i in range(220)
)


def _links(w: Writer, n: int, mention: bool = False) -> str:
    out = []
    for i in range(n):
        title = f"{SHOW} Season 2: Everything We Know" if mention and i == 2 else w.story()[0]
        out.append(f'<li><a href="/news/2025/11/{w.rng.randint(1, 99999)}/">{escape(title)}</a></li>')
    return "\n".join(out)


def build_page(w: Writer, i: int) -> str:
    roll = w.rng.random()
    kind = "rumour" if roll < 0.06 else "sidebar" if roll < 0.10 else "plain"
    title, paras = w.rumour() if kind == "rumour" else w.story()
    when = w.base - timedelta(hours=i % 500)
    return article_html(
        w, title, paras, when, f"https://news.example{page_path(i)}", sidebar=kind == "sidebar"
    )


def article_html(
    w: Writer, title: str, paras: list[str], when: datetime, canonical: str, sidebar: bool = False
) -> str:
    """An article page as news sites make them: navigation, styles and scripts, related links."""
    paras = paras + w.paragraphs(6)
    body = "\n".join(f"<p>{escape(p, quote=False)}</p>" for p in paras)
    nav = "\n".join(
        f'<li class="menu-item"><a href="/section/{s.lower()}/">{s}</a></li>' for s in CATEGORIES * 5
    )
    return f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<title>{escape(title)} &#8211; TV News</title>
<link rel="canonical" href="{canonical}">
<meta property="article:published_time" content="{when.isoformat()}">
<style>{_STYLE}</style>
<script>{_SCRIPT}</script>
</head>
<body class="post-template-default single single-post">
<header id="masthead" class="site-header"><nav id="site-navigation" class="main-navigation">
<ul id="primary-menu" class="menu">{nav}</ul></nav></header>
<div id="content" class="site-content">
<main id="main" class="site-main">
<article class="post type-post status-publish">
<h1 class="entry-title">{escape(title)}</h1>
<div class="entry-meta">By {w.rng.choice(WRITERS)}
<time datetime="{when.isoformat()}">{when:%B %d, %Y}</time></div>
<div class="entry-content">
{body}
</div>
</article>
<section class="related-posts"><h3>Related</h3><ul>{_links(w, 8)}</ul></section>
</main>
<aside id="secondary" class="widget-area sidebar"><section class="widget trending">
<h2 class="widget-title">Trending</h2><ul>{_links(w, 10, mention=sidebar)}</ul></section>
<section class="widget newsletter"><p>Sign up for our daily TV newsletter.</p></section></aside>
</div>
<footer id="colophon" class="site-footer"><ul>{nav}</ul><p>&copy; 2025 TV News Media.</p></footer>
</body>
</html>
"""


def base_time() -> datetime:
    """Two hours ago on the hour: recent enough that nothing reads as old news."""
    return datetime.now(UTC).replace(minute=0, second=0, microsecond=0) - timedelta(hours=2)


def load_base(root: Path) -> datetime:
    return datetime.fromisoformat(json.loads((root / "site.json").read_text())["base"])


def generate(root: Path, layout: Layout, seed: int = 20251124) -> dict[str, int]:
    """Write the site under `root` (and its base time in site.json); return counts and sizes."""
    w = Writer(seed, base_time())
    root.mkdir(parents=True, exist_ok=True)
    (root / "site.json").write_text(json.dumps({"base": w.base.isoformat()}))
    feed_bytes = page_bytes = 0
    articles: dict[str, str] = {}
    written: list[str] = []
    for i in range(layout.feeds):
        data = build_feed(w, i, articles).encode()
        path = root / feed_path(i).strip("/") / "index.xml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        feed_bytes += len(data)
        # Written as they come: this process's peak RSS is the floor of every child's ru_maxrss.
        for url, html in articles.items():
            path = root / url.strip("/") / "index.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(html)
        written += articles
        articles.clear()
    for i in range(layout.pages):
        data = build_page(w, i).encode()
        path = root / page_path(i).strip("/") / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        page_bytes += len(data)
    return {
        "feeds": layout.feeds,
        "pages": layout.pages,
        "feed_bytes_avg": feed_bytes // max(1, layout.feeds),
        "page_bytes_avg": page_bytes // max(1, layout.pages),
        "articles": len(written),
        "feeds_naming_show": len({u.split("/")[2] for u in written}),
        "total_bytes": feed_bytes + page_bytes,
    }


def sample_documents(n: int, seed: int = 7) -> list[tuple[str, str]]:
    """(title, text) pairs mixed like the site: mostly other shows, a few naming the show."""
    w = Writer(seed, base_time())
    docs = []
    for i in range(n):
        if i == n // 2:
            title, paras = w.renewal()
        elif i % 25 == 0:
            title, paras = w.rumour()
        elif i % 50 == 7:
            title, paras = w.distractor()
        else:
            title, paras = w.story()
        docs.append((title, "\n".join(paras)))
    return docs
