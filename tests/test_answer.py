"""The answer first: the band, verdict sentence and start-here skills a report opens with."""

from __future__ import annotations

from pathlib import Path

import pytest

from gapscan import Scanner
from gapscan.report.answer import answer, band_of


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (100.0, "strong"),
        (75.0, "strong"),
        (74.9, "fair"),
        (50.0, "fair"),
        (49.9, "weak"),
        (25.0, "weak"),
        (24.9, "poor"),
        (0.0, "poor"),
    ],
    ids=lambda v: str(v),
)
def test_band_edges(score: float, band: str) -> None:
    assert band_of(score) == band


def _scan(scanner: Scanner, tmp_path: Path, resume: str, posting: str):  # type: ignore[no-untyped-def]
    r = tmp_path / "resume.txt"
    p = tmp_path / "posting.txt"
    r.write_text(resume, encoding="utf-8")
    p.write_text(posting, encoding="utf-8")
    return scanner.scan(r, p)


POSTING = "Machine Learning Engineer\n\nRequirements\n- Python\n- Docker\n- Kubernetes\n- SQL\n"


def test_verdict_counts_required_and_names_the_first_item(scanner: Scanner, tmp_path: Path) -> None:
    report = _scan(scanner, tmp_path, "Jo Doe\n\nSkills\nPython, SQL\n", POSTING)
    said = answer(report, scanner.taxonomy)
    first = report.plan[0].learn
    assert said.start_here[0] == first
    assert said.band == "fair"
    assert said.verdict == (
        "Fair match (50 of 100): your resume shows 2 of 4 required skills, and lacks 2;"
        f" start with {scanner.taxonomy.skill(first).name}."
    )


def test_all_matched_says_all_and_no_start(scanner: Scanner, tmp_path: Path) -> None:
    report = _scan(
        scanner, tmp_path, "Jo Doe\n\nSkills\nPython, SQL, Docker, Kubernetes\n", POSTING
    )
    said = answer(report, scanner.taxonomy)
    assert said.verdict == "Strong match (100 of 100): your resume shows all 4 required skills."
    assert said.start_here == ()


def test_not_assessed_gives_the_reason(scanner: Scanner, tmp_path: Path) -> None:
    resume = "Jo Doe\n\nSkills\nPython, SQL, Docker and Kubernetes for five years\n"
    report = _scan(scanner, tmp_path, resume, "Chef\n\nWe cook soup.\n")
    said = answer(report, scanner.taxonomy)
    assert said.band is None
    assert said.verdict == "Not assessed: no skill from the taxonomy was found in the posting"
