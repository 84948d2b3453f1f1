"""The batch's summaries (pure): candidates ranked by score, and the "train or hire" view.

For every posting requirement the cohort view counts how many assessed candidates miss it
or meet it only through a related skill. Resumes with the same content count once.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from .. import __version__
from ..experience.requirements import CONSTRAINT_KINDS
from ..records import Importance
from ..report.serialize import SCHEMA_VERSION, with_header_field
from .identity import reference, shown_file
from .near_duplicates import near_duplicate_groups
from .output import Outcome

STATUS_ORDER = {"ok": 0, "not_assessed": 1, "failed": 2, "skipped": 3}
CSV_COLUMNS = (
    "rank", "file", "candidate", "status", "score",
    "required_matched", "required_partial", "required_missing",
    "preferred_matched", "preferred_partial", "preferred_missing",
    "missing_required_skills", "duplicates", "reason", "report", "experience_months",
    *CONSTRAINT_KINDS,
)  # fmt: skip
SKILL_SEPARATOR = "; "


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


def missing_required(o: Outcome) -> tuple[str, ...]:
    """The names of the posting's required skills the candidate lacks, sorted."""
    lacking = (g.name for g in o.gaps if g.importance == "required" and g.status == "missing")
    return tuple(sorted(lacking))


def duplicates_cell(
    o: Outcome, near: Mapping[str, tuple[str, ...]], by_rel: Mapping[str, Outcome], redact: bool
) -> str:
    """The duplicate flag: ``identical to X`` or ``near duplicate of A; B`` (or empty)."""

    def ref(rel: str) -> str:
        other = by_rel.get(rel)
        return reference(rel, other.sha256 if other else None, redact=redact)

    if o.duplicate_of is not None:
        return f"identical to {ref(o.duplicate_of)}"
    if o.rel in near:
        return "near duplicate of " + SKILL_SEPARATOR.join(sorted(ref(r) for r in near[o.rel]))
    return ""


def summary_csv(
    outcomes: list[Outcome],
    near: Mapping[str, tuple[str, ...]] | None = None,
    *,
    redact: bool = False,
) -> str:
    """``summary.csv``: one row per file, ranked; rank only for assessed candidates.

    ``near`` gives each near-duplicate file the others like it. Then the candidate's total
    experience in months and a column per constraint kind (what the resume states, "not
    stated", or empty when the posting states nothing of the kind). Every text cell is made
    inert against formula injection.
    """
    near = near or {}
    by_rel = {o.rel: o for o in outcomes}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for number, o in enumerate(ranked(outcomes), start=1):
        counts = list(o.counts) if o.counts else [""] * 6
        original = shown_file(o.duplicate_of, redact=redact) if o.duplicate_of else None
        reason = o.reason or (f"same content as {original}" if original else "")
        score = "" if o.score is None else f"{o.score:g}"
        rank = number if o.status == "ok" else ""
        months = "" if o.experience_months is None else o.experience_months
        cells = o.constraints or ("",) * len(CONSTRAINT_KINDS)
        texts = [
            shown_file(o.rel, redact=redact), o.candidate or "", o.status, score, *counts,
            SKILL_SEPARATOR.join(missing_required(o)), duplicates_cell(o, near, by_rel, redact),
            reason, o.report or "", months, *cells,
        ]  # fmt: skip
        writer.writerow([rank, *(inert(t) if isinstance(t, str) else t for t in texts)])
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
    near_duplicates: tuple[tuple[Outcome, ...], ...] = ()  # groups, each sorted by file


def cohort(outcomes: list[Outcome], near: Mapping[str, tuple[str, ...]] | None = None) -> Cohort:
    """How many candidates lack each requirement of the posting (a content counts once).

    Near duplicates (``near``) are flagged as groups, and still counted one by one: they
    are files a person should look at, not copies gapscan may merge on its own.
    """
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
    by_rel = {o.rel: o for o in outcomes}
    groups = tuple(
        tuple(by_rel[rel] for rel in group) for group in near_duplicate_groups(near or {})
    )
    return Cohort(counts_by_status(outcomes), len(assessed), tuple(counts), groups)


def cohort_dict(
    view: Cohort, posting: dict[str, Any], taxonomy: dict[str, Any], *, redact: bool = False
) -> dict[str, Any]:
    """``cohort.json`` (marked ``"redacted": true`` under ``--redact``)."""
    data = {
        "schema_version": SCHEMA_VERSION,
        "gapscan_version": __version__,
        "taxonomy": taxonomy,
        "posting": posting,
        "files": view.files,
        "candidates_assessed": view.candidates_assessed,
        "requirements": [{**asdict(r), "skills": list(r.skills)} for r in view.requirements],
        "near_duplicates": [
            [{"file": shown_file(o.rel, redact=redact), "candidate": o.candidate} for o in group]
            for group in view.near_duplicates
        ],
    }
    return with_header_field(data, "redacted", True) if redact else data


def text_summary(
    outcomes: list[Outcome], view: Cohort, out: str, top: int = 5, *, redact: bool = False
) -> str:
    """The closing summary printed on stdout."""
    c = view.files
    n = view.candidates_assessed

    def who(o: Outcome) -> str:
        return reference(o.rel, o.sha256, redact=redact)

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
        lines += [f"  {i}. {o.score if o.score is not None else '-':>5}  {who(o)}"
                  for i, o in enumerate(best, start=1)]  # fmt: skip
    if view.near_duplicates:
        lines += ["", "Near duplicates (the same CV in other files? each is still counted)"]
        lines += ["  " + SKILL_SEPARATOR.join(who(o) for o in group)
                  for group in view.near_duplicates]  # fmt: skip
    written = "index.html, summary.csv, results.jsonl, cohort.json, resumes/"
    lines += ["", f"Reports in {out}: {written}"]
    return "\n".join(lines) + "\n"
