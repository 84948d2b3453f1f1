"""Decode the bytes of a text file: BOMs, UTF-8, UTF-16 without a BOM, an HTML page's
declared charset, cp1252, latin-1.

The encoding used is recorded in ``Document.encoding``. Binary content is rejected, never
decoded into noise.

Why not charset-normalizer: its guess for a short Western text that is not UTF-8 is not
safe. "José Núñez-García" with a few skills, in cp1252, comes back as cp1250 ("Núńez"),
and names are what a resume's header holds; cp1252 then latin-1, after UTF-8 and any declared
charset, reads such files right and the same way every time.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..errors import InputError

BINARY = "binary content, not text (unsupported format: give a PDF, DOCX, text, HTML or JSON file)"
_ALPHABET_BLOCKS = 4  # ASCII, an alphabet (two blocks for some), general punctuation
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def decode_text(p: Path, data: bytes) -> tuple[str, str]:
    """Decode text bytes, returning the text and the encoding used.

    BOMs are honoured; UTF-16 without a BOM is recognised by its NUL pattern (many NULs on
    one side, or a few on one side only and readable text); then UTF-8 is
    tried, then the charset an HTML page declares in a meta tag, then cp1252 and finally
    latin-1 (which decodes anything, so the control character check is what rejects binary
    data).
    """
    for bom, codec in _BOMS:
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
        for zeros, others, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
            if zeros > 0.4 * half:
                try:
                    return _checked(p, data.decode(codec)), codec
                except UnicodeDecodeError:
                    break
            if others == 0:  # NULs on one side only: the ASCII of a text in another script?
                text = _readable_utf16(data, codec)
                if text is not None:
                    return _checked(p, text), codec
        raise InputError(p, BINARY)
    try:
        return _checked(p, data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _meta_charset(sample)
    if declared is not None:
        try:
            return _checked(p, data.decode(declared)), f"{declared} (meta charset)"
        except UnicodeError:  # also what idna and punycode raise
            pass  # the page lies about its encoding: guess as for any text
    for codec in ("cp1252", "latin-1"):
        try:
            return _checked(p, data.decode(codec)), codec
        except UnicodeDecodeError:
            continue
    raise InputError(p, "cannot be decoded as text")  # latin-1 decodes anything; kept for mypy


# <meta charset="windows-1251"> or <meta http-equiv="Content-Type" content="text/html;
# charset=koi8-r">, in the first bytes of a saved page
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.I)


def normalize_newlines(text: str) -> str:
    """CRLF and old-Mac CR line ends as LF, so lines, headings and offsets are found alike."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _meta_charset(sample: bytes) -> str | None:
    """The codec an HTML page declares, when Python knows it as a text encoding and it can be
    declared in ASCII.

    As in browsers, a declared ASCII or latin-1 means windows-1252, and a declared UTF-16
    is ignored (a page whose meta tag is readable as ASCII is not UTF-16).
    """
    found = _META_CHARSET.search(sample)
    if found is None:
        return None
    try:
        info = codecs.lookup(found.group(1).decode("ascii"))
    except LookupError:
        return None
    name = info.name
    if not info._is_text_encoding or name == "undefined":
        return None  # base64, rot-13, zlib... transform bytes; "undefined" always fails
    if name in ("ascii", "latin-1", "iso8859-1"):
        return "cp1252"
    if name.startswith(("utf-16", "utf-32")):
        return None
    return name


def _readable_utf16(data: bytes, codec: str) -> str | None:
    """``data`` as UTF-16 without a BOM when it reads as text in one alphabet, else None.

    Text in Cyrillic, Greek, Hebrew, Arabic, Devanagari... has NULs only in the high bytes
    of its spaces, digits and line ends, too few for the NUL count to tell. Such text keeps
    to a few blocks of 256 code points (its alphabet's, ASCII's, punctuation's); bytes that
    are not UTF-16 text fail to decode (a lone surrogate), or scatter over many blocks.
    Chinese or Japanese text without a BOM scatters too, and is still refused.
    """
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    head = text[:2048]
    printable = sum(1 for ch in head if ch.isprintable() or ch in "\t\n\r\f")
    blocks = {ord(ch) >> 8 for ch in head}
    return text if printable >= 0.95 * len(head) and len(blocks) <= _ALPHABET_BLOCKS else None


def _checked(p: Path, text: str) -> str:
    """Reject decoded text that is mostly control characters (binary data)."""
    if not text:
        return text
    head = text[:8192]
    control = sum(1 for ch in head if (ord(ch) < 32 and ch not in "\t\n\r\f") or ch == "\x7f")
    unassigned = head.count("\ufffd") + sum(1 for ch in head if "\x80" <= ch <= "\x9f")
    if control > 0.01 * len(head) or unassigned > 0.05 * len(head) or "\x00" in head:
        raise InputError(p, BINARY)
    return text
