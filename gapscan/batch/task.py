"""One batch task: scan one resume against the batch's posting and write its JSON report.

The same function runs in a local worker process and on a Dask worker. The scanner and the
posting's requirements are built once per process (``context``) and reused for every file.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from ..errors import GapscanError, InputError, OutputError
from ..limits import DEFAULT_LIMITS, Limits, cap_address_space
from ..report.html import area_names
from ..report.html import render_report as render_page
from ..report.redact import personal_details, redact
from ..report.serialize import compact_bytes, report_dict
from ..scanner import PreparedPosting, Scanner
from ..taxonomy import load_taxonomy
from .identity import candidate
from .near_duplicates import resume_signature, text_signature
from .output import (
    STOPS_THE_RUN,
    Outcome,
    cannot_write,
    inside,
    page_name,
    remove_report,
    summarize,
    write_atomic,
)


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
    pages: bool = True  # write each report's HTML page next to its JSON
    fingerprint: str = ""  # posting and taxonomy hashes, set by ``prepare``
    redact: bool = False  # blind screening: reports and outputs without personal details
    as_of: str | None = None  # YYYY-MM-DD, what "Present" means; None: today


@dataclass(frozen=True)
class Task:
    """One resume to scan: its path, relative name, content hash and report name."""

    rel: str
    path: str
    sha256: str
    report: str


class BatchContext:
    """The batch's taxonomy, posting and scanner, once per process.

    The posting is read at once (an unreadable one stops the run before anything else), but
    the pipeline and the posting's requirements are built when the first file needs them: a
    finished batch that is checked again needs neither.
    """

    def __init__(self, spec: BatchSpec) -> None:
        taxonomy = load_taxonomy(Path(spec.taxonomy) if spec.taxonomy else None)
        model = Path(spec.model) if spec.model else None
        as_of = date.fromisoformat(spec.as_of) if spec.as_of else None
        self.scanner = Scanner(taxonomy, model=model, limits=spec.limits, as_of=as_of)
        self.posting_document = self.scanner.read_posting(spec.posting)
        self.areas = area_names(taxonomy)
        self.out = Path(spec.out)

    @functools.cached_property
    def posting(self) -> PreparedPosting:
        """The posting's requirements, with the pipeline built (and warmed) on first use."""
        self.scanner.extractor.warm()  # in the parent, once, not once per forked worker
        return self.scanner.prepared(self.posting_document)

    @property
    def posting_sha256(self) -> str:
        return self.posting_document.sha256


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
    page: bytes | None = None  # the report's HTML page, when the batch writes them
    exhausted: bool = False  # it ran out of memory: the worker's heap may be fragmented


def scan_one(spec: BatchSpec, task: Task) -> Scanned:
    """Scan one resume and encode its report; every expected failure becomes a failed outcome."""
    ctx = context(spec)
    target = inside(ctx.out, task.report)
    try:
        document = ctx.scanner.read(task.path, posting=False)
        report = ctx.scanner.assess(document, ctx.posting)
        data = report_dict(report, ctx.scanner.taxonomy)
        if spec.redact:
            details = personal_details(document.text, document.source)
            data = redact(data, details)
            signature = resume_signature(document.text, details)
        else:
            signature = text_signature(document.text)
        encoded = compact_bytes(data)
        page = render_page(data, ctx.areas).encode("utf-8") if spec.pages else None
        who = candidate(document.text, task.sha256, redact=spec.redact)
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
    outcome = replace(summarize(task.rel, task.report, data), candidate=who, signature=signature)
    return Scanned(task, target, outcome, encoded, page)


def write_report(scanned: Scanned) -> Outcome:
    """Write a scanned resume's report (atomically, fsynced) and give its final outcome.

    A full or read-only disk raises :class:`OutputError`: the whole run stops there.
    """
    if scanned.report is None:
        return scanned.outcome
    try:
        if scanned.page is not None:  # first: a report on disk always has its page
            write_atomic(page_path(scanned.target), scanned.page)
        else:  # --no-html: a page left by an earlier run would show an older report
            page_path(scanned.target).unlink(missing_ok=True)
        write_atomic(scanned.target, scanned.report)
    except OSError as exc:
        if exc.errno in STOPS_THE_RUN:  # a full disk: the next report would fail too
            raise cannot_write(scanned.target, exc) from None
        # a folder this run may not write to: this file fails, the run goes on
        reason = f"its report cannot be written ({exc.strerror or exc})"
        return _failed(scanned.task, scanned.target, reason)
    except OutputError as exc:  # a socket or a folder where the report goes
        return _failed(scanned.task, scanned.target, f"its report path {exc.cause}")
    return scanned.outcome


def page_path(report: Path) -> Path:
    """Where the HTML page of the report at ``report`` goes."""
    return report.with_name(page_name(report.name))


def process_one(spec: BatchSpec, task: Task) -> Outcome:
    """Scan one resume and write its report."""
    return write_report(scan_one(spec, task))


def _failed(task: Task, target: Path, reason: str) -> Outcome:
    remove_report(target)  # a report from an earlier version is stale now, and its page
    return Outcome(task.rel, "failed", reason, task.sha256)
