"""`add`, `list` and `remove`: the watches in the config file, managed from the command line.

`add` looks the show up on TVmaze when it can (network, id, the next season) and writes the watch
either way; every edit is checked as a whole config before the file is replaced.
"""

from __future__ import annotations

import asyncio
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from renewalwatch import autosources as auto
from renewalwatch import configfile
from renewalwatch.autosources import TVMAZE_CREDIT as CREDIT
from renewalwatch.autosources import TVMAZE_RATE
from renewalwatch.config import Config, Settings, build
from renewalwatch.configfile import WatchEntry
from renewalwatch.errors import ConfigError, FetchError, ParseError
from renewalwatch.fetch import HttpFetcher
from renewalwatch.lookup import Found, find
from renewalwatch.masking import mask_url
from renewalwatch.message import clean
from renewalwatch.models import Source, SourceHealth, SourceKind, Watch
from renewalwatch.sources.tvmaze import ShowStatus

LOOKUP_TIMEOUT = 15.0  # seconds: a person is waiting at the prompt


@dataclass(frozen=True, slots=True)
class Looked:
    found: Found | None
    problem: str | None  # why the lookup could not be done (offline, TVmaze down)


def look_up(settings: Settings, show: str, network: str | None, tvmaze_id: int | None) -> Looked:
    async def go() -> Found | None:
        async with HttpFetcher(
            timeout=min(settings.timeout, LOOKUP_TIMEOUT),
            user_agent=settings.user_agent,
            per_host=1,
            host_rates={urlsplit(settings.tvmaze_url).netloc: TVMAZE_RATE},
        ) as fetcher:
            return await find(fetcher, settings.tvmaze_url, show, network=network, tvmaze_id=tvmaze_id)

    try:
        return Looked(asyncio.run(go()), None)
    except (FetchError, ParseError) as e:
        return Looked(None, e.message)


@dataclass(frozen=True, slots=True)
class Added:
    path: Path
    created: bool
    entry: WatchEntry
    config: Config
    lines: tuple[str, ...]


def _describe(show: str, network: str | None, first: date | None) -> str:
    parts = [p for p in (network, str(first.year) if first else None) if p]
    return f"{show} ({', '.join(parts)})" if parts else show


def add(
    target: Path,
    *,
    show: str,
    season: int | None,
    network: str | None,
    tvmaze_id: int | None,
    looked: Looked | None,
    today: date,
    env: Mapping[str, str],
) -> Added:
    """Write the watch into `target` (creating it) and say what will be watched, from where."""
    lines: list[str] = []
    found = looked.found if looked else None
    if looked is None:
        lines.append("Not looked up on TVmaze (--offline).")
    elif looked.problem:
        lines.append(
            f"Could not look {show!r} up on TVmaze ({clean(looked.problem, 200)}); the watch is written"
            " anyway, and each check looks the show up by name."
        )
    elif found is None:
        what = f"show #{tvmaze_id}" if tvmaze_id else f"show named {show!r}"
        lines.append(f"TVmaze has no {what}; the watch is written without it.")
    elif not found.exact:
        lines.append(
            f"TVmaze's closest match is {clean(found.show.name, 120)!r} (#{found.show.id}), not {show!r}; "
            f"not used. If it is the show, add again with --tvmaze-id {found.show.id}."
        )
        found = None
    if found is not None:
        network = network or found.show.network
        tvmaze_id = found.show.id
        if season is None:
            season = found.next_season
            lines.append(
                f"TVmaze lists {len(found.seasons)} season(s): watching season {season}, the next one."
            )
        if found.show.status == ShowStatus.ENDED and found.show_season(season) is None:
            lines.append(
                f"TVmaze marks {clean(found.show.name, 120)} as ended: the first check will report it canceled."
            )
        for other in found.others:
            lines.append(
                f"Also named so on TVmaze: {clean(_describe(other.name, other.network, other.premiered), 160)} "
                f"#{other.id}; to watch it instead: --tvmaze-id {other.id}."
            )
    if season is None:
        raise ConfigError(
            "command line", "--season", "give the season to watch (TVmaze could not say which is next)"
        )
    note = f"{show} season {season}" + (f" on {network}" if network else "")
    note += (f" (TVmaze #{tvmaze_id})" if tvmaze_id else "") + f", added {today.isoformat()}"
    entry = WatchEntry(show, season, network, tvmaze_id, note)
    created = not target.exists()
    where = str(target)
    if created:
        text = configfile.new_file(entry)
    else:
        try:
            text = configfile.add_watch(target.read_text(encoding="utf-8"), entry, where)
        except OSError as e:
            raise ConfigError(where, "", f"cannot read: {e.strerror or e}") from e
    config = build(tomllib.loads(text), path=target.resolve(), env=env)  # `check` must accept it
    configfile.write(target, text)
    lines.insert(
        0, f"{'Created' if created else 'Updated'} {target}: watching {entry.show} season {entry.season}."
    )
    watch = next(w for w in config.watches if w.key == Watch(entry.show, entry.season).key)
    lines += sources_lines(config, watch)
    return Added(target, created, entry, config, tuple(lines))


def remove(target: Path, show: str, season: int | None, env: Mapping[str, str]) -> list[WatchEntry]:
    where = str(target)
    if not target.exists():
        raise ConfigError(where, "", "no such config file (the built-in default cannot be edited)")
    text, gone = configfile.remove_watch(target.read_text(encoding="utf-8"), show, season, where)
    build(tomllib.loads(text), path=target.resolve(), env=env)
    configfile.write(target, text)
    return gone


def sources_lines(config: Config, watch: Watch) -> list[str]:
    s = config.settings

    def urls(watches: Sequence[Watch]) -> set[str]:
        found = auto.auto_sources(
            watches, tvmaze_url=s.tvmaze_url, news_url=s.news_url, locale=s.locale, engine=s.engine
        )
        return {o.url for o in found}

    own, automatic = urls([watch]), urls(config.watches)
    mine = [source for source in config.sources if source.url in own]
    lines = ["Sources for it:" if mine else "No automatic sources (auto_sources = false)."]
    lines += [f"  {s.kind:7} {clean(s.name, 80)}  {mask_url(s.url)}" for s in mine]
    others = [s for s in config.sources if s.url not in automatic]  # [[source]]s: every watch's
    if others:
        lines.append(f"  and the {len(others)} other source(s) in the config, for every watch.")
    suggested = auto.suggestions(watch)
    if suggested:
        lines.append("Trade tag feeds that may exist (unverified: add one as a [[source]] to try it):")
        lines += [f"  {name}  {url}" for name, url in suggested]
    if any(s.kind is SourceKind.TVMAZE for s in mine):
        lines.append(CREDIT)
    return lines


def listing(config: Config, health: Sequence[SourceHealth] | None) -> str:
    """Watches and sources; each source's health when a state file exists."""
    lines = [f"Config: {config.origin}", "", "Watches:"]
    for w in config.watches:
        extra = [x for x in (w.network, f"TVmaze #{w.tvmaze_id}" if w.tvmaze_id else None) if x]
        auto_note = "" if w.auto_sources else ", no automatic sources"
        lines.append(f"  {clean(w.label, 120)}" + (f" ({', '.join(extra)})" if extra else "") + auto_note)
    known = {h.name: h for h in health or ()}
    lines += ["", "Sources:"]
    for s in config.sources:
        lines.append(f"  {s.kind:7} {clean(s.name, 80)}  {mask_url(clean(s.url, 300))}")
        if health is not None:
            lines.append(f"          {_health(known.get(s.name), s)}")
    if health is None:
        lines += ["", "No state file yet: run `renewalwatch check` to see each source's health."]
    if any(s.kind is SourceKind.TVMAZE for s in config.sources):
        lines += ["", CREDIT]
    return "\n".join(lines)


def _health(h: SourceHealth | None, source: Source) -> str:
    if h is None or h.url not in (source.url, mask_url(source.url)) or h.last_checked is None:
        return "unverified: never fetched"
    if h.disabled:
        return f"disabled: {clean(h.disabled, 200)}"
    if h.last_error:
        verified = "" if h.last_success else "; unverified: never fetched successfully"
        return f"failing ({h.consecutive_failures}x): {clean(h.last_error, 200)}{verified}"
    when = h.last_success.strftime("%Y-%m-%d %H:%M UTC") if h.last_success else "?"
    return f"ok, last fetched {when}"


__all__ = ["Added", "Looked", "add", "listing", "look_up", "remove"]
