"""Text plumbing for the classifier: normalising, sentence and clause splitting."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": " - ",
        "\u00a0": " ",
        "\u2026": "...",
    }
)
_SPACE = re.compile(r"[ \t\r\f\v]+")

# A sentence ends at . ! ? (optionally followed by a closing quote) before a capital, a digit or a
# quote; abbreviations that end in a period are protected first.
_ABBREVIATIONS = re.compile(
    r"\b(Mr|Mrs|Ms|Dr|St|Jr|Sr|Inc|Co|Corp|Ltd|vs|No|Vol|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|"
    r"Nov|Dec|U\.S|U\.K|e\.g|i\.e)\.",
)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9])")
_PROTECT = "\x00"


def normalize(text: str) -> str:
    """Fold typographic quotes and dashes to ASCII and collapse runs of blanks."""
    return _SPACE.sub(" ", text.translate(_TRANSLATE))


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    index: int  # position in the document; the title is 0
    paragraph: int
    is_title: bool = False


_SOFT_WRAP = re.compile(r"(?<=[^\s.!?:;\"')\]])[ \t]*\n[ \t]*(?=[a-z0-9(\"'])")


def _unwrap(body: str) -> str:
    """Join hard-wrapped lines ("a sixth season of\nthe spy drama"); keep blank lines, headings and
    list items, which end a line before a capital."""
    body = re.sub(r"\n\s*\n", "\n", body.replace("\r\n", "\n"))
    body = _SOFT_WRAP.sub(" ", body)
    body = re.sub(
        r"(?i)\b(of|the|a|an|to|for|and|or|with|by|in|on|at|from|as|that|its|his|her|their)[ \t]*\n(?=\S)",
        r"\1 ",
        body,
    )
    # a long line that stops mid-sentence continues on the next, whatever its first letter
    return re.sub(r"(?m)^([^\n]{60,}[^\s.!?:;\"')\]])[ \t]*\n(?=\S)", r"\1 ", body)


def split_sentences(title: str, body: str) -> list[Sentence]:
    """The title as sentence 0, then the body's sentences in order, with their paragraph."""
    sentences: list[Sentence] = []
    index = 0
    # A headline can hold a question and its answer: "Is X Coming Back? Y Confirms Season 2".
    for part in re.split(r"(?<=[?!])\s+(?=\S)", normalize(title).strip()):
        if part.strip():
            sentences.append(Sentence(part.strip(), index, 0, is_title=True))
            index += 1
    index = max(index, 1)
    for paragraph_no, paragraph in enumerate(_unwrap(body).split("\n"), start=1):
        paragraph = normalize(paragraph).strip()
        if not paragraph:
            continue
        protected = _ABBREVIATIONS.sub(lambda m: m.group(0)[:-1] + _PROTECT, paragraph)
        for piece in _SENTENCE_END.split(protected):
            piece = piece.replace(_PROTECT, ".").strip()
            if piece:
                sentences.append(Sentence(piece, index, paragraph_no))
                index += 1
    return sentences


# Clauses that can carry a different subject or a different stance than the rest of the sentence.
_CLAUSE_BREAK = re.compile(
    r";|,?\s+(?i:but|while|whereas|although|though|meanwhile)\s+(?=\S)"
    # ", and it will not come back": a coordinated clause with its own subject
    r"|,\s+(?i:and)\s+(?=(?:the\s+)?[A-Z'\"]|(?:it|they)\s)|\s+-\s+|\.\s+(?i:meanwhile),",
)


# A short aside between two dashes ("say if - or when - X returns", "back - the channel said
# so - for a third series") sits inside its clause: the dashes do not end it.
_DASH_ASIDE = re.compile(r"\s+-\s+((?:[^\s-]+\s+){0,5}?[^\s-]+)\s+-\s+")
_ASIDE_MARK = "\x01"


def split_clauses(sentence: str) -> list[str]:
    if " - " not in sentence:
        return [c.strip() for c in _CLAUSE_BREAK.split(sentence) if c and c.strip()]
    kept = _DASH_ASIDE.sub(lambda m: m.group(0).replace(" - ", f" {_ASIDE_MARK} "), sentence)
    return [c.strip().replace(_ASIDE_MARK, "-") for c in _CLAUSE_BREAK.split(kept) if c and c.strip()]
