"""The JSON report as a contract: packaged schemas, every sample validated, versions, docs."""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from cli_run import run

from gapscan import __version__
from gapscan.errors import UsageProblem
from gapscan.report import schema
from gapscan.report.serialize import SCHEMA_VERSION, compact_bytes, profile_dict, report_dict
from gapscan.scanner import Scanner

ROOT = Path(__file__).resolve().parent.parent
RESUMES = sorted((ROOT / "samples" / "resumes").iterdir())
POSTINGS = sorted((ROOT / "samples" / "postings").iterdir())


@pytest.fixture(autouse=True)
def _fast(shared_cli_scanner: None) -> None:
    """Every CLI run here uses the packaged taxonomy: build its pipeline once."""


@pytest.fixture(scope="module")
def sample_reports(scanner: Scanner) -> dict[str, dict[str, Any]]:
    """All 4 sample resumes against all 3 sample postings, and each against the role."""
    reports = {}
    for resume in RESUMES:
        for posting in [*POSTINGS, None]:
            label = f"{resume.name}-{posting.name if posting else 'role'}"
            reports[label] = report_dict(scanner.scan(resume, posting), scanner.taxonomy)
    return reports


def test_every_document_has_a_valid_draft_2020_12_schema() -> None:
    assert schema.names() == ("batch-line", "batch-summary", "extract", "report")
    for name in schema.names():
        bundled = schema.bundled(name)
        assert bundled["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        jsonschema.Draft202012Validator.check_schema(bundled)


def test_pyproject_ships_the_schemas() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert "schemas/*.json" in config["tool"]["setuptools"]["package-data"]["gapscan.report"]


def test_compact_reports_are_what_json_dumps_gives(
    sample_reports: dict[str, dict[str, Any]],
) -> None:
    """Batch files are encoded by orjson; they must be the standard library's bytes."""
    for label, report in sample_reports.items():
        expected = json.dumps(report, ensure_ascii=False, separators=(",", ":")) + "\n"
        assert compact_bytes(report).decode() == expected, label


def test_every_sample_report_matches_the_schema(sample_reports: dict[str, dict[str, Any]]) -> None:
    assert len(sample_reports) == 16
    for label, report in sample_reports.items():
        assert schema.problems(report, "report") == [], label
    assessed = [r for r in sample_reports.values() if r["status"] == "assessed"]
    assert len(assessed) == 16


@pytest.mark.parametrize("path", [*RESUMES, *POSTINGS], ids=lambda p: p.name)
def test_every_sample_extract_matches_the_schema(scanner: Scanner, path: Path) -> None:
    profile, posting = scanner.extract(path)
    data = profile_dict(profile, scanner.taxonomy, posting=posting)
    assert data["kind"] == ("posting" if path in POSTINGS else "resume")
    assert schema.problems(data, "extract") == []


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (lambda r: r, "(top): Unevaluated properties are not allowed ('extra' was unexpected)"),
        (lambda r: r["resume"], "resume: Unevaluated properties are not allowed"),
        (lambda r: r["resume"]["skills"][0]["mentions"][0], "resume/skills/0/mentions/0: Addit"),
        (lambda r: r["missing"][0], "missing/0: Additional properties are not allowed"),
        (lambda r: r["score"]["breakdown"]["required"], "score/breakdown/required: Additional"),
        (lambda r: r["learning_plan"][0]["courses"][0], "learning_plan/0/courses/0: Additional"),
        (lambda r: r["posting"]["skills"][0], "posting/skills/0: Unevaluated properties"),
    ],
    ids=["top", "resume", "mention", "gap", "score-line", "course", "posting-skill"],
)
def test_a_field_the_schema_does_not_describe_fails(
    sample_reports: dict[str, dict[str, Any]], where: Any, expected: str
) -> None:
    report = json.loads(json.dumps(sample_reports["alex-rivera.pdf-ai-architect.txt"]))
    where(report)["extra"] = 1
    (problem,) = schema.problems(report, "report")
    assert problem.startswith(expected)


def test_a_missing_or_mistyped_field_fails(sample_reports: dict[str, dict[str, Any]]) -> None:
    report = json.loads(json.dumps(sample_reports["jordan-lee.txt-role"]))
    del report["resume"]["sha256"]
    report["score"]["value"] = "high"
    report["schema_version"] = "1.1"
    found = schema.problems(report, "report")
    assert [p.split(":")[0] for p in found] == ["resume", "schema_version", "score/value"]
    assert found[0] == "resume: 'sha256' is a required property"
    assert found[1].startswith("schema_version: '1.1' does not match")
    assert found[2] == "score/value: 'high' is not of type 'number', 'null'"


def test_report_carries_versions_and_digests(sample_reports: dict[str, dict[str, Any]]) -> None:
    report = sample_reports["alex-rivera.pdf-ai-architect.txt"]
    taxonomy_file = ROOT / "taxonomy" / "ai-architect.toml"
    assert report["schema_version"] == SCHEMA_VERSION
    assert report["gapscan_version"] == __version__
    assert report["taxonomy"] == {
        "name": "ai-architect",
        "version": tomllib.loads(taxonomy_file.read_text())["taxonomy"]["version"],
        "sha256": hashlib.sha256(taxonomy_file.read_bytes()).hexdigest(),
    }
    for key, path in (("resume", RESUMES[0]), ("posting", POSTINGS[0])):
        assert report[key]["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()


def test_score_recomputes_from_the_breakdown(sample_reports: dict[str, dict[str, Any]]) -> None:
    for report in sample_reports.values():
        b = report["score"]["breakdown"]
        years = b["experience"]
        lines = [b["required"], b["preferred"], years["required"], years["preferred"]]
        for line in lines:
            credit = line["matched"] + b["partial_credit"] * line["partial"]
            assert line["points"] == credit * line["weight"]
            assert line["max_points"] == line["total"] * line["weight"]
            assert line["total"] == line["matched"] + line["partial"] + line["missing"]
        assert b["points"] == sum(line["points"] for line in lines)
        assert b["max_points"] == sum(line["max_points"] for line in lines)
        assert report["score"]["value"] == round(100 * b["points"] / b["max_points"], 1)


def test_schema_version_is_semver_and_in_the_changelog() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", SCHEMA_VERSION)
    changelog = (ROOT / "docs" / "CHANGELOG-format.md").read_text()
    versions = re.findall(r"^## (\d+\.\d+\.\d+)", changelog, flags=re.MULTILINE)
    assert versions[0] == SCHEMA_VERSION  # newest first
    assert "1.0.0" in versions


def _properties(node: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        found.update(node.get("properties", {}))
        for value in node.values():
            found |= _properties(value)
    elif isinstance(node, list):
        for value in node:
            found |= _properties(value)
    return found


def test_the_docs_name_every_field_of_every_schema() -> None:
    docs = (ROOT / "docs" / "report-format.md").read_text()
    fields = set().union(*(_properties(schema.bundled(n)) for n in schema.names()))
    assert len(fields) > 40
    assert sorted(f for f in fields if f"`{f}`" not in docs) == []


def test_schema_command_lists_and_prints() -> None:
    assert run("schema") == (0, "batch-line\nbatch-summary\nextract\nreport\n", "")
    code, out, err = run("schema", "report")
    assert (code, err) == (0, "")
    assert json.loads(out) == schema.bundled("report")
    assert out.endswith("}\n")


def test_schema_command_rejects_an_unknown_name() -> None:
    assert run("schema", "resume") == (
        2,
        "",
        "Error: no schema 'resume' (schemas: batch-line, batch-summary, extract, report)\n",
    )
    with pytest.raises(UsageProblem):
        schema.load("../pyproject")


def test_json_output_is_byte_identical_without_run_metadata(samples: Path) -> None:
    args = (samples / "resumes" / "jordan-lee.txt", samples / "postings" / "ml-engineer.txt")
    first, second = run(*args, "--format", "json"), run(*args, "--format", "json")
    assert first == second
    assert '"run"' not in first[1] and '"redacted"' not in first[1]


def test_run_metadata_only_when_asked(samples: Path) -> None:
    resume = samples / "resumes" / "jordan-lee.txt"
    code, out, _ = run(resume, "--format", "json", "--run-metadata")
    report = json.loads(out)
    assert code == 0
    assert list(report)[:4] == ["schema_version", "gapscan_version", "taxonomy", "run"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", report["run"]["generated_at"])
    assert schema.problems(report, "report") == []
    code, out, _ = run("extract", resume, "--format", "json", "--run-metadata")
    assert schema.problems(json.loads(out), "extract") == []
