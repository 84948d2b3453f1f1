from __future__ import annotations

import pytest

from gapscan.read.headings import heading_kind, posting_heading, posting_heading_kind
from gapscan.read.sections import can_be_title, detect_sections
from gapscan.records import SectionKind


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Technical Skills", "skills"),
        ("EXPERIENCE", "experience"),
        ("What you'll need:", "requirements"),
        ("What you\u2019ll need", "requirements"),
        ("Nice to have", "preferred"),
        ("Nice-to-have:", "preferred"),
        ("Preferred Qualifications", "preferred"),
        ("Bonus points", "preferred"),
        ("About us", "about"),
        ("Perks & Benefits", "benefits"),
        ("WHAT AWAITS YOU", "benefits"),
        ("We offer:", "benefits"),
        ("Certifications", "certifications"),
        ("Honors & Awards", "awards"),
        ("HONORS", "awards"),
        ("Selected Honors", "awards"),
        ("Invited Talks", "talks"),
        ("Talks", "talks"),
        ("Presentations", "talks"),
        ("Publications", "publications"),
        ("Patents", "publications"),
        ("## Requirements", "requirements"),
        ("**Nice to have:**", "preferred"),
        ("__About us__", "about"),
        ("- Skills", None),
        ("**Python** and SQL", None),
        ("Python, SQL and Spark", None),
        ("", None),
    ],
)
def test_heading_kind(line: str, kind: str | None) -> None:
    assert heading_kind(line) == kind


def test_posting_sections_cover_text_in_order() -> None:
    text = "Data Engineer\nAcme Inc\nAbout us\nWe ship.\nRequirements\n- SQL\nBenefits\n- Gym\n"
    sections = detect_sections(text, posting=True)
    assert [(s.kind, text[s.start : s.end]) for s in sections] == [
        ("title", "Data Engineer\n"),
        ("summary", "Acme Inc\n"),
        ("about", "About us\nWe ship.\n"),
        ("requirements", "Requirements\n- SQL\n"),
        ("benefits", "Benefits\n- Gym\n"),
    ]


def test_resume_starts_with_header() -> None:
    sections = detect_sections("Jane Doe\njane@example.com\nSkills\nPython", posting=False)
    assert [s.kind for s in sections] == ["header", "skills"]
    assert sections[-1].end == len("Jane Doe\njane@example.com\nSkills\nPython")


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Senior Machine Learning Engineer (Remote, EU)", True),
        ("Sr. Data Scientist - Acme Inc. Berlin", True),
        ("Platform Engineer.", True),
        ("We are hiring a platform engineer. You will run Kubernetes.", False),
        ("Platform Engineer " + "building reliable services " * 5, False),
    ],
)
def test_a_title_reads_like_one(line: str, title: bool) -> None:
    assert can_be_title(line) is title
    kinds = [s.kind for s in detect_sections(line + "\nMore text.\n", posting=True)]
    assert kinds == (["title", "summary"] if title else ["summary"])


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("What You Will Bring To Acme", "requirements"),
        ("Things we'd love to see", "other"),
        ("Bonus skills we love", "preferred"),
        ("What would be great", "preferred"),
        ("Assets", "preferred"),
        ("Our tech stack", "preferred"),
        ("What's on offer", "benefits"),
        ("About Fernhill", "about"),
        ("About you", "requirements"),
        ("About the role", "summary"),
        ("About the interview", "application"),
        ("You will", "responsibilities"),
        ("The work", "other"),
    ],
)
def test_posting_heading_kind(line: str, kind: str) -> None:
    assert posting_heading_kind(line) == kind


@pytest.mark.parametrize(
    ("before", "line", "after", "current", "heading"),
    [
        ("\n", "The work\n", "- Python\n", "about", True),
        ("\n", "Python\n", "SQL\n", "preferred", False),  # a column of short items
        ("Acme ships tools.\n", "What You Will Bring:\n", "- Go\n", "about", True),
        ("- Go\n", "Streaming:\n", "- Kafka\n", "preferred", False),  # a label of the list
        ("- Offices in Oslo\n", "The Work\n", "- Kafka\n", "about", True),
        ("Acme ships tools.\n", "The Work\n", "- Kafka\n", "about", False),
        ("\n", "Acme, Berlin\n", "We ship.\n", "summary", False),  # a comma: no heading
        ("\n", "We are hiring now\n", "", "summary", False),  # nothing after it
        ("Acme ships tools.\n", "**The work:**\n", "- Go\n", "about", True),  # Markdown
        ("\n", "## Life at Acme\n", "We ship.\n", "about", True),
    ],
)
def test_posting_heading(
    before: str, line: str, after: str, current: SectionKind, heading: bool
) -> None:
    assert posting_heading(line, before, after, current) is heading


def test_unknown_heading_ends_the_company_intro() -> None:
    text = "Engineer\nWho we are\nAcme ships.\n\nThe work\n- Go\nRequirements: SQL; Kafka.\n"
    sections = detect_sections(text, posting=True)
    assert [(s.kind, s.heading) for s in sections] == [
        ("title", ""),
        ("about", "Who we are"),
        ("other", "The work"),
        ("requirements", "Requirements"),
    ]
