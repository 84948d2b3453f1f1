"""Posting or resume: the cues of each, on texts of both kinds written without headings too."""

from __future__ import annotations

import pytest

from gapscan.read.doctype import looks_like_posting, posting_evidence

CASES = [
    # (id, text, is a posting)
    ("prose-posting", "We are looking for a data engineer. You will build pipelines in Spark. "
     "3+ years of experience with SQL is required.", True),  # fmt: skip
    ("posting-with-headings", "Data Engineer\nRequirements\n- Python\n- SQL\n", True),
    ("one-line-posting", "Join our team as an ML engineer: you'll own model serving.", True),
    ("inline-headings", "Backend Engineer at Acme.\nRequirements: Go; Docker. Benefits: a "
     "learning budget.", True),  # fmt: skip
    ("resume-without-headings", "Jane Doe\njane@example.com\nData Engineer, Acme, 2019 - 2023\n"
     "- Built pipelines in Spark\n- Reduced costs by 30%", False),  # fmt: skip
    ("resume-with-responsibilities", "Jane Doe\nExperience\nData Engineer, Acme (Jan 2019 - "
     "Present)\nResponsibilities:\n- Managed the SQL warehouse\n- Led two migrations",
     False),  # fmt: skip
    ("first-person-summary", "Summary\nI build ML platforms; my last one served 40 teams.\n"
     "Skills\nPython, Kubernetes", False),  # fmt: skip
    ("empty", "", False),
]


@pytest.mark.parametrize(("text", "posting"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_looks_like_posting(text: str, posting: bool) -> None:
    assert looks_like_posting(text) is posting


def test_evidence_of_each_side() -> None:
    assert posting_evidence("You will apply.") == (3.0, 0.0)  # "you" 1, "apply" 2
    assert posting_evidence("Acme, 2019 - 2023") == (0.0, 2.5)  # a date range
    assert posting_evidence("Requirements\n- Go") == (5.0, 0.0)  # its section 3, its word 2
