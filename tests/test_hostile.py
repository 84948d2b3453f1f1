"""Every bad input gets one line, ``Error: <file>: <cause>``, its exit code, and no traceback,
within a time bound; the corpus comes from ``tests/make_hostile.py``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from make_hostile import NON_UTF8_NAME, PASSWORD, make_corpus

from gapscan.cli import cli

BOUND = 20.0  # seconds: generous, the machine is shared; a hang or a bomb blows far past it
BINARY = "binary content, not text (unsupported format: give a PDF, DOCX, text, HTML or JSON file)"
NOT_ASSESSED = "no text layer: scanned? OCR is not supported"


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="session")
def job(corpus: Path) -> Path:
    path = corpus / "job.txt"
    path.write_text("Go Developer\nRequirements\n- Go or C\n- Kubernetes\nNice to have\n- ML\n")
    return path


def scan(*args: str | Path) -> tuple[int, str, str, float]:
    start = time.monotonic()
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr, time.monotonic() - start


REFUSED = [
    ("empty.pdf", (), "is empty (0 bytes); save the document again or give another file"),
    ("folder.pdf", (), "is a directory, not a file; give the path of a document"),
    (
        "fifo.pdf",
        (),
        "is not a regular file (a FIFO, socket or device); save the document to a file",
    ),
    ("random.pdf", (), BINARY),
    (
        "truncated.pdf",
        (),
        "not a readable PDF (the file is damaged or truncated); export it to PDF again",
    ),
    (
        "zero-pages.pdf",
        (),
        "not a readable PDF (the file is damaged or truncated); export it to PDF again",
    ),
    ("encrypted.pdf", (), "the PDF is encrypted; give its password with --password"),
    ("encrypted.pdf", ("--password", "nope"), "the PDF password is wrong; check it and try again"),
    ("too-many-pages.pdf", (), "has 60 pages, over the limit of 50 (raise it with --max-pages)"),
    (
        "resume.txt",
        ("--max-mb", "0.0001"),
        "is 0.0 MB, over the limit of 0 MB (raise it with --max-mb)",
    ),
    (
        "pdf-bomb.pdf",
        (),
        "a compressed stream in the PDF expands past 64 MB "
        "(a decompression bomb?); refusing to read it",
    ),
    (
        "pdf-heavy.pdf",
        # 1 s: PDFium reaches the 2 GB cap after about 2.5 s, so the time limit comes first
        ("--timeout", "1"),
        "reading it took over 1 s (a hostile or broken file?); raise --timeout if you trust it",
    ),
    (
        "docx-bomb.docx",
        (),
        "the DOCX expands to 50 MB of text markup (a zip bomb?); refusing to read it",
    ),
    (
        "docx-entities.docx",
        (),
        "the DOCX declares XML entities (Word never does); refusing to read it",
    ),
    (
        "bad.json",
        (),
        "not valid JSON (Expecting ',' delimiter: line 1 column 26 (char 25)); "
        "fix the file or save it as text",
    ),
    ("deep.json", (), "not valid JSON (nested too deeply); fix the file or save it as text"),
    (
        "other.json",
        (),
        "JSON, but neither a JSON Resume nor a schema.org JobPosting; "
        "give one of those, or the text",
    ),
]


@pytest.mark.parametrize(
    ("name", "options", "cause"), REFUSED, ids=[f"{n}{'+' if o else ''}" for n, o, _ in REFUSED]
)
def test_bad_resume_is_refused(
    corpus: Path, job: Path, tiny_path: Path, name: str, options: tuple[str, ...], cause: str
) -> None:
    path = corpus / name
    code, out, err, took = scan(path, job, "--taxonomy", tiny_path, *options)
    assert (code, out, err) == (4, "", f"Error: {path}: {cause}\n")
    assert took < BOUND


LIMITED = [r for r in REFUSED if r[1] and r[1][0] in ("--max-mb", "--timeout")] + [
    r for r in REFUSED if r[0] == "too-many-pages.pdf"
]


@pytest.mark.parametrize(("name", "options", "cause"), LIMITED, ids=[n for n, _, _ in LIMITED])
def test_extract_has_the_same_limits(
    corpus: Path, tiny_path: Path, name: str, options: tuple[str, ...], cause: str
) -> None:
    path = corpus / name
    code, out, err, took = scan("extract", path, "--taxonomy", tiny_path, *options)
    assert (code, out, err) == (4, "", f"Error: {path}: {cause}\n")
    assert took < BOUND


def test_bad_posting_is_refused_by_name(corpus: Path, tiny_path: Path) -> None:
    code, _, err, _ = scan(corpus / "resume.txt", corpus / "random.pdf", "--taxonomy", tiny_path)
    assert (code, err) == (4, f"Error: {corpus / 'random.pdf'}: {BINARY}\n")


def test_posting_without_a_text_layer_is_refused_by_name(corpus: Path, tiny_path: Path) -> None:
    posting = corpus / "scanned.pdf"
    code, out, err, _ = scan(corpus / "resume.txt", posting, "--taxonomy", tiny_path)
    cause = f"{NOT_ASSESSED}; give the posting as text"
    assert (code, out, err) == (4, "", f"Error: {posting}: {cause}\n")


@pytest.mark.parametrize("name", ["scanned.pdf", "cid-garbage.pdf"])
def test_no_text_layer_is_not_assessed(corpus: Path, job: Path, tiny_path: Path, name: str) -> None:
    path = corpus / name
    code, out, err, took = scan(path, job, "--taxonomy", tiny_path, "--format", "json")
    assert (code, err) == (3, f"Warning: {path}: not assessed: {NOT_ASSESSED}\n")
    report = json.loads(out)
    assert (report["status"], report["score"]["value"]) == ("not_assessed", None)
    assert report["resume"]["warnings"] == ["no text layer: scanned? OCR is not supported"]
    assert took < BOUND


@pytest.mark.parametrize(
    ("name", "options", "fmt"),
    [
        ("encrypted.pdf", ("--password", PASSWORD), "pdf"),
        ("docx-renamed.pdf", (), "docx"),
        ("html-renamed.pdf", (), "html"),
        ("resume.json", (), "json-resume"),
    ],
)
def test_read_by_content(
    corpus: Path, job: Path, tiny_path: Path, name: str, options: tuple[str, ...], fmt: str
) -> None:
    code, out, err, took = scan(
        corpus / name, job, "--taxonomy", tiny_path, "--format", "json", *options
    )
    assert (code, err) == (0, "")
    report = json.loads(out)
    assert (report["status"], report["resume"]["format"]) == ("assessed", fmt)
    assert took < BOUND


def run_cli(*args: bytes | str, timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    code = "from gapscan.cli import main; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, timeout=timeout, check=False
    )


def test_non_utf8_file_name_prints_escaped(corpus: Path, job: Path, tiny_path: Path) -> None:
    name = os.path.join(os.fsencode(corpus), NON_UTF8_NAME)
    done = run_cli(name, str(job), "--taxonomy", str(tiny_path))
    shown = os.fsencode(corpus) + b"/r\\xe9sum\\xe9.txt"
    assert (done.returncode, done.stderr) == (
        4,
        b"Error: " + shown + b": " + BINARY.encode() + b"\n",
    )


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_devices_are_refused_fast(job: Path, tiny_path: Path, device: str) -> None:
    start = time.monotonic()
    done = run_cli(device, str(job), "--taxonomy", str(tiny_path))
    assert (done.returncode, done.stderr.decode()) == (
        4,
        f"Error: {device}: is not a regular file (a FIFO, socket or device); "
        "save the document to a file\n",
    )
    assert time.monotonic() - start < BOUND * 2  # includes starting Python and spaCy


def test_missing_file_in_a_real_process(job: Path, tiny_path: Path) -> None:
    done = run_cli("nowhere.pdf", str(job), "--taxonomy", str(tiny_path))
    assert (done.returncode, done.stdout, done.stderr) == (
        4,
        b"",
        b"Error: nowhere.pdf: no such file\n",
    )


def test_time_limit_interrupts_python_code() -> None:
    from gapscan.errors import TimeLimitExceeded
    from gapscan.read.timelimit import time_limit

    start = time.monotonic()
    expected = r"^the scan took over 0.2 s \(a hostile or broken file\?\); raise --timeout if you"
    with pytest.raises(TimeLimitExceeded, match=expected), time_limit(0.2):
        while True:
            pass
    assert time.monotonic() - start < BOUND


def test_heavy_pdf_is_read_in_a_child_that_is_stopped(corpus: Path) -> None:
    from gapscan.errors import InputError
    from gapscan.limits import Limits
    from gapscan.read.document import read_document

    path = corpus / "pdf-heavy.pdf"  # 12 MB of text lines: PDFium needs over 5 s and 2 GB
    start = time.monotonic()
    with pytest.raises(InputError) as info:
        read_document(path, limits=Limits(timeout=2))
    assert str(info.value) == (
        f"{path}: reading it took over 2 s (a hostile or broken file?); "
        "raise --timeout if you trust it"
    )
    assert time.monotonic() - start < BOUND


def test_stream_guard_measures_without_reading_the_page() -> None:
    from make_hostile import raw_pdf, text_ops

    from gapscan.read.pdf_guard import inspect_streams

    report = inspect_streams(raw_pdf(text_ops(b"Go", 100_000)))
    assert (report.content, report.bomb) == (len(text_ops(b"Go", 100_000)), False)


def test_heavy_pdf_child_is_capped_in_memory(corpus: Path) -> None:
    from gapscan.errors import InputError
    from gapscan.limits import Limits
    from gapscan.read.document import read_document

    path = corpus / "pdf-heavy.pdf"
    start = time.monotonic()
    with pytest.raises(InputError) as info:
        read_document(path, limits=Limits(timeout=BOUND * 3))
    assert str(info.value) == (
        f"{path}: reading the PDF's text failed (the reader crashed or needed over 2 GB of "
        "memory); a hostile or broken file?"
    )
    assert time.monotonic() - start < BOUND
