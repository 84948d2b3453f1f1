"""What a batch writes: safe report names, atomic files, and one outcome per resume.

Report names come from the input's relative path only (never from document content) and
always land inside the output folder. Every file is written to a temporary file, fsynced
and renamed, so an interrupted run leaves whole files or none; its mode follows the umask,
as a plain ``open()`` would give.
"""

from __future__ import annotations

import base64
import contextlib
import errno
import hashlib
import json
import os
import re
import secrets
import stat
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Literal, NamedTuple

from ..errors import OutputError, UsageProblem, display_path
from ..experience.requirements import CONSTRAINT_KINDS
from ..records import Importance, Status
from ..report.background import stated_text
from .identity import shown_file

REPORTS_DIR = "resumes"
RESULTS, SUMMARY, COHORT = "results.jsonl", "summary.csv", "cohort.json"
INDEX = ".gapscan-index.json"  # what is done, for a quick re-run (see ``index.py``)
INDEX_PAGE = "index.html"  # the batch on one page (see ``page.py``)
# The disk is full or read-only: no other report could be written either, so the run stops.
STOPS_THE_RUN = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS})
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
    candidate: str | None = None  # the name, or the stable id under --redact
    signature: bytes | None = None  # of the text, for near duplicates (near_duplicates.py)
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


def _folder_part(part: str) -> str:
    """A folder's name among the reports: never ending in ``.json``, as every report does.

    So a report (``a.pdf`` gives ``a.pdf.json``) never takes the place of the folder of
    another file's report (``a.pdf.json/cv.txt`` gives ``a.pdf.json_/cv.txt.json``).
    """
    clean = safe_part(part)
    return clean + "_" if clean.lower().endswith(".json") else clean


def report_names(rels: list[str]) -> dict[str, str]:
    """Each relative input path's report path, relative to the output folder, all distinct.

    No report's path is the folder of another (see :func:`_folder_part`), and two paths that
    differ only in case, or in characters made safe, get a digest of the input path.
    """
    names: dict[str, str] = {}
    taken: set[str] = set()
    for rel in sorted(rels):
        *folders, file = [p for p in rel.split("/") if p not in ("", ".", "..")]
        parts = [*map(_folder_part, folders), safe_part(file)]
        name = "/".join([REPORTS_DIR, *parts]) + ".json"
        if name.lower() in taken:
            digest = hashlib.sha256(rel.encode("utf-8", "surrogateescape")).hexdigest()[:10]
            name = name[: -len(".json")] + f"-{digest}.json"
        taken.add(name.lower())
        names[rel] = name
    return names


def page_name(report: str) -> str:
    """The HTML page written next to a report: ``resumes/a.pdf.json`` -> ``resumes/a.pdf.html``."""
    return report.removesuffix(".json") + ".html"


def inside(out: Path, name: str) -> Path:
    """``out / name``, refusing any result that would resolve outside ``out``."""
    target = (out / name).resolve()
    if not target.is_relative_to(out.resolve()):
        raise ValueError(f"{name}: report path escapes the output folder")
    return target


def refuse_links(out: Path) -> None:
    """Refuse to start when the output folder holds a symlink where the run writes.

    ``OUT/resumes -> ../elsewhere`` would send reports, and the removal of temporary files,
    outside the folder. The run neither writes through a link nor removes one it did not make.
    """
    reports = out / REPORTS_DIR
    paths = [reports, *(out / name for name in (RESULTS, SUMMARY, COHORT, INDEX, INDEX_PAGE))]
    if reports.is_dir() and not reports.is_symlink():
        for top, folders, files in os.walk(reports):  # links to folders are listed, not followed
            paths += (Path(top, name) for name in folders + files)
    link = min((p for p in paths if p.is_symlink()), default=None)
    if link is not None:
        raise UsageProblem(
            f"{display_path(link)}: is a symbolic link, and a batch never writes through one; "
            "remove it, or give another -o folder"
        )


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


def new_temporary(path: Path) -> tuple[int, str]:
    """Create ``.NAME.XXXXXXXX.tmp`` beside ``path``, open for writing, with the umask's mode.

    ``tempfile.mkstemp`` always gives 0600, so an output would be unreadable to anyone else
    whatever the umask. Here the kernel applies the umask (and a default ACL) to 0666 at
    creation, exactly as for a plain ``open()``.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    for _ in range(tempfile.TMP_MAX):
        tmp = str(path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no temporary file name is free", str(path.parent))


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
    fd, tmp = new_temporary(path)
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


def cannot_write(path: Path, exc: OSError) -> OutputError:
    """The error that stops a batch whose outputs cannot be written (a full disk)."""
    cause = exc.strerror or str(exc)
    return OutputError(
        path,
        f"cannot be written ({cause}); what was written is kept, and running the batch "
        "again finishes it",
    )


class ResultsStream:
    """``results.jsonl`` as the run goes, a line per outcome, flushed: a stopped run keeps it.

    A write that fails (a full disk) is an :class:`OutputError` from :func:`cannot_write`.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._stream: IO[str] = path.open("w", encoding="utf-8")
        except OSError as exc:
            raise cannot_write(path, exc) from None

    def write(self, outcome: Outcome) -> None:
        try:
            self._stream.write(json.dumps(jsonl_record(outcome), ensure_ascii=False) + "\n")
            self._stream.flush()
        except OSError as exc:
            raise cannot_write(self.path, exc) from None

    def __enter__(self) -> ResultsStream:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            self._stream.close()
        except OSError as exc:
            if kind is None:  # else the first error is the one to report
                raise cannot_write(self.path, exc) from None


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


def remove_report(target: Path) -> None:
    """Delete a report, and its HTML page, that no longer stand for their file (it failed,
    or is a duplicate now)."""
    with contextlib.suppress(OSError):
        target.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        target.with_name(page_name(target.name)).unlink(missing_ok=True)


def with_originals(outcomes: list[Outcome]) -> list[Outcome]:
    """Duplicates of a file that failed or was not assessed take its status and reason.

    A copy of a damaged resume is as damaged: listed as a fine duplicate, a candidate whose
    resume nobody could read would go unnoticed.
    """
    by_file = {o.rel: o for o in outcomes}
    shared = []
    for o in outcomes:
        original = by_file.get(o.duplicate_of) if o.duplicate_of is not None else None
        if original is not None and original.status in ("failed", "not_assessed"):
            reason = f"same content as {original.rel}: {original.reason}"
            o = replace(o, status=original.status, reason=reason, report=original.report)
        shared.append(o)
    return shared


def jsonl_record(o: Outcome, *, redact: bool = False) -> dict[str, Any]:
    """One line of ``results.jsonl`` (file names scrubbed of names under ``--redact``)."""
    original = o.duplicate_of
    return {
        "file": shown_file(o.rel, redact=redact),
        "candidate": o.candidate,
        "status": o.status,
        "reason": o.reason,
        "score": o.score,
        "report": o.report,
        "sha256": o.sha256,
        "duplicate_of": None if original is None else shown_file(original, redact=redact),
        "reused": o.reused,
        "signature": None if o.signature is None else base64.b64encode(o.signature).decode(),
    }


def from_jsonl_signature(value: str | None) -> bytes | None:
    """A ``signature`` of ``results.jsonl`` back to bytes."""
    return None if value is None else base64.b64decode(value, validate=True)
