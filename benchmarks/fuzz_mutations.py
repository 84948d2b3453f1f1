"""Mutations for ``fuzz.py``: each takes a file's bytes and a seeded RNG, returns new bytes.

Generic ones damage any file (byte flips, truncation, duplicated or deleted chunks); the
others know a format's structure, so they reach the code behind the first parser: PDF
cross-references and object numbers, ZIP headers and deflate data, nested XML, HTML and
JSON, and the charset tricks (meta charsets naming codecs that are not text codecs, BOMs,
mixed encodings, CR-only line ends, very long lines, texts of one to two million characters).
"""

from __future__ import annotations

import io
import json
import random
import re
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fuzz_seeds import ZIP_TIME

Mutator = Callable[[bytes, random.Random], bytes]


@dataclass(frozen=True)
class Mutation:
    """A named mutation; ``rebuild`` ones reparse the file, so they are applied first."""

    name: str
    apply: Mutator
    weight: int = 3
    rebuild: bool = False


# --- generic -------------------------------------------------------------------------------


def _span(data: bytes, rng: random.Random, largest: int = 4096) -> tuple[int, int]:
    """A random ``(start, end)`` inside ``data``, at most ``largest`` bytes long."""
    start = rng.randrange(len(data) or 1)
    return start, min(len(data), start + rng.randint(1, largest))


def byte_flip(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.choice((1, 4, 32))):
        if out:
            out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data) or 1)]


def duplicate_chunk(data: bytes, rng: random.Random) -> bytes:
    start, end = _span(data, rng)
    at = rng.randrange(len(data) + 1)
    return data[:at] + data[start:end] * rng.choice((1, 2, 50)) + data[at:]


def delete_chunk(data: bytes, rng: random.Random) -> bytes:
    start, end = _span(data, rng)
    return data[:start] + data[end:]


def insert_random(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data) + 1)
    return data[:at] + rng.randbytes(rng.choice((1, 16, 512))) + data[at:]


# --- PDF -----------------------------------------------------------------------------------

_XREF_ENTRY = re.compile(rb"\d{10} \d{5} n")
_OBJ_HEADER = re.compile(rb"(?m)^(\d+) (\d+) obj")


def pdf_zero_xref(data: bytes, rng: random.Random) -> bytes:
    """Every in-use cross-reference entry (or some of them) points at offset zero."""
    every = rng.random() < 0.5
    return _XREF_ENTRY.sub(
        lambda m: b"0000000000 00000 n" if every or rng.random() < 0.5 else m.group(0), data
    )


def pdf_swap_objects(data: bytes, rng: random.Random) -> bytes:
    """Two objects trade numbers, so references (and the xref) name the wrong object."""
    headers = list(_OBJ_HEADER.finditer(data))
    if len(headers) < 2:
        return data
    first, second = rng.sample(headers, 2)
    numbers = {first.start(1): second.group(1), second.start(1): first.group(1)}
    out, last = bytearray(), 0
    for match in sorted((first, second), key=lambda m: m.start(1)):
        out += data[last : match.start(1)] + numbers[match.start(1)]
        last = match.end(1)
    return bytes(out + data[last:])


def pdf_bad_length(data: bytes, rng: random.Random) -> bytes:
    """One stream's ``/Length`` is wrong: zero, one off, huge or negative."""
    lengths = list(re.finditer(rb"/Length (\d+)", data))
    if not lengths:
        return data
    match = rng.choice(lengths)
    value = int(match.group(1))
    new = rng.choice((0, value - 1, value + 1, value * 100, 2**31, -5))
    return data[: match.start(1)] + str(new).encode() + data[match.end(1) :]


def pdf_bad_startxref(data: bytes, rng: random.Random) -> bytes:
    at = data.rfind(b"startxref")
    if at < 0:
        return data
    end = data.find(b"%%EOF", at)
    number = str(rng.choice((0, 1, len(data) * 2, rng.randrange(len(data) or 1)))).encode()
    return data[:at] + b"startxref\n" + number + b"\n" + data[end if end >= 0 else len(data) :]


def pdf_stream_flip(data: bytes, rng: random.Random) -> bytes:
    """Bytes flipped inside one stream's data: bad deflate data or bad content operators."""
    streams = [m.end() for m in re.finditer(rb"stream\r?\n", data)]
    if not streams:
        return data
    start = rng.choice(streams)
    end = data.find(b"endstream", start)
    if end <= start:
        return data
    out = bytearray(data)
    for _ in range(rng.choice((1, 8, 64))):
        out[rng.randrange(start, end)] = rng.randrange(256)
    return bytes(out)


def pdf_deep_array(data: bytes, rng: random.Random) -> bytes:
    """A page (or the catalog) gains a key whose value is an array nested very deep."""
    at = data.find(b"/Type /Page") if b"/Type /Page" in data else data.find(b"/Type/Page")
    if at < 0:
        return data
    depth = rng.choice((100, 1000, 10_000, 100_000))
    opener, closer = rng.choice(((b"[", b"]"), (b"<</A ", b">>")))
    return data[:at] + b"/Deep " + opener * depth + closer * depth + b" " + data[at:]


# --- ZIP (DOCX) ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ZipEntry:
    """Where one member's local header, data and central-directory record are in the file."""

    name: bytes
    local: int
    data_start: int
    size: int
    central: int


def zip_entries(data: bytes) -> list[ZipEntry]:
    """The members named in the central directory whose local header is where it says."""
    entries = []
    for match in re.finditer(rb"PK\x01\x02", data):
        central = match.start()
        if central + 46 > len(data):
            continue
        size, _, name_len = struct.unpack_from("<IIH", data, central + 20)
        local = struct.unpack_from("<I", data, central + 42)[0]
        if data[local : local + 4] != b"PK\x03\x04" or local + 30 > len(data):
            continue
        local_name, local_extra = struct.unpack_from("<HH", data, local + 26)
        name = data[central + 46 : central + 46 + name_len]
        start = local + 30 + local_name + local_extra
        entries.append(ZipEntry(name, local, start, size, central))
    return entries


def _pick_entry(data: bytes, rng: random.Random) -> ZipEntry | None:
    """A member, the document part more often than not (it is the one gapscan reads)."""
    entries = zip_entries(data)
    if not entries:
        return None
    main = [e for e in entries if e.name == b"word/document.xml"]
    return main[0] if main and rng.random() < 0.7 else rng.choice(entries)


def _on_entry(change: Callable[[bytearray, ZipEntry, random.Random], None]) -> Mutator:
    """A mutation that edits, in place, the bytes of one member picked by ``_pick_entry``."""

    def mutate(data: bytes, rng: random.Random) -> bytes:
        entry = _pick_entry(data, rng)
        if entry is None:
            return data
        out = bytearray(data)
        change(out, entry, rng)
        return bytes(out)

    mutate.__doc__ = change.__doc__
    return mutate


def _set_flag(out: bytearray, entry: ZipEntry, bit: int, where: str) -> None:
    """Set a general-purpose flag bit in the local header, the central record, or both."""
    for offset, place in ((entry.local + 6, "local"), (entry.central + 8, "central")):
        if where in (place, "both"):
            flags = struct.unpack_from("<H", out, offset)[0]
            struct.pack_into("<H", out, offset, flags | bit)


@_on_entry
def zip_bad_deflate(out: bytearray, entry: ZipEntry, rng: random.Random) -> None:
    """Random bytes over part of a member's compressed data."""
    if entry.size == 0:
        return
    start = entry.data_start + rng.randrange(entry.size)
    for at in range(start, min(start + rng.choice((1, 8, 64)), entry.data_start + entry.size)):
        if at < len(out):
            out[at] = rng.randrange(256)


@_on_entry
def zip_bad_utf8_name(out: bytearray, entry: ZipEntry, rng: random.Random) -> None:
    """A member's name is flagged UTF-8 (bit 11) but holds a byte that is not UTF-8."""
    if not entry.name:
        return
    _set_flag(out, entry, 0x800, "both")
    at = rng.randrange(len(entry.name))
    bad = rng.choice((0xFF, 0xC3, 0x80, 0xE9))
    out[entry.central + 46 + at] = bad
    if rng.random() < 0.7:  # the local header's copy too, or the two names disagree
        out[entry.local + 30 + at] = bad


@_on_entry
def zip_encrypted_flag(out: bytearray, entry: ZipEntry, rng: random.Random) -> None:
    """A member claims to be encrypted (bit 0) although it is not."""
    _set_flag(out, entry, 0x1, rng.choice(("local", "central", "both")))


@_on_entry
def zip_wrong_sizes(out: bytearray, entry: ZipEntry, rng: random.Random) -> None:
    """A member's compressed or uncompressed size is wrong in one header or both."""
    field = rng.choice((0, 4))  # compressed size, then uncompressed size
    value = rng.choice((0, 1, entry.size // 2, entry.size * 10, 0xFFFFFFFF, 0xFFFFFFFE))
    for offset in (entry.central + 20 + field, entry.local + 18 + field):
        if rng.random() < 0.7:
            struct.pack_into("<I", out, offset, value)


def _rezip(data: bytes, change: Callable[[bytes], bytes]) -> bytes:
    """The same package with ``word/document.xml`` replaced by ``change(old part)``."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            parts = {info.filename: zf.read(info) for info in zf.infolist()}
    except Exception:  # an earlier mutation broke the package: leave it broken
        return data
    parts["word/document.xml"] = change(parts.get("word/document.xml", b""))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, part in parts.items():
            zf.writestr(zipfile.ZipInfo(name, ZIP_TIME), part, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def docx_deep_xml(data: bytes, rng: random.Random) -> bytes:
    """The body opens with elements nested very deep (a paragraph in tables in tables...)."""
    depth = rng.choice((100, 1000, 10_000, 100_000))
    opener, closer = rng.choice(
        (
            (b"<w:tbl><w:tr><w:tc>", b"</w:tc></w:tr></w:tbl>"),
            (b"<w:sdt><w:sdtContent>", b"</w:sdtContent></w:sdt>"),
            (b"<x>", b"</x>"),
        )
    )
    inner = b"<w:p><w:r><w:t>Python deep</w:t></w:r></w:p>"
    nested = opener * depth + inner + closer * depth
    return _rezip(data, lambda xml: xml.replace(b"<w:body>", b"<w:body>" + nested, 1))


def docx_xml_damage(data: bytes, rng: random.Random) -> bytes:
    """Generic damage to the XML of the document part, re-zipped so the package is sound."""
    damage = rng.choice((byte_flip, truncate, duplicate_chunk, delete_chunk))
    return _rezip(data, lambda xml: damage(xml, rng))


# --- text, HTML and JSON -------------------------------------------------------------------

BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
ODD_CHARSETS = (
    "base64",
    "undefined",
    "utf-16",
    "utf-16-be",
    "utf-32",
    "hex",
    "zlib",
    "bz2",
    "rot13",
    "uu",
    "quopri",
    "punycode",
    "idna",
    "unicode_escape",
    "raw_unicode_escape",
    "utf-7",
    "x-user-defined",
    "mbcs",
    "cp65001",
    "",
    "utf-8\x00",
    "latin-1; q=0",
    "x" * 300,
)


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def add_bom(data: bytes, rng: random.Random) -> bytes:
    """A BOM in front, which may or may not match how the rest is encoded."""
    return rng.choice(BOMS) + data


def reencode(data: bytes, rng: random.Random) -> bytes:
    """The text written in another Unicode encoding, with its BOM or without."""
    codec = rng.choice(("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-16"))
    body = _text(data).encode(codec)
    return (BOMS[1] if codec.endswith("le") and rng.random() < 0.5 else b"") + body


def mixed_encodings(data: bytes, rng: random.Random) -> bytes:
    """Pieces of one sentence in other encodings spliced in: latin-1, UTF-16, Shift-JIS..."""
    sample = "Café Zürich – “Kubernetes” 東京 ŁÓDŹ"
    out = data
    for _ in range(rng.randint(1, 4)):
        codec = rng.choice(("latin-1", "cp1252", "utf-16-le", "shift_jis", "utf-8", "koi8-r"))
        piece = sample.encode(codec, "replace")
        at = rng.randrange(len(out) + 1)
        out = out[:at] + piece + out[at:]
    return out


def cr_only(data: bytes, rng: random.Random) -> bytes:
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r")


def long_line(data: bytes, rng: random.Random) -> bytes:
    """No line breaks at all, and one line padded to 100,000-1,500,000 characters."""
    flat = data.replace(b"\r", b" ").replace(b"\n", b" ")
    target = rng.randint(100_000, 1_500_000)
    filler = b"Python SQL Kubernetes pipelines " * (target // 32 + 1)
    at = rng.randrange(len(flat) + 1)
    return flat[:at] + filler[:target] + flat[at:]


def huge_text(data: bytes, rng: random.Random) -> bytes:
    """The content repeated to 1,000,000-2,000,000 characters (some of them multi-byte)."""
    target = rng.randint(1_000_000, 2_000_000)
    unit = _text(data) + rng.choice(("\n", "\né ü 東京\n", "\r\n"))
    text = (unit * (target // max(len(unit), 1) + 1))[:target]
    return text.encode("utf-8")


def control_chars(data: bytes, rng: random.Random) -> bytes:
    """NULs, form feeds, escapes and lone surrogates (as WTF-8) inserted here and there."""
    out = data
    for _ in range(rng.randint(1, 20)):
        piece = rng.choice((b"\x00", b"\x0c", b"\x1b[31m", b"\xed\xa0\x80", b"\xe2\x80\xae"))
        at = rng.randrange(len(out) + 1)
        out = out[:at] + piece + out[at:]
    return out


def html_meta_charset(data: bytes, rng: random.Random) -> bytes:
    """The meta tag names an odd codec, and a latin-1 byte makes the page not UTF-8."""
    charset = rng.choice(ODD_CHARSETS).encode("latin-1", "replace")
    if b"charset=" in data:
        out = re.sub(rb'charset="[^"]*"', b'charset="' + charset + b'"', data, count=1)
    else:
        out = b'<meta charset="' + charset + b'">' + data
    if rng.random() < 0.8:
        at = out.find(b"<body>")
        out = out[: at + 6] + b"caf\xe9 " + out[at + 6 :] if at >= 0 else out + b"\xe9"
    return out


def html_deep_nesting(data: bytes, rng: random.Random) -> bytes:
    """Elements nested very deep inside the body, closed or left open."""
    depth = rng.choice((100, 1000, 10_000, 100_000))
    tag = rng.choice((b"div", b"ul", b"table", b"b", b"script"))
    closed = rng.random() < 0.5
    nested = b"<%s>" % tag * depth + b"Python" + (b"</%s>" % tag * depth if closed else b"")
    at = data.find(b"<body>")
    at = at + 6 if at >= 0 else 0
    return data[:at] + nested + data[at:]


def _nest(depth: int, rng: random.Random) -> object:
    """A value nested ``depth`` levels deep, in lists or dicts, built without recursion."""
    value: object = "Python"
    as_list = rng.random() < 0.5
    for _ in range(depth):
        value = [value] if as_list else {"a": value}
    return value


def _json_edit(data: bytes, rng: random.Random, replacement: Callable[[], object]) -> bytes:
    """``data`` parsed as JSON, one value swapped for ``replacement()``, written back.

    Very deep values cannot go through ``json.dumps`` (it recurses), so a placeholder string
    is dumped and replaced by hand-written nesting afterwards.
    """
    try:
        doc = json.loads(data)
    except (ValueError, RecursionError):
        return data
    slots = _slots(doc)
    if not slots:
        return data
    container, key = rng.choice(slots)
    value = replacement()
    container[key] = "\x00PLACEHOLDER\x00" if isinstance(value, bytes) else value
    text = json.dumps(doc).encode()
    if isinstance(value, bytes):
        return text.replace(b'"\\u0000PLACEHOLDER\\u0000"', value, 1)
    return text


def _slots(doc: object) -> list[tuple[Any, Any]]:
    """Every (container, key) in a parsed JSON document, walked without recursion."""
    slots: list[tuple[Any, Any]] = []
    stack = [doc]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            items = list(node.items())
        elif isinstance(node, list):
            items = list(enumerate(node))
        else:
            continue
        for key, child in items:
            slots.append((node, key))
            stack.append(child)
    return slots


def json_deep(data: bytes, rng: random.Random) -> bytes:
    """One value becomes arrays or objects nested 100 to 100,000 levels deep."""
    depth = rng.choice((100, 1000, 10_000, 100_000))
    opener, closer = rng.choice(((b"[", b"]"), (b'{"a":', b"}")))
    return _json_edit(data, rng, lambda: opener * depth + b'"Python"' + closer * depth)


def json_wrong_type(data: bytes, rng: random.Random) -> bytes:
    """One value gets an unexpected type: null, a number, a list, an object, a huge string."""
    choices: tuple[Callable[[], object], ...] = (
        lambda: None,
        lambda: 12,
        lambda: 1e308,
        lambda: True,
        lambda: [],
        lambda: {},
        lambda: ["Python", 3, None, {"name": None}],
        lambda: {"@type": "JobPosting", "title": ["x"]},
        lambda: "Kubernetes " * rng.randint(10, 150_000),
        lambda: _nest(rng.choice((10, 200)), rng),
    )
    return _json_edit(data, rng, rng.choice(choices))


GENERIC = (  # rarer than the structural ones: they mostly make a file plainly unreadable
    Mutation("byte_flip", byte_flip, weight=2),
    Mutation("truncate", truncate, weight=1),
    Mutation("duplicate_chunk", duplicate_chunk, weight=2),
    Mutation("delete_chunk", delete_chunk, weight=1),
    Mutation("insert_random", insert_random, weight=1),
)
TEXTUAL = (
    Mutation("add_bom", add_bom),
    Mutation("reencode", reencode, weight=2),
    Mutation("mixed_encodings", mixed_encodings),
    Mutation("cr_only", cr_only, weight=2),
    Mutation("long_line", long_line, weight=1),
    Mutation("huge_text", huge_text, weight=1),
    Mutation("control_chars", control_chars, weight=2),
)
BY_FORMAT: dict[str, tuple[Mutation, ...]] = {
    "pdf": GENERIC
    + (
        Mutation("pdf_zero_xref", pdf_zero_xref),
        Mutation("pdf_swap_objects", pdf_swap_objects),
        Mutation("pdf_bad_length", pdf_bad_length),
        Mutation("pdf_bad_startxref", pdf_bad_startxref),
        Mutation("pdf_stream_flip", pdf_stream_flip),
        Mutation("pdf_deep_array", pdf_deep_array, weight=2),
    ),
    "docx": GENERIC
    + (
        Mutation("zip_bad_deflate", zip_bad_deflate),
        Mutation("zip_bad_utf8_name", zip_bad_utf8_name),
        Mutation("zip_encrypted_flag", zip_encrypted_flag),
        Mutation("zip_wrong_sizes", zip_wrong_sizes),
        Mutation("docx_deep_xml", docx_deep_xml, weight=2, rebuild=True),
        Mutation("docx_xml_damage", docx_xml_damage, rebuild=True),
    ),
    "html": GENERIC
    + TEXTUAL
    + (
        Mutation("html_meta_charset", html_meta_charset, weight=5),
        Mutation("html_deep_nesting", html_deep_nesting, weight=2),
    ),
    "text": GENERIC + TEXTUAL,
    "json": GENERIC
    + TEXTUAL
    + (
        Mutation("json_deep", json_deep, weight=3, rebuild=True),
        Mutation("json_wrong_type", json_wrong_type, weight=5, rebuild=True),
    ),
}
