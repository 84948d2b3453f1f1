"""The HTML report (without a browser): what the page says, escaping, extra blocks, stability."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from cli_run import run

from gapscan.report.evidence import snippet
from gapscan.report.html import (
    Marked,
    coverage_by_area,
    marked,
    render_report,
    skills_table,
    via_words,
)
from gapscan.taxonomy import Taxonomy

GOLDEN = Path(__file__).resolve().parent / "golden" / "alex-rivera_ai-architect.json"
SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture()
def data() -> dict[str, Any]:
    """A real report of the sample pair (the JSON golden file), free to change."""
    loaded: dict[str, Any] = json.loads(GOLDEN.read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="module")
def areas(taxonomy: Taxonomy) -> dict[str, str]:
    return {a.id: a.name for a in taxonomy.areas}


def section_ids(page: str) -> list[str]:
    return re.findall(r'<section id="([^"]+)"', page)


def test_marked_finds_the_mention_the_snippet_centres() -> None:
    text = "AWS at first. " + "x" * 60 + " then AWS in the middle, and AWS after it " + "y" * 60
    start = text.index("AWS in")
    shown = snippet(text, start, start + 3)
    assert marked(shown, "AWS") == Marked(
        shown[: shown.index("AWS in")], "AWS", shown[shown.index("AWS in") + 3 :]
    )


def test_marked_collapses_white_space_and_marks_nothing_it_cannot_find() -> None:
    assert marked("built data\npipelines daily", "data\n pipelines") == Marked(
        "built data\npipelines daily", "", ""
    )
    assert marked("built data pipelines daily", "data\n pipelines") == Marked(
        "built ", "data pipelines", " daily"
    )
    assert marked("[name] wrote it", "Alex") == Marked("[name] wrote it", "", "")


def test_coverage_by_area_adds_up_to_the_score_breakdown(
    data: dict[str, Any], areas: dict[str, str]
) -> None:
    chart = coverage_by_area(data, areas)
    for importance in ("required", "preferred"):
        line = data["score"]["breakdown"][importance]
        for status in ("matched", "partial", "missing"):
            total = sum(
                b[status] for a in chart for b in a["bars"] if b["importance"] == importance
            )
            assert total == line[status], (importance, status)
    ids = [a["id"] for a in chart]
    assert ids == [a for a in areas if a in ids]  # the guide's order
    cloud = next(a for a in chart if a["id"] == "cloud")
    assert cloud["name"] == "Cloud platforms"
    longest = max(b["total"] for a in chart for b in a["bars"])
    widest = max(sum(s["width"] for s in b["segments"]) for a in chart for b in a["bars"])
    assert (longest, round(widest, 1)) == (longest, 240.0)


@pytest.mark.parametrize(
    ("relation", "words"),
    [
        ("same", None),
        ("narrower", "GitHub Actions, a kind of CI/CD"),
        ("broader", "the more general GitHub Actions"),
        ("related", "the related GitHub Actions"),
    ],
)
def test_via_words_say_how_the_resume_skill_stands_to_the_one_asked_for(
    relation: str, words: str | None
) -> None:
    gap = {"skills": [{"name": "CI/CD"}], "via": {"name": "GitHub Actions"}, "relation": relation}
    assert via_words(gap) == words
    assert via_words({**gap, "via": None}) is None


def test_skills_table_counts_counted_mentions_of_each_requirement_skill(
    data: dict[str, Any],
) -> None:
    rows = {r["name"]: r for r in skills_table(data)}
    aws = next(s for s in data["resume"]["skills"] if s["id"] == "aws")
    counted = sum(m["counted"] for m in aws["mentions"])
    assert rows["AWS"] == {
        "name": "AWS",
        "importance": "required",
        "status": "matched",
        "resume": counted,
        "posting": 1,
    }
    lacking = data["missing"][0]["skills"][0]["name"]
    assert (rows[lacking]["resume"], rows[lacking]["status"]) == (0, "missing")
    assert len(rows) == len({s for r in data["posting"]["requirements"] for s in r["skills"]})


def test_the_page_opens_with_the_answer_and_keeps_the_documented_order(
    data: dict[str, Any], areas: dict[str, str]
) -> None:
    page = render_report(data, areas)
    assert section_ids(page) == [
        "answer", "gaps", "plan", "areas", "matched", "skills",
        "experience", "education", "constraints",
    ]  # fmt: skip
    assert '<text id="gauge-value" x="75" y="80"' in page
    assert f">{data['score']['value']:g}</text>" in page
    assert data["summary"]["verdict"] in page
    assert f"<mark>{data['missing'][0]['posting_evidence'][0]['text']}</mark>" in page
    url = next(c["url"] for item in data["learning_plan"] for c in item["courses"] if c["url"])
    assert f'<a href="{url}">' in page
    assert data["resume"]["sha256"] in page and data["taxonomy"]["sha256"] in page
    assert "<script" not in page and "http://" not in page.split("<body>")[0]


def test_everything_from_a_document_is_escaped(data: dict[str, Any], areas: dict[str, str]) -> None:
    data["resume"]["source"] = "<script>alert(1)</script>=cmd|'/c calc'!A1.pdf"
    gap = data["matched"][0]
    gap["resume_evidence"][0]["snippet"] = '...runs on <img src=x onerror="alert(2)"> AWS...'
    gap["resume_evidence"][0]["text"] = "AWS"
    data["summary"]["warnings"] = ["page 2: </style><b>bold</b>"]
    page = render_report(data, areas)
    assert "<script>" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;=cmd|&#39;/c calc&#39;!A1.pdf" in page
    assert "runs on &lt;img src=x onerror=&#34;alert(2)&#34;&gt; <mark>AWS</mark>..." in page
    assert "page 2: &lt;/style&gt;&lt;b&gt;bold&lt;/b&gt;" in page


def test_only_web_addresses_become_links(data: dict[str, Any], areas: dict[str, str]) -> None:
    course = data["learning_plan"][0]["courses"][0]
    course["url"] = "javascript:alert(1)"
    page = render_report(data, areas)
    assert "javascript:" not in page
    assert course["title"] in page  # still listed, without a link


def test_extra_blocks_render_when_present_and_a_coverage_warning_comes_first(
    data: dict[str, Any], areas: dict[str, str]
) -> None:
    data["experience"] = {"years": 6.5, "required_years": 8, "meets": False}
    data["education"] = [{"degree": "MSc", "field": "Computer science"}]
    data["constraints"] = {"location": "Seattle, WA", "remote": None}
    data["not_recognised"] = [
        {"text": "Snowflake Cortex", "evidence": "Snowflake Cortex"},
        {"text": "<b>Q#</b>", "evidence": "<b>Q#</b>"},
    ]
    data["coverage"] = {"recognised": 11, "not_recognised": 9, "ratio": 0.55}
    data["summary"]["warnings"] = ["only 55% of the posting's terms are known"]
    page = render_report(data, areas)
    assert section_ids(page) == [
        "answer", "gaps", "plan", "areas", "matched", "skills",
        "experience", "education", "constraints", "not-recognised", "coverage",
    ]  # fmt: skip
    warning = page.index('id="coverage-warning"')
    assert warning < page.index('<section id="answer"')
    assert "only 55% of the posting&#39;s terms are known" in page[warning : warning + 200]
    assert "<dt>required years</dt><dd>8</dd>" in page
    assert "<dt>meets</dt><dd>no</dd>" in page
    assert '<dt>remote</dt><dd><span class="muted">none</span>' in page
    assert "<li>Snowflake Cortex</li>" in page and "<li>&lt;b&gt;Q#&lt;/b&gt;</li>" in page


def test_blocks_absent_from_the_report_are_not_shown(
    data: dict[str, Any], areas: dict[str, str]
) -> None:
    for key in ("experience", "education", "constraints"):
        data.pop(key)  # the sample report has them: take them out
    page = render_report(data, areas)
    for block in ("experience", "education", "constraints", "not-recognised", "coverage-warning"):
        assert f'id="{block}"' not in page


def test_a_resume_not_assessed_shows_no_score(data: dict[str, Any], areas: dict[str, str]) -> None:
    data.update(status="not_assessed", status_reason="the resume has no readable text")
    data["summary"].update(
        band=None, verdict="Not assessed: the resume has no readable text", start_here=[]
    )
    data["score"]["value"] = None
    for key in ("matched", "partial", "missing", "learning_plan"):
        data[key] = []
    page = render_report(data, areas)
    assert '<text id="gauge-value" x="75" y="80" text-anchor="middle" font-size="32"' in page
    assert re.search(r'id="gauge-value"[^>]*>–</text>', page)
    assert "Not assessed: the resume has no readable text" in page
    assert section_ids(page) == ["answer"]  # no gaps to list, nor "every requirement met"
    assert "The resume was not assessed (the resume has no readable text)" in page
    assert 'id="breakdown"' not in page


def test_the_footer_says_what_made_the_page(data: dict[str, Any], areas: dict[str, str]) -> None:
    page = render_report(data, areas)
    assert "redacted" not in page.split("<footer")[1] and " · made " not in page
    data["redacted"] = True
    data["run"] = {"generated_at": "2025-01-31T09:30:00Z", "python": "3.11.9", "platform": "Linux"}
    footer = render_report(data, areas).split("<footer")[1]
    taxonomy = data["taxonomy"]
    assert (
        f"taxonomy ai-architect {taxonomy['version']} (sha256 <code>{taxonomy['sha256']}</code>)"
        " · redacted · made 2025-01-31T09:30:00Z (Python 3.11.9, Linux)</p>"
    ) in footer


def test_same_report_same_bytes(data: dict[str, Any], areas: dict[str, str]) -> None:
    first = render_report(data, areas)
    assert render_report(copy.deepcopy(data), dict(areas)) == first
    assert first.endswith("</html>\n")


@pytest.mark.usefixtures("shared_cli_scanner")
def test_cli_writes_the_page_to_a_file_or_to_stdout(tmp_path: Path) -> None:
    resume = SAMPLES / "resumes" / "jordan-lee.txt"
    posting = SAMPLES / "postings" / "ml-engineer.txt"
    code, out, err = run(resume, posting, "--format", "html")
    assert (code, err) == (0, "")
    assert out.startswith('<!DOCTYPE html>\n<html lang="en">')
    target = tmp_path / "report.html"
    assert run(resume, posting, "--format", "html", "-o", target) == (0, "", "")
    assert target.read_text(encoding="utf-8") == out


def test_the_points_table_adds_up_to_the_score(data: dict[str, Any], areas: dict[str, str]) -> None:
    """Years of experience count in the score: their row is in the table too."""
    page = render_report(data, areas)
    table = page[
        page.index('<table id="breakdown">') : page.index("</table>", page.index('id="breakdown"'))
    ]
    rows = re.findall(r'<td class="num">([\d.]+) of ([\d.]+)</td>', table)
    breakdown = data["score"]["breakdown"]
    assert sum(float(p) for p, _ in rows) == breakdown["points"]
    assert sum(float(m) for _, m in rows) == breakdown["max_points"]
    assert '<th scope="row">years, required</th>' in table
