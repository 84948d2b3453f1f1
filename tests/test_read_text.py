"""gapscan.read.text: decoding a text file's bytes (``decode_text``), binary refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from gapscan.errors import InputError
from gapscan.read.text import BINARY, decode_text

P = Path("cv.txt")


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (b"\xef\xbb\xbfcaf\xc3\xa9", "café", "utf-8 (BOM)"),
        (b"\xff\xfe" + "Müller".encode("utf-16-le"), "Müller", "utf-16-le (BOM)"),
        (b"\xfe\xff" + "Müller".encode("utf-16-be"), "Müller", "utf-16-be (BOM)"),
        ("Müller: Go".encode("utf-16-le"), "Müller: Go", "utf-16-le"),
        ("Müller: Go".encode("utf-16-be"), "Müller: Go", "utf-16-be"),
        ("naïve Bayes".encode(), "naïve Bayes", "utf-8"),
        (b"Jos\xe9 N\xfa\xf1ez \x93quoted\x94 \x80", "José Núñez “quoted” €", "cp1252"),
        (b"", "", "utf-8"),
    ],
    ids=["utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le-no-bom", "utf16be-no-bom", "utf8",
         "cp1252", "empty"],
)  # fmt: skip
def test_decode(data: bytes, text: str, encoding: str) -> None:
    assert decode_text(P, data) == (text, encoding)


@pytest.mark.parametrize(
    ("page", "codec", "encoding"),
    [
        ('<meta charset="koi8-r"><p>Привет, Go</p>', "koi8-r", "koi8-r (meta charset)"),
        ("<meta http-equiv='Content-Type' content='text/html; charset=Shift_JIS'><p>日本語</p>",
         "shift_jis", "shift_jis (meta charset)"),
        ('<meta charset="us-ascii"><p>café “q”</p>', "cp1252", "cp1252 (meta charset)"),
        ('<meta charset="utf-16"><p>café</p>', "cp1252", "cp1252"),
        ('<meta charset="x-unknown"><p>café</p>', "cp1252", "cp1252"),
    ],
    ids=["koi8-r", "http-equiv-shift-jis", "ascii-means-cp1252", "utf16-ignored", "unknown"],
)  # fmt: skip
def test_meta_charset(page: str, codec: str, encoding: str) -> None:
    assert decode_text(P, page.encode(codec)) == (page, encoding)


def test_a_bom_that_lies_is_refused() -> None:
    with pytest.raises(InputError) as info:
        decode_text(P, b"\xef\xbb\xbf\xff\xfe")
    assert str(info.value) == "cv.txt: starts with a utf-8 byte-order mark but is not valid utf-8"


@pytest.mark.parametrize(
    "data",
    [
        b"a\x00b c d e f g",
        bytes(range(256)) * 4,
        b"Hello\x01\x02\x03 world",
        b"\x1b[1mGo\x1b[0m",
        b"\xff\xfe" + "Go\x00\x01".encode("utf-16-le"),
    ],
    ids=["stray-nul", "all-bytes", "control-characters", "terminal-escapes", "nul-after-bom"],
)
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(InputError) as info:
        decode_text(P, data)
    assert (info.value.path, info.value.cause) == ("cv.txt", BINARY)


def test_one_control_character_in_a_hundred_is_tolerated() -> None:
    assert decode_text(P, b"x" * 99 + b"\x0b") == ("x" * 99 + "\x0b", "utf-8")
    with pytest.raises(InputError):
        decode_text(P, b"x" * 98 + b"\x0b\x0b")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_in_a_non_latin_script(codec: str) -> None:
    """Few NULs (only the spaces' and line ends' high bytes): it was refused as binary."""
    text = "Инженер по данным\nТребования\nЗнание облачных платформ\n"
    assert decode_text(P, text.encode(codec)) == (text, codec)


@pytest.mark.parametrize(
    "data",
    [
        bytes((i * 7919 + 13) % 255 + 1 if i % 2 == 0 else (i * 31) % 256 for i in range(4096)),
        "Инженер по ".encode("utf-16-le") + b"\x01\xd8" + "данным".encode("utf-16-le"),
        "Инженер по данным".encode("utf-16-le")[1:] + b"\x00",  # off by one: other blocks
    ],
    ids=["nul-on-one-side-not-text", "lone-surrogate", "shifted"],
)
def test_nuls_on_one_side_that_are_not_utf16_text_are_binary(data: bytes) -> None:
    with pytest.raises(InputError) as info:
        decode_text(P, data)
    assert info.value.cause == BINARY
