"""A fork server for the fuzzer: gapscan's command line imported once, each run forked.

Starting ``gapscan`` costs seconds of imports (spaCy, the taxonomy), while reading one fuzz
input takes milliseconds, so 5,000 inputs through fresh processes take hours on a busy
machine. The server imports the command line once; for each request it forks a child that
runs the command as the ``gapscan`` executable would: in a session of its own, under the
address-space cap, stdin from /dev/null, stdout and stderr to files, faulthandler on, and
the exit code Python itself would give (click's, 1 after a traceback, minus the signal
number when killed). The server waits with the wall-clock limit and kills the child's whole
process group when it passes.

Protocol: one JSON request a line on stdin (``args``, ``stdout``, ``stderr``,
``memory_mb``, ``time_limit``), one JSON answer a line on stdout (``returncode``,
``timed_out``).
"""

from __future__ import annotations

import contextlib
import faulthandler
import json
import os
import resource
import select
import signal
import subprocess
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any


def lower_address_space(megabytes: int) -> Callable[[], None]:
    """A ``preexec_fn`` capping RLIMIT_AS at ``megabytes``; it only ever lowers the limit."""
    cap = megabytes << 20

    def limit() -> None:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        new = cap if soft == resource.RLIM_INFINITY else min(soft, cap)
        if hard != resource.RLIM_INFINITY:
            new = min(new, hard)
        resource.setrlimit(resource.RLIMIT_AS, (new, hard))

    return limit


def exit_code(exc: SystemExit) -> int:
    """The process exit code for ``SystemExit``, as the interpreter computes it."""
    if exc.code is None:
        return 0
    if isinstance(exc.code, int):
        return exc.code
    print(exc.code, file=sys.stderr)
    return 1


def _child(request: dict[str, Any]) -> None:
    """Run one command in this forked process and leave with its exit code (never returns)."""
    code = 1
    try:
        os.setsid()
        lower_address_space(int(request["memory_mb"]))()
        signal.signal(signal.SIGINT, signal.default_int_handler)
        for fd, name, flags in (
            (0, os.devnull, os.O_RDONLY),
            (1, request["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
            (2, request["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
        ):
            opened = os.open(name, flags, 0o600)
            os.dup2(opened, fd)
            os.close(opened)
        faulthandler.enable(file=sys.stderr)
        from gapscan.cli import cli

        try:
            cli.main(args=list(request["args"]), prog_name="gapscan")
            code = 0
        except SystemExit as exc:
            code = exit_code(exc)
        except BaseException:  # what the interpreter does with an uncaught exception
            traceback.print_exc()
            code = 1
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):  # a full disk: the exit code still matters
                stream.flush()
        os._exit(code)


def _wait(pid: int, seconds: float) -> tuple[int, bool]:
    """(exit code, timed out) of child ``pid``, killing its process group after ``seconds``."""
    handle = os.pidfd_open(pid)
    try:
        ready, _, _ = select.select([handle], [], [], seconds)
    finally:
        os.close(handle)
    timed_out = not ready
    if timed_out:
        try:
            os.killpg(pid, signal.SIGKILL)
        except ProcessLookupError:  # it exited just now, or before setsid: kill the child
            os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), timed_out


def keep_extractors() -> None:
    """Make gapscan's extractor loader keep what it loaded, per taxonomy and cache folder.

    Loading the spaCy pipeline and matcher from gapscan's cache takes about 3 s of every
    command; loaded once in the server, it is there in every child. Each child starts from
    the same loaded state (the server itself never reads a fuzz input), as a fresh process
    would after loading it.
    """
    from gapscan.skills import cache

    loaded: dict[tuple[str, str], Any] = {}
    load = cache.load_or_build

    def load_once(taxonomy: Any, root: Path | None) -> Any:
        key = (taxonomy.sha256, str(root))
        if key not in loaded:
            loaded[key] = load(taxonomy, root)
        return loaded[key]

    cache.load_or_build = load_once  # type: ignore[assignment]


def warm_up(commands: list[list[str]]) -> None:
    """Run ``commands`` here once, output discarded, so that the modules they import and the
    pipeline they load are ready in every forked child."""
    from gapscan.cli import cli

    keep_extractors()

    saved = [os.dup(1), os.dup(2)]
    sink = os.open(os.devnull, os.O_WRONLY)
    try:
        for args in commands:
            os.dup2(sink, 1)
            os.dup2(sink, 2)
            try:
                cli.main(args=args, prog_name="gapscan")
            except SystemExit:
                pass
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
    finally:
        for fd, copy in zip((1, 2), saved, strict=True):
            os.dup2(copy, fd)
            os.close(copy)
        os.close(sink)


def serve() -> None:
    """Warm up with the commands of the first line, then fork a child per request line."""
    warm_up(json.loads(sys.stdin.readline()))
    for line in sys.stdin:
        request = json.loads(line)
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            _child(request)
        code, timed_out = _wait(pid, float(request["time_limit"]))
        print(json.dumps({"returncode": code, "timed_out": timed_out}), flush=True)


class ForkServer:
    """The parent's handle on one server process; one request at a time."""

    def __init__(self, env: dict[str, str], warm: list[list[str]]) -> None:
        self._proc = subprocess.Popen(
            [sys.executable, __file__],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            text=True,
            start_new_session=True,
        )
        stdin, _ = self._streams()
        stdin.write(json.dumps(warm) + "\n")
        stdin.flush()

    def run(
        self, args: list[str], workdir: Path, memory_mb: int, time_limit: float
    ) -> tuple[int, bool, bytes, bytes]:
        """(exit code, timed out, stdout, stderr) of ``gapscan ARGS`` run in a forked child."""
        out, err = workdir / f"out-{id(self)}", workdir / f"err-{id(self)}"
        request = {
            "args": args,
            "stdout": str(out),
            "stderr": str(err),
            "memory_mb": memory_mb,
            "time_limit": time_limit,
        }
        stdin, stdout = self._streams()
        stdin.write(json.dumps(request) + "\n")
        stdin.flush()
        answer = stdout.readline()
        if not answer:
            raise RuntimeError(f"the fork server exited ({self._proc.poll()})")
        reply = json.loads(answer)
        try:
            return reply["returncode"], reply["timed_out"], out.read_bytes(), err.read_bytes()
        finally:
            out.unlink(missing_ok=True)
            err.unlink(missing_ok=True)

    def _streams(self) -> tuple[IO[str], IO[str]]:
        assert self._proc.stdin is not None and self._proc.stdout is not None
        return self._proc.stdin, self._proc.stdout

    def close(self) -> None:
        stdin, _ = self._streams()
        stdin.close()
        self._proc.wait()


if __name__ == "__main__":
    serve()
