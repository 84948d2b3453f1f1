"""gapscan.errors: file names safe to print, and each error's one-line message."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gapscan.errors import (
    FileProblem,
    GapscanError,
    InputError,
    ModelError,
    OutputError,
    ScanBug,
    ScanCrashed,
    TaxonomyError,
    TimeLimitExceeded,
    UsageProblem,
    display_path,
)

WORDS = "(a hostile or broken file?); raise --timeout if you trust it"


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ("resume.pdf", "resume.pdf"),
        ("dir/café.txt", "dir/café.txt"),
        (os.fsdecode(b"caf\xe9.pdf"), "caf\\xe9.pdf"),
        (Path(os.fsdecode(b"a/\xff\xfe.txt")), "a/\\xff\\xfe.txt"),
    ],
    ids=["ascii", "utf8-kept", "latin1-byte-escaped", "path-object"],
)
def test_display_path_escapes_only_what_is_not_utf8(path: str | Path, shown: str) -> None:
    assert display_path(path) == shown


def test_input_error_names_the_file_and_the_cause() -> None:
    error = InputError(Path(os.fsdecode(b"r\xe9sum\xe9.txt")), "no such file")
    assert (error.path, error.cause) == ("r\\xe9sum\\xe9.txt", "no such file")
    assert str(error) == "r\\xe9sum\\xe9.txt: no such file"


def test_a_file_problem_survives_pickling() -> None:
    """A batch worker sends a full disk's OutputError to its parent through a pipe."""
    import pickle

    error = OutputError(Path("out/r\xe9.json"), "cannot be written (No space left on device)")
    back = pickle.loads(pickle.dumps(error))
    assert (type(back), str(back), back.path, back.cause) == (
        OutputError, str(error), error.path, error.cause,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("seconds", "message"),
    [
        (60.0, f"the scan took over 60 s {WORDS}"),
        (2.5, f"the scan took over 2.5 s {WORDS}"),
    ],
    ids=["whole", "fraction"],
)
def test_time_limit_message(seconds: float, message: str) -> None:
    error = TimeLimitExceeded(seconds)
    assert (error.seconds, str(error)) == (seconds, message)


@pytest.mark.parametrize(
    ("problems", "listed", "message"),
    [
        ("no such file", ["no such file"], "t.toml: no such file"),
        (["first", "second", "third"], ["first", "second", "third"],
         "t.toml: first (and 2 more problems)"),
        (["only"], ["only"], "t.toml: only"),
        ([], [], "t.toml: invalid taxonomy"),
    ],
    ids=["string", "three", "one", "none"],
)  # fmt: skip
def test_taxonomy_error_message(problems: list[str] | str, listed: list[str], message: str) -> None:
    error = TaxonomyError("t.toml", problems)
    assert (error.source, error.problems, str(error)) == ("t.toml", listed, message)


@pytest.mark.parametrize(
    "cls", [InputError, TimeLimitExceeded, TaxonomyError, ModelError, UsageProblem],
    ids=lambda c: c.__name__,
)  # fmt: skip
def test_every_error_is_a_gapscan_error(cls: type[Exception]) -> None:
    assert issubclass(cls, GapscanError)


# One of each error class, as a scan's child process may raise it.
EXAMPLES: list[GapscanError] = [
    GapscanError("plain"),
    FileProblem("a.txt", "cause"),
    InputError(Path(os.fsdecode(b"r\xe9.txt")), "no such file"),
    OutputError("out.json", "cannot be written (No space left on device)"),
    TimeLimitExceeded(2.5),
    TaxonomyError("t.toml", ["first", "second"]),
    TaxonomyError("t.toml", "one"),
    ModelError("models/x: no pipeline saved here"),
    UsageProblem("no role 'x' in taxonomy tiny (roles: none)"),
    ScanCrashed("the scan crashed (SIGKILL); out of memory, or a hostile or broken file?"),
    ScanBug("the scan failed (ValueError: boom); a bug in gapscan: please report it"),
]


def _all_subclasses(cls: type[GapscanError]) -> set[type[GapscanError]]:
    found = {cls}
    for sub in cls.__subclasses__():
        found |= _all_subclasses(sub)
    return found


def test_every_error_class_has_a_pickling_example() -> None:
    """A new error class must join EXAMPLES, so that the test below checks it pickles."""
    assert {type(e) for e in EXAMPLES} == _all_subclasses(GapscanError)


@pytest.mark.parametrize("error", EXAMPLES, ids=lambda e: f"{type(e).__name__}-{e}"[:40])
def test_every_error_survives_pickling(error: GapscanError) -> None:
    """A scan's child process sends the error it raised to the command line (an __init__ with
    its own arguments would otherwise be called with the message when unpickled)."""
    import pickle

    back = pickle.loads(pickle.dumps(error, pickle.HIGHEST_PROTOCOL))
    assert (type(back), str(back), vars(back)) == (type(error), str(error), vars(error))
