"""The exceptions gapscan raises, each with a message written for the person at the terminal.

The command line maps every class to a documented exit code (``EXIT_CODES`` in ``gapscan.cli``).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

# C0 controls, DEL and C1 controls: a newline in a file name would forge a second line of
# output, an ESC would reach the terminal as an escape sequence
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")


def display_path(path: Path | str) -> str:
    """A file name safe to print on one line: bytes that are not UTF-8 and control
    characters become backslash escapes (``caf\\xe9.pdf``, ``a\\x0ab.txt``)."""
    text = os.fsencode(path).decode("utf-8", "backslashreplace")
    return _CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def over_time(seconds: float, option: str = "--timeout") -> str:
    """The one wording of a time limit that ran out, naming the option that raises it."""
    return f"took over {seconds:g} s (a hostile or broken file?); raise {option} if you trust it"


class GapscanError(Exception):
    """Base class: an expected failure with a message for the user."""


class FileProblem(GapscanError):
    """A file gapscan was given cannot be used: the message is the file and the cause."""

    def __init__(self, path: Path | str, cause: str) -> None:
        self.path = display_path(path)
        self.cause = cause
        super().__init__(f"{self.path}: {cause}")

    def __reduce__(self) -> tuple[type[FileProblem], tuple[str, str]]:
        """Pickle as (path, cause), so the error crosses from a worker to the batch's parent."""
        return type(self), (self.path, self.cause)


class InputError(FileProblem):
    """A document could not be read: missing, unreadable, unsupported, corrupt or too large."""


class OutputError(FileProblem):
    """A report cannot be written where it was asked: a directory, a socket, a full disk."""


class TimeLimitExceeded(GapscanError):
    """The time limit of a single scan (``--timeout``) ran out; raised by a timer signal."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        super().__init__(f"the scan {over_time(seconds)}")

    def __reduce__(self) -> tuple[type[TimeLimitExceeded], tuple[float]]:
        """Pickle as (seconds), so the error crosses from a scan's child process."""
        return type(self), (self.seconds,)


class TaxonomyError(GapscanError):
    """A taxonomy file is missing, is not valid TOML, or breaks the format's rules."""

    def __init__(self, source: str, problems: list[str] | str) -> None:
        self.source = source
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        first = self.problems[0] if self.problems else "invalid taxonomy"
        more = f" (and {len(self.problems) - 1} more problems)" if len(self.problems) > 1 else ""
        super().__init__(f"{source}: {first}{more}")

    def __reduce__(self) -> tuple[type[TaxonomyError], tuple[str, list[str]]]:
        """Pickle as (source, problems), so the error crosses from a scan's child process."""
        return type(self), (self.source, self.problems)


class ModelError(GapscanError):
    """A saved pipeline in a model folder is missing or does not match this gapscan."""


class UsageProblem(GapscanError):
    """The request itself makes no sense (unknown role, conflicting options)."""


class ScanCrashed(GapscanError):
    """The process a scan ran in died without an answer (a signal, out of memory); the
    message is the cause, and the command line adds the file."""


class ScanBug(GapscanError):
    """The scan raised an exception gapscan does not expect (a bug); the message names it, and
    the command line adds the file."""
