"""Experience, education, certification and knock-out requirements: what a posting asks beyond
skills, and what a resume states about them. Pure functions of text, standard library only, so
the scan can call them on text it has already read and sectioned."""

from __future__ import annotations

from .dates import DateRange, DateScan, IgnoredRange, find_date_ranges, merge_months, months_in
from .requirements import (
    CONSTRAINT_KINDS,
    CertificationRequirement,
    Clause,
    Constraint,
    Degree,
    EducationRequirement,
    ExperienceRequirement,
    PostingRequirements,
    ResumeStatement,
    certification_requirements,
    clauses,
    constraint_requirements,
    education_requirements,
    experience_requirements,
    highest_degree,
    parse_posting,
    resume_constraints,
)
from .roles import Role, RoleScan, find_roles, months_per_skill, stated_skill_months

__all__ = [
    "CONSTRAINT_KINDS",
    "CertificationRequirement",
    "Clause",
    "Constraint",
    "DateRange",
    "DateScan",
    "Degree",
    "EducationRequirement",
    "ExperienceRequirement",
    "IgnoredRange",
    "PostingRequirements",
    "ResumeStatement",
    "Role",
    "RoleScan",
    "certification_requirements",
    "clauses",
    "constraint_requirements",
    "education_requirements",
    "experience_requirements",
    "find_date_ranges",
    "find_roles",
    "highest_degree",
    "merge_months",
    "months_in",
    "months_per_skill",
    "parse_posting",
    "resume_constraints",
    "stated_skill_months",
]
