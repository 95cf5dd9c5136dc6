"""Helpers for tests: fixture files, config files, and the CLI run through CliRunner."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner, Result

from renewalwatch.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
SITE = FIXTURES / "site"


def fixture_bytes(relative: str) -> bytes:
    return (SITE / relative).read_bytes()


@dataclass(frozen=True)
class Run:
    """One CLI invocation: exit code and the two streams (logging goes to stderr)."""

    code: int
    out: str
    err: str
    result: Result

    @property
    def all(self) -> str:
        return self.out + self.err


def run_cli(*args: str, env: dict[str, str] | None = None) -> Run:
    result = CliRunner().invoke(main, list(args), env=env, catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # a crash is a test failure with its real traceback
    return Run(result.exit_code, result.stdout, result.stderr, result)


def toml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_config(
    path: Path,
    *,
    sources: list[dict[str, str]],
    urls: list[str] = (),  # type: ignore[assignment]
    settings: dict[str, object] | None = None,
    watch: str | None = None,
) -> Path:
    """A config file: the Ballard season 2 watch unless `watch` (raw TOML) is given."""
    lines = ["[settings]", f"state = {toml_str('state.db')}"]
    for key, value in (settings or {}).items():
        lines.append(f"{key} = {toml_str(value) if isinstance(value, str) else value}")
    lines += ["", "[notify]", "urls = [" + ", ".join(toml_str(u) for u in urls) + "]", ""]
    lines.append(
        watch
        or '[[watch]]\nshow = "Ballard"\nseason = 2\nnetwork = "Prime Video"\nauto_sources = false\n'
        'exclude = ["Ballard Power", "Ballard Designs"]\n'
    )
    for s in sources:
        lines.append("[[source]]")
        lines += [f"{k} = {toml_str(v)}" for k, v in s.items()]
        lines.append("")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
