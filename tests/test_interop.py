"""JSON Resume skills[] and schema.org DefinedTerms, with the taxonomy's crosswalk ids."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_run import run

ESCO = "http://data.europa.eu/esco/skill/0000-kubernetes-example"


@pytest.fixture()
def crosswalked(tiny_path: Path, tmp_path: Path) -> Path:
    """The tiny taxonomy with ESCO and O*NET ids on Kubernetes."""
    text = tiny_path.read_text().replace(
        'aliases = ["k8s"]', f'aliases = ["k8s"]\nesco = "{ESCO}"\nonet = "15-1244.00"'
    )
    path = tmp_path / "tiny-crosswalk.toml"
    path.write_text(text)
    return path


@pytest.fixture()
def resume(tmp_path: Path) -> Path:
    path = tmp_path / "sam-doe.txt"
    path.write_text("Sam Doe\nsam@example.com\nSkills\nKubernetes (k8s), golang, ML\n")
    return path


def test_jsonresume_skills_with_crosswalk(crosswalked: Path, resume: Path) -> None:
    code, out, err = run("extract", resume, "--format", "jsonresume", "--taxonomy", crosswalked)
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["$schema"].endswith("/resume-schema/v1.0.0/schema.json")
    assert data["skills"] == [
        {"name": "Go", "keywords": ["golang"], "id": "go-language"},
        {
            "name": "Kubernetes",
            "keywords": ["Kubernetes", "k8s"],
            "id": "kubernetes",
            "crosswalk": {"esco": ESCO, "onet": "15-1244.00"},
        },
        {"name": "Machine learning", "keywords": ["ML"], "id": "machine-learning"},
    ]
    assert data["meta"]["gapscan"]["taxonomy"]["name"] == "tiny"


def test_definedterms_for_a_posting(crosswalked: Path, tmp_path: Path) -> None:
    posting = tmp_path / "posting.txt"
    posting.write_text("Platform Engineer\nRequirements\n- Kubernetes\nNice to have\n- Go\n")
    code, out, _ = run("extract", posting, "--format", "definedterms", "--taxonomy", crosswalked)
    data = json.loads(out)
    assert code == 0
    assert (data["@context"], data["@type"]) == ("https://schema.org", "DefinedTermSet")
    assert data["isBasedOn"]["@id"] == "urn:gapscan:taxonomy:tiny:0.1.0"
    assert data["hasDefinedTerm"] == [
        {
            "@type": "DefinedTerm",
            "termCode": "go-language",
            "name": "Go",
            "inDefinedTermSet": "urn:gapscan:taxonomy:tiny:0.1.0",
            "description": "preferred by the posting",
        },
        {
            "@type": "DefinedTerm",
            "termCode": "kubernetes",
            "name": "Kubernetes",
            "inDefinedTermSet": "urn:gapscan:taxonomy:tiny:0.1.0",
            "sameAs": ESCO,
            "identifier": [
                {"@type": "PropertyValue", "propertyID": "ESCO", "value": ESCO},
                {"@type": "PropertyValue", "propertyID": "O*NET", "value": "15-1244.00"},
            ],
            "description": "required by the posting",
        },
    ]


def test_crosswalk_ids_reach_the_json_report(crosswalked: Path, resume: Path) -> None:
    code, out, _ = run("extract", resume, "--format", "json", "--taxonomy", crosswalked)
    skills = {s["id"]: s["crosswalk"] for s in json.loads(out)["skills"]}
    assert (code, skills["kubernetes"], skills["go-language"]) == (
        0, {"esco": ESCO, "onet": "15-1244.00"}, {}
    )  # fmt: skip


def test_jsonresume_refuses_a_posting(tiny_path: Path, tmp_path: Path) -> None:
    posting = tmp_path / "posting.txt"
    posting.write_text("Requirements\n- Kubernetes\n")
    args = ("extract", posting, "--format", "jsonresume", "--taxonomy", tiny_path)
    assert run(*args) == (
        2,
        "",
        f"Error: {posting}: read as a posting: JSON Resume holds a resume's skills "
        "(use --kind resume, or --format definedterms)\n",
    )


def test_redacted_jsonresume_has_no_contact(crosswalked: Path, resume: Path) -> None:
    args = ("extract", resume, "--format", "jsonresume", "--taxonomy", crosswalked, "--redact")
    code, out, _ = run(*args)
    assert code == 0
    assert "sam" not in out.lower() and "example.com" not in out
