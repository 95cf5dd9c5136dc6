"""Make text from feeds and pages safe where it goes: a terminal, or a chat destination. Pure.

Terminals: C0/C1 controls, ANSI and OSC escape sequences (clear screen, window title, hidden
links), bidi overrides and line breaks are removed, so a feed cannot rewrite what a person sees.

Destinations: each chat service renders its own markup. Mentions (`@everyone`, `<@123>`,
`<!here>`) and disguised links (`[official](https://elsewhere)`, `<https://elsewhere|official>`)
in feed text are neutralised for the services that would act on them; URLs are left untouched,
so the evidence link we add ourselves always works. HTML services (e-mail, Telegram) get plain
text, which Apprise escapes itself when it converts it to HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum
from urllib.parse import SplitResult, urlsplit

ZWSP = "\u200b"  # breaks a mention or a markup token without changing what a person reads

_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, clear screen
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window title, hyperlinks
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b[@-Z\\-_]"  # other two-character escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|\x9d[^\x07\x9c]*[\x07\x9c]?"  # 8-bit OSC
)
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_BREAKS = re.compile(r"[\r\n\t\v\f\x85\u2028\u2029]+")


def for_terminal(text: str) -> str:
    """One line of plain text: no escape sequence, control, bidi override or line break."""
    text = _ESCAPES.sub("", text)
    text = _BREAKS.sub(" ", text)
    return _CONTROLS.sub("", text)


class Neutralise(StrEnum):
    """What a destination's markup would act on in untrusted text."""

    MENTIONS = "mentions"  # @everyone, @here, @channel, @user
    MARKDOWN_LINKS = "markdown-links"  # [text](url), ![image](url)
    ANGLE_TOKENS = "angle-tokens"  # <@id>, <#channel>, <!here>, <url|text>


_CHAT_MARKDOWN = frozenset(Neutralise)
# Apprise scheme -> what its service renders. Unlisted services show plain text as it is.
DESTINATION_RULES: dict[str, frozenset[Neutralise]] = {
    "discord": _CHAT_MARKDOWN,
    "guilded": _CHAT_MARKDOWN,
    "slack": frozenset({Neutralise.MENTIONS, Neutralise.ANGLE_TOKENS}),
    "gchat": frozenset({Neutralise.MENTIONS, Neutralise.ANGLE_TOKENS}),
    "mmost": frozenset({Neutralise.MENTIONS, Neutralise.MARKDOWN_LINKS}),
    "mmosts": frozenset({Neutralise.MENTIONS, Neutralise.MARKDOWN_LINKS}),
    "rocket": frozenset({Neutralise.MENTIONS, Neutralise.MARKDOWN_LINKS}),
    "rockets": frozenset({Neutralise.MENTIONS, Neutralise.MARKDOWN_LINKS}),
    "zulip": frozenset({Neutralise.MENTIONS, Neutralise.MARKDOWN_LINKS}),
    "matrix": frozenset({Neutralise.MENTIONS, Neutralise.MARKDOWN_LINKS}),
    "matrixs": frozenset({Neutralise.MENTIONS, Neutralise.MARKDOWN_LINKS}),
    "msteams": frozenset({Neutralise.MARKDOWN_LINKS, Neutralise.ANGLE_TOKENS}),
    "tgram": frozenset({Neutralise.MENTIONS}),
}

_URL = re.compile(r"\b[a-z][a-z0-9+.-]{1,15}://[^\s<>\"'|]+", re.IGNORECASE)
_MENTION = re.compile(r"(?<![\w@])@(?=[\w.-])")
_MD_LINK = re.compile(r"[\[\]]")
_ANGLE = re.compile(r"<(?=[@#!&]|[a-z][a-z0-9+.-]{1,15}:)", re.IGNORECASE)


def split_link(url: str) -> SplitResult | None:
    """A link's parts, or None when it does not parse: a feed's links are untrusted too, and
    urlsplit raises on some (`http://[::1/x`)."""
    try:
        return urlsplit(url)
    except ValueError:
        return None


def link_host(url: str) -> str | None:
    parts = split_link(url)
    return parts.hostname if parts else None


def rules_for(url: str, schemes: Iterable[str] = ()) -> frozenset[Neutralise]:
    """What to neutralise for the service at `url`; `schemes` are the ones the service Apprise
    loaded answers to, since Apprise also takes a service's own https URL
    (`https://discord.com/api/webhooks/...` is Discord, though its scheme says https)."""
    parts = split_link(url)
    names = {s.lower() for s in schemes} | ({parts.scheme.lower()} if parts else set())
    return frozenset().union(*(DESTINATION_RULES.get(n, frozenset()) for n in names))


def _neutralise(piece: str, rules: frozenset[Neutralise]) -> str:
    if Neutralise.MENTIONS in rules:
        piece = _MENTION.sub("@" + ZWSP, piece)
    if Neutralise.MARKDOWN_LINKS in rules:
        piece = _MD_LINK.sub(lambda m: "\\" + m.group(0), piece)
    return piece


def for_destination(text: str, rules: frozenset[Neutralise]) -> str:
    """`text` with mentions and markup links broken for a service with `rules`; URLs untouched."""
    if not rules:
        return text
    if Neutralise.ANGLE_TOKENS in rules:  # a `<` is never part of a URL: safe across the whole text
        text = _ANGLE.sub("<" + ZWSP, text)
    out, last = [], 0
    for m in _URL.finditer(text):
        out.append(_neutralise(text[last : m.start()], rules))
        out.append(m.group(0))
        last = m.end()
    out.append(_neutralise(text[last:], rules))
    return "".join(out)
