"""Read a file into a :class:`Document`, choosing the reader by content, not extension.

PDF (``read_pdf``), DOCX (``read_docx``), HTML pages (visible text, or their embedded
schema.org JobPosting), JSON (a JSON Resume or a JobPosting) and text in any common
encoding (``decode``). Every failure is an :class:`InputError` naming the file, the cause
and what to do.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from ..errors import InputError, TimeLimitExceeded, display_path, over_time
from ..limits import DEFAULT_LIMITS, Limits
from ..records import Document, Page
from .docx import read_docx
from .pdf import PAGE_BREAK, read_pdf
from .sections import detect_sections
from .structured import (
    find_job_posting,
    is_json_resume,
    job_posting_text,
    json_resume_text,
    parse_json,
)
from .text import decode_text, normalize_newlines
from .webpage import html_jsonld, html_text, looks_like_html

__all__ = ["PAGE_BREAK", "decode_text", "read_document", "sniff_format"]


def read_document(
    path: Path | str,
    *,
    posting: bool = False,
    password: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Document:
    """Read ``path`` and recognise its sections (a posting's first line is its title)."""
    p = Path(path)
    try:
        return _read(p, display_path(path), posting, password, limits)
    except TimeLimitExceeded as exc:
        raise InputError(
            p,
            f"reading it {over_time(exc.seconds)}",
        ) from None


def _read(p: Path, source: str, posting: bool, password: str | None, limits: Limits) -> Document:
    data = _read_bytes(p, limits)
    kind = sniff_format(data)
    warnings: tuple[str, ...] = ()
    encoding: str | None = None
    pages: tuple[Page, ...] = ()
    if kind == "pdf":
        text, pages, warnings = read_pdf(
            p,
            data,
            password,
            max_pages=limits.max_pages,
            max_chars=limits.max_chars,
            timeout=limits.timeout,
        )
    elif kind == "docx":
        text = read_docx(p, data, limits.max_chars)
    else:
        text, encoding = decode_text(p, data)
        kind, text = _structured(p, text)
        text = normalize_newlines(text)  # before sections and offsets are found
    if len(text) > limits.max_chars:
        raise InputError(
            p,
            f"holds {len(text):,} characters, over the limit of {limits.max_chars:,}; "
            "is it really a resume or a posting?",
        )
    return Document(
        source=source,
        format=kind,
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        pages=pages,
        sections=detect_sections(text, posting=posting),
        encoding=encoding,
        warnings=warnings,
    )


def _structured(p: Path, text: str) -> tuple[str, str]:
    """The format and text of decoded content: HTML and JSON become sectioned text."""
    if looks_like_html(text):
        for block in html_jsonld(text):
            try:
                node = find_job_posting(parse_json(block))
            except ValueError:
                continue  # a broken JSON-LD block: the visible text still serves
            if node is not None:
                return "html-jsonld", job_posting_text(node)
        return "html", html_text(text)
    if text.lstrip("\ufeff \t\r\n")[:1] in ("{", "["):
        try:
            value = parse_json(text)
        except ValueError as exc:
            raise InputError(
                p, f"not valid JSON ({exc}); fix the file or save it as text"
            ) from None
        node = find_job_posting(value)
        if node is not None:
            return "jobposting-json", job_posting_text(node)
        if is_json_resume(value):
            return "json-resume", json_resume_text(value)
        raise InputError(
            p,
            "JSON, but neither a JSON Resume nor a schema.org JobPosting; "
            "give one of those, or the text",
        )
    return "text", text


def _read_bytes(p: Path, limits: Limits) -> bytes:
    try:
        st = os.stat(p)
    except FileNotFoundError:
        raise InputError(p, "no such file") from None
    except PermissionError:
        raise InputError(p, "permission denied; check the file's permissions") from None
    except OSError as exc:
        raise InputError(p, f"cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(p, "is a directory, not a file; give the path of a document")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(
            p, "is not a regular file (a FIFO, socket or device); save the document to a file"
        )
    if st.st_size > limits.max_bytes:
        raise InputError(
            p,
            f"is {st.st_size / 1e6:.1f} MB, over the limit of {limits.max_bytes / 1e6:.0f} MB "
            "(raise it with --max-mb)",
        )
    try:
        with open(p, "rb") as fh:
            data = fh.read(limits.max_bytes + 1)  # bounded even if the file grows meanwhile
    except PermissionError:
        raise InputError(p, "permission denied; check the file's permissions") from None
    except OSError as exc:
        raise InputError(p, f"cannot be read ({exc.strerror or exc})") from None
    if not data:
        raise InputError(p, "is empty (0 bytes); save the document again or give another file")
    if len(data) > limits.max_bytes:
        raise InputError(p, "grew past the size limit while being read")
    return data


def sniff_format(data: bytes) -> str:
    """``pdf``, ``docx`` or ``text``, from the content's signature (HTML and JSON are text)."""
    if data.find(b"%PDF-", 0, 1024) >= 0:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    return "text"
