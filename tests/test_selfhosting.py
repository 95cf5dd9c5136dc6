"""Issue 12, item 8: the self-hosting recipes work as written."""

from __future__ import annotations

import re
from pathlib import Path

from renewalwatch.config import load
from tests.helpers import run_cli

ROOT = Path(__file__).parent.parent


def test_example_config_is_shipped_printable_and_valid(tmp_path: Path) -> None:
    run = run_cli("example-config")
    assert run.code == 0
    assert run.out == (ROOT / "config.example.toml").read_text(encoding="utf-8")
    (tmp_path / "renewalwatch.toml").write_text(run.out, encoding="utf-8")
    config = load(tmp_path / "renewalwatch.toml", env={})
    assert config.watches and config.sources


def test_a_license_file_matches_the_declared_licence() -> None:
    assert 'license = "MIT"' in (ROOT / "pyproject.toml").read_text()
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")


def test_the_systemd_unit_runs_what_its_instructions_install() -> None:
    unit = (ROOT / "contrib" / "renewalwatch.service").read_text()
    exec_start = re.search(r"^ExecStart=(\S+)", unit, re.MULTILINE)
    assert exec_start is not None
    binary = exec_start.group(1)
    venv = binary.removesuffix("/bin/renewalwatch")
    assert f"python3 -m venv {venv}" in unit and f"{venv}/bin/pip install" in unit
    assert not binary.startswith(("/home", "/root"))  # ProtectHome=yes hides those
    assert "StateDirectory=renewalwatch" in unit
    assert "example-config > /etc/renewalwatch/config.toml" in unit


def test_state_defaults_to_state_directory_when_set(tmp_path: Path) -> None:
    """systemd's StateDirectory= and the container's volume: a relative `state` lands there."""
    config_path = tmp_path / "etc" / "renewalwatch.toml"
    config_path.parent.mkdir()
    config_path.write_text((ROOT / "config.example.toml").read_text(), encoding="utf-8")
    state_dir = tmp_path / "var-lib"
    config = load(config_path, env={"STATE_DIRECTORY": f"{state_dir}:/elsewhere"})
    assert config.settings.state == state_dir / "state.db"
    assert load(config_path, env={}).settings.state == config_path.parent / "state.db"


def test_the_container_keeps_state_on_its_volume() -> None:
    containerfile = (ROOT / "contrib" / "Containerfile").read_text()
    assert re.search(r"STATE_DIRECTORY=/state\b", containerfile)
    assert 'VOLUME ["/state"]' in containerfile
    assert "config.example.toml" in containerfile.split("COPY src")[0]
