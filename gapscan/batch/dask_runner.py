"""Run a batch's tasks on an existing Dask distributed cluster (``pip install 'gapscan[dask]'``).

Each Dask worker process builds the batch context once, on its first task, and scans one
file at a time (spaCy and the extractor's caches are not made for threads). The resumes, the
posting and the output folder must be at the same paths on every worker (a shared disk).
A file that kills its worker comes back as ``KilledWorker`` and is recorded failed. Not
enforced here: the per-file time limit (Dask cannot stop a running task) and the memory
cap (the cluster's own ``--memory-limit`` for its workers applies).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

from ..errors import OutputError, UsageProblem
from .output import Outcome
from .task import BatchSpec, Task, process_one

_ONE_AT_A_TIME = threading.Lock()


def dask_task(spec: BatchSpec, task: Task) -> Outcome:
    """What runs on a Dask worker: the usual task, one at a time per process."""
    with _ONE_AT_A_TIME:
        return process_one(spec, task)


def require_dask() -> None:
    """Refuse ``--scheduler`` at once, with the fix, when Dask is not installed."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise UsageProblem("--scheduler needs Dask: pip install 'gapscan[dask]'") from None


def _client(address: str) -> Any:
    require_dask()
    from distributed import Client

    try:
        return Client(address, timeout=10)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as exc:
        raise UsageProblem(f"{address}: cannot reach the Dask scheduler ({exc})") from None


def run_on_dask(address: str, spec: BatchSpec, tasks: list[Task]) -> Iterator[Outcome]:
    """Yield one outcome per task as the cluster finishes them."""
    client = _client(address)
    from distributed import as_completed

    try:
        by_key: dict[str, Task] = {}
        futures = []
        for task in tasks:
            future = client.submit(dask_task, spec, task, pure=False, retries=0)
            by_key[future.key] = task
            futures.append(future)
        for future in as_completed(futures):  # type: ignore[no-untyped-call]
            task = by_key[future.key]
            if future.status == "finished":
                yield future.result()
            else:
                error = future.exception()
                if isinstance(error, OutputError):  # a full disk: the run stops
                    raise error
                name = type(error).__name__
                reason = (
                    "the worker crashed while reading this file"
                    if name == "KilledWorker"
                    else f"internal error ({name}); please report it"
                )
                yield Outcome(task.rel, "failed", reason, task.sha256)
            future.release()
    finally:
        client.close()
