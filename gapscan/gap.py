"""The gap: how a resume meets each requirement, the score, and the learning plan (pure).

Score = 100 * points / max_points. Each requirement is worth its weight (required 2,
preferred 1); it earns the full weight when matched, ``PARTIAL_CREDIT`` of it when a related
skill stands in, nothing when missing. The report carries every number in that sum.
"""

from __future__ import annotations

from .records import (
    NO_TEXT_LAYER,
    Gap,
    GapReport,
    Importance,
    PlanItem,
    ReportStatus,
    Requirement,
    Score,
    ScoreLine,
    SkillProfile,
)
from .taxonomy import Taxonomy

WEIGHTS: dict[Importance, float] = {"required": 2.0, "preferred": 1.0}
PARTIAL_CREDIT = 0.5
NO_STEP = 99  # sorts skills without a roadmap step last


def classify(requirement: Requirement, have: frozenset[str], taxonomy: Taxonomy) -> Gap:
    """Matched by any alternative, partial through a related skill, else missing."""
    weight = WEIGHTS[requirement.importance]
    met = [s for s in requirement.skills if s in have]
    if met:
        return Gap(requirement, "matched", met[0], weight, weight)
    stand_ins = sorted({r for s in requirement.skills for r in taxonomy.related(s)} & have)
    if stand_ins:
        return Gap(requirement, "partial", stand_ins[0], weight * PARTIAL_CREDIT, weight)
    return Gap(requirement, "missing", None, 0.0, weight)


def score(gaps: tuple[Gap, ...]) -> Score:
    lines = []
    for level in ("required", "preferred"):
        these = [g for g in gaps if g.requirement.importance == level]
        lines.append(
            ScoreLine(
                importance=level,
                weight=WEIGHTS[level],
                total=len(these),
                matched=sum(g.status == "matched" for g in these),
                partial=sum(g.status == "partial" for g in these),
                missing=sum(g.status == "missing" for g in these),
                points=sum(g.credit for g in these),
                max_points=sum(g.weight for g in these),
            )
        )
    result = Score(None, tuple(lines), PARTIAL_CREDIT)
    if result.max_points == 0:
        return result
    return Score(round(100 * result.points / result.max_points, 1), tuple(lines), PARTIAL_CREDIT)


def first_step(skill_id: str, taxonomy: Taxonomy) -> int:
    steps = taxonomy.skill(skill_id).steps
    return min(steps) if steps else NO_STEP


def learning_plan(gaps: tuple[Gap, ...], taxonomy: Taxonomy) -> tuple[PlanItem, ...]:
    """Missing then partial gaps, ordered by importance, then roadmap step, then name."""
    items = []
    for gap in gaps:
        if gap.status == "matched":
            continue
        learn = min(gap.requirement.skills, key=lambda s: (first_step(s, taxonomy), s))
        steps = taxonomy.skill(learn).steps
        courses = tuple(c.id for c in taxonomy.learning_resources((learn,)))
        items.append((gap, learn, steps, courses))
    items.sort(
        key=lambda it: (
            0 if it[0].requirement.importance == "required" else 1,
            0 if it[0].status == "missing" else 1,
            first_step(it[1], taxonomy),
            taxonomy.skill(it[1]).name.lower(),
        )
    )
    return tuple(
        PlanItem(rank, gap, learn, steps, courses)
        for rank, (gap, learn, steps, courses) in enumerate(items, start=1)
    )


def assess(
    resume: SkillProfile,
    posting: SkillProfile,
    requirements: tuple[Requirement, ...],
    taxonomy: Taxonomy,
    posting_label: str,
) -> GapReport:
    """The whole gap report; a resume without readable text is not assessed, never 0%."""
    status: ReportStatus = "assessed"
    reason = None
    if not resume.document.readable:
        status = "not_assessed"
        layer = [w for w in resume.document.warnings if w.startswith(NO_TEXT_LAYER)]
        reason = layer[0] if layer else "the resume has no readable text"
    elif not requirements:
        status = "not_assessed"
        reason = "no skill from the taxonomy was found in the posting"
    if status != "assessed":
        empty = score(())
        return GapReport(resume, posting, posting_label, requirements, (), empty, status, reason)
    have = resume.counted_ids()
    gaps = tuple(classify(r, have, taxonomy) for r in requirements)
    return GapReport(
        resume,
        posting,
        posting_label,
        requirements,
        gaps,
        score(gaps),
        status,
        reason,
        learning_plan(gaps, taxonomy),
    )
