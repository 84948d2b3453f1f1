"""The report's ``experience``, ``education`` and ``constraints`` keys (see
docs/report-format.md): what a posting asks beyond skills, with the verdicts and their evidence.

Months follow schema.org's ``monthsOfExperience`` (the minimum a position asks for, in
months) as ``months_of_experience``; dates are ``YYYY-MM`` months, ``as_of`` a full date.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..experience.roles import Role
from ..experience.verdicts import (
    Background,
    CertificationVerdict,
    ConstraintVerdict,
    EducationVerdict,
    ExperienceVerdict,
)
from ..gap import experience_credit

NOT_STATED = "not stated in the resume"


def month_text(day: date | None) -> str | None:
    """``YYYY-MM``, or None."""
    return None if day is None else f"{day.year:04d}-{day.month:02d}"


def role_dict(role: Role) -> dict[str, Any]:
    return {
        "heading": role.heading,
        "start": month_text(role.dates.start),
        "end": month_text(role.dates.end),
        "current": role.dates.is_current,
        "months": role.months,
        "dates": role.dates.text,
        "start_offset": role.start_offset,
        "end_offset": role.end_offset,
    }


def _role_ref(role: Role) -> dict[str, Any]:
    return {
        "heading": role.heading,
        "start": month_text(role.dates.start),
        "end": month_text(role.dates.end),
        "months": role.months,
    }


def experience_requirement_dict(verdict: ExperienceVerdict) -> dict[str, Any]:
    req = verdict.requirement
    _, credit, weight = experience_credit(verdict)
    return {
        "text": req.text,
        "start": req.start,
        "end": req.end,
        "importance": req.importance,
        "min_years": req.min_years,
        "max_years": req.max_years,
        "months_of_experience": verdict.months_required,
        "phrases": list(req.skills),
        "skills": list(verdict.skills),
        "months_held": verdict.months_held,
        "verdict": verdict.status,
        "short_by_years": verdict.short_by_years,
        "stated_in_skills": verdict.stated,
        "last_used": month_text(verdict.last_used),
        "status": verdict.score_status,
        "weight": weight,
        "credit": credit,
        "roles": [_role_ref(r) for r in verdict.roles],
    }


def experience_dict(found: Background) -> dict[str, Any]:
    """The ``experience`` key: the reference date, the roles, the total, the requirements."""
    return {
        "as_of": found.as_of.isoformat(),
        "total_months": found.total_months,
        "roles": [role_dict(r) for r in found.roles],
        "ignored_dates": [
            {"text": i.text, "reason": i.reason, "start": i.start_offset, "end": i.end_offset}
            for i in found.ignored
        ],
        "requirements": [experience_requirement_dict(v) for v in found.experience],
    }


def _degree_requirement(verdict: EducationVerdict) -> dict[str, Any]:
    req = verdict.requirement
    return {
        "text": req.text,
        "start": req.start,
        "end": req.end,
        "importance": req.importance,
        "level": req.level,
        "fields": list(req.fields),
        "or_equivalent": req.or_equivalent,
        "verdict": verdict.status,
        "met_by": verdict.met_by,
        "equivalent_months": verdict.equivalent_months,
    }


def _certification(verdict: CertificationVerdict) -> dict[str, Any]:
    req = verdict.requirement
    held = verdict.held
    return {
        "name": req.name,
        "issuer": verdict.issuer,
        "importance": req.importance,
        "text": req.text,
        "start": req.start,
        "end": req.end,
        "verdict": "held" if held else "not_shown",
        "resume_evidence": (
            None if held is None else {"text": held.text, "start": held.start, "end": held.end}
        ),
    }


def education_dict(found: Background) -> dict[str, Any]:
    """The ``education`` key: the resume's highest degree, degree and certification
    requirements with their verdicts."""
    degree = found.degree
    return {
        "degree": (
            None
            if degree is None
            else {
                "level": degree.level,
                "field": degree.field,
                "text": degree.text,
                "start": degree.start,
                "end": degree.end,
            }
        ),
        "requirements": [_degree_requirement(v) for v in found.education],
        "certifications": [_certification(v) for v in found.certifications],
    }


def constraint_dict(verdict: ConstraintVerdict) -> dict[str, Any]:
    item = verdict.constraint
    stated = verdict.resume
    return {
        "kind": item.kind,
        "value": item.value,
        "importance": item.importance,
        "text": item.text,
        "start": item.start,
        "end": item.end,
        "resume": (
            None
            if stated is None
            else [
                {
                    "value": s.value,
                    "detail": s.detail,
                    "text": s.text,
                    "start": s.start,
                    "end": s.end,
                }
                for s in stated
            ]
        ),
    }


def constraints_list(found: Background) -> list[dict[str, Any]]:
    """The ``constraints`` key: each knock-out condition beside what the resume states."""
    return [constraint_dict(v) for v in found.constraints]


def stated_text(value: str | int | None, detail: str | None, kind: str) -> str:
    """A resume statement in a few words: "US (citizen)", "25%", "German (fluent)"."""
    shown = f"{value}%" if kind == "travel" and isinstance(value, int) else str(value or "")
    if detail:
        shown = f"{shown} ({detail})" if shown else detail
    return shown or "stated"
