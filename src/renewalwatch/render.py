"""What the CLI prints: plain text for people, dicts for --json. No I/O here.

Every URL is masked; every string that came from a feed, a page or a server goes through
`for_terminal` (`t`) before it is printed, so it cannot move the cursor, retitle the window or
forge a line.
"""

from __future__ import annotations

import json
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from renewalwatch.autosources import TVMAZE_CREDIT
from renewalwatch.health import blind_problem, problem
from renewalwatch.masking import mask_url
from renewalwatch.models import SourceKind, SourceOutcome
from renewalwatch.untrusted import for_terminal as t

if TYPE_CHECKING:  # render is imported by `status`, which must not pay for httpx and the parsers
    from renewalwatch.config import Config
    from renewalwatch.cycle import CycleReport, SourceReport
    from renewalwatch.models import Classification, HistoryEntry
    from renewalwatch.store import Store


def _iso(when: datetime | None) -> str | None:
    return when.isoformat(timespec="seconds") if when else None


def _items(s: SourceReport) -> str:
    """ "30 items, none about your shows": a feed with news, none of it ours, is not a broken feed."""
    if s.facts:  # TVmaze: facts about the watched show, not articles
        listed = f"{s.items} season{'' if s.items == 1 else 's'} listed"
        return f"{listed}, for {'your watch' if s.facts == 1 else f'{s.facts} of your watches'}"
    count = f"{s.items} item{'' if s.items == 1 else 's'}"
    if not s.named:
        return f"{count}, none about your shows" if s.items else "no items"
    return f"{count}, {s.named} about your shows, {s.new_items} new"


def cycle_summary(report: CycleReport) -> str:
    ok = sum(s.ok for s in report.sources)
    n = len(report.sources)
    lines = [f"checked {n} source{'' if n == 1 else 's'}: {ok} ok, {n - ok} failed"]
    for s in report.sources:
        if s.ok:
            detail = _items(s) if s.outcome is SourceOutcome.NEW else s.outcome
            lines.append(f"  ok      {t(s.name)}: {detail}")
        else:
            lines.append(f"  {s.outcome.upper():<7} {t(s.name)} <{t(mask_url(s.url))}>: {t(s.error or '')}")
    for c in report.changes:
        ev = c.evidence
        lines.append(f"{t(c.watch.label)}: {c.current.label} (was {c.previous.label})")
        lines.append(f'  because: "{t(ev.sentence)}" ({t(ev.source)}: {t(mask_url(ev.url))})')
    if report.articles_read or report.articles_failed:
        retry = f" ({report.articles_failed} could not be fetched: tried again next check)"
        cost = f" in {report.articles_seconds:.2f} s ({report.articles_cpu_seconds:.2f} s of CPU)"
        lines.append(
            f"linked articles read: {report.articles_read}" + (retry if report.articles_failed else "") + cost
        )
    if not report.changes:
        lines.append("no status changed")
    sent = [d for d in report.deliveries if d.ok]
    failed = [d for d in report.deliveries if not d.ok]
    if report.deliveries:
        kept = " (kept, retried on the next check)" if failed else ""
        lines.append(f"notifications: {len(sent)} sent, {len(failed)} failed{kept}")
        lines += [f"  FAILED  {t(d.destination)}: {t(d.error or '')}" for d in failed]
    return "\n".join(lines)


# The status page renders status_data on every request, and the same few hundred article URLs
# each time: masking them once is a third of the page's cost saved (benchmarks/web.py).
_masked = lru_cache(maxsize=8192)(mask_url)


def _history_entry(h: HistoryEntry) -> dict[str, Any]:
    e = h.evidence
    return {
        "id": h.id,  # the row's id: stable, never reused, the Atom feed's entry ids are made of it
        "from": h.before.label,
        "to": h.after.label,
        "status": h.after.status.value,
        "official": h.after.official,
        "published": _iso(h.published),
        "learned": _iso(h.learned),
        "evidence": None
        if e is None
        else {"url": _masked(e.url), "title": e.title, "source": e.source, "sentence": e.sentence,
              "rule": e.rule},
    }  # fmt: skip


def status_data(config: Config, store: Store) -> dict[str, Any]:
    watches = []
    premieres, facts = store.premieres(), store.show_facts()
    for w in config.watches:
        state = store.watch_state(w.key)
        premiere, listed = premieres.get(w.key), facts.get(w.key)
        watches.append(
            {
                "key": w.key,
                "show": w.show,
                "season": w.season,
                "status": state.status.value,
                "official": state.official,
                "since": _iso(state.since),
                "premiere": None
                if premiere is None
                else {
                    "date": premiere.day.isoformat(),
                    "source": premiere.source,
                    "url": mask_url(premiere.url),
                    "sentence": premiere.sentence,
                },
                "tvmaze": None
                if listed is None
                else {
                    "id": listed.tvmaze_id,
                    "seasons": [s.number for s in listed.seasons],
                    "ended": listed.ended,
                    "network": listed.network,
                },
                "evidence": [
                    {
                        "verdict": e.verdict.value,
                        "official": e.official,
                        "stale": e.stale,
                        "url": _masked(e.url),
                        "title": e.title,
                        "source": e.source,
                        "sentence": e.sentence,
                        "rule": e.rule,
                        "published": _iso(e.published),
                        "found": _iso(e.found_at),
                    }
                    for e in store.evidence(w.key)
                ],
                # In the order renewalwatch learned each move; `published` is the news's own date.
                "history": [_history_entry(h) for h in store.history(w.key)],
            }
        )
    known = {s.name for s in config.sources}
    sources = [
        {
            "name": h.name,
            "url": mask_url(h.url),
            "ok": h.consecutive_failures == 0 and not h.disabled,
            "last_checked": _iso(h.last_checked),
            "last_success": _iso(h.last_success),
            "consecutive_failures": h.consecutive_failures,
            "last_error": h.last_error,
            "next_attempt": _iso(h.next_attempt),
            "disabled": h.disabled,
        }
        for h in store.sources()
        if h.name in known
    ]
    from renewalwatch.config import by_key

    configured = by_key(config.destinations)
    owed = [
        {
            "destination": r.destination_label,
            "title": r.title,
            "created": _iso(r.created_at),
            "attempts": r.attempts,
            "last_error": r.last_error,
            "next_attempt": _iso(r.next_attempt),
            "configured": r.destination in configured,
        }
        for r in store.owed()
    ]
    last = store.last_cycle()
    return {
        "config": config.origin,
        "state": str(config.settings.state),
        "last_cycle": _iso(last[0]) if last else None,
        "watches": watches,
        "sources": sources,
        "owed": owed,
        # CC BY-SA: TVmaze's data is credited, with a link, wherever it is shown
        "credits": [TVMAZE_CREDIT] if any(s.kind is SourceKind.TVMAZE for s in config.sources) else [],
    }


def health_reason(
    config: Config, store: Store | None, now: datetime, max_age: float | None = None
) -> str | None:
    """Why renewalwatch is unhealthy, or None: the verdict of `health` and of the page's /healthz.

    `store` is None when there is no state file; `max_age` defaults to twice the shortest interval.
    """
    s = config.settings
    limit = max_age if max_age is not None else 2 * min(src.every or s.every for src in config.sources)
    if store is None:
        return f"no state file at {s.state}: no check has run yet"
    from renewalwatch.config import by_key

    last = store.last_cycle()
    configured = by_key(config.destinations)
    owed = [r.created_at for r in store.owed() if r.destination in configured]
    known = {h.name: h.last_success for h in store.sources()}
    # Each source's own window: a check that runs but only fails sees nothing.
    windows = [
        (known.get(src.name), max_age if max_age is not None else 2 * (src.every or s.every))
        for src in config.sources
    ]
    return problem(
        last[0] if last else None, owed, now, max_age=limit, retry_window=s.retry_window
    ) or blind_problem(windows, now)


def status_json(data: dict[str, Any]) -> str:
    """`status --json` and the page's /api/status: one encoding, so the two stay equal."""
    return json.dumps(data, indent=2, ensure_ascii=False)


def status_text(data: dict[str, Any]) -> str:
    lines = [
        f"config: {data['config']}",
        f"state:  {data['state']}",
        f"last check: {data['last_cycle'] or 'never'}",
        "",
    ]
    for w in data["watches"]:
        label = w["status"] + (
            f" — {'official' if w['official'] else 'reported'}"
            if w["status"] in ("renewed", "canceled")
            else ""
        )
        lines.append(
            f"{t(w['show'])} season {w['season']}: {label}"
            + (f" since {w['since']} (the news's date)" if w["since"] else "")
        )
        if w.get("premiere"):
            p = w["premiere"]
            lines.append(f'  premieres {p["date"]} ({t(p["source"])}: "{t(p["sentence"])[:160]}")')
        if w.get("tvmaze"):
            m = w["tvmaze"]
            seasons = f"seasons {m['seasons'][0]}-{m['seasons'][-1]}" if m["seasons"] else "no seasons"
            lines.append(
                f"  TVmaze #{m['id']}: {seasons}, {'ended' if m['ended'] else 'not ended'}"
                + (f", {t(m['network'])}" if m["network"] else "")
            )
        if w["history"]:
            lines.append("  history (in the order renewalwatch learned it):")
            lines += [
                f"    {h['learned'] or '?'}: {h['from']} -> {h['to']} (published {h['published'] or '?'})"
                for h in w["history"]
            ]
        for e in w["evidence"][:5]:
            lines.append(
                f'  - {e["verdict"]}{" (official)" if e["official"] else ""}: "{t(e["sentence"])[:160]}"'
            )
            lines.append(f"    {t(e['source'])}: {t(e['title'])[:100]} <{t(e['url'])}>")
    lines.append("")
    lines.append("sources:")
    if not data["sources"]:
        lines.append("  (not checked yet)")
    for s in data["sources"]:
        if s["disabled"]:
            state = f"DISABLED: {t(s['disabled'])}"
        elif s["ok"]:
            state = f"ok, last success {s['last_success']}"
        else:
            state = f"FAILING x{s['consecutive_failures']}: {t(s['last_error'] or '')} (next try {s['next_attempt']})"
        lines.append(f"  {t(s['name'])}: {state}")
    if data.get("credits"):
        lines += ["", *data["credits"]]
    lines.append("")
    lines.append(f"notifications owed: {len(data['owed'])}")
    for o in data["owed"]:
        gone = "" if o["configured"] else " [destination no longer configured]"
        lines.append(
            f"  {t(o['destination'])}: {t(o['title'])} (attempts {o['attempts']}, last error: {t(o['last_error'] or '')}){gone}"
        )
    return "\n".join(lines)


def classification_data(
    path: str, title: str, c: Classification, explain: bool, url: str | None = None
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "file": path,
        **({"url": url} if url is not None else {}),
        "title": title,
        "verdict": c.verdict.value,
        "official": c.official,
        "season": c.season,
        "confidence": round(c.confidence, 2),
        "stale": c.stale,
        "evidence": {"sentence": c.sentence, "rule": c.rule, "trigger": c.trigger},
    }
    if explain:
        data["considered"] = list(c.notes)
    return data


def classification_text(
    path: str, title: str, c: Classification, explain: bool, url: str | None = None
) -> str:
    verdict = c.verdict.value
    if c.verdict.decisive:
        verdict += " — official" if c.official else " — reported"
    where = f"{t(path)} <{t(mask_url(url))}>" if url is not None else t(path)
    lines = [f"{where}: {verdict}" + (f" (season {c.season})" if c.season else "")]
    if explain:
        lines.append(f"  title:      {t(title)}")
        lines.append(f"  rule:       {c.rule}" + (f" ({t(c.trigger)!r})" if c.trigger else ""))
        lines.append(f"  sentence:   {t(c.sentence)!r}")
        lines.append(
            f"  confidence: {c.confidence:.2f}{'  (stale: recalls an earlier decision)' if c.stale else ''}"
        )
        lines += [f"  also:       {t(n)}" for n in c.notes]
    return "\n".join(lines)
