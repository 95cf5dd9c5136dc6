"""The command line: builds the real objects, sets up logging, prints, and picks exit codes.

Exit codes: 0 all worked; 1 a source or a delivery failed (the rest done and saved); 2 usage,
config or state-file errors; 130 interrupted (Ctrl-C; `run` treats it as a stop and exits 0).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NoReturn

import click

from renewalwatch import __version__
from renewalwatch.config import Config, default_config, discover, load, load_settings
from renewalwatch.errors import ConfigError, RenewalwatchError
from renewalwatch.masking import mask_text

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def _now() -> datetime:
    return datetime.now(UTC)


def _fail(message: str, code: int = EXIT_USAGE) -> None:
    click.echo(f"renewalwatch: error: {mask_text(message)}", err=True)
    sys.exit(code)


class _State:
    def __init__(self, config_path: str | None) -> None:
        self.config_path = config_path
        self._config: Config | None = None

    def config(self) -> Config:
        if self._config is None:
            path = discover(self.config_path, os.environ, Path.cwd())
            self._config = default_config(os.environ) if path is None else load(path, os.environ)
            from renewalwatch import logs

            logs.add_secrets(_secrets(self._config))
        return self._config


def _secrets(config: Config) -> tuple[str, ...]:
    """What the log filter hides even when quoted alone: notify URLs, and source URLs that hold
    a secret."""
    from renewalwatch.masking import mask_url

    sources = tuple(s.url for s in config.sources if mask_url(s.url) != s.url)
    return tuple(d.url for d in config.destinations) + sources


@contextmanager
def _errors() -> Iterator[None]:
    """Our own errors become one line and exit 2; nothing else is swallowed."""
    try:
        yield
    except RenewalwatchError as e:
        _fail(str(e))


_GLOBAL_WITH_VALUE = ("--config", "--log-level", "--log-format")


class _Cli(click.Group):
    """Global options are accepted after the command too (`check --config x.toml`), and Ctrl-C
    exits 130, as shells expect, not 1 ("a source failed")."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, _globals_first(args, set(self.commands)))

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("renewalwatch: interrupted", err=True)
            raise click.exceptions.Exit(EXIT_INTERRUPTED) from None


def _globals_first(args: list[str], commands: set[str]) -> list[str]:
    """Move the global options found after the command name in front of it."""
    i, command_at = 0, None
    while i < len(args):  # find the command: the first word that is not a global option's value
        if args[i] in _GLOBAL_WITH_VALUE:
            i += 2
            continue
        if args[i] in commands:
            command_at = i
            break
        i += 1
    if command_at is None:
        return args
    before, rest = args[: command_at + 1], args[command_at + 1 :]
    moved: list[str] = []
    kept: list[str] = []
    j = 0
    while j < len(rest):
        word = rest[j]
        if word == "--":
            kept += rest[j:]
            break
        if word in _GLOBAL_WITH_VALUE and j + 1 < len(rest):
            moved += rest[j : j + 2]
            j += 2
            continue
        if word.split("=", 1)[0] in _GLOBAL_WITH_VALUE and "=" in word:
            moved.append(word)
        else:
            kept.append(word)
        j += 1
    return [*before[:-1], *moved, before[-1], *kept]


@click.group(cls=_Cli, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="renewalwatch")
@click.option(
    "--config",
    "config_path",
    metavar="FILE",
    help="Config file (default: $RENEWALWATCH_CONFIG, ./renewalwatch.toml, then ~/.config/renewalwatch/config.toml, else the built-in Ballard watch).",
)
@click.option(
    "--log-level",
    default="warning",
    show_default=True,
    type=click.Choice(["debug", "info", "warning", "error"]),
)
@click.option("--log-format", default="plain", show_default=True, type=click.Choice(["plain", "json"]))
@click.pass_context
def main(ctx: click.Context, config_path: str | None, log_level: str, log_format: str) -> None:
    """renewalwatch: one alert when your show is renewed or canceled, and no noise before that."""
    from renewalwatch import logs

    logs.setup(log_level, log_format)
    ctx.obj = _State(config_path)


@contextmanager
def _opened(state: _State, purpose: str, wait: float = 0.0) -> Iterator[tuple[Config, Any]]:
    from renewalwatch.store import SqliteStore, StateLock

    config = state.config()
    lock = StateLock(config.settings.state, purpose)
    lock.acquire(wait)
    try:
        store = SqliteStore(config.settings.state)
        try:
            yield config, store
        finally:
            store.close()
    finally:
        lock.release()


@main.command()
@click.option(
    "--wait",
    "wait",
    type=float,
    default=0.0,
    metavar="SECONDS",
    help="Wait this long for another renewalwatch to finish instead of exiting 2.",
)
@click.option("--force", is_flag=True, help="Check sources that are backing off after failures, too.")
@click.pass_obj
def check(state: _State, wait: float, force: bool) -> None:
    """Run one cycle: fetch, read, decide, notify; print a summary."""
    from renewalwatch.cycle import run_once
    from renewalwatch.notify import AppriseNotifier, check_urls
    from renewalwatch.outbox import check_destinations

    _default_log_level("error")  # the summary already names every failure; cron mails stay short
    with _errors():
        first_run = not state.config().settings.state.exists()
        if first_run:  # nothing to remember the check in yet, and a bad config must create nothing
            check_urls(state.config().destinations, state.config().origin)
    with _errors(), _opened(state, "check", wait) as (config, store):
        check_destinations(config, store, already_checked=first_run)
        report = run_once(config, store=store, notifier=AppriseNotifier(), now=_now(), force=force)
    from renewalwatch.render import cycle_summary

    click.echo(cycle_summary(report))
    sys.exit(EXIT_OK if report.ok else EXIT_FAILED)


def _default_log_level(level: str) -> None:
    """Use `level` for this command unless --log-level was given."""
    from click.core import ParameterSource

    from renewalwatch import logs

    parent = click.get_current_context().parent
    if parent is not None and parent.get_parameter_source("log_level") is ParameterSource.DEFAULT:
        logs.setup(level, parent.params["log_format"])


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_obj
def status(state: _State, as_json: bool) -> None:
    """Each watch's status and evidence, the sources' health, notifications still owed."""
    from renewalwatch.render import status_data, status_json, status_text
    from renewalwatch.store import SqliteStore

    with _errors():
        config = state.config()
        # Reading never writes: no state yet is shown as an empty one, and nothing is created.
        store = SqliteStore.for_reading(config.settings.state) or SqliteStore(Path(":memory:"))
        try:
            data = status_data(config, store)
        finally:
            store.close()
    click.echo(status_json(data) if as_json else status_text(data))


def _config_target(state: _State) -> Path:
    """The config file `add` and `remove` edit: the one in use, else the user's config file."""
    from renewalwatch.config import user_config_path

    return discover(state.config_path, os.environ, Path.cwd()) or user_config_path(os.environ)


@main.command()
@click.argument("show")
@click.option("--season", type=click.IntRange(1, 99), help="Default: the next season after TVmaze's latest.")
@click.option("--network", help="The show's network or streamer (default: TVmaze's).")
@click.option("--tvmaze-id", type=click.IntRange(1), help="The show's TVmaze id, when its name is ambiguous.")
@click.option("--offline", is_flag=True, help="Do not look the show up on TVmaze.")
@click.pass_obj
def add(state: _State, show: str, season: int | None, network: str | None, tvmaze_id: int | None,
        offline: bool) -> None:  # fmt: skip
    """Watch SHOW's season: write it to the config file (created if there is none)."""
    from renewalwatch.manage import add as run_add
    from renewalwatch.manage import look_up

    target = _config_target(state)
    show = " ".join(show.split())
    with _errors():
        if not show:
            raise ConfigError("command line", "SHOW", "must not be empty")
        for key, value in (("SHOW", show), ("--network", network or "")):
            if not value.isprintable():  # escapes, bidi overrides: nothing a show is named with
                raise ConfigError("command line", key, "must not contain control characters")
        settings = (
            load_settings(target, os.environ) if target.exists() else default_config(os.environ).settings
        )
        looked = None if offline else look_up(settings, show, network, tvmaze_id)
        added = run_add(
            target, show=show, season=season, network=network, tvmaze_id=tvmaze_id, looked=looked,
            today=_now().date(), env=os.environ,
        )  # fmt: skip
    from renewalwatch.untrusted import for_terminal

    click.echo("\n".join(for_terminal(line) for line in added.lines))  # TVmaze's text is untrusted too


@main.command("list")
@click.pass_obj
def list_cmd(state: _State) -> None:
    """The watches and sources in the config, with each source's health once a check has run."""
    from renewalwatch.manage import listing
    from renewalwatch.store import SqliteStore

    with _errors():
        config = state.config()
        health = None
        store = SqliteStore.for_reading(config.settings.state)  # never creates a state file
        if store is not None:
            try:
                health = store.sources()
            finally:
                store.close()
    click.echo(listing(config, health))


@main.command()
@click.argument("show")
@click.option(
    "--season", type=click.IntRange(1, 99), help="Only this season (default: every season of SHOW)."
)
@click.pass_obj
def remove(state: _State, show: str, season: int | None) -> None:
    """Stop watching SHOW (or one season of it): take it out of the config file."""
    from renewalwatch.manage import remove as run_remove

    target = _config_target(state)
    with _errors():
        gone = run_remove(target, show, season, os.environ)
    for entry in gone:
        click.echo(f"Removed {entry.show} season {entry.season} from {target}.")


@main.command("classify")
@click.option("--show", required=True, help="The show's name.")
@click.option("--season", type=int, default=2, show_default=True)
@click.option("--alias", "aliases", multiple=True, help="Another name of the show (repeatable).")
@click.option("--exclude", "exclude", multiple=True, help="A thing named alike to ignore (repeatable).")
@click.option(
    "--trust", type=click.Choice(["official", "trade", "other"]), default="other", show_default=True
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per file, per line.")
@click.option(
    "--explain", is_flag=True, help="Show the rule and sentence that decided, and what else was weighed."
)
@click.option("--items", is_flag=True, help="One verdict per feed item that names the show, with its link.")
# Plain strings: click.Path would normalise "http://host/x" into "http:/host/x".
@click.argument("files", nargs=-1, required=True, metavar="FILE|URL|-")
def classify_cmd(show: str, season: int, aliases: tuple[str, ...], exclude: tuple[str, ...], trust: str,
                 as_json: bool, explain: bool, items: bool, files: tuple[str, ...]) -> None:  # fmt: skip
    """Classify HTML, text or feed files, http(s) URLs (fetched as `check` fetches, with its
    default limits) or standard input (`-`); no state is read or written."""
    from renewalwatch.classify import strongest
    from renewalwatch.models import Classification, Trust, Watch
    from renewalwatch.reading import classify_each, not_named
    from renewalwatch.render import classification_data, classification_text

    watch = Watch(show=show, season=season, aliases=aliases, exclude=exclude)
    failed = False
    for path in files:
        shown = mask_text(path)  # a URL given here may hold a password or a key too
        try:
            docs = _read_input(path, watch.names)  # as `check` reads: only what names the show
        except OSError as e:
            click.echo(f"renewalwatch: error: {shown}: cannot read: {e.strerror or e}", err=True)
            failed = True
            continue
        except RenewalwatchError as e:
            click.echo(f"renewalwatch: error: {mask_text(str(e))}", err=True)
            failed = True
            continue
        results = classify_each(docs, watch, Trust(trust))
        verdicts: list[tuple[str, str | None, Classification]]
        if items:
            verdicts = [(d.title, d.url, c) for d, c in zip(docs, results, strict=True)]
        else:
            title = next((d.title for d in docs if d.title), "")
            verdicts = [(title, None, strongest(results) if docs else not_named())]
        for title, url, result in verdicts:
            if as_json:
                data = classification_data(shown, title, result, explain, url)
                click.echo(json.dumps(data, ensure_ascii=False))
            else:
                click.echo(classification_text(shown, title, result, explain, url))
    sys.exit(EXIT_FAILED if failed else EXIT_OK)


def _read_input(name: str, names: tuple[str, ...]) -> list[Any]:
    """A file, a URL (one GET through `check`'s fetcher) or `-` (standard input) as Documents."""
    from renewalwatch.reading import documents, read_file, sniff

    if name == "-":
        with click.open_file("-", "rb") as stdin:
            body = stdin.read()
        return documents(sniff(body), "", body, "-", names)
    if name.lower().startswith(("http://", "https://")):
        from urllib.parse import urlsplit

        from renewalwatch.fetch import fetch_once

        result = fetch_once(name)
        fmt = sniff(result.body, urlsplit(result.url).path)
        return documents(fmt, "", result.body, name, names, result.charset)  # the header's charset, as check
    return read_file(Path(name), names)


@main.command("test-notify")
@click.pass_obj
def test_notify(state: _State) -> None:
    """Send a test message to every destination and report each one's result."""
    from renewalwatch.errors import NotifyError
    from renewalwatch.message import test_message
    from renewalwatch.notify import AppriseNotifier, check_urls

    _default_log_level("error")  # each destination's result is printed; no second copy as a log line
    with _errors():
        config = state.config()
        check_urls(config.destinations, config.origin)
    title, body = test_message(_now())
    notifier = AppriseNotifier()
    failures = 0
    for dest in config.destinations:
        try:
            notifier.send(dest, title, body)
            click.echo(f"ok      {dest.masked}")
        except NotifyError as e:
            failures += 1
            click.echo(f"FAILED  {dest.masked}: {e.message}")
    sys.exit(EXIT_FAILED if failures else EXIT_OK)


@main.command()
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--verbose", is_flag=True, help="Also list decisions whose official flag was misread.")
@click.option(
    "--replay",
    "replaying",
    is_flag=True,
    help="Replay the corpus day by day through check, every watch at once, and score what a user receives.",
)
@click.option(
    "--corroborate",
    is_flag=True,
    help="With --replay: hold a lone other-trust decision until a second voice agrees.",
)
def evaluate(path: Path, verbose: bool, replaying: bool, corroborate: bool) -> None:
    """Score the classifier on a labelled corpus: confusion matrix, false alerts, recall."""
    if replaying:
        _replay(path, corroborate)
    from renewalwatch.evaluate import evaluate as run

    with _errors():
        report = run(path)
    click.echo(report.render(verbose=verbose))
    sys.exit(EXIT_OK if not report.false_alerts else EXIT_FAILED)


def _replay(path: Path, corroborate: bool) -> NoReturn:
    import tempfile

    from renewalwatch.replay import replay

    with _errors(), tempfile.TemporaryDirectory(prefix="renewalwatch-replay-") as workdir:
        report = replay(path, Path(workdir), corroborate=corroborate)
    click.echo(report.render())
    sys.exit(EXIT_OK if not report.false_alerts else EXIT_FAILED)


def _fresh_config(state: _State) -> Config:
    """Re-read the config for a SIGHUP; the daemon keeps the old one if this raises."""
    from renewalwatch import logs
    from renewalwatch.notify import check_urls

    path = discover(state.config_path, os.environ, Path.cwd())
    config = default_config(os.environ) if path is None else load(path, os.environ)
    check_urls(config.destinations, config.origin)
    old = state.config().destinations
    logs.add_secrets(_secrets(config) + tuple(d.url for d in old))
    return config


@main.command("run")
@click.option(
    "--wait", "wait", type=float, default=0.0, metavar="SECONDS",
    help="Wait this long for another renewalwatch to finish instead of exiting 2.",
)  # fmt: skip
@click.option(
    "--http", "http", metavar="ADDR",
    help="Also serve the read-only status page on ADDR, e.g. 127.0.0.1:8080 (see `serve`).",
)  # fmt: skip
@click.pass_context
def run_cmd(ctx: click.Context, wait: float, http: str | None) -> None:
    """Keep checking, each source on its own interval, until SIGTERM or Ctrl-C.

    SIGHUP re-reads the config (a bad one is logged and the running one kept). Logs at info
    level unless --log-level says otherwise: one line per check.
    """
    from renewalwatch.daemon import Daemon
    from renewalwatch.notify import AppriseNotifier, check_urls
    from renewalwatch.store import StateLock

    state: _State = ctx.obj
    _default_log_level("info")
    with _errors():
        config = state.config()
        check_urls(config.destinations, config.origin)
        lock = StateLock(config.settings.state, "run")
        lock.acquire(wait)
        web = None
        daemon: Daemon | None = None
        try:
            if http is not None:
                from renewalwatch.web import StatusApp, WebServer

                # The page reads the daemon's current config, so it follows a SIGHUP reload.
                web = WebServer(StatusApp(lambda: daemon.config if daemon else config), http)
            daemon = Daemon(
                config, load=lambda: _fresh_config(state), notifier=AppriseNotifier(),
                services=(web,) if web else (),
            )  # fmt: skip
            daemon.serve()
        finally:
            if web is not None:
                web.stop()
            lock.release()
    if daemon is not None and daemon.failure:
        _fail(daemon.failure)
    sys.exit(EXIT_OK)


@main.command("serve")
@click.option(
    "--http", "http", metavar="ADDR", default="127.0.0.1:8080", show_default=True,
    help="Where to listen: HOST:PORT, [IPv6]:PORT or PORT. Anything but loopback is readable by others.",
)  # fmt: skip
@click.pass_obj
def serve_cmd(state: _State, http: str) -> None:
    """Serve the read-only status page, /api/status, /feed.xml and /healthz until SIGTERM or Ctrl-C.

    Reads the state file only (it never checks, creates or changes it), so it runs beside a
    `run` daemon or cron `check`s.
    """
    import signal

    from renewalwatch.web import StatusApp, WebServer

    _default_log_level("info")
    with _errors():
        config = state.config()
        web = WebServer(StatusApp(lambda: config), http)
    stop = {signal.SIGTERM, signal.SIGINT}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, stop)  # before the server's threads exist
    try:
        web.start()  # logs the address it serves
        signal.sigwait(stop)
    finally:
        web.stop()
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
    sys.exit(EXIT_OK)


@main.command("health")
@click.option(
    "--max-age", metavar="DURATION",
    help="How old the last check may be, e.g. \"1h\" (default: twice the shortest interval).",
)  # fmt: skip
@click.pass_obj
def health_cmd(state: _State, max_age: str | None) -> None:
    """Exit 0 if checks run and notifications get out, else 1 with the reason (for containers)."""
    from renewalwatch.config import parse_duration
    from renewalwatch.render import health_reason
    from renewalwatch.store import SqliteStore

    with _errors():
        config = state.config()
        limit = parse_duration(max_age, "--max-age", "command line") if max_age else None
        store = SqliteStore.for_reading(config.settings.state)  # None: no state file (none is created)
        try:
            last = store.last_cycle() if store else None
            reason = health_reason(config, store, _now(), limit)
        finally:
            if store:
                store.close()
    if reason:
        _fail(f"unhealthy: {reason}", EXIT_FAILED)
    finished = last[0] if last else None
    click.echo(f"ok: last check finished at {finished:%Y-%m-%d %H:%M:%S} UTC" if finished else "ok")


@main.command("example-config")
def example_config() -> None:
    """Print a commented example config (every key) to start from: `> renewalwatch.toml`."""
    from importlib.resources import files

    click.echo(files("renewalwatch").joinpath("config.example.toml").read_text(encoding="utf-8"), nl=False)
