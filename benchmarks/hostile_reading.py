"""How long reading each hostile-corpus file takes, and what isolating PDFium costs.

    python benchmarks/hostile_reading.py [PDF ...]

Prints one line per corpus file (seconds, outcome), then, for each PDF given (default: the
sample resumes), milliseconds per read in process and in the capped child process, measured
in the same run so the ratio holds on a busy machine.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from make_hostile import make_corpus  # noqa: E402

from gapscan.errors import InputError  # noqa: E402
from gapscan.limits import Limits  # noqa: E402
from gapscan.read.document import read_document  # noqa: E402
from gapscan.read.pdfium import pdf_pages, pdf_pages_isolated  # noqa: E402


def corpus_times(limits: Limits) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = make_corpus(Path(tmp))
        for raw in sorted(os.listdir(os.fsencode(folder))):
            path = Path(os.fsdecode(os.path.join(os.fsencode(folder), raw)))
            start = time.perf_counter()
            try:
                doc = read_document(path, limits=limits)
                outcome = f"read as {doc.format} {list(doc.warnings)}"
            except InputError as exc:
                outcome = f"refused: {exc.cause}"
            print(f"{time.perf_counter() - start:7.2f} s  {path.name!r}: {outcome}")


def isolation_cost(pdfs: list[Path], rounds: int = 10) -> None:
    for pdf in pdfs:
        data = pdf.read_bytes()
        pdf_pages(data, None, 50, 2_000_000)  # warm up the import
        figures = []
        for read in (
            lambda data=data: pdf_pages(data, None, 50, 2_000_000),
            lambda data=data: pdf_pages_isolated(data, None, 50, 2_000_000, 60.0),
        ):
            start = time.perf_counter()
            for _ in range(rounds):
                read()
            figures.append((time.perf_counter() - start) / rounds * 1000)
        print(
            f"{pdf.name}: in process {figures[0]:.0f} ms, child process {figures[1]:.0f} ms "
            f"({figures[1] / figures[0]:.0f}x)"
        )


if __name__ == "__main__":
    corpus_times(Limits(timeout=10.0))
    given = [Path(a) for a in sys.argv[1:]]
    isolation_cost(given or sorted((ROOT / "samples" / "resumes").glob("*.pdf")))
