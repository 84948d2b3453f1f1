"""gapscan.read.pdf_guard: a PDF's streams measured before PDFium sees them; bombs flagged."""

from __future__ import annotations

import zlib

from make_hostile import fpdf_resume, raw_pdf

from gapscan.read.pdf_guard import BOMB_BYTES, HEAVY_BYTES, StreamReport, inspect_streams

CONTENT = b"BT /F1 10 Tf 72 700 Td (Go and Kubernetes) Tj ET"


def one_stream(dictionary: bytes, stream: bytes) -> bytes:
    return b"%PDF-1.4\n1 0 obj\n<<" + dictionary + b">>stream\n" + stream + b"\nendstream\nendobj\n"


def test_a_compressed_stream_counts_inflated() -> None:
    assert inspect_streams(raw_pdf(CONTENT * 100)) == StreamReport(len(CONTENT) * 100, False)


def test_an_uncompressed_stream_counts_up_to_endstream() -> None:
    # the newline before "endstream" is part of the stream as written
    report = inspect_streams(raw_pdf(CONTENT, compress=False))
    assert report == StreamReport(len(CONTENT) + 1, False)


def test_images_fonts_and_attachments_are_not_content() -> None:
    data = (
        one_stream(b"/Subtype/Image/Length 5", b"abcde")
        + one_stream(b"/Length1 4/Length 4", b"font")
        + b"3 0 obj\n<</Length 3>>stream\nxyz\nendstream\nendobj\n"
    )
    assert inspect_streams(data) == StreamReport(4, False)


def test_a_real_pdf_is_light() -> None:
    report = inspect_streams(fpdf_resume())
    assert not report.bomb
    assert 0 < report.content < HEAVY_BYTES


def test_a_stream_inflating_past_the_bound_is_a_bomb() -> None:
    packer = zlib.compressobj(1)
    bomb = packer.compress(b"\0" * (BOMB_BYTES + 1)) + packer.flush()
    assert len(bomb) < BOMB_BYTES // 100  # small on disk
    data = one_stream(b"/Length " + str(len(bomb)).encode() + b"/Filter/FlateDecode", bomb)
    assert inspect_streams(data) == StreamReport(0, True)


def test_no_streams() -> None:
    assert inspect_streams(b"%PDF-1.4\n%%EOF\n") == StreamReport(0, False)
