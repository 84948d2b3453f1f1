"""Roles in a resume's experience section: each dated entry with its heading, its block of text
and its months; the total with overlaps merged; and the months behind each skill.

A role is anchored on a date range that stands in a heading line (never in a bullet, where
"Led the 2020-2021 migration" is an achievement, not a role). Its block runs to the next role.
When the dates close each entry instead of opening it (a two-column layout read column by
column), the block runs from the previous role up to the date line.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from .dates import DateRange, IgnoredRange, find_date_ranges, merge_months, months_in

__all__ = ["Role", "RoleScan", "find_roles", "months_per_skill", "stated_skill_months"]

_BULLET_RE = re.compile(r"[ \t]*(?:[-*•·▪◦●‣–—>]|\d{1,2}[.)])[ \t]+(?=\S)")
# What is left of a date line once its dates and separators are removed.
_HEADING_JUNK_RE = re.compile(
    r"^(?:[\s|,;:·•—–\-()]|\b(?:from|since)\b)+|(?:[\s|,;:·•—–\-()]|\bfrom\b)+$", re.IGNORECASE
)
_DURATION_RE = re.compile(
    r"\(?\d+ ?(?:yrs?|years?|mos?|months?)\b(?: ?\d+ ?(?:mos?|months?)\b)?\)?",
    re.IGNORECASE,
)
_EMPTY_PARENS_RE = re.compile(r"\( ?\)")
_MAX_HEADING_LINES = 2
_MAX_HEADING_LENGTH = 80


@dataclass(frozen=True, slots=True)
class Role:
    """One dated entry: its heading (title / organisation as written, dates removed), its date
    range, its months, and its block of text with offsets into the scanned text."""

    heading: str
    dates: DateRange
    months: int
    text: str
    start_offset: int
    end_offset: int


@dataclass(frozen=True, slots=True)
class RoleScan:
    """The roles of an experience section, the ranges that were ignored, and the total months
    (overlaps merged)."""

    roles: tuple[Role, ...]
    ignored: tuple[IgnoredRange, ...]
    total_months: int


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    text: str


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    offset = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lines.append(_Line(offset, offset + len(body), body))
        offset += len(raw)
    return lines


def _line_at(lines: list[_Line], offset: int) -> int:
    """Index of the line holding the offset (binary search: lines are in order)."""
    low, high = 0, len(lines) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if lines[middle].start <= offset:
            low = middle
        else:
            high = middle - 1
    return low


def _is_heading_like(line: _Line) -> bool:
    """A short line that could name a title or an organisation (not a bullet, not a sentence)."""
    body = line.text.strip()
    return (
        bool(body)
        and len(body) <= _MAX_HEADING_LENGTH
        and not _BULLET_RE.match(line.text)
        and not body.endswith((".", ";", ":"))
    )


def _rest_of_line(line: _Line, ranges: list[DateRange]) -> str:
    """The line's text without its date ranges and durations: the heading written beside them."""
    pieces: list[str] = []
    cursor = line.start
    for rng in ranges:  # in text order, never overlapping
        pieces.append(line.text[cursor - line.start : max(cursor, rng.start_offset) - line.start])
        cursor = max(cursor, min(rng.end_offset, line.end))
    pieces.append(line.text[cursor - line.start :])
    body = " ".join(" ".join(pieces).split())  # whitespace runs collapsed before any pattern
    body = _EMPTY_PARENS_RE.sub(" ", _DURATION_RE.sub(" ", body))
    return _HEADING_JUNK_RE.sub("", " ".join(body.split()))


def find_roles(text: str, as_of: date) -> RoleScan:
    """The roles of an experience section (its heading may be included or stripped)."""
    scan = find_date_ranges(text, as_of, lone_dates=True)
    lines = _lines(text)
    if not lines:
        return RoleScan((), scan.ignored, 0)
    anchored: list[tuple[int, DateRange]] = []
    bullet: dict[int, bool] = {}
    for rng in scan.ranges:
        index = _line_at(lines, rng.start_offset)
        if index not in bullet:
            bullet[index] = _BULLET_RE.match(lines[index].text) is not None
        if not bullet[index]:
            anchored.append((index, rng))
    kept = {id(rng) for _, rng in anchored}
    ignored = scan.ignored + tuple(
        IgnoredRange(r.text, "in a bullet line, not a role's dates", r.start_offset, r.end_offset)
        for r in scan.ranges
        if id(r) not in kept
    )
    ignored = tuple(sorted(ignored, key=lambda r: r.start_offset))
    by_line: dict[int, list[DateRange]] = {}
    for index, rng in anchored:
        by_line.setdefault(index, []).append(rng)
    dated = set(by_line) | {_line_at(lines, r.start_offset) for r in ignored}
    beside = {index: _rest_of_line(lines[index], ranges) for index, ranges in by_line.items()}
    headings = [_heading(lines, index, rng, beside, dated) for index, rng in anchored]
    dates_last = _dates_close_entries(lines, anchored, headings)
    roles: list[Role] = []
    for number, (index, rng) in enumerate(anchored):
        if dates_last:
            start = 0 if number == 0 else lines[anchored[number - 1][0]].end + 1
            end = lines[_line_at(lines, rng.end_offset)].end
            first = _line_at(lines, min(start, len(text)))
            if not headings[number][1]:
                headings[number] = (first, _heading_lines(lines, first, index, dated))
        else:
            start = lines[headings[number][0]].start
            end = lines[headings[number + 1][0]].start if number + 1 < len(anchored) else len(text)
        start = min(start, len(text))
        end = max(start, min(end, len(text)))
        roles.append(
            Role(headings[number][1], rng, months_in(rng, as_of), text[start:end], start, end)
        )
    return RoleScan(tuple(roles), ignored, merge_months((r.dates for r in roles), as_of))


def _heading_lines(
    lines: list[_Line], first: int, stop: int, dated: set[int], *, skip_blank: bool = True
) -> str:
    """Up to two heading-like lines from ``first`` on, before ``stop``; leading blank lines are
    skipped when ``skip_blank``, else a blank line ends the heading."""
    found: list[str] = []
    for cursor in range(first, stop):
        if not lines[cursor].text.strip() and skip_blank and not found:
            continue
        if cursor in dated or not _is_heading_like(lines[cursor]) or len(found) == 2:
            break
        found.append(lines[cursor].text.strip())
    return " | ".join(found)


def _heading(
    lines: list[_Line],
    index: int,
    rng: DateRange,
    beside: Mapping[int, str],
    dated: set[int],
) -> tuple[int, str]:
    """The first line of a role's heading and its text. The date line itself when it says more
    than the dates; else up to two heading-like lines above it, or the line below it."""
    own = beside[index]
    if own:
        return index, own
    above: list[int] = []
    cursor = index - 1
    while (
        cursor >= 0
        and len(above) < _MAX_HEADING_LINES
        and cursor not in dated
        and _is_heading_like(lines[cursor])
    ):
        above.insert(0, cursor)
        cursor -= 1
    if above:
        return above[0], " | ".join(lines[i].text.strip() for i in above)
    below = _line_at(lines, rng.end_offset) + 1
    return index, _heading_lines(lines, below, min(len(lines), below + 2), dated, skip_blank=False)


def _dates_close_entries(
    lines: list[_Line], anchored: list[tuple[int, DateRange]], headings: list[tuple[int, str]]
) -> bool:
    """True when each entry's dates come after its text: there is descriptive text before the
    first role's heading and none after the last date line."""
    if not anchored:
        return False
    before = [line for line in lines[: headings[0][0]] if line.text.strip()]
    last_line = _line_at(lines, anchored[-1][1].end_offset)
    after = [line for line in lines[last_line + 1 :] if line.text.strip()]
    return not after and any(not _is_heading_like(line) for line in before)


_STATED_RE = re.compile(
    r"(?P<number>\d{1,2}(?:\.\d)?)\s*\+?\s*(?P<unit>years?|yrs?|y|months?|mos?)\b", re.IGNORECASE
)
_ITEM_END_RE = re.compile(r"[,;|•·\n]")
_MAX_ITEM_LENGTH = 80


def stated_skill_months(text: str, offset: int) -> int | None:
    """Months a skills line states beside the skill mentioned at ``offset``: "Python (5 years)",
    "SQL – 3 yrs", "Go: 18 months". None when the skill's item states no duration."""
    end = offset
    depth = 0
    limit = min(len(text), offset + _MAX_ITEM_LENGTH)
    while end < limit:
        char = text[end]
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and _ITEM_END_RE.match(char):
            break
        end += 1
    match = _STATED_RE.search(text, offset, end)
    if not match:
        return None
    number = float(match["number"])
    unit = match["unit"].lower()
    return round(number) if unit.startswith("m") else round(number * 12)


def months_per_skill(
    roles: Iterable[Role],
    mentions: Mapping[str, Iterable[int]],
    as_of: date,
    stated: Mapping[str, int] | None = None,
) -> dict[str, int]:
    """Months of experience per skill id: the merged months of the roles whose block mentions
    the skill (``mentions`` gives the offsets of each skill in the text the roles came from).
    A duration the resume states for the skill (``stated``, e.g. from :func:`stated_skill_months`)
    counts when it is larger: the two describe the same time, so they are never added."""
    role_list = list(roles)
    out: dict[str, int] = {}
    for skill, offsets in mentions.items():
        spots = sorted(offsets)
        used = [
            role.dates
            for role in role_list
            if bisect_left(spots, role.end_offset) > bisect_left(spots, role.start_offset)
        ]
        out[skill] = merge_months(used, as_of)
    for skill, months in (stated or {}).items():
        out[skill] = max(out.get(skill, 0), months)
    return dict(sorted(out.items()))
