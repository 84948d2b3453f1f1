"""gapscan.skills.ruler: the spaCy component that marks skills in ``doc.spans["skills"]``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language

from gapscan.skills.extractor import build_nlp
from gapscan.skills.ruler import FACTORY, LABEL, PHRASE_LABEL, SkillRuler
from gapscan.taxonomy import Taxonomy

PATTERNS: list[dict[str, Any]] = [
    {"id": "go-language", "tokens": ["golang"], "exact": False},
    {"id": "go-language", "tokens": ["Go"], "exact": True},
    {"id": "machine-learning", "tokens": ["machine", "learning"], "exact": False},
    {"id": "learning", "tokens": ["learning"], "exact": False},
    {"id": "team-lead", "parts": [["led"], ["team"]]},
]


@pytest.fixture(scope="module")
def tiny_nlp(tiny: Taxonomy) -> Language:
    return build_nlp(tiny)


def spans(nlp: Language, text: str) -> list[tuple[str, str, str]]:
    doc = nlp(text)  # kept alive: a SpanGroup dies with its Doc
    return [(s.text, s.label_, s.id_) for s in doc.spans["skills"]]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Golang and K8S", [("Golang", LABEL, "go-language"), ("K8S", LABEL, "kubernetes")]),
        ("We use Go daily", [("Go", LABEL, "go-language")]),
        ("go home", []),  # an exact form matches its own casing only
        ("Machine-learning and ML",
         [("Machine-learning", LABEL, "machine-learning"), ("ML", LABEL, "machine-learning")]),
        ("deep neural networks", [("deep neural networks", LABEL, "deep-neural-networks")]),
        ("nothing here", []),
    ],
    ids=["alias-any-case", "exact", "exact-wrong-case", "hyphen-and-acronym", "multi-word",
         "none"],
)  # fmt: skip
def test_the_component_marks_skills(
    tiny_nlp: Language, text: str, found: list[tuple[str, str, str]]
) -> None:
    assert tiny_nlp.pipe_names == [FACTORY]
    assert spans(tiny_nlp, text) == found


@pytest.fixture()
def ruler_nlp() -> Language:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe(FACTORY)
    assert isinstance(ruler, SkillRuler)
    ruler.add_patterns(PATTERNS)
    return nlp


def test_overlapping_matches_are_all_kept_in_order(ruler_nlp: Language) -> None:
    assert spans(ruler_nlp, "machine learning") == [
        ("machine learning", LABEL, "machine-learning"),
        ("learning", LABEL, "learning"),
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("led the team", [("led the team", PHRASE_LABEL, "team-lead")]),
        ("led the platform infra team", [("led the platform infra team", PHRASE_LABEL,
                                          "team-lead")]),
        ("led the new platform infra team", []),  # four words between: too far
        ("led, then a team", []),  # a gap never crosses punctuation
        ("team led", []),  # parts in order only
        ("led the team team", [("led the team", PHRASE_LABEL, "team-lead")]),  # shortest
    ],
    ids=["one-word-gap", "three-word-gap", "four-word-gap", "punctuation", "reversed",
         "shortest"],
)  # fmt: skip
def test_phrases_with_gaps(
    ruler_nlp: Language, text: str, found: list[tuple[str, str, str]]
) -> None:
    assert spans(ruler_nlp, text) == found


def test_names_come_before_phrases(ruler_nlp: Language) -> None:
    assert spans(ruler_nlp, "led the Go team") == [
        ("Go", LABEL, "go-language"),
        ("led the Go team", PHRASE_LABEL, "team-lead"),
    ]


def test_to_disk_from_disk_round_trip(ruler_nlp: Language, tmp_path: Path) -> None:
    ruler = ruler_nlp.get_pipe(FACTORY)
    assert isinstance(ruler, SkillRuler)
    ruler.to_disk(tmp_path / "ruler")
    lines = (tmp_path / "ruler" / "patterns.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(PATTERNS)
    fresh = spacy.blank("en")
    loaded = fresh.add_pipe(FACTORY)
    assert isinstance(loaded, SkillRuler)
    assert loaded.from_disk(tmp_path / "ruler") is loaded
    assert loaded.patterns == PATTERNS
    text = "Golang, Go, machine learning; led the team"
    assert spans(fresh, text) == spans(ruler_nlp, text)


def test_the_whole_pipeline_round_trips(tiny_nlp: Language, tmp_path: Path) -> None:
    tiny_nlp.to_disk(tmp_path / "nlp")
    loaded = spacy.load(tmp_path / "nlp")
    text = "Golang, Machine-learning and K8S; Series C"
    assert spans(loaded, text) == spans(tiny_nlp, text)


def test_a_custom_spans_key(tiny: Taxonomy) -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe(FACTORY, config={"spans_key": "found"})
    assert isinstance(ruler, SkillRuler)
    ruler.add_patterns(PATTERNS[:1])
    doc = nlp("golang")
    assert [s.id_ for s in doc.spans["found"]] == ["go-language"]
    assert "skills" not in doc.spans
