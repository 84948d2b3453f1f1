from __future__ import annotations

import re
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
        (
            'skills = ["machine-learning"]',
            'skills = ["machine-learning"]\nlevel = "expert"',
            "course 'c1': level must be one of beginner, intermediate, advanced",
        ),
        (
            'skills = ["machine-learning"]',
            'skills = ["machine-learning"]\ncost = "cheap"',
            "course 'c1': cost must be one of free, paid",
        ),
        (
            'skills = ["machine-learning"]',
            'skills = ["machine-learning"]\nhours = 0',
            "course 'c1': hours must be a whole number of at least 1",
        ),
        (
            'skills = ["machine-learning"]',
            'skills = ["machine-learning"]\nurl = "ftp://example.org/course"',
            "course 'c1': url must be an http(s) address",
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
        "bad-level",
        "bad-cost",
        "zero-hours",
        "not-http",
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


def test_resources_that_teach_a_skill_come_first_and_fallbacks_are_marked(
    taxonomy: Taxonomy, tiny: Taxonomy
) -> None:
    """A resource chosen by the skill's area is never taken for one that teaches it."""
    for skill_id in ("pytorch", "docker", "kubernetes"):
        found = taxonomy.learning_resources((skill_id,))
        assert found and all(taxonomy.teaches(c, (skill_id,)) for c in found), skill_id
        # every resource but the guide's own courses has a confirmed address
        assert all(c.guide or c.url.startswith(("https://", "http://")) for c in found)
    assert "pytorch" not in taxonomy.without_direct_resource()
    # in the tiny taxonomy, c1 teaches machine learning and serves the area of Go
    fallback = tiny.learning_resources(("go-language",))
    assert [c.id for c in fallback] == ["c1"]
    assert not tiny.teaches(fallback[0], ("go-language",))
    assert "go-language" in tiny.without_direct_resource()
    mixed = tiny.learning_resources(("go-language", "machine-learning"))
    assert tiny.teaches(mixed[0], ("machine-learning",))


def test_all_but_three_technical_and_soft_skills_have_a_resource_of_their_own(
    taxonomy: Taxonomy,
) -> None:
    """Issue 12: at most 5% of technical and soft skills may lack a direct resource."""
    alone = taxonomy.without_direct_resource()
    assert alone == ("customer-facing", "ownership", "professional-networking")
    taught = [s for s in taxonomy.skills if s.type in ("technical", "soft")]
    assert len(alone) <= 0.05 * len(taught)
    # they are soft skills, and no resource serves their area either: nothing is shown
    assert all(taxonomy.skill(s).type == "soft" for s in alone)
    assert taxonomy.learning_resources(alone) == ()


def test_guide_courses_are_marked_and_resources_in_the_older_table_still_load(
    taxonomy: Taxonomy, tiny: Taxonomy
) -> None:
    guide = sorted(c.id for c in taxonomy.courses if c.guide)
    assert len(guide) == 7 and "coursera-ai-for-everyone" in guide
    assert [c.id for c in tiny.courses] == ["c1"]  # tiny.toml still says [[courses]]


def _steps_in_review() -> dict[str, set[int | None]]:
    """taxonomy/steps-review.md: for each skill, the steps whose section lists it."""
    review = Path(__file__).parents[1] / "taxonomy" / "steps-review.md"
    found: dict[str, set[int | None]] = {}
    step: int | None = None
    for line in review.read_text(encoding="utf-8").splitlines():
        if line.startswith("## Step "):
            step = int(line.removeprefix("## Step ").split(":")[0])
        elif line == "## No roadmap step":
            step = None
        elif line.startswith("- "):
            for skill_id in re.findall(r"`([a-z0-9][a-z0-9+#.-]*)`", line):
                assert step not in found.get(skill_id, set()), (skill_id, step)
                found.setdefault(skill_id, set()).add(step)
    return found


def test_every_step_assignment_is_justified_in_the_review(taxonomy: Taxonomy) -> None:
    """Issue 12, item 4: the review quotes the guide for each skill on each of its steps."""
    listed = _steps_in_review()
    for skill in taxonomy.skills:
        assert listed.get(skill.id) == (set(skill.steps) or {None}), skill.id
    assert set(listed) == {s.id for s in taxonomy.skills}


def test_real_world_experience_holds_only_what_its_text_names(taxonomy: Taxonomy) -> None:
    """Step 5 is where to practise, not what to learn: no skill rests on it by default."""
    assert [s.id for s in taxonomy.skills if 5 in s.steps] == ["data-analytics"]
    assert taxonomy.skill("ai-architecture").steps == (9,)
    assert taxonomy.skill("cybersecurity").steps == ()
