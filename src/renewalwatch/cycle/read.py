"""Reading one fetched body: the kind's documents, the new ones among them, what they say.

CPU-bound (decoding, parsing, the classifier) and free of I/O: the fetch step runs it in a
worker thread so the event loop keeps fetching other sources meanwhile. It takes the same path
from bytes to verdicts as `renewalwatch classify` (`reading`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from renewalwatch import reading
from renewalwatch.cycle.records import NewItem
from renewalwatch.excerpt import ARTICLE_KINDS, article_key, article_needed
from renewalwatch.models import (
    Article,
    Classification,
    Document,
    Evidence,
    Premiere,
    ShowFacts,
    Source,
    Watch,
)
from renewalwatch.sources import ReadContext


@dataclass(frozen=True, slots=True, kw_only=True)
class Read:
    items: int  # in the body
    named: int  # of them naming a watched show
    new: tuple[NewItem, ...]  # of those, not seen before (or edited since)
    evidence: tuple[Evidence, ...]
    facts: tuple[tuple[str, ShowFacts], ...] = ()  # by watch key, from a structured kind
    premieres: tuple[tuple[str, Premiere], ...] = ()  # by watch key: announced premiere dates
    articles: tuple[Article, ...] = ()  # linked articles to read, for new items their excerpt cannot decide


def read_source(
    source: Source,
    body: bytes,
    charset: str | None,
    watches: Sequence[Watch],
    seen: Mapping[str, str],
    now: datetime,
    facts: Mapping[str, ShowFacts] | None = None,
) -> Read:
    """`seen` maps the source's item keys to their content hashes as stored; `facts` is what is
    known of each watch's show (by watch key), for the classifier to place unnumbered seasons."""
    ctx = ReadContext(
        source=source.name, url=source.url, names=[n for w in watches for n in w.names],
        watches=watches, trust=source.trust, now=now,
    )  # fmt: skip
    got = reading.read_body(source.kind, body, ctx, charset)
    new: list[NewItem] = []
    evidence = list(got.evidence)
    articles: list[Article] = []
    premieres = list(got.premieres)
    for doc in got.documents:
        digest = reading.item_digest(doc)
        if seen.get(doc.guid) == digest:
            continue
        new.append(
            NewItem(
                source=source.name, key=doc.guid, content_hash=digest, url=doc.url, title=doc.title,
                published=doc.published,
            )
        )  # fmt: skip
        found = reading.verdicts(doc, watches, source.trust, facts)
        evidence += reading.as_evidence(doc, found, source, now)
        premieres += reading.premieres(doc, watches, source, now)
        if (wanted := _article(doc, found, source)) is not None:
            articles.append(wanted)
    return Read(
        items=got.items, named=len(got.documents), new=tuple(new), evidence=tuple(evidence),
        facts=got.facts, premieres=tuple(premieres), articles=tuple(articles),
    )  # fmt: skip


def _article(doc: Document, found: Sequence[tuple[Watch, Classification]], source: Source) -> Article | None:
    """The article behind a feed item, when its excerpt is not enough to decide for some watch."""
    if source.kind not in ARTICLE_KINDS or not doc.url.startswith(("http://", "https://")):
        return None
    why = next((w for watch, c in found if (w := article_needed(doc, c, watch)) is not None), None)
    if why is None:
        return None
    return Article(
        key=article_key(doc.url), url=doc.url, source=source.name, title=doc.title, published=doc.published,
        why=why.value,
    )  # fmt: skip
