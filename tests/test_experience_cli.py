"""Experience, education and constraints end to end: --as-of, odd dates, the text blocks,
--redact, and the batch's reuse by date."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_run import run

from gapscan.batch import task
from gapscan.batch.run import Earlier, plan
from gapscan.batch.task import BatchSpec, process_one
from gapscan.batch.walk import walk

POSTING = (
    "Go Developer\nRequirements\n- 3+ years with Go\n- 10+ years of experience\n"
    "- Must be authorized to work in the US.\n- Travel up to 25% required.\n"
    "About us\nWe have been in business for 40 years of experience in logistics.\n"
)
RESUME = (
    "Bo Chen\nbo.chen@example.com\nUS citizen\nSkills\nGolang, Kubernetes\nExperience\n"
    "Go Developer, Acme | Jan 2021 - Present\n- Built services in Golang\n"
    "Intern, Initech | 2019 - 2017\n- Reversed dates\n"
    "Analyst, Globex | 13/2020 - 05/2021\n- A month that does not exist\n"
    "Lead, Future Co | Jan 2027 - Mar 2028\n- A range in the future\n"
)


@pytest.fixture()
def files(tmp_path: Path) -> tuple[Path, Path]:
    resume, posting = tmp_path / "bo.txt", tmp_path / "job.txt"
    resume.write_text(RESUME, encoding="utf-8")
    posting.write_text(POSTING, encoding="utf-8")
    return resume, posting


def _json(tiny_path: Path, *args: str | Path) -> dict[str, object]:
    code, out, err = run(*args, "--taxonomy", tiny_path, "--format", "json")
    assert (code, err) == (0, "")
    data: dict[str, object] = json.loads(out)
    return data


def test_as_of_is_the_present_and_is_recorded(tiny_path: Path, files: tuple[Path, Path]) -> None:
    data = _json(tiny_path, *files, "--as-of", "2026-12-01")
    experience = data["experience"]
    assert isinstance(experience, dict)
    assert experience["as_of"] == "2026-12-01"
    assert experience["total_months"] == 72  # Jan 2021 - Dec 2026
    later = _json(tiny_path, *files, "--as-of", "2027-06-30")["experience"]
    assert isinstance(later, dict) and later["total_months"] == 78


def test_odd_dates_never_crash_and_are_listed_with_the_reason(
    tiny_path: Path, files: tuple[Path, Path]
) -> None:
    experience = _json(tiny_path, *files, "--as-of", "2026-12-01")["experience"]
    assert isinstance(experience, dict)
    assert [r["heading"] for r in experience["roles"]] == ["Go Developer, Acme"]
    assert [(i["text"], i["reason"]) for i in experience["ignored_dates"]] == [
        ("2019 - 2017", "ends before it starts"),
        ("13/2020 - 05/2021", "month 13 is not 1-12"),
        ("Jan 2027 - Mar 2028", "starts after the as-of date"),
    ]


def test_years_count_in_the_score_and_about_us_is_not_read(
    tiny_path: Path, files: tuple[Path, Path]
) -> None:
    data = _json(tiny_path, *files, "--as-of", "2026-12-01")
    experience = data["experience"]
    assert isinstance(experience, dict)
    rows = [
        (r["min_years"], r["skills"], r["months_held"], r["verdict"], r["short_by_years"],
         r["status"], r["credit"])
        for r in experience["requirements"]
    ]  # fmt: skip
    assert rows == [
        (3.0, ["go-language"], 72, "met", None, "matched", 2.0),
        (10.0, [], 72, "short", 4.0, "partial", 1.0),  # 6 of 10 years: over half
    ]
    score = data["score"]
    assert isinstance(score, dict)
    assert score["breakdown"]["experience"]["required"]["points"] == 3.0


def test_constraints_are_reported_apart_and_never_guessed(
    tiny_path: Path, files: tuple[Path, Path]
) -> None:
    constraints = _json(tiny_path, *files, "--as-of", "2026-12-01")["constraints"]
    assert isinstance(constraints, list)
    rows = [(c["kind"], c["value"], c["resume"] and c["resume"][0]["value"]) for c in constraints]
    assert rows == [
        ("work_authorization", "US", "US"),
        ("travel", 25, None),  # the resume says nothing about travel: null, not a guess
    ]


def test_text_report_blocks(tiny_path: Path, files: tuple[Path, Path]) -> None:
    args = (*files, "--taxonomy", tiny_path, "--as-of", "2026-12-01", "--no-color")
    code, short, _ = run(*args)
    assert code == 0  # by default, one block: a line a requirement, no roles, no quotes
    start = short.index("Experience, education and constraints")
    assert short[start : short.index("--verbose adds")] == (
        "Experience, education and constraints\n"
        "  short by 4 years: 10+ years in total [required]: 6 years in 1 role as of\n"
        "      2026-12-01; 3 dates not used (--verbose)\n"
        "  met: 3+ years Go [required]: 6 years held\n"
        "  constraints, never scored [required]: work authorization US, resume: US\n"
        "      (citizen); travel 25%, resume: not stated in the resume\n"
        "\n"
    )
    assert "Go Developer, Acme" not in short
    code, out, _ = run(*args, "--verbose")
    assert code == 0
    start = out.index("Experience as of")
    assert out[start:] == (
        "Experience as of 2026-12-01: 6 years (72 months) in 1 role\n"
        "  Go Developer, Acme: Jan 2021 - Present, 72 months\n"
        "  met: 3+ years Go [required]: 6 years held\n"
        "    in: Go Developer, Acme\n"
        "  short by 4 years: 10+ years in total [required]: 6 years held\n"
        '  dates not used: "2019 - 2017" (ends before it starts)\n'
        '  dates not used: "13/2020 - 05/2021" (month 13 is not 1-12)\n'
        '  dates not used: "Jan 2027 - Mar 2028" (starts after the as-of date)\n'
        "\n"
        "Constraints (knock-outs, never part of the score)\n"
        '  work authorization US [required]: "- Must be authorized to work in the US."\n'
        "    resume: US (citizen)\n"
        '  travel 25% [required]: "- Travel up to 25% required."\n'
        "    resume: not stated in the resume\n"
    )


def test_redact_keeps_constraint_facts_and_drops_the_line(
    tiny_path: Path, files: tuple[Path, Path]
) -> None:
    data = _json(tiny_path, *files, "--as-of", "2026-12-01", "--redact")
    (stated,) = [c["resume"] for c in data["constraints"] if c["resume"]]  # type: ignore[union-attr]
    assert stated == [{"value": "US", "detail": "citizen", "text": None, "start": 28, "end": 38}]
    assert "bo.chen" not in json.dumps(data) and "Bo Chen" not in json.dumps(data)


@pytest.mark.parametrize("bad", ["13/2020", "2026-13-01", "tomorrow"])
def test_a_bad_as_of_is_a_usage_error(tiny_path: Path, files: tuple[Path, Path], bad: str) -> None:
    code, out, err = run(*files, "--taxonomy", tiny_path, "--as-of", bad)
    assert (code, out) == (2, "")
    assert err.splitlines()[-1] == (
        f"Error: Invalid value for '--as-of': '{bad}' does not match the format '%Y-%m-%d'."
    )


def test_batch_reuses_a_report_only_for_the_same_as_of(
    tmp_path: Path, tiny_path: Path, files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(task, "_CONTEXTS", {})
    resume, posting = files
    folder = tmp_path / "in"
    folder.mkdir()
    resume.rename(folder / resume.name)
    out = tmp_path / "out"

    def spec(as_of: str) -> BatchSpec:
        return BatchSpec(str(posting), str(out), taxonomy=str(tiny_path), as_of=as_of)

    first, context = task.prepare(spec("2026-12-01"))
    tasks, _ = plan(walk(folder), context, force=False)
    done = process_one(first, tasks[0])
    earlier = {done.sha256 or "": Earlier(done.candidate, done.signature)}  # results.jsonl's
    report = json.loads((out / "resumes" / "bo.txt.json").read_text(encoding="utf-8"))
    assert report["experience"]["as_of"] == "2026-12-01"
    assert plan(walk(folder), context, force=False, earlier=earlier)[0] == []  # reused
    _, later = task.prepare(spec("2027-01-01"))
    again = plan(walk(folder), later, force=False, earlier=earlier)[0]
    assert [t.rel for t in again] == ["bo.txt"]


def test_extract_of_a_resume_carries_its_roles_as_of_the_date(
    tiny_path: Path, files: tuple[Path, Path]
) -> None:
    resume, posting = files
    code, out, err = run(
        "extract", resume, "--taxonomy", tiny_path, "--format", "json", "--as-of", "2026-12-01"
    )
    assert (code, err) == (0, "")
    experience = json.loads(out)["experience"]
    assert (experience["as_of"], experience["total_months"], experience["requirements"]) == (
        "2026-12-01",
        72,
        [],
    )
    code, out, _ = run("extract", posting, "--taxonomy", tiny_path, "--format", "json")
    assert code == 0 and "experience" not in json.loads(out)
