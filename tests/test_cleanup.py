from __future__ import annotations

import pytest

from gapscan.read.cleanup import repair_pdf_text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("con\ufb01guration and work\ufb02ows", "configuration and workflows"),
        ("manage\u00adment", "management"),
        ("manage\u0002\r\nment", "management"),
        ("data mod\ufffeeling and man\ufffe\nagement", "data modeling and management"),
        ("man\ufffe \n  agement", "management"),
        ("data-\ndriven teams", "data-driven teams"),
        ("Python-\nSQL", "Python-\nSQL"),
        ("a  \t b\r\nc", "a b\nc"),
        ("one\n\n\n\ntwo", "one\n\ntwo"),
        ("icon\ue001 glyph", "icon glyph"),
    ],
    ids=[
        "ligatures",
        "soft-hyphen",
        "pdfium-hyphen",
        "pdfium-fffe-inside-and-at-line-end",
        "pdfium-fffe-spaces-around-break",
        "hard-hyphen-kept",
        "capital-kept",
        "spaces",
        "blank-lines",
        "private-use-glyph",
    ],
)
def test_repair_pdf_text(raw: str, expected: str) -> None:
    assert repair_pdf_text(raw) == expected
