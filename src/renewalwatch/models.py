"""Domain values shared by every layer: plain frozen data, no behaviour beyond derived names."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class Verdict(StrEnum):
    """What one document says about a watched show's season."""

    RENEWED = "renewed"
    CANCELED = "canceled"
    PENDING = "pending"  # talked about, not decided
    UNRELATED = "unrelated"

    @property
    def decisive(self) -> bool:
        return self in (Verdict.RENEWED, Verdict.CANCELED)


class Status(StrEnum):
    """What renewalwatch believes about a watched show's season."""

    UNKNOWN = "unknown"
    PENDING = "pending"
    RENEWED = "renewed"
    CANCELED = "canceled"


class SourceKind(StrEnum):
    """How a source's fetched body is read; each has one reader in `sources.KINDS`."""

    FEED = "feed"  # RSS or Atom
    PAGE = "page"  # one HTML article page
    NEWS = "news"  # a news search's RSS (Google News, Bing News)
    TVMAZE = "tvmaze"  # TVmaze's API: a show and its seasons


class SourceOutcome(StrEnum):
    """What one check of one source came to."""

    NEW = "new"  # fetched and read (its items may all be seen before)
    UNCHANGED = "unchanged"  # fetched, the same bytes as last time
    NOT_MODIFIED = "not-modified"  # the server answered 304
    SKIPPED = "skipped"  # backing off after failures
    DISABLED = "disabled"  # gone (410) until its config changes
    FAILED = "failed"

    @property
    def ok(self) -> bool:
        return self not in (SourceOutcome.FAILED, SourceOutcome.SKIPPED, SourceOutcome.DISABLED)


class NoticeKind(StrEnum):
    """The `kind` of an outbox row: what the notification is about."""

    CHANGE = "change"  # a watch's status changed
    FAILING = "source-failing"
    RECOVERED = "source-recovered"
    BLIND = "blind"  # every source is failing
    PREMIERE = "premiere"  # a renewed season's premiere date was announced
    CURRENT = "current-status"  # a destination added after a decision hears where things stand


class Trust(StrEnum):
    OFFICIAL = "official"  # the network's or studio's own press room
    TRADE = "trade"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Watch:
    show: str
    season: int
    aliases: tuple[str, ...] = ()
    context: tuple[str, ...] = ()  # terms of which at least one must appear near the show
    exclude: tuple[str, ...] = ()  # other things named alike ("Ballard Power Systems")
    network: str | None = None
    tvmaze_id: int | None = None  # the show on TVmaze, once known (`add` finds it)
    auto_sources: bool = True  # look the show up on TVmaze and search the news for this season
    latest_season: int | None = None  # the latest season already ordered, when the user says so

    @property
    def key(self) -> str:
        return f"{self.show.casefold()}#s{self.season}"

    @property
    def label(self) -> str:
        return f"{self.show} season {self.season}"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.show, *self.aliases)


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    kind: SourceKind
    url: str
    trust: Trust = Trust.OTHER
    every: float | None = None  # seconds between checks in the daemon; None: the default


@dataclass(frozen=True, slots=True)
class Document:
    """One article or feed item, reduced to the text the classifier reads."""

    source: str
    url: str
    guid: str
    title: str
    text: str
    published: datetime | None = None
    outlet: str | None = None  # who published it, when a news search carried it (credited, not trusted)


@dataclass(frozen=True, slots=True)
class Classification:
    verdict: Verdict
    official: bool
    season: int | None
    confidence: float
    sentence: str  # the sentence that decided, verbatim (normalised whitespace)
    rule: str  # the id of the rule that decided (a row of the classifier's tables, or a check)
    stale: bool = False  # a recap of an earlier decision: may confirm, never re-announce
    notes: tuple[str, ...] = field(default=())  # further reasons, for --explain
    trigger: str = ""  # the phrase that stated the decision, verbatim


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    """A classification of one document for one watch, with where it came from."""

    watch_key: str
    verdict: Verdict
    official: bool
    season: int | None
    sentence: str
    rule: str
    stale: bool
    source: str
    url: str
    title: str
    published: datetime | None
    found_at: datetime
    trust: Trust = Trust.OTHER  # the source's; held for corroboration when OTHER (not stored)


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceHealth:
    """What is remembered of one source between checks: validators, failures, notices told."""

    name: str
    url: str
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    last_checked: datetime | None = None
    last_success: datetime | None = None
    last_error: str | None = None
    failing_since: datetime | None = None
    consecutive_failures: int = 0
    next_attempt: datetime | None = None
    disabled: str | None = None  # why, when a 410 disabled it until its config changes
    failing_notice_sent: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class OutboxRow:
    """One notification owed to (or delivered to) one destination."""

    id: int
    destination: str  # Destination.key: holds no secret
    destination_label: str  # the masked URL
    kind: NoticeKind
    title: str
    body: str
    created_at: datetime
    attempts: int
    next_attempt: datetime
    last_error: str | None
    sent_at: datetime | None


@dataclass(frozen=True, slots=True)
class WatchState:
    status: Status = Status.UNKNOWN
    official: bool = False
    since: datetime | None = None

    @property
    def label(self) -> str:
        if self.status in (Status.RENEWED, Status.CANCELED):
            return f"{self.status} — {'official' if self.official else 'reported'}"
        return str(self.status)


@dataclass(frozen=True, slots=True, kw_only=True)
class HistoryEntry:
    """One move of a watch's status: `published` is the news's date (when it has one, else when
    it was found), `learned` when renewalwatch found it; history is in the order it was learned.
    `id` is the stored row's (stable: the Atom feed's entry ids are made of it); `evidence` is
    what moved the status (None for a move stored without it)."""

    id: int
    before: WatchState
    after: WatchState
    published: datetime | None
    learned: datetime | None
    evidence: Evidence | None = None


@dataclass(frozen=True, slots=True)
class Change:
    """A watch's status moved; `evidence` is what moved it."""

    watch: Watch
    previous: WatchState
    current: WatchState
    evidence: Evidence

    @property
    def notify(self) -> bool:
        """A decision is announced once; a recap of an old one (stale) only sets the status."""
        return self.current.status in (Status.RENEWED, Status.CANCELED) and not self.evidence.stale


@dataclass(frozen=True, slots=True)
class Season:
    """One season as a structured source (TVmaze, the config) lists it."""

    number: int
    premiere: date | None = None
    end: date | None = None
    episodes: int | None = None


@dataclass(frozen=True, slots=True)
class ShowFacts:
    """What is known of a show from outside the text being read: its seasons, whether it ended,
    its network. The reader uses it to place an unnumbered "renewed" or "final season" on the
    right season; the config, the watch's history and TVmaze each contribute."""

    seasons: tuple[Season, ...] = ()
    latest_ordered: int | None = None  # the highest season known to be ordered, when no list says more
    ended: bool = False
    network: str | None = None
    tvmaze_id: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Premiere:
    """An announced premiere date of a watch's season, and where it was read."""

    day: date
    source: str
    url: str
    sentence: str
    rule: str  # the detector rule, or "tvmaze.premiere-date"
    found_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """The article behind a feed item whose excerpt could not decide, remembered by its link so it
    is fetched once; a failed fetch leaves it pending for the next cycle."""

    key: str  # a hash of the link: the state keeps the link itself masked once it is read
    url: str  # the item's link, as the feed gave it
    source: str  # the source whose item links to it
    title: str  # the item's headline, read with the article's text
    published: datetime | None
    why: str  # why the excerpt was not enough (excerpt.Why)
    attempts: int = 0
    last_error: str | None = None
    done: bool = False  # read, or found to be no article: never fetched again
