from __future__ import annotations

import pytest

from gapscan.patterns import plural, skill_patterns, variants
from gapscan.taxonomy import Skill


@pytest.mark.parametrize(
    ("word", "expected"),
    [("pipeline", "pipelines"), ("LLM", "LLMs"), ("ontology", "ontologies"), ("box", "boxes"),
     ("analytics", None), ("ai", None), ("key", "keys")],
)
def test_plural(word: str, expected: str | None) -> None:
    assert plural(word) == expected


def test_variants_cover_hyphen_space_and_plural() -> None:
    assert variants("machine learning") == [
        "machine learning", "machine-learning", "machine learnings", "machine-learnings"
    ]
    assert "scikit learn" in variants("scikit-learn")


def test_exact_forms_become_orth_patterns() -> None:
    skill = Skill("r-language", "R", "technical", "lang", aliases=("rlang",), exact=("R",))
    patterns = skill_patterns(skill, lambda s: s.split())
    assert {"label": "SKILL", "pattern": [{"ORTH": "R"}], "id": "r-language"} in patterns
    assert all(p["pattern"] != "r" for p in patterns)  # the name is exact-only
    assert {"label": "SKILL", "pattern": "rlang", "id": "r-language"} in patterns
