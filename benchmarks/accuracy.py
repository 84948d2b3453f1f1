"""Accuracy benchmark: how right gapscan's extracted skills are, on our corpus and public data.

Prints precision / recall / F1 of document-level skill sets (technical, soft, and
certification+education apart), mention precision and required/preferred accuracy for the
annotated corpus in benchmarks/data (gold: benchmarks/data/gold.json, see benchmarks/README.md),
then SkillSpan dev mention precision/recall and RenderCV layout invariance from
../shared/eval (skipped with a message when absent), how many documents of every
source (our corpus, the samples, each ../shared/eval folder) ``extract`` reads as the kind
they are, the postings' coverage (the share of their terms gapscan recognised), and last the
experience, education, certification and constraint figures of benchmarks/experience.py.

    python benchmarks/accuracy.py [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "benchmarks" / "data"
EVAL = REPO.parent / "shared" / "eval"
GROUPS = ("technical", "soft", "cert/edu")
TOP = 15


# ----------------------------------------------------------------------------- pure scoring


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1; an empty denominator scores 1.0 (nothing to get wrong)."""
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def set_counts(gold: Iterable[str], found: Iterable[str]) -> tuple[int, int, int]:
    """True positives, false positives and false negatives of two id sets."""
    g, f = set(gold), set(found)
    return len(g & f), len(f - g), len(g - f)


def group_of(skill_type: str) -> str:
    """Report group of a taxonomy skill type: certifications and education go together."""
    return skill_type if skill_type in ("technical", "soft") else "cert/edu"


def importance_accuracy(
    gold: Mapping[str, str], found: Mapping[str, str | None]
) -> tuple[int, int]:
    """Correct and total labels over the gold posting skills that were found."""
    pairs = [(level, found[sid]) for sid, level in gold.items() if sid in found]
    return sum(g == f for g, f in pairs), len(pairs)


def overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    """True when [start, end) shares at least one character with a span."""
    return any(start < e and s < end for s, e in spans)


def jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    x, y = set(a), set(b)
    return len(x & y) / len(x | y) if x | y else 1.0


@dataclass(frozen=True)
class Form:
    """One taxonomy surface form; ``exact`` forms match only with their own casing."""

    skill_id: str
    text: str
    exact: bool


def form_pattern(form: Form) -> re.Pattern[str]:
    """Word-bounded pattern for a form, with a plural 's' allowed on names and aliases."""
    body = re.escape(form.text).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]?")
    tail = "" if form.exact else "(?:s|es)?"
    flags = 0 if form.exact else re.IGNORECASE
    return re.compile(rf"(?<![\w+#]){body}{tail}(?![\w+#])", flags)


def surface_skills(text: str, patterns: Sequence[tuple[str, re.Pattern[str]]]) -> set[str]:
    """The skill ids whose surface forms occur in the text."""
    return {sid for sid, pat in patterns if pat.search(text)}


def first_line_end(text: str) -> int:
    """Offset where the first line (a SkillSpan posting's unannotated title) ends."""
    nl = text.find("\n")
    return len(text) if nl < 0 else nl


# ----------------------------------------------------------------------------- running gapscan


@dataclass
class Tally:
    """Running counts for one corpus."""

    sets: dict[str, list[int]] = field(default_factory=lambda: {g: [0, 0, 0] for g in GROUPS})
    mentions: list[int] = field(default_factory=lambda: [0, 0])  # right, counted
    importance: list[int] = field(default_factory=lambda: [0, 0])
    fps: Counter[str] = field(default_factory=Counter)
    fns: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)
    docs: int = 0


def snippet(text: str, start: int, end: int, width: int = 40) -> str:
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    return " ".join(f"{left}[{text[start:end]}]{right}".split())


def score_document(
    tally: Tally,
    name: str,
    profile: Any,
    gold: Mapping[str, str] | Sequence[str],
    types: Mapping[str, str],
    patterns: Sequence[tuple[str, re.Pattern[str]]],
    posting: bool,
) -> None:
    """Add one document's figures to the corpus tally."""
    from gapscan.profiles import posting_requirements

    text = profile.document.text
    gold_ids = set(gold)
    found = set(profile.counted_ids())
    tally.docs += 1
    for group in GROUPS:
        g = {s for s in gold_ids if group_of(types[s]) == group}
        f = {s for s in found if group_of(types.get(s, "technical")) == group}
        for i, n in enumerate(set_counts(g, f)):
            tally.sets[group][i] += n
    for hit in profile.skills:
        for m in hit.mentions:
            if m.counted:
                tally.mentions[0] += hit.skill_id in gold_ids
                tally.mentions[1] += 1
        if hit.counted and hit.skill_id not in gold_ids:
            tally.fps[hit.skill_id] += 1
            m = next(m for m in hit.mentions if m.counted)
            tally.examples.setdefault(
                f"fp:{hit.skill_id}", f"{name}: {snippet(text, m.start, m.end)}"
            )
    for sid in sorted(gold_ids - found):
        tally.fns[sid] += 1
        pat = dict(patterns).get(sid)
        hit_m = pat.search(text) if pat else None
        where = snippet(text, hit_m.start(), hit_m.end()) if hit_m else "(paraphrased)"
        tally.examples.setdefault(f"fn:{sid}", f"{name}: {where}")
    if posting and isinstance(gold, Mapping):
        levels: dict[str, str | None] = {
            h.skill_id: h.importance for h in profile.skills if h.counted
        }
        for req in posting_requirements(profile):
            for sid in req.skills:
                if levels.get(sid) != "required":
                    levels[sid] = req.importance
        ok, total = importance_accuracy(gold, levels)
        tally.importance[0] += ok
        tally.importance[1] += total


def tally_figures(tally: Tally) -> dict[str, Any]:
    out: dict[str, Any] = {"documents": tally.docs}
    for group, (tp, fp, fn) in tally.sets.items():
        p, r, f = prf(tp, fp, fn)
        out[group] = {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}
    right, counted = tally.mentions
    out["mention_precision"] = right / counted if counted else None
    ok, total = tally.importance
    out["importance_accuracy"] = ok / total if total else None
    out["importance_n"] = total
    out["worst_false_positives"] = [
        {"skill": s, "documents": n, "example": tally.examples[f"fp:{s}"]}
        for s, n in sorted(tally.fps.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]
    ]
    out["worst_false_negatives"] = [
        {"skill": s, "documents": n, "example": tally.examples[f"fn:{s}"]}
        for s, n in sorted(tally.fns.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]
    ]
    return out


def taxonomy_patterns(taxonomy: Any) -> list[tuple[str, re.Pattern[str]]]:
    """One compiled pattern per surface form of every skill (names/aliases, then exact forms)."""
    forms = [Form(s.id, t, False) for s in taxonomy.skills for t in s.case_insensitive_forms]
    forms += [Form(s.id, t, True) for s in taxonomy.skills for t in s.exact]
    return [(f.skill_id, form_pattern(f)) for f in forms]


def own_corpora(scanner: Any, patterns: Sequence[tuple[str, re.Pattern[str]]]) -> dict[str, Any]:
    gold_file = json.loads((DATA / "gold.json").read_text(encoding="utf-8"))
    documents: dict[str, Any] = gold_file["documents"]
    types = {s.id: s.type for s in scanner.taxonomy.skills}
    tallies = {"resumes (txt)": Tally(), "resumes (pdf)": Tally(), "postings": Tally()}
    for name, entry in sorted(documents.items()):
        kind = entry["kind"]
        profile, _ = scanner.extract(DATA / name, kind=kind)
        corpus = "postings" if kind == "posting" else "resumes (txt)"
        score_document(
            tallies[corpus], name, profile, entry["skills"], types, patterns, kind == "posting"
        )
        pdf = DATA / "resumes" / "pdf" / (Path(name).stem + ".pdf")
        if kind == "resume" and pdf.exists():
            profile, _ = scanner.extract(pdf, kind="resume")
            score_document(
                tallies["resumes (pdf)"], pdf.name, profile, entry["skills"], types, patterns, False
            )
    for folder in blind_sets():
        score_set(scanner, patterns, folder, f"blind{folder.name.removeprefix('set')}", tallies)
    return {corpus: tally_figures(t) for corpus, t in tallies.items()}


def score_set(
    scanner: Any,
    patterns: Sequence[tuple[str, re.Pattern[str]]],
    folder: Path,
    label: str,
    tallies: dict[str, Tally],
) -> None:
    """Score a blind-written set (``postings/``, ``resumes/`` and ``gold.json``) into
    ``tallies``, one corpus per kind."""
    types = {s.id: s.type for s in scanner.taxonomy.skills}
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))["documents"]
    for name, entry in sorted(gold.items()):
        kind = entry["kind"]
        profile, _ = scanner.extract(folder / name, kind=kind)
        score_document(
            tallies.setdefault(f"{label} {kind}s", Tally()),
            f"{folder.name}/{name}",
            profile,
            entry["skills"],
            types,
            patterns,
            kind == "posting",
        )


def held_out(scanner: Any, folder: Path, errors: bool) -> int:
    """``--set``: one set kept outside the repository, scored alone. Without ``--errors`` only
    the totals are printed, so that a held-out set can be measured without reading its
    errors (reading them makes it a tuning set)."""
    tallies: dict[str, Tally] = {}
    score_set(scanner, taxonomy_patterns(scanner.taxonomy), folder, folder.name, tallies)
    for corpus, tally in sorted(tallies.items()):
        fig = tally_figures(tally)
        parts = [f"{corpus} ({fig['documents']} documents)"]
        for group in GROUPS:
            g = fig[group]
            parts.append(
                f"{group} P {g['precision']:.3f} R {g['recall']:.3f}"
                f" (tp {g['tp']}, fp {g['fp']}, fn {g['fn']})"
            )
        if fig["importance_n"]:
            parts.append(f"req/pref {fig['importance_accuracy']:.3f} (n={fig['importance_n']})")
        print("; ".join(parts))
        if errors:
            for kind, rows in (("FP", "worst_false_positives"), ("FN", "worst_false_negatives")):
                for row in fig[rows]:
                    print(f"  {kind} {row['skill']} x{row['documents']}: {row['example']}")
    return 0


def blind_sets() -> list[Path]:
    """The corpora written and labelled blind (benchmarks/data/blind/set*/): see the README."""
    return sorted(p for p in (DATA / "blind").glob("set*") if (p / "gold.json").exists())


def skillspan(
    scanner: Any, patterns: Sequence[tuple[str, re.Pattern[str]]]
) -> dict[str, Any] | str:
    path = EVAL / "skillspan-dev" / "dev_postings.jsonl"
    if not path.exists():
        return f"skipped: {path} not found"
    right = counted = covered = recalled = mismatched = 0
    misses: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for line in path.read_text(encoding="utf-8").splitlines():
            post = json.loads(line)
            text: str = post["text"]
            spans = [
                (s["start"], s["end"])
                for s in post["spans"]
                if s["label"] in ("SKILL", "KNOWLEDGE")
            ]
            file = Path(tmp) / f"{post['doc_id']}.txt"
            file.write_text(text, encoding="utf-8")
            profile, _ = scanner.extract(file, kind="posting")
            if profile.document.text != text:
                mismatched += 1  # offsets would not line up: score this posting's mentions only
                continue
            title_end = first_line_end(text)
            mentions = [
                (m.start, m.end, h.skill_id)
                for h in profile.skills
                for m in h.mentions
                if m.counted and m.start >= title_end
            ]
            for s, e, sid in mentions:
                counted += 1
                if overlaps(s, e, spans):
                    right += 1
                else:
                    wrong[f"{sid}: {text[s:e]!r}"] += 1
            for s, e in spans:
                if surface_skills(text[s:e], patterns):
                    covered += 1
                    if overlaps(s, e, [(a, b) for a, b, _ in mentions]):
                        recalled += 1
                    else:
                        misses[text[s:e][:60]] += 1
    return {
        "mention_precision": right / counted if counted else None,
        "mentions": counted,
        "recall": recalled / covered if covered else None,
        "taxonomy_spans": covered,
        "postings_with_changed_text": mismatched,
        "top_unannotated_mentions": [f"{k} x{n}" for k, n in wrong.most_common(TOP)],
        "top_missed_spans": [f"{k!r} x{n}" for k, n in misses.most_common(TOP)],
    }


def detection_sources() -> dict[str, list[tuple[Path, bool]]]:
    """Documents of known kind (True: a posting), by source, read where they are."""
    gold = json.loads((DATA / "gold.json").read_text(encoding="utf-8"))["documents"]
    own = [(DATA / name, e["kind"] == "posting") for name, e in sorted(gold.items())]
    own += [(p, False) for p in sorted((DATA / "resumes" / "pdf").glob("*.pdf"))]
    own += [(p, False) for p in sorted((DATA / "personas" / "resumes").glob("*.*"))]
    for folder in blind_sets():
        own += [(p, True) for p in sorted((folder / "postings").glob("*.txt"))]
        own += [(p, False) for p in sorted((folder / "resumes").glob("*.txt"))]
    samples = [(p, True) for p in sorted((REPO / "samples" / "postings").glob("*.*"))]
    samples += [(p, False) for p in sorted((REPO / "samples" / "resumes").glob("*.*"))]
    return {
        "own corpus": own,
        "samples": samples,
        "eval/postings-resume-matcher": [
            (p, True) for p in sorted((EVAL / "postings-resume-matcher").glob("*.txt"))
        ],
        "eval/rendercv": [(p, False) for p in sorted((EVAL / "rendercv").glob("*.pdf"))],
    }


def detection(scanner: Any) -> dict[str, Any]:
    """Posting/resume auto-detection: right and total per source, and overall."""
    from gapscan.read.doctype import looks_like_posting

    def right(path: Path, posting: bool) -> bool:
        return looks_like_posting(scanner.read(path, posting=False).text) is posting

    out: dict[str, Any] = {}
    for source, docs in detection_sources().items():
        if docs:
            out[source] = [sum(right(p, k) for p, k in docs), len(docs)]
    skillspan_path = EVAL / "skillspan-dev" / "dev_postings.jsonl"
    if skillspan_path.exists():
        with tempfile.TemporaryDirectory() as tmp:
            ok = total = 0
            for line in skillspan_path.read_text(encoding="utf-8").splitlines():
                post = json.loads(line)
                file = Path(tmp) / f"{post['doc_id']}.txt"
                file.write_text(post["text"], encoding="utf-8")
                ok, total = ok + right(file, True), total + 1
            out["eval/skillspan-dev"] = [ok, total]
    ok = sum(r for r, _ in out.values())
    total = sum(n for _, n in out.values())
    out["all"] = [ok, total]
    return out


def coverage_figures(scanner: Any) -> dict[str, Any]:
    """Posting coverage (recognised / recognised + not recognised) per source of postings:
    the mean, how many postings fall below the warning line, and the terms seen most."""
    from gapscan.coverage import LOW_COVERAGE, posting_coverage

    known = detection_sources()
    sources = {
        source: [path for path, posting in known[source] if posting]
        for source in ("own corpus", "samples", "eval/postings-resume-matcher")
    }
    out: dict[str, Any] = {}
    for source, paths in sources.items():
        if not paths:
            continue
        ratios: list[float] = []
        terms: Counter[str] = Counter()
        for path in paths:
            profile, _ = scanner.extract(path, kind="posting")
            found = posting_coverage(profile, scanner.taxonomy)
            ratios.append(found.coverage.ratio)
            terms.update(u.text for u in found.not_recognised)
        out[source] = {
            "postings": len(ratios),
            "mean": sum(ratios) / len(ratios),
            "low": sum(r < LOW_COVERAGE for r in ratios),
            "top_not_recognised": [f"{t} x{n}" for t, n in terms.most_common(TOP)],
        }
    return out


def rendercv(scanner: Any) -> dict[str, Any] | str:
    folder = EVAL / "rendercv"
    pdfs = sorted(folder.glob("*.pdf")) if folder.exists() else []
    if not pdfs:
        return f"skipped: no PDFs in {folder}"
    sets = {p.stem: set(scanner.extract(p, kind="resume")[0].counted_ids()) for p in pdfs}
    union = set().union(*sets.values())
    inter = set.intersection(*sets.values())
    return {
        "union": len(union),
        "intersection": len(inter),
        "themes": {
            name: {
                "skills": len(s),
                "jaccard_vs_union": jaccard(s, union),
                "jaccard_vs_intersection": jaccard(s, inter),
                "missing": sorted(union - s),
                "extra": sorted(s - inter),
            }
            for name, s in sets.items()
        },
    }


# ----------------------------------------------------------------------------- printing


def pct(x: float | None) -> str:
    return "  n/a" if x is None else f"{x:5.3f}"


def print_report(figures: dict[str, Any]) -> None:
    print("Own corpus: document-level skill sets (P / R / F1, tp fp fn)")
    print(
        f"{'corpus':<15}{'docs':>5}  " + "  ".join(f"{g:<27}" for g in GROUPS) + " ment.P  req/pref"
    )
    for corpus, f in figures["own"].items():
        cells = [
            f"{pct(f[g]['precision'])} {pct(f[g]['recall'])} {pct(f[g]['f1'])} "
            f"{f[g]['tp']:>3} {f[g]['fp']:>2} {f[g]['fn']:>2}"
            for g in GROUPS
        ]
        imp = (
            f"{pct(f['importance_accuracy'])} (n={f['importance_n']})"
            if f["importance_n"]
            else "  -"
        )
        print(
            f"{corpus:<15}{f['documents']:>5}  "
            + "  ".join(f"{c:<27}" for c in cells)
            + f" {pct(f['mention_precision'])}  {imp}"
        )
    for corpus, f in figures["own"].items():
        for key, label in (
            ("worst_false_positives", "false positives"),
            ("worst_false_negatives", "false negatives"),
        ):
            print(f"\n{corpus}: worst {label} (skill, documents, first example)")
            for row in f[key]:
                print(f"  {row['skill']:<30}{row['documents']:>3}  {row['example'][:110]}")
    ss = figures["skillspan"]
    print("\nSkillSpan dev postings")
    if isinstance(ss, str):
        print(f"  {ss}")
    else:
        precision, recall = pct(ss["mention_precision"]), pct(ss["recall"])
        print(f"  mention precision {precision} over {ss['mentions']} counted mentions")
        print(f"  recall {recall} over {ss['taxonomy_spans']} gold spans naming a taxonomy skill")
        changed = ss["postings_with_changed_text"]
        print(f"  postings whose text gapscan changed (not scored): {changed}")
        print("  top mentions outside gold spans: " + "; ".join(ss["top_unannotated_mentions"]))
        print("  top missed gold spans: " + "; ".join(ss["top_missed_spans"]))
    rc = figures["rendercv"]
    print("\nRenderCV: one CV in nine themes")
    if isinstance(rc, str):
        print(f"  {rc}")
    else:
        print(f"  union {rc['union']} skills, intersection {rc['intersection']}")
        for name, t in rc["themes"].items():
            print(
                f"  {name:<42}{t['skills']:>3}  J(union) {t['jaccard_vs_union']:.3f}"
                f"  J(inter) {t['jaccard_vs_intersection']:.3f}"
                f"  missing {','.join(t['missing']) or '-'}  extra {','.join(t['extra']) or '-'}"
            )


def print_detection(figures: dict[str, list[int]]) -> None:
    print("\nPosting/resume detection (extract's auto kind): right / documents")
    for source, (ok, total) in figures.items():
        print(f"  {source:<32}{ok:>4} / {total:<4} {pct(ok / total if total else None)}")


def print_coverage(figures: dict[str, Any]) -> None:
    print("\nPosting coverage: mean ratio, postings under the warning line, terms not recognised")
    for source, f in figures.items():
        print(f"  {source:<32}{f['postings']:>4} postings  mean {f['mean']:.3f}  low {f['low']}")
        print("    " + "; ".join(f["top_not_recognised"]))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--set",
        type=Path,
        metavar="DIR",
        help="score only this blind set (postings/, resumes/, gold.json), e.g. one kept "
        "outside the repository; prints totals only",
    )
    parser.add_argument(
        "--errors", action="store_true", help="with --set: print its worst errors too"
    )
    args = parser.parse_args(argv)
    from gapscan.scanner import Scanner

    scanner = Scanner()
    if args.set is not None:
        return held_out(scanner, args.set, args.errors)
    patterns = taxonomy_patterns(scanner.taxonomy)
    from experience import all_figures, print_figures  # benchmarks/experience.py

    figures = {
        "own": own_corpora(scanner, patterns),
        "skillspan": skillspan(scanner, patterns),
        "rendercv": rendercv(scanner),
        "detection": detection(scanner),
        "coverage": coverage_figures(scanner),
        "experience": all_figures(),
    }
    if args.json:
        json.dump(figures, sys.stdout, indent=1, sort_keys=True)
        print()
    else:
        print_report(figures)
        print_detection(figures["detection"])
        print_coverage(figures["coverage"])
        print("\nExperience, education and constraints (benchmarks/experience.py)")
        print_figures(figures["experience"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
