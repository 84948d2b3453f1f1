"""gapscan.read.columns: two-column pages read column by column, every other layout as is."""

from __future__ import annotations

from pathlib import Path

import pytest
from make_hostile import fpdf_resume, two_column_pdf

from gapscan.read.columns import Block, Columns, Rect, find_columns
from gapscan.read.pdf import read_pdf
from gapscan.scanner import Scanner

TWO_COLUMN_TEXT = """Jordan Example
Skills
Databases: PostgreSQL and Redis, query profiling
Languages: Python, JavaScript, Go and Bash
Machine learning with TensorFlow and PyTorch
Workflows: Airflow and dbt
Certifications: CKA
Experience
Platform engineer, Acme 2019-2024
Built CI/CD pipelines for forty
services and ran Kubernetes
clusters on AWS; wrote the configuration tooling in Go.
Data engineer, Globex 2016-2019
Designed batch jobs in Spark
and kept the reporting efleet fast."""


def read(data: bytes) -> str:
    text, _, _ = read_pdf(Path("cv.pdf"), data, None, max_pages=5, max_chars=100_000, timeout=None)
    return text


def test_columns_drawn_row_by_row_are_read_one_after_the_other() -> None:
    """Issue 15, item 14: PDFium's order interleaved the columns line by line, splitting
    hyphenated words from their ends; the name centred above the columns comes first."""
    assert read(two_column_pdf()) == TWO_COLUMN_TEXT


def test_the_skills_of_a_two_column_resume_are_found(scanner: Scanner, tmp_path: Path) -> None:
    path = tmp_path / "two-columns.pdf"
    path.write_bytes(two_column_pdf())
    profile, _ = scanner.extract(path, kind="resume")
    counted = {hit.skill_id for hit in profile.skills if hit.counted}
    assert {"postgresql", "javascript", "tensorflow", "ci-cd"} <= counted


def test_a_single_column_page_is_read_as_pdfium_gives_it() -> None:
    assert read(fpdf_resume(pages=1)) == (
        "Sam Example - Resume\nSkills\nGo, Kubernetes, deep neural networks\nExperience\n"
        "Platform engineer at Acme, building services in Go on Kubernetes.\nPage 1 of 1"
    )


def lines(x: float, widths: list[float], top: float = 700, leading: float = 14) -> list[Rect]:
    """Text runs of these widths starting at ``x``, one a line from ``top`` down."""
    return [(x, top - leading * i - 8, x + w, top - leading * i) for i, w in enumerate(widths)]


LEFT = lines(54, [150, 160, 140, 155, 150])
RIGHT = lines(320, [220, 230, 210, 225, 200])


def test_two_bodies_of_text_side_by_side_are_columns() -> None:
    assert find_columns(LEFT + RIGHT) == Columns(
        split=(214 + 320) / 2, blocks=(Block(None, None, columns=True),)
    )


def test_a_name_above_the_columns_is_read_across_the_page() -> None:
    name = (240.0, 730.0, 360.0, 745.0)  # centred: it reaches into the gutter
    assert find_columns([name, *LEFT, *RIGHT]) == Columns(
        split=(214 + 320) / 2,
        blocks=(Block((700 + 730) / 2, None, columns=False), Block(None, 715.0, columns=True)),
    )


@pytest.mark.parametrize(
    "rects",
    [
        lines(54, [480, 470, 300, 490, 450, 200]),
        # job titles with their dates on the right, a paragraph across the page between them
        [*lines(54, [200], 700), *lines(480, [60], 700), *lines(54, [486, 480], 686),
         *lines(54, [220], 658), *lines(480, [60], 658), *lines(54, [486, 470], 644)],
        # stacked degrees with their years on the right: the years are no column
        lines(54, [260, 240, 250, 255]) + lines(480, [55, 55, 55, 55]),
        # a line across the gutter level with the columns' lines
        [*LEFT, *RIGHT[:2], (54.0, 650.0, 540.0, 658.0), *RIGHT[3:]],
        # the two sides never level with each other: read in order anyway
        lines(54, [150, 160, 140], 700) + lines(320, [220, 230, 210], 600),
        # a narrow gap: two words, not two columns
        lines(54, [150, 160, 140, 155]) + lines(210, [150, 150, 150, 150]),
        [(0.0, 0.0, float("inf"), 10.0)] * 6 + LEFT,
        [(float("nan"), 0.0, float("nan"), 10.0)] * 6,
    ],
    ids=["one-column", "dates-between-paragraphs", "dates-stacked", "line-across",
         "never-level", "narrow-gap", "infinite", "nan"],
)  # fmt: skip
def test_other_layouts_are_not_columns(rects: list[Rect]) -> None:
    assert find_columns(rects) is None
