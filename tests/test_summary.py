"""gapscan.batch.summary: the ranking, summary.csv, and the "train or hire" cohort view."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

from gapscan import __version__
from gapscan.batch.output import GapLine, Outcome
from gapscan.batch.summary import (
    CSV_COLUMNS,
    Cohort,
    RequirementCount,
    cohort,
    cohort_dict,
    counts_by_status,
    missing_required,
    ranked,
    summary_csv,
    text_summary,
)
from gapscan.report.serialize import SCHEMA_VERSION

GO = GapLine(("c-language", "go-language"), "C / Go", "required", "matched")
K8S = GapLine(("kubernetes",), "Kubernetes", "required", "missing")
K8S_OK = K8S._replace(status="matched")
ML = GapLine(("machine-learning",), "Machine learning", "preferred", "partial")
ML_MISSING = ML._replace(status="missing")
ML_OK = ML._replace(status="matched")
DOCKER = GapLine(("docker",), "Docker", "required", "missing")

OUTCOMES = [
    Outcome("bo.txt", "ok", None, "b" * 64, "resumes/bo.txt.json", 50.0, (1, 0, 1, 0, 1, 0),
            (GO, ML, K8S), candidate="Bo Li"),
    Outcome("ada.txt", "ok", None, "a" * 64, "resumes/ada.txt.json", 100.0, (2, 0, 0, 1, 0, 0),
            (GO, K8S_OK, ML_OK), candidate="Ada Byron", experience_months=139,
            constraints=("US (citizen)", "not stated", "", "", "", "", "", "-relocate", "")),
    Outcome("cy.md", "ok", None, "c" * 64, "resumes/cy.md.json", 50.0, (2, 0, 0, 0, 0, 1),
            (GO, K8S_OK, ML_MISSING)),
    Outcome("copy.txt", "skipped", None, "a" * 64, "resumes/ada.txt.json",
            duplicate_of="ada.txt", candidate="Ada Byron"),
    Outcome("broken.pdf", "failed", "not a readable PDF", "d" * 64),
    Outcome("scan.pdf", "not_assessed", "no text layer", "e" * 64, "resumes/scan.pdf.json"),
    Outcome("pipe.txt", "skipped", "a FIFO, not a regular file"),
]  # fmt: skip


def test_ranked_by_score_then_status_then_file() -> None:
    assert [o.rel for o in ranked(OUTCOMES)] == [
        "ada.txt", "bo.txt", "cy.md",  # 100, then the 50s by name
        "scan.pdf", "broken.pdf", "copy.txt", "pipe.txt",  # not assessed, failed, skipped
    ]  # fmt: skip


def test_summary_csv() -> None:
    lines = summary_csv(OUTCOMES).splitlines()
    assert lines[0] == ",".join(CSV_COLUMNS)
    none = "," * 10  # no experience months, no constraint cells
    assert lines[1:] == [
        "1,ada.txt,Ada Byron,ok,100,2,0,0,1,0,0,,,,resumes/ada.txt.json,139,US (citizen),"
        "not stated,,,,,,'-relocate,",
        "2,bo.txt,Bo Li,ok,50,1,0,1,0,1,0,Kubernetes,,,resumes/bo.txt.json" + none,
        "3,cy.md,,ok,50,2,0,0,0,0,1,,,,resumes/cy.md.json" + none,
        ",scan.pdf,,not_assessed,,,,,,,,,,no text layer,resumes/scan.pdf.json" + none,
        ",broken.pdf,,failed,,,,,,,,,,not a readable PDF," + none,
        ",copy.txt,Ada Byron,skipped,,,,,,,,,identical to ada.txt,same content as ada.txt,"
        "resumes/ada.txt.json" + none,
        ",pipe.txt,,skipped,,,,,,,,,,\"a FIFO, not a regular file\"," + none,
    ]


def test_missing_required_skills_are_sorted_names() -> None:
    many = Outcome("x.txt", "ok", score=0.0, gaps=(K8S, ML_MISSING, GO, DOCKER))
    assert missing_required(many) == ("Docker", "Kubernetes")  # not the preferred ML
    assert "Docker; Kubernetes" in summary_csv([many]).splitlines()[1]


NEAR = {"bo.txt": ("cy.md",), "cy.md": ("bo.txt",)}


def test_summary_csv_flags_near_duplicates_both_ways() -> None:
    rows = {r["file"]: r for r in csv.DictReader(io.StringIO(summary_csv(OUTCOMES, NEAR)))}
    assert (rows["bo.txt"]["duplicates"], rows["cy.md"]["duplicates"]) == (
        "near duplicate of cy.md", "near duplicate of bo.txt",
    )  # fmt: skip
    assert rows["ada.txt"]["duplicates"] == ""


def test_summary_csv_redacted_names_files_by_candidate_id() -> None:
    redacted = [replace(o, candidate=f"cand-{o.sha256[:10]}") if o.sha256 else o
                for o in OUTCOMES]  # fmt: skip
    rows = {r["report"] + r["status"]: r for r in
            csv.DictReader(io.StringIO(summary_csv(redacted, NEAR, redact=True)))}  # fmt: skip
    bo = rows["resumes/bo.txt.jsonok"]
    assert (bo["file"], bo["candidate"], bo["duplicates"]) == (
        "[name].txt", "cand-bbbbbbbbbb", "near duplicate of cand-cccccccccc",
    )  # fmt: skip
    copy = rows["resumes/ada.txt.jsonskipped"]
    assert (copy["file"], copy["duplicates"], copy["reason"]) == (
        "copy.txt", "identical to cand-aaaaaaaaaa", "same content as [name].txt",
    )  # fmt: skip  ("copy" is never a name)


def test_summary_csv_has_a_column_per_constraint_kind() -> None:
    assert CSV_COLUMNS[-10:] == (
        "experience_months", "work_authorization", "sponsorship", "clearance", "work_mode",
        "location", "relocation", "travel", "language", "background_check",
    )  # fmt: skip


def test_counts_by_status() -> None:
    assert counts_by_status(OUTCOMES) == {
        "ok": 3, "not_assessed": 1, "failed": 1, "skipped": 2, "duplicates": 1,
    }  # fmt: skip


def test_cohort_counts_and_order() -> None:
    view = cohort(OUTCOMES)
    assert view.candidates_assessed == 3
    assert view.files == counts_by_status(OUTCOMES)
    assert view.requirements == (
        RequirementCount(("kubernetes",), "Kubernetes", "required", 1, 0, 2),  # most missing
        RequirementCount(("c-language", "go-language"), "C / Go", "required", 0, 0, 3),
        RequirementCount(("machine-learning",), "Machine learning", "preferred", 1, 1, 1),
    )


def test_a_duplicate_counts_once() -> None:
    again = Outcome("bo-copy.txt", "ok", None, "b" * 64, score=50.0, gaps=(GO, ML, K8S),
                    duplicate_of="bo.txt")  # fmt: skip
    assert cohort([*OUTCOMES, again]).requirements == cohort(OUTCOMES).requirements


def test_cohort_ties_break_on_partial_then_name() -> None:
    a = GapLine(("a",), "Alpha", "preferred", "partial")
    b = GapLine(("b",), "Beta", "preferred", "missing")
    z = GapLine(("z",), "Zeta", "preferred", "missing")
    view = cohort([Outcome("x", "ok", score=0.0, gaps=(z, a, b))])
    assert [r.name for r in view.requirements] == ["Beta", "Zeta", "Alpha"]


def test_cohort_dict() -> None:
    posting = {"source": "job.txt", "sha256": "f" * 64}
    taxonomy = {"name": "tiny", "version": "0.1.0", "sha256": "0" * 64}
    data = cohort_dict(cohort(OUTCOMES), posting, taxonomy)
    assert list(data) == [
        "schema_version", "gapscan_version", "taxonomy", "posting", "files",
        "candidates_assessed", "requirements", "near_duplicates",
    ]  # fmt: skip
    assert data["near_duplicates"] == []
    assert (data["schema_version"], data["gapscan_version"]) == (SCHEMA_VERSION, __version__)
    assert (data["taxonomy"], data["posting"], data["candidates_assessed"]) == (taxonomy, posting,
                                                                               3)  # fmt: skip
    assert data["requirements"][1] == {
        "skills": ["c-language", "go-language"], "name": "C / Go", "importance": "required",
        "missing": 0, "partial": 0, "matched": 3,
    }  # fmt: skip


def test_near_duplicates_are_grouped_and_still_counted() -> None:
    view = cohort(OUTCOMES, NEAR)
    assert [[o.rel for o in group] for group in view.near_duplicates] == [["bo.txt", "cy.md"]]
    assert view.candidates_assessed == 3
    posting = {"source": "job.txt", "sha256": "f" * 64}
    taxonomy = {"name": "tiny", "version": "0.1.0", "sha256": "0" * 64}
    assert cohort_dict(view, posting, taxonomy)["near_duplicates"] == [
        [{"file": "bo.txt", "candidate": "Bo Li"}, {"file": "cy.md", "candidate": None}]
    ]
    redacted = cohort_dict(view, posting, taxonomy, redact=True)
    assert redacted["redacted"] is True
    assert redacted["near_duplicates"][0][0] == {"file": "[name].txt", "candidate": "Bo Li"}


def test_text_summary() -> None:
    assert text_summary(OUTCOMES, cohort(OUTCOMES), "reports", top=2) == (
        "7 files: 3 ok, 1 not assessed, 1 failed, 2 skipped (1 duplicates)\n"
        "\n"
        "Train or hire: how many of the 3 assessed candidates lack each skill\n"
        "  importance  missing  partial  skill\n"
        "  required          1        0  Kubernetes\n"
        "  required          0        0  C / Go\n"
        "  preferred         1        1  Machine learning\n"
        "\n"
        "Top candidates\n"
        "  1. 100.0  ada.txt\n"
        "  2.  50.0  bo.txt\n"
        "\n"
        "Reports in reports: index.html, summary.csv, results.jsonl, cohort.json, resumes/\n"
    )


def test_text_summary_with_nobody_assessed() -> None:
    failed = [Outcome("a.pdf", "failed", "no such file")]
    view = cohort(failed)
    assert view == Cohort(counts_by_status(failed), 0, ())
    assert text_summary(failed, view, "out") == (
        "1 files: 0 ok, 0 not assessed, 1 failed, 0 skipped (0 duplicates)\n"
        "\n"
        "Reports in out: index.html, summary.csv, results.jsonl, cohort.json, resumes/\n"
    )
