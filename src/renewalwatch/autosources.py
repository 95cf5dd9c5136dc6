"""Where a watch's news and facts come from without the user hunting for URLs: a TVmaze lookup
and a news search per watch, the settings' defaults for them, and trade tag feeds to suggest.

Kept apart from `sources` (which parses) and free of parsers, so reading the config, `--help`
and `status` never import a feed parser. The trade outlets' per-show tag feeds follow
WordPress's `/tag/<slug>/feed/` pattern, which an outlet may not use for every show: they are
suggestions, shown as unverified until a fetch of them succeeds, never added behind the user's back.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from enum import StrEnum
from urllib.parse import quote, urlencode, urlsplit, urlunsplit

from renewalwatch.models import Source, SourceKind, Trust, Watch

TVMAZE_URL = "https://api.tvmaze.com"
TVMAZE_RATE = (20, 10.0)  # calls per seconds, per address: TVmaze's documented limit
TVMAZE_EVERY = 3600.0  # TVmaze caches its answers for up to an hour: polling faster learns nothing
TVMAZE_CREDIT = "Data from TVmaze (https://www.tvmaze.com), CC BY-SA 4.0"

# (outlet, tag-feed pattern): WordPress sites whose per-topic feeds carry a show's news.
TRADE_TAG_FEEDS: tuple[tuple[str, str], ...] = (
    ("Deadline", "https://deadline.com/tag/{slug}/feed/"),
    ("TVLine", "https://tvline.com/tag/{slug}/feed/"),
)


# --- news searches ---------------------------------------------------------------------------


class Engine(StrEnum):
    GOOGLE = "google"
    BING = "bing"


DEFAULT_ENDPOINTS = {
    Engine.GOOGLE: "https://news.google.com/rss/search",
    Engine.BING: "https://www.bing.com/news/search",
}
DEFAULT_LOCALE = "en-US"
_LOCALE = re.compile(r"^([a-z]{2,3})(?:-([A-Z]{2}|\d{3}))?$")


def valid_locale(locale: str) -> bool:
    """A BCP 47 language with an optional region: "en-US", "en-GB", "de-DE", "fr"."""
    return _LOCALE.match(locale) is not None


def news_search_url(
    query: str, *, engine: Engine = Engine.GOOGLE, endpoint: str | None = None, locale: str = DEFAULT_LOCALE
) -> str:
    """The RSS search URL for `query`. Google wants hl (interface language), gl (country) and
    ceid ("COUNTRY:language") to agree; Bing takes the market (mkt) and `format=rss`."""
    m = _LOCALE.match(locale)
    language, region = (m.group(1), m.group(2) or "US") if m else ("en", "US")
    base = (endpoint or DEFAULT_ENDPOINTS[engine]).rstrip("?")
    if engine is Engine.BING:
        params = {"q": query, "format": "rss", "mkt": f"{language}-{region}"}
    else:
        params = {
            "q": query,
            "hl": locale if m else DEFAULT_LOCALE,
            "gl": region,
            "ceid": f"{region}:{language}",
        }
    return f"{base}{'&' if '?' in base else '?'}{urlencode(params)}"


def watch_query(show: str, season: int) -> str:
    """What a person would type: the show's name as a phrase and the season."""
    return f'"{show}" "season {season}"'


# --- TVmaze ----------------------------------------------------------------------------------


def _tvmaze(base: str, path: str, query: str) -> str:
    """`base` + an API path: the path joins the base's path, the query joins the base's query (a
    proxy may want a key there: `https://proxy/tvmaze?key=K` -> `/tvmaze/shows/1?key=K&embed=...`)."""
    parts = urlsplit(base)
    joined = "&".join(q for q in (parts.query, query) if q)
    return urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/") + path, joined, ""))


def tvmaze_search_url(base: str, name: str) -> str:
    """The best match for a name, with its seasons: the `tvmaze` source's URL before an id is known."""
    return _tvmaze(base, "/singlesearch/shows", f"q={quote(name)}&embed=seasons")


def tvmaze_candidates_url(base: str, name: str) -> str:
    return _tvmaze(base, "/search/shows", f"q={quote(name)}")


def tvmaze_show_url(base: str, show_id: int) -> str:
    """A show and its seasons in one answer: the `tvmaze` source's URL once the id is known."""
    return _tvmaze(base, f"/shows/{show_id}", "embed=seasons")


# --- a watch's automatic sources -------------------------------------------------------------


def slug(name: str) -> str:
    """ "The Bear" → "the-bear", as WordPress makes tag slugs."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower().replace("'", "")).strip("-")


def tvmaze_source(watch: Watch, base: str) -> Source:
    if watch.tvmaze_id:  # two shows can share a name: the id tells their sources apart
        return Source(
            f"TVmaze: {watch.show} #{watch.tvmaze_id}", SourceKind.TVMAZE, tvmaze_show_url(base, watch.tvmaze_id),
            Trust.TRADE, TVMAZE_EVERY,
        )  # fmt: skip
    return Source(
        f"TVmaze: {watch.show}",
        SourceKind.TVMAZE,
        tvmaze_search_url(base, watch.show),
        Trust.TRADE,
        TVMAZE_EVERY,
    )


def news_source(watch: Watch, *, engine: Engine, endpoint: str | None, locale: str) -> Source:
    url = news_search_url(
        watch_query(watch.show, watch.season), engine=engine, endpoint=endpoint, locale=locale
    )
    return Source(f"News: {watch.label}", SourceKind.NEWS, url, Trust.OTHER)


def auto_sources(
    watches: Iterable[Watch], *, tvmaze_url: str, news_url: str | None, locale: str, engine: Engine
) -> tuple[Source, ...]:
    """One TVmaze source per show (its seasons serve every watched season) and one news search
    per watch, for watches with `auto_sources`."""
    found: dict[str, Source] = {}
    for watch in watches:
        if not watch.auto_sources:
            continue
        for source in (
            tvmaze_source(watch, tvmaze_url),
            news_source(watch, engine=engine, endpoint=news_url, locale=locale),
        ):
            found.setdefault(source.url, source)
    return tuple(found.values())


def suggestions(watch: Watch) -> tuple[tuple[str, str], ...]:
    """(name, url) of trade tag feeds that may exist for the watch's show. Unverified."""
    s = slug(watch.show)
    return (
        tuple((f"{outlet}: {watch.show}", pattern.format(slug=s)) for outlet, pattern in TRADE_TAG_FEEDS)
        if s
        else ()
    )
