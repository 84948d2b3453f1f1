"""Date ranges in resume text: the formats resumes use, month counting, merging, bad dates."""

from __future__ import annotations

import time
from datetime import date

import pytest

from gapscan.experience.dates import DateRange, find_date_ranges, merge_months, months_in

AS_OF = date(2024, 6, 15)


def spans(text: str, as_of: date = AS_OF, lone: bool = False) -> list[tuple[str, str]]:
    """Each usable range as ("YYYY-MM", "YYYY-MM" or "present")."""
    out = []
    for r in find_date_ranges(text, as_of, lone_dates=lone).ranges:
        end = "present" if r.end is None else f"{r.end:%Y-%m}"
        out.append((f"{r.start:%Y-%m}", end))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jan 2019 – Present", [("2019-01", "present")]),
        ("2019-2021", [("2019-01", "2021-12")]),
        ("03/2018 - 11/2020", [("2018-03", "2020-11")]),
        ("2017 – now", [("2017-01", "present")]),
        ("Summer 2020", [("2020-06", "2020-08")]),
        ("September 2016 to June 2018", [("2016-09", "2018-06")]),
        ("’19–’21", [("2019-01", "2021-12")]),
        ("'98 - '03", [("1998-01", "2003-12")]),
        ("Jan 2019 –\nPresent", [("2019-01", "present")]),
        ("Aug 2015\n– Dec 2018", [("2015-08", "2018-12")]),
        ("2018-03 – 2020-11", [("2018-03", "2020-11")]),
        ("04/19 - 10/22", [("2019-04", "2022-10")]),
        ("02.2019 – 05.2022", [("2019-02", "2022-05")]),
        ("Sept. 2016 – Aug. 2018", [("2016-09", "2018-08")]),
        ("Sep '21 – Current", [("2021-09", "present")]),
        ("Since March 2020", [("2020-03", "present")]),
        ("From 2015 to 2020", [("2015-01", "2020-12")]),
        ("June 2019—August 2022", [("2019-06", "2022-08")]),
        ("February 2018 through November 2023", [("2018-02", "2023-11")]),
        ("jan 2020 to present", [("2020-01", "present")]),
        ("Fall 2019 – Spring 2021", [("2019-09", "2021-05")]),
        ("Winter 2019", [("2018-12", "2019-02")]),
        ("2016 – Mar 2019", [("2016-01", "2019-03")]),
        ("Apr 2019 – 2022", [("2019-04", "2022-12")]),
        ("Mar 2014 – Mar 2014", [("2014-03", "2014-03")]),
        ("Jan 2019 to date", [("2019-01", "present")]),
    ],
    ids=[
        "month-present", "years", "mm-yyyy", "year-now", "summer", "month-names-to",
        "apostrophe-years", "two-digit-1900s", "split-after-dash", "split-before-dash", "iso",
        "mm-yy", "dotted", "abbreviation-dots", "apostrophe-month-current", "since", "from-to",
        "em-dash-no-space", "through", "lowercase", "season-range", "winter-spans-new-year",
        "year-to-month", "month-to-year", "single-month", "to-date",
    ],
)  # fmt: skip
def test_formats(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2019 - 2017", "ends before it starts"),
        ("13/2020 - 05/2021", "month 13 is not 1-12"),
        ("00/2018 - 03/2019", "month 0 is not 1-12"),
        ("Jan 2026 – Mar 2027", "starts after the as-of date"),
        ("Jan 2023 – Dec 2025", "ends after the as-of date"),
        ("Sep 2024 – Present", "starts after the as-of date"),
    ],
    ids=["reversed", "month-13", "month-0", "future", "ends-in-future", "current-from-future"],
)
def test_bad_ranges_are_ignored_with_a_reason(text: str, reason: str) -> None:
    scan = find_date_ranges(f"Engineer, Acme, {text}\n", AS_OF)
    assert scan.ranges == ()
    assert [(i.text, i.reason) for i in scan.ignored] == [(text, reason)]


def test_year_end_in_the_as_of_year_ends_at_as_of() -> None:
    assert spans("2020 – 2024") == [("2020-01", "2024-06")]


def test_two_digit_year_pivots_on_as_of() -> None:
    assert spans("'24 – '25", date(2025, 1, 1)) == [("2024-01", "2025-01")]
    assert spans("'24 – '25", date(2023, 1, 1)) == [("1924-01", "1925-12")]


def test_present_needs_the_given_as_of() -> None:
    (rng,) = find_date_ranges("Jan 2019 – Present", AS_OF).ranges
    assert rng.is_current and rng.end is None
    assert months_in(rng, date(2024, 6, 15)) == 66
    assert months_in(rng, date(2019, 12, 31)) == 12


def test_offsets_point_at_the_range() -> None:
    text = "Analyst | Tamsin Bank | 06/2015 - 02/2018\n"
    (rng,) = find_date_ranges(text, AS_OF).ranges
    assert text[rng.start_offset : rng.end_offset] == rng.text == "06/2015 - 02/2018"


@pytest.mark.parametrize(
    "text",
    ["ISO 9001-2015 audits", "24/7 support", "call 555-0134", "IEC 62304", "from 2 to 11 people"],
    ids=["standard-number", "24-7", "phone", "standard", "small-numbers"],
)
def test_numbers_that_are_not_dates(text: str) -> None:
    scan = find_date_ranges(text, AS_OF, lone_dates=True)
    assert scan.ranges == () and scan.ignored == ()


def test_lone_dates_only_when_asked() -> None:
    assert spans("Intern (2016)") == []
    assert spans("Intern (2016)", lone=True) == [("2016-01", "2016-12")]
    assert spans("Intern, June 2016", lone=True) == [("2016-06", "2016-06")]


def rng(start: str, end: str | None) -> DateRange:
    first = date.fromisoformat(start + "-01")
    last = None if end is None else date.fromisoformat(end + "-01")
    return DateRange(first, last, last is None, "", 0, 0)


@pytest.mark.parametrize(
    ("ranges", "months"),
    [
        ([rng("2018-04", "2022-03"), rng("2020-01", "2021-12")], 48),
        ([rng("2016-01", "2018-12"), rng("2020-01", "2020-12")], 48),
        ([rng("2015-01", "2018-12"), rng("2018-06", "2019-06"), rng("2019-03", None)], 114),
        ([rng("2019-01", "2019-06"), rng("2019-07", "2019-12")], 12),
        ([rng("2019-01", "2019-12"), rng("2019-01", "2019-12")], 12),
        ([rng("2019-01", None), rng("2023-01", None)], 66),
        ([], 0),
    ],
    ids=["overlap-merged", "sum-not-max", "chain", "adjacent", "duplicate", "two-current", "none"],
)
def test_merge_months(ranges: list[DateRange], months: int) -> None:
    assert merge_months(ranges, AS_OF) == months


@pytest.mark.parametrize(
    "text",
    [
        "1" * 200_000,
        "- " * 100_000,
        "Jan " * 50_000,
        "2019 - " * 28_000,
        "Summer " * 28_000,
        "2019" + " " * 200_000 + "-",
        "since 2019 " * 18_000,
    ],
    ids=["digits", "dashes", "months", "open-ranges", "seasons", "spaces", "since-one-line"],
)
def test_large_input_is_linear(text: str) -> None:
    started = time.perf_counter()
    find_date_ranges(text, AS_OF, lone_dates=True)
    assert time.perf_counter() - started < 2.0


def test_decimal_numbers_are_not_dates_at_all() -> None:
    scan = find_date_ranges("- Lifted F1 from 0.81 to 0.90 on the test set\n", AS_OF)
    assert (scan.ranges, scan.ignored) == ((), ())
