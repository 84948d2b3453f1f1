"""gapscan.read.pdfium: each page's raw text, in process or in a child, with the causes shown."""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from make_hostile import PASSWORD, fpdf_resume, raw_pdf

from gapscan.read.pdfium import PdfProblem, pdf_pages, pdf_pages_isolated

DAMAGED = "not a readable PDF (the file is damaged or truncated); export it to PDF again"


def test_pdf_pages_gives_each_page_raw() -> None:
    assert pdf_pages(fpdf_resume(pages=2), None, 50, 10_000) == [
        "Sam Example - Resume\r\nSkills\r\nGo, Kubernetes, deep neural networks\r\nExperience\r\n"
        "Platform engineer at Acme, building services in Go on Kubernetes.\r\nPage 1 of 2",
        "Sam Example - Resume\r\nProjects\r\nProject 1: Go tools\r\nPage 2 of 2",
    ]


def test_the_right_password_opens_an_encrypted_pdf() -> None:
    encrypted = fpdf_resume(pages=1, password=PASSWORD)
    assert pdf_pages(encrypted, PASSWORD, 5, 10_000) == pdf_pages(fpdf_resume(pages=1), None, 5,
                                                                  10_000)  # fmt: skip


@pytest.mark.parametrize(
    ("data", "password", "max_pages", "max_chars", "problem"),
    [
        (fpdf_resume(pages=3), None, 2, 10_000,
         "has 3 pages, over the limit of 2 (raise it with --max-pages)"),
        (fpdf_resume(pages=2), None, 5, 100,
         "holds over 100 characters of text, over the limit; is it really a resume or a posting?"),
        (fpdf_resume(password=PASSWORD), None, 5, 10_000,
         "the PDF is encrypted; give its password with --password"),
        (fpdf_resume(password=PASSWORD), "nope", 5, 10_000,
         "the PDF password is wrong; check it and try again"),
        (b"%PDF-1.4\n garbage", None, 5, 10_000, DAMAGED),
        (raw_pdf(b"", pages=0), None, 5, 10_000, DAMAGED),
    ],
    ids=["too-many-pages", "too-many-characters", "encrypted", "wrong-password", "damaged",
         "zero-pages"],
)  # fmt: skip
def test_problems(
    data: bytes, password: str | None, max_pages: int, max_chars: int, problem: str
) -> None:
    with pytest.raises(PdfProblem) as info:
        pdf_pages(data, password, max_pages, max_chars)
    assert str(info.value) == problem


def test_the_child_process_gives_the_same_pages() -> None:
    data = fpdf_resume(pages=2)
    assert pdf_pages_isolated(data, None, 50, 10_000, 30) == pdf_pages(data, None, 50, 10_000)


def test_the_child_process_passes_a_problem_on() -> None:
    with pytest.raises(PdfProblem) as info:
        pdf_pages_isolated(fpdf_resume(password=PASSWORD), "nope", 5, 10_000, 30)
    assert str(info.value) == "the PDF password is wrong; check it and try again"


def test_a_child_that_dies_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.executable", "/bin/false")  # exits 1 with no answer
    with pytest.raises(PdfProblem) as info:
        pdf_pages_isolated(fpdf_resume(pages=1), None, 5, 10_000, 30)
    assert str(info.value) == (
        "reading the PDF's text failed (the reader crashed or needed over 2 GB of memory); "
        "a hostile or broken file?"
    )


def slow_pdf() -> bytes:
    """A PDF PDFium takes about a second a page to read (50 pages), in little memory."""
    return raw_pdf(b"q Q " * 2_000_000, pages=50)


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid``, from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text()
        except (OSError, ValueError):
            continue
        if entry.name.isdigit() and int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def wait_until(condition: Callable[[], object], seconds: float) -> bool:
    """Poll ``condition()`` until it holds or ``seconds`` pass (a bound, not a measurement)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.05)
    return False


def reads_pdf(pid: int) -> bool:
    """PDFium is loaded in ``pid``: it is past its start-up, reading the file."""
    try:
        return "pdfium" in Path(f"/proc/{pid}/maps").read_text()
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG and /proc")
def test_a_killed_reader_leaves_no_child_behind() -> None:
    """Issue 15, item 9: a batch worker killed at its time limit took its PDF reader's child
    with it no more, which kept reading (once up to 1.77 GB) as an orphan of PID 1."""
    worker = multiprocessing.get_context("fork").Process(
        target=pdf_pages_isolated, args=(slow_pdf(), None, 50, 10_000, 120), daemon=True
    )
    worker.start()
    assert worker.pid is not None
    child: list[int] = []
    try:
        assert wait_until(lambda: child.extend(children(worker.pid)) or child, 30)
        assert wait_until(lambda: reads_pdf(child[0]), 30)
        os.kill(worker.pid, signal.SIGKILL)
        worker.join()
        assert wait_until(lambda: not Path(f"/proc/{child[0]}").exists(), 20)
    finally:
        for pid in child:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def test_the_child_has_a_time_limit_of_its_own() -> None:
    """Wherever the death signal is missing, a reader's child still ends after its limit."""
    header = {"password": None, "max_pages": 50, "max_chars": 10_000, "parent": os.getpid(),
              "seconds": 1.0}  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "gapscan.read.pdfium"],
        input=json.dumps(header).encode() + b"\n" + slow_pdf(),
        capture_output=True,
        check=False,
    )
    assert (done.returncode, done.stdout) == (-signal.SIGALRM, b"")


def test_an_orphan_before_it_starts_reading_stops() -> None:
    """A child whose parent died before the death signal was set does not read at all."""
    header = {"password": None, "max_pages": 50, "max_chars": 10_000, "parent": 1,
              "seconds": 30.0}  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "gapscan.read.pdfium"],
        input=json.dumps(header).encode() + b"\n" + fpdf_resume(pages=1),
        capture_output=True,
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (1, b"", b"")
