"""The contract between the cycle and a source kind: `Kind`, what it is given, what it returns."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from renewalwatch.models import Document, Evidence, Premiere, ShowFacts, Trust, Watch


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadContext:
    """What a kind may know while reading one body."""

    source: str  # the source's name, which every document carries
    url: str  # where the body came from
    names: Sequence[str] | None = None  # keep only documents naming one of these; None keeps all
    # For kinds that read structured facts into evidence themselves (an API, not prose):
    watches: Sequence[Watch] = ()
    trust: Trust = Trust.OTHER
    now: datetime | None = None  # the cycle's clock, to date such evidence


@dataclass(frozen=True, slots=True)
class Reading:
    """What a kind made of one body: how many items it held, the documents worth reading (those
    naming a watched show; the cycle deduplicates and classifies them), and any evidence the kind
    read directly from structured data, which needs no classifier."""

    items: int
    documents: tuple[Document, ...]
    evidence: tuple[Evidence, ...] = ()
    # Structured kinds (TVmaze) also tell what they know of a watch's show, and a premiere date;
    # both keyed by watch key.
    facts: tuple[tuple[str, ShowFacts], ...] = ()
    premieres: tuple[tuple[str, Premiere], ...] = ()


class Kind(Protocol):
    """One source kind: a module with a `read` function, registered in `sources.KINDS`.

    `read` gets the decoded text of one successful GET of the source's URL (the charset is dealt
    with) and is called off the event loop, in a worker thread. It must not touch the network or
    the store; it raises `ParseError` naming `ctx.url` for a body it cannot read. The cycle has
    already handled 304s, an unchanged body, HTTP errors and backoff before calling it.
    """

    def read(self, text: str, ctx: ReadContext) -> Reading: ...
