"""The plain data the cycle passes between its steps: snapshot → fetched → intents → report.

All frozen, all from `models`: the plan reads and returns nothing else, so it needs no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from renewalwatch.masking import mask_url
from renewalwatch.models import (
    Article,
    Change,
    Evidence,
    NoticeKind,
    Premiere,
    ShowFacts,
    Source,
    SourceHealth,
    SourceOutcome,
    Status,
    Watch,
    WatchState,
)  # fmt: skip

DESTINATIONS_META = "destinations"  # meta key: JSON list of the destination keys that know the status


@dataclass(frozen=True, slots=True, kw_only=True)
class Snapshot:
    """Everything the cycle needs from the state, read once before any fetch."""

    sources: Mapping[str, SourceHealth]  # every stored source, by name
    seen: Mapping[str, Mapping[str, str]]  # for the sources being checked: item key -> content hash
    watches: Mapping[str, WatchState]  # by watch key; a watch not yet stored is absent
    blind: frozenset[str] = frozenset()  # watches already told that every source is failing
    facts: Mapping[str, ShowFacts] = field(default_factory=dict)  # by watch key, as TVmaze last told
    premieres: Mapping[str, Premiere] = field(default_factory=dict)  # by watch key: the stored date
    # destination keys already told of the current status; None before any was recorded (a new
    # state, or one written before destinations were recorded): then nobody is caught up
    destinations: frozenset[str] | None = None
    pending_articles: tuple[Article, ...] = ()  # linked articles still to read, oldest first
    article_keys: frozenset[str] = frozenset()  # every linked article known, read or not
    recent: Mapping[str, tuple[Evidence, ...]] = field(default_factory=dict)  # by watch key, newest first

    def health(self, source: Source) -> SourceHealth:
        """The source's stored health; a source whose URL the config changed starts afresh.
        The state keeps the masked URL, so the same masked URL is the same source."""
        stored = self.sources.get(source.name)
        if stored is None or stored.url not in (source.url, mask_url(source.url)):
            return SourceHealth(name=source.name, url=source.url)
        return replace(stored, url=source.url)

    def state(self, watch: Watch) -> WatchState:
        return self.watches.get(watch.key, WatchState())

    def facts_for(self, watch: Watch) -> ShowFacts | None:
        """What TVmaze last said of the watch's show, with the config's word on network and id;
        the classifier adds the watch's own `latest_season`."""
        stored = self.facts.get(watch.key)
        if stored is None:
            return None
        return replace(
            stored, network=watch.network or stored.network, tvmaze_id=watch.tvmaze_id or stored.tvmaze_id
        )

    def all_facts(self, watches: Sequence[Watch]) -> dict[str, ShowFacts]:
        """Each watch's facts, with the history of the show's watches: a season a watch here
        already knows as renewed is ordered, so an unnumbered renewal is not news for it."""
        renewed: dict[str, int] = {}
        for w in watches:
            if self.state(w).status is Status.RENEWED:
                name = w.show.casefold()
                renewed[name] = max(renewed.get(name, 0), w.season)
        out = {}
        for w in watches:
            facts = self.facts_for(w)
            known = renewed.get(w.show.casefold())
            if known is not None:
                base = facts or ShowFacts()
                facts = replace(base, latest_ordered=max(base.latest_ordered or 0, known))
            if facts is not None:
                out[w.key] = facts
        return out


@dataclass(frozen=True, slots=True, kw_only=True)
class NewItem:
    """A document not seen before (or edited since): remembered so it is read only once."""

    source: str
    key: str  # the document's guid
    content_hash: str
    url: str
    title: str
    published: datetime | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Fetched:
    """What the fetch step learned about one source. Validators and errors are kept as data;
    the plan decides what they mean for the source's health."""

    source: Source
    outcome: SourceOutcome
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    bytes_read: int = 0
    items: int = 0  # how many the body held
    named: int = 0  # of them naming a watched show (the others are neither parsed nor stored)
    new_items: tuple[NewItem, ...] = ()  # of those, the ones not seen before
    evidence: tuple[Evidence, ...] = ()  # what the new ones say about the watches
    facts: tuple[tuple[str, ShowFacts], ...] = ()  # by watch key, from a structured kind
    premieres: tuple[tuple[str, Premiere], ...] = ()  # announced premiere dates, by watch key
    articles: tuple[Article, ...] = ()  # linked articles the new items' excerpts could not decide without
    error: str | None = None
    retry_after: float | None = None  # seconds the server asked us to wait
    gone: bool = False  # a 410: disable the source until its config changes


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleRead:
    """One linked article after this cycle's attempt: `article` as it is to be stored (done, or
    one more failed attempt), and what it said."""

    article: Article
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceReport:
    name: str
    url: str
    outcome: SourceOutcome
    items: int = 0
    named: int = 0  # items that name a watched show
    facts: int = 0  # watches a structured kind (TVmaze) told about: its items are seasons
    new_items: int = 0
    bytes_read: int = 0
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.outcome.ok


@dataclass(frozen=True, slots=True, kw_only=True)
class Notice:
    """One notification the cycle owes, before it is addressed to each destination."""

    kind: NoticeKind
    about: str  # the source name or watch key, for the log
    title: str
    body: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Owed:
    """An outbox row to write: one notice for one destination."""

    destination: str  # Destination.key
    label: str  # the masked URL
    kind: NoticeKind
    title: str
    body: str


@dataclass(frozen=True, slots=True, kw_only=True)
class StateMove:
    """One step of a watch's status, for its history; `evidence` indexes `Intents.evidence`."""

    watch_key: str
    before: WatchState
    after: WatchState
    evidence: int


@dataclass(frozen=True, slots=True, kw_only=True)
class CycleRecord:
    started: datetime
    finished: datetime
    ok: int
    failed: int
    changes: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Intents:
    """Everything one cycle will write, decided before anything is written."""

    sources: tuple[SourceHealth, ...]
    items: tuple[NewItem, ...]
    watches: tuple[Watch, ...]  # every configured watch, stored if new
    evidence: tuple[Evidence, ...]
    moves: tuple[StateMove, ...]
    notices: tuple[Notice, ...]
    owed: tuple[Owed, ...]
    blind: tuple[tuple[str, bool], ...]  # (watch key, new flag) where the flag changes
    destinations: frozenset[str] | None = None  # the destination keys to record, when they changed
    cycle: CycleRecord
    changes: tuple[Change, ...]  # the announced status changes
    reports: tuple[SourceReport, ...]
    facts: tuple[tuple[str, ShowFacts], ...] = ()  # by watch key, to store
    premieres: tuple[tuple[str, Premiere], ...] = ()  # newly announced dates, by watch key, to store
    articles: tuple[Article, ...] = ()  # linked articles to remember: newly wanted, read, or failed again
