"""Accuracy of gapscan.experience on the annotated sets in data/experience/.

Prints date-range precision and recall (a role's range is right when its start and end months
equal a gold role's), the share of resumes whose total months are exact and within one month,
and requirement precision and recall per kind (a requirement is right when every gold field
of it is equal). Run: python benchmarks/experience.py [--json] [--errors]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Hashable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gapscan.experience.requirements import parse_posting  # noqa: E402
from gapscan.experience.roles import find_roles  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "experience"
KINDS = ("experience", "education", "certification", "constraint")


def load(name: str) -> list[dict[str, Any]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def month(day: date | None) -> str:
    return "present" if day is None else f"{day.year:04d}-{day.month:02d}"


def overlap(predicted: Iterable[Hashable], gold: Iterable[Hashable]) -> tuple[int, int, int]:
    """(true positives, predicted, gold) of two multisets."""
    p, g = Counter(predicted), Counter(gold)
    return sum((p & g).values()), sum(p.values()), sum(g.values())


def ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def resume_figures(name: str, show_errors: bool) -> dict[str, Any]:
    hit = predicted = gold = exact = near = 0
    resumes = load(name)
    for resume in resumes:
        as_of = date.fromisoformat(resume["as_of"])
        scan = find_roles(resume["text"], as_of)
        got = [(month(r.dates.start), month(r.dates.end)) for r in scan.roles]
        want = [(r["start"], r["end"]) for r in resume["roles"]]
        tp, n_pred, n_gold = overlap(got, want)
        hit, predicted, gold = hit + tp, predicted + n_pred, gold + n_gold
        exact += scan.total_months == resume["total_months"]
        near += abs(scan.total_months - resume["total_months"]) <= 1
        if show_errors and (
            tp != n_pred or tp != n_gold or scan.total_months != resume["total_months"]
        ):
            print(f"  {resume['id']}: got {got} ({scan.total_months} months), "
                  f"gold {want} ({resume['total_months']} months)")  # fmt: skip
    return {
        "resumes": len(resumes),
        "date_range_precision": ratio(hit, predicted),
        "date_range_recall": ratio(hit, gold),
        "total_months_exact": exact / len(resumes),
        "total_months_within_1": near / len(resumes),
    }


def predicted_requirements(text: str) -> list[dict[str, Any]]:
    """The parser's findings in the gold's shape."""
    found = parse_posting(text)
    out: list[dict[str, Any]] = []
    for e in found.experience:
        out.append({"kind": "experience", "min_years": e.min_years, "max_years": e.max_years,
                    "skills": list(e.skills), "importance": e.importance})  # fmt: skip
    for d in found.education:
        out.append({"kind": "education", "level": d.level, "fields": sorted(d.fields),
                    "or_equivalent": d.or_equivalent, "importance": d.importance})  # fmt: skip
    for c in found.certifications:
        out.append({"kind": "certification", "name": c.name, "importance": c.importance})
    for k in found.constraints:
        out.append({"kind": "constraint", "type": k.kind, "value": k.value})
    return out


def key(requirement: dict[str, Any]) -> Hashable:
    """What must be equal for a requirement to be right: every field, text case ignored."""

    def norm(value: Any) -> Hashable:
        if isinstance(value, str):
            return value.casefold()
        if isinstance(value, list):
            return tuple(sorted(norm(v) for v in value))  # type: ignore[type-var]
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return value  # type: ignore[no-any-return]

    return tuple(sorted((field, norm(value)) for field, value in requirement.items()))


def posting_figures(name: str, show_errors: bool) -> dict[str, Any]:
    counts = {kind: [0, 0, 0] for kind in KINDS}
    postings = load(name)
    for posting in postings:
        got = predicted_requirements(posting["text"])
        for kind in KINDS:
            mine = [key(r) for r in got if r["kind"] == kind]
            theirs = [key(r) for r in posting["gold"] if r["kind"] == kind]
            tp, n_pred, n_gold = overlap(mine, theirs)
            for i, n in enumerate((tp, n_pred, n_gold)):
                counts[kind][i] += n
            if show_errors and (tp != n_pred or tp != n_gold):
                print(f"  {posting['id']} [{kind}]: got {[r for r in got if r['kind'] == kind]}, "
                      f"gold {[r for r in posting['gold'] if r['kind'] == kind]}")  # fmt: skip
    figures: dict[str, Any] = {"postings": len(postings)}
    for kind, (tp, n_pred, n_gold) in counts.items():
        figures[kind] = {"precision": ratio(tp, n_pred), "recall": ratio(tp, n_gold),
                         "gold": n_gold, "predicted": n_pred}  # fmt: skip
    return figures


SETS = {
    "annotated": ("resumes.jsonl", "postings.jsonl"),
    "held-out": ("resumes_heldout.jsonl", "postings_heldout.jsonl"),
}


def report(title: str, figures: dict[str, Any]) -> None:
    r, p = figures["resumes"], figures["postings"]
    print(f"{title}: {r['resumes']} experience sections, {p['postings']} posting sentences")
    print(f"  date ranges    precision {r['date_range_precision']:.3f}  "
          f"recall {r['date_range_recall']:.3f}")  # fmt: skip
    print(f"  total months   exact {r['total_months_exact']:.1%}  "
          f"within ±1 month {r['total_months_within_1']:.1%}")  # fmt: skip
    for kind in KINDS:
        k = p[kind]
        print(f"  {kind:<15}precision {k['precision']:.3f}  recall {k['recall']:.3f}  "
              f"({k['predicted']} found, {k['gold']} gold)")  # fmt: skip


def all_figures(show_errors: bool = False) -> dict[str, Any]:
    """Every figure of both sets (``benchmarks/accuracy.py`` prints them too)."""
    return {
        title: {
            "resumes": resume_figures(resumes, show_errors),
            "postings": posting_figures(postings, show_errors),
        }
        for title, (resumes, postings) in SETS.items()
    }


def print_figures(figures: dict[str, Any]) -> None:
    for title, numbers in figures.items():
        report(title, numbers)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--errors", action="store_true", help="list every miss first")
    args = parser.parse_args()
    figures = all_figures(args.errors)
    if args.json:
        print(json.dumps(figures, indent=2, sort_keys=True))
        return
    print_figures(figures)


if __name__ == "__main__":
    main()
