"""Read the paragraphs of a DOCX file, refusing zip bombs and XML entity tricks.

Only ``word/document.xml`` is read: embedded objects, macros and attachments are ignored.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path
from xml.etree import ElementTree

from ..errors import InputError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_RATIO = 200  # real document.xml parts compress 5-20x; a bomb compresses 1000x
_ENCRYPTED = 0x1  # bit 0 of a zip member's general purpose flags
_DAMAGED = "not a readable DOCX ({}); re-save it from Word"
_PARAGRAPH, _TEXT = f"{_W}p", f"{_W}t"
_BREAKS = {f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n"}


def read_docx(p: Path, data: bytes, max_chars: int) -> str:
    """The document's paragraphs, one a line (tabs and line breaks kept)."""
    limit = max_chars * 20  # XML markup is verbose: 20 bytes a character is generous
    xml = _document_xml(p, data, limit)
    if len(xml) > limit:
        raise InputError(
            p, "the DOCX text markup is larger than its zip directory says (a zip bomb?)"
        )
    if b"<!DOCTYPE" in xml or b"<!ENTITY" in xml:  # XML keywords are upper case
        raise InputError(p, "the DOCX declares XML entities (Word never does); refusing to read it")
    try:
        paragraphs = _paragraphs(xml)
    except (ElementTree.ParseError, LookupError):  # LookupError: an unknown declared encoding
        raise InputError(p, _DAMAGED.format("its XML is damaged")) from None
    return "\n".join(paragraphs).strip("\n")


def _document_xml(p: Path, data: bytes, limit: int) -> bytes:
    """The bytes of ``word/document.xml``, at most ``limit + 1``; any damage is an InputError.

    A damaged archive fails in many ways inside ``zipfile``: a corrupt deflate stream
    (``zlib.error``), a name flagged UTF-8 that is not (``UnicodeDecodeError``), a bad CRC
    (``BadZipFile``); each becomes a cause the user can act on, never a traceback.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            info = zf.getinfo("word/document.xml")
            if info.flag_bits & _ENCRYPTED:
                raise InputError(p, "the DOCX is encrypted; remove its password and save it again")
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > limit or (info.file_size > 10_000_000 and ratio > MAX_RATIO):
                raise InputError(
                    p,
                    f"the DOCX expands to {info.file_size / 1e6:,.0f} MB of text markup "
                    "(a zip bomb?); refusing to read it",
                )
            with zf.open(info) as fh:
                return fh.read(limit + 1)  # bounded even if the zip directory lies
    except KeyError:
        raise InputError(
            p, "a zip archive but not a Word document (no word/document.xml); save it as DOCX"
        ) from None
    except zlib.error:
        raise InputError(p, _DAMAGED.format("its compressed text is corrupt")) from None
    except UnicodeDecodeError:
        raise InputError(p, _DAMAGED.format("a file name in it is not valid UTF-8")) from None
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        OSError,
        EOFError,
        ValueError,  # "negative seek value": offsets in the zip directory that point before it
    ):
        raise InputError(p, _DAMAGED.format("the zip archive is damaged")) from None


def _paragraphs(xml: bytes) -> list[str]:
    """Every paragraph's text, in the order the paragraphs start, in one pass over the XML.

    A paragraph nested in another (a text box, or a hostile file nesting thousands deep) is
    a paragraph of its own, and its text belongs to it alone: each piece of text goes to the
    innermost open paragraph, so the time is linear in the markup, whatever the depth.
    """
    paragraphs: list[list[str]] = []
    open_paragraphs: list[list[str]] = []
    for event, node in ElementTree.iterparse(io.BytesIO(xml), events=("start", "end")):
        if node.tag == _PARAGRAPH:
            if event == "start":
                paragraphs.append([])
                open_paragraphs.append(paragraphs[-1])
            else:
                open_paragraphs.pop()
        elif event == "end" and open_paragraphs:
            chunk = node.text if node.tag == _TEXT else _BREAKS.get(node.tag)
            if chunk:
                open_paragraphs[-1].append(chunk)
            node.clear()  # text taken: keep memory flat on long documents
    return ["".join(chunks) for chunks in paragraphs]
