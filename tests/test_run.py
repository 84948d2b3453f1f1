"""gapscan.batch.run: the plan of a batch (duplicates, reused reports, --force) and its files."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from gapscan.batch import run, task
from gapscan.batch.output import Outcome
from gapscan.batch.run import Earlier, file_sha256, plan, remove_temporaries
from gapscan.batch.task import BatchContext, BatchSpec, Task, process_one
from gapscan.batch.walk import walk

POSTING = "Go Developer\nRequirements\n- Go or C\n- Kubernetes\nNice to have\n- ML\n"


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "resumes"
    (root / "team").mkdir(parents=True)
    (root / "ada.txt").write_text("Ada\nSkills\nGolang, Kubernetes\n", encoding="utf-8")
    (root / "team" / "bo.txt").write_text("Bo\nSkills\nC, ML\n", encoding="utf-8")
    return root


@pytest.fixture()
def ctx(
    tmp_path: Path, tiny_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[BatchSpec, BatchContext]:
    monkeypatch.setattr(task, "_CONTEXTS", {})
    posting = tmp_path / "job.txt"
    posting.write_text(POSTING, encoding="utf-8")
    spec = BatchSpec(posting=str(posting), out=str(tmp_path / "out"), taxonomy=str(tiny_path))
    return task.prepare(spec)


def sha(path: Path) -> str:
    return file_sha256(path)


def test_every_file_is_a_task(folder: Path, ctx: tuple[BatchSpec, BatchContext]) -> None:
    tasks, known = plan(walk(folder), ctx[1], force=False)
    assert known == []
    assert tasks == [
        Task("ada.txt", str(folder / "ada.txt"), sha(folder / "ada.txt"), "resumes/ada.txt.json"),
        Task("team/bo.txt", str(folder / "team/bo.txt"), sha(folder / "team/bo.txt"),
             "resumes/team/bo.txt.json"),
    ]  # fmt: skip


def test_duplicates_by_content_and_by_hard_link(
    folder: Path, ctx: tuple[BatchSpec, BatchContext], monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(folder / "ada.txt", folder / "team" / "ada-copy.txt")
    os.link(folder / "team" / "bo.txt", folder / "zz-link.txt")
    hashed: list[str] = []

    def counting(path: Path) -> str:
        hashed.append(path.name)
        return file_sha256(path)

    monkeypatch.setattr(run, "file_sha256", counting)
    tasks, known = plan(walk(folder), ctx[1], force=False)
    assert [t.rel for t in tasks] == ["ada.txt", "team/bo.txt"]
    assert known == [
        Outcome("team/ada-copy.txt", "skipped", None, sha(folder / "ada.txt"),
                "resumes/ada.txt.json", duplicate_of="ada.txt"),
        Outcome("zz-link.txt", "skipped", None, sha(folder / "team/bo.txt"),
                "resumes/team/bo.txt.json", duplicate_of="team/bo.txt"),
    ]  # fmt: skip
    assert sorted(hashed) == ["ada-copy.txt", "ada.txt", "bo.txt"]  # a hard link is not read


def test_skipped_entries_are_known_outcomes(
    folder: Path, ctx: tuple[BatchSpec, BatchContext]
) -> None:
    os.mkfifo(folder / "pipe.txt")
    tasks, known = plan(walk(folder), ctx[1], force=False)
    assert len(tasks) == 2
    assert known == [Outcome("pipe.txt", "skipped", "a FIFO, not a regular file")]


def test_a_report_for_the_same_content_is_reused_unless_forced(
    folder: Path, ctx: tuple[BatchSpec, BatchContext]
) -> None:
    spec, context = ctx
    first, _ = plan(walk(folder), context, force=False)
    written = process_one(spec, first[0])  # ada.txt's report, on disk
    assert written.signature is not None
    earlier = {written.sha256 or "": Earlier(written.candidate, written.signature)}
    tasks, known = plan(walk(folder), context, force=False, earlier=earlier)
    assert [t.rel for t in tasks] == ["team/bo.txt"]
    assert known == [Outcome("ada.txt", "ok", None, written.sha256, "resumes/ada.txt.json",
                             written.score, written.counts, written.gaps, reused=True,
                             candidate="Ada", signature=written.signature,
                             experience_months=0, constraints=("",) * 9)]  # fmt: skip
    forced, known = plan(walk(folder), context, force=True, earlier=earlier)
    assert (forced, known) == (first, [])
    # without what the earlier run's results.jsonl said of it, the resume is scanned again
    assert plan(walk(folder), context, force=False)[0] == first


def test_a_plain_report_is_not_reused_for_a_redacted_run(
    folder: Path, ctx: tuple[BatchSpec, BatchContext]
) -> None:
    spec, context = ctx
    first, _ = plan(walk(folder), context, force=False)
    written = process_one(spec, first[0])
    earlier = {written.sha256 or "": Earlier(written.candidate, written.signature)}
    tasks, known = plan(walk(folder), context, force=False, redact=True, earlier=earlier)
    assert ([t.rel for t in tasks], known) == (["ada.txt", "team/bo.txt"], [])
    assert tasks[0].report == f"resumes/cand-{written.sha256[:10]}.json"


def test_a_report_for_other_content_is_not_reused(
    folder: Path, ctx: tuple[BatchSpec, BatchContext]
) -> None:
    spec, context = ctx
    first, _ = plan(walk(folder), context, force=False)
    process_one(spec, first[0])
    (folder / "ada.txt").write_text("Ada\nSkills\nC\n", encoding="utf-8")
    tasks, known = plan(walk(folder), context, force=False)
    assert ([t.rel for t in tasks], known) == (["ada.txt", "team/bo.txt"], [])


@pytest.mark.parametrize(
    "content",
    ["{broken", '{"resume": {"sha256": 1}}', "[]"],
    ids=["not-json", "missing-keys", "not-an-object"],
)
def test_a_damaged_report_is_redone(
    folder: Path, ctx: tuple[BatchSpec, BatchContext], content: str
) -> None:
    report = Path(ctx[0].out) / "resumes" / "ada.txt.json"
    report.parent.mkdir(parents=True)
    report.write_text(content, encoding="utf-8")
    tasks, known = plan(walk(folder), ctx[1], force=False)
    assert ([t.rel for t in tasks], known) == (["ada.txt", "team/bo.txt"], [])


def test_remove_temporaries(tmp_path: Path) -> None:
    reports = tmp_path / "resumes"
    (reports / "team").mkdir(parents=True)
    stale = [reports / ".a.txt.json.k3x9.tmp", reports / "team" / ".b.txt.json.0000.tmp"]
    for path in stale:
        path.write_text("{", encoding="utf-8")
    kept = [reports / "a.txt.json", reports / "team" / "notes.tmp"]
    for path in kept:
        path.write_text("{}", encoding="utf-8")
    (reports / ".dir.tmp").mkdir()
    remove_temporaries(reports)
    assert sorted(p.relative_to(reports).as_posix() for p in reports.rglob("*")) == [
        ".dir.tmp", "a.txt.json", "team", "team/notes.tmp",
    ]  # fmt: skip
    remove_temporaries(tmp_path / "absent")  # no folder yet: nothing to do
