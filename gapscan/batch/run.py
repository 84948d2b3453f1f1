"""Batch scanning: every resume in a folder against one posting, with the outputs HR needs.

lock the output folder -> walk -> plan (hash, de-duplicate, reuse reports already written,
known from the index) -> workers (local pool or Dask) -> per-resume JSON as each finishes,
``results.jsonl`` streamed, then ``summary.csv``, ``cohort.json``, the index and the text
summary. A full disk stops the run with an :class:`OutputError`; what was written stays.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import UsageProblem, display_path
from ..limits import TIMEOUT
from ..report.serialize import dumps, taxonomy_info
from .index import INDEX, Fingerprint, Indexed, index_text, load_index, stamp
from .lock import locked
from .output import (
    COHORT,
    REPORTS_DIR,
    RESULTS,
    SUMMARY,
    GapLine,
    Outcome,
    ResultsStream,
    cannot_write,
    inside,
    jsonl_record,
    refuse_links,
    remove_report,
    report_names,
    summarize,
    with_originals,
    write_atomic,
)
from .summary import Cohort, cohort, cohort_dict, summary_csv, text_summary
from .task import BatchContext, BatchSpec, Task, prepare
from .walk import Found, walk


@dataclass(frozen=True)
class BatchOptions:
    workers: int = 1
    time_limit: float = TIMEOUT
    force: bool = False
    scheduler: str | None = None
    wait: bool = False  # for another run writing to the same output folder, instead of refusing


@dataclass(frozen=True)
class BatchResult:
    outcomes: tuple[Outcome, ...]
    cohort: Cohort
    summary: str

    @property
    def all_fine(self) -> bool:
        """True when no file needs a person's attention (failed, skipped or not assessed)."""
        return all(o.fine for o in self.outcomes)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def fingerprint(ctx: BatchContext) -> Fingerprint:
    """What a report must have been made for to be reused: posting, taxonomy, version.

    The index is kept for one fingerprint; :func:`_made_for` reads a report's.
    """
    return ctx.posting_sha256, ctx.scanner.taxonomy.sha256, __version__


def _made_for(data: dict[str, Any]) -> Fingerprint:
    return data["posting"]["sha256"], data["taxonomy"]["sha256"], data["gapscan_version"]


def _reusable(target: Path, sha: str, ctx: BatchContext) -> dict[str, Any] | None:
    """The report already written for this very content, posting, taxonomy and version."""
    try:
        data: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
        same = data["resume"]["sha256"] == sha and _made_for(data) == fingerprint(ctx)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return data if same else None


def plan(found: list[Found], ctx: BatchContext, *, force: bool) -> tuple[list[Task], list[Outcome]]:
    """The tasks to run, and the outcomes known without running anything.

    A file that has become a duplicate of another loses the report it had of its own.
    """
    names = report_names([f.rel for f in found if f.skip is None])
    index = {} if force else load_index(ctx.out, fingerprint(ctx))
    tasks: list[Task] = []
    known: list[Outcome] = []
    by_inode: dict[tuple[int, int], str] = {}
    first_of: dict[str, str] = {}
    for f in found:
        shown = display_path(f.rel)  # what reports and listings say: always valid UTF-8
        if f.skip is not None:
            known.append(Outcome(shown, "skipped", f.skip))
            continue
        try:
            sha = by_inode.get(f.inode) or file_sha256(f.path)
        except OSError as exc:
            known.append(Outcome(shown, "failed", f"cannot be read ({exc.strerror})"))
            continue
        by_inode[f.inode] = sha
        if sha in first_of:
            original = first_of[sha]
            same = Outcome(
                shown, "skipped", None, sha, names[original], duplicate_of=display_path(original)
            )
            known.append(same)
            remove_report(inside(ctx.out, names[f.rel]))
            continue
        first_of[sha] = f.rel
        name = names[f.rel]
        done = None if force else _reused(shown, name, sha, ctx, index)
        if done is not None:
            known.append(done)
        else:
            tasks.append(Task(shown, str(f.path), sha, name))
    return tasks, known


def _reused(
    shown: str, name: str, sha: str, ctx: BatchContext, index: dict[str, Indexed]
) -> Outcome | None:
    """The outcome of the report already written for this content, from the index when the
    report is as the index recorded it, else read from the report; None to scan the file."""
    target = inside(ctx.out, name)
    entry = index.get(name)
    if entry is not None and entry.outcome.sha256 == sha and entry.stamp == stamp(target):
        return dataclasses.replace(entry.outcome, rel=shown)
    data = _reusable(target, sha, ctx)
    return None if data is None else summarize(shown, name, data, reused=True)


def _outcomes(spec: BatchSpec, tasks: list[Task], options: BatchOptions) -> Iterator[Outcome]:
    if options.scheduler:
        from .dask_runner import run_on_dask

        yield from run_on_dask(options.scheduler, spec, tasks)
    else:
        from .pool import LocalPool

        yield from LocalPool(spec, options.workers, options.time_limit).run(tasks)


def run_batch(
    folder: Path,
    spec: BatchSpec,
    options: BatchOptions,
    progress: Callable[[int, int], None] | None = None,
    waiting: Callable[[str], None] | None = None,
) -> BatchResult:
    """Scan every resume under ``folder``; raise a GapscanError when the run cannot start.

    With ``options.wait``, ``waiting`` hears who holds the output folder, if another run does.
    """
    if options.scheduler:
        from .dask_runner import require_dask

        require_dask()  # before anything is read or written
    if not folder.is_dir():
        reason = "is not a folder" if folder.exists() else "no such folder"
        raise UsageProblem(f"{display_path(folder)}: {reason}")
    out = Path(spec.out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageProblem(
            f"{display_path(out)}: cannot create the output folder ({exc.strerror})"
        ) from None
    with locked(out, wait=options.wait, waiting=waiting):
        return _locked_run(folder, out, spec, options, progress)


def _locked_run(
    folder: Path,
    out: Path,
    spec: BatchSpec,
    options: BatchOptions,
    progress: Callable[[int, int], None] | None,
) -> BatchResult:
    """The batch, once this run alone writes to ``out``."""
    refuse_links(out)
    spec, ctx = prepare(spec)  # reads the posting: an unreadable one stops the run here
    remove_temporaries(out / REPORTS_DIR)  # left by a run that was killed or interrupted
    tasks, known = plan(walk(folder, exclude=out), ctx, force=options.force)
    if tasks:  # the pipeline is needed: a broken --model stops the run before any output
        _ = ctx.posting
    outcomes: list[Outcome] = []
    total = len(tasks) + len(known)
    # Every outcome lists how the candidate meets each posting requirement; the lines repeat
    # from candidate to candidate, so one copy of each is kept: the run's memory grows by a
    # few hundred bytes per resume, not by ten kilobytes.
    lines: dict[GapLine, GapLine] = {}
    with ResultsStream(out / RESULTS) as stream:

        def record(outcome: Outcome) -> None:
            if outcome.gaps:
                gaps = tuple(lines.setdefault(g, g) for g in outcome.gaps)
                outcome = dataclasses.replace(outcome, gaps=gaps)
            outcomes.append(outcome)
            stream.write(outcome)
            if progress is not None:
                progress(len(outcomes), total)

        for outcome in known:
            record(outcome)
        for outcome in _outcomes(spec, tasks, options):
            record(outcome)
    remove_temporaries(out / REPORTS_DIR)  # left by workers killed during this run
    return finish(out, outcomes, ctx)


def remove_temporaries(folder: Path) -> None:
    """Delete what a killed worker left half-written (``.NAME.json.XXXX.tmp``).

    Reports are written to a temporary file and renamed, so a worker killed while writing
    leaves no partial report, only such a file; a run starts and ends by removing them.
    """
    if not folder.is_dir():
        return
    for path in folder.rglob(".*.tmp"):
        with contextlib.suppress(OSError):
            if path.is_file() and not path.is_symlink():
                path.unlink()


def finish(out: Path, outcomes: list[Outcome], ctx: BatchContext) -> BatchResult:
    """Write the sorted results, the ranking and the cohort view."""
    outcomes = with_originals(sorted(outcomes, key=lambda o: o.rel))
    lines = [json.dumps(jsonl_record(o), ensure_ascii=False) + "\n" for o in outcomes]
    _save(out / RESULTS, "".join(lines))
    _save(out / SUMMARY, summary_csv(outcomes))
    posting = {"source": ctx.posting_document.source, "sha256": ctx.posting_sha256}
    view = cohort(outcomes)
    data = cohort_dict(view, posting, taxonomy_info(ctx.scanner.taxonomy))
    _save(out / COHORT, dumps(data))
    _save(out / INDEX, index_text(out, outcomes, fingerprint(ctx)))
    return BatchResult(tuple(outcomes), view, text_summary(outcomes, view, display_path(out)))


def _save(path: Path, text: str) -> None:
    """One of the run's files, atomically; a full disk stops the run with the one-line error."""
    try:
        write_atomic(path, text)
    except OSError as exc:
        raise cannot_write(path, exc) from None
