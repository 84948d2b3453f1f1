"""The learning plan: prerequisites first, then importance, status, roadmap step, what unlocks
more, name; prerequisites the posting does not name are added; start here; hours."""

from __future__ import annotations

import pytest

from gapscan.plan import learning_plan, plan_hours, step_asks
from gapscan.records import Gap, Importance, PlanStatus, Requirement
from gapscan.taxonomy import Taxonomy, parse_taxonomy

TAXONOMY = b"""
format = 1
[taxonomy]
name = "plan"
version = "0.1.0"
[[areas]]
id = "a"
name = "A"
[[steps]]
number = 2
title = "Languages"
[[steps]]
number = 3
title = "Machine learning"
summary = "Learn how models improve from data."
[[steps]]
number = 4
title = "Frameworks"
[[steps]]
number = 9
title = "Later"
[[resources]]
id = "python-tutorial"
provider = "P"
title = "Python tutorial"
kind = "tutorial"
url = "https://example.org/python"
hours = 10
skills = ["python"]
[[resources]]
id = "area-course"
provider = "P"
title = "A course for the area"
kind = "course"
areas = ["a"]
[[skills]]
id = "python"
name = "Python"
type = "technical"
area = "a"
steps = [2]
[[skills]]
id = "pytorch"
name = "PyTorch"
type = "technical"
area = "a"
requires = ["python", "deep-learning"]
steps = [4]
[[skills]]
id = "machine-learning"
name = "Machine learning"
type = "technical"
area = "a"
steps = [3]
[[skills]]
id = "deep-learning"
name = "Deep learning"
type = "technical"
area = "a"
requires = ["machine-learning"]
steps = [3]
[[skills]]
id = "docker"
name = "Docker"
type = "technical"
area = "a"
steps = [4]
[[skills]]
id = "kubernetes"
name = "Kubernetes"
type = "technical"
area = "a"
requires = ["docker"]
steps = [4]
[[skills]]
id = "airflow"
name = "Airflow"
type = "technical"
area = "a"
steps = [4]
[[skills]]
id = "statistics"
name = "Statistics"
type = "technical"
area = "a"
steps = [9]
[[skills]]
id = "cybersecurity"
name = "Cybersecurity"
type = "technical"
area = "a"
steps = []
"""


@pytest.fixture(scope="module")
def tax() -> Taxonomy:
    return parse_taxonomy(TAXONOMY, "plan.toml")


def gap(skill: str, importance: Importance, status: PlanStatus = "missing") -> Gap:
    via = "airflow" if status == "partial" else None
    return Gap(Requirement((skill,), importance), status, via, 0.0, 1.0)


def test_prerequisites_come_first_and_missing_ones_are_added(tax: Taxonomy) -> None:
    gaps = (
        gap("statistics", "preferred"),
        gap("kubernetes", "required"),
        gap("pytorch", "required"),
        gap("airflow", "required", "partial"),
        gap("deep-learning", "preferred"),
    )
    plan = learning_plan(gaps, frozenset({"docker"}), tax)
    assert [(p.rank, p.learn, p.importance, p.status, p.needed_for) for p in plan] == [
        (1, "python", "required", "missing", ("pytorch",)),  # needed for PyTorch, step 2
        (2, "machine-learning", "required", "missing", ("deep-learning", "pytorch")),
        # deep learning is only preferred by the posting, but PyTorch (required) needs it
        (3, "deep-learning", "preferred", "missing", ()),
        (4, "kubernetes", "required", "missing", ()),  # Docker is on the resume: not added
        (5, "pytorch", "required", "missing", ()),
        (6, "airflow", "required", "partial", ()),  # missing before partial
        (7, "statistics", "preferred", "missing", ()),
    ]
    assert [p.gap is None for p in plan] == [True, True, False, False, False, False, False]


def test_ties_in_a_step_go_to_what_unlocks_more(tax: Taxonomy) -> None:
    """Docker (required by Kubernetes) before Airflow, though both sit on step 4 and A < D."""
    plan = learning_plan(
        (gap("kubernetes", "preferred"), gap("airflow", "required"), gap("docker", "required")),
        frozenset(),
        tax,
    )
    assert [p.learn for p in plan] == ["docker", "airflow", "kubernetes"]


def test_start_here_is_what_unlocks_most_among_what_can_start_now(tax: Taxonomy) -> None:
    gaps = (gap("pytorch", "required"), gap("statistics", "preferred"), gap("airflow", "required"))
    plan = learning_plan(gaps, frozenset(), tax)
    starts = [p.learn for p in plan if p.start_here]
    # machine learning unlocks deep learning and PyTorch; Python unlocks PyTorch
    assert starts == ["python", "machine-learning", "airflow"]
    assert not any(p.start_here for p in plan if p.learn in ("pytorch", "deep-learning"))


def test_hours_come_from_a_resource_that_teaches_the_skill(tax: Taxonomy) -> None:
    gaps = (gap("pytorch", "required"), gap("airflow", "preferred"))
    plan = learning_plan(gaps, frozenset(), tax)
    by_skill = {p.learn: p for p in plan}
    assert by_skill["python"].hours == 10
    assert by_skill["python"].courses == ("python-tutorial",)
    assert by_skill["airflow"].hours is None  # only the area's course: no estimate
    assert by_skill["airflow"].courses == ("area-course",)
    hours = plan_hours(plan)
    assert (hours.required, hours.preferred, hours.without_estimate) == (10, 0, 4)


def test_a_cycle_in_requires_is_refused() -> None:
    from gapscan.errors import TaxonomyError

    cyclic = TAXONOMY.replace(
        b'area = "a"\nsteps = [2]', b'area = "a"\nrequires = ["pytorch"]\nsteps = [2]'
    )
    with pytest.raises(TaxonomyError) as caught:
        parse_taxonomy(cyclic, "cyclic.toml")
    assert "skill 'python': requires itself (through 'requires')" in caught.value.problems
    assert "skill 'pytorch': requires itself (through 'requires')" in caught.value.problems


def test_an_item_says_what_its_first_step_asks(tax: Taxonomy) -> None:
    gaps = (gap("cybersecurity", "required"), gap("pytorch", "required"))
    plan = learning_plan(gaps, frozenset(), tax)
    asks = {p.learn: step_asks(p, tax) for p in plan}
    assert asks["machine-learning"] == "Learn how models improve from data."
    assert asks["deep-learning"] == "Learn how models improve from data."
    assert asks["pytorch"] is None  # step 4 has no summary
    assert asks["cybersecurity"] is None  # no step of the roadmap covers it
    assert plan[-1].learn == "cybersecurity"  # with no step, it comes after the others
