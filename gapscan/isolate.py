"""A hard time limit for one scan: the work runs in a forked child that is killed when late.

``read.timelimit.time_limit`` is soft: Python runs a signal handler only between bytecodes,
so a long native call (a regex, spaCy's tokenizer on a 2 MB text) runs on past it. On Linux
``run_isolated`` therefore forks: the child keeps the soft limit, so the usual time-out is
still the clean :class:`TimeLimitExceeded`, and sends back pickled what the work returned or
the error it raised; the parent reads the pipe to the end while it waits (a 2 MB document's
text fills a pipe many times over) and kills the child ``GRACE`` seconds after the limit.
The child dies with its parent (PR_SET_PDEATHSIG), and a PDF reader it starts dies with it.
Nothing is printed by the child: the caller writes the output once the answer is back.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import signal
import sys
import time
from collections.abc import Callable
from typing import NoReturn, TypeVar, cast

from .errors import GapscanError, ScanBug, ScanCrashed, TimeLimitExceeded
from .read.pdfium import die_with_parent
from .read.timelimit import time_limit

T = TypeVar("T")

# How long past its own limit a child may take to raise it and answer, before it is killed;
# either way the user reads the same time-out.
GRACE = 2.0
OUT_OF_MEMORY = "the scan ran out of memory; a hostile or broken file?"
_CHUNK = 1 << 20


def can_isolate() -> bool:
    """Fork only on Linux: the death signal is Linux's, and on macOS a process that has
    loaded Apple's frameworks may crash in a forked child (why multiprocessing spawns there).
    """
    return sys.platform.startswith("linux") and hasattr(os, "fork")


def run_isolated(run: Callable[[], T], seconds: float, grace: float = GRACE) -> T:
    """``run()`` in a forked child, stopped after ``seconds`` (softly) or ``seconds + grace``.

    Raises what ``run()`` raised if it is a :class:`GapscanError`, :class:`TimeLimitExceeded`
    when the child is killed for its time, :class:`ScanCrashed` when it dies or runs out of
    memory, and :class:`ScanBug` for any other exception: never a traceback from the child.
    A KeyboardInterrupt in the child is raised here too (the command says "Interrupted").
    """
    parent = os.getpid()
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError as exc:  # no memory or no process slot left
        os.close(read_end)
        os.close(write_end)
        raise ScanCrashed(f"the scan could not start its process ({exc.strerror})") from None
    if pid == 0:  # the child
        os.close(read_end)
        _child(run, seconds, write_end, parent)
    os.close(write_end)
    status: int | None = None
    try:
        data = _read_until(read_end, time.monotonic() + seconds + grace)
        if data is None:
            raise TimeLimitExceeded(seconds)
        try:
            status = os.waitpid(pid, 0)[1]
        except ChildProcessError:  # SIGCHLD ignored (inherited): reaped already; data tells
            status = 0
    finally:
        os.close(read_end)
        if status is None:  # late, or interrupted (Ctrl-C): the child must not outlive this
            _kill(pid)
    return cast(T, _answer(data, status))


def _child(run: Callable[[], object], seconds: float, fd: int, parent: int) -> NoReturn:
    """Do the work, send the outcome, leave without running the parent's exit handlers."""
    code = 1
    try:
        die_with_parent()  # first of all: the parent may be killed while we start
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
        if os.getppid() == parent:  # else it died before the death signal was set
            _send(fd, _outcome(run, seconds))
            code = 0
    finally:
        os._exit(code)


def _outcome(run: Callable[[], object], seconds: float) -> tuple[bool, object]:
    """(True, the value) or (False, the error to raise in the parent)."""
    try:
        with time_limit(seconds):
            return True, run()
    except KeyboardInterrupt as exc:  # the parent says "Interrupted" and exits 130, as before
        return False, exc
    except BaseException as exc:  # all of it goes to the parent, as one line
        return False, as_error(exc)


def as_error(exc: BaseException) -> GapscanError:
    """The error the user sees for an exception in the child: a GapscanError as it is."""
    if isinstance(exc, GapscanError):
        return exc
    if isinstance(exc, MemoryError):
        return ScanCrashed(OUT_OF_MEMORY)
    text = " ".join(str(exc).split())[:300]  # one line, whatever the message holds
    named = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    return ScanBug(f"the scan failed ({named}); a bug in gapscan: please report it")


def _send(fd: int, outcome: tuple[bool, object]) -> None:
    """Write the pickled outcome; one that cannot be pickled becomes the error saying so."""
    try:
        data = pickle.dumps(outcome, pickle.HIGHEST_PROTOCOL)
    except Exception as exc:  # a bug: something in the result does not pickle
        data = pickle.dumps((False, as_error(exc)), pickle.HIGHEST_PROTOCOL)
    with os.fdopen(fd, "wb") as pipe:
        pipe.write(data)


def _read_until(fd: int, deadline: float) -> bytes | None:
    """All the child writes, up to its end of the pipe closing; None past ``deadline``."""
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    chunks: list[bytes] = []
    while (left := deadline - time.monotonic()) > 0:
        if poller.poll(left * 1000):
            chunk = os.read(fd, _CHUNK)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
    return None


def _answer(data: bytes, status: int) -> object:
    """The value the child sent, or the error it sent or died of, raised (a child that did
    not exit 0 may have been cut off mid-answer)."""
    if os.waitstatus_to_exitcode(status) != 0 or not data:
        raise ScanCrashed(death(status))
    try:
        ok, value = pickle.loads(data)
    except Exception as exc:  # an error class that does not unpickle: a bug
        raise as_error(exc) from None
    if not ok:
        raise cast(BaseException, value)  # a GapscanError, or KeyboardInterrupt
    return value


def death(status: int) -> str:
    """Why a child that sent no whole answer ended, from its wait status."""
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        try:
            how = signal.Signals(number).name
        except ValueError:
            how = f"signal {number}"
    else:
        how = f"exit code {os.waitstatus_to_exitcode(status)}"
    return f"the scan crashed ({how}); out of memory, or a hostile or broken file?"


def _kill(pid: int) -> None:
    """SIGKILL the child and reap it."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)
