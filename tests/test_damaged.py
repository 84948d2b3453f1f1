"""Damaged files (issue 15): each gets one line naming the file and the cause, exit 4, and in a
batch a failed file with the same reason, never a traceback or an "internal error"."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_run import run
from make_hostile import docx, pdf_of

POSTING = "Go Developer\nRequirements\n- Go or C\n- Kubernetes\n"


def _member(data: bytes, name: str) -> tuple[int, int]:
    """Where a zip member's local header and its central directory entry start."""
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(name)
    central = data.find(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(name)] != name.encode():
        central = data.find(b"PK\x01\x02", central + 1)
    return info.header_offset, central


def corrupt_deflate() -> bytes:
    """word/document.xml's compressed bytes replaced by an invalid deflate block type."""
    data = bytearray(docx())
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start : start + info.compress_size] = b"\xff" * info.compress_size
    return bytes(data)


def encrypted_flag() -> bytes:
    """word/document.xml flagged encrypted (general purpose bit 0), in both headers."""
    data = bytearray(docx())
    local, central = _member(bytes(data), "word/document.xml")
    data[local + 6] |= 1
    data[central + 8] |= 1
    return bytes(data)


def bad_utf8_name() -> bytes:
    """A member whose name is flagged UTF-8 (bit 11) but whose bytes are not UTF-8."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr(
            "word/document.xml", zipfile.ZipFile(io.BytesIO(docx())).read("word/document.xml")
        )
        zf.writestr("\u00e9.xml", "x")  # non-ASCII: zipfile sets the UTF-8 flag
    return buffer.getvalue().replace("\u00e9".encode(), b"\xff\xfe")


DAMAGED_DOCX: list[tuple[str, Callable[[], bytes], str]] = [
    (
        "deflate",
        corrupt_deflate,
        "not a readable DOCX (its compressed text is corrupt); re-save it from Word",
    ),
    (
        "utf8-name",
        bad_utf8_name,
        "not a readable DOCX (a file name in it is not valid UTF-8); re-save it from Word",
    ),
    ("encrypted", encrypted_flag, "the DOCX is encrypted; remove its password and save it again"),
]


@pytest.fixture()
def posting(tmp_path: Path) -> Path:
    path = tmp_path / "posting.txt"
    path.write_text(POSTING, encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "make", "cause"), DAMAGED_DOCX, ids=[d[0] for d in DAMAGED_DOCX])
def test_damaged_docx_is_refused(
    tmp_path: Path, posting: Path, tiny_path: Path, name: str, make: Callable[[], bytes], cause: str
) -> None:
    path = tmp_path / f"{name}.docx"
    path.write_bytes(make())
    assert run(path, posting, "--taxonomy", tiny_path) == (4, "", f"Error: {path}: {cause}\n")
    assert run("extract", path, "--taxonomy", tiny_path) == (4, "", f"Error: {path}: {cause}\n")


def batch_failures(
    folder: Path, posting: Path, tiny_path: Path
) -> tuple[int, str, dict[str, object]]:
    """Run a batch over ``folder``; its exit code, stderr and each file's (status, reason)."""
    out = folder.parent / "reports"
    code, _, err = run("batch", folder, posting, "-o", out, "--taxonomy", tiny_path, "-q")
    lines = (out / "results.jsonl").read_text(encoding="utf-8").splitlines()
    return code, err, {r["file"]: (r["status"], r["reason"]) for r in map(json.loads, lines)}


def test_damaged_docx_fails_alone_in_a_batch(
    tmp_path: Path, posting: Path, tiny_path: Path
) -> None:
    folder = tmp_path / "resumes"
    folder.mkdir()
    for name, make, _ in DAMAGED_DOCX:
        (folder / f"{name}.docx").write_bytes(make())
    code, err, found = batch_failures(folder, posting, tiny_path)
    expected = {f"{name}.docx": ("failed", cause) for name, _, cause in DAMAGED_DOCX}
    assert (code, found) == (3, expected)
    assert err == "".join(
        f"Warning: {name}.docx: failed: {cause}\n" for name, _, cause in sorted(DAMAGED_DOCX)
    )


def cyclic_pdf() -> bytes:
    """A PDF whose page tree has a cycle: the Pages node lists itself among its Kids."""
    content = b"BT /F1 12 Tf 72 700 Td (Skills: Go, Kubernetes) Tj ET"
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R 2 0 R]/Count 2>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]"
        b"/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>",
        b"<</Length %d>>stream\n%s\nendstream" % (len(content), content),
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
    ]
    return pdf_of(objects)


CYCLE = (
    "not a readable PDF (page 2 of 2 cannot be loaded: the file is damaged); export it to PDF again"
)


@pytest.mark.parametrize("options", [(), ("--timeout", "0")], ids=["child", "in-process"])
def test_pdf_page_tree_cycle_is_damage(
    tmp_path: Path, posting: Path, tiny_path: Path, options: tuple[str, ...]
) -> None:
    path = tmp_path / "cycle.pdf"
    path.write_bytes(cyclic_pdf())
    expected = (4, "", f"Error: {path}: {CYCLE}\n")
    assert run(path, posting, "--taxonomy", tiny_path, *options) == expected
    assert run("extract", path, "--taxonomy", tiny_path, *options) == expected


def test_pdf_page_tree_cycle_fails_alone_in_a_batch(
    tmp_path: Path, posting: Path, tiny_path: Path
) -> None:
    folder = tmp_path / "resumes"
    folder.mkdir()
    (folder / "cycle.pdf").write_bytes(cyclic_pdf())
    (folder / "ok.txt").write_text("Ada\nSkills\nGolang, Kubernetes, machine learning\n")
    code, err, found = batch_failures(folder, posting, tiny_path)
    assert (code, err) == (3, f"Warning: cycle.pdf: failed: {CYCLE}\n")
    assert found["cycle.pdf"] == ("failed", CYCLE)
    assert found["ok.txt"][0] == "ok"
