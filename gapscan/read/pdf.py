"""Read a PDF's text layer: bombs refused, heavy files isolated, icon glyphs and running
headers/footers removed, and a missing text layer reported rather than read as empty.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from ..errors import InputError
from ..limits import TIMEOUT
from ..records import NO_TEXT_LAYER, Page
from .cleanup import repair_pdf_text
from .pdf_guard import BOMB_BYTES, HEAVY_BYTES, inspect_streams
from .pdfium import PdfProblem, pdf_pages, pdf_pages_isolated

PAGE_BREAK = "\n\n"
# Icon fonts (Font Awesome in resume templates) map glyphs to the private-use areas.
_PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]")
# pdfminer-style placeholders for glyphs without a Unicode mapping, and U+FFFD.
_UNMAPPED = re.compile(r"\(cid:\d+\)|\ufffd")
_DIGITS = re.compile(r"\d+")
EDGE_LINES = 2  # a running header/footer is among the first or last two lines of a page


def read_pdf(
    p: Path,
    data: bytes,
    password: str | None,
    *,
    max_pages: int,
    max_chars: int,
    timeout: float | None,
) -> tuple[str, tuple[Page, ...], tuple[str, ...]]:
    """The text, the page spans and any warnings (a missing text layer) of a PDF."""
    streams = inspect_streams(data)
    if streams.bomb:
        raise InputError(
            p,
            f"a compressed stream in the PDF expands past {BOMB_BYTES // 2**20} MB "
            "(a decompression bomb?); refusing to read it",
        )
    try:
        # A set time limit, or heavy content, sends PDFium to a child process that can be
        # killed: a signal cannot stop native code, and 12 MB of text lines in one content
        # stream cost PDFium over 2 GB and 5 s. Light files stay in process: ~5 ms, not 170.
        if timeout is not None or streams.content > HEAVY_BYTES:
            raw = pdf_pages_isolated(data, password, max_pages, max_chars, timeout or TIMEOUT)
        else:
            raw = pdf_pages(data, password, max_pages, max_chars)
    except PdfProblem as exc:
        raise InputError(p, str(exc)) from None
    unmapped = sum(len(_UNMAPPED.findall(t)) for t in raw)
    texts = drop_running_lines(
        [repair_pdf_text(_UNMAPPED.sub("", _PRIVATE_USE.sub("", t))) for t in raw]
    )
    pages: list[Page] = []
    offset = 0
    for number, text in enumerate(texts, start=1):
        pages.append(Page(number, offset, offset + len(text)))
        offset += len(text) + len(PAGE_BREAK)
    text = PAGE_BREAK.join(texts)
    # letters only matter up to the larger of the two bars: stop counting there
    bar = max(20, unmapped + 1)
    letters = 0
    for chunk in range(0, len(text), 4096):
        letters += sum(map(str.isalpha, text[chunk : chunk + 4096]))
        if letters >= bar:
            break
    warnings: tuple[str, ...] = ()
    if letters < 20 or unmapped > letters:
        warnings = (NO_TEXT_LAYER,)
    return text, tuple(pages), warnings


def _key(line: str) -> str:
    """Lines that differ only in numbers ("Page 2 of 3") are the same running line."""
    return _DIGITS.sub("#", line.strip().lower())


def drop_running_lines(pages: list[str]) -> list[str]:
    """Remove running headers and footers from every page but the first.

    A line counts as running when it is among the first or last ``EDGE_LINES`` non-empty
    lines of more than half the pages (and at least two). Page 1 keeps it, since a resume's
    running header is usually the candidate's name, which belongs in the text once. A page
    that would lose every line keeps them all: on a page of two or three lines, what
    repeats at the edges of the others is its content (a skill list continued).
    """
    if len(pages) < 2:
        return pages
    seen: Counter[str] = Counter()
    for text in pages:
        seen.update({_key(line) for line in _edges(text)})
    need = max(2, len(pages) // 2 + 1)
    running = {key for key, count in seen.items() if count >= need and key}
    if not running:
        return pages
    kept = [pages[0]]
    for text in pages[1:]:
        edges = set(_edges(text))
        lines = [ln for ln in text.split("\n") if not (ln in edges and _key(ln) in running)]
        left = "\n".join(lines).strip("\n")
        kept.append(left if left.strip() else text)  # all of a short page: its content
    return kept


def _edges(text: str) -> list[str]:
    lines = [line for line in text.split("\n") if line.strip()]
    return [line for line in lines[:EDGE_LINES] + lines[-EDGE_LINES:] if len(line) <= 100]
