"""How often the architect's competencies are recognised where a posting states them.

Issue 11 names the ten competencies real AI-architect postings state most often
(architecture, scalability, reliability, deployment, business translation, engineering
practices, monitoring, adaptability, training, presentations). Each line of
``benchmarks/data/competencies/sentences.tsv`` is one requirement we wrote in a posting's
words, with the skills that recognise it (any one of them, or a kind of one). Each is read as
a posting's requirement list; a competency is recognised when a counted mention is one of
its skills. Sets 1 to 4 were written by the developer who tuned the taxonomy's forms on
them (development figures). Sets 5 to 8 were written by helper sessions that saw no code or
taxonomy; forms were added while reading the misses of 5, 6 and 8, and set 7 is held out:
only its counts are read (``benchmarks/README.md`` has the figures before and after).

    python benchmarks/competencies.py [--misses]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "competencies" / "sentences.tsv"
HELD_OUT = frozenset({"7"})  # its misses are never printed: reading them would spend it


def rows() -> list[tuple[str, tuple[str, ...], str]]:
    """(set, skill ids, sentence) for every line of the data file."""
    out = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        group, ids, sentence = line.split("\t")
        out.append((group, tuple(ids.split("|")), sentence))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--misses", action="store_true", help="print each sentence missed (not of a held-out set)"
    )
    args = parser.parse_args(argv)
    from gapscan.scanner import Scanner

    scanner = Scanner()
    taxonomy = scanner.taxonomy
    right: Counter[tuple[str, str]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    misses = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "posting.txt"
        for group, ids, sentence in rows():
            path.write_text(f"Senior AI Architect\nRequirements\n- {sentence}\n", encoding="utf-8")
            profile, _ = scanner.extract(path, kind="posting")
            found = {h.skill_id for h in profile.skills if h.counted}
            hit = any(s in ids or set(ids) & set(taxonomy.broader(s)) for s in found)
            total[(group, ids[0])] += 1
            right[(group, ids[0])] += hit
            if not hit and group not in HELD_OUT:
                misses.append((group, ids[0], sentence, sorted(found)))
    competencies = sorted({c for _, c in total})
    groups = sorted({g for g, _ in total})
    print(f"{'competency':24}" + "".join(f"{'set ' + g:>10}" for g in groups))
    for c in competencies:
        cells = [f"{right[(g, c)]}/{total[(g, c)]}" for g in groups]
        print(f"{c:24}" + "".join(f"{cell:>10}" for cell in cells))
    sums = [
        (sum(right[(g, c)] for c in competencies), sum(total[(g, c)] for c in competencies))
        for g in groups
    ]
    print(f"{'all':24}" + "".join(f"{f'{r}/{n}':>10}" for r, n in sums))
    if args.misses:
        for group, competency, sentence, found in misses:
            print(f"  set {group} {competency}: {sentence!r} found {found}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
