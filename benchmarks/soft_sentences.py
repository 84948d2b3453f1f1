"""Soft skills and competencies stated in plain words, one sentence at a time.

    python benchmarks/soft_sentences.py              # dev and held-out figures
    python benchmarks/soft_sentences.py --misses     # ... and the dev split's errors

``benchmarks/data/competency_sentences/`` holds 1,855 sentences in a posting's or a resume's
voice, written and labelled by helper sessions that saw no code and no taxonomy forms, only
a list of competencies (id, name, description): 40 for each competency, most of them in plain
words rather than its name, and negatives that state none (technical duties, company blurbs,
other people's work, near-misses such as "communication protocols"). Scope ``a`` (1,197
sentences) was labelled against the 22 soft skills plus scalability and reliability; scope
``b`` (658) against those and 12 architect competencies (AI strategy, solution, system and
cloud architecture, model deployment and monitoring, data security, regulatory compliance,
risk management, responsible AI, prototyping); ``scopes.json`` lists each. A fifth of the
sentences, chosen by a hash of the text, is held out (``held-out.jsonl``): only its totals
are printed, so that it stays a measure of wordings nobody tuned on.

Each sentence is read as one bullet of a posting's requirements or of a resume's experience,
by its voice. A sentence's found skills are the counted ones in its scope; printed are micro
precision and recall over (sentence, skill) pairs, the negatives given a skill, and each
skill's recall.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "competency_sentences"


def read(name: str) -> list[tuple[str, str, frozenset[str], frozenset[str]]]:
    """(voice, text, skill ids, the ids it was labelled against) of every line of one split."""
    scopes = json.loads((DATA / "scopes.json").read_text(encoding="utf-8"))
    out = []
    for line in (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            scope = frozenset(scopes[row["scope"]])
            out.append((row["voice"], row["text"], frozenset(row["skills"]), scope))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="print the dev split's errors")
    args = parser.parse_args(argv)
    from gapscan.scanner import Scanner

    scanner = Scanner()
    splits = {name: read(name) for name in ("dev", "held-out")}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.txt"
        for name, rows in splits.items():
            tp: Counter[str] = Counter()
            fp: Counter[str] = Counter()
            fn: Counter[str] = Counter()
            flagged = negatives = 0
            errors = []
            for voice, text, gold, scope in rows:
                if voice == "posting":
                    path.write_text(f"Senior AI Architect\nRequirements\n- {text}\n", "utf-8")
                else:
                    path.write_text(f"Jane Doe\nExperience\n- {text}\n", "utf-8")
                profile, _ = scanner.extract(path, kind=voice)
                found = {h.skill_id for h in profile.skills if h.counted} & scope
                for s in found & gold:
                    tp[s] += 1
                for s in found - gold:
                    fp[s] += 1
                for s in gold - found:
                    fn[s] += 1
                if not gold:
                    negatives += 1
                    flagged += bool(found)
                if found != gold:
                    errors.append((voice, text, sorted(gold), sorted(found)))
            t, f, n = sum(tp.values()), sum(fp.values()), sum(fn.values())
            precision = t / (t + f) if t + f else 0.0
            recall = t / (t + n) if t + n else 0.0
            print(
                f"{name}: {len(rows)} sentences; precision {precision:.3f} recall {recall:.3f} "
                f"(tp {t}, fp {f}, fn {n}); negatives given a skill {flagged}/{negatives}"
            )
            if name != "dev":
                continue  # held out: totals only
            for s in sorted(set(tp) | set(fn)):
                print(f"  {s:30} recall {tp[s]}/{tp[s] + fn[s]}  false positives {fp[s]}")
            if args.misses:
                for voice, text, gold, found in errors:
                    print(f"  [{voice}] {text!r} gold {gold} found {found}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
