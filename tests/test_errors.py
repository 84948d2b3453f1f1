"""gapscan.errors: file names safe to print, and each error's one-line message."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gapscan.errors import (
    GapscanError,
    InputError,
    ModelError,
    OutputError,
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
