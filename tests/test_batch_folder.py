"""``gapscan batch`` and its output folder: one run at a time, a full disk, symlinks in it."""

from __future__ import annotations

import errno
import json
import multiprocessing
import os
import re
import signal
import socket
import time
from pathlib import Path
from typing import Any

import pytest
from cli_run import run
from test_batch import POSTING, RESUMES, batch, results

from gapscan import cli
from gapscan.batch import run as batch_run
from gapscan.batch import task
from gapscan.batch.lock import locked
from gapscan.records import Document, GapReport
from gapscan.scanner import PreparedPosting, Scanner

FORK = multiprocessing.get_context("fork")
FILES = {"ada.txt", "team/bo.txt", "team/cy.md"}
FULL = "No space left on device"
KEPT = "what was written is kept, and running the batch again finishes it"


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """The resumes of ``test_batch``: three to scan and a hidden file."""
    for rel, text in RESUMES.items():
        (tmp_path / "resumes" / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "resumes" / rel).write_text(text, encoding="utf-8")
    return tmp_path / "resumes"


@pytest.fixture()
def posting(tmp_path: Path) -> Path:
    (tmp_path / "posting.txt").write_text(POSTING, encoding="utf-8")
    return tmp_path / "posting.txt"


def _one_batch(args: list[str], start: Any, answers: Any) -> None:
    start.wait()
    code, _, err = run(*args)
    answers.put((os.getpid(), code, err))


def _race(
    args: list[str], count: int, gate: Any = None, waiting: Any = None
) -> list[tuple[int, int, str]]:
    """``count`` batches started at once; the answers in the order they came.

    With a ``gate``, the patched scan blocks until all but one run have answered (or, with a
    ``waiting`` queue, said that they wait), so the one that took the folder is still
    running when the others try.
    """
    start, answers = FORK.Barrier(count), FORK.Queue()
    runs = [FORK.Process(target=_one_batch, args=(args, start, answers)) for _ in range(count)]
    for process in runs:
        process.start()
    if waiting is None:  # refused runs answer at once, the one running answers last
        got = [answers.get(timeout=120) for _ in range(count - 1)]
        if gate is not None:
            gate.set()
        got.append(answers.get(timeout=120))
    else:  # waiting runs say so at once, and answer after the one running
        for _ in range(count - 1):
            waiting.get(timeout=120)
        gate.set()
        got = [answers.get(timeout=120) for _ in range(count)]
    for process in runs:
        process.join(timeout=30)
    return got


def _gated_scan(monkeypatch: pytest.MonkeyPatch, gate: Any) -> None:
    assess = Scanner.assess

    def slow(self: Scanner, resume: Document, job: PreparedPosting) -> GapReport:
        gate.wait(60)
        return assess(self, resume, job)

    monkeypatch.setattr(Scanner, "assess", slow)


def _nothing_lost(reports: Path) -> list[dict[str, Any]]:
    lines = [json.loads(line) for line in (reports / "results.jsonl").read_text().splitlines()]
    assert {r["file"]: r["status"] for r in lines} == dict.fromkeys(FILES, "ok")
    for record in lines:
        data = json.loads((reports / record["report"]).read_text(encoding="utf-8"))
        assert (data["status"], data["resume"]["sha256"]) == ("assessed", record["sha256"])
    assert not list(reports.rglob("*.tmp"))
    return lines


def _args(folder: Path, posting: Path, tiny_path: Path, *extra: str) -> list[str]:
    out = folder.parent / "reports"
    return ["batch", str(folder), str(posting), "-o", str(out), "--taxonomy", str(tiny_path),
            "--workers", "1", *extra]  # fmt: skip


def test_four_batches_into_one_folder_one_proceeds(
    folder: Path, posting: Path, tiny_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = FORK.Event()
    _gated_scan(monkeypatch, gate)
    answers = _race(_args(folder, posting, tiny_path), 4, gate)
    winner = answers[-1]
    assert winner[1:] == (0, "")
    reports = folder.parent / "reports"
    refusal = re.compile(
        rf"Error: {re.escape(str(reports))}: another gapscan batch is writing to this folder "
        rf"\(pid (\d+) on {re.escape(socket.gethostname())}, started \d{{4}}-\d\d-\d\d "
        r"\d\d:\d\d:\d\d UTC\); let it finish, add --wait, or give another -o folder\n"
    )
    for _, code, err in answers[:-1]:
        found = refusal.fullmatch(err)
        assert code == 2 and found is not None, err
        assert int(found.group(1)) == winner[0]  # it names the run that holds the folder
    assert not any(r["reused"] for r in _nothing_lost(reports))


def test_four_batches_with_wait_all_complete(
    folder: Path, posting: Path, tiny_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first to lock scans; the three others say they wait, then reuse every report."""
    gate, waiting = FORK.Event(), FORK.Queue()
    _gated_scan(monkeypatch, gate)
    say = cli._waiting

    def saying(message: str) -> None:
        say(message)
        waiting.put(message)

    monkeypatch.setattr(cli, "_waiting", saying)
    answers = _race(_args(folder, posting, tiny_path, "--wait"), 4, gate, waiting)
    assert [code for _, code, _ in answers] == [0] * 4
    reports = folder.parent / "reports"
    waited = re.compile(
        rf"Waiting: {re.escape(str(reports))}: another gapscan batch is writing to this "
        r"folder \(pid (\d+) on .*, started .* UTC\); this run starts when it has finished\n"
    )
    first = next(a for a in answers if a[2] == "")  # the one that took the folder at once
    for _, _, err in (a for a in answers if a is not first):
        found = waited.fullmatch(err)
        assert found is not None, err
        assert int(found.group(1)) == first[0]
    lines = _nothing_lost(folder.parent / "reports")
    assert all(r["reused"] for r in lines)  # the last run found every report done


def _hold_lock(out: Path, ready: Any, child: Any) -> None:
    """Take the lock, fork a "worker" that shares it, and wait to be killed."""
    with locked(out, wait=False):
        pid = os.fork()
        if pid == 0:
            signal.pause()
            os._exit(0)
        child.put(pid)
        ready.set()
        signal.pause()


def test_a_lock_left_by_a_killed_run_is_taken_over(
    folder: Path, posting: Path, tiny_path: Path
) -> None:
    reports = folder.parent / "reports"
    reports.mkdir()
    ready, child = FORK.Event(), FORK.Queue()
    holder = FORK.Process(target=_hold_lock, args=(reports, ready, child))
    holder.start()
    assert ready.wait(60)
    worker = child.get(timeout=10)
    code, _, err = batch(folder, posting, tiny_path)
    assert code == 2 and f"(pid {holder.pid} on " in err
    os.kill(holder.pid, signal.SIGKILL)  # kill -9: its forked worker still holds the lock
    holder.join()
    code, _, err = batch(folder, posting, tiny_path)
    assert code == 2
    assert "; it was killed, and its workers are finishing the files they held); " in err
    os.kill(worker, signal.SIGKILL)
    for _ in range(200):  # the kernel drops the lock as soon as the last holder is gone
        code, _, err = batch(folder, posting, tiny_path)
        if code != 2:
            break
        time.sleep(0.05)
    assert (code, err) == (0, "")
    holder_now = json.loads((reports / ".gapscan.lock").read_text())
    assert holder_now["pid"] == os.getpid()  # this run wrote its own name over the dead one's
    _nothing_lost(reports)


@pytest.mark.parametrize(
    "link", ["resumes", "results.jsonl", "resumes/team", "resumes/ada.txt.json", ".gapscan.lock"]
)
def test_a_symlink_in_the_output_folder_is_refused(
    folder: Path, posting: Path, tiny_path: Path, link: str
) -> None:
    reports, elsewhere = folder.parent / "reports", folder.parent / "elsewhere"
    elsewhere.mkdir()
    (reports / link).parent.mkdir(parents=True, exist_ok=True)
    (reports / link).symlink_to(elsewhere if "." not in Path(link).name else elsewhere / "x")
    code, out, err = batch(folder, posting, tiny_path)
    if link == ".gapscan.lock":
        cause = "cannot open the lock file (Too many levels of symbolic links); it must be a "
        expected = f"Error: {reports / link}: {cause}regular file in the output folder\n"
    else:
        expected = (
            f"Error: {reports / link}: is a symbolic link, and a batch never writes through "
            "one; remove it, or give another -o folder\n"
        )
    assert (code, out, err) == (2, "", expected)
    assert list(elsewhere.iterdir()) == []  # nothing written through it


def _disk_full(name: str) -> OSError:
    return OSError(errno.ENOSPC, FULL, name)


def test_a_full_disk_while_writing_reports_stops_the_run(
    folder: Path, posting: Path, tiny_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first report is written, the second finds the disk full: exit 4, then resume."""
    write = task.write_atomic

    def filling(path: Path, text: str | bytes) -> None:
        if path.name == "bo.txt.json":
            raise _disk_full(str(path))
        write(path, text)

    monkeypatch.setattr(task, "write_atomic", filling)
    code, out, err = batch(folder, posting, tiny_path, "--workers", "1")
    reports = (folder.parent / "reports").resolve()
    target = reports / "resumes" / "team" / "bo.txt.json"
    assert (code, out, err) == (4, "", f"Error: {target}: cannot be written ({FULL}); {KEPT}\n")
    assert {r["file"]: r["status"] for r in results(folder).values()} == {"ada.txt": "ok"}
    assert (reports / "resumes" / "ada.txt.json").is_file()
    monkeypatch.setattr(task, "write_atomic", write)  # space freed
    assert batch(folder, posting, tiny_path)[0] == 0
    reused = {f: r["reused"] for f, r in results(folder).items()}
    assert (reused["ada.txt"], reused["team/bo.txt"]) == (True, False)


class _FillingFile:
    """A text file on a disk with room for one line."""

    def __init__(self, real: Any) -> None:
        self.real, self.lines = real, 0

    def write(self, text: str) -> int:
        self.lines += 1
        if self.lines > 1:
            raise _disk_full("results.jsonl")
        return int(self.real.write(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


@pytest.mark.parametrize("where", ["results.jsonl", "summary.csv"])
def test_a_full_disk_while_writing_the_results_stops_the_run(
    folder: Path, posting: Path, tiny_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    opened, save = Path.open, batch_run.write_atomic
    if where == "results.jsonl":

        def open_filling(path: Path, *args: Any, **kwargs: Any) -> Any:
            real = opened(path, *args, **kwargs)
            return _FillingFile(real) if path.name == where else real

        monkeypatch.setattr(Path, "open", open_filling)
    else:

        def filling(path: Path, text: str | bytes) -> None:
            if path.name == where:
                raise _disk_full(str(path))
            save(path, text)

        monkeypatch.setattr(batch_run, "write_atomic", filling)
    code, out, err = batch(folder, posting, tiny_path, "--workers", "1")
    target = folder.parent / "reports" / where
    assert (code, out, err) == (4, "", f"Error: {target}: cannot be written ({FULL}); {KEPT}\n")
    monkeypatch.setattr(Path, "open", opened)  # space freed
    monkeypatch.setattr(batch_run, "write_atomic", save)
    assert batch(folder, posting, tiny_path)[0] == 0
    _nothing_lost(folder.parent / "reports")


def test_a_file_beside_a_folder_of_its_report_name(
    folder: Path, posting: Path, tiny_path: Path
) -> None:
    """``ada.txt`` and ``ada.txt.json/cv.txt``: both reported, neither fails "File exists"."""
    (folder / "ada.txt.json").mkdir()
    (folder / "ada.txt.json" / "cv.txt").write_text(RESUMES["ada.txt"] + "C\n", encoding="utf-8")
    batch(folder, posting, tiny_path)
    found = results(folder)
    assert (found["ada.txt"]["status"], found["ada.txt"]["report"]) == (
        "ok", "resumes/ada.txt.json",
    )  # fmt: skip
    assert (found["ada.txt.json/cv.txt"]["status"], found["ada.txt.json/cv.txt"]["report"]) == (
        "ok", "resumes/ada.txt.json_/cv.txt.json",
    )  # fmt: skip


def test_a_file_that_becomes_a_duplicate_loses_its_own_report(
    folder: Path, posting: Path, tiny_path: Path
) -> None:
    assert batch(folder, posting, tiny_path)[0] == 0
    own = folder.parent / "reports" / "resumes" / "team" / "bo.txt.json"
    assert own.is_file()
    (folder / "team" / "bo.txt").write_text(RESUMES["ada.txt"], encoding="utf-8")
    assert batch(folder, posting, tiny_path)[0] == 0
    record = results(folder)["team/bo.txt"]
    assert (record["status"], record["duplicate_of"], record["report"]) == (
        "skipped", "ada.txt", "resumes/ada.txt.json",
    )  # fmt: skip
    assert not own.exists()


def test_a_duplicate_of_a_failed_file_fails_too(
    folder: Path, posting: Path, tiny_path: Path
) -> None:
    for name in ("broken.pdf", "copy-of-broken.pdf"):
        (folder / name).write_bytes(b"%PDF-1.7\n garbage")
    code, out, err = batch(folder, posting, tiny_path)
    reason = "not a readable PDF (the file is damaged or truncated); export it to PDF again"
    assert code == 3
    assert err == (
        f"Warning: broken.pdf: failed: {reason}\n"
        f"Warning: copy-of-broken.pdf: failed: same content as broken.pdf: {reason}\n"
    )
    record = results(folder)["copy-of-broken.pdf"]
    assert (record["status"], record["duplicate_of"], record["report"]) == (
        "failed", "broken.pdf", None,
    )  # fmt: skip
    assert out.startswith("5 files: 3 ok, 0 not assessed, 2 failed, 0 skipped (1 duplicates)\n")


def test_a_finished_batch_is_checked_again_from_its_index(
    folder: Path, posting: Path, tiny_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No pipeline built, no report read, and the same outputs as reading every report."""
    assert batch(folder, posting, tiny_path)[0] == 0
    reports = folder.parent / "reports"
    outputs = ("results.jsonl", "summary.csv", "cohort.json")

    def forbidden(*args: object) -> None:
        raise AssertionError("not needed to check a finished batch")

    with monkeypatch.context() as patched:
        patched.setattr(Scanner, "prepared", forbidden)
        patched.setattr(batch_run, "_reusable", forbidden)
        code, indexed, _ = batch(folder, posting, tiny_path)
    assert code == 0
    from_index = {name: (reports / name).read_bytes() for name in outputs}
    (reports / ".gapscan-index.json").unlink()
    assert batch(folder, posting, tiny_path)[1] == indexed
    assert {name: (reports / name).read_bytes() for name in outputs} == from_index


def test_a_report_changed_since_the_index_is_read_again(
    folder: Path, posting: Path, tiny_path: Path
) -> None:
    assert batch(folder, posting, tiny_path)[0] == 0
    report = folder.parent / "reports" / "resumes" / "ada.txt.json"
    data = json.loads(report.read_text(encoding="utf-8"))
    data["resume"]["sha256"] = "0" * 64  # the report of some other content now
    report.write_text(json.dumps(data), encoding="utf-8")
    assert batch(folder, posting, tiny_path)[0] == 0
    assert {f: r["reused"] for f, r in results(folder).items()} == {
        "ada.txt": False, "team/bo.txt": True, "team/cy.md": True
    }  # fmt: skip
    assert json.loads(report.read_text(encoding="utf-8"))["resume"]["sha256"] != "0" * 64
