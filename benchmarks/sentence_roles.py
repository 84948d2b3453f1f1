"""Sentence roles: how often ``sentence_role`` gives a posting's sentence the role we labelled.

The labels are benchmarks/data/sentence_roles.jsonl: every sentence and list item of our
own postings (benchmarks/data/postings/ and samples/postings/), split at the offsets
gapscan's sentence boundaries give, each labelled by reading it (requirement,
responsibility, company, benefits, application, title, other; heading lines are left out).
The documents are split once, by name: every third in sorted order is held out (11 of 33),
the rest is the development part the rules were written against. Prints accuracy and
per-role precision/recall for both parts, and the same for the sentences whose section
does not decide their role (a heading of its own would: About us, Benefits, How to apply,
the title line), where the sentence's words have to, and the accuracy of the section's role
alone (requirements, responsibilities, ...; ``other`` elsewhere) to compare.

    python benchmarks/sentence_roles.py [--errors]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LABELS = REPO / "benchmarks" / "data" / "sentence_roles.jsonl"
SPLITS = ("development", "held-out")


def load() -> list[dict[str, object]]:
    """The labelled sentences, in file order."""
    lines = LABELS.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def predict(rows: list[dict[str, object]]) -> list[tuple[str, str, str, bool]]:
    """(gold, predicted, the section's role alone, section decides) for every sentence."""
    from gapscan.read.sections import detect_sections
    from gapscan.skills.roles import HEADING_ROLES, LIST_ROLES, sentence_role

    texts: dict[str, str] = {}
    out = []
    for row in rows:
        doc, start, end = str(row["doc"]), int(str(row["start"])), int(str(row["end"]))
        if doc not in texts:
            texts[doc] = (REPO / doc).read_text(encoding="utf-8")
        text = texts[doc]
        if text[start:end] != row["text"]:
            raise SystemExit(f"{LABELS.name}: {doc} {start}-{end} no longer holds its sentence")
        section = next(s for s in detect_sections(text, posting=True) if s.start <= start < s.end)
        role = sentence_role(text, start, end, section.kind)
        alone = HEADING_ROLES.get(section.kind) or LIST_ROLES.get(section.kind) or "other"
        out.append((str(row["role"]), role, alone, section.kind in HEADING_ROLES))
    return out


def figures(pairs: Sequence[tuple[str, str]]) -> dict[str, object]:
    """Accuracy and per-role precision, recall and support."""
    from gapscan.skills.roles import ROLES

    right = sum(g == p for g, p in pairs)
    per_role = {}
    for role in ROLES:
        tp = sum(g == p == role for g, p in pairs)
        predicted = sum(p == role for _, p in pairs)
        gold = sum(g == role for g, _ in pairs)
        if predicted or gold:
            per_role[role] = {
                "precision": tp / predicted if predicted else None,
                "recall": tp / gold if gold else None,
                "n": gold,
            }
    return {"accuracy": right / len(pairs) if pairs else None, "n": len(pairs), "roles": per_role}


def _pct(x: object) -> str:
    return "  n/a" if x is None else f"{float(str(x)):5.3f}"


def print_figures(name: str, result: dict[str, object]) -> None:
    print(f"{name}: accuracy {_pct(result['accuracy'])} over {result['n']} sentences")
    roles = result["roles"]
    assert isinstance(roles, dict)
    for role, f in roles.items():
        print(
            f"  {role:<15} precision {_pct(f['precision'])}  recall {_pct(f['recall'])}  n={f['n']}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--errors", action="store_true", help="list the sentences given a wrong role"
    )
    args = parser.parse_args(argv)
    rows = load()
    results = predict(rows)
    for split in SPLITS:
        chosen = [r for row, r in zip(rows, results, strict=True) if row["split"] == split]
        print_figures(split, figures([(g, p) for g, p, _, _ in chosen]))
        print_figures(
            f"{split}, section not deciding", figures([(g, p) for g, p, _, d in chosen if not d])
        )
        alone = figures([(g, a) for g, _, a, _ in chosen])["accuracy"]
        print(f"{split}: the section's role alone (no sentence rules) {_pct(alone)}\n")
    if args.errors:
        confusions: Counter[tuple[str, str]] = Counter()
        for row, (gold, role, _, _) in zip(rows, results, strict=True):
            if gold != role:
                confusions[gold, role] += 1
                print(f"{row['split']:<12} {gold:>14} -> {role:<14} {row['doc']}: {row['text']}")
        print("confusions:", ", ".join(f"{g}->{p} x{n}" for (g, p), n in confusions.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
