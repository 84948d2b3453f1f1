from __future__ import annotations

import pytest

from gapscan.skills.rules import importance, negation_reason, uncounted_reason


def at(text: str, word: str) -> tuple[str, int, int]:
    start = text.index(word)
    return text, start, start + len(word)


@pytest.mark.parametrize(
    ("text", "word", "negated"),
    [
        ("No prior Kubernetes administration experience needed.", "Kubernetes", True),
        ("Experience with Kubernetes is not required.", "Kubernetes", True),
        ("You do not need Kubernetes.", "Kubernetes", True),
        ("Built services without Docker.", "Docker", True),
        ("Strong Kubernetes experience.", "Kubernetes", False),
        ("Not only Python but also Java.", "Java", False),
        ("No fear of ambiguity.\nPython is required.", "Python", False),
        (
            "No prior experience with our stack (Go, Kubernetes, Vertex AI) is needed.",
            "Vertex AI",
            True,
        ),
    ],
    ids=[
        "no-needed",
        "not-required",
        "do-not-need",
        "without",
        "plain",
        "not-only",
        "other-line",
        "no-list-needed",
    ],
)
def test_negation(text: str, word: str, negated: bool) -> None:
    assert (negation_reason(*at(text, word)) == "negated") is negated


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("We do NOT use Kubernetes.", True),
        ("Built it wıthout Kubernetes.", True),  # dotless i: re.I takes it for "i"
        ("İstanbul office. Kubernetes is optional.", True),  # "İ" lowers to two characters
        ("İstanbul office. Kubernetes is required.", False),
        ("Kubernetes technology and knowledge.", False),  # "no" inside words: looked at, kept
    ],
    ids=["upper", "dotless-i", "dotted-capital-i", "dotted-capital-i-plain", "no-in-words"],
)
def test_negation_cues_found_in_any_case_and_script(text: str, negated: bool) -> None:
    """Clauses without a negation word are skipped early; that must never hide one."""
    assert (negation_reason(*at(text, "Kubernetes")) == "negated") is negated


@pytest.mark.parametrize(
    ("text", "word", "section", "level"),
    [
        ("- Python and SQL", "SQL", "requirements", "required"),
        ("- Familiarity with Terraform is a plus.", "Terraform", "requirements", "preferred"),
        ("- Exposure to Rust preferred.", "Rust", "requirements", "preferred"),
        ("- Docker", "Docker", "preferred", "preferred"),
        ("- Kafka would be a bonus", "Kafka", "responsibilities", "preferred"),
        ("Build pipelines on Spark.", "Spark", "responsibilities", "required"),
        (
            "Built recommender systems? You will have an edge.",
            "recommender",
            "requirements",
            "required",
        ),
        (
            "Recommender systems will give an edge, but it is not required.",
            "Recommender",
            "requirements",
            "preferred",
        ),
    ],
)
def test_importance(text: str, word: str, section: str, level: str) -> None:
    assert importance(*at(text, word), section) == level


@pytest.mark.parametrize(
    ("section", "reason"),
    [
        ("about", "in the company description"),
        ("benefits", "in the benefits"),
        ("title", "in the job title"),
        ("requirements", None),
    ],
)
def test_sections_that_do_not_count(section: str, reason: str | None) -> None:
    assert uncounted_reason(*at("We use Python daily.", "Python"), section) == reason


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("No Kubernetes experience, but Golang is required.", False),
        ("No Kubernetes experience; BUT Golang.", False),
        ("No Kubernetes or rebuttal Golang.", True),  # "rebuttal" is no clause boundary
        ("No Kubernetes, however Golang.", False),
    ],
    ids=["but", "upper-but", "rebuttal", "however"],
)
def test_but_and_however_end_a_clause(text: str, negated: bool) -> None:
    assert (negation_reason(*at(text, "Golang")) == "negated") is negated
