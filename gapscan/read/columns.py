"""Two-column PDF pages, read column by column when the text's positions show a gutter.

PDFium gives a page's text in the order its content stream draws it. A layout tool that
draws two columns row by row (a left line, the right line beside it, the next row) makes
that order interleave the columns, which tears sentences, hyphenated words and skill names
apart. PDFium's text rectangles (one per run of text on a line) show where the text sits: a
page is read by columns only when a vertical gutter separates two bodies of text that run
side by side, and no line crosses the gutter between their first and last lines. Headings
above the columns and footers below them are read before and after.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

Rect = tuple[float, float, float, float]  # left, bottom, right, top, in PDF units (y up)

MIN_LINES = 3  # text runs on each side, beside the other column
MIN_GUTTER = 10.0  # points of empty width between the columns (a word space is about 3)
MIN_SHARE = 0.2  # of the text's width beside the gutter, on each side: not a column of dates
MAX_WIDTH = 20_000.0  # points: wider text than any page (a damaged file) is not searched
_MIDDLE = (0.25, 0.75)  # where a gutter may be, as fractions of the text's width
# A hyphen at a line's end before a letter: what PDFium marks as hyphenation (U+FFFE) when it
# reads the lines in that order itself.
_HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_])-[ \t]*\r?\n[ \t]*(?=[^\W\d_])")
_HYPHENATED = "\ufffe"


@dataclass(frozen=True)
class Block:
    """A horizontal slice of the page, from ``bottom`` to ``top`` (None: the page's edge),
    read as two columns side by side or, when ``columns`` is false, across the page."""

    bottom: float | None
    top: float | None
    columns: bool


@dataclass(frozen=True)
class Columns:
    """A two-column page: the columns split at ``split``; its blocks from the top down."""

    split: float
    blocks: tuple[Block, ...]


class TextPage(Protocol):
    """What is read from a ``pypdfium2.PdfTextPage``."""

    def count_rects(self) -> int: ...

    def get_rect(self, index: int) -> Rect: ...

    def get_text_range(self) -> str: ...

    def get_text_bounded(
        self,
        left: float | None = None,
        bottom: float | None = None,
        right: float | None = None,
        top: float | None = None,
    ) -> str: ...


def find_columns(rects: Sequence[Rect]) -> Columns | None:
    """The two columns of a page with these text rectangles, or None for any other layout.

    Two columns: text on both sides of a gutter at least ``MIN_GUTTER`` wide, running side
    by side for at least ``MIN_LINES`` runs on each side, each side ``MIN_SHARE`` of the
    text's width there. A line reaching into the gutter (a centred name above the columns,
    a footer) spans the page, and must lie wholly above or below the lines beside it.
    """
    if len(rects) < 2 * MIN_LINES:
        return None
    split = _emptiest_split(rects)
    if split is None:
        return None
    left = [r for r in rects if r[2] <= split]
    right = [r for r in rects if r[0] >= split]
    if not left or not right:
        return None
    beside_left = [r for r in left if _overlaps(r, right)]
    beside_right = [r for r in right if _overlaps(r, left)]
    if min(len(beside_left), len(beside_right)) < MIN_LINES:
        return None
    gutter = (max(r[2] for r in beside_left), min(r[0] for r in beside_right))
    width_left = sum(r[2] - r[0] for r in beside_left)
    width_right = sum(r[2] - r[0] for r in beside_right)
    if gutter[1] - gutter[0] < MIN_GUTTER or min(width_left, width_right) < MIN_SHARE * (
        width_left + width_right
    ):
        return None
    blocks = _blocks(rects, gutter)
    if blocks is None or not any(block.columns for block in blocks):
        return None
    return Columns((gutter[0] + gutter[1]) / 2, blocks)


def _overlaps(rect: Rect, others: Sequence[Rect]) -> bool:
    """``rect`` is level with part of the text of ``others`` (between its bottom and top)."""
    return rect[3] > min(r[1] for r in others) and rect[1] < max(r[3] for r in others)


@dataclass
class _Group:
    """Consecutive text runs, from the top down, that span the gutter or lie beside it."""

    spans: bool
    bottom: float
    top: float
    sides: list[int]  # runs left and right of the gutter


def _blocks(rects: Sequence[Rect], gutter: tuple[float, float]) -> tuple[Block, ...] | None:
    """The page cut, from the top down, into runs of lines that reach into the gutter and
    runs of lines beside it; None when a spanning line sits level with a column's line.

    Lines beside the gutter are read as columns only where each side has ``MIN_LINES`` runs
    between two spanning lines: a job title with its date on the right, between paragraphs
    that span the page, stays one line.
    """
    groups: list[_Group] = []
    for rect in sorted(rects, key=lambda r: (-r[3], r[0])):
        spans = rect[0] < gutter[1] - 1 and rect[2] > gutter[0] + 1
        if not groups or groups[-1].spans != spans:
            groups.append(_Group(spans, rect[1], rect[3], [0, 0]))
        group = groups[-1]
        group.bottom = min(group.bottom, rect[1])
        group.sides[rect[0] >= gutter[1] - 1] += 1
    cuts: list[float | None] = [None]
    for upper, lower in zip(groups, groups[1:], strict=False):
        if lower.top > upper.bottom:  # level with each other: no clean cut between them
            return None
        cuts.append((upper.bottom + lower.top) / 2)
    cuts.append(None)
    return tuple(
        Block(cuts[i + 1], cuts[i], not group.spans and min(group.sides) >= MIN_LINES)
        for i, group in enumerate(groups)
    )


def _emptiest_split(rects: Sequence[Rect]) -> float | None:
    """The middle of the widest stretch, in the middle half of the text's width, that the
    fewest rectangles cross (measured every point)."""
    lefts, rights = sorted(r[0] for r in rects), sorted(r[2] for r in rects)
    start, end = lefts[0], rights[-1]
    width = end - start
    if not 4 * MIN_GUTTER <= width <= MAX_WIDTH:  # NaN fails too
        return None
    best: tuple[int, int, float] | None = None  # (crossings, -run length, run middle)
    run_count, run_start, x = -1, 0.0, start + _MIDDLE[0] * width
    while x <= start + _MIDDLE[1] * width + 1:
        count = bisect_left(lefts, x) - bisect_right(rights, x)  # left < x < right
        if count != run_count or x > start + _MIDDLE[1] * width:
            if run_count >= 0:
                candidate = (run_count, -int(x - run_start), (run_start + x - 1) / 2)
                best = candidate if best is None else min(best, candidate)
            run_count, run_start = count, x
        x += 1
    return None if best is None else best[2]


def page_text(textpage: TextPage) -> str:
    """The page's text: column by column on a two-column page, else in PDFium's order."""
    count = textpage.count_rects()
    columns = find_columns([textpage.get_rect(i) for i in range(count)]) if count else None
    if columns is None:
        return textpage.get_text_range()
    parts: list[str] = []
    for block in columns.blocks:
        if not block.columns:
            parts.append(textpage.get_text_bounded(bottom=block.bottom, top=block.top))
        else:
            for left, right in ((None, columns.split), (columns.split, None)):
                text = textpage.get_text_bounded(left, block.bottom, right, block.top)
                parts.append(_HYPHEN_BREAK.sub(_HYPHENATED, text))
    return "\r\n".join(part for part in parts if part)
