"""Posting requirements beyond skills, and what a resume states about the same things."""

from __future__ import annotations

import time

import pytest

from gapscan.experience.requirements import (
    CONSTRAINT_KINDS,
    certification_requirements,
    clauses,
    constraint_requirements,
    degree_field_spans,
    education_requirements,
    experience_requirements,
    highest_degree,
    parse_posting,
    resume_constraints,
)


def years(text: str) -> list[tuple[float, float | None, tuple[str, ...], str]]:
    return [
        (r.min_years, r.max_years, r.skills, r.importance) for r in experience_requirements(text)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5+ years of Python", [(5, None, ("Python",), "required")]),
        ("7 years in software engineering, 3 in ML.",
         [(7, None, ("software engineering",), "required"), (3, None, ("ML",), "required")]),
        ("5+ years with Python and Spark", [(5, None, ("Python", "Spark"), "required")]),
        ("At least 3 years of experience", [(3, None, (), "required")]),
        ("3-5 years of experience in data engineering",
         [(3, 5, ("data engineering",), "required")]),
        ("A minimum of 4 years' experience", [(4, None, (), "required")]),
        ("Five years of experience with Kubernetes", [(5, None, ("Kubernetes",), "required")]),
        ("2+ years of Go experience is a plus", [(2, None, ("Go",), "preferred")]),
        ("Ideally 2 years working with Terraform", [(2, None, ("Terraform",), "preferred")]),
        ("8+ yrs of relevant experience", [(8, None, (), "required")]),
        ("two (2) years of experience in retail", [(2, None, ("retail",), "required")]),
        ("4+ years of experience with Java, Scala, or Kotlin",
         [(4, None, ("Java", "Scala", "Kotlin"), "required")]),
        ("Experience with Airflow (2+ years) is a plus", [(2, None, ("Airflow",), "preferred")]),
        ("10 or more years of experience leading teams",
         [(10, None, ("leading teams",), "required")]),
        ("6 to 8 years of experience as a backend developer",
         [(6, 8, ("a backend developer",), "required")]),
        ("3 years of experience in a similar role", [(3, None, (), "required")]),
        ("2.5 years of SQL experience", [(2.5, None, ("SQL",), "required")]),
    ],
    ids=[
        "plus-of", "two-clauses", "list", "at-least-total", "range", "minimum-apostrophe",
        "written-number", "plus-preferred", "ideally", "yrs-relevant", "number-in-parens",
        "or-list", "years-in-parens", "or-more-gerund", "to-range-as", "similar-role-is-total",
        "decimal",
    ],
)  # fmt: skip
def test_experience(text: str, expected: list[object]) -> None:
    assert years(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We have been building software for over 20 years.",
        "Founded 12 years ago, we have 300 staff.",
        "Enjoy 25 days of paid holiday.",
        "In business for 25 years with offices in Leeds.",
        "Our 5-year plan is ambitious.",
    ],
    ids=["company-age", "founded", "days", "in-business-with", "five-year-plan"],
)
def test_not_experience(text: str) -> None:
    assert years(text) == []


def education(text: str) -> list[tuple[str | None, tuple[str, ...], bool, str]]:
    return [
        (r.level, r.fields, r.or_equivalent, r.importance) for r in education_requirements(text)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BS in Computer Science or related field, or equivalent experience",
         [("bachelor", ("computer science", "related field"), True, "required")]),
        ("Master's preferred", [("master", (), False, "preferred")]),
        ("PhD or MS in Statistics, Mathematics, or a quantitative field",
         [("master", ("statistics", "mathematics", "quantitative field"), False, "required")]),
        ("Bachelor's degree required; Master's degree preferred",
         [("bachelor", (), False, "required"), ("master", (), False, "preferred")]),
        ("B.Sc. in Physics", [("bachelor", ("physics",), False, "required")]),
        ("BSc/MSc in Mathematics", [("bachelor", ("mathematics",), False, "required")]),
        ("A doctorate in Electrical Engineering is a plus",
         [("phd", ("engineering",), False, "preferred")]),
        ("MEng or MSc preferred", [("master", (), False, "preferred")]),
        ("Degree in Computer Science or similar",
         [(None, ("computer science",), False, "required")]),
        ("Bachelor's degree and 3+ years in engineering",
         [("bachelor", (), False, "required")]),
        ("Strong MS Excel skills", []),
    ],
    ids=[
        "bs-related-equivalent", "masters-preferred", "phd-or-ms-is-master", "two-degrees",
        "dotted-bsc", "slash-alternatives", "doctorate-preferred", "meng", "degree-no-level",
        "years-field-not-degree-field", "ms-excel-is-not-a-degree",
    ],
)  # fmt: skip
def test_education(text: str, expected: list[object]) -> None:
    assert education(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AWS Solutions Architect certification required",
         [("AWS Solutions Architect", "required")]),
        ("PMP certification preferred", [("PMP", "preferred")]),
        ("Nice to have: Certified Kubernetes Administrator (CKA) certification",
         [("Certified Kubernetes Administrator (CKA)", "preferred")]),
        ("Security certifications such as CISSP or CISM", [("CISSP", "required"),
                                                           ("CISM", "required")]),
        ("Certified in Microsoft Azure", [("Microsoft Azure", "required")]),
        ("We certify our products", []),
    ],
    ids=["required", "preferred", "certified-prefix", "such-as-list", "certified-in", "verb"],
)  # fmt: skip
def test_certifications(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(c.name, c.importance) for c in certification_requirements(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Must be authorized to work in the United States.", [("work_authorization", "US")]),
        ("No visa sponsorship is available.", [("sponsorship", "none")]),
        ("Sponsorship available.", [("sponsorship", "available")]),
        ("Must be authorized to work in the US without sponsorship.",
         [("work_authorization", "US"), ("sponsorship", "none")]),
        ("Active TS/SCI clearance required.", [("clearance", "TS/SCI")]),
        ("Secret clearance.", [("clearance", "Secret")]),
        ("SC/DV clearance.", [("clearance", "SC"), ("clearance", "DV")]),
        ("Ability to obtain a security clearance.", [("clearance", None)]),
        ("Up to 25% travel.", [("travel", 25)]),
        ("Willing to travel internationally.", [("travel", None)]),
        ("Hybrid, two days in the office.", [("work_mode", "hybrid"), ("work_mode", "on-site")]),
        ("Fully remote.", [("work_mode", "remote")]),
        ("On-site in Austin, TX.", [("work_mode", "on-site"), ("location", "Austin, TX")]),
        ("This role is based in Munich.", [("location", "Munich")]),
        ("Relocation package offered.", [("relocation", "offered")]),
        ("We do not offer relocation.", [("relocation", "not offered")]),
        ("Fluent German is required.", [("language", "German")]),
        ("English and French required.", [("language", "English"), ("language", "French")]),
        ("Background check required.", [("background_check", None)]),
        ("Experience with remote sensing data.", []),
        ("Our clients are in the travel industry.", []),
    ],
    ids=[
        "authorized-us", "no-sponsorship", "sponsorship-available", "authorized-without",
        "ts-sci", "secret", "sc-dv", "clearance-no-level", "travel-percent", "travel-no-percent",
        "hybrid", "remote", "on-site", "based-in", "relocation-offered", "relocation-not",
        "fluent-german", "two-languages", "background", "remote-sensing-trap", "travel-trap",
    ],
)  # fmt: skip
def test_constraints(text: str, expected: list[tuple[str, object]]) -> None:
    found = constraint_requirements(text)
    assert [(c.kind, c.value) for c in found] == expected
    assert all(c.text == text.strip() and (c.start, c.end) == (0, len(text)) for c in found)


def test_clauses_keep_abbreviations_and_offsets() -> None:
    text = "B.S. in Physics required. Ph.D. preferred; e.g. Stats.\nTravel 10%."
    parts = clauses(text)
    assert [c.text for c in parts] == [
        "B.S. in Physics required.",
        "Ph.D. preferred;",
        "e.g. Stats.",
        "Travel 10%.",
    ]
    assert all(text[c.start : c.end] == c.text for c in parts)


def test_parse_posting_applies_a_preferred_heading_and_offsets() -> None:
    text = (
        "Requirements\n- 5+ years of Python\n- Must hold a Secret clearance\n"
        "Nice to have\n- 2+ years with Rust\n- MSc in Computer Science\n"
    )
    found = parse_posting(text)
    assert [(e.min_years, e.skills, e.importance) for e in found.experience] == [
        (5, ("Python",), "required"),
        (2, ("Rust",), "preferred"),
    ]
    assert [(d.level, d.importance) for d in found.education] == [("master", "preferred")]
    assert [(c.kind, c.value) for c in found.constraints] == [("clearance", "Secret")]
    rust = found.experience[1]
    assert text[rust.start : rust.end] == rust.text == "- 2+ years with Rust"


def stated(text: str) -> dict[str, list[tuple[object, object]] | None]:
    return {
        kind: None if found is None else [(s.value, s.detail) for s in found]
        for kind, found in resume_constraints(text).items()
    }


def test_resume_states_nothing_means_none_for_every_kind() -> None:
    assert stated("Data engineer with Python and SQL.") == dict.fromkeys(CONSTRAINT_KINDS)


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("US citizen", "work_authorization", [("US", "citizen")]),
        ("Authorized to work in the UK", "work_authorization", [("UK", "authorized")]),
        ("Green card holder", "work_authorization", [("US", "permanent resident")]),
        ("Permanent resident of Canada", "work_authorization", [("Canada", "permanent resident")]),
        ("Will require visa sponsorship", "sponsorship", [("needed", None)]),
        ("Active Secret clearance", "clearance", [("Secret", "active")]),
        ("TS/SCI with polygraph (current clearance)", "clearance", [("TS/SCI", "current")]),
        ("Open to relocation", "relocation", [("open", None)]),
        ("Not willing to relocate", "relocation", [("not open", None)]),
        ("Willing to travel up to 50%", "travel", [(50, None)]),
        ("Languages: German (native), English (fluent), Spanish", "language",
         [("German", "native"), ("English", "fluent"), ("Spanish", None)]),
        ("Fluent in French", "language", [("French", "fluent")]),
        ("Location: Berlin, Germany", "location", [("Berlin, Germany", None)]),
    ],
    ids=[
        "us-citizen", "authorized-uk", "green-card", "permanent-resident", "needs-sponsorship",
        "active-secret", "ts-sci-current", "open-relocation", "not-relocate", "travel-percent",
        "languages-line", "fluent-in", "location-line",
    ],
)  # fmt: skip
def test_resume_statements(text: str, kind: str, expected: list[tuple[object, object]]) -> None:
    assert stated(text)[kind] == expected


def test_resume_mentions_of_a_language_as_a_skill_are_not_statements() -> None:
    assert stated("Built a German-market pricing engine in Python.")["language"] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("EDUCATION\nB.S. Computer Science, Westmere University, 2014\n"
         "M.Sc. Statistics, Harrow University, 2016\n", ("master", "statistics")),
        ("Ph.D. in Physics, 2019\nBSc Physics, 2013\n", ("phd", "physics")),
        ("PhD candidate in Linguistics (expected 2026)\nMA in Linguistics\n",
         ("master", "Linguistics")),
        ("Bachelor of Engineering (Mechanical), 2010\n", ("bachelor", "engineering")),
        ("MBA, Kestrel Business School\n", ("master", None)),
    ],
    ids=["highest-wins", "phd", "in-progress-does-not-count", "bachelor-of", "mba"],
)  # fmt: skip
def test_highest_degree(text: str, expected: tuple[str, str | None]) -> None:
    degree = highest_degree(text)
    assert degree is not None
    assert (degree.level, degree.field) == expected
    assert text[degree.start : degree.end] == degree.text


def test_no_degree() -> None:
    assert highest_degree("Self-taught developer; MS Office expert.") is None


@pytest.mark.parametrize(
    "text",
    [
        "5+ years of Python, SQL and Kafka; BS in CS; Secret clearance; 25% travel.\n" * 2_700,
        "years " * 35_000,
        "a" * 200_000,
        ", " * 100_000,
        "certification " * 15_000,
        "A. " * 70_000,
        "5 years of X " * 15_000,
        "Certified Foo " * 15_000,
        "BS or MS or PhD " * 12_000,
        "5" + " " * 200_000 + "years",
        "certified" + " " * 200_000,
        "since 2019 " * 18_000,
    ],
    ids=["realistic", "years-words", "one-word", "commas", "cert-words", "initials",
         "years-of-in-one-clause", "certified-names", "degrees", "spaces-after-number",
         "spaces-after-certified", "since-in-one-line"],  # fmt: skip
)  # fmt: skip
def test_large_input_is_linear(text: str) -> None:
    started = time.perf_counter()
    parse_posting(text)
    resume_constraints(text)
    highest_degree(text)
    degree_field_spans(text)
    # a few seconds when linear, minutes when quadratic: the bound leaves room for a busy CI
    assert time.perf_counter() - started < 30.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8+ years in software or data roles", [(8, None, (), "required")]),
        ("8+ years in software or data roles, including at least 4 years designing ML systems.",
         [(8, None, (), "required"), (4, None, ("designing ML systems",), "required")]),
        ("A minimum of 3 years building data pipelines", [(3, None, ("building data pipelines",),
                                                           "required")]),
        ("We have been building bridges for 20 years designing them.", []),
    ],
    ids=["role-kinds-are-total", "at-least-gerund", "minimum-gerund", "company-age-gerund"],
)  # fmt: skip
def test_experience_kinds_of_role_and_gerunds(text: str, expected: list[object]) -> None:
    assert years(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A cloud certification, e.g. AWS Certified Machine Learning - Specialty or Google "
         "Professional Machine Learning Engineer.",
         ["AWS Certified Machine Learning - Specialty",
          "Google Professional Machine Learning Engineer"]),
        ("AWS Certified Developer preferred.", ["AWS Certified Developer"]),
    ],
    ids=["comma-eg-list", "issuer-before-certified"],
)  # fmt: skip
def test_certification_names_keep_their_issuer(text: str, expected: list[str]) -> None:
    assert [c.name for c in certification_requirements(text)] == expected


def test_work_authorization_names_every_country_listed() -> None:
    found = constraint_requirements("Authorized to work in the United States, the UK or Canada.")
    assert [(c.kind, c.value) for c in found] == [
        ("work_authorization", "US"),
        ("work_authorization", "UK"),
        ("work_authorization", "Canada"),
    ]


def test_degree_field_spans_are_the_fields_of_a_degree_requirement() -> None:
    text = (
        "- A master's degree in computer science, statistics or a related field.\n"
        "- Solid statistics.\n"
        "- BS in mathematics with strong statistics skills.\n"
    )
    fields = [text[a:b] for a, b in degree_field_spans(text)]
    assert fields == ["computer science", "statistics", "related field", "mathematics"]
