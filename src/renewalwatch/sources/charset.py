"""Fetched bytes to text, in whatever encoding the body is really in.

The order: a byte-order mark; the XML declaration (read in the family the first bytes show, so
an ASCII-readable declaration cannot claim UTF-16); an HTML `<meta charset>`; the HTTP
Content-Type charset; then a sniff (UTF-8 if it decodes, else Windows-1252). A candidate that
does not decode strictly gives way to the next; when none does, the first known one decodes
with replacement characters, since one bad byte must not lose a feed's news. Any text codec
Python knows is accepted; a body labelled with an unknown one that no other candidate decodes
is a `ParseError`.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from renewalwatch.errors import ParseError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# XML 1.0 Appendix F: the family of a body without a BOM, from how "<?" is written.
_FAMILIES = (
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00<\x00?", "utf-16-be"),
    (b"<\x00?\x00", "utf-16-le"),
    (b"\x00<", "utf-16-be"),
    (b"<\x00", "utf-16-le"),
)
# Labels that name a smaller charset than the one servers really use (as browsers read them).
_SUPERSETS = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "euc-cn": "gb18030",
    "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "big5": "big5hkscs", "x-x-big5": "big5hkscs",
    "iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
    "ascii": "cp1252", "shift_jis": "cp932", "x-sjis": "cp932", "iso-8859-9": "cp1254",
    "tis-620": "cp874", "iso-8859-11": "cp874",
}  # fmt: skip
# Text codecs Python has that no document is written in, and that would run code-like escapes.
_NOT_CHARSETS = frozenset({"unicode_escape", "raw_unicode_escape", "idna", "punycode", "undefined"})
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:+-]{1,40})["']""")
_META = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?([A-Za-z0-9._:+-]{1,40})""", re.I)


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # the Python codec that decoded it
    exact: bool  # False: some bytes did not decode and were replaced


def codec(label: str) -> str | None:
    """The Python codec for a charset label, or None when Python knows no text codec by it."""
    name = label.strip().strip("\"'").lower()
    name = _SUPERSETS.get(name, name)
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_CHARSETS:
        return None
    return info.name


def _declared(body: bytes, family: str | None) -> tuple[str, str] | None:
    """The encoding the document itself declares, and where."""
    head = body[:1024].decode(family, "replace").encode("ascii", "replace") if family else body[:1024]
    if m := _XML_DECL.match(head):
        return m.group(1).decode("ascii"), "the XML declaration"
    if m := _META.search(head):
        return m.group(1).decode("ascii"), "the HTML <meta> charset"
    return None


def _labels(body: bytes, family: str | None, http_charset: str | None) -> list[tuple[str, str]]:
    """Every charset the body is said to be in, and who says so, most trusted first."""
    labels: list[tuple[str, str]] = []
    if (declared := _declared(body, family)) is not None:
        labels.append(declared)
    if family is not None:
        labels.append((family, "the first bytes"))
    if http_charset:
        labels.append((http_charset, "the HTTP Content-Type"))
    return labels


def decode(body: bytes, url: str, http_charset: str | None = None) -> Decoded:
    """The body as text; `http_charset` is the Content-Type header's charset parameter."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return _decode_with(body[len(bom) :], name)
    family = next((name for head, name in _FAMILIES if body.startswith(head)), None)
    unknown: tuple[str, str] | None = None
    known: list[str] = []
    for label, where in _labels(body, family, http_charset):
        found = codec(label)
        if found is None:
            unknown = unknown or (label, where)
            continue
        name = family if family and found in ("utf-16", "utf-32") else found  # the byte order seen
        if family is None and _wide(name):
            continue  # "<?xml" readable in ASCII cannot be UTF-16 or UTF-32, whatever it claims
        if family is not None and not _wide(name):
            continue  # and a body whose first bytes are UTF-16 is not in a one-byte charset
        known.append(name)
        try:
            return Decoded(body.decode(name), name, True)
        except UnicodeDecodeError:
            continue
    try:
        return Decoded(body.decode("utf-8"), "utf-8", True)
    except UnicodeDecodeError:
        pass
    if unknown is not None:  # what the body says it is cannot be read, and nothing else fits
        label, where = unknown
        raise ParseError(url, f"unknown character encoding {label!r} (from {where})")
    return _decode_with(body, known[0] if known else "cp1252")


def _wide(name: str) -> bool:
    return name.startswith(("utf-16", "utf-32"))


def _decode_with(body: bytes, name: str) -> Decoded:
    try:
        return Decoded(body.decode(name), name, True)
    except UnicodeDecodeError:
        return Decoded(body.decode(name, "replace"), name, False)
