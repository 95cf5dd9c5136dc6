"""An HTML article page: its headline and paragraphs, without navigation, scripts or sidebars."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from renewalwatch.errors import ParseError
from renewalwatch.models import Document
from renewalwatch.sources.charset import decode
from renewalwatch.sources.kind import ReadContext, Reading
from renewalwatch.sources.prefilter import mentions_any

if TYPE_CHECKING:
    from bs4 import BeautifulSoup, Tag

_CHROME = ("script", "style", "noscript", "nav", "footer", "aside", "form", "iframe", "svg", "button")
_CHROME_ATTR = re.compile(
    r"(?:^|[\s_-])(?:sidebar|related|trending|recommend\w*|popular|comments?|nav\w*|menu|footer|promo|"
    r"newsletter|share|social|advert\w*|ads?|cookie\w*|breadcrumbs?|subscribe|more-stories)(?:$|[\s_-])",
    re.I,
)
_BLOCKS = ("p", "h2", "h3", "li", "blockquote")


def _published(soup: BeautifulSoup) -> datetime | None:
    from bs4 import Tag

    candidates: list[str] = []
    for attrs in ({"property": "article:published_time"}, {"name": "date"}, {"itemprop": "datePublished"}):
        meta = soup.find("meta", attrs=attrs)
        if isinstance(meta, Tag) and meta.get("content"):
            candidates.append(str(meta["content"]))
    time = soup.find("time", attrs={"datetime": True})
    if isinstance(time, Tag):
        candidates.append(str(time["datetime"]))
    for value in candidates:
        try:
            when = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            continue
        return when if when.tzinfo else when.replace(tzinfo=UTC)
    return None


def read(text: str, ctx: ReadContext) -> Reading:
    """The `page` kind: one HTML article page, when it names a watched show."""
    return read_page(text, ctx.url, ctx.source, ctx.names)


def read_page(text: str, url: str, source: str, names: Sequence[str] | None = None) -> Reading:
    """The page as one Document when it names one of `names` (always when None); a page that
    names none is not parsed."""
    if names is not None and text.strip() and not mentions_any(text, names):
        return Reading(1, ())
    return Reading(1, tuple(parse_page(text, url, source)))


def parse_page(body: bytes | str, url: str, source: str) -> list[Document]:
    from bs4 import BeautifulSoup, Tag  # ~40 ms: loaded on the first page that needs parsing

    if isinstance(body, bytes):
        body = decode(body, url).text
    if not body.strip():
        raise ParseError(url, "empty response, expected an HTML page")
    soup = BeautifulSoup(body, "html.parser")
    if soup.find(True) is None:
        raise ParseError(url, "no HTML elements found")
    published = _published(soup)
    head_title = soup.title.get_text(" ", strip=True) if soup.title else ""
    canonical = soup.find("link", rel="canonical")
    link = str(canonical["href"]) if isinstance(canonical, Tag) and canonical.get("href") else url
    for tag in soup.find_all(_CHROME):
        tag.decompose()
    for tag in soup.find_all(True):
        # Not `tag.decomposed`: on a live tag bs4 answers it by searching the whole subtree for a
        # tag named "_decomposed", which made a deeply nested page cost the square of its depth.
        if "_decomposed" in vars(tag) or tag.attrs is None:
            continue
        marks = " ".join([*tag.get("class", []), str(tag.get("id", "")), str(tag.get("role", ""))])
        if marks.strip() and _CHROME_ATTR.search(marks) and tag.name not in ("article", "main", "body"):
            tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.find(attrs={"role": "main"}) or soup.body or soup
    h1 = root.find("h1") if isinstance(root, Tag) else None
    title = h1.get_text(" ", strip=True) if isinstance(h1, Tag) else head_title
    blocks = _outer_blocks(root) if isinstance(root, Tag) else []
    paragraphs = [b.get_text(" ", strip=True) for b in blocks]
    text = "\n".join(p for p in paragraphs if p)
    if not text and isinstance(root, Tag):
        text = root.get_text("\n", strip=True)
    return [Document(source, link, link, title, text, published)]


def _outer_blocks(root: Tag) -> list[Tag]:
    """The blocks not inside another block, in document order, in one walk down the tree (asking
    each block for a block parent costs the square of the depth on a deeply nested page)."""
    from bs4 import Tag

    found: list[Tag] = []
    stack = [c for c in reversed(root.contents) if isinstance(c, Tag)]
    while stack:
        tag = stack.pop()
        if tag.name in _BLOCKS:
            found.append(tag)
        else:
            stack += [c for c in reversed(tag.contents) if isinstance(c, Tag)]
    return found
