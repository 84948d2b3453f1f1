"""gapscan.report.schema: the packaged schemas by name, bundled to stand alone."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from gapscan.batch.output import Outcome, jsonl_record
from gapscan.errors import UsageProblem
from gapscan.report import schema


def refs(node: Any) -> set[str]:
    if isinstance(node, dict):
        found = {node["$ref"]} if isinstance(node.get("$ref"), str) else set()
        return found.union(*(refs(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(refs(v) for v in node))
    return set()


def test_names_leave_out_the_shared_definitions() -> None:
    assert schema.names() == ("batch-line", "batch-summary", "extract", "report")
    assert "common" not in schema.names()


@pytest.mark.parametrize("name", ["batch-line", "batch-summary", "extract", "report"])
def test_bundled_embeds_common_under_its_own_id(name: str) -> None:
    shipped = schema.load(name)
    bundled = schema.bundled(name)
    common = bundled["$defs"]["common.json"]
    assert common["$id"] == "https://gapscan.invalid/schemas/common.json"
    assert bundled["$id"] == f"https://gapscan.invalid/schemas/{name}.json"  # same base
    assert {k: v for k, v in bundled.items() if k != "$defs"} == {
        k: v for k, v in shipped.items() if k != "$defs"
    }
    outside = {r for r in refs(bundled) if not r.startswith(("#", "common.json#"))}
    assert outside == set()
    assert any(r.startswith("common.json#") for r in refs(shipped))


def test_bundled_validates_with_no_registry() -> None:
    """The shared sha256 definition is reached inside the one document."""
    validator = jsonschema.Draft202012Validator(schema.bundled("batch-line"))
    good = jsonl_record(Outcome("a.txt", "failed", "no such file", "a" * 64))
    assert list(validator.iter_errors(good)) == []
    bad = {**good, "sha256": "not-a-digest"}
    assert [e.json_path for e in validator.iter_errors(bad)] == ["$.sha256"]


def test_bundled_returns_a_fresh_copy() -> None:
    first = schema.bundled("report")
    first["$defs"].clear()
    assert "common.json" in schema.bundled("report")["$defs"]
    assert json.dumps(schema.bundled("report")) == json.dumps(schema.bundled("report"))


def test_problems_are_sorted_path_and_message() -> None:
    good = jsonl_record(Outcome("a.txt", "ok", None, "a" * 64, "resumes/a.txt.json", 50.0))
    assert schema.problems(good, "batch-line") == []
    broken = {k: v for k, v in good.items() if k != "reused"}
    broken["status"] = "great"
    assert schema.problems(broken, "batch-line") == [
        "(top): 'reused' is a required property",
        "status: 'great' is not one of ['ok', 'not_assessed', 'failed', 'skipped']",
    ]


@pytest.mark.parametrize("name", ["resume", "common", "../pyproject", ""], ids=repr)
def test_an_unknown_name(name: str) -> None:
    with pytest.raises(UsageProblem) as info:
        schema.load(name)
    assert str(info.value) == (
        f"no schema '{name}' (schemas: batch-line, batch-summary, extract, report)"
    )
