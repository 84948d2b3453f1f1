"""``gapscan batch`` end to end: outputs, isolation of bad files, resumability, exit codes."""

from __future__ import annotations

import base64
import csv
import json
import os
import re
import shutil
import time
from collections.abc import Callable
from html import unescape
from pathlib import Path

import pytest
from cli_run import run

from gapscan.batch.near_duplicates import text_signature
from gapscan.records import Document, GapReport
from gapscan.report.serialize import compact_bytes, report_dict
from gapscan.scanner import PreparedPosting, Scanner
from gapscan.taxonomy import Taxonomy

POSTING = "Go Developer\nRequirements\n- Go or C\n- Kubernetes\nNice to have\n- ML\n"
RESUMES = {
    "ada.txt": "Ada\nSkills\nGolang, Kubernetes, machine learning\n",
    "team/bo.txt": "Bo\nSkills\nGolang, deep neural networks\n",
    "team/cy.md": "Cy\nSkills\nC and Kubernetes\n",
    ".hidden.txt": "hidden files are ignored\n",
}


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "resumes"
    for rel, text in RESUMES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


@pytest.fixture()
def posting(tmp_path: Path) -> Path:
    path = tmp_path / "posting.txt"
    path.write_text(POSTING, encoding="utf-8")
    return path


def batch(folder: Path, posting: Path, tiny_path: Path, *extra: str) -> tuple[int, str, str]:
    out = folder.parent / "reports"
    return run("batch", folder, posting, "-o", out, "--taxonomy", tiny_path, *extra)


def results(folder: Path) -> dict[str, dict[str, object]]:
    lines = (folder.parent / "reports" / "results.jsonl").read_text(encoding="utf-8").splitlines()
    return {r["file"]: r for r in map(json.loads, lines)}


def statuses(folder: Path) -> dict[str, tuple[object, object]]:
    return {f: (r["status"], r["reason"]) for f, r in results(folder).items()}


def test_outputs(folder: Path, posting: Path, tiny_path: Path, tiny: Taxonomy) -> None:
    code, out, err = batch(folder, posting, tiny_path, "--workers", "2")
    assert (code, err) == (0, "")
    reports = folder.parent / "reports"
    assert out == (
        "3 files: 3 ok, 0 not assessed, 0 failed, 0 skipped (0 duplicates)\n"
        "\n"
        "Train or hire: how many of the 3 assessed candidates lack each skill\n"
        "  importance  missing  partial  skill\n"
        "  required          1        0  Kubernetes\n"
        "  required          0        0  C / Go\n"
        "  preferred         1        1  Machine learning\n"
        "\n"
        "Top candidates\n"
        "  1. 100.0  ada.txt\n"
        "  2.  80.0  team/cy.md\n"
        "  3.  50.0  team/bo.txt\n"
        "\n"
        f"Reports in {reports}: index.html, summary.csv, results.jsonl, cohort.json, resumes/\n"
    )
    assert (reports / "summary.csv").read_text(encoding="utf-8") == (
        "rank,file,candidate,status,score,required_matched,required_partial,required_missing,"
        "preferred_matched,preferred_partial,preferred_missing,missing_required_skills,"
        "duplicates,reason,report,experience_months,"
        "work_authorization,sponsorship,clearance,work_mode,location,relocation,travel,language,"
        "background_check\n"
        "1,ada.txt,Ada,ok,100,2,0,0,1,0,0,,,,resumes/ada.txt.json,0,,,,,,,,,\n"
        "2,team/cy.md,Cy,ok,80,2,0,0,0,0,1,,,,resumes/team/cy.md.json,0,,,,,,,,,\n"
        "3,team/bo.txt,Bo,ok,50,1,0,1,0,1,0,Kubernetes,,,resumes/team/bo.txt.json,0,,,,,,,,,\n"
    )
    lines = (reports / "results.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["file"] for line in lines] == ["ada.txt", "team/bo.txt", "team/cy.md"]
    line = json.loads(lines[1])
    assert line == {
        "file": "team/bo.txt", "candidate": "Bo", "status": "ok", "reason": None, "score": 50.0,
        "report": "resumes/team/bo.txt.json",
        "sha256": json.loads((reports / "resumes/team/bo.txt.json").read_text())["resume"][
            "sha256"
        ],
        "duplicate_of": None, "reused": False, "signature": line["signature"],
    }  # fmt: skip
    assert text_signature(RESUMES["team/bo.txt"]) == base64.b64decode(line["signature"])
    cohort = json.loads((reports / "cohort.json").read_text(encoding="utf-8"))
    assert cohort["files"] == {
        "ok": 3, "not_assessed": 0, "failed": 0, "skipped": 0, "duplicates": 0
    }  # fmt: skip
    assert cohort["requirements"][0] == {
        "skills": ["kubernetes"], "name": "Kubernetes", "importance": "required",
        "missing": 1, "partial": 0, "matched": 2,
    }  # fmt: skip
    # each report is the single scan's JSON (in its compact form), byte for byte
    scanner = Scanner(tiny)
    for rel in ("ada.txt", "team/bo.txt", "team/cy.md"):
        single = compact_bytes(report_dict(scanner.scan(folder / rel, posting), tiny)).decode()
        assert (reports / "resumes" / f"{rel}.json").read_text(encoding="utf-8") == single
    assert not list(reports.rglob("*.tmp"))


def test_sample_pdf_and_unassessable(
    folder: Path, posting: Path, tiny_path: Path, samples: Path
) -> None:
    shutil.copy(samples / "resumes" / "alex-rivera.pdf", folder / "alex.pdf")
    (folder / "blank.txt").write_text("1 2 3\n", encoding="utf-8")
    code, _, err = batch(folder, posting, tiny_path)
    assert code == 3
    assert err == ("Warning: blank.txt: not assessed: the resume has no readable text\n")
    report = json.loads((folder.parent / "reports/resumes/alex.pdf.json").read_text())
    assert (report["status"], report["resume"]["format"]) == ("assessed", "pdf")
    assert results(folder)["alex.pdf"]["status"] == "ok"


def test_bad_file_recorded_and_the_rest_succeed(
    folder: Path, posting: Path, tiny_path: Path
) -> None:
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n garbage")
    code, out, err = batch(folder, posting, tiny_path)
    assert code == 3
    assert out.startswith("4 files: 3 ok, 0 not assessed, 1 failed, 0 skipped (0 duplicates)\n")
    reason = "not a readable PDF (the file is damaged or truncated); export it to PDF again"
    assert err == f"Warning: broken.pdf: failed: {reason}\n"
    assert statuses(folder)["broken.pdf"] == ("failed", reason)
    assert {s for f, (s, _) in statuses(folder).items() if f != "broken.pdf"} == {"ok"}
    assert not (folder.parent / "reports/resumes/broken.pdf.json").exists()


EVIL = "EVIL-RESUME"  # what the patched scan looks for in a resume's text


def _crash() -> None:
    os._exit(70)


def _hang() -> None:
    time.sleep(3600)


def _exhaust() -> None:
    hog = bytearray(1 << 40)  # far beyond any cap: MemoryError
    del hog


@pytest.mark.parametrize(
    ("harm", "options", "reason"),
    [
        (_crash, (), "the worker crashed (exit code 70) while reading this file"),
        (
            _hang,
            ("--time-limit", "2"),
            "took over 2 s (a hostile or broken file?); raise --time-limit if you trust it",
        ),
        (_exhaust, ("--max-memory", "1500"), "over the memory limit of 1500 MB per worker"),
    ],
    ids=["crash", "hang", "memory"],
)
@pytest.mark.parametrize("evil", ["team/evil.txt", "a-evil.txt"], ids=["last", "first"])
def test_a_file_that_kills_its_worker_fails_alone(
    folder: Path,
    posting: Path,
    tiny_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    harm: Callable[[], None],
    options: tuple[str, ...],
    reason: str,
    evil: str,
) -> None:
    """First in the queue, the bad file shares its worker with the next one, which must pass.

    The workers are forked from this process, so they inherit the patched scan.
    """
    assess = Scanner.assess

    def harmful(self: Scanner, resume: Document, posting: PreparedPosting) -> GapReport:
        if EVIL in resume.text:
            harm()
        return assess(self, resume, posting)

    monkeypatch.setattr(Scanner, "assess", harmful)
    (folder / evil).write_text(f"Eve\nSkills\nGolang\n{EVIL}\n", encoding="utf-8")
    code, _, err = batch(folder, posting, tiny_path, "--workers", "1", *options)
    assert code == 3
    assert err == f"Warning: {evil}: failed: {reason}\n"
    assert statuses(folder) == {
        "ada.txt": ("ok", None),
        "team/bo.txt": ("ok", None),
        "team/cy.md": ("ok", None),
        evil: ("failed", reason),
    }


def test_resumable(folder: Path, posting: Path, tiny_path: Path) -> None:
    assert batch(folder, posting, tiny_path)[0] == 0
    report = folder.parent / "reports/resumes/ada.txt.json"
    first = report.read_text(encoding="utf-8")
    report.write_text(first.replace('"status":"assessed"', '"status":"assessed" '))  # marker
    (folder / "team/bo.txt").write_text("Bo\nSkills\nKubernetes, Golang\n", encoding="utf-8")
    code, out, _ = batch(folder, posting, tiny_path)
    assert code == 0
    reused = {f: r["reused"] for f, r in results(folder).items()}
    assert reused == {"ada.txt": True, "team/bo.txt": False, "team/cy.md": True}
    assert '"assessed" ' in report.read_text(encoding="utf-8")  # not rewritten
    assert "  1. 100.0  ada.txt\n" in out  # reused reports still rank
    assert batch(folder, posting, tiny_path, "--force")[0] == 0
    assert not any(r["reused"] for r in results(folder).values())
    assert report.read_text(encoding="utf-8") == first


def test_other_posting_redoes(folder: Path, posting: Path, tiny_path: Path) -> None:
    batch(folder, posting, tiny_path)
    posting.write_text(POSTING + "- C\n", encoding="utf-8")
    batch(folder, posting, tiny_path)
    assert not any(r["reused"] for r in results(folder).values())


def test_duplicates_analyzed_once(folder: Path, posting: Path, tiny_path: Path) -> None:
    shutil.copy(folder / "ada.txt", folder / "team" / "ada-copy.txt")
    os.link(folder / "team" / "bo.txt", folder / "zz-link.txt")
    code, out, _ = batch(folder, posting, tiny_path)
    assert code == 0
    found = results(folder)
    assert (found["team/ada-copy.txt"]["status"], found["team/ada-copy.txt"]["duplicate_of"]) == (
        "skipped", "ada.txt",
    )  # fmt: skip
    assert found["zz-link.txt"]["duplicate_of"] == "team/bo.txt"
    assert found["zz-link.txt"]["report"] == "resumes/team/bo.txt.json"
    assert out.startswith("5 files: 3 ok, 0 not assessed, 0 failed, 2 skipped (2 duplicates)\n")
    assert sorted(p.name for p in (folder.parent / "reports").rglob("[!.]*.json")) == [
        "ada.txt.json", "bo.txt.json", "cohort.json", "cy.md.json",
    ]  # fmt: skip


def test_special_entries_are_skipped(folder: Path, posting: Path, tiny_path: Path) -> None:
    os.mkfifo(folder / "pipe.txt")
    (folder / "folder.pdf").mkdir()
    (folder / "outside.txt").symlink_to(posting)
    (folder / "team" / "loop").symlink_to(folder)
    code, _, err = batch(folder, posting, tiny_path)
    assert code == 3
    skipped = {f: r for f, (s, r) in statuses(folder).items() if s == "skipped"}
    assert skipped == {
        "folder.pdf": "a directory named like a resume file",
        "outside.txt": "a symlink pointing outside the folder (not followed)",
        "pipe.txt": "a FIFO, not a regular file",
        "team/loop": "a symlink to a folder already walked (a loop?)",
    }
    assert "Warning: pipe.txt: skipped: a FIFO, not a regular file\n" in err


def test_output_inside_the_folder_is_not_walked(
    folder: Path, posting: Path, tiny_path: Path
) -> None:
    out = folder / "reports"
    args = ("batch", folder, posting, "-o", out, "--taxonomy", tiny_path)
    assert run(*args)[0] == 0
    code, stdout, _ = run(*args)
    assert (code, stdout.splitlines()[0]) == (
        0,
        "3 files: 3 ok, 0 not assessed, 0 failed, 0 skipped (0 duplicates)",
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("missing-folder", "{posting}"), "Error: missing-folder: no such folder\n"),
        (("{folder}", "nope.txt"), "Error: nope.txt: no such file\n"),
    ],
    ids=["no-folder", "no-posting"],
)
def test_run_cannot_start(
    folder: Path,
    posting: Path,
    tiny_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, str],
    message: str,
) -> None:
    monkeypatch.chdir(folder.parent)
    real = [a.format(folder=folder.name, posting=posting.name) for a in args]
    code, out, err = run("batch", *real, "--taxonomy", tiny_path)
    assert (code, out, err) == (2, "", message)
    assert not (folder.parent / "reports" / "results.jsonl").exists()


def test_bad_option_is_a_usage_error(folder: Path, posting: Path, tiny_path: Path) -> None:
    code, _, err = batch(folder, posting, tiny_path, "--workers", "0")
    assert code == 2
    assert "Invalid value for '--workers'" in err


def test_dask_scheduler(folder: Path, posting: Path, tiny_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=1, processes=False, protocol="tcp://", host="127.0.0.1", dashboard_address=None
    ) as cluster:
        code, out, err = batch(folder, posting, tiny_path, "--scheduler", cluster.scheduler_address)
    assert (code, err) == (0, "")
    assert "  1. 100.0  ada.txt\n" in out
    assert {f: s for f, (s, _) in statuses(folder).items()} == {
        "ada.txt": "ok", "team/bo.txt": "ok", "team/cy.md": "ok",
    }  # fmt: skip


def test_workers_are_recycled_and_every_file_still_reported(
    folder: Path, posting: Path, tiny_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker leaves after ``recycle_after`` files (flat memory); its successor goes on."""
    from gapscan.batch import pool as workers

    started: list[int] = []
    original = workers.LocalPool._start

    def counting(self: workers.LocalPool) -> object:
        started.append(1)
        return original(self)

    monkeypatch.setattr(workers.LocalPool, "_start", counting)
    code, _, _ = batch(folder, posting, tiny_path, "--workers", "1", "--recycle-after", "1")
    assert code == 0
    assert {f: r["status"] for f, r in results(folder).items()} == {
        "ada.txt": "ok", "team/bo.txt": "ok", "team/cy.md": "ok"
    }  # fmt: skip
    assert len(started) == 3  # one worker per file


def test_a_file_name_that_is_not_utf8(folder: Path, posting: Path, tiny_path: Path) -> None:
    """Listed and reported with the odd byte escaped; the run neither crashes nor skips it."""
    os.rename(folder / "ada.txt", os.path.join(os.fsencode(folder), b"caf\xe9.txt"))
    code, _, err = batch(folder, posting, tiny_path, "--workers", "1")
    assert (code, err) == (0, "")
    record = results(folder)["caf\\xe9.txt"]
    assert record["status"] == "ok"
    report = folder.parent / "reports" / str(record["report"])
    assert json.loads(report.read_text(encoding="utf-8"))["resume"]["source"].endswith(
        "resumes/caf\\xe9.txt"
    )


def test_a_run_removes_what_a_killed_worker_left_half_written(
    folder: Path, posting: Path, tiny_path: Path
) -> None:
    stale = folder.parent / "reports" / "resumes" / "team" / ".bo.txt.json.k3x9.tmp"
    stale.parent.mkdir(parents=True)
    stale.write_text('{"half": ', encoding="utf-8")
    assert batch(folder, posting, tiny_path)[0] == 0
    assert not stale.exists()
    assert (stale.parent / "bo.txt.json").is_file()


def test_killed_run_leaves_whole_reports_and_the_next_run_completes(
    tmp_path: Path, posting: Path, tiny_path: Path
) -> None:
    """kill -9 of gapscan mid-run: every report on disk parses, and a re-run finishes the job."""
    import signal
    import subprocess
    import sys
    import time

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(60):
        skills = "Golang, Kubernetes, machine learning" if i % 2 else "C, deep neural networks"
        (folder / f"r{i:02d}.txt").write_text(f"R{i}\nSkills\n{skills}\n", encoding="utf-8")
    out = tmp_path / "reports"
    args = ["batch", folder, posting, "-o", out, "--taxonomy", tiny_path, "--workers", "2"]
    command = [sys.executable, "-m", "gapscan", *map(str, args), "--quiet"]
    errors = tmp_path / "stderr.txt"
    with errors.open("w") as err:  # a file: orphaned workers may still hold it after the kill
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err)
    results = out / "results.jsonl"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if results.exists() and len(results.read_bytes().splitlines()) >= 5:
            break
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    time.sleep(2.5)  # orphaned workers notice within a second, finish what they hold, exit
    assert "Traceback" not in errors.read_text()  # they leave quietly
    reports = sorted((out / "resumes").glob("*.json"))
    assert reports  # some work was done before the kill
    for report in reports:
        assert json.loads(report.read_text(encoding="utf-8"))["status"] == "assessed"
    code, _, _ = run(*args, "--wait")  # for orphaned workers still holding the folder
    assert code == 0
    lines = [json.loads(line) for line in results.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 60 and {r["status"] for r in lines} == {"ok"}
    assert any(r["reused"] for r in lines)  # what the killed run wrote is kept
    assert not list((out / "resumes").glob(".*.tmp"))


def test_a_report_that_cannot_be_written_fails_its_file_only(
    folder: Path, posting: Path, tiny_path: Path
) -> None:
    blocker = folder.parent / "reports" / "resumes" / "ada.txt.json"
    blocker.mkdir(parents=True)  # a folder where the report should go
    code, _, err = batch(folder, posting, tiny_path, "--workers", "1")
    reason = "its report path is a directory, not a regular file a report can replace"
    assert (code, err) == (3, f"Warning: ada.txt: failed: {reason}\n")
    assert statuses(folder) == {
        "ada.txt": ("failed", reason),
        "team/bo.txt": ("ok", None),
        "team/cy.md": ("ok", None),
    }
    assert not list(blocker.parent.glob(".*.tmp"))


def test_control_characters_in_file_names_are_escaped(
    folder: Path, posting: Path, tiny_path: Path
) -> None:
    (folder / "a\nError: forged.txt").write_bytes(b"")
    (folder / "\x1b[2J.txt").write_text("Ed\nSkills\nGolang and Kubernetes\n", encoding="utf-8")
    code, out, err = batch(folder, posting, tiny_path)
    empty = "is empty (0 bytes); save the document again or give another file"
    assert (code, err) == (3, f"Warning: a\\x0aError: forged.txt: failed: {empty}\n")
    assert "  2.  80.0  \\x1b[2J.txt\n" in out
    assert "\x1b" not in out
    assert statuses(folder)["a\\x0aError: forged.txt"] == ("failed", empty)
    assert statuses(folder)["\\x1b[2J.txt"] == ("ok", None)
    csv = (folder.parent / "reports" / "summary.csv").read_text(encoding="utf-8")
    assert "\x1b" not in csv and "\nError" not in csv
    assert f",a\\x0aError: forged.txt,,failed,,,,,,,,,,{empty},{',' * 10}\n" in csv


def test_scheduler_without_dask_is_one_line_and_exit_2(
    folder: Path, posting: Path, tiny_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as if not installed
    code, out, err = batch(folder, posting, tiny_path, "--scheduler", "tcp://127.0.0.1:1")
    assert (code, out) == (2, "")
    assert err == "Error: --scheduler needs Dask: pip install 'gapscan[dask]'\n"
    assert not (folder.parent / "reports" / "results.jsonl").exists()  # nothing was started


@pytest.mark.parametrize(
    "name",
    ["=cmd|' -c calc'!A1.txt", "+SUM(1+1).txt", "-2+3.txt", "@SUM(A1).txt"],
    ids=["equals", "plus", "minus", "at"],
)
def test_summary_csv_holds_no_formula_cell(
    folder: Path, posting: Path, tiny_path: Path, name: str
) -> None:
    """A spreadsheet reads every cell as text: none starts with a formula character."""
    import csv

    (folder / name).write_text("Eve\nSkills\nGolang\n", encoding="utf-8")
    batch(folder, posting, tiny_path)
    with (folder.parent / "reports" / "summary.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert [r[1] for r in rows if r[1].endswith(name)] == ["'" + name]


def test_every_format_scan_reads_and_other_types_are_listed(
    folder: Path, posting: Path, tiny_path: Path
) -> None:
    """JSON Resume and HTML resumes are scanned; a .csv or an old .doc is skipped, and says why."""
    import json as json_module

    resume = {"basics": {"name": "Dee"}, "skills": [{"name": "Go", "keywords": ["Kubernetes"]}]}
    (folder / "dee.json").write_text(json_module.dumps(resume), encoding="utf-8")
    (folder / "eli.html").write_text(
        "<html><body><h2>Skills</h2><p>Golang, Kubernetes</p></body></html>", encoding="utf-8"
    )
    (folder / "notes.csv").write_text("name,score\n", encoding="utf-8")
    (folder / "old-cv.doc").write_bytes(b"\xd0\xcf\x11\xe0 an old Word file")
    code, out, err = batch(folder, posting, tiny_path)
    found = statuses(folder)
    assert found["dee.json"][0] == found["eli.html"][0] == "ok"
    reason = (
        "not a resume file type ({}); batch reads PDF, DOCX, text, Markdown, HTML and JSON "
        "Resume files"
    )
    assert found["notes.csv"] == ("skipped", reason.format(".csv"))
    assert found["old-cv.doc"] == ("skipped", reason.format(".doc"))
    assert code == 3
    assert f"Warning: notes.csv: skipped: {reason.format('.csv')}\n" in err
    assert out.startswith("7 files: 5 ok, 0 not assessed, 0 failed, 2 skipped (0 duplicates)\n")


def _links(index: str) -> list[str]:
    return [unescape(h) for h in re.findall(r'<a href="([^"]+)"', index)]


def test_each_report_has_its_page_and_the_index_links_them(
    folder: Path, posting: Path, tiny_path: Path
) -> None:
    """Hostile file names are escaped in index.html and its links still reach the pages."""
    from urllib.parse import unquote

    hostile = ["<script>alert(1)<script>.txt", "=cmd|'calc'!A1 #1?.txt"]
    for name in hostile:
        (folder / name).write_text("Eve\nSkills\nGolang\n" + name, encoding="utf-8")
    assert batch(folder, posting, tiny_path)[0] == 0
    reports = folder.parent / "reports"
    jsons = sorted(p.name for p in (reports / "resumes").rglob("*.json"))
    pages = sorted(p.name for p in (reports / "resumes").rglob("*.html"))
    assert pages == [j.removesuffix(".json") + ".html" for j in jsons] and len(pages) == 5
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert "<script>" not in index
    assert "&lt;script&gt;alert(1)&lt;script&gt;.txt" in index
    assert "=cmd|&#39;calc&#39;!A1 #1?.txt" in index
    links = _links(index)
    assert all((reports / unquote(link)).is_file() for link in links)
    assert len(links) == 5
    # candidates in summary.csv's order
    with (reports / "summary.csv").open(encoding="utf-8", newline="") as fh:
        ranked_files = [row["file"].removeprefix("'") for row in csv.DictReader(fh)]
    shown = re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a></th>', index)
    assert [unescape(s) for s in shown] == ranked_files


def test_no_html_writes_the_index_only(folder: Path, posting: Path, tiny_path: Path) -> None:
    assert batch(folder, posting, tiny_path)[0] == 0
    assert batch(folder, posting, tiny_path, "--no-html", "--force")[0] == 0  # no stale page
    reports = folder.parent / "reports"
    assert not list((reports / "resumes").rglob("*.html"))
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert _links(index) == [] and "ada.txt" in index


def test_a_reused_report_gets_its_missing_page(
    folder: Path, posting: Path, tiny_path: Path
) -> None:
    assert batch(folder, posting, tiny_path)[0] == 0
    page = folder.parent / "reports" / "resumes" / "ada.txt.html"
    first = page.read_text(encoding="utf-8")
    page.unlink()
    assert batch(folder, posting, tiny_path)[0] == 0
    assert results(folder)["ada.txt"]["reused"] is True
    assert page.read_text(encoding="utf-8") == first
