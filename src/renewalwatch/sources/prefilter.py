"""Cheap looks at a decoded feed, so only the items that name a watched show are parsed.

A feed is split into its items by a scan for <item>/<entry> boundaries; each is matched through
`textnorm.markup_key`, which is looser than the classifier (it may keep an item that does not
name the show, never drop one that does). The whole body is still checked to be well-formed XML
without entity declarations, so a broken feed is reported as one even when no item is kept.
"""

from __future__ import annotations

import re
import xml.parsers.expat
from collections.abc import Iterable
from dataclasses import dataclass

from renewalwatch.errors import ParseError
from renewalwatch.sources.markup import looks_like_html_page
from renewalwatch.textnorm import markup_key, name_key

_EDGE = re.compile(r"<(/?)(item|entry)\b[^>]*?(/?)>")
_PREFIXED_EDGE = re.compile(r"<(/?)((?:[\w.-]+:)?(?:item|entry))\b[^>]*?(/?)>")  # <atom:entry>: rare, slower
_FEED_ROOTS = frozenset({"rss", "feed", "RDF"})  # RSS 0.9x/2.0, Atom, RSS 1.0 (rdf:RDF)
_ENTITY = re.compile(r"<!ENTITY", re.I)


@dataclass(frozen=True, slots=True)
class Split:
    """A feed as what comes before its first item, its items, and what follows the last."""

    head: str
    items: tuple[str, ...]
    tail: str

    def keeping(self, items: Iterable[str]) -> str:
        """The same feed with only `items`."""
        return self.head + "".join(items) + self.tail


def split_items(text: str) -> Split:
    split = _split(text, _EDGE)
    return split if split.items else _split(text, _PREFIXED_EDGE)


def _split(text: str, edges: re.Pattern[str]) -> Split:
    spans: list[tuple[int, int]] = []
    opened: tuple[str, int] | None = None
    for edge in edges.finditer(text):  # a scan for tags alone: a regex spanning items is 6x slower
        closing, name, empty = edge.groups()
        if empty and not closing:
            spans.append(edge.span())
        elif not closing:
            opened = opened or (name, edge.start())
        elif opened is not None and opened[0] == name:
            spans.append((opened[1], edge.end()))
            opened = None
    if not spans:
        return Split(text, (), "")
    return Split(text[: spans[0][0]], tuple(text[a:b] for a, b in spans), text[spans[-1][1] :])


def naming(items: Iterable[str], names: Iterable[str]) -> list[str]:
    """The items whose text (tags and entities decoded) contains a watched name."""
    keys = [k for k in (name_key(n) for n in names) if k]
    # One key per item, however many names are watched: the key is the cost, the `in`s are not.
    return [item for item in items if _holds_any(markup_key(item), keys)]


def mentions_any(text: str, names: Iterable[str]) -> bool:
    return _holds_any(markup_key(text), [k for k in (name_key(n) for n in names) if k])


def _holds_any(key: str, name_keys: Iterable[str]) -> bool:
    return any(k in key for k in name_keys)


def refuse_entities(text: str, url: str) -> None:
    """Entity declarations serve no feed we read and are how expansion attacks start; looked for
    in the whole decoded body, so neither padding nor another encoding hides one."""
    if _ENTITY.search(text):
        raise ParseError(url, "the feed declares XML entities; refused (entity-expansion risk)")


def check_feed_shape(text: str, url: str) -> None:
    """Everything a full parse would report about the whole feed: empty, an HTML page, entity
    declarations, XML that is not well-formed."""
    if not text.strip():
        raise ParseError(url, "empty response, expected a feed")
    if looks_like_html_page(text[:512].encode("utf-8", "replace")):
        raise ParseError(url, "got an HTML page, not an RSS/Atom feed")
    refuse_entities(text, url)
    parser = xml.parsers.expat.ParserCreate("utf-8", " ")  # the text is decoded: its declaration is moot
    roots: list[str] = []

    def root(name: str, attrs: object) -> None:
        roots.append(name)
        parser.StartElementHandler = None  # the root is all we ask: no call per element after it

    parser.StartElementHandler = root
    try:
        parser.Parse(text, True)
    except xml.parsers.expat.ExpatError as e:
        raise ParseError(url, f"malformed feed XML: {e}") from e
    if not roots or roots[0].rpartition(" ")[2] not in _FEED_ROOTS:
        raise ParseError(url, "not an RSS or Atom feed")
