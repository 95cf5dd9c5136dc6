"""Sources a watch gets without the user hunting for URLs: a TVmaze lookup and a news search.

Also the trade outlets' per-show tag feeds worth suggesting. They follow WordPress's
`/tag/<slug>/feed/` pattern, which an outlet may not use for every show: they are suggestions,
shown as unverified until a fetch of them succeeds, never added behind the user's back.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from renewalwatch.models import Source, SourceKind, Trust, Watch
from renewalwatch.sources import news, tvmaze

TVMAZE_EVERY = 3600.0  # TVmaze caches its answers for up to an hour: polling faster learns nothing

# (outlet, tag-feed pattern): WordPress sites whose per-topic feeds carry a show's news.
TRADE_TAG_FEEDS: tuple[tuple[str, str], ...] = (
    ("Deadline", "https://deadline.com/tag/{slug}/feed/"),
    ("TVLine", "https://tvline.com/tag/{slug}/feed/"),
)


def slug(name: str) -> str:
    """ "The Bear" → "the-bear", as WordPress makes tag slugs."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower().replace("'", "")).strip("-")


def tvmaze_source(watch: Watch, base: str) -> Source:
    if watch.tvmaze_id:  # two shows can share a name: the id tells their sources apart
        return Source(
            f"TVmaze: {watch.show} #{watch.tvmaze_id}", SourceKind.TVMAZE, tvmaze.show_url(base, watch.tvmaze_id),
            Trust.TRADE, TVMAZE_EVERY,
        )  # fmt: skip
    return Source(
        f"TVmaze: {watch.show}",
        SourceKind.TVMAZE,
        tvmaze.search_url(base, watch.show),
        Trust.TRADE,
        TVMAZE_EVERY,
    )


def news_source(watch: Watch, *, engine: news.Engine, endpoint: str | None, locale: str) -> Source:
    url = news.search_url(
        news.watch_query(watch.show, watch.season), engine=engine, endpoint=endpoint, locale=locale
    )
    return Source(f"News: {watch.label}", SourceKind.NEWS, url, Trust.OTHER)


def auto_sources(
    watches: Iterable[Watch], *, tvmaze_url: str, news_url: str | None, locale: str, engine: news.Engine
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
