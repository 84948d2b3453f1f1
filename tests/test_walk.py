"""The folder walk and report names that cannot escape."""

from __future__ import annotations

from pathlib import Path

import pytest

from gapscan.batch.output import inside, report_names, safe_part
from gapscan.batch.walk import walk


def test_walk_sorted_recursive_and_loop_safe(tmp_path: Path) -> None:
    root = tmp_path / "in"
    (root / "b").mkdir(parents=True)
    (root / "b" / "z.PDF").write_bytes(b"%PDF-")
    (root / "a.docx").write_bytes(b"PK")
    (root / "b" / "up").symlink_to(root)
    (root / "b" / "self").symlink_to("self")
    (root / "c.txt").symlink_to(root / "a.docx")  # inside the folder: followed
    (root / "photo.jpg").write_bytes(b"\xff")
    found = walk(root)
    assert [(f.rel, f.skip) for f in found] == [
        ("a.docx", None),
        ("b/self", "a broken symlink or a symlink loop"),
        ("b/up", "a symlink to a folder already walked (a loop?)"),
        ("b/z.PDF", None),
        ("c.txt", None),
        (
            "photo.jpg",
            "not a resume file type (.jpg); batch reads PDF, DOCX, text, Markdown, HTML and "
            "JSON Resume files",
        ),
    ]
    assert found[0].inode == found[4].inode  # same file twice: the batch reads it once


def test_symlinked_folder_outside_is_not_followed(tmp_path: Path) -> None:
    (tmp_path / "secret").mkdir()
    (tmp_path / "secret" / "cv.txt").write_text("x")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "out").symlink_to(tmp_path / "secret")
    assert [(f.rel, f.skip) for f in walk(tmp_path / "in")] == [
        ("out", "a symlink pointing outside the folder (not followed)")
    ]


@pytest.mark.parametrize(
    ("part", "safe"),
    [("cv.pdf", "cv.pdf"), ("..", "_."), (".env", "_env"), ("a:b*c?.txt", "a_b_c_.txt"),
     ("", "_"), ("résumé.pdf", "r_sum_.pdf")],
)  # fmt: skip
def test_safe_part(part: str, safe: str) -> None:
    assert safe_part(part) == safe


def test_report_names_are_distinct_and_inside(tmp_path: Path) -> None:
    names = report_names(["a?.txt", "a_.txt", "x/../../etc.txt", "A_.TXT"])
    assert names["A_.TXT"] == "resumes/A_.TXT.json"  # first in sorted order keeps its name
    assert names["a?.txt"].startswith("resumes/a_.txt-") and names["a?.txt"].endswith(".json")
    assert names["x/../../etc.txt"] == "resumes/x/etc.txt.json"
    assert len(set(names.values())) == 4
    for name in names.values():
        assert inside(tmp_path, name).is_relative_to(tmp_path)
    with pytest.raises(ValueError, match="escapes the output folder"):
        inside(tmp_path, "../x.json")


def test_long_names_are_shortened() -> None:
    assert len(safe_part("x" * 300 + ".pdf")) == 131
