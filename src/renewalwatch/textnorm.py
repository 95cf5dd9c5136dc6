"""The one normalisation of text, used wherever a show's name is matched.

`normalize` keeps what a reader sees (case, accents, line breaks) and removes what only the
typesetting differs in: entities, compatibility forms (NFKC), curly quotes and apostrophes,
dashes, non-breaking and zero-width spaces. `fold` is the key two texts are compared by: it
also casefolds and drops accents, so `Élite` matches `Elite` and `GREY’S` matches `Grey's`.
`markup_key` is `fold` for raw feed markup, loose on purpose: a prefilter may let through an
item that does not name the show, never drop one that does.

Accents fold for matching (a decision: feeds, headlines in all caps and users' configs drop
them often, and a show whose name differs from another only by an accent is rarer than a
missed mention); only the combining marks of Latin, Greek and Cyrillic letters fold, so
Japanese voicing marks and Hangul are untouched.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

_TYPOGRAPHY = str.maketrans(
    {
        # apostrophes and single quotes, prime, modifier letters, grave and acute used as quotes
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'",
        "\u02bb": "'", "\u00b4": "'", "\uff07": "'",
        # double quotes and guillemets
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"',
        "\u00bb": '"', "\uff02": '"',
        # hyphens, minus, en dash: a hyphen; em dash and bar: a spaced dash (they join clauses)
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2212": "-", "\ufe63": "-",
        "\uff0d": "-", "\u2014": " - ", "\u2015": " - ",
        # spaces that are not U+0020 (NFKC maps most; these it leaves or maps to nothing useful)
        "\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u3000": " ", "\u2028": "\n", "\u2029": "\n",
        # invisible: zero-width space, joiners, word joiner, BOM, soft hyphen
        "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None, "\u00ad": None,
    }
)  # fmt: skip
_BLANKS = re.compile(r"[^\S\n]+")
_TAG = re.compile(r"<[^<>]*>")
_ALL_SPACE = re.compile(r"\s+")
_TYPOGRAPHY_PAIRS = tuple((chr(k), v or "") for k, v in _TYPOGRAPHY.items())
# Combining marks of Latin, Greek and Cyrillic letters (U+0300–U+036F): the accents that fold.
_ACCENTS = re.compile(r"[\u0300-\u036f]+")


def normalize(text: str) -> str:
    """Entities decoded, NFKC, typographic quotes, dashes and spaces made plain; runs of blanks
    (not line breaks) collapsed. Case and accents kept: this is text still to be read."""
    if "&" in text:
        text = html.unescape(text)
    if not text.isascii():
        text = _plain_typography(unicodedata.normalize("NFKC", text))
    return _BLANKS.sub(" ", text)


def _plain_typography(text: str) -> str:
    # str.translate with a dict runs ~50x slower on non-ASCII text than a replace per character
    # that is present: feeds are megabytes of text with a handful of curly quotes.
    for char, plain in _TYPOGRAPHY_PAIRS:
        if char in text:
            text = text.replace(char, plain)
    return text


def strip_accents(text: str) -> str:
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", _ACCENTS.sub("", unicodedata.normalize("NFD", text)))


def fold(text: str) -> str:
    """The key text is compared by: `normalize`, casefolded, accents dropped, blanks collapsed."""
    return _ALL_SPACE.sub(" ", strip_accents(normalize(text).casefold())).strip()


def markup_key(markup: str) -> str:
    """`fold` of raw markup with every tag and all whitespace removed, entities decoded twice
    (a feed's HTML is escaped inside its XML): compare with `name_key`. Built from C-speed
    string methods, since every byte of every feed goes through it."""
    if "<![CDATA[" in markup:  # its markers, not tags: stripped first, or once the HTML inside
        # is gone the whole section reads as one tag and its text is lost
        markup = markup.replace("<![CDATA[", "").replace("]]>", "")
    for _ in range(2):  # the XML's tags, then the escaped HTML's
        markup = _TAG.sub("", markup) if "<" in markup else markup
        if "&" not in markup:
            break
        markup = html.unescape(markup)
    if not markup.isascii():
        markup = _plain_typography(unicodedata.normalize("NFKC", markup))
    markup = strip_accents(markup.casefold())
    for blank in " \n\t\r\f\v":
        markup = markup.replace(blank, "")
    return markup


@lru_cache(maxsize=1024)
def name_key(name: str) -> str:
    """A configured name as `markup_key` compares it."""
    return markup_key(name)


def accent_insensitive(pattern_text: str) -> str:
    """A regex (from re.escape'd text) in which each letter also matches its accented forms."""
    return "".join(_LETTER_CLASSES.get(c, c) for c in pattern_text)


def _letter_classes() -> dict[str, str]:
    """For each ASCII letter, a character class of it and every Latin letter that folds to it."""
    groups: dict[str, list[str]] = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = strip_accents(char)
        if len(base) == 1 and base.isascii() and base.isalpha() and base != char:
            groups.setdefault(base, []).append(char)
    return {base: f"[{base}{''.join(chars)}]" for base, chars in groups.items()}


_LETTER_CLASSES = _letter_classes()
