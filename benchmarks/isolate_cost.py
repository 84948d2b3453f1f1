"""What the hard time limit costs a command: the fork and the pickled answer (gapscan.isolate).

    python benchmarks/isolate_cost.py [--runs 15] [RESUME POSTING]

Runs ``scan`` and ``extract`` on the samples in this process, alternately directly and
through ``run_isolated``, and prints the median of each and their difference. The pipeline
is loaded before the first run, so the child forks from the whole process: the command line
forks before loading it, so its cost is at most this.
"""

from __future__ import annotations

import argparse
import pickle
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from gapscan.isolate import run_isolated
from gapscan.scanner import Scanner

ROOT = Path(__file__).resolve().parent.parent
RESUME = ROOT / "samples" / "resumes" / "alex-rivera.pdf"
POSTING = ROOT / "samples" / "postings" / "ai-architect.txt"


def seconds(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def compare(name: str, work: Callable[[], object], runs: int) -> None:
    """Print the median time of ``work`` run here and in a child, and the answer's size."""
    work()  # warm: caches, lazy imports
    here, child = [], []
    for _ in range(runs):
        here.append(seconds(work))
        child.append(seconds(lambda: run_isolated(work, 60)))
    size = len(pickle.dumps(work(), pickle.HIGHEST_PROTOCOL))
    a, b = statistics.median(here), statistics.median(child)
    print(
        f"{name:8} in process {a * 1000:7.1f} ms   forked {b * 1000:7.1f} ms   "
        f"cost {(b - a) * 1000:+6.1f} ms   answer {size / 1000:.0f} kB   ({runs} runs each)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("resume", type=Path, nargs="?", default=RESUME)
    parser.add_argument("posting", type=Path, nargs="?", default=POSTING)
    args = parser.parse_args()
    scanner = Scanner()
    _ = scanner.extractor
    compare("scan", lambda: scanner.scan(args.resume, args.posting), args.runs)
    compare("extract", lambda: scanner.extract(args.resume), args.runs)


if __name__ == "__main__":
    main()
