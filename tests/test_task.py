"""gapscan.batch.task: one resume scanned against the batch's posting, every failure an outcome."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from gapscan.batch import task
from gapscan.batch.output import Outcome
from gapscan.batch.task import BatchSpec, Scanned, Task, context, prepare, scan_one, write_report
from gapscan.records import Document, GapReport
from gapscan.report.serialize import compact_bytes, report_dict
from gapscan.scanner import PreparedPosting, Scanner

POSTING = "Go Developer\nRequirements\n- Go or C\n- Kubernetes\nNice to have\n- ML\n"


@pytest.fixture()
def spec(tmp_path: Path, tiny_path: Path, monkeypatch: pytest.MonkeyPatch) -> BatchSpec:
    monkeypatch.setattr(task, "_CONTEXTS", {})  # this test's contexts only
    posting = tmp_path / "job.txt"
    posting.write_text(POSTING, encoding="utf-8")
    (tmp_path / "ada.txt").write_text("Ada\nSkills\nGolang, Kubernetes\n", encoding="utf-8")
    return BatchSpec(posting=str(posting), out=str(tmp_path / "out"), taxonomy=str(tiny_path))


def a_task(spec: BatchSpec, rel: str) -> Task:
    return Task(rel, str(Path(spec.posting).parent / rel), "f" * 64, f"resumes/{rel}.json")


def test_scan_one_encodes_the_report_without_writing_it(spec: BatchSpec) -> None:
    done = scan_one(spec, a_task(spec, "ada.txt"))
    assert done.target == Path(spec.out).resolve() / "resumes" / "ada.txt.json"
    assert not done.target.exists()  # the writer thread writes it
    assert done.report is not None and not done.exhausted
    data = json.loads(done.report)
    ctx = context(spec)
    single = ctx.scanner.scan(Path(spec.posting).parent / "ada.txt", spec.posting)
    assert done.report == compact_bytes(report_dict(single, ctx.scanner.taxonomy))
    assert (done.outcome.rel, done.outcome.status, done.outcome.score) == ("ada.txt", "ok", 80.0)
    assert done.outcome.sha256 == data["resume"]["sha256"]


def test_a_missing_file_is_a_failed_outcome(spec: BatchSpec) -> None:
    done = scan_one(spec, a_task(spec, "gone.txt"))
    assert done == Scanned(
        a_task(spec, "gone.txt"),
        done.target,
        Outcome("gone.txt", "failed", "no such file", "f" * 64),
    )


def test_a_failed_scan_removes_a_stale_report(spec: BatchSpec) -> None:
    stale = Path(spec.out) / "resumes" / "gone.txt.json"
    stale.parent.mkdir(parents=True)
    stale.write_text("{}", encoding="utf-8")
    assert scan_one(spec, a_task(spec, "gone.txt")).outcome.status == "failed"
    assert not stale.exists()


def test_running_out_of_memory_marks_the_worker_exhausted(
    spec: BatchSpec, monkeypatch: pytest.MonkeyPatch
) -> None:
    def exhaust(self: Scanner, resume: Document, posting: PreparedPosting) -> GapReport:
        raise MemoryError

    monkeypatch.setattr(Scanner, "assess", exhaust)
    done = scan_one(replace(spec, memory_mb=1500), a_task(spec, "ada.txt"))
    assert done.exhausted
    assert done.report is None
    assert done.outcome == Outcome(
        "ada.txt", "failed", "over the memory limit of 1500 MB per worker", "f" * 64
    )


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (RecursionError(), "too deeply nested to analyze"),
        (KeyError("x"), "internal error (KeyError); please report it"),
    ],
    ids=["recursion", "bug"],
)
def test_other_failures_are_recorded(
    spec: BatchSpec, monkeypatch: pytest.MonkeyPatch, error: Exception, reason: str
) -> None:
    def fail(self: Scanner, resume: Document, posting: PreparedPosting) -> GapReport:
        raise error

    monkeypatch.setattr(Scanner, "assess", fail)
    done = scan_one(spec, a_task(spec, "ada.txt"))
    assert (done.outcome.status, done.outcome.reason, done.exhausted) == ("failed", reason, False)


def test_write_report_of_a_failed_scan_writes_nothing(spec: BatchSpec) -> None:
    done = scan_one(spec, a_task(spec, "gone.txt"))
    assert write_report(done) is done.outcome
    assert not Path(spec.out).exists()


def test_write_report_writes_the_bytes(spec: BatchSpec) -> None:
    done = scan_one(spec, a_task(spec, "ada.txt"))
    assert write_report(done) is done.outcome
    assert done.target.read_bytes() == done.report


def test_write_report_that_cannot_be_written(spec: BatchSpec) -> None:
    done = scan_one(spec, a_task(spec, "ada.txt"))
    done.target.mkdir(parents=True)  # a folder where the report should go
    outcome = write_report(done)
    assert outcome == Outcome(
        "ada.txt",
        "failed",
        "its report path is a directory, not a regular file a report can replace",
        "f" * 64,
    )


def test_context_is_built_once_per_spec(spec: BatchSpec) -> None:
    first = context(spec)
    assert context(spec) is first
    assert first.posting.label == spec.posting
    other = context(replace(spec, recycle_after=7))
    assert other is not first
    assert list(task._CONTEXTS) == [replace(spec, recycle_after=7)]  # one batch at a time


def test_prepare_keys_the_context_by_content(spec: BatchSpec) -> None:
    keyed, ctx = prepare(spec)
    assert keyed.fingerprint == f"{ctx.posting_sha256}:{ctx.scanner.taxonomy.sha256}"
    assert context(keyed) is ctx
    Path(spec.posting).write_text(POSTING + "- C\n", encoding="utf-8")
    assert prepare(spec)[0].fingerprint != keyed.fingerprint  # same path, new content
