"""The gap: how a resume meets each requirement, the score, and the learning plan (pure).

Score = 100 * points / max_points. Each requirement is worth its weight (required 2,
preferred 1); it earns the full weight when matched (by the skill or a kind of it: Apache
Airflow for workflow orchestration), ``PARTIAL_CREDIT`` of it when a broader or related skill
stands in, nothing when missing. The report carries every number in that sum.
"""

from __future__ import annotations

from .plan import learning_plan
from .records import (
    NO_TEXT_LAYER,
    Gap,
    GapReport,
    Importance,
    ReportStatus,
    Requirement,
    Score,
    ScoreLine,
    SkillProfile,
)
from .taxonomy import Taxonomy

WEIGHTS: dict[Importance, float] = {"required": 2.0, "preferred": 1.0}
PARTIAL_CREDIT = 0.5


def classify(requirement: Requirement, have: frozenset[str], taxonomy: Taxonomy) -> Gap:
    """Matched by an alternative or by a kind of it; partial through a broader or related
    skill; else missing."""
    weight = WEIGHTS[requirement.importance]
    wanted = requirement.skills
    met = [s for s in wanted if s in have]
    if met:
        return Gap(requirement, "matched", met[0], weight, weight, "same")
    # The nearest kind of a wanted skill the resume shows (Airflow for orchestration).
    kinds = sorted(
        (steps, h) for h in have for s in wanted if (steps := taxonomy.broader(h).get(s))
    )
    if kinds:
        return Gap(requirement, "matched", kinds[0][1], weight, weight, "narrower")
    part = weight * PARTIAL_CREDIT
    general = sorted({b for s in wanted for b in taxonomy.skill(s).broader} & have)
    if general:
        return Gap(requirement, "partial", general[0], part, weight, "broader")
    stand_ins = sorted({r for s in wanted for r in taxonomy.related(s)} & have)
    if stand_ins:
        return Gap(requirement, "partial", stand_ins[0], part, weight, "related")
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
        learning_plan(gaps, have, taxonomy),
    )
