"""gapscan.read.pdf: the text layer of a PDF with its pages; running lines and bombs."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest
from make_hostile import blank_pdf, fpdf_resume

from gapscan.errors import InputError
from gapscan.read.pdf import PAGE_BREAK, drop_running_lines, read_pdf
from gapscan.records import NO_TEXT_LAYER, Page

P = Path("cv.pdf")
PAGE_1 = (
    "Sam Example - Resume\nSkills\nGo, Kubernetes, deep neural networks\nExperience\n"
    "Platform engineer at Acme, building services in Go on Kubernetes.\nPage 1 of 2"
)
PAGE_2 = "Projects\nProject 1: Go tools"


Read = tuple[str, tuple[Page, ...], tuple[str, ...]]


def read(data: bytes, timeout: float | None = None) -> Read:
    return read_pdf(P, data, None, max_pages=50, max_chars=100_000, timeout=timeout)


def test_read_pdf_pages_and_running_lines() -> None:
    text, pages, warnings = read(fpdf_resume(pages=2))
    assert text == PAGE_1 + PAGE_BREAK + PAGE_2  # header and footer kept on page 1 only
    assert pages == (Page(1, 0, len(PAGE_1)), Page(2, len(PAGE_1) + 2, len(text)))
    assert warnings == ()


def test_a_time_limit_reads_in_a_child_process_with_the_same_result() -> None:
    data = fpdf_resume(pages=2)
    assert read(data, timeout=30) == read(data)


def test_no_text_layer_is_a_warning() -> None:
    text, pages, warnings = read(blank_pdf(2))
    assert (text, pages, warnings) == ("\n\n", (Page(1, 0, 0), Page(2, 2, 2)), (NO_TEXT_LAYER,))


def test_a_bomb_is_refused_before_pdfium() -> None:
    packer = zlib.compressobj(1)
    bomb = packer.compress(b"\0" * (65 * 2**20)) + packer.flush()
    data = b"%PDF-1.4\n1 0 obj<</Filter/FlateDecode>>stream\n" + bomb + b"\nendstream endobj"
    with pytest.raises(InputError) as info:
        read(data)
    assert info.value.cause == (
        "a compressed stream in the PDF expands past 64 MB (a decompression bomb?); "
        "refusing to read it"
    )


def test_a_pdfium_problem_becomes_an_input_error() -> None:
    with pytest.raises(InputError) as info:
        read_pdf(P, fpdf_resume(pages=3), None, max_pages=2, max_chars=100, timeout=None)
    assert str(info.value) == "cv.pdf: has 3 pages, over the limit of 2 (raise it with --max-pages)"


@pytest.mark.parametrize(
    ("pages", "kept"),
    [
        (["Name\nGo", "Name\nC"], ["Name\nGo", "C"]),
        (["A\nPage 1", "B\nPage 2", "C\npage 3"], ["A\nPage 1", "B", "C"]),
        (["Top\nx\ny\nz\nw", "Top\nx\ny\nz\nw"], ["Top\nx\ny\nz\nw", "y"]),
        (["H\n1\n2\n3\nmiddle\n4\n5", "H\nmiddle\na\nb\nc\nd"], ["H\n1\n2\n3\nmiddle\n4\n5",
                                                              "middle\na\nb\nc\nd"]),
        (["Name\na", "Name\nb", "Other\nc", "Other\nd"],
         ["Name\na", "Name\nb", "Other\nc", "Other\nd"]),
        (["Name\na", "Name\nb", "Other\nc"], ["Name\na", "b", "Other\nc"]),
        (["L" * 101 + "\na", "L" * 101 + "\nb"], ["L" * 101 + "\na", "L" * 101 + "\nb"]),
        (["\n\nName\n\nGo", "Name\n\nC\n"], ["\n\nName\n\nGo", "C"]),
        (["Only one page"], ["Only one page"]),
        ([], []),
    ],
    ids=["two-pages", "numbers-ignored", "only-edge-lines", "middle-line-kept",
         "half-is-not-enough", "two-of-three", "long-lines-never-run", "blank-lines-skipped",
         "one-page", "no-pages"],
)  # fmt: skip
def test_drop_running_lines(pages: list[str], kept: list[str]) -> None:
    assert drop_running_lines(pages) == kept
