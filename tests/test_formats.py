"""Each real input format becomes the text and sections a reader of it would expect."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from make_hostile import HTML_POSTING, HTML_WITH_JSONLD, JOB_POSTING, JSON_RESUME

from gapscan.cli import cli
from gapscan.read.document import read_document
from gapscan.read.pdf import drop_running_lines, read_pdf
from gapscan.read.webpage import html_text

POSTING_TEXT = (
    "Platform Engineer\n\nRequirements\n\n- Go or C\n\n- Kubernetes & Helm\n\nNice to have\n\nML"
)


def test_html_keeps_only_visible_text() -> None:
    assert html_text(HTML_POSTING) == POSTING_TEXT  # no script, style, head, nav or noscript


def test_html_posting_sections(tmp_path: Path) -> None:
    path = tmp_path / "job"
    path.write_text(HTML_POSTING)
    doc = read_document(path, posting=True)
    assert (doc.format, doc.encoding, doc.text) == ("html", "utf-8", POSTING_TEXT)
    assert [s.kind for s in doc.sections] == ["title", "requirements", "preferred"]


JOB_TEXT = (
    "Platform Engineer\n\nSummary\nWe build cloud platforms.\n\nRequirements\nKubernetes\nGo\n"
    "Experience with deep neural networks\n3 years with C\n\nResponsibilities\n"
    "Run the Kubernetes clusters"
)


def test_json_ld_job_posting_standalone_and_embedded(tmp_path: Path) -> None:
    for name, content, fmt in (
        (
            "job.json",
            json.dumps({"@graph": [{"@type": "Organization"}, JOB_POSTING]}),
            "jobposting-json",
        ),
        ("job.html", HTML_WITH_JSONLD, "html-jsonld"),
    ):
        path = tmp_path / name
        path.write_text(content)
        doc = read_document(path, posting=True)
        assert (doc.format, doc.text) == (fmt, JOB_TEXT)
        kinds = [s.kind for s in doc.sections]
        assert kinds == ["title", "summary", "requirements", "responsibilities"]


RESUME_TEXT = """Sam Example
Engineer

Summary
I build ML systems.

Experience
Engineer, Acme, 2020-01
Services in Go.
- Ran Kubernetes

Education
BSc CS, Uni
- Deep neural networks

Skills
Languages: Go, C

Certifications
CKA, CNCF, 2022

Projects
k8s-tool
A Kubernetes operator
Keywords: Go"""


def test_json_resume(tmp_path: Path) -> None:
    path = tmp_path / "resume.json"
    path.write_text(json.dumps(JSON_RESUME))
    doc = read_document(path)
    assert (doc.format, doc.text) == ("json-resume", RESUME_TEXT)
    kinds = [s.kind for s in doc.sections]
    assert kinds == [
        "header",
        "summary",
        "experience",
        "education",
        "skills",
        "certifications",
        "projects",
    ]


def test_latin1_when_cp1252_cannot_decode(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes("Skills: Python, café\n".encode("latin-1") * 10 + b"\x81\n")
    doc = read_document(path)
    assert (doc.encoding, doc.text[:20]) == ("latin-1", "Skills: Python, café")


def test_running_headers_and_footers_stay_on_page_one_only() -> None:
    pages = [
        "Sam Example\nSkills\nGo\nPage 1 of 3",
        "Sam Example\nExperience\nAcme\nPage 2 of 3",
        "Sam Example\nEducation\nUni\nPage 3 of 3",
    ]
    assert drop_running_lines(pages) == [
        "Sam Example\nSkills\nGo\nPage 1 of 3",
        "Experience\nAcme",
        "Education\nUni",
    ]
    assert drop_running_lines(pages[:1]) == pages[:1]


def test_a_short_page_is_never_emptied() -> None:
    """Its two lines were at the edges of more than half the pages, so both went."""
    pages = ["Sam Example\nSkills\nGo", "Kubernetes\nTerraform", "Kubernetes\nTerraform"]
    assert drop_running_lines(pages) == pages


def test_icon_glyphs_and_unmapped_glyphs_are_dropped(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    raw = ["\uf0e0 sam@example.com \U000f0001\nSkills (cid:3)\nGo and Kubernetes on clusters"]
    monkeypatch.setattr("gapscan.read.pdf.pdf_pages", lambda *a: raw)
    text, pages, warnings = read_pdf(
        Path("x.pdf"), b"%PDF-", None, max_pages=5, max_chars=100, timeout=None
    )
    assert (text, warnings) == ("sam@example.com\nSkills\nGo and Kubernetes on clusters", ())
    assert [(p.start, p.end) for p in pages] == [(0, len(text))]


def test_scan_with_html_posting_and_json_resume(tmp_path: Path, tiny_path: Path) -> None:
    resume, posting = tmp_path / "resume.json", tmp_path / "job.html"
    resume.write_text(json.dumps(JSON_RESUME))
    posting.write_text(HTML_POSTING)
    result = CliRunner().invoke(
        cli, [str(resume), str(posting), "--taxonomy", str(tiny_path), "--format", "json"]
    )
    assert (result.exit_code, result.stderr) == (0, "")
    report = json.loads(result.stdout)
    assert (report["resume"]["format"], report["posting"]["format"]) == ("json-resume", "html")
    matched = sorted(s["id"] for e in report["matched"] for s in e["skills"])
    assert "kubernetes" in matched


def test_broken_json_ld_falls_back_to_the_visible_text(tmp_path: Path) -> None:
    path = tmp_path / "job.html"
    broken = '<script type="application/ld+json">{"@type": "JobPosting", </script></head>'
    path.write_text(HTML_POSTING.replace("</head>", broken))
    doc = read_document(path, posting=True)
    assert (doc.format, doc.text) == ("html", POSTING_TEXT)


@pytest.mark.parametrize(
    ("meta", "encoding"),
    [
        ('<meta charset="windows-1251">', "cp1251 (meta charset)"),
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">',
            "koi8-r (meta charset)",
        ),
    ],
    ids=["charset", "http-equiv"],
)
def test_html_in_the_charset_it_declares(tmp_path: Path, meta: str, encoding: str) -> None:
    text = "Инженер по данным. Требования: Python, Kubernetes."
    page = f"<html><head>{meta}<title>Вакансия</title></head><body><p>{text}</p></body></html>"
    codec = encoding.split()[0]
    path = tmp_path / "posting.html"
    path.write_bytes(page.encode(codec))
    doc = read_document(path, posting=True)
    assert doc.encoding == encoding
    assert text in doc.text


@pytest.mark.parametrize(
    ("meta", "encoding"),
    [
        ('<meta charset="no-such-codec">', "cp1252"),  # unknown: guessed as for any text
        ('<meta charset="iso-8859-1">', "cp1252 (meta charset)"),  # as browsers read it
        ('<meta charset="windows-1251">', "utf-8"),  # valid UTF-8 wins over a stale tag
    ],
    ids=["unknown", "latin-1-is-cp1252", "utf8-first"],
)
def test_html_charset_edge_cases(tmp_path: Path, meta: str, encoding: str) -> None:
    raw = "Data engineer – café, naïve Bayes, Python".encode(
        "utf-8" if "utf" in encoding else "cp1252"
    )
    path = tmp_path / "posting.html"
    path.write_bytes(f"<html><head>{meta}</head><body><p>".encode() + raw + b"</p></body></html>")
    doc = read_document(path, posting=True)
    assert doc.encoding == encoding
    assert "Data engineer – café, naïve Bayes, Python" in doc.text
