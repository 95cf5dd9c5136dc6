"""In-process measurements, run by run.py with renewalwatch's interpreter; print one JSON object.

inproc.py classify                   classifier documents per second, single core
inproc.py soak CONFIG CONTROL_URL    RSS over many run_once cycles in one process
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import newssite


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _rate(docs: list[tuple[str, str]], budget: float) -> tuple[float, int]:
    from renewalwatch.classify import classify
    from renewalwatch.models import Trust, Watch

    watch = Watch(show=newssite.SHOW, season=2, exclude=("Ballard Power", "Ballard Designs"))
    classify(*docs[0], watch, Trust.OTHER)  # compile the patterns outside the clock
    done = 0
    start = time.perf_counter()
    for _ in range(1000):  # bounded; stops on the time budget long before
        for title, text in docs:
            classify(title, text, watch, Trust.TRADE)
        done += len(docs)
        if time.perf_counter() - start >= budget:
            break
    return done / (time.perf_counter() - start), done


def bench_classify(budget: float) -> dict[str, object]:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    docs = newssite.sample_documents(2000)
    naming = [d for d in docs if newssite.SHOW in f"{d[0]}\n{d[1]}"]
    mix_rate, mix_n = _rate(docs, budget)
    naming_rate, naming_n = _rate(naming, budget / 2)
    return {
        "docs_per_s": mix_rate,
        "docs": mix_n,
        "naming_share": len(naming) / len(docs),
        "naming_docs_per_s": naming_rate,
        "naming_docs": naming_n,
        "avg_chars": statistics.mean(len(t) + len(x) for t, x in docs),
    }


class NullNotifier:
    def send(self, destination: object, title: str, body: str) -> None:
        pass


def soak(
    config_path: str, control: str, feeds: int, cycles: int, seconds: float, change_every: int
) -> dict[str, object]:
    from renewalwatch.config import load
    from renewalwatch.cycle import run_once
    from renewalwatch.store import SqliteStore

    config = load(Path(config_path), os.environ)
    store = SqliteStore(config.settings.state)
    rss_before = rss_mb()
    samples: list[tuple[int, float]] = []
    durations: list[float] = []
    failed = changes = rounds = 0
    start = time.perf_counter()
    for n in range(1, cycles + 1):
        if change_every and n > 1 and n % change_every == 0:
            rounds += 1
            urllib.request.urlopen(
                f"{control}/_bench/change?feeds={feeds}&fraction=0.1&round={rounds}"
            ).read()
        t0 = time.perf_counter()
        report = run_once(config, store=store, notifier=NullNotifier(), now=datetime.now(UTC))
        durations.append(time.perf_counter() - t0)
        failed += sum(not s.ok for s in report.sources)
        changes += len(report.changes)
        if n == 1 or n % 10 == 0:
            samples.append((n, rss_mb()))
        if time.perf_counter() - start > seconds:
            break
    samples.append((len(durations), rss_mb()))
    store.close()
    first = samples[0][1]
    return {
        "cycles": len(durations),
        "change_rounds": rounds,
        "rss_before_mb": rss_before,
        "rss_after_first_mb": first,
        "rss_end_mb": samples[-1][1],
        "growth_mb": samples[-1][1] - first,
        "samples": samples,
        "cycle_s_median": statistics.median(durations),
        "cycle_s_max": max(durations),
        "failed_source_checks": failed,
        "status_changes": changes,
        "state_mb": Path(config.settings.state).stat().st_size / 2**20,
    }


def main() -> None:
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("classify")
    c.add_argument("--seconds", type=float, default=2.0)
    s = sub.add_parser("soak")
    s.add_argument("config")
    s.add_argument("control")
    s.add_argument("--feeds", type=int, required=True)
    s.add_argument("--cycles", type=int, default=300)
    s.add_argument("--seconds", type=float, default=120.0)
    s.add_argument("--change-every", type=int, default=10)
    a = p.parse_args()
    if a.cmd == "classify":
        result = bench_classify(a.seconds)
    else:
        result = soak(a.config, a.control, a.feeds, a.cycles, a.seconds, a.change_every)
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
