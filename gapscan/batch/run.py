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
from ..report.html import render_report as render_page
from ..report.serialize import dumps, taxonomy_info
from .identity import candidate_id
from .index import INDEX, Fingerprint, Indexed, index_text, load_index, stamp
from .lock import locked
from .near_duplicates import near_duplicates
from .output import (
    COHORT,
    INDEX_PAGE,
    REPORTS_DIR,
    RESULTS,
    SUMMARY,
    GapLine,
    Outcome,
    ResultsStream,
    cannot_write,
    from_jsonl_signature,
    inside,
    jsonl_record,
    refuse_links,
    remove_report,
    report_names,
    summarize,
    with_originals,
    write_atomic,
)
from .page import index_html
from .summary import Cohort, cohort, cohort_dict, summary_csv, text_summary
from .task import BatchContext, BatchSpec, Task, page_path, prepare
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


def fingerprint(ctx: BatchContext, redact: bool) -> Fingerprint:
    """What a report must have been made for to be reused: posting, taxonomy, version,
    redacted or not (a run with --redact never reuses a report that names the candidate),
    and the as-of date that "Present" meant.

    The index is kept for one fingerprint; :func:`_made_for` reads a report's.
    """
    as_of = ctx.scanner.as_of.isoformat()
    return ctx.posting_sha256, ctx.scanner.taxonomy.sha256, __version__, redact, as_of


def _made_for(data: dict[str, Any]) -> Fingerprint:
    return (
        data["posting"]["sha256"],
        data["taxonomy"]["sha256"],
        data["gapscan_version"],
        data.get("redacted", False) is True,
        str((data.get("experience") or {}).get("as_of")),
    )


def _reusable(target: Path, sha: str, ctx: BatchContext, redact: bool) -> dict[str, Any] | None:
    """The report already written for this very content, posting, taxonomy, version and
    as-of date, redacted or not as this run asks."""
    try:
        data: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
        same = data["resume"]["sha256"] == sha and _made_for(data) == fingerprint(ctx, redact)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return data if same else None


@dataclass(frozen=True)
class Earlier:
    """What an earlier run's ``results.jsonl`` says of a resume beyond its report."""

    candidate: str | None
    signature: bytes | None


def earlier_results(path: Path) -> dict[str, Earlier]:
    """By content hash, the candidate and signature of the resumes an earlier run scanned."""
    found: dict[str, Earlier] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return found
    for line in lines:
        try:
            record = json.loads(line)
            if record["status"] in ("ok", "not_assessed") and "signature" in record:
                signature = from_jsonl_signature(record["signature"])
                found[record["sha256"]] = Earlier(record["candidate"], signature)
        except (ValueError, KeyError, TypeError):
            continue  # a line from an older version, or damaged: that resume is scanned again
    return found


def plan(
    found: list[Found],
    ctx: BatchContext,
    *,
    force: bool,
    pages: bool = False,
    redact: bool = False,
    earlier: dict[str, Earlier] | None = None,
) -> tuple[list[Task], list[Outcome]]:
    """The tasks to run, and the outcomes known without running anything.

    A file that has become a duplicate of another loses the report it had of its own.
    With ``pages``, a reused report whose HTML page is missing gets its page written here.
    Under ``redact`` a report is named by its candidate id, never by the file's path.
    """
    names = report_names([f.rel for f in found if f.skip is None])
    index = {} if force else load_index(ctx.out, fingerprint(ctx, redact))
    earlier = earlier or {}
    tasks: list[Task] = []
    known: list[Outcome] = []
    by_inode: dict[tuple[int, int], str] = {}
    first_of: dict[str, str] = {}
    report_of: dict[str, str] = {}
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
                shown, "skipped", None, sha, report_of[sha], duplicate_of=display_path(original)
            )
            known.append(same)
            remove_report(inside(ctx.out, names[f.rel]))
            continue
        first_of[sha] = f.rel
        name = f"{REPORTS_DIR}/{candidate_id(sha)}.json" if redact else names[f.rel]
        report_of[sha] = name
        done = None if force else _reused(shown, name, sha, ctx, index, redact, earlier.get(sha))
        if done is not None:
            if pages:
                _ensure_page(inside(ctx.out, name), ctx)
            known.append(done)
        else:
            tasks.append(Task(shown, str(f.path), sha, name))
    return tasks, known


def _reused(
    shown: str,
    name: str,
    sha: str,
    ctx: BatchContext,
    index: dict[str, Indexed],
    redact: bool,
    before: Earlier | None,
) -> Outcome | None:
    """The outcome of the report already written for this content, from the index when the
    report is as the index recorded it, else read from the report with what the earlier
    ``results.jsonl`` says of its candidate; None to scan the file."""
    target = inside(ctx.out, name)
    entry = index.get(name)
    if entry is not None and entry.outcome.sha256 == sha and entry.stamp == stamp(target):
        return dataclasses.replace(entry.outcome, rel=shown)
    if before is None:  # the candidate and signature are not on record: scan it again
        return None
    data = _reusable(target, sha, ctx, redact)
    if data is None:
        return None
    reused = summarize(shown, name, data, reused=True)
    return dataclasses.replace(reused, candidate=before.candidate, signature=before.signature)


def _ensure_page(report: Path, ctx: BatchContext) -> None:
    """Write the HTML page of a reused report, read back from disk, unless it is there."""
    page = page_path(report)
    if not page.exists():
        data = json.loads(report.read_text(encoding="utf-8"))
        _save(page, render_page(data, ctx.areas))


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
    earlier = earlier_results(out / RESULTS)
    found = walk(folder, exclude=out)
    tasks, known = plan(
        found, ctx, force=options.force, pages=spec.pages, redact=spec.redact, earlier=earlier
    )
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
            if spec.redact and outcome.sha256 and outcome.candidate is None:
                outcome = dataclasses.replace(outcome, candidate=candidate_id(outcome.sha256))
            outcomes.append(outcome)
            stream.write(outcome)
            if progress is not None:
                progress(len(outcomes), total)

        for outcome in known:
            record(outcome)
        for outcome in _outcomes(spec, tasks, options):
            record(outcome)
    remove_temporaries(out / REPORTS_DIR)  # left by workers killed during this run
    return finish(out, outcomes, ctx, pages=spec.pages, redact=spec.redact)


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


def with_originals_candidate(outcomes: list[Outcome]) -> list[Outcome]:
    """Each identical copy with the candidate of the file it copies."""
    by_rel = {o.rel: o for o in outcomes}
    return [
        dataclasses.replace(o, candidate=by_rel[o.duplicate_of].candidate)
        if o.duplicate_of in by_rel and o.candidate is None
        else o
        for o in outcomes
    ]


def finish(
    out: Path,
    outcomes: list[Outcome],
    ctx: BatchContext,
    *,
    pages: bool = True,
    redact: bool = False,
) -> BatchResult:
    """Write the sorted results, the ranking (with near duplicates), the cohort view, the
    index of what is done and the index page."""
    outcomes = with_originals_candidate(with_originals(sorted(outcomes, key=lambda o: o.rel)))
    lines = [json.dumps(jsonl_record(o, redact=redact), ensure_ascii=False) + "\n"
             for o in outcomes]  # fmt: skip
    _save(out / RESULTS, "".join(lines))
    near = near_duplicates(
        {o.rel: o.signature for o in outcomes if o.signature and o.duplicate_of is None}
    )
    _save(out / SUMMARY, summary_csv(outcomes, near, redact=redact))
    posting = {"source": ctx.posting_document.source, "sha256": ctx.posting_sha256}
    view = cohort(outcomes, near)
    data = cohort_dict(view, posting, taxonomy_info(ctx.scanner.taxonomy), redact=redact)
    _save(out / COHORT, dumps(data))
    _save(out / INDEX, index_text(out, outcomes, fingerprint(ctx, redact), redact=redact))
    _save(out / INDEX_PAGE, index_html(outcomes, data, pages=pages, near=near, redact=redact))
    summary = text_summary(outcomes, view, display_path(out), redact=redact)
    return BatchResult(tuple(outcomes), view, summary)


def _save(path: Path, text: str) -> None:
    """One of the run's files, atomically; a full disk stops the run with the one-line error."""
    try:
        write_atomic(path, text)
    except OSError as exc:
        raise cannot_write(path, exc) from None
