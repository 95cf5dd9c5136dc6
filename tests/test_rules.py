"""Every named rule proves itself on its own examples, and the derived hint filter never hides a
match. A new rule row is covered here without a new test."""

from __future__ import annotations

import re

import pytest

from renewalwatch.classify import lexicon as lx
from renewalwatch.classify.rules import Rule, RuleKind, RuleSet, required_literals

RULES = list(lx.RULES.values())
SETS: dict[RuleKind, RuleSet] = {
    RuleKind.RENEW: lx.RENEW, RuleKind.CANCEL: lx.CANCEL, RuleKind.HEDGE: lx.HEDGE,
    RuleKind.NOT_YET: lx.NOT_YET, RuleKind.DENIAL: lx.DENIAL, RuleKind.QUESTION: lx.QUESTION_TITLE,
    RuleKind.ATTRIBUTION: lx.ATTRIBUTION, RuleKind.OFFICIAL: lx.OFFICIAL,
    RuleKind.STRONG_OFFICIAL: lx.STRONG_OFFICIAL, RuleKind.STALE: lx.STALE, RuleKind.TV: lx.TV_CONTEXT,
    RuleKind.NEGATED_RENEWAL: lx.NEGATED_RENEWAL,
}  # fmt: skip


def _examples(attr: str) -> list[tuple[Rule, str]]:
    return [(r, ex) for r in RULES for ex in getattr(r, attr)]


def test_every_rule_has_an_id_of_its_kind_and_examples_both_ways() -> None:
    assert len({r.id for r in RULES}) == len(RULES)
    for r in RULES:
        assert r.id.split(".")[0] == r.kind.value, r.id
        assert r.matches and r.not_matches, f"{r.id} needs examples it must and must not match"


@pytest.mark.parametrize(
    ("rule", "text"), _examples("matches"), ids=lambda x: x.id if isinstance(x, Rule) else x
)
def test_rule_matches_its_example(rule: Rule, text: str) -> None:
    assert re.search(rule.pattern, text, re.IGNORECASE), f"{rule.id} should match {text!r}"
    ruleset = SETS[rule.kind]
    assert ruleset.may_match(text), f"the hint filter of {rule.kind} hides {text!r}"
    m = ruleset.search(text)
    assert m is not None and lx.RULES[ruleset.rule_of(m)].kind is rule.kind


@pytest.mark.parametrize(
    ("rule", "text"), _examples("not_matches"), ids=lambda x: x.id if isinstance(x, Rule) else x
)
def test_rule_does_not_match_its_near_miss(rule: Rule, text: str) -> None:
    assert not re.search(rule.pattern, text, re.IGNORECASE), f"{rule.id} should not match {text!r}"


@pytest.mark.parametrize("kind", list(SETS))
def test_every_rule_of_a_kind_is_in_its_rule_set_and_has_a_hint(kind: RuleKind) -> None:
    assert {r.id for r in SETS[kind].rules} == {r.id for r in RULES if r.kind is kind}
    for r in SETS[kind].rules:
        assert required_literals(r.pattern), f"{r.id}: no literal to derive a hint from"


def test_a_match_names_the_rule_that_fired() -> None:
    m = lx.CANCEL.search("Starz pulled the plug on the drama")
    assert m is not None and lx.CANCEL.rule_of(m) == "cancel.pulled-the-plug"


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"\bextend(?:s|ed)?\s+(?:for|through)\b", "the network extended for a season"),
        (r"(?:green|red)\s+light(?:s|ed)?", "Red lighted"),
        (r"\b(?:re-?)?up(?:ped|s)\b", "re-upped"),
        (r"x{2,}y", "xxxy"),
    ],
)
def test_a_derived_hint_is_inside_every_match(pattern: str, text: str) -> None:
    """The bug this replaces: an alternative added to a trigger without its hand-kept hint never fired."""
    lits = required_literals(pattern)
    m = re.search(pattern, text, re.IGNORECASE)
    assert m is not None and lits
    assert any(h in m.group(0).lower() for h in lits)
