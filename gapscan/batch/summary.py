"""The batch's summaries (pure): candidates ranked by score, and the "train or hire" view.

For every posting requirement the cohort view counts how many assessed candidates miss it
or meet it only through a related skill. Resumes with the same content count once.
"""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass
from typing import Any

from .. import __version__
from ..experience.requirements import CONSTRAINT_KINDS
from ..records import Importance
from ..report.serialize import SCHEMA_VERSION
from .output import Outcome

STATUS_ORDER = {"ok": 0, "not_assessed": 1, "failed": 2, "skipped": 3}
CSV_COLUMNS = (
    "rank", "file", "status", "score",
    "required_matched", "required_partial", "required_missing",
    "preferred_matched", "preferred_partial", "preferred_missing",
    "reason", "report", "experience_months", *CONSTRAINT_KINDS,
)  # fmt: skip


def ranked(outcomes: list[Outcome]) -> list[Outcome]:
    """Assessed candidates by score (best first), then the rest by status; ties by file."""
    return sorted(
        outcomes,
        key=lambda o: (
            STATUS_ORDER[o.status],
            -(o.score if o.score is not None else -1.0),
            o.rel,
        ),
    )


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(cell: str) -> str:
    """A text cell a spreadsheet will not run as a formula (OWASP "CSV injection").

    Candidates choose their file names: "=cmd|'/c calc'!A1.pdf" must stay text, so a cell
    that starts like a formula gets a leading apostrophe, which spreadsheets show as text.
    """
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def summary_csv(outcomes: list[Outcome]) -> str:
    """``summary.csv``: one row per file, ranked; rank only for assessed candidates. Then the
    candidate's total experience in months and a column per constraint kind (what the resume
    states, "not stated", or empty when the posting states nothing of the kind).

    Every text cell (file, reason, report, constraints) is made inert against formula injection.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for number, o in enumerate(ranked(outcomes), start=1):
        counts = list(o.counts) if o.counts else [""] * 6
        reason = o.reason or (f"same content as {o.duplicate_of}" if o.duplicate_of else "")
        score = "" if o.score is None else f"{o.score:g}"
        rank = number if o.status == "ok" else ""
        texts = [inert(o.rel), o.status, score, *counts, inert(reason), inert(o.report or "")]
        months = "" if o.experience_months is None else o.experience_months
        cells = o.constraints or ("",) * len(CONSTRAINT_KINDS)
        writer.writerow([rank, *texts, months, *(inert(c) for c in cells)])
    return buffer.getvalue()


def counts_by_status(outcomes: list[Outcome]) -> dict[str, int]:
    counts = {status: 0 for status in STATUS_ORDER}
    for o in outcomes:
        counts[o.status] += 1
    counts["duplicates"] = sum(o.duplicate_of is not None for o in outcomes)
    return counts


@dataclass(frozen=True)
class RequirementCount:
    """How many assessed candidates miss one requirement, meet it in part, or meet it."""

    skills: tuple[str, ...]
    name: str
    importance: Importance
    missing: int = 0
    partial: int = 0
    matched: int = 0


@dataclass(frozen=True)
class Cohort:
    """The "train or hire" view of a batch: files by status, and each requirement's counts."""

    files: dict[str, int]
    candidates_assessed: int
    requirements: tuple[RequirementCount, ...]  # required first, most often missing first


def cohort(outcomes: list[Outcome]) -> Cohort:
    """How many candidates lack each requirement of the posting (a content counts once)."""
    assessed = [o for o in outcomes if o.status == "ok" and o.duplicate_of is None]
    rows: dict[tuple[str, ...], dict[str, int]] = {}
    first: dict[tuple[str, ...], tuple[str, Importance]] = {}
    for o in assessed:
        for gap in o.gaps:
            first.setdefault(gap.skills, (gap.name, gap.importance))
            row = rows.setdefault(gap.skills, {"missing": 0, "partial": 0, "matched": 0})
            row[gap.status] += 1
    counts = [
        RequirementCount(k, *first[k], row["missing"], row["partial"], row["matched"])
        for k, row in rows.items()
    ]
    counts.sort(key=lambda r: (r.importance != "required", -r.missing, -r.partial, r.name))
    return Cohort(counts_by_status(outcomes), len(assessed), tuple(counts))


def cohort_dict(view: Cohort, posting: dict[str, Any], taxonomy: dict[str, Any]) -> dict[str, Any]:
    """``cohort.json``."""
    return {
        "schema_version": SCHEMA_VERSION,
        "gapscan_version": __version__,
        "taxonomy": taxonomy,
        "posting": posting,
        "files": view.files,
        "candidates_assessed": view.candidates_assessed,
        "requirements": [{**asdict(r), "skills": list(r.skills)} for r in view.requirements],
    }


def text_summary(outcomes: list[Outcome], view: Cohort, out: str, top: int = 5) -> str:
    """The closing summary printed on stdout."""
    c = view.files
    n = view.candidates_assessed
    lines = [
        f"{len(outcomes)} files: {c['ok']} ok, {c['not_assessed']} not assessed, "
        f"{c['failed']} failed, {c['skipped']} skipped ({c['duplicates']} duplicates)",
    ]
    if view.requirements:
        lines += ["", f"Train or hire: how many of the {n} assessed candidates lack each skill"]
        lines.append(f"  {'importance':<10}  {'missing':>7}  {'partial':>7}  skill")
        for r in view.requirements:
            lines.append(f"  {r.importance:<10}  {r.missing:>7}  {r.partial:>7}  {r.name}")
    best = [o for o in ranked(outcomes) if o.status == "ok" and o.duplicate_of is None][:top]
    if best:
        lines += ["", "Top candidates"]
        lines += [f"  {i}. {o.score if o.score is not None else '-':>5}  {o.rel}"
                  for i, o in enumerate(best, start=1)]  # fmt: skip
    lines += ["", f"Reports in {out}: summary.csv, results.jsonl, cohort.json, resumes/"]
    return "\n".join(lines) + "\n"
