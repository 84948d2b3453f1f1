"""The packaged taxonomy must load from an installed, non-editable wheel."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    wheels = tmp_path_factory.mktemp("wheels")
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
        check=True,
    )
    (wheel,) = wheels.glob("gapscan-*.whl")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
    )
    return target


def _run_installed(installed: Path, cwd: Path, code: str) -> list[str]:
    """The lines ``code`` prints when run against the installed wheel alone."""
    env = {**os.environ, "PYTHONPATH": str(installed)}
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, env=env, check=True, capture_output=True, text=True
    )
    return run.stdout.splitlines()


def test_taxonomy_loads_from_wheel(installed: Path, tmp_path: Path) -> None:
    code = (
        "import gapscan, gapscan.taxonomy as t; tax = t.load_taxonomy(); "
        "print(gapscan.__file__); print(tax.name, len(tax.skills) >= 150, len(tax.steps))"
    )
    out = _run_installed(installed, tmp_path, code)
    assert out[0].startswith(str(installed))
    assert out[1] == "ai-architect True 9"
    assert (installed / "gapscan" / "taxonomy_data" / "ai-architect.toml").is_file()
    assert (installed / "gapscan" / "py.typed").is_file()


def test_html_templates_render_from_wheel(installed: Path, tmp_path: Path) -> None:
    """The HTML report's templates ship in the wheel: a page renders from the installed copy."""
    code = (
        "import gapscan.report.html as h; "
        "print(h.__file__); print(h.environment().get_template('report.html.j2').filename)"
    )
    out = _run_installed(installed, tmp_path, code)
    assert out[0].startswith(str(installed))
    assert out[1] == str(installed / "gapscan" / "report" / "templates" / "report.html.j2")
