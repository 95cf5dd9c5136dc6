"""The status page: `status --json`'s data rendered through a Jinja2 template. No I/O here.

Jinja2's autoescaping covers every value put in the page, so text from feeds (titles, sentences,
error messages) is shown as text; links are made only for http and https URLs.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from renewalwatch.models import Status
from renewalwatch.untrusted import for_terminal

TVMAZE = "https://www.tvmaze.com/"
TVMAZE_RULES = "tvmaze."  # the prefix of every rule of sources.tvmaze
DECIDED = frozenset({Status.RENEWED.value, Status.CANCELED.value})


@lru_cache(maxsize=4096)  # a page repeats the same few hundred URLs and times on every request
def href(url: object) -> str | None:
    """The URL when it is one a reader can safely follow (http or https with a host), else None."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    if for_terminal(url) != url or " " in url:  # controls or spaces: not a URL a feed should send
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.hostname else None


@lru_cache(maxsize=16384)  # the same titles and sentences on every request
def clean(text: object) -> str:
    """Escaping keeps feed text from being markup; this keeps controls and bidi overrides from garbling it."""
    return for_terminal(str(text)) if text is not None else ""


def _parse(iso: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(iso) if iso else None
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def when(iso: str | None) -> str:
    at = _parse(iso)
    return f"{at:%Y-%m-%d %H:%M} UTC" if at else "—"


@lru_cache(maxsize=4096)
def stamp(iso: str | None) -> Markup:
    """A <time> element; a filter, not a macro: the page has hundreds and macros cost a call each."""
    if not iso:
        return Markup("—")
    return Markup(f'<time datetime="{escape(iso)}">{escape(when(iso))}</time>')


@lru_cache(maxsize=8192)
def link(url: object, text: object) -> Markup:
    """A link for http(s) URLs, plain text for anything else (javascript:, data:, no host)."""
    target = href(url)
    if target is None:
        return escape(clean(text))
    return Markup(f'<a href="{escape(target)}" rel="noopener noreferrer nofollow">{escape(clean(text))}</a>')


def ago(iso: str | None, now: datetime) -> str:
    at = _parse(iso)
    if at is None:
        return "never"
    seconds = (now - at).total_seconds()
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if abs(seconds) >= size:
            n = int(abs(seconds) // size)
            span = f"{n} {unit}{'s' if n != 1 else ''}"
            return f"{span} ago" if seconds > 0 else f"in {span}"
    return "just now"


def shows_tvmaze(data: dict[str, Any]) -> bool:
    """TVmaze's data (CC BY-SA) is on the page: a TVmaze source is configured (`credits`), evidence
    was read from it (its rules are `tvmaze.*`), or a source or article is on tvmaze.com."""
    if data.get("credits"):
        return True
    evidence = [e for w in data["watches"] for e in w["evidence"]]
    evidence += [h["evidence"] for w in data["watches"] for h in w["history"] if h.get("evidence")]
    if any(str(e.get("rule", "")).startswith(TVMAZE_RULES) for e in evidence):
        return True
    urls = [s.get("url") for s in data["sources"]] + [e.get("url") for e in evidence]
    return any((urlsplit(u).hostname or "").endswith("tvmaze.com") for u in urls if isinstance(u, str))


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("renewalwatch.web", "templates"),
        autoescape=select_autoescape(["html"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(href=href, clean=clean, when=when, stamp=stamp)
    env.globals.update(link=link)
    return env


_ENV = _environment()


def render_page(data: dict[str, Any], now: datetime) -> str:
    return _ENV.get_template("status.html").render(
        data=data,
        decided=DECIDED,
        tvmaze=TVMAZE if shows_tvmaze(data) else None,
        ago=lambda iso: ago(iso, now),
        generated=when(now.isoformat()),
    )


def render_error(title: str, message: str) -> str:
    return _ENV.get_template("error.html").render(title=title, message=message)
