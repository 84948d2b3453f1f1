"""gapscan.report.text: the report (answer first) and the extract as text, plain, colored,
verbose or redacted; gapscan.report.areas: coverage by skill area."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from gapscan.records import NO_TEXT_LAYER, Document, Mention, SkillProfile
from gapscan.report.areas import AreaCoverage, area_coverage
from gapscan.report.redact import personal_details
from gapscan.report.text import render_profile, render_report
from gapscan.scanner import Scanner
from gapscan.taxonomy import Taxonomy, load_taxonomy

POSTING = "Go Developer\nRequirements\n- Go or C\n- Kubernetes\nNice to have\n- ML\n"
PARTIAL = "Sam Lee\nsam.lee@example.com\nSkills\nGolang, deep neural networks\n"
COMPLETE = "Ann\nSkills\nGolang, Kubernetes, machine learning\n"


@pytest.fixture()
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Short relative paths in the reports: the files are in the current folder."""
    monkeypatch.chdir(tmp_path)
    for name, text in (("posting.txt", POSTING), ("sam-lee.txt", PARTIAL), ("ann.txt", COMPLETE)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


@pytest.fixture()
def tiny_scanner(tiny: Taxonomy) -> Scanner:
    return Scanner(tiny)


ANSWER = (
    "gapscan: sam-lee.txt against posting.txt, taxonomy tiny 0.1.0\n"
    "\n"
    "Score 50 / 100\n"
    "Fair match (50 of 100): your resume shows 1 of 2 required skills, and lacks 1;\n"
    "start with Kubernetes.\n"
    "  required   1 matched  0 partial  1 missing of 2       2 of 4    points (x2)\n"
    "  preferred  0 matched  1 partial  0 missing of 1     0.5 of 1    points (x1)\n"
    "  score = 100 x 2.5 / 5 (a partial match earns 0.5 of its weight)\n"
    "Start here\n"
    "  1. Kubernetes: for its area, P: ML course\n"
    "  2. Machine learning: P: ML course\n"
    "\n"
    "Gaps: 1 missing, 1 partial\n"
    "  Missing, required (1): Kubernetes\n"
    '  Partial, preferred (1): Machine learning ("ML"; via deep neural networks)\n'
    "\n"
)
AREAS = (
    "Coverage by skill area (matched / partial / missing)\n"
    "  Languages 1/0/1   Machine learning 0/1/0\n"
    "\n"
)


def test_a_report_starts_with_the_answer(here: Path, tiny: Taxonomy, tiny_scanner: Scanner) -> None:
    report = tiny_scanner.scan("sam-lee.txt", "posting.txt")
    assert render_report(report, tiny) == (
        ANSWER + "Learning plan (2 items): no item has an estimate of study time yet\n"
        "  1. Kubernetes; 2. Machine learning\n"
        "\n" + AREAS + "Matched (1)\n"
        "  Go\n"
        "\n"
        "--verbose adds each plan item's steps and resources and each match's evidence.\n"
    )


def test_verbose_shows_resources_and_evidence(
    here: Path, tiny: Taxonomy, tiny_scanner: Scanner
) -> None:
    report = tiny_scanner.scan("sam-lee.txt", "posting.txt")
    assert render_report(report, tiny, verbose=True) == (
        ANSWER + "Learning plan (2 items): no item has an estimate of study time yet\n"
        "  1. Kubernetes (required, missing)\n"
        '     why: the posting requires it ("Kubernetes") and your resume does not show\n'
        "     it\n"
        "     no resource teaches it itself; for its area: P: ML course (course)\n"
        "  2. Machine learning (preferred, partial)\n"
        '     why: the posting prefers it ("ML"); your resume shows the related deep\n'
        "     neural networks, which counts only in part\n"
        "     roadmap: 1. Learn\n"
        "     step 1 asks: Study the basics, then practise them.\n"
        "     learn with: P: ML course (course)\n"
        "\n" + AREAS + "Matched (1)\n"
        "  C or Go [required]\n"
        '    resume (skills): "Sam Lee sam.lee@example.com Skills Golang, deep neural\n'
        '      networks"\n'
    )


def _tiny_variant(tiny_path: Path, tmp_path: Path, after: str, added: str) -> Taxonomy:
    """The tiny taxonomy with one line added after ``after``."""
    text = tiny_path.read_text(encoding="utf-8").replace(after, f"{after}\n{added}", 1)
    (tmp_path / "variant.toml").write_text(text, encoding="utf-8")
    return load_taxonomy(tmp_path / "variant.toml")


def test_a_prerequisite_says_what_it_is_needed_for(here: Path, tiny_path: Path) -> None:
    taxonomy = _tiny_variant(tiny_path, here, 'aliases = ["k8s"]', 'requires = ["go-language"]')
    (here / "c-only.txt").write_text("Sam\nSkills\nC and deep neural networks\n")
    text = render_report(Scanner(taxonomy).scan("c-only.txt", "posting.txt"), taxonomy)
    assert "  1. Go (needed first); 2. Kubernetes; 3. Machine learning\n" in text
    verbose = render_report(
        Scanner(taxonomy).scan("c-only.txt", "posting.txt"), taxonomy, verbose=True
    )
    assert "  1. Go (needed first)\n     why: needed first for Kubernetes; your resume" in verbose


def test_a_gap_that_others_need_says_what_it_opens(here: Path, tiny_path: Path) -> None:
    taxonomy = _tiny_variant(tiny_path, here, 'exact = ["ML"]', 'requires = ["kubernetes"]')
    (here / "go-only.txt").write_text("Sam\nSkills\nGolang and C, ten years\n")
    report = Scanner(taxonomy).scan("go-only.txt", "posting.txt")
    lines = render_report(report, taxonomy, verbose=True).splitlines()
    at = lines.index("  1. Kubernetes (required, missing)")
    assert lines[at + 1 : at + 3] == [
        '     why: the posting requires it ("Kubernetes") and your resume does not show',
        "     it; it opens the way to Machine learning",
    ]
    # the item that it opens says nothing of the kind
    assert lines[lines.index("  2. Machine learning (preferred, missing)") + 1] == (
        '     why: the posting prefers it ("ML") and your resume does not show it'
    )


def test_nothing_to_learn_when_all_is_matched(
    here: Path, tiny: Taxonomy, tiny_scanner: Scanner
) -> None:
    lines = render_report(tiny_scanner.scan("ann.txt", "posting.txt"), tiny).splitlines()
    assert lines[:4] == [
        "gapscan: ann.txt against posting.txt, taxonomy tiny 0.1.0", "", "Score 100 / 100",
        "Strong match (100 of 100): your resume shows all 2 required skills.",
    ]  # fmt: skip
    headings = [line for line in lines if line and not line.startswith(" ")]
    assert headings[3:] == [
        "Gaps: none", "Learning plan", "Coverage by skill area (matched / partial / missing)",
        "Matched (3)",
        "--verbose adds each plan item's steps and resources and each match's evidence.",
    ]  # fmt: skip
    assert "  Nothing to learn: every requirement is matched." in lines
    assert "Start here" not in lines
    assert lines[lines.index("Matched (3)") + 1] == "  Go, Kubernetes, Machine learning"


def test_a_report_not_assessed(here: Path, tiny: Taxonomy, tiny_scanner: Scanner) -> None:
    scan = Document("scan.pdf", "pdf", "", "0" * 64, warnings=(NO_TEXT_LAYER,))
    report = tiny_scanner.assess(scan, tiny_scanner.prepare("posting.txt"))
    assert render_report(report, tiny) == (
        "gapscan: scan.pdf against posting.txt, taxonomy tiny 0.1.0\n"
        f"Not assessed\n  {NO_TEXT_LAYER}\n"
    )


def test_warnings_are_part_of_the_answer(here: Path, tiny: Taxonomy, tiny_scanner: Scanner) -> None:
    report = tiny_scanner.scan("sam-lee.txt", "posting.txt")
    posting = replace(report.posting.document, warnings=("the posting looks cut short",))
    warned = replace(report, posting=replace(report.posting, document=posting))
    lines = render_report(warned, tiny).splitlines()
    at = lines.index("Start here")
    assert lines[at + 3] == "Warning: the posting looks cut short"
    assert lines[at + 4] == ""


def test_redaction_hides_the_candidate(here: Path, tiny: Taxonomy, tiny_scanner: Scanner) -> None:
    report = tiny_scanner.scan("sam-lee.txt", "posting.txt")
    resume = report.resume.document
    details = personal_details(resume.text, resume.source)
    text = render_report(report, tiny, redaction=details, verbose=True)
    assert text.startswith(f"gapscan: sha256:{resume.sha256[:12]} against posting.txt,")
    for detail in ("Sam", "Lee", "sam.lee@example.com", "sam-lee"):
        assert detail.lower() not in text.lower()
    quoted = '"[name] [name] [email] Skills Golang, deep neural networks"'
    assert f"    resume (skills): {quoted}\n" in text
    assert "Score 50 / 100\n" in text  # the analysis is the same


def test_color_only_when_asked(here: Path, tiny: Taxonomy, tiny_scanner: Scanner) -> None:
    report = tiny_scanner.scan("sam-lee.txt", "posting.txt")
    colored = render_report(report, tiny, color=True)
    assert colored.startswith(
        "\x1b[1mgapscan: sam-lee.txt against posting.txt, taxonomy tiny 0.1.0\x1b[0m\n"
    )
    assert "\n\x1b[1;33mScore 50 / 100\x1b[0m\n" in colored  # a fair match: yellow
    assert "\n  \x1b[31mMissing, required (1):\x1b[0m Kubernetes\n" in colored
    assert "\x1b[" not in render_report(report, tiny)


def test_coverage_by_area_counts_each_requirement_once(
    here: Path, tiny: Taxonomy, tiny_scanner: Scanner
) -> None:
    report = tiny_scanner.scan("sam-lee.txt", "posting.txt")
    assert area_coverage(report, tiny) == (
        AreaCoverage("lang", matched=1, partial=0, missing=1),  # "Go or C", Kubernetes
        AreaCoverage("ml", matched=0, partial=1, missing=0),
    )
    assert [a.total for a in area_coverage(report, tiny)] == [2, 1]


def test_render_profile_of_a_resume_and_of_a_posting(
    here: Path, tiny: Taxonomy, tiny_scanner: Scanner
) -> None:
    resume, _ = tiny_scanner.extract("sam-lee.txt")
    assert render_profile(resume, taxonomy=tiny, posting=False) == (
        "sam-lee.txt: 2 skills (resume)\n"
        '  deep neural networks: "deep neural networks" (skills, ruler), 1 mention(s)\n'
        '  Go: "Golang" (skills, ruler), 1 mention(s)\n'
    )
    posting, _ = tiny_scanner.extract("posting.txt")
    assert render_profile(posting, taxonomy=tiny, posting=True) == (
        "posting.txt: 4 skills (posting)\n"
        '  C [required]: "C" (requirements, ruler), 1 mention(s)\n'
        '  Go [required]: "Go" (requirements, ruler), 2 mention(s)\n'
        '  Kubernetes [required]: "Kubernetes" (requirements, ruler), 1 mention(s)\n'
        '  Machine learning [preferred]: "ML" (preferred, ruler), 1 mention(s)\n'
    )


def test_render_profile_marks_what_does_not_count(tiny: Taxonomy) -> None:
    text = "Skills\nNo Kubernetes\n"
    doc = Document("r.txt", "text", text, "0" * 64)
    start = text.index("Kubernetes")
    mention = Mention("kubernetes", "Kubernetes", start, start + 10, None, "skills", "ruler",
                      1.0, False, "negated")  # fmt: skip
    profile = SkillProfile.of(doc, [mention])
    assert render_profile(profile, taxonomy=tiny, posting=False) == (
        "r.txt: 1 skills (resume)\n"
        '  Kubernetes [not counted]: "Kubernetes" (skills, ruler), 1 mention(s)\n'
    )


def test_render_profile_redacted(here: Path, tiny: Taxonomy, tiny_scanner: Scanner) -> None:
    resume, _ = tiny_scanner.extract("sam-lee.txt")
    doc = resume.document
    details = personal_details(doc.text, doc.source)
    shown = render_profile(resume, taxonomy=tiny, posting=False, redaction=details)
    assert shown.splitlines()[0] == f"sha256:{doc.sha256[:12]}: 2 skills (resume)"
    posting, _ = tiny_scanner.extract("posting.txt")
    # a posting's path is not the candidate's: it stays
    assert render_profile(posting, taxonomy=tiny, posting=True, redaction=details).startswith(
        "posting.txt: 4 skills (posting)\n"
    )


def test_each_roadmap_step_says_once_what_it_asks(scanner: Scanner, samples: Path) -> None:
    """With --verbose, under the first plan item of each step; the items after it share it."""
    report = scanner.scan(
        samples / "resumes" / "alex-rivera.pdf", samples / "postings" / "ai-architect.txt"
    )
    text = render_report(report, scanner.taxonomy, verbose=True).replace("\n     ", " ")
    assert "asks: " not in render_report(report, scanner.taxonomy)  # the short report: none
    firsts = sorted({i.steps[0] for i in report.plan if i.steps})
    told = sorted(int(n) for n in re.findall(r"step (\d) asks: ", text))
    assert told == firsts and len(firsts) > 3
    four = scanner.taxonomy.step(4).summary
    assert f"step 4 asks: {four}" in text


def test_start_here_names_the_resource_its_hours_come_from_and_keeps_urls_whole() -> None:
    """The estimate and the resource beside it are one resource's (MLOps: the guide's Azure
    course has no estimate, Google's MLOps guide has 2 h), and a URL longer than the line
    stays whole, to be copied."""
    from cli_run import run

    root = Path(__file__).resolve().parent.parent
    code, out, _ = run(
        root / "samples" / "resumes" / "jordan-lee.txt",
        root / "samples" / "postings" / "ml-engineer.txt",
        "--as-of",
        "2026-12-01",
        "--no-color",
    )
    assert code == 0
    url = "https://cloud.google.com/architecture/mlops-continuous-delivery-and-automation-pipelines-in-machine-learning"
    lines = out.splitlines()
    head = next(
        i for i, line in enumerate(lines) if ". MLOps (about 2 h): MLOps: Continuous" in line
    )
    assert url in [line.strip() for line in lines[head : head + 3]]
