"""Benchmark renewalwatch's check cycle, start-up, classifier and memory, beside urlwatch.

    python benchmarks/run.py [--sources 250,2000] [--quick] [--no-urlwatch] [--install-urlwatch]

Generates a local news site (WordPress-style RSS feeds and article pages) in a temp dir, serves it
on 127.0.0.1 from a separate process, and runs each tool as a user would: its console script with
a generated config, one child process per cycle. Prints a table and the targets (met/missed, never
asserted) and writes benchmarks/out/latest.json. Only 127.0.0.1 traffic; every loop is bounded.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import newssite
import siteserver

BENCH = Path(__file__).resolve().parent
URLWATCH_VENV = BENCH / ".urlwatch-venv"
URLWATCH_WORKERS = 10  # urlwatch.worker.MAX_WORKERS, not configurable in urlwatch 2.x
CYCLE_TIMEOUT = 900.0
PHASES = ("cold", "warm", "changed")
MEDIAN_EXTRA = ("total_wall_s", "total_cpu_s", "articles_wall_s", "articles_cpu_s")
DAEMON_EVERY = "20s"  # the daemon soak's interval per source (allowed: the host is loopback)
PROXY_VARS = ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY")
TARGETS_TEXT = (
    "cold, warm and changed ≤ 0.5× urlwatch wall; peak RSS ≤ urlwatch's; "
    "2,000-source cold ≤ 10× the 250 one; --help < 150 ms; classifier > 5,000 docs/s"
)


@dataclass(slots=True)
class Run:
    """One child process: wall clock, CPU (user + system), peak RSS from its own rusage."""

    wall: float
    cpu: float
    rss_mb: float
    rc: int
    output: str = field(repr=False)


def measured(argv: list[str], env: dict[str, str], timeout: float = CYCLE_TIMEOUT) -> Run:
    """Run a child to completion (killed after `timeout`, or if we are interrupted)."""
    # wait4 on this child alone: RUSAGE_CHILDREN's ru_maxrss would be the max over all children.
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, env=env, stdin=subprocess.DEVNULL)
        waited: list[tuple[int, int, Any]] = []
        waiter = threading.Thread(target=lambda: waited.append(os.wait4(proc.pid, 0)), daemon=True)
        waiter.start()
        try:
            waiter.join(timeout)
        finally:
            if not waited:  # timed out, or SIGTERM/Ctrl-C arrived while waiting
                proc.kill()
                waiter.join()
        wall = time.perf_counter() - start
        _, status, usage = waited[0]
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode(errors="replace")
    if wall >= timeout:
        text += f"\n[benchmark: killed after {timeout:g} s]"
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode, text)


class SiteServer:
    """The site's server process and its control paths."""

    def __init__(self, root: Path) -> None:
        ctx = multiprocessing.get_context("spawn")
        parent, child = ctx.Pipe()
        self.proc = ctx.Process(target=siteserver.serve, args=(str(root), child), daemon=True)
        self.proc.start()
        if not parent.poll(180):
            self.stop()
            raise RuntimeError("the site server did not start within 180 s")
        self.port: int = parent.recv()
        self.base = f"http://127.0.0.1:{self.port}"
        self._open = urllib.request.build_opener(urllib.request.ProxyHandler({})).open

    def control(self, path: str) -> dict[str, Any]:
        with self._open(self.base + path, timeout=120) as r:
            result: dict[str, Any] = json.loads(r.read())
            return result

    def stop(self) -> None:
        if self.proc.is_alive():
            self.proc.terminate()
            self.proc.join(10)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(5)


def child_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in PROXY_VARS}
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_STATE_HOME=str(home / ".state"),
        NO_PROXY="127.0.0.1",
        PYTHONUNBUFFERED="1",
    )
    env.pop("RENEWALWATCH_CONFIG", None)
    # An installed tool runs from bytecode: cache it (in the temp dir, never in the source tree)
    # even where the environment turns bytecode writing off.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(home / "pycache")
    return env


def sources_for(layout: newssite.Layout, base: str) -> list[tuple[str, str, str, str]]:
    """(name, kind, url, trust) for every source of a layout."""
    feeds = [
        (f"Site {i:04d} TV", "feed", base + newssite.feed_path(i), newssite.feed_trust(i))
        for i in range(layout.feeds)
    ]
    pages = [(f"Story {i:05d}", "page", base + newssite.page_path(i), "other") for i in range(layout.pages)]
    return feeds + pages


class Renewalwatch:
    name = "renewalwatch"

    def __init__(self, exe: Path, concurrency: int, articles: int | None = None) -> None:
        self.exe = exe
        self.python = exe.with_name("python")  # the interpreter renewalwatch is installed in
        self.concurrency = concurrency
        self.articles = articles  # articles_per_cycle; None: renewalwatch's default
        self.config = Path()

    def setup(self, work: Path, layout: newssite.Layout, base: str, every: str | None = None) -> None:
        work.mkdir(parents=True, exist_ok=True)
        lines = [
            "[settings]",
            f'state = "{work / "state.db"}"',
            "timeout = 60",
            f"concurrency = {self.concurrency}",
            f"per_host = {self.concurrency}  # every source is on 127.0.0.1",
            *([f"articles_per_cycle = {self.articles}"] if self.articles is not None else []),
            *([f'every = "{every}"'] if every else []),
            "",
            "[notify]",
            "urls = []  # alerts go to the console",
            "",
            "[[watch]]",
            'show = "Ballard"',
            "season = 2",
            'network = "Prime Video"',
            'exclude = ["Ballard Power", "Ballard Designs", "Ballard Locks", "Ballard High"]',
            "auto_sources = false  # only the local site's sources",
        ]
        for name, kind, url, trust in sources_for(layout, base):
            lines += [
                "",
                "[[source]]",
                f'name = "{name}"',
                f'kind = "{kind}"',
                f'url = "{url}"',
                f'trust = "{trust}"',
            ]
        self.config = work / "renewalwatch.toml"
        self.config.write_text("\n".join(lines) + "\n")

    def check(self) -> list[str]:
        return [str(self.exe), "--config", str(self.config), "check"]

    def run(self) -> list[str]:
        return [str(self.exe), "--config", str(self.config), "run"]

    def help(self) -> list[str]:
        return [str(self.exe), "--help"]

    def status(self) -> list[str]:
        return [str(self.exe), "--config", str(self.config), "status"]

    @staticmethod
    def summarize(output: str) -> dict[str, Any]:
        m = re.search(r"^checked (\d+) sources: (\d+) ok, (\d+) failed", output, re.M)
        art = re.search(r"^linked articles read: \d+.* in ([\d.]+) s \(([\d.]+) s of CPU\)$", output, re.M)
        changes = re.findall(r"^(\S.* season \d+): (.+) \(was (.+)\)$", output, re.M)
        return {
            "checked": int(m.group(1)) if m else None,
            "failed": int(m.group(3)) if m else None,
            "alerts": [f"{w}: {was} -> {now}" for w, now, was in changes],
            # the linked-article step's own cost, as the tool reports it: counted apart
            "articles_wall_s": float(art.group(1)) if art else 0.0,
            "articles_cpu_s": float(art.group(2)) if art else 0.0,
        }


class Urlwatch:
    name = "urlwatch"

    def __init__(self, exe: Path) -> None:
        self.exe = exe
        self.files: dict[str, Path] = {}

    def setup(self, work: Path, layout: newssite.Layout, base: str) -> None:
        work.mkdir(parents=True, exist_ok=True)
        # As a user would: feed items' titles, excerpts and bodies, to text, lines naming the show.
        feed_filter = (
            "filter:\n"
            "  - xpath:\n"
            "      path: '//item/title/text() | //item/description/text()"
            " | //item/content:encoded/text()'\n"
            "      method: xml\n"
            "      namespaces:\n"
            "        content: 'http://purl.org/rss/1.0/modules/content/'\n"
            "  - html2text\n"
            "  - grep: Ballard\n"
        )
        page_filter = "filter:\n  - html2text\n  - grep: Ballard\n"
        jobs = [
            f'name: "{name}"\nurl: "{url}"\n' + (feed_filter if kind == "feed" else page_filter)
            for name, kind, url, _ in sources_for(layout, base)
        ]
        self.files = {
            "urls": work / "urls.yaml",
            "config": work / "urlwatch.yaml",
            "cache": work / "cache.db",
            "hooks": work / "hooks.py",
        }
        self.files["urls"].write_text("---\n".join(jobs))
        self.files["config"].write_text("report:\n  stdout:\n    enabled: true\n    color: false\n")

    def _base(self) -> list[str]:
        f = self.files
        return [
            str(self.exe),
            "--urls",
            str(f["urls"]),
            "--config",
            str(f["config"]),
            "--cache",
            str(f["cache"]),
            "--hooks",
            str(f["hooks"]),
        ]

    def check(self) -> list[str]:
        return self._base()

    def help(self) -> list[str]:
        return [str(self.exe), "--help"]

    def status(self) -> list[str]:
        return [*self._base(), "--list"]

    @staticmethod
    def summarize(output: str) -> dict[str, Any]:
        counts = {k: len(re.findall(rf"^\d+\. {k}: ", output, re.M)) for k in ("NEW", "CHANGED", "ERROR")}
        return {
            "failed": counts["ERROR"],
            "new": counts["NEW"],
            "changed": counts["CHANGED"],
            "saw_renewal": "Renewed For Season 2" in output,
        }


Tool = Renewalwatch | Urlwatch


def cycles(
    tool: Tool, server: SiteServer, layout: newssite.Layout, work: Path, env: dict[str, str]
) -> list[dict[str, Any]]:
    """Cold (empty state), warm (nothing changed) and changed (every feed has 3 new posts)."""
    server.control("/_bench/reset")
    tool.setup(work, layout, server.base)
    rows = []
    for phase in PHASES:
        if phase == "changed":  # busy news feeds: every feed has three new posts
            server.control(f"/_bench/change?feeds={layout.feeds}&fraction=1.0&round=1&items=3")
        server.control("/_bench/reset-stats")
        run = measured(tool.check(), env)
        stats = server.control("/_bench/stats")
        (work / f"{phase}.out").write_text(run.output)
        summary = tool.summarize(run.output)
        # The cycle's own figures: renewalwatch's linked-article step (which urlwatch has no
        # counterpart of) is taken out and kept in articles_*; the process totals stay in total_*.
        art_wall, art_cpu = summary.get("articles_wall_s", 0.0), summary.get("articles_cpu_s", 0.0)
        rows.append(
            {
                "tool": tool.name,
                "phase": phase,
                "wall_s": run.wall - art_wall,
                "cpu_s": run.cpu - art_cpu,
                "total_wall_s": run.wall,
                "total_cpu_s": run.cpu,
                "rss_mb": run.rss_mb,
                "rc": run.rc,
                "requests": stats["requests"],
                "articles": stats["articles"],
                "ok_200": stats["ok"],
                "not_modified": stats["not_modified"],
                "mb_sent": stats["bytes"] / 2**20,
                "connections": stats["connections"],
                "server_cpu_s": stats["cpu_s"],
                **summary,
            }
        )
        apart = f"  + articles {art_wall:.2f} s wall {art_cpu:.2f} s CPU" if art_wall else ""
        print(
            f"  {tool.name:<12} {phase:<8} {run.wall - art_wall:7.2f} s wall {run.cpu - art_cpu:6.2f} s CPU "
            f"{run.rss_mb:6.1f} MB  rc={run.rc}{apart}",
            flush=True,
        )
    return rows


def repeated(
    tools: list[Tool],
    server: SiteServer,
    layout: newssite.Layout,
    work: Path,
    env: dict[str, str],
    repeat: int,
) -> list[dict[str, Any]]:
    """Each tool's cycles `repeat` times, tools interleaved; times and RSS are medians."""
    runs: dict[str, list[list[dict[str, Any]]]] = {t.name: [] for t in tools}
    for k in range(repeat):
        for tool in tools:
            runs[tool.name].append(cycles(tool, server, layout, work / f"{tool.name}-{k}", env))
    rows = []
    for tool in tools:
        for i, _ in enumerate(PHASES):
            sample = [run[i] for run in runs[tool.name]]
            row = dict(sample[-1])
            for key in ("wall_s", "cpu_s", "rss_mb", "server_cpu_s", *MEDIAN_EXTRA):
                if key not in row:
                    continue
                row[key] = statistics.median(r[key] for r in sample)
            row["wall_runs"] = [r["wall_s"] for r in sample]
            rows.append(row)
    return rows


def median_wall(argv: list[str], env: dict[str, str], n: int) -> dict[str, Any]:
    runs = [measured(argv, env, 60) for _ in range(n)]
    walls = [r.wall for r in runs]
    return {
        "median_ms": statistics.median(walls) * 1000,
        "min_ms": min(walls) * 1000,
        "runs": n,
        "rc": runs[-1].rc,
        "rss_mb": statistics.median(r.rss_mb for r in runs),
    }


def inproc(python: Path, args: list[str], env: dict[str, str], timeout: float) -> dict[str, Any]:
    run = measured([str(python), str(BENCH / "inproc.py"), *args], env, timeout)
    try:
        result: dict[str, Any] = json.loads(run.output.strip().splitlines()[-1])
    except (json.JSONDecodeError, IndexError):
        return {"error": run.output[-2000:]}
    result["process_wall_s"] = run.wall
    return result


# ---- output ----------------------------------------------------------------------------------


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def _fmt(v: float | None, spec: str = ".2f", suffix: str = "") -> str:
    return "n/a" if v is None else f"{v:{spec}}{suffix}"


COLUMNS = (  # (heading, width, row -> text)
    ("cycle", -8, lambda r: r["phase"]),
    ("tool", -13, lambda r: r["tool"]),
    ("wall s", 7, lambda r: f"{r['wall_s']:.2f}"),
    ("CPU s", 7, lambda r: f"{r['cpu_s']:.2f}"),
    ("RSS MB", 7, lambda r: f"{r['rss_mb']:.1f}"),
    ("reqs", 5, lambda r: str(r["requests"])),
    ("200/304", 9, lambda r: f"{r['ok_200']}/{r['not_modified']}"),
    ("MB sent", 8, lambda r: f"{r['mb_sent']:.1f}"),
    ("conns", 5, lambda r: str(r["connections"])),
    ("srv CPU", 7, lambda r: f"{r['server_cpu_s']:.2f}"),
    ("fail", 4, lambda r: _fmt(r["failed"], "d")),
)


def _cells(values: list[str]) -> str:
    widths = [w for _, w, _ in COLUMNS][: len(values)]
    return " ".join(f"{v:<{-w}}" if w < 0 else f"{v:>{w}}" for v, w in zip(values, widths, strict=True))


def _notes(r: dict[str, Any]) -> str:
    if r["tool"] == "renewalwatch":
        articles = f"{r['articles']} article fetches apart ({r['articles_wall_s']:.2f} s, {r['articles_cpu_s']:.2f} s CPU); "
        return articles + ("; ".join(r["alerts"]) or "no alert")
    return f"{r['new']} new, {r['changed']} changed" + ("; shows renewal" if r["saw_renewal"] else "")


def print_size_table(size: int, layout: newssite.Layout, rows: list[dict[str, Any]]) -> None:
    runs = len(rows[0]["wall_runs"]) if rows else 0
    print(
        f"\n{size} sources ({layout.feeds} feeds + {layout.pages} pages); "
        f"wall, CPU and RSS are medians of {runs} run(s); renewalwatch's wall and CPU leave out "
        "its linked-article step, shown apart in the notes (RSS is the whole process's)"
    )
    head = _cells([c[0] for c in COLUMNS]) + "  notes"
    print(head)
    print("-" * len(head))
    for phase in PHASES:
        mine = [r for r in rows if r["phase"] == phase]
        for r in mine:
            print(_cells([fn(r) for _, _, fn in COLUMNS]) + "  " + _notes(r))
        if len(mine) == 2:
            rw, uw = mine
            ratios = [_fmt(_ratio(rw[k], uw[k]), ".2f", "×") for k in ("wall_s", "cpu_s", "rss_mb")]
            print(_cells(["", "rw/uw", *ratios]))


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []

    def add(name: str, value: float | None, limit: float, below: bool, unit: str) -> None:
        met = None if value is None else (value <= limit if below else value > limit)
        out.append({"target": name, "value": value, "limit": limit, "unit": unit, "met": met})

    by = {(r["size"], r["tool"], r["phase"]): r for r in results["cycles"]}
    sizes = sorted({r["size"] for r in results["cycles"]})
    for size in sizes:

        def get(tool: str, phase: str, key: str, size: int = size) -> float | None:
            row = by.get((size, tool, phase))
            return None if row is None else float(row[key])

        for phase, limit in (("cold", 0.5), ("warm", 0.5), ("changed", 0.5)):
            add(
                f"{size} {phase} wall ≤ {limit}× urlwatch",
                _ratio(get("renewalwatch", phase, "wall_s"), get("urlwatch", phase, "wall_s")),
                limit,
                True,
                "×",
            )
        peaks = [
            max((v for p in PHASES if (v := get(tool, p, "rss_mb")) is not None), default=None)
            for tool in ("renewalwatch", "urlwatch")
        ]
        add(f"{size} peak RSS ≤ urlwatch's", _ratio(*peaks), 1.0, True, "×")
    if len(sizes) >= 2:
        small, big = sizes[0], sizes[-1]
        scale = _ratio(
            by.get((big, "renewalwatch", "cold"), {}).get("wall_s"),
            by.get((small, "renewalwatch", "cold"), {}).get("wall_s"),
        )
        add(f"{big} cold ≤ 10× the {small} cold", scale, 10.0, True, "×")
    add(
        "--help start-up < 150 ms",
        results["startup"]["renewalwatch"]["help"]["median_ms"],
        150.0,
        True,
        "ms",
    )
    add(
        "classifier > 5,000 docs/s",
        results["classifier"].get("docs_per_s"),
        5000.0,
        False,
        "docs/s",
    )
    return out


def print_rest(results: dict[str, Any]) -> None:
    print("\nStart-up (median wall of several runs)")
    for tool, d in results["startup"].items():
        line = ", ".join(
            f"{cmd} {v['median_ms']:.0f} ms (min {v['min_ms']:.0f}, {v['rss_mb']:.0f} MB)"
            for cmd, v in d.items()
        )
        print(f"  {tool:<13} {line}")
    c = results["classifier"]
    if "error" in c:
        print(f"\nClassifier: failed: {c['error']}")
    else:
        print(
            f"\nClassifier (in-process, one core, {c['docs']} docs, "
            f"avg {c['avg_chars']:.0f} chars): {c['docs_per_s']:,.0f} docs/s on the site mix "
            f"({c['naming_share']:.0%} name the show); "
            f"{c['naming_docs_per_s']:,.0f} docs/s on documents naming the show"
        )
    s = results["soak"]
    if "error" in s:
        print(f"\nMemory, run_once loop: failed: {s['error']}")
    else:
        print(
            f"\nMemory, run_once loop: {s['cycles']} full cycles in one process "
            f"({s['size']} sources, back to back, a 10% feed change every {s['change_every']})"
        )
        print(
            f"  RSS {s['rss_before_mb']:.1f} MB before, "
            f"{s['rss_after_first_mb']:.1f} MB after cycle 1, "
            f"{s['rss_end_mb']:.1f} MB at the end: growth {s['growth_mb']:+.1f} MB; "
            f"cycle median {s['cycle_s_median']:.2f} s (max {s['cycle_s_max']:.2f} s); "
            f"{s['failed_source_checks']} failed checks; state file {s['state_mb']:.1f} MB"
        )
        print("  RSS (cycle: MB): " + ", ".join(f"{n}: {mb:.1f}" for n, mb in s["samples"]))
    d = results["daemon"]
    if "error" in d:
        print(f"\nMemory, daemon: failed: {d['error']}")
    else:
        print(
            f'\nMemory, daemon (`renewalwatch run`, every = "{d["every"]}", {d["size"]} sources, '
            f"{d['seconds']:.0f} s, a 10% feed change every 10 s): {d['checks']} source checks "
            f"({d['checks_per_s']:.0f}/s); first pass over all sources done at {d['first_pass_s']:.0f} s"
        )
        print(
            f"  RSS {d['rss_after_first_pass_mb']:.1f} MB after the first pass, "
            f"{d['rss_end_mb']:.1f} MB at the end (max {d['rss_max_mb']:.1f}): "
            f"growth {d['growth_mb']:+.1f} MB; stopped {d['stop_s']:.2f} s after SIGTERM, "
            f"exit {d['rc']}; {d['missed_runs']} missed-run warnings, {d['errors']} errors"
        )
        print(
            "  RSS (s, checks: MB): "
            + ", ".join(f"{t:.0f}, {n}: {mb:.1f}" for t, n, mb in d["samples"] if mb)
        )
    print(f"\nTargets ({TARGETS_TEXT})")
    for t in results["targets"]:
        mark = "n/a   " if t["met"] is None else "met   " if t["met"] else "MISSED"
        value = _fmt(
            t["value"],
            ".2f" if t["unit"] == "×" else ",.0f",
            t["unit"] if t["unit"] == "×" else " " + t["unit"],
        )
        print(f"  {mark} {t['target']:<36} {value}")


# ---- main ------------------------------------------------------------------------------------


def proc_rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def daemon_soak(
    rw: Renewalwatch,
    server: SiteServer,
    layout: newssite.Layout,
    work: Path,
    env: dict[str, str],
    seconds: float,
    change_every: float,
) -> dict[str, Any]:
    """`renewalwatch run` on a short interval: its RSS from /proc each second, then SIGTERM."""
    server.control("/_bench/reset")
    rw.setup(work, layout, server.base, every=DAEMON_EVERY)
    log = work / "daemon.log"
    samples: list[tuple[float, int, float | None]] = []  # (seconds, checks so far, RSS MB)
    rounds = 0
    with log.open("wb") as out:
        proc = subprocess.Popen(
            rw.run(), stdout=out, stderr=subprocess.STDOUT, env=env, stdin=subprocess.DEVNULL
        )
    start = time.monotonic()
    try:
        for tick in range(1, int(seconds) + 1):  # one sample a second, bounded by `seconds`
            time.sleep(max(0.0, start + tick - time.monotonic()))
            if proc.poll() is not None:
                break
            if tick % int(change_every) == 0:
                rounds += 1
                server.control(f"/_bench/change?feeds={layout.feeds}&fraction=0.1&round={rounds}")
            checks = log.read_bytes().count(b"cycle source=")
            samples.append((round(time.monotonic() - start, 1), checks, proc_rss_mb(proc.pid)))
    finally:
        stopping = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        try:
            rc = proc.wait(60)
        except subprocess.TimeoutExpired:
            proc.kill()
            rc = proc.wait()
    stop_s = time.monotonic() - stopping
    text = log.read_text(errors="replace")
    rss = [(t, n, mb) for t, n, mb in samples if mb is not None]
    if not rss:
        return {"error": f"the daemon exited early (rc={rc}): {text[-1500:]}"}
    # Growth is measured from the end of the first pass over every source, when all is loaded.
    first = next(((t, n, mb) for t, n, mb in rss if n >= len(sources_for(layout, ""))), rss[-1])
    return {
        "size": layout.feeds + layout.pages, "every": DAEMON_EVERY, "seconds": rss[-1][0],
        "checks": rss[-1][1], "checks_per_s": rss[-1][1] / max(rss[-1][0], 1e-9),
        "change_rounds": rounds, "rss_after_first_pass_mb": first[2], "first_pass_s": first[0],
        "rss_end_mb": rss[-1][2], "rss_max_mb": max(mb for _, _, mb in rss),
        "growth_mb": rss[-1][2] - first[2], "stop_s": stop_s, "rc": rc,
        "missed_runs": text.count("was missed by"), "errors": text.count(" ERROR "),
        "samples": samples[:: max(1, len(samples) // 30)],
    }  # fmt: skip


def find_renewalwatch(given: str | None) -> Path:
    here = str(Path(sys.executable).with_name("renewalwatch"))
    for c in [given] if given else [here, shutil.which("renewalwatch")]:
        if c and Path(c).is_file():
            return Path(c)
    raise SystemExit("renewalwatch console script not found; pass --renewalwatch PATH")


def find_urlwatch(given: str | None, install: bool) -> Path | None:
    exe = Path(given) if given else URLWATCH_VENV / "bin" / "urlwatch"
    if not exe.is_file() and install and not given:
        subprocess.run([sys.executable, "-m", "venv", str(URLWATCH_VENV)], check=True)
        pip = str(URLWATCH_VENV / "bin" / "pip")
        subprocess.run([pip, "install", "--quiet", "urlwatch"], check=True)
    return exe if exe.is_file() else None


def version(argv: list[str], env: dict[str, str]) -> str:
    return measured(argv, env, 60).output.strip().splitlines()[-1]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    add = p.add_argument
    add("--sources", help="comma-separated source counts (default 250,2000; quick: 250)")
    add("--quick", action="store_true", help="a smaller smoke run")
    add("--repeat", type=int, help="cold/warm/changed sequences per tool (default 3; quick 1)")
    add("--no-urlwatch", action="store_true", help="skip the urlwatch comparison")
    add("--install-urlwatch", action="store_true", help=f"pip install urlwatch in {URLWATCH_VENV}")
    add("--urlwatch", metavar="PATH", help="a urlwatch executable to use instead")
    add("--renewalwatch", metavar="PATH", help="renewalwatch console script (default: beside python)")
    add("--concurrency", type=int, default=URLWATCH_WORKERS, help="renewalwatch concurrency, per_host")
    add("--articles", type=int, help="renewalwatch's articles_per_cycle (default: its own, 10); 0 reads none")
    add("--soak-cycles", type=int, help="run_once cycles in the memory test (default 200; quick 20)")
    add("--soak-seconds", type=float, help="run_once loop time cap (default 75; quick 15)")
    add("--daemon-seconds", type=float, help="daemon memory test length (default 45; quick 15)")
    add("--keep", action="store_true", help="keep the temp dir (site, configs, outputs)")
    add("--out", type=Path, default=BENCH / "out" / "latest.json")
    a = p.parse_args(argv)
    a.sizes = sorted({int(s) for s in (a.sources or ("250" if a.quick else "250,2000")).split(",")})
    a.repeat = a.repeat or (1 if a.quick else 3)
    a.soak_cycles = a.soak_cycles or (20 if a.quick else 200)
    a.soak_seconds = a.soak_seconds or (15.0 if a.quick else 75.0)
    a.daemon_seconds = a.daemon_seconds or (15.0 if a.quick else 45.0)
    a.startup_runs = 5 if a.quick else 9
    return a


def bench(a: argparse.Namespace, tmp: Path, server: SiteServer, site: dict[str, Any]) -> dict[str, Any]:
    rw = Renewalwatch(find_renewalwatch(a.renewalwatch), a.concurrency, a.articles)
    uw_exe = None if a.no_urlwatch else find_urlwatch(a.urlwatch, a.install_urlwatch)
    uw = Urlwatch(uw_exe) if uw_exe else None
    tools: list[Tool] = [rw, *([uw] if uw else [])]
    env = child_env(tmp / "home")
    print(
        f"renewalwatch: {rw.exe}; concurrency = per_host = {a.concurrency} "
        "(all sources are on one local host, so per_host is raised to the concurrency, "
        f"as a user would; urlwatch runs {URLWATCH_WORKERS} workers)"
    )
    print(f"urlwatch: {uw.exe if uw else 'not available (use --install-urlwatch)'}")
    versions = {t.name: version([str(t.exe), "--version"], env) for t in tools}

    # Warm-up: byte-compile and page in both tools on a small config, outside any clock.
    for tool in tools:
        server.control("/_bench/reset")
        tool.setup(tmp / "warmup" / tool.name, newssite.Layout(4, 1), server.base)
        measured(tool.check(), env)

    results: dict[str, Any] = {
        "meta": {
            "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "quick": a.quick,
            "sizes": a.sizes, "repeat": a.repeat, "cpus": os.cpu_count(),
            "python": platform.python_version(), "platform": platform.platform(),
            "versions": versions, "concurrency": a.concurrency, "per_host": a.concurrency, "articles": a.articles,
            "urlwatch_workers": URLWATCH_WORKERS, "site": site, "compression": "none",
        },
        "cycles": [],
    }  # fmt: skip
    for size in a.sizes:
        layout = newssite.Layout.for_sources(size)
        print(f"\n{size} sources:", flush=True)
        rows = repeated(tools, server, layout, tmp / f"cycles-{size}", env, a.repeat)
        results["cycles"] += [{"size": size, **r} for r in rows]

    small = 250 if 250 in a.sizes else a.sizes[0]
    layout = newssite.Layout.for_sources(small)
    print("\nstart-up, classifier, memory...", flush=True)
    results["startup"] = {}
    for tool in tools:
        tool.setup(tmp / f"startup-{tool.name}", layout, server.base)
        measured(tool.check(), env)  # `status` and `--list` read a filled state
        results["startup"][tool.name] = {
            "help": median_wall(tool.help(), env, a.startup_runs),
            "status" if tool is rw else "list": median_wall(tool.status(), env, a.startup_runs),
        }
    seconds = "1" if a.quick else "3"
    results["classifier"] = inproc(rw.python, ["classify", "--seconds", seconds], env, 300)

    server.control("/_bench/reset")
    rw.setup(tmp / "soak", layout, server.base)
    args = ["soak", str(rw.config), server.base, "--feeds", str(layout.feeds), "--cycles",
            str(a.soak_cycles), "--seconds", str(a.soak_seconds), "--change-every", "10"]  # fmt: skip
    soak = inproc(rw.python, args, env, a.soak_seconds + 300)
    results["soak"] = {"size": small, "change_every": 10, **soak}
    results["daemon"] = daemon_soak(rw, server, layout, tmp / "daemon", env, a.daemon_seconds, 10)
    results["targets"] = targets(results)
    return results


def main(argv: list[str] | None = None) -> int:
    a = parse_args(argv)
    began = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="rw-bench-"))
    server: SiteServer | None = None
    # SIGTERM becomes SystemExit, so the finally below stops the server and removes the temp dir.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        site = newssite.generate(tmp / "site", newssite.Layout.for_sources(max(a.sizes)))
        print(
            f"generated {site['feeds']} feeds (avg {site['feed_bytes_avg'] / 1024:.0f} KB) "
            f"and {site['pages']} pages (avg {site['page_bytes_avg'] / 1024:.0f} KB) "
            f"in {time.perf_counter() - began:.1f} s under {tmp}"
        )
        server = SiteServer(tmp / "site")
        print(f"serving on {server.base} (asyncio streams, separate process, no compression)")
        print("tools run from bytecode cached under the temp dir (PYTHONPYCACHEPREFIX)")
        results = bench(a, tmp, server, site)
        for size in a.sizes:
            layout = newssite.Layout.for_sources(size)
            print_size_table(size, layout, [r for r in results["cycles"] if r["size"] == size])
        print_rest(results)
        results["meta"]["total_s"] = time.perf_counter() - began
        a.out.parent.mkdir(parents=True, exist_ok=True)
        a.out.write_text(json.dumps(results, indent=2, default=str) + "\n")
        print(f"\nwrote {a.out} ({results['meta']['total_s']:.0f} s in all)")
        return 0
    finally:
        if server is not None:
            server.stop()
        if a.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
