"""A local process pool that survives its workers: one file at a time per worker.

Workers are forked from the parent after it has built the batch context, so the pipeline is
built once and every worker (including a replacement) starts at once with it. A worker is
replaced after ``recycle_after`` files, which keeps memory flat however long the batch. Each worker
holds exactly one file, so a file that crashes, hangs or exhausts its worker fails alone:
the worker is killed or reaped, the file is recorded with the reason, a new worker is forked.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess

from .batch_output import Outcome
from .batch_task import BatchSpec, Task, cap_memory, process_one

_POLL = 1.0  # seconds between a worker's checks that its parent is still alive


def _serve(spec: BatchSpec, conn: Connection, parent: int) -> None:
    """A worker's loop: receive a task, send its outcome, until told to stop or orphaned."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    cap_memory(spec.memory_mb)
    while os.getppid() == parent:
        if not conn.poll(_POLL):
            continue
        task = conn.recv()
        if task is None:
            return
        outcome = process_one(spec, task)
        conn.send(outcome)
        if outcome.reason and "memory limit" in outcome.reason:
            return  # after a MemoryError the heap may be fragmented: start afresh


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    task: Task | None = None
    deadline: float = 0.0
    served: int = 0


def _death(process: BaseProcess) -> str:
    code = process.exitcode
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"the worker crashed ({name}) while reading this file"
    return f"the worker crashed (exit code {code}) while reading this file"


class LocalPool:
    """Runs tasks on ``workers`` forked processes and yields outcomes as they finish."""

    def __init__(self, spec: BatchSpec, workers: int, time_limit: float) -> None:
        self.spec = spec
        self.size = max(1, workers)
        self.time_limit = time_limit
        self._ctx = multiprocessing.get_context("fork")
        self._workers: list[_Worker] = []

    def _start(self) -> _Worker:
        mine, theirs = self._ctx.Pipe()
        process = self._ctx.Process(
            target=_serve, args=(self.spec, theirs, os.getpid()), daemon=True
        )
        process.start()
        theirs.close()
        return _Worker(process, mine)

    def _retire(self, worker: _Worker, *, kill: bool) -> None:
        if kill and worker.process.is_alive():
            worker.process.kill()
        worker.process.join(timeout=5)
        worker.conn.close()
        self._workers.remove(worker)

    def run(self, tasks: Iterable[Task]) -> Iterator[Outcome]:
        """Yield one outcome per task, in the order they finish."""
        pending = deque(tasks)
        gc.freeze()  # the built pipeline stays out of the workers' GC: fewer copy-on-write faults
        try:
            while pending or any(w.task for w in self._workers):
                while pending and len(self._workers) < self.size:
                    self._workers.append(self._start())
                for worker in list(self._workers):
                    if worker.task is None and pending:
                        task = pending.popleft()
                        try:
                            worker.conn.send(task)
                        except OSError:  # died while idle: replace it, keep the task
                            pending.appendleft(task)
                            self._retire(worker, kill=True)
                            continue
                        worker.task = task
                        worker.deadline = time.monotonic() + self.time_limit
                yield from self._collect()
        finally:
            self.close()

    def _collect(self) -> Iterator[Outcome]:
        busy = [w for w in self._workers if w.task is not None]
        timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic()) if busy else 0.0
        handles = [w.conn for w in busy] + [w.process.sentinel for w in busy]
        ready = set(wait(handles, timeout=timeout))
        for worker in busy:
            task = worker.task
            assert task is not None
            if worker.conn in ready or worker.process.sentinel in ready:
                try:
                    outcome: Outcome = worker.conn.recv()
                except (EOFError, OSError):
                    self._retire(worker, kill=True)
                    yield Outcome(task.rel, "failed", _death(worker.process), task.sha256)
                    continue
                worker.task = None
                worker.served += 1
                yield outcome
                if not worker.process.is_alive() or worker.process.sentinel in ready:
                    self._retire(worker, kill=True)
                elif worker.served >= self.spec.recycle_after:
                    # spaCy's string store only grows: a fresh fork starts flat again
                    with contextlib.suppress(OSError):
                        worker.conn.send(None)
                    self._retire(worker, kill=False)
            elif time.monotonic() >= worker.deadline:
                self._retire(worker, kill=True)
                reason = f"took longer than the time limit of {self.time_limit:g} s"
                yield Outcome(task.rel, "failed", reason, task.sha256)

    def close(self) -> None:
        """Stop every worker (politely when idle, by force when busy)."""
        for worker in list(self._workers):
            if worker.task is None:
                with contextlib.suppress(OSError):
                    worker.conn.send(None)
            self._retire(worker, kill=worker.task is not None)
