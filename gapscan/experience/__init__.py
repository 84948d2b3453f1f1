"""Experience, education, certification and knock-out requirements: what a posting asks beyond
skills, and what a resume states about them. Pure functions of text, standard library only."""

from __future__ import annotations

from .dates import DateRange, DateScan, IgnoredRange, find_date_ranges, merge_months, months_in
from .roles import Role, RoleScan, find_roles, months_per_skill, stated_skill_months

__all__ = [
    "DateRange",
    "DateScan",
    "IgnoredRange",
    "Role",
    "RoleScan",
    "find_date_ranges",
    "find_roles",
    "merge_months",
    "months_in",
    "months_per_skill",
    "stated_skill_months",
]
