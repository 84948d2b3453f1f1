from __future__ import annotations

import pytest

from gapscan.skills.patterns import plural, skill_patterns, variants
from gapscan.taxonomy import Skill


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("pipeline", "pipelines"),
        ("LLM", "LLMs"),
        ("ontology", "ontologies"),
        ("box", "boxes"),
        ("analytics", None),
        ("ai", None),
        ("key", "keys"),
    ],
)
def test_plural(word: str, expected: str | None) -> None:
    assert plural(word) == expected


def test_variants_cover_hyphen_space_and_plural() -> None:
    assert variants(["machine", "learning"]) == [
        ["machine", "learning"],
        ["machine", "-", "learning"],
        ["machine", "learnings"],
        ["machine", "-", "learnings"],
    ]
    assert ["scikit", "learn"] in variants(["scikit", "-", "learn"])


def test_exact_forms_are_matched_on_their_casing_only() -> None:
    skill = Skill("r-language", "R", "technical", "lang", aliases=("rlang",), exact=("R",))
    patterns = skill_patterns(skill, lambda s: s.split())
    assert patterns == [
        {"id": "r-language", "tokens": ["rlang"], "exact": False},
        {"id": "r-language", "tokens": ["rlangs"], "exact": False},
        {"id": "r-language", "tokens": ["R"], "exact": True},
    ]


def test_exact_acronym_gets_a_plural() -> None:
    skill = Skill("llm", "Large language models", "technical", "ai", exact=("LLM",))
    tokens = [p["tokens"] for p in skill_patterns(skill, lambda s: s.split()) if p["exact"]]
    assert tokens == [["LLM"], ["LLMs"]]
