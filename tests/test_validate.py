"""gapscan.validate: every problem of a parsed taxonomy, one sentence each (``check_raw``)."""

from __future__ import annotations

import copy
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from gapscan.validate import COURSE_KINDS, SKILL_TYPES, check_raw

Raw = dict[str, Any]


@pytest.fixture(scope="module")
def raw(tiny_path: Path) -> Raw:
    return tomllib.loads(tiny_path.read_text(encoding="utf-8"))


def skill(data: Raw, skill_id: str) -> Raw:
    found: Raw = next(s for s in data["skills"] if s["id"] == skill_id)
    return found


def test_the_tiny_taxonomy_is_valid(raw: Raw) -> None:
    assert check_raw(raw) == []


def test_skill_types_and_course_kinds() -> None:
    assert SKILL_TYPES == ("technical", "soft", "certification", "education")
    assert COURSE_KINDS == (
        "course", "certification", "certificate-program", "degree", "tutorial", "documentation",
        "book",
    )  # fmt: skip


def _set(key: str, value: Any) -> Callable[[Raw], None]:
    def change(data: Raw) -> None:
        data[key] = value

    return change


def _skill(skill_id: str, field: str, value: Any) -> Callable[[Raw], None]:
    def change(data: Raw) -> None:
        skill(data, skill_id)[field] = value

    return change


def _twice(key: str) -> Callable[[Raw], None]:
    def change(data: Raw) -> None:
        data[key].append(copy.deepcopy(data[key][0]))

    return change


CASES: list[tuple[str, Callable[[Raw], None], list[str]]] = [
    ("format", _set("format", 2), ["'format' must be 1 (the taxonomy file format version)"]),
    ("duplicate-area", _twice("areas"), ["area 'ml' is defined twice"]),
    ("duplicate-step", _twice("steps"), ["step '1' is defined twice"]),
    ("duplicate-course", _twice("courses"), ["course 'c1' is defined twice"]),
    ("duplicate-role", _twice("roles"), ["role 'r' is defined twice"]),
    ("bad-type", _skill("kubernetes", "type", "tool"),
     ["skill 'kubernetes': type must be one of technical, soft, certification, education"]),
    ("type-not-a-string", _skill("kubernetes", "type", 3),
     ["skill 'kubernetes': 'type' is missing or not a str"]),
    ("aliases-not-strings", _skill("kubernetes", "aliases", ["k8s", 8]),
     ["skill 'kubernetes': 'aliases' must be a list of strs"]),
    ("steps-not-ints", _skill("machine-learning", "steps", ["1"]),
     ["skill 'machine-learning': 'steps' must be a list of ints"]),
    ("empty-alias", _skill("kubernetes", "aliases", [" "]),
     ["skill 'kubernetes': 'aliases' holds an empty string"]),
    ("unknown-related", _skill("kubernetes", "related", ["docker"]),
     ["skill 'kubernetes': related names unknown skill 'docker'"]),
    ("gap-at-start", _skill("kubernetes", "phrases", ["... clusters"]),
     ["skill 'kubernetes': phrase '... clusters' needs words on both sides of '...'"]),
    ("gap-at-end", _skill("kubernetes", "phrases", ["ran ..."]),
     ["skill 'kubernetes': phrase 'ran ...' needs words on both sides of '...'"]),
    ("no-gap", _skill("kubernetes", "phrases", ["ran clusters"]),
     ["skill 'kubernetes': phrase 'ran clusters' needs words on both sides of '...'"]),
    ("id-not-kebab", _skill("kubernetes", "id", "Kube_rnetes"),
     ["skill 'Kube_rnetes': id must be lower-case kebab-case",
      "role 'r': required names unknown skill 'kubernetes'"]),
    ("exact-is-an-alias", _skill("c-language", "exact", ["C", "K8s"]),
     ["exact form 'K8s' of 'c-language' is also an alias of 'kubernetes'"]),
]


@pytest.mark.parametrize(("change", "problems"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_check_raw_problems(raw: Raw, change: Callable[[Raw], None], problems: list[str]) -> None:
    data = copy.deepcopy(raw)
    change(data)
    assert check_raw(data) == problems


def test_areas_that_are_not_tables(raw: Raw) -> None:
    data = copy.deepcopy(raw)
    data["areas"] = ["ml"]
    first, *rest = check_raw(data)
    assert first == "'areas' must be a list of tables ([[areas]])"
    # no area is known then: every reference to one is reported too
    assert len(rest) == 6 and all("names unknown area" in p for p in rest)


def test_a_course_with_an_unknown_kind_and_references(raw: Raw) -> None:
    data = copy.deepcopy(raw)
    data["courses"][0].update(kind="video", steps=[9], areas=["ops"])
    assert check_raw(data) == [
        "course 'c1': kind must be one of course, certification, certificate-program, degree, "
        "tutorial, documentation, book",
        "course 'c1': steps names unknown step '9'",
        "course 'c1': areas names unknown area 'ops'",
    ]


def test_broken_entries_stop_the_reference_checks(raw: Raw) -> None:
    data = copy.deepcopy(raw)
    del skill(data, "kubernetes")["name"]
    skill(data, "go-language")["area"] = "nowhere"  # would be reported, were entries whole
    assert check_raw(data) == ["skill 'kubernetes': 'name' is missing or not a str"]


def test_no_taxonomy_table() -> None:
    assert check_raw({"format": 1}) == ["the [taxonomy] table with name and version is missing"]
    assert check_raw({}) == [
        "'format' must be 1 (the taxonomy file format version)",
        "the [taxonomy] table with name and version is missing",
    ]


def test_a_minimal_taxonomy_is_valid() -> None:
    assert check_raw({"format": 1, "taxonomy": {"name": "t", "version": "1"}}) == []
