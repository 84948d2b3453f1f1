"""Roles of an experience section: headings, blocks, months, totals and months per skill."""

from __future__ import annotations

import time
from datetime import date

import pytest

from gapscan.experience.roles import find_roles, months_per_skill, stated_skill_months

AS_OF = date(2024, 6, 15)

OVERLAP = """\
DevOps Engineer, Wren Hosting
Apr 2018 – Mar 2022
- CI/CD with Jenkins
Freelance Consultant (part-time)
Jan 2020 – Dec 2021
- Docker and Kubernetes migrations
Site Reliability Engineer, Ouzel Games
Apr 2022 – Present
- Kubernetes on-call
"""

TWO_COLUMN_DATE_ABOVE = """\
Feb 2020 – Present
Lead Data Scientist
Heron Insurance
Pricing models with XGBoost.

Oct 2017 – Jan 2020
Data Scientist
Heron Insurance
Churn models in Python.
"""

DATES_CLOSE_ENTRIES = """\
Embedded Software Engineer
Curlew Medical
Firmware in C; IEC 62304 documentation.
May 2019 – Present

Embedded Engineer
Curlew Medical
Drivers for ARM Cortex-M in Rust.
Jun 2016 – Apr 2019
"""


def test_overlapping_roles_are_merged_not_double_counted() -> None:
    scan = find_roles(OVERLAP, AS_OF)
    assert [(r.heading, r.months) for r in scan.roles] == [
        ("DevOps Engineer, Wren Hosting", 48),
        ("Freelance Consultant (part-time)", 24),
        ("Site Reliability Engineer, Ouzel Games", 27),
    ]
    assert scan.total_months == 75  # not 99 (double counted), not 48 (the longest role)


def test_role_blocks_cover_their_text() -> None:
    scan = find_roles(OVERLAP, AS_OF)
    assert [r.text.splitlines()[-1] for r in scan.roles] == [
        "- CI/CD with Jenkins",
        "- Docker and Kubernetes migrations",
        "- Kubernetes on-call",
    ]
    for role in scan.roles:
        assert OVERLAP[role.start_offset : role.end_offset] == role.text


@pytest.mark.parametrize(
    ("text", "headings", "first_lines"),
    [
        (
            TWO_COLUMN_DATE_ABOVE,
            ["Lead Data Scientist | Heron Insurance", "Data Scientist | Heron Insurance"],
            ["Feb 2020 – Present", "Oct 2017 – Jan 2020"],
        ),
        (
            DATES_CLOSE_ENTRIES,
            ["Embedded Software Engineer | Curlew Medical", "Embedded Engineer | Curlew Medical"],
            ["Embedded Software Engineer", "Embedded Engineer"],
        ),
        (
            "Backend Engineer\nSorrel Payments\nJan 2019 –\nPresent\nGo services.\n",
            ["Backend Engineer | Sorrel Payments"],
            ["Backend Engineer"],
        ),
        (
            "Senior Analyst, Godwit Retail\nFrom 2015 to 2020\n",
            ["Senior Analyst, Godwit Retail"],
            ["Senior Analyst, Godwit Retail"],
        ),
        (
            "Frontend Developer, Redpoll (Jan 2019 – Mar 2021, 2 yrs 3 mos)\nReact.\n",
            ["Frontend Developer, Redpoll"],
            ["Frontend Developer, Redpoll (Jan 2019 – Mar 2021, 2 yrs 3 mos)"],
        ),
    ],
    ids=["date-line-above-title", "dates-close-entries", "split-range", "from-to", "duration"],
)
def test_layouts(text: str, headings: list[str], first_lines: list[str]) -> None:
    roles = find_roles(text, AS_OF).roles
    assert [r.heading for r in roles] == headings
    assert [r.text.strip().splitlines()[0] for r in roles] == first_lines


def test_ranges_in_bullets_are_achievements_not_roles() -> None:
    text = (
        "Finance Systems Analyst, Kestrel Foods\nMarch 2019 – February 2023\n"
        "- Led the 2020-2021 ERP migration\n• Automated 2019 budget templates\n"
    )
    scan = find_roles(text, AS_OF)
    assert [r.months for r in scan.roles] == [48]
    assert [(i.text, i.reason) for i in scan.ignored] == [
        ("2020-2021", "in a bullet line, not a role's dates"),
        ("2019", "in a bullet line, not a role's dates"),
    ]


@pytest.mark.parametrize(
    ("text", "months", "reasons"),
    [
        ("Engineer, Starling\n2019 - 2017\nTechnician, Starling\n2014 - 2017\n", 48,
         ["ends before it starts"]),
        ("Support | Linnet | 13/2020 - 05/2021\nSupport | Linnet | 01/2018 - 12/2019\n", 24,
         ["month 13 is not 1-12"]),
        ("Incoming, Avocet\nJan 2026 – Mar 2027\nStaff, Avocet\nJul 2021 – Present\n", 36,
         ["starts after the as-of date"]),
    ],
    ids=["reversed", "month-13", "future"],
)  # fmt: skip
def test_bad_dates_never_raise_and_are_reported(text: str, months: int, reasons: list[str]) -> None:
    scan = find_roles(text, AS_OF)
    assert scan.total_months == months
    assert [i.reason for i in scan.ignored] == reasons


def test_present_uses_the_as_of_date() -> None:
    text = "Engineer, Acme, Jan 2019 – Present\n"
    assert find_roles(text, date(2024, 6, 15)).total_months == 66
    assert find_roles(text, date(2020, 12, 1)).total_months == 24


def test_no_roles() -> None:
    assert find_roles("", AS_OF).roles == ()
    assert find_roles("Worked on many things.\n", AS_OF).total_months == 0


def test_months_per_skill_merges_the_roles_that_mention_it() -> None:
    scan = find_roles(OVERLAP, AS_OF)
    mentions = {
        "kubernetes": [OVERLAP.index("Kubernetes migrations"), OVERLAP.index("Kubernetes on-call")],
        "jenkins": [OVERLAP.index("Jenkins")],
        "terraform": [],
    }
    assert months_per_skill(scan.roles, mentions, AS_OF) == {
        "jenkins": 48,
        "kubernetes": 51,  # Jan 2020 - Dec 2021 and Apr 2022 - Jun 2024
        "terraform": 0,
    }


def test_stated_years_count_when_larger_and_are_never_added() -> None:
    scan = find_roles(OVERLAP, AS_OF)
    mentions = {"jenkins": [OVERLAP.index("Jenkins")]}
    stated = {"jenkins": 60, "go": 18}
    assert months_per_skill(scan.roles, mentions, AS_OF, stated) == {"go": 18, "jenkins": 60}
    assert months_per_skill(scan.roles, mentions, AS_OF, {"jenkins": 12}) == {"jenkins": 48}


@pytest.mark.parametrize(
    ("line", "skill", "months"),
    [
        ("Python (5 years), SQL (3 yrs)", "Python", 60),
        ("Python (5 years), SQL (3 yrs)", "SQL", 36),
        ("Python, SQL (3 yrs)", "Python", None),
        ("Go: 18 months | Rust", "Go", 18),
        ("Languages: Java – 7+ years; Kotlin", "Java", 84),
        ("Kotlin – 2.5 yrs", "Kotlin", 30),
        ("Spark (4 years, daily), Scala", "Spark", 48),
        ("Scala", "Scala", None),
    ],
    ids=["parens", "second-item", "not-own-item", "months", "plus", "decimal", "comma-in-parens",
         "none"],
)  # fmt: skip
def test_stated_skill_months(line: str, skill: str, months: int | None) -> None:
    assert stated_skill_months(line, line.index(skill)) == months


@pytest.mark.parametrize(
    "text",
    ["since 2019 " * 18_000, "2019-2020 " * 20_000, " " * 200_000 + "2019 - 2020", "(" * 200_000],
    ids=["many-ranges-one-line", "year-ranges-one-line", "indented", "parens"],
)
def test_hostile_lines_are_linear(text: str) -> None:
    started = time.perf_counter()
    find_roles(text, AS_OF)
    assert time.perf_counter() - started < 3.0


def test_large_input_is_linear() -> None:
    block = "Engineer, Acme, Jan 2019 – Present\n- Python and SQL (2019-2020)\n" * 3_000
    assert len(block) > 190_000
    started = time.perf_counter()
    scan = find_roles(block, AS_OF)
    months_per_skill(scan.roles, {"python": range(0, len(block), 97)}, AS_OF)
    assert time.perf_counter() - started < 3.0
    assert len(scan.roles) == 3_000 and scan.total_months == 66
