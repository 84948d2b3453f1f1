"""gapscan.batch.output: report names, paths kept inside the output folder, atomic writes,
and the outcome of one report."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest

from gapscan.batch.output import (
    GapLine,
    Outcome,
    from_jsonl_signature,
    inside,
    jsonl_record,
    report_names,
    safe_part,
    summarize,
    with_originals,
    write_atomic,
)
from gapscan.errors import OutputError
from gapscan.records import NO_TEXT_LAYER, Document
from gapscan.report.serialize import report_dict
from gapscan.scanner import Scanner
from gapscan.taxonomy import Taxonomy


@pytest.mark.parametrize(
    ("part", "safe"),
    [
        ("ok name (1).pdf", "ok name (1).pdf"),
        (".hidden.txt", "_hidden.txt"),
        ("..", "_."),
        ("café.txt", "caf_.txt"),
        ("$(rm -rf ~).txt", "_(rm -rf _).txt"),
        ("a:b*c?.txt", "a_b_c_.txt"),
        ("  padded  ", "padded"),
        ("", "_"),
        ("   ", "_"),
    ],
    ids=["kept", "hidden", "dot-dot", "non-ascii", "shell", "windows-reserved", "spaces",
         "empty", "blank"],
)  # fmt: skip
def test_safe_part(part: str, safe: str) -> None:
    assert safe_part(part) == safe


def test_a_long_part_is_cut_and_told_apart_by_a_digest() -> None:
    long_a, long_b = "a" * 130, "a" * 131
    safe = safe_part(long_a)
    assert safe.startswith("a" * 120 + "-") and len(safe) == 131
    assert safe_part(long_b) != safe


def test_report_names() -> None:
    names = report_names(["team/bo.txt", "ada.txt", "A.txt", "_.txt", "é.txt", "./x/../y.md"])
    assert names["ada.txt"] == "resumes/ada.txt.json"
    assert names["team/bo.txt"] == "resumes/team/bo.txt.json"
    assert names["./x/../y.md"] == "resumes/x/y.md.json"  # "." and ".." parts are dropped
    assert names["A.txt"] == "resumes/A.txt.json"  # sorted first: it keeps the plain name
    # names that differ only in case, or become the same once made safe, get a digest
    assert names["_.txt"] == "resumes/_.txt.json"
    assert re.fullmatch(r"resumes/_\.txt-[0-9a-f]{10}\.json", names["é.txt"])
    assert len({n.lower() for n in names.values()}) == len(names)


def test_report_names_collide_case_insensitively() -> None:
    names = report_names(["CV.txt", "cv.txt"])
    assert names["CV.txt"] == "resumes/CV.txt.json"
    assert re.fullmatch(r"resumes/cv\.txt-[0-9a-f]{10}\.json", names["cv.txt"])
    assert names == report_names(["cv.txt", "CV.txt"])  # the order given does not matter


def test_no_report_takes_the_place_of_a_folder_of_reports() -> None:
    """``a.pdf`` and ``a.pdf.json/cv.txt``: a report never lands where a folder must be."""
    names = report_names(["a.pdf", "a.pdf.json/cv.txt", "A.PDF.JSON/x/b.Json/c.md"])
    assert names == {
        "a.pdf": "resumes/a.pdf.json",
        "a.pdf.json/cv.txt": "resumes/a.pdf.json_/cv.txt.json",
        "A.PDF.JSON/x/b.Json/c.md": "resumes/A.PDF.JSON_/x/b.Json_/c.md.json",
    }
    reports = set(names.values())
    folders = {n.rsplit("/", k)[0] for n in reports for k in range(1, n.count("/"))}
    assert not reports & folders


def test_inside_refuses_an_escape(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    assert inside(out, "resumes/a.txt.json") == out.resolve() / "resumes" / "a.txt.json"
    with pytest.raises(ValueError) as info:
        inside(out, "../elsewhere.json")
    assert str(info.value) == "../elsewhere.json: report path escapes the output folder"
    (out / "link").symlink_to(tmp_path)
    with pytest.raises(ValueError, match="^link/x.json: report path escapes"):
        inside(out, "link/x.json")


@pytest.mark.parametrize("content", ["café\n", b"\x00bytes"], ids=["text", "bytes"])
def test_write_atomic(tmp_path: Path, content: str | bytes) -> None:
    target = tmp_path / "deep" / "er" / "r.json"
    write_atomic(target, "old")
    write_atomic(target, content)
    expected = content.encode() if isinstance(content, str) else content
    assert target.read_bytes() == expected
    assert sorted(p.name for p in target.parent.iterdir()) == ["r.json"]  # no temporary file


def test_write_atomic_leaves_no_temporary_file_when_it_fails(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    target.mkdir()  # a folder where the file should go: refused before anything is written
    with pytest.raises(OutputError, match="is a directory, not a regular file a report can"):
        write_atomic(target, "text")
    assert sorted(os.listdir(tmp_path)) == ["r.json"]
    assert list(target.iterdir()) == []


@pytest.fixture()
def tiny_scanner(tiny: Taxonomy) -> Scanner:
    return Scanner(tiny)


def test_summarize_an_assessed_report(
    tiny: Taxonomy, tiny_scanner: Scanner, tmp_path: Path
) -> None:
    resume, posting = tmp_path / "bo.txt", tmp_path / "job.txt"
    resume.write_text("Bo\nSkills\nGolang, deep neural networks\n", encoding="utf-8")
    posting.write_text("Go Developer\nRequirements\n- Go or C\n- Kubernetes\nNice to have\n- ML\n")
    data = report_dict(tiny_scanner.scan(resume, posting), tiny)
    outcome = summarize("bo.txt", "resumes/bo.txt.json", data, reused=True)
    assert outcome == Outcome(
        rel="bo.txt",
        status="ok",
        reason=None,
        sha256=data["resume"]["sha256"],
        report="resumes/bo.txt.json",
        score=50.0,
        counts=(1, 0, 1, 0, 1, 0),
        gaps=(
            GapLine(("c-language", "go-language"), "C / Go", "required", "matched"),
            GapLine(("machine-learning",), "Machine learning", "preferred", "partial"),
            GapLine(("kubernetes",), "Kubernetes", "required", "missing"),
        ),
        reused=True,
        experience_months=0,
        constraints=("",) * 9,
    )
    assert outcome.fine


def test_summarize_keeps_experience_and_what_the_resume_states_per_constraint(
    tiny: Taxonomy, tiny_scanner: Scanner, tmp_path: Path
) -> None:
    resume, posting = tmp_path / "bo.txt", tmp_path / "job.txt"
    resume.write_text(
        "Bo\nUS citizen; open to relocation.\nExperience\nGo Developer, Acme\n"
        "Jan 2020 - Dec 2021\n- Built services in Golang\n",
        encoding="utf-8",
    )
    posting.write_text(
        "Go Developer\nRequirements\n- 3+ years with Go\n"
        "- Must be authorized to work in the US.\n- Travel up to 25% required.\n",
        encoding="utf-8",
    )
    data = report_dict(tiny_scanner.scan(resume, posting), tiny)
    outcome = summarize("bo.txt", "resumes/bo.txt.json", data)
    assert outcome.experience_months == 24
    assert outcome.constraints == ("US (citizen)", "", "", "", "", "", "not stated", "", "")


def test_summarize_a_report_not_assessed(
    tiny: Taxonomy, tiny_scanner: Scanner, tmp_path: Path
) -> None:
    posting = tmp_path / "job.txt"
    posting.write_text("Go Developer\nRequirements\n- Kubernetes\n")
    scan = Document("scan.pdf", "pdf", "", "b" * 64, warnings=(NO_TEXT_LAYER,))
    data = report_dict(tiny_scanner.assess(scan, tiny_scanner.prepare(posting)), tiny)
    outcome = summarize("scan.pdf", "resumes/scan.pdf.json", data)
    assert outcome == Outcome("scan.pdf", "not_assessed", NO_TEXT_LAYER, "b" * 64,
                              "resumes/scan.pdf.json")  # fmt: skip
    assert not outcome.fine


@pytest.mark.parametrize(
    ("outcome", "fine"),
    [
        (Outcome("a", "ok"), True),
        (Outcome("a", "skipped", duplicate_of="b"), True),
        (Outcome("a", "skipped", "a FIFO, not a regular file"), False),
        (Outcome("a", "failed", "no such file"), False),
        (Outcome("a", "not_assessed", "no text"), False),
    ],
    ids=["ok", "duplicate", "skipped", "failed", "not-assessed"],
)
def test_fine(outcome: Outcome, fine: bool) -> None:
    assert outcome.fine is fine


def test_jsonl_record() -> None:
    outcome = Outcome("team/bo.txt", "skipped", None, "c" * 64, "resumes/ada.txt.json",
                      duplicate_of="ada.txt", candidate="Bo Li",
                      signature=b"\x01\x02")  # fmt: skip
    assert jsonl_record(outcome) == {
        "file": "team/bo.txt", "candidate": "Bo Li", "status": "skipped", "reason": None,
        "score": None, "report": "resumes/ada.txt.json", "sha256": "c" * 64,
        "duplicate_of": "ada.txt", "reused": False, "signature": "AQI=",
    }  # fmt: skip
    assert from_jsonl_signature("AQI=") == b"\x01\x02"
    redacted = jsonl_record(outcome, redact=True)
    assert (redacted["file"], redacted["duplicate_of"]) == ("[name]/[name].txt", "[name].txt")


def test_write_atomic_gives_the_mode_the_umask_allows(tmp_path: Path, umask: int) -> None:
    target = tmp_path / "r.json"
    write_atomic(target, "new")
    write_atomic(target, "again")  # a replaced file too
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    assert sorted(os.listdir(tmp_path)) == ["r.json"]


def test_duplicates_share_the_status_of_a_file_that_needs_attention() -> None:
    outcomes = [
        Outcome("a.txt", "ok", None, "1", "resumes/a.txt.json", 80.0),
        Outcome("b.txt", "failed", "is empty", "2"),
        Outcome("c.txt", "not_assessed", "no readable text", "3", "resumes/c.txt.json"),
        Outcome("a2.txt", "skipped", None, "1", "resumes/a.txt.json", duplicate_of="a.txt"),
        Outcome("b2.txt", "skipped", None, "2", "resumes/b.txt.json", duplicate_of="b.txt"),
        Outcome("c2.txt", "skipped", None, "3", "resumes/c.txt.json", duplicate_of="c.txt"),
    ]
    shared = with_originals(outcomes)
    assert shared[:4] == outcomes[:4]  # a duplicate of a fine file stays a fine duplicate
    assert shared[4:] == [
        Outcome("b2.txt", "failed", "same content as b.txt: is empty", "2", None,
                duplicate_of="b.txt"),
        Outcome("c2.txt", "not_assessed", "same content as c.txt: no readable text", "3",
                "resumes/c.txt.json", duplicate_of="c.txt"),
    ]  # fmt: skip
    assert [o.fine for o in shared] == [True, False, False, True, False, False]
