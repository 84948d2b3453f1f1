"""What a posting asks that no skill covers, and how much gapscan understood of it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gapscan.coverage import Coverage, posting_coverage
from gapscan.scanner import Scanner
from tests.cli_run import run

CASES = [
    # (id, posting text after its title, the terms not recognised)
    ("java-stack", "Requirements\n- 5+ years of Java, Struts, Hibernate and Oracle",
     ["Hibernate", "Oracle", "Struts"]),  # fmt: skip
    ("tool-shaped", "Requirements\n- Python services behind GraphQL", ["GraphQL"]),
    ("after-a-cue", "Requirements\n- Experience with Maven", ["Maven"]),
    ("sentence-start", "Requirements\n- Define OKRs with the team.", ["OKRs"]),
    ("capitalised-alone", "Requirements\n- Python. Strong Kotlin skills are needed.", []),
    ("place-and-names", "Acme AI \u2014 Toronto, ON\nRequirements\n- Python", []),
    ("company-blurb", "About us\nAcme sells GraphQL tooling.\nRequirements\n- Python", []),
    ("negated", "Requirements\n- Java; no Hibernate or Oracle needed.", []),
    ("benefits", "Requirements\n- Java\nBenefits\n- A Peloton, yearly", []),
]


@pytest.mark.parametrize(("body", "terms"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_not_recognised(scanner: Scanner, tmp_path: Path, body: str, terms: list[str]) -> None:
    path = tmp_path / "posting.txt"
    path.write_text(f"Backend Engineer\n{body}\n", encoding="utf-8")
    profile, _ = scanner.extract(path, kind="posting")
    found = posting_coverage(profile, scanner.taxonomy)
    assert found is not None
    assert [u.text for u in found.not_recognised] == terms


@pytest.mark.parametrize(
    ("recognised", "missing", "ratio", "low"),
    [(2, 6, 0.25, True), (7, 3, 0.7, False), (2, 1, 0.667, True), (0, 0, 1.0, False)],
)
def test_coverage_ratio(recognised: int, missing: int, ratio: float, low: bool) -> None:
    c = Coverage(recognised, missing)
    assert (c.ratio, c.low) == (ratio, low)


JAVA = "Java Developer\nRequirements\n- 5+ years of Java, Struts, Hibernate and Oracle\n"


def test_the_report_warns_first_when_coverage_is_low(samples: Path, tmp_path: Path) -> None:
    posting = tmp_path / "java.txt"
    posting.write_text(JAVA, encoding="utf-8")
    code, out, _ = run(samples / "resumes" / "jordan-lee.txt", posting)
    assert code == 0
    lines = out.splitlines()
    top = lines.index("") + 1  # after the title and the taxonomy
    assert lines[top : top + 4] == [
        "Warning: the score is unreliable for this posting: of 4 terms it asks for,",
        "  gapscan recognised 1 (25%).",
        "Not recognised in the posting: Hibernate, Oracle, Struts",
        "",
    ]
    assert lines[top + 4].startswith("Score ")
    code, out, _ = run(samples / "resumes" / "jordan-lee.txt", posting, "--format", "json")
    report = json.loads(out)
    assert report["summary"]["warnings"][0] == (
        "the score is unreliable for this posting: of 4 terms it asks for, gapscan recognised 1"
        " (25%)"
    )
    assert report["coverage"] == {"recognised": 1, "not_recognised": 3, "ratio": 0.25}
    assert report["not_recognised"][0] == {
        "text": "Hibernate",
        "evidence": "...per Requirements - 5+ years of Java, Struts, Hibernate and Oracle",
    }


def test_a_role_has_no_coverage(samples: Path) -> None:
    code, out, _ = run(samples / "resumes" / "jordan-lee.txt", "--format", "json")
    assert code == 0
    report = json.loads(out)
    assert (report["coverage"], report["not_recognised"]) == (None, [])
