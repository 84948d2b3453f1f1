from __future__ import annotations

from pathlib import Path

import pytest

from gapscan.errors import TaxonomyError
from gapscan.taxonomy import Taxonomy, load_taxonomy


def broken(tiny_path: Path, tmp_path: Path, old: str, new: str) -> Path:
    text = tiny_path.read_text()
    assert old in text
    path = tmp_path / "t.toml"
    path.write_text(text.replace(old, new, 1))
    return path


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        (
            'aliases = ["golang"]',
            'aliases = ["golang", "k8s"]',
            "alias 'k8s' (any case) is claimed by more than one skill: 'go-language', 'kubernetes'",
        ),
        (
            'area = "lang"\nnot_after',
            'area = "nowhere"\nnot_after',
            "skill 'go-language': area names unknown area 'nowhere'",
        ),
        (
            'skills = ["machine-learning"]',
            'skills = ["machine-learnin"]',
            "course 'c1': skills names unknown skill 'machine-learnin'",
        ),
        ("steps = [1]", "steps = [12]", "skill 'machine-learning': steps names unknown step '12'"),
        ('name = "Kubernetes"', 'name = " "', "skill 'kubernetes': 'name' is empty"),
        (
            'related = ["machine-learning"]',
            'related = ["deep-neural-networks"]',
            "skill 'deep-neural-networks': is related to itself",
        ),
        (
            'required = ["kubernetes"]',
            'required = ["kubernetes"]\npreferred = ["kubernetes"]',
            "role 'r': 'kubernetes' is both required and preferred",
        ),
        ('id = "c-language"', 'id = "go-language"', "skill 'go-language' is defined twice"),
        (
            'aliases = ["golang"]',
            'aliases = ["golang"]\nphrases = ["write ..."]',
            "skill 'go-language': phrase 'write ...' needs words on both sides of '...'",
        ),
    ],
    ids=[
        "alias-twice",
        "unknown-area",
        "unknown-course-skill",
        "unknown-step",
        "empty-name",
        "self-related",
        "required-and-preferred",
        "duplicate-id",
        "phrase-gap-at-end",
    ],
)
def test_check_reports_problems(
    tiny_path: Path, tmp_path: Path, old: str, new: str, problem: str
) -> None:
    with pytest.raises(TaxonomyError) as info:
        load_taxonomy(broken(tiny_path, tmp_path, old, new))
    assert problem in info.value.problems


def test_not_toml(tmp_path: Path) -> None:
    path = tmp_path / "t.toml"
    path.write_text("[[skills]\n")
    with pytest.raises(TaxonomyError, match=r"t.toml: is not valid TOML"):
        load_taxonomy(path)


def test_tiny_loads_sorted(tiny: Taxonomy) -> None:
    assert [s.id for s in tiny.skills] == sorted(s.id for s in tiny.skills)
    assert tiny.related("machine-learning") == ("deep-neural-networks",)  # symmetric
    assert tiny.skill("go-language").case_insensitive_forms == ("golang",)


class TestPackagedTaxonomy:
    def test_size_and_shape(self, taxonomy: Taxonomy) -> None:
        assert taxonomy.name == "ai-architect"
        assert len(taxonomy.skills) >= 150
        assert [s.number for s in taxonomy.steps] == list(range(1, 10))
        assert {s.type for s in taxonomy.skills} >= {"technical", "soft", "certification"}

    def test_guide_courses(self, taxonomy: Taxonomy) -> None:
        titles = {(c.provider, c.title) for c in taxonomy.courses}
        assert titles >= {
            ("Coursera", "AI for Everyone"),
            ("Coursera", "Introduction to Artificial Intelligence"),
            ("Stanford University", "Artificial Intelligence Graduate Certificate"),
            ("IBM", "AI Developer Professional Certificate"),
            ("Microsoft", "Azure AI Engineer Associate"),
            ("Microsoft", "Azure Data Science Associate"),
        }
        assert all(c.skills or c.areas for c in taxonomy.courses)

    @pytest.mark.parametrize(
        "skill_id",
        [
            "python",
            "java",
            "sas",
            "tensorflow",
            "pytorch",
            "random-forest",
            "neural-networks",
            "natural-language-processing",
            "data-management",
            "data-science",
            "aws",
            "azure",
            "tableau",
            "sisense",
            "devops",
            "generative-ai",
            "chatgpt",
            "github-copilot",
            "communication",
            "project-management",
            "collaboration",
            "problem-solving",
            "kubernetes",
            "mlflow",
            "sql",
            "spark",
            "rag",
        ],
    )
    def test_has_skill(self, taxonomy: Taxonomy, skill_id: str) -> None:
        assert taxonomy.has_skill(skill_id)

    def test_every_area_of_the_guide(self, taxonomy: Taxonomy) -> None:
        areas = {a.id for a in taxonomy.areas}
        assert areas >= {
            "ai-driven-workflows",
            "nlp",
            "data-management",
            "data-science",
            "infrastructure-operations",
            "software-engineering-devops",
            "programming-languages",
            "frameworks",
            "cloud",
            "visualization",
            "generative-ai",
            "soft-skills",
        }
        used = {s.area for s in taxonomy.skills}
        assert used == areas

    def test_default_role(self, taxonomy: Taxonomy) -> None:
        role = taxonomy.role("ai-architect")
        assert role is not None
        assert {"python", "tensorflow", "communication"} <= set(role.required)
        assert role.preferred
