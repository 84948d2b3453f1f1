"""Read a file into a :class:`Document`: PDF (pypdfium2), DOCX, and text in any common encoding.

The format is chosen by the file's content, not its extension. Every failure is an
:class:`InputError` naming the file and the cause.
"""

from __future__ import annotations

import hashlib
import os
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from .cleanup import repair_pdf_text
from .errors import InputError
from .sections import detect_sections
from .types import Document, Page

PAGE_BREAK = "\n\n"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class Limits:
    """Bounds on what one input may cost; documented in the README."""

    max_bytes: int = 20 * 1024 * 1024
    max_pages: int = 50
    max_chars: int = 2_000_000


DEFAULT_LIMITS = Limits()


def read_document(
    path: Path | str,
    *,
    posting: bool = False,
    password: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Document:
    """Read ``path`` and recognise its sections (a posting's first line is its title)."""
    p = Path(path)
    data = _read_bytes(p, limits)
    kind = sniff_format(data)
    warnings: tuple[str, ...] = ()
    encoding: str | None = None
    pages: tuple[Page, ...] = ()
    if kind == "pdf":
        text, pages, warnings = _read_pdf(p, data, password, limits)
    elif kind == "docx":
        text = _read_docx(p, data, limits)
    else:
        text, encoding = decode_text(p, data)
        kind = "text"
    if len(text) > limits.max_chars:
        raise InputError(
            p, f"holds {len(text):,} characters, over the limit of {limits.max_chars:,}"
        )
    return Document(
        source=str(path),
        format=kind,
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        pages=pages,
        sections=detect_sections(text, posting=posting),
        encoding=encoding,
        warnings=warnings,
    )


def _read_bytes(p: Path, limits: Limits) -> bytes:
    try:
        st = os.stat(p)
    except FileNotFoundError:
        raise InputError(p, "no such file") from None
    except PermissionError:
        raise InputError(p, "permission denied") from None
    except OSError as exc:
        raise InputError(p, f"cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(p, "is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(p, "is not a regular file (a FIFO, socket or device)")
    if st.st_size > limits.max_bytes:
        raise InputError(
            p,
            f"is {st.st_size / 1e6:.1f} MB, over the limit of {limits.max_bytes / 1e6:.0f} MB",
        )
    try:
        data = p.read_bytes()
    except PermissionError:
        raise InputError(p, "permission denied") from None
    except OSError as exc:
        raise InputError(p, f"cannot be read ({exc.strerror or exc})") from None
    if not data:
        raise InputError(p, "is empty (0 bytes)")
    return data


def sniff_format(data: bytes) -> str:
    """``pdf``, ``docx`` or ``text``, from the content's signature."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    return "text"


def _read_pdf(
    p: Path, data: bytes, password: str | None, limits: Limits
) -> tuple[str, tuple[Page, ...], tuple[str, ...]]:
    import pypdfium2 as pdfium  # imported here: text inputs never pay for it

    try:
        pdf = pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            if password is None:
                raise InputError(p, "the PDF is encrypted; give its password with --password") from None
            raise InputError(p, "the PDF password is wrong") from None
        raise InputError(p, "not a readable PDF (the file is damaged or truncated)") from None
    try:
        count = len(pdf)
        if count == 0:
            raise InputError(p, "the PDF has no pages (the file is damaged or truncated)")
        if count > limits.max_pages:
            raise InputError(
                p, f"has {count} pages, over the limit of {limits.max_pages} (see --max-pages)"
            )
        parts: list[str] = []
        pages: list[Page] = []
        offset = 0
        for index in range(count):
            page = pdf[index]
            textpage = page.get_textpage()
            try:
                raw = textpage.get_text_range()
            finally:
                textpage.close()
                page.close()
            text = repair_pdf_text(raw)
            if parts:
                offset += len(PAGE_BREAK)
            pages.append(Page(index + 1, offset, offset + len(text)))
            parts.append(text)
            offset += len(text)
    finally:
        pdf.close()
    text = PAGE_BREAK.join(parts)
    warnings: tuple[str, ...] = ()
    if sum(ch.isalpha() for ch in text) < 20:
        warnings = ("no text layer: scanned? OCR is not supported",)
    return text, tuple(pages), warnings


def _read_docx(p: Path, data: bytes, limits: Limits) -> str:
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            info = zf.getinfo("word/document.xml")
            if info.file_size > limits.max_chars * 20:
                raise InputError(p, "the DOCX document part is too large (a zip bomb?)")
            xml = zf.read(info)
    except KeyError:
        raise InputError(p, "a zip archive but not a Word document (no word/document.xml)") from None
    except (zipfile.BadZipFile, OSError, EOFError):
        raise InputError(p, "not a readable DOCX (the zip archive is damaged)") from None
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError:
        raise InputError(p, "not a readable DOCX (its XML is damaged)") from None
    lines: list[str] = []
    for para in root.iter(f"{_W}p"):
        chunks: list[str] = []
        for node in para.iter():
            if node.tag == f"{_W}t" and node.text:
                chunks.append(node.text)
            elif node.tag in (f"{_W}tab",):
                chunks.append("\t")
            elif node.tag in (f"{_W}br", f"{_W}cr"):
                chunks.append("\n")
        lines.append("".join(chunks))
    return "\n".join(lines).strip("\n")


def decode_text(p: Path, data: bytes) -> tuple[str, str]:
    """Decode text bytes, returning the text and the encoding used.

    BOMs are honoured; UTF-8 is tried first, then UTF-16 without a BOM (recognised by its
    NUL pattern), then cp1252 and finally latin-1. Binary content is rejected, never
    decoded into noise.
    """
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                return _checked(p, data[len(bom) :].decode(codec)), f"{codec} (BOM)"
            except UnicodeDecodeError:
                raise InputError(
                    p, f"starts with a {codec} byte-order mark but is not valid {codec}"
                ) from None
    sample = data[:4096]
    if len(sample) >= 4 and b"\x00" in sample:
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        half = len(sample) // 2
        for zeros, codec in ((odd, "utf-16-le"), (even, "utf-16-be")):
            if zeros > 0.4 * half:
                try:
                    return _checked(p, data.decode(codec)), codec
                except UnicodeDecodeError:
                    break
        raise InputError(p, "binary content, not text (unsupported format)")
    for codec in ("utf-8", "cp1252", "latin-1"):
        try:
            return _checked(p, data.decode(codec)), codec
        except UnicodeDecodeError:
            continue
    raise InputError(p, "cannot be decoded as text")  # latin-1 decodes anything; kept for mypy


def _checked(p: Path, text: str) -> str:
    """Reject decoded text that is mostly control characters (binary data)."""
    if not text:
        return text
    control = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if control > 0.01 * min(len(text), 8192) or "\x00" in text[:8192]:
        raise InputError(p, "binary content, not text (unsupported format)")
    return text
