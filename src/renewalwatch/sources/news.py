"""News-search RSS feeds (Google News, Bing News) built for a watch and read into Documents.

Google News links are opaque redirects: the outlet is credited from the item's `<source>` and the
" - Outlet" suffix Google appends to every title is stripped before the title is read. Bing
wraps each link in an `apiclick.aspx` redirect whose `url` parameter is the publisher's page,
and names the outlet in `<News:Source>`. One story carried by several outlets or both engines is
one story: items are keyed by their normalised title.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from typing import Any
from urllib.parse import parse_qs

from renewalwatch.models import Document
from renewalwatch.sources.kind import ReadContext, Reading
from renewalwatch.sources.markup import html_to_text
from renewalwatch.sources.prefilter import check_feed_shape, mentions_any, split_items
from renewalwatch.untrusted import split_link


def unwrap_bing(link: str) -> str:
    """Bing's apiclick.aspx redirect → the publisher's URL it carries; any other link unchanged."""
    parts = split_link(link)
    if (
        parts is None
        or not parts.path.lower().endswith("/apiclick.aspx")
        or "bing." not in parts.netloc.lower()
    ):
        return link
    target = parse_qs(parts.query).get("url", [""])[0]
    return target if re.match(r"^https?://[^/\s]+", target) else link


def strip_outlet(title: str, outlet: str | None) -> str:
    """ "Show renewed for season 5 - Deadline" → "Show renewed for season 5" (only when the tail
    is the credited outlet: a dash inside a headline stays)."""
    if not outlet:
        return title
    for dash in (" - ", " – ", " — ", " | "):
        head, sep, tail = title.rpartition(dash)
        if sep and head.strip() and _fold(tail) == _fold(outlet):
            return head.strip()
    return title


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[‘’'`´]", "", text)  # "season's" and "seasons" are the same headline
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def story_key(title: str) -> str:
    """The same headline from two outlets or two engines gives the same key."""
    return "story:" + hashlib.blake2b(_fold(title).encode(), digest_size=12).hexdigest()


def _outlet(entry: Any) -> str | None:
    source = entry.get("source")  # Google: <source url="https://deadline.com">Deadline</source>
    if isinstance(source, dict) and isinstance(source.get("title"), str) and source["title"].strip():
        return html_to_text(source["title"])
    bing = entry.get("news_source")  # Bing: <News:Source>Deadline</News:Source>
    if isinstance(bing, str) and bing.strip():
        return html_to_text(bing)
    return None


def read(text: str, ctx: ReadContext) -> Reading:
    """The `news` kind: the search's stories naming a watched show, each once, outlet credited."""
    return read_news(text, ctx.url, ctx.source, ctx.names)


def read_news(text: str, url: str, source: str, names: Sequence[str] | None = None) -> Reading:
    """The stories naming one of `names` (all when None); the others are only counted."""
    if names is not None and not mentions_any(text, names):
        check_feed_shape(text, url)  # a search that names no watched show is checked, not parsed
        return Reading(len(split_items(text).items), ())
    stories = parse_news(text, url, source)
    kept = stories if names is None else [d for d in stories if mentions_any(f"{d.title}\n{d.text}", names)]
    return Reading(len(stories), tuple(kept))


def parse_news(body: bytes | str, url: str, source: str) -> list[Document]:
    """Each story once, with its outlet credited and its publisher's link where one is known."""
    from renewalwatch.sources.feed import entries, entry_published  # feedparser: only when read

    documents: list[Document] = []
    seen: set[str] = set()
    for entry in entries(body, url):
        outlet = _outlet(entry)
        title = strip_outlet(html_to_text(entry.get("title", "")), outlet)
        key = story_key(title)
        if not title or key in seen:
            continue
        seen.add(key)
        summary = html_to_text(entry.get("summary", ""))
        # Google's description repeats the headline and the outlet: nothing more to read.
        if _fold(summary).startswith(_fold(title)):
            summary = ""
        link = unwrap_bing(entry.get("link", "") or url)
        documents.append(Document(source, link, key, title, summary, entry_published(entry), outlet))
    return documents
