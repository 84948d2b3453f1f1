"""--redact: no name, e-mail, phone or URL of the sample candidates survives, in JSON or text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_run import run

from gapscan.report import schema
from gapscan.report.redact import (
    PersonalDetails,
    header_name,
    personal_details,
    redact,
    redact_text,
)

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
# Every personal detail printed in the sample resumes' headers (samples/README.md).
PERSONAL = {
    "alex-rivera.pdf": (
        "Alex", "Rivera", "alex.rivera@example.com", "(206) 555-0182", "555-0182",
        "example.com/in/alex-rivera", "alex-rivera",
    ),
    "jordan-lee.txt": (
        "Jordan", "Lee", "jordan.lee@example.com", "(503) 555-0147", "555-0147",
        "example.com/in/jordan-lee-platform", "jordan-lee",
    ),
}  # fmt: skip


@pytest.fixture(autouse=True)
def _fast(shared_cli_scanner: None) -> None:
    """Every CLI run here uses the packaged taxonomy: build its pipeline once."""


def _leaks(output: str, details: tuple[str, ...]) -> list[str]:
    low = output.lower()
    return [d for d in details if d.lower() in low]


@pytest.mark.parametrize("name", sorted(PERSONAL))
@pytest.mark.parametrize(
    "args",
    [
        ("{resume}", "{posting}", "--format", "json"),
        ("{resume}", "{posting}"),
        ("{resume}", "{posting}", "--format", "html"),
        ("{resume}", "--format", "json"),
        ("extract", "{resume}", "--format", "json"),
        ("extract", "{resume}"),
        ("extract", "{resume}", "--format", "jsonresume"),
        ("extract", "{resume}", "--format", "definedterms"),
    ],
    ids=["scan-json", "scan-text", "scan-html", "role-json", "extract-json", "extract-text",
         "jsonresume", "definedterms"],
)  # fmt: skip
def test_no_personal_detail_survives_redact(name: str, args: tuple[str, ...]) -> None:
    resume = SAMPLES / "resumes" / name
    posting = SAMPLES / "postings" / "ai-architect.txt"
    argv = [a.format(resume=resume, posting=posting) for a in args]
    code, plain, _ = run(*argv)
    assert code == 0
    if "jsonresume" not in argv:  # JSON Resume skills[] carries no path: nothing to leak
        assert _leaks(plain, PERSONAL[name])  # the details are there without --redact
    code, out, err = run(*argv, "--redact")
    assert (code, err) == (0, "")
    assert _leaks(out, PERSONAL[name]) == []
    if "json" in argv:
        data = json.loads(out)
        assert data["redacted"] is True
        assert schema.problems(data, "extract" if "extract" in argv else "report") == []


def test_redacted_report_keeps_the_analysis(tmp_path: Path) -> None:
    resume = SAMPLES / "resumes" / "alex-rivera.pdf"
    posting = SAMPLES / "postings" / "ai-architect.txt"
    plain = json.loads(run(resume, posting, "--format", "json")[1])
    blind = json.loads(run(resume, posting, "--format", "json", "--redact")[1])
    assert blind["resume"]["source"] == "sha256:" + plain["resume"]["sha256"][:12]
    assert blind["score"] == plain["score"]
    assert [e["skills"] for e in blind["missing"]] == [e["skills"] for e in plain["missing"]]
    assert list(blind)[:4] == ["schema_version", "gapscan_version", "taxonomy", "redacted"]


def test_personal_details_come_from_the_header_and_file_name() -> None:
    text = "\n  Maria de la Cruz\nData Engineer | maria@example.org | +1 415 555 0100\n"
    found = personal_details(text, "/tmp/cv_Cruz-Maria-2024_final.pdf")
    assert found.names == ("cruz", "maria")  # "de", "la": particles, common words elsewhere
    assert found.literals == (
        ("maria@example.org", "[email]"), ("+1 415 555 0100", "[phone]"), ("example.org", "[url]"),
    )  # fmt: skip
    assert header_name("SUMMARY: 10 years of Python\n") == ()
    assert header_name("Curriculum Vitae\nMaria\n") == ("Maria",)  # past the heading


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mail maria@example.org now", "mail [email] now"),
        ("call (415) 555-0100 or +44 20 7946 0958", "call [phone] or [phone]"),
        ("see https://maria.dev/cv, and github.com/maria.", "see [url], and [url]."),
        ("Maria CRUZ led the MariaDB move", "[name] [name] led the MariaDB move"),
        ("2019-2023, 2019 - 2023, 12,000,000 rows", "2019-2023, 2019 - 2023, 12,000,000 rows"),
        ("...ia@example.org | (415) 555-01...", "...[email] | [phone]..."),
        ("...ruz, Data Engineer, Mar...", "...[name], Data Engineer, [name]..."),
    ],
    ids=["email", "phone", "url", "name", "numbers", "cut-contact", "cut-name"],
)
def test_redact_text(text: str, expected: str) -> None:
    found = personal_details("Maria Cruz\n(415) 555-0100\n", "resume.pdf")
    assert redact_text(text, found) == expected


def test_redact_is_pure_and_spares_taxonomy_fields() -> None:
    data = {
        "schema_version": "1.1.0",
        "kind": "resume",
        "source": "/home/x/lee.txt",
        "sha256": "a" * 64,
        "skills": [{"id": "lee-method", "name": "Lee method", "mentions": [{"text": "Lee"}]}],
    }
    before = json.dumps(data)
    out = redact(data, PersonalDetails(names=("lee",)))
    assert json.dumps(data) == before
    assert out["source"] == "sha256:aaaaaaaaaaaa"
    assert out["skills"] == [
        {"id": "lee-method", "name": "Lee method", "mentions": [{"text": "[name]"}]}
    ]
