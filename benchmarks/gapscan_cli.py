"""How the benchmarks that drive gapscan as a program find it.

They run the command line in a child process (never import the package), so they measure
what a user runs and keep working while the package's modules move around.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_POSTING = ROOT / "samples" / "postings" / "ai-architect.txt"


def gapscan_command() -> list[str]:
    """The argv prefix that runs gapscan: the executable beside this Python, else ``-m``.

    The one beside ``sys.executable`` is the venv's; falling back to ``python -m gapscan``
    runs the same code when the script entry point is not installed.
    """
    beside = Path(sys.executable).parent / "gapscan"
    if beside.is_file():
        return [str(beside)]
    return [sys.executable, "-m", "gapscan"]
