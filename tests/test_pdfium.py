"""gapscan.read.pdfium: each page's raw text, in process or in a child, with the causes shown."""

from __future__ import annotations

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
