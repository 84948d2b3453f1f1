"""gapscan.experience.verdicts: years, degrees, certifications and constraints against a resume."""

from __future__ import annotations

import re
from datetime import date

import pytest

from gapscan.experience import parse_posting
from gapscan.experience.verdicts import Background, Span, background, years_status

AS_OF = date(2026, 6, 1)

RESUME = """Bo Chen
Location: Berlin
US citizen; fluent German.
Skills
Python (8 years), SQL
Experience
Data Engineer, Acme | Jan 2020 - Present
- Built Spark pipelines in Python
Analyst, Initech | Mar 2017 - Dec 2020
- Reporting in SQL and Python
Education
B.Sc. in Mathematics, Some University, 2016
Certifications
AWS Certified Solutions Architect - Associate, 2021
"""


def _sections(text: str) -> list[Span]:
    """Sections by their headings (the scanner gives the reader's; here, the test's)."""
    kinds = {"Skills": "skills", "Experience": "experience", "Education": "education",
             "Certifications": "certifications"}  # fmt: skip
    marks = [(m.start(), kinds[m[1]]) for m in re.finditer(r"^(\w+)$", text, re.M) if m[1] in kinds]
    spans = [Span("header", 0, marks[0][0])]
    for number, (start, kind) in enumerate(marks):
        end = marks[number + 1][0] if number + 1 < len(marks) else len(text)
        spans.append(Span(kind, start, end))
    return spans


def _mentions(text: str, skills: dict[str, str]) -> list[Span]:
    """Every whole-word occurrence of each skill's name, as the extractor would give it."""
    return sorted(
        (Span(skill, m.start(), m.end()) for skill, name in skills.items()
         for m in re.finditer(rf"\b{re.escape(name)}\b", text)),
        key=lambda s: s.start,
    )  # fmt: skip


SKILLS = {"python": "Python", "sql": "SQL", "spark": "Spark", "go": "Go"}


def _scan(posting: str, resume: str = RESUME) -> Background:
    return background(
        resume,
        _sections(resume),
        _mentions(resume, SKILLS),
        posting,
        parse_posting(posting),
        _mentions(posting, SKILLS),
        AS_OF,
    )


def test_roles_and_total_with_overlap_merged() -> None:
    found = _scan("Nothing asked.")
    assert [(r.heading, r.months) for r in found.roles] == [
        ("Data Engineer, Acme", 78),  # Jan 2020 - Jun 2026
        ("Analyst, Initech", 46),  # Mar 2017 - Dec 2020
    ]
    assert found.total_months == 112  # Mar 2017 - Jun 2026: the overlapping year counts once


@pytest.mark.parametrize(
    ("posting", "status", "held", "short_by", "score_status"),
    [
        ("5+ years of Python.", "met", 112, None, "matched"),  # both roles, merged
        ("10+ years of Spark.", "short", 78, 3.5, "partial"),  # 78 of 120: over half
        ("15+ years with Spark.", "short", 78, 8.5, "missing"),  # 78 of 180: under half
        ("3+ years of Go.", "not_shown", 0, None, "missing"),
        ("At least 8 years of professional experience.", "met", 112, None, "matched"),
    ],
    ids=["met", "short-partial", "short-missing", "not-shown", "total"],
)
def test_years_verdicts(
    posting: str, status: str, held: int, short_by: float | None, score_status: str
) -> None:
    (verdict,) = _scan(posting).experience
    assert (verdict.status, verdict.months_held, verdict.short_by_years, verdict.score_status) == (
        status,
        held,
        short_by,
        score_status,
    )


def test_a_stated_duration_counts_when_larger_than_the_roles() -> None:
    (verdict,) = _scan("10 years of Python.").experience
    assert (verdict.months_held, verdict.stated, verdict.status) == (112, False, "short")
    resume = RESUME.replace("Python (8 years)", "Python (10 years)")
    (verdict,) = _scan("10 years of Python.", resume).experience
    assert (verdict.months_held, verdict.stated, verdict.status) == (120, True, "met")


def test_and_needs_every_skill_or_needs_one() -> None:
    (both,) = _scan("6+ years with Python and Spark.").experience
    (either,) = _scan("6+ years with Spark or Go.").experience
    assert (both.skills, both.months_held, both.status) == (("python", "spark"), 78, "met")
    assert (either.skills, either.months_held) == (("spark", "go"), 78)  # in posting order


def test_evidence_roles_and_last_used() -> None:
    (verdict,) = _scan("2+ years of SQL.").experience
    assert [r.heading for r in verdict.roles] == ["Analyst, Initech"]
    assert verdict.last_used == date(2020, 12, 1)


def test_a_phrase_outside_the_taxonomy_is_found_in_the_roles_word_for_word() -> None:
    (verdict,) = _scan("3+ years of reporting experience.").experience
    assert (verdict.skills, verdict.months_held) == ((), 46)


def test_degree_met_by_level_and_field() -> None:
    (verdict,) = _scan("BS in Mathematics or Statistics required.").education
    assert (verdict.status, verdict.met_by) == ("met", "degree")
    assert verdict.degree is not None and verdict.degree.level == "bachelor"


def test_degree_below_level_is_met_by_equivalent_experience_when_accepted() -> None:
    (accepted,) = _scan("MS in Computer Science, or equivalent experience.").education
    (refused,) = _scan("MS in Computer Science required.").education
    assert (accepted.status, accepted.met_by, accepted.equivalent_months) == (
        "met",
        "equivalent_experience",
        112,
    )
    assert (refused.status, refused.met_by) == ("not_met", None)


def test_equivalent_experience_must_reach_the_postings_total() -> None:
    posting = "10+ years of experience. MS in Computer Science, or equivalent experience."
    (verdict,) = _scan(posting).education
    assert (verdict.status, verdict.met_by) == ("not_met", None)


def test_a_related_field_is_left_to_a_person() -> None:
    (verdict,) = _scan("BS in Computer Science or a related field.").education
    assert verdict.status == "field_to_check"


def test_no_degree_is_not_shown() -> None:
    resume = RESUME.replace("B.Sc. in Mathematics, Some University, 2016", "Coursework only")
    (verdict,) = _scan("Bachelor's degree required.", resume).education
    assert (verdict.status, verdict.degree) == ("not_shown", None)


def test_certifications_by_name_and_issuer() -> None:
    found = _scan(
        "AWS Solutions Architect certification required. "
        "Google Professional Solutions Architect certification preferred."
    )
    aws, google = found.certifications
    assert (aws.issuer, aws.held is not None) == ("AWS", True)
    assert aws.held is not None and aws.held.text.startswith("AWS Certified Solutions Architect")
    assert (google.issuer, google.held) == ("Google", None)


def test_constraints_set_the_posting_beside_the_resume_never_a_guess() -> None:
    found = _scan(
        "Must be authorized to work in the US. We cannot sponsor visas. "
        "Fluent German required. Travel up to 20%."
    )
    rows = [
        (
            c.constraint.kind,
            c.constraint.value,
            None if c.resume is None else [(s.value, s.detail) for s in c.resume],
        )
        for c in found.constraints
    ]
    assert rows == [
        ("work_authorization", "US", [("US", "citizen")]),
        ("sponsorship", "none", None),  # the resume does not say: not stated
        ("travel", 20, None),
        ("language", "German", [("German", "fluent")]),
    ]


def test_about_us_years_are_not_a_requirement_when_blanked() -> None:
    from gapscan.experience.verdicts import blank_sections

    text = "About us\nIn business for 25 years of growth.\nRequirements\n3+ years of Python.\n"
    spans = [Span("about", 0, 47), Span("requirements", 47, len(text))]
    kept = blank_sections(text, spans, ("about",))
    assert len(kept) == len(text)
    assert [r.min_years for r in parse_posting(kept).experience] == [3.0]


@pytest.mark.parametrize(
    ("held", "required", "expected"),
    [(0, 60, ("not_shown", "missing")), (30, 60, ("short", "partial")),
     (29, 60, ("short", "missing")), (60, 60, ("met", "matched"))],
    ids=["none", "half", "under-half", "exact"],
)  # fmt: skip
def test_years_status_boundaries(held: int, required: int, expected: tuple[str, str]) -> None:
    assert years_status(held, required) == expected


def test_the_section_heading_is_not_a_role_heading_but_a_dated_heading_line_is_read() -> None:
    found = _scan("Nothing asked.")
    assert all("Experience" not in r.heading for r in found.roles)
    inline = "Bo\nExperience: Acme, 2019 - 2021\n"
    roles = background(
        inline, [Span("experience", 3, len(inline))], [], "", parse_posting(""), [], AS_OF
    ).roles
    assert [(r.heading, r.months) for r in roles] == [("Experience: Acme", 36)]
