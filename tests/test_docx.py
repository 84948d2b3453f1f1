"""gapscan.read.docx: the paragraphs of word/document.xml, bombs and damage refused."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest
from make_hostile import W_NS, docx, nested_docx

from gapscan.errors import InputError
from gapscan.read.docx import read_docx

P = Path("cv.docx")


def part(body: str) -> bytes:
    head = f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}">'
    return f"{head}<w:body>{body}</w:body></w:document>".encode()


def test_paragraphs_tabs_and_breaks() -> None:
    body = (
        "<w:p><w:r><w:t>Name</w:t><w:tab/><w:t>Go</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>line</w:t><w:br/><w:t>two</w:t><w:cr/><w:t>three</w:t></w:r></w:p>"
        "<w:p></w:p>"
        '<w:p><w:r><w:t xml:space="preserve"> spaced </w:t></w:r><w:r><w:t>on</w:t></w:r></w:p>'
        "<w:p></w:p>"
    )
    assert read_docx(P, docx(xml=part(body)), 1000) == "Name\tGo\nline\ntwo\nthree\n\n spaced on"


def zip_of(name: str, content: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(name, content)
    return buffer.getvalue()


def directory_moved(data: bytes, by: int) -> bytes:
    """The zip with its end record saying the central directory starts ``by`` bytes later:
    ``zipfile`` then seeks before the file's start (fuzz input 401:126)."""
    damaged = bytearray(data)
    end = damaged.rfind(b"PK\x05\x06")
    (offset,) = struct.unpack_from("<I", damaged, end + 16)
    struct.pack_into("<I", damaged, end + 16, offset + by)
    return bytes(damaged)


@pytest.mark.parametrize(
    ("data", "cause"),
    [
        (zip_of("xl/workbook.xml", b"<a/>"),
         "a zip archive but not a Word document (no word/document.xml); save it as DOCX"),
        (b"PK\x03\x04garbage",
         "not a readable DOCX (the zip archive is damaged); re-save it from Word"),
        (docx()[:-30], "not a readable DOCX (the zip archive is damaged); re-save it from Word"),
        (docx(xml=part("<w:p><w:r><w:t>x</w:t></w:r>")),
         "not a readable DOCX (its XML is damaged); re-save it from Word"),
        (docx(xml=b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "x">]><d>&a;</d>'),
         "the DOCX declares XML entities (Word never does); refusing to read it"),
        (zip_of("word/document.xml", part(" " * 3_000_000)),
         "the DOCX expands to 3 MB of text markup (a zip bomb?); refusing to read it"),
        (docx(xml=b'<?xml version="1.0" encoding="UTF-9"?><w:document/>'),
         "not a readable DOCX (its XML is damaged); re-save it from Word"),
        (directory_moved(docx(), 5000),
         "not a readable DOCX (the zip archive is damaged); re-save it from Word"),
    ],
    ids=["not-word", "bad-zip", "truncated", "bad-xml", "entities", "over-20-bytes-a-char",
         "unknown-encoding", "directory-offset-too-far"],
)  # fmt: skip
def test_refused(data: bytes, cause: str) -> None:
    with pytest.raises(InputError) as info:
        read_docx(P, data, 100_000)  # markup limit: 2 MB
    assert (info.value.path, info.value.cause) == ("cv.docx", cause)


def test_markup_within_the_limit_is_read() -> None:
    body = "<w:p><w:r><w:t>Go</w:t></w:r></w:p>" + " " * 1_900_000
    data = zip_of("word/document.xml", part(body))
    assert read_docx(P, data, 100_000) == "Go"


def test_a_nested_paragraph_is_a_line_of_its_own() -> None:
    """A text box's paragraph inside a paragraph: its text is read once, after its host's."""
    body = (
        "<w:p><w:r><w:t>Skills:</w:t></w:r><w:r><w:txbxContent>"
        "<w:p><w:r><w:t>Kubernetes</w:t></w:r></w:p>"
        "</w:txbxContent></w:r><w:r><w:t> Go</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Next</w:t></w:r></w:p>"
    )
    assert read_docx(P, docx(xml=part(body)), 1000) == "Skills: Go\nKubernetes\nNext"


def test_thousands_of_nested_paragraphs_are_read() -> None:
    """8,000 levels (issue 15: 16 s when each paragraph re-walked its subtree; timed in
    benchmarks/hostile_reading.py): every paragraph once, one a line."""
    assert read_docx(P, nested_docx(8000), 100_000) == "\n".join(["Go"] * 8000)
