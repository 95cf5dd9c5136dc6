"""Named rules and the small engine that reads them.

A rule is one row: an id, the kind of language it recognises, a pattern, and examples it must and
must not match. Rules of one kind are compiled into one pattern (in table order, each alternative
a named group) so a match says which rule fired. The fast hint filter is derived from the
patterns themselves: every match of a rule contains one of its required literals, so a text with
none of them cannot match and is never searched with the big pattern.
"""

from __future__ import annotations

import os.path
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from importlib import import_module
from itertools import product
from typing import Any

# The stdlib's own regex parser (no stubs): what `re` itself reads a pattern as.
_sre_parse: Any = import_module("re._parser")

__all__ = ["Check", "Rule", "RuleKind", "RuleSet", "required_literals"]


class RuleKind(StrEnum):
    """What a rule recognises. Triggers state a decision; the rest qualify one."""

    RENEW = "renew"
    CANCEL = "cancel"
    HEDGE = "hedge"
    NOT_YET = "not-yet"
    DENIAL = "denial"
    QUESTION = "question"
    ATTRIBUTION = "attribution"
    OFFICIAL = "official"
    STRONG_OFFICIAL = "strong-official"
    STALE = "stale"
    TV = "tv"
    NEGATED_RENEWAL = "negated-renewal"  # turns a renewal trigger into a cancellation


class Check(StrEnum):
    """Decisions the reader makes by structure rather than by one rule row: their ids sit beside
    the rules' in a verdict, so every verdict names what decided it."""

    NOT_NAMED = "show.not-named"
    NO_CONTEXT = "show.no-context-term"
    NOT_TELEVISION = "show.not-television"
    OTHER_NETWORK = "show.other-network"
    OTHER_SEASON = "season.other"
    QUESTION_MARK = "question.mark"
    QUESTION_START = "question.start"
    NEGATION = "negation.before"
    FUTURE_TALK = "pending.future-talk"
    NO_DECISION = "unrelated.no-decision"
    NO_DOCUMENTS = "unrelated.no-documents"


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    kind: RuleKind
    pattern: str
    matches: tuple[str, ...]  # texts it must match
    not_matches: tuple[str, ...] = ()  # near misses it must not match
    # A return ("is coming back") speaks of the next season to air, which may be one already
    # ordered; an order ("renewed") of a new one. Only orders place an unnumbered season.
    airing: bool = False


def _rule(
    id: str,
    kind: RuleKind,
    pattern: str,
    matches: Iterable[str],
    not_matches: Iterable[str] = (),
    *,
    airing: bool = False,
) -> Rule:
    return Rule(id, kind, pattern, tuple(matches), tuple(not_matches), airing)


class RuleSet:
    """The rules of one kind as one compiled pattern; `rule_of(match)` names the rule that fired."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules = tuple(rules)
        self._ids = {f"r{i}": r.id for i, r in enumerate(self.rules)}
        self._subsets: dict[tuple[int, ...], re.Pattern[str]] = {}
        self.pattern = re.compile(
            "|".join(f"(?P<r{i}>{r.pattern})" for i, r in enumerate(self.rules)), re.IGNORECASE
        )

    @cached_property
    def hints(self) -> tuple[str, ...]:
        """Lower-case literals of which every match of every rule contains one (derived)."""
        found: set[str] = set()
        for r in self.rules:
            lits = required_literals(r.pattern)
            if lits is None:
                raise ValueError(f"rule {r.id}: no literal every match contains; cannot build a hint")
            found |= lits
        # a literal that contains another is implied by it
        return tuple(sorted(h for h in found if not any(o != h and o in h for o in found)))

    @cached_property
    def _hint(self) -> re.Pattern[str]:
        return re.compile("|".join(re.escape(h) for h in self.hints), re.IGNORECASE)

    def may_match(self, text: str) -> bool:
        return self._hint.search(text) is not None

    @cached_property
    def _rule_hints(self) -> tuple[frozenset[str], ...]:
        return tuple(required_literals(r.pattern) or frozenset({""}) for r in self.rules)

    def _for(self, text: str) -> re.Pattern[str] | None:
        """The rules that can match `text` (their required literals occur in it), as one
        pattern in table order: a rule left out could not have matched, so the matches are the
        whole set's, found without trying every alternative at every position."""
        lower = text.lower()
        chosen = tuple(i for i, lits in enumerate(self._rule_hints) if any(h in lower for h in lits))
        if not chosen:
            return None
        pattern = self._subsets.get(chosen)
        if pattern is None:
            pattern = re.compile(
                "|".join(f"(?P<r{i}>{self.rules[i].pattern})" for i in chosen), re.IGNORECASE
            )
            if len(self._subsets) < _MAX_SUBSETS:
                self._subsets[chosen] = pattern
        return pattern

    def search(self, text: str) -> re.Match[str] | None:
        pattern = self._for(text)
        return pattern.search(text) if pattern else None

    def match(self, text: str) -> re.Match[str] | None:
        pattern = self._for(text)
        return pattern.match(text) if pattern else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        pattern = self._for(text)
        return pattern.finditer(text) if pattern else iter(())

    def first_rule(self, text: str) -> str | None:
        m = self.pattern.search(text)
        return self.rule_of(m) if m else None

    def rule_of(self, m: re.Match[str]) -> str:
        assert m.lastgroup is not None
        return self._ids[m.lastgroup]


_MAX_SUBSETS = 512  # compiled subsets kept per rule set; beyond, compiled each time (re caches too)


# --- Required literals: what every match of a pattern must contain ------------------------
_MAX_SET = 64  # beyond this many alternatives a literal set is no cheaper than the pattern


@dataclass(frozen=True, slots=True)
class _Info:
    exact: frozenset[str] | None  # every string the piece can match, when few and known
    required: frozenset[str] | None  # one of these is inside every match, when known


_ZERO = _Info(frozenset({""}), None)
_UNKNOWN = _Info(None, None)


# Words nearly every clause about television contains: weak hints, chosen only when nothing else is.
_COMMON = frozenset("the its a an of to for and not will be is are after season series back".split())


def _strength(lits: frozenset[str] | None) -> tuple[int, int, int]:
    if not lits or "" in lits:
        return (0, 0, 0)
    rare = min(1 if s.strip() in _COMMON else len(s) for s in lits)
    return (rare, min(len(s) for s in lits), -len(lits))


def _shorten(lits: frozenset[str] | None) -> frozenset[str] | None:
    """{"get", "gets", "getting"} -> {"get"}: a common prefix is contained wherever they are."""
    if not lits or len(lits) == 1:
        return lits
    prefix = os.path.commonprefix(sorted(lits))  # noqa: RUF071 - strings, not paths
    return frozenset({prefix}) if len(prefix) >= 3 else lits


def _best(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    a, b = _shorten(a), _shorten(b)
    return a if _strength(a) >= _strength(b) else b


def _seq(items: list[Any]) -> _Info:
    run: frozenset[str] | None = frozenset({""})
    best: frozenset[str] | None = None
    exact: frozenset[str] | None = frozenset({""})
    for item in items:
        info = _node(item)
        best = _best(best, info.required)
        if info.exact is None:
            best, run, exact = _best(best, run), frozenset({""}), None
            continue
        if run is not None:
            joined = frozenset(a + b for a, b in product(run, info.exact))
            run = joined if len(joined) <= _MAX_SET else None
        if run is None:
            best, run = _best(best, None), frozenset({""})
        if exact is not None:
            both = frozenset(a + b for a, b in product(exact, info.exact))
            exact = both if len(both) <= _MAX_SET else None
    best = _best(best, run)
    return _Info(exact, best if _strength(best)[0] > 0 else None)


def _node(item: Any) -> _Info:
    op, av = item
    name = str(op)
    if name == "LITERAL":
        c = chr(av).lower()
        return _Info(frozenset({c}), frozenset({c}))
    if name == "IN":
        chars = {chr(v).lower() for o, v in av if str(o) == "LITERAL"}
        if all(str(o) == "LITERAL" for o, _ in av) and len(chars) <= 4:
            return _Info(frozenset(chars), frozenset(chars))
        return _UNKNOWN
    if name in ("AT", "ASSERT", "ASSERT_NOT"):
        return _ZERO
    if name == "SUBPATTERN":
        return _seq(list(av[-1]))
    if name == "BRANCH":
        infos = [_seq(list(b)) for b in av[1]]
        exacts = [i.exact for i in infos]
        exact = None
        if all(e is not None for e in exacts):
            union = frozenset().union(*(e for e in exacts if e is not None))
            exact = union if len(union) <= _MAX_SET else None
        reqs = [i.required for i in infos]
        required = None
        if all(r is not None for r in reqs):
            required = frozenset().union(*(r for r in reqs if r is not None))
        if exact is not None and "" not in exact:
            required = _best(required, exact)
        return _Info(exact, required)
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, high, sub = av
        inner = _seq(list(sub))
        if low == 0:
            return _Info(inner.exact | {""} if inner.exact is not None and high == 1 else None, None)
        return _Info(inner.exact if low == high == 1 else None, inner.required)
    return _UNKNOWN


def required_literals(pattern: str) -> frozenset[str] | None:
    """Lower-case strings of which every match of `pattern` contains one, or None if none is known."""
    info = _seq(list(_sre_parse.parse(pattern, re.IGNORECASE)))
    req = info.required
    if info.exact is not None and "" not in info.exact:
        req = _best(req, info.exact)
    return req if req and "" not in req else None
