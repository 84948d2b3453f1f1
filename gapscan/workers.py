"""A local process pool that survives its workers: each file fails alone.

Workers are forked from the parent after it has built the batch context, so the pipeline is
built once and every worker (including a replacement) starts at once with it. A worker is
replaced after ``recycle_after`` files, which keeps memory flat however long the batch.

Each worker holds up to ``DEPTH`` files: the one it is scanning and the next, already sent,
so it never waits for the parent between files. Files are scanned in the order sent, so the
parent always knows which one is being scanned. When a file crashes, hangs or exhausts its
worker, that file is recorded with the reason, the worker is killed or reaped, and the files
queued behind it go back to the queue untouched for a new worker.
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
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess

from .batch_output import Outcome
from .batch_task import BatchSpec, Task, cap_memory, process_one

_POLL = 1.0  # seconds between a worker's checks that its parent is still alive
DEPTH = 2  # files sent to a worker at once: the one being scanned and the next
_LEAVING = "leaving"  # a worker's last message when it quits on its own


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
            # after a MemoryError the heap may be fragmented: start afresh, and say so,
            # so the file queued behind this one goes to another worker unblamed
            conn.send(_LEAVING)
            return


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    tasks: deque[Task] = field(default_factory=deque)  # sent, unanswered; the first is scanning
    deadline: float = 0.0  # for the first task
    sent: int = 0


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
            while pending or any(w.tasks for w in self._workers):
                while pending and len(self._workers) < self.size:
                    self._workers.append(self._start())
                for worker in list(self._workers):
                    self._feed(worker, pending)
                yield from self._collect(pending)
        finally:
            self.close()

    def _feed(self, worker: _Worker, pending: deque[Task]) -> None:
        """Top the worker up to DEPTH files (fewer when it is due to be recycled)."""
        while pending and len(worker.tasks) < DEPTH and worker.sent < self.spec.recycle_after:
            task = pending.popleft()
            try:
                worker.conn.send(task)
            except OSError:  # it died: _collect records why; this file was never sent
                pending.appendleft(task)
                if not worker.tasks:
                    self._retire(worker, kill=True)
                return
            worker.sent += 1
            worker.tasks.append(task)
            if len(worker.tasks) == 1:
                worker.deadline = time.monotonic() + self.time_limit

    @staticmethod
    def _requeue(worker: _Worker, pending: deque[Task]) -> None:
        pending.extendleft(reversed(worker.tasks))
        worker.tasks.clear()

    def _collect(self, pending: deque[Task]) -> Iterator[Outcome]:
        busy = [w for w in self._workers if w.tasks]
        timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic()) if busy else 0.0
        handles = [w.conn for w in busy] + [w.process.sentinel for w in busy]
        ready = set(wait(handles, timeout=timeout))
        for worker in busy:
            if worker.conn in ready or worker.process.sentinel in ready:
                yield from self._receive(worker, pending)
            elif time.monotonic() >= worker.deadline:
                task = worker.tasks.popleft()
                self._requeue(worker, pending)
                self._retire(worker, kill=True)
                reason = f"took longer than the time limit of {self.time_limit:g} s"
                yield Outcome(task.rel, "failed", reason, task.sha256)

    def _receive(self, worker: _Worker, pending: deque[Task]) -> Iterator[Outcome]:
        """Every outcome the worker has sent; then retire it if it died, left or is done."""
        leaving = False
        while worker.tasks and not leaving:
            try:
                if not worker.conn.poll():
                    break
                message = worker.conn.recv()
            except (EOFError, OSError):  # its pipe closed: it died
                break
            if message == _LEAVING:
                leaving = True
                continue
            worker.tasks.popleft()
            worker.deadline = time.monotonic() + self.time_limit
            yield message
        if leaving:
            self._requeue(worker, pending)
            self._retire(worker, kill=False)
        elif worker.tasks and not worker.process.is_alive():  # died scanning its first file
            task = worker.tasks.popleft()
            self._requeue(worker, pending)
            self._retire(worker, kill=True)
            yield Outcome(task.rel, "failed", _death(worker.process), task.sha256)
        elif not worker.tasks and (
            not worker.process.is_alive() or worker.sent >= self.spec.recycle_after
        ):
            # spaCy's string store only grows: a fresh fork starts flat again
            with contextlib.suppress(OSError):
                worker.conn.send(None)
            self._retire(worker, kill=False)

    def close(self) -> None:
        """Stop every worker (politely when idle, by force when busy)."""
        for worker in list(self._workers):
            if not worker.tasks:
                with contextlib.suppress(OSError):
                    worker.conn.send(None)
            self._retire(worker, kill=bool(worker.tasks))
