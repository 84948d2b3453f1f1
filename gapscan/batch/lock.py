"""One batch at a time per output folder: an exclusive lock on ``OUT/.gapscan.lock``.

Two runs into one folder would delete each other's temporary files in flight and overwrite
each other's results. The lock is ``fcntl.flock`` on a file in the output folder, which the
kernel releases when the holder's last descriptor closes: a run killed with ``kill -9``
leaves no stale lock, only a file that still names it, and the next run takes the lock over
and writes its own name. Forked workers share the descriptor, so a killed run's orphaned
workers keep the folder locked until they have written the reports they hold.

Why not ``filelock``: it opens the lock file with ``O_TRUNC`` on every attempt, so a refused
run would erase the holder's pid, host and start time, which it is meant to print.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import socket
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import UsageProblem, display_path

LOCK_NAME = ".gapscan.lock"
_NAME_TRIES = 20  # times 50 ms


def _holder(fd: int) -> str:
    """Who holds the lock, from what it wrote in the lock file: ``pid 12 on host, started ...``.

    A run that has only just taken the lock is given a moment to write its name.
    """
    for _ in range(_NAME_TRIES):
        try:
            data = json.loads(os.pread(fd, 4096, 0).decode("utf-8"))
            pid, host, started = int(data["pid"]), str(data["host"]), float(data["started"])
            break
        except (OSError, ValueError, KeyError, TypeError):
            time.sleep(0.05)
    else:
        return "a run that has not said who it is"
    when = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(started))
    holder = f"pid {pid} on {display_path(host)}, started {when}"
    if host == socket.gethostname() and not _alive(pid):
        holder += "; it was killed, and its workers are finishing the files they held"
    return holder


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def _claim(fd: int) -> None:
    """Write this run's name into the lock file (the lock is held: nobody else writes it)."""
    me = {"pid": os.getpid(), "host": socket.gethostname(), "started": time.time()}
    os.ftruncate(fd, 0)
    os.pwrite(fd, json.dumps(me).encode("utf-8"), 0)


@contextlib.contextmanager
def locked(
    out: Path, *, wait: bool, waiting: Callable[[str], None] | None = None
) -> Iterator[None]:
    """Hold the output folder's lock; refuse at once naming the holder, or ``wait`` for it
    (after telling ``waiting`` who holds it)."""
    path = out / LOCK_NAME
    try:
        # O_NOFOLLOW: a symlink planted as the lock file is refused, never written through
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
    except OSError as exc:
        raise UsageProblem(
            f"{display_path(path)}: cannot open the lock file ({exc.strerror}); "
            "it must be a regular file in the output folder"
        ) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            busy = f"{display_path(out)}: another gapscan batch is writing to this folder"
            if not wait:
                raise UsageProblem(
                    f"{busy} ({_holder(fd)}); let it finish, add --wait, or give another -o folder"
                ) from None
            if waiting is not None:
                waiting(f"{busy} ({_holder(fd)}); this run starts when it has finished")
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError as exc:  # a file system without locks
            raise UsageProblem(
                f"{display_path(path)}: cannot lock the output folder ({exc.strerror}); "
                "give an -o folder on a local disk"
            ) from None
        _claim(fd)
        yield
    finally:
        os.close(fd)
