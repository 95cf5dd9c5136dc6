"""Edit the config file for `add` and `remove`, keeping every comment and the layout around the change.

tomlkit keeps a parsed file's comments and whitespace, so a watch can be appended to, or taken out
of, a file a person wrote. Every edit is checked before it is written: the result must parse, and
differ from the original only by the one watch added or removed.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.container import Container
from tomlkit.items import AoT, Table, Whitespace

from renewalwatch.errors import ConfigError


@dataclass(frozen=True, slots=True)
class WatchEntry:
    show: str
    season: int
    network: str | None = None
    tvmaze_id: int | None = None
    note: str = ""  # a comment written above the watch

    def matches(self, show: str, season: int | None) -> bool:
        return _same(self.show, show) and (season is None or self.season == season)


def _same(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


NEW_FILE_HEAD = """\
# renewalwatch configuration, written by `renewalwatch add`. Edit freely: `add` and `remove`
# keep your comments. Unknown keys are errors, so a typo is caught at start. Every key is
# described in config.example.toml and the README.

[settings]
state = "state.db"        # the SQLite state file; relative paths are beside this file
# locale = "en-US"        # language and country of news searches (Google News hl/gl/ceid)
# engine = "google"       # news search engine for automatic sources: "google" or "bing"
# every = "30m"           # the daemon's default interval per source (TVmaze: 1h)
# premiere_alerts = true  # also notify once when a renewed season's premiere date is announced

[notify]
# Any Apprise URLs (https://github.com/caronc/apprise/wiki); ${ENV_VAR} is expanded, so secrets
# can stay out of this file. With none, alerts are printed to the console.
urls = [
    # "mailtos://${SMTP_USER}:${SMTP_PASSWORD}@smtp.example.com?to=me@example.com",
    # "ntfys://ntfy.sh/my-tv-alerts",
]

# One [[watch]] per show and season. With auto_sources = true (the default), each watch is
# looked up on TVmaze (its seasons list and status) and searched in the news; add your own
# [[source]] tables (kind = "feed", "page", "news" or "tvmaze") for more.
"""


def _table(entry: WatchEntry, explain: bool) -> Table:
    t = tomlkit.table()
    if entry.note:
        t.add(tomlkit.comment(entry.note))
    t.add("show", entry.show)
    t.add("season", entry.season)
    if explain:
        t["show"].comment("the show's name as the press writes it")
        t["season"].comment("the season whose renewal or cancellation you want to hear of")
    if entry.network:
        t.add("network", entry.network)
        if explain:
            t["network"].comment("its network or streamer; also counts as TV context")
    if entry.tvmaze_id is not None:
        t.add("tvmaze_id", entry.tvmaze_id)
        if explain:
            t["tvmaze_id"].comment("the show on TVmaze (https://www.tvmaze.com), found by `add`")
    if explain:
        t.add(tomlkit.comment("aliases = []          # other names the press uses"))
        t.add(tomlkit.comment('exclude = []          # other things with the same name ("Ballard Power")'))
        t.add(tomlkit.comment("auto_sources = true   # TVmaze and a news search for this watch"))
    return t


def new_file(entry: WatchEntry) -> str:
    """A whole config file, commented, watching `entry`."""
    doc = tomlkit.parse(NEW_FILE_HEAD)
    aot = tomlkit.aot()
    aot.append(_table(entry, explain=True))
    doc.append("watch", aot)
    text = tomlkit.dumps(doc)
    _check(text, [entry], "new config")
    return text


def _trailing(table: Table) -> list[tuple[Any, Any]]:
    """Comments and blank lines after a table's last key that belong to what follows it (they
    start at the first blank line): "# sources below" stays above the sources."""
    body = table.value.body
    keys = [i for i, (k, _) in enumerate(body) if k is not None]
    last = keys[-1] if keys else -1
    blank = next((i for i in range(last + 1, len(body)) if isinstance(body[i][1], Whitespace)), len(body))
    moved = body[blank:]
    del body[blank:]
    return moved


def add_watch(text: str, entry: WatchEntry, where: str) -> str:
    """`text` with `entry` appended after the last [[watch]] (or at the end)."""
    doc = _parse(text, where)
    before = _watches(text, where)
    if any(_entry_of(w).matches(entry.show, entry.season) for w in before):
        raise ConfigError(where, "watch", f"{entry.show} season {entry.season} is already watched")
    new = _table(entry, explain=False)
    existing = doc.get("watch")
    if isinstance(existing, AoT) and len(existing):
        last = existing[-1]
        moved = _trailing(last)
        last.value.body.append((None, tomlkit.ws("\n")))
        for key, item in moved:
            new.value.body.append((key, item))
        existing.append(new)
    else:
        if not text.endswith("\n\n"):
            doc.add(tomlkit.nl())
        aot = tomlkit.aot()
        aot.append(new)
        doc.append("watch", aot)
    result = tomlkit.dumps(doc)
    _check(result, [*before, entry], where)
    return result


def remove_watch(text: str, show: str, season: int | None, where: str) -> tuple[str, list[WatchEntry]]:
    """`text` without the watches of `show` (only `season`, when given), and what was removed."""
    doc = _parse(text, where)
    before = _watches(text, where)
    gone = [i for i, w in enumerate(before) if _entry_of(w).matches(show, season)]
    if not gone:
        what = f"{show} season {season}" if season is not None else show
        raise ConfigError(where, "watch", f"no watch for {what}")
    if len(gone) == len(before):
        raise ConfigError(
            where, "watch", "that is every watch in the file; a config needs one (add another first)"
        )
    aot = doc["watch"]
    assert isinstance(aot, AoT)
    for i in reversed(gone):
        moved = _trailing(aot[i])  # blank lines and comments after it belong to what follows
        del aot[i]
        _reattach(_body_before(doc, aot, i), moved)
    result = tomlkit.dumps(doc)
    kept = [w for i, w in enumerate(before) if i not in gone]
    _check(result, kept, where)
    return result, [_entry_of(before[i]) for i in gone]


def _body_before(doc: Container, aot: AoT, i: int) -> list[tuple[Any, Any]]:
    """The body that ends just before table `i` of `aot`: the table before it, or what precedes
    the [[watch]] tables in the file."""
    if i > 0:
        body: list[tuple[Any, Any]] = aot[i - 1].value.body
        return body
    at = next(n for n, (_, item) in enumerate(doc.body) if item is aot)
    if at > 0 and isinstance(doc.body[at - 1][1], Table):
        body = doc.body[at - 1][1].value.body
        return body
    # No table before the watches: the comments go just under the next watch's header.
    body = aot[0].value.body
    return body


def _reattach(body: list[tuple[Any, Any]], moved: list[tuple[Any, Any]]) -> None:
    if body and moved and isinstance(body[-1][1], Whitespace) and isinstance(moved[0][1], Whitespace):
        moved = moved[1:]  # one blank line between sections, not two
    body.extend(moved)


def _parse(text: str, where: str) -> Container:
    try:
        return tomlkit.parse(text)
    except tomlkit.exceptions.ParseError as e:
        raise ConfigError(where, "", f"not valid TOML: {e}") from e


def _watches(text: str, where: str) -> list[dict[str, Any]]:
    data = tomllib.loads(text)
    watches = data.get("watch", [])
    if not isinstance(watches, list):
        raise ConfigError(where, "watch", "expected [[watch]] tables")
    return [w for w in watches if isinstance(w, dict)]


def _entry_of(data: dict[str, Any]) -> WatchEntry:
    return WatchEntry(str(data.get("show", "")), int(data.get("season", 0)))


def _raw(entry: WatchEntry) -> dict[str, Any]:
    raw: dict[str, Any] = {"show": entry.show, "season": entry.season}
    if entry.network:
        raw["network"] = entry.network
    if entry.tvmaze_id is not None:
        raw["tvmaze_id"] = entry.tvmaze_id
    return raw


def _check(result: str, expected: Sequence[dict[str, Any] | WatchEntry], where: str) -> None:
    """The edit did exactly what it meant to: refuse to write anything else."""
    wanted = [_raw(e) if isinstance(e, WatchEntry) else e for e in expected]
    try:
        got = tomllib.loads(result).get("watch", [])
    except tomllib.TOMLDecodeError as e:  # pragma: no cover - a tomlkit bug
        raise ConfigError(where, "", f"editing the file would break it ({e}); left unchanged") from e
    if got != wanted:  # pragma: no cover - a tomlkit bug
        raise ConfigError(where, "watch", "editing the file would change other watches; left unchanged")


def write(path: Path, text: str) -> None:
    """Replace the file in one step, so a crash leaves the old or the new file, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
