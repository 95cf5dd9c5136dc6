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
from renewalwatch.models import Evidence, Premiere, ShowFacts, Source, Watch
from renewalwatch.sources import ReadContext


@dataclass(frozen=True, slots=True, kw_only=True)
class Read:
    items: int  # in the body
    named: int  # of them naming a watched show
    new: tuple[NewItem, ...]  # of those, not seen before (or edited since)
    evidence: tuple[Evidence, ...]
    facts: tuple[tuple[str, ShowFacts], ...] = ()  # by watch key, from a structured kind
    premieres: tuple[tuple[str, Premiere], ...] = ()  # by watch key: announced premiere dates


def read_source(
    source: Source,
    body: bytes,
    charset: str | None,
    watches: Sequence[Watch],
    seen: Mapping[str, str],
    now: datetime,
) -> Read:
    """`seen` maps the source's item keys to their content hashes as stored."""
    ctx = ReadContext(
        source=source.name, url=source.url, names=[n for w in watches for n in w.names],
        watches=watches, trust=source.trust, now=now,
    )  # fmt: skip
    got = reading.read_body(source.kind, body, ctx, charset)
    new: list[NewItem] = []
    evidence = list(got.evidence)
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
        evidence += reading.judge(doc, watches, source, now)
        premieres += reading.premieres(doc, watches, source, now)
    return Read(
        items=got.items, named=len(got.documents), new=tuple(new), evidence=tuple(evidence),
        facts=got.facts, premieres=tuple(premieres),
    )  # fmt: skip
