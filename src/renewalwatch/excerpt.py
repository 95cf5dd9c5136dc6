"""Whether a feed item's excerpt is enough to decide, or the article it links to must be read.

An excerpt is **enough** when the classifier found a decision in it that nothing more could
change: a renewal or cancellation, announced officially, in an excerpt that is not cut short.
It is **not enough** (the article is fetched) when the watched show is named and any of these
holds, checked in this order:

- the excerpt is truncated: its last line (WordPress's "The post … appeared first on" footer
  aside) ends in "…", "[…]", "...", "Read more", "Continue reading", or mid-sentence;
  a decision read from a truncated excerpt as a report may be the network's own statement,
  cut off;
- the headline is a question ("Is Ballard Coming Back for Season 2?"), which the body answers;
- a decision word (renew, cancel, axe, …) is there but no decision was read from it: its subject
  or its season may be in the part that was cut;
- the verdict is pending or unrelated although the title names the show.

An item whose excerpt does not name a watched show (as the classifier's own name matcher reads
it) never has its article fetched.
"""

from __future__ import annotations

import hashlib
import re
from enum import StrEnum

from renewalwatch.models import Classification, Document, SourceKind, Verdict, Watch
from renewalwatch.textnorm import normalize
from renewalwatch.untrusted import link_host


class Why(StrEnum):
    """Why the article behind an item is read."""

    TRUNCATED = "truncated excerpt"
    QUESTION = "question headline"
    UNRESOLVED = "decision word without a decision"
    UNDECIDED = "undecided though the title names the show"


_CUT = re.compile(
    r"(?:\u2026|\[\s*(?:\u2026|\.\.\.)\s*\]|\.\.\.|\bread\s+more\b\W*|\bcontinue\s+reading\b.*)\s*$", re.I
)
_FOOTER = re.compile(r"^\s*the\s+post\b.{0,300}\bappeared\s+first\s+on\b.*$", re.I)  # WordPress's
_CLOSED = re.compile(r"""[.!?]["'\u201d\u2019)\]]*\s*$""")
_QUESTION = re.compile(r"\?\s*$|^\s*(?:is|will|does|did|has|could|should|are|was|when|what|why)\b.*\?", re.I)
_DECISION_WORD = re.compile(
    r"\b(?:renew\w*|cancel+\w*|axe[sd]?|scrap\w*|pick(?:s|ed)?\s+up|greenl[io]\w*|order(?:s|ed)?"
    r"|final\s+season|won't\s+return|not\s+return\w*|end(?:s|ed|ing)?\s+after)\b",
    re.I,
)
# Kinds whose items link to an article (a page source is the article itself).
ARTICLE_KINDS = frozenset({SourceKind.FEED, SourceKind.NEWS})
# Links that only redirect to an article, from news aggregators: their own pages are not articles.
AGGREGATORS = frozenset({"news.google.com", "www.bing.com", "bing.com", "news.yahoo.com", "flipboard.com"})


def truncated(text: str) -> bool:
    """An excerpt that stops before its article does: an ellipsis, a "read more", a mid-sentence end."""
    lines = [line for line in text.strip().splitlines() if line.strip() and not _FOOTER.match(line)]
    if not lines:
        return True
    return bool(_CUT.search(lines[-1])) or not _CLOSED.search(lines[-1])


def article_needed(doc: Document, c: Classification, watch: Watch) -> Why | None:
    """Why the article behind `doc` must be read to decide for `watch`, or None when its excerpt is
    enough (or it does not name the show)."""
    # Imported here: the classifier's package compiles its patterns (~0.1 s), and a quiet cycle reads nothing.
    from renewalwatch.classify.names import is_title_case, matcher, mentions

    title, text = normalize(doc.title), normalize(doc.text)
    m = matcher(watch.names, watch.exclude, watch.context)
    in_title = bool(mentions(title, m, is_title_case(title)))
    if not in_title and not any(mentions(line, m, is_title_case(line)) for line in text.splitlines()):
        return None  # not the show: a look-alike, a company, a person, or no mention at all
    if c.verdict.decisive and c.official:
        return None
    if truncated(text):
        return Why.TRUNCATED
    if c.verdict.decisive:
        return None
    if _QUESTION.search(title):
        return Why.QUESTION
    if _DECISION_WORD.search(f"{title}\n{text}"):
        return Why.UNRESOLVED
    if c.verdict in (Verdict.PENDING, Verdict.UNRELATED) and in_title:
        return Why.UNDECIDED
    return None


def opaque(url: str) -> bool:
    """A link to an aggregator, which only an HTTP redirect can turn into the article."""
    return link_host(url) in AGGREGATORS


def article_key(url: str) -> str:
    """How the state remembers an article: its link, hashed (the link itself is kept masked)."""
    return hashlib.blake2b(url.strip().encode(), digest_size=16).hexdigest()
