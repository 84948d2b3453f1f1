"""The gap: how a resume meets each requirement, the score, and the learning plan (pure).

Score = 100 * points / max_points. Each requirement is worth its weight (required 2,
preferred 1); it earns the full weight when matched (by the skill or a kind of it: Apache
Airflow for workflow orchestration), ``PARTIAL_CREDIT`` of it when a broader or related skill
stands in, nothing when missing. A years-of-experience requirement counts the same way:
matched when met, partial when short but shown for at least half the minimum years, missing
otherwise. Degrees, certifications and knock-out constraints add no points of their own (a
degree or certification the taxonomy knows is already a skill requirement). The report
carries every number in that sum.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

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
    Status,
)
from .taxonomy import Taxonomy

if TYPE_CHECKING:
    from .experience.verdicts import Background, ExperienceVerdict

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


def experience_credit(verdict: ExperienceVerdict) -> tuple[Importance, float, float]:
    """(importance, credit, weight) of a years-of-experience requirement, by a skill's rules."""
    level: Importance = "preferred" if verdict.requirement.importance == "preferred" else "required"
    share = {"matched": 1.0, "partial": PARTIAL_CREDIT, "missing": 0.0}[verdict.score_status]
    return level, WEIGHTS[level] * share, WEIGHTS[level]


def _lines(rows: Sequence[tuple[Importance, Status, float, float]]) -> tuple[ScoreLine, ...]:
    """One line per importance level from (importance, status, credit, weight) rows."""
    lines = []
    for level in ("required", "preferred"):
        these = [r for r in rows if r[0] == level]
        lines.append(
            ScoreLine(
                importance=level,
                weight=WEIGHTS[level],
                total=len(these),
                matched=sum(r[1] == "matched" for r in these),
                partial=sum(r[1] == "partial" for r in these),
                missing=sum(r[1] == "missing" for r in these),
                points=sum(r[2] for r in these),
                max_points=sum(r[3] for r in these),
            )
        )
    return tuple(lines)


def score(gaps: tuple[Gap, ...], experience: Sequence[ExperienceVerdict] = ()) -> Score:
    skill_rows = [(g.requirement.importance, g.status, g.credit, g.weight) for g in gaps]
    years_rows: list[tuple[Importance, Status, float, float]] = []
    for verdict in experience:
        level, credit, weight = experience_credit(verdict)
        years_rows.append((level, verdict.score_status, credit, weight))
    years = _lines(years_rows) if years_rows else ()
    result = Score(None, _lines(skill_rows), PARTIAL_CREDIT, years)
    if result.max_points == 0:
        return result
    value = round(100 * result.points / result.max_points, 1)
    return Score(value, result.lines, PARTIAL_CREDIT, years)


def assess(
    resume: SkillProfile,
    posting: SkillProfile,
    requirements: tuple[Requirement, ...],
    taxonomy: Taxonomy,
    posting_label: str,
    background: Background | None = None,
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
        return GapReport(
            resume, posting, posting_label, requirements, (), empty, status, reason, (), background
        )
    have = resume.counted_ids()
    gaps = tuple(classify(r, have, taxonomy) for r in requirements)
    return GapReport(
        resume,
        posting,
        posting_label,
        requirements,
        gaps,
        score(gaps, background.experience if background else ()),
        status,
        reason,
        learning_plan(gaps, have, taxonomy),
        background,
    )
