"""Load and check the TOML configuration; find it; provide the built-in default.

Every problem is a `ConfigError` naming the file and the key, raised before any work starts.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from renewalwatch.autosources import (
    DEFAULT_LOCALE,
    TVMAZE_EVERY,
    TVMAZE_URL,
    Engine,
    auto_sources,
    news_search_url,
    valid_locale,
)  # fmt: skip
from renewalwatch.errors import ConfigError
from renewalwatch.masking import mask_opaque, mask_url
from renewalwatch.models import Source, SourceKind, Trust, Watch

CONSOLE = "console://"
ENV_CONFIG = "RENEWALWATCH_CONFIG"
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*$")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, None: 1}


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Tunable numbers. The field defaults are the only place a default is written: the config
    reader and `fetch.HttpFetcher` both read them from here."""

    state: Path = Path("state.db")  # relative: beside the config file (or in the state dir)
    timeout: float = 20.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    concurrency: int = 16
    per_host: int = 2
    every: float = 1800.0  # the daemon's default interval per source
    jitter: float = 0.1  # fraction of the interval
    failing_after: float = 24 * 3600.0  # a source failing this long sends one notice
    backoff_cap: float = 6 * 3600.0
    retry_window: float = 3600.0  # owed notifications older than this make `health` fail
    # A decision from an `other`-trust source alone waits for a second host or a trade/official
    # source to agree within `corroboration_window`. Off by default: see the README's replay figures.
    corroborate: bool = False
    corroboration_window: float = 3 * 86400.0
    user_agent: str = ""  # empty: "renewalwatch/VERSION (+homepage)"
    tvmaze_url: str = TVMAZE_URL  # TVmaze's API, or a proxy or test server speaking it
    news_url: str | None = None  # the news search endpoint; None: the engine's own
    locale: str = DEFAULT_LOCALE  # language and country of news searches
    engine: Engine = Engine.GOOGLE  # the news search engine for automatic sources
    premiere_alerts: bool = True  # notify once when a renewed season's premiere date is announced
    articles_per_cycle: int = 10  # linked articles read per cycle when an excerpt cannot decide; 0: none


DEFAULT_SETTINGS = Settings()


@dataclass(frozen=True, slots=True)
class Destination:
    """A notification URL. `key` says which destination an owed alert is for, and holds no
    secret: its `name` when it has one, else its position in `notify.urls` ("#1", "#2" ...), so
    correcting a mistyped URL keeps what it is owed. `legacy_key` is the hash of the URL text
    that states written before this rule used."""

    url: str  # with ${ENV} expanded: secret, never logged
    masked: str
    key: str
    name: str | None = None
    legacy_key: str = ""

    @property
    def is_console(self) -> bool:
        return self.url == CONSOLE


@dataclass(frozen=True, slots=True)
class Config:
    path: Path | None  # None for the built-in default
    settings: Settings
    destinations: tuple[Destination, ...]
    watches: tuple[Watch, ...]
    sources: tuple[Source, ...]

    @property
    def origin(self) -> str:
        return str(self.path) if self.path else "built-in default"


def parse_duration(value: object, where: str, path: str) -> float:
    """`"45s"`, `"15m"`, `"2h"`, `"1d"` or a number of seconds."""
    if isinstance(value, bool):
        raise ConfigError(path, where, 'expected a duration like "30m"')
    if isinstance(value, int | float):
        seconds = float(value)
    elif isinstance(value, str) and (m := _DURATION.match(value)):
        seconds = float(m.group(1)) * _UNITS[m.group(2)]
    else:
        raise ConfigError(path, where, f'expected a duration like "30m", got {value!r}')
    if seconds <= 0:
        raise ConfigError(path, where, "must be more than zero")
    return seconds


def destination(
    template: str,
    *,
    env: Mapping[str, str],
    where: str,
    path: str,
    position: int = 0,
    name: str | None = None,
) -> Destination:
    def expand(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in env:
            raise ConfigError(path, where, f"environment variable {name} is not set")
        return env[name]

    url = re.sub(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}", expand, template).strip()
    if "://" not in url:
        raise ConfigError(path, where, f"not a notification URL: {mask_opaque(url)!r}")
    key = f"name:{name}" if name else f"#{position + 1}"
    legacy = hashlib.sha256(template.encode()).hexdigest()[:16]
    return Destination(url=url, masked=mask_url(url), key=key, name=name, legacy_key=legacy)


def by_key(destinations: Iterable[Destination]) -> dict[str, Destination]:
    """Each destination under its key and its legacy key (rows owed before the naming rule)."""
    found: dict[str, Destination] = {}
    for d in destinations:
        if d.legacy_key:
            found.setdefault(d.legacy_key, d)
    return found | {d.key: d for d in destinations}


CONSOLE_DESTINATION = Destination(CONSOLE, "console", "console")


class _Table:
    """Typed, strict access to one TOML table: unknown keys are errors."""

    def __init__(self, data: object, where: str, path: str) -> None:
        if not isinstance(data, dict):
            raise ConfigError(path, where, "expected a table")
        self.data: dict[str, Any] = data
        self.where = where
        self.path = path
        self.used: set[str] = set()

    def key(self, name: str) -> str:
        return f"{self.where}.{name}" if self.where else name

    def get(
        self, name: str, kind: type | tuple[type, ...], default: Any = None, required: bool = False
    ) -> Any:
        self.used.add(name)
        if name not in self.data:
            if required:
                self.near_miss(name)
                raise ConfigError(self.path, self.key(name), "is required")
            return default
        value = self.data[name]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if not self.where and kinds == (list,) and isinstance(value, dict):  # [watch] for [[watch]]
            raise ConfigError(
                self.path, name, f"written [{name}], a single table: write [[{name}]] (one per {name})"
            )
        if isinstance(value, bool) and bool not in kinds:
            raise ConfigError(self.path, self.key(name), f"expected {_names(kinds)}, got a boolean")
        if not isinstance(value, kinds):
            raise ConfigError(
                self.path, self.key(name), f"expected {_names(kinds)}, got {type(value).__name__}"
            )
        return value

    def strings(self, name: str) -> tuple[str, ...]:
        values = self.get(name, list, [])
        for i, value in enumerate(values):
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(self.path, f"{self.key(name)}[{i}]", "expected a non-empty string")
        return tuple(v.strip() for v in values)

    def done(self) -> None:
        for name in self.data:
            if name not in self.used:
                raise ConfigError(self.path, self.key(name), "unknown key" + self._suggest(name, self.used))

    def near_miss(self, name: str) -> None:
        """Before saying `name` is missing: a key written for it by mistake ("seasn", "sources")
        is the real error, reported as unknown."""
        for other in self.data:
            if other not in self.used and difflib.get_close_matches(other, [name], cutoff=0.6):
                raise ConfigError(self.path, self.key(other), "unknown key" + self._suggest(other, [name]))

    def _suggest(self, name: str, known: Iterable[str]) -> str:
        close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
        if not close:
            return ""
        # At the top, the arrays of tables are the ones written [[...]].
        if not self.where and isinstance(self.data.get(name), list):
            return f" (did you mean [[{close[0]}]]?)"
        return f" (did you mean {close[0]!r}?)"


def _names(kinds: tuple[type, ...]) -> str:
    words = {
        str: "a string",
        int: "an integer",
        float: "a number",
        list: "a list",
        bool: "true or false",
        dict: "a table",
    }
    return " or ".join(words.get(k, k.__name__) for k in kinds)


def build(data: dict[str, Any], *, path: Path | None, env: Mapping[str, str]) -> Config:
    """Check parsed TOML and turn it into a `Config`."""
    where = str(path) if path else "built-in default"
    root = _Table(data, "", where)
    base = state_base(path, env)

    settings = _settings(_Table(root.get("settings", dict, {}), "settings", where), base)

    notify_t = _Table(root.get("notify", dict, {}), "notify", where)
    destinations = _destinations(notify_t, env)
    notify_t.done()

    watches = tuple(_watch(t, i, where) for i, t in enumerate(root.get("watch", list, [])))
    if not watches:
        root.near_miss("watch")
        raise ConfigError(where, "watch", "at least one [[watch]] is required")
    keys = [w.key for w in watches]
    if len(set(keys)) != len(keys):
        raise ConfigError(where, "watch", "the same show and season is watched twice")

    own = tuple(_source(t, i, where, settings) for i, t in enumerate(root.get("source", list, [])))
    automatic = auto_sources(
        watches, tvmaze_url=settings.tvmaze_url, news_url=settings.news_url,
        locale=settings.locale, engine=settings.engine,
    )  # fmt: skip
    taken = {s.name for s in own} | {s.url for s in own}
    sources = own + tuple(s for s in automatic if s.name not in taken and s.url not in taken)
    if not sources:
        root.near_miss("source")
        raise ConfigError(
            where, "source", "at least one [[source]] is required when no watch has auto_sources = true"
        )
    names = [s.name for s in sources]
    if len(set(names)) != len(names):
        dup = next(n for n in names if names.count(n) > 1)
        raise ConfigError(where, "source", f"two sources are named {dup!r}")
    root.done()
    return Config(path, settings, destinations or (CONSOLE_DESTINATION,), watches, sources)


def _settings(t: _Table, base: Path) -> Settings:
    d = DEFAULT_SETTINGS
    number = (int, float)
    state = Path(t.get("state", str, str(d.state))).expanduser()

    def duration(name: str, default: float) -> float:
        return parse_duration(t.get(name, (str, *number), default), t.key(name), t.path)

    settings = Settings(
        state=state if state.is_absolute() else base / state,
        timeout=_positive(t, "timeout", number, d.timeout),
        max_bytes=int(_positive(t, "max_bytes", int, d.max_bytes)),
        max_redirects=int(_positive(t, "max_redirects", int, d.max_redirects)),
        concurrency=int(_positive(t, "concurrency", int, d.concurrency)),
        per_host=int(_positive(t, "per_host", int, d.per_host)),
        every=duration("every", d.every),
        jitter=_fraction(t, "jitter", d.jitter),
        failing_after=duration("failing_after", d.failing_after),
        backoff_cap=duration("backoff_cap", d.backoff_cap),
        retry_window=duration("retry_window", d.retry_window),
        corroborate=t.get("corroborate", bool, d.corroborate),
        corroboration_window=duration("corroboration_window", d.corroboration_window),
        user_agent=t.get("user_agent", str, d.user_agent),
        articles_per_cycle=_count(t, "articles_per_cycle", d.articles_per_cycle),
        **_discovery_settings(t),
    )
    t.done()
    return settings


def _http_url(value: str, t: _Table, name: str) -> str:
    value = value.strip()
    if not re.match(r"^https?://[^/\s]+", value):
        raise ConfigError(t.path, t.key(name), f"expected an http(s) URL, got {value!r}")
    try:  # the host and port parse: "http://[::1/feed" must fail here, not on every check
        _ = urlsplit(value).port
    except ValueError as e:
        raise ConfigError(t.path, t.key(name), f"not a usable URL: {e}") from e
    return value


def _discovery_settings(t: _Table) -> dict[str, Any]:
    """The settings of automatic sources: where TVmaze and the news search are, and in which language."""
    locale = t.get("locale", str, DEFAULT_LOCALE).strip()
    if not valid_locale(locale):
        raise ConfigError(
            t.path, t.key("locale"), f'expected a locale like "en-US" or "en-GB", got {locale!r}'
        )
    engine = t.get("engine", str, Engine.GOOGLE.value)
    if engine not in {e.value for e in Engine}:
        raise ConfigError(t.path, t.key("engine"), f"unknown engine {engine!r} (one of: {', '.join(Engine)})")
    news_url = t.get("news_url", str)
    return {
        "tvmaze_url": _http_url(t.get("tvmaze_url", str, TVMAZE_URL), t, "tvmaze_url").rstrip("/"),
        "news_url": None if news_url is None else _http_url(news_url, t, "news_url"),
        "locale": locale,
        "engine": Engine(engine),
        "premiere_alerts": t.get("premiere_alerts", bool, True),
    }


def _destinations(t: _Table, env: Mapping[str, str]) -> tuple[Destination, ...]:
    """`urls` items are URL strings or `{ name = "phone", url = "..." }` tables."""
    found: list[Destination] = []
    names: set[str] = set()
    for i, item in enumerate(t.get("urls", list, [])):
        where = f"{t.key('urls')}[{i}]"
        if isinstance(item, dict):
            entry = _Table(item, where, t.path)
            url = entry.get("url", str, required=True)
            name = entry.get("name", str, "").strip() or None
            entry.done()
            if name in names:
                raise ConfigError(t.path, entry.key("name"), f"the name {name!r} is used twice")
            names.add(name or "")
        elif isinstance(item, str) and item.strip():
            url, name = item, None
        else:
            raise ConfigError(t.path, where, 'expected a URL string or a table { name = "...", url = "..." }')
        found.append(destination(url, env=env, where=where, path=t.path, position=i, name=name))
    return tuple(found)


def _count(t: _Table, name: str, default: int) -> int:
    value = int(t.get(name, int, default))
    if value < 0:
        raise ConfigError(t.path, t.key(name), "must be zero or more")
    return value


def _fraction(t: _Table, name: str, default: float) -> float:
    """A share of an interval: at least 0 and below 1 (a jitter of 1 could fire twice at once)."""
    value = float(t.get(name, (int, float), default))
    if not 0 <= value < 1:
        raise ConfigError(
            t.path, t.key(name), f"must be at least 0 and less than 1 (a fraction), got {value:g}"
        )
    return value


def _positive(t: _Table, name: str, kind: type | tuple[type, ...], default: float) -> float:
    value = float(t.get(name, kind, default))
    if value <= 0:
        raise ConfigError(t.path, t.key(name), "must be more than zero")
    return value


def _watch(data: object, i: int, where: str) -> Watch:
    t = _Table(data, f"watch[{i}]", where)
    show = t.get("show", str, required=True).strip()
    if not show:
        raise ConfigError(where, t.key("show"), "must not be empty")
    season = t.get("season", int, required=True)
    if not 1 <= season <= 99:
        raise ConfigError(where, t.key("season"), "must be between 1 and 99")
    watch = Watch(
        show=show,
        season=season,
        aliases=t.strings("aliases"),
        context=t.strings("context"),
        exclude=t.strings("exclude"),
        network=(t.get("network", str, "") or None),
        tvmaze_id=t.get("tvmaze_id", int),
        auto_sources=t.get("auto_sources", bool, True),
        latest_season=t.get("latest_season", int),
    )
    if watch.tvmaze_id is not None and watch.tvmaze_id < 1:
        raise ConfigError(where, t.key("tvmaze_id"), "must be a positive TVmaze show id")
    if watch.latest_season is not None and not 0 <= watch.latest_season <= season:
        raise ConfigError(
            where, t.key("latest_season"), f"must be between 0 and the watched season ({season})"
        )
    t.done()
    return watch


def _source(data: object, i: int, where: str, settings: Settings) -> Source:
    t = _Table(data, f"source[{i}]", where)
    kind = t.get("kind", str, SourceKind.FEED.value)
    if kind not in {k.value for k in SourceKind}:
        raise ConfigError(where, t.key("kind"), f"unknown kind {kind!r} (one of: {', '.join(SourceKind)})")
    if kind == SourceKind.NEWS:
        query, url = _news_url(t, settings)
        name = f"News: {query}"
    else:
        url = name = _http_url(t.get("url", str, required=True), t, "url")
    trust = t.get("trust", str, "other")
    if trust not in {x.value for x in Trust}:
        raise ConfigError(where, t.key("trust"), f"unknown trust {trust!r} (official, trade or other)")
    every = t.get("every", (str, int, float))
    source = Source(
        name=t.get("name", str, name).strip() or name,
        kind=SourceKind(kind),
        url=url,
        trust=Trust(trust),
        every=parse_duration(every, t.key("every"), where)
        if every is not None
        else (TVMAZE_EVERY if kind == SourceKind.TVMAZE else None),
    )
    t.done()
    return source


def _news_url(t: _Table, settings: Settings) -> tuple[str, str]:
    """A `news` source is a query; its `url`, when given, is the search endpoint to send it to."""
    query = t.get("query", str, required=True).strip()
    if not query:
        raise ConfigError(t.path, t.key("query"), "must not be empty")
    engine = t.get("engine", str, settings.engine.value)
    if engine not in {e.value for e in Engine}:
        raise ConfigError(t.path, t.key("engine"), f"unknown engine {engine!r} (one of: {', '.join(Engine)})")
    endpoint = t.get("url", str)
    if endpoint is not None:
        endpoint = _http_url(endpoint, t, "url")
    elif Engine(engine) is settings.engine:
        endpoint = settings.news_url
    return query, news_search_url(query, engine=Engine(engine), endpoint=endpoint, locale=settings.locale)


def _read(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise ConfigError(str(path), "", f"cannot read: {e.strerror or e}") from e
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as e:
        raise ConfigError(str(path), "", "not UTF-8 text") from e
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(str(path), "", f"not valid TOML: {e}") from e


def load(path: Path, env: Mapping[str, str]) -> Config:
    """The config file at `path`; `env` expands `${VAR}` in notify URLs (the CLI passes os.environ:
    the environment is read there and only there)."""
    return build(_read(path), path=path.resolve(), env=env)


def load_settings(path: Path, env: Mapping[str, str]) -> Settings:
    """Only the `[settings]` of the config file at `path`, checked: for `add`, which may be writing
    the file's first [[watch]] (the whole file is checked once the watch is in)."""
    resolved = path.resolve()
    root = _Table(_read(path), "", str(resolved))
    return _settings(
        _Table(root.get("settings", dict, {}), "settings", str(resolved)), state_base(resolved, env)
    )


def state_base(config_path: Path | None, env: Mapping[str, str]) -> Path:
    """Where a relative `state` lives: $STATE_DIRECTORY when set (systemd's StateDirectory=, the
    container's volume), else the config file's folder, else the user's state folder."""
    if env.get("STATE_DIRECTORY"):
        return Path(env["STATE_DIRECTORY"].split(":")[0])
    return config_path.parent if config_path else default_state_dir(env)


def default_state_dir(env: Mapping[str, str]) -> Path:
    base = env.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(base) / "renewalwatch"


def user_config_path(env: Mapping[str, str]) -> Path:
    base = env.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "renewalwatch" / "config.toml"


def discover(
    explicit: str | None, env: Mapping[str, str], cwd: Path, exists: Callable[[Path], bool] = Path.is_file
) -> Path | None:
    """`--config`, then $RENEWALWATCH_CONFIG, then ./renewalwatch.toml, then the user config file."""
    if explicit:
        return Path(explicit)
    if env.get(ENV_CONFIG):
        return Path(env[ENV_CONFIG])
    for candidate in (cwd / "renewalwatch.toml", user_config_path(env)):
        if exists(candidate):
            return candidate
    return None


# The built-in default: Ballard season 2 on public sources, plus the watch's automatic TVmaze
# lookup and news search. Feed addresses were taken from public
# code and could not be verified from the build machine; correct them here if one moves.
DEFAULT_SOURCES: tuple[dict[str, str], ...] = (
    {"name": "Deadline TV", "kind": "feed", "url": "https://deadline.com/v/tv/feed/", "trust": "trade"},
    {"name": "Variety TV", "kind": "feed", "url": "https://variety.com/v/tv/feed/", "trust": "trade"},
    {"name": "The Hollywood Reporter TV", "kind": "feed", "url": "https://www.hollywoodreporter.com/c/tv/feed/", "trust": "trade"},
    {"name": "TVLine", "kind": "feed", "url": "https://tvline.com/feed/", "trust": "trade"},
    {"name": "Amazon press releases", "kind": "feed", "url": "https://press.aboutamazon.com/rss/news-releases.xml", "trust": "official"},
)  # fmt: skip


def default_config(env: Mapping[str, str]) -> Config:
    data: dict[str, Any] = {
        "settings": {"state": "state.db"},
        "watch": [
            {
                "show": "Ballard",
                "season": 2,
                "network": "Prime Video",
                "exclude": ["Ballard Power", "Ballard Designs", "Ballard Locks", "Ballard High"],
            }
        ],
        "source": [dict(s) for s in DEFAULT_SOURCES],
    }
    return build(data, path=None, env=env)
