"""One batch task: scan one resume against the batch's posting and write its JSON report.

The same function runs in a local worker process and on a Dask worker. The scanner and the
posting's requirements are built once per process (``context``) and reused for every file.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from ..errors import GapscanError, InputError, OutputError
from ..limits import DEFAULT_LIMITS, Limits, cap_address_space
from ..report.serialize import compact_bytes, report_dict
from ..scanner import PreparedPosting, Scanner
from ..taxonomy import load_taxonomy
from .output import Outcome, inside, summarize, write_atomic


@dataclass(frozen=True)
class BatchSpec:
    """What every worker needs to build its scanner: plain, picklable values."""

    posting: str
    out: str
    taxonomy: str | None = None
    model: str | None = None
    limits: Limits = DEFAULT_LIMITS
    memory_mb: int = 0  # 0: no cap
    recycle_after: int = 500  # files per worker before a fresh fork replaces it
    fingerprint: str = ""  # posting and taxonomy hashes, set by ``prepare``
    as_of: str | None = None  # YYYY-MM-DD, what "Present" means; None: today


@dataclass(frozen=True)
class Task:
    """One resume to scan: its path, relative name, content hash and report name."""

    rel: str
    path: str
    sha256: str
    report: str


class BatchContext:
    """A scanner with the batch's posting already prepared, built once per process."""

    def __init__(self, spec: BatchSpec) -> None:
        taxonomy = load_taxonomy(Path(spec.taxonomy) if spec.taxonomy else None)
        model = Path(spec.model) if spec.model else None
        as_of = date.fromisoformat(spec.as_of) if spec.as_of else None
        self.scanner = Scanner(taxonomy, model=model, limits=spec.limits, as_of=as_of)
        self.scanner.extractor.warm()  # once here, not once per forked worker
        self.posting: PreparedPosting = self.scanner.prepare(spec.posting)
        self.out = Path(spec.out)

    @property
    def posting_sha256(self) -> str:
        return self.posting.profile.document.sha256


_CONTEXTS: dict[BatchSpec, BatchContext] = {}


def context(spec: BatchSpec) -> BatchContext:
    """The process's context for ``spec``, built on first use (one batch at a time)."""
    if spec not in _CONTEXTS:
        _CONTEXTS.clear()
        _CONTEXTS[spec] = BatchContext(spec)
    return _CONTEXTS[spec]


def prepare(spec: BatchSpec) -> tuple[BatchSpec, BatchContext]:
    """Build the context afresh and key it by the posting's and taxonomy's content too.

    Long-lived workers (Dask) thus rebuild when the posting or taxonomy file changed, even
    at the same path.
    """
    ctx = BatchContext(spec)
    keyed = replace(spec, fingerprint=f"{ctx.posting_sha256}:{ctx.scanner.taxonomy.sha256}")
    _CONTEXTS.clear()
    _CONTEXTS[keyed] = ctx
    return keyed, ctx


def cap_memory(megabytes: int) -> None:
    """Limit this process's address space, so a runaway file raises MemoryError here.

    A lower limit already set (by the user, or the cluster) stays: a cap only lowers.
    """
    if megabytes > 0:
        cap_address_space(megabytes * 1024 * 1024)


@dataclass(frozen=True)
class Scanned:
    """A scanned resume: its report's bytes and where they go, or why it failed."""

    task: Task
    target: Path
    outcome: Outcome  # the outcome once the report is written, or the failure
    report: bytes | None = None  # None when the scan failed
    exhausted: bool = False  # it ran out of memory: the worker's heap may be fragmented


def scan_one(spec: BatchSpec, task: Task) -> Scanned:
    """Scan one resume and encode its report; every expected failure becomes a failed outcome."""
    ctx = context(spec)
    target = inside(ctx.out, task.report)
    try:
        report = ctx.scanner.assess(ctx.scanner.read(task.path, posting=False), ctx.posting)
        data = report_dict(report, ctx.scanner.taxonomy)
        encoded = compact_bytes(data)
    except InputError as exc:
        return Scanned(task, target, _failed(task, target, exc.cause))
    except GapscanError as exc:
        return Scanned(task, target, _failed(task, target, str(exc)))
    except MemoryError:
        reason = f"over the memory limit of {spec.memory_mb} MB per worker"
        return Scanned(task, target, _failed(task, target, reason), exhausted=True)
    except RecursionError:
        return Scanned(task, target, _failed(task, target, "too deeply nested to analyze"))
    except Exception as exc:  # a bug: record it for this file and go on with the others
        reason = f"internal error ({type(exc).__name__}); please report it"
        return Scanned(task, target, _failed(task, target, reason))
    return Scanned(task, target, summarize(task.rel, task.report, data), encoded)


def write_report(scanned: Scanned) -> Outcome:
    """Write a scanned resume's report (atomically, fsynced) and give its final outcome."""
    if scanned.report is None:
        return scanned.outcome
    try:
        write_atomic(scanned.target, scanned.report)
    except OSError as exc:  # a full disk, a read-only folder: this file fails, the run goes on
        reason = f"its report cannot be written ({exc.strerror or exc})"
        return _failed(scanned.task, scanned.target, reason)
    except OutputError as exc:  # a socket or a folder where the report goes
        return _failed(scanned.task, scanned.target, f"its report path {exc.cause}")
    return scanned.outcome


def process_one(spec: BatchSpec, task: Task) -> Outcome:
    """Scan one resume and write its report."""
    return write_report(scan_one(spec, task))


def _failed(task: Task, target: Path, reason: str) -> Outcome:
    with contextlib.suppress(OSError):  # a report from an earlier version is stale now
        target.unlink(missing_ok=True)
    return Outcome(task.rel, "failed", reason, task.sha256)
