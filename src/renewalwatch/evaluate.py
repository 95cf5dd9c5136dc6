"""Score the classifier on a labelled corpus (see tests/fixtures/corpus/README.md)."""

from __future__ import annotations

import tomllib
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path

from renewalwatch.classify import classify, strongest
from renewalwatch.errors import CorpusError, ParseError
from renewalwatch.models import Classification, Trust, Verdict, Watch
from renewalwatch.reading import FORMATS, documents

LABELS = tuple(v.value for v in Verdict)


@dataclass(frozen=True, slots=True)
class Case:
    id: str
    watch: Watch
    trust: Trust
    fmt: str
    title: str
    body: str
    verdict: Verdict
    official: bool
    category: str
    reason: str
    published: datetime | None = None  # when the article came out (replays feed it day by day)


@dataclass(frozen=True, slots=True)
class Outcome:
    case: Case
    got: Classification

    @property
    def false_alert(self) -> bool:
        """An alert nobody should get: a decision read where there is none, or the wrong one."""
        want, got = self.case.verdict, self.got.verdict
        return got.decisive and want is not got

    @property
    def missed(self) -> bool:
        return self.case.verdict.decisive and self.got.verdict is not self.case.verdict


def load_case(path: Path) -> Case:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        verdict = Verdict(data["verdict"])
        fmt = _FORMAT_ALIASES.get(data.get("format", "text"), data.get("format", "text"))
        if fmt not in FORMATS:
            raise CorpusError(str(path), f"format must be one of {FORMATS}")
        watch = Watch(
            show=data["show"],
            season=int(data["season"]),
            aliases=tuple(data.get("aliases", ())),
            exclude=tuple(data.get("exclude", ())),
            context=tuple(data.get("context", ())),
            network=data.get("network"),
            latest_season=data.get("latest_season"),
        )
        return Case(
            path.stem, watch, Trust(data.get("trust", "other")), fmt, data.get("title", ""),
            data["body"], verdict, bool(data["official"]), data.get("category", "plain"), data.get("reason", ""),
            published=published(data.get("published")),
        )  # fmt: skip
    except (KeyError, ValueError, tomllib.TOMLDecodeError) as e:
        raise CorpusError(str(path), f"malformed case: {e}") from e


def published(value: object) -> datetime | None:
    """A case's `published`: a TOML date or datetime, or an ISO 8601 string; UTC when no zone is given."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value.strip())
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    if isinstance(value, date):
        return datetime.combine(value, time(0, 0), tzinfo=UTC)
    raise ValueError(f"published: expected a date, got {type(value).__name__}")


# Older corpora call a whole HTML page "html"; the source kind is now "page".
_FORMAT_ALIASES = {"html": "page"}

# Files in a corpus folder that are not cases: the replay's watch list.
NOT_CASES = frozenset({"watches.toml"})


def load_corpus(path: Path) -> list[Case]:
    files = sorted(f for f in path.glob("*.toml") if f.name not in NOT_CASES) if path.is_dir() else [path]
    if not files:
        raise CorpusError(str(path), "no *.toml cases found")
    return [load_case(f) for f in files]


def run_case(case: Case) -> Outcome:
    try:
        docs = documents(case.fmt, case.title, case.body, case.id)
    except ParseError as e:
        raise CorpusError(case.id, f"cannot read the case's body: {e.message}") from e
    return Outcome(case, strongest([classify(d.title, d.text, case.watch, case.trust) for d in docs]))


@dataclass(frozen=True, slots=True)
class Report:
    outcomes: tuple[Outcome, ...]

    @property
    def confusion(self) -> Counter[tuple[str, str]]:
        return Counter((o.case.verdict.value, o.got.verdict.value) for o in self.outcomes)

    @property
    def false_alerts(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.false_alert]

    def recall(self, verdict: Verdict) -> float:
        cases = [o for o in self.outcomes if o.case.verdict is verdict]
        return sum(o.got.verdict is verdict for o in cases) / len(cases) if cases else 1.0

    @property
    def official_accuracy(self) -> float:
        hits = [o for o in self.outcomes if o.case.verdict.decisive and o.got.verdict is o.case.verdict]
        return sum(o.got.official == o.case.official for o in hits) / len(hits) if hits else 1.0

    @property
    def by_rule(self) -> Counter[str]:
        """How many documents each rule (or structural check) decided."""
        return Counter(o.got.rule for o in self.outcomes)

    @property
    def misread_by_rule(self) -> Counter[str]:
        return Counter(o.got.rule for o in self.outcomes if o.got.verdict is not o.case.verdict)

    @property
    def accuracy(self) -> float:
        return sum(o.got.verdict is o.case.verdict for o in self.outcomes) / len(self.outcomes)

    def render(self, *, verbose: bool = False) -> str:
        lines = [
            f"{len(self.outcomes)} documents",
            "",
            "expected \\ got  " + "  ".join(f"{x:>9}" for x in LABELS),
        ]
        for want in LABELS:
            row = "  ".join(f"{self.confusion[(want, got)]:>9}" for got in LABELS)
            lines.append(f"{want:>14}  {row}")
        decisive = [o for o in self.outcomes if o.case.verdict.decisive and o.got.verdict is o.case.verdict]
        lines += [
            "",
            f"false alerts:               {len(self.false_alerts)}",
            f"recall renewed:             {self.recall(Verdict.RENEWED):.3f}",
            f"recall canceled:            {self.recall(Verdict.CANCELED):.3f}",
            f"official-vs-reported:       {self.official_accuracy:.3f} (of {len(decisive)} decisions read right)",
            f"verdict accuracy:           {self.accuracy:.3f}",
        ]
        lines += ["", "decided by rule (documents, of them misread):"]
        lines += [
            f"  {rule:<40} {n:>4}  {self.misread_by_rule[rule]:>3}" for rule, n in self.by_rule.most_common()
        ]
        wrong = [
            o
            for o in self.outcomes
            if o.got.verdict is not o.case.verdict
            or (verbose and o.case.verdict.decisive and o.got.official != o.case.official)
        ]
        if wrong:
            lines += ["", "misread:"]
            for o in wrong:
                tag = "FALSE ALERT" if o.false_alert else "miss" if o.missed else "off"
                if o.got.verdict is o.case.verdict:
                    tag = "official" if o.case.official else "reported"
                    tag = f"should be {tag}"
                lines.append(
                    f"  {o.case.id}: expected {o.case.verdict.value}, got {o.got.verdict.value} [{tag}]"
                    f" rule={o.got.rule} sentence={o.got.sentence[:120]!r}"
                )
        return "\n".join(lines)


def evaluate(path: Path) -> Report:
    return Report(tuple(run_case(c) for c in load_corpus(path)))
