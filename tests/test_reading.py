from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import pytest
from cli_run import run

from gapscan.errors import InputError
from gapscan.limits import Limits
from gapscan.read.document import read_document, sniff_format
from gapscan.read.text import BINARY

TEXT = "Skills\nPython, café, naïve Bayes\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8 (BOM)"),
        (b"\xff\xfe" + TEXT.encode("utf-16-le"), "utf-16-le (BOM)"),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16-be (BOM)"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        ((TEXT + "\u2019quoted\u2019").encode("cp1252"), "cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "utf16be", "cp1252"],
)
def test_text_encodings(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "resume.txt"
    path.write_bytes(data)
    doc = read_document(path)
    assert doc.encoding == encoding
    assert doc.text.startswith(TEXT)
    assert doc.format == "text"


def test_text_offsets_index_the_decoded_file(tmp_path: Path) -> None:
    raw = "Summary\r\nI use  Python\u00ad daily.\r\n"
    path = tmp_path / "r.txt"
    path.write_bytes(raw.encode("utf-8"))
    # line ends become LF (before offsets are taken); nothing else is rewritten in a text file
    assert read_document(path).text == raw.replace("\r\n", "\n")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: None, "no such file"),
        (lambda p: p.mkdir(), "is a directory, not a file; give the path of a document"),
        (
            lambda p: p.write_bytes(b""),
            "is empty (0 bytes); save the document again or give another file",
        ),
        (lambda p: p.write_bytes(bytes(range(256)) * 8), BINARY),
        (
            lambda p: p.write_bytes(b"%PDF-1.7\n" + b"garbage" * 50),
            "not a readable PDF (the file is damaged or truncated); export it to PDF again",
        ),
        (
            lambda p: os.mkfifo(p),
            "is not a regular file (a FIFO, socket or device); save the document to a file",
        ),
    ],
    ids=["missing", "directory", "empty", "binary", "corrupt-pdf", "fifo"],
)
def test_bad_inputs_name_the_cause(tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "resume.pdf"
    make(path)
    with pytest.raises(InputError) as info:
        read_document(path)
    assert str(info.value) == f"{path}: {message}"


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Python " * 1000)
    with pytest.raises(InputError, match="over the limit of 0 MB"):
        read_document(path, limits=Limits(max_bytes=100))


def test_docx_paragraphs(tmp_path: Path) -> None:
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in ("Skills", "Python and Docker"))
    xml = f'<?xml version="1.0"?><w:document xmlns:w="{ns}"><w:body>{body}</w:body></w:document>'
    path = tmp_path / "cv.pdf"  # the extension lies: the content decides
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("word/document.xml", xml)
    doc = read_document(path)
    assert (doc.format, doc.text) == ("docx", "Skills\nPython and Docker")
    assert [s.kind for s in doc.sections] == ["skills"]


def test_sniff_format() -> None:
    assert sniff_format(b"%PDF-1.4 ...") == "pdf"
    assert sniff_format(b"PK\x03\x04....") == "docx"
    assert sniff_format(b"Jane Doe") == "text"


def test_pdf_pages_and_two_columns(samples: Path) -> None:
    doc = read_document(samples / "resumes" / "alex-rivera.pdf")
    assert [p.number for p in doc.pages] == [1, 2]
    assert doc.pages[1].start > doc.pages[0].end
    assert doc.page_at(doc.text.index("Alex Rivera")) == 1
    two = read_document(samples / "resumes" / "priya-natarajan.pdf")
    # the left column is read whole before the right one: its lines are not interleaved
    skills_at = two.text.index("Orchestration: Airflow, dbt")
    assert two.text.index("SUMMARY") > skills_at
    assert "Languages: Python, Scala, SQL,\nGo (basic)" in two.text
    assert "skills" in [s.kind for s in two.sections]


@pytest.mark.parametrize(
    "charset", ["base64", "rot-13", "hex", "uu", "zlib", "quopri", "undefined", "idna"]
)
def test_meta_charset_naming_no_text_encoding_is_ignored(
    tmp_path: Path, tiny_path: Path, charset: str
) -> None:
    page = f'<html><head><meta charset="{charset}"></head><body><h1>Skills</h1><p>Caf\xe9, Go'
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("cp1252") + b"</p></body></html>")
    code, out, err = run("extract", path, "--taxonomy", tiny_path, "--format", "json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert (data["format"], data["encoding"]) == ("html", "cp1252")
    assert [s["id"] for s in data["skills"]] == ["go-language"]


RESUME = "Ada\nSkills\nGolang, Kubernetes, machine learning\n"
ONE_LINE = (
    "Go Developer at Acme. We build payment services. Requirements: Go, Kubernetes. "
    "Nice to have: machine learning.\n"
)
LINES = "Go Developer\nRequirements\n- Go\n- Kubernetes\nNice to have\n- machine learning\n"


@pytest.mark.parametrize(
    "posting",
    [ONE_LINE, LINES.replace("\n", "\r"), LINES.replace("\n", "\r\n")],
    ids=["one-line", "cr", "crlf"],
)
def test_posting_without_usual_line_ends_is_assessed(
    tmp_path: Path, tiny_path: Path, posting: str
) -> None:
    resume, job = tmp_path / "resume.txt", tmp_path / "posting.txt"
    resume.write_text(RESUME, encoding="utf-8")
    job.write_bytes(posting.encode("utf-8"))
    code, out, err = run(resume, job, "--taxonomy", tiny_path, "--format", "json")
    assert (code, err) == (0, "")
    report = json.loads(out)
    found = {g["skills"][0]["id"]: g["importance"] for g in report["matched"]}
    assert found == {
        "go-language": "required",
        "kubernetes": "required",
        "machine-learning": "preferred",
    }
    assert report["score"]["value"] == 100.0
