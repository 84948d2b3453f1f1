"""What a batch writes: safe report names, atomic files, and one outcome per resume.

Report names come from the input's relative path only (never from document content) and
always land inside the output folder. Every file is written to a temporary file, fsynced
and renamed, so an interrupted run leaves whole files or none.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, NamedTuple

from ..errors import OutputError
from ..experience.requirements import CONSTRAINT_KINDS
from ..records import Importance, Status
from ..report.background import stated_text

REPORTS_DIR = "resumes"
FileStatus = Literal["ok", "not_assessed", "failed", "skipped"]
_UNSAFE = re.compile(r"[^A-Za-z0-9._ +=,@()\[\]-]")
_MAX_PART = 120


class GapLine(NamedTuple):
    """How one candidate meets one posting requirement (for the cohort view).

    A named tuple rather than a frozen dataclass: forty of them come back from a worker with
    every outcome, and named tuples unpickle several times faster.
    """

    skills: tuple[str, ...]
    name: str
    importance: Importance
    status: Status


@dataclass(frozen=True)
class Outcome:
    """The result for one file, and why when it is not ``ok``."""

    rel: str
    status: FileStatus
    reason: str | None = None
    sha256: str | None = None
    report: str | None = None
    score: float | None = None
    counts: tuple[int, ...] = ()  # required matched/partial/missing, then preferred
    gaps: tuple[GapLine, ...] = ()
    duplicate_of: str | None = None
    reused: bool = False
    experience_months: int | None = None  # total, overlaps merged
    constraints: tuple[str, ...] = ()  # a cell per CONSTRAINT_KINDS: what the resume states

    @property
    def fine(self) -> bool:
        """True when nothing about this file needs a person's attention."""
        return self.status == "ok" or (self.status == "skipped" and self.duplicate_of is not None)


def safe_part(part: str) -> str:
    """One path component, stripped of anything a file system or a shell could trip on."""
    clean = _UNSAFE.sub("_", part).strip(" ")
    if clean.startswith("."):
        clean = "_" + clean[1:]
    if len(clean) > _MAX_PART:
        digest = hashlib.sha256(part.encode("utf-8", "surrogateescape")).hexdigest()[:10]
        clean = f"{clean[:_MAX_PART]}-{digest}"
    return clean or "_"


def report_names(rels: list[str]) -> dict[str, str]:
    """Each relative input path's report path, relative to the output folder, all distinct."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for rel in sorted(rels):
        parts = [safe_part(p) for p in rel.split("/") if p not in ("", ".", "..")]
        name = "/".join([REPORTS_DIR, *parts]) + ".json"
        if name.lower() in taken:
            digest = hashlib.sha256(rel.encode("utf-8", "surrogateescape")).hexdigest()[:10]
            name = name[: -len(".json")] + f"-{digest}.json"
        taken.add(name.lower())
        names[rel] = name
    return names


def inside(out: Path, name: str) -> Path:
    """``out / name``, refusing any result that would resolve outside ``out``."""
    target = (out / name).resolve()
    if not target.is_relative_to(out.resolve()):
        raise ValueError(f"{name}: report path escapes the output folder")
    return target


def _mode(path: Path) -> int | None:
    """The file type and mode bits of what ``path`` names now (links followed), or None."""
    try:
        return os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return None


_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISFIFO, "a FIFO"),
)


def _not_a_file(mode: int) -> str | None:
    """Why a report may not replace what is there, or None when it may (a regular file)."""
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    return f"is {kind}, not a regular file a report can replace"


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write via a temporary file in the same folder, fsync, then rename over ``path``.

    Only a regular file (or nothing) is replaced: renaming over a device or a FIFO would
    put a plain file in its place, so anything else is an :class:`OutputError`.
    """
    mode = _mode(path)
    refusal = None if mode is None else _not_a_file(mode)
    if refusal is not None:
        raise OutputError(path, refusal)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = _encoded(text)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_output(path: Path, text: str | bytes) -> None:
    """Write a report where the user asked (``-o``): a FIFO or a character device
    (``/dev/stdout``, ``/dev/null``) as a stream, anything else with :func:`write_atomic`.

    A failure is an :class:`OutputError` naming the path and the cause.
    """
    mode = _mode(path)
    try:
        if mode is not None and (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
            with open(path, "wb") as fh:
                fh.write(_encoded(text))
        else:
            write_atomic(path, text)
    except OSError as exc:
        raise OutputError(path, f"cannot write the report ({exc.strerror or exc})") from None


def _encoded(text: str | bytes) -> bytes:
    return text.encode("utf-8") if isinstance(text, str) else text


def summarize(rel: str, name: str, data: dict[str, Any], *, reused: bool = False) -> Outcome:
    """The outcome of one report dictionary (fresh from a worker or read back from disk)."""
    resume = data["resume"]["sha256"]
    if data["status"] != "assessed":
        return Outcome(rel, "not_assessed", data["status_reason"], resume, name, reused=reused)
    breakdown = data["score"]["breakdown"]
    counts = tuple(
        breakdown.get(level, {}).get(key, 0)
        for level in ("required", "preferred")
        for key in ("matched", "partial", "missing")
    )
    gaps = tuple(
        GapLine(
            tuple(s["id"] for s in gap["skills"]),
            " / ".join(s["name"] for s in gap["skills"]),
            gap["importance"],
            status,
        )
        for status in ("matched", "partial", "missing")
        for gap in data[status]
    )
    score = data["score"]["value"]
    months = data["experience"]["total_months"]
    cells = constraint_cells(data["constraints"])
    return Outcome(
        rel,
        "ok",
        None,
        resume,
        name,
        score,
        counts,
        gaps,
        reused=reused,
        experience_months=months,
        constraints=cells,
    )


def constraint_cells(constraints: list[dict[str, Any]]) -> tuple[str, ...]:
    """One cell per constraint kind, for a recruiter to filter on: what the resume states
    ("US (citizen)"), "not stated" when the posting asks and the resume is silent, empty when
    the posting states nothing of that kind."""
    cells: dict[str, list[str]] = {}
    for item in constraints:
        kind = item["kind"]
        said = cells.setdefault(kind, [])
        for statement in item["resume"] or []:
            shown = stated_text(statement["value"], statement["detail"], kind)
            if shown not in said:
                said.append(shown)
    return tuple(
        ("; ".join(cells[kind]) or "not stated") if kind in cells else ""
        for kind in CONSTRAINT_KINDS
    )


def jsonl_record(o: Outcome) -> dict[str, Any]:
    """One line of ``results.jsonl``."""
    return {
        "file": o.rel,
        "status": o.status,
        "reason": o.reason,
        "score": o.score,
        "report": o.report,
        "sha256": o.sha256,
        "duplicate_of": o.duplicate_of,
        "reused": o.reused,
    }
