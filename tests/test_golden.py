"""Golden reports: the full JSON, text and HTML output for one sample pair, compared verbatim.

After an intended change to the output, regenerate them with
``GAPSCAN_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py`` and review the diff.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from gapscan.cli import cli

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
# --as-of: "Present" in the resume means the same month whenever the test runs
PAIR = [
    "samples/resumes/alex-rivera.pdf",
    "samples/postings/ai-architect.txt",
    "--as-of",
    "2026-12-01",
]


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("alex-rivera_ai-architect.json", [*PAIR, "--format", "json"]),
        ("alex-rivera_ai-architect.txt", [*PAIR, "--no-color"]),
        ("alex-rivera_ai-architect.html", [*PAIR, "--format", "html"]),
    ],
)
def test_golden_report(name: str, args: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0
    golden = GOLDEN / name
    if os.environ.get("GAPSCAN_UPDATE_GOLDEN"):
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")


def test_the_demo_report_is_short_and_the_readme_shows_its_start() -> None:
    """The sample scan fits a screen or two in 80 columns, and the README quotes it as it is."""
    lines = (GOLDEN / "alex-rivera_ai-architect.txt").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 90
    assert max(len(line) for line in lines) <= 80
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"The sample scan (the first command above) prints {len(lines)}\nlines" in readme
    quoted = readme.split("```text\n", 1)[1].split("\n```", 1)[0].splitlines()
    assert quoted == lines[: len(quoted)]
    assert "Start here" in quoted and lines[len(quoted)] == ""  # through the end of it


def test_the_text_report_follows_the_html_reports_order() -> None:
    """Issue 13: the text report and the page show the same content in the same order."""
    text = (GOLDEN / "alex-rivera_ai-architect.txt").read_text(encoding="utf-8")
    page = (GOLDEN / "alex-rivera_ai-architect.html").read_text(encoding="utf-8")
    headings = {
        "Score ": "answer",
        "Gaps": "gaps",
        "Learning plan": "plan",
        "Coverage by skill area": "areas",
        "Matched": "matched",
        "Experience, education and constraints": "experience",
    }
    text_order = [headings[h] for line in text.splitlines() for h in headings if line.startswith(h)]
    sections = re.findall(r'<section id="([a-z-]+)"', page)
    assert [s for s in sections if s in text_order] == text_order
    assert len(text_order) == len(headings)
