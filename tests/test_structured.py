"""gapscan.read.structured: JSON Resume and schema.org JobPosting as sectioned text."""

from __future__ import annotations

from typing import Any

import pytest

from gapscan.read.structured import (
    find_job_posting,
    is_json_resume,
    job_posting_text,
    json_resume_text,
    parse_json,
)


@pytest.mark.parametrize(
    ("resume", "text"),
    [
        ({"basics": {"name": "Ann"}}, "Ann"),
        ({"basics": "not an object", "skills": [{"name": "Cloud"}]}, "Skills\nCloud"),
        (
            {
                "work": [
                    {"company": "Acme", "position": "Dev", "startDate": "2020",
                     "endDate": "2021", "description": "Built <b>things</b>",
                     "highlights": ["", "Shipped", None]},
                    "junk",
                    5,
                ],
            },
            "Experience\nDev, Acme, 2020 - 2021\nBuilt things\n- Shipped",
        ),
        (
            {"skills": [{"keywords": ["Go", "C"]}, {"name": "Lang", "keywords": "Go"}]},
            "Skills\nGo, C\nLang: Go",
        ),
        (
            {"education": [{"institution": "Uni", "startDate": "2010"}],
             "certificates": [{"name": "CKA"}],
             "projects": [{"name": "p", "summary": "s", "description": "d"}]},
            "Education\nUni, 2010\n\nCertifications\nCKA\n\nProjects\np\ns",
        ),
    ],
    ids=["name-only", "basics-not-an-object", "work-entries", "skill-keywords",
         "education-certificates-projects"],
)  # fmt: skip
def test_json_resume_text(resume: dict[str, Any], text: str) -> None:
    assert json_resume_text(resume) == text


@pytest.mark.parametrize(
    ("node", "text"),
    [
        ({}, "Job posting"),
        (
            {"title": "T", "skills": "Go, C", "responsibilities": "Lead",
             "educationRequirements": {"@type": "EducationalOccupationalCredential"}},
            "T\n\nRequirements\nGo, C\n\nResponsibilities\nLead",
        ),
        (
            {"title": "<h1>Data</h1>", "description": "<p>We <b>ship</b>.</p>",
             "qualifications": [{"name": "Go", "description": "3 years"}, {"name": "C"}]},
            "Data\n\nSummary\nWe ship.\n\nRequirements\nGo: 3 years\nC",
        ),
    ],
    ids=["empty", "strings-and-an-empty-object", "html-and-defined-terms"],
)  # fmt: skip
def test_job_posting_text(node: dict[str, Any], text: str) -> None:
    assert job_posting_text(node) == text


def nested(levels: int) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "JobPosting", "title": "deep"}
    for _ in range(levels):
        node = {"@graph": [node]}
    return node


@pytest.mark.parametrize(
    ("value", "title"),
    [
        ({"@type": "JobPosting", "title": "a"}, "a"),
        ([{"@type": "Organization"}, {"@type": "JobPosting", "title": "b"}], "b"),
        ({"@type": ["Thing", "http://schema.org/JobPosting"], "title": "c"}, "c"),
        ({"@graph": [{"@type": "WebPage"}, {"@type": "JobPosting", "title": "d"}]}, "d"),
        (nested(4), "deep"),
        (nested(5), None),  # the search is bounded
        ({"@type": "JobPostingDraft"}, None),
        ("JobPosting", None),
        (None, None),
    ],
    ids=["object", "list", "type-url-in-a-list", "graph", "graph-4-deep", "graph-5-deep",
         "other-type", "string", "null"],
)  # fmt: skip
def test_find_job_posting(value: Any, title: str | None) -> None:
    found = find_job_posting(value)
    assert (found["title"] if found else None) == title


@pytest.mark.parametrize(
    ("value", "resume"),
    [
        ({"basics": {}}, True),
        ({"work": []}, True),
        ({"basics": {}, "@type": "Person"}, False),
        ({"name": "Ann"}, False),
        ([{"basics": {}}], False),
    ],
    ids=["basics", "work", "json-ld-node", "no-resume-key", "list"],
)
def test_is_json_resume(value: Any, resume: bool) -> None:
    assert is_json_resume(value) is resume


def test_parse_json_reports_deep_nesting_as_a_value_error() -> None:
    assert parse_json('{"a": [1]}') == {"a": [1]}
    with pytest.raises(ValueError, match="^nested too deeply$"):
        parse_json("[" * 100_000 + "]" * 100_000)
    with pytest.raises(ValueError, match="Expecting value"):
        parse_json("[1,")
