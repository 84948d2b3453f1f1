from __future__ import annotations

import pytest

from gapscan.skills.roles import Role, sentence_role

# (sentence, the section it stands in, its role): a few of every role, each sentence the
# whole text, so its offsets are the text's
CASES: list[tuple[str, str, str, Role]] = [
    ("experience", "5+ years of experience with Kafka.", "requirements", "requirement"),
    ("we-value", "We value people with knowledge of cloud security.", "other", "requirement"),
    ("seeking", "Acme is seeking an engineer with expertise in Java.", "summary", "requirement"),
    ("degree-in-intro", "A degree in statistics is required.", "summary", "requirement"),
    ("you-will", "You will build the ingestion pipelines.", "summary", "responsibility"),
    ("listed-task", "Design ranking models for search.", "responsibilities", "responsibility"),
    (
        "our-architect",
        "Our AI Architect defines how the bank builds AI.",
        "summary",
        "responsibility",
    ),
    ("we-build", "We build tools for shipping firms.", "summary", "company"),
    (
        "department",
        "The Department of Applied Genomics combines strong computational skills with lab work.",
        "summary",
        "company",
    ),
    ("centre", "The Centre collaborates with hospitals in twelve countries.", "other", "company"),
    (
        "named-university",
        "Nordvik is an independent university collaborating with industry.",
        "requirements",
        "company",
    ),
    ("product", "The product includes lineage and a data catalog.", "summary", "company"),
    ("workplace", "You'll work in a friendly, open environment.", "summary", "company"),
    ("culture", "Join our culture of speed and trust.", "summary", "company"),
    ("workplace-listed", "Work well in an open environment.", "requirements", "requirement"),
    (
        "listed-demand",
        "Our clients are hospitals, so HIPAA knowledge helps.",
        "requirements",
        "requirement",
    ),
    ("of-our-product", "Privacy and speed are core values of our product.", "summary", "company"),
    ("about-section", "Python is everywhere here.", "about", "company"),
    ("offer", "We offer a yearly learning budget.", "requirements", "benefits"),
    ("receive", "You will receive on-the-job coaching.", "summary", "benefits"),
    ("salary", "The starting salary is set by the collective agreement.", "other", "benefits"),
    ("benefits-section", "Spark Grants for every employee.", "benefits", "benefits"),
    ("send-cv", "Please send your CV and two references.", "summary", "application"),
    ("must-contain", "Your application must contain a CV.", "requirements", "application"),
    ("apply-section", "Interviews are four short calls.", "application", "application"),
    ("title-line", "Senior Data Engineer", "title", "title"),
    ("details", "Role: DevOps", "summary", "title"),
    ("terms", "The position is offered for a period of two years.", "other", "title"),
    ("other", "Thank you.", "other", "other"),
]


@pytest.mark.parametrize(
    ("text", "section", "role"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_sentence_role(text: str, section: str, role: Role) -> None:
    start = text.index(":") + 2 if text.startswith("Role:") else 0
    assert sentence_role(text, start, len(text), section) == role


def test_name_line_under_the_title() -> None:
    text = "Data Engineer\nTidewater Freight \u2014 Remote (US)\nWe move freight.\n"
    line = text.index("Tidewater")
    assert sentence_role(text, line, line + 9, "summary") == "title"
    later = text.index("We move")
    assert sentence_role(text, later, later + 7, "summary") == "company"
