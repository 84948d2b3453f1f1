"""gapscan.read.document: the reader chosen by content, each input's ``format``, refusals."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from gapscan.errors import InputError, TimeLimitExceeded
from gapscan.limits import Limits
from gapscan.read import document
from gapscan.read.document import read_document, sniff_format

JOB = {"@type": "JobPosting", "title": "Go Developer", "skills": ["Kubernetes"]}
JOB_TEXT = "Go Developer\n\nRequirements\nKubernetes"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n", "pdf"),
        (b"\xef\xbb\xbf junk before the header %PDF-1.4", "pdf"),
        (b" " * 1018 + b"%PDF-", "pdf"),  # the signature ends at byte 1023: still in reach
        (b" " * 1020 + b"%PDF-", "text"),  # starts within 1024 bytes but does not fit in them
        (b"PK\x03\x04rest", "docx"),
        (b" PK\x03\x04", "text"),
        (b"<html><body>%PDF in a page</body></html>", "text"),
        (b'{"basics": {}}', "text"),
    ],
    ids=["pdf", "pdf-after-junk", "pdf-at-1018", "pdf-past-1024", "zip", "zip-not-at-start",
         "html", "json"],
)  # fmt: skip
def test_sniff_format(data: bytes, kind: str) -> None:
    assert sniff_format(data) == kind


@pytest.mark.parametrize(
    ("name", "content", "fmt", "text"),
    [
        ("notes.md", "# Skills\n\n- Go\n", "text", "# Skills\n\n- Go\n"),
        ("resume.json", json.dumps({"basics": {"name": "Ann", "summary": "Go"}}), "json-resume",
         "Ann\n\nSummary\nGo"),
        ("job.json", json.dumps([{"@type": "Organization"}, JOB]), "jobposting-json", JOB_TEXT),
        ("job.html", "<html><body><h1>Go Developer</h1><p>Kubernetes</p></body></html>", "html",
         "Go Developer\n\nKubernetes"),
        ("job.htm", '<!doctype html><script type="application/ld+json">' + json.dumps(JOB)
         + "</script><p>ignored</p>", "html-jsonld", JOB_TEXT),
        ("padded.json", "\ufeff  \n" + json.dumps(JOB), "jobposting-json", JOB_TEXT),
    ],
    ids=["markdown", "json-resume", "jobposting-in-a-list", "html", "html-jsonld",
         "json-after-bom-and-spaces"],
)  # fmt: skip
def test_format_and_text(tmp_path: Path, name: str, content: str, fmt: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    doc = read_document(path)
    assert (doc.format, doc.text, doc.source) == (fmt, text, str(path))
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.pages == () and doc.warnings == ()


def test_the_source_of_a_name_that_is_not_utf8_is_escaped(tmp_path: Path) -> None:
    raw = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(raw, "wb") as fh:
        fh.write(b"Skills\nGo\n")
    assert read_document(os.fsdecode(raw)).source == f"{tmp_path}/caf\\xe9.txt"


def test_a_json_list_that_holds_no_posting_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text('[{"@type": "Person"}, 3]', encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_document(path)
    assert info.value.cause == (
        "JSON, but neither a JSON Resume nor a schema.org JobPosting; "
        "give one of those, or the text"
    )


def test_text_over_the_character_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("Go " * 400, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_document(path, limits=Limits(max_chars=1000))
    assert info.value.cause == (
        "holds 1,200 characters, over the limit of 1,000; is it really a resume or a posting?"
    )
    assert read_document(path, limits=Limits(max_chars=1200)).text == "Go " * 400


def test_a_reader_past_its_time_limit_becomes_an_input_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def slow(*args: object) -> None:
        raise TimeLimitExceeded(2.5)

    monkeypatch.setattr(document, "_read", slow)
    path = tmp_path / "r.txt"
    with pytest.raises(InputError) as info:
        read_document(path)
    assert str(info.value) == (
        f"{path}: reading it took over 2.5 s (a hostile or broken file?); "
        "raise --timeout if you trust it"
    )


def test_posting_sections_start_with_the_title(tmp_path: Path) -> None:
    path = tmp_path / "job.txt"
    path.write_text("Go Developer\nWe ship.\nRequirements\n- Go\n", encoding="utf-8")
    assert [s.kind for s in read_document(path, posting=True).sections] == [
        "title", "summary", "requirements",
    ]  # fmt: skip
    assert [s.kind for s in read_document(path).sections] == ["header", "requirements"]
