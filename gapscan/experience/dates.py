"""Date ranges in resume text ("Jan 2019 – Present", "2019-2021", "03/2018 - 11/2020", "’19–’21",
"Summer 2020"), month arithmetic, and total months with overlaps merged.

Conventions (so that every figure can be recomputed by hand):

- a range counts its months inclusively: Jan 2019 – Dec 2019 is 12 months;
- a year alone starts in January and ends in December; a season covers its meteorological
  months (spring Mar-May, summer Jun-Aug, fall/autumn Sep-Nov, winter Dec of the year before
  to Feb);
- an end whose period contains ``as_of`` ("2020 – 2024" read in June 2024) ends at as_of's month;
- "Present" (now, current, to date, ...) ends at as_of's month, which the caller must pass;
- a two-digit year is 20YY unless that is after as_of's year, then 19YY;
- a range that ends before it starts, has a month outside 1-12, starts after as_of or ends after
  it is never used: it is reported as an :class:`IgnoredRange` with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

__all__ = [
    "DateRange",
    "DateScan",
    "IgnoredRange",
    "find_date_ranges",
    "merge_months",
    "month_index",
    "months_in",
]

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_YEAR = r"(?:19|20)\d\d(?!\d)"
_APOS_YEAR = r"[’'‘`]\d\d(?!\d)"
# One date, in any form a resume writes it; parsed again by _parse_token.
_TOKEN = (
    rf"(?:{_MONTH}\b\.?,?[ \t]*(?:{_YEAR}|{_APOS_YEAR})"
    rf"|{_SEASON}\b,?[ \t]*(?:{_YEAR}|{_APOS_YEAR})"
    rf"|(?<![\d/.])\d{{1,2}}[/.][ \t]?(?:\d{{4}}|\d\d)(?![\d/.])"
    rf"|(?<!\d){_YEAR}[-/](?:0[1-9]|1[0-2])(?![\d/-])"
    rf"|(?<![\d/.]){_YEAR}(?![/.]\d)"
    rf"|{_APOS_YEAR})"
)
_CURRENT = r"(?:present|now|current(?:ly)?|today|ongoing|to[ \t]+date|date)\b"
# At most one line break inside a range, so that "Jan 2019 –\nPresent" is one range but two
# roles are never joined across a blank line.
_GAP = r"[ \t]*(?:\r?\n[ \t]*)?"
_SEP = rf"{_GAP}(?:[-–—‐‑−~→]+|->|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b){_GAP}"
_RANGE_RE = re.compile(
    rf"(?:\b(?P<since>since)[ \t]+(?P<from>{_TOKEN})"
    rf"|(?P<start>{_TOKEN}){_SEP}(?:(?P<current>{_CURRENT})|(?P<end>{_TOKEN})))",
    re.IGNORECASE,
)
_LONE_RE = re.compile(_TOKEN, re.IGNORECASE)
_RANGE_LOWER_RE = re.compile(_RANGE_RE.pattern)  # for lowered text (see _lowered)
# Where dates can be: every date has a digit, and a range runs on to at most the next line. So
# the lines with a digit, each with the line after it (runs of them merge), are all that is
# searched; a window ends where its line does, which the patterns read as they read "\n".
# Anchored at line starts and with no digit before the first, so that it stays linear on a
# long line without one.
_DIGIT_LINES_RE = re.compile(r"^(?:[^\n\d]*\d[^\n]*(?:\n|\Z))+[^\n]*", re.MULTILINE)
_LONE_LOWER_RE = re.compile(_TOKEN)

_MONTH_NUMBER = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11)}

_NAMED_RE = re.compile(rf"(?P<name>{_MONTH}|{_SEASON})\b\.?,?[ \t]*(?P<year>\S+)", re.IGNORECASE)
_NUMBER_BEFORE_RE = re.compile(r"\d[-–/.]$")
_SEASON_START_RE = re.compile(rf"{_SEASON}\b", re.IGNORECASE)
_DECIMAL_RE = re.compile(r"(?<![\d.])\d{1,2}\.\d\d(?!\d)")
_NUMERIC_RE = re.compile(r"(?P<a>\d{1,4})[-/.][ \t]?(?P<b>\d{1,4})")


@dataclass(frozen=True, slots=True)
class DateRange:
    """A usable range: ``start`` and ``end`` are the first day of their (inclusive) months;
    ``end`` is None when the range runs to the present. Offsets index the scanned text."""

    start: date
    end: date | None
    is_current: bool
    text: str
    start_offset: int
    end_offset: int


@dataclass(frozen=True, slots=True)
class IgnoredRange:
    """A date range that was found but not used, with the reason (shown to the user)."""

    text: str
    reason: str
    start_offset: int
    end_offset: int


@dataclass(frozen=True, slots=True)
class DateScan:
    """What :func:`find_date_ranges` found: usable and ignored ranges, in text order."""

    ranges: tuple[DateRange, ...]
    ignored: tuple[IgnoredRange, ...]


class _BadDate(ValueError):
    """A date token that cannot be a date (month 13); its message is the reason reported."""


def month_index(day: date) -> int:
    """Months since year 0, so that month differences are plain subtraction."""
    return day.year * 12 + day.month - 1


def _from_index(index: int) -> date:
    return date(index // 12, index % 12 + 1, 1)


def months_in(rng: DateRange, as_of: date) -> int:
    """Months a range covers, both ends included; a current range runs to as_of's month."""
    end = month_index(as_of) if rng.end is None else month_index(rng.end)
    return max(0, end - month_index(rng.start) + 1)


def merge_months(ranges: Iterable[DateRange], as_of: date) -> int:
    """Total months covered by the ranges, overlaps merged: a month worked in two roles is
    counted once, and the sum of separate roles is never reduced to the longest one."""
    spans = sorted(
        (month_index(r.start), month_index(as_of) if r.end is None else month_index(r.end))
        for r in ranges
    )
    total = 0
    current: tuple[int, int] | None = None
    for start, end in spans:
        if end < start:
            continue
        if current is not None and start <= current[1] + 1:
            current = (current[0], max(current[1], end))
            continue
        if current is not None:
            total += current[1] - current[0] + 1
        current = (start, end)
    if current is not None:
        total += current[1] - current[0] + 1
    return total


def _year(text: str, as_of: date) -> int:
    digits = text.lstrip("’'‘`")
    if len(digits) == 4:
        return int(digits)
    year = 2000 + int(digits)
    return year if year <= as_of.year else year - 100


def _parse_token(token: str, as_of: date) -> tuple[int, int]:
    """The first and last month (as month indices) of the period a date token names."""
    named = _NAMED_RE.fullmatch(token.strip())
    if named:
        name = named["name"].lower()
        year = _year(named["year"], as_of)
        if name == "winter":
            return year * 12 - 1, year * 12 + 1
        if name in _SEASON_MONTHS:
            first, last = _SEASON_MONTHS[name]
            return year * 12 + first - 1, year * 12 + last - 1
        month = _MONTH_NUMBER[name[:3]]
        return year * 12 + month - 1, year * 12 + month - 1
    numeric = _NUMERIC_RE.fullmatch(token.strip())
    if numeric:
        a, b = numeric["a"], numeric["b"]
        year_text, month_text = (a, b) if len(a) == 4 else (b, a)
        month = int(month_text)
        if not 1 <= month <= 12:
            raise _BadDate(f"month {month} is not 1-12")
        year = _year(year_text, as_of)
        return year * 12 + month - 1, year * 12 + month - 1
    year = _year(token.strip(), as_of)
    return year * 12, year * 12 + 11


def _build(
    start_token: str, end_token: str | None, text: str, offsets: tuple[int, int], as_of: date
) -> DateRange | IgnoredRange | None:
    """A usable range or the reason it is not (None: not a date at all); end_token None means
    "to the present"."""
    now = month_index(as_of)
    try:
        first, _ = _parse_token(start_token, as_of)
        if end_token is None:
            last = now
        else:
            end_first, last = _parse_token(end_token, as_of)
            if end_first <= now < last:
                last = now
    except _BadDate as error:
        if _DECIMAL_RE.search(text):
            return None  # "0.81 to 0.90": numbers with a decimal point, not dates
        return IgnoredRange(text, str(error), *offsets)
    if first > now:
        return IgnoredRange(text, "starts after the as-of date", *offsets)
    if last < first:
        return IgnoredRange(text, "ends before it starts", *offsets)
    if last > now:
        return IgnoredRange(text, "ends after the as-of date", *offsets)
    end = None if end_token is None else _from_index(last)
    return DateRange(_from_index(first), end, end_token is None, text, *offsets)


def find_date_ranges(text: str, as_of: date, *, lone_dates: bool = False) -> DateScan:
    """Every date range in the text, in order. A season ("Summer 2020") is a range by itself;
    with ``lone_dates``, so is any other date that is not part of a range ("(2016)")."""
    found: list[DateRange | IgnoredRange | None] = []
    covered_until = 0
    seen, ranges_re, lone_re = _lowered(text)
    windows = [(m.start(), m.end()) for m in _DIGIT_LINES_RE.finditer(text)]
    matches = (m for start, end in windows for m in ranges_re.finditer(seen, start, end))
    for match in matches:
        offsets = (match.start(), match.end())
        written = text[match.start() : match.end()]
        if match["since"]:
            found.append(_build(match["from"], None, written, offsets, as_of))
        else:
            end = None if match["current"] else match["end"]
            found.append(_build(match["start"], end, written, offsets, as_of))
        found.extend(
            _lone(text, seen, lone_re, windows, covered_until, match.start(), as_of, lone_dates)
        )
        covered_until = match.end()
    found.extend(_lone(text, seen, lone_re, windows, covered_until, len(text), as_of, lone_dates))
    dates = sorted((item for item in found if item is not None), key=lambda i: i.start_offset)
    return DateScan(
        tuple(r for r in dates if isinstance(r, DateRange)),
        tuple(r for r in dates if isinstance(r, IgnoredRange)),
    )


def _lowered(text: str) -> tuple[str, re.Pattern[str], re.Pattern[str]]:
    """The text to match and the patterns for it. Python's re runs case-insensitive
    alternations several times slower; the patterns are written in lowercase, so the lowered
    text gives the same spans, as lower() keeps every length but that of U+0130."""
    if "\u0130" in text:
        return text, _RANGE_RE, _LONE_RE
    return text.lower(), _RANGE_LOWER_RE, _LONE_LOWER_RE


def _lone(
    text: str,
    seen: str,
    lone_re: re.Pattern[str],
    windows: list[tuple[int, int]],
    start: int,
    end: int,
    as_of: date,
    every: bool,
) -> list[DateRange | IgnoredRange | None]:
    """Single dates between two ranges: seasons always, other dates when asked for."""
    out: list[DateRange | IgnoredRange | None] = []
    spans = ((max(a, start), min(b, end)) for a, b in windows if a < end and b > start)
    for match in (m for a, b in spans for m in lone_re.finditer(seen, a, b)):
        token = text[match.start() : match.end()]
        if _NUMBER_BEFORE_RE.search(text, max(0, match.start() - 2), match.start()):
            continue  # "ISO 9001-2015": part of a number, not a date
        if every or _SEASON_START_RE.match(token):
            out.append(_build(token, token, token, (match.start(), match.end()), as_of))
    return out
