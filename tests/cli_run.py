"""One way for tests to run the CLI: exit code, stdout and stderr kept apart."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from gapscan.cli import cli


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr
