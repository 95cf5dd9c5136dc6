"""Cheap HTML-to-text for feed bodies, where a full parser would cost more than it gives."""

from __future__ import annotations

import html
import re

_DROP = re.compile(r"<(script|style|noscript|iframe|figure|figcaption)\b.*?</\1\s*>", re.I | re.S)
_BREAK = re.compile(r"<\s*(?:br|/p|/div|/li|/h[1-6]|/blockquote|/tr)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]+>")
_BLANKS = re.compile(r"[ \t\r\f\v]+")


def html_to_text(markup: str) -> str:
    """Paragraphs become lines; tags go; entities are decoded."""
    if "<" not in markup and "&" not in markup:
        return markup.strip()
    text = _DROP.sub(" ", markup)
    text = _BREAK.sub("\n", text)
    text = html.unescape(_TAG.sub(" ", text))
    lines = (_BLANKS.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def looks_like_html_page(head: bytes) -> bool:
    start = head[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith((b"<!doctype html", b"<html")) or b"<html" in start[:200]
