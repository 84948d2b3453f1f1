"""Re-checking a finished batch against analysing a few new files, as a user runs them.

    python benchmarks/rerun.py [--resumes 400] [--fresh 40] [--runs 3]

Generates ``--resumes`` PDFs (the generator of ``throughput.py``), runs ``gapscan batch`` on
them once, then prints the median wall time (over ``--runs``) of the command line

* re-run on the finished batch (every report reused, nothing analysed), and
* a first batch of ``--fresh`` of the same files into an empty output folder.

Issue 15 asks that the first be the faster: a finished batch is re-checked often (a cron
job, a retry after one file failed), and it should cost little more than reading the folder.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from throughput import POSTING, generate

from gapscan.taxonomy import load_taxonomy


def batch(folder: Path, out: Path) -> float:
    """Seconds one ``gapscan batch`` takes, start-up included; it must finish with exit 0."""
    command = [sys.executable, "-m", "gapscan", "batch", str(folder), str(POSTING)]
    start = time.perf_counter()
    done = subprocess.run(
        [*command, "-o", str(out), "--quiet", "--workers", "2"], capture_output=True, check=False
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"gapscan batch exited {done.returncode}: {done.stderr.decode()[-500:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resumes", type=int, default=400)
    parser.add_argument("--fresh", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    tax = load_taxonomy()
    terms = sorted({f for s in tax.skills for f in (s.name, *s.aliases, *s.exact)})
    with tempfile.TemporaryDirectory() as tmp:
        folder, few, out = Path(tmp) / "resumes", Path(tmp) / "few", Path(tmp) / "reports"
        folder.mkdir()
        few.mkdir()
        generate(folder, args.resumes, (1, 2), terms)
        for path in sorted(folder.glob("*.pdf"))[: args.fresh]:
            shutil.copy(path, few / path.name)
        first = batch(folder, out)
        rerun = [batch(folder, out) for _ in range(args.runs)]
        fresh = []
        for i in range(args.runs):
            fresh.append(batch(few, Path(tmp) / f"fresh-{i}"))
        size = sum(p.stat().st_size for p in (out / "resumes").glob("*.json")) / 1e6
    print(f"{args.resumes} resumes, first batch {first:.2f} s, reports {size:.1f} MB")
    print(f"re-run of the finished batch: {statistics.median(rerun):.2f} s  (runs: "
          + ", ".join(f"{t:.2f}" for t in rerun) + ")")
    print(f"first batch of {args.fresh} files:    {statistics.median(fresh):.2f} s  (runs: "
          + ", ".join(f"{t:.2f}" for t in fresh) + ")")


if __name__ == "__main__":
    main()
