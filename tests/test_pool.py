"""gapscan.batch.pool: forked workers that scan the tasks and write each report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gapscan.batch import pool, task
from gapscan.batch.output import Outcome
from gapscan.batch.pool import LocalPool
from gapscan.batch.task import BatchSpec, Task

POSTING = "Go Developer\nRequirements\n- Go or C\n- Kubernetes\nNice to have\n- ML\n"
RESUMES = {
    "ada.txt": "Ada\nSkills\nGolang, Kubernetes, machine learning\n",
    "bo.txt": "Bo\nSkills\nGolang, deep neural networks\n",
    "cy.txt": "Cy\nSkills\nC and Kubernetes\n",
}


@pytest.fixture()
def prepared(
    tmp_path: Path, tiny_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[BatchSpec, list[Task]]:
    """The spec with its context built here, before the fork, as ``run_batch`` does."""
    monkeypatch.setattr(task, "_CONTEXTS", {})
    posting = tmp_path / "job.txt"
    posting.write_text(POSTING, encoding="utf-8")
    tasks = []
    for rel, text in RESUMES.items():
        (tmp_path / rel).write_text(text, encoding="utf-8")
        tasks.append(Task(rel, str(tmp_path / rel), rel[0] * 64, f"resumes/{rel}.json"))
    spec = BatchSpec(posting=str(posting), out=str(tmp_path / "out"), taxonomy=str(tiny_path))
    keyed, _ = task.prepare(spec)
    return keyed, tasks


def test_every_task_gives_one_outcome_and_its_report(
    prepared: tuple[BatchSpec, list[Task]],
) -> None:
    spec, tasks = prepared
    outcomes = sorted(LocalPool(spec, 2, 30).run(tasks), key=lambda o: o.rel)
    assert [(o.rel, o.status, o.score, o.report) for o in outcomes] == [
        ("ada.txt", "ok", 100.0, "resumes/ada.txt.json"),
        ("bo.txt", "ok", 50.0, "resumes/bo.txt.json"),
        ("cy.txt", "ok", 80.0, "resumes/cy.txt.json"),
    ]
    for o in outcomes:
        report = json.loads((Path(spec.out) / str(o.report)).read_text(encoding="utf-8"))
        assert (report["status"], report["score"]["value"]) == ("assessed", o.score)


def test_a_failure_comes_back_as_its_outcome(prepared: tuple[BatchSpec, list[Task]]) -> None:
    spec, tasks = prepared
    gone = Task("gone.txt", str(Path(spec.posting).parent / "gone.txt"), "g" * 64, "resumes/g")
    outcomes = list(LocalPool(spec, 1, 30).run([gone, tasks[0]]))
    assert sorted(outcomes, key=lambda o: o.rel)[1] == Outcome(
        "gone.txt", "failed", "no such file", "g" * 64
    )
    assert [o.status for o in outcomes if o.rel == "ada.txt"] == ["ok"]


def test_no_tasks_start_no_worker(
    prepared: tuple[BatchSpec, list[Task]], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_start(self: LocalPool) -> None:
        raise AssertionError("a worker was started")

    monkeypatch.setattr(pool.LocalPool, "_start", no_start)
    assert list(LocalPool(prepared[0], 2, 30).run([])) == []
