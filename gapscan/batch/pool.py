"""A local process pool that survives its workers: each file fails alone.

Workers are forked from the parent after it has built the batch context, so the pipeline is
built once and every worker (including a replacement) starts at once with it. A worker is
replaced after ``recycle_after`` files, which keeps memory flat however long the batch.

Each worker holds up to ``DEPTH`` files, so it never waits for the parent between files.
Its main thread scans them in the order sent and says when it starts each one; a writer
thread writes each report (fsync included) and then sends its outcome, so the next file is
scanned while the last one's report reaches the disk. The parent therefore always knows
which file is being scanned. When a file crashes, hangs or exhausts its worker, that file is
recorded with the reason, the worker is killed or reaped, and the other files it held go
back to the queue for a new worker.

Why not pebble: its ProcessPool restarts a worker after a crash or a time-out and recycles
workers after N tasks, but it gives a worker one task at a time and learns only at the end
which task was running. Here a worker holds two files and writes one report while it scans
the next, and the parent blames the file the worker said it had started, never the one
queued behind it; that needs the worker's "started" message, which pebble has no place for.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import queue
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess

from ..errors import OutputError, over_time
from .output import Outcome
from .task import BatchSpec, Scanned, Task, cap_memory, context, scan_one, write_report

_POLL = 1.0  # seconds between a worker's checks that its parent is still alive
DEPTH = 2  # files sent to a worker at once: the one being scanned and the next
_LEAVING = "leaving"  # a worker's last message when it quits on its own
_STARTED = "started"  # a worker starts scanning the next file it holds
# A file's time limit runs from the worker's word that it has started the file; until then
# (a fresh fork starting up, a report being handed over) the worker has this much more time.
_STARTUP = 10.0


def _serve(spec: BatchSpec, conn: Connection, parent: int) -> None:
    """A worker: scan tasks in order, hand each report to the writer, until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    cap_memory(spec.memory_mb)
    lock = threading.Lock()

    def send(message: object) -> None:
        with lock:
            conn.send(message)

    scanned: queue.SimpleQueue[Scanned | None] = queue.SimpleQueue()
    writer = threading.Thread(target=_write_reports, args=(scanned, send), daemon=True)
    writer.start()
    leaving = False
    try:
        while os.getppid() == parent:  # an orphan stops (after writing what it has scanned)
            if not conn.poll(_POLL):
                continue
            task = conn.recv()
            if task is None:
                break
            send(_STARTED)
            done = scan_one(spec, task)
            scanned.put(done)
            if done.exhausted:
                leaving = True  # after a MemoryError the heap may be fragmented: start afresh
                break
    except (EOFError, OSError):
        pass  # the parent is gone (its end of the pipe closed): stop, quietly
    finally:
        scanned.put(None)
        writer.join()
    if leaving:
        with contextlib.suppress(OSError):
            send(_LEAVING)  # so the file queued behind goes to another worker, unblamed


def _write_reports(
    scanned: queue.SimpleQueue[Scanned | None], send: Callable[[object], None]
) -> None:
    """The writer thread: write each report, then send its outcome, in scanning order.

    A report that cannot be written for want of space sends the :class:`OutputError` instead.

    When the parent is gone, the reports already scanned are still written: the next run
    finds and reuses them.
    """
    parent_gone = False
    while (done := scanned.get()) is not None:
        outcome: Outcome | OutputError
        try:
            outcome = write_report(done)
        except OutputError as exc:  # a full disk: the parent stops the run with this error
            outcome = exc
        except Exception as exc:  # a bug: this file fails, the others go on
            reason = f"internal error ({type(exc).__name__}); please report it"
            outcome = Outcome(done.task.rel, "failed", reason, done.task.sha256)
        if not parent_gone:
            try:
                send(outcome)
            except OSError:  # nobody to tell any more
                parent_gone = True


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    tasks: deque[Task] = field(default_factory=deque)  # sent and not answered, in order
    started: int = 0  # how many of them it has started: the last of those is being scanned
    deadline: float = 0.0  # for the file being scanned
    sent: int = 0

    def culprit(self) -> Task:
        """The file to blame when the worker dies (the one it was scanning), taken out."""
        index = self.started - 1 if self.started else 0
        task = self.tasks[index]
        del self.tasks[index]
        self.started = 0
        return task


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
        if pending:
            _ = context(self.spec).posting  # built here, so every fork starts with it built
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
                worker.deadline = time.monotonic() + self.time_limit + _STARTUP

    @staticmethod
    def _requeue(worker: _Worker, pending: deque[Task]) -> None:
        pending.extendleft(reversed(worker.tasks))
        worker.tasks.clear()
        worker.started = 0

    def _collect(self, pending: deque[Task]) -> Iterator[Outcome]:
        busy = [w for w in self._workers if w.tasks]
        timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic()) if busy else 0.0
        handles = [w.conn for w in busy] + [w.process.sentinel for w in busy]
        ready = set(wait(handles, timeout=timeout))
        for worker in busy:
            if worker.conn in ready or worker.process.sentinel in ready:
                yield from self._receive(worker, pending)
            elif time.monotonic() >= worker.deadline:
                task = worker.culprit()
                self._requeue(worker, pending)
                self._retire(worker, kill=True)
                reason = over_time(self.time_limit, "--time-limit")
                yield Outcome(task.rel, "failed", reason, task.sha256)

    def _receive(self, worker: _Worker, pending: deque[Task]) -> Iterator[Outcome]:
        """Every message the worker has sent; then retire it if it died, left or is done."""
        leaving = False
        while not leaving:
            try:
                if not worker.conn.poll():
                    break
                message = worker.conn.recv()
            except (EOFError, OSError):  # its pipe closed: it died
                break
            if message == _LEAVING:
                leaving = True
            elif message == _STARTED:
                worker.started += 1
                worker.deadline = time.monotonic() + self.time_limit
            else:
                worker.tasks.popleft()
                worker.started -= 1
                if not worker.started:  # the next file, if any, is about to start
                    worker.deadline = time.monotonic() + self.time_limit + _STARTUP
                if isinstance(message, OutputError):
                    raise message
                yield message
        if leaving:
            self._requeue(worker, pending)
            self._retire(worker, kill=False)
        elif worker.tasks and not worker.process.is_alive():  # died scanning a file
            task = worker.culprit()
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
