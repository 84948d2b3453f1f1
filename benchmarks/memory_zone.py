"""Why batch workers are recycled instead of scanning inside spaCy's memory zones.

    pip install -e ".[bench]"
    python benchmarks/memory_zone.py [--resumes 120]

Generates resumes as ``throughput.py`` does, then runs the extractor over them three times
in a fresh process each way: every document inside ``SkillExtractor.memory_zone()``, and
none. Prints milliseconds per resume for each pass and the size of spaCy's string store
after it. Inside a zone the string store stays flat, but the tokenizer caches nothing, so
every pass pays for tokenizing the same words again.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from throughput import LAYOUTS, generate  # same folder

from gapscan.scanner import Scanner
from gapscan.taxonomy import load_taxonomy


def passes(folder: Path, zone: bool) -> list[tuple[float, int]]:
    """(ms per resume, strings in the store) after each of three passes, warm as in a batch."""
    scanner = Scanner(load_taxonomy())
    extractor = scanner.extractor
    extractor.warm()
    docs = [scanner.read(path, posting=False) for path in sorted(folder.glob("*.pdf"))]
    found = []
    for _ in range(3):
        start = time.perf_counter()
        for doc in docs:
            if zone:
                with extractor.memory_zone():
                    extractor.extract(doc)
            else:
                extractor.extract(doc)
        ms = 1000 * (time.perf_counter() - start) / len(docs)
        found.append((ms, len(extractor.nlp.vocab.strings)))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resumes", type=int, default=120)
    parser.add_argument("--folder", help=argparse.SUPPRESS)  # the child run's input
    parser.add_argument("--zone", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.folder:
        for ms, strings in passes(Path(args.folder), args.zone):
            print(f"  {ms:6.1f} ms/resume, {strings} strings in the store")
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        taxonomy = load_taxonomy()
        terms = sorted({f for s in taxonomy.skills for f in (s.name, *s.aliases, *s.exact)})
        generate(folder, args.resumes, (1, 2), terms)
        print(f"{args.resumes} resumes, 1-2 pages, layouts: {', '.join(LAYOUTS)}; extract only")
        for zone in (False, True):
            print("inside memory_zone():" if zone else "no zone:")
            child = [sys.executable, __file__, "--folder", str(folder)]
            subprocess.run(child + (["--zone"] if zone else []), check=True)


if __name__ == "__main__":
    main()
