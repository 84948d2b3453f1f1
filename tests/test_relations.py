"""Skill relations in a verdict: a kind of the skill asked for matches it in full (``broader``),
a more general skill or a substitute (``related``) in part; the taxonomy check guards both."""

from __future__ import annotations

from pathlib import Path

import pytest

from gapscan import Scanner
from gapscan.errors import TaxonomyError
from gapscan.gap import classify
from gapscan.records import Requirement
from gapscan.report.evidence import via_words
from gapscan.taxonomy import Taxonomy, load_taxonomy, parse_taxonomy

TAXONOMY = b"""
format = 1
[taxonomy]
name = "relations"
version = "0.1.0"
[[areas]]
id = "a"
name = "A"
[[steps]]
number = 1
title = "One"
[[skills]]
id = "orchestration"
name = "Workflow orchestration"
type = "technical"
area = "a"
broader = ["pipelines"]
steps = [1]
[[skills]]
id = "pipelines"
name = "Data pipelines"
type = "technical"
area = "a"
steps = [1]
[[skills]]
id = "airflow"
name = "Apache Airflow"
type = "technical"
area = "a"
related = ["dagster"]
broader = ["orchestration"]
steps = [1]
[[skills]]
id = "dagster"
name = "Dagster"
type = "technical"
area = "a"
broader = ["orchestration"]
steps = [1]
"""


@pytest.fixture(scope="module")
def tax() -> Taxonomy:
    return parse_taxonomy(TAXONOMY, "relations.toml")


def _verdict(tax: Taxonomy, wanted: str, have: set[str]) -> tuple[str, str | None, str | None]:
    gap = classify(Requirement((wanted,), "required"), frozenset(have), tax)
    return gap.status, gap.via, gap.relation


@pytest.mark.parametrize(
    ("wanted", "have", "expected"),
    [
        ("orchestration", {"airflow"}, ("matched", "airflow", "narrower")),
        ("pipelines", {"airflow"}, ("matched", "airflow", "narrower")),  # two steps up
        ("orchestration", {"orchestration", "airflow"}, ("matched", "orchestration", "same")),
        # the nearest kind wins over one further down
        ("pipelines", {"airflow", "orchestration"}, ("matched", "orchestration", "narrower")),
        ("airflow", {"orchestration"}, ("partial", "orchestration", "broader")),
        ("airflow", {"dagster"}, ("partial", "dagster", "related")),
        ("airflow", {"pipelines"}, ("missing", None, None)),  # only the direct broader counts
        ("dagster", {"airflow"}, ("partial", "airflow", "related")),  # related is symmetric
    ],
    ids=[
        "kind-matches",
        "kind-of-a-kind-matches",
        "itself-first",
        "nearest-kind",
        "general-is-partial",
        "substitute-is-partial",
        "grandparent-is-not-partial",
        "related-both-ways",
    ],
)
def test_verdicts_follow_the_relations(
    tax: Taxonomy, wanted: str, have: set[str], expected: tuple[str, str | None, str | None]
) -> None:
    assert _verdict(tax, wanted, have) == expected


def test_the_report_says_which_kind_met_it(tax: Taxonomy) -> None:
    narrower = classify(Requirement(("orchestration",), "required"), frozenset({"airflow"}), tax)
    general = classify(Requirement(("airflow",), "required"), frozenset({"orchestration"}), tax)
    assert via_words(narrower, tax) == "Apache Airflow, a kind of Workflow orchestration"
    assert via_words(general, tax) == "Workflow orchestration, more general"


def test_a_cycle_in_broader_is_refused() -> None:
    cyclic = TAXONOMY.replace(
        b'name = "Data pipelines"\ntype = "technical"\narea = "a"\n',
        b'name = "Data pipelines"\ntype = "technical"\narea = "a"\nbroader = ["airflow"]\n',
    )
    with pytest.raises(TaxonomyError) as caught:
        parse_taxonomy(cyclic, "cyclic.toml")
    assert "skill 'pipelines': is broader than itself (through 'broader')" in caught.value.problems


def test_a_pair_is_not_both_broader_and_related() -> None:
    both = TAXONOMY.replace(b'related = ["dagster"]', b'related = ["dagster", "orchestration"]')
    with pytest.raises(TaxonomyError) as caught:
        parse_taxonomy(both, "both.toml")
    assert caught.value.problems == [
        "skill 'airflow': 'orchestration' is both broader and related; a pair is one or the other"
    ]


@pytest.mark.parametrize(
    ("wanted", "have", "status"),
    [
        ("workflow-orchestration", "airflow", "matched"),
        ("ci-cd", "github-actions", "matched"),
        ("big-data", "hadoop", "matched"),
        ("cloud-computing", "gcp", "matched"),
        ("cloud-architecture", "aws-certified-solutions-architect", "matched"),
        ("kubernetes", "certified-kubernetes-application-developer", "matched"),
        ("machine-learning", "pytorch", "matched"),
        ("ci-cd", "docker", "missing"),  # used together, not a substitute
        ("vector-databases", "postgresql", "missing"),
        ("terraform", "aws", "missing"),
        ("langchain", "hugging-face-transformers", "missing"),
        ("communication", "mentoring", "missing"),
        ("postgresql", "sql", "partial"),
        ("dagster", "airflow", "partial"),
    ],
    ids=lambda v: str(v),
)
def test_the_packaged_relations(wanted: str, have: str, status: str) -> None:
    assert _verdict(load_taxonomy(), wanted, {have})[0] == status


def test_a_framework_is_its_own_skill_narrower_than_its_language(
    scanner: Scanner, tmp_path: Path
) -> None:
    posting = tmp_path / "posting.txt"
    posting.write_text(
        "Senior Frontend Engineer\n\nRequirements\n- React\n- TypeScript\n- JavaScript\n"
        "- Spring Boot services\n",
        encoding="utf-8",
    )
    resume = tmp_path / "resume.txt"
    resume.write_text(
        "Jo Doe\n\nSkills\nNext.js, Java, building web front ends for eight years\n",
        encoding="utf-8",
    )
    report = scanner.scan(resume, posting)
    verdicts = {g.requirement.skills: (g.status, g.via) for g in report.gaps}
    assert verdicts == {
        ("react",): ("matched", "nextjs"),  # Next.js is a React framework
        ("typescript",): ("missing", None),
        ("javascript",): ("matched", "nextjs"),
        ("spring",): ("partial", "java"),  # the language alone, not the framework
    }


def test_a_broader_gap_joins_the_item_of_a_narrower_one(tax: Taxonomy) -> None:
    from gapscan.plan import learning_plan

    gaps = tuple(
        classify(Requirement((s,), importance), frozenset(), tax)
        for s, importance in [
            ("pipelines", "required"),
            ("orchestration", "required"),
            ("airflow", "preferred"),
            ("dagster", "preferred"),
        ]
    )
    plan = learning_plan(gaps, frozenset(), tax)
    shown = [
        (i.learn, i.importance, [g.requirement.skills for g in i.also_meets]) for i in plan
    ]
    # learning Airflow meets orchestration and pipelines too: one item, as urgent as they are
    assert shown == [
        ("airflow", "required", [("pipelines",), ("orchestration",)]),
        ("dagster", "preferred", []),
    ]
