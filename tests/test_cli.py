from __future__ import annotations

import json
import os
import socket
import stat
import sys
import threading
from pathlib import Path

import click
import pytest
from cli_run import run

from gapscan.cli import cli
from gapscan.report.serialize import SCHEMA_VERSION

GOLDEN = Path(__file__).resolve().parent / "golden"
SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SAMPLE_RESUME = SAMPLES / "resumes" / "alex-rivera.pdf"
SAMPLE_POSTING = SAMPLES / "postings" / "ai-architect.txt"


@pytest.fixture()
def posting(tmp_path: Path) -> Path:
    path = tmp_path / "posting.txt"
    path.write_text("Go Developer\nRequirements\n- Go or C\n- Kubernetes\nNice to have\n- ML\n")
    return path


@pytest.fixture()
def resume(tmp_path: Path) -> Path:
    path = tmp_path / "resume.txt"
    path.write_text("Sam\nSkills\nGolang, deep neural networks\n")
    return path


def test_scan_json_on_stdout(tiny_path: Path, resume: Path, posting: Path) -> None:
    code, out, err = run(resume, posting, "--format", "json", "--taxonomy", tiny_path)
    assert (code, err) == (0, "")
    report = json.loads(out)
    assert report["status"] == "assessed"
    assert [e["skills"][0]["id"] for e in report["matched"]] == ["c-language"]
    assert [e["skills"][0]["id"] for e in report["missing"]] == ["kubernetes"]
    assert [e["via"]["id"] for e in report["partial"]] == ["deep-neural-networks"]
    breakdown = report["score"]["breakdown"]
    # required: "Go or C" matched (2) + Kubernetes missing (0); preferred ML partial (0.5)
    assert (breakdown["points"], breakdown["max_points"]) == (2.5, 5.0)
    assert report["score"]["value"] == 50.0


def test_scan_text_report(tiny_path: Path, resume: Path, posting: Path) -> None:
    code, out, err = run(resume, posting, "--taxonomy", tiny_path)
    assert code == 0
    assert "Score 50 / 100" in out
    assert "\x1b[" not in out  # no color when not on a terminal
    assert all(len(line) <= 80 for line in out.splitlines())
    assert "  1. Kubernetes; 2. Machine learning\n" in out
    assert "why:" not in out and 'resume (skills): "' not in out  # short by default


def test_scan_text_report_verbose(tiny_path: Path, resume: Path, posting: Path) -> None:
    code, out, _ = run(resume, posting, "--taxonomy", tiny_path, "--verbose")
    assert code == 0
    assert "  1. Kubernetes (required, missing)\n" in out
    assert '    resume (skills): "Sam Skills Golang, deep neural networks"\n' in out


def test_scan_against_role(tiny_path: Path, resume: Path) -> None:
    code, out, _ = run(resume, "--taxonomy", tiny_path, "--format", "json")
    report = json.loads(out)
    assert (code, report["posting"]["label"]) == (0, "role:r (R)")
    assert [s["id"] for s in report["posting"]["skills"]] == ["kubernetes"]


def test_output_file(tiny_path: Path, resume: Path, posting: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    code, out, _ = run(resume, posting, "--taxonomy", tiny_path, "--format", "json", "-o", target)
    assert (code, out) == (0, "")
    assert json.loads(target.read_text())["schema_version"] == SCHEMA_VERSION


def test_output_file_follows_the_umask(
    tiny_path: Path, resume: Path, posting: Path, tmp_path: Path, umask: int
) -> None:
    target = tmp_path / "report.txt"
    assert run(resume, posting, "--taxonomy", tiny_path, "-o", target)[0] == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_json_is_byte_identical(tiny_path: Path, resume: Path, posting: Path) -> None:
    first = run(resume, posting, "--taxonomy", tiny_path, "--format", "json")[1]
    assert run(resume, posting, "--taxonomy", tiny_path, "--format", "json")[1] == first


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["missing.pdf", "{posting}"], 4, "Error: missing.pdf: no such file\n"),
        (["{resume}", "nope.txt"], 4, "Error: nope.txt: no such file\n"),
        (["{resume}", "--role", "cook"], 2, "Error: no role 'cook' in taxonomy tiny (roles: r)\n"),
        (
            ["{resume}", "{posting}", "--taxonomy", "absent.toml"],
            5,
            "Error: absent.toml: no such file\n",
        ),
        (
            ["{empty}", "{posting}"],
            4,
            "Error: {empty}: is empty (0 bytes); save the document again or give another file\n",
        ),
    ],
    ids=["missing-resume", "missing-posting", "unknown-role", "missing-taxonomy", "empty-resume"],
)
def test_errors(
    tiny_path: Path,
    resume: Path,
    posting: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    code: int,
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    names = {"resume": str(resume), "posting": str(posting), "empty": str(empty)}
    argv = [a.format(**names) for a in args]
    if "--taxonomy" not in argv:
        argv += ["--taxonomy", str(tiny_path)]
    got = run(*argv)
    assert (got[0], got[2]) == (code, message.format(**names))
    assert "Traceback" not in got[1] + got[2]


def test_unreadable_resume_is_not_assessed(tiny_path: Path, posting: Path, tmp_path: Path) -> None:
    blank = tmp_path / "blank.txt"
    blank.write_text("   \n\n")
    code, out, err = run(blank, posting, "--taxonomy", tiny_path, "--format", "json")
    assert code == 3
    assert json.loads(out)["status"] == "not_assessed"
    assert json.loads(out)["score"]["value"] is None
    assert err == (f"Warning: {blank}: not assessed: the resume has no readable text\n")


def test_extract_json(tiny_path: Path, posting: Path) -> None:
    code, out, _ = run("extract", posting, "--format", "json", "--taxonomy", tiny_path)
    data = json.loads(out)
    assert (code, data["kind"], data["source"]) == (0, "posting", str(posting))
    assert {s["id"]: s["importance"] for s in data["skills"]} == {
        "c-language": "required",
        "go-language": "required",
        "kubernetes": "required",
        "machine-learning": "preferred",
    }


def test_taxonomy_check(tiny_path: Path, tmp_path: Path) -> None:
    code, out, _ = run("taxonomy", "check", tiny_path)
    assert code == 0
    assert out == (
        f"{tiny_path}: ok: taxonomy tiny 0.1.0: 5 skills, 2 areas, 1 steps, 1 learning "
        "resources, 1 roles\n4 of 5 technical and soft skills have no resource that teaches "
        "them itself (reports label the area's resources as a fallback): c-language, "
        "deep-neural-networks, go-language, kubernetes\n"
    )
    bad = tmp_path / "bad.toml"
    bad.write_text(tiny_path.read_text().replace('aliases = ["golang"]', 'aliases = ["k8s"]'))
    code, out, err = run("taxonomy", "check", bad)
    assert code == 5
    assert err == (
        f"{bad}: 1 problem(s)\n"
        "  - alias 'k8s' (any case) is claimed by more than one skill:"
        " 'go-language', 'kubernetes'\n"
    )


def test_model_build_then_scan(
    tiny_path: Path, resume: Path, posting: Path, tmp_path: Path
) -> None:
    model = tmp_path / "model"
    assert run("model", "build", model, "--taxonomy", tiny_path)[0] == 0
    built = run(resume, posting, "--taxonomy", tiny_path, "--format", "json")[1]
    loaded = run(resume, posting, "--taxonomy", tiny_path, "--model", model, "--format", "json")
    assert loaded[:2] == (0, built)


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    out: list[tuple[str, click.Command]] = []
    for name, command in sorted(group.commands.items()):
        out.append((prefix + name, command))
        if isinstance(command, click.Group):
            out.extend(_commands(command, prefix + name + " "))
    return out


@pytest.mark.parametrize(("name", "command"), _commands(cli), ids=lambda x: str(x))
def test_every_command_has_help_with_example(name: str, command: click.Command) -> None:
    assert command.help and "Example" in command.help, name


def test_version() -> None:
    code, out, _ = run("--version")
    assert (code, out) == (0, "gapscan, version 0.1.0\n")


def test_unwritable_output(tiny_path: Path, resume: Path, posting: Path) -> None:
    code, out, err = run(resume, posting, "--taxonomy", tiny_path, "-o", "/proc/report.txt")
    assert (code, out) == (4, "")
    assert err == "Error: /proc/report.txt: cannot write the report (No such file or directory)\n"


@pytest.mark.parametrize(
    "args",
    [
        ["missing.pdf", "posting.txt"],
        ["resume.txt", "missing.txt"],
        ["extract", "missing.pdf"],
    ],
    ids=["missing-resume", "missing-posting", "extract-missing"],
)
def test_an_input_error_comes_before_spacy_loads(tmp_path: Path, args: list[str]) -> None:
    """A missing file is reported without building the pipeline (spaCy is never imported)."""
    import subprocess
    import sys

    (tmp_path / "resume.txt").write_text("Skills\nPython\n", encoding="utf-8")
    (tmp_path / "posting.txt").write_text("Engineer\nRequirements\n- Python\n", encoding="utf-8")
    code = (
        "import sys\nfrom gapscan.cli import cli\n"
        "try:\n    cli(sys.argv[1:], prog_name='gapscan')\n"
        "except SystemExit as exit:\n"
        "    print('spacy' in sys.modules, 'sklearn' in sys.modules, exit.code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=tmp_path, capture_output=True, text=True
    )
    missing = next(a for a in args if a.startswith("missing"))
    assert done.stderr == f"Error: {missing}: no such file\n"
    assert done.stdout == "False False 4\n"


def test_progress_bar_counts_files_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    from gapscan.cli import ProgressBar

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    bar = ProgressBar()
    for done in (1, 2, 3):
        bar(done, 3)
    shown = screen.getvalue()
    assert "1/3" in shown and "3/3" in shown and "100%" in shown
    assert shown.endswith("\n")
CONTROL_NAMES = [
    ("a\nError: forged.txt", "a\\x0aError: forged.txt"),
    ("\x1b[2J.txt", "\\x1b[2J.txt"),
]


@pytest.mark.parametrize(("name", "shown"), CONTROL_NAMES, ids=["newline", "escape"])
def test_control_characters_in_file_names_are_escaped(
    tiny_path: Path, posting: Path, tmp_path: Path, name: str, shown: str
) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    empty = "is empty (0 bytes); save the document again or give another file"
    assert run(path, posting, "--taxonomy", tiny_path) == (
        4,
        "",
        f"Error: {tmp_path}/{shown}: {empty}\n",
    )
    path.write_text("   1 2 3\n")
    code, _, err = run(path, posting, "--taxonomy", tiny_path)
    no_text = "not assessed: the resume has no readable text"
    assert (code, err) == (3, f"Warning: {tmp_path}/{shown}: {no_text}\n")


BLANK = "holds no text, only white space; give the file with the text in it"


def test_whitespace_only_posting_is_refused_by_name(
    tiny_path: Path, resume: Path, tmp_path: Path
) -> None:
    blank = tmp_path / "posting.txt"
    blank.write_text("  \n\t\n\n")
    assert run(resume, blank, "--taxonomy", tiny_path) == (4, "", f"Error: {blank}: {BLANK}\n")
    code, out, err = run("batch", tmp_path, blank, "-o", tmp_path / "out", "--taxonomy", tiny_path)
    assert (code, out, err) == (2, "", f"Error: {blank}: {BLANK}\n")


@pytest.mark.parametrize("kind", ["auto", "resume", "posting"])
def test_extract_refuses_a_whitespace_only_file(tiny_path: Path, tmp_path: Path, kind: str) -> None:
    blank = tmp_path / "resume.txt"
    blank.write_text(" \r\n \n")
    assert run("extract", blank, "--kind", kind, "--taxonomy", tiny_path) == (
        4,
        "",
        f"Error: {blank}: {BLANK}\n",
    )


def _report(
    tiny_path: Path, resume: Path, posting: Path, output: str | Path
) -> tuple[int, str, str]:
    return run(resume, posting, "--taxonomy", tiny_path, "--format", "json", "-o", output)


@pytest.mark.skipif(os.geteuid() != 0, reason="creating a device node needs root")
def test_output_to_a_character_device_streams_into_it(
    tiny_path: Path, resume: Path, posting: Path, tmp_path: Path
) -> None:
    null = tmp_path / "null"  # our own /dev/null: the real one is never touched
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    assert _report(tiny_path, resume, posting, null) == (0, "", "")
    assert stat.S_ISCHR(os.stat(null).st_mode)  # still the device, not a file renamed over it
    assert not list(tmp_path.glob(".null.*"))


def test_output_to_a_fifo_streams_into_it(
    tiny_path: Path, resume: Path, posting: Path, tmp_path: Path
) -> None:
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    try:
        assert _report(tiny_path, resume, posting, fifo) == (0, "", "")
    finally:
        reader.join(timeout=30)
    assert json.loads(received[0])["status"] == "assessed"
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_output_dash_is_standard_output(tiny_path: Path, resume: Path, posting: Path) -> None:
    code, out, err = _report(tiny_path, resume, posting, "-")
    assert (code, err) == (0, "")
    assert json.loads(out)["status"] == "assessed"


def test_output_refuses_a_directory_or_a_socket(
    tiny_path: Path, resume: Path, posting: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    refused = "not a regular file a report can replace"
    expected = (4, "", f"Error: {folder}: is a directory, {refused}\n")
    assert _report(tiny_path, resume, posting, folder) == expected
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(tmp_path / "s"))
        expected = (4, "", f"Error: {tmp_path / 's'}: is a socket, {refused}\n")
        assert _report(tiny_path, resume, posting, tmp_path / "s") == expected
    assert folder.is_dir() and not list(folder.iterdir())


def _interrupt(*_args: object, **_kwargs: object) -> None:
    raise KeyboardInterrupt


@pytest.mark.parametrize(
    ("target", "command"),
    [
        ("gapscan.scanner.Scanner.scan", ["{resume}", "{posting}"]),
        ("gapscan.scanner.Scanner.extract", ["extract", "{resume}"]),
        ("gapscan.batch.run.run_batch", ["batch", "{folder}", "{posting}", "-o", "{out}"]),
    ],
    ids=["scan", "extract", "batch"],
)
def test_ctrl_c_exits_130_with_one_line(
    tiny_path: Path,
    resume: Path,
    posting: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    target: str,
    command: list[str],
) -> None:
    monkeypatch.setattr(target, _interrupt)
    names = {"resume": resume, "posting": posting, "folder": tmp_path, "out": tmp_path / "out"}
    argv = [a.format(**names) for a in command]
    assert run(*argv, "--taxonomy", tiny_path) == (130, "", "Interrupted\n")


def test_a_bug_outside_the_scan_is_one_line_without_the_data(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """No traceback, ever: an exception gapscan does not expect, raised after the scan (in
    rendering, say), ends in one line with its type and place, exit 1, and not the message,
    which may hold resume text."""
    import gapscan.report.text as text_report
    from gapscan.cli import main

    def broken(*args: object, **kwargs: object) -> str:
        raise KeyError("Jane Doe, 12 Elm Street")

    monkeypatch.setattr(text_report, "render_report", broken)
    monkeypatch.setattr(sys, "argv", ["gapscan", str(SAMPLE_RESUME), str(SAMPLE_POSTING)])
    monkeypatch.delenv("GAPSCAN_TRACEBACK", raising=False)
    with pytest.raises(SystemExit) as stopped:
        main()
    err = capsys.readouterr().err
    assert stopped.value.code == 1
    assert err.startswith("Error: internal error (KeyError in gapscan/")
    assert err.count("\n") == 1 and "Traceback" not in err and "Jane Doe" not in err
