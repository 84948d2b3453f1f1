"""Words a PDF glued together are split only where both halves are plainly words."""

from __future__ import annotations

import pytest

from gapscan.skills.tokens import GlueSplitter
from gapscan.taxonomy import Taxonomy


@pytest.fixture(scope="module")
def glue(taxonomy: Taxonomy) -> GlueSplitter:
    return GlueSplitter(
        frozenset(f.lower() for s in taxonomy.skills for f in s.case_insensitive_forms),
        frozenset(f for s in taxonomy.skills for f in s.exact),
    )


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("SQLWorked", ["SQL", "Worked"]),
        ("GCPAzureAWS", ["GCP", "Azure", "AWS"]),
        ("PythonLed", ["Python", "Led"]),
        ("AWSExperience", ["AWS", "Experience"]),
    ],
)
def test_glued_words_are_split(glue: GlueSplitter, word: str, parts: list[str]) -> None:
    assert glue.parts(word) == parts


@pytest.mark.parametrize(
    "word",
    [
        "PostgreSQL",
        "JavaScript",
        "TensorFlow",
        "PyTorch",
        "GitHub",
        "LangChain",
        "OpenAI",
        "DeepMind",
        "CloudFlare",
        "GoPro",
        "SQLAlchemy",
        "XGBoost",
        "PhD",
        "macOS",
        "YouTube",
    ],
)
def test_camel_case_names_stay_whole(glue: GlueSplitter, word: str) -> None:
    assert glue.parts(word) is None


def test_splits_give_offsets(glue: GlueSplitter) -> None:
    assert glue.splits("Tools: SQLWorked, PyTorch") == [(7, ["SQL", "Worked"])]
