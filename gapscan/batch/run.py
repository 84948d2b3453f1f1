"""Batch scanning: every resume in a folder against one posting, with the outputs HR needs.

walk -> plan (hash, de-duplicate, reuse reports already written) -> workers (local pool or
Dask) -> per-resume JSON as each finishes, ``results.jsonl`` streamed, then ``summary.csv``,
``cohort.json`` and the text summary.
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
from .output import (
    REPORTS_DIR,
    GapLine,
    Outcome,
    inside,
    jsonl_record,
    report_names,
    summarize,
    write_atomic,
)
from .summary import Cohort, cohort, cohort_dict, summary_csv, text_summary
from .task import BatchContext, BatchSpec, Task, prepare
from .walk import Found, walk

RESULTS, SUMMARY, COHORT = "results.jsonl", "summary.csv", "cohort.json"


@dataclass(frozen=True)
class BatchOptions:
    workers: int = 1
    time_limit: float = TIMEOUT
    force: bool = False
    scheduler: str | None = None


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


def _reusable(target: Path, sha: str, ctx: BatchContext) -> dict[str, Any] | None:
    """The report already written for this very content, posting, taxonomy, version and
    as-of date."""
    try:
        data: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
        same = (
            data["resume"]["sha256"] == sha
            and data["posting"]["sha256"] == ctx.posting_sha256
            and data["taxonomy"]["sha256"] == ctx.scanner.taxonomy.sha256
            and data["gapscan_version"] == __version__
            and data["experience"]["as_of"] == ctx.scanner.as_of.isoformat()
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return data if same else None


def plan(found: list[Found], ctx: BatchContext, *, force: bool) -> tuple[list[Task], list[Outcome]]:
    """The tasks to run, and the outcomes known without running anything."""
    names = report_names([f.rel for f in found if f.skip is None])
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
            continue
        first_of[sha] = f.rel
        name = names[f.rel]
        data = None if force else _reusable(inside(ctx.out, name), sha, ctx)
        if data is not None:
            known.append(summarize(shown, name, data, reused=True))
        else:
            tasks.append(Task(shown, str(f.path), sha, name))
    return tasks, known


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
) -> BatchResult:
    """Scan every resume under ``folder``; raise a GapscanError when the run cannot start."""
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
    spec, ctx = prepare(spec)  # reads the posting: an unreadable one stops the run here
    remove_temporaries(out / REPORTS_DIR)  # left by a run that was killed or interrupted
    tasks, known = plan(walk(folder, exclude=out), ctx, force=options.force)
    outcomes: list[Outcome] = []
    total = len(tasks) + len(known)
    # Every outcome lists how the candidate meets each posting requirement; the lines repeat
    # from candidate to candidate, so one copy of each is kept: the run's memory grows by a
    # few hundred bytes per resume, not by ten kilobytes.
    lines: dict[GapLine, GapLine] = {}
    with (out / RESULTS).open("w", encoding="utf-8") as stream:

        def record(outcome: Outcome) -> None:
            if outcome.gaps:
                gaps = tuple(lines.setdefault(g, g) for g in outcome.gaps)
                outcome = dataclasses.replace(outcome, gaps=gaps)
            outcomes.append(outcome)
            stream.write(json.dumps(jsonl_record(outcome), ensure_ascii=False) + "\n")
            stream.flush()
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
    outcomes = sorted(outcomes, key=lambda o: o.rel)
    lines = [json.dumps(jsonl_record(o), ensure_ascii=False) + "\n" for o in outcomes]
    write_atomic(out / RESULTS, "".join(lines))
    write_atomic(out / SUMMARY, summary_csv(outcomes))
    posting = {"source": ctx.posting.label, "sha256": ctx.posting_sha256}
    view = cohort(outcomes)
    data = cohort_dict(view, posting, taxonomy_info(ctx.scanner.taxonomy))
    write_atomic(out / COHORT, dumps(data))
    return BatchResult(tuple(outcomes), view, text_summary(outcomes, view, display_path(out)))
