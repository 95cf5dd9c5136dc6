"""The one path from bytes to verdicts, which `check` and `classify` both take: decode (charset),
keep only what names a watched show (the source kind's reader), then classify each document.

Also a local file or a corpus case as Documents: HTML page, feed, or plain text.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path

from renewalwatch.errors import ParseError
from renewalwatch.models import (
    Article,
    Classification,
    Document,
    Evidence,
    Premiere,
    ShowFacts,
    Source,
    SourceKind,
    Trust,
    Verdict,
    Watch,
)
from renewalwatch.sources import KINDS, ReadContext, Reading
from renewalwatch.sources.charset import decode
from renewalwatch.sources.markup import looks_like_html_page
from renewalwatch.textnorm import fold

# A local file is read as one of the source kinds, or as plain text.
FORMATS = ("text", SourceKind.PAGE.value, SourceKind.FEED.value)


def not_named() -> Classification:
    """The verdict on a file none of whose documents names the show: the classifier's own words."""
    from renewalwatch.classify.rules import Check  # the classifier's package compiles its patterns

    return Classification(Verdict.UNRELATED, False, None, 0.95, "", Check.NOT_NAMED)


def sniff(body: bytes, name: str = "") -> str:
    suffix = Path(name).suffix.lower()
    if suffix in (".xml", ".rss", ".atom"):
        return SourceKind.FEED.value
    if suffix in (".html", ".htm"):
        return SourceKind.PAGE.value
    try:
        head = decode(body[:1024], name).text
    except ParseError:  # an unknown charset: the bytes' ASCII is enough to tell the format
        head = body[:1024].decode("latin-1")
    head = head.lstrip("\ufeff \t\r\n").lower()
    if looks_like_html_page(head.encode()):
        return SourceKind.PAGE.value
    if head.startswith(("<?xml", "<rss", "<feed", "<rdf")):
        return SourceKind.FEED.value
    return "text"


def read_body(kind: SourceKind, body: bytes, ctx: ReadContext, charset: str | None = None) -> Reading:
    """What a fetched body holds, in any charset: the documents naming one of `ctx.names` (all
    when None). `charset` is the HTTP header's, when there was one."""
    return KINDS[kind].read(decode(body, ctx.url, charset).text, ctx)


def classify_each(
    docs: Iterable[Document], watch: Watch, trust: Trust, facts: ShowFacts | None = None
) -> list[Classification]:
    # Imported here: compiling the classifier's patterns costs ~50 ms, and a quiet cycle reads nothing.
    from renewalwatch.classify import classify

    return [classify(d.title, d.text, watch, trust, facts) for d in docs]


def verdicts(
    doc: Document, watches: Iterable[Watch], trust: Trust, facts: Mapping[str, ShowFacts] | None = None
) -> list[tuple[Watch, Classification]]:
    """Each watch's reading of `doc`, with what is known of its show's seasons (`facts`, by key)."""
    known = facts or {}
    return [(watch, c) for watch in watches for c in classify_each([doc], watch, trust, known.get(watch.key))]


def judge(
    doc: Document,
    watches: Iterable[Watch],
    source: Source,
    now: datetime,
    facts: Mapping[str, ShowFacts] | None = None,
) -> list[Evidence]:
    """What one document says about each watch, as evidence; silence about a watch is none."""
    return as_evidence(doc, verdicts(doc, watches, source.trust, facts), source, now)


def as_evidence(
    doc: Document, found: Iterable[tuple[Watch, Classification]], source: Source, now: datetime
) -> list[Evidence]:
    evidence = []
    for watch, c in found:
        if c.verdict is Verdict.UNRELATED:
            continue
        evidence.append(
            Evidence(
                watch_key=watch.key, verdict=c.verdict, official=c.official, season=c.season,
                sentence=c.sentence, rule=c.rule, stale=c.stale, source=credit(doc, source), url=doc.url,
                title=doc.title, published=doc.published, found_at=now, trust=source.trust,
            )
        )  # fmt: skip
    return evidence


def credit(doc: Document, source: Source) -> str:
    """Who said it: the outlet a news search carried it from, else the source."""
    return f"{doc.outlet} via {source.name}" if doc.outlet else source.name


def premieres(
    doc: Document, watches: Iterable[Watch], source: Source, now: datetime
) -> list[tuple[str, Premiere]]:
    """An announced premiere date for a watch's season, stated plainly in the document."""
    from renewalwatch.classify.premiere import find_premiere

    found = []
    for watch in watches:
        p = find_premiere(doc.title, doc.text, watch, (doc.published or now).date())
        if p is not None:
            found.append(
                (watch.key, Premiere(day=p.day, source=credit(doc, source), url=doc.url, sentence=p.sentence,
                                     rule=p.rule, found_at=now))
            )  # fmt: skip
    return found


def read_article(
    body: bytes,
    charset: str | None,
    article: Article,
    source: Source,
    watches: Iterable[Watch],
    now: datetime,
    facts: Mapping[str, ShowFacts] | None = None,
) -> list[Evidence]:
    """What the article behind a feed item says: its headline (the item's) and its text, read by
    the page extractor; the evidence is credited to the item's source and carries the item's link."""
    [page] = KINDS[SourceKind.PAGE].read(decode(body, article.url, charset).text, ReadContext(
        source=source.name, url=article.url)).documents  # fmt: skip
    doc = Document(
        source.name,
        article.url,
        article.url,
        article.title or page.title,
        page.text,
        article.published or page.published,
    )
    return judge(doc, watches, source, now, facts)


def item_digest(doc: Document) -> str:
    """Whether an item changed, blind to typesetting: re-encoded quotes or entities are no news."""
    return hashlib.blake2b(fold(f"{doc.title}\n{doc.text}").encode(), digest_size=12).hexdigest()


def documents(
    fmt: str,
    title: str,
    body: str | bytes,
    origin: str,
    names: Sequence[str] | None = None,
    charset: str | None = None,
) -> list[Document]:
    """Documents from one input; for "text" the title is given, or is the first line. `charset`
    is the HTTP header's, for a body that was fetched."""
    raw = body.encode() if isinstance(body, str) else body
    if fmt in (SourceKind.FEED, SourceKind.PAGE):
        ctx = ReadContext(source=origin, url=origin, names=names)
        return list(read_body(SourceKind(fmt), raw, ctx, charset).documents)
    text = decode(raw, origin, charset).text
    if not title:
        first, _, rest = text.strip().partition("\n")
        title, text = first.strip(), rest
    return [Document(origin, origin, origin, title, text)]


def read_file(path: Path, names: Sequence[str] | None = None) -> list[Document]:
    body = path.read_bytes()
    return documents(sniff(body, path.name), "", body, str(path), names)
