from __future__ import annotations

import pytest

from gapscan.skills.patterns import plural, skill_patterns, variants, verb_inflections
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


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("led", ("led", "lead", "leading")),
        ("keep", ("keep", "kept", "keeping")),
        ("designing", ("designing", "design", "designed")),
        # a third-person form is as likely a plural noun, a participle an adjective
        ("models", ("models",)),
        ("written", ("written",)),
        ("architecture", ("architecture",)),
        ("b.s.", ("b.s.",)),
    ],
)
def test_verb_inflections(word: str, expected: tuple[str, ...]) -> None:
    assert verb_inflections(word) == expected


def test_a_phrase_and_a_soft_skill_are_matched_in_every_tense() -> None:
    soft = Skill("influencing", "Influencing", "soft", "soft", aliases=("drive alignment",))
    tech = Skill("distributed-systems", "Distributed systems", "technical", "eng")
    phrase = Skill("mentoring", "Mentoring", "soft", "soft", phrases=("help ... juniors",))
    tokenize = lambda s: s.split()  # noqa: E731
    soft_forms = [p["tokens"] for p in skill_patterns(soft, tokenize)]
    assert ["drove", "alignment"] in soft_forms and ["driving", "alignment"] in soft_forms
    assert ["drives", "alignment"] not in soft_forms  # "the business drives alignment"
    tech_forms = [p["tokens"] for p in skill_patterns(tech, tokenize)]
    assert ["distribute", "systems"] not in tech_forms
    firsts = [p["parts"][0] for p in skill_patterns(phrase, tokenize) if "parts" in p]
    assert firsts == [["help"], ["helped"], ["helping"]]
