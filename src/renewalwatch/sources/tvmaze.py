"""TVmaze's public API read into our records: a show, its seasons, and what they say about a watch.

Pure: JSON bytes in, frozen data out. TVmaze (https://www.tvmaze.com, data CC BY-SA) is a
community database that follows press releases: its word is a report, never the network's own.
Field names follow its API: a show has id, url, name, status ("Running", "Ended", "To Be
Determined", "In Development"), premiered, ended, network{name}, webChannel{name}, externals,
updated; a season has id, number, premiereDate, endDate, episodeOrder, network, webChannel.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from renewalwatch.errors import ParseError
from renewalwatch.models import Classification, Evidence, Premiere, Season, ShowFacts, Verdict, Watch
from renewalwatch.sources.kind import ReadContext, Reading

PREMIERE_RULE = "tvmaze.premiere-date"


class ShowStatus(StrEnum):
    """TVmaze's show statuses that mean something here (others, like "In Development", do not)."""

    ENDED = "Ended"
    RUNNING = "Running"
    UNDECIDED = "To Be Determined"


@dataclass(frozen=True, slots=True)
class Show:
    id: int
    name: str
    url: str  # the show's page on tvmaze.com: the credit link
    status: str
    premiered: date | None = None
    ended: date | None = None
    network: str | None = None  # the network, else the web channel (Prime Video is a web channel)
    updated: int | None = None  # unix time of TVmaze's last edit


@dataclass(frozen=True, slots=True)
class Lookup:
    """A show and its seasons, as one fetch of the tvmaze source found them."""

    show: Show
    seasons: tuple[Season, ...]

    @property
    def facts(self) -> ShowFacts:
        numbers = [s.number for s in self.seasons]
        return ShowFacts(
            seasons=self.seasons,
            latest_ordered=max(numbers) if numbers else None,
            ended=self.show.status == ShowStatus.ENDED,
            network=self.show.network,
            tvmaze_id=self.show.id,
        )

    def season(self, number: int) -> Season | None:
        return next((s for s in self.seasons if s.number == number), None)


# --- parsing ---------------------------------------------------------------------------------


def read(text: str, ctx: ReadContext) -> Reading:
    """The `tvmaze` kind: facts, not articles. What the show's seasons and status say about each
    watch of that show, as evidence; `ctx.now` dates it."""
    if ctx.now is None:
        raise ValueError("the tvmaze kind needs the cycle's clock (ReadContext.now)")
    lookup = parse_lookup(text, ctx.url)
    mine = [w for w in ctx.watches if is_show_of(lookup.show, w)]
    return Reading(
        len(lookup.seasons),
        (),
        tuple(evidence(lookup, mine, ctx.source, ctx.now)),
        facts=tuple((w.key, lookup.facts) for w in mine),
        premieres=tuple((w.key, p) for w in mine if (p := premiere(lookup, w, ctx.source, ctx.now))),
    )


def _json(body: bytes | str, url: str) -> Any:
    try:
        return json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as e:  # nested past the parser's depth
        raise ParseError(url, f"TVmaze sent something that is not JSON: {e}") from e


def _date(value: object) -> date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _channel(data: dict[str, Any]) -> str | None:
    for key in ("network", "webChannel"):
        channel = data.get(key)
        if isinstance(channel, dict) and isinstance(channel.get("name"), str) and channel["name"].strip():
            return str(channel["name"]).strip()
    return None


def show_from(data: object, url: str) -> Show:
    if not isinstance(data, dict) or _int(data.get("id")) is None or not isinstance(data.get("name"), str):
        raise ParseError(url, "TVmaze's answer is not a show (no id or name)")
    show_id = int(data["id"])
    return Show(
        id=show_id,
        name=str(data["name"]).strip(),
        url=str(data.get("url") or f"https://www.tvmaze.com/shows/{show_id}"),
        status=str(data.get("status") or ""),
        premiered=_date(data.get("premiered")),
        ended=_date(data.get("ended")),
        network=_channel(data),
        updated=_int(data.get("updated")),
    )


def parse_show(body: bytes, url: str) -> Show:
    """/shows/:id or /singlesearch/shows: one show object."""
    return show_from(_json(body, url), url)


def parse_lookup(body: bytes | str, url: str) -> Lookup:
    """A show fetched with `embed=seasons` (/shows/:id or /singlesearch/shows): show and seasons
    in one answer, so one conditional GET tells whether anything changed."""
    data = _json(body, url)
    show = show_from(data, url)
    embedded = data.get("_embedded") if isinstance(data, dict) else None
    seasons = embedded.get("seasons") if isinstance(embedded, dict) else None
    if not isinstance(seasons, list):
        raise ParseError(url, "TVmaze's answer has no seasons (was embed=seasons dropped?)")
    return Lookup(show, seasons_from(seasons))


def parse_candidates(body: bytes, url: str) -> tuple[Show, ...]:
    """/search/shows: a list of {score, show}, best first."""
    data = _json(body, url)
    if not isinstance(data, list):
        raise ParseError(url, "TVmaze's search answer is not a list")
    return tuple(show_from(entry.get("show"), url) for entry in data if isinstance(entry, dict))


def parse_seasons(body: bytes, url: str) -> tuple[Season, ...]:
    """/shows/:id/seasons: one entry per season TVmaze knows, announced ones included."""
    data = _json(body, url)
    if not isinstance(data, list):
        raise ParseError(url, "TVmaze's seasons answer is not a list")
    return seasons_from(data)


def seasons_from(data: list[Any]) -> tuple[Season, ...]:
    seasons = []
    for entry in data:
        number = _int(entry.get("number")) if isinstance(entry, dict) else None
        if number is None or number < 1:
            continue  # specials and malformed entries say nothing about a numbered season
        seasons.append(
            Season(
                number=number,
                premiere=_date(entry.get("premiereDate")),
                end=_date(entry.get("endDate")),
                episodes=_int(entry.get("episodeOrder")),
            )
        )
    return tuple(sorted(seasons, key=lambda s: s.number))


def same_name(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def pick(
    candidates: tuple[Show, ...], name: str, network: str | None = None
) -> tuple[Show | None, tuple[Show, ...]]:
    """The show meant by `name` (and `network`, when given), and the others it could be.

    Several shows with exactly this name ("Ghosts", UK and US) are ambiguous unless the network
    tells them apart: the best-scored one is returned with the rest, for the caller to mention."""
    exact = [c for c in candidates if same_name(c.name, name)]
    if network:
        on_network = [c for c in exact if c.network and same_name(c.network, network)]
        exact = on_network or exact
    if not exact:
        return (candidates[0] if candidates else None), candidates[1:]
    return exact[0], tuple(exact[1:])


# --- what it says about a watch --------------------------------------------------------------


def verdict(lookup: Lookup, watch: Watch) -> Classification | None:
    """The watch's season listed → renewed; the show ended without it → canceled; TVmaze's
    "To Be Determined" → pending. A report, never official: TVmaze follows press releases."""
    listed = lookup.season(watch.season)
    name = lookup.show.name
    if listed is not None:
        when = f", premiering {listed.premiere.isoformat()}" if listed.premiere else ""
        return Classification(
            Verdict.RENEWED, False, watch.season, 0.8,
            f"TVmaze lists season {watch.season} of {name}{when}.", "tvmaze.season-listed",
        )  # fmt: skip
    if lookup.show.status == ShowStatus.ENDED:
        last = max((s.number for s in lookup.seasons), default=None)
        after = f" after season {last}" if last else ""
        return Classification(
            Verdict.CANCELED, False, watch.season, 0.7,
            f"TVmaze marks {name} as ended{after}, with no season {watch.season}.", "tvmaze.show-ended",
        )  # fmt: skip
    if lookup.show.status == ShowStatus.UNDECIDED:
        return Classification(
            Verdict.PENDING, False, watch.season, 0.5,
            f"TVmaze marks {name} as to be determined.", "tvmaze.to-be-determined",
        )  # fmt: skip
    return None


def is_show_of(show: Show, watch: Watch) -> bool:
    """The watch's id when it has one; else its name or an alias."""
    if watch.tvmaze_id is not None:
        return watch.tvmaze_id == show.id
    if watch.network and show.network and not _same_channel(watch.network, show.network):
        return False  # a namesake on another network: an old "Ended" show must not cancel ours
    return any(same_name(name, show.name) for name in watch.names)


def _same_channel(a: str, b: str) -> bool:
    """ "Prime Video" and "Amazon Prime Video" are one streamer."""
    x, y = " ".join(a.casefold().split()), " ".join(b.casefold().split())
    return x in y or y in x


def premiere(lookup: Lookup, watch: Watch, source: str, now: datetime) -> Premiere | None:
    """The watched season's premiere date, when TVmaze lists one."""
    season = lookup.season(watch.season)
    if season is None or season.premiere is None:
        return None
    return Premiere(
        day=season.premiere,
        source=source,
        url=lookup.show.url,
        sentence=f"TVmaze lists season {watch.season} of {lookup.show.name} premiering {season.premiere.isoformat()}.",
        rule=PREMIERE_RULE,
        found_at=now,
    )


def evidence(lookup: Lookup, watches: Sequence[Watch], source: str, now: datetime) -> list[Evidence]:
    """What the lookup says about each watch of its show, linked to the show's TVmaze page (the
    credit CC BY-SA asks for)."""
    found = []
    for watch in watches:
        c = verdict(lookup, watch) if is_show_of(lookup.show, watch) else None
        if c is None:
            continue
        found.append(
            Evidence(
                watch_key=watch.key,
                verdict=c.verdict,
                official=c.official,
                season=c.season,
                sentence=c.sentence,
                rule=c.rule,
                stale=c.stale,
                source=source,
                url=lookup.show.url,
                title=f"{lookup.show.name} on TVmaze",
                published=None,
                found_at=now,
            )
        )
    return found
