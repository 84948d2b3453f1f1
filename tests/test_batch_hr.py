"""``gapscan batch`` for HR, end to end: blind screening (--redact) leaves no personal detail
in any output file, near duplicates are flagged (not merged), outputs follow the umask."""

from __future__ import annotations

import base64
import csv
import io
import json
import os
import re
import shutil
import stat
from pathlib import Path

import pytest
from cli_run import run
from make_hostile import docx

from gapscan.batch.near_duplicates import resume_signature, text_signature
from gapscan.batch.run import file_sha256
from gapscan.report.redact import personal_details

ROOT = Path(__file__).resolve().parent.parent
POSTING = "Go Developer\nRequirements\n- Go or C\n- Kubernetes\nNice to have\n- ML\n"
MARIA = (
    "Maria Garcia\n"
    "maria.garcia@example.com | +1 (206) 555-0143 | https://github.com/mgarcia-dev\n"
    "Skills\nGolang, Kubernetes\n"
    "Experience\nPlatform engineer at Acme, building services in Go on Kubernetes since 2019\n"
    "(Maria Garcia, maria.garcia@example.com, +1 (206) 555-0143).\n"
)
JUN = (
    "Joon Park",
    "joon.park@mail.example.org  020 7946 0958  www.joonpark.dev",
    "Skills",
    "C and machine learning",
)
# What was planted: the names (as whole words), e-mails, phones and URLs of four candidates,
# one of them the sample PDF's Alex Rivera.
PLANTED_WORDS = ("maria", "garcia", "joon", "park", "alex", "rivera", "zoe", "smith")
PLANTED_LITERALS = (
    "maria.garcia@example.com", "555-0143", "github.com/mgarcia-dev",
    "joon.park@mail.example.org", "7946 0958", "joonpark.dev",
    "alex.rivera@example.com", "555-0182", "example.com/in/alex-rivera",
)  # fmt: skip


def planted_in(text: str) -> list[str]:
    """Every planted detail found in ``text`` (names as whole words, in any casing)."""
    low = text.lower()
    words = [w for w in PLANTED_WORDS if re.search(rf"(?<![a-z]){w}(?![a-z])", low)]
    # a detail cut off at a snippet's edge still counts: its first or last 8 characters
    return words + [lit for lit in PLANTED_LITERALS if lit[:8] in low or lit[-8:] in low]


@pytest.fixture()
def hr_folder(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "applicants").mkdir(parents=True)
    (root / "maria-garcia.txt").write_text(MARIA, encoding="utf-8")
    (root / "copy-of-maria.txt").write_text(MARIA, encoding="utf-8")  # identical bytes
    (root / "applicants" / "Joon_Park_CV.docx").write_bytes(docx(JUN))
    shutil.copy(ROOT / "samples" / "resumes" / "alex-rivera.pdf", root / "alex-rivera.pdf")
    (root / "Zoe_Smith.pdf").write_bytes(b"%PDF-1.7 broken")  # fails: only its name is known
    (tmp_path / "job.txt").write_text(POSTING, encoding="utf-8")
    return root


def outputs(out: Path) -> dict[str, str]:
    """Every file the batch wrote, by its path, with its content."""
    return {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(out.rglob("*")) if p.is_file()}  # fmt: skip


def test_redacted_batch_leaves_no_name_email_phone_or_url_in_any_output(
    hr_folder: Path, tiny_path: Path
) -> None:
    job = hr_folder.parent / "job.txt"
    plain, blind = hr_folder.parent / "plain", hr_folder.parent / "blind"
    run("batch", hr_folder, job, "-o", plain, "--taxonomy", tiny_path, "--workers", "1")
    # the same batch without --redact shows them: the search below can find what was planted
    found = planted_in("\n".join([*outputs(plain), *outputs(plain).values()]))
    assert set(found) >= {*PLANTED_WORDS, "github.com/mgarcia-dev", "7946 0958", "joonpark.dev"}

    code, out, err = run(
        "batch", hr_folder, job, "-o", blind, "--taxonomy", tiny_path, "--workers", "1", "--redact"
    )
    assert code == 3  # Zoe_Smith.pdf failed
    written = outputs(blind)
    ids = [f"resumes/cand-{file_sha256(hr_folder / rel)[:10]}"
           for rel in ("maria-garcia.txt", "applicants/Joon_Park_CV.docx", "alex-rivera.pdf")]
    assert sorted(written) == sorted([
        ".gapscan-index.json", ".gapscan.lock", "cohort.json", "index.html", "results.jsonl",
        "summary.csv", *(f"{i}.json" for i in ids), *(f"{i}.html" for i in ids),
    ])  # fmt: skip
    for name, text in written.items():
        assert (name, planted_in(name), planted_in(text)) == (name, [], [])
    assert (planted_in(out), planted_in(err)) == ([], [])
    assert err.startswith("Warning: [name]_[name].pdf: failed: not a readable PDF")

    rows = {r["candidate"] or r["file"]: r
            for r in csv.DictReader(io.StringIO(written["summary.csv"]))}  # fmt: skip
    maria = f"cand-{file_sha256(hr_folder / 'maria-garcia.txt')[:10]}"
    assert rows[maria]["file"] == "[name]-[name].txt"
    assert rows[maria]["report"] == f"resumes/{maria}.json"
    assert json.loads(written["cohort.json"])["redacted"] is True
    # the signature is taken with the details cut out: the text as it is would sign otherwise
    records = map(json.loads, written["results.jsonl"].splitlines())
    lines = {r["candidate"]: r for r in records if r["status"] == "ok"}
    source = str(hr_folder / "copy-of-maria.txt")  # the first of the two identical files
    blind_signature = resume_signature(MARIA, personal_details(MARIA, source))
    assert base64.b64decode(lines[maria]["signature"]) == blind_signature != text_signature(MARIA)
    report = json.loads(written[f"resumes/{maria}.json"])
    assert (report["redacted"], report["resume"]["source"][:7]) == (True, "sha256:")


def test_near_duplicates_are_flagged_never_merged(
    tmp_path: Path, tiny_path: Path
) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "maria.txt").write_text(MARIA, encoding="utf-8")
    # the same CV from a word processor: other line breaks, bullets, another phone number
    (root / "maria-2024.docx").write_bytes(docx(tuple(
        ("- " + line if line.startswith("Platform") else line).replace("555-0143", "555-0199")
        for line in MARIA.splitlines()
    )))  # fmt: skip
    (root / "jun.docx").write_bytes(docx(JUN))
    job = tmp_path / "job.txt"
    job.write_text(POSTING, encoding="utf-8")
    out = tmp_path / "out"
    old = os.umask(0o027)
    try:
        code, stdout, _ = run("batch", root, job, "-o", out, "--taxonomy", tiny_path)
    finally:
        os.umask(old)
    assert code == 0
    rows = {r["file"]: r for r in csv.DictReader(io.StringIO((out / "summary.csv").read_text()))}
    assert {f: r["duplicates"] for f, r in rows.items()} == {
        "maria.txt": "near duplicate of maria-2024.docx",
        "maria-2024.docx": "near duplicate of maria.txt",
        "jun.docx": "",
    }
    assert {f: r["candidate"] for f, r in rows.items()} == {
        "maria.txt": "Maria Garcia", "maria-2024.docx": "Maria Garcia", "jun.docx": "Joon Park",
    }  # fmt: skip
    assert rows["jun.docx"]["missing_required_skills"] == "Kubernetes"
    cohort = json.loads((out / "cohort.json").read_text())
    assert cohort["candidates_assessed"] == 3  # flagged, still counted one by one
    assert cohort["near_duplicates"] == [[
        {"file": "maria-2024.docx", "candidate": "Maria Garcia"},
        {"file": "maria.txt", "candidate": "Maria Garcia"},
    ]]  # fmt: skip
    assert "Near duplicates (the same CV in other files? each is still counted)\n" in stdout
    assert "  maria-2024.docx; maria.txt\n" in stdout
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in out.rglob("*") if p.is_file()}
    assert set(modes.values()) == {0o640}, modes
    # a rerun reuses every report and still knows the candidates and the near duplicates
    summary = (out / "summary.csv").read_text()
    assert run("batch", root, job, "-o", out, "--taxonomy", tiny_path)[0] == 0
    lines = [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]
    assert [line["reused"] for line in lines] == [True, True, True]
    assert (out / "summary.csv").read_text() == summary
